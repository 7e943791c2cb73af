//! Making deleted data physically go away, per database backend.
use super::ServiceError;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

/// After deleting or overwriting personal data: on SQLite (where every
/// connection runs with `secure_delete`, so freed content is already zeroed)
/// the write-ahead log, which still holds old page images, is checkpointed and
/// truncated; on PostgreSQL the tables are rewritten (`VACUUM FULL`), so dead
/// row versions leave the table files. Table names are fixed by the caller.
pub async fn compact(db: &DatabaseConnection, tables: &[&str]) -> Result<(), ServiceError> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            // A reader in the middle of a transaction keeps the log from being
            // truncated; try a few times, then fail (the caller retries later).
            for attempt in 0..20 {
                let row = db
                    .query_one_raw(Statement::from_string(
                        DbBackend::Sqlite,
                        "PRAGMA wal_checkpoint(TRUNCATE);",
                    ))
                    .await?;
                let busy: i32 = match row {
                    Some(r) => r.try_get_by_index(0)?,
                    None => 0,
                };
                if busy == 0 {
                    return Ok(());
                }
                tokio::time::sleep(std::time::Duration::from_millis(50 * (attempt + 1))).await;
            }
            return Err(ServiceError::invariant(
                "the write-ahead log could not be truncated: the database stayed busy",
            ));
        }
        DbBackend::Postgres => {
            // VACUUM FULL keeps every row version an open transaction of this
            // database could still see. Wait until none (nor a connection still
            // starting, which has no database yet) is older than now: the
            // deletions this compacts have committed before. Callers must not
            // hold a transaction of their own on this database while waiting.
            let horizon: String = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x",
                ))
                .await?
                .map(|r| r.try_get::<String>("", "x"))
                .transpose()?
                .unwrap_or_default();
            if horizon.chars().all(|c| c.is_ascii_digit()) && !horizon.is_empty() {
                let older = format!(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() \
                     AND (datid IS NULL OR datname = current_database()) \
                     AND ((backend_xmin IS NOT NULL AND age(backend_xmin) > age('{horizon}'::xid)) \
                       OR (backend_xid IS NOT NULL AND age(backend_xid) > age('{horizon}'::xid)))"
                );
                let mut clear = false;
                for _ in 0..240 {
                    let n: i64 = db
                        .query_one_raw(Statement::from_string(DbBackend::Postgres, &older))
                        .await?
                        .map(|r| r.try_get::<i64>("", "n"))
                        .transpose()?
                        .unwrap_or(0);
                    if n == 0 {
                        clear = true;
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                }
                if !clear {
                    return Err(ServiceError::invariant(
                        "a long-running transaction keeps old row versions alive; compaction will be retried",
                    ));
                }
            }
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
