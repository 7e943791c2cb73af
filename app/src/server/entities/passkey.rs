use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A registered passkey or security key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "passkeys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// base64url of the authenticator's credential id.
    #[sea_orm(unique)]
    pub credential_id: String,
    /// The webauthn-rs `Passkey` as JSON, sealed under the user's data key (`passkeys.credential`).
    pub credential: Vec<u8>,
    /// The name the person gave it, sealed (`passkeys.name`).
    pub name: Vec<u8>,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `passkeys.credential`: The public key credential (JSON).
pub const CREDENTIAL: SealedColumn = SealedColumn::new("passkeys", "credential");
/// Sealed column `passkeys.name`: The name its owner gave it.
pub const NAME: SealedColumn = SealedColumn::new("passkeys", "name");
