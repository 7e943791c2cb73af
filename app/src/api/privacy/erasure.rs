//! Erasure: the customer's request, the preview staff review, direct erasure,
//! redaction (of messages and subject lines), the final check again, and the
//! privacy settings.
use crate::{error::AppError, model::PrivacyRequestView};
use leptos::prelude::*;
use uuid::Uuid;

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

/// Erases a customer directly, through the erasure job (staff who may approve erasure).
#[server(endpoint = "erase_customer")]
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

/// Replaces a ticket's subject line, like a message's text (staff).
#[server]
pub async fn redact_subject(
    ticket_id: Uuid,
    #[server(default)] replacement: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(erasure::redact_subject(
            &state,
            &actor,
            ticket_id,
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

/// What erasure does with tickets (`anonymise` or `delete`), for the privacy page's explanation.
#[server]
pub async fn erased_tickets_policy() -> Result<crate::model::TicketsPolicy, AppError> {
    use crate::server::{context, services::erasure};
    context::respond(async move {
        let state = context::state()?;
        context::require_actor()?;
        context::run(erasure::tickets_policy(&state.db)).await
    })
    .await
}
