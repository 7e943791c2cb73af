//! Privacy requests: one table and one state machine for every kind. This
//! module implements the email change (rectification of the identifier, GDPR
//! Art. 16): the new address is confirmed by a link sent to it, then an agent
//! approves, and only then does the email change and every session end.
use crate::{
    error::AppError,
    model::{
        AuditAction, ErasureCheck, PrivacyRequestView, QueueFilter, RequestQueue, RequestStatus,
        RequestStep, Role,
    },
    server::{
        audit::{self, Change, Event},
        crypto::{DataKey, Slot},
        entities::{privacy_request, privacy_request_event, session, user},
        mail::{self, MailContent},
        policy::{self, Action, Target},
        services::{erasure, people::people},
        Actor, AppState, ServiceError,
    },
    validate,
};
use chrono::{DateTime, Months, Utc};
use rand::RngCore;
use sea_orm::{prelude::*, ActiveValue::Set, DatabaseTransaction, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const EMAIL_CHANGE: &str = "email_change";
/// How long the confirmation link stays valid.
pub const CONFIRMATION_HOURS: i64 = 24;

#[derive(Serialize, Deserialize)]
struct EmailChangeDetails {
    new_email: String,
}

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// One calendar month after receipt (GDPR Art. 12(3)).
pub fn due_date(received: DateTime<Utc>) -> DateTime<Utc> {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(received)
}

pub(crate) fn status_of(r: &privacy_request::Model) -> Result<RequestStatus, ServiceError> {
    RequestStatus::parse(&r.status)
        .ok_or_else(|| ServiceError::Internal(format!("request {} has an unknown status", r.id)))
}

fn details(key: &DataKey, r: &privacy_request::Model) -> Option<EmailChangeDetails> {
    r.details
        .as_ref()
        .and_then(|d| {
            key.open(Slot::new("privacy_requests", "details", &r.id), d)
                .ok()
        })
        .and_then(|json| serde_json::from_slice(&json).ok())
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
    let seal =
        |id: &Uuid| note.map(|n| key.seal_str(Slot::new("privacy_request_events", "note", id), n));
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
        actor_role: Set(actor.map(|a| a.role.as_str().to_owned())),
        from_status: Set(from.as_str().to_owned()),
        to_status: Set(to.as_str().to_owned()),
        note: Set(seal(&id)),
    }
    .insert(txn)
    .await?;
    privacy_request::Entity::update_many()
        .col_expr(privacy_request::Column::Status, Expr::value(to.as_str()))
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
    kind: &str,
    details: &impl Serialize,
    confirmation: Option<(String, DateTime<Utc>)>,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    let json = serde_json::to_vec(details).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let (confirmation_hash, confirmation_expires_at) = confirmation.unzip();
    privacy_request::ActiveModel {
        id: Set(id),
        kind: Set(kind.to_owned()),
        subject_id: Set(actor.user_id),
        status: Set(RequestStatus::Submitted.as_str().to_owned()),
        details: Set(Some(
            key.seal(Slot::new("privacy_requests", "details", &id), &json),
        )),
        confirmation_hash: Set(confirmation_hash),
        confirmation_expires_at: Set(confirmation_expires_at),
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

/// A customer asks to change their email address. A confirmation link goes to the new address.
pub async fn request_email_change(
    state: &AppState,
    actor: &Actor,
    new_email: &str,
) -> Result<PrivacyRequestView, ServiceError> {
    if actor.role != Role::Customer {
        return Err(AppError::Forbidden.into());
    }
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
        .filter(privacy_request::Column::Kind.eq(EMAIL_CHANGE))
        .all(&txn)
        .await?
    {
        let status = status_of(&earlier)?;
        let expired = status == RequestStatus::Submitted
            && earlier.confirmation_expires_at.is_none_or(|t| t < now);
        if expired {
            // An unconfirmed request whose link expired is closed, not left blocking.
            let note = Some("The confirmation link expired.");
            step(
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
    let id = submit(
        &txn,
        &key,
        actor,
        EMAIL_CHANGE,
        &details,
        Some(confirmation),
    )
    .await?;
    let event = Event::new(AuditAction::PrivacyRequestSubmitted, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("kind", EMAIL_CHANGE))
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
    mine(state, actor)
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
    if status_of(&request)? != RequestStatus::Submitted {
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
    step(
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

async fn views(
    state: &AppState,
    rows: Vec<privacy_request::Model>,
    viewer: &Actor,
) -> Result<Vec<PrivacyRequestView>, ServiceError> {
    let keys = state.vault.keys(rows.iter().map(|r| r.subject_id)).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let steps = privacy_request_event::Entity::find()
        .filter(privacy_request_event::Column::RequestId.is_in(ids))
        .order_by_asc(privacy_request_event::Column::At)
        .order_by_asc(privacy_request_event::Column::Id)
        .all(&state.db)
        .await?;
    let who = people(
        state,
        steps
            .iter()
            .filter_map(|s| s.actor_id)
            .chain(rows.iter().map(|r| r.subject_id)),
    )
    .await?;
    let now = Utc::now();
    rows.into_iter()
        .map(|r| {
            let key = keys.get(&r.subject_id);
            let status = status_of(&r)?;
            let (kind_label, summary) = if r.kind == erasure::ERASURE {
                let reason = key.and_then(|k| erasure::reason_of(k, &r));
                (
                    "Erasure",
                    match reason {
                        Some(reason) if !reason.is_empty() => {
                            format!("Delete my account and data — \"{reason}\"")
                        }
                        _ => "Delete my account and data".to_owned(),
                    },
                )
            } else {
                (
                    "Email change",
                    match key.and_then(|k| details(k, &r)) {
                        Some(d) => format!("Change email to {}", d.new_email),
                        None => "Change email address".to_owned(),
                    },
                )
            };
            let history = steps
                .iter()
                .filter(|s| s.request_id == r.id)
                .map(|s| RequestStep {
                    at: s.at,
                    status: RequestStatus::parse(&s.to_status).unwrap_or(status),
                    label: match RequestStatus::parse(&s.to_status).unwrap_or(status) {
                        // Erasure needs no emailed confirmation: the password was asked again.
                        RequestStatus::Submitted if r.kind != EMAIL_CHANGE => "Received".to_owned(),
                        step if s.from_status == s.to_status && s.note.is_some() => {
                            format!("{} (deadline extended)", step.label())
                        }
                        step => step.label().to_owned(),
                    },
                    by: match s.actor_id {
                        // Filing an erasure asks for the password: that confirms who asks.
                        Some(id)
                            if id == r.subject_id
                                && r.kind != EMAIL_CHANGE
                                && s.from_status == RequestStatus::Submitted.as_str()
                                && s.to_status != s.from_status =>
                        {
                            "Identity confirmed by password".to_owned()
                        }
                        Some(id) if id == viewer.user_id => "You".to_owned(),
                        Some(id) if id == r.subject_id => "The customer".to_owned(),
                        Some(id) => match who.get(&id) {
                            Some(p) if p.role.is_staff() => format!("Our team ({})", p.name),
                            _ => "Someone else".to_owned(),
                        },
                        None if r.kind == EMAIL_CHANGE => "Confirmation link".to_owned(),
                        None => "Erasure job".to_owned(),
                    },
                    note: match (&s.note, key) {
                        (Some(n), Some(k)) => k
                            .open_string(Slot::new("privacy_request_events", "note", &s.id), n)
                            .ok(),
                        _ => None,
                    },
                })
                .collect();
            let staff = viewer.role.is_staff();
            let overdue = status.is_open() && r.due_at < now;
            Ok(PrivacyRequestView {
                id: r.id,
                kind: r.kind.clone(),
                kind_label: kind_label.into(),
                status,
                summary,
                received_at: r.received_at,
                due_at: r.due_at,
                overdue,
                due_soon: status.is_open()
                    && !overdue
                    && r.due_at < now + chrono::Duration::days(7),
                subject_email: staff
                    .then(|| {
                        // An erased customer is shown by their pseudonym.
                        who.get(&r.subject_id).map(|p| {
                            if p.email.is_empty() {
                                p.name.clone()
                            } else {
                                p.email.clone()
                            }
                        })
                    })
                    .flatten(),
                subject_id: staff.then_some(r.subject_id),
                extended_months: r.extended_months,
                verification: r
                    .verification
                    .as_deref()
                    .and_then(|v| serde_json::from_str::<ErasureCheck>(v).ok()),
                history,
            })
        })
        .collect()
}

/// The actor's own requests, newest first.
pub async fn mine(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<PrivacyRequestView>, ServiceError> {
    let rows = privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(actor.user_id))
        .order_by_desc(privacy_request::Column::ReceivedAt)
        .all(&state.db)
        .await?;
    views(state, rows, actor).await
}

fn require_reviewer(actor: &Actor) -> Result<(), ServiceError> {
    if policy::can(actor, Action::ReviewPrivacyRequests, Target::Nothing) {
        Ok(())
    } else {
        Err(AppError::Forbidden.into())
    }
}

/// Requests listed on the queue at most, per filter.
const QUEUE_LIMIT: u64 = 500;

/// The queue: requests of every customer, soonest due first, filtered by kind
/// and status (every open request by default), with counts over all open ones (staff only).
pub async fn queue(
    state: &AppState,
    actor: &Actor,
    filter: &QueueFilter,
) -> Result<RequestQueue, ServiceError> {
    require_reviewer(actor)?;
    let open: Vec<&str> = RequestStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str())
        .collect();
    let closed: Vec<&str> = RequestStatus::ALL
        .iter()
        .filter(|s| !s.is_open())
        .map(|s| s.as_str())
        .collect();
    let mut query = privacy_request::Entity::find();
    query = match filter.status.as_str() {
        "" => query.filter(privacy_request::Column::Status.is_in(open.clone())),
        "all" => query,
        "closed" => query.filter(privacy_request::Column::Status.is_in(closed)),
        other => match RequestStatus::parse(other) {
            Some(s) => query.filter(privacy_request::Column::Status.eq(s.as_str())),
            None => return Err(AppError::field("status", "Choose a status from the list.").into()),
        },
    };
    match filter.kind.as_str() {
        "" => {}
        EMAIL_CHANGE | erasure::ERASURE => {
            query = query.filter(privacy_request::Column::Kind.eq(filter.kind.clone()))
        }
        _ => return Err(AppError::field("kind", "Choose a kind from the list.").into()),
    }
    let rows = query
        .order_by_asc(privacy_request::Column::DueAt)
        .limit(QUEUE_LIMIT)
        .all(&state.db)
        .await?;
    let items = views(state, rows, actor).await?;
    // Counts over every open request, whatever the filter shows.
    let now = Utc::now();
    let all_open: Vec<(String, DateTime<Utc>)> = privacy_request::Entity::find()
        .select_only()
        .column(privacy_request::Column::Status)
        .column(privacy_request::Column::DueAt)
        .filter(privacy_request::Column::Status.is_in(open))
        .into_tuple()
        .all(&state.db)
        .await?;
    let soon = now + chrono::Duration::days(7);
    let count = |wanted: &str| all_open.iter().filter(|(s, _)| s == wanted).count() as u64;
    Ok(RequestQueue {
        items,
        open: all_open.len() as u64,
        overdue: all_open.iter().filter(|(_, due)| *due < now).count() as u64,
        due_soon: all_open
            .iter()
            .filter(|(_, due)| *due >= now && *due < soon)
            .count() as u64,
        on_hold: count(RequestStatus::OnHold.as_str()),
        needs_attention: count(RequestStatus::NeedsAttention.as_str()),
    })
}

/// One request, for staff.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<PrivacyRequestView, ServiceError> {
    require_reviewer(actor)?;
    let row = privacy_request::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    views(state, vec![row], actor)
        .await?
        .pop()
        .ok_or_else(|| AppError::NotFound.into())
}

/// An agent approves or rejects a confirmed request. Approval carries it out at
/// once: the email changes, every session of the customer ends, all in one
/// audited transaction, and the customer is told at both addresses.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    approve: bool,
    reason: &str,
) -> Result<(), ServiceError> {
    require_reviewer(actor)?;
    let reason = reason.trim();
    let kind = privacy_request::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .kind;
    if kind == erasure::ERASURE {
        return erasure::decide(state, actor, id, approve, reason).await;
    }
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
        .ok_or(AppError::NotFound)?;
    let status = status_of(&request)?;
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
    let Some(change) = details(&key, &request) else {
        return Err(ServiceError::Internal(format!(
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
        reject(
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
    step(
        &txn,
        &key,
        id,
        Some(actor),
        status,
        RequestStatus::Approved,
        note,
    )
    .await?;
    step(
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
    step(
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
    let status = status_of(&request)?;
    if !status.withdrawable() {
        return Err(AppError::Conflict {
            message: format!(
                "This request can no longer be withdrawn: it is {}.",
                status.label().to_lowercase()
            ),
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
    require_reviewer(actor)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            "Give the customer a reason for the extension; they will see it.",
        )
        .into());
    }
    if reason.chars().count() > 2000 {
        return Err(
            AppError::field("reason", "The reason must be at most 2000 characters.").into(),
        );
    }
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = status_of(&request)?;
    if !matches!(
        status,
        RequestStatus::Submitted | RequestStatus::InReview | RequestStatus::OnHold
    ) {
        return Err(AppError::Conflict {
            message: "Only a request that is still waiting for a decision can be extended.".into(),
        }
        .into());
    }
    let left = MAX_EXTENSION_MONTHS - request.extended_months;
    if left <= 0 {
        return Err(AppError::Conflict {
            message: "This request was already extended by the most the law allows (two months)."
                .into(),
        }
        .into());
    }
    if months < 1 || months > left {
        let message = if left == 1 {
            "It can be extended by one more month only.".to_owned()
        } else {
            "Extend by one or two months.".to_owned()
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
        let content = MailContent {
            subject: "We need more time for your privacy request".into(),
            body: format!(
                "We need more time to handle your request. We will answer by {} at the latest.\n\nReason: {reason}",
                crate::model::format_time(&due)
            ),
        };
        mail::queue_audited(&txn, state, &key, customer.id, &customer.email, &content).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The most a due date may be extended, in months (GDPR Art. 12(3)).
pub const MAX_EXTENSION_MONTHS: i32 = 2;
