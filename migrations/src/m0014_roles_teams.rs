//! Roles as permission sets, teams, and tickets that belong to a team and
//! optionally to an agent. Existing tickets go to a first team, "Support",
//! which becomes the default team for new tickets. The blind index starts its
//! back-fill again: it now holds every word (for search) and each ticket's
//! reference, not only the words that may be names.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("roles")
                    .if_not_exists()
                    .col(uuid("id").primary_key())
                    .col(string_len("name", 60).unique_key())
                    // The permissions' stored names, comma-separated.
                    .col(text("permissions"))
                    // all / teams / assigned: which tickets the role sees.
                    .col(string_len("sharing", 20))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("role_field_permissions")
                    .if_not_exists()
                    .col(uuid("role_id"))
                    .col(string_len("field", 80))
                    .col(string_len("access", 10))
                    .primary_key(Index::create().col("role_id").col("field"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("teams")
                    .if_not_exists()
                    .col(uuid("id").primary_key())
                    .col(string_len("name", 60).unique_key())
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("team_members")
                    .if_not_exists()
                    .col(uuid("team_id"))
                    .col(uuid("user_id"))
                    .primary_key(Index::create().col("team_id").col("user_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_team_members_user")
                    .table("team_members")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .add_column(uuid_null("role_id"))
                    .to_owned(),
            )
            .await?;
        for column in ["team_id", "assignee_id"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("tickets")
                        .add_column(uuid_null(column))
                        .to_owned(),
                )
                .await?;
        }
        for (name, cols) in [
            (
                "idx_tickets_team_updated",
                &["team_id", "updated_at", "id"][..],
            ),
            (
                "idx_tickets_team_created",
                &["team_id", "created_at", "id"][..],
            ),
            (
                "idx_tickets_assignee_updated",
                &["assignee_id", "updated_at", "id"][..],
            ),
            (
                "idx_tickets_assignee_created",
                &["assignee_id", "created_at", "id"][..],
            ),
            ("idx_tickets_updated", &["updated_at", "id"][..]),
        ] {
            let mut index = Index::create();
            index.if_not_exists().name(name).table("tickets");
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        let support = uuid::Uuid::now_v7();
        manager
            .exec_stmt(
                Query::insert()
                    .into_table("teams")
                    .columns(["id", "name", "created_at"])
                    .values_panic([support.into(), "Support".into(), chrono::Utc::now().into()])
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table("tickets")
                    .value("team_id", support)
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table("settings")
                    .columns(["key", "value"])
                    .values_panic(["tickets.default_team".into(), support.to_string().into()])
                    .to_owned(),
            )
            .await?;
        // Index again from the start: rows already there are kept (inserts
        // ignore duplicates), every word and reference is added.
        manager
            .exec_stmt(
                Query::update()
                    .table("blind_index_backfill")
                    .value("done", false)
                    .value("after_id", Option::<uuid::Uuid>::None)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["team_members", "teams", "role_field_permissions", "roles"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in ["team_id", "assignee_id"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("tickets")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .drop_column("role_id")
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::delete()
                    .from_table("settings")
                    .and_where(Expr::col("key").eq("tickets.default_team"))
                    .to_owned(),
            )
            .await
    }
}
