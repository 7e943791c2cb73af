use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// One link of the audit hash chain. See `server::audit` for the hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub subject_id: Option<Uuid>,
    /// JSON of before/after values, sealed under the subject's data key.
    pub changes: Option<Vec<u8>>,
    /// JSON of changes that are not personal data (settings), in plaintext.
    pub details: Option<String>,
    /// Hex SHA-256 of `changes` as first sealed; the chain (format v2) covers
    /// this digest rather than the ciphertext, so a redaction can re-seal it.
    pub changes_digest: Option<String>,
    /// When a redaction replaced a value in `changes` (attested by a later
    /// "message redacted" event that names this event's seq).
    pub changes_redacted_at: Option<DateTimeUtc>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `audit_events.changes`: The before/after values, under the subject's key.
pub const CHANGES: SealedColumn = SealedColumn::new("audit_events", "changes");
