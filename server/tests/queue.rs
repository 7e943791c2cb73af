//! Roles, teams and the agent's queue: sharing rules reach every list, count,
//! search, export and erasure preview; search finds words without storing
//! them; reassigning moves a ticket out of a queue; the rules that keep the
//! portal usable (an active admin, roles in use, the default team) hold.
#![allow(clippy::unwrap_used)]
use crate::common;

use app::{
    error::AppError,
    model::{Permission, QueueView, Role, RoleRef, Sharing, TicketQuery},
    server::{
        services::{erasure, exports, roles, sessions, teams, tickets},
        Actor, AppState, ServiceError,
    },
};
use sea_orm::EntityTrait;
use std::io::Read;
use uuid::Uuid;

fn user_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::User(e) => e,
        other => panic!("expected a user error, got {other}"),
    }
}

async fn with_role(
    state: &AppState,
    admin: &Actor,
    who: &Actor,
    name: &str,
    list: &[Permission],
    sharing: Sharing,
) -> Actor {
    let names: Vec<String> = list.iter().map(|p| p.as_str().to_owned()).collect();
    let input = roles::RoleInput::validated(name, &names, sharing.as_str()).unwrap();
    let id = roles::save(state, admin, None, input).await.unwrap();
    roles::set_staff_role(state, admin, who.user_id, RoleRef::Custom(id))
        .await
        .unwrap();
    let token = sessions::create(
        &state.db,
        who.user_id,
        &sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap()
}

async fn search(state: &AppState, who: &Actor, words: &str) -> Vec<Uuid> {
    let query = TicketQuery {
        search: Some(words.to_owned()),
        ..Default::default()
    };
    tickets::list(state, who, query)
        .await
        .unwrap()
        .items
        .iter()
        .map(|t| t.id)
        .collect()
}

struct World {
    state: AppState,
    admin: Actor,
    agent: Actor,
    billing_agent: Actor,
    alice: Actor,
    bob: Actor,
    support: Uuid,
    billing: Uuid,
    parcel: Uuid,
    invoice: Uuid,
}

/// Support (the default team) has the built-in agent; Billing has an agent
/// whose role replies and sees only their team's tickets.
async fn world() -> World {
    let state = common::state().await;
    let admin = common::staff(&state, "admin@example.org", Role::Admin).await;
    let agent = common::staff(&state, "agent@example.org", Role::Agent).await;
    let billing_agent = common::staff(&state, "billing@example.org", Role::Agent).await;
    let alice = common::customer(&state, "Alice Able", "alice@example.org").await;
    let bob = common::customer(&state, "Bob Baker", "bob@example.org").await;
    let support = teams::default_team(&state.db).await.unwrap().unwrap();
    let billing = teams::save(&state, &admin, None, "Billing").await.unwrap();
    teams::set_member(&state, &admin, billing, billing_agent.user_id, true)
        .await
        .unwrap();
    teams::set_member(&state, &admin, support, agent.user_id, true)
        .await
        .unwrap();
    let billing_agent = with_role(
        &state,
        &admin,
        &billing_agent,
        "Billing agent",
        &[
            Permission::ViewTickets,
            Permission::Reply,
            Permission::ReviewRequests,
        ],
        Sharing::Teams,
    )
    .await;
    let parcel = tickets::open(
        &state,
        &alice,
        "Parcel lost",
        "My parcel from Zanzibar never arrived.",
        &[],
    )
    .await
    .unwrap();
    let invoice = tickets::open(
        &state,
        &bob,
        "Invoice total",
        "The invoice total is wrong.",
        &[],
    )
    .await
    .unwrap();
    tickets::assign(&state, &agent, invoice, billing, None)
        .await
        .unwrap();
    tickets::reply(
        &state,
        &admin,
        invoice,
        "Checked: quartzite ledger mismatch.",
        true,
    )
    .await
    .unwrap();
    World {
        state,
        admin,
        agent,
        billing_agent,
        alice,
        bob,
        support,
        billing,
        parcel,
        invoice,
    }
}

#[tokio::test]
async fn a_team_only_role_sees_its_teams_tickets_in_lists_counts_and_search() {
    let w = world().await;
    let page = tickets::list(&w.state, &w.billing_agent, TicketQuery::default())
        .await
        .unwrap();
    let ids: Vec<Uuid> = page.items.iter().map(|t| t.id).collect();
    assert_eq!(ids, vec![w.invoice], "only the Billing team's ticket");
    assert_eq!(page.view, Some(QueueView::Unassigned));
    let views: Vec<QueueView> = page.views.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        views,
        vec![QueueView::Mine, QueueView::Teams, QueueView::Unassigned],
        "no \"all\" view for this rule"
    );
    for (view, count) in &page.views {
        let expected = match view {
            QueueView::Mine => 0,
            _ => 1,
        };
        assert_eq!(
            *count, expected,
            "{view:?}: the count follows the sharing rule"
        );
    }
    // Asking for the "all" view is refused by name, not answered with everything.
    let all = TicketQuery {
        view: Some(QueueView::All),
        ..Default::default()
    };
    let refused = tickets::list(&w.state, &w.billing_agent, all)
        .await
        .unwrap_err();
    assert_eq!(user_error(refused).field_name(), Some("view"));
    // Another team's ticket is "not found", not "forbidden".
    let e = tickets::get(&w.state, &w.billing_agent, w.parcel)
        .await
        .unwrap_err();
    assert_eq!(user_error(e), AppError::NotFound);
    // The role has no internal notes: reading one, writing one, finding by one.
    let detail = tickets::get(&w.state, &w.billing_agent, w.invoice)
        .await
        .unwrap();
    assert!(detail.messages.iter().all(|m| !m.internal));
    assert!(!detail.can.internal_notes && detail.can.reply && !detail.can.assign);
    let e = tickets::reply(&w.state, &w.billing_agent, w.invoice, "note", true)
        .await
        .unwrap_err();
    assert_eq!(user_error(e), AppError::Forbidden);

    // Search: words of subjects and messages, the reference, within the rule.
    assert_eq!(
        search(&w.state, &w.billing_agent, "INVOICE").await,
        vec![w.invoice]
    );
    assert_eq!(
        search(&w.state, &w.billing_agent, "total wrong").await,
        vec![w.invoice]
    );
    assert!(
        search(&w.state, &w.billing_agent, "Zanzibar")
            .await
            .is_empty(),
        "another team's words find nothing"
    );
    assert!(
        search(&w.state, &w.billing_agent, "quartzite")
            .await
            .is_empty(),
        "an internal note is not searched for this role"
    );
    assert_eq!(
        search(&w.state, &w.admin, "quartzite").await,
        vec![w.invoice]
    );
    let reference = app::model::ticket_reference(&w.invoice);
    assert_eq!(
        search(&w.state, &w.billing_agent, &reference).await,
        vec![w.invoice]
    );
    assert_eq!(
        search(&w.state, &w.admin, "bob@example.org").await,
        vec![w.invoice],
        "by the customer's address"
    );
    assert!(
        search(&w.state, &w.admin, "zanzibar invoice")
            .await
            .is_empty(),
        "every word must match"
    );
    let e = tickets::list(
        &w.state,
        &w.admin,
        TicketQuery {
            search: Some("a".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("search"));

    // Customers search their own tickets only.
    assert_eq!(search(&w.state, &w.alice, "zanzibar").await, vec![w.parcel]);
    assert!(search(&w.state, &w.bob, "zanzibar").await.is_empty());
    assert!(
        search(&w.state, &w.bob, "quartzite").await.is_empty(),
        "customers never find by internal notes"
    );
    // No plaintext word is stored: the index holds keyed tokens only.
    let rows = app::server::entities::blind_index::Entity::find()
        .all(&w.state.db)
        .await
        .unwrap();
    assert!(rows
        .iter()
        .all(|r| r.token.len() == 16 && !r.token.windows(7).any(|x| x == b"zanziba")));
}

#[tokio::test]
async fn reassigning_moves_a_ticket_out_of_a_team_queue() {
    let w = world().await;
    let only = |page: app::model::TicketPage| page.items.iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(
        only(
            tickets::list(&w.state, &w.billing_agent, TicketQuery::default())
                .await
                .unwrap()
        ),
        vec![w.invoice]
    );
    // An agent assigns it to someone who is not in the team: refused by field.
    let e = tickets::assign(
        &w.state,
        &w.agent,
        w.invoice,
        w.support,
        Some(w.billing_agent.user_id),
    )
    .await
    .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("assignee"));
    tickets::assign(
        &w.state,
        &w.agent,
        w.invoice,
        w.support,
        Some(w.agent.user_id),
    )
    .await
    .unwrap();
    assert!(only(
        tickets::list(&w.state, &w.billing_agent, TicketQuery::default())
            .await
            .unwrap()
    )
    .is_empty());
    let mine = TicketQuery {
        view: Some(QueueView::Mine),
        ..Default::default()
    };
    assert_eq!(
        only(tickets::list(&w.state, &w.agent, mine).await.unwrap()),
        vec![w.invoice]
    );
    // The move is in the audit log, with the teams' ids.
    let events = app::server::entities::audit_event::Entity::find()
        .all(&w.state.db)
        .await
        .unwrap();
    assert!(events
        .iter()
        .any(|e| e.action == "ticket_assigned" && e.entity_id == w.invoice.to_string()));
    assert!(app::server::audit::verify(&w.state.db).await.unwrap().ok);
    // The billing role may not assign.
    let e = tickets::assign(&w.state, &w.billing_agent, w.parcel, w.billing, None)
        .await
        .unwrap_err();
    assert_eq!(
        user_error(e),
        AppError::NotFound,
        "out of its scope: not found"
    );
}

#[tokio::test]
async fn exports_and_erasure_previews_follow_the_sharing_rule() {
    let w = world().await;
    // Zoe is named in both customers' tickets.
    let zoe = common::customer(&w.state, "Zoe Zimmer", "zoe@example.org").await;
    tickets::reply(
        &w.state,
        &w.alice,
        w.parcel,
        "Ask zoe@example.org about it.",
        false,
    )
    .await
    .unwrap();
    tickets::reply(
        &w.state,
        &w.bob,
        w.invoice,
        "zoe@example.org has the receipt.",
        false,
    )
    .await
    .unwrap();
    let preview = erasure::preview(&w.state, &w.billing_agent, zoe.user_id)
        .await
        .unwrap();
    let shown: Vec<Uuid> = preview.mentions.iter().map(|m| m.ticket_id).collect();
    assert_eq!(
        shown,
        vec![w.invoice],
        "only the mention in the team's ticket"
    );
    assert_eq!(preview.mentions_elsewhere, 1);
    let everything = erasure::preview(&w.state, &w.admin, zoe.user_id)
        .await
        .unwrap();
    assert_eq!(everything.mentions.len(), 2);
    assert_eq!(everything.mentions_elsewhere, 0);

    let reader = exports::Reader::of(&w.state, w.billing_agent.user_id)
        .await
        .unwrap();
    let zip = exports::write_all(&w.state, reader, None, std::io::Cursor::new(Vec::new()))
        .await
        .unwrap()
        .into_inner();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let tickets_csv = read("tickets.csv");
    assert!(
        tickets_csv.contains(&w.invoice.to_string())
            && !tickets_csv.contains(&w.parcel.to_string()),
        "{tickets_csv}"
    );
    let messages = read("messages.jsonl");
    assert!(
        messages.contains("receipt") && !messages.contains("Zanzibar"),
        "{messages}"
    );
    assert!(
        !messages.contains("quartzite"),
        "no internal notes for a role without them"
    );
    let teams_csv = read("teams.csv");
    assert!(
        teams_csv.contains("Billing") && teams_csv.contains(&w.billing_agent.user_id.to_string()),
        "{teams_csv}"
    );
}

#[tokio::test]
async fn the_portal_keeps_an_admin_and_refuses_what_would_break_it() {
    let w = world().await;
    let e = roles::set_staff_role(
        &w.state,
        &w.admin,
        w.admin.user_id,
        RoleRef::BuiltIn(Role::Agent),
    )
    .await
    .unwrap_err();
    assert_eq!(
        user_error(e).field_name(),
        Some("role"),
        "nobody changes their own role"
    );
    // Another admin may take it: an active admin remains.
    let second = common::staff(&w.state, "second@example.org", Role::Admin).await;
    roles::set_staff_role(
        &w.state,
        &second,
        w.admin.user_id,
        RoleRef::BuiltIn(Role::Agent),
    )
    .await
    .unwrap();
    roles::set_staff_role(
        &w.state,
        &second,
        w.admin.user_id,
        RoleRef::BuiltIn(Role::Admin),
    )
    .await
    .unwrap();
    let e = roles::set_staff_role(
        &w.state,
        &w.admin,
        w.alice.user_id,
        RoleRef::BuiltIn(Role::Agent),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(user_error(e), AppError::Conflict { .. }),
        "a customer does not become staff here"
    );
    // A role in use, and the default team, cannot be deleted; names are unique.
    let roles_now = roles::list(&w.state, &w.admin).await.unwrap();
    let billing_role = roles_now
        .iter()
        .find(|r| r.name == "Billing agent")
        .unwrap();
    assert_eq!(billing_role.members, 1);
    let e = roles::delete(&w.state, &w.admin, billing_role.id.unwrap())
        .await
        .unwrap_err();
    assert!(matches!(user_error(e), AppError::Conflict { .. }));
    let dup = roles::RoleInput::validated("billing AGENT", &[], "teams").unwrap();
    let e = roles::save(&w.state, &w.admin, None, dup)
        .await
        .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("name"));
    assert!(
        roles::RoleInput::validated("X", &["fly".into()], "teams").is_err(),
        "an unknown permission is refused"
    );
    assert!(
        roles::RoleInput::validated("X", &[], "everyone").is_err(),
        "an unknown sharing rule is refused"
    );
    assert!(roles::RoleInput::validated("  ", &[], "teams").is_err());
    let e = teams::delete(&w.state, &w.admin, w.support)
        .await
        .unwrap_err();
    assert!(
        matches!(user_error(e), AppError::Conflict { .. }),
        "the default team stays"
    );
    let e = teams::delete(&w.state, &w.admin, w.billing)
        .await
        .unwrap_err();
    assert!(
        matches!(user_error(e), AppError::Conflict { .. }),
        "a team with tickets stays"
    );
    // New tickets go to the default team; another default takes the next ones.
    teams::set_default(&w.state, &w.admin, w.billing)
        .await
        .unwrap();
    let next = tickets::open(&w.state, &w.alice, "Another", "Words", &[])
        .await
        .unwrap();
    let page = tickets::list(&w.state, &w.billing_agent, TicketQuery::default())
        .await
        .unwrap();
    assert!(page.items.iter().any(|t| t.id == next));
    // Nothing of it was half-written: the chain verifies.
    assert!(app::server::audit::verify(&w.state.db).await.unwrap().ok);
    let _ = &w.bob;
}

#[tokio::test]
async fn managing_users_never_grants_more_than_ones_own_role() {
    let w = world().await;
    // A team lead manages users, sees their teams' tickets, no internal notes.
    let lead = common::staff(&w.state, "lead@example.org", Role::Agent).await;
    let lead = with_role(
        &w.state,
        &w.admin,
        &lead,
        "Team lead",
        &[
            Permission::ViewTickets,
            Permission::Reply,
            Permission::ManageUsers,
        ],
        Sharing::Teams,
    )
    .await;
    let field = |e: ServiceError| user_error(e).field_name().map(str::to_owned);
    // Not themselves to admin, nor anyone else; not a wider role; not their own role.
    let e = roles::set_staff_role(&w.state, &lead, lead.user_id, RoleRef::BuiltIn(Role::Admin))
        .await
        .unwrap_err();
    assert_eq!(field(e).as_deref(), Some("role"));
    let e = roles::set_staff_role(
        &w.state,
        &lead,
        w.agent.user_id,
        RoleRef::BuiltIn(Role::Admin),
    )
    .await
    .unwrap_err();
    assert_eq!(field(e).as_deref(), Some("role"));
    let e = roles::set_staff_role(
        &w.state,
        &lead,
        w.admin.user_id,
        RoleRef::BuiltIn(Role::Agent),
    )
    .await
    .unwrap_err();
    assert_eq!(
        field(e).as_deref(),
        Some("role"),
        "an admin's role is an admin's to change"
    );
    let wide = roles::RoleInput::validated(
        "Everything",
        &["view_tickets".into(), "internal_notes".into()],
        "teams",
    )
    .unwrap();
    let e = roles::save(&w.state, &lead, None, wide).await.unwrap_err();
    assert_eq!(
        field(e).as_deref(),
        Some("permissions"),
        "no permission the lead lacks"
    );
    let all = roles::RoleInput::validated("All tickets", &["view_tickets".into()], "all").unwrap();
    let e = roles::save(&w.state, &lead, None, all).await.unwrap_err();
    assert_eq!(
        field(e).as_deref(),
        Some("permissions"),
        "no wider sharing than the lead's"
    );
    let own = lead.grant.custom_role.unwrap();
    let same = roles::RoleInput::validated(
        "Team lead",
        &["view_tickets".into(), "reply".into()],
        "assigned",
    )
    .unwrap();
    let e = roles::save(&w.state, &lead, Some(own), same)
        .await
        .unwrap_err();
    assert!(
        matches!(user_error(e), AppError::Conflict { .. }),
        "not the role they hold"
    );
    let admin_account = app::server::services::accounts::NewUser::validated(
        "New Admin",
        "new-admin@example.org",
        common::PASSWORD,
        Role::Admin,
    )
    .unwrap();
    let e = app::server::services::accounts::create_user(&w.state, &lead, admin_account)
        .await
        .unwrap_err();
    assert_eq!(field(e).as_deref(), Some("role"), "no admin accounts");
    let e =
        app::server::services::staff_accounts::set_enabled(&w.state, &lead, w.admin.user_id, false)
            .await
            .unwrap_err();
    assert!(
        matches!(user_error(e), AppError::Conflict { .. }),
        "no disabling admins"
    );
    // Within their own reach they may: a narrower role, given to an agent.
    let narrow = roles::RoleInput::validated(
        "Replier",
        &["view_tickets".into(), "reply".into()],
        "assigned",
    )
    .unwrap();
    let id = roles::save(&w.state, &lead, None, narrow).await.unwrap();
    roles::set_staff_role(&w.state, &lead, w.agent.user_id, RoleRef::Custom(id))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_audit_log_and_the_export_keep_tickets_outside_the_rule_to_themselves() {
    let w = world().await;
    // An auditor sees the log and exports, for the Billing team only, without internal notes.
    let auditor = common::staff(&w.state, "auditor@example.org", Role::Agent).await;
    teams::set_member(&w.state, &w.admin, w.billing, auditor.user_id, true)
        .await
        .unwrap();
    let auditor = with_role(
        &w.state,
        &w.admin,
        &auditor,
        "Auditor",
        &[
            Permission::ViewTickets,
            Permission::ViewAuditLog,
            Permission::ExportAllData,
        ],
        Sharing::Teams,
    )
    .await;
    let filter = app::model::AuditFilter {
        actor_email: String::new(),
        subject_email: String::new(),
        action: String::new(),
        entity_type: String::new(),
        from: String::new(),
        to: String::new(),
    };
    let mut words = String::new();
    for page in 0..5 {
        let log = app::server::services::activity::events(&w.state, &auditor, &filter, page)
            .await
            .unwrap();
        for entry in &log.items {
            for c in &entry.changes {
                words.push_str(&format!("{:?} {:?}\n", c.before, c.after));
            }
        }
    }
    assert!(
        words.contains("The invoice total is wrong."),
        "the team's ticket reads: {words}"
    );
    assert!(
        !words.contains("Zanzibar"),
        "another team's ticket does not"
    );
    assert!(!words.contains("quartzite"), "nor an internal note");
    let reader = exports::Reader::of(&w.state, auditor.user_id)
        .await
        .unwrap();
    let zip = exports::write_all(&w.state, reader, None, std::io::Cursor::new(Vec::new()))
        .await
        .unwrap()
        .into_inner();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut log = String::new();
    archive
        .by_name("audit_log.jsonl")
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(
        log.contains("The invoice total is wrong.")
            && !log.contains("Zanzibar")
            && !log.contains("quartzite"),
        "{log}"
    );
    let mut contacts = String::new();
    archive
        .by_name("contacts.csv")
        .unwrap()
        .read_to_string(&mut contacts)
        .unwrap();
    assert!(
        !contacts.contains("alice@example.org") && contacts.contains("[withheld]"),
        "no contact details for this role: {contacts}"
    );
}
