use crate::model::Role;
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A person with an account: customer, agent or admin.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    /// Sealed under the user's data key (`users.name`).
    pub name: Vec<u8>,
    /// Sealed under the user's data key (`users.phone`).
    pub phone: Option<Vec<u8>>,
    /// Sealed profile fields (`users.twitter`, `users.language`, `users.time_zone`).
    pub twitter: Option<Vec<u8>>,
    pub language: Option<Vec<u8>>,
    pub time_zone: Option<Vec<u8>>,
    /// Argon2id PHC string; see `server::password`.
    pub password_hash: String,
    pub role: Role,
    /// A custom role (agents only): its permissions and sharing rule replace the built-in agent's.
    pub role_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    /// Set when the customer was erased; the row stays as a tombstone.
    pub erased_at: Option<DateTimeUtc>,
    /// "Erased customer 7f3a9c": what kept records show instead of the person.
    pub pseudonym: Option<String>,
    /// Set while an admin has disabled the account: no sign-in, no sessions.
    pub disabled_at: Option<DateTimeUtc>,
    /// An admin created the account: its owner sets their own password first.
    pub must_change_password: bool,
    /// When the owner proved the address is theirs (sign-up confirmation link).
    pub email_confirmed_at: Option<DateTimeUtc>,
    /// The authenticator app's secret, sealed under the user's data key
    /// (`users.totp_secret`); present but not enabled while enrolment waits for a code.
    pub totp_secret: Option<Vec<u8>>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    /// The last time step whose code was accepted: a code never works twice.
    pub totp_last_step: Option<i64>,
    /// The last sign-in (the account's creation until then): an account unused
    /// for the retention policy's months is closed.
    pub last_active_at: Option<DateTimeUtc>,
    /// When the "your account will be closed" mail went out; a sign-in after it keeps the account.
    pub closure_notice_at: Option<DateTimeUtc>,
    /// Closed by the retention policy: no sign-in; erased at the next cleanup.
    pub closed_at: Option<DateTimeUtc>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("role", &self.role)
            .field("password_hash", &"[redacted]")
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The table, for sealed columns named at run time.
pub const TABLE: &str = "users";
/// Sealed column `users.name`: The person's name.
pub const NAME: SealedColumn = SealedColumn::new("users", "name");
/// Sealed column `users.phone`: Their phone number.
pub const PHONE: SealedColumn = SealedColumn::new("users", "phone");
/// Sealed column `users.totp_secret`: The authenticator app's shared secret.
pub const TOTP_SECRET: SealedColumn = SealedColumn::new("users", "totp_secret");
