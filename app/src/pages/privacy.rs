use crate::api::privacy::{my_exports, RequestAllExport, RequestExport};
use crate::{
    api::privacy::{
        erased_tickets_policy, my_requests, outbox, ConfirmEmail, RequestEmailChange,
        RequestErasure, WithdrawRequest,
    },
    components::{action_error, successes, ErrorNotice, Pager},
    error::AppError,
    model::{format_time, ExportStatus, PrivacyRequestView, RequestKind, TicketsPolicy},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

pub(crate) fn due(r: &PrivacyRequestView) -> impl IntoView {
    r.status.is_open().then(|| due_badge(r))
}

fn due_badge(r: &PrivacyRequestView) -> impl IntoView {
    let class = if r.overdue {
        "badge overdue"
    } else if r.due_soon {
        "badge due-soon"
    } else {
        "badge"
    };
    let extended = (r.extended_months > 0).then(|| {
        format!(
            " (extended by {} month{})",
            r.extended_months,
            if r.extended_months == 1 { "" } else { "s" }
        )
    });
    view! { <span class=class>"Due " {format_time(&r.due_at)} {extended} {r.overdue.then_some(" — overdue")} {r.due_soon.then_some(" — due within 7 days")}</span> }
}

#[component]
pub(crate) fn History(request: PrivacyRequestView) -> impl IntoView {
    view! {
        <ol class="history">
            {request.history.into_iter().map(|s| view! {
                <li>
                    <strong>{s.label}</strong> " · " {s.by} " · " <time>{format_time(&s.at)}</time>
                    {s.note.map(|n| view! { <p class="note">"Reason: " {n}</p> })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// The customer's privacy page: requests and their progress, and asking for an email change.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let ask = ServerAction::<RequestEmailChange>::new();
    let erase = ServerAction::<RequestErasure>::new();
    let withdraw = ServerAction::<WithdrawRequest>::new();
    let changes = [
        successes(ask.into()),
        successes(erase.into()),
        successes(withdraw.into()),
    ];
    let requests = Resource::new(move || changes.map(|c| c.get()), |_| my_requests());
    view! {
        <section>
            <h1>"Privacy"</h1>
            <div class="card narrow-left">
                <h2>"Change my email address"</h2>
                <p class="muted">
                    "Your email is how you sign in. We send a confirmation link to the new address; after you confirm, "
                    "our team applies the change and you sign in with the new address."
                </p>
                {action_error(ask.into())}
                {move || ask.value().get().and_then(Result::ok).map(|_| view! {
                    <p class="notice" role="status">"We sent a confirmation link to the new address. Open it to continue."</p>
                })}
                <ActionForm action=ask>
                    <div class="field">
                        <label for="new-email">"New email address"</label>
                        <input id="new-email" name="new_email" type="email" autocomplete="email" required/>
                    </div>
                    <button type="submit" disabled=move || ask.pending().get()>"Request the change"</button>
                </ActionForm>
            </div>
            <DownloadMyData all=false/>
            <DeleteMyAccount erase requests/>
            <h2>"My requests"</h2>
            {action_error(withdraw.into())}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">"You have no requests."</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|r| view! {
                            <article class="card request">
                                <div class="message-head">
                                    <strong>{r.summary.clone()}</strong>
                                    <span class="badge">{r.status.label()}</span>
                                    {due(&r)}
                                </div>
                                <p class="muted">"Received " {format_time(&r.received_at)}</p>
                                {r.status.withdrawable().then(|| { let id = r.id; view! {
                                    <button type="button" class="secondary small" on:click=move |_| { withdraw.dispatch(WithdrawRequest { id }); }>"Withdraw this request"</button>
                                }})}
                                <History request=r/>
                            </article>
                        }).collect_view().into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Where the confirmation link lands. Confirming is a button, not a page load,
/// so link scanners and prefetchers cannot confirm on someone's behalf.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmEmail>::new();
    view! {
        <section class="narrow card">
            <h1>"Confirm your new email address"</h1>
            {move || match confirm.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">"Thank you — the address is confirmed. Our team will review the change; you can follow it on your privacy page."</p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>"Confirm that you want to use this address for your Custodian account."</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" disabled=move || confirm.pending().get()>"Confirm this address"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// The mail outbox for admins: every mail, with its delivery state.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    };
    let mails = Resource::new(page, outbox);
    view! {
        <section>
            <h1>"Outbox"</h1>
            <p class="muted">"Mail the portal sent or is about to send. Without an SMTP server configured, mail stays here."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match mails.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">"No mail yet."</p> }.into_any(),
                        Ok(paged) => view! {
                            {paged.items.into_iter().map(|m| view! {
                                <article class="card mail">
                                    <div class="message-head">
                                        <strong>{m.subject}</strong>
                                        <span class="badge">{m.status.label()}</span>
                                        <time>{format_time(&m.created_at)}</time>
                                    </div>
                                    <p class="muted">"To " {m.to}</p>
                                    <p class="message-body">{m.body}</p>
                                </article>
                            }).collect_view()}
                            <Pager page=paged.page total_pages=paged.total_pages link=Arc::new(|p| format!("/admin/outbox?page={p}"))/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "Download my data" (or, with `all`, an admin's export of every module):
/// re-authenticate, then watch the archive being built.
#[component]
fn DownloadMyData(all: bool) -> impl IntoView {
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

/// "Delete my account and data": what goes, what stays and why, then the password again.
/// While a request is open the form gives way to a pointer to it.
#[component]
fn DeleteMyAccount(
    erase: ServerAction<RequestErasure>,
    requests: Resource<Result<Vec<PrivacyRequestView>, AppError>>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let policy = Resource::new(|| (), |_| erased_tickets_policy());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        erase.dispatch(RequestErasure {
            password: password.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    Effect::new(move || {
        if let Some(Ok(_)) = erase.value().get() {
            password.set(String::new());
            reason.set(String::new());
        }
    });
    view! {
        <div class="card narrow-left danger-zone">
            <h2>"Delete my account and data"</h2>
            <p>"When our team approves your request (within one month), we:"</p>
            <ul>
                <li>"destroy the key that encrypts your personal data — from then on nothing of yours that we hold can be read, not even in our backups (a copy you downloaded to your own device stays yours);"</li>
                <li>"delete your profile, your custom details, your sessions, your data downloads and the mail we kept for you;"</li>
                <li>"send you one last mail to confirm, then remove your email address."</li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let delete = policy.await.map(|p| p == TicketsPolicy::Delete).unwrap_or(false);
                    view! {
                        <p>{if delete {
                            "What we keep, and why: the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. Your tickets are deleted. None of it identifies you."
                        } else {
                            "What we keep, and why: your tickets' status and dates, without any content or name, so our support statistics stay correct; the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. None of it identifies you."
                        }} " If a legal obligation requires us to keep your data for longer, we tell you."</p>
                    }
                })}
            </Transition>
            <p class="muted">"You can withdraw the request until we start carrying it out. Download your data first if you want a copy."</p>
            {action_error(erase.into())}
            {move || erase.value().get().and_then(Result::ok).map(|r| view! {
                <p class="notice" role="status">"We received your request. We will answer by " {format_time(&r.due_at)} " at the latest."</p>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let open = requests.await.map(|list| list.iter().any(|r| r.kind == RequestKind::Erasure && r.status.is_open())).unwrap_or(false);
                    if open {
                        view! { <p class="muted">"Your request is open: follow it, or withdraw it, under “My requests” below."</p> }.into_any()
                    } else {
                        view! {
                            <form on:submit=on_submit>
                                <div class="field">
                                    <label for="erase-reason">"Why are you leaving? (optional)"</label>
                                    <textarea id="erase-reason" rows="2" maxlength="2000"
                                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                </div>
                                <div class="field">
                                    <label for="erase-password">"Your password"</label>
                                    <input id="erase-password" type="password" autocomplete="current-password" required
                                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                                </div>
                                <button type="submit" class="danger" disabled=move || erase.pending().get()>"Ask to delete my account"</button>
                            </form>
                        }.into_any()
                    }
                })}
            </Transition>
        </div>
    }
}
