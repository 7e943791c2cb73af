//! Single-use links mailed to an account's own address: a password reset, the
//! confirmation of a sign-up address. The link carries a random 256-bit
//! token; only its SHA-256 is stored, so a leaked database holds no usable
//! link. A newer link of the same kind replaces the older one.
use crate::server::{entities::account_token, ServiceError};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait};
use sha2::{Digest, Sha256};

/// What a link lets its holder do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    PasswordReset,
    ConfirmEmail,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::PasswordReset => "password_reset",
            Purpose::ConfirmEmail => "confirm_email",
        }
    }
}

/// The token of a link, as mailed. Never stored, never logged.
pub struct LinkToken(String);

impl LinkToken {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkToken([redacted])")
    }
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of a link token (64 hex digits).
pub fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit())
}

/// A random token, in hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Issues a link for `user_id`, valid until `expires_at`; any earlier link of
/// the same purpose stops working.
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: Purpose,
    expires_at: DateTime<Utc>,
) -> Result<LinkToken, ServiceError> {
    forget(db, user_id, purpose).await?;
    let token = random_token();
    account_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().to_owned()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
    }
    .insert(db)
    .await?;
    Ok(LinkToken(token))
}

/// Why a link could not be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// Unknown, used, replaced by a newer one, or malformed.
    Invalid,
    Expired,
}

/// Whose a link is, without using it (to do slow checks before the
/// transaction that `redeem`s it).
pub async fn peek(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Result<Uuid, LinkProblem>, ServiceError> {
    Ok(find(db, token, purpose)
        .await?
        .and_then(|row| check_expiry(row, now).map(|row| row.user_id)))
}

async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
) -> Result<Result<account_token::Model, LinkProblem>, ServiceError> {
    let token = token.trim();
    if !well_formed(token) {
        return Ok(Err(LinkProblem::Invalid));
    }
    Ok(account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(hash_token(token)))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .one(db)
        .await?
        .ok_or(LinkProblem::Invalid))
}

fn check_expiry(
    row: account_token::Model,
    now: DateTime<Utc>,
) -> Result<account_token::Model, LinkProblem> {
    if row.expires_at < now {
        Err(LinkProblem::Expired)
    } else {
        Ok(row)
    }
}

/// Uses a link: returns whose it is and deletes it, so it works once. Call it
/// inside the transaction that does what the link allows.
pub async fn redeem(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Result<Uuid, LinkProblem>, ServiceError> {
    let row = match find(db, token, purpose).await? {
        Ok(row) => row,
        Err(problem) => return Ok(Err(problem)),
    };
    // Deleted by id and counted: of two uses at once, only one deletes it.
    let deleted = account_token::Entity::delete_by_id(row.id)
        .exec(db)
        .await?
        .rows_affected;
    if deleted != 1 {
        return Ok(Err(LinkProblem::Invalid));
    }
    Ok(check_expiry(row, now).map(|row| row.user_id))
}

/// Cancels every link of `purpose` for `user_id`.
pub async fn forget(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: Purpose,
) -> Result<(), ServiceError> {
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(user_id))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .exec(db)
        .await?;
    Ok(())
}
