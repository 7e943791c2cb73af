//! Changing the sign-in address: asked for, then confirmed by the link mailed to it.
use crate::{error::AppError, model::PrivacyRequestView};
use leptos::prelude::*;

/// A customer asks to change their email, with their password; a confirmation
/// link goes to the new address and a cancel link to the old one.
#[server]
pub async fn request_email_change(
    new_email: String,
    password: String,
) -> Result<PrivacyRequestView, AppError> {
    use crate::server::{context, services::email_change};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(email_change::request_email_change(
            &state, &actor, &new_email, &password,
        ))
        .await
    })
    .await
}

/// The confirmation link from the mail (no sign-in needed: the token is the proof).
#[server]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    use crate::server::{context, services::email_change};
    context::respond(async move {
        let state = context::state()?;
        context::run(email_change::confirm_email(&state, &token)).await
    })
    .await
}

/// The cancel link mailed to the old address (no sign-in needed: the token is the proof).
#[server]
pub async fn cancel_email_change(token: String) -> Result<(), AppError> {
    use crate::server::{context, services::email_change};
    context::respond(async move {
        let state = context::state()?;
        context::run(email_change::cancel_email_change(&state, &token)).await
    })
    .await
}
