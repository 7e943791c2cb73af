use crate::model::{ExportKind, ExportStatus};
use sea_orm::entity::prelude::*;

/// A "Download my data" archive: built in the background, stored encrypted under
/// the subject's key, downloadable by them until it expires.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "data_exports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Whose data it is (for `all`, the admin who asked: it is sealed under their key).
    pub subject_id: Uuid,
    pub kind: ExportKind,
    pub status: ExportStatus,
    /// 0–100 while building.
    pub progress: i32,
    pub size_bytes: i64,
    pub requested_at: DateTimeUtc,
    pub ready_at: Option<DateTimeUtc>,
    pub expires_at: DateTimeUtc,
    pub lease_until: DateTimeUtc,
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
