//! The blind index of identifiers in messages and subject lines: keyed tokens
//! (never text) pointing at the message or ticket they were found in, and the
//! progress of indexing what was written before the index existed.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("blind_index")
                    .if_not_exists()
                    // HMAC-SHA-256 of one normalised token, first 16 bytes.
                    .col(binary_len("token", 16))
                    // The message it was found in, or the ticket for a subject line.
                    .col(uuid("source_id"))
                    .primary_key(Index::create().col("token").col("source_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_blind_index_source")
                    .table("blind_index")
                    .col("source_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("blind_index_backfill")
                    .if_not_exists()
                    // "messages" or "tickets".
                    .col(string_len("source", 20).primary_key())
                    // The last id indexed; rows are walked in id order.
                    .col(uuid_null("after_id"))
                    .col(boolean("done"))
                    .to_owned(),
            )
            .await?;
        for source in ["messages", "tickets"] {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table("blind_index_backfill")
                        .columns(["source", "done"])
                        .values_panic([source.into(), false.into()])
                        .on_conflict(OnConflict::column("source").do_nothing().to_owned())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("blind_index_backfill").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("blind_index").to_owned())
            .await
    }
}
