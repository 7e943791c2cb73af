//! The key store: creates, unwraps, rotates and destroys subjects' data keys (destroying one is crypto-shredding: everything sealed under it becomes unreadable).
use super::error::Context as _;
use super::{
    crypto::{CryptoError, DataKey, IndexKey, Keyring, KeyringError, Slot},
    entities::{erasure_ledger, subject_key},
    ServiceError,
};
use crate::model::{KeyStatus, KeyUsage};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use std::{
    collections::{BTreeMap, HashMap},
    sync::RwLock,
};

/// What a page shows in place of a value whose key is gone (crypto-shredded).
pub const ERASED: &str = "[erased]";

/// `ERASED` in the words of the request being served.
pub fn erased() -> String {
    crate::server::context::tr().server_erased().to_owned()
}

/// Subjects' data keys, wrapped by the master keys in the keyring.
pub struct Vault {
    keystore: DatabaseConnection,
    keyring: RwLock<Keyring>,
    index_key: tokio::sync::RwLock<Option<std::sync::Arc<IndexKey>>>,
}

/// The key store row that holds the blind index's key: a reserved id no
/// subject can have (subjects get random v4/v7 ids), so it is wrapped, listed
/// and rotated with the data keys but never destroyed by an erasure.
pub const INDEX_KEY_ROW: Uuid = Uuid::from_u128(0x0000_0000_0000_0000_0000_0000_0000_0001);

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault([redacted])")
    }
}

fn poisoned() -> ServiceError {
    ServiceError::invariant("keyring lock poisoned (a thread panicked while holding it)")
}

impl Vault {
    pub fn new(keystore: DatabaseConnection, keyring: Keyring) -> Self {
        Vault {
            keystore,
            keyring: RwLock::new(keyring),
            index_key: tokio::sync::RwLock::new(None),
        }
    }

    pub fn keystore(&self) -> &DatabaseConnection {
        &self.keystore
    }

    /// Picks up a key file changed by a rotation in another process.
    fn refresh(&self) -> Result<(), ServiceError> {
        let mut ring = self.keyring.write().map_err(|_| poisoned())?;
        ring.reload_if_changed()
            .map(|_| ())
            .context("reloading the master key file")
    }

    fn master(&self, id: Option<&str>) -> Result<Option<super::crypto::MasterKey>, ServiceError> {
        let ring = self.keyring.read().map_err(|_| poisoned())?;
        Ok(match id {
            Some(id) => ring.get(id).cloned(),
            None => Some(ring.current().clone()),
        })
    }

    /// The blind index's key, created on first use; unwrapped once per process
    /// (and again after `forget_index_key`).
    pub async fn index_key(&self) -> Result<std::sync::Arc<IndexKey>, ServiceError> {
        if let Some(key) = self.index_key.read().await.as_ref() {
            return Ok(key.clone());
        }
        let mut slot = self.index_key.write().await;
        if let Some(key) = slot.as_ref() {
            return Ok(key.clone());
        }
        let key = match self.key(INDEX_KEY_ROW).await? {
            Some(key) => key,
            // Two servers starting at once may both try; the loser reads the winner's.
            None => match self.create_key(INDEX_KEY_ROW).await {
                Ok(key) => key,
                Err(first) => self.key(INDEX_KEY_ROW).await?.ok_or(first)?,
            },
        };
        let key = std::sync::Arc::new(IndexKey::from_data_key(&key));
        *slot = Some(key.clone());
        Ok(key)
    }

    /// Drops the unwrapped index key, so the next use reads (or creates) it again.
    pub async fn forget_index_key(&self) {
        *self.index_key.write().await = None;
    }

    /// Whether the key store holds the blind index's key (its row may be lost
    /// when a key store is restored from an older backup).
    pub async fn has_index_key(&self) -> Result<bool, ServiceError> {
        Ok(subject_key::Entity::find_by_id(INDEX_KEY_ROW)
            .one(&self.keystore)
            .await?
            .is_some())
    }

    /// Creates the data key of a new subject.
    pub async fn create_key(&self, subject: Uuid) -> Result<DataKey, ServiceError> {
        self.refresh()?;
        let master = self
            .master(None)?
            .ok_or_else(|| ServiceError::invariant("no current master key"))?;
        let key = DataKey::generate();
        subject_key::ActiveModel {
            subject_id: Set(subject),
            dek_id: Set(key.id()),
            master_key_id: Set(master.id().to_owned()),
            wrapped_key: Set(master.wrap(subject, &key)),
            created_at: Set(Utc::now()),
        }
        .insert(&self.keystore)
        .await?;
        Ok(key)
    }

    /// Creates the data keys of many new subjects in one transaction (seeding).
    pub async fn create_keys(
        &self,
        subjects: &[Uuid],
    ) -> Result<HashMap<Uuid, DataKey>, ServiceError> {
        use sea_orm::TransactionTrait;
        self.refresh()?;
        let master = self
            .master(None)?
            .ok_or_else(|| ServiceError::invariant("no current master key"))?;
        let now = Utc::now();
        let mut keys = HashMap::with_capacity(subjects.len());
        let mut rows = Vec::with_capacity(subjects.len());
        for subject in subjects {
            let key = DataKey::generate();
            rows.push(subject_key::ActiveModel {
                subject_id: Set(*subject),
                dek_id: Set(key.id()),
                master_key_id: Set(master.id().to_owned()),
                wrapped_key: Set(master.wrap(*subject, &key)),
                created_at: Set(now),
            });
            keys.insert(*subject, key);
        }
        let txn = self.keystore.begin().await?;
        for chunk in rows.chunks(1000) {
            subject_key::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        Ok(keys)
    }

    fn unwrap_row(&self, row: &subject_key::Model) -> Result<DataKey, ServiceError> {
        let master = match self.master(Some(&row.master_key_id))? {
            Some(m) => m,
            None => {
                self.refresh()?;
                self.master(Some(&row.master_key_id))?.ok_or_else(|| {
                    ServiceError::invariant(format!(
                        "data key of subject {} is wrapped by master key {}, which is not configured",
                        row.subject_id, row.master_key_id
                    ))
                })?
            }
        };
        master
            .unwrap(row.subject_id, row.dek_id, &row.wrapped_key)
            .context(format!(
                "data key of subject {} cannot be unwrapped",
                row.subject_id
            ))
    }

    /// The data key of one subject; `None` once it has been destroyed.
    pub async fn key(&self, subject: Uuid) -> Result<Option<DataKey>, ServiceError> {
        match subject_key::Entity::find_by_id(subject)
            .one(&self.keystore)
            .await?
        {
            Some(row) => self.unwrap_row(&row).map(Some),
            None => Ok(None),
        }
    }

    /// The data key of one subject, which must exist.
    pub async fn require_key(&self, subject: Uuid) -> Result<DataKey, ServiceError> {
        self.key(subject)
            .await?
            .ok_or_else(|| ServiceError::invariant(format!("subject {subject} has no data key")))
    }

    /// The data keys of many subjects in one query; destroyed keys are absent.
    pub async fn keys(
        &self,
        subjects: impl IntoIterator<Item = Uuid>,
    ) -> Result<HashMap<Uuid, DataKey>, ServiceError> {
        let mut ids: Vec<Uuid> = subjects.into_iter().collect();
        ids.sort();
        ids.dedup();
        let mut out = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let rows = subject_key::Entity::find()
                .filter(subject_key::Column::SubjectId.is_in(chunk.to_vec()))
                .all(&self.keystore)
                .await?;
            for row in rows {
                out.insert(row.subject_id, self.unwrap_row(&row)?);
            }
        }
        Ok(out)
    }

    /// Destroys a subject's data key (crypto-shredding): everything sealed under
    /// it, wherever a copy lives, is unreadable from now on. Idempotent.
    /// Follow with `compact` (outside any transaction) so the wrapped key also
    /// leaves the files: on SQLite the deleted row is already zeroed (secure_delete).
    pub async fn destroy_key(&self, subject: Uuid) -> Result<bool, ServiceError> {
        if subject == INDEX_KEY_ROW {
            return Err(ServiceError::invariant(
                "the blind index key is not a subject's key",
            ));
        }
        let deleted = subject_key::Entity::delete_by_id(subject)
            .exec(&self.keystore)
            .await?
            .rows_affected;
        Ok(deleted > 0)
    }

    /// Erases a subject: records it in the erasure ledger and destroys their
    /// key, in one key store transaction (the ledger is what brings a main
    /// database restored from an older backup back in line).
    pub async fn erase_subject(
        &self,
        subject: Uuid,
        job: Uuid,
        at: DateTimeUtc,
    ) -> Result<bool, ServiceError> {
        if subject == INDEX_KEY_ROW {
            return Err(ServiceError::invariant(
                "the blind index key is not a subject's key",
            ));
        }
        let txn = sea_orm::TransactionTrait::begin(&self.keystore).await?;
        self.record_in_ledger(&txn, job, subject, None, at).await?;
        let deleted = subject_key::Entity::delete_by_id(subject)
            .exec(&txn)
            .await?
            .rows_affected;
        txn.commit().await?;
        Ok(deleted > 0)
    }

    /// Records an erasure in the ledger (once: a repeated step or a merge
    /// after a restore finds it there).
    pub async fn record_in_ledger(
        &self,
        db: &impl sea_orm::ConnectionTrait,
        job: Uuid,
        subject: Uuid,
        ticket: Option<Uuid>,
        at: DateTimeUtc,
    ) -> Result<(), ServiceError> {
        let row = erasure_ledger::ActiveModel {
            job_id: Set(job),
            subject_id: Set(subject),
            ticket_id: Set(ticket),
            erased_at: Set(at),
        };
        erasure_ledger::Entity::insert(row)
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(erasure_ledger::Column::JobId)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        Ok(())
    }

    /// Every erasure in the ledger, oldest first.
    pub async fn ledger(&self) -> Result<Vec<erasure_ledger::Model>, ServiceError> {
        Ok(erasure_ledger::Entity::find()
            .order_by_asc(erasure_ledger::Column::ErasedAt)
            .order_by_asc(erasure_ledger::Column::JobId)
            .all(&self.keystore)
            .await?)
    }

    /// Unwraps every data key: the ids of those that do not unwrap (a key
    /// store that does not belong to the configured master keys, or a damaged row).
    pub async fn check_all_keys(&self) -> Result<KeyCheck, ServiceError> {
        self.refresh()?;
        let mut check = KeyCheck::default();
        let mut after: Option<Uuid> = None;
        loop {
            let mut query = subject_key::Entity::find()
                .order_by_asc(subject_key::Column::SubjectId)
                .limit(1000);
            if let Some(last) = after {
                query = query.filter(subject_key::Column::SubjectId.gt(last));
            }
            let page = query.all(&self.keystore).await?;
            let Some(last) = page.last() else { break };
            after = Some(last.subject_id);
            for row in &page {
                check.checked += 1;
                if self.unwrap_row(row).is_err() {
                    check.failed.push(row.subject_id);
                }
            }
        }
        Ok(check)
    }

    /// Removes destroyed keys' bytes from the key store's files.
    pub async fn compact(&self) -> Result<(), ServiceError> {
        super::storage::compact(&self.keystore, &["subject_keys"]).await
    }

    /// How many data keys each master key wraps, for the admin page and the CLI.
    pub async fn status(&self) -> Result<KeyStatus, ServiceError> {
        self.refresh()?;
        // The index key is not a person's key: not counted here (see `unknown_master_keys`).
        let rows: Vec<(String, i64)> = subject_key::Entity::find()
            .filter(subject_key::Column::SubjectId.ne(INDEX_KEY_ROW))
            .select_only()
            .column(subject_key::Column::MasterKeyId)
            .column_as(subject_key::Column::SubjectId.count(), "n")
            .group_by(subject_key::Column::MasterKeyId)
            .into_tuple()
            .all(&self.keystore)
            .await?;
        let (current, configured) = {
            let ring = self.keyring.read().map_err(|_| poisoned())?;
            (ring.current().id().to_owned(), ring.ids())
        };
        let mut usage: BTreeMap<String, u64> =
            configured.iter().map(|id| (id.clone(), 0)).collect();
        for (id, n) in rows {
            usage.insert(id, n.max(0) as u64);
        }
        let mut keys: Vec<KeyUsage> = usage
            .into_iter()
            .map(|(key_id, data_keys)| KeyUsage {
                current: key_id == current,
                configured: configured.contains(&key_id),
                key_id,
                data_keys,
            })
            .collect();
        keys.sort_by_key(|k| !k.current);
        Ok(KeyStatus {
            current_key_id: current,
            keys,
        })
    }

    /// Master key ids in use in the key store that the keyring does not have
    /// (the blind index key's included).
    pub async fn unknown_master_keys(&self) -> Result<Vec<String>, ServiceError> {
        let mut unknown: Vec<String> = self
            .status()
            .await?
            .keys
            .into_iter()
            .filter(|k| !k.configured)
            .map(|k| k.key_id)
            .collect();
        if let Some(row) = subject_key::Entity::find_by_id(INDEX_KEY_ROW)
            .one(&self.keystore)
            .await?
        {
            if self.master(Some(&row.master_key_id))?.is_none()
                && !unknown.contains(&row.master_key_id)
            {
                unknown.push(row.master_key_id);
            }
        }
        Ok(unknown)
    }

    /// Re-wraps up to `batch` data keys still wrapped by an older master key.
    /// Returns how many it re-wrapped; zero means rotation is complete.
    /// Each row is updated only if nobody changed it meanwhile, so running it
    /// from several places at once, or again after a crash, is safe.
    pub async fn rotate_batch(&self, batch: u64) -> Result<u64, ServiceError> {
        self.refresh()?;
        let current = self
            .master(None)?
            .ok_or_else(|| ServiceError::invariant("no current master key"))?;
        let rows = subject_key::Entity::find()
            .filter(subject_key::Column::MasterKeyId.ne(current.id()))
            .order_by_asc(subject_key::Column::SubjectId)
            .limit(batch)
            .all(&self.keystore)
            .await?;
        let mut done = 0;
        for row in rows {
            let key = self.unwrap_row(&row)?;
            let result = subject_key::Entity::update_many()
                .col_expr(
                    subject_key::Column::WrappedKey,
                    Expr::value(current.wrap(row.subject_id, &key)),
                )
                .col_expr(subject_key::Column::MasterKeyId, Expr::value(current.id()))
                .filter(subject_key::Column::SubjectId.eq(row.subject_id))
                .filter(subject_key::Column::MasterKeyId.eq(row.master_key_id.clone()))
                .exec(&self.keystore)
                .await?;
            done += result.rows_affected;
        }
        Ok(done)
    }

    /// Starts a rotation: a new current master key in the key file.
    pub fn add_master_key(&self) -> Result<String, KeyringError> {
        let mut ring = self
            .keyring
            .write()
            .map_err(|_| KeyringError::Unsupported("keyring lock poisoned".into()))?;
        ring.add_new_current()
    }

    /// Drops old master keys that no data key uses any more; returns their ids.
    pub async fn prune_unused_master_keys(&self) -> Result<Vec<String>, ServiceError> {
        let status = self.status().await?;
        let index_master = subject_key::Entity::find_by_id(INDEX_KEY_ROW)
            .one(&self.keystore)
            .await?
            .map(|row| row.master_key_id);
        let unused: Vec<String> = status
            .keys
            .iter()
            .filter(|k| !k.current && k.data_keys == 0)
            .filter(|k| index_master.as_deref() != Some(k.key_id.as_str()))
            .map(|k| k.key_id.clone())
            .collect();
        if !unused.is_empty() {
            let mut ring = self.keyring.write().map_err(|_| poisoned())?;
            ring.remove(&unused)
                .context("removing unused master keys from the key file")?;
        }
        Ok(unused)
    }
}

/// Decrypts a text value for display, or `[erased]` when the subject's key is gone.
/// A value that fails authentication is logged and shown as unreadable.
pub fn open_text(
    keys: &HashMap<Uuid, DataKey>,
    subject: Uuid,
    slot: Slot<'_>,
    sealed: &[u8],
) -> String {
    match keys.get(&subject) {
        None => erased(),
        Some(key) => key.open_string(slot, sealed).unwrap_or_else(|e: CryptoError| {
            tracing::error!(table = slot.table, column = slot.column, row = %slot.row, error = %e, "undecryptable value");
            crate::server::context::tr().server_unreadable().to_owned()
        }),
    }
}

/// What `Vault::check_all_keys` found.
#[derive(Debug, Default)]
pub struct KeyCheck {
    pub checked: u64,
    /// Subjects (or jobs) whose key did not unwrap.
    pub failed: Vec<Uuid>,
}
