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
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
