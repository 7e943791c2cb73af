use sea_orm::entity::prelude::*;

/// A subject's data key, wrapped by a master key. Lives in the key store database.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subject_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_id: Uuid,
    pub dek_id: Uuid,
    pub master_key_id: String,
    pub wrapped_key: Vec<u8>,
    pub created_at: DateTimeUtc,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubjectKey")
            .field("subject_id", &self.subject_id)
            .field("master_key_id", &self.master_key_id)
            .field("wrapped_key", &"[redacted]")
            .finish()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
