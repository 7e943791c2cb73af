//! A sign-up's address is confirmed by a link mailed to it. Until then the
//! customer may open and read tickets, but nothing is sent out by that
//! address (no export, no erasure notice) and it cannot be swapped for
//! another; the address is not treated as theirs, so another account may
//! still confirm it first — then the unconfirmed account is removed. Accounts
//! left unconfirmed for `unconfirmed_account_days` are removed by the sweeper.
//! Removal goes through the erasure job: same steps, same final check.
use super::{
    account_links::{self, LinkProblem, Purpose},
    erasure::{self, UnconfirmedRemoval},
    throttle,
};
use crate::{
    error::AppError,
    model::{AuditAction, Role},
    server::{
        audit::{self, Event},
        crypto::DataKey,
        entities::user,
        mail::{self, MailContent},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, DatabaseTransaction};

/// Confirmation links one account may be sent per throttle window.
pub const RESENDS_PER_WINDOW: u64 = 3;

/// Mails `user` a link to confirm their address, inside `txn` (audited).
pub async fn send_link(
    txn: &DatabaseTransaction,
    state: &AppState,
    key: &DataKey,
    user: &user::Model,
) -> Result<(), ServiceError> {
    let days = state.security.unconfirmed_account_days;
    let expires = Utc::now() + chrono::Duration::days(i64::from(days));
    let token = account_links::issue(txn, user.id, Purpose::ConfirmEmail, expires).await?;
    let link = format!(
        "{}/confirm-address?token={}",
        state.mail.public_url,
        token.expose()
    );
    let tr = super::profile::mail_locale(key, user).tr;
    let content = MailContent {
        subject: tr.mail_confirm_address_subject().into(),
        body: tr.mail_confirm_address_body(u64::from(days), link),
    };
    mail::queue_audited(txn, state, key, user.id, &user.email, &content)
        .await
        .map(|_| ())
}

fn link_problem(problem: LinkProblem) -> ServiceError {
    let tr = crate::server::context::tr();
    let message = match problem {
        LinkProblem::Expired => tr.server_confirm_link_expired(),
        LinkProblem::Invalid => tr.server_confirm_link_invalid(),
    };
    AppError::Conflict {
        message: message.into(),
    }
    .into()
}

/// The link was opened in a browser signed in to the account (`signed_in`):
/// the address is confirmed. Both are needed — the link proves the mailbox,
/// the session proves the account — so someone who signs up with another
/// person's address cannot get them to confirm it by clicking a mail.
pub async fn confirm(
    state: &AppState,
    signed_in: Option<Uuid>,
    token: &str,
) -> Result<(), ServiceError> {
    let Some(signed_in) = signed_in else {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_confirm_sign_in_first()
                .into(),
        }
        .into());
    };
    let txn = audit::begin(&state.db).await?;
    let user_id = account_links::peek(&txn, token, Purpose::ConfirmEmail, Utc::now())
        .await?
        .map_err(link_problem)?;
    if user_id != signed_in {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_confirm_other_account()
                .into(),
        }
        .into());
    }
    account_links::redeem(&txn, token, Purpose::ConfirmEmail, Utc::now())
        .await?
        .map_err(link_problem)?;
    let user = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or_else(|| link_problem(LinkProblem::Invalid))?;
    user::Entity::update_many()
        .col_expr(user::Column::EmailConfirmedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    let event = Event::new(AuditAction::EmailConfirmed, "user", user.id).about(user.id);
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Sends the signed-in customer a fresh link (the older one stops working).
pub async fn resend(state: &AppState, actor: &Actor) -> Result<(), ServiceError> {
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    if me.email_confirmed_at.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_address_already_confirmed()
                .into(),
        }
        .into());
    }
    throttle::count_event(
        &state.db,
        &state.security,
        &format!("confirm:{}", me.id),
        Some(&me.email),
        RESENDS_PER_WINDOW,
    )
    .await?;
    let key = state.vault.require_key(me.id).await?;
    let txn = audit::begin(&state.db).await?;
    send_link(&txn, state, &key, &me).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether the signed-in person's address is confirmed.
pub async fn is_confirmed(state: &AppState, actor: &Actor) -> Result<bool, ServiceError> {
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    Ok(me.email_confirmed_at.is_some())
}

/// Frees `address` for `new_owner`, who has just proved it is theirs, when an
/// unconfirmed sign-up holds it: that account gets a placeholder address at
/// once (the address is unique) and is removed by an erasure job; the
/// mailbox's owner — `new_owner` — is told. Inside the caller's transaction.
pub async fn release_address(
    txn: &DatabaseTransaction,
    state: &AppState,
    address: &str,
    (new_owner, owner_key): (Uuid, &DataKey),
) -> Result<(), ServiceError> {
    let Some(holder) = user::Entity::find()
        .filter(user::Column::Email.eq(address))
        .filter(user::Column::EmailConfirmedAt.is_null())
        .filter(user::Column::ErasedAt.is_null())
        .filter(user::Column::Role.eq(Role::Customer))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    let placeholder = format!("released-{}@unconfirmed.invalid", holder.id.simple());
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(placeholder.clone()))
        .filter(user::Column::Id.eq(holder.id))
        .exec(txn)
        .await?;
    let released = user::Model {
        email: placeholder,
        ..holder
    };
    if erasure::remove_unconfirmed(state, txn, &released, UnconfirmedRemoval::AddressTaken)
        .await?
        .is_none()
    {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_address_unavailable()
                .into(),
        }
        .into());
    }
    // The mailbox's owner is the account that has just confirmed the address.
    let tr = user::Entity::find_by_id(new_owner)
        .one(txn)
        .await?
        .map(|owner| super::profile::mail_locale(owner_key, &owner).tr)
        .unwrap_or(crate::i18n::Tr(crate::i18n::Lang::En));
    let notice = MailContent {
        subject: tr.mail_unconfirmed_removed_subject().into(),
        body: tr.mail_address_released_body().into(),
    };
    mail::queue_audited(txn, state, owner_key, new_owner, address, &notice).await?;
    Ok(())
}

/// Removes customer accounts whose address stayed unconfirmed: older than
/// the configured days and without a confirmation link that still works (a
/// link sent again extends the time). Each in its own audited transaction;
/// returns how many.
pub async fn sweep(state: &AppState) -> Result<u64, ServiceError> {
    use crate::server::entities::account_token;
    let now = Utc::now();
    let days = i64::from(state.security.unconfirmed_account_days);
    let stale = user::Entity::find()
        .filter(user::Column::EmailConfirmedAt.is_null())
        .filter(user::Column::ErasedAt.is_null())
        .filter(user::Column::Role.eq(Role::Customer))
        .filter(user::Column::CreatedAt.lt(now - chrono::Duration::days(days)))
        .all(&state.db)
        .await?;
    let mut removed = 0;
    for customer in stale {
        let txn = audit::begin(&state.db).await?;
        let live_link = account_token::Entity::find()
            .filter(account_token::Column::UserId.eq(customer.id))
            .filter(account_token::Column::Purpose.eq(Purpose::ConfirmEmail.as_str()))
            .filter(account_token::Column::ExpiresAt.gt(now))
            .count(&txn)
            .await?
            > 0;
        // Read again under the lock: confirmed or erased meanwhile means left alone.
        let current = user::Entity::find_by_id(customer.id).one(&txn).await?;
        if let Some(current) = current.filter(|_| !live_link) {
            if erasure::remove_unconfirmed(state, &txn, &current, UnconfirmedRemoval::Expired)
                .await?
                .is_some()
            {
                removed += 1;
            }
        }
        txn.commit().await?;
    }
    Ok(removed)
}
