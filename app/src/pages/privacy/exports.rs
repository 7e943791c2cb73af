//! "Download my data", and the admin's export of every module.
use crate::{
    api::privacy::{my_exports, RequestAllExport, RequestExport},
    components::{action_error, use_user, ErrorNotice},
    error::AppError,
    model::{ExportStatus, Permission},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;

/// "Download my data" (or, with `all`, an admin's export of every module):
/// re-authenticate, then watch the archive being built.
#[component]
pub(super) fn DownloadMyData(all: bool) -> impl IntoView {
    let ask = ServerAction::<RequestExport>::new();
    let ask_all = ServerAction::<RequestAllExport>::new();
    let tick = RwSignal::new(0u32);
    let exports = Resource::new(
        move || (ask.version().get(), ask_all.version().get(), tick.get()),
        move |_| async move {
            my_exports().await.map(|list| {
                list.into_iter()
                    .filter(|e| e.all_modules == all)
                    .collect::<Vec<_>>()
            })
        },
    );
    let password = RwSignal::new(String::new());
    let pending = move || ask.pending().get() || ask_all.pending().get();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if all {
            ask_all.dispatch(RequestAllExport {
                password: password.get_untracked(),
            });
        } else {
            ask.dispatch(RequestExport {
                password: password.get_untracked(),
            });
        }
    };
    // While an archive is being built, look again every second so the bar moves.
    Effect::new(move || {
        let busy = exports.get().and_then(Result::ok).is_some_and(|list| {
            list.iter()
                .any(|e| matches!(e.status, ExportStatus::Queued | ExportStatus::Building))
        });
        if busy {
            set_timeout(
                move || tick.update(|t| *t += 1),
                std::time::Duration::from_millis(1000),
            );
        }
    });
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <div class="card narrow-left">
            <h2>{if all { tr.requests_export_all_title() } else { tr.privacy_export_title() }}</h2>
            <p class="muted">
                {if all { tr.requests_export_all_intro() } else { tr.privacy_export_intro() }}
            </p>
            {action_error(ask.into())}
            {action_error(ask_all.into())}
            <form on:submit=on_submit>
                <div class="field">
                    <label for="export-password">{tr.privacy_password()}</label>
                    <input id="export-password" type="password" autocomplete="current-password" required
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                <button type="submit" disabled=pending>{if all { tr.requests_export_all_submit() } else { tr.privacy_export_submit() }}</button>
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = exports.await.unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <ul class="exports">
                            {list.into_iter().map(|e| view! {
                                <li>
                                    <span>{tr.privacy_export_requested(locale.time(&e.requested_at))}</span>
                                    {match e.status.as_str() {
                                        "queued" | "building" => view! {
                                            <label for=format!("progress-{}", e.id)>{tr.privacy_export_preparing(e.progress)}</label>
                                            <progress id=format!("progress-{}", e.id) max="100" value=e.progress>{tr.privacy_export_percent(e.progress)}</progress>
                                        }.into_any(),
                                        "ready" => view! {
                                            <a class="button small" href=e.download_url.clone().unwrap_or_default() rel="external" download>{tr.privacy_export_download()}</a>
                                            <span class="muted">{tr.privacy_export_ready((e.size_bytes / 1024).max(1), locale.time(&e.expires_at))}</span>
                                        }.into_any(),
                                        "expired" => view! { <span class="muted">{tr.privacy_export_expired()}</span> }.into_any(),
                                        _ => view! { <span class="muted">{tr.privacy_export_failed()}</span> }.into_any(),
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Transition>
        </div>
    }
}

/// Admins export every module.
#[component]
pub fn AdminExportPage() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let user = use_user();
    view! {
        <SettingsLayout><section>
            <h1>{tr.requests_export_title()}</h1>
            // The server refuses the export to anyone else; the page says so up front.
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) if u.may(Permission::ExportAllData) => view! { <DownloadMyData all=true/> }.into_any(),
                        _ => view! { <ErrorNotice error=AppError::Forbidden/> }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
