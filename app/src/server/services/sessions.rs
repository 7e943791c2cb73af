//! Server-side sessions. The browser holds a random 256-bit token; the database
//! holds only its SHA-256, so a leaked database cannot be replayed as cookies.
use crate::server::{
    entities::{session, user},
    Actor, SecuritySettings, ServiceError,
};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait};
use sha2::{Digest, Sha256};

/// The cookie's value. Never logged, never serialised.
pub struct SessionToken(String);

impl SessionToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        SessionToken(hex::encode(bytes))
    }

    pub fn from_cookie(value: &str) -> Self {
        SessionToken(value.to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken([redacted])")
    }
}

/// Name of the session cookie.
pub const COOKIE_NAME: &str = "custodian_session";

/// The `Set-Cookie` value that stores `token`.
pub fn cookie(token: &SessionToken, settings: &SecuritySettings) -> String {
    let secure = if settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{COOKIE_NAME}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        token.expose(),
        settings.session_absolute_timeout.as_secs()
    )
}

/// The `Set-Cookie` value that clears the session cookie.
pub fn clearing_cookie(settings: &SecuritySettings) -> String {
    let secure = if settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// Starts a session for `user_id`.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<SessionToken, ServiceError> {
    let token = SessionToken::generate();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(token.hash()),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Finds the actor behind a cookie token. Expired sessions are deleted and yield `None`.
pub async fn resolve(
    db: &DatabaseConnection,
    token: &SessionToken,
    settings: &SecuritySettings,
    now: DateTime<Utc>,
) -> Result<Option<Actor>, ServiceError> {
    let token_hash = token.hash();
    let Some(session) = session::Entity::find_by_id(token_hash.clone())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(user) = user::Entity::find_by_id(session.user_id).one(db).await? else {
        return Ok(None);
    };
    let idle = now.signed_duration_since(session.last_seen_at);
    let age = now.signed_duration_since(session.created_at);
    let expired = idle.to_std().unwrap_or_default() > settings.session_idle_timeout
        || age.to_std().unwrap_or_default() > settings.session_absolute_timeout;
    if expired {
        end(db, &token_hash).await?;
        return Ok(None);
    }
    // Touch at most once a minute: idle tracking without a write per request.
    if idle > chrono::Duration::seconds(60) {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::TokenHash.eq(token_hash.clone()))
            .exec(db)
            .await?;
    }
    let role = user.role;
    Ok(Some(Actor {
        user_id: user.id,
        role,
        email: user.email,
        session_token_hash: token_hash,
    }))
}

/// Ends one session (sign-out, rotation).
pub async fn end(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), ServiceError> {
    session::Entity::delete_by_id(token_hash.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
