//! The key store: subjects' data keys, wrapped by a master key. It is a separate
//! database from the main one, so a backup of the main database carries no usable keys.
use sea_orm_migration::{prelude::*, schema::*};

/// Migrations of the key store database.
pub struct KeystoreMigrator;

#[async_trait::async_trait]
impl MigratorTrait for KeystoreMigrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(CreateSubjectKeys)]
    }
}

#[derive(DeriveMigrationName)]
struct CreateSubjectKeys;

#[async_trait::async_trait]
impl MigrationTrait for CreateSubjectKeys {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("subject_keys")
                    .if_not_exists()
                    .col(pk_uuid("subject_id"))
                    .col(uuid("dek_id"))
                    .col(string_len("master_key_id", 40))
                    .col(blob("wrapped_key"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_subject_keys_master")
                    .table("subject_keys")
                    .col("master_key_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("subject_keys").to_owned())
            .await
    }
}
