use crate::model::{RequestStatus, Role};
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// One step in a privacy request's history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "privacy_request_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub request_id: Uuid,
    pub at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<Role>,
    pub from_status: RequestStatus,
    pub to_status: RequestStatus,
    /// The reason shown to the subject, sealed under their key.
    pub note: Option<Vec<u8>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `privacy_request_events.note`: The reason the subject sees.
pub const NOTE: SealedColumn = SealedColumn::new("privacy_request_events", "note");
