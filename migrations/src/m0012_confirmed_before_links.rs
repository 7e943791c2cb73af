//! Sign-ups made before confirmation links were mailed (between the
//! migration that added `email_confirmed_at` and the release that mails the
//! link) never got a link: they count as confirmed, like every account that
//! existed before, so the sweeper of unconfirmed sign-ups leaves them alone.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE users SET email_confirmed_at = created_at \
                 WHERE email_confirmed_at IS NULL AND erased_at IS NULL AND NOT EXISTS \
                 (SELECT 1 FROM account_tokens t WHERE t.user_id = users.id AND t.purpose = 'confirm_email')",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Which accounts were confirmed this way is not recorded: nothing to undo.
        Ok(())
    }
}
