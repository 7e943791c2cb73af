use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// One custom field's value on a contact or ticket.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "custom_field_values")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub field_id: Uuid,
    /// The user (contact fields) or ticket (ticket fields).
    pub entity_id: Uuid,
    /// Whose personal data it is.
    pub subject_id: Uuid,
    /// JSON list of strings, for fields that are not encrypted.
    pub value_plain: Option<String>,
    /// The same JSON sealed under the subject's key, for encrypted fields.
    pub value_sealed: Option<Vec<u8>>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `custom_field_values.value`: An encrypted custom field's value.
pub const VALUE: SealedColumn = SealedColumn::new("custom_field_values", "value");
