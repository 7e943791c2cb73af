use crate::fields::Access;
use sea_orm::entity::prelude::*;

/// What a custom role may do with one field (absent: as the built-in agent role).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_field_permissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub role_id: Uuid,
    /// A standard field's name, or `custom:<uuid>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub field: String,
    pub access: Access,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
