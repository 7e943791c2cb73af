//! The retention policy: admins set it and see what the next cleanup will
//! do; everyone signed in reads it (customers on their privacy page).
// The policy form posts nine fields; the client side `#[server]` generates
// takes them as arguments too, where an item-level allow does not reach.
#![allow(clippy::too_many_arguments)]
use crate::{
    error::AppError,
    model::{RetentionNoticeView, RetentionPage},
};
use leptos::prelude::*;

/// The retention settings page (admins).
#[server]
pub async fn retention_settings() -> Result<RetentionPage, AppError> {
    use crate::server::{context, services::retention};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(retention::page(&state, &actor)).await
    })
    .await
}

/// Changes the retention policy (admins). Numbers come as typed, so each
/// wrong one gets its own message.
#[server]
pub async fn save_retention(
    tickets_after_months: String,
    tickets_action: String,
    inactive_after_months: String,
    notice_days: String,
    purge_closed: Option<String>,
    export_hours: String,
    cycle_days: String,
    backup_main_days: String,
    backup_keys_days: String,
) -> Result<RetentionPage, AppError> {
    use crate::server::{context, services::retention};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let form = retention::PolicyForm {
            tickets_after_months,
            tickets_action,
            inactive_after_months,
            notice_days,
            purge_closed: purge_closed.is_some(),
            export_hours,
            cycle_days,
            backup_main_days,
            backup_keys_days,
        };
        context::run(retention::save(&state, &actor, &form)).await
    })
    .await
}

/// Changes where the data is said to live and the privacy notice link (admins).
#[server]
pub async fn save_region(label: String, notice_url: String) -> Result<RetentionPage, AppError> {
    use crate::server::{context, services::retention};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(retention::save_region(&state, &actor, &label, &notice_url)).await
    })
    .await
}

/// The privacy notice's link, for every page's footer (visitors' too).
#[server]
pub async fn privacy_notice_link() -> Result<Option<String>, AppError> {
    use crate::server::{context, services::retention};
    context::respond(async move {
        let state = context::state()?;
        context::run(retention::notice_link(&state)).await
    })
    .await
}

/// The policy in force, for anyone signed in: how long their data is kept, and where.
#[server]
pub async fn retention_notice() -> Result<RetentionNoticeView, AppError> {
    use crate::server::{context, services::retention};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(retention::policy_for(&state, &actor)).await
    })
    .await
}
