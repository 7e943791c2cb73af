//! The hash-chained audit log and its chain head.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The hash before the first event.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("audit_events")
                    .if_not_exists()
                    .col(big_integer("seq").primary_key())
                    .col(uuid("id"))
                    .col(timestamp_with_time_zone("occurred_at"))
                    .col(uuid_null("actor_id"))
                    .col(string_len_null("actor_role", 16))
                    .col(string_len("action", 40))
                    .col(string_len("entity_type", 40))
                    .col(string_len("entity_id", 64))
                    .col(uuid_null("subject_id"))
                    // Before/after values, AES-256-GCM under the subject's data key.
                    .col(blob_null("changes"))
                    // Changes that are not personal data (settings), as plaintext JSON.
                    .col(text_null("details"))
                    .col(string_len("prev_hash", 64))
                    .col(string_len("hash", 64))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_audit_subject", "subject_id"),
            ("idx_audit_actor", "actor_id"),
            ("idx_audit_occurred", "occurred_at"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .if_not_exists()
                        .name(name)
                        .table("audit_events")
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        // One row: the last sequence number and hash. Appends lock it, so
        // concurrent writers never fork the chain.
        manager
            .create_table(
                Table::create()
                    .table("audit_head")
                    .if_not_exists()
                    .col(integer("id").primary_key())
                    .col(big_integer("last_seq"))
                    .col(string_len("last_hash", 64))
                    .to_owned(),
            )
            .await?;
        let insert = Query::insert()
            .into_table("audit_head")
            .columns(["id", "last_seq", "last_hash"])
            .values_panic([1.into(), 0i64.into(), GENESIS.into()])
            .on_conflict(OnConflict::column("id").do_nothing().to_owned())
            .to_owned();
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["audit_head", "audit_events"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
