//! What a server function needs from the request it serves: the state, who is
//! asking, and a way to turn service errors into user errors with the request id.
use super::{Actor, AppState, ClientIp, RequestId, ServiceError};
use crate::error::AppError;
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

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal { request_id: request_id() }
    })
}

/// The signed-in actor, if any.
pub fn actor() -> Option<Actor> {
    parts().and_then(|p| p.extensions.get::<Actor>().cloned())
}

/// The signed-in actor, or `NotSignedIn`.
pub fn require_actor() -> Result<Actor, AppError> {
    actor().ok_or(AppError::NotSignedIn)
}

/// Awaits a service call and maps its error for the user.
pub async fn run<T>(call: impl Future<Output = Result<T, ServiceError>>) -> Result<T, AppError> {
    call.await.map_err(|e| e.into_app_error(&request_id()))
}
