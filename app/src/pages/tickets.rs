use crate::{
    api::tickets::{list_tickets, new_ticket_fields, OpenTicket},
    components::{action_error, ErrorNotice, Pager},
    field_form::{editable, inputs, FieldControl},
    model::{limits, TicketStatus},
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
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();

    view! {
        <section>
            <div class="page-head">
                <h1>{tr.tickets_list_title()}</h1>
                <A href="/tickets/new" attr:class="button">{tr.nav_new_ticket()}</A>
            </div>
            <Form method="GET" action="" attr:class="filters">
                <label for="status">{tr.tickets_status()}</label>
                <select id="status" name="status">
                    <option value="" selected=move || status().is_none()>{tr.tickets_status_all()}</option>
                    {TicketStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status().as_deref() == Some(s.as_str())>{s.label(tr)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="secondary">{tr.tickets_filter()}</button>
            </Form>
            <Transition fallback=move || view! { <p class="muted">{tr.tickets_loading()}</p> }>
                {move || Suspend::new(async move {
                    match tickets.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! {
                            <p class="empty">{tr.tickets_empty()}</p>
                        }.into_any(),
                        Ok(paged) => {
                            let staff = paged.items.iter().any(|t| t.customer_name.is_some());
                            let status_param = status().unwrap_or_default();
                            let link = move |p: u64| format!("/tickets?status={status_param}&page={p}");
                            view! {
                                <table class="tickets">
                                    <thead><tr>
                                        <th scope="col">{tr.tickets_column_subject()}</th>
                                        {staff.then(|| view! { <th scope="col">{tr.tickets_customer()}</th> })}
                                        <th scope="col">{tr.tickets_status()}</th>
                                        <th scope="col">{tr.tickets_column_opened()}</th>
                                        <th scope="col">{tr.tickets_column_updated()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {paged.items.into_iter().map(|t| view! {
                                            <tr>
                                                <td><A href=format!("/tickets/{}", t.id)>{t.subject}</A></td>
                                                {t.customer_name.map(|n| view! { <td>{n}</td> })}
                                                <td><span class=format!("badge status-{}", t.status.as_str())>{t.status.label(tr)}</span></td>
                                                // On a phone the headers are hidden: each date carries its label.
                                                <td class="date"><span class="cell-label">{tr.ticketdates_opened()}</span>{locale.time(&t.created_at)}</td>
                                                <td class="date"><span class="cell-label">{tr.ticketdates_updated()}</span>{locale.time(&t.updated_at)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <Pager page=paged.page total_pages=paged.total_pages more=paged.more link=std::sync::Arc::new(link)
                                    note=tr.tickets_total(paged.total_items, if paged.more { "+" } else { "" })/>
                            }.into_any()
                        }
                    }
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
