use crate::model::ErasureStep;
use sea_orm::entity::prelude::*;

/// A completed step of an erasure job; a step with a row here is never run again.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "erasure_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub job_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub step: ErasureStep,
    pub completed_at: DateTimeUtc,
    /// Counts as JSON; never personal data.
    pub detail: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
