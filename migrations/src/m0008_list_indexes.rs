//! Indexes for the agent queue (every ticket, newest first, optionally by
//! status): without them each page view sorts the whole tickets table.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_tickets_created")
                    .table("tickets")
                    .col("created_at")
                    .col("id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_tickets_status_created")
                    .table("tickets")
                    .col("status")
                    .col("created_at")
                    .col("id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["idx_tickets_status_created", "idx_tickets_created"] {
            manager
                .drop_index(Index::drop().name(name).table("tickets").to_owned())
                .await?;
        }
        Ok(())
    }
}
