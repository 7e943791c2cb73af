use sea_orm::entity::prelude::*;

/// A signed-in browser. Only the SHA-256 of the cookie token is stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: Uuid,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
    /// The browser's User-Agent at sign-in (cut to 300 characters), for the devices page.
    pub user_agent: Option<String>,
    /// The coarse client address at sign-in (an IPv4 /24 or IPv6 /48), never the full one.
    pub client: Option<String>,
    /// When this session's sign-in used a second factor (app code, recovery code, passkey).
    pub second_factor_at: Option<DateTimeUtc>,
    /// Copies of the profile's language and time zone (see `profile::copy_locale`).
    pub language: Option<String>,
    pub time_zone: Option<String>,
    /// When re-authentication gave this browser a new token: the row then
    /// works for `sessions::REPLACED_GRACE` only, and is listed nowhere.
    pub replaced_at: Option<DateTimeUtc>,
    /// The hash of the token that replaced this one.
    pub replaced_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
