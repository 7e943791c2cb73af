//! Custodian: the shared application crate. Pages, components and server
//! functions compile for both sides; `server` is compiled only with `ssr`.
#![cfg_attr(test, allow(clippy::unwrap_used))]

#[macro_use]
mod vocabulary;

pub mod api;
pub mod components;
pub mod error;
pub mod field_form;
pub mod fields;
pub mod i18n;
pub mod model;
pub mod navigation;
pub mod pages;
pub mod passkey_client;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<server::CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
    #[cfg(feature = "ssr")]
    let stylesheet = server::assets::stylesheet_href(&options);
    #[cfg(not(feature = "ssr"))]
    let stylesheet = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    // A visitor on a visitor's page gets the small bundle; once it has hydrated,
    // the page prefetches the full one (named in a meta tag: fetched earlier, it
    // would compete with the small bundle for a slow connection).
    #[cfg(feature = "ssr")]
    let (options, prefetch) = {
        let visitor_page = server::context::actor().is_none()
            && use_context::<http::request::Parts>()
                .is_some_and(|p| VISITOR_PATHS.contains(&p.uri.path()));
        match visitor_page
            .then(|| server::assets::visitor_options(&options))
            .flatten()
        {
            Some(visitor) => {
                let full = server::assets::full_bundle_hrefs(&options);
                (visitor, full)
            }
            None => (options, Vec::new()),
        }
    };
    #[cfg(not(feature = "ssr"))]
    let prefetch: Vec<String> = Vec::new();
    let locale = i18n::provide(page_locale());
    // The browser bundle carries no words: it loads the page language's
    // messages (fetched beside the bundle) before it hydrates.
    #[cfg(feature = "ssr")]
    let strings = server::assets::strings_href(locale.lang);
    #[cfg(not(feature = "ssr"))]
    let strings = String::new();
    view! {
        <!DOCTYPE html>
        <html lang=locale.lang.code() data-time-zone=locale.time_zone()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <link rel="stylesheet" href=stylesheet/>
                <link as="fetch" rel="preload" href=strings.clone() crossorigin="anonymous"/>
                <meta name="custodian-strings" content=strings/>
                <HydrationScripts options/>
                {(!prefetch.is_empty()).then(|| view! { <meta name="custodian-prefetch" content=prefetch.join(" ")/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routes, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let tr = i18n::provide(page_locale()).tr();
    view! {
        <Title text=tr.brand()/>
        <Router>
            <components::Header/>
            <main id="main" class="container">
                {routes()}
            </main>
            <components::Footer/>
        </Router>
    }
}

/// The page's language and time zone: the server picks them from the request
/// (`server::context::locale`); the browser reads what the server rendered.
fn page_locale() -> i18n::Locale {
    #[cfg(feature = "ssr")]
    {
        let (lang, zone) = server::context::locale();
        i18n::Locale::new(lang, zone)
    }
    #[cfg(not(feature = "ssr"))]
    {
        i18n::rendered_locale()
    }
}

/// Pages a visitor (not signed in) can open; they get the small visitor bundle.
pub const VISITOR_PATHS: [&str; 3] = ["/", "/sign-in", "/sign-up"];

/// Whether a page is only for people who are signed in: a visitor who opens
/// one is sent to sign in first, and comes back to it afterwards.
pub fn needs_sign_in(path: &str) -> bool {
    const SIGNED_IN: [&str; 9] = [
        "/tickets",
        "/activity",
        "/profile",
        "/privacy",
        "/requests",
        "/customers/",
        "/admin/",
        "/security",
        "/confirm-address",
    ];
    SIGNED_IN.iter().any(|p| {
        path == p.trim_end_matches('/')
            || path.starts_with(&format!("{}/", p.trim_end_matches('/')))
    })
}

/// The sign-in page, coming back to `next` (a path on this site) afterwards.
pub fn sign_in_link(next: &str) -> String {
    format!("/sign-in?next={}", url_encode(next))
}

/// Text as a query parameter's value: unreserved characters and `/` as they
/// are, every other byte percent-encoded.
pub fn url_encode(text: &str) -> String {
    let mut encoded = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    encoded
}

/// `next` when it is a path on this site, never another site (`//evil.example`).
pub fn local_path(next: &str) -> Option<&str> {
    (next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control()))
    .then_some(next)
}

/// Every page. The server renders these; so does the full browser bundle.
#[cfg(not(feature = "visitor"))]
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=pages::not_found::NotFound>
            <Route path=path!("") view=pages::home::HomePage/>
            <Route path=path!("/sign-in") view=pages::auth::SignInPage/>
            <Route path=path!("/sign-up") view=pages::auth::SignUpPage/>
            <Route path=path!("/forgot-password") view=pages::account::ForgotPasswordPage/>
            <Route path=path!("/reset-password") view=pages::account::ResetPasswordPage/>
            <Route path=path!("/security") view=pages::account::SecurityPage/>
            <Route path=path!("/confirm-address") view=pages::account::ConfirmAddressPage/>
            <Route path=path!("/cancel-email-change") view=pages::privacy::CancelEmailChangePage/>
            <Route path=path!("/tickets") view=pages::tickets::TicketListPage/>
            <Route path=path!("/tickets/new") view=pages::tickets::NewTicketPage/>
            <Route path=path!("/tickets/:id") view=pages::ticket::TicketPage/>
            <Route path=path!("/activity") view=pages::activity::ActivityPage/>
            <Route path=path!("/profile") view=pages::profile::ProfilePage/>
            <Route path=path!("/privacy") view=pages::privacy::PrivacyPage/>
            <Route path=path!("/confirm-email") view=pages::privacy::ConfirmEmailPage/>
            <Route path=path!("/requests") view=pages::privacy::RequestQueuePage/>
            <Route path=path!("/requests/register") view=pages::privacy::RegisterPage/>
            <Route path=path!("/requests/:id") view=pages::privacy::RequestPage/>
            <Route path=path!("/customers/:id/erase") view=pages::privacy::EraseCustomerPage/>
            <Route path=path!("/admin/privacy") view=pages::privacy::PrivacySettingsPage/>
            <Route path=path!("/admin/retention") view=pages::retention::RetentionSettingsPage/>
            <Route path=path!("/admin/outbox") view=pages::privacy::OutboxPage/>
            <Route path=path!("/admin/export") view=pages::privacy::AdminExportPage/>
            <Route path=path!("/admin/users") view=pages::admin::UsersPage/>
            <Route path=path!("/admin/audit") view=pages::audit::AuditPage/>
            <Route path=path!("/admin/keys") view=pages::keys::KeysPage/>
            <Route path=path!("/admin/fields") view=pages::settings::CustomFieldsPage/>
            <Route path=path!("/admin/permissions") view=pages::settings::PermissionsPage/>
            <Route path=path!("/admin/roles") view=pages::teams::RolesPage/>
            <Route path=path!("/admin/teams") view=pages::teams::TeamsPage/>
        </Routes>
    }
}

/// The visitor bundle's pages ([`VISITOR_PATHS`]): the first page a customer
/// sees loads a bundle without the code of every signed-in page. The server
/// sends it only to visitors on these paths; signing in loads the next page in
/// full, with the full bundle.
#[cfg(feature = "visitor")]
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=pages::not_found::NotFound>
            <Route path=path!("") view=pages::home::HomePage/>
            <Route path=path!("/sign-in") view=pages::auth::SignInPage/>
            <Route path=path!("/sign-up") view=pages::auth::SignUpPage/>
        </Routes>
    }
}

#[cfg(test)]
mod paths {
    use super::*;

    #[test]
    fn signed_in_pages_and_the_way_back() {
        for path in [
            "/tickets",
            "/tickets/new",
            "/tickets/0190",
            "/privacy",
            "/admin/audit",
            "/customers/x/erase",
            "/security",
        ] {
            assert!(needs_sign_in(path), "{path}");
        }
        for path in [
            "/",
            "/sign-in",
            "/sign-up",
            "/forgot-password",
            "/reset-password",
            "/confirm-email",
            "/cancel-email-change",
            "/ticketsx",
            "/nope",
        ] {
            assert!(!needs_sign_in(path), "{path}");
        }
        assert_eq!(
            sign_in_link("/tickets?page=2&x=a b"),
            "/sign-in?next=/tickets%3Fpage%3D2%26x%3Da%20b"
        );
        assert_eq!(local_path("/privacy"), Some("/privacy"));
        assert_eq!(local_path("//evil.example"), None);
        assert_eq!(local_path("/\\evil.example"), None);
        assert_eq!(local_path("https://evil.example"), None);
    }
}
