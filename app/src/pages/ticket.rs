use crate::{
    api::{
        privacy::{EraseTicket, RedactMessage, RedactSubject},
        teams::AssignTicket,
        tickets::{get_ticket, ReplyToTicket, SetTicketStatus, UpdateTicketFields},
    },
    components::{action_error, successes, ErrorNotice},
    error::AppError,
    field_form::{editable, inputs, FieldControl},
    fields::FieldView,
    model::{limits, Assignment, TicketDetail, TicketStatus},
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// One ticket: the conversation, a reply box and, for staff, status and internal notes.
#[component]
pub fn TicketPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let reply = ServerAction::<ReplyToTicket>::new();
    let set_status = ServerAction::<SetTicketStatus>::new();
    let save_fields = ServerAction::<UpdateTicketFields>::new();
    let redaction = Redaction::new();
    let assign = ServerAction::<AssignTicket>::new();
    // Only a redaction that worked reloads the ticket: a refused one leaves
    // its form open as it was, with the error.
    let redacted = [
        successes(redaction.message.into()),
        successes(redaction.subject.into()),
    ];
    let ticket = Resource::new(
        move || {
            (
                id(),
                reply.version().get(),
                set_status.version().get(),
                save_fields.version().get(),
                assign.version().get(),
                redacted.map(|count| count.get()),
            )
        },
        |(id, ..)| async move {
            match id {
                Some(id) => get_ticket(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let tr = crate::i18n::use_tr();
    view! {
        <Transition fallback=move || view! { <p class="muted">{tr.tickets_loading_one()}</p> }>
            {move || Suspend::new(async move {
                match ticket.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(t) => { let staff = t.viewer_is_staff; view! { <TicketView ticket=t staff reply set_status save_fields redaction assign/> }.into_any() }
                }
            })}
        </Transition>
    }
}

#[component]
fn TicketView(
    ticket: TicketDetail,
    staff: bool,
    reply: ServerAction<ReplyToTicket>,
    set_status: ServerAction<SetTicketStatus>,
    save_fields: ServerAction<UpdateTicketFields>,
    redaction: Redaction,
    assign: ServerAction<AssignTicket>,
) -> impl IntoView {
    let ticket_id = ticket.id;
    let can = ticket.can;
    let assignment = ticket.assignment.clone();
    let customer_id = ticket.customer_id;
    let status = ticket.status;
    let fields = ticket.fields.clone();
    let customer_fields = ticket.customer_fields.clone();
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <article class="ticket">
            <div class="page-head">
                <h1>{ticket.subject.clone()}</h1>
                <span class="muted reference">{ticket.reference.clone()}</span>
                <span class=format!("badge status-{}", status.as_str())>{status.label(tr)}</span>
            </div>
            <p class="muted">
                {tr.tickets_opened_by(locale.time(&ticket.created_at), &ticket.customer_name)}
                {ticket.customer_email.clone().map(|e| view! { " <" {e} ">" })}
            </p>
            {can.redact.then(|| view! { <RedactForm target=Redactable::Subject(ticket_id) redaction/> }.into_any())}
            {can.change_status.then(|| view! { <StatusForm ticket_id status set_status/> }.into_any())}
            {assignment.map(|assignment| view! { <AssignmentPanel ticket_id assignment assign/> }.into_any())}
            <div class="ticket-panels">
                {(!fields.is_empty()).then(|| view! { <TicketFields ticket_id fields save_fields/> })}
                {(!customer_fields.is_empty()).then(|| view! { <CustomerDetails fields=customer_fields/> })}
            </div>
            <ol class="conversation">
                {ticket.messages.into_iter().map(|m| view! {
                    <li id=format!("message-{}", m.id) class=if m.internal { "message internal" } else if m.author_role.is_staff() { "message staff" } else { "message" }> // i18n: not shown (classes)
                        <div class="message-head">
                            <strong>{m.author_name}</strong>
                            {m.author_role.is_staff().then(|| view! { <span class="badge">{tr.tickets_support_team()}</span> })}
                            {m.internal.then(|| view! { <span class="badge internal-badge">{tr.tickets_internal_note()}</span> })}
                            <time>{locale.time(&m.created_at)}</time>
                        </div>
                        <p class="message-body">{m.body}</p>
                        {m.redacted.then(|| view! { <p class="muted redacted-note">{tr.tickets_redacted_note()}</p> })}
                        {can.redact.then(|| view! { <RedactForm target=Redactable::Message(m.id) redaction/> })}
                    </li>
                }).collect_view()}
            </ol>
            {(can.reply || can.internal_notes).then(|| view! {
                <ReplyForm ticket_id staff notes=can.internal_notes only_notes=!can.reply closed=status == TicketStatus::Closed reply/>
            }.into_any())}
            {can.delete.then(|| view! { <DangerZone ticket_id customer_id/> }.into_any())}
        </article>
    }
}

#[component]
fn StatusForm(
    ticket_id: Uuid,
    status: TicketStatus,
    set_status: ServerAction<SetTicketStatus>,
) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    view! {
        <ActionForm action=set_status attr:class="filters">
            <input type="hidden" name="ticket_id" value=ticket_id.to_string()/>
            <label for="ticket-status">{tr.tickets_status()}</label>
            <select id="ticket-status" name="status">
                {TicketStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=s == status>{s.label(tr)}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="secondary">{tr.tickets_update_status()}</button>
        </ActionForm>
        {action_error(set_status.into())}
    }
}

#[component]
fn ReplyForm(
    ticket_id: Uuid,
    staff: bool,
    /// May add internal notes.
    notes: bool,
    /// May only add internal notes (the role may not reply to customers).
    only_notes: bool,
    closed: bool,
    reply: ServerAction<ReplyToTicket>,
) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let body = RwSignal::new(String::new());
    let internal = RwSignal::new(only_notes);
    Effect::new(move || {
        if let Some(Ok(_)) = reply.value().get() {
            body.set(String::new());
            internal.set(only_notes);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reply.dispatch(ReplyToTicket {
            ticket_id,
            body: body.get_untracked(),
            internal: internal.get_untracked().then(|| "true".to_owned()),
        });
    };
    if closed && !staff {
        return view! { <p class="muted">{tr.tickets_closed_note()}</p> }.into_any();
    }
    view! {
        <form class="reply card" on:submit=on_submit>
            <h2>{if notes { tr.tickets_reply_or_note() } else { tr.tickets_reply() }}</h2>
            {action_error(reply.into())}
            <div class="field">
                <label for="reply-body">{tr.tickets_your_message()}</label>
                <textarea id="reply-body" name="body" rows="5" maxlength=limits::MESSAGE_MAX required
                    prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            </div>
            {(staff && notes && !only_notes).then(|| view! {
                <div class="field checkbox">
                    <input id="reply-internal" type="checkbox"
                        prop:checked=move || internal.get()
                        on:change=move |ev| internal.set(event_target_checked(&ev))/>
                    <label for="reply-internal">{tr.tickets_internal_checkbox()}</label>
                </div>
            })}
            <button type="submit" disabled=move || reply.pending().get()>
                {move || if internal.get() { tr.tickets_add_internal_note() } else { tr.tickets_send_reply() }}
            </button>
        </form>
    }.into_any()
}

/// The ticket's custom fields; staff with edit access can change them.
#[component]
fn TicketFields(
    ticket_id: Uuid,
    fields: Vec<FieldView>,
    save_fields: ServerAction<UpdateTicketFields>,
) -> impl IntoView {
    let items = editable(fields);
    let submitted = items.clone();
    let any_editable = items.iter().any(|f| f.field.editable);
    let error = Signal::derive(move || save_fields.value().get().and_then(Result::err));
    let tr = crate::i18n::use_tr();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_fields.dispatch(UpdateTicketFields {
            ticket_id,
            fields: inputs(&submitted),
        });
    };
    view! {
        <form class="card panel" on:submit=on_submit>
            <h2>{tr.tickets_details()}</h2>
            {action_error(save_fields.into())}
            {items.into_iter().map(|item| view! { <FieldControl item error/> }).collect_view()}
            {any_editable.then(|| view! { <button type="submit" class="secondary">{tr.tickets_save_details()}</button> })}
        </form>
    }
}

/// The customer's contact fields, as the agent's field permissions allow.
#[component]
fn CustomerDetails(fields: Vec<FieldView>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    view! {
        <section class="card panel" aria-labelledby="customer-details">
            <h2 id="customer-details">{tr.tickets_customer()}</h2>
            <dl class="changes">
                {fields.into_iter().map(|f| view! {
                    <dt>{f.label.clone()}</dt>
                    <dd>{Some(crate::fields::display_value(&f, tr)).filter(|v| !v.is_empty()).unwrap_or_else(|| "—".into())}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}

/// What a redact form replaces: a message's text or the ticket's subject line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Redactable {
    Message(Uuid),
    Subject(Uuid),
}

/// The ticket page's redactions. Kept above the ticket's view, which is built
/// anew when the ticket reloads: which form is open (one at a time), which
/// one was sent, and which one just worked (its confirmation).
#[derive(Clone, Copy)]
struct Redaction {
    message: ServerAction<RedactMessage>,
    subject: ServerAction<RedactSubject>,
    open: RwSignal<Option<Redactable>>,
    sent: RwSignal<Option<Redactable>>,
    done: RwSignal<Option<Redactable>>,
}

impl Redaction {
    fn new() -> Self {
        Redaction {
            message: ServerAction::new(),
            subject: ServerAction::new(),
            open: RwSignal::new(None),
            sent: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// The answer to the last redaction of this kind of text, if it came.
    fn outcome(self, target: Redactable) -> Option<Result<(), AppError>> {
        match target {
            Redactable::Message(_) => self.message.value().get(),
            Redactable::Subject(_) => self.subject.value().get(),
        }
    }
}

/// Replace a message's text or the ticket's subject (e.g. another customer's
/// data in it); staff only. Once it worked the form closes, emptied, and a
/// short confirmation stays in its place; a refused one stays open.
#[component]
fn RedactForm(target: Redactable, redaction: Redaction) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move || {
        let worked = matches!(redaction.outcome(target), Some(Ok(())));
        if worked && redaction.sent.get_untracked() == Some(target) {
            redaction.sent.set(None);
            redaction.done.set(Some(target));
            if redaction.open.get_untracked() == Some(target) {
                redaction.open.set(None);
            }
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<leptos::web_sys::HtmlDetailsElement>(&ev).open();
        if open {
            redaction.open.set(Some(target));
        } else if redaction.open.get_untracked() == Some(target) {
            redaction.open.set(None);
        }
    };
    // Bubbles up from the form after `ActionForm` sent it.
    let on_submit = move |_| {
        redaction.sent.set(Some(target));
        redaction.done.set(None);
    };
    let (id, summary, label, submit) = match target {
        Redactable::Message(id) => (
            id,
            tr.tickets_redact(),
            tr.tickets_redact_text(),
            tr.tickets_redact_submit(),
        ),
        Redactable::Subject(id) => (
            id,
            tr.redaction_subject_summary(),
            tr.redaction_subject_text(),
            tr.redaction_subject_submit(),
        ),
    };
    let fields = move || {
        view! {
            <div class="field">
                <label for=format!("redact-text-{id}")>{label}</label>
                <textarea id=format!("redact-text-{id}") name="replacement" rows="2"></textarea>
            </div>
            <div class="field">
                <label for=format!("redact-reason-{id}")>{tr.tickets_redact_reason()}</label>
                <input id=format!("redact-reason-{id}") name="reason" type="text" maxlength="2000"/>
            </div>
            <button type="submit" class="secondary small">{submit}</button>
        }
    };
    // The forms of one kind share their action: its error shows in the one sent.
    let error = move || {
        (redaction.sent.get() == Some(target)).then(|| match target {
            Redactable::Message(_) => action_error(redaction.message.into()).into_any(),
            Redactable::Subject(_) => action_error(redaction.subject.into()).into_any(),
        })
    };
    let action_form = match target {
        Redactable::Message(_) => view! {
            <ActionForm action=redaction.message node_ref=form>
                <input type="hidden" name="message_id" value=id.to_string()/>
                {fields()}
            </ActionForm>
        }
        .into_any(),
        Redactable::Subject(_) => view! {
            <ActionForm action=redaction.subject node_ref=form>
                <input type="hidden" name="ticket_id" value=id.to_string()/>
                {fields()}
            </ActionForm>
        }
        .into_any(),
    };
    let confirmation = match target {
        Redactable::Message(_) => tr.redaction_message_done(),
        Redactable::Subject(_) => tr.redaction_subject_done(),
    };
    view! {
        <details class="redact"
            prop:open=move || redaction.open.get() == Some(target)
            on:toggle=on_toggle
            on:submit=on_submit>
            <summary>{summary}</summary>
            {error}
            {action_form}
        </details>
        {move || (redaction.done.get() == Some(target)).then(|| view! {
            <p class="notice redact-done" role="status">{confirmation}</p>
        })}
    }
}

/// Deleting the ticket, or erasing its customer, through the erasure pipeline.
#[component]
fn DangerZone(ticket_id: Uuid, customer_id: Option<Uuid>) -> impl IntoView {
    let erase = ServerAction::<EraseTicket>::new();
    let tr = crate::i18n::use_tr();
    view! {
        <section class="card danger-zone">
            <h2>{tr.tickets_delete()}</h2>
            {move || erase.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice" role="status">{tr.tickets_deleting()}</p>
            })}
            {action_error(erase.into())}
            <ActionForm action=erase>
                <input type="hidden" name="ticket_id" value=ticket_id.to_string()/>
                <div class="field">
                    <label for="delete-ticket-reason">{tr.tickets_delete_reason()}</label>
                    <input id="delete-ticket-reason" name="reason" type="text" maxlength="2000"/>
                </div>
                <button type="submit" class="danger">{tr.tickets_delete_submit()}</button>
            </ActionForm>
            {customer_id.map(|c| view! {
                <p><a href=format!("/customers/{c}/erase")>{tr.tickets_erase_customer()}</a></p>
            })}
        </section>
    }
}

/// The ticket's team and agent; a form to move it for those who may assign.
#[component]
fn AssignmentPanel(
    ticket_id: Uuid,
    assignment: Assignment,
    assign: ServerAction<AssignTicket>,
) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let team_name = assignment
        .team
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_else(|| tr.tickets_no_team().to_owned());
    let agent_name = assignment
        .assignee
        .as_ref()
        .map(|a| a.name.clone())
        .unwrap_or_else(|| tr.tickets_nobody().to_owned());
    let choices = assignment.choices.clone();
    let team = RwSignal::new(
        assignment
            .team
            .as_ref()
            .map(|t| t.id.to_string())
            .unwrap_or_default(),
    );
    let agent = RwSignal::new(
        assignment
            .assignee
            .as_ref()
            .map(|a| a.id.to_string())
            .unwrap_or_default(),
    );
    let form = (!choices.is_empty()).then(|| {
        let members = {
            let choices = choices.clone();
            move || {
                let chosen = team.get();
                choices.iter().find(|t| t.id.to_string() == chosen).map(|t| t.members.clone()).unwrap_or_default()
            }
        };
        view! {
            <form class="filters" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                assign.dispatch(AssignTicket { ticket: ticket_id, team: team.get_untracked(), assignee: Some(agent.get_untracked()) });
            }>
                <label for="assign-team">{tr.tickets_team()}</label>
                <select id="assign-team" on:change=move |ev| { team.set(event_target_value(&ev)); agent.set(String::new()); }>
                    {choices.iter().map(|t| {
                        let id = t.id.to_string();
                        view! { <option value=id.clone() selected=move || team.get() == id>{t.name.clone()}</option> }
                    }).collect_view()}
                </select>
                <label for="assign-agent">{tr.tickets_assignee()}</label>
                <select id="assign-agent" on:change=move |ev| agent.set(event_target_value(&ev))>
                    <option value="" selected=move || agent.get().is_empty()>{tr.tickets_nobody()}</option>
                    {move || members().into_iter().map(|m| {
                        let id = m.id.to_string();
                        view! { <option value=id.clone() selected=move || agent.get() == id>{m.name}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="secondary" disabled=move || assign.pending().get()>{tr.tickets_assign()}</button>
            </form>
        }
        .into_any()
    });
    view! {
        <section class="card assignment" aria-label=tr.tickets_assignment()>
            <p>{tr.tickets_assigned_to(team_name, agent_name)}</p>
            {action_error(assign.into())}
            {move || assign.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.tickets_assigned()}</p> })}
            {form}
        </section>
    }
}
