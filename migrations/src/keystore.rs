//! The key store: subjects' data keys, wrapped by a master key. It is a separate
//! database from the main one, so a backup of the main database carries no usable keys.
use sea_orm_migration::{prelude::*, schema::*};

/// Migrations of the key store database.
pub struct KeystoreMigrator;

#[async_trait::async_trait]
impl MigratorTrait for KeystoreMigrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(CreateSubjectKeys), Box::new(CreateErasureLedger)]
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

/// The erasure ledger: which subjects (and single tickets) were erased, and
/// when. It lives beside the keys, outside the main database, so a main
/// database restored from an older backup can be brought back in line: every
/// start-up re-applies the erasures it does not show. Nothing personal: ids and times.
struct CreateErasureLedger;

/// Named by hand: the derived name is the module's, which the first migration has.
impl MigrationName for CreateErasureLedger {
    fn name(&self) -> &str {
        "keystore_0002_erasure_ledger"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for CreateErasureLedger {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("erasure_ledger")
                    .if_not_exists()
                    // The erasure job that carried it out.
                    .col(pk_uuid("job_id"))
                    .col(uuid("subject_id"))
                    // Set when the job erased one ticket, not the whole subject.
                    .col(uuid_null("ticket_id"))
                    .col(timestamp_with_time_zone("erased_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_erasure_ledger_erased_at")
                    .table("erasure_ledger")
                    .col("erased_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("erasure_ledger").to_owned())
            .await
    }
}
