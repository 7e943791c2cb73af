//! The register of privacy requests for staff who review them: every
//! request with its deadlines, decision, answer, what was disclosed or
//! withheld and which stores were searched; counts, times to answer, by
//! kind and by month. Access requests are the customers' own downloads,
//! read from the audit log (their archives are deleted when they expire or
//! the customer is erased; the log keeps the request).
//!
//! Staff-written reasons (for an extension, a refusal) are personal data,
//! sealed under the subject's key: the register says one was given and where
//! to read it (the request page), never the text, so a downloaded register
//! holds nothing an erasure would have to reach.
//!
//! It reads every request: fine for the thousands a help desk sees in years.
use super::read::system_note;
use crate::{
    i18n::Tr,
    model::{
        AuditAction, ExportStatus, Register, RegisterCounts, RegisterEntry, RegisterKind,
        RegisterOutcome, RequestStatus, Role, ENTRIES_SHOWN,
    },
    server::{
        audit::{self, Change, Event},
        crypto::IndexKey,
        entities::{audit_event, data_export, privacy_request, privacy_request_event},
        policy::{self, Action, Target},
        spreadsheet::SafeCsv,
        Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, Datelike, Months, Utc};
use sea_orm::{prelude::*, QueryOrder};
use std::collections::HashMap;

/// `S-7f3a9c12d4`: one person's requests share it, and it names nobody: an
/// HMAC of the subject's id under the index key (in the key store), so
/// knowing someone's id is not enough to find their requests here.
fn subject_ref(key: &IndexKey, subject: Uuid) -> String {
    let token = key.token(&format!("register subject {subject}"));
    format!("S-{}", hex::encode(&token[..5]))
}

/// A subject's reference in the register (tests and support).
pub async fn subject_reference(state: &AppState, subject: Uuid) -> Result<String, ServiceError> {
    Ok(subject_ref(&*state.vault.index_key().await?, subject))
}

/// Every entry, newest first (staff who review privacy requests).
pub async fn entries(state: &AppState, actor: &Actor) -> Result<Vec<RegisterEntry>, ServiceError> {
    read(state, actor, None).await
}

/// The entries, or only the one of request `only`.
async fn read(
    state: &AppState,
    actor: &Actor,
    only: Option<Uuid>,
) -> Result<Vec<RegisterEntry>, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let tr = crate::server::context::tr();
    let now = Utc::now();
    let key = state.vault.index_key().await?;
    let mut out = reviewed_requests(state, &key, tr, now, only).await?;
    out.extend(access_requests(state, &key, tr, now, only).await?);
    out.sort_by(|a, b| {
        b.received_at
            .cmp(&a.received_at)
            .then(b.request_id.cmp(&a.request_id))
    });
    Ok(out)
}

/// The register page: counts and the newest entries.
pub async fn register(state: &AppState, actor: &Actor) -> Result<Register, ServiceError> {
    let all = entries(state, actor).await?;
    let now = Utc::now();
    let by_kind = RegisterKind::ALL
        .into_iter()
        .map(|kind| (kind, counts(all.iter().filter(|e| e.kind == kind))))
        .collect();
    // The last twelve months, this one included: received in the month, and
    // answered in the month.
    let mut by_month = Vec::new();
    for back in (0..12).rev() {
        let first = now
            .date_naive()
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(back)))
            .unwrap_or_else(|| now.date_naive());
        let month = (first.year(), first.month());
        let in_month = |t: &DateTime<Utc>| (t.year(), t.month()) == month;
        let received = all.iter().filter(|e| in_month(&e.received_at)).count() as u64;
        let answered: Vec<&RegisterEntry> = all
            .iter()
            .filter(|e| e.responded_at.as_ref().is_some_and(in_month))
            .collect();
        let mut c = counts(answered.iter().copied());
        c.received = received;
        by_month.push((month, c));
    }
    Ok(Register {
        totals: counts(all.iter()),
        by_kind,
        by_month,
        total_entries: all.len() as u64,
        entries: all.into_iter().take(ENTRIES_SHOWN).collect(),
    })
}

/// The register entry of one request (its page shows it).
pub async fn entry(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<Option<RegisterEntry>, ServiceError> {
    Ok(read(state, actor, Some(id)).await?.into_iter().next())
}

fn counts<'a>(entries: impl Iterator<Item = &'a RegisterEntry>) -> RegisterCounts {
    let mut c = RegisterCounts::default();
    let mut days = Vec::new();
    for e in entries {
        c.received += 1;
        match e.outcome {
            RegisterOutcome::Completed => c.completed += 1,
            RegisterOutcome::Rejected => c.rejected += 1,
            RegisterOutcome::Withdrawn => c.withdrawn += 1,
            RegisterOutcome::Overdue => {
                c.overdue += 1;
                c.open += 1;
            }
            RegisterOutcome::Open => c.open += 1,
            RegisterOutcome::Failed => {}
        }
        if matches!(
            e.outcome,
            RegisterOutcome::Completed | RegisterOutcome::Rejected
        ) {
            if let Some(at) = e.responded_at {
                if at > e.due_at {
                    c.answered_late += 1;
                }
                if e.outcome == RegisterOutcome::Completed {
                    days.push((at - e.received_at).num_minutes().max(0) as u32);
                }
            }
        }
    }
    days.sort_unstable();
    c.median_minutes = percentile(&days, 0.5);
    c.p90_minutes = percentile(&days, 0.9);
    c
}

/// The nearest-rank percentile of sorted values.
fn percentile(sorted: &[u32], p: f64) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// Email changes and erasures: their steps tell when they were decided,
/// extended and answered.
async fn reviewed_requests(
    state: &AppState,
    index: &IndexKey,
    tr: Tr,
    now: DateTime<Utc>,
    only: Option<Uuid>,
) -> Result<Vec<RegisterEntry>, ServiceError> {
    let mut query = privacy_request::Entity::find();
    let mut step_query = privacy_request_event::Entity::find();
    if let Some(id) = only {
        query = query.filter(privacy_request::Column::Id.eq(id));
        step_query = step_query.filter(privacy_request_event::Column::RequestId.eq(id));
    }
    let requests = query.all(&state.db).await?;
    let keys = state
        .vault
        .keys(requests.iter().map(|r| r.subject_id))
        .await?;
    let mut steps: HashMap<Uuid, Vec<privacy_request_event::Model>> = HashMap::new();
    for s in step_query
        .order_by_asc(privacy_request_event::Column::At)
        .order_by_asc(privacy_request_event::Column::Id)
        .all(&state.db)
        .await?
    {
        steps.entry(s.request_id).or_default().push(s);
    }
    let mut out = Vec::new();
    for r in requests {
        let kind = RegisterKind::from(r.kind);
        let history = steps.remove(&r.id).unwrap_or_default();
        // The portal's own notes are shown; what a person wrote stays on the request page.
        let note = |s: &privacy_request_event::Model| {
            let sealed = s.note.as_ref()?;
            let written = keys.get(&r.subject_id).and_then(|key| {
                key.open_string(privacy_request_event::NOTE.at(&s.id), sealed)
                    .ok()
            });
            Some(
                written
                    .and_then(|n| system_note(tr, &n))
                    .unwrap_or_else(|| tr.register_reason_on_request().to_owned()),
            )
        };
        let extension = history
            .iter()
            .rev()
            .find(|s| s.from_status == s.to_status && s.note.is_some());
        let decision = history.iter().find(|s| {
            s.actor_role.is_some_and(Role::is_staff)
                && matches!(
                    s.to_status,
                    RequestStatus::Approved
                        | RequestStatus::Rejected
                        | RequestStatus::Executing
                        | RequestStatus::Completed
                )
        });
        let answer = history.iter().find(|s| {
            matches!(
                s.to_status,
                RequestStatus::Completed | RequestStatus::Rejected | RequestStatus::Withdrawn
            ) && s.from_status != s.to_status
        });
        let outcome = match r.status {
            RequestStatus::Completed => RegisterOutcome::Completed,
            RequestStatus::Rejected => RegisterOutcome::Rejected,
            RequestStatus::Withdrawn => RegisterOutcome::Withdrawn,
            _ if r.due_at < now => RegisterOutcome::Overdue,
            _ => RegisterOutcome::Open,
        };
        let rejection = history
            .iter()
            .filter(|s| s.to_status == RequestStatus::Rejected)
            .find_map(note);
        let (disclosed, withheld, stores) = match kind {
            RegisterKind::Rectification => (
                tr.register_disclosed_nothing().to_owned(),
                rejection.map_or_else(
                    || tr.register_withheld_nothing().to_owned(),
                    |why| tr.register_withheld_rejected(why),
                ),
                tr.register_stores_rectification().to_owned(),
            ),
            _ => (
                tr.register_disclosed_nothing().to_owned(),
                match (outcome, rejection) {
                    (_, Some(why)) => tr.register_withheld_rejected(why),
                    (RegisterOutcome::Completed, None) => {
                        tr.register_withheld_erasure_kept().to_owned()
                    }
                    _ => tr.register_withheld_nothing().to_owned(),
                },
                tr.register_stores_erasure().to_owned(),
            ),
        };
        out.push(RegisterEntry {
            request_id: r.id,
            subject_ref: subject_ref(index, r.subject_id),
            kind,
            received_at: r.received_at,
            due_at: r.due_at,
            extended_months: r.extended_months,
            extension_reason: extension.and_then(note),
            extension_told_at: extension.map(|s| s.at),
            decided_at: decision.map(|s| s.at),
            decided_by: decision.and_then(|s| s.actor_role),
            responded_at: answer.map(|s| s.at),
            outcome,
            disclosed,
            withheld,
            stores_searched: stores,
        });
    }
    Ok(out)
}

/// Customers' downloads of their data: each request is in the audit log;
/// the archive answers it when it is ready (or, once the archive is gone,
/// when it was downloaded).
async fn access_requests(
    state: &AppState,
    index: &IndexKey,
    tr: Tr,
    now: DateTime<Utc>,
    only: Option<Uuid>,
) -> Result<Vec<RegisterEntry>, ServiceError> {
    let mut events = audit_event::Entity::find();
    if let Some(id) = only {
        events = events.filter(audit_event::Column::EntityId.eq(id.to_string()));
    }
    let events = events
        .filter(audit_event::Column::Action.is_in([
            AuditAction::ExportRequested.as_str(),
            AuditAction::ExportDownloaded.as_str(),
        ]))
        .filter(audit_event::Column::EntityType.eq("data_export"))
        .order_by_asc(audit_event::Column::Seq)
        .all(&state.db)
        .await?;
    let exports: HashMap<Uuid, data_export::Model> = data_export::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut downloaded: HashMap<&str, DateTime<Utc>> = HashMap::new();
    for e in events
        .iter()
        .filter(|e| e.action == AuditAction::ExportDownloaded.as_str())
    {
        downloaded
            .entry(e.entity_id.as_str())
            .or_insert(e.occurred_at);
    }
    let mut out = Vec::new();
    for e in events.iter().filter(|e| {
        e.action == AuditAction::ExportRequested.as_str()
            && e.actor_role.as_deref() == Some(Role::Customer.as_str())
    }) {
        let (Ok(id), Some(subject)) = (Uuid::parse_str(&e.entity_id), e.subject_id) else {
            continue;
        };
        let export = exports.get(&id);
        let responded_at = export
            .and_then(|x| x.ready_at)
            .or_else(|| downloaded.get(e.entity_id.as_str()).copied());
        let due_at = super::due_date(e.occurred_at);
        let outcome = match (responded_at, export.map(|x| x.status)) {
            (Some(_), _) => RegisterOutcome::Completed,
            (None, Some(ExportStatus::Failed)) => RegisterOutcome::Failed,
            (None, _) if due_at < now => RegisterOutcome::Overdue,
            (None, _) => RegisterOutcome::Open,
        };
        out.push(RegisterEntry {
            request_id: id,
            subject_ref: subject_ref(index, subject),
            kind: RegisterKind::Access,
            received_at: e.occurred_at,
            due_at,
            extended_months: 0,
            extension_reason: None,
            extension_told_at: None,
            decided_at: None,
            decided_by: None,
            responded_at,
            outcome,
            disclosed: tr.register_disclosed_access().to_owned(),
            withheld: tr.register_withheld_access().to_owned(),
            stores_searched: tr.register_stores_access().to_owned(),
        });
    }
    Ok(out)
}

/// The register as CSV, one row per request, every value guarded. Each
/// download is audited: who took the register, and how many rows.
pub async fn csv(state: &AppState, actor: &Actor) -> Result<Vec<u8>, ServiceError> {
    let tr = crate::server::context::tr();
    let all = entries(state, actor).await?;
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::RegisterExported, "register", "csv")
        .by(actor)
        .setting(Change::set("rows", all.len().to_string()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    let time = |t: &Option<DateTime<Utc>>| {
        t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    };
    let mut out = SafeCsv::from_writer(Vec::new());
    out.write_record([
        tr.register_col_request(),
        tr.register_col_subject(),
        tr.register_col_kind(),
        tr.register_col_received(),
        tr.register_col_due(),
        tr.register_col_extended_months(),
        tr.register_col_extension_reason(),
        tr.register_col_extension_told(),
        tr.register_col_decided(),
        tr.register_col_decided_by(),
        tr.register_col_responded(),
        tr.register_col_outcome(),
        tr.register_col_disclosed(),
        tr.register_col_withheld(),
        tr.register_col_stores(),
    ])?;
    for e in &all {
        let row = [
            e.request_id.to_string(),
            e.subject_ref.clone(),
            e.kind.label(tr).to_owned(),
            time(&Some(e.received_at)),
            time(&Some(e.due_at)),
            e.extended_months.to_string(),
            e.extension_reason.clone().unwrap_or_default(),
            time(&e.extension_told_at),
            time(&e.decided_at),
            e.decided_by
                .map(|r| r.label(tr).to_owned())
                .unwrap_or_default(),
            time(&e.responded_at),
            e.outcome.label(tr).to_owned(),
            e.disclosed.clone(),
            e.withheld.clone(),
            e.stores_searched.clone(),
        ];
        out.write_record(row)?;
    }
    out.into_inner()
        .map_err(|e| ServiceError::invariant(format!("register CSV: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[7], 0.9), Some(7));
        let minutes = [30, 60, 120, 180, 600];
        assert_eq!(percentile(&minutes, 0.5), Some(120));
        assert_eq!(percentile(&minutes, 0.9), Some(600));
    }
}
