//! Legal holds: placed by reviewers, lifted by admins.
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// Places a legal hold on a customer (staff); `until` is `YYYY-MM-DD` or empty.
#[server]
pub async fn place_hold(
    subject: Uuid,
    #[server(default)] reason: String,
    #[server(default)] until: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::legal_holds};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(legal_holds::place_hold(
            &state, &actor, subject, &reason, &until,
        ))
        .await
    })
    .await
}

/// Lifts a customer's legal hold (admins only: the person who could erase is not the one who releases the brake).
#[server]
pub async fn lift_hold(subject: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::legal_holds};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(legal_holds::lift_hold(&state, &actor, subject)).await
    })
    .await
}
