use sea_orm::entity::prelude::*;

/// How far indexing of rows written before the blind index existed has come.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "blind_index_backfill")]
pub struct Model {
    /// `messages` or `tickets`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    pub after_id: Option<Uuid>,
    pub done: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
