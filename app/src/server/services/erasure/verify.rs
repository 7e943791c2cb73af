//! The final check of an erasure: is anything of the subject still readable?
//! Its result is recorded on the request and the job.
use super::{
    mentions::{find_mentions, mentions_in},
    turn::{record, sealed_identifiers, Target, Turn},
    Identifiers,
};
use crate::{
    model::{
        AuditAction, ErasureCheck, ErasureStep, JobStatus, MentionKind, RequestStatus,
        TicketsPolicy,
    },
    server::{
        audit::{self, Change, Event},
        blind_index,
        entities::{
            account_token, custom_field_value, data_export, erasure_job, erasure_step, message,
            outbound_mail, privacy_request, session, sign_in_failure, ticket, user,
        },
        services::{exports, requests, throttle},
        storage, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, QueryOrder, QuerySelect};
use std::collections::BTreeMap;

/// The final check: is anything of the subject still readable?
pub(super) async fn check(turn: &Turn<'_>) -> Result<ErasureCheck, ServiceError> {
    let (state, job) = (turn.state, turn.job);
    let db = &state.db;
    let subject = job.subject_id;
    let mut findings = Vec::new();
    let mut warnings = Vec::new();
    // The check runs in the background worker: English, like every record it
    // keeps (a request's context gives that request's language).
    let tr = crate::server::context::tr();
    match turn.target {
        Target::Ticket(ticket_id) => {
            if ticket::Entity::find_by_id(ticket_id)
                .one(db)
                .await?
                .is_some()
            {
                findings.push(tr.server_check_ticket_exists().to_owned());
            }
            let left = message::Entity::find()
                .filter(message::Column::TicketId.eq(ticket_id))
                .count(db)
                .await?;
            if left > 0 {
                findings.push(tr.server_check_ticket_messages(left));
            }
            index_leftovers(db, &[ticket_id], &mut findings).await?;
        }
        Target::Customer => {
            if state.vault.key(subject).await?.is_some() {
                findings.push(tr.server_check_key_exists().to_owned());
            }
            let customer = user::Entity::find_by_id(subject).one(db).await?;
            match &customer {
                Some(u)
                    if u.pseudonym.is_some()
                        && u.name.is_empty()
                        && u.phone.is_none()
                        && u.totp_secret.is_none() => {}
                Some(_) => findings.push(tr.server_check_profile_data().to_owned()),
                None => {}
            }
            let sessions = session::Entity::find()
                .filter(session::Column::UserId.eq(subject))
                .count(db)
                .await?;
            if sessions > 0 {
                findings.push(tr.server_check_sessions(sessions));
            }
            let links = account_token::Entity::find()
                .filter(account_token::Column::UserId.eq(subject))
                .count(db)
                .await?;
            if links > 0 {
                findings.push(tr.server_check_links(links));
            }
            let passkeys =
                crate::server::services::second_factors::passkey_count(db, subject).await?;
            if passkeys > 0 {
                findings.push(tr.server_check_passkeys(passkeys));
            }
            let exports = data_export::Entity::find()
                .filter(data_export::Column::SubjectId.eq(subject))
                .count(db)
                .await?;
            if exports > 0 {
                findings.push(tr.server_check_exports(exports));
            }
            let files = leftover_archives(turn).await?;
            if files > 0 {
                findings.push(tr.server_check_archive_files(files as u64));
            }
            if job.tickets_policy == TicketsPolicy::Delete {
                let tickets = ticket::Entity::find()
                    .filter(ticket::Column::CustomerId.eq(subject))
                    .count(db)
                    .await?;
                if tickets > 0 {
                    findings.push(tr.server_check_tickets(tickets));
                }
            }
            let own = crate::server::services::tickets::ids_of_customer(db, subject).await?;
            index_leftovers(db, &own, &mut findings).await?;
            match turn.ids {
                None => findings.push(tr.server_check_identifiers_unreadable().to_owned()),
                Some(ids) => scan_plaintext(state, job, ids, &mut findings, &mut warnings).await?,
            }
        }
    }
    let steps = erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .order_by_asc(erasure_step::Column::CompletedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.step.label(tr).to_owned())
        .collect();
    Ok(ErasureCheck {
        ok: findings.is_empty(),
        checked_at: Utc::now(),
        findings,
        warnings,
        steps,
    })
}

/// Search index rows of texts that should have left it with the subject's data.
async fn index_leftovers(
    db: &DatabaseConnection,
    tickets: &[Uuid],
    findings: &mut Vec<String>,
) -> Result<(), ServiceError> {
    let rows = blind_index::rows_of_tickets(db, tickets).await?;
    if rows > 0 {
        findings.push(crate::server::context::tr().server_check_index_entries(rows));
    }
    Ok(())
}

/// What is left of the archives the `delete_exports` step removed (the
/// customer's own and the admin exports that held them), as its record lists
/// them: files in this server's folder and rows in the database store.
async fn leftover_archives(turn: &Turn<'_>) -> Result<usize, ServiceError> {
    let Some(done) = erasure_step::Entity::find_by_id((turn.job.id, ErasureStep::DeleteExports))
        .one(&turn.state.db)
        .await?
    else {
        return Ok(0);
    };
    // Records written before the ids were kept hold counts instead: nothing to look up.
    let detail: serde_json::Value = serde_json::from_str(&done.detail)?;
    let ids: Vec<Uuid> = ["own", "all_modules"]
        .into_iter()
        .filter_map(|list| detail.get(list).and_then(serde_json::Value::as_array))
        .flatten()
        .filter_map(|id| id.as_str().and_then(|id| Uuid::parse_str(id).ok()))
        .collect();
    exports::remains_of(turn.state, &ids).await
}

/// Runs the final check of a job again without recording it: what it would
/// find now (for tests and diagnosis).
pub async fn final_check_of(state: &AppState, job_id: Uuid) -> Result<ErasureCheck, ServiceError> {
    let job = erasure_job::Entity::find_by_id(job_id)
        .one(&state.db)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let job_key = state.vault.key(job.id).await?;
    let ids = job_key.as_ref().and_then(|k| sealed_identifiers(&job, k));
    let turn = Turn {
        state,
        job: &job,
        target: Target::of(&job)?,
        ids: ids.as_ref(),
        job_key: job_key.as_ref(),
    };
    check(&turn).await
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
    let tr = crate::server::context::tr();
    let email = ids.email.to_lowercase();
    // What appeared after the erasure began is someone's new action (a new
    // sign-up with the address, a sign-in attempt), not something left behind.
    let since = job.created_at;
    let users = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        // Another account may own the address now (it confirmed it after an
        // unconfirmed one was removed); the subject's own row must not.
        .filter(user::Column::Id.eq(job.subject_id))
        .filter(user::Column::CreatedAt.lt(since))
        .count(db)
        .await?;
    if users > 0 {
        findings.push(tr.server_check_email_on_account().to_owned());
    }
    let mails = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq(email.clone()))
        .filter(outbound_mail::Column::CreatedAt.lt(since))
        .count(db)
        .await?;
    if mails > 0 {
        findings.push(tr.server_check_mails(mails));
    }
    let failures = sign_in_failure::Entity::find()
        .filter(throttle::rows_about(&email))
        .filter(sign_in_failure::Column::FailedAt.lt(since))
        .count(db)
        .await?;
    if failures > 0 {
        findings.push(tr.server_check_sign_in_records(failures));
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
        findings.push(tr.server_check_field_values(plain_hits as u64));
    }
    let mut by_kind: BTreeMap<(bool, MentionKind), usize> = BTreeMap::new();
    for m in find_mentions(state, job.subject_id, ids).await? {
        *by_kind
            .entry((m.message_id.is_some(), m.matched))
            .or_default() += 1;
    }
    for ((in_message, kind), n) in by_kind {
        if !in_message {
            // Subject lines: reported, not failed. Staff redact them on the
            // ticket's page; one redacted is no longer found.
            let n = n as u64;
            warnings.push(match kind {
                MentionKind::Email => tr.server_check_subjects_email(n),
                MentionKind::Phone => tr.server_check_subjects_phone(n),
                MentionKind::Name => tr.server_check_subjects_name(n),
            });
        } else if kind == MentionKind::Name {
            // Names are often shared by other people: worth a look, not a failure.
            warnings.push(tr.server_check_messages_name(n as u64));
        } else {
            findings.push(match kind {
                MentionKind::Phone => tr.server_check_messages_phone(n as u64),
                _ => tr.server_check_messages_email(n as u64),
            });
        }
    }
    Ok(())
}

/// Records the check on the request and the job; a passed check destroys the job's key.
pub(super) async fn finish(
    state: &AppState,
    job: &erasure_job::Model,
    check: &ErasureCheck,
) -> Result<(), ServiceError> {
    let json = serde_json::to_string(check)?;
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
            let from = r.status;
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
        JobStatus::Completed
    } else {
        JobStatus::NeedsAttention
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
    record(
        &txn,
        job,
        ErasureStep::Verify,
        serde_json::json!({ "ok": check.ok }),
    )
    .await?;
    txn.commit().await?;
    if check.ok {
        state.vault.destroy_key(job.id).await?;
        state.vault.compact().await?;
        storage::compact(&state.db, &["erasure_jobs"]).await?;
    }
    Ok(())
}
