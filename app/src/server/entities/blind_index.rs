use sea_orm::entity::prelude::*;

/// One keyed token found in a message or a ticket's subject line. The token is
/// a truncated HMAC under the index key: it tells equal tokens apart, never text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "blind_index")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token: Vec<u8>,
    /// The message, or the ticket for its subject line.
    #[sea_orm(primary_key, auto_increment = false)]
    pub source_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
