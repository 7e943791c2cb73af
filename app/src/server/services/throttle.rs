//! Sign-in rate limiting, kept in the database so several servers share it.
//!
//! Failed attempts count per (account, client) and per client, where a client
//! is an IPv4 address or an IPv6 /64 (one household or server gets one of
//! those, so a /64 is one client). A wrong guess from one network never locks
//! the account for its owner on another: an account guessed at from many
//! networks is *slowed down* — past the per-account limit, one attempt per
//! `slowdown` interval goes through, the others are refused at once (no
//! sleeping: parallel attempts cannot all wait out the same interval).
use crate::{
    error::AppError,
    server::{entities::sign_in_failure, SecuritySettings, ServiceError},
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// The longest interval between attempts on a much-guessed account.
pub const MAX_SLOWDOWN: Duration = Duration::from_secs(10);

/// The client an address belongs to: itself for IPv4, its /64 for IPv6.
pub fn client_group(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map(|v4| v4.to_string())
            .unwrap_or_default(),
        _ => ip.to_owned(),
    }
}

/// Every failure with this address, from any client.
fn account_key(email: &str) -> String {
    format!("account:{email}")
}

/// Failures with this address from this client. Hashed: the key column is
/// short, and the address is in `account` already.
fn pair_key(email: &str, client: &str) -> String {
    let digest = Sha256::digest(format!("{email}\n{}", client_group(client)).as_bytes());
    format!("pair:{}", hex::encode(digest))
}

fn client_key(ip: &str) -> String {
    format!("client:{}", client_group(ip))
}

/// Rows of one attempt, forgotten when it succeeds.
#[derive(Debug)]
pub struct Attempt {
    ids: Vec<Uuid>,
    pair: String,
}

/// An attempt that was refused before any password was checked.
#[derive(Debug)]
pub struct Refused {
    pub retry_after_minutes: u32,
}

impl From<Refused> for ServiceError {
    fn from(refused: Refused) -> Self {
        AppError::RateLimited {
            retry_after_minutes: refused.retry_after_minutes,
        }
        .into()
    }
}

async fn record(
    db: &impl ConnectionTrait,
    key: String,
    account: Option<&str>,
    now: chrono::DateTime<Utc>,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    sign_in_failure::ActiveModel {
        id: Set(id),
        throttle_key: Set(key),
        failed_at: Set(now),
        account: Set(account.map(str::to_owned)),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn count_since(
    db: &impl ConnectionTrait,
    key: &str,
    since: chrono::DateTime<Utc>,
) -> Result<u64, ServiceError> {
    Ok(sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::ThrottleKey.eq(key))
        .filter(sign_in_failure::Column::FailedAt.gt(since))
        .count(db)
        .await?)
}

/// The interval between attempts on an account that has had `failures`
/// failures from all clients together: none up to the per-account limit, then
/// one second more per failure, at most `MAX_SLOWDOWN`.
pub fn slowdown(failures: u64, limit: u64) -> Duration {
    let excess = failures.saturating_sub(limit);
    Duration::from_secs(excess).min(MAX_SLOWDOWN)
}

/// Starts an attempt (a sign-in, a re-authentication, a second-factor code):
/// records it *before* the slow check, so attempts sent in parallel all count
/// against each other, then refuses when this account from this client, or
/// this client overall, is over its limit. A successful attempt is `succeeded`.
/// `known` (the person is signed in, or signs in from a network one of the
/// account's sessions came from) skips the all-clients interval: strangers
/// guessing from many networks cannot lock the owner out with it.
pub async fn begin_attempt(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    email: &str,
    client: &str,
    known: bool,
) -> Result<Result<Attempt, Refused>, ServiceError> {
    let now = Utc::now();
    let since = now - settings.throttle_window;
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lt(since))
        .exec(db)
        .await?;
    let pair = pair_key(email, client);
    let client = client_key(client);
    let account = account_key(email);
    let ids = vec![
        record(db, pair.clone(), Some(email), now).await?,
        record(db, client.clone(), None, now).await?,
        record(db, account.clone(), Some(email), now).await?,
    ];
    let refuse = |seconds: u64| Refused {
        retry_after_minutes: seconds.div_ceil(60).max(1) as u32,
    };
    for (key, limit) in [
        (&pair, settings.max_failures_per_account),
        (&client, settings.max_failures_per_client),
    ] {
        if count_since(db, key, since).await? > limit {
            forget_rows(db, &ids).await?;
            return Ok(Err(refuse(settings.throttle_window.as_secs())));
        }
    }
    // Past the limit from all clients together, at most one attempt per
    // interval: this one (recorded above) and any other inside the interval
    // mean another went first.
    let everywhere = count_since(db, &account, since).await?;
    let interval = slowdown(everywhere, settings.max_failures_per_account);
    if !known && !interval.is_zero() {
        let recent = count_since(db, &account, now - interval).await?;
        if recent > 1 {
            forget_rows(db, &ids).await?;
            return Ok(Err(refuse(interval.as_secs())));
        }
    }
    Ok(Ok(Attempt { ids, pair }))
}

/// Whether this is the first refusal under `key` within the window (it is
/// then recorded): refusals are audited once per window, logged always, so a
/// flood of refused attempts cannot flood the audit log.
pub async fn first_refusal(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    email: &str,
    client: &str,
) -> Result<bool, ServiceError> {
    let now = Utc::now();
    let key = format!("refused:{}", pair_key(email, client));
    if count_since(db, &key, now - settings.throttle_window).await? > 0 {
        return Ok(false);
    }
    record(db, key, Some(email), now).await?;
    Ok(true)
}

async fn forget_rows(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<(), ServiceError> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::Id.is_in(ids.to_vec()))
        .exec(db)
        .await?;
    Ok(())
}

/// The attempt stopped before its check could fail (the password was right,
/// a second factor is still to come): its own rows go, earlier failures stay.
pub async fn release(db: &impl ConnectionTrait, attempt: &Attempt) -> Result<(), ServiceError> {
    forget_rows(db, &attempt.ids).await
}

/// The attempt succeeded: it does not count, and this client's earlier
/// failures with the account are forgiven. Failures from other clients stay.
pub async fn succeeded(db: &impl ConnectionTrait, attempt: &Attempt) -> Result<(), ServiceError> {
    forget_rows(db, &attempt.ids).await?;
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::ThrottleKey.eq(attempt.pair.clone()))
        .exec(db)
        .await?;
    Ok(())
}

/// Every row that names `email`, for erasure: the address is personal data.
pub fn rows_about(email: &str) -> sea_orm::Condition {
    sea_orm::Condition::all().add(sign_in_failure::Column::Account.eq(email))
}

/// Counts one more event (a sign-up, a reset link, an email change) against
/// `key` and refuses once more than `limit` happened within the window. Unlike
/// sign-in attempts, these are never forgotten early. `account` names the
/// address the event is about, if any, so erasure finds the row.
pub async fn count_event(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    key: &str,
    account: Option<&str>,
    limit: u64,
) -> Result<(), ServiceError> {
    if over_limit(db, settings, key, account, limit).await? {
        let minutes = settings.throttle_window.as_secs().div_ceil(60) as u32;
        return Err(AppError::RateLimited {
            retry_after_minutes: minutes,
        }
        .into());
    }
    Ok(())
}

/// `count_event`, answering whether the limit is passed instead of refusing.
pub async fn over_limit(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    key: &str,
    account: Option<&str>,
    limit: u64,
) -> Result<bool, ServiceError> {
    let now = Utc::now();
    record(db, key.to_owned(), account, now).await?;
    Ok(count_since(db, key, now - settings.throttle_window).await? > limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slowdown_starts_past_the_limit_and_is_capped() {
        assert_eq!(slowdown(5, 5), Duration::ZERO);
        assert_eq!(slowdown(6, 5), Duration::from_secs(1));
        assert_eq!(slowdown(9, 5), Duration::from_secs(4));
        assert_eq!(slowdown(500, 5), MAX_SLOWDOWN);
    }

    #[test]
    fn an_ipv6_64_is_one_client() {
        assert_eq!(client_group("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client_group("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::/64");
        assert_eq!(client_group("203.0.113.5"), "203.0.113.5");
        assert_eq!(client_group("::ffff:203.0.113.5"), "203.0.113.5");
        assert_eq!(
            pair_key("a@b.c", "2001:db8::1"),
            pair_key("a@b.c", "2001:db8::2")
        );
    }

    #[test]
    fn pair_keys_differ_per_client_and_hide_the_address() {
        let a = pair_key("ada@example.org", "10.0.0.1");
        let b = pair_key("ada@example.org", "10.0.0.2");
        assert_ne!(a, b);
        assert!(!a.contains("ada"));
        assert!(a.len() <= 300);
    }
}
