//! The account's own security: password change and reset, signed-in devices.
use crate::{
    error::AppError,
    model::{DeviceView, PasskeyChallenge, PasskeyView, TwoFactorEnrolment, TwoFactorStatus},
};
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
        let actor = context::require_actor_during_setup()?;
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
        let actor = context::require_actor_during_setup()?;
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
        let actor = context::require_actor_during_setup()?;
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
        let actor = context::require_actor_during_setup()?;
        context::run(devices::end_others(&state, &actor)).await
    })
    .await
}

/// The person's own two-factor sign-in state.
#[server]
pub async fn my_two_factor() -> Result<TwoFactorStatus, AppError> {
    use crate::server::{context, services::two_factor};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(two_factor::status(&state, &actor)).await
    })
    .await
}

/// Starts setting up an authenticator app (the password is asked again).
#[server]
pub async fn start_two_factor(password: String) -> Result<TwoFactorEnrolment, AppError> {
    use crate::server::{context, services::two_factor};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(two_factor::start(&state, &actor, &password)).await
    })
    .await
}

/// Finishes the set-up with a code from the app; returns the recovery codes, once.
#[server]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    use crate::server::{context, services::two_factor};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(two_factor::confirm(&state, &actor, &code)).await
    })
    .await
}

/// Turns two-factor sign-in off (the password is asked again).
#[server]
pub async fn disable_two_factor(password: String, code: String) -> Result<(), AppError> {
    use crate::server::{context, services::two_factor};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(two_factor::disable(&state, &actor, &password, &code)).await
    })
    .await
}

/// The link mailed at sign-up, opened while signed in to that account.
#[server]
pub async fn confirm_address(token: String) -> Result<(), AppError> {
    use crate::server::{context, services::signup_confirmation};
    context::respond(async move {
        let state = context::state()?;
        let signed_in = context::actor().map(|a| a.user_id);
        context::run(signup_confirmation::confirm(&state, signed_in, &token)).await
    })
    .await
}

/// Whether the signed-in person's address is confirmed.
#[server]
pub async fn address_confirmed() -> Result<bool, AppError> {
    use crate::server::{context, services::signup_confirmation};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(signup_confirmation::is_confirmed(&state, &actor)).await
    })
    .await
}

/// Mails the signed-in customer a fresh confirmation link.
#[server]
pub async fn resend_confirmation() -> Result<(), AppError> {
    use crate::server::{context, services::signup_confirmation};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(signup_confirmation::resend(&state, &actor)).await
    })
    .await
}

/// The signed-in person's passkeys.
#[server]
pub async fn my_passkeys() -> Result<Vec<PasskeyView>, AppError> {
    use crate::server::{context, services::passkeys};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(passkeys::list(&state, &actor)).await
    })
    .await
}

/// Starts adding a passkey (the password is asked again).
#[server]
pub async fn start_passkey_registration(password: String) -> Result<PasskeyChallenge, AppError> {
    use crate::server::{context, services::passkeys};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(passkeys::start_registration(&state, &actor, &password)).await
    })
    .await
}

/// Finishes adding a passkey with the browser's answer, under a name.
#[server]
pub async fn finish_passkey_registration(
    challenge_id: uuid::Uuid,
    name: String,
    credential: String,
) -> Result<PasskeyView, AppError> {
    use crate::server::{context, services::passkeys};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        let finish =
            passkeys::finish_registration(&state, &actor, challenge_id, &name, &credential);
        context::run(finish).await
    })
    .await
}

/// Removes one of the person's own passkeys (the password is asked again).
#[server]
pub async fn remove_passkey(id: uuid::Uuid, password: String) -> Result<(), AppError> {
    use crate::server::{context, services::passkeys};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor_during_setup()?;
        context::run(passkeys::remove(&state, &actor, id, &password)).await
    })
    .await
}

/// Starts a passkey sign-in for an address (the same answer whether or not it
/// has an account or a passkey). Throttled per client address.
#[server]
pub async fn start_passkey_sign_in(email: String) -> Result<PasskeyChallenge, AppError> {
    use crate::server::{
        context,
        services::{passkeys, throttle},
    };
    context::respond(async move {
        let state = context::state()?;
        let key = format!(
            "passkey-start:{}",
            throttle::client_group(&context::client_ip())
        );
        let limit = state.security.max_failures_per_client;
        context::run(throttle::count_event(
            &state.db,
            &state.security,
            &key,
            None,
            limit,
        ))
        .await?;
        context::run(passkeys::start_sign_in(&state, &email)).await
    })
    .await
}
