use crate::model::TicketStatus;
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A customer's support ticket.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub customer_id: Uuid,
    /// Sealed under the customer's data key (`tickets.subject`).
    pub subject: Vec<u8>,
    pub status: TicketStatus,
    /// The team it belongs to (none only without a default team).
    pub team_id: Option<Uuid>,
    /// The agent working it, if any.
    pub assignee_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the retention policy removed its content (subject and messages).
    pub anonymised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `tickets.subject`: The ticket's subject line.
pub const SUBJECT: SealedColumn = SealedColumn::new("tickets", "subject");
