//! The account's own security: password change and reset, signed-in devices.
use crate::{error::AppError, model::DeviceView};
use leptos::prelude::*;

/// "Forgot your password": mails a reset link when the address has an
/// account. The answer is the same whether or not it has one.
#[server]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::server::{context, services::passwords};
    context::respond(async move {
        let state = context::state()?;
        context::run(passwords::request_reset(
            &state,
            &email,
            &context::client_ip(),
        ))
        .await
    })
    .await
}

/// The reset link's form: a new password (no sign-in needed: the link is the proof).
#[server]
pub async fn reset_password(token: String, new_password: String) -> Result<(), AppError> {
    use crate::server::{context, services::passwords};
    context::respond(async move {
        let state = context::state()?;
        context::run(passwords::reset_password(&state, &token, &new_password)).await
    })
    .await
}

/// The signed-in person changes their password; every other browser is signed out.
#[server]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::passwords};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let change = passwords::change_password(&state, &actor, &current_password, &new_password);
        context::run(change).await
    })
    .await
}

/// The signed-in person's own browsers.
#[server]
pub async fn my_devices() -> Result<Vec<DeviceView>, AppError> {
    use crate::server::{context, services::devices};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(devices::mine(&state, &actor)).await
    })
    .await
}

/// Signs out one of the person's own browsers.
#[server]
pub async fn end_device(id: String) -> Result<(), AppError> {
    use crate::server::{context, services::devices};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(devices::end_one(&state, &actor, &id)).await
    })
    .await
}

/// Signs out every browser of the person but this one. Returns how many.
#[server]
pub async fn end_other_devices() -> Result<u64, AppError> {
    use crate::server::{context, services::devices};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(devices::end_others(&state, &actor)).await
    })
    .await
}
