//! Asking for the password again before a sensitive step (an export, an
//! erasure request, a password, address or second-factor change), throttled
//! like a sign-in and audited when wrong; and the record of refused attempts.
use super::{sessions, throttle};
use crate::{
    error::AppError,
    model::{limits, AuditAction},
    server::{
        audit::{self, Change, Event},
        entities::user,
        password, Actor, AppState, ServiceError,
    },
};
use sea_orm::prelude::*;

/// Records an attempt refused by the throttle: a log line always, and an
/// audit event for the first refusal per account and client in the window
/// (about the account, when the address has one, with the client sealed
/// under its key; otherwise only the coarse network, never the address).
pub(super) async fn record_throttled(
    state: &AppState,
    email: &str,
    client: &str,
    action: AuditAction,
) -> Result<(), ServiceError> {
    tracing::warn!(
        client,
        action = action.as_str(),
        "attempt refused by the throttle"
    );
    if !throttle::first_refusal(&state.db, &state.security, email, client).await? {
        return Ok(());
    }
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&state.db)
        .await?
        .filter(|u| u.erased_at.is_none());
    let key = match &found {
        Some(user) => state.vault.key(user.id).await?,
        None => None,
    };
    let txn = audit::begin(&state.db).await?;
    let event = match (&found, &key) {
        (Some(user), Some(_)) => Event::new(action, "session", user.id)
            .about(user.id)
            .change(Change::set("client", client)),
        _ => Event::new(action, "session", "unknown")
            .setting(Change::set("network", sessions::coarse_network(client))),
    };
    audit::append(&txn, event, key.as_ref()).await?;
    txn.commit().await?;
    Ok(())
}

/// A successful re-authentication: the session's new token (its hash).
#[derive(Debug)]
pub struct Renewed {
    pub session_token_hash: String,
}

/// Asks for the password again before a sensitive step (an export, an erasure
/// request, a password or email change). Wrong guesses count against this
/// account's sign-in limit from this client only, and are audited. Once the
/// password is right the session gets a new token (sent as the cookie of the
/// server function's response); the old one works a few seconds more.
pub async fn reauthenticate(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<Renewed, ServiceError> {
    reauthenticate_field(state, actor, password_again, "password").await
}

/// `reauthenticate`, with the error on the form field `field`.
pub async fn reauthenticate_field(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
    field: &str,
) -> Result<Renewed, ServiceError> {
    // Signed in: the owner, so the all-clients interval does not apply.
    let attempt = match throttle::begin_attempt(
        &state.db,
        &state.security,
        &actor.email,
        &actor.client,
        true,
    )
    .await?
    {
        Ok(attempt) => attempt,
        Err(refused) => {
            record_throttled(
                state,
                &actor.email,
                &actor.client,
                AuditAction::SignInThrottled,
            )
            .await?;
            return Err(refused.into());
        }
    };
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let stored = password::PasswordHash::from_stored(me.password_hash.clone());
    if password_again.chars().count() > limits::PASSWORD_MAX
        || !password::verify(password_again.to_owned(), Some(stored)).await?
    {
        tracing::warn!(client = %actor.client, "wrong password when asked again");
        // Guesses through one session are capped, from however many networks
        // they come: past the per-account limit the session ends.
        let per_session = format!("reauth-session:{}", actor.session_token_hash);
        let limit = state.security.max_failures_per_account;
        let over = throttle::over_limit(
            &state.db,
            &state.security,
            &per_session,
            Some(&actor.email),
            limit,
        )
        .await?;
        if over {
            sessions::end(&state.db, &actor.session_token_hash).await?;
        }
        let key = state.vault.key(actor.user_id).await?;
        let txn = audit::begin(&state.db).await?;
        let mut event = Event::new(AuditAction::ReauthFailed, "session", actor.user_id)
            .by(actor)
            .about(actor.user_id);
        if key.is_some() {
            event = event.change(Change::set("client", &actor.client));
        }
        audit::append(&txn, event, key.as_ref()).await?;
        txn.commit().await?;
        return Err(AppError::field(
            field,
            crate::server::context::tr().server_password_not_correct(),
        )
        .into());
    }
    throttle::succeeded(&state.db, &attempt).await?;
    let renewal = sessions::renew(&state.db, &actor.session_token_hash).await?;
    if let sessions::Renewal::New(token) = &renewal {
        crate::server::context::set_cookie(&sessions::cookie(token, &state.security));
    }
    Ok(Renewed {
        session_token_hash: renewal.token_hash(),
    })
}
