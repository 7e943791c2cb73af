//! "Signed-in devices": each person sees their own sessions and ends any of
//! them. Every query is scoped by the asking person's id.
use super::sessions;
use crate::{
    error::AppError,
    model::{AuditAction, DeviceView},
    server::{
        audit::{self, Event},
        entities::session,
        Actor, AppState, ServiceError,
    },
};
use sea_orm::prelude::*;

/// The actor's own sessions, most recently active first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<DeviceView>, ServiceError> {
    sessions::devices(&state.db, actor).await
}

/// Ends one of the actor's own sessions (named by its id from `mine`).
pub async fn end_one(state: &AppState, actor: &Actor, id: &str) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let mine = session::Entity::find_by_id(id.to_owned())
        .filter(session::Column::UserId.eq(actor.user_id))
        .one(&txn)
        .await?;
    if mine.is_none() {
        // Someone else's session, or one that has already ended: the same answer.
        return Err(AppError::NotFound.into());
    }
    // That browser's session, whichever of its tokens the page listed.
    sessions::end(&txn, id).await?;
    let event = Event::new(AuditAction::SessionEnded, "session", actor.user_id)
        .by(actor)
        .about(actor.user_id)
        .setting(audit::Change::set("sessions_ended", "1"));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Ends every session of the actor but the one this request came with.
pub async fn end_others(state: &AppState, actor: &Actor) -> Result<u64, ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let ended = sessions::end_all_of(&txn, actor.user_id, Some(&actor.session_token_hash)).await?;
    let event = Event::new(AuditAction::SessionEnded, "session", actor.user_id)
        .by(actor)
        .about(actor.user_id)
        .setting(audit::Change::set("sessions_ended", ended.to_string()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(ended)
}
