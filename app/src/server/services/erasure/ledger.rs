//! The erasure ledger against the main database. Every erasure is recorded in
//! the key store when it happens (`Vault::erase_subject`, a ticket's
//! `delete_ticket` step): ids and times, nothing personal. A main database
//! brought back from before an erasure — by `custodian restore` or by copying
//! a file back by hand — still holds the erased account (its content is
//! unreadable, the key is gone, but the address and password hash are there).
//! `reconcile` runs before the portal serves and re-applies every erasure the
//! database does not show: sign-in stops and sessions end in its transaction,
//! and a new job (same steps, same final check) does the rest.
use super::{tickets_policy, Identifiers};
use crate::{
    model::{AuditAction, JobScope, JobStatus, RequestKind},
    server::{
        audit::{self, Change, Event},
        entities::{account_token, erasure_job, erasure_ledger, session, ticket, user},
        services::requests,
        AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QuerySelect};
use std::collections::BTreeMap;

/// What one reconciliation did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Entries in the ledger.
    pub entries: u64,
    /// Data keys of erased subjects found in the key store (one restored from
    /// a backup) and destroyed again.
    pub keys_destroyed: u64,
    /// Erased customers the database still showed as active: erased again.
    pub subjects: Vec<Uuid>,
    /// Erased tickets the database still held: deleted again.
    pub tickets: Vec<Uuid>,
}

impl Reconciled {
    pub fn changed_anything(&self) -> bool {
        self.keys_destroyed > 0 || !self.subjects.is_empty() || !self.tickets.is_empty()
    }
}

/// Rows looked up per query.
const CHUNK: usize = 500;

/// Brings the key store and the main database in line with the ledger.
/// Safe to run on several servers at once: each re-application claims its
/// account or ticket with a conditional update, so it happens once.
pub async fn reconcile(state: &AppState) -> Result<Reconciled, ServiceError> {
    let ledger = state.vault.ledger().await?;
    let mut done = Reconciled {
        entries: ledger.len() as u64,
        ..Reconciled::default()
    };
    // Each erased subject's first entry (the ledger is oldest first).
    let mut first_erasure: BTreeMap<Uuid, &erasure_ledger::Model> = BTreeMap::new();
    for e in ledger.iter().filter(|e| e.ticket_id.is_none()) {
        first_erasure.entry(e.subject_id).or_insert(e);
    }
    let subjects: Vec<Uuid> = first_erasure.keys().copied().collect();
    for chunk in subjects.chunks(CHUNK) {
        for subject in chunk {
            if state.vault.destroy_key(*subject).await? {
                done.keys_destroyed += 1;
            }
        }
        let active = user::Entity::find()
            .filter(user::Column::Id.is_in(chunk.to_vec()))
            .filter(user::Column::ErasedAt.is_null())
            .all(&state.db)
            .await?;
        for account in active {
            if let Some(entry) = first_erasure.get(&account.id) {
                if reapply_customer(state, &account, entry).await? {
                    done.subjects.push(account.id);
                }
            }
        }
    }
    let tickets: Vec<&erasure_ledger::Model> =
        ledger.iter().filter(|e| e.ticket_id.is_some()).collect();
    for chunk in tickets.chunks(CHUNK) {
        let ids: Vec<Uuid> = chunk.iter().filter_map(|e| e.ticket_id).collect();
        let present: Vec<Uuid> = ticket::Entity::find()
            .select_only()
            .column(ticket::Column::Id)
            .filter(ticket::Column::Id.is_in(ids))
            .into_tuple()
            .all(&state.db)
            .await?;
        for entry in chunk {
            let Some(id) = entry.ticket_id.filter(|id| present.contains(id)) else {
                continue;
            };
            if reapply_ticket(state, entry, id).await? {
                done.tickets.push(id);
            }
        }
    }
    if done.changed_anything() {
        tracing::warn!(
            keys = done.keys_destroyed,
            customers = done.subjects.len(),
            tickets = done.tickets.len(),
            "the database or key store came back from before recorded erasures; they are applied again"
        );
    }
    Ok(done)
}

/// The `erasure_reapplied` event: which erasure, when, and the new job.
fn reapplied(entity: &'static str, id: Uuid, entry: &erasure_ledger::Model, job: Uuid) -> Event {
    Event::new(AuditAction::ErasureReapplied, entity, id)
        .about(entry.subject_id)
        .setting(Change::set("erased_at", entry.erased_at.to_rfc3339()))
        .setting(Change::set("first_job", entry.job_id.to_string()))
        .setting(Change::set("job", job.to_string()))
}

/// Erases an account the ledger says was erased: in one audited transaction,
/// sign-in stops (the account is marked erased), sessions and links end and
/// the job is queued. No final mail: the customer was told the first time.
async fn reapply_customer(
    state: &AppState,
    account: &user::Model,
    entry: &erasure_ledger::Model,
) -> Result<bool, ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let now = Utc::now();
    let claimed = user::Entity::update_many()
        .col_expr(user::Column::ErasedAt, Expr::value(now))
        .filter(user::Column::Id.eq(account.id))
        .filter(user::Column::ErasedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if claimed == 0 {
        // Another server got there first.
        return Ok(false);
    }
    let job = Uuid::now_v7();
    // The name is sealed under the destroyed key: the final check looks for
    // the address (and the index rows), which is what is still readable.
    let identifiers = Identifiers {
        email: account.email.clone(),
        no_notice: true,
        ..Identifiers::default()
    };
    let job_key = state.vault.create_key(job).await?;
    let sealed = job_key.seal(
        erasure_job::IDENTIFIERS.at(&job),
        &serde_json::to_vec(&identifiers)?,
    );
    // The request the first erasure carried out, if the restored database
    // still shows it open: this job completes it.
    let request = requests::open_of_kind(&txn, RequestKind::Erasure, account.id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .next();
    erasure_job::ActiveModel {
        id: Set(job),
        request_id: Set(request),
        subject_id: Set(account.id),
        scope: Set(JobScope::Customer),
        ticket_id: Set(None),
        tickets_policy: Set(tickets_policy(&txn).await?),
        status: Set(JobStatus::Queued),
        lease_until: Set(now),
        attempts: Set(0),
        identifiers: Set(Some(sealed)),
        notice_mail_id: Set(None),
        requested_by: Set(None),
        created_at: Set(now),
        finished_at: Set(None),
        last_error: Set(None),
    }
    .insert(&txn)
    .await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(account.id))
        .exec(&txn)
        .await?;
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(account.id))
        .exec(&txn)
        .await?;
    audit::append(&txn, reapplied("user", account.id, entry, job), None).await?;
    txn.commit().await?;
    Ok(true)
}

/// Deletes again a ticket the ledger says was erased, through a ticket job,
/// unless the database already has one for it (it then finishes that).
async fn reapply_ticket(
    state: &AppState,
    entry: &erasure_ledger::Model,
    ticket_id: Uuid,
) -> Result<bool, ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let pending = erasure_job::Entity::find()
        .filter(erasure_job::Column::TicketId.eq(ticket_id))
        .count(&txn)
        .await?;
    if pending > 0 {
        return Ok(false);
    }
    let job = super::request::insert_ticket_job(&txn, entry.subject_id, ticket_id, None).await?;
    audit::append(&txn, reapplied("ticket", ticket_id, entry, job), None).await?;
    txn.commit().await?;
    Ok(true)
}
