//! Passkeys and security keys (WebAuthn), and when a session's sign-in used a
//! second factor. Each person's registered
//! credentials (the credential sealed under their data key, the id in the
//! clear to find it), and the short-lived challenges between a ceremony's
//! start and finish, kept in the database so any server can finish it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // When the session's sign-in used a second factor: adding another
        // factor asks for that, not only the password.
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(timestamp_with_time_zone_null("second_factor_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("passkeys")
                    .col(pk_uuid("id"))
                    .col(uuid("user_id"))
                    // base64url of the authenticator's credential id, unique across accounts.
                    .col(string_len_uniq("credential_id", 1400))
                    .col(blob("credential"))
                    .col(blob("name"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("last_used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("passkeys", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_passkeys_user")
                    .table("passkeys")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("webauthn_challenges")
                    .col(pk_uuid("id"))
                    .col(uuid_null("user_id"))
                    // "register" or "sign_in".
                    .col(string_len("purpose", 16))
                    .col(text("state"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("webauthn_challenges").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("passkeys").to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .drop_column("second_factor_at")
                    .to_owned(),
            )
            .await
    }
}
