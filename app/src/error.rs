//! The error every server function returns: a stable code the pages match on,
//! and a human message. Internals never travel in it.
use crate::i18n::Tr;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Machine-readable errors shown to users. The page renders `message()` and `code()`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error("We could not find that.")]
    NotFound,
    #[error("{message}")]
    Validation { field: String, message: String },
    #[error("Some fields need attention: {}", errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" "))]
    InvalidFields { errors: Vec<FieldError> },
    #[error("The email or password is not correct.")]
    InvalidCredentials,
    /// The password was right, but it was set by an admin: the person chooses their own first.
    #[error("Choose your own password to continue: the one you were given is only for the first sign-in.")]
    PasswordChangeRequired,
    /// The password was right; the account also asks for a second factor.
    #[error("{}", second_factor_prompt(*authenticator_app, *passkey))]
    SecondFactorRequired {
        authenticator_app: bool,
        passkey: bool,
    },
    /// A staff member without two-factor sign-in, where the admins require it.
    #[error("Set up two-factor sign-in first: your help desk requires it for staff. Go to Security in the menu.")]
    TwoFactorSetupRequired,
    /// Until the sign-up address is confirmed, exports, erasure and email changes wait.
    #[error("Confirm your email address first: open the link we mailed you when you signed up (the Privacy page can send it again).")]
    EmailNotConfirmed,
    #[error("This account has been disabled. Ask an administrator of your help desk to enable it again.")]
    AccountDisabled,
    #[error("Too many sign-in attempts. Please wait {retry_after_minutes} minutes and try again.")]
    RateLimited { retry_after_minutes: u32 },
    #[error("An account with this email address already exists. Sign in instead.")]
    EmailTaken,
    #[error("{message}")]
    Conflict { message: String },
    #[error(
        "This request came from another site and was blocked. Please use the portal directly."
    )]
    CrossSiteRequest,
    #[error("Something went wrong on our side (reference {request_id}). Please try again.")]
    Internal { request_id: String },
    /// Too many requests need the same slow work at once (password checks).
    #[error("The portal is very busy right now. Please try again in a moment.")]
    Busy,
    /// The database cannot be reached (restarting, the connection lost): a
    /// moment's outage, answered 503 with the request's reference.
    #[error("The portal cannot reach its database right now (reference {request_id}). Please try again in a moment.")]
    Unavailable { request_id: String },
    /// The disk under the data folder or the database is full: nothing was
    /// saved, and writes work again once space is freed.
    #[error("The portal has run out of storage space, so nothing was saved (reference {request_id}). Please try again later.")]
    StorageFull { request_id: String },
    /// The data moved to another database (`custodian transfer`): changes wait
    /// until this server is switched over.
    #[error(
        "The portal is moving to a new database; changes are paused. Please try again in a moment."
    )]
    Moving,
    #[error("The request could not be sent: {0}")]
    Transport(String),
    /// Arguments that do not parse: a crafted request or a stale page.
    #[error("The request was not understood.")]
    InvalidRequest,
}

impl AppError {
    /// The stable code shown beside the message, e.g. `invalid_credentials`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotSignedIn => "not_signed_in",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::Validation { .. } => "validation",
            AppError::InvalidFields { .. } => "invalid_fields",
            AppError::InvalidCredentials => "invalid_credentials",
            AppError::PasswordChangeRequired => "password_change_required",
            AppError::AccountDisabled => "account_disabled",
            AppError::EmailNotConfirmed => "email_not_confirmed",
            AppError::SecondFactorRequired { .. } => "second_factor_required",
            AppError::TwoFactorSetupRequired => "two_factor_setup_required",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::EmailTaken => "email_taken",
            AppError::Conflict { .. } => "conflict",
            AppError::CrossSiteRequest => "cross_site_request",
            AppError::Internal { .. } => "internal",
            AppError::Busy => "busy",
            AppError::Unavailable { .. } => "unavailable",
            AppError::StorageFull { .. } => "storage_full",
            AppError::Moving => "moving",
            AppError::Transport(_) => "transport",
            AppError::InvalidRequest => "invalid_request",
        }
    }

    /// A validation error on one form field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// The field this error belongs to, when it is a field error.
    pub fn field_name(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } => Some(field),
            AppError::InvalidFields { errors } => errors.first().map(|e| e.field.as_str()),
            _ => None,
        }
    }

    /// The message for one form field, if this error names it.
    pub fn message_for(&self, field: &str) -> Option<String> {
        match self {
            AppError::Validation { field: f, message } if f == field => Some(message.clone()),
            AppError::InvalidFields { errors } => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone()),
            _ => None,
        }
    }
}

impl AppError {
    /// What the error says to people, in their language. Validation and
    /// conflict messages come written by the server in the request's language.
    pub fn message(&self, tr: Tr) -> String {
        match self {
            AppError::NotSignedIn => tr.error_not_signed_in().to_owned(),
            AppError::Forbidden => tr.error_forbidden().to_owned(),
            AppError::NotFound => tr.error_not_found().to_owned(),
            AppError::Validation { message, .. } | AppError::Conflict { message } => {
                message.clone()
            }
            AppError::InvalidFields { errors } => std::iter::once(tr.error_invalid_fields())
                .chain(errors.iter().map(|e| e.message.as_str()))
                .collect::<Vec<_>>()
                .join(" "),
            AppError::InvalidCredentials => tr.error_invalid_credentials().to_owned(),
            AppError::PasswordChangeRequired => tr.error_password_change_required().to_owned(),
            AppError::SecondFactorRequired {
                authenticator_app,
                passkey,
            } => match (authenticator_app, passkey) {
                (true, true) => tr.error_second_factor_both(),
                (false, true) => tr.error_second_factor_passkey(),
                _ => tr.error_second_factor_code(),
            }
            .to_owned(),
            AppError::TwoFactorSetupRequired => tr.error_two_factor_setup_required().to_owned(),
            AppError::EmailNotConfirmed => tr.error_email_not_confirmed().to_owned(),
            AppError::AccountDisabled => tr.error_account_disabled().to_owned(),
            AppError::RateLimited {
                retry_after_minutes,
            } => tr.error_rate_limited(u64::from(*retry_after_minutes)),
            AppError::EmailTaken => tr.error_email_taken().to_owned(),
            AppError::CrossSiteRequest => tr.error_cross_site().to_owned(),
            AppError::Internal { .. } => tr.error_internal().to_owned(),
            AppError::Busy => tr.error_busy().to_owned(),
            AppError::Unavailable { .. } => tr.error_unavailable().to_owned(),
            AppError::StorageFull { .. } => tr.error_storage_full().to_owned(),
            AppError::Moving => tr.error_moving().to_owned(),
            AppError::Transport(_) => tr.error_transport().to_owned(),
            AppError::InvalidRequest => tr.error_invalid_request().to_owned(),
        }
    }

    /// The reference to give the team, for unexpected failures only.
    pub fn reference(&self) -> Option<&str> {
        match self {
            AppError::Internal { request_id }
            | AppError::Unavailable { request_id }
            | AppError::StorageFull { request_id } => Some(request_id),
            _ => None,
        }
    }
}

fn second_factor_prompt(authenticator_app: bool, passkey: bool) -> &'static str {
    match (authenticator_app, passkey) {
        (true, true) => "Use your passkey, or enter the 6-digit code from your authenticator app (or a recovery code).",
        (false, true) => "Use your passkey to finish signing in.",
        _ => "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
    }
}

/// One invalid form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Bad arguments from a crafted request are the caller's error, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::InvalidRequest
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}
