//! The rule of second factors, beneath the services that manage them: whether
//! an account has one, whether the admins require one of staff, and what adding
//! another asks for. Sessions, the authenticator app and passkeys all read it.
use crate::{
    error::AppError,
    server::{
        entities::{passkey, setting, user},
        Actor, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ConnectionTrait};

/// The setting that makes two-factor sign-in compulsory for agents and admins.
pub const REQUIRE_FOR_STAFF: &str = "security.require_two_factor_staff";
/// Whether staff must use two-factor sign-in: the admins' setting, else the default.
pub async fn required_for_staff(
    db: &impl ConnectionTrait,
    default: bool,
) -> Result<bool, ServiceError> {
    match setting::Entity::find_by_id(REQUIRE_FOR_STAFF.to_owned())
        .one(db)
        .await?
    {
        None => Ok(default),
        Some(s) => match s.value.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(ServiceError::invariant(format!(
                "setting {REQUIRE_FOR_STAFF} holds {other:?}, not true or false"
            ))),
        },
    }
}

/// Whether `user` must set up two-factor sign-in before doing anything else.
pub async fn setup_missing(
    db: &impl ConnectionTrait,
    default: bool,
    user: &user::Model,
) -> Result<bool, ServiceError> {
    if !user.role.is_staff() || user.totp_enabled_at.is_some() {
        return Ok(false);
    }
    if !required_for_staff(db, default).await? {
        return Ok(false);
    }
    // A passkey is a second factor too.
    Ok(passkey_count(db, user.id).await? == 0)
}

/// How many passkeys `user_id` has.
pub async fn passkey_count(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, ServiceError> {
    Ok(passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .count(db)
        .await?)
}

/// How recent a second-factor sign-in must be to add another factor.
pub const RECENT_MINUTES: i64 = 15;

/// Adding a factor to an account that has one needs proof of the one it has
/// (a sign-in with it in the last `RECENT_MINUTES`), not only the password:
/// a stolen session and password must not be enough to add the thief's own.
pub fn require_recent_second_factor(actor: &Actor, has_factor: bool) -> Result<(), AppError> {
    let recent = Utc::now() - chrono::Duration::minutes(RECENT_MINUTES);
    if has_factor && actor.second_factor_at.is_none_or(|t| t < recent) {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_second_factor_not_recent(RECENT_MINUTES),
        });
    }
    Ok(())
}
