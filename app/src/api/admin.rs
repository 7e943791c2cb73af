use crate::{
    error::AppError,
    model::{CurrentUser, Paged, UserSummary},
};
use leptos::prelude::*;

/// Every account, for admins.
#[server]
pub async fn list_users(page: u64) -> Result<Paged<UserSummary>, AppError> {
    use crate::server::{context, services::accounts};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(accounts::list_users(&state, &actor, page)).await
    })
    .await
}

/// An admin creates an account (agents and admins are only ever made this way, or by the CLI).
#[server]
pub async fn create_user(
    name: String,
    email: String,
    password: String,
    role: String,
) -> Result<CurrentUser, AppError> {
    use crate::{
        model::Role,
        server::{context, services::accounts},
    };
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let role = Role::parse(&role).ok_or_else(|| {
            AppError::field("role", crate::server::context::tr().server_choose_role())
        })?;
        let new = accounts::NewUser::validated(&name, &email, &password, role)?;
        context::run(accounts::create_user(&state, &actor, new)).await
    })
    .await
}

/// An admin disables (`enabled` = false) or enables a staff account.
#[server]
pub async fn set_account_enabled(id: uuid::Uuid, enabled: bool) -> Result<(), AppError> {
    use crate::server::{context, services::staff_accounts};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(staff_accounts::set_enabled(&state, &actor, id, enabled)).await
    })
    .await
}

/// An admin mails a staff member a link to choose a new password.
#[server]
pub async fn send_password_reset(id: uuid::Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::staff_accounts};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(staff_accounts::send_reset_link(&state, &actor, id)).await
    })
    .await
}

/// Whether staff must use two-factor sign-in (admins).
#[server]
pub async fn staff_two_factor_required() -> Result<bool, AppError> {
    use crate::server::{context, services::two_factor};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(two_factor::staff_requirement(&state, &actor)).await
    })
    .await
}

/// An admin requires two-factor sign-in for staff, or stops requiring it.
#[server]
pub async fn set_staff_two_factor_required(required: bool) -> Result<(), AppError> {
    use crate::server::{context, services::two_factor};
    crate::server::context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(two_factor::set_required_for_staff(&state, &actor, required)).await
    })
    .await
}
