use crate::model::Sharing;
use sea_orm::entity::prelude::*;

/// A staff role an admin defined: a named set of permissions and a sharing rule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    /// The permissions' stored names, comma-separated (`Permissions::to_stored`).
    pub permissions: String,
    pub sharing: Sharing,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
