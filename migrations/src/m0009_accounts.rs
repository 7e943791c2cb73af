//! The account lifecycle: disabled accounts, passwords to set at first sign-in,
//! confirmed sign-up addresses, single-use links (password reset, address
//! confirmation), what a session shows on the devices page, the cancel link of
//! an email change, and sign-in failures that know their account (so erasure
//! finds them whatever their throttle key).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        let columns = [
            ("users", timestamp_with_time_zone_null("disabled_at")),
            (
                "users",
                boolean("must_change_password").default(false).to_owned(),
            ),
            ("users", timestamp_with_time_zone_null("email_confirmed_at")),
            ("sessions", string_len_null("user_agent", 300)),
            ("sessions", string_len_null("client", 64)),
            ("privacy_requests", string_len_null("cancel_hash", 64)),
            ("sign_in_failures", string_len_null("account", 320)),
        ];
        for (table, mut column) in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        // Accounts that exist already keep working: their address counts as confirmed.
        db.execute_unprepared(
            "UPDATE users SET email_confirmed_at = created_at WHERE email_confirmed_at IS NULL",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE sign_in_failures SET account = substr(throttle_key, 9) \
             WHERE throttle_key LIKE 'account:%'",
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_sign_in_failures_account")
                    .table("sign_in_failures")
                    .col("account")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("account_tokens")
                    .col(pk_uuid("id"))
                    .col(uuid("user_id"))
                    // "password_reset" or "confirm_email".
                    .col(string_len("purpose", 32))
                    // SHA-256 of the mailed token: the link itself is never stored.
                    .col(string_len_uniq("token_hash", 64))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("account_tokens", "user_id")
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
                    .name("idx_account_tokens_user")
                    .table("account_tokens")
                    .col("user_id")
                    .col("purpose")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("account_tokens").to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_sign_in_failures_account")
                    .table("sign_in_failures")
                    .to_owned(),
            )
            .await?;
        let columns = [
            ("sign_in_failures", "account"),
            ("privacy_requests", "cancel_hash"),
            ("sessions", "client"),
            ("sessions", "user_agent"),
            ("users", "email_confirmed_at"),
            ("users", "must_change_password"),
            ("users", "disabled_at"),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
