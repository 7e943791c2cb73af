//! What a server function needs from the request it serves: the state, who is
//! asking, and a way to turn service errors into user errors with the request id.
use super::{Actor, AppState, ClientIp, RequestId, ServiceError};
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use http::request::Parts;
use leptos::prelude::use_context;
use std::future::Future;

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

pub fn request_id() -> String {
    parts()
        .and_then(|p| p.extensions.get::<RequestId>().map(|r| r.0.clone()))
        .unwrap_or_else(|| "none".to_owned())
}

pub fn client_ip() -> String {
    parts()
        .and_then(|p| p.extensions.get::<ClientIp>().map(|c| c.0.clone()))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The request's User-Agent, if it sent one.
pub fn user_agent() -> Option<String> {
    parts().and_then(|p| {
        p.headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    })
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal {
            request_id: request_id(),
        }
    })
}

/// The cookie the footer's language switcher sets for visitors.
pub const LANGUAGE_COOKIE: &str = "custodian_lang";

/// The language and time zone this request renders in: the profile's (through
/// the session), else the language cookie, else `Accept-Language`; else
/// English and UTC.
pub fn locale() -> (Lang, String) {
    let preferred = actor().map(|a| a.locale).unwrap_or_default();
    let parts = parts();
    let lang = preferred
        .language
        .or_else(|| parts.as_ref().and_then(cookie_language))
        .or_else(|| {
            parts.as_ref().and_then(|p| {
                p.headers
                    .get(http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::from_accept_language)
            })
        })
        .unwrap_or_default();
    (
        lang,
        preferred.time_zone.unwrap_or_else(|| "UTC".to_owned()),
    )
}

/// The words of this request's language (English outside a request).
pub fn tr() -> Tr {
    Tr(locale().0)
}

fn cookie_language(parts: &Parts) -> Option<Lang> {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .and_then(|(_, value)| Lang::parse(value))
}

/// The signed-in actor, if any.
pub fn actor() -> Option<Actor> {
    parts().and_then(|p| p.extensions.get::<Actor>().cloned())
}

/// The signed-in actor, or `NotSignedIn`. A staff member who must set up
/// two-factor sign-in first gets `TwoFactorSetupRequired` from every server
/// function but those that take `require_actor_during_setup`.
pub fn require_actor() -> Result<Actor, AppError> {
    let actor = require_actor_during_setup()?;
    if actor.needs_two_factor_setup {
        return Err(AppError::TwoFactorSetupRequired);
    }
    Ok(actor)
}

/// The signed-in actor, even one who has yet to set up two-factor sign-in:
/// for the functions that set it up, and their own account's security page.
pub fn require_actor_during_setup() -> Result<Actor, AppError> {
    actor().ok_or(AppError::NotSignedIn)
}

/// The HTTP status that goes with an error, so clients and logs can tell them apart.
pub fn status_of(error: &AppError) -> http::StatusCode {
    use http::StatusCode;
    match error {
        AppError::NotSignedIn
        | AppError::InvalidCredentials
        | AppError::PasswordChangeRequired
        | AppError::SecondFactorRequired { .. } => StatusCode::UNAUTHORIZED,
        AppError::Forbidden
        | AppError::CrossSiteRequest
        | AppError::AccountDisabled
        | AppError::TwoFactorSetupRequired
        | AppError::EmailNotConfirmed => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Validation { .. } | AppError::InvalidFields { .. } | AppError::InvalidRequest => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::EmailTaken | AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::Internal { .. } | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        AppError::Busy | AppError::Moving | AppError::Unavailable { .. } => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        AppError::StorageFull { .. } => StatusCode::INSUFFICIENT_STORAGE,
    }
}

/// Adds a `Set-Cookie` header to the response of the server function being
/// run; outside one (a test calling a service) there is no response and
/// nothing to do. Returns whether it was added.
pub fn set_cookie(value: &str) -> bool {
    let Ok(header) = http::HeaderValue::from_str(value) else {
        return false;
    };
    match use_context::<leptos_axum::ResponseOptions>() {
        Some(response) => {
            response.append_header(http::header::SET_COOKIE, header);
            true
        }
        None => false,
    }
}

/// Runs a server function's body; on error, sets the matching HTTP status.
/// Every server function goes through here.
pub async fn respond<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(error) = &result {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status_of(error));
        }
    }
    result
}

/// Awaits a service call and maps its error for the user.
pub async fn run<T>(call: impl Future<Output = Result<T, ServiceError>>) -> Result<T, AppError> {
    call.await.map_err(|e| e.into_app_error(&request_id()))
}
