use crate::{fields::Access, model::Role};
use sea_orm::entity::prelude::*;

/// What a role may do with one field: hidden, read or edit.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "field_permissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub role: Role,
    /// A standard field's name, or `custom:<uuid>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub field: String,
    pub access: Access,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
