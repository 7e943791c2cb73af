use crate::model::MailStatus;
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A mail waiting to be sent, sent, or kept in the outbox when no SMTP server is configured.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbound_mail")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subject_id: Option<Uuid>,
    pub to_address: String,
    /// JSON {subject, body}, sealed under the recipient's key.
    pub message: Vec<u8>,
    pub status: MailStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `outbound_mail.message`: Subject and body, under the recipient's key.
pub const MESSAGE: SealedColumn = SealedColumn::new("outbound_mail", "message");
