//! Users, sessions, sign-in throttling, tickets and their messages. Names,
//! phones, subjects and message bodies are stored encrypted (binary columns).
//! Every statement is `IF NOT EXISTS`, so a migration interrupted half-way
//! (SQLite runs DDL outside the migration record) can simply be run again.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("users")
                    .col(pk_uuid("id"))
                    .col(string_len_uniq("email", 254))
                    // Personal values are AES-256-GCM ciphertext under the user's data key.
                    .col(blob("name"))
                    .col(blob_null("phone"))
                    .col(text("password_hash"))
                    .col(string_len("role", 16))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("sessions")
                    .col(string_len("token_hash", 64).primary_key())
                    .col(uuid("user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_seen_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("sessions", "user_id")
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
                    .name("idx_sessions_user")
                    .table("sessions")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("sign_in_failures")
                    .col(pk_uuid("id"))
                    .col(string_len("throttle_key", 300))
                    .col(timestamp_with_time_zone("failed_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_sign_in_failures_key")
                    .table("sign_in_failures")
                    .col("throttle_key")
                    .col("failed_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("tickets")
                    .col(pk_uuid("id"))
                    .col(uuid("customer_id"))
                    .col(blob("subject"))
                    .col(string_len("status", 16))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("tickets", "customer_id")
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
                    .name("idx_tickets_customer")
                    .table("tickets")
                    .col("customer_id")
                    .col("created_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .if_not_exists()
                    .table("messages")
                    .col(pk_uuid("id"))
                    .col(uuid("ticket_id"))
                    .col(uuid("author_id"))
                    .col(blob("body"))
                    .col(boolean("internal"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("messages", "ticket_id")
                            .to("tickets", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from("messages", "author_id")
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
                    .name("idx_messages_ticket")
                    .table("messages")
                    .col("ticket_id")
                    .col("created_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "messages",
            "tickets",
            "sign_in_failures",
            "sessions",
            "users",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
