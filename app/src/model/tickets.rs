//! Tickets and their conversations, as the pages see them.
use super::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// Where a ticket stands.
    pub enum TicketStatus {
        Open = "open",
        Pending = "pending",
        Solved = "solved",
        Closed = "closed",
    }
}

/// One row of a ticket list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub id: Uuid,
    /// `#1A2B3C4D`: what people quote and search by.
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Shown to staff only; `None` in a customer's own list.
    pub customer_name: Option<String>,
    /// Staff only: the ticket's team and agent.
    pub team_name: Option<String>,
    pub assignee_name: Option<String>,
}

/// A message in a ticket's conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: Uuid,
    pub author_name: String,
    pub author_role: Role,
    pub body: String,
    /// Internal notes are never sent to customers.
    pub internal: bool,
    /// Staff replaced the original text.
    pub redacted: bool,
    pub created_at: DateTime<Utc>,
}

/// A ticket with its conversation, as the asking user may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketDetail {
    pub id: Uuid,
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    pub created_at: DateTime<Utc>,
    pub customer_name: String,
    /// The customer's user id, for staff only (erasure, legal hold).
    pub customer_id: Option<Uuid>,
    /// The customer's email, for staff only (and only if their role may see it).
    pub customer_email: Option<String>,
    pub messages: Vec<MessageView>,
    /// The ticket's custom fields the reader may see; `editable` where they may change them.
    pub fields: Vec<crate::fields::FieldView>,
    /// The customer's contact fields, for staff, per their field permissions.
    pub customer_fields: Vec<crate::fields::FieldView>,
    /// Whether the reader works the help desk (status, internal notes).
    pub viewer_is_staff: bool,
    /// Staff only: its team and agent, and where it could go for those who may reassign.
    pub assignment: Option<super::Assignment>,
    /// What the reader's role lets them do here (the page hides the rest).
    pub can: TicketAbilities,
}

/// What the reader may do on a ticket's page: the policy's answers, mirrored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketAbilities {
    pub reply: bool,
    pub internal_notes: bool,
    pub change_status: bool,
    pub assign: bool,
    pub delete: bool,
    pub redact: bool,
}
