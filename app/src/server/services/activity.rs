//! Reading the audit log: the admin's full view, a customer's "Activity on my
//! data", chain verification and key status.
use super::activity_reading::{action_label, ticket_of, Doer, Reading};
use super::audit_log_reading::LogReading;
use super::people::{id_by_email, people};
use crate::fields::{custom_key, Access, FieldScope, STANDARD_FIELDS};
use crate::server::paging;
use crate::{
    error::AppError,
    model::{
        limits, ActivityView, AuditAction, AuditEntryView, AuditFilter, AuditVerification,
        KeyStatus, Paged, Role,
    },
    server::{
        audit::{self, open_changes, Change, Event},
        entities::audit_event,
        policy::{self, Action, Target},
        Actor, AppState, ServiceError, Viewer,
    },
};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{prelude::*, QueryOrder};

fn label(action: &str, tr: crate::i18n::Tr) -> String {
    AuditAction::parse(action)
        .map(|a| a.label(tr).to_owned())
        .unwrap_or_else(|| action.to_owned())
}

fn parse_day(field: &str, value: &str) -> Result<Option<NaiveDate>, ServiceError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            AppError::field(field, crate::server::context::tr().server_enter_date()).into()
        })
}

fn empty<T>() -> Paged<T> {
    Paged {
        items: Vec::new(),
        page: 0,
        total_pages: 1,
        total_items: 0,
        more: false,
    }
}

/// The whole log, filtered, newest first, with decrypted values (admins only),
/// read as the audit page shows it: people by name, each entity with its page,
/// changes in words (`audit_log_reading`).
pub async fn events(
    state: &AppState,
    actor: &Actor,
    filter: &AuditFilter,
    page: u64,
) -> Result<Paged<AuditEntryView>, ServiceError> {
    policy::require(actor, Action::ViewAuditLog, Target::Nothing)?;
    let mut query = audit_event::Entity::find();
    for (email, column) in [
        (&filter.actor_email, audit_event::Column::ActorId),
        (&filter.subject_email, audit_event::Column::SubjectId),
    ] {
        if !email.trim().is_empty() {
            match id_by_email(state, email).await? {
                Some(id) => query = query.filter(column.eq(id)),
                None => return Ok(empty()),
            }
        }
    }
    if !filter.action.trim().is_empty() {
        let action = AuditAction::parse(filter.action.trim()).ok_or_else(|| {
            AppError::field(
                "action",
                crate::server::context::tr().server_unknown_action(),
            )
        })?;
        query = query.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if !filter.entity_type.trim().is_empty() {
        query = query.filter(audit_event::Column::EntityType.eq(filter.entity_type.trim()));
    }
    let from = parse_day("from", &filter.from)?;
    let to = parse_day("to", &filter.to)?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(AppError::field(
                "to",
                crate::server::context::tr().server_end_before_start(),
            )
            .into());
        }
    }
    if let Some(day) = from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        query = query.filter(audit_event::Column::OccurredAt.gte(Utc.from_utc_datetime(&day)));
    }
    if let Some(day) = to
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        query = query.filter(audit_event::Column::OccurredAt.lt(Utc.from_utc_datetime(&day)));
    }
    let query = query.order_by_desc(audit_event::Column::Seq);
    let (rows, pager) = paging::fetch(&state.db, query, page, limits::PAGE_SIZE).await?;
    let keys = state
        .vault
        .keys(rows.iter().filter_map(|e| e.subject_id))
        .await?;
    let mut opened: Vec<(audit_event::Model, Vec<Change>)> = rows
        .into_iter()
        .map(|e| {
            let changes = open_changes(e.subject_id.and_then(|id| keys.get(&id)), &e);
            (e, changes)
        })
        .collect();
    // The log shows every event, but a ticket's words only to those who may read the ticket.
    super::activity_reading::withhold_unseen(
        &state.db,
        policy::ticket_scope(actor),
        policy::can(actor, Action::ReadInternalNotes, Target::Nothing),
        &mut opened,
        None,
    )
    .await?;
    // Everyone a row names: who acted, whose data, and an account it is about.
    let people = people(
        state,
        opened.iter().flat_map(|(e, _)| {
            let account = matches!(e.entity_type.as_str(), "user" | "session")
                .then(|| Uuid::parse_str(&e.entity_id).ok())
                .flatten();
            [e.actor_id, e.subject_id, account].into_iter().flatten()
        }),
    )
    .await?;
    let log = LogReading::load(state, &Viewer::from(actor), &opened).await?;
    // An erased customer keeps a pseudonym but no address.
    let email = |p: &super::people::Person| Some(p.email.clone()).filter(|m| !m.is_empty());
    let items = opened
        .into_iter()
        .map(|(e, changes)| {
            let actor = e.actor_id.and_then(|id| people.get(&id));
            let subject = e.subject_id.and_then(|id| people.get(&id));
            let entity = log.entity(&e, &changes, &people);
            AuditEntryView {
                seq: e.seq,
                occurred_at: e.occurred_at,
                actor_id: e.actor_id.map(|id| id.to_string()),
                actor_name: actor.map(|p| p.name.clone()),
                actor_email: actor.and_then(email),
                actor_role: e.actor_role.as_deref().and_then(Role::parse),
                action_label: label(&e.action, log.tr()),
                changes: log.changes(&e, changes),
                action: e.action,
                entity_type: e.entity_type,
                entity_id: e.entity_id,
                entity_name: entity.name,
                entity_href: entity.href,
                subject_id: e.subject_id.map(|id| id.to_string()),
                subject_name: subject.map(|p| p.name.clone()),
                subject_email: subject.and_then(email),
            }
        })
        .collect();
    Ok(pager.with_items(items))
}

/// The fields hidden from a role: their values must not reach that role
/// through the activity view either.
struct HiddenFields {
    /// Labels in every language: profile and ticket field changes are
    /// recorded under the label of whoever made them.
    labels: Vec<String>,
    /// Keys of standard contact fields, as an account's creation records them.
    contact_keys: Vec<&'static str>,
}

impl HiddenFields {
    fn none() -> Self {
        HiddenFields {
            labels: Vec::new(),
            contact_keys: Vec::new(),
        }
    }

    async fn of(state: &AppState, role: crate::model::RoleRef) -> Result<Self, ServiceError> {
        let map = super::fields::access_map(&state.db).await?;
        let mut hidden = HiddenFields::none();
        for scope in [FieldScope::Contact, FieldScope::Ticket] {
            for def in super::fields::active(&state.db, scope).await? {
                if super::fields::access(&map, role, &custom_key(def.id), scope) == Access::Hidden {
                    hidden.labels.push(def.label);
                }
            }
        }
        for (key, _) in STANDARD_FIELDS {
            if super::fields::access(&map, role, key, FieldScope::Contact) == Access::Hidden {
                hidden
                    .labels
                    .extend(crate::i18n::Lang::ALL.map(|l| {
                        crate::fields::standard_label(key, crate::i18n::Tr(l)).to_owned()
                    }));
                hidden.contact_keys.push(key);
            }
        }
        Ok(hidden)
    }

    fn hides(&self, entity_type: &str, field: &str) -> bool {
        self.labels.iter().any(|l| l == field)
            || (entity_type == "user" && self.contact_keys.contains(&field))
    }
}

/// The events about the actor's own data, newest first. Staff are named with
/// their role; other customers are never named. What the help desk keeps to
/// itself stays out: internal notes, and values of fields hidden from the role.
pub async fn my_activity(
    state: &AppState,
    actor: &Actor,
    page: u64,
) -> Result<Paged<ActivityView>, ServiceError> {
    activity_page(state, actor, page, limits::PAGE_SIZE).await
}

/// One page of "Activity on my data" of any size.
pub async fn activity_page(
    state: &AppState,
    actor: &Actor,
    page: u64,
    page_size: u64,
) -> Result<Paged<ActivityView>, ServiceError> {
    policy::require(actor, Action::ViewOwnActivity, Target::Nothing)?;
    subject_activity(state, Viewer::from(actor), page, page_size).await
}

/// The events about `actor`'s own data as they see them, unchecked: for the
/// callers that already decided they may (the page above, their export).
pub(crate) async fn subject_activity(
    state: &AppState,
    actor: Viewer,
    page: u64,
    page_size: u64,
) -> Result<Paged<ActivityView>, ServiceError> {
    let hidden = if actor.role.is_staff() {
        HiddenFields::none()
    } else {
        HiddenFields::of(state, crate::server::policy::Principal::role_ref(&actor)).await?
    };
    let mut query =
        audit_event::Entity::find().filter(audit_event::Column::SubjectId.eq(actor.user_id));
    if !policy::can(&actor, Action::ReadInternalNotes, Target::Nothing) {
        query =
            query.filter(audit_event::Column::Action.ne(AuditAction::InternalNoteAdded.as_str()));
    }
    let hold_reasons = policy::can(&actor, Action::ReadLegalHoldReasons, Target::Nothing);
    let query = query.order_by_desc(audit_event::Column::Seq);
    let (rows, pager) = paging::fetch(&state.db, query, page, page_size).await?;
    let key = state.vault.key(actor.user_id).await?;
    let staff = people(
        state,
        rows.iter()
            .filter_map(|e| e.actor_id)
            .filter(|id| *id != actor.user_id),
    )
    .await?;
    let opened: Vec<(audit_event::Model, Vec<Change>)> = rows
        .into_iter()
        .map(|e| {
            let changes = open_changes(key.as_ref(), &e)
                .into_iter()
                .filter(|c| !hidden.hides(&e.entity_type, &c.field))
                // Which sealed copies a redaction re-sealed: the chain's bookkeeping.
                .filter(|c| c.field != audit::REDACTED_EVENTS)
                // A legal hold's reason is the help desk's (e.g. proceedings
                // not yet disclosed); the customer sees that a hold exists.
                .filter(|_| hold_reasons || e.action != AuditAction::LegalHoldPlaced.as_str())
                // Which team and agent work a ticket are the help desk's own
                // records (staff ids): a customer sees that it was assigned.
                .filter(|c| {
                    actor.role.is_staff()
                        || e.action != AuditAction::TicketAssigned.as_str()
                        || !matches!(c.field.as_str(), "team" | "assignee")
                })
                .collect();
            (e, changes)
        })
        .collect();
    let reading = Reading::load(
        state,
        &actor,
        opened
            .iter()
            .filter_map(|(e, changes)| ticket_of(&e.entity_type, &e.entity_id, changes)),
    )
    .await?;
    let items = opened
        .into_iter()
        .map(|(e, changes)| {
            let doer = Doer::of(
                &e.action,
                e.actor_id,
                actor.user_id,
                e.actor_id.and_then(|id| staff.get(&id)),
            );
            ActivityView {
                occurred_at: e.occurred_at,
                who: doer.who(reading.tr),
                by: doer.by(reading.tr),
                action_label: action_label(&e.action, reading.tr),
                changes: reading.changes(&e.action, &e.entity_type, &e.entity_id, changes),
                entity_type: e.entity_type,
            }
        })
        .collect();
    Ok(pager.with_items(items))
}

/// Walks the chain (admins only).
pub async fn verify(state: &AppState, actor: &Actor) -> Result<AuditVerification, ServiceError> {
    policy::require(actor, Action::ViewAuditLog, Target::Nothing)?;
    audit::verify(&state.db).await
}

/// Master keys and how many data keys each wraps (admins only).
pub async fn key_status(state: &AppState, actor: &Actor) -> Result<KeyStatus, ServiceError> {
    policy::require(actor, Action::ManageKeys, Target::Nothing)?;
    state.vault.status().await
}

/// Audits a finished master key rotation (run by an operator at the command line).
pub async fn record_rotation(
    state: &AppState,
    current: &str,
    rewrapped: u64,
    removed: &[String],
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::MasterKeyRotated, "master_key", current)
        .setting(Change::set("current_key", current))
        .setting(Change::set("data_keys_rewrapped", rewrapped.to_string()))
        .setting(Change::set("old_keys_removed", removed.join(", ")));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
