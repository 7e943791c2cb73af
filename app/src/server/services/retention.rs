//! Retention: how long what is kept. For now the ages of backups, which
//! `custodian backup` expires (the key store's copies after at most three
//! months: an erased subject's key then survives in no copy).
use crate::server::{entities::setting, ServiceError};
use sea_orm::{prelude::*, ConnectionTrait};

/// Setting: days a main database backup is kept.
pub const BACKUP_MAIN_DAYS: &str = "backup.main_days";
/// Setting: days a key store backup is kept (at most `KEYS_DAYS_MAX`).
pub const BACKUP_KEYS_DAYS: &str = "backup.keys_days";
/// Three months: the promise that erased data leaves backups by then.
pub const KEYS_DAYS_MAX: u32 = 90;
const MAIN_DAYS_DEFAULT: u32 = 180;

/// How long backups are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupAges {
    pub main_days: u32,
    pub keys_days: u32,
}

/// The configured ages; a stored value that is no number of days is refused, not guessed.
pub async fn backup_ages(db: &impl ConnectionTrait) -> Result<BackupAges, ServiceError> {
    let main_days = days(db, BACKUP_MAIN_DAYS)
        .await?
        .unwrap_or(MAIN_DAYS_DEFAULT);
    let keys_days = days(db, BACKUP_KEYS_DAYS)
        .await?
        .unwrap_or(KEYS_DAYS_MAX)
        .min(KEYS_DAYS_MAX);
    Ok(BackupAges {
        main_days,
        keys_days,
    })
}

async fn days(db: &impl ConnectionTrait, key: &str) -> Result<Option<u32>, ServiceError> {
    let Some(row) = setting::Entity::find_by_id(key.to_owned()).one(db).await? else {
        return Ok(None);
    };
    row.value
        .parse::<u32>()
        .ok()
        .filter(|d| *d >= 1)
        .map(Some)
        .ok_or_else(|| {
            ServiceError::invariant(format!(
                "setting {key} holds {:?}, not a number of days",
                row.value
            ))
        })
}
