//! The retention policy and its cleanup, on SQLite and PostgreSQL: admins set
//! it (audited, each bad value refused with its own message), the preview
//! and the dry run list what the next cleanup will do and change nothing, due
//! tickets lose their content (audit copies re-sealed, the chain verifies),
//! unused accounts get a notice, are closed at the next cleanup unless their
//! owner signs in, and are erased at the one after; legal holds are
//! respected; the scheduler runs one cleanup per turn across servers and
//! catches up after downtime.
#![allow(clippy::unwrap_used)]
use crate::common;

use app::{
    error::AppError,
    model::{AuditAction, Permission, Role, RoleRef, TicketStatus},
    server::{
        audit,
        entities::{audit_event, message, scheduled_task, ticket, user},
        services::{legal_holds, retention, roles, sessions, tickets},
        Actor, AppState, ServiceError,
    },
};
use chrono::{Duration, Months, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

const SECRET: &str = "my locker code is 4711-SECRET";

fn form(tickets: &str, inactive: &str, notice: &str) -> retention::PolicyForm {
    retention::PolicyForm {
        tickets_after_months: tickets.into(),
        tickets_action: "anonymise".into(),
        inactive_after_months: inactive.into(),
        notice_days: notice.into(),
        purge_closed: true,
        export_hours: String::new(),
        cycle_days: "182".into(),
        backup_main_days: "180".into(),
        backup_keys_days: "90".into(),
    }
}

fn field_error(e: ServiceError) -> (String, String) {
    match e {
        ServiceError::User(AppError::Validation { field, message }) => (field, message),
        other => panic!("expected a field error, got {other:?}"),
    }
}

async fn solved_long_ago(state: &AppState, customer: &Actor, months: u32) -> Uuid {
    let id = tickets::open(state, customer, "Locker", SECRET, &[])
        .await
        .unwrap();
    let then = Utc::now().checked_sub_months(Months::new(months)).unwrap();
    ticket::Entity::update_many()
        .col_expr(ticket::Column::Status, Expr::value(TicketStatus::Solved))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(then))
        .filter(ticket::Column::Id.eq(id))
        .exec(&state.db)
        .await
        .unwrap();
    id
}

async fn unused_since(state: &AppState, who: Uuid, months: u32) {
    let then = Utc::now().checked_sub_months(Months::new(months)).unwrap();
    user::Entity::update_many()
        .col_expr(user::Column::LastActiveAt, Expr::value(then))
        .filter(user::Column::Id.eq(who))
        .exec(&state.db)
        .await
        .unwrap();
}

async fn events(state: &AppState, action: AuditAction) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action.as_str()))
        .count(&state.db)
        .await
        .unwrap()
}

async fn row(state: &AppState, id: Uuid) -> user::Model {
    user::Entity::find_by_id(id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn admins_set_the_policy_and_each_bad_value_gets_its_own_message() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin.ret@example.org", Role::Admin).await;
    let agent = common::staff(&state, "agent.ret@example.org", Role::Agent).await;
    let customer = common::customer(&state, "Cora Customer", "cora.ret@example.org").await;
    assert!(retention::save(&state, &agent, &form("12", "0", "30"))
        .await
        .is_err());
    assert!(retention::page(&state, &customer).await.is_err());
    for (bad, field) in [
        (form("x", "0", "30"), "tickets_after_months"),
        (form("12", "-1", "30"), "inactive_after_months"),
        (form("12", "1", "30"), "notice_days"),
        (
            retention::PolicyForm {
                cycle_days: "2".into(),
                ..form("12", "0", "30")
            },
            "cycle_days",
        ),
        (
            retention::PolicyForm {
                backup_keys_days: "91".into(),
                ..form("12", "0", "30")
            },
            "backup_keys_days",
        ),
        (
            retention::PolicyForm {
                tickets_action: "shred".into(),
                ..form("12", "0", "30")
            },
            "tickets_action",
        ),
    ] {
        let (got, message) = field_error(retention::save(&state, &admin, &bad).await.unwrap_err());
        assert_eq!(got, field, "{message}");
        assert!(!message.is_empty());
    }
    // Nothing was stored by the refusals.
    assert_eq!(
        retention::policy(&state.db).await.unwrap(),
        Default::default()
    );
    let page = retention::save(&state, &admin, &form("12", "24", "30"))
        .await
        .unwrap();
    assert_eq!(page.policy.tickets_after_months, 12);
    assert_eq!(page.policy.inactive_after_months, 24);
    assert_eq!(events(&state, AuditAction::SettingChanged).await, 1);
    // Customers read it (how long their data is kept).
    let notice = retention::policy_for(&state, &customer).await.unwrap();
    assert_eq!(notice.policy.tickets_after_months, 12);
    assert_eq!(notice.export_hours, 24);
    assert_eq!(notice.region.label, "");
}

#[tokio::test]
async fn admins_say_where_the_data_lives_and_everyone_gets_the_privacy_notice_link() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin.region@example.org", Role::Admin).await;
    let agent = common::staff(&state, "agent.region@example.org", Role::Agent).await;
    let customer = common::customer(&state, "Rex Region", "rex.region@example.org").await;
    assert!(retention::notice_link(&state).await.unwrap().is_none());
    assert!(retention::save_region(&state, &agent, "EU", "")
        .await
        .is_err());
    for (label, url, field) in [
        ("EU\nFrankfurt", "", "label"),
        (&*"x".repeat(81), "", "label"),
        ("EU", "javascript:alert(1)", "notice_url"),
        ("EU", "//evil.example/notice", "notice_url"),
        ("EU", "https://example.org/a notice", "notice_url"),
    ] {
        let (got, _) = field_error(
            retention::save_region(&state, &admin, label, url)
                .await
                .unwrap_err(),
        );
        assert_eq!(got, field, "{label:?} {url:?}");
    }
    let page = retention::save_region(&state, &admin, " EU — Frankfurt ", "/privacy-notice")
        .await
        .unwrap();
    assert_eq!(page.region.label, "EU — Frankfurt");
    assert_eq!(
        retention::notice_link(&state).await.unwrap().as_deref(),
        Some("/privacy-notice")
    );
    let notice = retention::policy_for(&state, &customer).await.unwrap();
    assert_eq!(notice.region.label, "EU — Frankfurt");
    assert_eq!(events(&state, AuditAction::SettingChanged).await, 1);
}

#[tokio::test]
async fn due_tickets_lose_their_content_and_held_customers_are_skipped_and_named() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin.tix@example.org", Role::Admin).await;
    let agent = common::staff(&state, "agent.tix@example.org", Role::Agent).await;
    let ada = common::customer(&state, "Ada Retention", "ada.ret@example.org").await;
    let held = common::customer(&state, "Hal Held", "hal.held@example.org").await;
    let old = solved_long_ago(&state, &ada, 13).await;
    let recent = solved_long_ago(&state, &ada, 2).await;
    let open = tickets::open(&state, &ada, "Still open", "fresh", &[])
        .await
        .unwrap();
    let held_ticket = solved_long_ago(&state, &held, 13).await;
    legal_holds::place_hold(&state, &agent, held.user_id, "litigation", "")
        .await
        .unwrap();
    retention::save(&state, &admin, &form("12", "0", "30"))
        .await
        .unwrap();

    let plan = retention::dry_run(&state, Utc::now()).await.unwrap();
    assert_eq!(plan.tickets_total, 1);
    assert_eq!(plan.tickets[0].id, old);
    assert_eq!(plan.held.len(), 1);
    assert_eq!(plan.held[0].email, "hal.held@example.org");
    // The settings page names the held customer to whoever may see customers' details only.
    let page = retention::page(&state, &admin).await.unwrap();
    assert_eq!(page.plan.held[0].email, "hal.held@example.org");
    let clerk = common::staff(&state, "clerk.tix@example.org", Role::Agent).await;
    let input = roles::RoleInput::validated(
        "Settings clerk",
        &[Permission::ManageSettings.as_str().to_owned()],
        "assigned",
    )
    .unwrap();
    let role = roles::save(&state, &admin, None, input).await.unwrap();
    roles::set_staff_role(&state, &admin, clerk.user_id, RoleRef::Custom(role))
        .await
        .unwrap();
    let token = sessions::create(
        &state.db,
        clerk.user_id,
        &sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    let clerk = sessions::resolve(&state.db, &token, &state.security, Utc::now())
        .await
        .unwrap()
        .unwrap();
    let page = retention::page(&state, &clerk).await.unwrap();
    assert_eq!(page.plan.held[0].email, "[withheld]");
    // The dry run changed nothing.
    assert_eq!(
        message::Entity::find()
            .filter(message::Column::TicketId.eq(old))
            .count(&state.db)
            .await
            .unwrap(),
        1
    );

    let report = retention::run_now(&state, Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(report.tickets_anonymised, 1);
    let key = state.vault.key(ada.user_id).await.unwrap().unwrap();
    let t = ticket::Entity::find_by_id(old)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(t.anonymised_at.is_some());
    assert_eq!(
        key.open_string(ticket::SUBJECT.at(&old), &t.subject)
            .unwrap(),
        "[anonymised]"
    );
    for (id, left) in [(old, 0), (recent, 1), (open, 1), (held_ticket, 1)] {
        let n = message::Entity::find()
            .filter(message::Column::TicketId.eq(id))
            .count(&state.db)
            .await
            .unwrap();
        assert_eq!(n, left, "messages of {id}");
    }
    // The audit log's copies of the text are gone too, and the chain verifies.
    let copies = audit_event::Entity::find()
        .filter(audit_event::Column::SubjectId.eq(ada.user_id))
        .all(&state.db)
        .await
        .unwrap();
    let readable: Vec<String> = copies
        .iter()
        .flat_map(|e| audit::open_changes(Some(&key), e))
        .flat_map(|c| [c.before, c.after])
        .flatten()
        .collect();
    assert_eq!(
        readable.iter().filter(|v| v.as_str() == SECRET).count(),
        1,
        "only the recent ticket's copy: {readable:?}"
    );
    assert!(audit::verify(&state.db).await.unwrap().ok);
    assert_eq!(events(&state, AuditAction::TicketAnonymised).await, 1);
    assert_eq!(events(&state, AuditAction::RetentionCleanup).await, 1);
    // A second run finds nothing more.
    let again = retention::run_now(&state, Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.tickets_anonymised, 0);
}

#[tokio::test]
async fn unused_accounts_are_told_closed_unless_they_sign_in_and_erased_a_cleanup_later() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin.acc@example.org", Role::Admin).await;
    let grace = common::customer(&state, "Grace Gone", "grace.gone@example.org").await;
    let bob = common::customer(&state, "Bob Back", "bob.back@example.org").await;
    let fresh = common::customer(&state, "Fay Fresh", "fay.fresh@example.org").await;
    unused_since(&state, grace.user_id, 13).await;
    unused_since(&state, bob.user_id, 13).await;
    retention::save(&state, &admin, &form("0", "12", "30"))
        .await
        .unwrap();
    let now = Utc::now();
    // The scheduler's first turn (at start-up) makes the schedule row.
    assert!(retention::tick(&state, now).await.unwrap().is_none());
    // The next cleanup is 20 days away: inside the 30 notice days.
    scheduled_task::Entity::update_many()
        .col_expr(
            scheduled_task::Column::NextRunAt,
            Expr::value(now + Duration::days(20)),
        )
        .exec(&state.db)
        .await
        .unwrap();
    let page = retention::page(&state, &admin).await.unwrap();
    assert_eq!(page.plan.close_total, 0);
    assert_eq!(
        page.plan.close_later, 2,
        "notices cannot go out 30 days before"
    );
    assert!(retention::tick(&state, now).await.unwrap().is_none());
    let body = common::mail_body_to(&state, grace.user_id, "grace.gone@example.org").await;
    assert!(body.contains("closed"), "{body}");
    assert_eq!(events(&state, AuditAction::ClosureNoticeSent).await, 2);
    // A second turn sends nothing more.
    retention::tick(&state, now).await.unwrap();
    assert_eq!(events(&state, AuditAction::ClosureNoticeSent).await, 2);
    assert!(row(&state, fresh.user_id).await.closure_notice_at.is_none());
    // Bob signs in after his notice: he keeps his account.
    assert!(common::signs_in(&state, "bob.back@example.org").await);

    // 31 days on, the cleanup closes Grace's account.
    let later = now + Duration::days(31);
    let report = retention::run_now(&state, later).await.unwrap().unwrap();
    assert_eq!(report.accounts_closed, 1);
    assert!(row(&state, grace.user_id).await.closed_at.is_some());
    assert!(row(&state, bob.user_id).await.closed_at.is_none());
    assert!(!common::signs_in(&state, "grace.gone@example.org").await);
    assert_eq!(events(&state, AuditAction::AccountClosed).await, 1);

    // The next cleanup erases it, through the erasure job.
    let report = retention::run_now(&state, later + Duration::days(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(report.accounts_purged, 1);
    for _ in 0..50 {
        if !server::erasure_worker::work_once(&state, std::time::Duration::ZERO).await {
            break;
        }
    }
    let erased = row(&state, grace.user_id).await;
    assert!(erased.erased_at.is_some());
    assert!(erased.email.ends_with("@erased.invalid"));
    assert!(state.vault.key(grace.user_id).await.unwrap().is_none());
    assert!(row(&state, bob.user_id).await.erased_at.is_none());
}

#[tokio::test]
async fn one_cleanup_runs_per_turn_across_servers_and_a_missed_turn_is_caught_up() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin.sched@example.org", Role::Admin).await;
    retention::save(
        &state,
        &admin,
        &retention::PolicyForm {
            cycle_days: "1".into(),
            ..form("12", "0", "30")
        },
    )
    .await
    .unwrap();
    let now = Utc::now();
    // Not due yet: nothing runs.
    assert!(retention::tick(&state, now).await.unwrap().is_none());
    // The server was down for a week: the turn is overdue.
    scheduled_task::Entity::update_many()
        .col_expr(
            scheduled_task::Column::NextRunAt,
            Expr::value(now - Duration::days(7)),
        )
        .exec(&state.db)
        .await
        .unwrap();
    // Two servers tick at once; one runs it.
    let (a, b) = tokio::join!(retention::tick(&state, now), retention::tick(&state, now));
    let ran = [a.unwrap(), b.unwrap()]
        .iter()
        .filter(|r| r.is_some())
        .count();
    assert_eq!(ran, 1);
    assert_eq!(events(&state, AuditAction::RetentionCleanup).await, 1);
    let task = scheduled_task::Entity::find_by_id(retention::CLEANUP_TASK.to_owned())
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    // (PostgreSQL keeps microseconds.)
    let near =
        |a: chrono::DateTime<Utc>, b: chrono::DateTime<Utc>| (a - b).num_milliseconds().abs() < 1;
    assert!(near(task.next_run_at, now + Duration::days(1)));
    assert!(near(task.last_run_at.unwrap(), now));
    assert!(task.last_result.unwrap().contains("tickets_anonymised"));
    // And not again until the next turn.
    assert!(retention::tick(&state, now + Duration::hours(1))
        .await
        .unwrap()
        .is_none());
}
