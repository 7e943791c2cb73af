use sea_orm::entity::prelude::*;

/// A task the portal runs on a schedule (the retention cleanup): the row is
/// its lease, so on several servers it runs once per turn.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scheduled_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    pub next_run_at: DateTimeUtc,
    /// A server running it holds it until then; a server that died lets it go.
    pub lease_until: DateTimeUtc,
    pub last_run_at: Option<DateTimeUtc>,
    /// What the last run did (JSON), or why it failed.
    pub last_result: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
