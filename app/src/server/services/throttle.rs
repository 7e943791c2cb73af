//! Sign-in rate limiting, kept in the database so several servers share it.
use crate::{
    error::AppError,
    server::{entities::sign_in_failure, SecuritySettings, ServiceError},
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set};

pub fn account_key(email: &str) -> String {
    format!("account:{email}")
}

pub fn client_key(ip: &str) -> String {
    format!("client:{ip}")
}

/// Refuses when either the account or the client address has too many recent failures.
pub async fn check(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    account: &str,
    client: &str,
) -> Result<(), ServiceError> {
    let since = Utc::now() - settings.throttle_window;
    for (key, limit) in [
        (account, settings.max_failures_per_account),
        (client, settings.max_failures_per_client),
    ] {
        let failures = sign_in_failure::Entity::find()
            .filter(sign_in_failure::Column::ThrottleKey.eq(key))
            .filter(sign_in_failure::Column::FailedAt.gt(since))
            .count(db)
            .await?;
        if failures >= limit {
            let minutes = settings.throttle_window.as_secs().div_ceil(60) as u32;
            return Err(AppError::RateLimited {
                retry_after_minutes: minutes,
            }
            .into());
        }
    }
    Ok(())
}

/// Records a failure against both keys and prunes entries older than the window.
pub async fn record_failure(
    db: &impl sea_orm::ConnectionTrait,
    settings: &SecuritySettings,
    account: &str,
    client: &str,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lt(now - settings.throttle_window))
        .exec(db)
        .await?;
    for key in [account, client] {
        sign_in_failure::ActiveModel {
            id: Set(Uuid::now_v7()),
            throttle_key: Set(key.to_owned()),
            failed_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Forgets an account's failures after a successful sign-in.
pub async fn clear(db: &impl sea_orm::ConnectionTrait, account: &str) -> Result<(), ServiceError> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::ThrottleKey.eq(account))
        .exec(db)
        .await?;
    Ok(())
}
