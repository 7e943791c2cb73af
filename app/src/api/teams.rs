//! Roles, teams, and assigning tickets: server functions, each one service call.
use crate::{
    error::AppError,
    model::{RoleView, StaffMember, TeamView},
};
use leptos::{prelude::*, server_fn::codec::Json};
use uuid::Uuid;

/// Every staff role (built-in and custom), for admins.
#[server]
pub async fn list_roles() -> Result<Vec<RoleView>, AppError> {
    use crate::server::{context, services::roles};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(roles::list(&state, &actor)).await
    })
    .await
}

/// Creates a role (`id` = None) or changes a custom one.
#[server(input = Json)]
pub async fn save_role(
    id: Option<Uuid>,
    name: String,
    permissions: Vec<String>,
    sharing: String,
) -> Result<Uuid, AppError> {
    use crate::server::{context, services::roles};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let input = roles::RoleInput::validated(&name, &permissions, &sharing)?;
        context::run(roles::save(&state, &actor, id, input)).await
    })
    .await
}

/// Deletes a custom role nobody has.
#[server]
pub async fn delete_role(id: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::roles};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(roles::delete(&state, &actor, id)).await
    })
    .await
}

/// Gives a staff member a role: `agent`, `admin` or `role:<id>`.
#[server]
pub async fn set_staff_role(user: Uuid, role: String) -> Result<(), AppError> {
    use crate::{
        model::RoleRef,
        server::{context, services::roles},
    };
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let role = RoleRef::parse_form(&role)
            .ok_or_else(|| AppError::field("role", context::tr().server_unknown_role()))?;
        context::run(roles::set_staff_role(&state, &actor, user, role)).await
    })
    .await
}

/// Every team with its members, for admins.
#[server]
pub async fn list_teams() -> Result<Vec<TeamView>, AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::list(&state, &actor)).await
    })
    .await
}

/// The staff members who may join a team, for admins.
#[server]
pub async fn list_staff() -> Result<Vec<StaffMember>, AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::staff(&state, &actor)).await
    })
    .await
}

/// Creates a team (`id` = None) or renames one.
#[server]
pub async fn save_team(id: Option<Uuid>, name: String) -> Result<Uuid, AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::save(&state, &actor, id, &name)).await
    })
    .await
}

/// Deletes a team without tickets.
#[server]
pub async fn delete_team(id: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::delete(&state, &actor, id)).await
    })
    .await
}

/// Adds a staff member to a team (`member` = true) or removes them.
#[server]
pub async fn set_team_member(team: Uuid, user: Uuid, member: bool) -> Result<(), AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::set_member(&state, &actor, team, user, member)).await
    })
    .await
}

/// Makes a team the one new tickets go to.
#[server]
pub async fn set_default_team(team: Uuid) -> Result<(), AppError> {
    use crate::server::{context, services::teams};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(teams::set_default(&state, &actor, team)).await
    })
    .await
}

/// Moves a ticket to a team and an agent of it (`assignee` empty: nobody).
#[server]
pub async fn assign_ticket(
    ticket: Uuid,
    team: String,
    assignee: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{context, services::tickets};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        let tr = context::tr();
        let team = Uuid::parse_str(team.trim())
            .map_err(|_| AppError::field("team", tr.teams_choose_team()))?;
        let assignee = match assignee.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) => Some(
                Uuid::parse_str(id)
                    .map_err(|_| AppError::field("assignee", tr.teams_assignee_not_in_team()))?,
            ),
        };
        context::run(tickets::assign(&state, &actor, ticket, team, assignee)).await
    })
    .await
}
