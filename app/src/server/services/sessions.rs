//! Server-side sessions. The browser holds a random 256-bit token; the database
//! holds only its SHA-256, so a leaked database cannot be replayed as cookies.
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::{
    entities::{session, user},
    Actor, PreferredLocale, SecuritySettings, ServiceError,
};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, IntoActiveModel, TransactionTrait};
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

/// Where a sign-in came from, as the devices page shows it.
#[derive(Clone, Debug, Default)]
pub struct Device {
    pub user_agent: Option<String>,
    pub client: String,
    /// The sign-in used a second factor (set by the sign-in, not the request).
    pub second_factor: bool,
}

impl Device {
    /// Where the request being served comes from: its User-Agent and client address.
    pub fn of_request() -> Self {
        let user_agent = crate::server::context::user_agent();
        Device::new(user_agent.as_deref(), &crate::server::context::client_ip())
    }

    pub fn new(user_agent: Option<&str>, client: &str) -> Self {
        Device {
            user_agent: user_agent.map(|ua| ua.chars().take(300).collect()),
            client: client.to_owned(),
            second_factor: false,
        }
    }
}

/// The network of an address, never the address itself: an IPv4 /24 or an
/// IPv6 /48 is enough to recognise "my home" or "my office".
pub fn coarse_network(client: &str) -> String {
    match client.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(v4)) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => coarse_network(&v4.to_string()),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
            }
        },
        Err(_) => "unknown".to_owned(),
    }
}

/// "Firefox 128" and "Linux" from a User-Agent.
pub fn describe_agent(user_agent: Option<&str>) -> (String, String) {
    let parsed = user_agent.and_then(|ua| woothee::parser::Parser::new().parse(ua));
    match parsed {
        Some(r) if r.name != "UNKNOWN" => {
            let major = r.version.split('.').next().unwrap_or_default();
            let browser = if major.is_empty() || major == "UNKNOWN" {
                r.name.to_owned()
            } else {
                format!("{} {major}", r.name)
            };
            let system = if r.os == "UNKNOWN" {
                crate::server::context::tr()
                    .server_device_unknown_system()
                    .to_owned()
            } else {
                r.os.to_owned()
            };
            (browser, system)
        }
        _ => {
            let tr = crate::server::context::tr();
            (
                tr.server_device_unknown_browser().to_owned(),
                tr.server_device_unknown_system().to_owned(),
            )
        }
    }
}

/// Starts a session for `user_id`.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    device: &Device,
) -> Result<SessionToken, ServiceError> {
    let token = SessionToken::generate();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(token.hash()),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        user_agent: Set(device.user_agent.clone()),
        client: Set(Some(coarse_network(&device.client))),
        second_factor_at: Set(device.second_factor.then_some(now)),
        language: Set(None),
        time_zone: Set(None),
        replaced_at: Set(None),
        replaced_by: Set(None),
    }
    .insert(db)
    .await?;
    mark_active(db, user_id, now).await?;
    Ok(token)
}

/// How long a session token replaced by re-authentication still works: the
/// requests a browser sent before the new cookie arrived finish, nothing more.
pub const REPLACED_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// What a renewal gave the browser.
#[derive(Debug)]
pub enum Renewal {
    /// A new token, to send as the cookie.
    New(SessionToken),
    /// The token was replaced already by a renewal that raced this one (two
    /// tabs asked at once): the browser has, or is getting, that token, whose
    /// hash this is. No cookie is sent and no other session is made.
    Already(String),
}

impl Renewal {
    /// The hash of the session's token after the renewal.
    pub fn token_hash(&self) -> String {
        match self {
            Renewal::New(token) => token.hash(),
            Renewal::Already(hash) => hash.clone(),
        }
    }
}

/// Gives the session `token_hash` a new token (after re-authentication): a
/// new row with everything the session had (its start, second factor,
/// language), and the old one marked replaced by it. The caller sends the
/// cookie. A token replaced already is not renewed twice (see `Renewal`).
pub async fn renew(db: &DatabaseConnection, token_hash: &str) -> Result<Renewal, ServiceError> {
    let now = Utc::now();
    let token = SessionToken::generate();
    let txn = db.begin().await?;
    // Written first: on SQLite the transaction then holds the write lock
    // before it reads (a read-then-write transaction fails as "locked" when
    // another writer comes in between). Only a live row is replaced.
    let marked = session::Entity::update_many()
        .col_expr(session::Column::ReplacedAt, Expr::value(now))
        .col_expr(session::Column::ReplacedBy, Expr::value(token.hash()))
        .filter(session::Column::TokenHash.eq(token_hash))
        .filter(session::Column::ReplacedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected == 0 {
        // Replaced already (or gone): the session it became, if it lives.
        return match live_successor(&txn, token_hash).await? {
            Some(live) => Ok(Renewal::Already(live.token_hash)),
            None => Err(AppError::NotSignedIn.into()),
        };
    }
    let old = session::Entity::find_by_id(token_hash.to_owned())
        .one(&txn)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    session::ActiveModel {
        token_hash: Set(token.hash()),
        last_seen_at: Set(now),
        replaced_at: Set(None),
        replaced_by: Set(None),
        ..old.into_active_model()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Renewal::New(token))
}

/// The live session that `token_hash` became through renewals (itself when
/// never replaced); `None` when the session, or the one that replaced it, is gone.
pub async fn live_successor(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<session::Model>, ServiceError> {
    let mut hash = token_hash.to_owned();
    let mut owner = None;
    // A short chain: `sweep` deletes replaced rows a minute after their grace
    // period. The bound only guards against a cycle in damaged data.
    for _ in 0..16 {
        let Some(row) = session::Entity::find_by_id(hash).one(db).await? else {
            return Ok(None);
        };
        // Every link is the same person's session.
        if *owner.get_or_insert(row.user_id) != row.user_id {
            return Ok(None);
        }
        match (row.replaced_at, &row.replaced_by) {
            (None, _) => return Ok(Some(row)),
            (Some(_), Some(next)) => hash = next.clone(),
            // Replaced before successors were recorded.
            (Some(_), None) => return Ok(None),
        }
    }
    Ok(None)
}

/// The account is in use: the retention policy's inactivity clock starts
/// again, and a closure notice already sent no longer applies.
async fn mark_active(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    user::Entity::update_many()
        .col_expr(user::Column::LastActiveAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
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
    // Disabling ends every session at once; this is the second lock on that door.
    if user.disabled_at.is_some() {
        end_all_of(db, user.id, None).await?;
        return Ok(None);
    }
    if Cutoffs::at(settings, now).ended(&session) {
        // This token only: the session it became lives on.
        forget(db, &token_hash).await?;
        return Ok(None);
    }
    let idle = now.signed_duration_since(session.last_seen_at);
    // Touch at most once a minute: idle tracking without a write per request.
    if idle > chrono::Duration::seconds(60) && session.replaced_at.is_none() {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::TokenHash.eq(token_hash.clone()))
            .exec(db)
            .await?;
        // At most daily: enough for a policy counted in months.
        let stale = user
            .last_active_at
            .is_none_or(|at| now - at > chrono::Duration::hours(24));
        if stale {
            mark_active(db, user.id, now).await?;
        }
    }
    // A token in its grace period acts for the session that replaced it: a
    // request the browser sent with it keeps, ends or renews that session.
    let token_hash = if session.replaced_at.is_some() {
        match live_successor(db, &token_hash).await? {
            Some(live) => live.token_hash,
            None => return Ok(None),
        }
    } else {
        token_hash
    };
    let role = user.role;
    let grant = super::roles::grant_of(db, &user).await?;
    let needs_two_factor_setup =
        super::second_factors::setup_missing(db, settings.two_factor_staff_default, &user).await?;
    Ok(Some(Actor {
        user_id: user.id,
        role,
        email: user.email,
        session_token_hash: token_hash,
        client: "unknown".to_owned(),
        needs_two_factor_setup,
        email_confirmed: user.email_confirmed_at.is_some(),
        second_factor_at: session.second_factor_at,
        locale: PreferredLocale {
            language: session.language.as_deref().and_then(Lang::parse),
            time_zone: session.time_zone,
        },
        grant,
    }))
}

/// Copies a person's language and time zone onto every session of theirs
/// (at sign-in, and when the profile changes them), so pages render in them.
pub async fn set_locale(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    language: Option<Lang>,
    time_zone: Option<&str>,
) -> Result<(), ServiceError> {
    session::Entity::update_many()
        .col_expr(
            session::Column::Language,
            Expr::value(language.map(Lang::code)),
        )
        .col_expr(
            session::Column::TimeZone,
            Expr::value(time_zone.map(str::to_owned)),
        )
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends one browser's session (sign-out, a device ended): the session the
/// token became if it was renewed since (a devices page loaded before, a
/// sign-out racing a renewal), and every token it replaced.
pub async fn end(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), ServiceError> {
    match live_successor(db, token_hash).await? {
        Some(live) => forget(db, &live.token_hash).await,
        None => forget(db, token_hash).await,
    }
}

/// Deletes one token's row and the older tokens it replaced, not the session
/// it became (an old token found expired).
async fn forget(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), ServiceError> {
    session::Entity::delete_by_id(token_hash.to_owned())
        .exec(db)
        .await?;
    end_predecessors(db, token_hash).await
}

/// The tokens that `token_hash` replaced, still answering in their grace
/// period, end with it: signing out or ending a device right after
/// re-authentication leaves no older token of that browser working.
async fn end_predecessors(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), ServiceError> {
    let mut successors = vec![token_hash.to_owned()];
    // A short chain (see `live_successor`); the bound only guards against a
    // cycle in damaged data.
    for _ in 0..16 {
        let replaced: Vec<String> = session::Entity::find()
            .filter(session::Column::ReplacedBy.is_in(successors.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.token_hash)
            .collect();
        if replaced.is_empty() {
            break;
        }
        session::Entity::delete_many()
            .filter(session::Column::TokenHash.is_in(replaced.clone()))
            .exec(db)
            .await?;
        successors = replaced;
    }
    Ok(())
}

/// The times before which a session no longer works: last seen (the idle
/// timeout), started (the absolute timeout), replaced (the grace period).
/// `resolve` refuses by them and `sweep` deletes by them.
struct Cutoffs {
    seen: DateTime<Utc>,
    started: DateTime<Utc>,
    replaced: DateTime<Utc>,
}

impl Cutoffs {
    fn at(settings: &SecuritySettings, now: DateTime<Utc>) -> Self {
        // A timeout beyond chrono's range never ends a session.
        let before = |timeout: std::time::Duration| {
            chrono::Duration::from_std(timeout)
                .ok()
                .and_then(|d| now.checked_sub_signed(d))
                .unwrap_or(DateTime::<Utc>::MIN_UTC)
        };
        Cutoffs {
            seen: before(settings.session_idle_timeout),
            started: before(settings.session_absolute_timeout),
            replaced: before(REPLACED_GRACE),
        }
    }

    fn ended(&self, s: &session::Model) -> bool {
        s.last_seen_at < self.seen
            || s.created_at < self.started
            || s.replaced_at.is_some_and(|at| at < self.replaced)
    }
}

/// Deletes what no request may use any more: sessions idle or older than
/// their timeouts, and tokens replaced longer ago than their grace period
/// (each server, every minute; `resolve` refuses them already).
pub async fn sweep(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    let cut = Cutoffs::at(settings, now);
    let swept = session::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(session::Column::LastSeenAt.lt(cut.seen))
                .add(session::Column::CreatedAt.lt(cut.started))
                .add(session::Column::ReplacedAt.lt(cut.replaced)),
        )
        .exec(db)
        .await?;
    Ok(swept.rows_affected)
}

/// Ends every session of `user_id` but `keep` (a password change keeps the
/// browser that made it); with `keep` = `None`, every one. Returns how many ended.
pub async fn end_all_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Option<&str>,
) -> Result<u64, ServiceError> {
    // The browser to keep holds the session its token became, if another tab
    // renewed it since this request was resolved.
    let keep = match keep {
        Some(k) => Some(
            live_successor(db, k)
                .await?
                .map_or_else(|| k.to_owned(), |live| live.token_hash),
        ),
        None => None,
    };
    let keep = keep.as_deref();
    // Tokens already replaced go too, but are not counted: their browsers
    // have the new token, which is one of the sessions counted.
    let mut replaced = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ReplacedAt.is_not_null());
    if let Some(keep) = keep {
        replaced = replaced.filter(session::Column::TokenHash.ne(keep));
    }
    replaced.exec(db).await?;
    let mut delete = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        delete = delete.filter(session::Column::TokenHash.ne(keep));
    }
    Ok(delete.exec(db).await?.rows_affected)
}

/// The actor's own signed-in browsers, most recently active first.
pub async fn devices(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<crate::model::DeviceView>, ServiceError> {
    use sea_orm::QueryOrder;
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(actor.user_id))
        // A token replaced by re-authentication is the same browser: not listed.
        .filter(
            sea_orm::Condition::any()
                .add(session::Column::ReplacedAt.is_null())
                .add(session::Column::TokenHash.eq(actor.session_token_hash.clone())),
        )
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let (browser, system) = describe_agent(s.user_agent.as_deref());
            crate::model::DeviceView {
                current: s.token_hash == actor.session_token_hash,
                id: s.token_hash,
                started_at: s.created_at,
                last_active_at: s.last_seen_at,
                browser,
                system,
                // No address, or none the request told (see `coarse_network`).
                network: match s.client.as_deref() {
                    None | Some("unknown") => crate::server::context::tr()
                        .server_device_unknown_network()
                        .to_owned(),
                    Some(_) => s.client.unwrap_or_default(),
                },
            }
        })
        .collect())
}

/// Whether the account with `email` has a live session from the network
/// `client` is on (its owner's usual place, as far as the portal knows).
pub async fn known_network(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    email: &str,
    client: &str,
) -> Result<bool, ServiceError> {
    let Some(user) = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user.id))
        .filter(session::Column::Client.eq(coarse_network(client)))
        .filter(session::Column::LastSeenAt.gt(Utc::now() - settings.session_idle_timeout))
        .count(db)
        .await?
        > 0)
}
