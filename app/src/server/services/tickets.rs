//! Tickets and their conversations. Every query is scoped by the actor:
//! a customer's reads filter by their own id, and a ticket they do not own is
//! reported as "not found", never as "forbidden", so ids leak nothing.
use crate::{
    error::AppError,
    model::{limits, MessageView, Paged, Role, TicketDetail, TicketStatus, TicketSummary},
    server::{
        entities::{message, ticket, user},
        policy::{self, Action, Target},
        Actor, ServiceError,
    },
    validate,
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, TransactionTrait};
use std::collections::HashMap;

fn status_of(t: &ticket::Model) -> Result<TicketStatus, ServiceError> {
    TicketStatus::parse(&t.status)
        .ok_or_else(|| ServiceError::Internal(format!("ticket {} has an unknown status", t.id)))
}

async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, user::Model>, ServiceError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// Loads a ticket the actor may see for `action`; otherwise `NotFound`.
async fn visible_ticket(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    action: Action,
) -> Result<ticket::Model, ServiceError> {
    let mut query = ticket::Entity::find_by_id(id);
    if actor.role == Role::Customer {
        query = query.filter(ticket::Column::CustomerId.eq(actor.user_id));
    }
    let ticket = query.one(db).await?.ok_or(AppError::NotFound)?;
    if !policy::can(
        actor,
        Action::ViewTicket,
        Target::Ticket {
            customer_id: ticket.customer_id,
        },
    ) {
        return Err(AppError::NotFound.into());
    }
    if !policy::can(
        actor,
        action,
        Target::Ticket {
            customer_id: ticket.customer_id,
        },
    ) {
        return Err(AppError::Forbidden.into());
    }
    Ok(ticket)
}

/// A customer's own tickets, or the whole queue for staff; newest first.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    status: Option<TicketStatus>,
    page: u64,
) -> Result<Paged<TicketSummary>, ServiceError> {
    let mut query = ticket::Entity::find();
    let queue = policy::can(actor, Action::ViewTicketQueue, Target::Nothing);
    if !queue {
        query = query.filter(ticket::Column::CustomerId.eq(actor.user_id));
    }
    if let Some(status) = status {
        query = query.filter(ticket::Column::Status.eq(status.as_str()));
    }
    let paginator = query
        .order_by_desc(ticket::Column::CreatedAt)
        .order_by_desc(ticket::Column::Id)
        .paginate(db, limits::PAGE_SIZE);
    let totals = paginator.num_items_and_pages().await?;
    let page = page.min(totals.number_of_pages.saturating_sub(1));
    let rows = paginator.fetch_page(page).await?;
    let customers = if queue {
        names_of(db, rows.iter().map(|t| t.customer_id)).await?
    } else {
        HashMap::new()
    };
    let items = rows
        .iter()
        .map(|t| {
            Ok(TicketSummary {
                id: t.id,
                subject: t.subject.clone(),
                status: status_of(t)?,
                created_at: t.created_at,
                updated_at: t.updated_at,
                customer_name: queue.then(|| {
                    customers
                        .get(&t.customer_id)
                        .map(|u| u.name.clone())
                        .unwrap_or_default()
                }),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(Paged {
        items,
        page,
        total_pages: totals.number_of_pages.max(1),
        total_items: totals.number_of_items,
    })
}

/// One ticket with the conversation the actor may read (no internal notes for customers).
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> Result<TicketDetail, ServiceError> {
    let ticket = visible_ticket(db, actor, id, Action::ViewTicket).await?;
    let mut query = message::Entity::find().filter(message::Column::TicketId.eq(ticket.id));
    if !actor.role.is_staff() {
        query = query.filter(message::Column::Internal.eq(false));
    }
    let messages = query
        .order_by_asc(message::Column::CreatedAt)
        .order_by_asc(message::Column::Id)
        .all(db)
        .await?;
    let people = names_of(
        db,
        messages
            .iter()
            .map(|m| m.author_id)
            .chain(std::iter::once(ticket.customer_id)),
    )
    .await?;
    let customer = people
        .get(&ticket.customer_id)
        .ok_or_else(|| ServiceError::Internal(format!("ticket {} has no customer", ticket.id)))?;
    let messages = messages
        .into_iter()
        .map(|m| {
            let author = people.get(&m.author_id);
            MessageView {
                id: m.id,
                author_name: author.map(|a| a.name.clone()).unwrap_or_default(),
                author_role: author
                    .and_then(|a| Role::parse(&a.role))
                    .unwrap_or(Role::Customer),
                body: m.body,
                internal: m.internal,
                created_at: m.created_at,
            }
        })
        .collect();
    Ok(TicketDetail {
        id: ticket.id,
        subject: ticket.subject.clone(),
        status: status_of(&ticket)?,
        created_at: ticket.created_at,
        customer_name: customer.name.clone(),
        customer_email: actor.role.is_staff().then(|| customer.email.clone()),
        messages,
    })
}

/// A customer opens a ticket with its first message.
pub async fn open(
    db: &DatabaseConnection,
    actor: &Actor,
    subject: &str,
    body: &str,
) -> Result<Uuid, ServiceError> {
    if !policy::can(actor, Action::OpenTicket, Target::Nothing) {
        return Err(AppError::Forbidden.into());
    }
    let subject = validate::subject(subject)?;
    let body = validate::message_body(body)?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let txn = db.begin().await?;
    ticket::ActiveModel {
        id: Set(id),
        customer_id: Set(actor.user_id),
        subject: Set(subject),
        status: Set(TicketStatus::Open.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    insert_message(&txn, id, actor.user_id, body, false).await?;
    txn.commit().await?;
    Ok(id)
}

async fn insert_message(
    db: &impl ConnectionTrait,
    ticket_id: Uuid,
    author_id: Uuid,
    body: String,
    internal: bool,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    message::ActiveModel {
        id: Set(id),
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        body: Set(body),
        internal: Set(internal),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// A reply (or, for staff, an internal note). A customer's reply reopens a
/// pending or solved ticket; a closed ticket takes no more replies.
pub async fn reply(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    body: &str,
    internal: bool,
) -> Result<Uuid, ServiceError> {
    let action = if internal {
        Action::AddInternalNote
    } else {
        Action::ReplyToTicket
    };
    let body = validate::message_body(body)?;
    let txn = db.begin().await?;
    let ticket = visible_ticket(&txn, actor, ticket_id, action).await?;
    let status = status_of(&ticket)?;
    if status == TicketStatus::Closed && !internal {
        return Err(AppError::Conflict {
            message: "This ticket is closed. Please open a new ticket.".into(),
        }
        .into());
    }
    let id = insert_message(&txn, ticket.id, actor.user_id, body, internal).await?;
    let new_status = match (actor.role, status) {
        (Role::Customer, TicketStatus::Pending | TicketStatus::Solved) => TicketStatus::Open,
        _ => status,
    };
    let mut active: ticket::ActiveModel = ticket.into();
    active.status = Set(new_status.as_str().to_owned());
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(id)
}

/// Staff move a ticket to another status.
pub async fn set_status(
    db: &DatabaseConnection,
    actor: &Actor,
    ticket_id: Uuid,
    status: TicketStatus,
) -> Result<(), ServiceError> {
    let txn = db.begin().await?;
    let ticket = visible_ticket(&txn, actor, ticket_id, Action::ChangeTicketStatus).await?;
    let mut active: ticket::ActiveModel = ticket.into();
    active.status = Set(status.as_str().to_owned());
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
