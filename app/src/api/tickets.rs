use crate::{
    error::AppError,
    fields::{FieldInput, FieldView},
    model::{TicketDetail, TicketPage},
};
use leptos::{prelude::*, server_fn::codec::Json};
use uuid::Uuid;

#[cfg(feature = "ssr")]
fn parse_status(status: Option<String>) -> Result<Option<crate::model::TicketStatus>, AppError> {
    use crate::model::TicketStatus;
    match status.as_deref().map(str::trim) {
        None | Some("") | Some("all") => Ok(None),
        Some(s) => TicketStatus::parse(s).map(Some).ok_or_else(|| {
            AppError::field(
                "status",
                crate::server::context::tr().server_unknown_status(s),
            )
        }),
    }
}

/// The asker's tickets (a customer's own; the queue, as far as their role's
/// sharing rule reaches, for staff): one page, by keyset. Every argument is
/// optional; a bad one is refused with the field it is about.
/// Stable address `/api/list_tickets`: scripts and the benchmark call it.
#[server(endpoint = "list_tickets")]
pub async fn list_tickets(
    view: Option<String>,
    status: Option<String>,
    team: Option<String>,
    sort: Option<String>,
    search: Option<String>,
    after: Option<String>,
) -> Result<TicketPage, AppError> {
    use crate::{
        model::{QueueView, TicketQuery, TicketSort},
        server::{context, services::tickets},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let tr = context::tr();
        let given = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let query = TicketQuery {
            view: given(view)
                .map(|v| {
                    QueueView::parse(&v)
                        .ok_or_else(|| AppError::field("view", tr.tickets_view_not_yours()))
                })
                .transpose()?,
            status: parse_status(status)?,
            team: given(team)
                .filter(|t| t != "all")
                .map(|t| {
                    uuid::Uuid::parse_str(&t)
                        .map_err(|_| AppError::field("team", tr.teams_choose_team()))
                })
                .transpose()?,
            sort: given(sort)
                .map(|s| {
                    TicketSort::parse(&s)
                        .ok_or_else(|| AppError::field("sort", tr.tickets_choose_sort()))
                })
                .transpose()?,
            search: given(search),
            after: given(after),
        };
        context::run(tickets::list(&state, &actor, query)).await
    })
    .await
}

/// One ticket with its conversation, if the asker may see it.
#[server(endpoint = "get_ticket")]
pub async fn get_ticket(id: Uuid) -> Result<TicketDetail, AppError> {
    use crate::server::{context, services::tickets};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(tickets::get(&state, &actor, id)).await
    })
    .await
}

/// The custom fields a customer fills in when opening a ticket.
#[server]
pub async fn new_ticket_fields() -> Result<Vec<FieldView>, AppError> {
    use crate::server::{context, services::tickets};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(tickets::new_ticket_fields(&state, &actor)).await
    })
    .await
}

/// Staff change a ticket's custom fields.
#[server(input = Json)]
pub async fn update_ticket_fields(
    ticket_id: Uuid,
    fields: Vec<FieldInput>,
) -> Result<Vec<FieldView>, AppError> {
    use crate::server::{context, services::tickets};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(tickets::update_fields(&state, &actor, ticket_id, &fields)).await
    })
    .await
}

/// A customer opens a ticket, with its custom fields. Returns its id.
#[server(input = Json, endpoint = "open_ticket")]
pub async fn open_ticket(
    subject: String,
    body: String,
    #[server(default)] fields: Vec<FieldInput>,
) -> Result<Uuid, AppError> {
    use crate::server::{context, services::tickets};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(tickets::open(&state, &actor, &subject, &body, &fields)).await
    })
    .await
}

/// A reply, or with `internal` set (staff only) an internal note.
#[server(endpoint = "reply_to_ticket")]
pub async fn reply_to_ticket(
    ticket_id: Uuid,
    body: String,
    internal: Option<String>,
) -> Result<Uuid, AppError> {
    use crate::server::{context, services::tickets};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let internal = matches!(internal.as_deref(), Some("true" | "on"));
        context::run(tickets::reply(&state, &actor, ticket_id, &body, internal)).await
    })
    .await
}

/// Staff change a ticket's status.
#[server]
pub async fn set_ticket_status(ticket_id: Uuid, status: String) -> Result<(), AppError> {
    use crate::server::{context, services::tickets};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let status = parse_status(Some(status))?.ok_or_else(|| {
            AppError::field(
                "status",
                crate::server::context::tr().server_choose_status(),
            )
        })?;
        context::run(tickets::set_status(&state, &actor, ticket_id, status)).await
    })
    .await
}
