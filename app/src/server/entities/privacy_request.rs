use crate::model::{RequestKind, RequestStatus};
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A data subject's request (email change now; export and erasure later).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "privacy_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: RequestKind,
    pub subject_id: Uuid,
    pub status: RequestStatus,
    /// JSON details sealed under the subject's key (e.g. the requested email).
    pub details: Option<Vec<u8>>,
    /// SHA-256 of the emailed confirmation token, until it is used.
    pub confirmation_hash: Option<String>,
    pub confirmation_expires_at: Option<DateTimeUtc>,
    /// SHA-256 of the cancel token mailed to the old address (email changes).
    pub cancel_hash: Option<String>,
    pub received_at: DateTimeUtc,
    /// One calendar month after receipt (GDPR Art. 12(3)).
    pub due_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Months added to the due date with a reason (at most two).
    pub extended_months: i32,
    /// The final check of an erasure, as JSON (counts only, no personal data).
    pub verification: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `privacy_requests.details`: What is asked, under the subject's key.
pub const DETAILS: SealedColumn = SealedColumn::new("privacy_requests", "details");
