//! Privacy requests, erasure and legal holds, as staff and subjects see them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// What a privacy request asks for. One request table and one state machine serve every kind.
    pub enum RequestKind {
        /// Rectify the sign-in address (GDPR Art. 16): confirmed by a link, approved by staff.
        EmailChange = "email_change",
        /// Delete the account and the data (GDPR Art. 17).
        Erasure = "erasure",
    }
}

vocabulary! {
    /// Where a privacy request stands. One state machine for every kind:
    /// submitted → (identity confirmed) → in review → approved | rejected | on hold → executing → completed.
    pub enum RequestStatus {
        Submitted = "submitted",
        InReview = "in_review",
        OnHold = "on_hold",
        Approved = "approved",
        Rejected = "rejected",
        Executing = "executing",
        Completed = "completed",
        /// The final check of an erasure found something readable; staff must look.
        NeedsAttention = "needs_attention",
        /// The customer took the request back before it was carried out.
        Withdrawn = "withdrawn",
    }
}

impl RequestStatus {
    /// Still waiting for someone to act.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RequestStatus::Submitted
                | RequestStatus::InReview
                | RequestStatus::OnHold
                | RequestStatus::Approved
                | RequestStatus::Executing
                | RequestStatus::NeedsAttention
        )
    }

    /// The subject may still take the request back.
    pub fn withdrawable(self) -> bool {
        matches!(
            self,
            RequestStatus::Submitted | RequestStatus::InReview | RequestStatus::OnHold
        )
    }
}

/// One step of a request's history, as its subject or an agent sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestStep {
    pub at: DateTime<Utc>,
    pub status: RequestStatus,
    /// What the step means for this kind of request ("Received", "In review", …).
    pub label: String,
    /// "You", "Our team (Agnes Agent)", or "Confirmation link".
    pub by: String,
    /// The reason given, which the subject sees.
    pub note: Option<String>,
}

/// A privacy request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyRequestView {
    pub id: Uuid,
    pub kind: RequestKind,
    pub kind_label: String,
    pub status: RequestStatus,
    /// What is asked, e.g. "Change email to new@example.org".
    pub summary: String,
    pub received_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub overdue: bool,
    /// For staff: whose request it is.
    pub subject_email: Option<String>,
    /// For staff: the subject's user id (legal holds, direct erasure).
    pub subject_id: Option<Uuid>,
    /// Open and due within seven days (not yet overdue).
    pub due_soon: bool,
    /// Months the due date was extended by (at most two).
    pub extended_months: i32,
    /// The result of an erasure's final check, once it ran.
    pub verification: Option<ErasureCheck>,
    pub history: Vec<RequestStep>,
}

/// Filters of the privacy requests queue; empty means "any open".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// `email_change`, `erasure` or empty.
    pub kind: String,
    /// A status name, `closed`, `all`, or empty for every open request.
    pub status: String,
}

/// The queue with its counts over every open request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestQueue {
    pub items: Vec<PrivacyRequestView>,
    pub open: u64,
    pub overdue: u64,
    pub due_soon: u64,
    pub on_hold: u64,
    pub needs_attention: u64,
}

/// What erasing a customer (or one ticket) will do, per category of data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasurePreview {
    /// "Erased customer 7f3a9c": how kept records will name the subject.
    pub pseudonym: String,
    pub subject_email: String,
    pub categories: Vec<PreviewRow>,
    /// The subject's email, phone or name found in other customers' conversations.
    pub mentions: Vec<Mention>,
    /// Mentions in tickets the reader's sharing rule does not reach: counted, not shown.
    #[serde(default)]
    pub mentions_elsewhere: u64,
    pub hold: Option<HoldView>,
    /// Whether the viewer may lift the hold (admins).
    pub can_lift_hold: bool,
    /// Already erased (or an erasure is under way).
    pub erased: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub category: String,
    pub count: u64,
    /// "Deleted", "Destroyed", "Kept anonymised", "Kept; personal values shredded".
    pub outcome: String,
}

/// A message in another customer's ticket that names the subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub ticket_id: Uuid,
    /// The message that names them; `None` when it is the ticket's subject line.
    pub message_id: Option<Uuid>,
    pub matched: MentionKind,
    pub excerpt: String,
    /// Found in an internal note (shown only to those who read internal notes).
    #[serde(default)]
    pub internal: bool,
}

/// An active legal hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldView {
    pub id: Uuid,
    pub reason: String,
    pub placed_by: String,
    pub placed_at: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

/// The final check of an erasure and the steps that ran.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureCheck {
    pub ok: bool,
    pub checked_at: DateTime<Utc>,
    /// What is still readable (the reason for "needs attention").
    pub findings: Vec<String>,
    /// Worth a look but not a failure (e.g. a common name in another ticket).
    pub warnings: Vec<String>,
    pub steps: Vec<String>,
}

/// Admin settings of the privacy area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacySettings {
    /// What happens to erased customers' tickets (kept anonymised by default).
    pub erased_tickets: TicketsPolicy,
}

vocabulary! {
    /// What happens to an erased customer's tickets (an admin setting, copied onto each job).
    pub enum TicketsPolicy {
        /// Kept for reporting (status and dates); their text stays unreadable ciphertext.
        Anonymise = "anonymise",
        Delete = "delete",
    }
}

vocabulary! {
    /// What an erasure job erases.
    pub enum JobScope {
        Customer = "customer",
        Ticket = "ticket",
    }
}

vocabulary! {
    /// Where an erasure job stands.
    pub enum JobStatus {
        Queued = "queued",
        /// A worker holds its lease.
        Running = "running",
        Completed = "completed",
        /// The final check found something readable, or the job kept failing.
        NeedsAttention = "needs_attention",
    }
}

vocabulary! {
    /// A step of an erasure job. Each is recorded when done and never run again.
    pub enum ErasureStep {
        DestroyKey = "destroy_key",
        DeleteRecords = "delete_records",
        EndSessions = "end_sessions",
        Notify = "notify",
        Pseudonymise = "pseudonymise",
        DeleteExports = "delete_exports",
        Audit = "audit",
        DeleteTicket = "delete_ticket",
        Compact = "compact",
        Verify = "verify",
    }
}

impl ErasureStep {
    /// Erasing a customer, in order. After the address is gone (`pseudonymise`)
    /// the exports go, so no archive made meanwhile can still hold it.
    pub const CUSTOMER: [ErasureStep; 9] = [
        ErasureStep::DestroyKey,
        ErasureStep::DeleteRecords,
        ErasureStep::EndSessions,
        ErasureStep::Notify,
        ErasureStep::Pseudonymise,
        ErasureStep::DeleteExports,
        ErasureStep::Audit,
        ErasureStep::Compact,
        ErasureStep::Verify,
    ];
    /// Deleting one ticket, in order.
    pub const TICKET: [ErasureStep; 3] = [
        ErasureStep::DeleteTicket,
        ErasureStep::Compact,
        ErasureStep::Verify,
    ];
}

vocabulary! {
    /// Which of the subject's identifiers a mention matched.
    pub enum MentionKind {
        Email = "email",
        Phone = "phone",
        Name = "name",
    }
}
