use crate::{
    api::audit::{audit_events, verify_audit_chain},
    components::{ErrorNotice, Pager},
    i18n::{Locale, Tr},
    model::{AuditAction, AuditEntryView, AuditFilter, ChangeView},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};
use std::sync::Arc;

const FILTER_KEYS: [&str; 6] = ["actor", "subject", "action", "entity", "from", "to"];

/// How many characters of a recorded text a row shows (a message would fill
/// the row); the whole text is in its tooltip, and on the ticket.
const CLIP: usize = 64;

/// A value for a query string: `+` and spaces in an address stay themselves.
fn query_value(value: &str) -> String {
    let mut encoded = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    encoded
}

/// This page showing only the events with `key` (actor or subject) = `email`.
fn only(key: &str, email: &str) -> String {
    format!("/admin/audit?{key}={}", query_value(email))
}

/// An id in short: a UUID by its random end (`#3f9a0c1d`; its start is a
/// time, alike for rows made together), anything else as it is.
fn short_id(id: &str) -> String {
    match uuid::Uuid::parse_str(id) {
        Ok(uuid) => {
            let hex = uuid.simple().to_string();
            format!("#{}", &hex[hex.len() - 8..])
        }
        Err(_) => id.to_owned(),
    }
}

/// A recorded text on a row: an id in short, a long text cut at `CLIP`
/// characters; the whole in the tooltip.
fn clipped(text: String) -> AnyView {
    if uuid::Uuid::parse_str(&text).is_ok() {
        let short = short_id(&text);
        return view! { <span class="short-id" title=text>{short}</span> }.into_any();
    }
    if text.chars().count() <= CLIP {
        return text.into_any();
    }
    let short: String = text.chars().take(CLIP).collect();
    let short = format!("{}…", short.trim_end());
    view! { <span title=text>{short}</span> }.into_any()
}

/// A person on a row: their name (a link to the events `link` selects), else
/// their id in short, and a line beneath (their role, their address).
fn person(
    id: Option<String>,
    name: Option<String>,
    link: Option<(String, String)>,
    below: Option<String>,
) -> impl IntoView {
    let main = match (name, link) {
        (Some(name), Some((href, hint))) => {
            view! { <a class="audit-person" href=href title=hint>{name}</a> }.into_any()
        }
        (Some(name), None) => {
            view! { <span class="audit-person" title=id.unwrap_or_default()>{name}</span> }
                .into_any()
        }
        (None, _) => match id {
            Some(id) => {
                let short = short_id(&id);
                view! { <span class="audit-person short-id" title=id>{short}</span> }.into_any()
            }
            None => view! { <span class="muted">"—"</span> }.into_any(),
        },
    };
    view! { {main} {below.map(|b| view! { <span class="audit-line2">{b}</span> })} }
}

/// An event's changes as one run of labelled values, "Status: Open → Solved ·
/// Reason: …", wrapping only when the column is full.
fn changes_inline(tr: Tr, changes: Vec<ChangeView>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <ul class="changes-inline">
                {changes.into_iter().map(|c| view! {
                    <li>
                        <span class="change-field">{tr.auditview_field(&c.field)}</span> " "
                        {c.before.map(|b| view! { <del>{clipped(b)}</del> " → " })}
                        {match (c.after, c.link) {
                            (Some(after), Some(link)) => view! { <a href=link>{clipped(after)}</a> }.into_any(),
                            (Some(after), None) => clipped(after),
                            (None, _) => view! { <span class="muted">{tr.removed_value()}</span> }.into_any(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// One event: its time and number in the chain, who acted, what happened to
/// which entity (linked to its page), whose data, and the changes.
fn event_row(locale: Locale, e: AuditEntryView) -> AnyView {
    let tr = locale.tr();
    let action = AuditAction::parse(&e.action)
        .map(|a| a.label(tr).to_owned())
        .unwrap_or(e.action_label);
    let entity = entity_label(tr, &e.entity_type)
        .map(str::to_owned)
        .unwrap_or(e.entity_type);
    let short = short_id(&e.entity_id);
    let id = e.entity_id;
    let reference = match (e.entity_name, e.entity_href) {
        (Some(name), Some(href)) => view! { <a href=href title=id>{name}</a> }.into_any(),
        (Some(name), None) => view! { <span title=id>{name}</span> }.into_any(),
        (None, Some(href)) => {
            view! { <a class="short-id" href=href title=id>{short}</a> }.into_any()
        }
        (None, None) => view! { <span class="short-id" title=id>{short}</span> }.into_any(),
    };
    let actor_link = e
        .actor_email
        .map(|m| (only("actor", &m), tr.auditview_only_by(&m)));
    let subject_link = e
        .subject_email
        .clone()
        .map(|m| (only("subject", &m), tr.auditview_only_about(&m)));
    view! {
        <tr>
            <td class="audit-when">
                {locale.time(&e.occurred_at)}
                <span class="audit-line2">{tr.audit_col_seq()} " " {e.seq}</span>
            </td>
            <td class="audit-who">
                <span class="audit-cell-label">{tr.audit_col_who()}</span>
                {person(e.actor_id, e.actor_name, actor_link, e.actor_role.map(|r| r.label(tr).to_owned()))}
            </td>
            <td class="audit-what">
                <span class="audit-action">{action}</span>
                <span class="audit-line2">{entity} " " {reference}</span>
            </td>
            <td class="audit-subject">
                <span class="audit-cell-label">{tr.audit_col_subject()}</span>
                {person(e.subject_id, e.subject_name, subject_link, e.subject_email)}
            </td>
            <td class="audit-changes">{changes_inline(tr, e.changes)}</td>
        </tr>
    }
    .into_any()
}

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
        <SettingsLayout><section class="wide-page">
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
                                FILTER_KEYS.iter().map(|k| format!("{k}={}", query_value(&q.get(k).unwrap_or_default()))).collect::<Vec<_>>().join("&")
                            });
                            view! {
                                <p class="muted">{if paged.more { tr.audit_count_more(paged.total_items) } else { tr.audit_count(paged.total_items) }}</p>
                                <div class="table-scroll" tabindex="0" role="region" aria-label=tr.audit_title()>
                                    <table class="tickets audit">
                                        <thead><tr>
                                            <th scope="col">{tr.audit_col_when()}</th><th scope="col">{tr.audit_col_who()}</th>
                                            <th scope="col">{tr.audit_col_what()}</th><th scope="col">{tr.audit_col_subject()}</th><th scope="col">{tr.audit_col_changes()}</th>
                                        </tr></thead>
                                        <tbody>
                                            {paged.items.into_iter().map(|e| event_row(locale, e)).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <Pager page=paged.page total_pages=paged.total_pages more=paged.more link=Arc::new(move |p| format!("/admin/audit?{base}&page={p}"))/>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}

#[cfg(test)]
mod tests {
    use super::{only, short_id};

    #[test]
    fn ids_read_short_and_addresses_survive_the_query_string() {
        assert_eq!(
            short_id("0192f0e6-3c5e-7a00-8000-00000000abcd"),
            "#0000abcd"
        );
        assert_eq!(short_id("agent:phone"), "agent:phone");
        assert_eq!(
            only("subject", "ada+test@example.org"),
            "/admin/audit?subject=ada%2Btest@example.org"
        );
    }
}
