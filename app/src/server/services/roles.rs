//! Staff roles: the built-in agent and admin, and roles admins define as a
//! named set of permissions with a sharing rule. A staff account has one of
//! them; the admin role keeps every permission, and no change may leave the
//! portal without an active admin.
use crate::{
    error::AppError,
    model::{AuditAction, Permission, Permissions, Role, RoleRef, RoleView, Sharing},
    server::{
        audit::{self, Change, Event},
        context::tr,
        entities::{role, role_field_permission, user},
        policy::{self, Action, Grant, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Longest role or team name.
pub const NAME_MAX: usize = 60;

/// What `user`'s role grants: the built-in role's, or their custom role's.
/// A custom role that cannot be read grants nothing (never more than it said).
pub async fn grant_of(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<Grant, ServiceError> {
    let Some(id) = user.role_id.filter(|_| user.role == Role::Agent) else {
        return Ok(Grant::built_in(user.role));
    };
    let Some(row) = role::Entity::find_by_id(id).one(db).await? else {
        return Ok(Grant {
            permissions: Permissions::NONE,
            sharing: Sharing::Assigned,
            custom_role: Some(id),
        });
    };
    Ok(Grant {
        permissions: stored_permissions(&row)?,
        sharing: row.sharing,
        custom_role: Some(id),
    })
}

fn stored_permissions(row: &role::Model) -> Result<Permissions, ServiceError> {
    Permissions::parse_stored(&row.permissions).map_err(|name| {
        ServiceError::invariant(format!("role {} has unknown permission {name:?}", row.id))
    })
}

/// A role name as typed, trimmed; refused when empty, too long, or a built-in role's.
pub fn validated_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let t = tr();
    if name.is_empty() {
        return Err(AppError::field("name", t.teams_name_required()));
    }
    if name.chars().count() > NAME_MAX {
        return Err(AppError::field(
            "name",
            t.teams_name_too_long(NAME_MAX as u64),
        ));
    }
    Ok(name.to_owned())
}

/// Every staff role: the built-in ones first, then the custom ones by name.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<RoleView>, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    all(&state.db).await
}

/// The roles, without a permission check (the caller has made it).
pub(crate) async fn all(db: &impl ConnectionTrait) -> Result<Vec<RoleView>, ServiceError> {
    let staff: Vec<(Role, Option<Uuid>)> = user::Entity::find()
        .select_only()
        .column(user::Column::Role)
        .column(user::Column::RoleId)
        .filter(user::Column::Role.ne(Role::Customer))
        .filter(user::Column::ErasedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: HashMap<RoleRef, u64> = HashMap::new();
    for (role, custom) in staff {
        *counts.entry(RoleRef::of(role, custom)).or_default() += 1;
    }
    let t = tr();
    let mut out: Vec<RoleView> = [Role::Agent, Role::Admin]
        .into_iter()
        .map(|role| RoleView {
            id: None,
            built_in: Some(role),
            name: role.label(t).to_owned(),
            permissions: policy::built_in_permissions(role),
            sharing: Sharing::All,
            members: counts.get(&RoleRef::BuiltIn(role)).copied().unwrap_or(0),
        })
        .collect();
    for row in role::Entity::find()
        .order_by_asc(role::Column::Name)
        .all(db)
        .await?
    {
        out.push(RoleView {
            id: Some(row.id),
            built_in: None,
            permissions: stored_permissions(&row)?,
            sharing: row.sharing,
            members: counts.get(&RoleRef::Custom(row.id)).copied().unwrap_or(0),
            name: row.name,
        });
    }
    Ok(out)
}

/// What a role form sends: a name, the permissions' names, a sharing rule.
pub struct RoleInput {
    pub name: String,
    pub permissions: Permissions,
    pub sharing: Sharing,
}

impl RoleInput {
    pub fn validated(name: &str, permissions: &[String], sharing: &str) -> Result<Self, AppError> {
        let name = validated_name(name)?;
        let t = tr();
        let permissions = permissions
            .iter()
            .map(|p| {
                Permission::parse(p)
                    .ok_or_else(|| AppError::field("permissions", t.teams_unknown_permission(p)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let sharing = Sharing::parse(sharing)
            .ok_or_else(|| AppError::field("sharing", t.teams_choose_sharing()))?;
        Ok(RoleInput {
            name,
            permissions: Permissions::of(permissions),
            sharing,
        })
    }
}

async fn name_taken(
    db: &impl ConnectionTrait,
    name: &str,
    except: Option<Uuid>,
) -> Result<bool, ServiceError> {
    let built_in = Role::ALL.iter().any(|r| {
        crate::i18n::Lang::ALL
            .iter()
            .any(|l| r.label(crate::i18n::Tr(*l)).eq_ignore_ascii_case(name))
    });
    if built_in {
        return Ok(true);
    }
    // Few roles: compared here, so "billing" and "Billing" are one name on every database.
    Ok(role::Entity::find()
        .all(db)
        .await?
        .iter()
        .any(|r| r.name.to_lowercase() == name.to_lowercase() && Some(r.id) != except))
}

/// How far a sharing rule reaches (wider is more).
fn reach(sharing: Sharing) -> u8 {
    match sharing {
        Sharing::Assigned => 1,
        Sharing::Teams => 2,
        Sharing::All => 3,
    }
}

/// Whether `actor` may hand out a role allowing `permissions` and `sharing`:
/// admins any; anyone else who manages users only what their own role allows,
/// so managing users never grants more than one has.
fn within_own_grant(actor: &Actor, permissions: Permissions, sharing: Sharing) -> bool {
    actor.role == Role::Admin
        || (permissions.iter().all(|p| actor.grant.permissions.has(p))
            && reach(sharing) <= reach(actor.grant.sharing))
}

/// Creates a role (`id` = None) or changes one an admin defined. Someone who
/// is not an admin may not change the role they hold, nor make a role allow
/// more than theirs does.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    id: Option<Uuid>,
    input: RoleInput,
) -> Result<Uuid, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    if !within_own_grant(actor, input.permissions, input.sharing) {
        return Err(AppError::field("permissions", tr().teams_beyond_own_grant()).into());
    }
    if id.is_some() && id == actor.grant.custom_role {
        return Err(AppError::Conflict {
            message: tr().teams_own_role_locked().into(),
        }
        .into());
    }
    let txn = audit::begin(&state.db).await?;
    if name_taken(&txn, &input.name, id).await? {
        return Err(AppError::field("name", tr().teams_role_name_taken()).into());
    }
    let now = Utc::now();
    let (id, event) = match id {
        None => {
            let id = Uuid::now_v7();
            role::ActiveModel {
                id: Set(id),
                name: Set(input.name.clone()),
                permissions: Set(input.permissions.to_stored()),
                sharing: Set(input.sharing),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
            let event = Event::new(AuditAction::RoleCreated, "role", id)
                .setting(Change::set("name", input.name.clone()))
                .setting(Change::set("permissions", input.permissions.to_stored()))
                .setting(Change::set("sharing", input.sharing.as_str()));
            (id, event)
        }
        Some(id) => {
            let before = role::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let unchanged = before.name == input.name
                && before.permissions == input.permissions.to_stored()
                && before.sharing == input.sharing;
            if unchanged {
                return Ok(id);
            }
            let mut event = Event::new(AuditAction::RoleChanged, "role", id);
            if before.name != input.name {
                event = event.setting(Change::changed("name", &before.name, &input.name));
            }
            if before.permissions != input.permissions.to_stored() {
                event = event.setting(Change::changed(
                    "permissions",
                    &before.permissions,
                    input.permissions.to_stored(),
                ));
            }
            if before.sharing != input.sharing {
                event = event.setting(Change::changed(
                    "sharing",
                    before.sharing.as_str(),
                    input.sharing.as_str(),
                ));
            }
            role::ActiveModel {
                id: Set(id),
                name: Set(input.name.clone()),
                permissions: Set(input.permissions.to_stored()),
                sharing: Set(input.sharing),
                updated_at: Set(now),
                ..Default::default()
            }
            .update(&txn)
            .await?;
            (id, event)
        }
    };
    audit::append(&txn, event.by(actor), None).await?;
    txn.commit().await?;
    Ok(id)
}

/// Deletes a role nobody has any more.
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let row = role::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let holders = user::Entity::find()
        .filter(user::Column::RoleId.eq(id))
        .filter(user::Column::ErasedAt.is_null())
        .count(&txn)
        .await?;
    if holders > 0 {
        return Err(AppError::Conflict {
            message: tr().teams_role_in_use(holders),
        }
        .into());
    }
    let removed = role_field_permission::Entity::delete_many()
        .filter(role_field_permission::Column::RoleId.eq(id))
        .exec(&txn)
        .await?
        .rows_affected;
    role::Entity::delete_by_id(id).exec(&txn).await?;
    let event = Event::new(AuditAction::RoleDeleted, "role", id)
        .by(actor)
        .setting(Change {
            field: "name".into(),
            before: Some(row.name),
            after: None,
        })
        .setting(Change {
            field: "permissions".into(),
            before: Some(row.permissions),
            after: None,
        })
        .setting(Change::set(
            "field_permissions_removed",
            removed.to_string(),
        ));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Gives a staff member another role (built-in agent or admin, or a custom
/// one). Taking the admin role from the last active admin is refused.
pub async fn set_staff_role(
    state: &AppState,
    actor: &Actor,
    member: Uuid,
    to: RoleRef,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let t = tr();
    if member == actor.user_id {
        return Err(AppError::field("role", t.teams_not_own_role()).into());
    }
    let (role, role_id) = match to {
        RoleRef::BuiltIn(Role::Customer) => {
            return Err(AppError::field("role", t.teams_staff_role_only()).into())
        }
        RoleRef::BuiltIn(role) => (role, None),
        RoleRef::Custom(id) => (Role::Agent, Some(id)),
    };
    let txn = audit::begin(&state.db).await?;
    let user = user::Entity::find_by_id(member)
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or(AppError::NotFound)?;
    if !user.role.is_staff() {
        return Err(AppError::Conflict {
            message: t.server_staff_only().into(),
        }
        .into());
    }
    let before = RoleRef::of(user.role, user.role_id);
    if before == to {
        return Ok(());
    }
    // The admin role is given and taken by admins only; any other role only
    // as far as the giver's own reaches.
    if (role == Role::Admin || user.role == Role::Admin) && actor.role != Role::Admin {
        return Err(AppError::field("role", t.teams_only_admins_make_admins()).into());
    }
    if let Some(id) = role_id {
        let row = role::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::field("role", t.server_unknown_role()))?;
        if !within_own_grant(actor, stored_permissions(&row)?, row.sharing) {
            return Err(AppError::field("role", t.teams_beyond_own_grant()).into());
        }
    }
    if user.role == Role::Admin && role != Role::Admin && user.disabled_at.is_none() {
        let active_admins = user::Entity::find()
            .filter(user::Column::Role.eq(Role::Admin))
            .filter(user::Column::DisabledAt.is_null())
            .filter(user::Column::ErasedAt.is_null())
            .count(&txn)
            .await?;
        if active_admins <= 1 {
            return Err(AppError::Conflict {
                message: t.server_last_admin().into(),
            }
            .into());
        }
    }
    user::Entity::update_many()
        .col_expr(user::Column::Role, Expr::value(role))
        .col_expr(user::Column::RoleId, Expr::value(role_id))
        .filter(user::Column::Id.eq(member))
        .exec(&txn)
        .await?;
    let event = Event::new(AuditAction::StaffRoleChanged, "user", member)
        .by(actor)
        .about(member)
        .setting(Change::changed("role", before.to_form(), to.to_form()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
