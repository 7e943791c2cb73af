use crate::{
    api::audit::{audit_events, verify_audit_chain},
    components::{Changes, ErrorNotice, Pager},
    model::{format_time, AuditAction, AuditFilter},
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};
use std::sync::Arc;

const FILTER_KEYS: [&str; 6] = ["actor", "subject", "action", "entity", "from", "to"];

/// The admin's audit log: filters, the chain's verification, decrypted changes.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &str| query.with(|q| q.get(key).unwrap_or_default());
    let filter = move || AuditFilter {
        actor_email: get("actor"),
        subject_email: get("subject"),
        action: get("action"),
        entity_type: get("entity"),
        from: get("from"),
        to: get("to"),
    };
    let page = move || get("page").parse::<u64>().unwrap_or(0);
    let events = Resource::new(move || (filter(), page()), |(f, p)| audit_events(f, p));
    let verification = Resource::new(|| (), |_| verify_audit_chain());

    view! {
        <section>
            <h1>"Audit log"</h1>
            <Transition fallback=|| view! { <p class="muted">"Verifying the chain…"</p> }>
                {move || Suspend::new(async move {
                    match verification.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(v) if v.ok => view! {
                            <p class="notice" role="status" data-chain="ok">
                                "Chain verified: " {v.events_checked} " events intact. Head: event " {v.head_seq}
                                ", hash " <code class="key-id">{v.head_hash}</code>
                            </p>
                        }.into_any(),
                        Ok(v) => view! {
                            <div class="alert" role="alert" data-chain="broken">
                                <p>"The audit chain is broken at event " {v.first_bad_seq.unwrap_or_default()} ": " {v.problem.unwrap_or_default()}</p>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
            <Form method="GET" action="" attr:class="filters audit-filters">
                <div class="field"><label for="f-actor">"Actor email"</label><input id="f-actor" name="actor" type="text" prop:value=move || get("actor")/></div>
                <div class="field"><label for="f-subject">"Subject email"</label><input id="f-subject" name="subject" type="text" prop:value=move || get("subject")/></div>
                <div class="field">
                    <label for="f-action">"Action"</label>
                    <select id="f-action" name="action">
                        <option value="">"Any"</option>
                        {AuditAction::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=move || get("action") == a.as_str()>{a.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="f-entity">"Entity"</label>
                    <select id="f-entity" name="entity">
                        <option value="">"Any"</option>
                        {["user", "session", "ticket", "message"].into_iter().map(|e| view! {
                            <option value=e selected=move || get("entity") == e>{e}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field"><label for="f-from">"From"</label><input id="f-from" name="from" type="date" prop:value=move || get("from")/></div>
                <div class="field"><label for="f-to">"To"</label><input id="f-to" name="to" type="date" prop:value=move || get("to")/></div>
                <button type="submit" class="secondary">"Filter"</button>
            </Form>
            <Transition fallback=|| view! { <p class="muted">"Loading events…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">"No events match."</p> }.into_any(),
                        Ok(paged) => {
                            let base = query.with(|q| {
                                FILTER_KEYS.iter().map(|k| format!("{k}={}", q.get(k).unwrap_or_default())).collect::<Vec<_>>().join("&")
                            });
                            view! {
                                <p class="muted">{paged.total_items} {paged.more.then_some("+")} " events"</p>
                                <table class="tickets audit">
                                    <thead><tr>
                                        <th scope="col">"#"</th><th scope="col">"When"</th><th scope="col">"Who"</th>
                                        <th scope="col">"What"</th><th scope="col">"Whose data"</th><th scope="col">"Changes"</th>
                                    </tr></thead>
                                    <tbody>
                                        {paged.items.into_iter().map(|e| view! {
                                            <tr>
                                                <td>{e.seq}</td>
                                                <td>{format_time(&e.occurred_at)}</td>
                                                <td>
                                                    {e.actor_name.unwrap_or_else(|| "—".into())}
                                                    {e.actor_role.map(|r| view! { <br/><span class="muted">{r.label()}</span> })}
                                                </td>
                                                <td>{e.action_label}<br/><span class="muted">{e.entity_type} " " {e.entity_id}</span></td>
                                                <td>{e.subject_email.unwrap_or_else(|| "—".into())}</td>
                                                <td><Changes changes=e.changes/></td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <Pager page=paged.page total_pages=paged.total_pages more=paged.more link=Arc::new(move |p| format!("/admin/audit?{base}&page={p}"))/>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
