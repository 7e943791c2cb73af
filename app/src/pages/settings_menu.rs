//! The admin pages' side menu: the header has one "Settings" entry, and every
//! admin page lists all of them beside its content (above it on a phone).
use crate::{
    components::use_user,
    i18n::{use_tr, Tr},
    model::Role,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// A menu entry's words, in the page's language.
type Label = fn(Tr) -> &'static str;

/// Every admin page, in the menu's order; the first is where the header's "Settings" leads.
const SETTINGS_PAGES: [(&str, Label); 8] = [
    ("/admin/users", Tr::nav_team),
    ("/admin/audit", Tr::nav_audit_log),
    ("/admin/keys", Tr::nav_keys),
    ("/admin/fields", Tr::nav_fields),
    ("/admin/permissions", Tr::nav_permissions),
    ("/admin/outbox", Tr::nav_outbox),
    ("/admin/export", Tr::nav_export),
    ("/admin/privacy", Tr::nav_privacy_settings),
];

/// An admin page: the settings menu, then the page's own content.
///
/// Only an admin gets the menu; anyone else who opens an admin address sees
/// the page's refusal alone. Nothing shows until the user is known (the
/// server may stream the page before that; the menu must never reach a
/// customer's page). Moving between admin pages does not blink: the user is
/// loaded once per page load and shared.
#[component]
pub fn SettingsLayout(children: Children) -> impl IntoView {
    let user = use_user();
    view! {
        <div class="settings-layout">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let admin = matches!(user.await, Ok(Some(u)) if u.role == Role::Admin);
                    admin.then(SettingsMenu)
                })}
            </Transition>
            <div class="settings-content">{children()}</div>
        </div>
    }
}

/// The list of admin pages, the current one marked (`aria-current="page"`).
#[component]
fn SettingsMenu() -> impl IntoView {
    let tr = use_tr();
    view! {
        <nav class="settings-menu" aria-label=tr.nav_settings()>
            <ul>
                {SETTINGS_PAGES.into_iter().map(|(href, label)| view! {
                    <li><A href=href>{label(tr)}</A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
