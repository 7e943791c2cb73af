//! Archives of personal data: "Download my data" and admins' exports of every module.
use crate::error::AppError;
use leptos::prelude::*;

/// Asks for a copy of all one's data; the password is asked again first.
#[server(endpoint = "request_export")]
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
#[server(endpoint = "my_exports")]
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
