//! Privacy requests: one table and one state machine for every kind
//! (`RequestKind`). This module is the state machine — filing, steps, rejection,
//! withdrawal, extension — and the details each kind seals; `read` is the read
//! model (the customer's list, the staff queue). What approving means is the
//! kind's own: `email_change::decide`, `erasure::decide` (dispatched by `review`).
mod read;
pub mod register;

pub(crate) use read::of_subject;
pub use read::{get, mine, queue};

use crate::{
    error::AppError,
    model::{AuditAction, RequestKind, RequestStatus},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{privacy_request, privacy_request_event, user},
        mail::{self, MailContent},
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, Months, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, DatabaseTransaction};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The notes the portal writes on a step itself. They are records, kept in
/// English; the read model shows them in the reader's language.
pub(crate) const NOTE_ON_HOLD: &str =
    "A legal obligation requires us to keep your data for now. We will continue as soon as it ends.";
pub(crate) const NOTE_CLOSED_BY_ERASURE: &str = "Closed: the account is being erased.";
pub(crate) const NOTE_LINK_EXPIRED: &str = "The confirmation link expired.";
pub(crate) const NOTE_CANCELLED_FROM_OLD_ADDRESS: &str =
    "Cancelled with the link sent to the old address.";

/// What an email change asks for, sealed under the subject's key.
#[derive(Serialize, Deserialize)]
pub(crate) struct EmailChangeDetails {
    pub new_email: String,
}

/// What an erasure request says, sealed under the subject's key.
#[derive(Serialize, Deserialize)]
pub(crate) struct ErasureDetails {
    pub reason: String,
}

/// A request's details, while the subject's key exists.
pub(crate) fn details<T: DeserializeOwned>(key: &DataKey, r: &privacy_request::Model) -> Option<T> {
    r.details
        .as_ref()
        .and_then(|d| key.open(privacy_request::DETAILS.at(&r.id), d).ok())
        .and_then(|json| serde_json::from_slice(&json).ok())
}

/// A reason staff or customers give: required where `required` says why, and at most 2000 characters.
pub(crate) fn check_reason(reason: &str, required: Option<&str>) -> Result<(), ServiceError> {
    if let Some(message) = required {
        if reason.is_empty() {
            return Err(AppError::field("reason", message).into());
        }
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::field(
            "reason",
            crate::server::context::tr().server_reason_too_long(),
        )
        .into());
    }
    Ok(())
}

/// The subject's requests of `kind` that are still open.
pub(crate) async fn open_of_kind(
    db: &impl ConnectionTrait,
    kind: RequestKind,
    subject: Uuid,
) -> Result<Vec<privacy_request::Model>, ServiceError> {
    Ok(privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(subject))
        .filter(privacy_request::Column::Kind.eq(kind))
        .filter(
            privacy_request::Column::Status
                .is_in(RequestStatus::ALL.into_iter().filter(|s| s.is_open())),
        )
        .all(db)
        .await?)
}

/// The kind of a request, for staff deciding it.
pub async fn kind_of(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<RequestKind, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    Ok(privacy_request::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .kind)
}

/// One calendar month after receipt (GDPR Art. 12(3)).
pub fn due_date(received: DateTime<Utc>) -> DateTime<Utc> {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(received)
}

pub(crate) async fn step(
    txn: &DatabaseTransaction,
    key: &DataKey,
    request: Uuid,
    actor: Option<&Actor>,
    from: RequestStatus,
    to: RequestStatus,
    note: Option<&str>,
) -> Result<(), ServiceError> {
    let seal = |id: &Uuid| note.map(|n| key.seal_str(privacy_request_event::NOTE.at(id), n));
    record_step(txn, request, actor, (from, to), seal).await
}

/// A step without a note: for when the subject's key is gone (nothing can be sealed for them).
pub(crate) async fn step_without_note(
    txn: &DatabaseTransaction,
    request: Uuid,
    actor: Option<&Actor>,
    from: RequestStatus,
    to: RequestStatus,
) -> Result<(), ServiceError> {
    record_step(txn, request, actor, (from, to), |_| None).await
}

async fn record_step(
    txn: &DatabaseTransaction,
    request: Uuid,
    actor: Option<&Actor>,
    (from, to): (RequestStatus, RequestStatus),
    seal: impl FnOnce(&Uuid) -> Option<Vec<u8>>,
) -> Result<(), ServiceError> {
    let id = Uuid::now_v7();
    privacy_request_event::ActiveModel {
        id: Set(id),
        request_id: Set(request),
        at: Set(Utc::now()),
        actor_id: Set(actor.map(|a| a.user_id)),
        actor_role: Set(actor.map(|a| a.role)),
        from_status: Set(from),
        to_status: Set(to),
        note: Set(seal(&id)),
    }
    .insert(txn)
    .await?;
    privacy_request::Entity::update_many()
        .col_expr(privacy_request::Column::Status, Expr::value(to))
        .col_expr(privacy_request::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(privacy_request::Column::Id.eq(request))
        .exec(txn)
        .await?;
    Ok(())
}

/// Files a request of `kind` for the actor (inside an audited transaction): its
/// details sealed under their key, due one calendar month from now, and its
/// first step recorded. Returns its id.
pub(crate) async fn submit(
    txn: &DatabaseTransaction,
    key: &DataKey,
    actor: &Actor,
    kind: RequestKind,
    details: &impl Serialize,
    confirmation: Option<(String, DateTime<Utc>)>,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    let json = serde_json::to_vec(details)?;
    let (confirmation_hash, confirmation_expires_at) = confirmation.unzip();
    privacy_request::ActiveModel {
        id: Set(id),
        kind: Set(kind),
        subject_id: Set(actor.user_id),
        status: Set(RequestStatus::Submitted),
        details: Set(Some(key.seal(privacy_request::DETAILS.at(&id), &json))),
        confirmation_hash: Set(confirmation_hash),
        confirmation_expires_at: Set(confirmation_expires_at),
        cancel_hash: Set(None),
        received_at: Set(now),
        due_at: Set(due_date(now)),
        updated_at: Set(now),
        extended_months: Set(0),
        verification: Set(None),
    }
    .insert(txn)
    .await?;
    let submitted = RequestStatus::Submitted;
    step(txn, key, id, Some(actor), submitted, submitted, None).await?;
    Ok(id)
}

/// Rejects a request inside `txn`: the step with the reason the customer sees,
/// the audit event, and the mail telling them.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn reject(
    txn: &DatabaseTransaction,
    state: &AppState,
    actor: &Actor,
    key: &DataKey,
    (request, from): (&privacy_request::Model, RequestStatus),
    customer: &user::Model,
    reason: &str,
    content: MailContent,
) -> Result<(), ServiceError> {
    let note = (!reason.is_empty()).then_some(reason);
    let to = RequestStatus::Rejected;
    step(txn, key, request.id, Some(actor), from, to, note).await?;
    let event = Event::new(
        AuditAction::PrivacyRequestDecided,
        "privacy_request",
        request.id,
    )
    .by(actor)
    .about(request.subject_id)
    .change(Change::changed("status", from.as_str(), to.as_str()))
    .change(Change::set("reason", reason));
    audit::append(txn, event, Some(key)).await?;
    mail::queue_audited(txn, state, key, customer.id, &customer.email, &content).await?;
    Ok(())
}

/// The subject takes their own request back, while nobody has acted on it yet.
pub async fn withdraw(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    // Another customer's request is "not found", exactly like a missing one.
    let request = privacy_request::Entity::find_by_id(id)
        .filter(privacy_request::Column::SubjectId.eq(actor.user_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = request.status;
    if !status.withdrawable() {
        let tr = crate::server::context::tr();
        // English reads "it is approved."; German and French quote the label as it is.
        let label = match tr.0 {
            crate::i18n::Lang::En => status.label(tr).to_lowercase(),
            _ => status.label(tr).to_owned(),
        };
        return Err(AppError::Conflict {
            message: tr.server_request_not_withdrawable(label),
        }
        .into());
    }
    let key = state.vault.require_key(actor.user_id).await?;
    step(
        &txn,
        &key,
        id,
        Some(actor),
        status,
        RequestStatus::Withdrawn,
        None,
    )
    .await?;
    let event = Event::new(AuditAction::PrivacyRequestWithdrawn, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::changed(
            "status",
            status.as_str(),
            RequestStatus::Withdrawn.as_str(),
        ));
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(())
}

/// Extends the due date by one or two months (at most two in all, GDPR
/// Art. 12(3)); the customer sees the reason and gets it by mail.
pub async fn extend(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    months: i32,
    reason: &str,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            crate::server::context::tr().server_extension_reason_required(),
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
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = request.status;
    if !matches!(
        status,
        RequestStatus::Submitted | RequestStatus::InReview | RequestStatus::OnHold
    ) {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_extension_not_open()
                .into(),
        }
        .into());
    }
    let left = MAX_EXTENSION_MONTHS - request.extended_months;
    if left <= 0 {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_extension_at_most()
                .into(),
        }
        .into());
    }
    if months < 1 || months > left {
        let tr = crate::server::context::tr();
        let message = if left == 1 {
            tr.server_extension_one_more_month().to_owned()
        } else {
            tr.server_extension_months().to_owned()
        };
        return Err(AppError::field("months", message).into());
    }
    let total = request.extended_months + months;
    let due = due_date(request.received_at)
        .checked_add_months(Months::new(total as u32))
        .unwrap_or(request.due_at);
    let key = state.vault.require_key(request.subject_id).await?;
    privacy_request::Entity::update_many()
        .col_expr(privacy_request::Column::ExtendedMonths, Expr::value(total))
        .col_expr(privacy_request::Column::DueAt, Expr::value(due))
        .filter(privacy_request::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let note = format!(
        "Deadline extended by {months} month{} to {}: {reason}",
        if months == 1 { "" } else { "s" },
        crate::model::format_time(&due)
    );
    step(&txn, &key, id, Some(actor), status, status, Some(&note)).await?;
    let event = Event::new(AuditAction::PrivacyRequestExtended, "privacy_request", id)
        .by(actor)
        .about(request.subject_id)
        .change(Change::changed(
            "due_at",
            crate::model::format_time(&request.due_at),
            crate::model::format_time(&due),
        ))
        .change(Change::set("reason", reason));
    audit::append(&txn, event, Some(&key)).await?;
    if let Some(customer) = user::Entity::find_by_id(request.subject_id)
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none())
    {
        let locale = super::profile::mail_locale(&key, &customer);
        let content = MailContent {
            subject: locale.tr.mail_request_extended_subject().into(),
            body: locale
                .tr
                .mail_request_extended_body(locale.time(&due), reason),
        };
        mail::queue_audited(&txn, state, &key, customer.id, &customer.email, &content).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The most a due date may be extended, in months (GDPR Art. 12(3)).
pub const MAX_EXTENSION_MONTHS: i32 = 2;
