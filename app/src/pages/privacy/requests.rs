//! Staff pages for privacy requests: the queue and one request with its
//! decision, extension, erasure preview and legal hold.
use super::{due, erasure::PreviewPanel, legal_holds::HoldPanel, History};
use crate::{
    api::privacy::{
        erasure_preview, get_request, request_queue, DecideRequest, ExtendRequest, LiftHold,
        PlaceHold, RecheckErasure,
    },
    components::{action_error, successes, ErrorNotice},
    model::{RequestKind, RequestStatus},
};
use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use uuid::Uuid;

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
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <section>
            <div class="page-head">
                <h1>{tr.requests_queue_title()}</h1>
                <A href="/requests/register" attr:class="button secondary">{tr.register_link()}</A>
            </div>
            <form class="filters" method="get" action="/requests">
                <label for="filter-kind">{tr.requests_filter_kind()}</label>
                <select id="filter-kind" name="kind">
                    <option value="" selected=move || kind().is_empty()>{tr.requests_filter_every_kind()}</option>
                    {move || RequestKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=kind() == k.as_str()>{k.label(tr)}</option>
                    }).collect_view()}
                </select>
                <label for="filter-status">{tr.requests_filter_status()}</label>
                <select id="filter-status" name="status">
                    <option value="" selected=move || status().is_empty()>{tr.requests_filter_every_open()}</option>
                    {move || RequestStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=status() == s.as_str()>{s.label(tr)}</option>
                    }).collect_view()}
                    <option value="closed" selected=move || status() == "closed">{tr.requests_filter_closed()}</option>
                    <option value="all" selected=move || status() == "all">{tr.requests_filter_all()}</option>
                </select>
                <button type="submit" class="secondary">{tr.requests_filter_submit()}</button>
            </form>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(q) => view! {
                            <ul class="counts" aria-label=tr.requests_counts_label()>
                                <li><strong>{q.open}</strong> " " {tr.requests_count_open(q.open)}</li>
                                <li class="overdue"><strong>{q.overdue}</strong> " " {tr.requests_count_overdue(q.overdue)}</li>
                                <li class="due-soon"><strong>{q.due_soon}</strong> " " {tr.requests_count_due_soon(q.due_soon)}</li>
                                <li><strong>{q.on_hold}</strong> " " {tr.requests_count_on_hold(q.on_hold)}</li>
                                <li><strong>{q.needs_attention}</strong> " " {tr.requests_count_needs_attention(q.needs_attention)}</li>
                            </ul>
                            {if q.items.is_empty() {
                                view! { <p class="empty">{tr.requests_none_match()}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="tickets requests">
                                        <thead><tr><th scope="col">{tr.requests_column_request()}</th><th scope="col">{tr.requests_column_customer()}</th><th scope="col">{tr.requests_column_status()}</th><th scope="col">{tr.requests_column_due()}</th></tr></thead>
                                        <tbody>
                                            {q.items.into_iter().map(|r| {
                                                let class = if r.overdue { "overdue" } else if r.due_soon { "due-soon" } else { "" };
                                                let label = r.kind.label(tr);
                                                let who = r.subject_email.clone().unwrap_or_default();
                                                view! {
                                                    <tr class=class>
                                                        <td><A href=format!("/requests/{}", r.id)>{label}</A></td>
                                                        <td>{who}</td>
                                                        <td>{r.status.label(tr)}</td>
                                                        <td>{due(&r, locale)}</td>
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
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
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
                                    <span class="badge">{r.status.label(tr)}</span>
                                </div>
                                <p class="muted">{r.subject_email.clone().unwrap_or_default()} " · " {tr.requests_received(locale.time(&r.received_at))} {r.status.is_open().then(|| view! { " · " {due(&r, locale)} })}</p>
                                <History request=r/>
                                {verification.map(|v| view! {
                                    <div class=if v.ok { "notice" } else { "alert" } role="status">
                                        <strong>{if v.ok { tr.requests_check_passed() } else { tr.requests_check_failed() }}</strong>
                                        <ul>{v.findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                        {(!v.warnings.is_empty()).then(|| view! {
                                            <p>{tr.requests_check_warnings()}</p>
                                            <ul>{v.warnings.clone().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                        })}
                                        <p class="muted">{tr.requests_check_checked(locale.time(&v.checked_at))} {(!v.steps.is_empty()).then(|| format!(" · {}", tr.requests_check_steps(v.steps.join(", "))))}</p>
                                    </div>
                                })}
                                {needs_attention.then(|| view! {
                                    {action_error(recheck.into())}
                                    <button type="button" on:click=move |_| { recheck.dispatch(RecheckErasure { id }); }>{tr.requests_recheck()}</button>
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
                                <p class="muted card">{tr.requests_fully_extended()}</p>
                            })}
                            {(erasure && on_hold).then(|| view! {
                                <p class="muted card">{tr.requests_on_hold_note()}</p>
                            })}
                            {extendable.then(|| view! {
                                <section class="card">
                                    <h2>{tr.requests_extend_title()}</h2>
                                    <p class="muted">{tr.requests_extend_intro()}</p>
                                    {action_error(extend.into())}
                                    <ActionForm action=extend>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <div class="field">
                                            <label for="extend-months">{tr.requests_extend_by()}</label>
                                            <select id="extend-months" name="months">
                                                <option value="1">{tr.requests_extend_months(1u64)}</option>
                                                {(left >= 2).then(|| view! { <option value="2">{tr.requests_extend_months(2u64)}</option> })}
                                            </select>
                                        </div>
                                        <div class="field">
                                            <label for="extend-reason">{tr.requests_extend_reason()}</label>
                                            <textarea id="extend-reason" name="reason" rows="2"></textarea>
                                        </div>
                                        <button type="submit" class="secondary">{tr.requests_extend_submit()}</button>
                                    </ActionForm>
                                </section>
                            })}
                            {(reviewable || rejectable).then(|| view! {
                                <section class="card">
                                    <h2>{tr.requests_decision_title()}</h2>
                                    {action_error(decide.into())}
                                    <div class="field">
                                        <label for="reason">{if erasure { tr.requests_decision_reason_erasure() } else { tr.requests_decision_reason() }}</label>
                                        <textarea id="reason" rows="3" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                    </div>
                                    <p class="actions">
                                        {reviewable.then(|| view! {
                                            <button type="button" class=if erasure { "danger" } else { "" } on:click=move |_| { decide.dispatch(DecideRequest { id, approve: true, reason: reason.get_untracked() }); }>
                                                {if erasure { tr.requests_approve_erase() } else { tr.requests_approve_apply() }}
                                            </button>
                                        })}
                                        <button type="button" class="secondary" on:click=move |_| { decide.dispatch(DecideRequest { id, approve: false, reason: reason.get_untracked() }); }>{tr.requests_reject()}</button>
                                    </p>
                                </section>
                            })}
                            <super::register::RegisterEntryCard id/>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
