//! Erasure (GDPR Art. 17): customers ask, staff review against the deadline
//! and approve, and a durable job carries it out in recorded, idempotent steps:
//! the subject's data key is destroyed first (crypto-shredding everything
//! sealed under it, in backups and old exports too), then rows are deleted or
//! anonymised, sessions end, archives go, the customer is told, their identity
//! on kept records becomes a pseudonym, and a final check proves nothing
//! readable is left. Legal holds block all of it.
use super::{accounts, people::people, requests};
use crate::{
    error::AppError,
    model::{
        AuditAction, ErasureCheck, ErasurePreview, HoldView, Mention, PreviewRow,
        PrivacyRequestView, PrivacySettings, RequestStatus, Role,
    },
    server::{
        audit::{self, Change, Event},
        crypto::{DataKey, Slot},
        entities::{
            audit_event, custom_field_value, data_export, erasure_job, erasure_step, legal_hold,
            message, outbound_mail, privacy_request, session, setting, sign_in_failure, ticket,
            user,
        },
        mail::{self, MailContent},
        password,
        policy::{self, Action, Target},
        storage, Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    prelude::*, ActiveValue::Set, Condition, ConnectionTrait, DatabaseTransaction, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

pub const ERASURE: &str = "erasure";
/// Setting: what happens to an erased customer's tickets.
pub const ERASED_TICKETS: &str = "erasure.tickets";
pub const KEEP_ANONYMISED: &str = "anonymise";
pub const DELETE: &str = "delete";
/// How long a job waits for the final mail to go out before it goes on without it.
const NOTICE_WAIT_MINUTES: i64 = 30;
/// A worker's claim on a job; renewed at every step.
/// Long enough for the slowest step (`VACUUM FULL`, the final scan) on a large database.
const LEASE_SECONDS: i64 = 600;

/// The steps of erasing a customer, in order. Each is recorded when done and
/// never run again; each is safe to repeat if the process dies before the record.
pub const CUSTOMER_STEPS: [&str; 9] = [
    "destroy_key",
    "delete_records",
    "end_sessions",
    "notify",
    "pseudonymise",
    // After the address is gone, so no archive made meanwhile can still hold it.
    "delete_exports",
    "audit",
    "compact",
    "verify",
];
/// The steps of deleting one ticket.
pub const TICKET_STEPS: [&str; 3] = ["delete_ticket", "compact", "verify"];

fn internal(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Internal(e.to_string())
}

#[derive(Serialize, Deserialize)]
struct ErasureDetails {
    reason: String,
}

/// What the final check looks for; sealed under the job's own key while it runs.
#[derive(Serialize, Deserialize, Default)]
struct Identifiers {
    email: String,
    name: String,
    phone: Option<String>,
    /// The reason staff gave when approving the customer's request; the final mail repeats it.
    #[serde(default)]
    approval_reason: Option<String>,
}

/// "Erased customer 7f3a9c": stable for a subject, derived from nothing personal.
pub fn pseudonym(subject: Uuid) -> String {
    let digest = hex::encode(Sha256::digest(subject.as_bytes()));
    format!("Erased customer {}", &digest[..6])
}

/// The reason a customer gave with their erasure request, if their key still exists.
pub fn reason_of(key: &DataKey, r: &privacy_request::Model) -> Option<String> {
    let sealed = r.details.as_ref()?;
    let json = key
        .open(Slot::new("privacy_requests", "details", &r.id), sealed)
        .ok()?;
    serde_json::from_slice::<ErasureDetails>(&json)
        .ok()
        .map(|d| d.reason)
}

fn require(actor: &Actor, action: Action) -> Result<(), ServiceError> {
    if policy::can(actor, action, Target::Nothing) {
        Ok(())
    } else {
        Err(AppError::Forbidden.into())
    }
}

fn check_reason(reason: &str, required: Option<&str>) -> Result<(), ServiceError> {
    if let Some(message) = required {
        if reason.is_empty() {
            return Err(AppError::field("reason", message).into());
        }
    }
    if reason.chars().count() > 2000 {
        return Err(
            AppError::field("reason", "The reason must be at most 2000 characters.").into(),
        );
    }
    Ok(())
}

// ---------------------------------------------------------------- settings

/// What happens to erased customers' tickets: `anonymise` (default) or `delete`.
pub async fn tickets_policy(db: &impl ConnectionTrait) -> Result<String, ServiceError> {
    Ok(setting::Entity::find_by_id(ERASED_TICKETS.to_owned())
        .one(db)
        .await?
        .map(|s| s.value)
        .filter(|v| v == DELETE)
        .unwrap_or_else(|| KEEP_ANONYMISED.to_owned()))
}

pub async fn settings(state: &AppState, actor: &Actor) -> Result<PrivacySettings, ServiceError> {
    require(actor, Action::ManageSettings)?;
    Ok(PrivacySettings {
        erased_tickets: tickets_policy(&state.db).await?,
    })
}

pub async fn save_settings(
    state: &AppState,
    actor: &Actor,
    erased_tickets: &str,
) -> Result<PrivacySettings, ServiceError> {
    require(actor, Action::ManageSettings)?;
    if erased_tickets != DELETE && erased_tickets != KEEP_ANONYMISED {
        return Err(AppError::field(
            "erased_tickets",
            "Choose whether erased customers' tickets are deleted or kept anonymised.",
        )
        .into());
    }
    let txn = audit::begin(&state.db).await?;
    let before = tickets_policy(&txn).await?;
    if before != erased_tickets {
        setting::Entity::delete_by_id(ERASED_TICKETS.to_owned())
            .exec(&txn)
            .await?;
        setting::ActiveModel {
            key: Set(ERASED_TICKETS.to_owned()),
            value: Set(erased_tickets.to_owned()),
        }
        .insert(&txn)
        .await?;
        let event = Event::new(AuditAction::SettingChanged, "setting", ERASED_TICKETS)
            .by(actor)
            .setting(Change::changed(ERASED_TICKETS, before, erased_tickets));
        audit::append(&txn, event, None).await?;
    }
    txn.commit().await?;
    settings(state, actor).await
}

// ---------------------------------------------------------------- legal holds

/// The subject's active legal hold, if any (not lifted, not past its end).
pub async fn active_hold(
    db: &impl ConnectionTrait,
    subject: Uuid,
) -> Result<Option<legal_hold::Model>, ServiceError> {
    let now = Utc::now();
    Ok(legal_hold::Entity::find()
        .filter(legal_hold::Column::SubjectId.eq(subject))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .find(|h| h.until.is_none_or(|u| u > now)))
}

fn held_error() -> ServiceError {
    AppError::Conflict {
        message: "A legal hold is placed on this customer: nothing of theirs may be erased until it is lifted.".into(),
    }
    .into()
}

async fn hold_view(state: &AppState, subject: Uuid) -> Result<Option<HoldView>, ServiceError> {
    let Some(hold) = active_hold(&state.db, subject).await? else {
        return Ok(None);
    };
    let key = state.vault.key(subject).await?;
    let who = people(state, [hold.placed_by]).await?;
    Ok(Some(HoldView {
        id: hold.id,
        reason: key
            .and_then(|k| {
                k.open_string(Slot::new("legal_holds", "reason", &hold.id), &hold.reason)
                    .ok()
            })
            .unwrap_or_else(|| crate::server::vault::ERASED.to_owned()),
        placed_by: who
            .get(&hold.placed_by)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        placed_at: hold.placed_at,
        until: hold.until,
    }))
}

async fn customer_row(
    db: &impl ConnectionTrait,
    subject: Uuid,
) -> Result<user::Model, ServiceError> {
    user::Entity::find_by_id(subject)
        .one(db)
        .await?
        .filter(|u| u.role == Role::Customer.as_str())
        .ok_or_else(|| AppError::NotFound.into())
}

/// Places a legal hold: until it is lifted (or its end date passes) the
/// customer cannot be erased, and open erasure requests wait "on hold".
pub async fn place_hold(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
    reason: &str,
    until: &str,
) -> Result<(), ServiceError> {
    require(actor, Action::ReviewPrivacyRequests)?;
    let reason = reason.trim();
    check_reason(
        reason,
        Some("Give the reason for the hold (e.g. the proceedings it is for)."),
    )?;
    let until = match until.trim() {
        "" => None,
        date => {
            let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                AppError::field(
                    "until",
                    "Enter the end date as YYYY-MM-DD, or leave it empty.",
                )
            })?;
            // Inclusive: the hold lasts to the end of that day (UTC).
            let end = day
                .and_hms_opt(23, 59, 59)
                .map(|t| t.and_utc())
                .ok_or_else(|| AppError::field("until", "That date does not exist."))?;
            if end <= Utc::now() {
                return Err(AppError::field("until", "The end date must be in the future.").into());
            }
            Some(end)
        }
    };
    let txn = audit::begin(&state.db).await?;
    customer_row(&txn, subject).await?;
    if active_hold(&txn, subject).await?.is_some() {
        return Err(AppError::Conflict {
            message: "This customer is already under a legal hold.".into(),
        }
        .into());
    }
    // A hold can still stop an approved erasure whose job has not destroyed the key yet.
    let key = state
        .vault
        .key(subject)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: "This customer has already been erased.".into(),
        })?;
    let id = Uuid::now_v7();
    legal_hold::ActiveModel {
        id: Set(id),
        subject_id: Set(subject),
        reason: Set(key.seal_str(Slot::new("legal_holds", "reason", &id), reason)),
        placed_by: Set(actor.user_id),
        placed_at: Set(Utc::now()),
        until: Set(until),
        lifted_at: Set(None),
        lifted_by: Set(None),
    }
    .insert(&txn)
    .await?;
    for r in open_erasure_requests(&txn, subject).await? {
        let status = requests::status_of(&r)?;
        if matches!(status, RequestStatus::Submitted | RequestStatus::InReview) {
            let note = "A legal obligation requires us to keep your data for now. We will continue as soon as it ends.";
            requests::step(
                &txn,
                &key,
                r.id,
                Some(actor),
                status,
                RequestStatus::OnHold,
                Some(note),
            )
            .await?;
        }
    }
    let mut event = Event::new(AuditAction::LegalHoldPlaced, "legal_hold", id)
        .by(actor)
        .about(subject)
        .change(Change::set("reason", reason));
    if let Some(u) = until {
        event = event.change(Change::set("until", crate::model::format_time(&u)));
    }
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(())
}

/// Lifts the customer's legal hold; requests on hold go back to review.
pub async fn lift_hold(state: &AppState, actor: &Actor, subject: Uuid) -> Result<(), ServiceError> {
    // Anyone who reviews requests may place a hold; only admins may lift one,
    // so the person who could erase is not the one who releases the brake.
    require(actor, Action::LiftLegalHold)?;
    let txn = audit::begin(&state.db).await?;
    customer_row(&txn, subject).await?;
    let hold = active_hold(&txn, subject)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: "This customer is not under a legal hold.".into(),
        })?;
    legal_hold::Entity::update_many()
        .col_expr(legal_hold::Column::LiftedAt, Expr::value(Utc::now()))
        .col_expr(legal_hold::Column::LiftedBy, Expr::value(actor.user_id))
        .filter(legal_hold::Column::Id.eq(hold.id))
        .exec(&txn)
        .await?;
    let key = state.vault.require_key(subject).await?;
    for r in open_erasure_requests(&txn, subject).await? {
        if requests::status_of(&r)? == RequestStatus::OnHold {
            requests::step(
                &txn,
                &key,
                r.id,
                Some(actor),
                RequestStatus::OnHold,
                RequestStatus::InReview,
                None,
            )
            .await?;
        }
    }
    let event = Event::new(AuditAction::LegalHoldLifted, "legal_hold", hold.id)
        .by(actor)
        .about(subject);
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

async fn open_erasure_requests(
    db: &impl ConnectionTrait,
    subject: Uuid,
) -> Result<Vec<privacy_request::Model>, ServiceError> {
    let mut out = Vec::new();
    for r in privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(subject))
        .filter(privacy_request::Column::Kind.eq(ERASURE))
        .all(db)
        .await?
    {
        if requests::status_of(&r)?.is_open() {
            out.push(r);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- requests

/// A customer asks to have their account and data deleted. The password is
/// asked again; that confirms their identity, so the request goes straight to review.
pub async fn request(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
    reason: &str,
) -> Result<PrivacyRequestView, ServiceError> {
    require(actor, Action::RequestOwnErasure)?;
    let reason = reason.trim();
    check_reason(reason, None)?;
    accounts::reauthenticate(state, actor, password_again).await?;
    let key = state.vault.require_key(actor.user_id).await?;
    let txn = audit::begin(&state.db).await?;
    if !open_erasure_requests(&txn, actor.user_id).await?.is_empty() {
        return Err(AppError::Conflict {
            message: "You have already asked us to delete your account. You can follow that request below; there is no need to ask again.".into(),
        }
        .into());
    }
    let details = ErasureDetails {
        reason: reason.to_owned(),
    };
    let id = requests::submit(&txn, &key, actor, ERASURE, &details, None).await?;
    let due = requests::due_date(Utc::now());
    let submitted = RequestStatus::Submitted;
    // The password was just checked: the identity is confirmed.
    let next = if active_hold(&txn, actor.user_id).await?.is_some() {
        RequestStatus::OnHold
    } else {
        RequestStatus::InReview
    };
    let note = (next == RequestStatus::OnHold).then_some(
        "A legal obligation requires us to keep your data for now. We will continue as soon as it ends.",
    );
    requests::step(&txn, &key, id, Some(actor), submitted, next, note).await?;
    let event = Event::new(AuditAction::PrivacyRequestSubmitted, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("kind", ERASURE))
        .change(Change::set("reason", reason));
    audit::append(&txn, event, Some(&key)).await?;
    let content = MailContent {
        subject: "We received your request to delete your account".into(),
        body: format!(
            "We received your request to delete your account and your data. Our team will review it \
             and answer by {} at the latest. You can follow it, or withdraw it, on your privacy page.",
            crate::model::format_time(&due)
        ),
    };
    mail::queue_audited(&txn, state, &key, actor.user_id, &actor.email, &content).await?;
    txn.commit().await?;
    requests::mine(state, actor)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| AppError::NotFound.into())
}

/// Approves (starting the erasure job) or rejects an erasure request.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    approve: bool,
    reason: &str,
) -> Result<(), ServiceError> {
    if approve {
        require(actor, Action::ApproveErasure)?;
    } else {
        require(actor, Action::ReviewPrivacyRequests)?;
    }
    check_reason(
        reason,
        Some(if approve {
            "Give the reason for the approval; the customer sees it."
        } else {
            "Give the customer a reason for the rejection."
        }),
    )?;
    if approve {
        // Scanned before taking the audit lock: it reads every message.
        let subject = privacy_request::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .filter(|r| r.kind == ERASURE)
            .ok_or(AppError::NotFound)?
            .subject_id;
        refuse_while_mentioned(state, subject).await?;
    }
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.kind == ERASURE)
        .ok_or(AppError::NotFound)?;
    let mut status = requests::status_of(&request)?;
    let held = active_hold(&txn, request.subject_id).await?.is_some();
    if approve && held {
        return Err(held_error());
    }
    if status == RequestStatus::OnHold && !held {
        // The hold ended by its end date: the request is back in review.
        status = RequestStatus::InReview;
    }
    let decidable = status == RequestStatus::InReview
        || (!approve && matches!(status, RequestStatus::Submitted | RequestStatus::OnHold));
    if !decidable {
        return Err(AppError::Conflict {
            message: "This request has already been decided.".into(),
        }
        .into());
    }
    let key = state.vault.require_key(request.subject_id).await?;
    let customer = customer_row(&txn, request.subject_id).await?;
    if !approve {
        let content = MailContent {
            subject: "Your request to delete your account was declined".into(),
            body: format!(
                "We did not delete your account and data.\n\nReason: {reason}\n\n\
                 You may ask again, or lodge a complaint with a data protection authority."
            ),
        };
        let from = (&request, status);
        requests::reject(&txn, state, actor, &key, from, &customer, reason, content).await?;
        txn.commit().await?;
        return Ok(());
    }
    requests::step(
        &txn,
        &key,
        id,
        Some(actor),
        status,
        RequestStatus::Approved,
        Some(reason),
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
    let decided = Event::new(AuditAction::PrivacyRequestDecided, "privacy_request", id)
        .by(actor)
        .about(customer.id)
        .change(Change::changed(
            "status",
            status.as_str(),
            RequestStatus::Approved.as_str(),
        ))
        .change(Change::set("reason", reason));
    audit::append(&txn, decided, Some(&key)).await?;
    schedule_customer(state, &txn, actor, (&customer, &key), Some((id, reason))).await?;
    txn.commit().await?;
    Ok(())
}

/// Creates the job that erases `customer` (inside the caller's transaction):
/// sign-in stops and sessions end at once; the worker does the rest.
async fn schedule_customer(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: &Actor,
    (customer, key): (&user::Model, &DataKey),
    request: Option<(Uuid, &str)>,
) -> Result<Uuid, ServiceError> {
    let job = Uuid::now_v7();
    let (request, approval_reason) = match request {
        Some((id, reason)) => (Some(id), Some(reason).filter(|r| !r.is_empty())),
        None => (None, None),
    };
    let identifiers = Identifiers {
        approval_reason: approval_reason.map(str::to_owned),
        ..identifiers_of(customer, key)
    };
    // The job's own key, in the key store: it protects what the final check
    // looks for and the final mail, and is destroyed when the job has finished.
    let job_key = state.vault.create_key(job).await?;
    let sealed = job_key.seal(
        Slot::new("erasure_jobs", "identifiers", &job),
        &serde_json::to_vec(&identifiers).map_err(internal)?,
    );
    let now = Utc::now();
    erasure_job::ActiveModel {
        id: Set(job),
        request_id: Set(request),
        subject_id: Set(customer.id),
        scope: Set("customer".into()),
        ticket_id: Set(None),
        tickets_policy: Set(tickets_policy(txn).await?),
        status: Set("queued".into()),
        lease_until: Set(now),
        attempts: Set(0),
        identifiers: Set(Some(sealed)),
        notice_mail_id: Set(None),
        requested_by: Set(Some(actor.user_id)),
        created_at: Set(now),
        finished_at: Set(None),
        last_error: Set(None),
    }
    .insert(txn)
    .await?;
    user::Entity::update_many()
        .col_expr(user::Column::ErasedAt, Expr::value(now))
        .filter(user::Column::Id.eq(customer.id))
        .exec(txn)
        .await?;
    // Other open requests (an email change) end: there will be no account to change.
    for r in privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(customer.id))
        .filter(privacy_request::Column::Kind.ne(ERASURE))
        .all(txn)
        .await?
    {
        let status = requests::status_of(&r)?;
        if status.is_open() {
            let note = "Closed: the account is being erased.";
            requests::step(
                txn,
                key,
                r.id,
                Some(actor),
                status,
                RequestStatus::Rejected,
                Some(note),
            )
            .await?;
        }
    }
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(customer.id))
        .exec(txn)
        .await?;
    let event = Event::new(AuditAction::ErasureScheduled, "erasure_job", job)
        .by(actor)
        .about(customer.id)
        .setting(Change::set("scope", "customer"));
    audit::append(txn, event, None).await?;
    Ok(job)
}

/// Staff erase a customer directly (no request from them), through the same job.
/// An open erasure request of theirs is carried out by it.
pub async fn erase_customer(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
    reason: &str,
) -> Result<Uuid, ServiceError> {
    require(actor, Action::ApproveErasure)?;
    let reason = reason.trim();
    check_reason(reason, Some("Give the reason for erasing this customer."))?;
    refuse_while_mentioned(state, subject).await?;
    let txn = audit::begin(&state.db).await?;
    let customer = customer_row(&txn, subject).await?;
    if customer.erased_at.is_some() {
        return Err(AppError::Conflict {
            message: "This customer has already been erased (or is being erased).".into(),
        }
        .into());
    }
    if active_hold(&txn, subject).await?.is_some() {
        return Err(held_error());
    }
    let key = state.vault.require_key(subject).await?;
    let open = open_erasure_requests(&txn, subject).await?;
    let request = open.first().map(|r| r.id);
    for r in &open {
        let status = requests::status_of(r)?;
        requests::step(
            &txn,
            &key,
            r.id,
            Some(actor),
            status,
            RequestStatus::Executing,
            Some(reason),
        )
        .await?;
    }
    // Staff's reason here is internal: the customer's final mail does not carry it.
    let request = request.map(|r| (r, ""));
    let job = schedule_customer(state, &txn, actor, (&customer, &key), request).await?;
    let event = Event::new(AuditAction::ErasureScheduled, "user", subject)
        .by(actor)
        .about(subject)
        .change(Change::set("reason", reason));
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(job)
}

/// Staff delete one ticket with its messages and field values, through an erasure job.
pub async fn erase_ticket(
    state: &AppState,
    actor: &Actor,
    ticket_id: Uuid,
    reason: &str,
) -> Result<Uuid, ServiceError> {
    require(actor, Action::ApproveErasure)?;
    let reason = reason.trim();
    check_reason(reason, Some("Give the reason for deleting this ticket."))?;
    let txn = audit::begin(&state.db).await?;
    let t = ticket::Entity::find_by_id(ticket_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if active_hold(&txn, t.customer_id).await?.is_some() {
        return Err(held_error());
    }
    let pending = erasure_job::Entity::find()
        .filter(erasure_job::Column::TicketId.eq(ticket_id))
        .count(&txn)
        .await?;
    if pending > 0 {
        return Err(AppError::Conflict {
            message: "This ticket is already being deleted.".into(),
        }
        .into());
    }
    let key = state.vault.key(t.customer_id).await?;
    let job = Uuid::now_v7();
    let now = Utc::now();
    erasure_job::ActiveModel {
        id: Set(job),
        request_id: Set(None),
        subject_id: Set(t.customer_id),
        scope: Set("ticket".into()),
        ticket_id: Set(Some(ticket_id)),
        tickets_policy: Set(DELETE.into()),
        status: Set("queued".into()),
        lease_until: Set(now),
        attempts: Set(0),
        identifiers: Set(None),
        notice_mail_id: Set(None),
        requested_by: Set(Some(actor.user_id)),
        created_at: Set(now),
        finished_at: Set(None),
        last_error: Set(None),
    }
    .insert(&txn)
    .await?;
    let mut event = Event::new(AuditAction::ErasureScheduled, "ticket", ticket_id)
        .by(actor)
        .about(t.customer_id)
        .setting(Change::set("scope", "ticket"));
    if key.is_some() {
        event = event.change(Change::set("reason", reason));
    }
    audit::append(&txn, event, key.as_ref()).await?;
    txn.commit().await?;
    Ok(job)
}

/// Replaces the text of one message (e.g. another customer's data in it),
/// keeping a visible note that it was redacted. The old text is not kept.
pub async fn redact_message(
    state: &AppState,
    actor: &Actor,
    message_id: Uuid,
    replacement: &str,
    reason: &str,
) -> Result<(), ServiceError> {
    require(actor, Action::RedactMessage)?;
    let reason = reason.trim();
    check_reason(reason, Some("Give the reason for the redaction."))?;
    let replacement = match replacement.trim() {
        "" => "[Redacted]",
        text => text,
    };
    if replacement.chars().count() > crate::model::limits::MESSAGE_MAX {
        return Err(AppError::field("replacement", "The new text is too long.").into());
    }
    let txn = audit::begin(&state.db).await?;
    let m = message::Entity::find_by_id(message_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = ticket::Entity::find_by_id(m.ticket_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if active_hold(&txn, t.customer_id).await?.is_some() {
        return Err(AppError::Conflict {
            message: "A legal hold is placed on this ticket's customer: their messages must be kept as they are until it is lifted.".into(),
        }
        .into());
    }
    let key = state
        .vault
        .key(t.customer_id)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: "This ticket's customer was erased: the message is already unreadable.".into(),
        })?;
    message::Entity::update_many()
        .col_expr(
            message::Column::Body,
            Expr::value(key.seal_str(Slot::new("messages", "body", &m.id), replacement)),
        )
        .col_expr(message::Column::RedactedAt, Expr::value(Utc::now()))
        .col_expr(message::Column::RedactedBy, Expr::value(actor.user_id))
        .filter(message::Column::Id.eq(m.id))
        .exec(&txn)
        .await?;
    // The audit log's copy of the text (the reply, or the ticket's first message)
    // is redacted too; the chain commits to digests, and this event records the new ones.
    let resealed = match key.open_string(Slot::new("messages", "body", &m.id), &m.body) {
        Ok(old_text) => {
            let copies = audit_event::Entity::find()
                .filter(
                    Condition::any()
                        .add(
                            Condition::all()
                                .add(audit_event::Column::EntityType.eq("message"))
                                .add(audit_event::Column::EntityId.eq(m.id.to_string())),
                        )
                        .add(
                            Condition::all()
                                .add(audit_event::Column::EntityType.eq("ticket"))
                                .add(audit_event::Column::EntityId.eq(t.id.to_string()))
                                .add(
                                    audit_event::Column::Action
                                        .eq(AuditAction::TicketCreated.as_str()),
                                ),
                        ),
                )
                .all(&txn)
                .await?;
            audit::redact_value(&txn, &key, copies, &old_text).await?
        }
        Err(_) => Vec::new(),
    };
    let event = Event::new(AuditAction::MessageRedacted, "message", m.id)
        .by(actor)
        .about(t.customer_id)
        .change(Change::set("ticket_id", t.id.to_string()))
        .change(Change::set("reason", reason))
        .setting(Change::set(audit::REDACTED_EVENTS, resealed.join(",")));
    audit::append(&txn, event, Some(&key)).await?;
    // Old versions are ciphertext under the same customer's key; on SQLite
    // secure_delete zeroes them. No table rewrite here: messages and the audit
    // log can be large, and VACUUM FULL would lock them.
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- preview

/// What erasing this request's subject will do.
pub async fn preview_request(
    state: &AppState,
    actor: &Actor,
    request_id: Uuid,
) -> Result<ErasurePreview, ServiceError> {
    require(actor, Action::ReviewPrivacyRequests)?;
    let request = privacy_request::Entity::find_by_id(request_id)
        .one(&state.db)
        .await?
        .filter(|r| r.kind == ERASURE)
        .ok_or(AppError::NotFound)?;
    preview(state, actor, request.subject_id).await
}

async fn count<E: EntityTrait>(
    db: &impl ConnectionTrait,
    query: Select<E>,
) -> Result<u64, ServiceError>
where
    E::Model: Sync,
{
    Ok(query.count(db).await?)
}

/// What erasing `subject` will do, per category of data, with the mentions of
/// them in other customers' conversations (staff).
pub async fn preview(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
) -> Result<ErasurePreview, ServiceError> {
    require(actor, Action::ReviewPrivacyRequests)?;
    let db = &state.db;
    let customer = customer_row(db, subject).await?;
    let key = state.vault.key(subject).await?;
    let policy = tickets_policy(db).await?;
    let tickets: Vec<Uuid> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .filter(ticket::Column::CustomerId.eq(subject))
        .into_tuple()
        .all(db)
        .await?;
    let mut messages = 0;
    for chunk in tickets.chunks(500) {
        messages += count(
            db,
            message::Entity::find().filter(message::Column::TicketId.is_in(chunk.to_vec())),
        )
        .await?;
    }
    let delete = policy == DELETE;
    let row = |category: &str, count: u64, outcome: &str| PreviewRow {
        category: category.to_owned(),
        count,
        outcome: outcome.to_owned(),
    };
    let categories = vec![
        row("Profile (name, phone, profile fields)", 1, "Deleted; the account keeps only the pseudonym"),
        row(
            "Personal data key",
            u64::from(key.is_some()),
            "Destroyed first: everything sealed under it becomes unreadable, in backups and old exports too",
        ),
        row(
            "Tickets",
            tickets.len() as u64,
            if delete { "Deleted" } else { "Kept anonymised for reporting (status and dates)" },
        ),
        row(
            "Messages in their tickets",
            messages,
            if delete { "Deleted" } else { "Kept as unreadable ciphertext" },
        ),
        row(
            "Custom field values",
            count(db, custom_field_value::Entity::find().filter(custom_field_value::Column::SubjectId.eq(subject))).await?,
            "Deleted",
        ),
        row(
            "Sessions",
            count(db, session::Entity::find().filter(session::Column::UserId.eq(subject))).await?,
            "Ended",
        ),
        row(
            "Their data exports",
            count(db, data_export::Entity::find().filter(data_export::Column::SubjectId.eq(subject))).await?,
            "Deleted",
        ),
        row(
            "Admin exports of every module",
            count(db, data_export::Entity::find().filter(data_export::Column::Kind.eq("all")).filter(data_export::Column::Status.is_in(["queued", "building", "ready"]))).await?,
            "Deleted (they contain this customer)",
        ),
        row(
            "Mail to them",
            count(db, outbound_mail::Entity::find().filter(outbound_mail::Column::SubjectId.eq(subject))).await?,
            "Deleted, with the address; a last mail tells them it is done",
        ),
        row(
            "Privacy requests",
            count(db, privacy_request::Entity::find().filter(privacy_request::Column::SubjectId.eq(subject))).await?,
            "Kept as a record of what was asked and done; details unreadable",
        ),
        row(
            "Audit events about them",
            count(db, audit_event::Entity::find().filter(audit_event::Column::SubjectId.eq(subject))).await?,
            "Kept (the chain stays valid); their personal values shredded",
        ),
    ];
    let mentions = match live_identifiers(state, &customer, key.as_ref()).await? {
        Some(ids) => find_mentions(state, subject, &ids).await?,
        None => Vec::new(),
    };
    Ok(ErasurePreview {
        pseudonym: pseudonym(subject),
        subject_email: if customer.erased_at.is_some() {
            customer
                .pseudonym
                .clone()
                .unwrap_or_else(|| pseudonym(subject))
        } else {
            customer.email.clone()
        },
        categories,
        mentions,
        hold: hold_view(state, subject).await?,
        can_lift_hold: policy::can(actor, Action::LiftLegalHold, Target::Nothing),
        erased: customer.erased_at.is_some(),
    })
}

/// What to look for about `customer`: from their own key, or once that is gone,
/// from the erasure job's sealed copy while the job's key still exists.
async fn live_identifiers(
    state: &AppState,
    customer: &user::Model,
    key: Option<&DataKey>,
) -> Result<Option<Identifiers>, ServiceError> {
    if let Some(k) = key {
        return Ok(Some(identifiers_of(customer, k)));
    }
    let jobs = erasure_job::Entity::find()
        .filter(erasure_job::Column::SubjectId.eq(customer.id))
        .filter(erasure_job::Column::Identifiers.is_not_null())
        .all(&state.db)
        .await?;
    for job in jobs {
        let (Some(sealed), Some(k)) = (&job.identifiers, state.vault.key(job.id).await?) else {
            continue;
        };
        if let Some(ids) = k
            .open(Slot::new("erasure_jobs", "identifiers", &job.id), sealed)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok())
        {
            return Ok(Some(ids));
        }
    }
    Ok(None)
}

/// Approval waits until no other customer's message still holds the subject's
/// email or phone: the final check would fail on them anyway.
async fn refuse_while_mentioned(state: &AppState, subject: Uuid) -> Result<(), ServiceError> {
    let customer = customer_row(&state.db, subject).await?;
    let key = state.vault.key(subject).await?;
    let Some(ids) = live_identifiers(state, &customer, key.as_ref()).await? else {
        return Ok(());
    };
    let blocking = find_mentions(state, subject, &ids)
        .await?
        .into_iter()
        .filter(|m| m.message_id.is_some() && m.matched != "name")
        .count();
    if blocking > 0 {
        return Err(AppError::Conflict {
            message: format!(
                "{} in other customers' tickets still contain this customer's email or phone. \
                 Redact them first (see \"Mentions\" on this page), then approve.",
                count_of(blocking as u64, "message", "messages")
            ),
        }
        .into());
    }
    Ok(())
}

fn identifiers_of(customer: &user::Model, key: &DataKey) -> Identifiers {
    Identifiers {
        email: customer.email.clone(),
        name: key
            .open_string(Slot::new("users", "name", &customer.id), &customer.name)
            .unwrap_or_default(),
        phone: customer.phone.as_ref().and_then(|p| {
            key.open_string(Slot::new("users", "phone", &customer.id), p)
                .ok()
        }),
        approval_reason: None,
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Which identifier `text` contains (`email`, `phone` or `name`), and about
/// where, as a character index (lower-casing may change byte lengths).
fn mentions_in(text: &str, ids: &Identifiers) -> Option<(&'static str, usize)> {
    let lower = text.to_lowercase();
    let position = |at: usize| lower.get(..at).map_or(0, |head| head.chars().count());
    if !ids.email.is_empty() {
        if let Some(at) = lower.find(&ids.email.to_lowercase()) {
            return Some(("email", position(at)));
        }
    }
    if let Some(phone) = ids.phone.as_deref() {
        let wanted = digits(phone);
        if wanted.len() >= 7 {
            if let Some(at) = lower.find(phone.trim()) {
                return Some(("phone", position(at)));
            }
            if digits(text).contains(&wanted) {
                return Some(("phone", 0));
            }
        }
    }
    let name = ids.name.trim().to_lowercase();
    if name.chars().count() >= 3 {
        if let Some(at) = lower.find(&name) {
            return Some(("name", position(at)));
        }
    }
    None
}

/// Up to 140 characters around character index `at`.
fn excerpt(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len());
    let start = at.saturating_sub(60);
    let end = (at + 80).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Messages of other customers' tickets that name the subject, read in pages.
async fn find_mentions(
    state: &AppState,
    subject: Uuid,
    ids: &Identifiers,
) -> Result<Vec<Mention>, ServiceError> {
    let mut found = Vec::new();
    let mut after: Option<Uuid> = None;
    loop {
        let mut query = message::Entity::find()
            .order_by_asc(message::Column::Id)
            .limit(500);
        if let Some(last) = after {
            query = query.filter(message::Column::Id.gt(last));
        }
        let page = query.all(&state.db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let owners: HashMap<Uuid, Uuid> = ticket::Entity::find()
            .select_only()
            .column(ticket::Column::Id)
            .column(ticket::Column::CustomerId)
            .filter(ticket::Column::Id.is_in(page.iter().map(|m| m.ticket_id).collect::<Vec<_>>()))
            .into_tuple()
            .all(&state.db)
            .await?
            .into_iter()
            .collect();
        let keys = state
            .vault
            .keys(owners.values().copied().filter(|c| *c != subject))
            .await?;
        for m in &page {
            let Some(owner) = owners.get(&m.ticket_id).filter(|o| **o != subject) else {
                continue;
            };
            let Some(key) = keys.get(owner) else { continue };
            let Ok(text) = key.open_string(Slot::new("messages", "body", &m.id), &m.body) else {
                continue;
            };
            if let Some((matched, at)) = mentions_in(&text, ids) {
                found.push(Mention {
                    ticket_id: m.ticket_id,
                    message_id: Some(m.id),
                    matched: matched.to_owned(),
                    excerpt: excerpt(&text, at),
                });
            }
        }
    }
    // Subject lines of other customers' tickets, too.
    let mut after: Option<Uuid> = None;
    loop {
        let mut query = ticket::Entity::find()
            .filter(ticket::Column::CustomerId.ne(subject))
            .order_by_asc(ticket::Column::Id)
            .limit(500);
        if let Some(last) = after {
            query = query.filter(ticket::Column::Id.gt(last));
        }
        let page = query.all(&state.db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let keys = state.vault.keys(page.iter().map(|t| t.customer_id)).await?;
        for t in &page {
            let Some(key) = keys.get(&t.customer_id) else {
                continue;
            };
            let Ok(text) = key.open_string(Slot::new("tickets", "subject", &t.id), &t.subject)
            else {
                continue;
            };
            if let Some((matched, at)) = mentions_in(&text, ids) {
                found.push(Mention {
                    ticket_id: t.id,
                    message_id: None,
                    matched: matched.to_owned(),
                    excerpt: excerpt(&text, at),
                });
            }
        }
    }
    Ok(found)
}

// ---------------------------------------------------------------- the job

/// Claims a job no live worker holds: queued, or running with an expired lease
/// (its worker died). The claim is a conditional update, so two servers never
/// run the same job at once.
pub async fn claim_next(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<erasure_job::Model>, ServiceError> {
    let candidates = erasure_job::Entity::find()
        .filter(erasure_job::Column::Status.is_in(["queued", "running"]))
        .filter(erasure_job::Column::LeaseUntil.lte(now))
        .order_by_asc(erasure_job::Column::CreatedAt)
        .limit(5)
        .all(db)
        .await?;
    for job in candidates {
        let lease = now + chrono::Duration::seconds(LEASE_SECONDS);
        let claimed = erasure_job::Entity::update_many()
            .col_expr(erasure_job::Column::Status, Expr::value("running"))
            .col_expr(erasure_job::Column::LeaseUntil, Expr::value(lease))
            .col_expr(erasure_job::Column::Attempts, Expr::value(job.attempts + 1))
            .filter(erasure_job::Column::Id.eq(job.id))
            .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
            .filter(erasure_job::Column::Status.eq(job.status.clone()))
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(Some(erasure_job::Model {
                lease_until: lease,
                status: "running".into(),
                attempts: job.attempts + 1,
                ..job
            }));
        }
    }
    Ok(None)
}

/// Where a job stands after a worker's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Every step ran; the final check passed.
    Completed,
    /// Every step ran; the final check found something readable.
    NeedsAttention,
    /// Waiting for something outside (the final mail); try again later.
    Waiting,
}

async fn done_steps(db: &impl ConnectionTrait, job: Uuid) -> Result<Vec<String>, ServiceError> {
    Ok(erasure_step::Entity::find()
        .select_only()
        .column(erasure_step::Column::Step)
        .filter(erasure_step::Column::JobId.eq(job))
        .into_tuple()
        .all(db)
        .await?)
}

/// Records a finished step in the transaction that did its work (which must come
/// from `audit::begin`), with its audit event: the change and its record commit together.
async fn record(
    txn: &DatabaseTransaction,
    job: &erasure_job::Model,
    step: &str,
    detail: serde_json::Value,
) -> Result<(), ServiceError> {
    erasure_step::ActiveModel {
        job_id: Set(job.id),
        step: Set(step.to_owned()),
        completed_at: Set(Utc::now()),
        detail: Set(detail.to_string()),
    }
    .insert(txn)
    .await?;
    let event = Event::new(AuditAction::ErasureStepDone, "erasure_job", job.id)
        .about(job.subject_id)
        .setting(Change::set(step, detail.to_string()));
    audit::append(txn, event, None).await?;
    Ok(())
}

/// `record` for a step whose work is outside the database (files, compaction).
async fn record_alone(
    state: &AppState,
    job: &erasure_job::Model,
    step: &str,
    detail: serde_json::Value,
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    record(&txn, job, step, detail).await?;
    txn.commit().await?;
    Ok(())
}

/// Renews the lease; fails if another worker took the job over meanwhile.
async fn renew(state: &AppState, job: &mut erasure_job::Model) -> Result<(), ServiceError> {
    let lease = Utc::now() + chrono::Duration::seconds(LEASE_SECONDS);
    let renewed = erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::LeaseUntil, Expr::value(lease))
        .filter(erasure_job::Column::Id.eq(job.id))
        .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
        .exec(&state.db)
        .await?;
    if renewed.rows_affected != 1 {
        return Err(internal(format!("erasure job {} was taken over", job.id)));
    }
    job.lease_until = lease;
    Ok(())
}

/// Runs the job's remaining steps, in order, each at most once. `pause` is
/// waited after each step (an operator's throttle; the crash tests use it to
/// kill the server between steps).
pub async fn run(
    state: &AppState,
    mut job: erasure_job::Model,
    pause: std::time::Duration,
) -> Result<Progress, ServiceError> {
    let steps: &[&str] = if job.scope == "ticket" {
        &TICKET_STEPS
    } else {
        &CUSTOMER_STEPS
    };
    if job.scope != "ticket" && active_hold(&state.db, job.subject_id).await?.is_some() {
        // A hold placed after approval stops the job before anything is destroyed.
        let done = done_steps(&state.db, job.id).await?;
        if done.is_empty() {
            release(state, &job, chrono::Duration::minutes(5)).await?;
            return Ok(Progress::Waiting);
        }
    }
    let job_key = state.vault.key(job.id).await?;
    let ids: Option<Identifiers> = match (&job.identifiers, &job_key) {
        (Some(sealed), Some(k)) => k
            .open(Slot::new("erasure_jobs", "identifiers", &job.id), sealed)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok()),
        _ => None,
    };
    for step in steps {
        let done = done_steps(&state.db, job.id).await?;
        if done.iter().any(|d| d == step) {
            continue;
        }
        renew(state, &mut job).await?;
        let outcome = run_step(state, &job, step, ids.as_ref(), job_key.as_ref()).await?;
        match outcome {
            StepOutcome::Done => {}
            StepOutcome::Wait => {
                release(state, &job, chrono::Duration::seconds(5)).await?;
                return Ok(Progress::Waiting);
            }
            StepOutcome::Finished(ok) => {
                return Ok(if ok {
                    Progress::Completed
                } else {
                    Progress::NeedsAttention
                });
            }
        }
        tracing::info!(job = %job.id, step, "erasure step done");
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    Ok(Progress::Completed)
}

async fn release(
    state: &AppState,
    job: &erasure_job::Model,
    after: chrono::Duration,
) -> Result<(), ServiceError> {
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::Status, Expr::value("queued"))
        .col_expr(
            erasure_job::Column::LeaseUntil,
            Expr::value(Utc::now() + after),
        )
        .filter(erasure_job::Column::Id.eq(job.id))
        .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
        .exec(&state.db)
        .await?;
    Ok(())
}

enum StepOutcome {
    Done,
    Wait,
    Finished(bool),
}

/// Tables that can hold an erased customer's plaintext, compacted after erasure
/// (the others hold only ciphertext under the destroyed key).
const COMPACTED: [&str; 4] = [
    "users",
    "outbound_mail",
    "sign_in_failures",
    "custom_field_values",
];

async fn run_step(
    state: &AppState,
    job: &erasure_job::Model,
    step: &str,
    ids: Option<&Identifiers>,
    job_key: Option<&DataKey>,
) -> Result<StepOutcome, ServiceError> {
    let subject = job.subject_id;
    match step {
        "destroy_key" => {
            // The last moment a hold can stop it. Checked under the audit lock that
            // `place_hold` takes too, held until the key is gone and the step recorded:
            // a hold is either seen here or placed after the key is destroyed (and refused).
            let txn = audit::begin(&state.db).await?;
            if active_hold(&txn, subject).await?.is_some() {
                return Ok(StepOutcome::Wait);
            }
            let destroyed = state.vault.destroy_key(subject).await?;
            record(
                &txn,
                job,
                step,
                serde_json::json!({ "destroyed": destroyed }),
            )
            .await?;
            txn.commit().await?;
        }
        "delete_records" => {
            let txn = audit::begin(&state.db).await?;
            let tickets: Vec<Uuid> = ticket::Entity::find()
                .select_only()
                .column(ticket::Column::Id)
                .filter(ticket::Column::CustomerId.eq(subject))
                .into_tuple()
                .all(&txn)
                .await?;
            let fields = custom_field_value::Entity::delete_many()
                .filter(custom_field_value::Column::SubjectId.eq(subject))
                .exec(&txn)
                .await?
                .rows_affected;
            let mut deleted_tickets = 0;
            let mut deleted_messages = 0;
            if job.tickets_policy == DELETE {
                for chunk in tickets.chunks(500) {
                    deleted_messages += message::Entity::delete_many()
                        .filter(message::Column::TicketId.is_in(chunk.to_vec()))
                        .exec(&txn)
                        .await?
                        .rows_affected;
                    deleted_tickets += ticket::Entity::delete_many()
                        .filter(ticket::Column::Id.is_in(chunk.to_vec()))
                        .exec(&txn)
                        .await?
                        .rows_affected;
                }
            }
            let mails = outbound_mail::Entity::delete_many()
                .filter(outbound_mail::Column::SubjectId.eq(subject))
                .exec(&txn)
                .await?
                .rows_affected;
            let mut failures = 0;
            if let Some(ids) = ids {
                failures = sign_in_failure::Entity::delete_many()
                    .filter(
                        sign_in_failure::Column::ThrottleKey
                            .eq(super::throttle::account_key(&ids.email)),
                    )
                    .exec(&txn)
                    .await?
                    .rows_affected;
            }
            let holds = legal_hold::Entity::delete_many()
                .filter(legal_hold::Column::SubjectId.eq(subject))
                .exec(&txn)
                .await?
                .rows_affected;
            // Unreadable now; removed so nothing of it lingers.
            privacy_request::Entity::update_many()
                .col_expr(
                    privacy_request::Column::Details,
                    Expr::value(Option::<Vec<u8>>::None),
                )
                .filter(privacy_request::Column::SubjectId.eq(subject))
                .exec(&txn)
                .await?;
            let detail = serde_json::json!({
                "tickets_policy": job.tickets_policy,
                "tickets": tickets.len(),
                "tickets_deleted": deleted_tickets,
                "messages_deleted": deleted_messages,
                "custom_field_values": fields,
                "mails": mails,
                "sign_in_failures": failures,
                "legal_holds": holds,
            });
            record(&txn, job, step, detail).await?;
            txn.commit().await?;
        }
        "end_sessions" => {
            let txn = audit::begin(&state.db).await?;
            let n = session::Entity::delete_many()
                .filter(session::Column::UserId.eq(subject))
                .exec(&txn)
                .await?
                .rows_affected;
            record(&txn, job, step, serde_json::json!({ "sessions": n })).await?;
            txn.commit().await?;
        }
        "delete_exports" => {
            // The subject's own archives, and every admin archive of all modules
            // made before now: those hold this customer's data under the admin's key.
            let own = data_export::Entity::find()
                .filter(data_export::Column::SubjectId.eq(subject))
                .all(&state.db)
                .await?;
            let all = data_export::Entity::find()
                .filter(data_export::Column::Kind.eq("all"))
                .filter(data_export::Column::Status.is_in(["queued", "building", "ready"]))
                .all(&state.db)
                .await?;
            for e in own.iter().chain(all.iter()) {
                super::exports::delete_files(state, e.id);
            }
            let txn = audit::begin(&state.db).await?;
            data_export::Entity::delete_many()
                .filter(data_export::Column::SubjectId.eq(subject))
                .exec(&txn)
                .await?;
            data_export::Entity::update_many()
                .col_expr(data_export::Column::Status, Expr::value("expired"))
                .col_expr(
                    data_export::Column::Error,
                    Expr::value("withdrawn: it contained a customer who was erased"),
                )
                .filter(data_export::Column::Id.is_in(all.iter().map(|e| e.id)))
                .exec(&txn)
                .await?;
            let detail = serde_json::json!({ "own": own.len(), "all_modules": all.len() });
            record(&txn, job, step, detail).await?;
            txn.commit().await?;
        }
        "notify" => {
            // Sealed under the job's key (the subject's is gone), sent before
            // the address itself is removed by the next step.
            let (Some(ids), Some(key)) = (ids, job_key) else {
                record_alone(state, job, step, serde_json::json!({ "sent": false })).await?;
                return Ok(StepOutcome::Done);
            };
            let txn = audit::begin(&state.db).await?;
            let content = MailContent {
                subject: "Your data has been erased".into(),
                body: format!(
                    "We have erased your Custodian account and your personal data.{}\n\n\
                     This is the last mail you will get from us; we keep no copy of your address. \
                     Records we must keep (such as anonymous ticket statistics and the fact that \
                     this request was carried out) no longer identify you.",
                    ids.approval_reason
                        .as_deref()
                        .map(|r| format!("\n\nOur team's note when approving your request: {r}"))
                        .unwrap_or_default()
                ),
            };
            let mail_id = mail::queue(&txn, state, key, job.id, &ids.email, &content).await?;
            erasure_job::Entity::update_many()
                .col_expr(erasure_job::Column::NoticeMailId, Expr::value(mail_id))
                .filter(erasure_job::Column::Id.eq(job.id))
                .exec(&txn)
                .await?;
            record(&txn, job, step, serde_json::json!({ "queued": true })).await?;
            txn.commit().await?;
        }
        "pseudonymise" => {
            let notice = erasure_job::Entity::find_by_id(job.id)
                .one(&state.db)
                .await?
                .and_then(|j| j.notice_mail_id);
            if let Some(mail_id) = notice {
                if let Some(m) = outbound_mail::Entity::find_by_id(mail_id)
                    .one(&state.db)
                    .await?
                {
                    let pending = m.status == "queued" || m.status == "sending";
                    let patience =
                        Utc::now() - m.created_at < chrono::Duration::minutes(NOTICE_WAIT_MINUTES);
                    if pending && patience {
                        return Ok(StepOutcome::Wait);
                    }
                }
            }
            // A password hash nobody knows the password of.
            let mut random = [0u8; 32];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut random);
            let unusable = password::hash(hex::encode(random)).await?;
            let txn = audit::begin(&state.db).await?;
            user::Entity::update_many()
                .col_expr(
                    user::Column::Email,
                    Expr::value(format!("erased-{}@erased.invalid", subject.simple())),
                )
                .col_expr(user::Column::Name, Expr::value(Vec::<u8>::new()))
                .col_expr(user::Column::Phone, Expr::value(Option::<Vec<u8>>::None))
                .col_expr(user::Column::Twitter, Expr::value(Option::<Vec<u8>>::None))
                .col_expr(user::Column::Language, Expr::value(Option::<Vec<u8>>::None))
                .col_expr(user::Column::TimeZone, Expr::value(Option::<Vec<u8>>::None))
                .col_expr(
                    user::Column::PasswordHash,
                    Expr::value(unusable.as_stored().to_owned()),
                )
                .col_expr(user::Column::Pseudonym, Expr::value(pseudonym(subject)))
                .filter(user::Column::Id.eq(subject))
                .exec(&txn)
                .await?;
            // Sign-in attempts with the address since `delete_records` left new rows.
            if let Some(ids) = ids {
                sign_in_failure::Entity::delete_many()
                    .filter(
                        sign_in_failure::Column::ThrottleKey
                            .eq(super::throttle::account_key(&ids.email)),
                    )
                    .exec(&txn)
                    .await?;
            }
            // The final mail went (or was given up on): its row holds the address.
            let mails = outbound_mail::Entity::delete_many()
                .filter(outbound_mail::Column::SubjectId.eq(job.id))
                .exec(&txn)
                .await?
                .rows_affected;
            record(
                &txn,
                job,
                step,
                serde_json::json!({ "notice_rows_removed": mails }),
            )
            .await?;
            txn.commit().await?;
        }
        "audit" => {
            let txn = audit::begin(&state.db).await?;
            let steps = erasure_step::Entity::find()
                .filter(erasure_step::Column::JobId.eq(job.id))
                .all(&txn)
                .await?;
            let mut event = Event::new(AuditAction::SubjectErased, "user", subject)
                .about(subject)
                .setting(Change::set("pseudonym", pseudonym(subject)))
                .setting(Change::set("tickets", job.tickets_policy.clone()));
            if let Some(by) = job.requested_by {
                if let Some(u) = user::Entity::find_by_id(by).one(&txn).await? {
                    event = event.by_user(by, Role::parse(&u.role).unwrap_or(Role::Agent));
                }
            }
            for s in steps {
                event = event.setting(Change::set(&s.step, s.detail));
            }
            audit::append(&txn, event, None).await?;
            record(&txn, job, step, serde_json::json!({})).await?;
            txn.commit().await?;
        }
        "delete_ticket" => {
            let ticket_id = job
                .ticket_id
                .ok_or_else(|| internal("ticket job without a ticket"))?;
            let txn = audit::begin(&state.db).await?;
            if active_hold(&txn, subject).await?.is_some() {
                return Ok(StepOutcome::Wait);
            }
            let fields = custom_field_value::Entity::delete_many()
                .filter(custom_field_value::Column::EntityId.eq(ticket_id))
                .exec(&txn)
                .await?
                .rows_affected;
            let messages = message::Entity::delete_many()
                .filter(message::Column::TicketId.eq(ticket_id))
                .exec(&txn)
                .await?
                .rows_affected;
            let tickets = ticket::Entity::delete_many()
                .filter(ticket::Column::Id.eq(ticket_id))
                .exec(&txn)
                .await?
                .rows_affected;
            let detail = serde_json::json!({ "tickets": tickets, "messages": messages, "custom_field_values": fields });
            let mut event = Event::new(AuditAction::TicketErased, "ticket", ticket_id)
                .about(subject)
                .setting(Change::set("deleted", detail.to_string()));
            if let Some(by) = job.requested_by {
                if let Some(u) = user::Entity::find_by_id(by).one(&txn).await? {
                    event = event.by_user(by, Role::parse(&u.role).unwrap_or(Role::Agent));
                }
            }
            audit::append(&txn, event, None).await?;
            record(&txn, job, step, detail).await?;
            txn.commit().await?;
        }
        "compact" => {
            storage::compact(&state.db, &COMPACTED).await?;
            state.vault.compact().await?;
            record_alone(state, job, step, serde_json::json!({})).await?;
        }
        "verify" => {
            let check = verify(state, job, ids).await?;
            finish(state, job, &check).await?;
            return Ok(StepOutcome::Finished(check.ok));
        }
        other => return Err(internal(format!("unknown erasure step {other}"))),
    }
    Ok(StepOutcome::Done)
}

/// The final check: is anything of the subject still readable?
async fn verify(
    state: &AppState,
    job: &erasure_job::Model,
    ids: Option<&Identifiers>,
) -> Result<ErasureCheck, ServiceError> {
    let db = &state.db;
    let subject = job.subject_id;
    let mut findings = Vec::new();
    let mut warnings = Vec::new();
    if job.scope == "ticket" {
        let ticket_id = job.ticket_id.unwrap_or_default();
        if ticket::Entity::find_by_id(ticket_id)
            .one(db)
            .await?
            .is_some()
        {
            findings.push("The ticket still exists.".to_owned());
        }
        let left = message::Entity::find()
            .filter(message::Column::TicketId.eq(ticket_id))
            .count(db)
            .await?;
        if left > 0 {
            findings.push(format!("{left} messages of the ticket still exist."));
        }
    } else {
        if state.vault.key(subject).await?.is_some() {
            findings.push("The personal data key still exists in the key store.".to_owned());
        }
        let customer = user::Entity::find_by_id(subject).one(db).await?;
        match &customer {
            Some(u) if u.pseudonym.is_some() && u.name.is_empty() && u.phone.is_none() => {}
            Some(_) => findings.push("The account still holds profile data.".to_owned()),
            None => {}
        }
        let sessions = session::Entity::find()
            .filter(session::Column::UserId.eq(subject))
            .count(db)
            .await?;
        if sessions > 0 {
            findings.push(format!("{sessions} sessions are still open."));
        }
        let exports = data_export::Entity::find()
            .filter(data_export::Column::SubjectId.eq(subject))
            .count(db)
            .await?;
        if exports > 0 {
            findings.push(format!("{exports} data exports still exist."));
        }
        if job.tickets_policy == DELETE {
            let tickets = ticket::Entity::find()
                .filter(ticket::Column::CustomerId.eq(subject))
                .count(db)
                .await?;
            if tickets > 0 {
                findings.push(format!("{tickets} tickets still exist."));
            }
        }
        match ids {
            None => findings.push(
                "The identifiers to check for are unreadable; the check cannot run.".to_owned(),
            ),
            Some(ids) => scan_plaintext(state, job, ids, &mut findings, &mut warnings).await?,
        }
    }
    let steps = erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .order_by_asc(erasure_step::Column::CompletedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.step.replace('_', " "))
        .collect();
    Ok(ErasureCheck {
        ok: findings.is_empty(),
        checked_at: Utc::now(),
        findings,
        warnings,
        steps,
    })
}

/// Looks for the subject's email, phone and name in every table that holds
/// plaintext, and in other customers' readable messages.
async fn scan_plaintext(
    state: &AppState,
    job: &erasure_job::Model,
    ids: &Identifiers,
    findings: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Result<(), ServiceError> {
    let db = &state.db;
    let email = ids.email.to_lowercase();
    // What appeared after the erasure began is someone's new action (a new
    // sign-up with the address, a sign-in attempt), not something left behind.
    let since = job.created_at;
    let users = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .filter(user::Column::CreatedAt.lt(since))
        .count(db)
        .await?;
    if users > 0 {
        findings.push("The email address is still on an account.".to_owned());
    }
    let mails = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq(email.clone()))
        .filter(outbound_mail::Column::CreatedAt.lt(since))
        .count(db)
        .await?;
    if mails > 0 {
        findings.push(format!(
            "{} still hold the email address.",
            count_of(mails, "mail", "mails")
        ));
    }
    let failures = sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::ThrottleKey.eq(super::throttle::account_key(&email)))
        .filter(sign_in_failure::Column::FailedAt.lt(since))
        .count(db)
        .await?;
    if failures > 0 {
        findings.push(format!(
            "{failures} sign-in records still hold the email address."
        ));
    }
    let mut plain_hits = 0;
    let mut after: Option<Uuid> = None;
    loop {
        let mut query = custom_field_value::Entity::find()
            .filter(custom_field_value::Column::ValuePlain.is_not_null())
            .order_by_asc(custom_field_value::Column::Id)
            .limit(1000);
        if let Some(last) = after {
            query = query.filter(custom_field_value::Column::Id.gt(last));
        }
        let page = query.all(db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        plain_hits += page
            .iter()
            .filter_map(|v| v.value_plain.as_deref())
            .filter(|v| mentions_in(v, ids).is_some())
            .count();
    }
    if plain_hits > 0 {
        findings.push(format!(
            "{} of other records still name them.",
            count_of(
                plain_hits as u64,
                "custom field value",
                "custom field values"
            )
        ));
    }
    let mut by_kind: BTreeMap<(bool, String), usize> = BTreeMap::new();
    for m in find_mentions(state, job.subject_id, ids).await? {
        *by_kind
            .entry((m.message_id.is_some(), m.matched))
            .or_default() += 1;
    }
    for ((in_message, kind), n) in by_kind {
        if !in_message {
            // Subject lines cannot be redacted here yet: reported, not failed.
            warnings.push(format!(
                "{} of other customers' tickets contain their {kind}.",
                count_of(n as u64, "subject line", "subject lines")
            ));
        } else if kind == "name" {
            // Names are often shared by other people: worth a look, not a failure.
            warnings.push(format!(
                "{} in other customers' tickets contain their name.",
                count_of(n as u64, "message", "messages")
            ));
        } else {
            findings.push(format!(
                "{} in other customers' tickets contain their {kind}.",
                count_of(n as u64, "message", "messages")
            ));
        }
    }
    Ok(())
}

/// "1 message", "3 messages".
fn count_of(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Records the check on the request and the job; a passed check destroys the job's key.
async fn finish(
    state: &AppState,
    job: &erasure_job::Model,
    check: &ErasureCheck,
) -> Result<(), ServiceError> {
    let json = serde_json::to_string(check).map_err(internal)?;
    let txn = audit::begin(&state.db).await?;
    let to = if check.ok {
        RequestStatus::Completed
    } else {
        RequestStatus::NeedsAttention
    };
    if let Some(request_id) = job.request_id {
        if let Some(r) = privacy_request::Entity::find_by_id(request_id)
            .one(&txn)
            .await?
        {
            let from = requests::status_of(&r)?;
            privacy_request::Entity::update_many()
                .col_expr(
                    privacy_request::Column::Verification,
                    Expr::value(json.clone()),
                )
                .filter(privacy_request::Column::Id.eq(request_id))
                .exec(&txn)
                .await?;
            if from != to {
                // No note: the subject's key is gone, nothing could be sealed for them.
                requests::step_without_note(&txn, request_id, None, from, to).await?;
            }
        }
    }
    let status = if check.ok {
        "completed"
    } else {
        "needs_attention"
    };
    let mut update = erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::Status, Expr::value(status))
        .col_expr(erasure_job::Column::FinishedAt, Expr::value(Utc::now()))
        .filter(erasure_job::Column::Id.eq(job.id));
    if check.ok {
        update = update.col_expr(
            erasure_job::Column::Identifiers,
            Expr::value(Option::<Vec<u8>>::None),
        );
    }
    update.exec(&txn).await?;
    let event = Event::new(AuditAction::ErasureVerified, "erasure_job", job.id)
        .about(job.subject_id)
        .setting(Change::set(
            "result",
            if check.ok {
                "passed"
            } else {
                "needs attention"
            },
        ))
        .setting(Change::set("findings", check.findings.join(" ")));
    audit::append(&txn, event, None).await?;
    record(&txn, job, "verify", serde_json::json!({ "ok": check.ok })).await?;
    txn.commit().await?;
    if check.ok {
        state.vault.destroy_key(job.id).await?;
        state.vault.compact().await?;
        storage::compact(&state.db, &["erasure_jobs"]).await?;
    }
    Ok(())
}

/// After staff fixed what the check found (e.g. redacted a message), runs the check again.
pub async fn recheck(
    state: &AppState,
    actor: &Actor,
    request_id: Uuid,
) -> Result<(), ServiceError> {
    require(actor, Action::ApproveErasure)?;
    let job = erasure_job::Entity::find()
        .filter(erasure_job::Column::RequestId.eq(request_id))
        .filter(erasure_job::Column::Status.eq("needs_attention"))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: "Only an erasure that needs attention can be checked again.".into(),
        })?;
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::ErasureScheduled, "erasure_job", job.id)
        .by(actor)
        .about(job.subject_id)
        .setting(Change::set("recheck", "the final check runs again"));
    audit::append(&txn, event, None).await?;
    erasure_step::Entity::delete_many()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .filter(erasure_step::Column::Step.is_in(["compact", "verify"]))
        .exec(&txn)
        .await?;
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::Status, Expr::value("queued"))
        .col_expr(erasure_job::Column::LeaseUntil, Expr::value(Utc::now()))
        .col_expr(erasure_job::Column::Attempts, Expr::value(0))
        .filter(erasure_job::Column::Id.eq(job.id))
        .exec(&txn)
        .await?;
    if let Some(r) = privacy_request::Entity::find_by_id(request_id)
        .one(&txn)
        .await?
    {
        let from = requests::status_of(&r)?;
        let to = RequestStatus::Executing;
        requests::step_without_note(&txn, r.id, Some(actor), from, to).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The job of a request, for the request page: its steps so far.
pub async fn job_steps(state: &AppState, request_id: Uuid) -> Result<Vec<String>, ServiceError> {
    let Some(job) = erasure_job::Entity::find()
        .filter(erasure_job::Column::RequestId.eq(request_id))
        .one(&state.db)
        .await?
    else {
        return Ok(Vec::new());
    };
    Ok(erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .order_by_asc(erasure_step::Column::CompletedAt)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|s| s.step)
        .collect())
}

/// Turns a job may fail before it stops and asks for attention.
pub const MAX_ATTEMPTS: i32 = 10;

/// Records a failed turn of a job: it is retried when its lease runs out, and
/// after `MAX_ATTEMPTS` failures the request needs attention instead.
pub async fn record_error(state: &AppState, job: Uuid, error: &str) -> Result<(), ServiceError> {
    let short: String = error.chars().take(480).collect();
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::LastError, Expr::value(short))
        .filter(erasure_job::Column::Id.eq(job))
        .exec(&state.db)
        .await?;
    let Some(job) = erasure_job::Entity::find_by_id(job).one(&state.db).await? else {
        return Ok(());
    };
    if job.attempts >= MAX_ATTEMPTS {
        let check = ErasureCheck {
            ok: false,
            checked_at: Utc::now(),
            findings: vec![format!(
                "The erasure job failed {} times in a row (job {}); the server log has the cause. \
                 Fix it, then run the check again: the job resumes where it stopped.",
                job.attempts, job.id
            )],
            warnings: Vec::new(),
            steps: Vec::new(),
        };
        finish(state, &job, &check).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(email: &str, name: &str, phone: Option<&str>) -> Identifiers {
        Identifiers {
            email: email.into(),
            name: name.into(),
            phone: phone.map(Into::into),
            approval_reason: None,
        }
    }

    #[test]
    fn mentions_are_found_by_email_phone_or_name_without_panicking_on_any_text() {
        let zoe = ids("zoe@example.org", "Zoë", Some("+49 30 1234 5678"));
        assert_eq!(
            mentions_in("Mail ZOE@example.org", &zoe).map(|m| m.0),
            Some("email")
        );
        assert_eq!(
            mentions_in("call 0049 30 12345678", &zoe).map(|m| m.0),
            Some("phone")
        );
        assert_eq!(
            mentions_in("call +49 30 1234 5679", &zoe).map(|m| m.0),
            None
        );
        assert_eq!(
            mentions_in("call +49 30 1234 5678", &zoe).map(|m| m.0),
            Some("phone")
        );
        assert_eq!(
            mentions_in("(+49) 30-1234-5678", &zoe).map(|m| m.0),
            Some("phone")
        );
        // Lower-casing changes these characters' byte lengths; positions must stay valid.
        for text in ["İİİ Zoë", "KKK ΩΩ zoë", "ẞ zoë İ"] {
            let (what, at) = mentions_in(text, &zoe).unwrap();
            assert_eq!(what, "name");
            assert!(excerpt(text, at).contains("oë"), "{text}");
        }
        assert!(mentions_in("nothing here", &zoe).is_none());
        // Too short a name is not searched for.
        assert!(mentions_in("Al is here", &ids("a@b.c", "Al", None)).is_none());
        let long = format!("{}zoe@example.org{}", "x".repeat(200), "y".repeat(200));
        let (_, at) = mentions_in(&long, &zoe).unwrap();
        let cut = excerpt(&long, at);
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("zoe@"));
    }

    #[test]
    fn the_pseudonym_is_stable_and_not_personal() {
        let id = Uuid::now_v7();
        assert_eq!(pseudonym(id), pseudonym(id));
        assert_ne!(pseudonym(id), pseudonym(Uuid::now_v7()));
        assert!(pseudonym(id).starts_with("Erased customer "));
        assert_eq!(pseudonym(id).len(), "Erased customer ".len() + 6);
    }
}
