//! Making deleted data physically go away, per database backend.
use super::ServiceError;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

/// After deleting or overwriting personal data: on SQLite (where every
/// connection runs with `secure_delete`, so freed content is already zeroed)
/// the write-ahead log, which still holds old page images, is checkpointed and
/// truncated; on PostgreSQL the tables are rewritten (`VACUUM FULL`), so dead
/// row versions leave the table files. Table names are fixed by the caller.
pub async fn compact(db: &DatabaseConnection, tables: &[&str]) -> Result<(), ServiceError> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE);")
                .await?;
        }
        DbBackend::Postgres => {
            for table in tables {
                debug_assert!(table.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
                db.execute_unprepared(&format!("VACUUM (FULL) {table};"))
                    .await?;
            }
        }
        _ => {}
    }
    Ok(())
}
