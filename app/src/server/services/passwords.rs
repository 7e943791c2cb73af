//! Changing a password (signed in, with the current one) and resetting a
//! forgotten one (with a single-use link mailed to the account's address).
//! Both end the account's other sessions, are audited, and tell the owner by mail.
use super::{
    account_links::{self, LinkProblem, Purpose},
    accounts, reauth, sessions, throttle,
};
use crate::{
    error::AppError,
    server::{
        audit::{self, Event},
        entities::user,
        mail::{self, MailContent},
        Actor, AppState, ServiceError,
    },
    validate,
};
use chrono::Utc;
use sea_orm::prelude::*;

/// How long a reset link works.
pub const RESET_MINUTES: i64 = 30;
/// Reset links one address may be sent per throttle window (15 minutes).
pub const RESETS_PER_ADDRESS: u64 = 3;

fn changed_mail(tr: crate::i18n::Tr, public_url: &str) -> MailContent {
    MailContent {
        subject: tr.mail_password_changed_subject().into(),
        body: tr.mail_password_changed_body(public_url),
    }
}

/// The signed-in person changes their password. The current one is checked
/// like a sign-in (throttled, audited when wrong); every other session ends.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current: &str,
    new_password: &str,
) -> Result<(), ServiceError> {
    if current.is_empty() {
        return Err(AppError::field(
            "current_password",
            crate::server::context::tr().server_enter_current_password(),
        )
        .into());
    }
    let renewed = reauth::reauthenticate_field(state, actor, current, "current_password").await?;
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let key = state.vault.require_key(me.id).await?;
    let hash = accounts::new_password_hash(&me, Some(&key), current, new_password).await?;
    let txn = audit::begin(&state.db).await?;
    accounts::set_password(&txn, me.id, &hash).await?;
    account_links::forget(&txn, me.id, Purpose::PasswordReset).await?;
    let ended = sessions::end_all_of(&txn, me.id, Some(&renewed.session_token_hash)).await?;
    let event = Event::new(crate::model::AuditAction::PasswordChanged, "user", me.id)
        .by(actor)
        .about(me.id)
        .setting(audit::Change::set(
            "other_sessions_ended",
            ended.to_string(),
        ));
    audit::append(&txn, event, None).await?;
    mail::queue_audited(
        &txn,
        state,
        &key,
        me.id,
        &me.email,
        &changed_mail(
            super::profile::mail_locale(&key, &me).tr,
            &state.mail.public_url,
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Mails a reset link to `user` inside `txn` (audited): the "forgot your
/// password" form, and an admin's "send a reset link".
pub async fn send_reset_link(
    txn: &sea_orm::DatabaseTransaction,
    state: &AppState,
    user: &user::Model,
    by: Option<&Actor>,
) -> Result<(), ServiceError> {
    let key = state.vault.require_key(user.id).await?;
    let expires = Utc::now() + chrono::Duration::minutes(RESET_MINUTES);
    let token = account_links::issue(txn, user.id, Purpose::PasswordReset, expires).await?;
    let link = format!(
        "{}/reset-password?token={}",
        state.mail.public_url,
        token.expose()
    );
    let tr = super::profile::mail_locale(&key, user).tr;
    let why = match by {
        Some(_) => tr.mail_reset_why_admin(),
        None => tr.mail_reset_why_self(),
    };
    let content = MailContent {
        subject: tr.mail_reset_subject().into(),
        body: tr.mail_reset_body(why, RESET_MINUTES as u64, link),
    };
    let mut event = Event::new(
        crate::model::AuditAction::PasswordResetRequested,
        "user",
        user.id,
    )
    .about(user.id);
    if let Some(actor) = by {
        event = event.by(actor);
    }
    audit::append(txn, event, None).await?;
    mail::queue_audited(txn, state, &key, user.id, &user.email, &content).await?;
    Ok(())
}

/// "Forgot your password": mails a reset link if the address has an account
/// that may sign in. The answer is the same either way; the requests are
/// throttled per address and per client.
pub async fn request_reset(
    state: &AppState,
    email: &str,
    client: &str,
) -> Result<(), ServiceError> {
    let email = validate::email(email, crate::server::context::tr())?;
    let settings = &state.security;
    throttle::count_event(
        &state.db,
        settings,
        &format!("reset-client:{}", throttle::client_group(client)),
        None,
        settings.max_failures_per_client,
    )
    .await?;
    // Past the per-address cap the answer stays the same and nothing is sent:
    // a refusal here would let anyone keep the owner from resetting.
    let address_key = format!("reset:{email}");
    if throttle::over_limit(
        &state.db,
        settings,
        &address_key,
        Some(&email),
        RESETS_PER_ADDRESS,
    )
    .await?
    {
        tracing::warn!(client, "reset link not sent: too many for this address");
        return Ok(());
    }
    let txn = audit::begin(&state.db).await?;
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none() && u.disabled_at.is_none());
    if let Some(user) = found {
        send_reset_link(&txn, state, &user, None).await?;
    }
    txn.commit().await?;
    Ok(())
}

fn link_problem(problem: LinkProblem) -> ServiceError {
    let tr = crate::server::context::tr();
    let message = match problem {
        LinkProblem::Expired => tr.server_reset_link_expired(),
        LinkProblem::Invalid => tr.server_reset_link_invalid(),
    };
    AppError::Conflict {
        message: message.into(),
    }
    .into()
}

/// The reset link was opened and a new password chosen: the link is used up,
/// the password replaced, every session of the account ended.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    new_password: &str,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    let user_id = account_links::peek(&state.db, token, Purpose::PasswordReset, now)
        .await?
        .map_err(link_problem)?;
    let user = user::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .filter(|u| u.erased_at.is_none() && u.disabled_at.is_none())
        .ok_or_else(|| link_problem(LinkProblem::Invalid))?;
    let key = state.vault.require_key(user.id).await?;
    // The slow hash before the audit lock. No old password to compare with.
    let hash = accounts::new_password_hash(&user, Some(&key), "", new_password).await?;
    let txn = audit::begin(&state.db).await?;
    let redeemed = account_links::redeem(&txn, token, Purpose::PasswordReset, now)
        .await?
        .map_err(link_problem)?;
    if redeemed != user.id {
        return Err(link_problem(LinkProblem::Invalid));
    }
    accounts::set_password(&txn, user.id, &hash).await?;
    let ended = sessions::end_all_of(&txn, user.id, None).await?;
    let event = Event::new(crate::model::AuditAction::PasswordReset, "user", user.id)
        .about(user.id)
        .setting(audit::Change::set("sessions_ended", ended.to_string()));
    audit::append(&txn, event, None).await?;
    let notice = changed_mail(
        super::profile::mail_locale(&key, &user).tr,
        &state.mail.public_url,
    );
    mail::queue_audited(&txn, state, &key, user.id, &user.email, &notice).await?;
    txn.commit().await?;
    Ok(())
}
