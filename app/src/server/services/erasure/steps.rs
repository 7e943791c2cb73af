//! What each step of an erasure job does, one function a step. Each runs in its
//! own audited transaction together with its record, and is safe to repeat if
//! the process dies before that record commits.
use super::{
    pseudonym,
    turn::{record, record_alone, StepOutcome, Target, Turn},
};
use crate::{
    model::{
        AuditAction, ErasureStep, ExportKind, ExportStatus, MailStatus, TicketStatus, TicketsPolicy,
    },
    server::{
        audit::{self, Change, Event},
        blind_index,
        entities::{
            account_token, custom_field_value, data_export, erasure_job, erasure_step, legal_hold,
            message, outbound_mail, privacy_request, session, sign_in_failure, ticket, user,
        },
        mail::{self, MailContent},
        password,
        services::{exports, legal_holds::active_hold, people, throttle},
        storage, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ConnectionTrait, DatabaseTransaction, QuerySelect};
use serde_json::json;

/// How long a job waits for the final mail to go out before it goes on without it.
const NOTICE_WAIT_MINUTES: i64 = 30;

/// Tables that can hold an erased customer's plaintext, compacted after erasure
/// (the others hold only ciphertext under the destroyed key).
const COMPACTED: [&str; 5] = [
    "users",
    "archive_chunks",
    "outbound_mail",
    "sign_in_failures",
    "custom_field_values",
];

/// Runs one step. The final check (`Verify`) finishes the job.
pub(super) async fn run(turn: &Turn<'_>, step: ErasureStep) -> Result<StepOutcome, ServiceError> {
    match step {
        ErasureStep::DestroyKey => destroy_key(turn).await,
        ErasureStep::DeleteRecords => delete_records(turn).await,
        ErasureStep::EndSessions => end_sessions(turn).await,
        ErasureStep::Notify => notify(turn).await,
        ErasureStep::Pseudonymise => pseudonymise(turn).await,
        ErasureStep::DeleteExports => delete_exports(turn).await,
        ErasureStep::Audit => audit_erasure(turn).await,
        ErasureStep::DeleteTicket => delete_ticket(turn).await,
        ErasureStep::Compact => compact(turn).await,
        ErasureStep::Verify => {
            let check = super::verify::check(turn).await?;
            super::verify::finish(turn.state, turn.job, &check).await?;
            Ok(StepOutcome::Finished(check.ok))
        }
    }
}

/// The last moment a hold can stop it. Checked under the audit lock that
/// `place_hold` takes too, held until the key is gone and the step recorded:
/// a hold is either seen here or placed after the key is destroyed (and refused).
async fn destroy_key(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job) = (turn.state, turn.job);
    let txn = audit::begin(&state.db).await?;
    if active_hold(&txn, job.subject_id).await?.is_some() {
        return Ok(StepOutcome::Wait);
    }
    // Into the ledger with the key's destruction: a main database restored
    // from before this moment has the erasure re-applied (`ledger::reconcile`).
    let destroyed = state
        .vault
        .erase_subject(job.subject_id, job.id, Utc::now())
        .await?;
    let detail = json!({ "destroyed": destroyed });
    record(&txn, job, ErasureStep::DestroyKey, detail).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

async fn delete_records(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job, subject) = (turn.state, turn.job, turn.job.subject_id);
    let txn = audit::begin(&state.db).await?;
    let tickets = crate::server::services::tickets::ids_of_customer(&txn, subject).await?;
    let fields = custom_field_value::Entity::delete_many()
        .filter(custom_field_value::Column::SubjectId.eq(subject))
        .exec(&txn)
        .await?
        .rows_affected;
    // The index rows of their texts go whatever the policy: kept tickets are
    // unreadable from now on, and their tokens would still link them to others.
    let index_rows = blind_index::forget_tickets(&txn, &tickets).await?;
    let mut deleted_tickets = 0;
    let mut deleted_messages = 0;
    let mut closed_tickets = 0;
    if job.tickets_policy == TicketsPolicy::Anonymise {
        closed_tickets = close_tickets(turn, &txn).await?;
    }
    if job.tickets_policy == TicketsPolicy::Delete {
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
    // Mail about the subject, and mail someone else's request sent to their
    // address (an email change aimed at it): both hold the address.
    let mut mail_rows = sea_orm::Condition::any().add(outbound_mail::Column::SubjectId.eq(subject));
    if let Some(ids) = turn.ids {
        mail_rows = mail_rows.add(outbound_mail::Column::ToAddress.eq(ids.email.clone()));
    }
    let mails = outbound_mail::Entity::delete_many()
        .filter(mail_rows)
        .exec(&txn)
        .await?
        .rows_affected;
    let mut failures = 0;
    if let Some(ids) = turn.ids {
        failures = sign_in_failure::Entity::delete_many()
            .filter(throttle::rows_about(&ids.email))
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
    let detail = json!({
        "tickets_policy": job.tickets_policy.as_str(),
        "tickets": tickets.len(),
        "tickets_deleted": deleted_tickets,
        "tickets_closed": closed_tickets,
        "messages_deleted": deleted_messages,
        "custom_field_values": fields,
        "mails": mails,
        "sign_in_failures": failures,
        "legal_holds": holds,
        "index_rows": index_rows,
    });
    record(&txn, job, ErasureStep::DeleteRecords, detail).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// Closes the subject's kept tickets that still wait for an answer (open or
/// pending): nobody can read or answer them any more, and they would sit in
/// the queue as "[erased]" for good. Each change is audited like a status
/// change, by the portal (the job, maybe months after the approval: no
/// person), naming the job; the status is no personal data, so it is
/// recorded in plaintext (the subject's key is already gone).
async fn close_tickets(turn: &Turn<'_>, txn: &DatabaseTransaction) -> Result<u64, ServiceError> {
    let subject = turn.job.subject_id;
    let waiting = ticket::Entity::find()
        .filter(ticket::Column::CustomerId.eq(subject))
        .filter(ticket::Column::Status.is_in([TicketStatus::Open, TicketStatus::Pending]))
        .all(txn)
        .await?;
    let now = Utc::now();
    for t in &waiting {
        ticket::Entity::update_many()
            .col_expr(ticket::Column::Status, Expr::value(TicketStatus::Closed))
            .col_expr(ticket::Column::UpdatedAt, Expr::value(now))
            .filter(ticket::Column::Id.eq(t.id))
            .exec(txn)
            .await?;
        let event = Event::new(AuditAction::TicketStatusChanged, "ticket", t.id)
            .about(subject)
            .setting(Change::changed(
                "status",
                t.status.as_str(),
                TicketStatus::Closed.as_str(),
            ))
            .setting(Change::set("erasure_job", turn.job.id.to_string()));
        audit::append(txn, event, None).await?;
    }
    Ok(waiting.len() as u64)
}

async fn end_sessions(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job) = (turn.state, turn.job);
    let txn = audit::begin(&state.db).await?;
    let n = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(job.subject_id))
        .exec(&txn)
        .await?
        .rows_affected;
    // Unused reset and confirmation links open the account as surely as a session.
    let links = account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(job.subject_id))
        .exec(&txn)
        .await?
        .rows_affected;
    // Passkeys (their names and credentials are sealed, but the ids are not).
    crate::server::services::passkeys::forget_all(&txn, job.subject_id).await?;
    record(
        &txn,
        job,
        ErasureStep::EndSessions,
        json!({ "sessions": n, "links": links }),
    )
    .await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// Sealed under the job's key (the subject's is gone), sent before the
/// address itself is removed by the next step.
async fn notify(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job) = (turn.state, turn.job);
    let (Some(ids), Some(key)) = (turn.ids, turn.job_key) else {
        record_alone(state, job, ErasureStep::Notify, json!({ "sent": false })).await?;
        return Ok(StepOutcome::Done);
    };
    if ids.no_notice {
        record_alone(state, job, ErasureStep::Notify, json!({ "sent": false })).await?;
        return Ok(StepOutcome::Done);
    }
    let txn = audit::begin(&state.db).await?;
    // The profile's language is sealed under the key destroyed in the first
    // step: the job's identifiers carry a copy.
    let tr = crate::i18n::Tr(
        ids.language
            .as_deref()
            .and_then(crate::i18n::Lang::parse)
            .unwrap_or_default(),
    );
    let content = if ids.unconfirmed {
        MailContent {
            subject: tr.mail_unconfirmed_removed_subject().into(),
            body: tr.mail_unconfirmed_removed_body().into(),
        }
    } else {
        let mut paragraphs = vec![tr.mail_erased_body_intro().to_owned()];
        let closed = closed_tickets(&txn, job.id).await?;
        if closed > 0 {
            paragraphs.push(tr.erasureclose_mail_tickets_closed(closed));
        }
        if let Some(reason) = ids.approval_reason.as_deref() {
            paragraphs.push(tr.mail_erased_note(reason));
        }
        paragraphs.push(tr.mail_erased_body_end().to_owned());
        MailContent {
            subject: tr.mail_erased_subject().into(),
            body: paragraphs.join("\n\n"),
        }
    };
    let mail_id = mail::queue(&txn, state, key, job.id, &ids.email, &content).await?;
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::NoticeMailId, Expr::value(mail_id))
        .filter(erasure_job::Column::Id.eq(job.id))
        .exec(&txn)
        .await?;
    record(&txn, job, ErasureStep::Notify, json!({ "queued": true })).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// How many open tickets `delete_records` closed, as its record says (none
/// in records written before it closed any).
async fn closed_tickets(db: &impl ConnectionTrait, job: Uuid) -> Result<u64, ServiceError> {
    let Some(done) = erasure_step::Entity::find_by_id((job, ErasureStep::DeleteRecords))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let detail: serde_json::Value = serde_json::from_str(&done.detail)?;
    Ok(detail
        .get("tickets_closed")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0))
}

/// Waits (up to a limit) for the final mail to leave, then replaces the
/// customer's identity with the pseudonym and removes the address.
async fn pseudonymise(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job, subject) = (turn.state, turn.job, turn.job.subject_id);
    let notice = erasure_job::Entity::find_by_id(job.id)
        .one(&state.db)
        .await?
        .and_then(|j| j.notice_mail_id);
    if let Some(mail_id) = notice {
        if let Some(m) = outbound_mail::Entity::find_by_id(mail_id)
            .one(&state.db)
            .await?
        {
            let pending = matches!(m.status, MailStatus::Queued | MailStatus::Sending);
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
    // The authenticator secret (sealed, shredded with the key) and recovery codes go too.
    crate::server::services::two_factor::clear(&txn, subject).await?;
    // Sign-in attempts with the address since `delete_records` left new rows.
    if let Some(ids) = turn.ids {
        sign_in_failure::Entity::delete_many()
            .filter(throttle::rows_about(&ids.email))
            .exec(&txn)
            .await?;
    }
    // The final mail went (or was given up on): its row holds the address.
    let mails = outbound_mail::Entity::delete_many()
        .filter(outbound_mail::Column::SubjectId.eq(job.id))
        .exec(&txn)
        .await?
        .rows_affected;
    let detail = json!({ "notice_rows_removed": mails });
    record(&txn, job, ErasureStep::Pseudonymise, detail).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// The subject's own archives, and every admin archive of all modules made
/// before now: those hold this customer's data under the admin's key. A file
/// that cannot be deleted fails the step (it is retried); the ids go into the
/// step's record so the final check can look for leftovers.
async fn delete_exports(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job, subject) = (turn.state, turn.job, turn.job.subject_id);
    let own: Vec<Uuid> = data_export::Entity::find()
        .select_only()
        .column(data_export::Column::Id)
        .filter(data_export::Column::SubjectId.eq(subject))
        .into_tuple()
        .all(&state.db)
        .await?;
    let all: Vec<Uuid> = data_export::Entity::find()
        .select_only()
        .column(data_export::Column::Id)
        .filter(data_export::Column::Kind.eq(ExportKind::All))
        .filter(data_export::Column::Status.is_in(ExportStatus::LIVE))
        .into_tuple()
        .all(&state.db)
        .await?;
    for id in own.iter().chain(all.iter()) {
        exports::delete_archive(state, *id).await?;
    }
    let txn = audit::begin(&state.db).await?;
    data_export::Entity::delete_many()
        .filter(data_export::Column::SubjectId.eq(subject))
        .exec(&txn)
        .await?;
    data_export::Entity::update_many()
        .col_expr(
            data_export::Column::Status,
            Expr::value(ExportStatus::Expired),
        )
        .col_expr(
            data_export::Column::Error,
            Expr::value("withdrawn: it contained a customer who was erased"),
        )
        // A build still running loses its lease, so it stops at its next
        // progress report and removes its partial files.
        .col_expr(data_export::Column::LeaseUntil, Expr::value(Utc::now()))
        .filter(data_export::Column::Id.is_in(all.clone()))
        .exec(&txn)
        .await?;
    let detail = json!({ "own": own, "all_modules": all });
    record(&txn, job, ErasureStep::DeleteExports, detail).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// The one event that says the customer was erased, with every step's counts.
async fn audit_erasure(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job, subject) = (turn.state, turn.job, turn.job.subject_id);
    let txn = audit::begin(&state.db).await?;
    let steps = erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .all(&txn)
        .await?;
    let mut event = Event::new(AuditAction::SubjectErased, "user", subject)
        .about(subject)
        .setting(Change::set("pseudonym", pseudonym(subject)))
        .setting(Change::set("tickets", job.tickets_policy.as_str()));
    if let Some(by) = requester(turn, &txn).await? {
        event = event.by_user(by.0, by.1);
    }
    for s in steps {
        event = event.setting(Change::set(s.step.as_str(), s.detail));
    }
    audit::append(&txn, event, None).await?;
    record(&txn, job, ErasureStep::Audit, json!({})).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

/// Who asked for the job, for its audit events (with their stored role); none
/// if the job has no requester or their account no longer exists.
async fn requester(
    turn: &Turn<'_>,
    txn: &impl sea_orm::ConnectionTrait,
) -> Result<Option<(Uuid, crate::model::Role)>, ServiceError> {
    let Some(by) = turn.job.requested_by else {
        return Ok(None);
    };
    Ok(people::account(txn, by).await?.map(|p| (by, p.role)))
}

async fn delete_ticket(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let (state, job, subject) = (turn.state, turn.job, turn.job.subject_id);
    let Target::Ticket(ticket_id) = turn.target else {
        return Err(ServiceError::invariant(format!(
            "erasure job {} deletes a ticket but is not a ticket job",
            job.id
        )));
    };
    let txn = audit::begin(&state.db).await?;
    if active_hold(&txn, subject).await?.is_some() {
        return Ok(StepOutcome::Wait);
    }
    // The ledger first: should this transaction not commit, the job runs the
    // step again, and a start-up finding the ticket re-schedules nothing twice.
    state
        .vault
        .record_in_ledger(
            state.vault.keystore(),
            job.id,
            subject,
            Some(ticket_id),
            Utc::now(),
        )
        .await?;
    let fields = custom_field_value::Entity::delete_many()
        .filter(custom_field_value::Column::EntityId.eq(ticket_id))
        .exec(&txn)
        .await?
        .rows_affected;
    blind_index::forget_tickets(&txn, &[ticket_id]).await?;
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
    let detail = json!({ "tickets": tickets, "messages": messages, "custom_field_values": fields });
    let mut event = Event::new(AuditAction::TicketErased, "ticket", ticket_id)
        .about(subject)
        .setting(Change::set("deleted", detail.to_string()));
    if let Some(by) = requester(turn, &txn).await? {
        event = event.by_user(by.0, by.1);
    }
    audit::append(&txn, event, None).await?;
    record(&txn, job, ErasureStep::DeleteTicket, detail).await?;
    txn.commit().await?;
    Ok(StepOutcome::Done)
}

async fn compact(turn: &Turn<'_>) -> Result<StepOutcome, ServiceError> {
    let state = turn.state;
    storage::compact(&state.db, &COMPACTED).await?;
    state.vault.compact().await?;
    record_alone(state, turn.job, ErasureStep::Compact, json!({})).await?;
    Ok(StepOutcome::Done)
}
