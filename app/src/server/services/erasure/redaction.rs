//! Replacing a message's text or a ticket's subject line (e.g. another
//! customer's data in it), in the text itself, its search index rows and the
//! audit log's copies of it.
use crate::{
    error::AppError,
    model::{limits, AuditAction},
    server::{
        audit::{self, Change, Event},
        blind_index,
        crypto::DataKey,
        entities::{audit_event, message, ticket},
        policy::{self, Action, Target},
        services::{legal_holds::active_hold, requests, tickets},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, Condition, DatabaseTransaction};

/// What a redaction leaves in place of the text when staff give none.
const REDACTED: &str = "[Redacted]";

/// The checked reason, and the text to write instead (at most `max` characters).
fn checked<'a>(
    reason: &'a str,
    replacement: &'a str,
    max: usize,
) -> Result<(&'a str, &'a str), ServiceError> {
    let tr = crate::server::context::tr();
    let reason = reason.trim();
    requests::check_reason(reason, Some(tr.server_redaction_reason_required()))?;
    let replacement = match replacement.trim() {
        "" => REDACTED,
        text => text,
    };
    if replacement.chars().count() > max {
        return Err(AppError::field("replacement", tr.server_redaction_too_long()).into());
    }
    Ok((reason, replacement))
}

/// The data key of a ticket's customer, which the new text is sealed under;
/// refused (`held`) while a legal hold keeps their texts as they are, and
/// (`erased`) once they were erased: their texts are unreadable already.
async fn customer_key(
    state: &AppState,
    txn: &DatabaseTransaction,
    customer: Uuid,
    held: &str,
    erased: &str,
) -> Result<DataKey, ServiceError> {
    if active_hold(txn, customer).await?.is_some() {
        return Err(AppError::Conflict {
            message: held.into(),
        }
        .into());
    }
    let key = state.vault.key(customer).await?;
    key.ok_or_else(|| {
        AppError::Conflict {
            message: erased.into(),
        }
        .into()
    })
}

/// Replaces the text of one message (e.g. another customer's data in it),
/// keeping a visible note that it was redacted. The old text is not kept.
pub async fn redact_message(
    state: &AppState,
    actor: &Actor,
    message_id: Uuid,
    replacement: &str,
    reason: &str,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::RedactMessage, Target::Nothing)?;
    let (reason, replacement) = checked(reason, replacement, limits::MESSAGE_MAX)?;
    let txn = audit::begin(&state.db).await?;
    let m = message::Entity::find_by_id(message_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // A message on a ticket outside the actor's scope is not found.
    let t = tickets::visible_ticket(&txn, actor, m.ticket_id, Action::RedactMessage).await?;
    // An internal note is not there for someone who may not read internal notes.
    if m.internal && !policy::can(actor, Action::ReadInternalNotes, Target::Nothing) {
        return Err(AppError::NotFound.into());
    }
    let tr = crate::server::context::tr();
    let key = customer_key(
        state,
        &txn,
        t.customer_id,
        tr.server_redaction_held(),
        tr.server_redaction_erased(),
    )
    .await?;
    let index = state.vault.index_key().await?;
    message::Entity::update_many()
        .col_expr(
            message::Column::Body,
            Expr::value(key.seal_str(message::BODY.at(&m.id), replacement)),
        )
        .col_expr(message::Column::RedactedAt, Expr::value(Utc::now()))
        .col_expr(message::Column::RedactedBy, Expr::value(actor.user_id))
        .filter(message::Column::Id.eq(m.id))
        .exec(&txn)
        .await?;
    blind_index::replace(&txn, &index, m.id, replacement).await?;
    // The audit log's copy of the text (the reply, or the ticket's first message)
    // is redacted too; the chain commits to digests, and this event records the new ones.
    let resealed = match key.open_string(message::BODY.at(&m.id), &m.body) {
        Ok(old_text) => {
            let copies = audit_event::Entity::find()
                .filter(
                    Condition::any()
                        .add(
                            Condition::all()
                                .add(audit_event::Column::EntityType.eq("message"))
                                .add(audit_event::Column::EntityId.eq(m.id.to_string())),
                        )
                        .add(
                            Condition::all()
                                .add(audit_event::Column::EntityType.eq("ticket"))
                                .add(audit_event::Column::EntityId.eq(t.id.to_string()))
                                .add(
                                    audit_event::Column::Action
                                        .eq(AuditAction::TicketCreated.as_str()),
                                ),
                        ),
                )
                .all(&txn)
                .await?;
            audit::redact_value(&txn, &key, copies, &[old_text.as_str()]).await?
        }
        Err(_) => Vec::new(),
    };
    let event = Event::new(AuditAction::MessageRedacted, "message", m.id)
        .by(actor)
        .about(t.customer_id)
        .change(Change::set("ticket_id", t.id.to_string()))
        .change(Change::set("reason", reason))
        .setting(Change::set(audit::REDACTED_EVENTS, resealed.join(",")));
    audit::append(&txn, event, Some(&key)).await?;
    // Old versions are ciphertext under the same customer's key; on SQLite
    // secure_delete zeroes them. No table rewrite here: messages and the audit
    // log can be large, and VACUUM FULL would lock them.
    txn.commit().await?;
    Ok(())
}

/// Replaces a ticket's subject line (e.g. another customer's name in it), like
/// a message: the same permission, "[Redacted]" unless staff give a text, the
/// index rows and the audit log's copies (the "ticket created" event) follow.
/// A ticket outside the actor's scope is not found.
pub async fn redact_subject(
    state: &AppState,
    actor: &Actor,
    ticket_id: Uuid,
    replacement: &str,
    reason: &str,
) -> Result<(), ServiceError> {
    let tr = crate::server::context::tr();
    let txn = audit::begin(&state.db).await?;
    let t = tickets::visible_ticket(&txn, actor, ticket_id, Action::RedactMessage).await?;
    let (reason, replacement) = checked(reason, replacement, limits::SUBJECT_MAX)?;
    if replacement.contains('\n') {
        return Err(AppError::field("replacement", tr.redaction_subject_one_line()).into());
    }
    let key = customer_key(
        state,
        &txn,
        t.customer_id,
        tr.redaction_subject_held(),
        tr.redaction_subject_erased(),
    )
    .await?;
    let index = state.vault.index_key().await?;
    ticket::Entity::update_many()
        .col_expr(
            ticket::Column::Subject,
            Expr::value(key.seal_str(ticket::SUBJECT.at(&t.id), replacement)),
        )
        .filter(ticket::Column::Id.eq(t.id))
        .exec(&txn)
        .await?;
    // The subject line is indexed under the ticket's id.
    blind_index::replace(
        &txn,
        &index,
        t.id,
        &blind_index::ticket_text(t.id, replacement),
    )
    .await?;
    let resealed = match key.open_string(ticket::SUBJECT.at(&t.id), &t.subject) {
        Ok(old_text) => {
            let copies = audit_event::Entity::find()
                .filter(audit_event::Column::EntityType.eq("ticket"))
                .filter(audit_event::Column::EntityId.eq(t.id.to_string()))
                .filter(audit_event::Column::Action.eq(AuditAction::TicketCreated.as_str()))
                .all(&txn)
                .await?;
            audit::redact_value(&txn, &key, copies, &[old_text.as_str()]).await?
        }
        Err(_) => Vec::new(),
    };
    // The "message redacted" action, which the chain's check reads for the
    // events it re-sealed; the entity says it was the ticket's subject.
    let event = Event::new(AuditAction::MessageRedacted, "ticket", t.id)
        .by(actor)
        .about(t.customer_id)
        .change(Change::set("redacted", "subject"))
        .change(Change::set("reason", reason))
        .setting(Change::set(audit::REDACTED_EVENTS, resealed.join(",")));
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(())
}
