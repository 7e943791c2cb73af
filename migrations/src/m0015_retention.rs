//! Retention: when a customer last signed in (an account unused for the
//! configured months is closed, after a notice, and erased at the next
//! cleanup), when a ticket's content was removed by the retention policy, and
//! the scheduler's lease rows, so one cleanup runs once across servers.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const USER_COLUMNS: [&str; 3] = ["last_active_at", "closure_notice_at", "closed_at"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in USER_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("users")
                        .add_column(timestamp_with_time_zone_null(column))
                        .to_owned(),
                )
                .await?;
        }
        // Until someone signs in again, their account counts as active since it was made.
        manager
            .exec_stmt(
                Query::update()
                    .table("users")
                    .value("last_active_at", Expr::col("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("tickets")
                    .add_column(timestamp_with_time_zone_null("anonymised_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("scheduled_tasks")
                    .if_not_exists()
                    .col(string_len("name", 64).primary_key())
                    .col(timestamp_with_time_zone("next_run_at"))
                    .col(timestamp_with_time_zone("lease_until"))
                    .col(timestamp_with_time_zone_null("last_run_at"))
                    .col(text_null("last_result"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("scheduled_tasks").to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("tickets")
                    .drop_column("anonymised_at")
                    .to_owned(),
            )
            .await?;
        for column in USER_COLUMNS {
            manager
                .alter_table(Table::alter().table("users").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
