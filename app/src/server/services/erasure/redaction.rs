//! Replacing a message's text (e.g. another customer's data in it), in the
//! message and in the audit log's copies of it.
use crate::{
    error::AppError,
    model::AuditAction,
    server::{
        audit::{self, Change, Event},
        blind_index,
        entities::{audit_event, message, ticket},
        policy::{self, Action, Target},
        services::{legal_holds::active_hold, requests},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, Condition};

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
    let reason = reason.trim();
    requests::check_reason(
        reason,
        Some(crate::server::context::tr().server_redaction_reason_required()),
    )?;
    let replacement = match replacement.trim() {
        "" => "[Redacted]",
        text => text,
    };
    if replacement.chars().count() > crate::model::limits::MESSAGE_MAX {
        return Err(AppError::field(
            "replacement",
            crate::server::context::tr().server_redaction_too_long(),
        )
        .into());
    }
    let txn = audit::begin(&state.db).await?;
    let m = message::Entity::find_by_id(message_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = ticket::Entity::find_by_id(m.ticket_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if active_hold(&txn, t.customer_id).await?.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_redaction_held().into(),
        }
        .into());
    }
    let key = state
        .vault
        .key(t.customer_id)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr()
                .server_redaction_erased()
                .into(),
        })?;
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
            audit::redact_value(&txn, &key, copies, &old_text).await?
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
