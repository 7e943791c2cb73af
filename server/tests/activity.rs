//! "Activity on my data" reads in words: changes carry labels, not the log's
//! field keys; codes, ids and recorded times are shown as people read them;
//! and who acted is said truthfully (an account made by the demo seeding or
//! the command line was not made by its owner).
#![allow(clippy::unwrap_used)]
use crate::common::{self, customer, staff, PASSWORD};

use app::{
    model::{ActivityView, AuditAction, Role, TicketStatus},
    server::{
        entities::audit_event,
        services::{accounts, activity, erasure, fields, requests, tickets},
        Actor,
    },
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// Keys the audit log records changes under.
const RAW_KEYS: [&str; 12] = [
    "ticket_id",
    "due_at",
    "status",
    "reason",
    "kind",
    "role",
    "email",
    "name",
    "new_email",
    "second_factor",
    "sessions_ended",
    "other_sessions_ended",
];

/// An account as its own session would carry it, for reading its activity.
fn signed_in(user: &app::model::CurrentUser) -> Actor {
    Actor {
        user_id: user.id,
        role: user.role,
        email: user.email.clone(),
        session_token_hash: String::new(),
        client: "127.0.0.1".to_owned(),
        needs_two_factor_setup: false,
        email_confirmed: true,
        second_factor_at: None,
        locale: Default::default(),
        grant: app::server::policy::Grant::built_in(user.role),
    }
}

async fn activity_of(state: &app::server::AppState, who: &Actor) -> Vec<ActivityView> {
    activity::my_activity(state, who, 0).await.unwrap().items
}

fn action(items: &[ActivityView], action: AuditAction) -> &ActivityView {
    let label = action.label(app::i18n::Tr(app::i18n::Lang::En));
    items
        .iter()
        .find(|e| e.action_label == label)
        .unwrap_or_else(|| panic!("no “{label}” in {items:#?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_activity_shows_labels_links_and_local_times_not_keys() {
    let state = common::state().await;
    let ada = customer(&state, "Ada Lovelace", "ada@example.org").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let t = tickets::open(&state, &ada, "Printer on fire", "Please help", &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, t, "On our way", false)
        .await
        .unwrap();
    tickets::set_status(&state, &agent, t, TicketStatus::Solved)
        .await
        .unwrap();
    let filed = erasure::request(&state, &ada, PASSWORD, "Leaving")
        .await
        .unwrap();
    requests::extend(&state, &agent, filed.id, 1, "Many requests this month")
        .await
        .unwrap();

    let items = activity_of(&state, &ada).await;
    for e in &items {
        for c in &e.changes {
            assert!(
                !RAW_KEYS.contains(&c.field.as_str()) && !c.field.contains('_'),
                "a raw key in {e:#?}"
            );
            assert!(
                c.field.chars().next().is_some_and(char::is_uppercase),
                "{e:#?}"
            );
        }
    }
    let text = format!("{items:?}");
    for raw in ["ticket_id", "due_at", "in_review", "\"solved\""] {
        assert!(!text.contains(raw), "{raw} shown: {text}");
    }

    // The reply names the ticket by its subject and links to it.
    let reply = action(&items, AuditAction::TicketReplied);
    assert_eq!(reply.by, "by Agnes Agent (Agent)");
    let ticket = reply.changes.iter().find(|c| c.field == "Ticket").unwrap();
    assert_eq!(ticket.after.as_deref(), Some("Printer on fire"));
    assert_eq!(
        ticket.link.as_deref(),
        Some(format!("/tickets/{t}").as_str())
    );
    // A status change says which ticket, and the statuses in words.
    let status = action(&items, AuditAction::TicketStatusChanged);
    assert!(status
        .changes
        .iter()
        .any(|c| c.field == "Ticket" && c.link.is_some()));
    let changed = status.changes.iter().find(|c| c.field == "Status").unwrap();
    assert_eq!(changed.after.as_deref(), Some("Solved"));
    // The deadline is a time in the reader's words, not the log's text.
    let extended = action(&items, AuditAction::PrivacyRequestExtended);
    let due = extended.changes.iter().find(|c| c.field == "Due").unwrap();
    let after = due.after.as_deref().unwrap();
    assert!(!after.contains("UTC") && !after.contains('-'), "{after}");
    let submitted = action(&items, AuditAction::PrivacyRequestSubmitted);
    assert!(submitted
        .changes
        .iter()
        .any(|c| c.field == "Request" && c.after.as_deref() == Some("Erasure")));
    assert_eq!(
        action(&items, AuditAction::TicketCreated).by,
        "by you",
        "the customer's own act"
    );
    assert_eq!(action(&items, AuditAction::TicketCreated).who, "You");

    // Another customer's reading never links to a ticket that is not theirs.
    let bob = customer(&state, "Bob Banana", "bob@example.org").await;
    let bobs = format!("{:?}", activity_of(&state, &bob).await);
    assert!(!bobs.contains("/tickets/"), "{bobs}");
}

#[tokio::test]
async fn an_account_made_by_seeding_the_command_line_or_an_admin_is_not_made_by_you() {
    let state = common::state().await;
    let new =
        accounts::NewUser::validated("Sam Seeded", "sam@example.org", PASSWORD, Role::Customer)
            .unwrap();
    let sam = accounts::create_user_unchecked(&state, new).await.unwrap();
    // At the source: no acting user is recorded.
    let created = audit_event::Entity::find()
        .filter(audit_event::Column::SubjectId.eq(sam.id))
        .filter(audit_event::Column::Action.eq(AuditAction::UserCreated.as_str()))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(created.actor_id, None);
    let sam = signed_in(&sam);
    let items = activity_of(&state, &sam).await;
    let made = &items[0];
    assert_eq!(made.action_label, "Account created for you");
    assert_eq!(made.who, "The help desk");
    assert_eq!(made.by, "by the help desk");
    assert!(made
        .changes
        .iter()
        .any(|c| c.field == "Role" && c.after.as_deref() == Some("Customer")));
    assert!(made
        .changes
        .iter()
        .any(|c| c.field == "Email" && c.after.as_deref() == Some("sam@example.org")));

    // Events recorded before the fix named the account as its own creator.
    let mut legacy: audit_event::ActiveModel = created.into();
    legacy.actor_id = Set(Some(sam.user_id));
    legacy.actor_role = Set(Some(Role::Customer.as_str().to_owned()));
    legacy.update(&state.db).await.unwrap();
    let items = activity_of(&state, &sam).await;
    assert_eq!(items[0].by, "by the help desk");
    assert_ne!(items[0].who, "You");

    // An admin who makes an account is named.
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let new = accounts::NewUser::validated("Tia Told", "tia@example.org", PASSWORD, Role::Customer)
        .unwrap();
    let tia = accounts::create_user(&state, &admin, new).await.unwrap();
    let items = activity_of(&state, &signed_in(&tia)).await;
    assert_eq!(items[0].by, "by Agnes Agent (Admin)");

    // A sign-up is the customer's own.
    let ada = customer(&state, "Ada Lovelace", "ada@example.org").await;
    let items = activity_of(&state, &ada).await;
    assert_eq!(action(&items, AuditAction::SignUp).by, "by you");
}

#[tokio::test]
async fn a_phone_hidden_from_customers_stays_out_of_their_account_creation() {
    let state = common::state().await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    fields::set_permission(
        &state,
        &admin,
        Role::Customer,
        "phone",
        app::fields::Access::Hidden,
    )
    .await
    .unwrap();
    let (ada, _) = common::sign_up_confirmed(
        &state,
        "Ada Lovelace",
        "ada@example.org",
        "+44 20 7946 0001",
    )
    .await;
    let text = format!("{:?}", activity_of(&state, &ada).await);
    assert!(!text.contains("7946"), "{text}");
}
