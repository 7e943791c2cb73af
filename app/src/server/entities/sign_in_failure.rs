use sea_orm::entity::prelude::*;

/// One failed sign-in, counted per account and per client address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_failures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub throttle_key: String,
    pub failed_at: DateTimeUtc,
    /// The address the attempt named, so erasure removes every row about it.
    pub account: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
