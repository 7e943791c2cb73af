use sea_orm::entity::prelude::*;

/// A WebAuthn ceremony between its start and its finish: the server-side
/// state webauthn-rs needs (the challenge and the allowed credentials).
/// Single use; minutes long.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webauthn_challenges")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Whose ceremony it is; `None` for a sign-in with an address that has no passkey.
    pub user_id: Option<Uuid>,
    pub purpose: String,
    pub state: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
