use crate::fields::{FieldScope, FieldType};
use sea_orm::entity::prelude::*;

/// An admin-defined field on contacts or tickets.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "custom_fields")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scope: FieldScope,
    pub key: String,
    pub label: String,
    pub help_text: String,
    pub field_type: FieldType,
    /// JSON list of choices for choice fields.
    pub options: String,
    pub required: bool,
    /// Values sealed under the subject's key; such a field cannot be filtered or sorted on.
    pub encrypted: bool,
    pub position: i32,
    /// Archived fields keep their stored values but are no longer shown or asked for.
    pub archived: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
