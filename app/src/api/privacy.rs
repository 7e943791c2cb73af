use crate::{
    error::AppError,
    model::{Paged, PrivacyRequestView},
};
use leptos::prelude::*;
use uuid::Uuid;

/// The asker's own privacy requests.
#[server]
pub async fn my_requests() -> Result<Vec<PrivacyRequestView>, AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::mine(&state, &actor)).await
    })
    .await
}

/// A customer asks to change their email; a confirmation link goes to the new address.
#[server]
pub async fn request_email_change(new_email: String) -> Result<PrivacyRequestView, AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::request_email_change(&state, &actor, &new_email)).await
    })
    .await
}

/// The confirmation link from the mail (no sign-in needed: the token is the proof).
#[server]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        context::run(requests::confirm_email(&state, &token)).await
    })
    .await
}

/// Open requests of every customer, soonest due first (staff).
#[server]
pub async fn request_queue() -> Result<Vec<PrivacyRequestView>, AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::queue(&state, &actor)).await
    })
    .await
}

/// One request (staff).
#[server]
pub async fn get_request(id: Uuid) -> Result<PrivacyRequestView, AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::get(&state, &actor, id)).await
    })
    .await
}

/// Approve (and carry out) or reject a request; a rejection needs a reason (staff).
#[server]
pub async fn decide_request(
    id: Uuid,
    approve: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::decide(&state, &actor, id, approve, &reason)).await
    })
    .await
}

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

/// A mail as the outbox page shows it.
pub use crate::model::OutboxEntry;

/// Asks for a copy of all one's data; the password is asked again first.
#[server]
pub async fn request_export(password: String) -> Result<crate::model::ExportView, AppError> {
    use crate::server::{context, services::exports};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(exports::request(&state, &actor, &password)).await
    })
    .await
}

/// The asker's data exports with their progress.
#[server]
pub async fn my_exports() -> Result<Vec<crate::model::ExportView>, AppError> {
    use crate::server::{context, services::exports};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(exports::mine(&state, &actor)).await
    })
    .await
}

/// An admin asks for an export of every module; the password is asked again first.
#[server]
pub async fn request_all_export(password: String) -> Result<crate::model::ExportView, AppError> {
    use crate::server::{context, services::exports};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(exports::request_all(&state, &actor, &password)).await
    })
    .await
}
