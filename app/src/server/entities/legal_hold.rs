use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A legal hold: while active, nothing of the subject may be erased or expire.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_holds")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subject_id: Uuid,
    /// Sealed under the subject's key (`legal_holds.reason`).
    pub reason: Vec<u8>,
    pub placed_by: Uuid,
    pub placed_at: DateTimeUtc,
    /// The hold ends by itself at this time, if set.
    pub until: Option<DateTimeUtc>,
    pub lifted_at: Option<DateTimeUtc>,
    pub lifted_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `legal_holds.reason`: Why the hold was placed.
pub const REASON: SealedColumn = SealedColumn::new("legal_holds", "reason");
