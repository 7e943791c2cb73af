use crate::{
    api::audit::{audit_events, verify_audit_chain},
    components::{Changes, ErrorNotice, Pager},
    i18n::Tr,
    model::{AuditAction, AuditFilter},
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};
use std::sync::Arc;

const FILTER_KEYS: [&str; 6] = ["actor", "subject", "action", "entity", "from", "to"];

/// How people read an event's entity type (the stored name if it has no label).
fn entity_label(tr: Tr, entity: &str) -> Option<&'static str> {
    Some(match entity {
        "user" => tr.audit_entity_user(),
        "session" => tr.audit_entity_session(),
        "ticket" => tr.audit_entity_ticket(),
        "message" => tr.audit_entity_message(),
        "custom_field" => tr.audit_entity_custom_field(),
        "field_permission" => tr.audit_entity_field_permission(),
        "data_export" => tr.audit_entity_data_export(),
        "erasure_job" => tr.audit_entity_erasure_job(),
        "legal_hold" => tr.audit_entity_legal_hold(),
        "mail" => tr.audit_entity_mail(),
        "master_key" => tr.audit_entity_master_key(),
        "passkey" => tr.audit_entity_passkey(),
        "privacy_request" => tr.audit_entity_privacy_request(),
        "setting" => tr.audit_entity_setting(),
        _ => return None,
    })
}

/// The admin's audit log: filters, the chain's verification, decrypted changes.
#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
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
            <h1>{tr.audit_title()}</h1>
            <Transition fallback=move || view! { <p class="muted">{tr.audit_verifying()}</p> }>
                {move || Suspend::new(async move {
                    match verification.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(v) if v.ok => view! {
                            <p class="notice" role="status" data-chain="ok">
                                {tr.audit_chain_ok(v.events_checked, v.head_seq)} " " <code class="key-id">{v.head_hash}</code>
                            </p>
                        }.into_any(),
                        Ok(v) => view! {
                            <div class="alert" role="alert" data-chain="broken">
                                <p>{tr.audit_chain_broken(v.first_bad_seq.unwrap_or_default(), v.problem.unwrap_or_default())}</p>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
            <Form method="GET" action="" attr:class="filters audit-filters">
                <div class="field"><label for="f-actor">{tr.audit_filter_actor()}</label><input id="f-actor" name="actor" type="text" prop:value=move || get("actor")/></div>
                <div class="field"><label for="f-subject">{tr.audit_filter_subject()}</label><input id="f-subject" name="subject" type="text" prop:value=move || get("subject")/></div>
                <div class="field">
                    <label for="f-action">{tr.audit_filter_action()}</label>
                    <select id="f-action" name="action">
                        <option value="">{tr.audit_filter_any()}</option>
                        {AuditAction::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=move || get("action") == a.as_str()>{a.label(tr)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="f-entity">{tr.audit_filter_entity()}</label>
                    <select id="f-entity" name="entity">
                        <option value="">{tr.audit_filter_any()}</option>
                        {["user", "session", "ticket", "message"].into_iter().map(|e| view! {
                            <option value=e selected=move || get("entity") == e>{entity_label(tr, e).unwrap_or(e)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field"><label for="f-from">{tr.audit_filter_from()}</label><input id="f-from" name="from" type="date" prop:value=move || get("from")/></div>
                <div class="field"><label for="f-to">{tr.audit_filter_to()}</label><input id="f-to" name="to" type="date" prop:value=move || get("to")/></div>
                <button type="submit" class="secondary">{tr.audit_filter_submit()}</button>
            </Form>
            <Transition fallback=move || view! { <p class="muted">{tr.audit_loading()}</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">{tr.audit_empty()}</p> }.into_any(),
                        Ok(paged) => {
                            let base = query.with(|q| {
                                FILTER_KEYS.iter().map(|k| format!("{k}={}", q.get(k).unwrap_or_default())).collect::<Vec<_>>().join("&")
                            });
                            view! {
                                <p class="muted">{if paged.more { tr.audit_count_more(paged.total_items) } else { tr.audit_count(paged.total_items) }}</p>
                                <table class="tickets audit">
                                    <thead><tr>
                                        <th scope="col">{tr.audit_col_seq()}</th><th scope="col">{tr.audit_col_when()}</th><th scope="col">{tr.audit_col_who()}</th>
                                        <th scope="col">{tr.audit_col_what()}</th><th scope="col">{tr.audit_col_subject()}</th><th scope="col">{tr.audit_col_changes()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {paged.items.into_iter().map(|e| {
                                            let action = AuditAction::parse(&e.action)
                                                .map(|a| a.label(tr).to_owned())
                                                .unwrap_or(e.action_label);
                                            let entity = entity_label(tr, &e.entity_type)
                                                .map(str::to_owned)
                                                .unwrap_or(e.entity_type);
                                            view! {
                                            <tr>
                                                <td>{e.seq}</td>
                                                <td>{locale.time(&e.occurred_at)}</td>
                                                <td>
                                                    {e.actor_name.unwrap_or_else(|| "—".into())}
                                                    {e.actor_role.map(|r| view! { <br/><span class="muted">{r.label(tr)}</span> })}
                                                </td>
                                                <td>{action}<br/><span class="muted">{entity} " " {e.entity_id}</span></td>
                                                <td>{e.subject_email.unwrap_or_else(|| "—".into())}</td>
                                                <td><Changes changes=e.changes/></td>
                                            </tr>
                                        }}).collect_view()}
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
