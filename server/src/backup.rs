//! `custodian backup` and `custodian restore`: consistent online copies of the
//! main database and, in its own file, of the key store, with a manifest; old
//! copies expire (the key store's after three months, which is what makes an
//! erasure reach backups: the erased subject's key is in no copy left). A
//! restore brings both back, re-applies every erasure recorded since
//! (`erasure::reconcile`, from the ledger of the key store being replaced),
//! and verifies the audit chain and every data key before it reports success.
use crate::{
    config::Settings,
    db,
    error::{Context as _, StartError},
};
use ::app::{
    model::AuditAction,
    server::{
        audit::{self, Change, Event},
        services::{erasure, retention},
        AppState,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The folder name every backup starts with; expiry looks at these only.
const PREFIX: &str = "custodian-backup-";
const MANIFEST: &str = "manifest.json";

/// What a backup holds, written beside its files.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub taken_at: DateTime<Utc>,
    /// The audit chain's head when the copy began: the copy holds at least this event.
    pub chain_head_seq: i64,
    pub chain_head_hash: String,
    /// The newest migration applied to each database.
    pub schema_version: String,
    pub keystore_schema_version: String,
    /// Erasures in the key store's ledger when the copy began.
    pub ledger_entries: u64,
    pub main: Option<FileEntry>,
    pub keys: Option<FileEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileEntry {
    pub file: String,
    /// "sqlite" (a database file) or "postgres" (a `pg_dump` archive).
    pub backend: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Which backend a URL names.
fn backend_of(url: &str) -> &'static str {
    if url.starts_with("sqlite:") {
        "sqlite"
    } else {
        "postgres"
    }
}

/// Takes a backup into a new folder under `to`, then expires old ones there.
pub async fn backup(settings: &Settings, state: &AppState, to: &Path) -> Result<(), StartError> {
    let taken_at = Utc::now();
    let dir = to.join(format!("{PREFIX}{}", taken_at.format("%Y%m%dT%H%M%S%.3fZ")));
    std::fs::create_dir_all(&dir).context(format!("cannot create {}", dir.display()))?;
    let head = audit::head(&state.db).await?;
    let ledger_entries = state.vault.ledger().await?.len() as u64;
    let main_url = settings.database_url();
    let keys_url = settings.keystore_url();
    println!("Copying the main database…");
    let main = copy_out(&state.db, &main_url, &dir, "main").await?;
    println!("Copying the key store…");
    let keys = copy_out(state.vault.keystore(), &keys_url, &dir, "keys").await?;
    let manifest = Manifest {
        format: 1,
        taken_at,
        chain_head_seq: head.0,
        chain_head_hash: head.1,
        schema_version: schema_version(&state.db).await?,
        keystore_schema_version: schema_version(state.vault.keystore()).await?,
        ledger_entries,
        main: Some(main),
        keys: Some(keys),
    };
    write_manifest(&dir, &manifest)?;
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::BackupTaken, "backup", folder_name(&dir))
        .setting(Change::set(
            "chain_head",
            manifest.chain_head_seq.to_string(),
        ))
        .setting(Change::set("schema", manifest.schema_version.clone()));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    println!(
        "Backup written to {} (audit chain head {} at event {}).",
        dir.display(),
        manifest.chain_head_hash,
        manifest.chain_head_seq
    );
    let expired = expire(state, to, Utc::now()).await?;
    if expired.main_files + expired.key_files > 0 {
        println!(
            "Expired {} main database and {} key store copies older than {} and {} days.",
            expired.main_files, expired.key_files, expired.main_days, expired.keys_days
        );
    }
    Ok(())
}

/// What `expire` removed.
#[derive(Debug, Default)]
pub struct Expired {
    pub main_files: u64,
    pub key_files: u64,
    pub folders_removed: u64,
    pub main_days: u32,
    pub keys_days: u32,
}

/// Deletes the copies under `to` older than the configured ages (the key
/// store's: at most three months), and a folder once nothing is left in it;
/// audited when anything went.
pub async fn expire(
    state: &AppState,
    to: &Path,
    now: DateTime<Utc>,
) -> Result<Expired, StartError> {
    let ages = retention::backup_ages(&state.db).await?;
    let mut expired = Expired {
        main_days: ages.main_days,
        keys_days: ages.keys_days,
        ..Expired::default()
    };
    let entries = std::fs::read_dir(to).context(format!("cannot read {}", to.display()))?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        let is_backup = entry.file_name().to_string_lossy().starts_with(PREFIX);
        if !is_backup || !dir.join(MANIFEST).is_file() {
            continue;
        }
        let mut manifest = read_manifest(&dir)?;
        let age = now - manifest.taken_at;
        let mut changed = false;
        if age > chrono::Duration::days(ages.main_days.into()) {
            if let Some(main) = manifest.main.take() {
                remove_file(&dir.join(&main.file))?;
                expired.main_files += 1;
                changed = true;
            }
        }
        if age > chrono::Duration::days(ages.keys_days.into()) {
            if let Some(keys) = manifest.keys.take() {
                remove_file(&dir.join(&keys.file))?;
                expired.key_files += 1;
                changed = true;
            }
        }
        if manifest.main.is_none() && manifest.keys.is_none() {
            std::fs::remove_dir_all(&dir).context(format!("cannot remove {}", dir.display()))?;
            expired.folders_removed += 1;
        } else if changed {
            write_manifest(&dir, &manifest)?;
        }
        if changed {
            names.push(folder_name(&dir));
        }
    }
    if !names.is_empty() {
        let txn = audit::begin(&state.db).await?;
        let event = Event::new(AuditAction::BackupsExpired, "backup", "expired")
            .setting(Change::set("main_copies", expired.main_files.to_string()))
            .setting(Change::set(
                "key_store_copies",
                expired.key_files.to_string(),
            ))
            .setting(Change::set("backups", names.join(" ")));
        audit::append(&txn, event, None).await?;
        txn.commit().await?;
    }
    Ok(expired)
}

/// Restores the backup in `from` over the configured databases. The portal
/// must be stopped. The ledger of the key store being replaced is carried
/// over, so erasures made after the backup are applied again.
pub async fn restore(settings: &Settings, from: &Path) -> Result<AppState, StartError> {
    let manifest = read_manifest(from)?;
    let Some(main) = &manifest.main else {
        return Err(StartError::config(format!(
            "the main database copy of {} has expired; nothing to restore",
            from.display()
        )));
    };
    let main_url = settings.database_url();
    let keys_url = settings.keystore_url();
    check_file(from, main, &main_url)?;
    if let Some(keys) = &manifest.keys {
        check_file(from, keys, &keys_url)?;
    }
    // The erasures recorded until now, before the key store is replaced.
    let ledger = match db::connect_keystore(&keys_url).await {
        Ok(keystore) => {
            use sea_orm::EntityTrait as _;
            let rows = ::app::server::entities::erasure_ledger::Entity::find()
                .all(&keystore)
                .await;
            keystore.close().await.ok();
            rows?
        }
        Err(e) => {
            println!(
                "The current key store cannot be read ({}): erasures recorded after the backup cannot be carried over.",
                e.chain()
            );
            Vec::new()
        }
    };
    println!("Restoring the main database from {}…", main.file);
    copy_in(&from.join(&main.file), &main_url).await?;
    match &manifest.keys {
        Some(keys) => {
            println!("Restoring the key store from {}…", keys.file);
            copy_in(&from.join(&keys.file), &keys_url).await?;
        }
        None => println!("The key store copy has expired: the current key store is kept."),
    }
    let (db, vault) = db::open(settings).await?;
    let state = settings.app_state(db, vault);
    for entry in &ledger {
        state
            .vault
            .record_in_ledger(
                state.vault.keystore(),
                entry.job_id,
                entry.subject_id,
                entry.ticket_id,
                entry.erased_at,
            )
            .await?;
    }
    let reconciled = erasure::reconcile(&state).await?;
    let verification = audit::verify(&state.db).await?;
    if !verification.ok {
        return Err(StartError::config(format!(
            "restored, but the audit chain does not verify: event {}: {}",
            verification.first_bad_seq.unwrap_or_default(),
            verification.problem.unwrap_or_default()
        )));
    }
    if !audit::has_event(
        &state.db,
        manifest.chain_head_seq,
        &manifest.chain_head_hash,
    )
    .await?
    {
        return Err(StartError::config(format!(
            "restored, but the audit chain lacks event {} with the hash the manifest names",
            manifest.chain_head_seq
        )));
    }
    let keys = state.vault.check_all_keys().await?;
    if !keys.failed.is_empty() {
        return Err(StartError::config(format!(
            "restored, but {} of {} data keys do not unwrap with the configured master keys (first: {})",
            keys.failed.len(),
            keys.checked,
            keys.failed[0]
        )));
    }
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::BackupRestored, "backup", folder_name(from))
        .setting(Change::set("taken_at", manifest.taken_at.to_rfc3339()))
        .setting(Change::set(
            "erasures_reapplied",
            (reconciled.subjects.len() + reconciled.tickets.len()).to_string(),
        ))
        .setting(Change::set(
            "keys_destroyed_again",
            reconciled.keys_destroyed.to_string(),
        ));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    println!(
        "Restored the backup of {}. Audit chain verified ({} events); {} data keys unwrap. \
         Erasures since then applied again: {} customers, {} tickets ({} keys destroyed again); \
         the erasure jobs finish once the portal runs.",
        manifest.taken_at.to_rfc3339(),
        verification.events_checked,
        keys.checked,
        reconciled.subjects.len(),
        reconciled.tickets.len(),
        reconciled.keys_destroyed
    );
    Ok(state)
}

/// A backup's folder name, as the audit event's entity id (at most 64 characters).
fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().chars().take(64).collect())
        .unwrap_or_default()
}

fn remove_file(path: &Path) -> Result<(), StartError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).context(format!("cannot delete {}", path.display()))
        }
        _ => Ok(()),
    }
}

fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), StartError> {
    let path = dir.join(MANIFEST);
    let partial = dir.join(format!("{MANIFEST}.partial"));
    std::fs::write(
        &partial,
        serde_json::to_vec_pretty(manifest).map_err(io_error)?,
    )
    .context(format!("cannot write {}", partial.display()))?;
    std::fs::rename(&partial, &path).context(format!("cannot write {}", path.display()))
}

fn read_manifest(dir: &Path) -> Result<Manifest, StartError> {
    let path = dir.join(MANIFEST);
    let bytes = std::fs::read(&path).context(format!(
        "{} is not a Custodian backup (no readable {MANIFEST})",
        dir.display()
    ))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| StartError::config(format!("{} is damaged: {e}", path.display())))
}

fn io_error(e: impl std::error::Error + Send + Sync + 'static) -> std::io::Error {
    std::io::Error::other(e)
}

/// The backup file is there, whole, and for the configured kind of database.
fn check_file(dir: &Path, entry: &FileEntry, url: &str) -> Result<(), StartError> {
    let path = dir.join(&entry.file);
    if entry.backend != backend_of(url) {
        return Err(StartError::config(format!(
            "{} is a {} copy but the configured database is {}: use `custodian transfer` to move between kinds",
            path.display(),
            entry.backend,
            backend_of(url)
        )));
    }
    let sum = sha256_of(&path)?;
    if sum != entry.sha256 {
        return Err(StartError::config(format!(
            "{} does not match its checksum in the manifest (damaged or changed); nothing was restored",
            path.display()
        )));
    }
    Ok(())
}

fn sha256_of(path: &Path) -> Result<String, StartError> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).context(format!("cannot read {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file
            .read(&mut buf)
            .context(format!("cannot read {}", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

/// The name of the newest migration applied to a database.
async fn schema_version(db: &DatabaseConnection) -> Result<String, StartError> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations ORDER BY version DESC LIMIT 1",
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get::<String>("", "version")?,
        None => String::new(),
    })
}

/// A consistent copy of a running database into `dir`: SQLite's `VACUUM INTO`
/// (a snapshot, while writers go on), or `pg_dump` (one transaction's snapshot).
async fn copy_out(
    db: &DatabaseConnection,
    url: &str,
    dir: &Path,
    stem: &str,
) -> Result<FileEntry, StartError> {
    let (file, backend) = match db.get_database_backend() {
        DbBackend::Sqlite => {
            let file = format!("{stem}.sqlite");
            let path = dir.join(&file);
            db.execute_raw(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "VACUUM INTO ?",
                [path.display().to_string().into()],
            ))
            .await
            .context(format!(
                "cannot copy the {stem} database to {}",
                path.display()
            ))?;
            (file, "sqlite")
        }
        _ => {
            let file = format!("{stem}.pgdump");
            let path = dir.join(&file);
            run_pg(
                "pg_dump",
                url,
                &["--format=custom", "--no-owner", "--file"],
                &path,
            )?;
            (file, "postgres")
        }
    };
    let path = dir.join(&file);
    let bytes = std::fs::metadata(&path)
        .context(format!("cannot read {}", path.display()))?
        .len();
    Ok(FileEntry {
        sha256: sha256_of(&path)?,
        file,
        backend: backend.into(),
        bytes,
    })
}

/// Puts a copy back in place of the configured database.
async fn copy_in(source: &Path, url: &str) -> Result<(), StartError> {
    if let Some(rest) = url.strip_prefix("sqlite://") {
        let target = PathBuf::from(rest.split('?').next().unwrap_or_default());
        let staged = target.with_extension("restoring");
        std::fs::copy(source, &staged).context(format!(
            "cannot copy {} to {}",
            source.display(),
            staged.display()
        ))?;
        // The old write-ahead log belongs to the old file: it must not be replayed into the copy.
        for suffix in ["-wal", "-shm"] {
            remove_file(&PathBuf::from(format!("{}{suffix}", target.display())))?;
        }
        std::fs::rename(&staged, &target)
            .context(format!("cannot replace {}", target.display()))?;
        return Ok(());
    }
    // PostgreSQL: the schema is emptied, then the archive is loaded in one transaction.
    let db = sea_orm::Database::connect(url)
        .await
        .context("cannot connect to the database to restore into")?;
    db.execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        .await
        .context("cannot empty the database to restore into")?;
    db.close().await.ok();
    run_pg(
        "pg_restore",
        url,
        &["--no-owner", "--single-transaction", "--exit-on-error"],
        source,
    )
}

/// Runs a PostgreSQL client tool on `url` (its password, if any, passed in
/// the environment, never on the command line) with `file` as its last argument.
fn run_pg(tool: &str, url: &str, args: &[&str], file: &Path) -> Result<(), StartError> {
    let program = pg_tool(tool)?;
    let (url, password) = split_password(url);
    let output = std::process::Command::new(&program)
        .args(args)
        .arg(file)
        .arg("--dbname")
        .arg(&url)
        .envs(password.map(|p| ("PGPASSWORD", p)))
        .output()
        .context(format!("cannot run {}", program.display()))?;
    if !output.status.success() {
        return Err(StartError::config(format!(
            "{tool} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(())
}

/// `pg_dump`/`pg_restore` from PATH, else the newest under /usr/lib/postgresql.
fn pg_tool(tool: &str) -> Result<PathBuf, StartError> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file());
    if let Some(found) = on_path {
        return Ok(found);
    }
    let mut installed: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let path = e.path().join("bin").join(tool);
            path.is_file().then_some((version, path))
        })
        .collect();
    installed.sort();
    installed.pop().map(|(_, p)| p).ok_or_else(|| {
        StartError::config(format!(
            "{tool} is not installed (Debian: apt-get install postgresql-client)"
        ))
    })
}

/// The URL without its password, and the password.
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if let Some((userinfo, host)) = authority.rsplit_once('@') {
        if let Some((user, password)) = userinfo.split_once(':') {
            return (
                format!("{scheme}://{user}@{host}{tail}"),
                Some(percent_decoded(password)),
            );
        }
    }
    (url.to_owned(), None)
}

/// `%40` → `@`: a URL's password is percent-encoded, the environment's is not.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url() {
        assert_eq!(
            split_password("postgres://app:s3cr%40t@db.example:5432/custodian?sslmode=require"),
            (
                "postgres://app@db.example:5432/custodian?sslmode=require".to_owned(),
                Some("s3cr@t".to_owned())
            )
        );
        assert_eq!(
            split_password("postgres://app@localhost/custodian"),
            ("postgres://app@localhost/custodian".to_owned(), None)
        );
    }
}
