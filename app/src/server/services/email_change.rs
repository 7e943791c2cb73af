//! The email change (rectification of the sign-in identifier, GDPR Art. 16):
//! the new address is confirmed by a link sent to it, then an agent approves,
//! and only then does the email change and every session end.
use super::{
    account_links, reauth,
    requests::{self, details, EmailChangeDetails},
    sessions, signup_confirmation, throttle,
};
use crate::{
    error::AppError,
    model::{AuditAction, PrivacyRequestView, RequestKind, RequestStatus},
    server::{
        audit::{self, Change, Event},
        entities::{privacy_request, session, user},
        mail::{self, MailContent},
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
    validate,
};
use chrono::Utc;
use sea_orm::prelude::*;

/// How long the confirmation link stays valid.
pub const CONFIRMATION_HOURS: i64 = 24;

use account_links::hash_token;

/// Email change requests one account may make per throttle window (15 minutes).
pub const REQUESTS_PER_WINDOW: u64 = 5;

/// Closes the actor's unconfirmed requests whose link expired, and refuses
/// when one is still open. Run before anything looks at the new address, so
/// the answer never depends on it.
async fn check_no_open_request(
    db: &impl sea_orm::ConnectionTrait,
    key: &crate::server::crypto::DataKey,
    actor: &Actor,
    closing: Option<&sea_orm::DatabaseTransaction>,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    for earlier in privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(actor.user_id))
        .filter(privacy_request::Column::Kind.eq(RequestKind::EmailChange))
        .all(db)
        .await?
    {
        let status = earlier.status;
        let expired = status == RequestStatus::Submitted
            && earlier.confirmation_expires_at.is_none_or(|t| t < now);
        if expired {
            if let Some(txn) = closing {
                // An unconfirmed request whose link expired is closed, not left blocking.
                let note = Some(requests::NOTE_LINK_EXPIRED);
                requests::step(
                    txn,
                    key,
                    earlier.id,
                    None,
                    status,
                    RequestStatus::Rejected,
                    note,
                )
                .await?;
            }
        } else if status.is_open() {
            return Err(AppError::Conflict {
                message: crate::server::context::tr()
                    .server_email_change_in_progress()
                    .into(),
            }
            .into());
        }
    }
    Ok(())
}

/// A customer asks to change their email address, with their password. A
/// confirmation link goes to the new address and a cancel link to the old
/// one. The answer is the same whether or not the new address already has an
/// account (then no confirmation link is sent and the request expires).
pub async fn request_email_change(
    state: &AppState,
    actor: &Actor,
    new_email: &str,
    password: &str,
) -> Result<PrivacyRequestView, ServiceError> {
    policy::require(actor, Action::RequestEmailChange, Target::Nothing)?;
    let key = state.vault.require_key(actor.user_id).await?;
    check_no_open_request(&state.db, &key, actor, None).await?;
    let new_email = validate::email(new_email, crate::server::context::tr())?;
    if new_email == actor.email {
        return Err(AppError::field(
            "email",
            crate::server::context::tr().server_email_already_yours(),
        )
        .into());
    }
    if password.is_empty() {
        return Err(AppError::field(
            "password",
            crate::server::context::tr().server_email_change_password_required(),
        )
        .into());
    }
    throttle::count_event(
        &state.db,
        &state.security,
        &format!("email-change:{}", actor.user_id),
        Some(&actor.email),
        REQUESTS_PER_WINDOW,
    )
    .await?;
    reauth::reauthenticate(state, actor, password).await?;
    // Checked inside the serialised transaction, so two requests sent at once cannot both pass.
    let txn = audit::begin(&state.db).await?;
    check_no_open_request(&txn, &key, actor, Some(&txn)).await?;
    // An unconfirmed sign-up does not own its address: whoever confirms it first does.
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(new_email.clone()))
        .filter(user::Column::EmailConfirmedAt.is_not_null())
        .count(&txn)
        .await?
        > 0;
    let now = Utc::now();
    // When the address is taken, the stored hash is of a token nobody is sent.
    let token = account_links::random_token();
    let details = EmailChangeDetails {
        new_email: new_email.clone(),
    };
    let confirmation = (
        hash_token(&token),
        now + chrono::Duration::hours(CONFIRMATION_HOURS),
    );
    let id = requests::submit(
        &txn,
        &key,
        actor,
        RequestKind::EmailChange,
        &details,
        Some(confirmation),
    )
    .await?;
    let cancel = account_links::random_token();
    privacy_request::Entity::update_many()
        .col_expr(
            privacy_request::Column::CancelHash,
            Expr::value(hash_token(&cancel)),
        )
        .filter(privacy_request::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let event = Event::new(AuditAction::PrivacyRequestSubmitted, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("kind", RequestKind::EmailChange.as_str()))
        .change(Change::set("new_email", &new_email));
    audit::append(&txn, event, Some(&key)).await?;
    let public = &state.mail.public_url;
    // Both mails in the account owner's words: the new address has no account yet.
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let tr = super::profile::mail_locale(&key, &me).tr;
    // One subject line either way: the requester's activity lists it, and must
    // not tell whether the address has an account.
    let subject = tr.mail_email_change_subject().to_owned();
    let to_new = if taken {
        MailContent {
            subject,
            body: tr.mail_email_change_taken_body(public),
        }
    } else {
        let link = format!("{public}/confirm-email?token={token}");
        MailContent {
            subject,
            body: tr.mail_email_change_confirm_body(CONFIRMATION_HOURS as u64, link),
        }
    };
    mail::queue_audited(&txn, state, &key, actor.user_id, &new_email, &to_new).await?;
    let to_old = MailContent {
        subject: tr.mail_email_change_notice_subject().into(),
        body: tr.mail_email_change_notice_body(
            &new_email,
            format!("{public}/cancel-email-change?token={cancel}"),
        ),
    };
    mail::queue_audited(&txn, state, &key, actor.user_id, &actor.email, &to_old).await?;
    txn.commit().await?;
    requests::mine(state, actor)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| AppError::NotFound.into())
}

/// The cancel link mailed to the old address was opened: the email change is
/// withdrawn and every session of the account ends (whoever asked may hold one).
pub async fn cancel_email_change(state: &AppState, token: &str) -> Result<(), ServiceError> {
    let invalid = || AppError::Conflict {
        message: crate::server::context::tr()
            .server_cancel_link_invalid()
            .into(),
    };
    let token = token.trim();
    if !account_links::well_formed(token) {
        return Err(invalid().into());
    }
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find()
        .filter(privacy_request::Column::CancelHash.eq(hash_token(token)))
        .one(&txn)
        .await?
        .filter(|r| r.kind == RequestKind::EmailChange && r.status.is_open())
        .ok_or_else(invalid)?;
    let key = state.vault.require_key(request.subject_id).await?;
    privacy_request::Entity::update_many()
        .col_expr(
            privacy_request::Column::CancelHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            privacy_request::Column::ConfirmationHash,
            Expr::value(Option::<String>::None),
        )
        .filter(privacy_request::Column::Id.eq(request.id))
        .exec(&txn)
        .await?;
    let note = Some(requests::NOTE_CANCELLED_FROM_OLD_ADDRESS);
    requests::step(
        &txn,
        &key,
        request.id,
        None,
        request.status,
        RequestStatus::Withdrawn,
        note,
    )
    .await?;
    let ended = sessions::end_all_of(&txn, request.subject_id, None).await?;
    let event = Event::new(
        AuditAction::EmailChangeCancelled,
        "privacy_request",
        request.id,
    )
    .about(request.subject_id)
    .setting(Change::set("sessions_ended", ended.to_string()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// The link from the mail was opened: the new address is confirmed and the request goes to review.
pub async fn confirm_email(state: &AppState, token: &str) -> Result<(), ServiceError> {
    let invalid = || AppError::Conflict {
        message: crate::server::context::tr()
            .server_email_confirm_link_invalid()
            .into(),
    };
    let token = token.trim();
    if !account_links::well_formed(token) {
        return Err(invalid().into());
    }
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find()
        .filter(privacy_request::Column::ConfirmationHash.eq(hash_token(token)))
        .one(&txn)
        .await?
        .ok_or_else(invalid)?;
    if request.status != RequestStatus::Submitted {
        return Err(invalid().into());
    }
    if request
        .confirmation_expires_at
        .is_none_or(|t| t < Utc::now())
    {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_email_confirm_link_expired()
                .into(),
        }
        .into());
    }
    let key = state.vault.require_key(request.subject_id).await?;
    privacy_request::Entity::update_many()
        .col_expr(
            privacy_request::Column::ConfirmationHash,
            Expr::value(Option::<String>::None),
        )
        .filter(privacy_request::Column::Id.eq(request.id))
        .exec(&txn)
        .await?;
    requests::step(
        &txn,
        &key,
        request.id,
        None,
        RequestStatus::Submitted,
        RequestStatus::InReview,
        None,
    )
    .await?;
    // The address is proven now: an unconfirmed sign-up holding it is removed.
    if let Some(change) = details::<EmailChangeDetails>(&key, &request) {
        let owner = (request.subject_id, &key);
        signup_confirmation::release_address(&txn, state, &change.new_email, owner).await?;
    }
    let event = Event::new(
        AuditAction::PrivacyRequestConfirmed,
        "privacy_request",
        request.id,
    )
    .about(request.subject_id);
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// An agent approves or rejects a confirmed email change. Approval carries it out at
/// once: the email changes, every session of the customer ends, all in one
/// audited transaction, and the customer is told at both addresses.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    approve: bool,
    reason: &str,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let reason = reason.trim();
    if !approve && reason.is_empty() {
        return Err(AppError::field(
            "reason",
            crate::server::context::tr().server_rejection_reason_required(),
        )
        .into());
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::field(
            "reason",
            crate::server::context::tr().server_reason_too_long(),
        )
        .into());
    }
    // Read and check the request inside the serialised transaction: two agents
    // deciding at once cannot both act on it.
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.kind == RequestKind::EmailChange)
        .ok_or(AppError::NotFound)?;
    let status = request.status;
    let decidable =
        status == RequestStatus::InReview || (!approve && status == RequestStatus::Submitted);
    if !decidable {
        let tr = crate::server::context::tr();
        let message = match status {
            RequestStatus::Submitted => tr.server_email_change_unconfirmed(),
            _ => tr.server_request_already_decided(),
        };
        return Err(AppError::Conflict {
            message: message.into(),
        }
        .into());
    }
    let key = state.vault.require_key(request.subject_id).await?;
    let Some(change) = details::<EmailChangeDetails>(&key, &request) else {
        return Err(ServiceError::invariant(format!(
            "request {id} has unreadable details"
        )));
    };
    let customer = user::Entity::find_by_id(request.subject_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let note = (!reason.is_empty()).then_some(reason);
    if !approve {
        let tr = super::profile::mail_locale(&key, &customer).tr;
        let content = MailContent {
            subject: tr.mail_email_change_declined_subject().into(),
            body: tr.mail_email_change_declined_body(reason),
        };
        requests::reject(
            &txn,
            state,
            actor,
            &key,
            (&request, status),
            &customer,
            reason,
            content,
        )
        .await?;
        txn.commit().await?;
        return Ok(());
    }
    // An unconfirmed sign-up made with the address since it was confirmed here
    // does not own it either.
    signup_confirmation::release_address(&txn, state, &change.new_email, (customer.id, &key))
        .await?;
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(change.new_email.clone()))
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_email_change_address_taken()
                .into(),
        }
        .into());
    }
    requests::step(
        &txn,
        &key,
        id,
        Some(actor),
        status,
        RequestStatus::Approved,
        note,
    )
    .await?;
    requests::step(
        &txn,
        &key,
        id,
        Some(actor),
        RequestStatus::Approved,
        RequestStatus::Executing,
        None,
    )
    .await?;
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(change.new_email.clone()))
        .filter(user::Column::Id.eq(customer.id))
        .exec(&txn)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(customer.id))
        .exec(&txn)
        .await?;
    // A reset link mailed to the old address must not open the account any more.
    account_links::forget(&txn, customer.id, account_links::Purpose::PasswordReset).await?;
    requests::step(
        &txn,
        &key,
        id,
        Some(actor),
        RequestStatus::Executing,
        RequestStatus::Completed,
        None,
    )
    .await?;
    let decided = Event::new(AuditAction::PrivacyRequestDecided, "privacy_request", id)
        .by(actor)
        .about(customer.id)
        .change(Change::changed(
            "status",
            status.as_str(),
            RequestStatus::Completed.as_str(),
        ));
    audit::append(&txn, decided, Some(&key)).await?;
    let changed = Event::new(AuditAction::EmailChanged, "user", customer.id)
        .by(actor)
        .about(customer.id)
        .change(Change::changed("email", &customer.email, &change.new_email));
    audit::append(&txn, changed, Some(&key)).await?;
    let tr = super::profile::mail_locale(&key, &customer).tr;
    let content = MailContent {
        subject: tr.mail_email_changed_subject().into(),
        body: tr.mail_email_changed_body(&change.new_email),
    };
    mail::queue_audited(&txn, state, &key, customer.id, &customer.email, &content).await?;
    mail::queue_audited(&txn, state, &key, customer.id, &change.new_email, &content).await?;
    txn.commit().await?;
    Ok(())
}
