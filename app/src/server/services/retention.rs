//! Retention: how long what is kept, and the scheduled cleanup that applies it.
//!
//! - Solved and closed tickets lose their content N months after their last
//!   update: the subject, the messages, the field values and their index rows
//!   go, and the copies in the audit log are re-sealed as "[redacted]"
//!   (attested by the `ticket_anonymised` event, so the chain still verifies).
//!   With "delete" the ticket row then goes too, through the erasure job.
//! - Customer accounts unused for N months are closed at a cleanup, after a
//!   notice mailed M days before it (a sign-in keeps the account); closed
//!   accounts are erased at the next cleanup, through the erasure job.
//! - Legal holds are respected: a held customer and their tickets are skipped
//!   and named in the preview.
//! - One cleanup runs per cycle (every six months by default, down to daily)
//!   across every server on one database: `tick` claims the schedule's row
//!   with a conditional update, and a server that was down catches up at once.
//! - Backups expire on the policy's ages (see `custodian backup`).
use crate::{
    error::AppError,
    i18n::Tr,
    model::{
        ticket_reference, AuditAction, CleanupPlan, CleanupReport, DataRegion, PlannedAccount,
        PlannedTicket, RetentionNoticeView, RetentionPage, RetentionPolicy, Role, TicketStatus,
        TicketsPolicy, BACKUP_KEYS_DAYS_MAX, CLEANUP_CYCLES,
    },
    server::{
        audit::{self, Change, Event},
        blind_index,
        entities::{
            audit_event, custom_field_value, legal_hold, message, scheduled_task, session, setting,
            ticket, user,
        },
        mail::{self, MailContent},
        policy::{self, Action, Target},
        services::{erasure, profile},
        Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, Duration, Months, Utc};
use sea_orm::{
    prelude::*, sea_query::OnConflict, ActiveValue::Set, Condition, ConnectionTrait, QueryOrder,
    QuerySelect,
};
use std::collections::BTreeSet;

/// Setting: the policy, as JSON.
pub const POLICY: &str = "retention.policy";
/// The schedule's row in `scheduled_tasks`.
pub const CLEANUP_TASK: &str = "retention.cleanup";
/// How long a server may hold the cleanup before another takes it over.
const LEASE_MINUTES: i64 = 30;
/// What a removed ticket subject reads.
const ANONYMISED_SUBJECT: &str = "[anonymised]";

/// How long backups are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupAges {
    pub main_days: u32,
    pub keys_days: u32,
}

/// The policy in force: the stored one, or the defaults. A stored value that
/// does not read as a policy is refused, not guessed.
pub async fn policy(db: &impl ConnectionTrait) -> Result<RetentionPolicy, ServiceError> {
    let Some(row) = setting::Entity::find_by_id(POLICY.to_owned())
        .one(db)
        .await?
    else {
        return Ok(RetentionPolicy::default());
    };
    serde_json::from_str(&row.value).map_err(|e| {
        ServiceError::invariant(format!("setting {POLICY} is not a retention policy: {e}"))
    })
}

/// The configured backup ages (the key store's never above three months).
pub async fn backup_ages(db: &impl ConnectionTrait) -> Result<BackupAges, ServiceError> {
    let p = policy(db).await?;
    Ok(BackupAges {
        main_days: p.backup_main_days.max(1),
        keys_days: p.backup_keys_days.clamp(1, BACKUP_KEYS_DAYS_MAX),
    })
}

/// How long a data export archive can be downloaded.
pub async fn export_ttl(state: &AppState) -> Result<std::time::Duration, ServiceError> {
    Ok(match policy(&state.db).await?.export_hours {
        Some(hours) => std::time::Duration::from_secs(u64::from(hours) * 3600),
        None => state.exports.ttl,
    })
}

/// The policy for anyone signed in (customers read it on their privacy
/// page), with the export lifetime in force and the region. It names no one.
pub async fn policy_for(
    state: &AppState,
    actor: &Actor,
) -> Result<RetentionNoticeView, ServiceError> {
    policy::require(actor, Action::ViewOwnActivity, Target::Nothing)?;
    Ok(RetentionNoticeView {
        policy: policy(&state.db).await?,
        export_hours: u32::try_from(export_ttl(state).await?.as_secs() / 3600).unwrap_or(u32::MAX),
        region: region(&state.db).await?,
    })
}

/// Setting: where the data lives (`DataRegion` as JSON).
pub const REGION: &str = "region";

/// The region as the admin described it (empty until then).
pub async fn region(db: &impl ConnectionTrait) -> Result<DataRegion, ServiceError> {
    let Some(row) = setting::Entity::find_by_id(REGION.to_owned())
        .one(db)
        .await?
    else {
        return Ok(DataRegion::default());
    };
    serde_json::from_str(&row.value)
        .map_err(|e| ServiceError::invariant(format!("setting {REGION} is not a region: {e}")))
}

/// The privacy notice's link for every page's footer, visitors' too.
pub async fn notice_link(state: &AppState) -> Result<Option<String>, ServiceError> {
    Ok(Some(region(&state.db).await?.notice_url).filter(|u| !u.is_empty()))
}

/// Changes the region's label and the privacy notice link (admins), audited.
pub async fn save_region(
    state: &AppState,
    actor: &Actor,
    label: &str,
    notice_url: &str,
) -> Result<RetentionPage, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    let tr = crate::server::context::tr();
    let label = label.trim();
    if label.chars().count() > 80 || label.contains(['\n', '\r']) {
        return Err(AppError::field("label", tr.region_label_too_long()).into());
    }
    let notice_url = notice_url.trim();
    let well_formed = notice_url.is_empty()
        || ((notice_url.starts_with("https://")
            || notice_url.starts_with("http://")
            || (notice_url.starts_with('/') && !notice_url.starts_with("//")))
            && notice_url.len() <= 500
            && !notice_url.contains(char::is_whitespace));
    if !well_formed {
        return Err(AppError::field("notice_url", tr.region_notice_invalid()).into());
    }
    let new = DataRegion {
        label: label.to_owned(),
        notice_url: notice_url.to_owned(),
    };
    let txn = audit::begin(&state.db).await?;
    let old = region(&txn).await?;
    if old != new {
        setting::Entity::delete_by_id(REGION.to_owned())
            .exec(&txn)
            .await?;
        setting::ActiveModel {
            key: Set(REGION.to_owned()),
            value: Set(serde_json::to_string(&new)?),
        }
        .insert(&txn)
        .await?;
        let mut event = Event::new(AuditAction::SettingChanged, "setting", REGION).by(actor);
        if old.label != new.label {
            event = event.setting(Change::changed("region", old.label, new.label.clone()));
        }
        if old.notice_url != new.notice_url {
            event = event.setting(Change::changed(
                "privacy_notice",
                old.notice_url,
                new.notice_url.clone(),
            ));
        }
        audit::append(&txn, event, None).await?;
    }
    txn.commit().await?;
    page(state, actor).await
}

/// The settings page: the policy, the last cleanup and what the next will do.
pub async fn page(state: &AppState, actor: &Actor) -> Result<RetentionPage, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    let p = policy(&state.db).await?;
    let (next_run, task) = next_run(&state.db, &p, Utc::now()).await?;
    let mut plan = plan(state, &p, next_run, Utc::now()).await?;
    // Who the accounts are is for those who may see customers' details.
    if !policy::can(actor, Action::ViewCustomerDetails, Target::Nothing) {
        let withheld = crate::server::services::fields::WITHHELD;
        for a in plan
            .close
            .iter_mut()
            .chain(&mut plan.purge)
            .chain(&mut plan.held)
        {
            a.email = withheld.to_owned();
        }
    }
    Ok(RetentionPage {
        plan,
        policy: p,
        region: region(&state.db).await?,
        database_location: state.locations.database.clone(),
        keystore_location: state.locations.keystore.clone(),
        default_export_hours: u32::try_from(state.exports.ttl.as_secs() / 3600).unwrap_or(u32::MAX),
        last_run_at: task.as_ref().and_then(|t| t.last_run_at),
        last_result: task.and_then(|t| t.last_result),
    })
}

/// The form as typed: numbers as text, so a wrong one gets its own message.
#[derive(Clone, Debug, Default)]
pub struct PolicyForm {
    pub tickets_after_months: String,
    pub tickets_action: String,
    pub inactive_after_months: String,
    pub notice_days: String,
    pub purge_closed: bool,
    pub export_hours: String,
    pub cycle_days: String,
    pub backup_main_days: String,
    pub backup_keys_days: String,
}

/// Checks the form; each wrong field gets its own message.
pub fn validate(form: &PolicyForm, tr: Tr) -> Result<RetentionPolicy, AppError> {
    fn number(
        field: &'static str,
        text: &str,
        range: std::ops::RangeInclusive<u32>,
        tr: Tr,
    ) -> Result<u32, AppError> {
        let label = match field {
            "tickets_after_months" => tr.retention_tickets_after(),
            "inactive_after_months" => tr.retention_inactive_after(),
            "notice_days" => tr.retention_notice_days(),
            "cycle_days" => tr.retention_cycle(),
            "backup_main_days" => tr.retention_backup_main_days(),
            "backup_keys_days" => tr.retention_backup_keys_days(),
            _ => tr.retention_exports_legend(),
        };
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                AppError::field(
                    field,
                    tr.retention_number_between(label, *range.start(), *range.end()),
                )
            })
    }
    let tickets_action = TicketsPolicy::parse(form.tickets_action.trim()).ok_or_else(|| {
        AppError::field(
            "tickets_action",
            tr.server_choose_tickets_policy().to_owned(),
        )
    })?;
    let cycle_days = number("cycle_days", &form.cycle_days, 1..=365, tr)?;
    if !CLEANUP_CYCLES.contains(&cycle_days) {
        return Err(AppError::field(
            "cycle_days",
            tr.retention_choose_cycle().to_owned(),
        ));
    }
    let export_hours = match form.export_hours.trim() {
        "" => None,
        text => Some(number("export_hours", text, 1..=720, tr)?),
    };
    let policy = RetentionPolicy {
        tickets_after_months: number(
            "tickets_after_months",
            &form.tickets_after_months,
            0..=240,
            tr,
        )?,
        tickets_action,
        inactive_after_months: number(
            "inactive_after_months",
            &form.inactive_after_months,
            0..=240,
            tr,
        )?,
        notice_days: number("notice_days", &form.notice_days, 1..=90, tr)?,
        purge_closed: form.purge_closed,
        export_hours,
        cycle_days,
        backup_main_days: number("backup_main_days", &form.backup_main_days, 1..=3650, tr)?,
        backup_keys_days: number(
            "backup_keys_days",
            &form.backup_keys_days,
            1..=BACKUP_KEYS_DAYS_MAX,
            tr,
        )?,
    };
    // A notice must go out before the account could be closed.
    if policy.inactive_after_months > 0
        && i64::from(policy.notice_days) >= i64::from(policy.inactive_after_months) * 28
    {
        return Err(AppError::field(
            "notice_days",
            tr.retention_notice_shorter().to_owned(),
        ));
    }
    Ok(policy)
}

/// Saves the policy (admins), audited field by field; a new cycle moves the next cleanup.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    form: &PolicyForm,
) -> Result<RetentionPage, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    let new = validate(form, crate::server::context::tr())?;
    let txn = audit::begin(&state.db).await?;
    let old = policy(&txn).await?;
    if old != new {
        setting::Entity::delete_by_id(POLICY.to_owned())
            .exec(&txn)
            .await?;
        setting::ActiveModel {
            key: Set(POLICY.to_owned()),
            value: Set(serde_json::to_string(&new)?),
        }
        .insert(&txn)
        .await?;
        let mut event = Event::new(AuditAction::SettingChanged, "setting", POLICY).by(actor);
        for (field, before, after) in differences(&old, &new) {
            event = event.setting(Change::changed(field, before, after));
        }
        audit::append(&txn, event, None).await?;
        if old.cycle_days != new.cycle_days {
            let now = Utc::now();
            let task = schedule(&txn, &old, now).await?;
            let from = task.last_run_at.unwrap_or(now);
            scheduled_task::Entity::update_many()
                .col_expr(
                    scheduled_task::Column::NextRunAt,
                    Expr::value(from + Duration::days(new.cycle_days.into())),
                )
                .filter(scheduled_task::Column::Name.eq(CLEANUP_TASK))
                .exec(&txn)
                .await?;
        }
    }
    txn.commit().await?;
    page(state, actor).await
}

fn differences(
    old: &RetentionPolicy,
    new: &RetentionPolicy,
) -> Vec<(&'static str, String, String)> {
    let hours = |h: Option<u32>| h.map(|h| h.to_string()).unwrap_or_else(|| "default".into());
    let pairs = [
        (
            "tickets_after_months",
            old.tickets_after_months.to_string(),
            new.tickets_after_months.to_string(),
        ),
        (
            "tickets_action",
            old.tickets_action.as_str().to_owned(),
            new.tickets_action.as_str().to_owned(),
        ),
        (
            "inactive_after_months",
            old.inactive_after_months.to_string(),
            new.inactive_after_months.to_string(),
        ),
        (
            "notice_days",
            old.notice_days.to_string(),
            new.notice_days.to_string(),
        ),
        (
            "purge_closed",
            old.purge_closed.to_string(),
            new.purge_closed.to_string(),
        ),
        (
            "export_hours",
            hours(old.export_hours),
            hours(new.export_hours),
        ),
        (
            "cycle_days",
            old.cycle_days.to_string(),
            new.cycle_days.to_string(),
        ),
        (
            "backup_main_days",
            old.backup_main_days.to_string(),
            new.backup_main_days.to_string(),
        ),
        (
            "backup_keys_days",
            old.backup_keys_days.to_string(),
            new.backup_keys_days.to_string(),
        ),
    ];
    pairs.into_iter().filter(|(_, a, b)| a != b).collect()
}

/// When the next cleanup runs, read without writing (a page or a dry run
/// must not make the schedule row: the scheduler makes it at start-up).
/// Returns the row too, when there is one.
async fn next_run(
    db: &impl ConnectionTrait,
    p: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, Option<scheduled_task::Model>), ServiceError> {
    let task = scheduled_task::Entity::find_by_id(CLEANUP_TASK.to_owned())
        .one(db)
        .await?;
    let next = match &task {
        Some(task) => task.next_run_at,
        None => now + Duration::days(p.cycle_days.into()),
    };
    Ok((next, task))
}

/// The cleanup's schedule row, made on first use (the first cleanup one
/// cycle from then).
async fn schedule(
    db: &impl ConnectionTrait,
    p: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Result<scheduled_task::Model, ServiceError> {
    if let Some(task) = scheduled_task::Entity::find_by_id(CLEANUP_TASK.to_owned())
        .one(db)
        .await?
    {
        return Ok(task);
    }
    let row = scheduled_task::ActiveModel {
        name: Set(CLEANUP_TASK.to_owned()),
        next_run_at: Set(now + Duration::days(p.cycle_days.into())),
        lease_until: Set(now),
        last_run_at: Set(None),
        last_result: Set(None),
    };
    // Two servers starting at once: the second finds the first's row.
    scheduled_task::Entity::insert(row)
        .on_conflict(
            OnConflict::column(scheduled_task::Column::Name)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    scheduled_task::Entity::find_by_id(CLEANUP_TASK.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::invariant("the cleanup's schedule row vanished"))
}

/// Customers under an active legal hold.
async fn held_subjects(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<BTreeSet<Uuid>, ServiceError> {
    Ok(legal_hold::Entity::find()
        .filter(legal_hold::Column::LiftedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .filter(|h| h.until.is_none_or(|u| u > now))
        .map(|h| h.subject_id)
        .collect())
}

fn months_before(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_sub_months(Months::new(months)).unwrap_or(at)
}

/// Tickets whose content the cleanup at `at` removes (held customers' left out).
fn due_tickets(
    p: &RetentionPolicy,
    at: DateTime<Utc>,
    held: &BTreeSet<Uuid>,
) -> Option<Select<ticket::Entity>> {
    if p.tickets_after_months == 0 {
        return None;
    }
    Some(
        ticket::Entity::find()
            .filter(ticket::Column::Status.is_in([TicketStatus::Solved, TicketStatus::Closed]))
            .filter(ticket::Column::AnonymisedAt.is_null())
            .filter(ticket::Column::UpdatedAt.lt(months_before(at, p.tickets_after_months)))
            .filter(ticket::Column::CustomerId.is_not_in(held.iter().copied()))
            .order_by_asc(ticket::Column::UpdatedAt)
            .order_by_asc(ticket::Column::Id),
    )
}

/// Customer accounts unused since before the cutoff for a cleanup at `at`.
fn unused_accounts(p: &RetentionPolicy, at: DateTime<Utc>) -> Option<Select<user::Entity>> {
    if p.inactive_after_months == 0 {
        return None;
    }
    let cutoff = months_before(at, p.inactive_after_months);
    Some(
        user::Entity::find()
            .filter(user::Column::Role.eq(Role::Customer))
            .filter(user::Column::ErasedAt.is_null())
            .filter(user::Column::ClosedAt.is_null())
            .filter(user::Column::DisabledAt.is_null())
            .filter(
                Condition::any()
                    .add(user::Column::LastActiveAt.lt(cutoff))
                    .add(
                        Condition::all()
                            .add(user::Column::LastActiveAt.is_null())
                            .add(user::Column::CreatedAt.lt(cutoff)),
                    ),
            ),
    )
}

/// A notice counts when it went out after the last activity and at least the
/// notice days before `at`.
fn noticed_in_time(u: &user::Model, p: &RetentionPolicy, at: DateTime<Utc>) -> bool {
    u.closure_notice_at.is_some_and(|n| {
        n + Duration::days(p.notice_days.into()) <= at
            && u.last_active_at.is_none_or(|active| n >= active)
    })
}

/// Closed accounts the cleanup at `at` erases.
fn closed_accounts(p: &RetentionPolicy, before: DateTime<Utc>) -> Option<Select<user::Entity>> {
    p.purge_closed.then(|| {
        user::Entity::find()
            .filter(user::Column::Role.eq(Role::Customer))
            .filter(user::Column::ErasedAt.is_null())
            .filter(user::Column::ClosedAt.lt(before))
            .order_by_asc(user::Column::ClosedAt)
            .order_by_asc(user::Column::Id)
    })
}

fn planned(u: &user::Model) -> PlannedAccount {
    PlannedAccount {
        id: u.id,
        email: u.email.clone(),
        last_active_at: u.last_active_at,
    }
}

/// What the cleanup at `at` will do, as things stand `now`.
pub async fn plan(
    state: &AppState,
    p: &RetentionPolicy,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<CleanupPlan, ServiceError> {
    let db = &state.db;
    let held = held_subjects(db, at.max(now)).await?;
    let listed = CleanupPlan::LISTED as u64;
    let mut plan = CleanupPlan {
        date: at,
        ..CleanupPlan::default()
    };
    let mut held_affected: BTreeSet<Uuid> = BTreeSet::new();
    if let Some(query) = due_tickets(p, at, &held) {
        plan.tickets_total = query.clone().count(db).await?;
        plan.tickets = query
            .limit(listed)
            .all(db)
            .await?
            .into_iter()
            .map(|t| PlannedTicket {
                id: t.id,
                reference: ticket_reference(&t.id),
                updated_at: t.updated_at,
            })
            .collect();
        if let Some(query) = due_tickets(p, at, &BTreeSet::new()) {
            let held_ids: Vec<Uuid> = held.iter().copied().collect();
            let held_tickets: Vec<Uuid> = query
                .filter(ticket::Column::CustomerId.is_in(held_ids))
                .select_only()
                .column(ticket::Column::CustomerId)
                .into_tuple()
                .all(db)
                .await?;
            held_affected.extend(held_tickets);
        }
    }
    if let Some(query) = unused_accounts(p, at) {
        plan.notices_on = Some(at - Duration::days(p.notice_days.into()));
        let in_time = |u: &user::Model| {
            noticed_in_time(u, p, at)
                || (u
                    .closure_notice_at
                    .is_none_or(|n| u.last_active_at.is_some_and(|a| a > n))
                    && at - Duration::days(p.notice_days.into()) >= now)
        };
        // Pages of rows by id: the notice test is not a query.
        let mut after: Option<Uuid> = None;
        loop {
            let mut page = query.clone().order_by_asc(user::Column::Id).limit(1000);
            if let Some(id) = after {
                page = page.filter(user::Column::Id.gt(id));
            }
            let rows = page.all(db).await?;
            let Some(last) = rows.last() else { break };
            after = Some(last.id);
            for u in &rows {
                if held.contains(&u.id) {
                    held_affected.insert(u.id);
                } else if in_time(u) {
                    plan.close_total += 1;
                    if plan.close.len() < CleanupPlan::LISTED {
                        plan.close.push(planned(u));
                    }
                } else {
                    plan.close_later += 1;
                }
            }
            if rows.len() < 1000 {
                break;
            }
        }
    }
    if let Some(query) = closed_accounts(p, at) {
        for u in query.all(db).await? {
            if held.contains(&u.id) {
                held_affected.insert(u.id);
                continue;
            }
            plan.purge_total += 1;
            if plan.purge.len() < CleanupPlan::LISTED {
                plan.purge.push(planned(&u));
            }
        }
    }
    if !held_affected.is_empty() {
        plan.held = user::Entity::find()
            .filter(user::Column::Id.is_in(held_affected))
            .all(db)
            .await?
            .iter()
            .map(planned)
            .collect();
    }
    Ok(plan)
}

/// One turn of the scheduler (each server, every minute): closure notices
/// that are due go out, and when the cleanup is due and this server wins its
/// lease, it runs. Returns the cleanup's report when it ran here.
pub async fn tick(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Option<CleanupReport>, ServiceError> {
    let p = policy(&state.db).await?;
    let task = schedule(&state.db, &p, now).await?;
    send_notices(state, &p, task.next_run_at, now).await?;
    if !claim(state, now, true).await? {
        return Ok(None);
    }
    finish_turn(state, &p, &task, now).await.map(Some)
}

/// Runs the cleanup now, whatever the schedule says (`custodian retention
/// run`); the next one is a cycle from now. `None` when another server is
/// running it at this moment.
pub async fn run_now(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Option<CleanupReport>, ServiceError> {
    let p = policy(&state.db).await?;
    let task = schedule(&state.db, &p, now).await?;
    if !claim(state, now, false).await? {
        return Ok(None);
    }
    finish_turn(state, &p, &task, now).await.map(Some)
}

/// Takes the cleanup's lease (when due, if `due_only`); whether this server won it.
async fn claim(state: &AppState, now: DateTime<Utc>, due_only: bool) -> Result<bool, ServiceError> {
    let mut update = scheduled_task::Entity::update_many()
        .col_expr(
            scheduled_task::Column::LeaseUntil,
            Expr::value(now + Duration::minutes(LEASE_MINUTES)),
        )
        .filter(scheduled_task::Column::Name.eq(CLEANUP_TASK))
        .filter(scheduled_task::Column::LeaseUntil.lte(now));
    if due_only {
        update = update.filter(scheduled_task::Column::NextRunAt.lte(now));
    }
    Ok(update.exec(&state.db).await?.rows_affected == 1)
}

/// Runs the cleanup under the won lease and records the turn.
async fn finish_turn(
    state: &AppState,
    p: &RetentionPolicy,
    task: &scheduled_task::Model,
    now: DateTime<Utc>,
) -> Result<CleanupReport, ServiceError> {
    let result = run_cleanup(state, p, now).await;
    let (next, summary) = match &result {
        Ok(report) => (
            now + Duration::days(p.cycle_days.into()),
            serde_json::to_string(report)?,
        ),
        // Due still: the next tick (a minute on) tries again.
        Err(e) => (task.next_run_at, format!("failed: {}", e.chain())),
    };
    scheduled_task::Entity::update_many()
        .col_expr(scheduled_task::Column::NextRunAt, Expr::value(next))
        .col_expr(scheduled_task::Column::LastRunAt, Expr::value(now))
        .col_expr(scheduled_task::Column::LastResult, Expr::value(summary))
        .col_expr(scheduled_task::Column::LeaseUntil, Expr::value(now))
        .filter(scheduled_task::Column::Name.eq(CLEANUP_TASK))
        .exec(&state.db)
        .await?;
    result
}

/// What a cleanup run now would do (`custodian retention run --dry-run`).
pub async fn dry_run(state: &AppState, now: DateTime<Utc>) -> Result<CleanupPlan, ServiceError> {
    let p = policy(&state.db).await?;
    plan(state, &p, now, now).await
}

/// The policy and the next cleanup's date, for the command line.
pub async fn next_cleanup(
    state: &AppState,
) -> Result<(RetentionPolicy, DateTime<Utc>), ServiceError> {
    let p = policy(&state.db).await?;
    let (next, _) = next_run(&state.db, &p, Utc::now()).await?;
    Ok((p, next))
}

/// A notice sent before a later sign-in: it no longer applies.
fn notice_before_activity() -> Expr {
    use sea_orm::sea_query::ExprTrait as _;
    Expr::col(user::Column::ClosureNoticeAt).lt(Expr::col(user::Column::LastActiveAt))
}

/// Mails the closure notice to each unused account that the cleanup at
/// `next` will close, once the notice days before it have begun. Each
/// account's notice is claimed with a conditional update: sent once.
pub async fn send_notices(
    state: &AppState,
    p: &RetentionPolicy,
    next: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    let Some(query) = unused_accounts(p, next) else {
        return Ok(0);
    };
    if now < next - Duration::days(p.notice_days.into()) {
        return Ok(0);
    }
    let held = held_subjects(&state.db, now).await?;
    let mut sent = 0;
    // Notice pending: none yet, or one from before a later sign-in.
    let pending = query.filter(
        Condition::any()
            .add(user::Column::ClosureNoticeAt.is_null())
            .add(notice_before_activity()),
    );
    for u in pending.limit(500).all(&state.db).await? {
        if held.contains(&u.id) {
            continue;
        }
        let Some(key) = state.vault.key(u.id).await? else {
            continue;
        };
        let txn = audit::begin(&state.db).await?;
        let claimed = user::Entity::update_many()
            .col_expr(user::Column::ClosureNoticeAt, Expr::value(now))
            .filter(user::Column::Id.eq(u.id))
            .filter(
                Condition::any()
                    .add(user::Column::ClosureNoticeAt.is_null())
                    .add(notice_before_activity()),
            )
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed == 0 {
            continue;
        }
        let tr = Tr(profile::preferred_locale(Some(&key), &u)
            .language
            .unwrap_or_default());
        // The closure happens at the first cleanup the notice days after now.
        let closing = next.max(now + Duration::days(p.notice_days.into()));
        let since = u.last_active_at.unwrap_or(u.created_at);
        let content = MailContent {
            subject: tr.retention_notice_mail_subject().into(),
            body: tr.retention_notice_mail_body(
                p.inactive_after_months.into(),
                since.format("%Y-%m-%d").to_string(),
                closing.format("%Y-%m-%d").to_string(),
                state.mail.public_url.clone(),
            ),
        };
        mail::queue_audited(&txn, state, &key, u.id, &u.email, &content).await?;
        let event = Event::new(AuditAction::ClosureNoticeSent, "user", u.id)
            .about(u.id)
            .setting(Change::set(
                "closing_on",
                closing.format("%Y-%m-%d").to_string(),
            ));
        audit::append(&txn, event, None).await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

/// Runs the cleanup now: erases accounts closed at earlier cleanups, closes
/// unused accounts that were told in time, and removes due tickets' content.
/// Audited as a whole with its counts; each step has its own events.
pub async fn run_cleanup(
    state: &AppState,
    p: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Result<CleanupReport, ServiceError> {
    let db = &state.db;
    let held = held_subjects(db, now).await?;
    let mut report = CleanupReport::default();
    let mut skipped: BTreeSet<Uuid> = BTreeSet::new();
    if let Some(query) = closed_accounts(p, now) {
        for u in query.all(db).await? {
            if held.contains(&u.id) {
                skipped.insert(u.id);
                continue;
            }
            let txn = audit::begin(db).await?;
            if erasure::purge_closed(state, &txn, &u).await?.is_some() {
                report.accounts_purged += 1;
            }
            txn.commit().await?;
        }
    }
    if let Some(query) = unused_accounts(p, now) {
        for u in query.all(db).await? {
            if held.contains(&u.id) {
                skipped.insert(u.id);
                continue;
            }
            if noticed_in_time(&u, p, now) && close_account(state, &u, p).await? {
                report.accounts_closed += 1;
            }
        }
    }
    if let Some(query) = due_tickets(p, now, &held) {
        for t in query.all(db).await? {
            if anonymise_ticket(state, &t, p).await? {
                match p.tickets_action {
                    TicketsPolicy::Anonymise => report.tickets_anonymised += 1,
                    TicketsPolicy::Delete => report.tickets_deleted += 1,
                }
            }
        }
    }
    report.held_skipped = skipped.len() as u64;
    let txn = audit::begin(db).await?;
    let event = Event::new(AuditAction::RetentionCleanup, "retention", CLEANUP_TASK)
        .setting(Change::set(
            "tickets_anonymised",
            report.tickets_anonymised.to_string(),
        ))
        .setting(Change::set(
            "tickets_deleted",
            report.tickets_deleted.to_string(),
        ))
        .setting(Change::set(
            "accounts_closed",
            report.accounts_closed.to_string(),
        ))
        .setting(Change::set(
            "accounts_purged",
            report.accounts_purged.to_string(),
        ))
        .setting(Change::set("held_skipped", report.held_skipped.to_string()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(report)
}

/// Closes one account (sign-in and sessions end), if it is still unused
/// since its notice.
async fn close_account(
    state: &AppState,
    u: &user::Model,
    p: &RetentionPolicy,
) -> Result<bool, ServiceError> {
    let now = Utc::now();
    let txn = audit::begin(&state.db).await?;
    let mut still_unused = Condition::all()
        .add(user::Column::Id.eq(u.id))
        .add(user::Column::ClosedAt.is_null())
        .add(user::Column::ErasedAt.is_null());
    still_unused = match u.last_active_at {
        Some(at) => still_unused.add(user::Column::LastActiveAt.eq(at)),
        None => still_unused.add(user::Column::LastActiveAt.is_null()),
    };
    let closed = user::Entity::update_many()
        .col_expr(user::Column::ClosedAt, Expr::value(now))
        .col_expr(user::Column::DisabledAt, Expr::value(now))
        .filter(still_unused)
        .exec(&txn)
        .await?
        .rows_affected;
    if closed == 0 {
        return Ok(false);
    }
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(u.id))
        .exec(&txn)
        .await?;
    let event = Event::new(AuditAction::AccountClosed, "user", u.id)
        .about(u.id)
        .setting(Change::set(
            "unused_months",
            p.inactive_after_months.to_string(),
        ))
        .setting(Change::set(
            "last_active",
            u.last_active_at.unwrap_or(u.created_at).to_rfc3339(),
        ));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(true)
}

/// Removes a due ticket's content in one audited transaction: its messages,
/// field values and index rows go, its subject becomes "[anonymised]", and
/// the audit log's copies of that text are re-sealed as "[redacted]". With
/// the "delete" policy, an erasure job then removes the ticket itself.
async fn anonymise_ticket(
    state: &AppState,
    t: &ticket::Model,
    p: &RetentionPolicy,
) -> Result<bool, ServiceError> {
    let txn = audit::begin(&state.db).await?;
    // Still due: not touched since it was listed.
    let Some(t) = ticket::Entity::find_by_id(t.id)
        .filter(ticket::Column::AnonymisedAt.is_null())
        .filter(ticket::Column::UpdatedAt.eq(t.updated_at))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    let messages = message::Entity::find()
        .filter(message::Column::TicketId.eq(t.id))
        .all(&txn)
        .await?;
    let key = state.vault.key(t.customer_id).await?;
    let mut resealed = Vec::new();
    if let Some(key) = &key {
        let mut texts: Vec<String> = Vec::new();
        if let Ok(subject) = key.open_string(ticket::SUBJECT.at(&t.id), &t.subject) {
            texts.push(subject);
        }
        for m in &messages {
            if let Ok(body) = key.open_string(message::BODY.at(&m.id), &m.body) {
                texts.push(body);
            }
        }
        let message_ids: Vec<String> = messages.iter().map(|m| m.id.to_string()).collect();
        let copies = audit_event::Entity::find()
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(audit_event::Column::EntityType.eq("ticket"))
                            .add(audit_event::Column::EntityId.eq(t.id.to_string())),
                    )
                    .add(
                        Condition::all()
                            .add(audit_event::Column::EntityType.eq("message"))
                            .add(audit_event::Column::EntityId.is_in(message_ids)),
                    ),
            )
            .all(&txn)
            .await?;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        resealed = audit::redact_value(&txn, key, copies, &texts).await?;
    }
    custom_field_value::Entity::delete_many()
        .filter(custom_field_value::Column::EntityId.eq(t.id))
        .exec(&txn)
        .await?;
    blind_index::forget_tickets(&txn, &[t.id]).await?;
    let removed = message::Entity::delete_many()
        .filter(message::Column::TicketId.eq(t.id))
        .exec(&txn)
        .await?
        .rows_affected;
    let mut update = ticket::Entity::update_many()
        .col_expr(ticket::Column::AnonymisedAt, Expr::value(Utc::now()))
        .filter(ticket::Column::Id.eq(t.id));
    if let Some(key) = &key {
        update = update.col_expr(
            ticket::Column::Subject,
            Expr::value(key.seal_str(ticket::SUBJECT.at(&t.id), ANONYMISED_SUBJECT)),
        );
    }
    update.exec(&txn).await?;
    let event = Event::new(AuditAction::TicketAnonymised, "ticket", t.id)
        .about(t.customer_id)
        .setting(Change::set(
            "after_months",
            p.tickets_after_months.to_string(),
        ))
        .setting(Change::set("messages_removed", removed.to_string()))
        .setting(Change::set(audit::REDACTED_EVENTS, resealed.join(",")));
    audit::append(&txn, event, None).await?;
    if p.tickets_action == TicketsPolicy::Delete {
        erasure::delete_ticket_for_retention(&txn, &t).await?;
    }
    txn.commit().await?;
    Ok(true)
}
