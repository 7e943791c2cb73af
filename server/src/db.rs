//! Connecting to the database and bringing its schema up to date.
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};
use std::time::Duration;

/// Connects (creating the SQLite file and its folder if needed) and runs pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, String> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or_default();
        if let Some(dir) = std::path::Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create the data folder {}: {e}", dir.display()))?;
        }
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(16)
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer commits.
        db.execute_unprepared("PRAGMA journal_mode=WAL;")
            .await
            .map_err(|e| format!("cannot enable WAL mode: {e}"))?;
    }
    Migrator::up(&db, None)
        .await
        .map_err(|e| format!("database migration failed: {e}"))?;
    Ok(db)
}
