//! `custodian transfer --to DATABASE_URL [--keys-to URL]`: moves everything
//! to another database (SQLite → PostgreSQL, PostgreSQL → PostgreSQL, or
//! back) while the source keeps serving.
//!
//! 1. The destination is migrated, must hold no data, and is emptied of the
//!    rows migrations put there.
//! 2. **Copy**: every table, page by page, while the portal goes on; each
//!    row's fingerprint (a hash of every column's value) is kept.
//! 3. **Catch-up**: writes to the source pause (SQLite: its write lock;
//!    PostgreSQL: `LOCK TABLE … IN EXCLUSIVE MODE`, readers go on); every
//!    table is read again and only rows whose fingerprint changed, new rows
//!    and removed rows are written. Row counts are compared under the same
//!    lock; then writes resume. The pause is measured and printed.
//! 4. **Verify** the destination: the audit chain, every data key unwraps
//!    with the configured master keys, and a sample of sealed values opens.
//!    Only then does it report success. The source is never written.
use crate::{
    config::Settings,
    db,
    error::{Context as _, StartError},
};
use ::app::server::{
    audit,
    entities::{self, *},
    AppState, Vault,
};
use futures_util::{future::BoxFuture, TryStreamExt};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, Iterable, ModelTrait, PaginatorTrait, PrimaryKeyToColumn, QueryFilter,
    QuerySelect, TransactionTrait,
};
use sha2::{Digest, Sha256};
use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

/// Rows per page read and per insert (well under both databases' parameter limits).
const BATCH: u64 = 200;

/// Every table of the main database, in an order that never matters (there
/// are no foreign keys); a test checks that the list covers the schema.
pub const MAIN_TABLES: [&str; 30] = [
    "users",
    "sessions",
    "sign_in_failures",
    "tickets",
    "messages",
    "audit_events",
    "audit_head",
    "custom_fields",
    "custom_field_values",
    "field_permissions",
    "privacy_requests",
    "privacy_request_events",
    "outbound_mail",
    "data_exports",
    "legal_holds",
    "erasure_jobs",
    "erasure_steps",
    "settings",
    "blind_index",
    "blind_index_backfill",
    "account_tokens",
    "recovery_codes",
    "passkeys",
    "webauthn_challenges",
    "roles",
    "role_field_permissions",
    "teams",
    "team_members",
    "scheduled_tasks",
    "archive_chunks",
];
/// Every table of the key store.
pub const KEY_TABLES: [&str; 2] = ["subject_keys", "erasure_ledger"];

/// Calls `$run::<Entity>($args…)` for every table of a database, in the order
/// of the lists above.
macro_rules! each_main_table {
    ($run:ident($($arg:expr),*)) => {{
        $run::<user::Entity>($($arg),*).await?;
        $run::<session::Entity>($($arg),*).await?;
        $run::<sign_in_failure::Entity>($($arg),*).await?;
        $run::<ticket::Entity>($($arg),*).await?;
        $run::<message::Entity>($($arg),*).await?;
        $run::<audit_event::Entity>($($arg),*).await?;
        $run::<audit_head::Entity>($($arg),*).await?;
        $run::<custom_field::Entity>($($arg),*).await?;
        $run::<custom_field_value::Entity>($($arg),*).await?;
        $run::<field_permission::Entity>($($arg),*).await?;
        $run::<privacy_request::Entity>($($arg),*).await?;
        $run::<privacy_request_event::Entity>($($arg),*).await?;
        $run::<outbound_mail::Entity>($($arg),*).await?;
        $run::<data_export::Entity>($($arg),*).await?;
        $run::<legal_hold::Entity>($($arg),*).await?;
        $run::<erasure_job::Entity>($($arg),*).await?;
        $run::<erasure_step::Entity>($($arg),*).await?;
        $run::<setting::Entity>($($arg),*).await?;
        $run::<entities::blind_index::Entity>($($arg),*).await?;
        $run::<blind_index_backfill::Entity>($($arg),*).await?;
        $run::<account_token::Entity>($($arg),*).await?;
        $run::<recovery_code::Entity>($($arg),*).await?;
        $run::<passkey::Entity>($($arg),*).await?;
        $run::<webauthn_challenge::Entity>($($arg),*).await?;
        $run::<role::Entity>($($arg),*).await?;
        $run::<role_field_permission::Entity>($($arg),*).await?;
        $run::<team::Entity>($($arg),*).await?;
        $run::<team_member::Entity>($($arg),*).await?;
        $run::<scheduled_task::Entity>($($arg),*).await?;
        $run::<archive_chunk::Entity>($($arg),*).await?;
    }};
}
macro_rules! each_key_table {
    ($run:ident($($arg:expr),*)) => {{
        $run::<subject_key::Entity>($($arg),*).await?;
        $run::<erasure_ledger::Entity>($($arg),*).await?;
    }};
}

/// 16 bytes of SHA-256: a row's key, or its fingerprint.
pub type Digest16 = [u8; 16];
/// A table's rows by key, with their fingerprints at the copy.
type Fingerprints = HashMap<String, HashMap<Digest16, Digest16>>;

/// Hashes what `Debug` writes, without building the text.
struct HashWriter(Sha256);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl HashWriter {
    fn new() -> Self {
        HashWriter(Sha256::new())
    }

    fn add(&mut self, value: &sea_orm::Value) {
        use std::fmt::Write as _;
        let _ = write!(self, "{value:?}\u{0}");
    }

    fn finish(self) -> Digest16 {
        let digest = self.0.finalize();
        let mut out = [0u8; 16];
        out.copy_from_slice(&digest[..16]);
        out
    }
}

/// What a transfer did, for the command's last lines and the tests.
#[derive(Debug, Default)]
pub struct TransferReport {
    pub rows_copied: u64,
    /// Rows written or removed during the catch-up.
    pub caught_up: u64,
    /// How long writes to the source waited.
    pub pause: Duration,
    /// Row counts per table, equal on both sides.
    pub tables: Vec<(String, u64)>,
    pub audit_events: u64,
    pub keys_checked: u64,
    pub values_opened: u64,
}

/// Points where a test can act on a running transfer: after the copy (a
/// write then must reach the destination through the catch-up), and before
/// the verification (a damaged destination must be refused).
#[derive(Default)]
pub struct Hooks<'a> {
    pub after_copy: Option<Box<dyn FnOnce() -> BoxFuture<'a, ()> + Send + 'a>>,
    pub before_verify: Option<Box<dyn FnOnce() -> BoxFuture<'a, ()> + Send + 'a>>,
}

/// One side of the move: the main database, and the key store if it moves too.
struct Side<'a> {
    main: &'a DatabaseConnection,
    keys: Option<&'a DatabaseConnection>,
}

/// Moves the configured databases' contents to `to` (and the key store's to
/// `keys_to`). The source is only read, and locked against writes for the catch-up.
pub async fn transfer(
    settings: &Settings,
    state: &AppState,
    to: &str,
    keys_to: Option<&str>,
    hooks: Hooks<'_>,
) -> Result<TransferReport, StartError> {
    if same_database(to, &settings.database_url())
        || keys_to.is_some_and(|k| same_database(k, &settings.keystore_url()))
    {
        return Err(StartError::config(
            "the destination is the database the portal uses now: give another one",
        ));
    }
    let dst_main = db::connect_and_migrate(to).await?;
    let dst_keys = match keys_to {
        Some(url) => Some(db::connect_keystore(url).await?),
        None => None,
    };
    refuse_unless_empty(&dst_main, dst_keys.as_ref()).await?;
    let dst = Side {
        main: &dst_main,
        keys: dst_keys.as_ref(),
    };
    // Rows the migrations wrote (the audit head, the default team) make way for the source's.
    each_main_table!(clear(dst.main));
    if let Some(keys) = dst.keys {
        each_key_table!(clear(keys));
    }

    let mut report = TransferReport::default();
    let total = count_all(&state.db, dst.keys.map(|_| state.vault.keystore())).await?;
    let bar = progress(total, "copying");
    let mut prints: Fingerprints = HashMap::new();
    each_main_table!(copy(&state.db, dst.main, &bar, &mut prints));
    if let Some(keys) = dst.keys {
        each_key_table!(copy(state.vault.keystore(), keys, &bar, &mut prints));
    }
    bar.finish_and_clear();
    report.rows_copied = bar.position();
    println!(
        "Copied {} rows while the portal kept serving.",
        report.rows_copied
    );
    if let Some(hook) = hooks.after_copy {
        hook().await;
    }

    // The catch-up: writes to the source wait until it is done.
    let first = catch_up_paused(state, &dst, total, &mut prints, None).await?;
    println!(
        "Writes paused for {} ms while {} changed rows were caught up; row counts match in all {} tables.",
        first.pause.as_millis(),
        first.changed,
        first.tables.len()
    );
    if let Some(hook) = hooks.before_verify {
        hook().await;
    }
    // A failure here leaves the source as it was: serving, unmarked.
    verify(settings, state, &dst, &mut report).await?;
    println!(
        "Verified the destination: the audit chain ({} events), {} data keys unwrap, {} sealed values open.",
        report.audit_events, report.keys_checked, report.values_opened
    );
    // What was written during the verification, and the marker that turns
    // the source's servers away from changes, under one more short pause.
    let marker = format!(
        "{} at {}",
        crate::config::redact_url(to),
        chrono::Utc::now().to_rfc3339()
    );
    let last = catch_up_paused(state, &dst, total, &mut prints, Some(&marker)).await?;
    report.pause = first.pause.max(last.pause);
    report.caught_up = first.changed + last.changed;
    report.tables = last.tables;
    println!(
        "Writes paused again for {} ms for the last {} changed rows; the old database now refuses changes \
         (its servers answer 503 \"moving\" until they are switched over).",
        last.pause.as_millis(),
        last.changed
    );
    Ok(report)
}

/// One paused catch-up.
struct CatchUp {
    pause: Duration,
    changed: u64,
    tables: Vec<(String, u64)>,
}

/// Locks the source against writes, writes what changed since the copy (or
/// the last catch-up) and compares row counts; with `marker`, records in the
/// source that its data moved (committed with the lock's release), else
/// changes nothing there.
async fn catch_up_paused(
    state: &AppState,
    dst: &Side<'_>,
    total: u64,
    prints: &mut Fingerprints,
    marker: Option<&str>,
) -> Result<CatchUp, StartError> {
    let started = Instant::now();
    let main_lock = lock_writes(&state.db, &MAIN_TABLES).await?;
    let keys_lock = match dst.keys {
        Some(_) => Some(lock_writes(state.vault.keystore(), &KEY_TABLES).await?),
        None => None,
    };
    let bar = progress(total, "catching up");
    let mut changed = 0;
    each_main_table!(catch_up(&main_lock, dst.main, &bar, prints, &mut changed));
    if let (Some(lock), Some(keys)) = (&keys_lock, dst.keys) {
        each_key_table!(catch_up(lock, keys, &bar, prints, &mut changed));
    }
    let mut tables = Vec::new();
    each_main_table!(compare_count(&main_lock, dst.main, &mut tables));
    if let (Some(lock), Some(keys)) = (&keys_lock, dst.keys) {
        each_key_table!(compare_count(lock, keys, &mut tables));
    }
    match marker {
        Some(text) => {
            use sea_orm::ActiveValue::Set;
            setting::ActiveModel {
                key: Set(::app::server::relocation::MOVED_TO.to_owned()),
                value: Set(text.to_owned()),
            }
            .insert(&main_lock)
            .await?;
            main_lock.commit().await?;
        }
        None => main_lock.rollback().await?,
    }
    if let Some(lock) = keys_lock {
        lock.rollback().await?;
    }
    bar.finish_and_clear();
    Ok(CatchUp {
        pause: started.elapsed(),
        changed,
        tables,
    })
}

fn same_database(a: &str, b: &str) -> bool {
    let bare = |u: &str| {
        u.split('?')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned()
    };
    bare(a) == bare(b)
}

async fn refuse_unless_empty(
    main: &DatabaseConnection,
    keys: Option<&DatabaseConnection>,
) -> Result<(), StartError> {
    let users = user::Entity::find().count(main).await?;
    let events = audit_event::Entity::find().count(main).await?;
    if users > 0 || events > 0 {
        return Err(StartError::config(format!(
            "the destination database is not empty ({users} users, {events} audit events): \
             give an empty database, so nothing there is overwritten"
        )));
    }
    if let Some(keys) = keys {
        let n = subject_key::Entity::find().count(keys).await?;
        if n > 0 {
            return Err(StartError::config(format!(
                "the destination key store is not empty ({n} keys): give an empty one"
            )));
        }
    }
    Ok(())
}

fn progress(total: u64, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} rows {wide_msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_owned());
    bar
}

/// A digest of every row of every table of the main database, by table: two
/// equal snapshots mean nothing was written in between (the drills' and the
/// cross-site tests' check that a refused request wrote nothing).
pub async fn snapshot(
    main: &DatabaseConnection,
) -> Result<std::collections::BTreeMap<String, Digest16>, StartError> {
    let mut out = std::collections::BTreeMap::new();
    each_main_table!(digest_into(main, &mut out));
    Ok(out)
}

async fn digest_into<E: EntityTrait>(
    db: &DatabaseConnection,
    into: &mut std::collections::BTreeMap<String, Digest16>,
) -> Result<(), StartError>
where
    E::Model: Sync,
{
    let mut prints = Vec::new();
    let mut rows = E::find().stream(db).await?;
    while let Some(row) = rows.try_next().await? {
        prints.push(identify::<E>(&row).1);
    }
    drop(rows);
    prints.sort_unstable();
    let mut table = Sha256::new();
    for print in prints {
        table.update(print);
    }
    let mut digest = [0u8; 16];
    digest.copy_from_slice(&table.finalize()[..16]);
    into.insert(table_of::<E>(), digest);
    Ok(())
}

async fn count_all(
    main: &DatabaseConnection,
    keys: Option<&DatabaseConnection>,
) -> Result<u64, StartError> {
    let mut counts = Vec::new();
    each_main_table!(count_into(main, &mut counts));
    if let Some(keys) = keys {
        each_key_table!(count_into(keys, &mut counts));
    }
    Ok(counts.iter().map(|(_, n)| n).sum())
}

async fn count_into<E: EntityTrait>(
    db: &impl ConnectionTrait,
    into: &mut Vec<(String, u64)>,
) -> Result<(), StartError>
where
    E::Model: Sync,
{
    into.push((table_of::<E>(), E::find().count(db).await?));
    Ok(())
}

fn table_of<E: EntityTrait>() -> String {
    E::default().table_name().to_owned()
}

/// The row's primary key and a hash of every column's value (the same as the
/// key's when every column is part of the key: such a row never changes).
fn identify<E: EntityTrait>(row: &E::Model) -> (Digest16, Digest16) {
    let mut key = HashWriter::new();
    let mut key_columns = 0;
    for k in E::PrimaryKey::iter() {
        key.add(&row.get(k.into_column()));
        key_columns += 1;
    }
    let key = key.finish();
    if E::Column::iter().count() == key_columns {
        return (key, key);
    }
    let mut print = HashWriter::new();
    for column in E::Column::iter() {
        print.add(&row.get(column));
    }
    (key, print.finish())
}

async fn clear<E: EntityTrait>(db: &DatabaseConnection) -> Result<(), StartError> {
    E::delete_many().exec(db).await?;
    Ok(())
}

async fn insert_rows<E>(db: &impl ConnectionTrait, rows: Vec<E::Model>) -> Result<(), StartError>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
{
    if rows.is_empty() {
        return Ok(());
    }
    E::insert_many(rows.into_iter().map(IntoActiveModel::into_active_model))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

async fn copy<E>(
    src: &DatabaseConnection,
    dst: &DatabaseConnection,
    bar: &indicatif::ProgressBar,
    prints: &mut Fingerprints,
) -> Result<(), StartError>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Sync,
{
    let table = table_of::<E>();
    bar.set_message(table.clone());
    let seen = prints.entry(table).or_default();
    // One streamed query (a snapshot of the table), written in batches.
    let mut rows = E::find().stream(src).await?;
    let mut fresh = Vec::with_capacity(BATCH as usize);
    while let Some(row) = rows.try_next().await? {
        let (key, print) = identify::<E>(&row);
        seen.insert(key, print);
        fresh.push(row);
        if fresh.len() as u64 >= BATCH {
            bar.inc(fresh.len() as u64);
            insert_rows::<E>(dst, std::mem::take(&mut fresh)).await?;
        }
    }
    bar.inc(fresh.len() as u64);
    insert_rows::<E>(dst, fresh).await?;
    Ok(())
}

/// Writes to the destination what changed in the source since the copy.
async fn catch_up<E>(
    src: &sea_orm::DatabaseTransaction,
    dst: &DatabaseConnection,
    bar: &indicatif::ProgressBar,
    prints: &mut Fingerprints,
    changed: &mut u64,
) -> Result<(), StartError>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Sync,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let table = table_of::<E>();
    bar.set_message(table.clone());
    let copied = prints.entry(table).or_default();
    let mut gone: std::collections::HashSet<Digest16> = copied.keys().copied().collect();
    let mut write = Vec::new();
    let mut read = 0u64;
    let mut rows = E::find().stream(src).await?;
    while let Some(row) = rows.try_next().await? {
        read += 1;
        let (key, print) = identify::<E>(&row);
        gone.remove(&key);
        match copied.insert(key, print) {
            Some(before) if before == print => {}
            // New, or changed since the copy (then replaced below).
            Some(_) => write.push((true, row)),
            None => write.push((false, row)),
        }
    }
    drop(rows);
    bar.inc(read);
    *changed += write.len() as u64;
    let mut fresh = Vec::new();
    for (replace, row) in write {
        if replace {
            row.clone().into_active_model().delete(dst).await?;
        }
        fresh.push(row);
        if fresh.len() as u64 >= BATCH {
            insert_rows::<E>(dst, std::mem::take(&mut fresh)).await?;
        }
    }
    insert_rows::<E>(dst, fresh).await?;
    // Rows removed from the source since the copy.
    if !gone.is_empty() {
        let mut rows = E::find().stream(dst).await?;
        let mut stale = Vec::new();
        while let Some(row) = rows.try_next().await? {
            if gone.contains(&identify::<E>(&row).0) {
                stale.push(row);
            }
        }
        drop(rows);
        for key in &gone {
            copied.remove(key);
        }
        for row in stale {
            row.into_active_model().delete(dst).await?;
            *changed += 1;
        }
    }
    Ok(())
}

async fn compare_count<E: EntityTrait>(
    src: &sea_orm::DatabaseTransaction,
    dst: &DatabaseConnection,
    tables: &mut Vec<(String, u64)>,
) -> Result<(), StartError>
where
    E::Model: Sync,
{
    let table = table_of::<E>();
    let (a, b) = (E::find().count(src).await?, E::find().count(dst).await?);
    if a != b {
        return Err(StartError::config(format!(
            "the destination's {table} has {b} rows, the source's {a}: the copy is incomplete; \
             the source is untouched — empty the destination and run the transfer again"
        )));
    }
    tables.push((table, a));
    Ok(())
}

/// A transaction that holds the source's write lock (readers go on).
async fn lock_writes(
    db: &DatabaseConnection,
    tables: &[&str],
) -> Result<sea_orm::DatabaseTransaction, StartError> {
    let txn = db.begin().await?;
    match db.get_database_backend() {
        // A write (of nothing) takes SQLite's one write lock until the rollback.
        DbBackend::Sqlite => {
            let table = tables[0];
            txn.execute_unprepared(&format!("DELETE FROM {table} WHERE 1 = 0"))
                .await
                .context("cannot take the source's write lock")?;
        }
        _ => {
            txn.execute_unprepared(&format!(
                "LOCK TABLE {} IN EXCLUSIVE MODE",
                tables.join(", ")
            ))
            .await
            .context("cannot lock the source's tables against writes")?;
        }
    }
    Ok(txn)
}

/// The destination's audit chain verifies, every data key unwraps, and a
/// sample of sealed values (customers' names) opens with them.
async fn verify(
    settings: &Settings,
    state: &AppState,
    dst: &Side<'_>,
    report: &mut TransferReport,
) -> Result<(), StartError> {
    let untouched = "the source is untouched and still in use; the destination holds a copy that is not to be used";
    let chain = audit::verify(dst.main).await?;
    if !chain.ok {
        return Err(StartError::config(format!(
            "verification failed: the destination's audit chain breaks at event {} ({}); {untouched}",
            chain.first_bad_seq.unwrap_or_default(),
            chain.problem.unwrap_or_default()
        )));
    }
    report.audit_events = chain.events_checked;
    let dst_vault;
    let vault: &Vault = match dst.keys {
        Some(keys) => {
            let ring = db::load_keyring(settings, keys).await?;
            dst_vault = Vault::new(keys.clone(), ring);
            &dst_vault
        }
        None => &state.vault,
    };
    let keys = vault.check_all_keys().await?;
    if let Some(first) = keys.failed.first() {
        return Err(StartError::config(format!(
            "verification failed: {} of {} data keys in the destination do not unwrap (first: {first}); {untouched}",
            keys.failed.len(),
            keys.checked
        )));
    }
    report.keys_checked = keys.checked;
    let sample = user::Entity::find()
        .filter(user::Column::ErasedAt.is_null())
        .limit(50)
        .all(dst.main)
        .await?;
    for u in sample {
        let Some(key) = vault.key(u.id).await? else {
            continue;
        };
        if key.open_string(user::NAME.at(&u.id), &u.name).is_err() {
            return Err(StartError::config(format!(
                "verification failed: the name of user {} does not decrypt in the destination; {untouched}",
                u.id
            )));
        }
        report.values_opened += 1;
    }
    Ok(())
}

/// Whether this server's database has been moved away from (a background
/// worker then waits instead of writing where nobody reads). A failed lookup
/// counts as not moved: the worker's own work reports that database's trouble.
pub async fn moved_away(state: &AppState) -> bool {
    match ::app::server::relocation::moved(&state.db).await {
        Ok(true) => {
            tracing::warn!("the data moved to another database (custodian transfer): this server's workers wait until it is switched over");
            tokio::time::sleep(Duration::from_secs(10)).await;
            true
        }
        _ => false,
    }
}
