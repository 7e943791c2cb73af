//! The admin pages' side menu: the header has one "Settings" entry, and every
//! admin page lists all of them beside its content (above it on a phone).
use crate::{components::use_user, i18n::use_tr, model::CurrentUser, navigation::settings_pages};
use leptos::prelude::*;
use leptos_router::components::A;

/// An admin page: the settings menu, then the page's own content.
///
/// Only someone whose role opens a settings page gets the menu (with those
/// pages); anyone else who opens an admin address sees the page's refusal alone. Nothing shows until the user is known (the
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
                    match user.await {
                        Ok(Some(u)) if settings_pages(&u).next().is_some() => Some(view! { <SettingsMenu user=u/> }),
                        _ => None,
                    }
                })}
            </Transition>
            <div class="settings-content">{children()}</div>
        </div>
    }
}

/// The list of admin pages, the current one marked (`aria-current="page"`).
#[component]
fn SettingsMenu(user: CurrentUser) -> impl IntoView {
    let tr = use_tr();
    view! {
        <nav class="settings-menu" aria-label=tr.nav_settings()>
            <ul>
                {settings_pages(&user).map(|(href, label)| view! {
                    <li><A href=href>{label(tr)}</A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
