//! Backups and restores: a backup taken before an erasure, brought back (by
//! `custodian restore`, with or without its key store copy, or by copying the
//! main database file back by hand), does not bring the erased customer back:
//! sign-in stays refused and the erasure runs again. Old copies expire, the
//! key store's after at most three months. On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)]
use crate::common;

use app::{
    model::{AuditAction, JobStatus, Role},
    server::{
        entities::{audit_event, erasure_job, setting, user},
        services::{erasure, retention, tickets},
        AppState,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use server::{backup, config::Settings};
use std::{path::Path, time::Duration};
use uuid::Uuid;

const ADA: &str = "ada.backup@example.org";

fn settings_of(shared: &common::Shared, data_dir: &Path) -> Settings {
    let mut settings = common::settings_for(
        &shared.database_url,
        &shared.keystore_url,
        &shared.master_key,
    );
    settings.data_dir = data_dir.to_path_buf();
    settings
}

async fn drain(state: &AppState) {
    for _ in 0..50 {
        if !server::erasure_worker::work_once(state, Duration::ZERO).await {
            return;
        }
    }
    panic!("erasure jobs did not finish");
}

/// The only backup folder under `dir`.
fn the_backup(dir: &Path) -> std::path::PathBuf {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("manifest.json").is_file())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.pop().unwrap()
}

/// Ada has a ticket; a backup is taken; staff erase her and the job finishes.
/// Returns the state after the erasure, the backup folder and Ada's id.
async fn erased_after_backup(
    shared: &common::Shared,
    settings: &Settings,
    backups: &Path,
) -> (std::path::PathBuf, Uuid) {
    let state = &shared.state;
    let ada = common::customer(state, "Ada Backup", ADA).await;
    tickets::open(state, &ada, "Engine trouble", "the engine hums", &[])
        .await
        .unwrap();
    let agent = common::staff(state, "agent.backup@example.org", Role::Agent).await;
    backup::backup(settings, state, backups).await.unwrap();
    erasure::erase_customer(state, &agent, ada.user_id, "closed by contract")
        .await
        .unwrap();
    drain(state).await;
    assert!(!common::signs_in(state, ADA).await);
    (the_backup(backups), ada.user_id)
}

/// After any restore: Ada cannot sign in, her key is gone, the erasure ran
/// again (audited, verified) and the chain holds.
async fn ada_stays_erased(state: &AppState, ada: Uuid) {
    assert!(
        !common::signs_in(state, ADA).await,
        "an erased customer signed in"
    );
    assert!(state.vault.key(ada).await.unwrap().is_none());
    let reapplied = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::ErasureReapplied.as_str()))
        .filter(audit_event::Column::SubjectId.eq(ada))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(reapplied, 1);
    drain(state).await;
    let jobs = erasure_job::Entity::find()
        .filter(erasure_job::Column::SubjectId.eq(ada))
        .all(&state.db)
        .await
        .unwrap();
    assert!(
        jobs.iter().all(|j| j.status == JobStatus::Completed),
        "{jobs:?}"
    );
    let row = user::Entity::find_by_id(ada)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.email, format!("erased-{}@erased.invalid", ada.simple()));
    assert!(app::server::audit::verify(&state.db).await.unwrap().ok);
    // A second start-up finds nothing more to do.
    let again = erasure::reconcile(state).await.unwrap();
    assert!(!again.changed_anything(), "{again:?}");
}

#[tokio::test]
async fn a_restored_backup_does_not_bring_back_a_customer_erased_since() {
    let shared = common::shared_state().await;
    let data = tempdir("restore");
    let backups = data.join("backups");
    let settings = settings_of(&shared, &data);
    let (folder, ada) = erased_after_backup(&shared, &settings, &backups).await;
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert!(manifest["chain_head_seq"].as_i64().unwrap() > 0);
    assert_eq!(manifest["ledger_entries"], 0);
    assert!(manifest["schema_version"]
        .as_str()
        .unwrap()
        .starts_with('m'));
    shared.state.db.clone().close().await.unwrap();
    shared.state.vault.keystore().clone().close().await.unwrap();

    // The key store copy holds Ada's key: the restore destroys it again.
    let state = backup::restore(&settings, &folder).await.unwrap();
    ada_stays_erased(&state, ada).await;
    let restored = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::BackupRestored.as_str()))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(restored, 1);
}

#[tokio::test]
async fn a_main_database_brought_back_without_its_key_store_is_caught_at_start_up() {
    let shared = common::shared_state().await;
    let data = tempdir("copy-back");
    let backups = data.join("backups");
    let settings = settings_of(&shared, &data);
    let (folder, ada) = erased_after_backup(&shared, &settings, &backups).await;
    shared.state.db.clone().close().await.unwrap();
    shared.state.vault.keystore().clone().close().await.unwrap();
    if let Some(path) = shared.database_url.strip_prefix("sqlite://") {
        // The README's hand route: the file copied back over the stopped portal's.
        let target = path.split('?').next().unwrap();
        for suffix in ["-wal", "-shm"] {
            std::fs::remove_file(format!("{target}{suffix}")).ok();
        }
        std::fs::copy(folder.join("main.sqlite"), target).unwrap();
    } else {
        // PostgreSQL: the main database alone, as when the key store copy has expired.
        let manifest = folder.join("manifest.json");
        let mut m: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
        let keys = m["keys"]["file"].as_str().unwrap().to_owned();
        std::fs::remove_file(folder.join(keys)).unwrap();
        m["keys"] = serde_json::Value::Null;
        std::fs::write(&manifest, serde_json::to_vec(&m).unwrap()).unwrap();
        backup::restore(&settings, &folder).await.unwrap();
    }
    // Before this start-up the database shows Ada as she was.
    let (db, _) = server::db::open(&settings).await.unwrap();
    let row = user::Entity::find_by_id(ada)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    if shared.database_url.starts_with("sqlite") {
        assert!(row.erased_at.is_none());
        assert_eq!(row.email, ADA);
    }
    db.close().await.unwrap();
    let state = server::cli::open_state(&settings).await.unwrap();
    ada_stays_erased(&state, ada).await;
}

#[tokio::test]
async fn old_backups_expire_the_key_store_copies_within_three_months() {
    let shared = common::shared_state().await;
    let state = &shared.state;
    let data = tempdir("expire");
    let backups = data.join("backups");
    let settings = settings_of(&shared, &data);
    common::customer(state, "Grace Backup", "grace.backup@example.org").await;
    backup::backup(&settings, state, &backups).await.unwrap();
    let folder = the_backup(&backups);
    let now = chrono::Utc::now();
    // Nothing is due yet.
    let none = backup::expire(state, &backups, now).await.unwrap();
    assert_eq!((none.main_files, none.key_files), (0, 0));
    // A key store copy is kept 90 days at most, even if set longer.
    let policy = app::model::RetentionPolicy {
        backup_keys_days: 400,
        ..Default::default()
    };
    setting::ActiveModel {
        key: Set(retention::POLICY.to_owned()),
        value: Set(serde_json::to_string(&policy).unwrap()),
    }
    .insert(&state.db)
    .await
    .unwrap();
    assert_eq!(
        retention::backup_ages(&state.db).await.unwrap().keys_days,
        90
    );
    let later = backup::expire(state, &backups, now + chrono::Duration::days(91))
        .await
        .unwrap();
    assert_eq!((later.main_files, later.key_files), (0, 1));
    assert!(!folder.join("keys.sqlite").exists() && !folder.join("keys.pgdump").exists());
    assert!(folder.join("manifest.json").is_file());
    // The main copy goes after the admin's age (default 180 days), then the folder.
    let last = backup::expire(state, &backups, now + chrono::Duration::days(181))
        .await
        .unwrap();
    assert_eq!((last.main_files, last.folders_removed), (1, 1));
    assert!(!folder.exists());
    let audited = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::BackupsExpired.as_str()))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(audited, 2);
}

#[tokio::test]
async fn a_damaged_backup_is_refused_and_nothing_is_replaced() {
    let shared = common::shared_state().await;
    let state = &shared.state;
    let data = tempdir("damaged");
    let backups = data.join("backups");
    let settings = settings_of(&shared, &data);
    common::customer(state, "Grace Damaged", "grace.damaged@example.org").await;
    backup::backup(&settings, state, &backups).await.unwrap();
    let folder = the_backup(&backups);
    common::customer(state, "Later Customer", "later.customer@example.org").await;
    let main = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_stem().is_some_and(|s| s == "main"))
        .unwrap();
    let mut bytes = std::fs::read(&main).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&main, bytes).unwrap();
    let refused = backup::restore(&settings, &folder).await.unwrap_err();
    assert!(refused.to_string().contains("checksum"), "{refused}");
    // The later customer is still there.
    let found = user::Entity::find()
        .filter(user::Column::Email.eq("later.customer@example.org"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(found, 1);
    // Not a backup at all.
    let nothing = backup::restore(&settings, &data).await.unwrap_err();
    assert!(
        nothing.to_string().contains("not a Custodian backup"),
        "{nothing}"
    );
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir()
        .join("custodian-tests")
        .join(format!("{name}-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
