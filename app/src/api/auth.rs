use crate::{error::AppError, model::CurrentUser};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn set_cookie(value: String) -> Result<(), AppError> {
    if crate::server::context::set_cookie(&value) {
        Ok(())
    } else {
        Err(AppError::Internal {
            request_id: crate::server::context::request_id(),
        })
    }
}

/// Where everyone lands after signing in: their tickets, or the queue for staff.
pub const AFTER_SIGN_IN: &str = "/tickets";

/// The signed-in user, or `None` for a visitor.
#[server(endpoint = "who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    use crate::server::{context, services::accounts};
    context::respond(async move {
        let Some(actor) = context::actor() else {
            return Ok(None);
        };
        let state = context::state()?;
        context::run(accounts::me(&state, &actor)).await.map(Some)
    })
    .await
}

/// A customer creates an account and is signed in. Returns where to go next.
#[server(endpoint = "sign_up")]
pub async fn sign_up(
    name: String,
    email: String,
    #[server(default)] phone: String,
    password: String,
) -> Result<String, AppError> {
    use crate::server::{
        context,
        services::{accounts, sessions},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        let device = crate::server::services::sessions::Device::of_request();
        let signup = accounts::sign_up(&state, &name, &email, &phone, &password, &device);
        let (_user, token) = context::run(signup).await?;
        set_cookie(sessions::cookie(&token, &state.security))?;
        Ok(AFTER_SIGN_IN.to_owned())
    })
    .await
}

/// Signs in with email and password, rotating the session. Returns where to go next.
/// An account whose password an admin typed answers `password_change_required`
/// until the form sends the person's own `new_password` with it.
/// Stable address `/api/sign_in`: scripts and the benchmark call it.
#[server(endpoint = "sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] new_password: String,
    #[server(default)] code: String,
    #[server(default)] passkey_challenge: Option<uuid::Uuid>,
    #[server(default)] passkey_response: String,
) -> Result<String, AppError> {
    use crate::server::{
        context,
        services::{accounts, sessions},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        let previous = context::actor().map(|a| a.session_token_hash);
        let credentials = accounts::Credentials {
            email: &email,
            password: &password,
            new_password: &new_password,
            code: &code,
            passkey: passkey_challenge.map(|id| (id, passkey_response.as_str())),
        };
        let (_user, token) = context::run(accounts::sign_in(
            &state,
            credentials,
            &crate::server::services::sessions::Device::of_request(),
            previous.as_deref(),
        ))
        .await?;
        set_cookie(sessions::cookie(&token, &state.security))?;
        let next = context::run(accounts::page_after_sign_in(&state, &email)).await?;
        Ok(next.to_owned())
    })
    .await
}

/// Ends the session on the server and clears the cookie.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{
        context,
        services::{accounts, sessions},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        if let Some(actor) = context::actor() {
            context::run(accounts::sign_out(&state, &actor)).await?;
        }
        set_cookie(sessions::clearing_cookie(&state.security))
    })
    .await
}

/// Signs in with a passkey alone, answering a ceremony from
/// `start_passkey_sign_in`. Returns where to go next.
#[server]
pub async fn sign_in_with_passkey(
    challenge_id: uuid::Uuid,
    credential: String,
) -> Result<String, AppError> {
    use crate::server::{
        context,
        services::{accounts, sessions},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        let previous = context::actor().map(|a| a.session_token_hash);
        let (user, token) = context::run(accounts::sign_in_with_passkey(
            &state,
            challenge_id,
            &credential,
            &crate::server::services::sessions::Device::of_request(),
            previous.as_deref(),
        ))
        .await?;
        set_cookie(sessions::cookie(&token, &state.security))?;
        let next = context::run(accounts::page_after_sign_in(&state, &user.email)).await?;
        Ok(next.to_owned())
    })
    .await
}
