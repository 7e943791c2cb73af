//! The permission matrix, generated from one table: every server function ×
//! (anonymous, customer A, customer B, a built-in agent, a custom "Billing
//! agent" role that sees its team's tickets, a custom role that sees only the
//! tickets assigned to it, an admin) × (A's ticket in the Support team, B's
//! ticket in the Billing team assigned to the second custom role, a ticket
//! that does not exist) → allowed or refused. It runs over HTTP through the
//! real router, on SQLite and on PostgreSQL like every database test. A server
//! function without a row fails the suite.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, PASSWORD};

use app::{
    api::privacy::{
        email_change::*, erasure::*, exports::*, legal_holds::*, outbox::*, requests::*,
    },
    api::{
        account::*, admin::*, audit::*, auth::*, profile::*, retention::*, settings::*, teams::*,
        tickets::*,
    },
    model::{Permission, Role, RoleRef, Sharing},
    server::{
        policy::{self, Action, Target},
        services::{erasure, fields, roles, sessions, teams, tickets},
        Actor, AppState,
    },
};
use http::StatusCode;
use leptos::server_fn::ServerFn;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// Who may call a server function.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Anyone, signed in or not (signing in, links from mails).
    Public,
    /// Anyone signed in, about their own account, data or tickets.
    SignedIn,
    /// Customers only (their own requests and tickets).
    Customers,
    /// Staff whose role has this permission.
    Needs(Permission),
    /// One ticket (`{t}`): it must be within the caller's sharing rule (else
    /// "not found"), then the action must be allowed (else "forbidden").
    Ticket(Action),
    /// A privacy request of customer A's: only A (everyone else: "not found").
    AlicesRequest,
}

struct Row {
    path: &'static str,
    json: bool,
    body: &'static str,
    rule: Rule,
}

fn form<S: ServerFn>(body: &'static str, rule: Rule) -> Row {
    Row {
        path: S::PATH,
        json: false,
        body,
        rule,
    }
}

fn json<S: ServerFn>(body: &'static str, rule: Rule) -> Row {
    Row {
        path: S::PATH,
        json: true,
        body,
        rule,
    }
}

/// Every server function of the portal, with arguments that pass validation,
/// so a refusal can only come from who is asking.
fn table() -> Vec<Row> {
    use Permission as P;
    use Rule::*;
    vec![
        // Signing in and links from mails.
        form::<SignIn>("email=nobody@example.org&password=wrong-password", Public),
        form::<SignUp>("name=Matrix+Person&email=signup-{n}@example.org&password=matrix-sign-up-password-{n}", Public),
        form::<SignOut>("", Public),
        form::<WhoAmI>("", Public),
        form::<ForgotPassword>("email=nobody@example.org", Public),
        form::<ResetPassword>("token=nothing&new_password=matrix-new-password-1", Public),
        form::<ConfirmAddress>("token=nothing", Public),
        form::<ConfirmEmail>("token=nothing", Public),
        form::<CancelEmailChange>("token=nothing", Public),
        form::<StartPasskeySignIn>("email=nobody@example.org", Public),
        form::<SignInWithPasskey>("challenge_id={random}&credential=%7B%7D", Public),
        // One's own account.
        form::<ChangePassword>("current_password={password}&new_password={password}", SignedIn),
        form::<MyDevices>("", SignedIn),
        form::<EndDevice>("id=nothing", SignedIn),
        form::<EndOtherDevices>("", SignedIn),
        form::<MyTwoFactor>("", SignedIn),
        form::<StartTwoFactor>("password={password}", SignedIn),
        form::<ConfirmTwoFactor>("code=000000", SignedIn),
        form::<DisableTwoFactor>("password={password}&code=000000", SignedIn),
        form::<AddressConfirmed>("", SignedIn),
        form::<ResendConfirmation>("", SignedIn),
        form::<MyPasskeys>("", SignedIn),
        form::<StartPasskeyRegistration>("password={password}", SignedIn),
        form::<FinishPasskeyRegistration>("challenge_id={random}&name=Key&credential=%7B%7D", SignedIn),
        form::<RemovePasskey>("id={random}&password={password}", SignedIn),
        form::<MyActivity>("page=0", SignedIn),
        form::<MyProfile>("", SignedIn),
        json::<UpdateProfile>(r#"{"fields":[]}"#, SignedIn),
        form::<MyExports>("", SignedIn),
        form::<RequestExport>("password={password}", SignedIn),
        form::<MyRequests>("", SignedIn),
        form::<ErasedTicketsPolicy>("", SignedIn),
        form::<WithdrawRequest>("id={request}", AlicesRequest),
        // Customers' own requests and tickets.
        form::<RequestEmailChange>("new_email=changed-{n}@example.org&password={password}", Customers),
        form::<RequestErasure>("password={password}", Customers),
        json::<OpenTicket>(r#"{"subject":"Matrix","body":"A new ticket"}"#, Customers),
        form::<NewTicketFields>("", SignedIn),
        form::<ListTickets>("", SignedIn),
        // Tickets, one at a time.
        form::<GetTicket>("id={t}", Ticket(Action::ViewTicket)),
        form::<ReplyToTicket>("ticket_id={t}&body=Matrix+reply", Ticket(Action::ReplyToTicket)),
        form::<ReplyToTicket>("ticket_id={t}&body=Matrix+note&internal=true", Ticket(Action::AddInternalNote)),
        form::<SetTicketStatus>("ticket_id={t}&status=open", Ticket(Action::ChangeTicketStatus)),
        json::<UpdateTicketFields>(r#"{"ticket_id":"{t}","fields":[]}"#, Ticket(Action::ChangeTicketStatus)),
        form::<AssignTicket>("ticket={t}&team={team}&assignee={assignee}", Ticket(Action::AssignTicket)),
        form::<RedactSubject>("ticket_id={t}&reason=matrix", Ticket(Action::RedactMessage)),
        form::<RedactMessage>("message_id={m}&reason=matrix", Ticket(Action::RedactMessage)),
        form::<EraseTicket>("ticket_id={t}&reason=matrix", Ticket(Action::DeleteTicket)),
        // Privacy requests and erasure.
        form::<RequestQueue>("", Needs(P::ReviewRequests)),
        form::<GetRequest>("id={request}", Needs(P::ReviewRequests)),
        form::<ErasurePreview>("id={request}", Needs(P::ReviewRequests)),
        form::<ExtendRequest>("id={request}&months=1&reason=matrix", Needs(P::ReviewRequests)),
        form::<DecideRequest>("id={request}&approve=false&reason=matrix", Needs(P::ReviewRequests)),
        form::<RequestRegister>("", Needs(P::ReviewRequests)),
        form::<RequestRegisterEntry>("id={request}", Needs(P::ReviewRequests)),
        form::<CustomerErasurePreview>("subject={carol}", Needs(P::ReviewRequests)),
        form::<PlaceHold>("subject={carol}&reason=matrix", Needs(P::ReviewRequests)),
        form::<LiftHold>("subject={carol}", Needs(P::LegalHolds)),
        form::<EraseCustomer>("subject={carol}&reason=matrix", Needs(P::ApproveErasure)),
        form::<RecheckErasure>("id={random}", Needs(P::ApproveErasure)),
        form::<RequestAllExport>("password={password}", Needs(P::ExportAllData)),
        // Settings.
        form::<PrivacySettings>("", Needs(P::ManageSettings)),
        form::<SavePrivacySettings>("erased_tickets=anonymise", Needs(P::ManageSettings)),
        form::<RetentionSettings>("", Needs(P::ManageSettings)),
        form::<SaveRetention>("tickets_after_months=0&tickets_action=anonymise&inactive_after_months=0&notice_days=30&export_hours=&cycle_days=182&backup_main_days=180&backup_keys_days=90", Needs(P::ManageSettings)),
        form::<RetentionNotice>("", SignedIn),
        form::<SaveRegion>("label=EU&notice_url=%2Fprivacy-notice", Needs(P::ManageSettings)),
        form::<PrivacyNoticeLink>("", Public),
        form::<Outbox>("page=0", Needs(P::ManageSettings)),
        form::<MasterKeyStatus>("", Needs(P::ManageSettings)),
        form::<AuditEvents>("filter[actor_email]=&filter[subject_email]=&filter[action]=&filter[entity_type]=&filter[from]=&filter[to]=&page=0", Needs(P::ViewAuditLog)),
        form::<VerifyAuditChain>("", Needs(P::ViewAuditLog)),
        form::<CustomFields>("scope=contact", Needs(P::ManageFields)),
        json::<SaveCustomField>(r#"{"input":{"id":null,"scope":"contact","label":"Matrix {n}","help_text":"","field_type":"text","options":"","required":false,"encrypted":false}}"#, Needs(P::ManageFields)),
        form::<MoveCustomField>("id={field}&up=true", Needs(P::ManageFields)),
        form::<ArchiveCustomField>("id={field}&archived=false", Needs(P::ManageFields)),
        form::<FieldPermissions>("", Needs(P::ManageFields)),
        form::<SetFieldPermission>("role=agent&field=phone&access=read", Needs(P::ManageFields)),
        // Staff, roles and teams.
        form::<ListUsers>("page=0", Needs(P::ManageUsers)),
        form::<CreateUser>("name=Matrix+Agent&email=staff-{n}@example.org&password={password}&role=agent", Needs(P::ManageUsers)),
        form::<SetAccountEnabled>("id={agent}&enabled=true", Needs(P::ManageUsers)),
        form::<SendPasswordReset>("id={agent}", Needs(P::ManageUsers)),
        form::<StaffTwoFactorRequired>("", Needs(P::ManageUsers)),
        form::<SetStaffTwoFactorRequired>("required=false", Needs(P::ManageUsers)),
        form::<ListRoles>("", Needs(P::ManageUsers)),
        json::<SaveRole>(r#"{"id":null,"name":"Matrix {n}","permissions":["reply"],"sharing":"assigned"}"#, Needs(P::ManageUsers)),
        form::<DeleteRole>("id={billing_role}", Needs(P::ManageUsers)),
        form::<SetStaffRole>("user={agent}&role=agent", Needs(P::ManageUsers)),
        form::<ListTeams>("", Needs(P::ManageUsers)),
        form::<ListStaff>("", Needs(P::ManageUsers)),
        form::<SaveTeam>("name=Matrix+team+{n}", Needs(P::ManageUsers)),
        form::<DeleteTeam>("id={support}", Needs(P::ManageUsers)),
        form::<SetTeamMember>("team={billing}&user={billing_agent}&member=true", Needs(P::ManageUsers)),
        form::<SetDefaultTeam>("team={support}", Needs(P::ManageUsers)),
    ]
}

/// A ticket of the fixture: whose, which team, which agent, its first message.
#[derive(Clone, Copy)]
struct Fixture {
    id: Uuid,
    exists: bool,
    customer: Uuid,
    team: Option<Uuid>,
    assignee: Option<Uuid>,
    message: Uuid,
}

/// Whether `actor` should see `t`, worked out from the rule's words, not from the query.
fn sees(actor: &Actor, t: &Fixture, teams_of: &HashMap<Uuid, Vec<Uuid>>) -> bool {
    if actor.role == Role::Customer {
        return t.customer == actor.user_id;
    }
    if !actor.grant.permissions.has(Permission::ViewTickets) {
        return false;
    }
    let mine = t.assignee == Some(actor.user_id);
    match actor.grant.sharing {
        Sharing::All => true,
        Sharing::Teams => {
            mine || t.team.is_some_and(|team| {
                teams_of
                    .get(&actor.user_id)
                    .is_some_and(|ts| ts.contains(&team))
            })
        }
        Sharing::Assigned => mine,
    }
}

async fn session_of(state: &AppState, actor: &Actor) -> Browser {
    let token = sessions::create(
        &state.db,
        actor.user_id,
        &sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    let mut b = Browser::new(state);
    b.cookie = Some(format!("custodian_session={}", token.expose()));
    b
}

async fn custom_role(
    state: &AppState,
    admin: &Actor,
    name: &str,
    list: &[Permission],
    sharing: Sharing,
) -> Uuid {
    let names: Vec<String> = list.iter().map(|p| p.as_str().to_owned()).collect();
    let input = roles::RoleInput::validated(name, &names, sharing.as_str()).unwrap();
    roles::save(state, admin, None, input).await.unwrap()
}

/// Re-reads an actor's session, so their custom role is in their grant.
async fn as_now(state: &AppState, actor: &Actor) -> Actor {
    let browser = session_of(state, actor).await;
    let token = browser
        .cookie
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    sessions::resolve(
        &state.db,
        &sessions::SessionToken::from_cookie(&token),
        &state.security,
        chrono::Utc::now(),
    )
    .await
    .unwrap()
    .unwrap()
}

/// Rendering whole pages in a debug build nests deep futures: the matrix runs
/// on a thread with room for them (a server's worker threads are given the
/// same by a release build's smaller frames).
#[test]
fn every_server_function_and_page_refuses_whoever_the_policy_refuses() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(matrix())
        })
        .unwrap()
        .join()
        .unwrap();
}

async fn matrix() {
    let state = common::state().await;
    let admin = common::staff(&state, "admin@example.org", Role::Admin).await;
    let agent = common::staff(&state, "agent@example.org", Role::Agent).await;
    let billing_agent = common::staff(&state, "billing@example.org", Role::Agent).await;
    let assigned_agent = common::staff(&state, "assigned@example.org", Role::Agent).await;
    let alice = common::customer(&state, "Alice Able", "alice@example.org").await;
    let bob = common::customer(&state, "Bob Baker", "bob@example.org").await;
    let carol = common::customer(&state, "Carol Clark", "carol@example.org").await;

    // "Billing agent": reply, no internal notes, own team only.
    let billing_role = custom_role(
        &state,
        &admin,
        "Billing agent",
        &[Permission::ViewTickets, Permission::Reply],
        Sharing::Teams,
    )
    .await;
    let assigned_role = custom_role(
        &state,
        &admin,
        "Assigned only",
        &[
            Permission::ViewTickets,
            Permission::Reply,
            Permission::InternalNotes,
            Permission::Assign,
        ],
        Sharing::Assigned,
    )
    .await;
    roles::set_staff_role(
        &state,
        &admin,
        billing_agent.user_id,
        RoleRef::Custom(billing_role),
    )
    .await
    .unwrap();
    roles::set_staff_role(
        &state,
        &admin,
        assigned_agent.user_id,
        RoleRef::Custom(assigned_role),
    )
    .await
    .unwrap();
    let support = teams::default_team(&state.db)
        .await
        .unwrap()
        .expect("the migration's Support team");
    let billing = teams::save(&state, &admin, None, "Billing").await.unwrap();
    for member in [&billing_agent, &assigned_agent] {
        teams::set_member(&state, &admin, billing, member.user_id, true)
            .await
            .unwrap();
    }
    teams::set_member(&state, &admin, support, agent.user_id, true)
        .await
        .unwrap();

    let a_ticket = tickets::open(&state, &alice, "Alice's order", "Where is my order?", &[])
        .await
        .unwrap();
    let b_ticket = tickets::open(&state, &bob, "Bob's invoice", "The invoice is wrong.", &[])
        .await
        .unwrap();
    tickets::assign(
        &state,
        &admin,
        b_ticket,
        billing,
        Some(assigned_agent.user_id),
    )
    .await
    .unwrap();
    let first_message = |state: &AppState, actor: &Actor, id: Uuid| {
        let (state, actor) = (state.clone(), actor.clone());
        async move { tickets::get(&state, &actor, id).await.unwrap().messages[0].id }
    };
    let fixtures = [
        Fixture {
            id: a_ticket,
            exists: true,
            customer: alice.user_id,
            team: Some(support),
            assignee: None,
            message: first_message(&state, &admin, a_ticket).await,
        },
        Fixture {
            id: b_ticket,
            exists: true,
            customer: bob.user_id,
            team: Some(billing),
            assignee: Some(assigned_agent.user_id),
            message: first_message(&state, &admin, b_ticket).await,
        },
        Fixture {
            id: Uuid::now_v7(),
            exists: false,
            customer: Uuid::now_v7(),
            team: Some(support),
            assignee: None,
            message: Uuid::now_v7(),
        },
    ];
    let request = erasure::request(&state, &alice, PASSWORD, "")
        .await
        .unwrap()
        .id;
    let field = fields::save_def(
        &state,
        &admin,
        app::fields::CustomFieldInput {
            id: None,
            scope: "contact".into(),
            label: "Matrix field".into(),
            help_text: String::new(),
            field_type: "text".into(),
            options: String::new(),
            required: false,
            encrypted: false,
        },
    )
    .await
    .unwrap()
    .id;

    let actors: Vec<(&str, Option<Actor>)> = vec![
        ("anonymous", None),
        ("customer B", Some(as_now(&state, &bob).await)),
        ("agent", Some(as_now(&state, &agent).await)),
        (
            "billing agent (custom role, own team)",
            Some(as_now(&state, &billing_agent).await),
        ),
        (
            "assigned-only agent (custom role)",
            Some(as_now(&state, &assigned_agent).await),
        ),
        ("admin", Some(as_now(&state, &admin).await)),
        // Last: A's own requests may end (withdrawn) once A has tried them.
        ("customer A", Some(as_now(&state, &alice).await)),
    ];
    let teams_of: HashMap<Uuid, Vec<Uuid>> = {
        let mut m = HashMap::new();
        for (_, a) in &actors {
            if let Some(a) = a {
                m.insert(
                    a.user_id,
                    teams::teams_of(&state.db, a.user_id).await.unwrap(),
                );
            }
        }
        m
    };
    assert_eq!(actors[3].1.as_ref().unwrap().grant.sharing, Sharing::Teams);

    // Every registered server function has a row.
    let table = table();
    let covered: BTreeSet<&str> = table.iter().map(|r| r.path).collect();
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p)
        .collect();
    let missing: Vec<_> = registered.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in the permission matrix: {missing:?}"
    );

    let mut n = 0;
    let mut failures = Vec::new();
    for row in &table {
        let targets: Vec<Option<&Fixture>> = match row.rule {
            Rule::Ticket(_) => fixtures.iter().map(Some).collect(),
            _ => vec![None],
        };
        for target in targets {
            for (who, actor) in &actors {
                n += 1;
                let body = row
                    .body
                    .replace("{n}", &n.to_string())
                    .replace("{password}", "correct+horse+battery")
                    .replace("{random}", &Uuid::now_v7().to_string())
                    .replace("{request}", &request.to_string())
                    .replace("{carol}", &carol.user_id.to_string())
                    .replace("{agent}", &agent.user_id.to_string())
                    .replace("{billing_agent}", &billing_agent.user_id.to_string())
                    .replace("{billing_role}", &billing_role.to_string())
                    .replace("{billing}", &billing.to_string())
                    .replace("{support}", &support.to_string())
                    .replace("{field}", &field.to_string());
                let body = match target {
                    Some(t) => body
                        .replace("{t}", &t.id.to_string())
                        .replace("{m}", &t.message.to_string())
                        .replace("{team}", &t.team.unwrap_or(support).to_string())
                        .replace(
                            "{assignee}",
                            &t.assignee.map(|a| a.to_string()).unwrap_or_default(),
                        ),
                    None => body,
                };
                let mut browser = match actor {
                    Some(a) => session_of(&state, a).await,
                    None => Browser::new(&state),
                };
                let reply = if row.json {
                    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
                    let req = browser
                        .with_cookie(http::Request::post(row.path))
                        .header(http::header::CONTENT_TYPE, "application/json")
                        .header(http::header::ACCEPT, "application/json")
                        .header(http::header::ORIGIN, common::ORIGIN)
                        .header("sec-fetch-site", "same-origin")
                        .body(axum::body::Body::from(value.to_string()))
                        .unwrap();
                    browser.send(req).await
                } else {
                    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap();
                    let pairs: Vec<(&str, &str)> = pairs
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    browser
                        .call_from(row.path, &pairs, Some(common::ORIGIN), Some("same-origin"))
                        .await
                };
                let status = reply.status;
                let refused = matches!(
                    status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
                );
                let expected = expectation(row.rule, actor.as_ref(), target, &teams_of);
                let ok = match expected {
                    Expect::Allowed => {
                        !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
                            && status != StatusCode::INTERNAL_SERVER_ERROR
                    }
                    Expect::AllowedOr404 => {
                        !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
                            && status != StatusCode::INTERNAL_SERVER_ERROR
                    }
                    Expect::Refused => refused,
                    Expect::NotFound => status == StatusCode::NOT_FOUND,
                    Expect::AnonymousOnlyChecked => status != StatusCode::INTERNAL_SERVER_ERROR,
                    // Open to visitors: never "sign in first" or "forbidden" (a wrong password is 401 with its own code).
                    Expect::Open => {
                        status != StatusCode::FORBIDDEN
                            && status != StatusCode::INTERNAL_SERVER_ERROR
                            && reply.code() != "not_signed_in"
                    }
                };
                if !ok {
                    let ticket = target
                        .map(|t| format!(" on ticket {}", t.id))
                        .unwrap_or_default();
                    failures.push(format!(
                        "{} as {who}{ticket}: expected {expected:?}, got {status} {}",
                        row.path,
                        reply.body.chars().take(160).collect::<String>()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} calls broke the matrix ({}):\n{}",
        failures.len(),
        common::backend(),
        failures.join("\n")
    );

    // Every page, the same way: a visitor is sent to sign in, a refused
    // person reads the refusal (or "not found" for a ticket) and none of the
    // data, an allowed one reads the page.
    let routes: BTreeSet<String> = leptos_axum::generate_route_list(app::App)
        .iter()
        .map(|r| r.path().to_owned())
        .collect();
    let pages = pages();
    let page_paths: BTreeSet<String> = pages.iter().map(|(p, _)| p.to_string()).collect();
    let missing: Vec<_> = routes.difference(&page_paths).collect();
    assert!(
        missing.is_empty(),
        "pages without a row in the permission matrix: {missing:?}"
    );
    let mut failures = Vec::new();
    for (route, rule) in &pages {
        let targets: Vec<Option<&Fixture>> = match rule {
            Rule::Ticket(_) => fixtures.iter().map(Some).collect(),
            _ => vec![None],
        };
        for target in targets {
            let id = match target {
                Some(t) => t.id.to_string(),
                None if route.starts_with("/requests") => request.to_string(),
                None => carol.user_id.to_string(),
            };
            let path = route.replace("{id}", &id);
            for (who, actor) in &actors {
                let mut browser = match actor {
                    Some(a) => session_of(&state, a).await,
                    None => Browser::new(&state),
                };
                let page = browser.get(&path).await;
                let forbidden = page.body.contains("You do not have permission to do that.");
                let not_found = page.body.contains("We could not find that.");
                let expected = expectation(*rule, actor.as_ref(), target, &teams_of);
                let ok = match (actor, expected) {
                    (None, Expect::Open | Expect::AllowedOr404) => page.status == StatusCode::OK,
                    (None, _) => page.status == StatusCode::SEE_OTHER,
                    // The words decide; the status follows them when the
                    // refusal resolves before the page's head is sent.
                    (Some(_), Expect::Refused) => {
                        matches!(
                            page.status,
                            StatusCode::OK | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
                        ) && (forbidden || not_found)
                    }
                    (Some(_), Expect::NotFound) => {
                        matches!(page.status, StatusCode::OK | StatusCode::NOT_FOUND)
                            && not_found
                            && !forbidden
                    }
                    (Some(_), _) => page.status == StatusCode::OK && !forbidden && !not_found,
                };
                // A ticket someone may not see never shows its subject.
                let leaked = match target {
                    Some(t)
                        if t.exists && matches!(expected, Expect::Refused | Expect::NotFound) =>
                    {
                        let subject = if t.id == a_ticket {
                            "Alice&#x27;s order"
                        } else {
                            "Bob&#x27;s invoice"
                        };
                        page.body.contains(subject)
                    }
                    _ => false,
                };
                if !ok || leaked {
                    failures.push(format!(
                        "page {path} as {who}: expected {expected:?}, got {} (forbidden: {forbidden}, not found: {not_found}, leaked: {leaked})",
                        page.status
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} pages broke the matrix ({}):\n{}",
        failures.len(),
        common::backend(),
        failures.join("\n")
    );
}

/// Every page of the portal and who may open it (`{id}`: a ticket, a request or a customer).
fn pages() -> Vec<(&'static str, Rule)> {
    use Permission as P;
    use Rule::*;
    vec![
        ("/", Public),
        ("/sign-in", Public),
        ("/sign-up", Public),
        ("/forgot-password", Public),
        ("/reset-password", Public),
        ("/cancel-email-change", Public),
        ("/confirm-email", Public),
        ("/confirm-address", SignedIn),
        ("/security", SignedIn),
        ("/tickets", SignedIn),
        ("/tickets/new", SignedIn),
        ("/tickets/{id}", Ticket(Action::ViewTicket)),
        ("/activity", SignedIn),
        ("/profile", SignedIn),
        ("/privacy", SignedIn),
        ("/requests", Needs(P::ReviewRequests)),
        ("/requests/register", Needs(P::ReviewRequests)),
        ("/requests/{id}", Needs(P::ReviewRequests)),
        ("/customers/{id}/erase", Needs(P::ReviewRequests)),
        ("/admin/users", Needs(P::ManageUsers)),
        ("/admin/roles", Needs(P::ManageUsers)),
        ("/admin/teams", Needs(P::ManageUsers)),
        ("/admin/audit", Needs(P::ViewAuditLog)),
        ("/admin/keys", Needs(P::ManageSettings)),
        ("/admin/outbox", Needs(P::ManageSettings)),
        ("/admin/privacy", Needs(P::ManageSettings)),
        ("/admin/retention", Needs(P::ManageSettings)),
        ("/admin/fields", Needs(P::ManageFields)),
        ("/admin/permissions", Needs(P::ManageFields)),
        ("/admin/export", Needs(P::ExportAllData)),
    ]
}

#[derive(Clone, Copy, Debug)]
enum Expect {
    Allowed,
    /// Allowed past the permission check; the thing itself may be missing.
    AllowedOr404,
    Refused,
    /// Refused without saying the thing exists.
    NotFound,
    AnonymousOnlyChecked,
    /// A visitor may call it.
    Open,
}

fn expectation(
    rule: Rule,
    actor: Option<&Actor>,
    target: Option<&Fixture>,
    teams_of: &HashMap<Uuid, Vec<Uuid>>,
) -> Expect {
    let Some(actor) = actor else {
        return match rule {
            Rule::Public => Expect::Open,
            _ => Expect::Refused,
        };
    };
    match rule {
        Rule::Public => Expect::AnonymousOnlyChecked,
        Rule::SignedIn => Expect::AllowedOr404,
        Rule::Customers => {
            if actor.role == Role::Customer {
                Expect::AllowedOr404
            } else {
                Expect::Refused
            }
        }
        Rule::Needs(p) => {
            if actor.role.is_staff() && actor.grant.permissions.has(p) {
                Expect::AllowedOr404
            } else {
                Expect::Refused
            }
        }
        Rule::AlicesRequest => {
            if actor.role == Role::Customer && actor.email == "alice@example.org" {
                Expect::AllowedOr404
            } else {
                Expect::NotFound
            }
        }
        Rule::Ticket(action) => {
            let t = target.unwrap();
            let target = Target::Ticket {
                customer_id: t.customer,
            };
            if !t.exists || !sees(actor, t, teams_of) {
                // Only someone allowed the action at all may learn nothing from a 404;
                // someone without the permission may be refused before the look-up.
                if policy::can(actor, action, target) {
                    Expect::NotFound
                } else {
                    Expect::Refused
                }
            } else if policy::can(actor, action, target) {
                Expect::Allowed
            } else {
                Expect::Refused
            }
        }
    }
}
