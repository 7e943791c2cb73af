//! Teams of staff members, the default team new tickets go to, and assigning
//! a ticket to a team and an agent. Team names are not personal data (stored
//! in plaintext); members are named by their sealed names, read per request.
use super::{people::people, roles::validated_name};
use crate::{
    error::AppError,
    model::{AuditAction, Role, StaffMember, TeamView},
    server::{
        audit::{self, Change, Event},
        context::tr,
        entities::{setting, team, team_member, ticket, user},
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// The setting naming the team new tickets go to.
pub const DEFAULT_TEAM: &str = "tickets.default_team";

/// The team new tickets go to, if one is set and still exists.
pub async fn default_team(db: &impl ConnectionTrait) -> Result<Option<Uuid>, ServiceError> {
    let Some(row) = setting::Entity::find_by_id(DEFAULT_TEAM.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Ok(id) = Uuid::parse_str(&row.value) else {
        return Err(ServiceError::invariant(format!(
            "setting {DEFAULT_TEAM} is not a team id: {:?}",
            row.value
        )));
    };
    Ok(team::Entity::find_by_id(id).one(db).await?.map(|t| t.id))
}

/// The teams one staff member belongs to.
pub async fn teams_of(db: &impl ConnectionTrait, member: Uuid) -> Result<Vec<Uuid>, ServiceError> {
    Ok(team_member::Entity::find()
        .select_only()
        .column(team_member::Column::TeamId)
        .filter(team_member::Column::UserId.eq(member))
        .into_tuple()
        .all(db)
        .await?)
}

/// Every team by name, with its members (enabled staff only) and ticket count.
pub(crate) async fn all(state: &AppState) -> Result<Vec<TeamView>, ServiceError> {
    let teams = team::Entity::find()
        .order_by_asc(team::Column::Name)
        .all(&state.db)
        .await?;
    let members = team_member::Entity::find().all(&state.db).await?;
    let active: BTreeSet<Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(members.iter().map(|m| m.user_id).collect::<Vec<_>>()))
        .filter(user::Column::Role.ne(Role::Customer))
        .filter(user::Column::DisabledAt.is_null())
        .filter(user::Column::ErasedAt.is_null())
        .into_tuple::<Uuid>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let names = people(state, active.iter().copied()).await?;
    let counts: HashMap<Uuid, i64> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::TeamId)
        .column_as(ticket::Column::Id.count(), "n")
        .filter(ticket::Column::TeamId.is_not_null())
        .group_by(ticket::Column::TeamId)
        .into_tuple::<(Uuid, i64)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let default = default_team(&state.db).await?;
    Ok(teams
        .into_iter()
        .map(|t| {
            let mut list: Vec<StaffMember> = members
                .iter()
                .filter(|m| m.team_id == t.id && active.contains(&m.user_id))
                .map(|m| StaffMember {
                    id: m.user_id,
                    name: names
                        .get(&m.user_id)
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                })
                .collect();
            list.sort_by(|a, b| a.name.cmp(&b.name));
            TeamView {
                is_default: default == Some(t.id),
                tickets: counts.get(&t.id).copied().unwrap_or(0).max(0) as u64,
                id: t.id,
                name: t.name,
                members: list,
            }
        })
        .collect())
}

/// Every team, for the admin's teams page.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<TeamView>, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    all(state).await
}

/// The teams' names, for filtering a queue (anyone who works tickets).
pub async fn names(state: &AppState, actor: &Actor) -> Result<Vec<StaffMember>, ServiceError> {
    policy::require(actor, Action::ViewTicketQueue, Target::Nothing)?;
    Ok(team::Entity::find()
        .order_by_asc(team::Column::Name)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|t| StaffMember {
            id: t.id,
            name: t.name,
        })
        .collect())
}

async fn name_taken(
    db: &impl ConnectionTrait,
    name: &str,
    except: Option<Uuid>,
) -> Result<bool, ServiceError> {
    // Few teams: compared here, so "billing" and "Billing" are one name on every database.
    Ok(team::Entity::find()
        .all(db)
        .await?
        .iter()
        .any(|t| t.name.to_lowercase() == name.to_lowercase() && Some(t.id) != except))
}

/// Creates a team (`id` = None) or renames one.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    id: Option<Uuid>,
    name: &str,
) -> Result<Uuid, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let name = validated_name(name)?;
    let txn = audit::begin(&state.db).await?;
    if name_taken(&txn, &name, id).await? {
        return Err(AppError::field("name", tr().teams_team_name_taken()).into());
    }
    let (id, event) = match id {
        None => {
            let id = Uuid::now_v7();
            team::ActiveModel {
                id: Set(id),
                name: Set(name.clone()),
                created_at: Set(Utc::now()),
            }
            .insert(&txn)
            .await?;
            (
                id,
                Event::new(AuditAction::TeamCreated, "team", id).setting(Change::set("name", name)),
            )
        }
        Some(id) => {
            let before = team::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            if before.name == name {
                return Ok(id);
            }
            team::Entity::update_many()
                .col_expr(team::Column::Name, Expr::value(name.clone()))
                .filter(team::Column::Id.eq(id))
                .exec(&txn)
                .await?;
            (
                id,
                Event::new(AuditAction::TeamChanged, "team", id).setting(Change::changed(
                    "name",
                    before.name,
                    name,
                )),
            )
        }
    };
    audit::append(&txn, event.by(actor), None).await?;
    txn.commit().await?;
    Ok(id)
}

/// Deletes a team that has no tickets and is not the default team.
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let row = team::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = tr();
    if default_team(&txn).await? == Some(id) {
        return Err(AppError::Conflict {
            message: t.teams_default_team_kept().into(),
        }
        .into());
    }
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::TeamId.eq(id))
        .count(&txn)
        .await?;
    if tickets > 0 {
        return Err(AppError::Conflict {
            message: t.teams_team_has_tickets(tickets),
        }
        .into());
    }
    let members = team_member::Entity::delete_many()
        .filter(team_member::Column::TeamId.eq(id))
        .exec(&txn)
        .await?
        .rows_affected;
    team::Entity::delete_by_id(id).exec(&txn).await?;
    let event = Event::new(AuditAction::TeamDeleted, "team", id)
        .by(actor)
        .setting(Change {
            field: "name".into(),
            before: Some(row.name),
            after: None,
        })
        .setting(Change::set("members_removed", members.to_string()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds (`member` = true) or removes one staff member.
pub async fn set_member(
    state: &AppState,
    actor: &Actor,
    team_id: Uuid,
    user_id: Uuid,
    member: bool,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    team::Entity::find_by_id(team_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = user::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or(AppError::NotFound)?;
    if !person.role.is_staff() {
        return Err(AppError::Conflict {
            message: tr().server_staff_only().into(),
        }
        .into());
    }
    let is = team_member::Entity::find_by_id((team_id, user_id))
        .one(&txn)
        .await?
        .is_some();
    if is == member {
        return Ok(());
    }
    if member {
        team_member::ActiveModel {
            team_id: Set(team_id),
            user_id: Set(user_id),
        }
        .insert(&txn)
        .await?;
    } else {
        team_member::Entity::delete_by_id((team_id, user_id))
            .exec(&txn)
            .await?;
    }
    let change = if member {
        Change::set("member_added", user_id.to_string())
    } else {
        Change::set("member_removed", user_id.to_string())
    };
    let event = Event::new(AuditAction::TeamChanged, "team", team_id)
        .by(actor)
        .setting(change);
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Makes `team_id` the team new tickets go to.
pub async fn set_default(
    state: &AppState,
    actor: &Actor,
    team_id: Uuid,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    team::Entity::find_by_id(team_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = default_team(&txn).await?;
    if before == Some(team_id) {
        return Ok(());
    }
    setting::Entity::delete_by_id(DEFAULT_TEAM.to_owned())
        .exec(&txn)
        .await?;
    setting::ActiveModel {
        key: Set(DEFAULT_TEAM.to_owned()),
        value: Set(team_id.to_string()),
    }
    .insert(&txn)
    .await?;
    let event = Event::new(AuditAction::SettingChanged, "setting", DEFAULT_TEAM)
        .by(actor)
        .setting(Change {
            field: DEFAULT_TEAM.into(),
            before: before.map(|b| b.to_string()),
            after: Some(team_id.to_string()),
        });
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// The enabled staff members (who may join a team), by name.
pub async fn staff(state: &AppState, actor: &Actor) -> Result<Vec<StaffMember>, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let ids: Vec<Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Role.ne(Role::Customer))
        .filter(user::Column::DisabledAt.is_null())
        .filter(user::Column::ErasedAt.is_null())
        .into_tuple()
        .all(&state.db)
        .await?;
    let names = people(state, ids).await?;
    let mut out: Vec<StaffMember> = names
        .into_iter()
        .map(|(id, p)| StaffMember { id, name: p.name })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(out)
}
