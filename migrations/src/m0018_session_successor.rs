//! A replaced session names its successor: a second re-authentication racing
//! on the same old token (two tabs) finds the token the first one made instead
//! of making another live session nobody holds.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(string_null("replaced_by"))
                    .to_owned(),
            )
            .await?;
        // Ending a session looks up the tokens it replaced.
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_replaced_by")
                    .table("sessions")
                    .col("replaced_by")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_sessions_replaced_by")
                    .table("sessions")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .drop_column("replaced_by")
                    .to_owned(),
            )
            .await
    }
}
