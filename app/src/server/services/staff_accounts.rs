//! What an admin does to a colleague's account: disable it (every session
//! ends at once, sign-in is refused), enable it again, or mail them a link to
//! choose a new password. An admin never sees or sets a colleague's password.
use super::{account_links, passwords, sessions};
use crate::{
    error::AppError,
    model::{AuditAction, Role},
    server::{
        audit::{self, Event},
        entities::user,
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, DatabaseTransaction};

/// A staff account, read inside the admin's transaction.
async fn staff_member(txn: &DatabaseTransaction, id: Uuid) -> Result<user::Model, ServiceError> {
    let member = user::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !member.role.is_staff() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_staff_only().into(),
        }
        .into());
    }
    Ok(member)
}

/// Disables (`enabled` = false) or enables a staff account.
pub async fn set_enabled(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    enabled: bool,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    if id == actor.user_id && !enabled {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_cannot_disable_self()
                .into(),
        }
        .into());
    }
    let txn = audit::begin(&state.db).await?;
    let member = staff_member(&txn, id).await?;
    if member.role == Role::Admin && actor.role != Role::Admin {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .teams_only_admins_make_admins()
                .into(),
        }
        .into());
    }
    if member.disabled_at.is_some() != enabled {
        // Already as asked: nothing to change, nothing to record.
        return Ok(());
    }
    if !enabled && member.role == Role::Admin {
        let active_admins = user::Entity::find()
            .filter(user::Column::Role.eq(Role::Admin))
            .filter(user::Column::DisabledAt.is_null())
            .filter(user::Column::ErasedAt.is_null())
            .count(&txn)
            .await?;
        if active_admins <= 1 {
            return Err(AppError::Conflict {
                message: crate::server::context::tr().server_last_admin().into(),
            }
            .into());
        }
    }
    let disabled_at = (!enabled).then(Utc::now);
    user::Entity::update_many()
        .col_expr(user::Column::DisabledAt, Expr::value(disabled_at))
        .filter(user::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let mut event = Event::new(
        if enabled {
            AuditAction::AccountEnabled
        } else {
            AuditAction::AccountDisabled
        },
        "user",
        id,
    )
    .by(actor)
    .about(id);
    if !enabled {
        account_links::forget(&txn, id, account_links::Purpose::PasswordReset).await?;
        let ended = sessions::end_all_of(&txn, id, None).await?;
        event = event.setting(audit::Change::set("sessions_ended", ended.to_string()));
    }
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Mails a staff member a link to choose a new password.
pub async fn send_reset_link(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let member = staff_member(&txn, id).await?;
    if member.disabled_at.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_account_disabled_no_reset()
                .into(),
        }
        .into());
    }
    passwords::send_reset_link(&txn, state, &member, Some(actor)).await?;
    txn.commit().await?;
    Ok(())
}
