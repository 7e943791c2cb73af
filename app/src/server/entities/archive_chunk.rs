use sea_orm::entity::prelude::*;

/// One piece of a finished archive in the shared archive store: its bytes as
/// written to disk, already encrypted under the subject's key (the clear
/// content never reaches the database).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "archive_chunks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub export_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i32,
    pub data: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
