//! Cross-site request forgery, over the whole HTTP surface as the router
//! enumerates it — every server function, every page and every other route —
//! not a hand-picked few: a request from another site (a foreign `Origin`,
//! `Origin: null`, `Sec-Fetch-Site: cross-site`) is refused before it reaches
//! a handler and writes nothing, whoever's cookie it carries. And no GET
//! changes anything, but the documented download, which records its audit event.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, PASSWORD};

use app::{
    api::auth::SignIn,
    model::Role,
    server::{
        services::{erasure, exports, tickets},
        AppState,
    },
};
use http::{Method, StatusCode};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The ids a path's parameters are filled with: real ones, so that a request
/// that got through would find something to change.
struct Ids {
    ticket: Uuid,
    request: Uuid,
    export: Uuid,
}

/// `/tickets/{id}` or `/tickets/:id` with a real ticket's id, and so on.
fn filled(path: &str, ids: &Ids) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let param = segment.starts_with(':') || segment.starts_with('{');
        if !param {
            out.push(segment.to_string());
            continue;
        }
        let owner = if i > 0 { segments[i - 1] } else { "" };
        let value = match owner {
            "tickets" => ids.ticket.to_string(),
            "requests" => ids.request.to_string(),
            "exports" => ids.export.to_string(),
            "i18n" => "en-app.json".to_owned(),
            _ => Uuid::now_v7().to_string(),
        };
        out.push(value);
    }
    out.join("/")
}

/// Every path of the router with the methods that may change state on it.
fn state_changing_routes(ids: &Ids) -> Vec<(Method, String)> {
    let mut routes: Vec<(Method, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (method, path.to_owned()))
        .collect();
    let others = server::page_paths()
        .into_iter()
        .chain(server::http_routes().into_iter().map(|(p, _)| p.to_owned()));
    for path in others {
        for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            routes.push((method, filled(&path, ids)));
        }
    }
    routes
}

/// Every path a browser may GET: pages, the other routes, static files.
fn readable_paths(ids: &Ids) -> Vec<String> {
    let mut paths: Vec<String> = server::page_paths()
        .iter()
        .chain(
            server::http_routes()
                .into_iter()
                .map(|(p, _)| p.to_owned())
                .collect::<Vec<_>>()
                .iter(),
        )
        .map(|p| filled(p, ids))
        .collect();
    paths.push("/favicon.svg".into());
    paths.push("/no/such/page".into());
    paths
}

async fn fixtures(state: &AppState) -> (Ids, Vec<(&'static str, Browser)>) {
    common::staff(state, "root@example.org", Role::Admin).await;
    common::staff(state, "agnes@example.org", Role::Agent).await;
    let (alice, alice_cookie) =
        common::sign_up_confirmed(state, "Alice Forge", "alice@example.org", "").await;
    let ticket = tickets::open(state, &alice, "My printer", "It is on fire", &[])
        .await
        .unwrap();
    let export = exports::request(state, &alice, PASSWORD).await.unwrap();
    assert!(server::exports_worker::work_once(state).await);
    let request = erasure::request(state, &alice, PASSWORD, "Leaving")
        .await
        .unwrap();
    // The search index catches up at start-up in the server (`serve`): done
    // here too, or the first search-backed page would write its progress.
    app::server::blind_index::catch_up(state).await.unwrap();
    let mut browsers = vec![("visitor", Browser::new(state))];
    let mut customer = Browser::new(state);
    customer.cookie = Some(format!("custodian_session={alice_cookie}"));
    browsers.push(("customer", customer));
    for (who, email) in [
        ("agent", "agnes@example.org"),
        ("admin", "root@example.org"),
    ] {
        let mut b = Browser::new(state);
        let r = b
            .call::<SignIn>(&[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{who}: {}", r.body);
        browsers.push((who, b));
    }
    let ids = Ids {
        ticket,
        request: request.id,
        export: export.id,
    };
    (ids, browsers)
}

async fn snapshot(state: &AppState) -> BTreeMap<String, server::transfer::Digest16> {
    server::transfer::snapshot(&state.db).await.unwrap()
}

fn changed_tables(
    before: &BTreeMap<String, server::transfer::Digest16>,
    after: &BTreeMap<String, server::transfer::Digest16>,
) -> Vec<String> {
    before
        .iter()
        .filter(|(table, digest)| after.get(*table) != Some(digest))
        .map(|(table, _)| table.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_state_changing_route_refuses_other_sites_and_writes_nothing() {
    let state = common::state().await;
    let (ids, mut browsers) = fixtures(&state).await;
    let routes = state_changing_routes(&ids);
    let functions = leptos::server_fn::axum::server_fn_paths().count();
    assert!(
        functions > 50,
        "only {functions} server functions registered"
    );
    let forgeries: [(&str, Option<&str>, Option<&str>); 3] = [
        ("a foreign Origin", Some("https://evil.example"), None),
        ("Origin: null", Some("null"), None),
        ("Sec-Fetch-Site: cross-site", None, Some("cross-site")),
    ];
    let before = snapshot(&state).await;
    let mut refused = 0;
    for (who, browser) in &mut browsers {
        for (method, path) in &routes {
            for (forgery, origin, site) in forgeries {
                let form = [("password", common::PASSWORD), ("id", "x")];
                let r = browser
                    .request_from(method.clone(), path, &form, origin, site)
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::FORBIDDEN,
                    "{who}: {method} {path} with {forgery}: {}",
                    r.body
                );
                assert_eq!(r.code(), "cross_site_request", "{method} {path}");
                refused += 1;
            }
        }
    }
    let after = snapshot(&state).await;
    assert_eq!(
        changed_tables(&before, &after),
        Vec::<String>::new(),
        "a refused request wrote"
    );
    assert_eq!(refused, browsers.len() * routes.len() * forgeries.len());
    println!(
        "{refused} forged requests refused: {functions} server functions, {} pages and routes × 4 methods, {} forgeries, {} sessions",
        (routes.len() - functions) / 4,
        forgeries.len(),
        browsers.len()
    );
    // The sessions are intact: a same-site request still works.
    for (who, browser) in &mut browsers[1..] {
        let r = browser.call::<app::api::auth::WhoAmI>(&[]).await.json();
        assert!(!r.is_null(), "{who} was signed out");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_get_changes_anything_but_the_download_records_its_audit_event() {
    let state = common::state().await;
    let (ids, mut browsers) = fixtures(&state).await;
    let paths = readable_paths(&ids);
    assert!(paths.len() > 20, "only {} paths", paths.len());
    // The two documented downloads: the archive (its owner) and the request
    // register (staff); each only records who took it.
    let downloads = [
        format!("/exports/{}/download", ids.export),
        "/requests/register.csv".to_owned(),
    ];
    let mut downloaded = BTreeMap::new();
    for (who, browser) in &mut browsers {
        for path in &paths {
            let before = snapshot(&state).await;
            let r = browser.get(path).await;
            assert!(
                r.status.as_u16() < 500,
                "{who}: GET {path}: {} {}",
                r.status,
                r.body
            );
            let changed = changed_tables(&before, &snapshot(&state).await);
            if downloads.contains(path) && r.status == StatusCode::OK {
                assert_eq!(changed, ["audit_events", "audit_head"], "{who}: GET {path}");
                downloaded.insert(path.clone(), *who);
            } else {
                assert!(changed.is_empty(), "{who}: GET {path} wrote {changed:?}");
            }
        }
    }
    assert_eq!(
        downloaded.keys().collect::<Vec<_>>(),
        downloads.iter().collect::<Vec<_>>(),
        "a download was not tried"
    );
}
