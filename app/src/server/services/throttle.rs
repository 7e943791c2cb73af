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

/// Starts a sign-in attempt: records it against the account and the client
/// address *before* the (slow) password check, then refuses if either now has
/// more than its limit within the window. Recording first means attempts sent in
/// parallel all count against each other. A successful attempt is `forget`-ten.
pub async fn begin_attempt(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    account: &str,
    client: &str,
) -> Result<Vec<Uuid>, ServiceError> {
    let now = Utc::now();
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lt(now - settings.throttle_window))
        .exec(db)
        .await?;
    let mut ids = Vec::new();
    for key in [account, client] {
        let id = Uuid::now_v7();
        sign_in_failure::ActiveModel {
            id: Set(id),
            throttle_key: Set(key.to_owned()),
            failed_at: Set(now),
        }
        .insert(db)
        .await?;
        ids.push(id);
    }
    let since = now - settings.throttle_window;
    for (key, limit) in [
        (account, settings.max_failures_per_account),
        (client, settings.max_failures_per_client),
    ] {
        let attempts = sign_in_failure::Entity::find()
            .filter(sign_in_failure::Column::ThrottleKey.eq(key))
            .filter(sign_in_failure::Column::FailedAt.gt(since))
            .count(db)
            .await?;
        if attempts > limit {
            forget(db, &ids).await?;
            let minutes = settings.throttle_window.as_secs().div_ceil(60) as u32;
            return Err(AppError::RateLimited {
                retry_after_minutes: minutes,
            }
            .into());
        }
    }
    Ok(ids)
}

/// Removes the records of an attempt that succeeded.
pub async fn forget(db: &impl sea_orm::ConnectionTrait, ids: &[Uuid]) -> Result<(), ServiceError> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::Id.is_in(ids.to_vec()))
        .exec(db)
        .await?;
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

/// Counts one more event (e.g. a sign-up) against `key` and refuses once more
/// than `limit` happened within the window. Unlike sign-in attempts, these are
/// never forgotten early.
pub async fn count_event(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    key: &str,
    limit: u64,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    sign_in_failure::ActiveModel {
        id: Set(Uuid::now_v7()),
        throttle_key: Set(key.to_owned()),
        failed_at: Set(now),
    }
    .insert(db)
    .await?;
    let events = sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::ThrottleKey.eq(key))
        .filter(sign_in_failure::Column::FailedAt.gt(now - settings.throttle_window))
        .count(db)
        .await?;
    if events > limit {
        let minutes = settings.throttle_window.as_secs().div_ceil(60) as u32;
        return Err(AppError::RateLimited {
            retry_after_minutes: minutes,
        }
        .into());
    }
    Ok(())
}
