//! The admin pages share one settings menu: the header has a single
//! "Settings" entry, and each admin page lists all of them, the current one
//! marked. Customers never get the menu.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, PASSWORD};

use app::{api::auth::SignIn, model::Role, server::services::accounts};
use http::StatusCode;

/// Every admin page and its entry in the menu, in the menu's order.
const ADMIN_PAGES: [(&str, &str); 11] = [
    ("/admin/users", "Staff"),
    ("/admin/roles", "Roles"),
    ("/admin/teams", "Teams"),
    ("/admin/audit", "Audit log"),
    ("/admin/keys", "Keys"),
    ("/admin/fields", "Fields"),
    ("/admin/permissions", "Permissions"),
    ("/admin/outbox", "Outbox"),
    ("/admin/export", "Export"),
    ("/admin/privacy", "Privacy settings"),
    ("/admin/retention", "Retention"),
];

async fn signed_in(state: &app::server::AppState, name: &str, email: &str, role: Role) -> Browser {
    let new = accounts::NewUser::validated(name, email, PASSWORD, role).unwrap();
    accounts::create_user_unchecked(state, new).await.unwrap();
    let mut b = Browser::new(state);
    let r = b
        .call::<SignIn>(&[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    b
}

/// The settings menus of a page's HTML (`<nav … class="settings-menu">…</nav>`).
fn menus(html: &str) -> Vec<&str> {
    html.match_indices(r#"class="settings-menu""#)
        .map(|(at, _)| {
            let end = html[at..].find("</nav>").unwrap();
            &html[at..at + end]
        })
        .collect()
}

/// The links of a menu, each as (address, text, marked current).
fn links(menu: &str) -> Vec<(String, String, bool)> {
    menu.split("<a ")
        .skip(1)
        .map(|a| {
            let (attributes, rest) = a.split_once('>').unwrap();
            let href = attributes
                .split("href=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let text = rest.split("</a>").next().unwrap();
            let text = text.split("<!").next().unwrap();
            (
                href.to_owned(),
                text.to_owned(),
                attributes.contains(r#"aria-current="page""#),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_admin_page_lists_them_all_and_marks_the_current_one() {
    let state = common::state().await;
    let name = "Maximiliane Wilhelmine von Hohenzollern-Sigmaringen";
    let mut admin = signed_in(&state, name, "root@example.org", Role::Admin).await;
    for (path, _) in ADMIN_PAGES {
        let page = admin.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let found = menus(&page.body);
        assert!(!found.is_empty(), "{path} has no settings menu");
        for menu in found {
            let expected: Vec<_> = ADMIN_PAGES
                .iter()
                .map(|(href, text)| (href.to_string(), text.to_string(), *href == path))
                .collect();
            assert_eq!(links(menu), expected, "{path}");
        }
        // The header leads to the admin pages through one entry, marked as
        // the page on the first of them (the side menu marks the others).
        let settings = if path == "/admin/users" {
            r#"<a href="/admin/users" aria-current="page">Settings</a>"#
        } else {
            r#"<a href="/admin/users">Settings</a>"#
        };
        assert!(page.body.contains(settings), "{path}");
    }
    // Other pages have no settings menu; the header still has "Settings",
    // and no longer one entry per admin page.
    let tickets = admin.get("/tickets").await;
    assert!(menus(&tickets.body).is_empty());
    assert!(tickets
        .body
        .contains(r#"<a href="/admin/users">Settings</a>"#));
    for (path, _) in &ADMIN_PAGES[1..] {
        assert!(
            !tickets.body.contains(&format!("href=\"{path}\"")),
            "{path}"
        );
    }
    // The name is in the header whole; the stylesheet shortens it if need be.
    assert!(tickets.body.contains(&format!(
        r#"<span title="{name}" class="who-name">{name}</span>"#
    )));
}

#[tokio::test]
async fn customers_and_agents_get_no_settings_menu() {
    let state = common::state().await;
    let mut customer = signed_in(&state, "Carla", "carla@example.org", Role::Customer).await;
    for path in ["/tickets", "/privacy", "/profile", "/security"] {
        let page = customer.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(menus(&page.body).is_empty(), "{path}");
        assert!(!page.body.contains("href=\"/admin/"), "{path}");
        assert!(!page.body.contains(">Settings</a>"), "{path}");
    }
    // An admin address opened by hand shows the refusal, without the menu.
    let page = customer.get("/admin/users").await;
    assert!(
        page.body.contains("You do not have permission"),
        "{}",
        page.body
    );
    assert!(menus(&page.body).is_empty());
    let mut agent = signed_in(&state, "Agnes", "agnes@example.org", Role::Agent).await;
    let page = agent.get("/requests").await;
    assert!(menus(&page.body).is_empty());
    assert!(!page.body.contains("href=\"/admin/"));
}
