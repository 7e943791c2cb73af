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

/// A customer asks for their account and data to be deleted; the password is asked again.
#[server]
pub async fn request_erasure(
    password: String,
    #[server(default)] reason: String,
) -> Result<PrivacyRequestView, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::request(&state, &actor, &password, &reason)).await
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

/// What approving an erasure request will do (staff).
#[server]
pub async fn erasure_preview(id: Uuid) -> Result<crate::model::ErasurePreview, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::preview_request(&state, &actor, id)).await
    })
    .await
}

/// What erasing a customer will do (staff, for a direct erasure).
#[server]
pub async fn customer_erasure_preview(
    subject: Uuid,
) -> Result<crate::model::ErasurePreview, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::preview(&state, &actor, subject)).await
    })
    .await
}

/// Places a legal hold on a customer (staff); `until` is `YYYY-MM-DD` or empty.
#[server]
pub async fn place_hold(
    subject: Uuid,
    #[server(default)] reason: String,
    #[server(default)] until: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::place_hold(
            &state, &actor, subject, &reason, &until,
        ))
        .await
    })
    .await
}

/// Lifts a customer's legal hold (staff).
#[server]
pub async fn lift_hold(subject: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::lift_hold(&state, &actor, subject)).await
    })
    .await
}

/// Erases a customer directly, through the erasure job (staff who may approve erasure).
#[server]
pub async fn erase_customer(
    subject: Uuid,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::erase_customer(&state, &actor, subject, &reason))
            .await
            .map(|_| ())
    })
    .await
}

/// Deletes one ticket through the erasure job (staff who may approve erasure).
#[server]
pub async fn erase_ticket(
    ticket_id: Uuid,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::erase_ticket(&state, &actor, ticket_id, &reason))
            .await
            .map(|_| ())
    })
    .await
}

/// Replaces the text of a message, keeping a note that it was redacted (staff).
#[server]
pub async fn redact_message(
    message_id: Uuid,
    #[server(default)] replacement: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::redact_message(
            &state,
            &actor,
            message_id,
            &replacement,
            &reason,
        ))
        .await
    })
    .await
}

/// Runs an erasure's final check again after staff fixed what it found.
#[server]
pub async fn recheck_erasure(id: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::recheck(&state, &actor, id)).await
    })
    .await
}

/// The privacy settings (admins).
#[server]
pub async fn privacy_settings() -> Result<crate::model::PrivacySettings, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::settings(&state, &actor)).await
    })
    .await
}

/// Changes the privacy settings (admins).
#[server]
pub async fn save_privacy_settings(
    erased_tickets: String,
) -> Result<crate::model::PrivacySettings, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::save_settings(&state, &actor, &erased_tickets)).await
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

/// What erasure does with tickets (`anonymise` or `delete`), for the privacy page's explanation.
#[server]
pub async fn erased_tickets_policy() -> Result<String, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        context::require_actor()?;
        context::run(erasure::tickets_policy(&state.db)).await
    })
    .await
}
