use sea_orm::entity::prelude::*;

/// One erasure, recorded in the key store (not the main database) when it
/// happened: a subject's (no `ticket_id`) or a single ticket's. Ids and a
/// time, nothing personal. See `services::erasure::ledger`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "erasure_ledger")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub job_id: Uuid,
    pub subject_id: Uuid,
    pub ticket_id: Option<Uuid>,
    pub erased_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
