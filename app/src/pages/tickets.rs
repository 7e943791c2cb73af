use crate::{
    api::tickets::{list_tickets, OpenTicket},
    components::{action_error, ErrorNotice},
    model::{format_time, limits, TicketStatus},
};
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::{use_navigate, use_query_map},
};

/// A customer's own tickets, or the queue for staff, with a status filter and pages.
#[component]
pub fn TicketListPage() -> impl IntoView {
    let query = use_query_map();
    let status = move || query.with(|q| q.get("status").filter(|s| !s.is_empty()));
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    };
    let tickets = Resource::new(move || (status(), page()), |(s, p)| list_tickets(s, p));

    view! {
        <section>
            <div class="page-head">
                <h1>"Tickets"</h1>
                <A href="/tickets/new" attr:class="button">"New ticket"</A>
            </div>
            <Form method="GET" action="" attr:class="filters">
                <label for="status">"Status"</label>
                <select id="status" name="status">
                    <option value="" selected=move || status().is_none()>"All"</option>
                    {TicketStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status().as_deref() == Some(s.as_str())>{s.label()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="secondary">"Filter"</button>
            </Form>
            <Transition fallback=|| view! { <p class="muted">"Loading tickets…"</p> }>
                {move || Suspend::new(async move {
                    match tickets.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! {
                            <p class="empty">"No tickets here yet."</p>
                        }.into_any(),
                        Ok(paged) => {
                            let staff = paged.items.iter().any(|t| t.customer_name.is_some());
                            let status_param = status().unwrap_or_default();
                            let link = move |p: u64| format!("/tickets?status={status_param}&page={p}");
                            view! {
                                <table class="tickets">
                                    <thead><tr>
                                        <th scope="col">"Subject"</th>
                                        {staff.then(|| view! { <th scope="col">"Customer"</th> })}
                                        <th scope="col">"Status"</th>
                                        <th scope="col">"Opened"</th>
                                        <th scope="col">"Last update"</th>
                                    </tr></thead>
                                    <tbody>
                                        {paged.items.into_iter().map(|t| view! {
                                            <tr>
                                                <td><A href=format!("/tickets/{}", t.id)>{t.subject}</A></td>
                                                {t.customer_name.map(|n| view! { <td>{n}</td> })}
                                                <td><span class=format!("badge status-{}", t.status.as_str())>{t.status.label()}</span></td>
                                                <td>{format_time(&t.created_at)}</td>
                                                <td>{format_time(&t.updated_at)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <nav class="pager" aria-label="Pages">
                                    {(paged.page > 0).then(|| view! { <A href=link(paged.page - 1)>"← Newer"</A> })}
                                    <span>"Page " {paged.page + 1} " of " {paged.total_pages} " · " {paged.total_items} " tickets"</span>
                                    {(paged.page + 1 < paged.total_pages).then(|| view! { <A href=link(paged.page + 1)>"Older →"</A> })}
                                </nav>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// A customer opens a ticket.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    let action = ServerAction::<OpenTicket>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(id)) = action.value().get() {
            navigate(&format!("/tickets/{id}"), Default::default());
        }
    });
    view! {
        <section class="narrow card">
            <h1>"Open a ticket"</h1>
            <p class="muted">"Tell us what happened. We usually answer within one working day."</p>
            {action_error(action.into())}
            <ActionForm action>
                <div class="field">
                    <label for="subject">"Subject"</label>
                    <input id="subject" name="subject" type="text" maxlength=limits::SUBJECT_MAX required/>
                </div>
                <div class="field">
                    <label for="body">"Message"</label>
                    <textarea id="body" name="body" rows="8" maxlength=limits::MESSAGE_MAX required></textarea>
                </div>
                <button type="submit" disabled=move || action.pending().get()>"Send"</button>
            </ActionForm>
        </section>
    }
}
