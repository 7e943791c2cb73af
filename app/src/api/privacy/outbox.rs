//! The mail outbox (admins).
use crate::{
    error::AppError,
    model::{OutboxEntry, Paged},
};
use leptos::prelude::*;

/// Every mail sent or waiting, decrypted (admins).
#[server]
pub async fn outbox(page: u64) -> Result<Paged<OutboxEntry>, AppError> {
    use crate::server::{context, mail};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(mail::outbox(&state, &actor, page)).await
    })
    .await
}
