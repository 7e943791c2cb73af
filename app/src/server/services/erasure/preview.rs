//! What erasing a customer will do, per category of data, before anyone approves it.
use super::{
    mentions::find_mentions, pseudonym, tickets_policy, turn::sealed_identifiers, Identifiers,
};
use crate::{
    error::AppError,
    model::{
        ErasurePreview, ExportKind, ExportStatus, MentionKind, PreviewRow, RequestKind,
        TicketStatus, TicketsPolicy,
    },
    server::{
        crypto::DataKey,
        entities::{
            audit_event, custom_field_value, data_export, erasure_job, message, outbound_mail,
            privacy_request, session, ticket, user,
        },
        policy::{self, Action, Target},
        services::{legal_holds::hold_view, people},
        Actor, AppState, ServiceError,
    },
};
use sea_orm::{prelude::*, ConnectionTrait};

/// What erasing this request's subject will do.
pub async fn preview_request(
    state: &AppState,
    actor: &Actor,
    request_id: Uuid,
) -> Result<ErasurePreview, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let request = privacy_request::Entity::find_by_id(request_id)
        .one(&state.db)
        .await?
        .filter(|r| r.kind == RequestKind::Erasure)
        .ok_or(AppError::NotFound)?;
    preview(state, actor, request.subject_id).await
}

async fn count<E: EntityTrait>(
    db: &impl ConnectionTrait,
    query: Select<E>,
) -> Result<u64, ServiceError>
where
    E::Model: Sync,
{
    Ok(query.count(db).await?)
}

/// What erasing `subject` will do, per category of data, with the mentions of
/// them in other customers' conversations (staff).
pub async fn preview(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
) -> Result<ErasurePreview, ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let db = &state.db;
    let customer = people::customer(db, subject).await?;
    let key = state.vault.key(subject).await?;
    let policy = tickets_policy(db).await?;
    let tickets = crate::server::services::tickets::ids_of_customer(db, subject).await?;
    let mut messages = 0;
    for chunk in tickets.chunks(500) {
        messages += count(
            db,
            message::Entity::find().filter(message::Column::TicketId.is_in(chunk.to_vec())),
        )
        .await?;
    }
    let delete = policy == TicketsPolicy::Delete;
    // Tickets still waiting for an answer: closed when kept, so none stays open.
    let waiting = count(
        db,
        ticket::Entity::find()
            .filter(ticket::Column::CustomerId.eq(subject))
            .filter(ticket::Column::Status.is_in([TicketStatus::Open, TicketStatus::Pending])),
    )
    .await?;
    let row = |category: &str, count: u64, outcome: &str| PreviewRow {
        category: category.to_owned(),
        count,
        outcome: outcome.to_owned(),
    };
    let tr = crate::server::context::tr();
    let categories = vec![
        row(
            tr.server_preview_profile(),
            1,
            tr.server_preview_profile_outcome(),
        ),
        row(
            tr.server_preview_key(),
            u64::from(key.is_some()),
            tr.server_preview_key_outcome(),
        ),
        row(
            tr.server_preview_tickets(),
            tickets.len() as u64,
            if delete {
                tr.server_preview_deleted()
            } else {
                tr.server_preview_tickets_kept()
            },
        ),
        row(
            tr.erasureclose_preview_waiting(),
            waiting,
            if delete {
                tr.server_preview_deleted()
            } else {
                tr.erasureclose_preview_waiting_outcome()
            },
        ),
        row(
            tr.server_preview_messages(),
            messages,
            if delete {
                tr.server_preview_deleted()
            } else {
                tr.server_preview_messages_kept()
            },
        ),
        row(
            tr.server_preview_field_values(),
            count(
                db,
                custom_field_value::Entity::find()
                    .filter(custom_field_value::Column::SubjectId.eq(subject)),
            )
            .await?,
            tr.server_preview_deleted(),
        ),
        row(
            tr.server_preview_sessions(),
            count(
                db,
                session::Entity::find().filter(session::Column::UserId.eq(subject)),
            )
            .await?,
            tr.server_preview_ended(),
        ),
        row(
            tr.server_preview_their_exports(),
            count(
                db,
                data_export::Entity::find().filter(data_export::Column::SubjectId.eq(subject)),
            )
            .await?,
            tr.server_preview_deleted(),
        ),
        row(
            tr.server_preview_admin_exports(),
            count(
                db,
                data_export::Entity::find()
                    .filter(data_export::Column::Kind.eq(ExportKind::All))
                    .filter(data_export::Column::Status.is_in(ExportStatus::LIVE)),
            )
            .await?,
            tr.server_preview_admin_exports_outcome(),
        ),
        row(
            tr.server_preview_mail(),
            count(
                db,
                outbound_mail::Entity::find().filter(outbound_mail::Column::SubjectId.eq(subject)),
            )
            .await?,
            tr.server_preview_mail_outcome(),
        ),
        row(
            tr.server_preview_requests(),
            count(
                db,
                privacy_request::Entity::find()
                    .filter(privacy_request::Column::SubjectId.eq(subject)),
            )
            .await?,
            tr.server_preview_requests_outcome(),
        ),
        row(
            tr.server_preview_audit_events(),
            count(
                db,
                audit_event::Entity::find().filter(audit_event::Column::SubjectId.eq(subject)),
            )
            .await?,
            tr.server_preview_audit_events_outcome(),
        ),
    ];
    let all_mentions = match live_identifiers(state, &customer, key.as_ref()).await? {
        Some(ids) => find_mentions(state, subject, &ids).await?,
        None => Vec::new(),
    };
    // Only the mentions in tickets the reader's sharing rule reaches are shown.
    let visible = crate::server::services::tickets::ids_in_scope(
        db,
        policy::ticket_scope(actor),
        all_mentions.iter().map(|m| m.ticket_id),
    )
    .await?;
    let notes = policy::can(actor, Action::ReadInternalNotes, Target::Nothing);
    let (mentions, elsewhere): (Vec<_>, Vec<_>) = all_mentions
        .into_iter()
        .partition(|m| visible.contains(&m.ticket_id) && (notes || !m.internal));
    Ok(ErasurePreview {
        pseudonym: pseudonym(subject),
        subject_email: if customer.erased_at.is_some() {
            customer
                .pseudonym
                .clone()
                .unwrap_or_else(|| pseudonym(subject))
        } else {
            customer.email.clone()
        },
        categories,
        mentions,
        mentions_elsewhere: elsewhere.len() as u64,
        hold: hold_view(state, subject).await?,
        can_lift_hold: policy::can(actor, Action::LiftLegalHold, Target::Nothing),
        erased: customer.erased_at.is_some(),
    })
}

/// What to look for about `customer`: from their own key, or once that is gone,
/// from the erasure job's sealed copy while the job's key still exists.
async fn live_identifiers(
    state: &AppState,
    customer: &user::Model,
    key: Option<&DataKey>,
) -> Result<Option<Identifiers>, ServiceError> {
    if let Some(k) = key {
        return Ok(Some(identifiers_of(customer, k)));
    }
    let jobs = erasure_job::Entity::find()
        .filter(erasure_job::Column::SubjectId.eq(customer.id))
        .filter(erasure_job::Column::Identifiers.is_not_null())
        .all(&state.db)
        .await?;
    for job in jobs {
        let Some(k) = state.vault.key(job.id).await? else {
            continue;
        };
        if let Some(ids) = sealed_identifiers(&job, &k) {
            return Ok(Some(ids));
        }
    }
    Ok(None)
}

/// Approval waits until no other customer's message still holds the subject's
/// email or phone: the final check would fail on them anyway.
pub(super) async fn refuse_while_mentioned(
    state: &AppState,
    subject: Uuid,
) -> Result<(), ServiceError> {
    let customer = people::customer(&state.db, subject).await?;
    let key = state.vault.key(subject).await?;
    let Some(ids) = live_identifiers(state, &customer, key.as_ref()).await? else {
        return Ok(());
    };
    let blocking = find_mentions(state, subject, &ids)
        .await?
        .into_iter()
        .filter(|m| m.message_id.is_some() && m.matched != MentionKind::Name)
        .count();
    if blocking > 0 {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_mentions_block_approval(blocking as u64),
        }
        .into());
    }
    Ok(())
}

pub(super) fn identifiers_of(customer: &user::Model, key: &DataKey) -> Identifiers {
    Identifiers {
        email: customer.email.clone(),
        name: key
            .open_string(user::NAME.at(&customer.id), &customer.name)
            .unwrap_or_default(),
        phone: customer
            .phone
            .as_ref()
            .and_then(|p| key.open_string(user::PHONE.at(&customer.id), p).ok()),
        approval_reason: None,
        unconfirmed: false,
        no_notice: false,
        language: crate::server::services::profile::preferred_locale(Some(key), customer)
            .language
            .map(|l| l.code().to_owned()),
    }
}
