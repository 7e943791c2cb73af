//! In-process tests of the real router: server functions, cookies, headers,
//! cross-site rejection, and that customers only reach their own tickets.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, ORIGIN};

use app::api::{
    admin::{CreateUser, ListUsers},
    audit::{AuditEvents, MasterKeyStatus, MyActivity, VerifyAuditChain},
    auth::{SignIn, SignOut, SignUp, WhoAmI},
    tickets::{GetTicket, ListTickets, OpenTicket, ReplyToTicket, SetTicketStatus},
};
use http::StatusCode;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "correct horse battery";

async fn signed_up(state: &app::server::AppState, name: &str, email: &str) -> Browser {
    let mut b = Browser::new(state);
    let r = b
        .call::<SignUp>(&[("name", name), ("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    common::confirm_address_of(state, &email.to_lowercase()).await;
    b
}

async fn open_ticket(b: &mut Browser, subject: &str, body: &str) -> String {
    let r = b
        .call_json::<OpenTicket>(serde_json::json!({"subject": subject, "body": body}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json().as_str().unwrap().to_owned()
}

#[tokio::test]
async fn pages_render_with_security_headers_and_a_matching_csp_nonce() {
    let state = common::state().await;
    let mut b = Browser::new(&state);
    let r = b.get("/").await;
    assert_eq!(r.status, StatusCode::OK);
    let csp = r.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        r.body
            .contains(&format!("<script type=\"module\" nonce=\"{nonce}\">")),
        "hydration script carries the nonce"
    );
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    assert_eq!(r.headers["x-frame-options"], "DENY");
    assert_eq!(r.headers["cache-control"], "no-store");
    assert!(r.headers.contains_key("x-request-id"));
    assert!(r.body.contains("/pkg/custodian.js"));
    // A second request gets a different nonce.
    let again = b.get("/").await;
    assert_ne!(
        again.headers["content-security-policy"].to_str().unwrap(),
        csp
    );
}

#[tokio::test]
async fn unknown_pages_are_404() {
    let state = common::state().await;
    let r = Browser::new(&state).get("/no/such/page").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Page not found"));
}

#[tokio::test]
async fn sign_up_sets_a_hardened_session_cookie_and_signs_in() {
    let state = common::state().await;
    let mut b = Browser::new(&state);
    let r = b
        .call::<SignUp>(&[
            ("name", "Ada"),
            ("email", "Ada@Example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let cookie = r.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("custodian_session="));
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(!cookie.contains("Secure"), "plain http deployment");
    let token = cookie.split(';').next().unwrap().split('=').nth(1).unwrap();
    assert_eq!(token.len(), 64, "256-bit token, hex");
    let me = b.call::<WhoAmI>(&[]).await.json();
    assert_eq!(me["email"], "ada@example.org");
    assert_eq!(me["role"], "customer");
}

#[tokio::test]
async fn sign_up_errors_are_specific() {
    let state = common::state().await;
    let mut b = Browser::new(&state);
    let r = b
        .call::<SignUp>(&[
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("password", "short"),
        ])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "password");
    let r = b
        .call::<SignUp>(&[
            ("name", "Ada"),
            ("email", "not-an-email"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.json()["field"], "email");
    signed_up(&state, "Ada", "ada@example.org").await;
    let r = Browser::new(&state)
        .call::<SignUp>(&[
            ("name", "Ada 2"),
            ("email", "ADA@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.code(), "email_taken");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_look_the_same() {
    let state = common::state().await;
    signed_up(&state, "Ada", "ada@example.org").await;
    let mut b = Browser::new(&state);
    let wrong = b
        .call::<SignIn>(&[
            ("email", "ada@example.org"),
            ("password", "not the password"),
        ])
        .await;
    let unknown = b
        .call::<SignIn>(&[
            ("email", "nobody@example.org"),
            ("password", "not the password"),
        ])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.code(), "invalid_credentials");
}

#[tokio::test]
async fn sign_in_rotates_the_session_and_sign_out_ends_it() {
    let state = common::state().await;
    let mut b = signed_up(&state, "Ada", "ada@example.org").await;
    let first = b.cookie.clone().unwrap();
    let r = b
        .call::<SignIn>(&[("email", "ada@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let second = b.cookie.clone().unwrap();
    assert_ne!(first, second, "a new token at sign-in");
    let mut stale = Browser {
        router: b.router.clone(),
        cookie: Some(first),
    };
    assert!(
        stale.call::<WhoAmI>(&[]).await.json().is_null(),
        "the old session ended"
    );

    let r = b.call::<SignOut>(&[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let mut replay = Browser {
        router: b.router.clone(),
        cookie: Some(second),
    };
    assert!(
        replay.call::<WhoAmI>(&[]).await.json().is_null(),
        "signed out on the server"
    );
    assert_eq!(
        replay.call::<ListTickets>(&[("page", "0")]).await.code(),
        "not_signed_in"
    );
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_account() {
    let state = common::state().await;
    signed_up(&state, "Ada", "ada@example.org").await;
    let mut b = Browser::new(&state);
    for _ in 0..state.security.max_failures_per_account {
        let r = b
            .call::<SignIn>(&[("email", "ada@example.org"), ("password", "guess guess")])
            .await;
        assert_eq!(r.code(), "invalid_credentials");
    }
    let r = b
        .call::<SignIn>(&[("email", "ada@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.code(), "rate_limited");
    // Another account from elsewhere is not affected.
    signed_up(&state, "Bea", "bea@example.org").await;
}

#[tokio::test]
async fn cross_site_state_changes_are_rejected() {
    let state = common::state().await;
    let mut b = signed_up(&state, "Ada", "ada@example.org").await;
    // A forged sign-out is a state change like any other.
    let path = <SignOut as ServerFn>::PATH;
    for (origin, site) in [
        (Some("https://evil.example"), None),
        (None, Some("cross-site")),
        (None, Some("same-site")),
        (Some("null"), None),
        (Some(ORIGIN), Some("cross-site")),
    ] {
        let r = b.call_from(path, &[], origin, site).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{origin:?} {site:?}");
        assert_eq!(r.code(), "cross_site_request");
    }
    assert!(
        !b.call::<WhoAmI>(&[]).await.json().is_null(),
        "still signed in"
    );
    // An Origin that matches the Host the client chose is not the portal's
    // origin: before the fix this passed (DNS rebinding, a proxy that passes Host on).
    let forged = b
        .with_cookie(http::Request::post(path))
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(http::header::HOST, "evil.example")
        .header(http::header::ORIGIN, "http://evil.example")
        .body(axum::body::Body::empty())
        .unwrap();
    let r = b.send(forged).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(r.code(), "cross_site_request");
    // Same-origin requests pass.
    let r = b
        .call_from(path, &[], Some(ORIGIN), Some("same-origin"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(b.call::<WhoAmI>(&[]).await.json().is_null(), "signed out");
}

#[tokio::test]
async fn a_customer_cannot_reach_another_customers_ticket() {
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob", "bob@example.org").await;
    let id = open_ticket(&mut alice, "Alice's secret", "Alice's text").await;

    let r = bob.call::<GetTicket>(&[("id", &id)]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
    assert!(!r.body.contains("Alice"));
    let r = bob
        .call::<ReplyToTicket>(&[("ticket_id", &id), ("body", "hi")])
        .await;
    assert_eq!(r.code(), "not_found");
    let r = bob
        .call::<SetTicketStatus>(&[("ticket_id", &id), ("status", "closed")])
        .await;
    assert_eq!(r.code(), "not_found");
    let list = bob.call::<ListTickets>(&[]).await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    // A search by her words or her address finds nothing of hers either.
    for words in ["secret", "alice@example.org"] {
        let list = bob.call::<ListTickets>(&[("search", words)]).await.json();
        assert_eq!(list["items"].as_array().unwrap().len(), 0, "{words}");
    }
    // The page itself says "not found" too, and leaks nothing.
    let page = bob.get(&format!("/tickets/{id}")).await;
    assert!(page.body.contains("We could not find that."));
    assert!(!page.body.contains("Alice&#x27;s secret") && !page.body.contains("Alice's secret"));
    // Anonymous callers are asked to sign in.
    let r = Browser::new(&state).call::<GetTicket>(&[("id", &id)]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Alice herself sees it.
    let r = alice.call::<GetTicket>(&[("id", &id)]).await.json();
    assert_eq!(r["subject"], "Alice's secret");
}

#[tokio::test]
async fn customers_cannot_add_internal_notes_or_change_status_and_never_see_notes() {
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice", "alice@example.org").await;
    let id = open_ticket(&mut alice, "Help", "Please").await;
    let r = alice
        .call::<ReplyToTicket>(&[("ticket_id", &id), ("body", "sneaky"), ("internal", "true")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = alice
        .call::<SetTicketStatus>(&[("ticket_id", &id), ("status", "closed")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let agent = app::server::services::accounts::NewUser::validated(
        "Agnes",
        "agnes@example.org",
        PASSWORD,
        app::model::Role::Agent,
    )
    .unwrap();
    app::server::services::accounts::create_user_unchecked(&state, agent)
        .await
        .unwrap();
    let mut agnes = Browser::new(&state);
    agnes
        .call::<SignIn>(&[("email", "agnes@example.org"), ("password", PASSWORD)])
        .await;
    let r = agnes
        .call::<ReplyToTicket>(&[
            ("ticket_id", &id),
            ("body", "note for staff"),
            ("internal", "true"),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    agnes
        .call::<ReplyToTicket>(&[("ticket_id", &id), ("body", "public answer")])
        .await;
    let staff_view = agnes.call::<GetTicket>(&[("id", &id)]).await.json();
    assert_eq!(staff_view["messages"].as_array().unwrap().len(), 3);
    assert_eq!(staff_view["customer_email"], "alice@example.org");
    let customer_view = alice.call::<GetTicket>(&[("id", &id)]).await;
    assert!(!customer_view.body.contains("note for staff"));
    assert!(customer_view.body.contains("public answer"));
    assert!(customer_view.json()["customer_email"].is_null());
}

#[tokio::test]
async fn only_admins_manage_users() {
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice", "alice@example.org").await;
    let form = [
        ("name", "Mallory"),
        ("email", "mallory@example.org"),
        ("password", PASSWORD),
        ("role", "admin"),
    ];
    assert_eq!(
        alice.call::<CreateUser>(&form).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        alice.call::<ListUsers>(&[("page", "0")]).await.status,
        StatusCode::FORBIDDEN
    );

    let admin = app::server::services::accounts::NewUser::validated(
        "Root",
        "root@example.org",
        PASSWORD,
        app::model::Role::Admin,
    )
    .unwrap();
    app::server::services::accounts::create_user_unchecked(&state, admin)
        .await
        .unwrap();
    let mut root = Browser::new(&state);
    root.call::<SignIn>(&[("email", "root@example.org"), ("password", PASSWORD)])
        .await;
    let form = [
        ("name", "Agnes"),
        ("email", "agnes@example.org"),
        ("password", PASSWORD),
        ("role", "agent"),
    ];
    let r = root.call::<CreateUser>(&form).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["role"], "agent");
    let bad_role = [
        ("name", "X"),
        ("email", "x@example.org"),
        ("password", PASSWORD),
        ("role", "superuser"),
    ];
    assert_eq!(
        root.call::<CreateUser>(&bad_role).await.json()["field"],
        "role"
    );
    let users = root.call::<ListUsers>(&[("page", "0")]).await.json();
    assert_eq!(users["total_items"], 3);
}

#[tokio::test]
async fn malformed_arguments_get_a_clear_error_not_a_crash() {
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice", "alice@example.org").await;
    let r = alice.call::<GetTicket>(&[("id", "not-a-uuid")]).await;
    assert_eq!(r.code(), "invalid_request", "{}", r.body);
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = alice
        .call::<ListTickets>(&[("status", "exploded"), ("page", "0")])
        .await;
    assert_eq!(r.json()["field"], "status");
}

const NO_FILTER: [(&str, &str); 7] = [
    ("filter[actor_email]", ""),
    ("filter[subject_email]", ""),
    ("filter[action]", ""),
    ("filter[entity_type]", ""),
    ("filter[from]", ""),
    ("filter[to]", ""),
    ("page", "0"),
];

#[tokio::test]
async fn activity_is_scoped_to_the_asker_and_the_audit_log_is_for_admins() {
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice Apple", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob Banana", "bob@example.org").await;
    open_ticket(&mut alice, "Alice's ticket", "Alice's words").await;
    let mine = alice.call::<MyActivity>(&[("page", "0")]).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert!(mine.body.contains("Alice's words"));
    let theirs = bob.call::<MyActivity>(&[("page", "0")]).await;
    assert!(!theirs.body.contains("Alice"), "{}", theirs.body);
    assert_eq!(
        theirs.json()["total_items"],
        3,
        "only his own: the sign-up, the confirmation mail, the confirmation"
    );

    for r in [
        bob.call::<AuditEvents>(&NO_FILTER).await,
        bob.call::<VerifyAuditChain>(&[]).await,
        bob.call::<MasterKeyStatus>(&[]).await,
    ] {
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    assert_eq!(
        Browser::new(&state)
            .call::<MyActivity>(&[("page", "0")])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    let admin = app::server::services::accounts::NewUser::validated(
        "Root",
        "root@example.org",
        PASSWORD,
        app::model::Role::Admin,
    )
    .unwrap();
    app::server::services::accounts::create_user_unchecked(&state, admin)
        .await
        .unwrap();
    let mut root = Browser::new(&state);
    root.call::<SignIn>(&[("email", "root@example.org"), ("password", PASSWORD)])
        .await;
    let verified = root.call::<VerifyAuditChain>(&[]).await.json();
    assert_eq!(verified["ok"], true, "{verified}");
    let keys = root.call::<MasterKeyStatus>(&[]).await.json();
    assert_eq!(keys["keys"][0]["data_keys"], 3);
    let events = root
        .call::<AuditEvents>(&[
            ("filter[subject_email]", "alice@example.org"),
            ("filter[actor_email]", ""),
            ("filter[action]", "ticket_created"),
            ("filter[entity_type]", ""),
            ("filter[from]", ""),
            ("filter[to]", ""),
            ("page", "0"),
        ])
        .await;
    assert_eq!(events.status, StatusCode::OK, "{}", events.body);
    assert_eq!(events.json()["total_items"], 1);
    assert!(
        events.body.contains("Alice's words"),
        "decrypted for admins"
    );
}

#[tokio::test]
async fn new_endpoints_refuse_other_customers_and_non_admins() {
    use app::api::{
        privacy::{
            DecideRequest, GetRequest, MyRequests, Outbox, RequestEmailChange, RequestQueue,
        },
        profile::{MyProfile, UpdateProfile},
        settings::{CustomFields, FieldPermissions, SetFieldPermission},
        tickets::UpdateTicketFields,
    };
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice Apple", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob Banana", "bob@example.org").await;
    let ticket = open_ticket(&mut alice, "Alice's", "words").await;
    let r = alice
        .call::<RequestEmailChange>(&[
            ("new_email", "alice.new@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let request_id = r.json()["id"].as_str().unwrap().to_owned();

    // Bob sees only his own profile and requests.
    let profile = bob.call::<MyProfile>(&[]).await;
    assert!(
        profile.body.contains("bob@example.org") && !profile.body.contains("Alice"),
        "{}",
        profile.body
    );
    assert_eq!(
        bob.call::<MyRequests>(&[]).await.json(),
        serde_json::json!([])
    );
    // Staff-only and admin-only functions refuse him.
    for r in [
        bob.call::<RequestQueue>(&[]).await,
        bob.call::<GetRequest>(&[("id", &request_id)]).await,
        bob.call::<DecideRequest>(&[("id", &request_id), ("approve", "true")])
            .await,
        bob.call::<Outbox>(&[("page", "0")]).await,
        bob.call::<CustomFields>(&[("scope", "contact")]).await,
        bob.call::<FieldPermissions>(&[]).await,
        bob.call::<SetFieldPermission>(&[
            ("role", "customer"),
            ("field", "email"),
            ("access", "read"),
        ])
        .await,
    ] {
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    let r = bob
        .call_json::<UpdateTicketFields>(serde_json::json!({"ticket_id": ticket, "fields": []}))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    // A crafted email change through the profile endpoint is refused, with the reason.
    let r = bob
        .call_json::<UpdateProfile>(
            serde_json::json!({"email": "mallory@example.org", "fields": []}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "email");
    assert!(r.body.contains("Request an email change"));
    // Alice's request is still pending and unchanged.
    let mine = alice.call::<MyRequests>(&[]).await.json();
    assert_eq!(mine[0]["status"], "submitted");
}

#[tokio::test]
async fn sign_up_is_rate_limited_per_client_address() {
    let mut state = common::state().await;
    state.security.max_failures_per_client = 2;
    for i in 0..2 {
        let email = format!("new{i}@example.org");
        let r = Browser::new(&state)
            .call::<SignUp>(&[("name", "New"), ("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let r = Browser::new(&state)
        .call::<SignUp>(&[
            ("name", "New"),
            ("email", "new9@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.code(), "rate_limited");
}

/// Every accepted connection sends without delay: a kept-alive browser would
/// otherwise wait for its own delayed ACK (~40 ms) on every response.
#[tokio::test]
async fn accepted_connections_send_without_delay() {
    use axum::serve::Listener;
    let mut listener = server::listen("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let client = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (accepted, peer) = listener.accept().await;
    assert_eq!(peer, client.local_addr().unwrap());
    assert!(accepted.nodelay().unwrap(), "TCP_NODELAY is not set");
}

/// Sends `path` with `Accept-Encoding` set (and the browser's session cookie, if any).
async fn get_encoded(b: &mut Browser, path: &str, encodings: &str) -> common::Reply {
    let mut req = http::Request::get(path).header(http::header::ACCEPT_ENCODING, encodings);
    if let Some(cookie) = &b.cookie {
        req = req.header(http::header::COOKIE, cookie);
    }
    b.send(req.body(axum::body::Body::empty()).unwrap()).await
}

/// Visitors' pages are compressed; a signed-in person's never are: their pages
/// mix personal data with text others wrote, what a BREACH-style attack needs.
#[tokio::test]
async fn only_pages_without_personal_data_are_compressed() {
    let state = common::state().await;
    let mut visitor = Browser::new(&state);
    let r = get_encoded(&mut visitor, "/sign-in", "gzip, br").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers.contains_key(http::header::CONTENT_ENCODING),
        "{:?}",
        r.headers
    );
    let mut ada = signed_up(&state, "Ada", "ada.compress@example.org").await;
    for path in ["/tickets", "/profile", "/privacy"] {
        let r = get_encoded(&mut ada, path, "gzip, br").await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            !r.headers.contains_key(http::header::CONTENT_ENCODING),
            "{path} was compressed"
        );
        assert!(r.body.contains("Ada"), "{path} is a page of Ada's");
    }
}

/// The bundle's files carry their content hash in their names, are cached for
/// a year, and come precompressed when the browser accepts it; pages name them.
#[tokio::test]
async fn assets_are_named_by_content_cached_and_served_precompressed() {
    let mut state = common::state().await;
    let site = std::env::temp_dir()
        .join("custodian-tests")
        .join(format!("site-{}", uuid::Uuid::new_v4().simple()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let (js, wasm, css) = ("0123456789abcdef", "fedcba9876543210", "00112233aabbccdd");
    std::fs::write(
        site.join("hash.txt"),
        format!("js: {js}\nwasm: {wasm}\ncss: {css}\n"),
    )
    .unwrap();
    std::fs::write(pkg.join(format!("custodian.{wasm}.wasm")), b"\0asm plain").unwrap();
    std::fs::write(
        pkg.join(format!("custodian.{wasm}.wasm.br")),
        b"brotli bytes",
    )
    .unwrap();
    let stylesheet = "body { margin: 0 auto; max-width: 60rem; color: #1d2b2a; }\n".repeat(20);
    std::fs::write(pkg.join(format!("custodian.{css}.css")), &stylesheet).unwrap();
    std::fs::write(site.join("favicon.svg"), b"<svg/>").unwrap();
    state.leptos_options = leptos::config::LeptosOptions::builder()
        .output_name("custodian")
        .site_root(site.display().to_string())
        .site_pkg_dir("pkg")
        .hash_files(true)
        .hash_file(std::sync::Arc::from(
            site.join("hash.txt").display().to_string(),
        ))
        .build();
    let mut b = Browser::new(&state);

    let page = b.get("/sign-in").await;
    assert!(
        page.body.contains(&format!("/pkg/custodian.{js}.js")),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("/pkg/custodian.{wasm}.wasm")));
    assert!(page.body.contains(&format!("/pkg/custodian.{css}.css")));
    assert_eq!(page.headers["cache-control"], "no-store");

    let wasm_path = format!("/pkg/custodian.{wasm}.wasm");
    let r = get_encoded(&mut b, &wasm_path, "gzip, br").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-encoding"], "br");
    assert_eq!(r.body, "brotli bytes");
    assert_eq!(
        r.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let r = b.get(&wasm_path).await;
    assert!(!r.headers.contains_key(http::header::CONTENT_ENCODING));
    assert_eq!(r.body, "\0asm plain");
    // Without a precompressed copy a static file goes as it is: never compressed per request.
    let css_path = format!("/pkg/custodian.{css}.css");
    let r = get_encoded(&mut b, &css_path, "gzip, br").await;
    assert!(!r.headers.contains_key(http::header::CONTENT_ENCODING));
    assert_eq!(r.body, stylesheet);
    // A file not named by its content is revalidated, not kept for a year.
    let r = b.get("/favicon.svg").await;
    assert_eq!(r.headers["cache-control"], "no-cache");
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test]
async fn account_endpoints_act_only_on_the_askers_own_account() {
    use app::api::{
        account::{
            ChangePassword, EndDevice, EndOtherDevices, ForgotPassword, MyDevices, ResetPassword,
        },
        admin::{SendPasswordReset, SetAccountEnabled},
        privacy::CancelEmailChange,
    };
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice Apple", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob Banana", "bob@example.org").await;
    let agent = common::staff(&state, "agnes@example.org", app::model::Role::Agent).await;
    let mut agent_browser = Browser::new(&state);
    let r = agent_browser
        .call::<SignIn>(&[("email", "agnes@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let alices = alice.call::<MyDevices>(&[]).await.json();
    let alice_session = alices[0]["id"].as_str().unwrap().to_owned();
    // Bob sees only his own browser, and cannot end Alice's by its id.
    let bobs = bob.call::<MyDevices>(&[]).await.json();
    assert_eq!(bobs.as_array().unwrap().len(), 1);
    assert_ne!(bobs[0]["id"], alices[0]["id"]);
    let r = bob.call::<EndDevice>(&[("id", &alice_session)]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = bob.call::<EndOtherDevices>(&[]).await;
    assert_eq!(r.json(), 0);
    assert!(
        !alice.call::<WhoAmI>(&[]).await.json().is_null(),
        "Alice still signed in"
    );
    // A password change needs the asker's own current password.
    let r = bob
        .call::<ChangePassword>(&[
            ("current_password", "guess guess"),
            ("new_password", "violet harbour trumpet"),
        ])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "current_password");
    // Admin-only account actions refuse customers and agents.
    let target = agent.user_id.to_string();
    for who in [&mut bob, &mut agent_browser] {
        for r in [
            who.call::<SetAccountEnabled>(&[("id", &target), ("enabled", "false")])
                .await,
            who.call::<SendPasswordReset>(&[("id", &target)]).await,
        ] {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        }
    }
    // Links: a made-up token is refused, and "forgot" answers the same for anyone.
    let mut visitor = Browser::new(&state);
    let fake = "0".repeat(64);
    for r in [
        visitor
            .call::<ResetPassword>(&[("token", &fake), ("new_password", "violet harbour trumpet")])
            .await,
        visitor.call::<CancelEmailChange>(&[("token", &fake)]).await,
    ] {
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    }
    let known = visitor
        .call::<ForgotPassword>(&[("email", "alice@example.org")])
        .await;
    let unknown = visitor
        .call::<ForgotPassword>(&[("email", "nobody@example.org")])
        .await;
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!((known.status, known.body), (unknown.status, unknown.body));
    // A visitor has no devices.
    assert_eq!(visitor.call::<MyDevices>(&[]).await.code(), "not_signed_in");
}

#[tokio::test]
async fn an_unconfirmed_address_waits_for_its_link() {
    use app::api::{
        account::{AddressConfirmed, ConfirmAddress, ResendConfirmation},
        privacy::{RequestEmailChange, RequestErasure, RequestExport},
    };
    let state = common::state().await;
    let mut eve = Browser::new(&state);
    let r = eve
        .call::<SignUp>(&[
            ("name", "Eve"),
            ("email", "eve@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // Tickets work; what sends something to the address or swaps it waits.
    open_ticket(&mut eve, "Before confirming", "Reading is fine").await;
    assert_eq!(eve.call::<AddressConfirmed>(&[]).await.json(), false);
    for r in [
        eve.call::<RequestExport>(&[("password", PASSWORD)]).await,
        eve.call::<RequestErasure>(&[("password", PASSWORD), ("reason", "")])
            .await,
        eve.call::<RequestEmailChange>(&[
            ("new_email", "eve2@example.org"),
            ("password", PASSWORD),
        ])
        .await,
    ] {
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert_eq!(r.code(), "email_not_confirmed");
    }
    // A made-up link is refused; a visitor has nothing to resend.
    let mut visitor = Browser::new(&state);
    let r = visitor
        .call::<ConfirmAddress>(&[("token", &"a".repeat(64))])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        visitor.call::<ResendConfirmation>(&[]).await.code(),
        "not_signed_in"
    );
    // A fresh link replaces the first; the newest one confirms.
    let r = eve.call::<ResendConfirmation>(&[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    common::confirm_address_of(&state, "eve@example.org").await;
    assert_eq!(eve.call::<AddressConfirmed>(&[]).await.json(), true);
    let r = eve.call::<RequestExport>(&[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn passkey_endpoints_act_on_the_askers_own_keys_and_answer_alike_for_any_address() {
    use app::api::{
        account::{
            FinishPasskeyRegistration, MyPasskeys, RemovePasskey, StartPasskeyRegistration,
            StartPasskeySignIn,
        },
        auth::SignInWithPasskey,
    };
    use app::server::entities::{passkey, user};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice Apple", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob Banana", "bob@example.org").await;
    // Alice has a passkey (its credential is never opened by these calls).
    let alice_id = user::Entity::find()
        .filter(user::Column::Email.eq("alice@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let key = state.vault.key(alice_id).await.unwrap().unwrap();
    let id = uuid::Uuid::now_v7();
    passkey::ActiveModel {
        id: Set(id),
        user_id: Set(alice_id),
        credential_id: Set("dGVzdA".into()),
        credential: Set(key.seal(passkey::CREDENTIAL.at(&id), b"{}")),
        name: Set(key.seal_str(passkey::NAME.at(&id), "Alice's laptop")),
        created_at: Set(chrono::Utc::now()),
        last_used_at: Set(None),
    }
    .insert(&state.db)
    .await
    .unwrap();
    assert!(alice
        .call::<MyPasskeys>(&[])
        .await
        .body
        .contains("Alice's laptop"));
    assert_eq!(
        bob.call::<MyPasskeys>(&[]).await.json(),
        serde_json::json!([])
    );
    let r = bob
        .call::<RemovePasskey>(&[("id", &id.to_string()), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(alice
        .call::<MyPasskeys>(&[])
        .await
        .body
        .contains("Alice's laptop"));
    // Registration needs the password, and its ceremony is the asker's only.
    let r = bob
        .call::<StartPasskeyRegistration>(&[("password", "guess guess")])
        .await;
    assert_eq!(r.json()["field"], "password");
    let r = bob
        .call::<StartPasskeyRegistration>(&[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let challenge = r.json()["challenge_id"].as_str().unwrap().to_owned();
    let r = alice
        .call::<FinishPasskeyRegistration>(&[
            ("challenge_id", &challenge),
            ("name", "Stolen"),
            ("credential", "{}"),
        ])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // A visitor starting a passkey sign-in gets the same shape whether or not
    // the address has an account (a real passkey's answer is in the E2E test).
    let mut visitor = Browser::new(&state);
    let shape = |v: &serde_json::Value| {
        let options: serde_json::Value =
            serde_json::from_str(v["options"].as_str().unwrap()).unwrap();
        let public_key = &options["publicKey"];
        (
            public_key["allowCredentials"].as_array().unwrap().len(),
            public_key["userVerification"].clone(),
            public_key["rpId"].clone(),
        )
    };
    let with_key = visitor
        .call::<StartPasskeySignIn>(&[("email", "bob@example.org")])
        .await;
    let without = visitor
        .call::<StartPasskeySignIn>(&[("email", "nobody@example.org")])
        .await;
    assert_eq!(with_key.status, StatusCode::OK, "{}", with_key.body);
    assert_eq!(without.status, StatusCode::OK, "{}", without.body);
    assert_eq!(shape(&with_key.json()), shape(&without.json()));
    // A made-up answer signs nobody in.
    let r = visitor
        .call::<SignInWithPasskey>(&[
            (
                "challenge_id",
                without.json()["challenge_id"].as_str().unwrap(),
            ),
            ("credential", "{}"),
        ])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(visitor.call::<WhoAmI>(&[]).await.json().is_null());
    assert_eq!(
        visitor.call::<MyPasskeys>(&[]).await.code(),
        "not_signed_in"
    );
}

#[tokio::test]
async fn two_factor_endpoints_act_on_the_askers_own_account_and_the_rule_is_for_admins() {
    use app::api::{
        account::{ConfirmTwoFactor, DisableTwoFactor, MyTwoFactor, StartTwoFactor},
        admin::{SetStaffTwoFactorRequired, StaffTwoFactorRequired},
    };
    let state = common::state().await;
    let mut alice = signed_up(&state, "Alice Apple", "alice@example.org").await;
    let mut bob = signed_up(&state, "Bob Banana", "bob@example.org").await;
    // Alice starts setting up an app; Bob's state and calls stay his own.
    let r = alice
        .call::<StartTwoFactor>(&[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.json()["secret"].as_str().is_some());
    let mine = bob.call::<MyTwoFactor>(&[]).await.json();
    assert!(mine["enabled_at"].is_null(), "{mine}");
    // Bob cannot finish Alice's set-up (he has none pending), nor turn anything off without a code.
    let r = bob.call::<ConfirmTwoFactor>(&[("code", "123456")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = bob
        .call::<StartTwoFactor>(&[("password", "guess guess")])
        .await;
    assert_eq!(r.json()["field"], "password");
    let r = bob
        .call::<DisableTwoFactor>(&[("password", "guess guess"), ("code", "")])
        .await;
    assert_eq!(r.json()["field"], "password");
    // The staff rule is the admins'.
    for r in [
        bob.call::<StaffTwoFactorRequired>(&[]).await,
        bob.call::<SetStaffTwoFactorRequired>(&[("required", "false")])
            .await,
    ] {
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    let mut visitor = Browser::new(&state);
    assert_eq!(
        visitor.call::<MyTwoFactor>(&[]).await.code(),
        "not_signed_in"
    );
}

/// Re-authentication (the password asked again) gives the browser a new
/// session token; the old one works for the grace period only (requests
/// already on their way), a wrong password changes nothing, and a password
/// change keeps this browser signed in with its newest token.
#[tokio::test]
async fn re_authentication_issues_a_new_session_token_and_the_old_one_ends_soon() {
    use app::api::{
        account::{ChangePassword, MyDevices},
        privacy::RequestExport,
    };
    use app::server::entities::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let state = common::state().await;
    let mut b = signed_up(&state, "Rhea Token", "rhea@example.org").await;
    let mut elsewhere = Browser::new(&state);
    let r = elsewhere
        .call::<SignIn>(&[("email", "rhea@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let first = b.cookie.clone().unwrap();

    // A wrong password: refused, and the token stays.
    let wrong = b
        .call::<RequestExport>(&[("password", "not the password")])
        .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    assert!(wrong.headers.get(http::header::SET_COOKIE).is_none());
    assert_eq!(b.cookie.as_deref(), Some(first.as_str()));

    // The right one: a new HttpOnly token comes with the answer.
    let asked = b.call::<RequestExport>(&[("password", PASSWORD)]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    let set = asked
        .headers
        .get(http::header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite"),
        "{set}"
    );
    let second = b.cookie.clone().unwrap();
    assert_ne!(first, second);
    assert_eq!(
        b.call::<WhoAmI>(&[]).await.json()["email"],
        "rhea@example.org"
    );

    // The old token still answers (a request already on its way) ...
    let mut old = Browser::new(&state);
    old.cookie = Some(first.clone());
    assert_eq!(
        old.call::<WhoAmI>(&[]).await.json()["email"],
        "rhea@example.org"
    );
    // ... and is not a device of its own.
    let devices = b.call::<MyDevices>(&[]).await.json();
    assert_eq!(devices.as_array().unwrap().len(), 2, "{devices}");
    // Asked again with the old token (a tab that sent it before the new one
    // arrived): it acts for the session that replaced it, which is renewed;
    // no other session is made.
    let live = || async {
        use sea_orm::PaginatorTrait;
        session::Entity::find()
            .filter(session::Column::ReplacedAt.is_null())
            .count(&state.db)
            .await
            .unwrap()
    };
    assert_eq!(live().await, 2);
    let mut tab = Browser::new(&state);
    tab.cookie = Some(first.clone());
    let again = tab.call::<RequestExport>(&[("password", PASSWORD)]).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let third = tab.cookie.clone().unwrap();
    assert!(third != first && third != second);
    assert_eq!(
        live().await,
        2,
        "a renewal by the old token made another session"
    );
    // The token before it still answers in its grace period, for the same session.
    assert_eq!(
        b.call::<WhoAmI>(&[]).await.json()["email"],
        "rhea@example.org"
    );
    // Once the grace period is over it is refused, and gone.
    let first_hash = app::server::services::sessions::SessionToken::from_cookie(
        first.split_once('=').unwrap().1,
    )
    .hash();
    session::Entity::update_many()
        .col_expr(
            session::Column::ReplacedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::seconds(31)),
        )
        .filter(session::Column::TokenHash.eq(first_hash.clone()))
        .exec(&state.db)
        .await
        .unwrap();
    assert!(old.call::<WhoAmI>(&[]).await.json().is_null());
    assert!(session::Entity::find_by_id(first_hash)
        .one(&state.db)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        b.call::<WhoAmI>(&[]).await.json()["email"],
        "rhea@example.org"
    );

    // A password change re-authenticates too: this browser stays signed in
    // with a new token; the other browser is signed out.
    let changed = b
        .call::<ChangePassword>(&[
            ("current_password", PASSWORD),
            ("new_password", "a completely new passphrase 2026"),
        ])
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_ne!(b.cookie.as_deref(), Some(second.as_str()));
    assert_eq!(
        b.call::<WhoAmI>(&[]).await.json()["email"],
        "rhea@example.org"
    );
    assert!(elsewhere.call::<WhoAmI>(&[]).await.json().is_null());
    let left = session::Entity::find()
        .filter(session::Column::UserId.is_not_null())
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(left.len(), 1, "only this browser's newest token: {left:?}");
}

#[tokio::test]
async fn two_renewals_racing_on_one_token_make_one_new_session() {
    use app::server::{
        entities::session,
        services::sessions::{self, Renewal},
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let state = common::state().await;
    common::staff(&state, "rena@example.org", app::model::Role::Agent).await;
    let actor = common::signed_in(&state, "rena@example.org").await;
    let hash = actor.session_token_hash.clone();
    let (a, b) = tokio::join!(
        sessions::renew(&state.db, &hash),
        sessions::renew(&state.db, &hash)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let made: Vec<&Renewal> = [&a, &b]
        .into_iter()
        .filter(|r| matches!(r, Renewal::New(_)))
        .collect();
    assert_eq!(made.len(), 1, "{a:?} {b:?}");
    // Both name the one new token; the old row names it as its successor.
    assert_eq!(a.token_hash(), b.token_hash());
    assert_ne!(a.token_hash(), hash);
    let old = session::Entity::find_by_id(hash.clone())
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.replaced_by, Some(a.token_hash()));
    let live = session::Entity::find()
        .filter(session::Column::ReplacedAt.is_null())
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(live, 2, "the agent's two sign-ins' sessions, renewed once");

    // Renewed again on the new token, then once more on the first: the chain
    // is followed to the live one.
    let again = sessions::renew(&state.db, &a.token_hash()).await.unwrap();
    assert!(matches!(again, Renewal::New(_)));
    let late = sessions::renew(&state.db, &hash).await.unwrap();
    assert!(matches!(&late, Renewal::Already(h) if *h == again.token_hash()));
    // A token that is gone is not renewed.
    sessions::end(&state.db, &again.token_hash()).await.unwrap();
    assert!(sessions::renew(&state.db, &hash).await.is_err());
}

#[tokio::test]
async fn ending_a_session_ends_the_tokens_it_replaced_too() {
    use app::server::{
        entities::session,
        services::{devices, sessions},
    };
    use sea_orm::EntityTrait;
    let state = common::state().await;
    let asker = common::staff(&state, "enid@example.org", app::model::Role::Agent).await;
    let gone = |hash: String| {
        let db = state.db.clone();
        async move {
            session::Entity::find_by_id(hash)
                .one(&db)
                .await
                .unwrap()
                .is_none()
        }
    };

    // Signed out right after asking twice for the password: the two tokens
    // it replaced stop working at once, not 30 s later.
    let first = common::signed_in(&state, "enid@example.org")
        .await
        .session_token_hash;
    let second = sessions::renew(&state.db, &first)
        .await
        .unwrap()
        .token_hash();
    let third = sessions::renew(&state.db, &second)
        .await
        .unwrap()
        .token_hash();
    sessions::end(&state.db, &third).await.unwrap();
    for hash in [first, second, third] {
        assert!(gone(hash).await);
    }

    // A device ended from another browser: the same.
    let other = common::signed_in(&state, "enid@example.org")
        .await
        .session_token_hash;
    let renewed = sessions::renew(&state.db, &other)
        .await
        .unwrap()
        .token_hash();
    devices::end_one(&state, &asker, &renewed).await.unwrap();
    assert!(gone(other).await && gone(renewed).await);
    // The asking browser's own session is untouched.
    assert!(!gone(asker.session_token_hash.clone()).await);

    // A devices page loaded before that browser asked for its password again
    // lists its old token: ending it ends the session the token became.
    let listed = common::signed_in(&state, "enid@example.org")
        .await
        .session_token_hash;
    let became = sessions::renew(&state.db, &listed)
        .await
        .unwrap()
        .token_hash();
    devices::end_one(&state, &asker, &listed).await.unwrap();
    assert!(gone(listed).await && gone(became).await);

    // "Sign out everywhere else" from a request resolved before another tab
    // renewed this browser's token keeps the browser signed in.
    let here = common::signed_in(&state, "enid@example.org").await;
    let elsewhere = common::signed_in(&state, "enid@example.org")
        .await
        .session_token_hash;
    let renewed_here = sessions::renew(&state.db, &here.session_token_hash)
        .await
        .unwrap()
        .token_hash();
    devices::end_others(&state, &here).await.unwrap();
    assert!(!gone(renewed_here).await, "this browser was signed out");
    assert!(gone(elsewhere).await && gone(asker.session_token_hash.clone()).await);
}

#[tokio::test]
async fn the_sweeper_deletes_only_sessions_no_request_may_use() {
    use app::server::{entities::session, services::sessions};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let state = common::state().await;
    common::staff(&state, "seth@example.org", app::model::Role::Agent).await;
    let now = chrono::Utc::now();
    let hash = |a: app::server::Actor| a.session_token_hash;
    let live = hash(common::signed_in(&state, "seth@example.org").await);
    let idle = hash(common::signed_in(&state, "seth@example.org").await);
    let old = hash(common::signed_in(&state, "seth@example.org").await);
    let in_grace = hash(common::signed_in(&state, "seth@example.org").await);
    let renewed = sessions::renew(&state.db, &in_grace)
        .await
        .unwrap()
        .token_hash();
    let long_replaced = hash(common::signed_in(&state, "seth@example.org").await);
    let successor = sessions::renew(&state.db, &long_replaced)
        .await
        .unwrap()
        .token_hash();
    let past = |timeout: std::time::Duration| {
        now - chrono::Duration::from_std(timeout).unwrap() - chrono::Duration::seconds(1)
    };
    let set = |column: session::Column, at: chrono::DateTime<chrono::Utc>, h: &String| {
        session::Entity::update_many()
            .col_expr(column, sea_orm::sea_query::Expr::value(at))
            .filter(session::Column::TokenHash.eq(h.clone()))
            .exec(&state.db)
    };
    set(
        session::Column::LastSeenAt,
        past(state.security.session_idle_timeout),
        &idle,
    )
    .await
    .unwrap();
    set(
        session::Column::CreatedAt,
        past(state.security.session_absolute_timeout),
        &old,
    )
    .await
    .unwrap();
    set(
        session::Column::ReplacedAt,
        past(sessions::REPLACED_GRACE),
        &long_replaced,
    )
    .await
    .unwrap();

    assert_eq!(
        sessions::sweep(&state.db, &state.security, now)
            .await
            .unwrap(),
        3
    );
    let left: std::collections::BTreeSet<String> = session::Entity::find()
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.token_hash)
        .collect();
    for kept in [&live, &in_grace, &renewed, &successor] {
        assert!(left.contains(kept));
    }
    for swept in [&idle, &old, &long_replaced] {
        assert!(!left.contains(swept));
    }
    // Nothing more to do the next minute.
    assert_eq!(
        sessions::sweep(&state.db, &state.security, now)
            .await
            .unwrap(),
        0
    );
}
