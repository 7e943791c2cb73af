//! A reviewer's decision on any privacy request: what approving means is the
//! kind's own, so this dispatches by kind. It sits above `requests`,
//! `email_change` and `erasure`, so none of them needs another.
use super::{email_change, erasure, requests};
use crate::{
    model::RequestKind,
    server::{Actor, AppState, ServiceError},
};
use uuid::Uuid;

/// Approves or rejects request `id` with the reason the subject will see.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    approve: bool,
    reason: &str,
) -> Result<(), ServiceError> {
    match requests::kind_of(state, actor, id).await? {
        RequestKind::EmailChange => email_change::decide(state, actor, id, approve, reason).await,
        RequestKind::Erasure => erasure::decide(state, actor, id, approve, reason.trim()).await,
    }
}
