//! Data exports ("Download my data"): one row per requested archive.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("data_exports")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("subject_id"))
                    // `subject`: one person's data; `all`: an admin's export of every module.
                    .col(string_len("kind", 16).default("subject"))
                    // queued, building, ready, failed, expired
                    .col(string_len("status", 16))
                    .col(integer("progress"))
                    .col(big_integer("size_bytes"))
                    .col(timestamp_with_time_zone("requested_at"))
                    .col(timestamp_with_time_zone_null("ready_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    // The worker's lease while building; a crashed build is picked up again.
                    .col(timestamp_with_time_zone("lease_until"))
                    .col(string_len_null("error", 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from("data_exports", "subject_id")
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
                    .name("idx_data_exports_subject")
                    .table("data_exports")
                    .col("subject_id")
                    .col("requested_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("data_exports").to_owned())
            .await
    }
}
