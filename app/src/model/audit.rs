//! The audit log as its readers see it.
use super::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// What an audit event records.
    pub enum AuditAction {
        SignUp = "sign_up" => "Account created (sign-up)",
        SignIn = "sign_in" => "Signed in",
        SignInFailed = "sign_in_failed" => "Failed sign-in",
        SignOut = "sign_out" => "Signed out",
        UserCreated = "user_created" => "Account created by an admin",
        TicketCreated = "ticket_created" => "Ticket opened",
        TicketReplied = "ticket_replied" => "Reply added",
        InternalNoteAdded = "internal_note_added" => "Internal note added",
        TicketStatusChanged = "ticket_status_changed" => "Ticket status changed",
        ProfileChanged = "profile_changed" => "Profile changed",
        TicketFieldsChanged = "ticket_fields_changed" => "Ticket fields changed",
        CustomFieldChanged = "custom_field_changed" => "Custom field changed",
        FieldPermissionChanged = "field_permission_changed" => "Field permission changed",
        PrivacyRequestSubmitted = "privacy_request_submitted" => "Privacy request submitted",
        PrivacyRequestConfirmed = "privacy_request_confirmed" => "Privacy request confirmed",
        PrivacyRequestDecided = "privacy_request_decided" => "Privacy request decided",
        EmailChanged = "email_changed" => "Email address changed",
        MailQueued = "mail_queued" => "Email sent to you",
        ExportRequested = "export_requested" => "Data export requested",
        ExportDownloaded = "export_downloaded" => "Data export downloaded",
        MasterKeyRotated = "master_key_rotated" => "Master key rotated",
        PrivacyRequestExtended = "privacy_request_extended" => "Privacy request deadline extended",
        PrivacyRequestWithdrawn = "privacy_request_withdrawn" => "Privacy request withdrawn",
        LegalHoldPlaced = "legal_hold_placed" => "Legal hold placed",
        LegalHoldLifted = "legal_hold_lifted" => "Legal hold lifted",
        MessageRedacted = "message_redacted" => "Message redacted",
        ErasureScheduled = "erasure_scheduled" => "Erasure scheduled",
        SubjectErased = "subject_erased" => "Customer erased",
        TicketErased = "ticket_erased" => "Ticket deleted",
        ErasureVerified = "erasure_verified" => "Erasure checked",
        SettingChanged = "setting_changed" => "Setting changed",
        ErasureStepDone = "erasure_step_done" => "Erasure step done",
        SignInThrottled = "sign_in_throttled" => "Sign-in refused: too many attempts",
        ReauthFailed = "reauth_failed" => "Wrong password when asked again",
        SignInRefused = "sign_in_refused" => "Sign-in refused: account disabled",
        PasswordChanged = "password_changed" => "Password changed",
        PasswordResetRequested = "password_reset_requested" => "Password reset link sent",
        PasswordReset = "password_reset" => "Password reset with a link",
        AccountDisabled = "account_disabled" => "Account disabled",
        AccountEnabled = "account_enabled" => "Account enabled",
        SessionEnded = "session_ended" => "Signed out a device",
        EmailConfirmed = "email_confirmed" => "Email address confirmed",
        UnconfirmedAccountRemoved = "unconfirmed_account_removed" => "Unconfirmed account removed",
        EmailChangeCancelled = "email_change_cancelled" => "Email change cancelled from the old address",
        TwoFactorEnabled = "two_factor_enabled" => "Two-factor sign-in turned on",
        TwoFactorDisabled = "two_factor_disabled" => "Two-factor sign-in turned off",
        PasskeyAdded = "passkey_added" => "Passkey added",
        PasskeyRemoved = "passkey_removed" => "Passkey removed",
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
