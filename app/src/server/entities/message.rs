use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A reply or an internal note on a ticket.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub author_id: Uuid,
    /// Sealed under the ticket customer's data key (`messages.body`).
    pub body: Vec<u8>,
    pub internal: bool,
    pub created_at: DateTimeUtc,
    /// Set when staff replaced the text (e.g. another customer's data in it).
    pub redacted_at: Option<DateTimeUtc>,
    pub redacted_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `messages.body`: The message text.
pub const BODY: SealedColumn = SealedColumn::new("messages", "body");
