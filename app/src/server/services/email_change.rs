//! The email change (rectification of the sign-in identifier, GDPR Art. 16):
//! the new address is confirmed by a link sent to it, then an agent approves,
//! and only then does the email change and every session end.
use super::requests::{self, details, EmailChangeDetails};
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
use rand::RngCore;
use sea_orm::prelude::*;
use sha2::{Digest, Sha256};

/// How long the confirmation link stays valid.
pub const CONFIRMATION_HOURS: i64 = 24;

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A customer asks to change their email address. A confirmation link goes to the new address.
pub async fn request_email_change(
    state: &AppState,
    actor: &Actor,
    new_email: &str,
) -> Result<PrivacyRequestView, ServiceError> {
    policy::require(actor, Action::RequestEmailChange, Target::Nothing)?;
    let new_email = validate::email(new_email)?;
    if new_email == actor.email {
        return Err(AppError::field("email", "That is already your email address.").into());
    }
    let key = state.vault.require_key(actor.user_id).await?;
    // Checked inside the serialised transaction, so two requests sent at once cannot both pass.
    let txn = audit::begin(&state.db).await?;
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(new_email.clone()))
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(
            AppError::field("email", "That address cannot be used. Choose another one.").into(),
        );
    }
    let now = Utc::now();
    for earlier in privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(actor.user_id))
        .filter(privacy_request::Column::Kind.eq(RequestKind::EmailChange))
        .all(&txn)
        .await?
    {
        let status = earlier.status;
        let expired = status == RequestStatus::Submitted
            && earlier.confirmation_expires_at.is_none_or(|t| t < now);
        if expired {
            // An unconfirmed request whose link expired is closed, not left blocking.
            let note = Some("The confirmation link expired.");
            requests::step(
                &txn,
                &key,
                earlier.id,
                None,
                status,
                RequestStatus::Rejected,
                note,
            )
            .await?;
        } else if status.is_open() {
            return Err(AppError::Conflict {
                message: "You already have an email change in progress. Wait for it to finish before asking for another.".into(),
            }
            .into());
        }
    }
    let mut token_bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut token_bytes);
    let token = hex::encode(token_bytes);
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
    let event = Event::new(AuditAction::PrivacyRequestSubmitted, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("kind", RequestKind::EmailChange.as_str()))
        .change(Change::set("new_email", &new_email));
    audit::append(&txn, event, Some(&key)).await?;
    let link = format!("{}/confirm-email?token={token}", state.mail.public_url);
    let content = MailContent {
        subject: "Confirm your new email address".into(),
        body: format!(
            "Someone — hopefully you — asked to use this address for their Custodian account.\n\n\
             To confirm, open this link within {CONFIRMATION_HOURS} hours:\n{link}\n\n\
             After you confirm, our team reviews the change. If you did not ask for this, ignore this mail."
        ),
    };
    mail::queue_audited(&txn, state, &key, actor.user_id, &new_email, &content).await?;
    txn.commit().await?;
    requests::mine(state, actor)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| AppError::NotFound.into())
}

/// The link from the mail was opened: the new address is confirmed and the request goes to review.
pub async fn confirm_email(state: &AppState, token: &str) -> Result<(), ServiceError> {
    let invalid = || AppError::Conflict {
        message: "This confirmation link is not valid (any more). Ask for the change again.".into(),
    };
    let token = token.trim();
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
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
            message: "This confirmation link has expired. Ask for the change again.".into(),
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
        return Err(
            AppError::field("reason", "Give the customer a reason for the rejection.").into(),
        );
    }
    if reason.chars().count() > 2000 {
        return Err(
            AppError::field("reason", "The reason must be at most 2000 characters.").into(),
        );
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
        let message = match status {
            RequestStatus::Submitted => {
                "The customer has not confirmed the new address yet; it can only be rejected."
            }
            _ => "This request has already been decided.",
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
        let content = MailContent {
            subject: "Your email change request was declined".into(),
            body: format!(
                "We did not change the email address of your account.\n\nReason: {reason}"
            ),
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
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(change.new_email.clone()))
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(AppError::Conflict {
            message: "The new address now belongs to another account; reject this request.".into(),
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
    let body = format!(
        "The email address of your Custodian account is now {}. You have been signed out everywhere; \
         sign in with the new address.",
        change.new_email
    );
    let content = MailContent {
        subject: "Your email address was changed".into(),
        body,
    };
    mail::queue_audited(&txn, state, &key, customer.id, &customer.email, &content).await?;
    mail::queue_audited(&txn, state, &key, customer.id, &change.new_email, &content).await?;
    txn.commit().await?;
    Ok(())
}
