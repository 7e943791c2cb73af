//! The audit log as its readers see it.
use super::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// What an audit event records.
    pub enum AuditAction {
        SignUp = "sign_up",
        SignIn = "sign_in",
        SignInFailed = "sign_in_failed",
        SignOut = "sign_out",
        UserCreated = "user_created",
        TicketCreated = "ticket_created",
        TicketReplied = "ticket_replied",
        InternalNoteAdded = "internal_note_added",
        TicketStatusChanged = "ticket_status_changed",
        ProfileChanged = "profile_changed",
        TicketFieldsChanged = "ticket_fields_changed",
        CustomFieldChanged = "custom_field_changed",
        FieldPermissionChanged = "field_permission_changed",
        PrivacyRequestSubmitted = "privacy_request_submitted",
        PrivacyRequestConfirmed = "privacy_request_confirmed",
        PrivacyRequestDecided = "privacy_request_decided",
        EmailChanged = "email_changed",
        MailQueued = "mail_queued",
        ExportRequested = "export_requested",
        ExportDownloaded = "export_downloaded",
        MasterKeyRotated = "master_key_rotated",
        PrivacyRequestExtended = "privacy_request_extended",
        PrivacyRequestWithdrawn = "privacy_request_withdrawn",
        LegalHoldPlaced = "legal_hold_placed",
        LegalHoldLifted = "legal_hold_lifted",
        MessageRedacted = "message_redacted",
        ErasureScheduled = "erasure_scheduled",
        SubjectErased = "subject_erased",
        TicketErased = "ticket_erased",
        ErasureVerified = "erasure_verified",
        SettingChanged = "setting_changed",
        ErasureStepDone = "erasure_step_done",
        SignInThrottled = "sign_in_throttled",
        ReauthFailed = "reauth_failed",
        SignInRefused = "sign_in_refused",
        PasswordChanged = "password_changed",
        PasswordResetRequested = "password_reset_requested",
        PasswordReset = "password_reset",
        AccountDisabled = "account_disabled",
        AccountEnabled = "account_enabled",
        SessionEnded = "session_ended",
        EmailConfirmed = "email_confirmed",
        UnconfirmedAccountRemoved = "unconfirmed_account_removed",
        EmailChangeCancelled = "email_change_cancelled",
        TwoFactorEnabled = "two_factor_enabled",
        TwoFactorDisabled = "two_factor_disabled",
        PasskeyAdded = "passkey_added",
        PasskeyRemoved = "passkey_removed",
        /// Staff downloaded the register of privacy requests.
        RegisterExported = "register_exported",
        RoleCreated = "role_created",
        RoleChanged = "role_changed",
        RoleDeleted = "role_deleted",
        TeamCreated = "team_created",
        TeamChanged = "team_changed",
        TeamDeleted = "team_deleted",
        StaffRoleChanged = "staff_role_changed",
        TicketAssigned = "ticket_assigned",
        /// A restored database still showed an erased customer or ticket: erased again.
        ErasureReapplied = "erasure_reapplied",
        BackupTaken = "backup_taken",
        BackupsExpired = "backups_expired",
        BackupRestored = "backup_restored",
        /// The retention policy removed a ticket's content (its audit copies re-sealed as "[redacted]").
        TicketAnonymised = "ticket_anonymised",
        /// The retention policy closed an account unused for its months.
        AccountClosed = "account_closed",
        /// A retention cleanup ran, with its counts.
        RetentionCleanup = "retention_cleanup",
        /// The mail saying an unused account will be closed went out.
        ClosureNoticeSent = "closure_notice_sent",
    }
}

/// One changed value of an audit event, decrypted for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// Where the new value leads, when it names something the reader may
    /// open (a ticket of theirs): `/tickets/<id>`.
    #[serde(default)]
    pub link: Option<String>,
}

/// An audit event as the admin's audit page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub seq: i64,
    pub occurred_at: DateTime<Utc>,
    /// Shown only as a tooltip or when the person is gone.
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub actor_role: Option<Role>,
    pub action: String,
    pub action_label: String,
    pub entity_type: String,
    pub entity_id: String,
    /// What people call the entity (a person, a custom field) when its id is all
    /// the event has and nothing else on the row names it.
    pub entity_name: Option<String>,
    /// The entity's page, when it has one and the entity still exists.
    pub entity_href: Option<String>,
    /// Shown only as a tooltip or when the person is gone.
    pub subject_id: Option<String>,
    /// The subject's name (an erased customer's pseudonym).
    pub subject_name: Option<String>,
    pub subject_email: Option<String>,
    pub changes: Vec<ChangeView>,
}

/// An event about the customer's own data ("Activity on my data").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub occurred_at: DateTime<Utc>,
    /// "You", a staff member's name and role, or "The help desk"; never
    /// another customer.
    pub who: String,
    /// The same as the phrase after the action: "by you", "by the help desk".
    pub by: String,
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
