//! Opening the databases and the keys, and checking they belong together.
use crate::config::Settings;
use crate::error::{Context as _, StartError};
use ::app::server::{crypto::Keyring, entities::user, Vault};
use migrations::{KeystoreMigrator, Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait,
};
use std::time::Duration;

async fn connect(url: &str, what: &str) -> Result<DatabaseConnection, StartError> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or_default();
        if let Some(dir) = std::path::Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .context(format!("cannot create the data folder {}", dir.display()))?;
        }
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(16)
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        // Deleted and overwritten content is zeroed on disk, so an erased
        // customer's email (and a destroyed data key) leave no bytes behind.
        .map_sqlx_sqlite_opts(|o| {
            o.pragma("secure_delete", "on")
                // A writer waits this long for the lock (`custodian transfer`'s
                // catch-up holds it for seconds) instead of failing after five.
                .busy_timeout(Duration::from_secs(30))
        });
    let db = Database::connect(options)
        .await
        .context(format!("cannot connect to the {what}"))?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer commits.
        db.execute_unprepared("PRAGMA journal_mode=WAL;")
            .await
            .context(format!("cannot enable WAL mode on the {what}"))?;
    }
    Ok(db)
}

/// Connects to the main database and runs pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, StartError> {
    let db = connect(url, "database").await?;
    Migrator::up(&db, None)
        .await
        .context("database migration failed")?;
    Ok(db)
}

/// Connects to the key store and runs its migrations.
pub async fn connect_keystore(url: &str) -> Result<DatabaseConnection, StartError> {
    let db = connect(url, "key store").await?;
    KeystoreMigrator::up(&db, None)
        .await
        .context("key store migration failed")?;
    Ok(db)
}

/// Loads the master keys as configured. On first run (no key configured, no key
/// file, empty key store) a key file is generated; a missing key for a key store
/// that already holds data keys is an error, never a fresh key.
pub async fn load_keyring(
    settings: &Settings,
    keystore: &DatabaseConnection,
) -> Result<Keyring, StartError> {
    if let Some(key) = &settings.master_key {
        return Keyring::from_values(key, &settings.old_master_keys)
            .context("CUSTODIAN_MASTER_KEY");
    }
    if let Some(path) = &settings.master_key_file {
        return Ok(Keyring::open_file(path)?);
    }
    let path = settings.data_dir.join("master.key");
    if !path.exists() {
        let data_keys = ::app::server::entities::subject_key::Entity::find()
            .count(keystore)
            .await
            .context("cannot read the key store")?;
        if data_keys > 0 {
            return Err(StartError::config(format!(
                "no master key: {} is missing but the key store holds {data_keys} data keys. \
                 Restore the key file from your backup, or set CUSTODIAN_MASTER_KEY or CUSTODIAN_MASTER_KEY_FILE.",
                path.display()
            )));
        }
    }
    let (ring, created) = Keyring::open_or_create_file(&path)?;
    if created {
        tracing::warn!(
            path = %path.display(),
            key_id = ring.current().id(),
            "generated a new master key; back this file up separately from the databases — without it no personal data can be read"
        );
    }
    Ok(ring)
}

/// Opens both databases and the keys, and refuses to start when they do not belong together.
pub async fn open(settings: &Settings) -> Result<(DatabaseConnection, Vault), StartError> {
    crate::files::secure_data_dir(&settings.data_dir)?;
    let db = connect_and_migrate(&settings.database_url()).await?;
    let keystore = connect_keystore(&settings.keystore_url()).await?;
    let keyring = load_keyring(settings, &keystore).await?;
    let vault = Vault::new(keystore, keyring);
    let unknown = vault.unknown_master_keys().await?;
    if !unknown.is_empty() {
        return Err(StartError::config(format!(
            "the key store holds data keys wrapped by master key(s) {} which are not configured \
             (wrong CUSTODIAN_MASTER_KEY or key file?). Refusing to start.",
            unknown.join(", ")
        )));
    }
    let status = vault.status().await?;
    let data_keys: u64 = status.keys.iter().map(|k| k.data_keys).sum();
    let users = user::Entity::find()
        .count(&db)
        .await
        .context("cannot read the database")?;
    if users > 0 && data_keys == 0 {
        return Err(StartError::config(format!(
            "the database has {users} users but the key store ({}) holds no data keys: \
             wrong CUSTODIAN_KEYSTORE_URL, or a key store restored from the wrong backup?",
            crate::config::redact_url(&settings.keystore_url())
        )));
    }
    Ok((db, vault))
}
