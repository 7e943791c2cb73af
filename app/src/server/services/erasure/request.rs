//! Filing and deciding erasure requests, and scheduling the job that carries
//! one out; staff may also erase a customer or one ticket directly.
use super::{
    preview::{identifiers_of, refuse_while_mentioned},
    tickets_policy, Identifiers,
};
use crate::{
    error::AppError,
    model::{
        AuditAction, ErasureStep, JobScope, JobStatus, PrivacyRequestView, RequestKind,
        RequestStatus, TicketsPolicy,
    },
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{erasure_job, erasure_step, privacy_request, session, user},
        mail::{self, MailContent},
        policy::{self, Action, Target},
        services::{
            legal_holds::{active_hold, held_error},
            people, reauth,
            requests::{self, ErasureDetails},
        },
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, DatabaseTransaction};

/// A customer asks to have their account and data deleted. The password is
/// asked again; that confirms their identity, so the request goes straight to review.
pub async fn request(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
    reason: &str,
) -> Result<PrivacyRequestView, ServiceError> {
    policy::require(actor, Action::RequestOwnErasure, Target::Nothing)?;
    let reason = reason.trim();
    requests::check_reason(reason, None)?;
    reauth::reauthenticate(state, actor, password_again).await?;
    let key = state.vault.require_key(actor.user_id).await?;
    let txn = audit::begin(&state.db).await?;
    if !requests::open_of_kind(&txn, RequestKind::Erasure, actor.user_id)
        .await?
        .is_empty()
    {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_erasure_already_asked()
                .into(),
        }
        .into());
    }
    let details = ErasureDetails {
        reason: reason.to_owned(),
    };
    let id = requests::submit(&txn, &key, actor, RequestKind::Erasure, &details, None).await?;
    let due = requests::due_date(Utc::now());
    let submitted = RequestStatus::Submitted;
    // The password was just checked: the identity is confirmed.
    let next = if active_hold(&txn, actor.user_id).await?.is_some() {
        RequestStatus::OnHold
    } else {
        RequestStatus::InReview
    };
    let note = (next == RequestStatus::OnHold).then_some(requests::NOTE_ON_HOLD);
    requests::step(&txn, &key, id, Some(actor), submitted, next, note).await?;
    let event = Event::new(AuditAction::PrivacyRequestSubmitted, "privacy_request", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("kind", RequestKind::Erasure.as_str()))
        .change(Change::set("reason", reason));
    audit::append(&txn, event, Some(&key)).await?;
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let locale = crate::server::services::profile::mail_locale(&key, &me);
    let content = MailContent {
        subject: locale.tr.mail_erasure_received_subject().into(),
        body: locale.tr.mail_erasure_received_body(locale.time(&due)),
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
        policy::require(actor, Action::ApproveErasure, Target::Nothing)?;
    } else {
        policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    }
    requests::check_reason(
        reason,
        Some(if approve {
            crate::server::context::tr().server_approval_reason_required()
        } else {
            crate::server::context::tr().server_rejection_reason_required()
        }),
    )?;
    if approve {
        // Scanned before taking the audit lock: it reads every message.
        let subject = privacy_request::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .filter(|r| r.kind == RequestKind::Erasure)
            .ok_or(AppError::NotFound)?
            .subject_id;
        refuse_while_mentioned(state, subject).await?;
    }
    let txn = audit::begin(&state.db).await?;
    let request = privacy_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.kind == RequestKind::Erasure)
        .ok_or(AppError::NotFound)?;
    let mut status = request.status;
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
            message: crate::server::context::tr()
                .server_request_already_decided()
                .into(),
        }
        .into());
    }
    let key = state.vault.require_key(request.subject_id).await?;
    let customer = people::customer(&txn, request.subject_id).await?;
    if !approve {
        let tr = crate::server::services::profile::mail_locale(&key, &customer).tr;
        let content = MailContent {
            subject: tr.mail_erasure_declined_subject().into(),
            body: tr.mail_erasure_declined_body(reason),
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
    schedule_customer(
        state,
        &txn,
        Some(actor),
        (&customer, &key),
        Some((id, reason)),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Creates the job that erases `customer` (inside the caller's transaction):
/// sign-in stops and sessions end at once; the worker does the rest.
/// `actor` is `None` when the portal itself removes an unconfirmed account (`unconfirmed`).
async fn schedule_customer(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: Option<&Actor>,
    (customer, key): (&user::Model, &DataKey),
    request: Option<(Uuid, &str)>,
    unconfirmed: Option<UnconfirmedRemoval>,
) -> Result<Uuid, ServiceError> {
    let job = Uuid::now_v7();
    let (request, approval_reason) = match request {
        Some((id, reason)) => (Some(id), Some(reason).filter(|r| !r.is_empty())),
        None => (None, None),
    };
    let identifiers = Identifiers {
        approval_reason: approval_reason.map(str::to_owned),
        unconfirmed: unconfirmed.is_some(),
        no_notice: unconfirmed == Some(UnconfirmedRemoval::AddressTaken),
        ..identifiers_of(customer, key)
    };
    // The job's own key, in the key store: it protects what the final check
    // looks for and the final mail, and is destroyed when the job has finished.
    let job_key = state.vault.create_key(job).await?;
    let sealed = job_key.seal(
        erasure_job::IDENTIFIERS.at(&job),
        &serde_json::to_vec(&identifiers)?,
    );
    let now = Utc::now();
    erasure_job::ActiveModel {
        id: Set(job),
        request_id: Set(request),
        subject_id: Set(customer.id),
        scope: Set(JobScope::Customer),
        ticket_id: Set(None),
        tickets_policy: Set(tickets_policy(txn).await?),
        status: Set(JobStatus::Queued),
        lease_until: Set(now),
        attempts: Set(0),
        identifiers: Set(Some(sealed)),
        notice_mail_id: Set(None),
        requested_by: Set(actor.map(|a| a.user_id)),
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
        .filter(privacy_request::Column::Kind.ne(RequestKind::Erasure))
        .all(txn)
        .await?
    {
        let status = r.status;
        if status.is_open() {
            let note = requests::NOTE_CLOSED_BY_ERASURE;
            requests::step(
                txn,
                key,
                r.id,
                actor,
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
    let mut event = Event::new(AuditAction::ErasureScheduled, "erasure_job", job)
        .about(customer.id)
        .setting(Change::set("scope", JobScope::Customer.as_str()));
    if let Some(actor) = actor {
        event = event.by(actor);
    }
    audit::append(txn, event, None).await?;
    Ok(job)
}

/// Why the portal removes an account whose address was never confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnconfirmedRemoval {
    /// Older than the configured number of days.
    Expired,
    /// Another account confirmed the address first.
    AddressTaken,
}

/// Removes an unconfirmed customer account through the erasure job (same
/// steps, same final check), inside the caller's transaction, audited as the
/// portal's own act. Returns `None`, changing nothing, when a legal hold keeps
/// it. For `AddressTaken` the caller has already given the account a
/// placeholder address: the job looks for that, and sends no final mail.
pub async fn remove_unconfirmed(
    state: &AppState,
    txn: &DatabaseTransaction,
    customer: &user::Model,
    why: UnconfirmedRemoval,
) -> Result<Option<Uuid>, ServiceError> {
    if customer.email_confirmed_at.is_some() {
        return Ok(None);
    }
    let Some(key) = erasable_by_portal(state, txn, customer).await? else {
        return Ok(None);
    };
    let job = schedule_customer(state, txn, None, (customer, &key), None, Some(why)).await?;
    let reason = match why {
        UnconfirmedRemoval::Expired => "never confirmed",
        UnconfirmedRemoval::AddressTaken => "address confirmed by another account",
    };
    let event = Event::new(AuditAction::UnconfirmedAccountRemoved, "user", customer.id)
        .about(customer.id)
        .setting(Change::set("reason", reason));
    audit::append(txn, event, None).await?;
    Ok(Some(job))
}

/// Staff erase a customer directly (no request from them), through the same job.
/// An open erasure request of theirs is carried out by it.
pub async fn erase_customer(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
    reason: &str,
) -> Result<Uuid, ServiceError> {
    policy::require(actor, Action::ApproveErasure, Target::Nothing)?;
    let reason = reason.trim();
    requests::check_reason(
        reason,
        Some(crate::server::context::tr().server_erase_customer_reason_required()),
    )?;
    refuse_while_mentioned(state, subject).await?;
    let txn = audit::begin(&state.db).await?;
    let customer = people::customer(&txn, subject).await?;
    if customer.erased_at.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_customer_already_erased_or_erasing()
                .into(),
        }
        .into());
    }
    if active_hold(&txn, subject).await?.is_some() {
        return Err(held_error());
    }
    let key = state.vault.require_key(subject).await?;
    let open = requests::open_of_kind(&txn, RequestKind::Erasure, subject).await?;
    let request = open.first().map(|r| r.id);
    for r in &open {
        let status = r.status;
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
    let job = schedule_customer(state, &txn, Some(actor), (&customer, &key), request, None).await?;
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
    policy::require(actor, Action::DeleteTicket, Target::Nothing)?;
    let reason = reason.trim();
    requests::check_reason(
        reason,
        Some(crate::server::context::tr().server_erase_ticket_reason_required()),
    )?;
    let txn = audit::begin(&state.db).await?;
    // A ticket outside the actor's scope is not found.
    let t =
        super::super::tickets::visible_ticket(&txn, actor, ticket_id, Action::DeleteTicket).await?;
    if active_hold(&txn, t.customer_id).await?.is_some() {
        return Err(held_error());
    }
    let pending = erasure_job::Entity::find()
        .filter(erasure_job::Column::TicketId.eq(ticket_id))
        .count(&txn)
        .await?;
    if pending > 0 {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_ticket_already_deleting()
                .into(),
        }
        .into());
    }
    let key = state.vault.key(t.customer_id).await?;
    let job = insert_ticket_job(&txn, t.customer_id, ticket_id, Some(actor.user_id)).await?;
    let mut event = Event::new(AuditAction::ErasureScheduled, "ticket", ticket_id)
        .by(actor)
        .about(t.customer_id)
        .setting(Change::set("scope", JobScope::Ticket.as_str()));
    if key.is_some() {
        event = event.change(Change::set("reason", reason));
    }
    audit::append(&txn, event, key.as_ref()).await?;
    txn.commit().await?;
    Ok(job)
}

/// After staff fixed what the check found (e.g. redacted a message), runs the check again.
pub async fn recheck(
    state: &AppState,
    actor: &Actor,
    request_id: Uuid,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ApproveErasure, Target::Nothing)?;
    let job = erasure_job::Entity::find()
        .filter(erasure_job::Column::RequestId.eq(request_id))
        .filter(erasure_job::Column::Status.eq(JobStatus::NeedsAttention))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr()
                .server_recheck_not_needed()
                .into(),
        })?;
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::ErasureScheduled, "erasure_job", job.id)
        .by(actor)
        .about(job.subject_id)
        .setting(Change::set("recheck", "the final check runs again"));
    audit::append(&txn, event, None).await?;
    erasure_step::Entity::delete_many()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .filter(erasure_step::Column::Step.is_in([ErasureStep::Compact, ErasureStep::Verify]))
        .exec(&txn)
        .await?;
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::Status, Expr::value(JobStatus::Queued))
        .col_expr(erasure_job::Column::LeaseUntil, Expr::value(Utc::now()))
        .col_expr(erasure_job::Column::Attempts, Expr::value(0))
        .filter(erasure_job::Column::Id.eq(job.id))
        .exec(&txn)
        .await?;
    if let Some(r) = privacy_request::Entity::find_by_id(request_id)
        .one(&txn)
        .await?
    {
        let from = r.status;
        let to = RequestStatus::Executing;
        requests::step_without_note(&txn, r.id, Some(actor), from, to).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Erases an account the retention policy closed, through the erasure job
/// (same steps, same final check, the usual final mail), inside the caller's
/// transaction, as the portal's own act. `None`, changing nothing, when a
/// legal hold keeps it or it is already being erased.
pub async fn purge_closed(
    state: &AppState,
    txn: &DatabaseTransaction,
    customer: &user::Model,
) -> Result<Option<Uuid>, ServiceError> {
    if customer.closed_at.is_none() {
        return Ok(None);
    }
    let Some(key) = erasable_by_portal(state, txn, customer).await? else {
        return Ok(None);
    };
    let job = schedule_customer(state, txn, None, (customer, &key), None, None).await?;
    let event = Event::new(AuditAction::ErasureScheduled, "user", customer.id)
        .about(customer.id)
        .setting(Change::set("reason", "closed by the retention policy"))
        .setting(Change::set("job", job.to_string()));
    audit::append(txn, event, None).await?;
    Ok(Some(job))
}

/// Queues the job that deletes a ticket whose content the retention policy
/// has just removed (inside the caller's transaction), unless one exists.
pub async fn delete_ticket_for_retention(
    txn: &DatabaseTransaction,
    t: &crate::server::entities::ticket::Model,
) -> Result<Option<Uuid>, ServiceError> {
    use sea_orm::PaginatorTrait;
    let pending = erasure_job::Entity::find()
        .filter(erasure_job::Column::TicketId.eq(t.id))
        .count(txn)
        .await?;
    if pending > 0 {
        return Ok(None);
    }
    let job = insert_ticket_job(txn, t.customer_id, t.id, None).await?;
    let event = Event::new(AuditAction::ErasureScheduled, "ticket", t.id)
        .about(t.customer_id)
        .setting(Change::set("scope", JobScope::Ticket.as_str()))
        .setting(Change::set("reason", "retention policy"));
    audit::append(txn, event, None).await?;
    Ok(Some(job))
}

/// Queues the job that deletes one ticket (inside the caller's transaction);
/// `requested_by` is `None` when the portal itself asks (retention, a restore).
pub(super) async fn insert_ticket_job(
    txn: &DatabaseTransaction,
    subject: Uuid,
    ticket_id: Uuid,
    requested_by: Option<Uuid>,
) -> Result<Uuid, ServiceError> {
    let job = Uuid::now_v7();
    let now = Utc::now();
    erasure_job::ActiveModel {
        id: Set(job),
        request_id: Set(None),
        subject_id: Set(subject),
        scope: Set(JobScope::Ticket),
        ticket_id: Set(Some(ticket_id)),
        tickets_policy: Set(TicketsPolicy::Delete),
        status: Set(JobStatus::Queued),
        lease_until: Set(now),
        attempts: Set(0),
        identifiers: Set(None),
        notice_mail_id: Set(None),
        requested_by: Set(requested_by),
        created_at: Set(now),
        finished_at: Set(None),
        last_error: Set(None),
    }
    .insert(txn)
    .await?;
    Ok(job)
}

/// The customer's key when the portal may erase them on its own: a customer
/// not already being erased, under no legal hold, whose key still exists.
async fn erasable_by_portal(
    state: &AppState,
    txn: &DatabaseTransaction,
    customer: &user::Model,
) -> Result<Option<DataKey>, ServiceError> {
    if customer.erased_at.is_some() || customer.role != crate::model::Role::Customer {
        return Ok(None);
    }
    if active_hold(txn, customer.id).await?.is_some() {
        return Ok(None);
    }
    state.vault.key(customer.id).await
}
