//! Types shared by the server and the browser.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a signed-in person is to the help desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Agent,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Customer, Role::Agent, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Customer => "Customer",
            Role::Agent => "Agent",
            Role::Admin => "Admin",
        }
    }

    /// Agents and admins work the help desk; customers are its data subjects.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Agent | Role::Admin)
    }
}

/// The signed-in user, as the pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// Where a ticket stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Open,
    Pending,
    Solved,
    Closed,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 4] = [
        TicketStatus::Open,
        TicketStatus::Pending,
        TicketStatus::Solved,
        TicketStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Pending => "pending",
            TicketStatus::Solved => "solved",
            TicketStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<TicketStatus> {
        TicketStatus::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            TicketStatus::Open => "Open",
            TicketStatus::Pending => "Pending",
            TicketStatus::Solved => "Solved",
            TicketStatus::Closed => "Closed",
        }
    }
}

/// One row of a ticket list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub id: Uuid,
    pub subject: String,
    pub status: TicketStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Shown to staff only; `None` in a customer's own list.
    pub customer_name: Option<String>,
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    pub page: u64,
    pub total_pages: u64,
    pub total_items: u64,
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
}

/// A user as the admin's team page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

/// Limits shared by the forms and the server's validation.
pub mod limits {
    pub const NAME_MAX: usize = 200;
    pub const EMAIL_MAX: usize = 254;
    pub const PASSWORD_MIN: usize = 8;
    pub const PASSWORD_MAX: usize = 1024;
    pub const SUBJECT_MAX: usize = 200;
    pub const MESSAGE_MAX: usize = 20_000;
    pub const PAGE_SIZE: u64 = 20;
}

/// Formats a timestamp for people: `2026-11-29 14:05 UTC`.
pub fn format_time(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// How many data keys each master key wraps (admin keys page, `keys status`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyStatus {
    pub current_key_id: String,
    pub keys: Vec<KeyUsage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyUsage {
    pub key_id: String,
    pub data_keys: u64,
    pub current: bool,
    /// Whether this server has the key (an unconfigured key in use is an error).
    pub configured: bool,
}

/// What an audit event records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    SignUp,
    SignIn,
    SignInFailed,
    SignOut,
    UserCreated,
    TicketCreated,
    TicketReplied,
    InternalNoteAdded,
    TicketStatusChanged,
    ProfileChanged,
    TicketFieldsChanged,
    CustomFieldChanged,
    FieldPermissionChanged,
    PrivacyRequestSubmitted,
    PrivacyRequestConfirmed,
    PrivacyRequestDecided,
    EmailChanged,
    MailQueued,
    ExportRequested,
    ExportDownloaded,
    MasterKeyRotated,
    PrivacyRequestExtended,
    PrivacyRequestWithdrawn,
    LegalHoldPlaced,
    LegalHoldLifted,
    MessageRedacted,
    ErasureScheduled,
    SubjectErased,
    TicketErased,
    ErasureVerified,
    SettingChanged,
    ErasureStepDone,
}

impl AuditAction {
    pub const ALL: [AuditAction; 32] = [
        AuditAction::SignUp,
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignOut,
        AuditAction::UserCreated,
        AuditAction::TicketCreated,
        AuditAction::TicketReplied,
        AuditAction::InternalNoteAdded,
        AuditAction::TicketStatusChanged,
        AuditAction::ProfileChanged,
        AuditAction::TicketFieldsChanged,
        AuditAction::CustomFieldChanged,
        AuditAction::FieldPermissionChanged,
        AuditAction::PrivacyRequestSubmitted,
        AuditAction::PrivacyRequestConfirmed,
        AuditAction::PrivacyRequestDecided,
        AuditAction::EmailChanged,
        AuditAction::MailQueued,
        AuditAction::ExportRequested,
        AuditAction::ExportDownloaded,
        AuditAction::MasterKeyRotated,
        AuditAction::PrivacyRequestExtended,
        AuditAction::PrivacyRequestWithdrawn,
        AuditAction::LegalHoldPlaced,
        AuditAction::LegalHoldLifted,
        AuditAction::MessageRedacted,
        AuditAction::ErasureScheduled,
        AuditAction::SubjectErased,
        AuditAction::TicketErased,
        AuditAction::ErasureVerified,
        AuditAction::SettingChanged,
        AuditAction::ErasureStepDone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignUp => "sign_up",
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignOut => "sign_out",
            AuditAction::UserCreated => "user_created",
            AuditAction::TicketCreated => "ticket_created",
            AuditAction::TicketReplied => "ticket_replied",
            AuditAction::InternalNoteAdded => "internal_note_added",
            AuditAction::TicketStatusChanged => "ticket_status_changed",
            AuditAction::ProfileChanged => "profile_changed",
            AuditAction::TicketFieldsChanged => "ticket_fields_changed",
            AuditAction::CustomFieldChanged => "custom_field_changed",
            AuditAction::FieldPermissionChanged => "field_permission_changed",
            AuditAction::PrivacyRequestSubmitted => "privacy_request_submitted",
            AuditAction::PrivacyRequestConfirmed => "privacy_request_confirmed",
            AuditAction::PrivacyRequestDecided => "privacy_request_decided",
            AuditAction::EmailChanged => "email_changed",
            AuditAction::MailQueued => "mail_queued",
            AuditAction::ExportRequested => "export_requested",
            AuditAction::ExportDownloaded => "export_downloaded",
            AuditAction::MasterKeyRotated => "master_key_rotated",
            AuditAction::PrivacyRequestExtended => "privacy_request_extended",
            AuditAction::PrivacyRequestWithdrawn => "privacy_request_withdrawn",
            AuditAction::LegalHoldPlaced => "legal_hold_placed",
            AuditAction::LegalHoldLifted => "legal_hold_lifted",
            AuditAction::MessageRedacted => "message_redacted",
            AuditAction::ErasureScheduled => "erasure_scheduled",
            AuditAction::SubjectErased => "subject_erased",
            AuditAction::TicketErased => "ticket_erased",
            AuditAction::ErasureVerified => "erasure_verified",
            AuditAction::SettingChanged => "setting_changed",
            AuditAction::ErasureStepDone => "erasure_step_done",
        }
    }

    pub fn parse(s: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::SignUp => "Account created (sign-up)",
            AuditAction::SignIn => "Signed in",
            AuditAction::SignInFailed => "Failed sign-in",
            AuditAction::SignOut => "Signed out",
            AuditAction::UserCreated => "Account created by an admin",
            AuditAction::TicketCreated => "Ticket opened",
            AuditAction::TicketReplied => "Reply added",
            AuditAction::InternalNoteAdded => "Internal note added",
            AuditAction::TicketStatusChanged => "Ticket status changed",
            AuditAction::ProfileChanged => "Profile changed",
            AuditAction::TicketFieldsChanged => "Ticket fields changed",
            AuditAction::CustomFieldChanged => "Custom field changed",
            AuditAction::FieldPermissionChanged => "Field permission changed",
            AuditAction::PrivacyRequestSubmitted => "Privacy request submitted",
            AuditAction::PrivacyRequestConfirmed => "Privacy request confirmed",
            AuditAction::PrivacyRequestDecided => "Privacy request decided",
            AuditAction::EmailChanged => "Email address changed",
            AuditAction::MailQueued => "Email sent to you",
            AuditAction::ExportRequested => "Data export requested",
            AuditAction::ExportDownloaded => "Data export downloaded",
            AuditAction::MasterKeyRotated => "Master key rotated",
            AuditAction::PrivacyRequestExtended => "Privacy request deadline extended",
            AuditAction::PrivacyRequestWithdrawn => "Privacy request withdrawn",
            AuditAction::LegalHoldPlaced => "Legal hold placed",
            AuditAction::LegalHoldLifted => "Legal hold lifted",
            AuditAction::MessageRedacted => "Message redacted",
            AuditAction::ErasureScheduled => "Erasure scheduled",
            AuditAction::SubjectErased => "Customer erased",
            AuditAction::TicketErased => "Ticket deleted",
            AuditAction::ErasureVerified => "Erasure checked",
            AuditAction::SettingChanged => "Setting changed",
            AuditAction::ErasureStepDone => "Erasure step done",
        }
    }
}

/// One changed value of an audit event, decrypted for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// An audit event as the admin's audit page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub seq: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub actor_role: Option<Role>,
    pub action: String,
    pub action_label: String,
    pub entity_type: String,
    pub entity_id: String,
    pub subject_email: Option<String>,
    pub changes: Vec<ChangeView>,
}

/// An event about the customer's own data ("Activity on my data").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub occurred_at: DateTime<Utc>,
    /// "You", or a staff member's name and role; never another customer.
    pub who: String,
    pub action_label: String,
    pub entity_type: String,
    pub changes: Vec<ChangeView>,
}

/// Filters of the admin audit page; empty strings mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub actor_email: String,
    pub subject_email: String,
    pub action: String,
    pub entity_type: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    /// `YYYY-MM-DD`, inclusive.
    pub to: String,
}

/// The result of walking the audit chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditVerification {
    pub ok: bool,
    pub events_checked: u64,
    pub head_seq: i64,
    pub head_hash: String,
    pub first_bad_seq: Option<i64>,
    pub problem: Option<String>,
}

/// Where a privacy request stands. One state machine for every kind:
/// submitted → (identity confirmed) → in review → approved | rejected | on hold → executing → completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Submitted,
    InReview,
    OnHold,
    Approved,
    Rejected,
    Executing,
    Completed,
    /// The final check of an erasure found something readable; staff must look.
    NeedsAttention,
    /// The customer took the request back before it was carried out.
    Withdrawn,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 9] = [
        RequestStatus::Submitted,
        RequestStatus::InReview,
        RequestStatus::OnHold,
        RequestStatus::Approved,
        RequestStatus::Rejected,
        RequestStatus::Executing,
        RequestStatus::Completed,
        RequestStatus::NeedsAttention,
        RequestStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Submitted => "submitted",
            RequestStatus::InReview => "in_review",
            RequestStatus::OnHold => "on_hold",
            RequestStatus::Approved => "approved",
            RequestStatus::Rejected => "rejected",
            RequestStatus::Executing => "executing",
            RequestStatus::Completed => "completed",
            RequestStatus::NeedsAttention => "needs_attention",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Submitted => "Waiting for confirmation",
            RequestStatus::InReview => "In review",
            RequestStatus::OnHold => "On hold",
            RequestStatus::Approved => "Approved",
            RequestStatus::Rejected => "Rejected",
            RequestStatus::Executing => "Being carried out",
            RequestStatus::Completed => "Completed",
            RequestStatus::NeedsAttention => "Needs attention",
            RequestStatus::Withdrawn => "Withdrawn",
        }
    }

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
    pub kind: String,
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
    /// `email`, `phone` or `name`.
    pub matched: String,
    pub excerpt: String,
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
    /// `anonymise` (default) or `delete`: erased customers' tickets.
    pub erased_tickets: String,
}

/// A mail as the admin's outbox page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: Uuid,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// `outbox` (no SMTP), `queued`, `sending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
}

/// A "Download my data" archive as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportView {
    pub id: Uuid,
    /// `queued`, `building`, `ready`, `failed` or `expired`.
    pub status: String,
    pub progress: i32,
    pub size_bytes: i64,
    pub requested_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Where to download it, while it is ready.
    pub download_url: Option<String>,
    /// An admin's export of every module rather than one person's data.
    pub all_modules: bool,
}
