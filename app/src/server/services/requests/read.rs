//! The read model of privacy requests: what the subject and staff see of each,
//! with its history in words.
use super::{details, EmailChangeDetails, ErasureDetails};
use crate::{
    error::AppError,
    model::{
        ErasureCheck, PrivacyRequestView, QueueFilter, RequestKind, RequestQueue, RequestStatus,
        RequestStep,
    },
    server::{
        entities::{privacy_request, privacy_request_event},
        policy::{self, Action, Target},
        services::people::people,
        Actor, AppState, ServiceError, Viewer,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, QueryOrder, QuerySelect};

/// Requests listed on the queue at most, per filter.
const QUEUE_LIMIT: u64 = 500;

async fn views(
    state: &AppState,
    rows: Vec<privacy_request::Model>,
    viewer: Viewer,
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
    let tr = crate::server::context::tr();
    rows.into_iter()
        .map(|r| {
            let key = keys.get(&r.subject_id);
            let status = r.status;
            let summary = match r.kind {
                RequestKind::Erasure => match key.and_then(|k| details::<ErasureDetails>(k, &r)) {
                    Some(d) if !d.reason.is_empty() => {
                        tr.server_request_summary_erasure_reason(&d.reason)
                    }
                    _ => tr.server_request_summary_erasure().to_owned(),
                },
                RequestKind::EmailChange => {
                    match key.and_then(|k| details::<EmailChangeDetails>(k, &r)) {
                        Some(d) => tr.server_request_summary_email_to(&d.new_email),
                        None => tr.server_request_summary_email().to_owned(),
                    }
                }
            };
            let history = steps
                .iter()
                .filter(|s| s.request_id == r.id)
                .map(|s| RequestStep {
                    at: s.at,
                    status: s.to_status,
                    label: match s.to_status {
                        // Erasure needs no emailed confirmation: the password was asked again.
                        RequestStatus::Submitted if r.kind != RequestKind::EmailChange => {
                            tr.server_request_step_received().to_owned()
                        }
                        step if s.from_status == s.to_status && s.note.is_some() => {
                            tr.server_request_step_extended(step.label(tr))
                        }
                        step => step.label(tr).to_owned(),
                    },
                    by: match s.actor_id {
                        // Filing an erasure asks for the password: that confirms who asks.
                        Some(id)
                            if id == r.subject_id
                                && r.kind != RequestKind::EmailChange
                                && s.from_status == RequestStatus::Submitted
                                && s.to_status != s.from_status =>
                        {
                            tr.server_request_by_password().to_owned()
                        }
                        Some(id) if id == viewer.user_id => tr.server_activity_you().to_owned(),
                        Some(id) if id == r.subject_id => {
                            tr.server_request_by_customer().to_owned()
                        }
                        Some(id) => match who.get(&id) {
                            Some(p) if p.role.is_staff() => tr.server_request_by_team(&p.name),
                            _ => tr.server_activity_someone_else().to_owned(),
                        },
                        None if r.kind == RequestKind::EmailChange => {
                            tr.server_request_by_link().to_owned()
                        }
                        None => tr.server_request_by_job().to_owned(),
                    },
                    note: match (&s.note, key) {
                        (Some(n), Some(k)) => k
                            .open_string(privacy_request_event::NOTE.at(&s.id), n)
                            .ok()
                            .map(|n| note_in(tr, n)),
                        _ => None,
                    },
                })
                .collect();
            let staff = policy::can(&viewer, Action::ViewCustomerDetails, Target::Nothing);
            let overdue = status.is_open() && r.due_at < now;
            Ok(PrivacyRequestView {
                id: r.id,
                kind: r.kind,
                kind_label: r.kind.label(tr).to_owned(),
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

/// A step's note in the reader's words. The notes the portal writes itself are
/// stored in English (see `super::NOTE_ON_HOLD`, and `super::extend`'s); what
/// people typed is shown as they wrote it.
pub(super) fn note_in(tr: crate::i18n::Tr, note: String) -> String {
    match note.as_str() {
        super::NOTE_ON_HOLD => tr.server_note_on_hold().to_owned(),
        super::NOTE_CLOSED_BY_ERASURE => tr.server_note_closed_by_erasure().to_owned(),
        super::NOTE_LINK_EXPIRED => tr.server_note_link_expired().to_owned(),
        super::NOTE_CANCELLED_FROM_OLD_ADDRESS => {
            tr.server_note_cancelled_from_old_address().to_owned()
        }
        // "Deadline extended by 2 months to 2026-01-31 12:00 UTC: <reason>"
        _ => extension_note(&note)
            .map(|(months, due, reason)| tr.server_note_extended(months, due, reason))
            .unwrap_or(note),
    }
}

/// A note the portal wrote itself (no personal data), in the reader's words;
/// `None` for what a person typed.
pub(super) fn system_note(tr: crate::i18n::Tr, note: &str) -> Option<String> {
    match note {
        super::NOTE_ON_HOLD
        | super::NOTE_CLOSED_BY_ERASURE
        | super::NOTE_LINK_EXPIRED
        | super::NOTE_CANCELLED_FROM_OLD_ADDRESS => Some(note_in(tr, note.to_owned())),
        _ => None,
    }
}

/// The months, due date and reason of an extension's note.
fn extension_note(note: &str) -> Option<(u64, &str, &str)> {
    let rest = note.strip_prefix("Deadline extended by ")?;
    let (months, rest) = rest.split_once(' ')?;
    let months: u64 = months.parse().ok()?;
    let rest = rest
        .strip_prefix("months to ")
        .or_else(|| rest.strip_prefix("month to "))?;
    // The due date reads "YYYY-MM-DD HH:MM UTC" (`format_time`).
    let (due, reason) = (rest.get(..20)?, rest.get(20..)?.strip_prefix(": ")?);
    due.ends_with(" UTC").then_some((months, due, reason))
}

/// The actor's own requests, newest first.
pub async fn mine(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<PrivacyRequestView>, ServiceError> {
    of_subject(state, Viewer::from(actor)).await
}

/// `viewer`'s own requests, newest first, for a caller that already decided
/// they may be read (their page, their export).
pub(crate) async fn of_subject(
    state: &AppState,
    viewer: Viewer,
) -> Result<Vec<PrivacyRequestView>, ServiceError> {
    let rows = privacy_request::Entity::find()
        .filter(privacy_request::Column::SubjectId.eq(viewer.user_id))
        .order_by_desc(privacy_request::Column::ReceivedAt)
        .all(&state.db)
        .await?;
    views(state, rows, viewer).await
}

/// The queue: requests of every customer, soonest due first, filtered by kind
/// and status (every open request by default), with counts over all open ones (staff only).
pub async fn queue(
    state: &AppState,
    actor: &Actor,
    filter: &QueueFilter,
) -> Result<RequestQueue, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let (open, closed): (Vec<RequestStatus>, Vec<RequestStatus>) =
        RequestStatus::ALL.into_iter().partition(|s| s.is_open());
    let mut query = privacy_request::Entity::find();
    query = match filter.status.as_str() {
        "" => query.filter(privacy_request::Column::Status.is_in(open.clone())),
        "all" => query,
        "closed" => query.filter(privacy_request::Column::Status.is_in(closed)),
        other => match RequestStatus::parse(other) {
            Some(s) => query.filter(privacy_request::Column::Status.eq(s)),
            None => {
                return Err(AppError::field(
                    "status",
                    crate::server::context::tr().server_choose_status_from_list(),
                )
                .into())
            }
        },
    };
    if !filter.kind.is_empty() {
        let Some(kind) = RequestKind::parse(&filter.kind) else {
            return Err(AppError::field(
                "kind",
                crate::server::context::tr().server_choose_kind_from_list(),
            )
            .into());
        };
        query = query.filter(privacy_request::Column::Kind.eq(kind));
    }
    let rows = query
        .order_by_asc(privacy_request::Column::DueAt)
        .limit(QUEUE_LIMIT)
        .all(&state.db)
        .await?;
    let items = views(state, rows, Viewer::from(actor)).await?;
    // Counts over every open request, whatever the filter shows.
    let now = Utc::now();
    let all_open: Vec<(RequestStatus, DateTime<Utc>)> = privacy_request::Entity::find()
        .select_only()
        .column(privacy_request::Column::Status)
        .column(privacy_request::Column::DueAt)
        .filter(privacy_request::Column::Status.is_in(open))
        .into_tuple()
        .all(&state.db)
        .await?;
    let soon = now + chrono::Duration::days(7);
    let count =
        |wanted: RequestStatus| all_open.iter().filter(|(s, _)| *s == wanted).count() as u64;
    Ok(RequestQueue {
        items,
        open: all_open.len() as u64,
        overdue: all_open.iter().filter(|(_, due)| *due < now).count() as u64,
        due_soon: all_open
            .iter()
            .filter(|(_, due)| *due >= now && *due < soon)
            .count() as u64,
        on_hold: count(RequestStatus::OnHold),
        needs_attention: count(RequestStatus::NeedsAttention),
    })
}

/// One request, for staff.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<PrivacyRequestView, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let row = privacy_request::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    views(state, vec![row], Viewer::from(actor))
        .await?
        .pop()
        .ok_or_else(|| AppError::NotFound.into())
}
