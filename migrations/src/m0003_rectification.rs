//! Rectification: more profile fields, custom fields and their values,
//! field-level permissions, privacy requests with their history, and the mail outbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Profile fields, sealed under the user's data key like name and phone.
        for column in ["twitter", "language", "time_zone"] {
            if !manager.has_column("users", column).await? {
                manager
                    .alter_table(
                        Table::alter()
                            .table("users")
                            .add_column(blob_null(column))
                            .to_owned(),
                    )
                    .await?;
            }
        }
        manager
            .create_table(
                Table::create()
                    .table("custom_fields")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(string_len("scope", 16))
                    .col(string_len("key", 64))
                    .col(string_len("label", 120))
                    .col(string_len("help_text", 500))
                    .col(string_len("field_type", 24))
                    .col(text("options"))
                    .col(boolean("required"))
                    .col(boolean("encrypted"))
                    .col(integer("position"))
                    .col(boolean("archived"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_custom_fields_scope_key")
                    .table("custom_fields")
                    .col("scope")
                    .col("key")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("custom_field_values")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("field_id"))
                    .col(uuid("entity_id"))
                    .col(uuid("subject_id"))
                    // JSON of the value: plaintext for ordinary fields (so they can be
                    // filtered), sealed under the subject's key for encrypted ones.
                    .col(text_null("value_plain"))
                    .col(blob_null("value_sealed"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("custom_field_values", "field_id")
                            .to("custom_fields", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_custom_field_values_entity")
                    .table("custom_field_values")
                    .col("entity_id")
                    .col("field_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("field_permissions")
                    .if_not_exists()
                    .col(string_len("role", 16))
                    .col(string_len("field", 80))
                    .col(string_len("access", 8))
                    .primary_key(Index::create().col("role").col("field"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("privacy_requests")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(string_len("kind", 24))
                    .col(uuid("subject_id"))
                    .col(string_len("status", 24))
                    // Request details (e.g. the new email address), sealed under the subject's key.
                    .col(blob_null("details"))
                    .col(string_len_null("confirmation_hash", 64))
                    .col(timestamp_with_time_zone_null("confirmation_expires_at"))
                    .col(timestamp_with_time_zone("received_at"))
                    .col(timestamp_with_time_zone("due_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("privacy_requests", "subject_id")
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
                    .name("idx_privacy_requests_subject")
                    .table("privacy_requests")
                    .col("subject_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("privacy_request_events")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("request_id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(uuid_null("actor_id"))
                    .col(string_len_null("actor_role", 16))
                    .col(string_len("from_status", 24))
                    .col(string_len("to_status", 24))
                    // The reason the subject sees, sealed under their key.
                    .col(blob_null("note"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("privacy_request_events", "request_id")
                            .to("privacy_requests", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("outbound_mail")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid_null("subject_id"))
                    .col(string_len("to_address", 254))
                    // Subject line and body, sealed under the recipient's key.
                    .col(blob("message"))
                    .col(string_len("status", 16))
                    .col(integer("attempts"))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    .col(string_len_null("last_error", 500))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_outbound_mail_due")
                    .table("outbound_mail")
                    .col("status")
                    .col("next_attempt_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "outbound_mail",
            "privacy_request_events",
            "privacy_requests",
            "field_permissions",
            "custom_field_values",
            "custom_fields",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
