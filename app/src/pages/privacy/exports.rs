//! "Download my data", and the admin's export of every module.
use crate::{
    api::privacy::{my_exports, RequestAllExport, RequestExport},
    components::action_error,
    model::{format_time, ExportStatus},
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
    view! {
        <div class="card narrow-left">
            <h2>{if all { "Export all service data" } else { "Download my data" }}</h2>
            <p class="muted">
                {if all {
                    "One ZIP with a CSV and a JSON Lines file per module: contacts, agents, tickets, messages, teams, custom fields, privacy requests and the audit log. Fields your permissions hide read [withheld]. Built in the background; enter your password again."
                } else {
                    "A ZIP with everything we hold about you: a structured data.json, spreadsheets (CSV), and a page you can open in your browser. We build it in the background — you can leave and come back. For your safety, enter your password again."
                }}
            </p>
            {action_error(ask.into())}
            {action_error(ask_all.into())}
            <form on:submit=on_submit>
                <div class="field">
                    <label for="export-password">"Your password"</label>
                    <input id="export-password" type="password" autocomplete="current-password" required
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                <button type="submit" disabled=pending>{if all { "Prepare the export" } else { "Prepare my download" }}</button>
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = exports.await.unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <ul class="exports">
                            {list.into_iter().map(|e| view! {
                                <li>
                                    <span>"Requested " {format_time(&e.requested_at)}</span>
                                    {match e.status.as_str() {
                                        "queued" | "building" => view! {
                                            <label for=format!("progress-{}", e.id)>"Preparing… " {e.progress} "%"</label>
                                            <progress id=format!("progress-{}", e.id) max="100" value=e.progress>{e.progress} "%"</progress>
                                        }.into_any(),
                                        "ready" => view! {
                                            <a class="button small" href=e.download_url.clone().unwrap_or_default() rel="external" download>"Download ZIP"</a>
                                            <span class="muted">{(e.size_bytes / 1024).max(1)} " KB · available until " {format_time(&e.expires_at)}</span>
                                        }.into_any(),
                                        "expired" => view! { <span class="muted">"Expired"</span> }.into_any(),
                                        _ => view! { <span class="muted">"Could not be prepared — please ask again."</span> }.into_any(),
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
    view! {
        <section>
            <h1>"Export"</h1>
            <DownloadMyData all=true/>
        </section>
    }
}
