//! Schema migrations, embedded in the server binary and run at start-up.
pub use sea_orm_migration::prelude::*;

mod keystore;
mod m0001_foundation;
mod m0002_audit;
mod m0003_rectification;
mod m0004_exports;
mod m0005_erasure;
mod m0006_audit_redaction;
mod m0007_blind_index;
mod m0008_list_indexes;
mod m0009_accounts;
mod m0010_two_factor;
mod m0011_passkeys;
mod m0012_confirmed_before_links;
mod m0013_session_locale;
mod m0014_roles_teams;
mod m0015_retention;
mod m0016_archive_chunks;
mod m0017_session_rotation;
mod m0018_session_successor;

pub use keystore::KeystoreMigrator;

/// Every migration of the portal, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_audit::Migration),
            Box::new(m0003_rectification::Migration),
            Box::new(m0004_exports::Migration),
            Box::new(m0005_erasure::Migration),
            Box::new(m0006_audit_redaction::Migration),
            Box::new(m0007_blind_index::Migration),
            Box::new(m0008_list_indexes::Migration),
            Box::new(m0009_accounts::Migration),
            Box::new(m0010_two_factor::Migration),
            Box::new(m0011_passkeys::Migration),
            Box::new(m0012_confirmed_before_links::Migration),
            Box::new(m0013_session_locale::Migration),
            Box::new(m0014_roles_teams::Migration),
            Box::new(m0015_retention::Migration),
            Box::new(m0016_archive_chunks::Migration),
            Box::new(m0017_session_rotation::Migration),
            Box::new(m0018_session_successor::Migration),
        ]
    }
}
