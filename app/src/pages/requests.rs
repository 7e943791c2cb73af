//! Staff pages for privacy requests: the queue, one request (with the erasure
//! preview, extensions and legal holds), direct erasure of a customer, and the
//! admin's privacy settings.
use crate::{
    api::privacy::{
        customer_erasure_preview, erasure_preview, get_request, privacy_settings, request_queue,
        DecideRequest, EraseCustomer, ExtendRequest, LiftHold, PlaceHold, RecheckErasure,
        SavePrivacySettings,
    },
    components::{action_error, successes, ErrorNotice},
    model::{format_time, ErasurePreview, RequestKind, RequestStatus, TicketsPolicy},
    pages::privacy::{due, History},
};
use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use uuid::Uuid;

const KINDS: [(&str, &str); 3] = [
    ("", "Every kind"),
    ("erasure", "Erasure"),
    ("email_change", "Email change"),
];

/// The privacy requests queue: soonest due first, overdue and due-soon
/// highlighted, filtered by kind and status, with counts at the top.
#[component]
pub fn RequestQueuePage() -> impl IntoView {
    let query = use_query_map();
    let kind = move || query.with(|q| q.get("kind").unwrap_or_default());
    let status = move || query.with(|q| q.get("status").unwrap_or_default());
    let queue = Resource::new(
        move || (kind(), status()),
        |(kind, status)| request_queue(kind, status),
    );
    view! {
        <section>
            <h1>"Privacy requests"</h1>
            <form class="filters" method="get" action="/requests">
                <label for="filter-kind">"Kind"</label>
                <select id="filter-kind" name="kind">
                    {move || KINDS.iter().map(|(value, label)| view! {
                        <option value=*value selected=kind() == *value>{*label}</option>
                    }).collect_view()}
                </select>
                <label for="filter-status">"Status"</label>
                <select id="filter-status" name="status">
                    <option value="" selected=move || status().is_empty()>"Every open request"</option>
                    {move || RequestStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=status() == s.as_str()>{s.label()}</option>
                    }).collect_view()}
                    <option value="closed" selected=move || status() == "closed">"Closed (done, rejected, withdrawn)"</option>
                    <option value="all" selected=move || status() == "all">"All"</option>
                </select>
                <button type="submit" class="secondary">"Filter"</button>
            </form>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(q) => view! {
                            <ul class="counts" aria-label="Open requests">
                                <li><strong>{q.open}</strong> " open"</li>
                                <li class="overdue"><strong>{q.overdue}</strong> " overdue"</li>
                                <li class="due-soon"><strong>{q.due_soon}</strong> " due within 7 days"</li>
                                <li><strong>{q.on_hold}</strong> " on hold"</li>
                                <li><strong>{q.needs_attention}</strong> " need attention"</li>
                            </ul>
                            {if q.items.is_empty() {
                                view! { <p class="empty">"No requests match."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="tickets requests">
                                        <thead><tr><th scope="col">"Request"</th><th scope="col">"Customer"</th><th scope="col">"Status"</th><th scope="col">"Due"</th></tr></thead>
                                        <tbody>
                                            {q.items.into_iter().map(|r| {
                                                let class = if r.overdue { "overdue" } else if r.due_soon { "due-soon" } else { "" };
                                                let label = r.kind_label.clone();
                                                let who = r.subject_email.clone().unwrap_or_default();
                                                view! {
                                                    <tr class=class>
                                                        <td><A href=format!("/requests/{}", r.id)>{label}</A></td>
                                                        <td>{who}</td>
                                                        <td>{r.status.label()}</td>
                                                        <td>{due(&r)}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One request for staff: what is asked, its history, the erasure preview,
/// extending the deadline, legal holds, and the decision.
#[component]
pub fn RequestPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideRequest>::new();
    let extend = ServerAction::<ExtendRequest>::new();
    let place = ServerAction::<PlaceHold>::new();
    let lift = ServerAction::<LiftHold>::new();
    let recheck = ServerAction::<RecheckErasure>::new();
    let id = move || params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let changes = [
        successes(decide.into()),
        successes(extend.into()),
        successes(place.into()),
        successes(lift.into()),
        successes(recheck.into()),
    ];
    let versions = move || changes.map(|c| c.get());
    let request = Resource::new(
        move || (id(), versions()),
        |(id, _)| async move {
            match id {
                Some(id) => get_request(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let preview = Resource::new(
        move || (id(), versions()),
        |(id, _)| async move {
            match id {
                Some(id) => erasure_preview(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let reason = RwSignal::new(String::new());
    // While the erasure job runs, look again every 1.5 s so the result appears by itself.
    Effect::new(move || {
        let running = request.get().and_then(Result::ok).is_some_and(|r| {
            matches!(r.status, RequestStatus::Approved | RequestStatus::Executing)
        });
        if running {
            set_timeout(
                move || {
                    request.refetch();
                    preview.refetch();
                },
                std::time::Duration::from_millis(1500),
            );
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match request.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(r) => {
                        let id = r.id;
                        let erasure = r.kind == RequestKind::Erasure;
                        let reviewable = r.status == RequestStatus::InReview;
                        let rejectable = erasure && matches!(r.status, RequestStatus::Submitted | RequestStatus::OnHold);
                        let waiting = matches!(r.status, RequestStatus::Submitted | RequestStatus::InReview | RequestStatus::OnHold);
                        let extendable = waiting && r.extended_months < 2;
                        let fully_extended = waiting && r.extended_months >= 2;
                        let on_hold = r.status == RequestStatus::OnHold;
                        let needs_attention = r.status == RequestStatus::NeedsAttention;
                        let subject = r.subject_id;
                        let verification = r.verification.clone();
                        let left = 2 - r.extended_months;
                        view! {
                            <section class="card">
                                <div class="page-head">
                                    <h1>{r.summary.clone()}</h1>
                                    <span class="badge">{r.status.label()}</span>
                                </div>
                                <p class="muted">{r.subject_email.clone().unwrap_or_default()} " · received " {format_time(&r.received_at)} {r.status.is_open().then(|| view! { " · " {due(&r)} })}</p>
                                <History request=r/>
                                {verification.map(|v| view! {
                                    <div class=if v.ok { "notice" } else { "alert" } role="status">
                                        <strong>{if v.ok { "Final check passed: nothing readable of this customer is left." } else { "Final check failed: this erasure needs attention." }}</strong>
                                        <ul>{v.findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                        {(!v.warnings.is_empty()).then(|| view! {
                                            <p>"Worth a look:"</p>
                                            <ul>{v.warnings.clone().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                        })}
                                        <p class="muted">"Checked " {format_time(&v.checked_at)} {(!v.steps.is_empty()).then(|| format!(" · steps done: {}", v.steps.join(", ")))}</p>
                                    </div>
                                })}
                                {needs_attention.then(|| view! {
                                    {action_error(recheck.into())}
                                    <button type="button" on:click=move |_| { recheck.dispatch(RecheckErasure { id }); }>"Run the check again"</button>
                                })}
                            </section>
                            {erasure.then(|| view! {
                                <Transition fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        match preview.await {
                                            Ok(Some(p)) => view! { <PreviewPanel preview=p/> }.into_any(),
                                            Ok(None) => ().into_any(),
                                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                                        }
                                    })}
                                </Transition>
                            })}
                            {(erasure && (reviewable || rejectable || extendable)).then(|| subject.map(|subject| view! { <HoldPanel subject place lift/> }))}
                            {fully_extended.then(|| view! {
                                <p class="muted card">"The deadline was already extended by the two months the law allows."</p>
                            })}
                            {(erasure && on_hold).then(|| view! {
                                <p class="muted card">"Approval is blocked while the legal hold lasts; the request can still be rejected."</p>
                            })}
                            {extendable.then(|| view! {
                                <section class="card">
                                    <h2>"Extend the deadline"</h2>
                                    <p class="muted">"By up to two further months in all, when the request is complex or there are many. The customer sees the reason and gets it by mail."</p>
                                    {action_error(extend.into())}
                                    <ActionForm action=extend>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <div class="field">
                                            <label for="extend-months">"Extend by"</label>
                                            <select id="extend-months" name="months">
                                                <option value="1">"1 month"</option>
                                                {(left >= 2).then(|| view! { <option value="2">"2 months"</option> })}
                                            </select>
                                        </div>
                                        <div class="field">
                                            <label for="extend-reason">"Reason (the customer sees it)"</label>
                                            <textarea id="extend-reason" name="reason" rows="2"></textarea>
                                        </div>
                                        <button type="submit" class="secondary">"Extend"</button>
                                    </ActionForm>
                                </section>
                            })}
                            {(reviewable || rejectable).then(|| view! {
                                <section class="card">
                                    <h2>"Decision"</h2>
                                    {action_error(decide.into())}
                                    <div class="field">
                                        <label for="reason">{if erasure { "Reason (the customer sees it; required)" } else { "Reason (the customer sees it; required to reject)" }}</label>
                                        <textarea id="reason" rows="3" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                    </div>
                                    <p class="actions">
                                        {reviewable.then(|| view! {
                                            <button type="button" class=if erasure { "danger" } else { "" } on:click=move |_| { decide.dispatch(DecideRequest { id, approve: true, reason: reason.get_untracked() }); }>
                                                {if erasure { "Approve and erase" } else { "Approve and apply" }}
                                            </button>
                                        })}
                                        <button type="button" class="secondary" on:click=move |_| { decide.dispatch(DecideRequest { id, approve: false, reason: reason.get_untracked() }); }>"Reject"</button>
                                    </p>
                                </section>
                            })}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Per category, what erasure will do, and where other customers' tickets name the subject.
#[component]
fn PreviewPanel(preview: ErasurePreview) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">{if preview.erased { "Erasure of " } else { "What erasing " }} {preview.subject_email.clone()} {if preview.erased { "" } else { " will do" }}</h2>
            <p class="muted">"Kept records will name them " <strong>{preview.pseudonym.clone()}</strong> "."</p>
            <table class="tickets preview">
                <thead><tr><th scope="col">"Data"</th><th scope="col">"Records"</th><th scope="col">"What happens"</th></tr></thead>
                <tbody>
                    {preview.categories.into_iter().map(|c| view! {
                        <tr><td>{c.category}</td><td>{c.count}</td><td>{c.outcome}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Mentions in other customers' tickets"</h3>
            {if preview.mentions.is_empty() && preview.erased {
                view! { <p class="muted">"None left to show: once the erasure is complete, nothing remains to search for."</p> }.into_any()
            } else if preview.mentions.is_empty() {
                view! { <p class="muted">"None found: no other conversation contains their email, phone or name."</p> }.into_any()
            } else {
                view! {
                    <p>"These messages of other customers name them. Redact them on the ticket before approving; the final check fails while an email or phone is still readable."</p>
                    <ul class="mentions">
                        {preview.mentions.into_iter().map(|m| view! {
                            <li>
                                <span class="badge">{m.matched.label()}</span> " "
                                {m.message_id.is_none().then_some("in the subject line ")}
                                <A href=match m.message_id {
                                    Some(message) => format!("/tickets/{}#message-{message}", m.ticket_id),
                                    None => format!("/tickets/{}", m.ticket_id),
                                }>"Open the ticket"</A>
                                <p class="excerpt">{m.excerpt}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The subject's legal hold: shown with its reason and lifted, or placed.
#[component]
fn HoldPanel(
    subject: Uuid,
    place: ServerAction<PlaceHold>,
    lift: ServerAction<LiftHold>,
) -> impl IntoView {
    let (placed, lifted) = (successes(place.into()), successes(lift.into()));
    let preview = Resource::new(
        move || (placed.get(), lifted.get()),
        move |_| customer_erasure_preview(subject),
    );
    view! {
        <section class="card">
            <h2>"Legal hold"</h2>
            {action_error(place.into())}
            {action_error(lift.into())}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match preview.await.map(|p| (p.hold, p.can_lift_hold)) {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok((Some(h), can_lift)) => view! {
                            <p class="alert" role="status">
                                "On legal hold since " {format_time(&h.placed_at)} " (" {h.placed_by} "): " {h.reason}
                                {h.until.map(|u| view! { " — until " {format_time(&u)} })}
                                ". Nothing of this customer may be erased or expire while it lasts."
                            </p>
                            {if can_lift {
                                view! { <button type="button" class="secondary" on:click=move |_| { lift.dispatch(LiftHold { subject }); }>"Lift the hold"</button> }.into_any()
                            } else {
                                view! { <p class="muted">"Only an admin can lift it."</p> }.into_any()
                            }}
                        }.into_any(),
                        Ok((None, _)) => view! {
                            <p class="muted">"A hold blocks erasure and retention deletion of this customer, e.g. during legal proceedings."</p>
                            <ActionForm action=place>
                                <input type="hidden" name="subject" value=subject.to_string()/>
                                <div class="field">
                                    <label for="hold-reason">"Reason"</label>
                                    <textarea id="hold-reason" name="reason" rows="2"></textarea>
                                </div>
                                <div class="field">
                                    <label for="hold-until">"Until (optional)"</label>
                                    <input id="hold-until" name="until" type="date"/>
                                </div>
                                <button type="submit" class="secondary">"Place a legal hold"</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Staff erase a customer directly: the preview, holds, a reason, and the button.
#[component]
pub fn EraseCustomerPage() -> impl IntoView {
    let params = use_params_map();
    let subject = move || params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let erase = ServerAction::<EraseCustomer>::new();
    let place = ServerAction::<PlaceHold>::new();
    let lift = ServerAction::<LiftHold>::new();
    let (erased, placed, lifted) = (
        successes(erase.into()),
        successes(place.into()),
        successes(lift.into()),
    );
    let preview = Resource::new(
        move || (subject(), erased.get(), placed.get(), lifted.get()),
        |(subject, ..)| async move {
            match subject {
                Some(s) => customer_erasure_preview(s).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let reason = RwSignal::new(String::new());
    view! {
        <section>
            <h1>"Erase a customer"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(p) => {
                            let erased = p.erased;
                            let held = p.hold.is_some();
                            let subject = subject().unwrap_or_default();
                            view! {
                                {erased.then(|| view! { <p class="notice" role="status">"This customer has been erased (or the erasure is under way). Kept records name them by the pseudonym below."</p> })}
                                <PreviewPanel preview=p/>
                                {(!erased).then(|| view! { <HoldPanel subject place lift/> })}
                                {move || erase.value().get().and_then(Result::ok).map(|_| view! {
                                    <p class="notice" role="status">"The erasure has started. It runs in the background; the audit log records each step."</p>
                                })}
                                {(!erased && !held).then(|| view! {
                                    <section class="card danger-zone">
                                        <h2>"Erase this customer"</h2>
                                        <p>"This cannot be undone. Their key is destroyed first; everything above happens in the background."</p>
                                        {action_error(erase.into())}
                                        <div class="field">
                                            <label for="erase-reason">"Reason (recorded)"</label>
                                            <textarea id="erase-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                        </div>
                                        <button type="button" class="danger" disabled=move || erase.pending().get()
                                            on:click=move |_| { erase.dispatch(EraseCustomer { subject, reason: reason.get_untracked() }); }>"Erase the customer"</button>
                                    </section>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// Admin settings of the privacy area.
#[component]
pub fn PrivacySettingsPage() -> impl IntoView {
    let save = ServerAction::<SavePrivacySettings>::new();
    let current = Resource::new(move || save.version().get(), |_| privacy_settings());
    view! {
        <section>
            <h1>"Privacy settings"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => view! {
                            <div class="card narrow-left">
                                {action_error(save.into())}
                                {move || save.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">"Saved."</p> })}
                                <ActionForm action=save>
                                    <fieldset>
                                        <legend>"Tickets of erased customers"</legend>
                                        <div class="field checkbox">
                                            <input id="tickets-anonymise" type="radio" name="erased_tickets" value="anonymise" checked=s.erased_tickets == TicketsPolicy::Anonymise/>
                                            <label for="tickets-anonymise">"Keep them anonymised for reporting (status and dates; content unreadable)"</label>
                                        </div>
                                        <div class="field checkbox">
                                            <input id="tickets-delete" type="radio" name="erased_tickets" value="delete" checked=s.erased_tickets == TicketsPolicy::Delete/>
                                            <label for="tickets-delete">"Delete them"</label>
                                        </div>
                                    </fieldset>
                                    <button type="submit">"Save"</button>
                                </ActionForm>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
