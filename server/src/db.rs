//! Opening the databases and the keys, and checking they belong together.
use crate::config::Settings;
use ::app::server::{crypto::Keyring, entities::user, Vault};
use migrations::{KeystoreMigrator, Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait,
};
use std::time::Duration;

async fn connect(url: &str, what: &str) -> Result<DatabaseConnection, String> {
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
        .sqlx_logging(false)
        // Deleted and overwritten content is zeroed on disk, so an erased
        // customer's email (and a destroyed data key) leave no bytes behind.
        .map_sqlx_sqlite_opts(|o| o.pragma("secure_delete", "on"));
    let db = Database::connect(options)
        .await
        .map_err(|e| format!("cannot connect to the {what}: {e}"))?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer commits.
        db.execute_unprepared("PRAGMA journal_mode=WAL;")
            .await
            .map_err(|e| format!("cannot enable WAL mode on the {what}: {e}"))?;
    }
    Ok(db)
}

/// Connects to the main database and runs pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, String> {
    let db = connect(url, "database").await?;
    Migrator::up(&db, None)
        .await
        .map_err(|e| format!("database migration failed: {e}"))?;
    Ok(db)
}

/// Connects to the key store and runs its migrations.
pub async fn connect_keystore(url: &str) -> Result<DatabaseConnection, String> {
    let db = connect(url, "key store").await?;
    KeystoreMigrator::up(&db, None)
        .await
        .map_err(|e| format!("key store migration failed: {e}"))?;
    Ok(db)
}

/// Loads the master keys as configured. On first run (no key configured, no key
/// file, empty key store) a key file is generated; a missing key for a key store
/// that already holds data keys is an error, never a fresh key.
pub async fn load_keyring(
    settings: &Settings,
    keystore: &DatabaseConnection,
) -> Result<Keyring, String> {
    if let Some(key) = &settings.master_key {
        return Keyring::from_values(key, &settings.old_master_keys)
            .map_err(|e| format!("CUSTODIAN_MASTER_KEY: {e}"));
    }
    if let Some(path) = &settings.master_key_file {
        return Keyring::open_file(path).map_err(|e| e.to_string());
    }
    let path = settings.data_dir.join("master.key");
    if !path.exists() {
        let data_keys = ::app::server::entities::subject_key::Entity::find()
            .count(keystore)
            .await
            .map_err(|e| format!("cannot read the key store: {e}"))?;
        if data_keys > 0 {
            return Err(format!(
                "no master key: {} is missing but the key store holds {data_keys} data keys. \
                 Restore the key file from your backup, or set CUSTODIAN_MASTER_KEY or CUSTODIAN_MASTER_KEY_FILE.",
                path.display()
            ));
        }
    }
    let (ring, created) = Keyring::open_or_create_file(&path).map_err(|e| e.to_string())?;
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
pub async fn open(settings: &Settings) -> Result<(DatabaseConnection, Vault), String> {
    let db = connect_and_migrate(&settings.database_url()).await?;
    let keystore = connect_keystore(&settings.keystore_url()).await?;
    let keyring = load_keyring(settings, &keystore).await?;
    let vault = Vault::new(keystore, keyring);
    let unknown = vault
        .unknown_master_keys()
        .await
        .map_err(|e| e.to_string())?;
    if !unknown.is_empty() {
        return Err(format!(
            "the key store holds data keys wrapped by master key(s) {} which are not configured \
             (wrong CUSTODIAN_MASTER_KEY or key file?). Refusing to start.",
            unknown.join(", ")
        ));
    }
    let status = vault.status().await.map_err(|e| e.to_string())?;
    let data_keys: u64 = status.keys.iter().map(|k| k.data_keys).sum();
    let users = user::Entity::find()
        .count(&db)
        .await
        .map_err(|e| format!("cannot read the database: {e}"))?;
    if users > 0 && data_keys == 0 {
        return Err(format!(
            "the database has {users} users but the key store ({}) holds no data keys: \
             wrong CUSTODIAN_KEYSTORE_URL, or a key store restored from the wrong backup?",
            redact_url(&settings.keystore_url())
        ));
    }
    Ok((db, vault))
}

/// A database URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://[redacted]@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}
