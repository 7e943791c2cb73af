//! Privacy requests of every kind: the subject's list, the staff queue, and the
//! steps any request takes (withdraw, extend, decide).
use crate::{error::AppError, model::PrivacyRequestView};
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

/// Requests of every customer, soonest due first, filtered, with counts (staff).
#[server]
pub async fn request_queue(
    #[server(default)] kind: String,
    #[server(default)] status: String,
) -> Result<crate::model::RequestQueue, AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let filter = crate::model::QueueFilter { kind, status };
        context::run(requests::queue(&state, &actor, &filter)).await
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

/// The subject takes back their own request while nobody has acted on it.
#[server]
pub async fn withdraw_request(id: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::withdraw(&state, &actor, id)).await
    })
    .await
}

/// Extends a request's due date by one or two months, with a reason the customer sees (staff).
#[server]
pub async fn extend_request(
    id: Uuid,
    months: i32,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::requests};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(requests::extend(&state, &actor, id, months, &reason)).await
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
    use crate::server::{context, services::review};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(review::decide(&state, &actor, id, approve, &reason)).await
    })
    .await
}

/// The register of privacy requests: counts, times to answer, the newest
/// entries (staff who review requests).
#[server]
pub async fn request_register() -> Result<crate::model::Register, AppError> {
    use crate::server::{context, services::requests::register};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(register::register(&state, &actor)).await
    })
    .await
}

/// One request's register entry (its page shows it; staff who review requests).
#[server]
pub async fn request_register_entry(
    id: Uuid,
) -> Result<Option<crate::model::RegisterEntry>, AppError> {
    use crate::server::{context, services::requests::register};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(register::entry(&state, &actor, id)).await
    })
    .await
}
