use crate::{
    api::tickets::{list_tickets, new_ticket_fields, OpenTicket},
    components::{action_error, ErrorNotice},
    field_form::{editable, inputs, FieldControl},
    model::{limits, TicketSort, TicketStatus},
};
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::{use_navigate, use_query_map},
};

/// The list's address with one query parameter changed (and the page cursor dropped).
fn list_link(params: &[(&'static str, String)], key: &str, value: &str) -> String {
    let mut query: Vec<String> = params
        .iter()
        .filter(|(k, v)| *k != key && *k != "after" && !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::url_encode(v)))
        .collect();
    if !value.is_empty() {
        query.push(format!("{key}={}", crate::url_encode(value)));
    }
    format!("/tickets?{}", query.join("&"))
}

/// A customer's own tickets, or the queue for staff: views (mine, my teams,
/// unassigned, all — as the role's sharing rule allows) with counts, a search,
/// filters by status and team, two orders, and pages read by keyset.
#[component]
pub fn TicketListPage() -> impl IntoView {
    let query = use_query_map();
    let param =
        move |key: &'static str| move || query.with(|q| q.get(key).filter(|s| !s.is_empty()));
    let (view_p, status, team, sort, search, after) = (
        param("view"),
        param("status"),
        param("team"),
        param("sort"),
        param("q"),
        param("after"),
    );
    let tickets = Resource::new(
        move || (view_p(), status(), team(), sort(), search(), after()),
        |(v, st, tm, so, q, a)| list_tickets(v, st, tm, so, q, a),
    );
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    let params = move || -> Vec<(&'static str, String)> {
        vec![
            ("view", view_p().unwrap_or_default()),
            ("status", status().unwrap_or_default()),
            ("team", team().unwrap_or_default()),
            ("sort", sort().unwrap_or_default()),
            ("q", search().unwrap_or_default()),
        ]
    };

    view! {
        <section>
            <div class="page-head">
                <h1>{tr.tickets_list_title()}</h1>
                // Only customers open tickets.
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let customer = matches!(crate::components::use_user().await, Ok(Some(u)) if u.role == crate::model::Role::Customer);
                        customer.then(|| view! { <A href="/tickets/new" attr:class="button">{tr.nav_new_ticket()}</A> })
                    })}
                </Transition>
            </div>
            <Transition fallback=move || view! { <p class="muted">{tr.tickets_loading()}</p> }>
                {move || Suspend::new(async move {
                    let page = tickets.await;
                    let (views, current, teams) = match &page {
                        Ok(p) => (p.views.clone(), p.view, p.teams.clone()),
                        Err(_) => (Vec::new(), None, Vec::new()),
                    };
                    let staff = !views.is_empty();
                    let tabs = staff.then(|| view! {
                        <nav class="queue-views" aria-label=tr.tickets_views_label()>
                            {views.into_iter().map(|(v, count)| {
                                let shown = if count > 10_000 { "10000+".to_owned() } else { count.to_string() };
                                view! {
                                    // A plain link: the router's <A> would mark every view as
                                    // the current page (they share the path).
                                    <a href=list_link(&params(), "view", v.as_str())
                                        aria-current=(current == Some(v)).then_some("page")>
                                        {v.label(tr)}" "<span class="count">{shown}</span>
                                    </a>
                                }
                            }).collect_view()}
                        </nav>
                    });
                    let filters = view! {
                        <Form method="GET" action="" attr:class="filters">
                            {current.map(|v| view! { <input type="hidden" name="view" value=v.as_str()/> })}
                            <label for="q">{tr.tickets_search()}</label>
                            <input id="q" name="q" type="search" maxlength="200" value=search().unwrap_or_default()
                                placeholder=tr.tickets_search_placeholder()/>
                            <label for="status">{tr.tickets_status()}</label>
                            <select id="status" name="status">
                                <option value="" selected=status().is_none()>{tr.tickets_status_all()}</option>
                                {TicketStatus::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_str() selected=status().as_deref() == Some(s.as_str())>{s.label(tr)}</option>
                                }).collect_view()}
                            </select>
                            {staff.then(|| view! {
                                <label for="team">{tr.tickets_team()}</label>
                                <select id="team" name="team">
                                    <option value="" selected=team().is_none()>{tr.tickets_team_all()}</option>
                                    {teams.iter().map(|t| {
                                        let id = t.id.to_string();
                                        view! { <option value=id.clone() selected=team().as_deref() == Some(id.as_str())>{t.name.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            })}
                            <label for="sort">{tr.tickets_sort()}</label>
                            <select id="sort" name="sort">
                                {TicketSort::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_str() selected=sort().as_deref().unwrap_or("updated") == s.as_str()>{s.label(tr)}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit" class="secondary">{tr.tickets_filter()}</button>
                        </Form>
                    };
                    let body = match page {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(page) if page.items.is_empty() => view! {
                            <p class="empty">{if search().is_some() { tr.tickets_no_match() } else { tr.tickets_empty() }}</p>
                        }.into_any(),
                        Ok(page) => {
                            let next = page.next.clone().map(|cursor| {
                                let mut link = list_link(&params(), "after", &cursor);
                                if link.ends_with('?') { link.pop(); }
                                link
                            });
                            view! {
                                <table class="tickets">
                                    <thead><tr>
                                        <th scope="col">{tr.tickets_column_subject()}</th>
                                        {staff.then(|| view! {
                                            <th scope="col">{tr.tickets_customer()}</th>
                                            <th scope="col">{tr.tickets_team()}</th>
                                            <th scope="col">{tr.tickets_assignee()}</th>
                                        })}
                                        <th scope="col">{tr.tickets_status()}</th>
                                        <th scope="col">{tr.tickets_column_opened()}</th>
                                        <th scope="col">{tr.tickets_column_updated()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {page.items.into_iter().map(|t| view! {
                                            <tr>
                                                <td><A href=format!("/tickets/{}", t.id)>{t.subject}</A>" "<span class="muted reference">{t.reference}</span></td>
                                                {staff.then(|| view! {
                                                    <td>{t.customer_name.clone()}</td>
                                                    // On a phone the headers are hidden: team and agent carry their labels.
                                                    <td><span class="cell-label">{tr.tickets_team()}</span>{t.team_name.clone()}</td>
                                                    <td><span class="cell-label">{tr.tickets_assignee()}</span>{t.assignee_name.clone().unwrap_or_else(|| tr.tickets_nobody().to_owned())}</td>
                                                })}
                                                <td><span class=format!("badge status-{}", t.status.as_str())>{t.status.label(tr)}</span></td>
                                                // On a phone the headers are hidden: each date carries its label.
                                                <td class="date"><span class="cell-label">{tr.ticketdates_opened()}</span>{locale.time(&t.created_at)}</td>
                                                <td class="date"><span class="cell-label">{tr.ticketdates_updated()}</span>{locale.time(&t.updated_at)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <nav class="pager" aria-label=tr.pager_label()>
                                    {after().is_some().then(|| view! { <A href=list_link(&params(), "after", "")>{tr.tickets_first_page()}</A> })}
                                    {next.map(|href| view! { <A href=href>{tr.pager_older()}</A> })}
                                </nav>
                            }.into_any()
                        }
                    };
                    view! { {tabs} {filters} {body} }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// A customer opens a ticket, filling in the ticket fields they may edit.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    let action = ServerAction::<OpenTicket>::new();
    let form_fields = Resource::new(|| (), |_| new_ticket_fields());
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(id)) = action.value().get() {
            navigate(&format!("/tickets/{id}"), Default::default());
        }
    });
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let tr = crate::i18n::use_tr();
    view! {
        <section class="narrow card">
            <h1>{tr.tickets_new_title()}</h1>
            <p class="muted">{tr.tickets_new_intro()}</p>
            {action_error(action.into())}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    let fields = match form_fields.await {
                        Ok(fields) => editable(fields),
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    let submitted = fields.clone();
                    let on_submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        action.dispatch(OpenTicket {
                            subject: subject.get_untracked(),
                            body: body.get_untracked(),
                            fields: inputs(&submitted),
                        });
                    };
                    view! {
                        <form on:submit=on_submit>
                            <div class="field">
                                <label for="subject">{tr.tickets_subject()}</label>
                                <input id="subject" type="text" maxlength=limits::SUBJECT_MAX required
                                    prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
                            </div>
                            <div class="field">
                                <label for="body">{tr.tickets_message()}</label>
                                <textarea id="body" rows="8" maxlength=limits::MESSAGE_MAX required
                                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                            </div>
                            {fields.into_iter().map(|item| view! { <FieldControl item error/> }).collect_view()}
                            <button type="submit" disabled=move || action.pending().get()>{tr.tickets_send()}</button>
                        </form>
                    }
                    .into_any()
                })}
            </Transition>
        </section>
    }
}
