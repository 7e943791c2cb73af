use crate::{
    error::AppError,
    fields::{CustomFieldDef, CustomFieldInput, PermissionRow},
};
use leptos::{prelude::*, server_fn::codec::Json};
use uuid::Uuid;

#[cfg(feature = "ssr")]
fn parse_scope(scope: &str) -> Result<crate::fields::FieldScope, AppError> {
    crate::fields::FieldScope::parse(scope)
        .ok_or_else(|| AppError::field("scope", crate::server::context::tr().server_choose_scope()))
}

/// Every custom field of a scope (`contact` or `ticket`), archived ones included (admins only).
#[server]
pub async fn custom_fields(scope: String) -> Result<Vec<CustomFieldDef>, AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let scope = parse_scope(&scope)?;
        context::run(fields::list_defs(&state, &actor, scope)).await
    })
    .await
}

/// Creates or edits a custom field (admins only).
#[server(input = Json)]
pub async fn save_custom_field(input: CustomFieldInput) -> Result<CustomFieldDef, AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(fields::save_def(&state, &actor, input)).await
    })
    .await
}

/// Moves a custom field up or down (admins only).
#[server]
pub async fn move_custom_field(id: Uuid, up: bool) -> Result<(), AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(fields::move_def(&state, &actor, id, up)).await
    })
    .await
}

/// Archives or restores a custom field; stored values are kept (admins only).
#[server]
pub async fn archive_custom_field(id: Uuid, archived: bool) -> Result<(), AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(fields::set_archived(&state, &actor, id, archived)).await
    })
    .await
}

/// The field permissions matrix (admins only).
#[server]
pub async fn field_permissions() -> Result<Vec<PermissionRow>, AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(fields::permissions(&state, &actor)).await
    })
    .await
}

/// Sets one role's access to one field (admins only).
#[server]
pub async fn set_field_permission(
    role: String,
    field: String,
    access: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::fields};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        use crate::{fields::Access, model::RoleRef};
        let role = RoleRef::parse_form(&role).ok_or_else(|| {
            AppError::field("role", crate::server::context::tr().server_unknown_role())
        })?;
        let access = Access::parse(&access).ok_or_else(|| {
            AppError::field(
                "access",
                crate::server::context::tr().server_choose_access(),
            )
        })?;
        context::run(fields::set_permission(&state, &actor, role, &field, access)).await
    })
    .await
}
