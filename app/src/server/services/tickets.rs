//! Tickets and their conversations. Every query is scoped by the actor:
//! a customer's reads filter by their own id, and a ticket they do not own is
//! reported as "not found", never as "forbidden", so ids leak nothing.
//! Subjects and messages are sealed under the ticket customer's data key.
use super::{
    fields::{self as custom, access, access_map},
    profile,
};
use crate::server::paging;
use crate::{
    error::AppError,
    fields::{custom_key, Access, FieldInput, FieldScope, FieldView},
    model::{
        limits, ticket_reference, Assignment, AuditAction, MessageView, QueueView, Role,
        StaffMember, TeamView, TicketAbilities, TicketDetail, TicketPage, TicketQuery, TicketSort,
        TicketStatus, TicketSummary,
    },
    server::services::people::people,
    server::{
        audit::{self, Change, Event},
        blind_index,
        crypto::{DataKey, IndexKey},
        entities::{blind_index as blind_index_row, message, team, team_member, ticket, user},
        policy::{self, Action, Target, TicketScope},
        vault::{self, open_text},
        Actor, AppState, ServiceError, Viewer,
    },
    validate,
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, Condition, ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Loads a ticket the actor may see for `action`; otherwise `NotFound` (or `Forbidden`
/// for an action on a ticket they may see but not change).
pub(crate) async fn visible_ticket(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    action: Action,
) -> Result<ticket::Model, ServiceError> {
    policy::require_ready(actor)?;
    let ticket = scoped(policy::ticket_scope(actor), ticket::Entity::find_by_id(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = Target::Ticket {
        customer_id: ticket.customer_id,
    };
    // A ticket one may not see does not exist for them.
    policy::require(actor, Action::ViewTicket, target).map_err(|_| AppError::NotFound)?;
    policy::require(actor, action, target)?;
    Ok(ticket)
}

/// A ticket query limited to what the policy lets the actor see.
fn scoped(scope: TicketScope, query: Select<ticket::Entity>) -> Select<ticket::Entity> {
    query.filter(scope_condition(scope))
}

/// The policy's ticket scope as a condition on `tickets`: every query of
/// tickets (lists, counts, search, exports, previews) adds it.
pub fn scope_condition(scope: TicketScope) -> Condition {
    match scope {
        TicketScope::Every => Condition::all(),
        TicketScope::CustomerOf(customer) => {
            Condition::all().add(ticket::Column::CustomerId.eq(customer))
        }
        TicketScope::TeamsOf(member) => Condition::any()
            .add(ticket::Column::TeamId.in_subquery(teams_of_query(member)))
            .add(ticket::Column::AssigneeId.eq(member)),
        TicketScope::AssignedTo(member) => {
            Condition::all().add(ticket::Column::AssigneeId.eq(member))
        }
        // Ids are never null: no ticket.
        TicketScope::Nothing => Condition::all().add(ticket::Column::Id.is_null()),
    }
}

fn teams_of_query(member: Uuid) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(team_member::Column::TeamId)
        .from(team_member::Entity)
        .and_where(team_member::Column::UserId.eq(member))
        .to_owned()
}

/// Those of `ids` within `scope`.
pub async fn ids_in_scope(
    db: &impl ConnectionTrait,
    scope: TicketScope,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<std::collections::HashSet<Uuid>, ServiceError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    let mut seen = std::collections::HashSet::new();
    for chunk in ids.chunks(500) {
        let found: Vec<Uuid> = ticket::Entity::find()
            .select_only()
            .column(ticket::Column::Id)
            .filter(ticket::Column::Id.is_in(chunk.to_vec()))
            .filter(scope_condition(scope))
            .into_tuple()
            .all(db)
            .await?;
        seen.extend(found);
    }
    Ok(seen)
}

/// The ids of every ticket of one customer, unscoped: for work done on the
/// customer's data itself (erasure), never for answering a request.
pub async fn ids_of_customer(
    db: &impl ConnectionTrait,
    customer: Uuid,
) -> Result<Vec<Uuid>, ServiceError> {
    Ok(ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .filter(ticket::Column::CustomerId.eq(customer))
        .into_tuple()
        .all(db)
        .await?)
}

fn subject_text(keys: &HashMap<Uuid, DataKey>, t: &ticket::Model) -> String {
    open_text(keys, t.customer_id, ticket::SUBJECT.at(&t.id), &t.subject)
}

/// The subjects of those of `ids` that `viewer` may see (the others are left
/// out), for a read model that names tickets.
pub async fn subjects_seen_by(
    state: &AppState,
    viewer: &Viewer,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let query = ticket::Entity::find().filter(ticket::Column::Id.is_in(ids));
    let rows = scoped(policy::ticket_scope(viewer), query)
        .all(&state.db)
        .await?;
    let keys = state.vault.keys(rows.iter().map(|t| t.customer_id)).await?;
    Ok(rows
        .iter()
        .map(|t| (t.id, subject_text(&keys, t)))
        .collect())
}

/// The views of the queue a sharing rule opens, narrowest first.
fn views_for(scope: TicketScope) -> Vec<QueueView> {
    match scope {
        TicketScope::Every => QueueView::ALL.to_vec(),
        TicketScope::TeamsOf(_) => vec![QueueView::Mine, QueueView::Teams, QueueView::Unassigned],
        TicketScope::AssignedTo(_) => vec![QueueView::Mine],
        TicketScope::CustomerOf(_) | TicketScope::Nothing => Vec::new(),
    }
}

fn view_condition(view: QueueView, me: Uuid) -> Condition {
    match view {
        QueueView::Mine => Condition::all().add(ticket::Column::AssigneeId.eq(me)),
        QueueView::Teams => {
            Condition::all().add(ticket::Column::TeamId.in_subquery(teams_of_query(me)))
        }
        QueueView::Unassigned => Condition::all().add(ticket::Column::AssigneeId.is_null()),
        QueueView::All => Condition::all(),
    }
}

/// Tickets one of whose texts (subject line, or a message the reader may
/// read) carries `token`: looked up in the blind index, no text decrypted.
fn has_token(token: Vec<u8>, with_internal: bool) -> Condition {
    use sea_orm::sea_query::Query;
    let sources = Query::select()
        .column(blind_index_row::Column::SourceId)
        .from(blind_index_row::Entity)
        .and_where(blind_index_row::Column::Token.eq(token))
        .to_owned();
    let mut messages = Query::select()
        .column(message::Column::TicketId)
        .from(message::Entity)
        .and_where(message::Column::Id.in_subquery(sources.clone()))
        .to_owned();
    if !with_internal {
        messages.and_where(message::Column::Internal.eq(false));
    }
    Condition::any()
        .add(ticket::Column::Id.in_subquery(sources))
        .add(ticket::Column::Id.in_subquery(messages))
}

/// The longest search people may type.
const SEARCH_MAX: usize = 200;

/// What a search matches: every word (address, phone number) of it somewhere
/// in the ticket's texts the reader may read; an address also matches the
/// tickets of the customer with that sign-in address.
async fn search_condition(
    state: &AppState,
    actor: &Actor,
    search: &str,
) -> Result<Condition, ServiceError> {
    let tr = crate::server::context::tr();
    if search.chars().count() > SEARCH_MAX {
        return Err(
            AppError::field("search", tr.tickets_search_too_long(SEARCH_MAX as u64)).into(),
        );
    }
    let tokens = blind_index::tokens(search);
    if tokens.is_empty() {
        return Err(AppError::field("search", tr.tickets_search_too_short()).into());
    }
    blind_index::catch_up(state).await?;
    let key = state.vault.index_key().await?;
    let internal = policy::can(actor, Action::ReadInternalNotes, Target::Nothing);
    let mut words = Condition::all();
    for token in &tokens {
        words = words.add(has_token(key.token(token).to_vec(), internal));
    }
    let mut found = Condition::any().add(words);
    let address = search.trim().to_lowercase();
    // Which tickets are a customer's is theirs to see who may see who customers are.
    let who = actor.role == Role::Customer
        || policy::can(actor, Action::ViewCustomerDetails, Target::Nothing);
    if who && address.contains('@') {
        found = found.add(
            ticket::Column::CustomerId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(user::Column::Id)
                    .from(user::Entity)
                    .and_where(user::Column::Email.eq(address))
                    .to_owned(),
            ),
        );
    }
    Ok(found)
}

/// Where a page ended: the sort time and id of its last ticket.
fn cursor_of(sort: TicketSort, t: &ticket::Model) -> String {
    let at = match sort {
        TicketSort::Updated => t.updated_at,
        TicketSort::Created => t.created_at,
    };
    format!(
        "{}_{}",
        at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        t.id.simple()
    )
}

fn parse_cursor(cursor: &str) -> Option<(chrono::DateTime<Utc>, Uuid)> {
    let (at, id) = cursor.rsplit_once('_')?;
    Some((
        chrono::DateTime::parse_from_rfc3339(at)
            .ok()?
            .with_timezone(&Utc),
        Uuid::parse_str(id).ok()?,
    ))
}

/// One page of tickets, newest first by last update or creation, read by
/// keyset (`after` = where the last page ended). A customer's own tickets;
/// for staff, the view of the queue asked for (as far as their sharing rule
/// reaches), with every view's count. Only the page's texts are decrypted.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    query: TicketQuery,
) -> Result<TicketPage, ServiceError> {
    policy::require_ready(actor)?;
    let scope = policy::ticket_scope(actor);
    let queue = actor.role.is_staff();
    let tr = crate::server::context::tr();
    let views = views_for(scope);
    let view = match query.view {
        Some(v) if views.contains(&v) => Some(v),
        Some(_) => return Err(AppError::field("view", tr.tickets_view_not_yours()).into()),
        None => views.last().copied(),
    };
    let mut base = Condition::all().add(scope_condition(scope));
    if let Some(status) = query.status {
        base = base.add(ticket::Column::Status.eq(status));
    }
    if let Some(team) = query.team.filter(|_| queue) {
        base = base.add(ticket::Column::TeamId.eq(team));
    }
    if let Some(search) = query.search.as_deref().filter(|s| !s.trim().is_empty()) {
        base = base.add(search_condition(state, actor, search).await?);
    }
    let mut counts = Vec::new();
    for v in &views {
        let q = ticket::Entity::find()
            .filter(base.clone())
            .filter(view_condition(*v, actor.user_id));
        counts.push((
            *v,
            paging::count_to(&state.db, &q, paging::COUNT_CAP).await?,
        ));
    }
    let sort = query.sort.unwrap_or(TicketSort::Updated);
    let column = match sort {
        TicketSort::Updated => ticket::Column::UpdatedAt,
        TicketSort::Created => ticket::Column::CreatedAt,
    };
    let mut select = ticket::Entity::find().filter(base);
    if let Some(v) = view {
        select = select.filter(view_condition(v, actor.user_id));
    }
    if let Some(after) = query.after.as_deref() {
        let (at, id) =
            parse_cursor(after).ok_or_else(|| AppError::field("after", tr.tickets_bad_cursor()))?;
        select = select.filter(
            Condition::any().add(column.lt(at)).add(
                Condition::all()
                    .add(column.eq(at))
                    .add(ticket::Column::Id.lt(id)),
            ),
        );
    }
    let mut rows = select
        .order_by_desc(column)
        .order_by_desc(ticket::Column::Id)
        .limit(limits::PAGE_SIZE + 1)
        .all(&state.db)
        .await?;
    let next = (rows.len() as u64 > limits::PAGE_SIZE).then(|| {
        rows.truncate(limits::PAGE_SIZE as usize);
        rows.last().map(|t| cursor_of(sort, t))
    });
    let keys = state.vault.keys(rows.iter().map(|t| t.customer_id)).await?;
    let (customers, team_names) = if queue {
        (
            people(
                state,
                rows.iter()
                    .map(|t| t.customer_id)
                    .chain(rows.iter().filter_map(|t| t.assignee_id)),
            )
            .await?,
            super::teams::names(state, actor).await?,
        )
    } else {
        (HashMap::new(), Vec::new())
    };
    let name_of = |id: Uuid| {
        customers
            .get(&id)
            .map(|c| c.name.clone())
            .unwrap_or_else(vault::erased)
    };
    let items = rows
        .iter()
        .map(|t| TicketSummary {
            id: t.id,
            reference: ticket_reference(&t.id),
            subject: subject_text(&keys, t),
            status: t.status,
            created_at: t.created_at,
            updated_at: t.updated_at,
            customer_name: queue.then(|| name_of(t.customer_id)),
            team_name: t.team_id.filter(|_| queue).and_then(|team| {
                team_names
                    .iter()
                    .find(|n| n.id == team)
                    .map(|n| n.name.clone())
            }),
            assignee_name: t.assignee_id.filter(|_| queue).map(name_of),
        })
        .collect();
    Ok(TicketPage {
        items,
        next: next.flatten(),
        views: counts,
        view,
        teams: team_names,
    })
}

/// One ticket with the conversation the actor may read (no internal notes for customers).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> Result<TicketDetail, ServiceError> {
    let ticket = visible_ticket(&state.db, actor, id, Action::ViewTicket).await?;
    let mut query = message::Entity::find().filter(message::Column::TicketId.eq(ticket.id));
    if !policy::can(actor, Action::ReadInternalNotes, Target::Nothing) {
        query = query.filter(message::Column::Internal.eq(false));
    }
    let messages = query
        .order_by_asc(message::Column::CreatedAt)
        .order_by_asc(message::Column::Id)
        .all(&state.db)
        .await?;
    let people = people(
        state,
        messages
            .iter()
            .map(|m| m.author_id)
            .chain(std::iter::once(ticket.customer_id)),
    )
    .await?;
    let keys = state.vault.keys([ticket.customer_id]).await?;
    let customer = people
        .get(&ticket.customer_id)
        .cloned()
        .ok_or_else(|| ServiceError::invariant(format!("ticket {} has no customer", ticket.id)))?;
    let messages = messages
        .into_iter()
        .map(|m| {
            let author = people.get(&m.author_id);
            MessageView {
                id: m.id,
                author_name: author.map(|a| a.name.clone()).unwrap_or_else(vault::erased),
                author_role: author.map(|a| a.role).unwrap_or(Role::Customer),
                body: open_text(&keys, ticket.customer_id, message::BODY.at(&m.id), &m.body),
                internal: m.internal,
                redacted: m.redacted_at.is_some(),
                created_at: m.created_at,
            }
        })
        .collect();
    let fields = ticket_fields(
        state,
        actor.role_ref(),
        ticket.id,
        keys.get(&ticket.customer_id),
    )
    .await?;
    let details = policy::can(actor, Action::ViewCustomerDetails, Target::Nothing);
    let (customer_email, customer_fields) = if details {
        profile::contact_fields_for_staff(state, actor, ticket.customer_id).await?
    } else {
        (None, Vec::new())
    };
    let staff = actor.role.is_staff();
    let assignment = if staff {
        Some(assignment(state, actor, &ticket).await?)
    } else {
        None
    };
    let allowed = |action| {
        policy::can(
            actor,
            action,
            Target::Ticket {
                customer_id: ticket.customer_id,
            },
        )
    };
    let can = TicketAbilities {
        reply: allowed(Action::ReplyToTicket),
        internal_notes: allowed(Action::AddInternalNote),
        change_status: allowed(Action::ChangeTicketStatus),
        assign: allowed(Action::AssignTicket),
        delete: allowed(Action::DeleteTicket),
        redact: allowed(Action::RedactMessage),
    };
    Ok(TicketDetail {
        id: ticket.id,
        reference: ticket_reference(&ticket.id),
        subject: subject_text(&keys, &ticket),
        status: ticket.status,
        created_at: ticket.created_at,
        customer_name: customer.name,
        customer_id: details.then_some(ticket.customer_id),
        customer_email,
        messages,
        fields,
        customer_fields,
        viewer_is_staff: staff,
        assignment,
        can,
    })
}

/// A ticket's team and agent, with every team and its members for someone who may reassign.
async fn assignment(
    state: &AppState,
    actor: &Actor,
    ticket: &ticket::Model,
) -> Result<Assignment, ServiceError> {
    let may_assign = policy::can(actor, Action::AssignTicket, Target::Nothing);
    let teams = super::teams::all(state).await?;
    let team = ticket.team_id.and_then(|id| {
        teams.iter().find(|t| t.id == id).map(|t| StaffMember {
            id: t.id,
            name: t.name.clone(),
        })
    });
    let assignee = match ticket.assignee_id {
        Some(id) => Some(StaffMember {
            id,
            name: people(state, [id])
                .await?
                .get(&id)
                .map(|p| p.name.clone())
                .unwrap_or_else(vault::erased),
        }),
        None => None,
    };
    Ok(Assignment {
        team,
        assignee,
        // Where it could go: names and members, not how many tickets each team holds.
        choices: if may_assign {
            teams
                .into_iter()
                .map(|t| TeamView { tickets: 0, ..t })
                .collect()
        } else {
            Vec::new()
        },
    })
}

/// A ticket's custom fields as `role` may see them, with their values.
async fn ticket_fields(
    state: &AppState,
    role: crate::model::RoleRef,
    ticket_id: Uuid,
    key: Option<&DataKey>,
) -> Result<Vec<FieldView>, ServiceError> {
    let map = access_map(&state.db).await?;
    let values = custom::values_of(&state.db, key, ticket_id).await?;
    let mut out = Vec::new();
    for def in custom::active(&state.db, FieldScope::Ticket).await? {
        let level = access(&map, role, &custom_key(def.id), FieldScope::Ticket);
        if level != Access::Hidden {
            out.push(custom::custom_view(
                &def,
                level,
                values.get(&def.id).cloned().unwrap_or_default(),
            )?);
        }
    }
    Ok(out)
}

/// The ticket fields shown on the new-ticket form: those customers may edit.
pub async fn new_ticket_fields(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<FieldView>, ServiceError> {
    Ok(ticket_fields(state, actor.role_ref(), Uuid::nil(), None)
        .await?
        .into_iter()
        .filter(|f| f.editable)
        .collect())
}

async fn insert_message(
    db: &impl ConnectionTrait,
    (key, index): (&DataKey, &IndexKey),
    ticket_id: Uuid,
    author_id: Uuid,
    body: &str,
    internal: bool,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    message::ActiveModel {
        id: Set(id),
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        body: Set(key.seal_str(message::BODY.at(&id), body)),
        internal: Set(internal),
        created_at: Set(Utc::now()),
        redacted_at: Set(None),
        redacted_by: Set(None),
    }
    .insert(db)
    .await?;
    blind_index::write(db, index, id, body).await?;
    Ok(id)
}

/// A customer opens a ticket with its first message.
pub async fn open(
    state: &AppState,
    actor: &Actor,
    subject: &str,
    body: &str,
    inputs: &[FieldInput],
) -> Result<Uuid, ServiceError> {
    policy::require(actor, Action::OpenTicket, Target::Nothing)?;
    let subject = validate::subject(subject, crate::server::context::tr())?;
    let body = validate::message_body(body, crate::server::context::tr())?;
    let form = new_ticket_fields(state, actor).await?;
    let mut values = profile::check_inputs(&form, inputs)?;
    // Required fields left out of the request are as invalid as ones sent empty.
    let missing: Vec<_> = form
        .iter()
        .filter(|f| f.required && !values.iter().any(|(v, _)| v.key == f.key))
        .map(|f| crate::error::FieldError {
            field: f.key.clone(),
            message: crate::server::context::tr().server_field_required(&f.label),
        })
        .collect();
    if !missing.is_empty() {
        return Err(AppError::InvalidFields { errors: missing }.into());
    }
    let defs = custom::active(&state.db, FieldScope::Ticket).await?;
    let key = state.vault.require_key(actor.user_id).await?;
    let index = state.vault.index_key().await?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let txn = audit::begin(&state.db).await?;
    ticket::ActiveModel {
        id: Set(id),
        customer_id: Set(actor.user_id),
        subject: Set(key.seal_str(ticket::SUBJECT.at(&id), &subject)),
        status: Set(TicketStatus::Open),
        team_id: Set(super::teams::default_team(&txn).await?),
        assignee_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        anonymised_at: Set(None),
    }
    .insert(&txn)
    .await?;
    blind_index::write(&txn, &index, id, &blind_index::ticket_text(id, &subject)).await?;
    insert_message(&txn, (&key, &index), id, actor.user_id, &body, false).await?;
    let mut event = Event::new(AuditAction::TicketCreated, "ticket", id)
        .by(actor)
        .about(actor.user_id)
        .change(Change::set("subject", &subject))
        .change(Change::set("message", &body));
    let mut to_write = Vec::new();
    for (field, value) in values.drain(..) {
        if let Some(def) = defs.iter().find(|d| custom_key(d.id) == field.key) {
            let label = field.label.clone();
            let shown = crate::fields::display_value(
                &FieldView {
                    values: value.clone(),
                    ..field
                },
                crate::server::context::tr(),
            );
            event = event.change(Change::set(&label, shown));
            to_write.push((def, value));
        }
    }
    custom::write_values(&txn, &key, id, actor.user_id, &to_write).await?;
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(id)
}

/// A reply (or, for staff, an internal note). A customer's reply reopens a
/// pending or solved ticket; a closed ticket takes no more replies.
pub async fn reply(
    state: &AppState,
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
    let body = validate::message_body(body, crate::server::context::tr())?;
    let index = state.vault.index_key().await?;
    let txn = audit::begin(&state.db).await?;
    let ticket = visible_ticket(&txn, actor, ticket_id, action).await?;
    let status = ticket.status;
    let customer = ticket.customer_id;
    // An erased customer's tickets are closed too; that they were erased is the reason to give.
    let key = state
        .vault
        .key(customer)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr()
                .server_ticket_customer_erased()
                .into(),
        })?;
    if status == TicketStatus::Closed && !internal {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_ticket_closed().into(),
        }
        .into());
    }
    let id = insert_message(
        &txn,
        (&key, &index),
        ticket.id,
        actor.user_id,
        &body,
        internal,
    )
    .await?;
    let new_status = match (actor.role, status) {
        (Role::Customer, TicketStatus::Pending | TicketStatus::Solved) => TicketStatus::Open,
        _ => status,
    };
    let mut active: ticket::ActiveModel = ticket.into();
    active.status = Set(new_status);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    let action = if internal {
        AuditAction::InternalNoteAdded
    } else {
        AuditAction::TicketReplied
    };
    let mut event = Event::new(action, "message", id)
        .by(actor)
        .about(customer)
        .change(Change::set("ticket_id", ticket_id.to_string()))
        .change(Change::set("message", &body));
    if new_status != status {
        event = event.change(Change::changed(
            "status",
            status.as_str(),
            new_status.as_str(),
        ));
    }
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(id)
}

/// Staff move a ticket to another status.
pub async fn set_status(
    state: &AppState,
    actor: &Actor,
    ticket_id: Uuid,
    status: TicketStatus,
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let ticket = visible_ticket(&txn, actor, ticket_id, Action::ChangeTicketStatus).await?;
    let before = ticket.status;
    if before == status {
        return Ok(());
    }
    let customer = ticket.customer_id;
    let key = state.vault.require_key(customer).await?;
    let mut active: ticket::ActiveModel = ticket.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    let event = Event::new(AuditAction::TicketStatusChanged, "ticket", ticket_id)
        .by(actor)
        .about(customer)
        .change(Change::changed("status", before.as_str(), status.as_str()));
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(())
}

/// Staff change a ticket's custom fields, within their field permissions.
pub async fn update_fields(
    state: &AppState,
    actor: &Actor,
    ticket_id: Uuid,
    inputs: &[FieldInput],
) -> Result<Vec<FieldView>, ServiceError> {
    let ticket = visible_ticket(&state.db, actor, ticket_id, Action::ChangeTicketStatus).await?;
    let key = state.vault.require_key(ticket.customer_id).await?;
    let current = ticket_fields(state, actor.role_ref(), ticket.id, Some(&key)).await?;
    let changed = profile::check_inputs(&current, inputs)?;
    if changed.is_empty() {
        return Ok(current);
    }
    let defs = custom::active(&state.db, FieldScope::Ticket).await?;
    let txn = audit::begin(&state.db).await?;
    let mut event = Event::new(AuditAction::TicketFieldsChanged, "ticket", ticket.id)
        .by(actor)
        .about(ticket.customer_id);
    let mut to_write = Vec::new();
    for (field, value) in changed {
        if let Some(def) = defs.iter().find(|d| custom_key(d.id) == field.key) {
            let before = crate::fields::display_value(&field, crate::server::context::tr());
            let after = crate::fields::display_value(
                &FieldView {
                    values: value.clone(),
                    ..field.clone()
                },
                crate::server::context::tr(),
            );
            event = event.change(Change::changed(&field.label, before, after));
            to_write.push((def, value));
        }
    }
    custom::write_values(&txn, &key, ticket.id, ticket.customer_id, &to_write).await?;
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    ticket_fields(state, actor.role_ref(), ticket.id, Some(&key)).await
}

/// Moves a ticket to `team_id` and to `assignee` (or to nobody in the team).
/// The agent must be an enabled staff member of that team.
pub async fn assign(
    state: &AppState,
    actor: &Actor,
    ticket_id: Uuid,
    team_id: Uuid,
    assignee: Option<Uuid>,
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let ticket = visible_ticket(&txn, actor, ticket_id, Action::AssignTicket).await?;
    let t = crate::server::context::tr();
    team::Entity::find_by_id(team_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("team", t.teams_choose_team()))?;
    if let Some(agent) = assignee {
        let in_team = team_member::Entity::find_by_id((team_id, agent))
            .one(&txn)
            .await?
            .is_some();
        let enabled_staff = user::Entity::find_by_id(agent)
            .one(&txn)
            .await?
            .is_some_and(|u| u.role.is_staff() && u.disabled_at.is_none() && u.erased_at.is_none());
        if !(in_team && enabled_staff) {
            return Err(AppError::field("assignee", t.teams_assignee_not_in_team()).into());
        }
    }
    if ticket.team_id == Some(team_id) && ticket.assignee_id == assignee {
        return Ok(());
    }
    ticket::Entity::update_many()
        .col_expr(ticket::Column::TeamId, Expr::value(Some(team_id)))
        .col_expr(ticket::Column::AssigneeId, Expr::value(assignee))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(ticket::Column::Id.eq(ticket.id))
        .exec(&txn)
        .await?;
    let show = |id: Option<Uuid>| id.map(|id| id.to_string()).unwrap_or_default();
    let mut event = Event::new(AuditAction::TicketAssigned, "ticket", ticket.id)
        .by(actor)
        .about(ticket.customer_id);
    if ticket.team_id != Some(team_id) {
        event = event.setting(Change::changed(
            "team",
            show(ticket.team_id),
            team_id.to_string(),
        ));
    }
    if ticket.assignee_id != assignee {
        event = event.setting(Change::changed(
            "assignee",
            show(ticket.assignee_id),
            show(assignee),
        ));
    }
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
