//! The shared archive store: a finished "Download my data" archive as rows of
//! its encrypted bytes, so any server behind a load balancer can stream an
//! archive another one built (`CUSTODIAN_ARCHIVE_STORE=database`).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("archive_chunks")
                    .if_not_exists()
                    .col(uuid("export_id"))
                    .col(integer("seq"))
                    .col(blob("data"))
                    .primary_key(Index::create().col("export_id").col("seq"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("archive_chunks").to_owned())
            .await
    }
}
