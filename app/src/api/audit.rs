use crate::{
    error::AppError,
    model::{ActivityView, AuditEntryView, AuditFilter, AuditVerification, KeyStatus, Paged},
};
use leptos::prelude::*;

/// The events about the asker's own data ("Activity on my data").
#[server]
pub async fn my_activity(page: u64) -> Result<Paged<ActivityView>, AppError> {
    use crate::server::{context, services::activity};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(activity::my_activity(&state, &actor, page)).await
    })
    .await
}

/// The audit log, filtered (admins only).
#[server]
pub async fn audit_events(
    filter: AuditFilter,
    page: u64,
) -> Result<Paged<AuditEntryView>, AppError> {
    use crate::server::{context, services::activity};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(activity::events(&state, &actor, &filter, page)).await
    })
    .await
}

/// Walks the audit chain (admins only).
#[server]
pub async fn verify_audit_chain() -> Result<AuditVerification, AppError> {
    use crate::server::{context, services::activity};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(activity::verify(&state, &actor)).await
    })
    .await
}

/// Master keys and data key counts (admins only).
#[server]
pub async fn master_key_status() -> Result<KeyStatus, AppError> {
    use crate::server::{context, services::activity};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(activity::key_status(&state, &actor)).await
    })
    .await
}
