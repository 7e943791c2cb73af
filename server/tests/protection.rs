//! The data protection core end to end on a real database: nothing personal in
//! plaintext on disk, key rotation, start-up key checks, and the audit chain
//! (an event per action, tamper detection, concurrent writers, scoping).
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, PASSWORD};

use app::{
    model::{AuditAction, AuditFilter, Role, TicketStatus},
    server::{
        audit,
        crypto::{sealed_key_id, Keyring},
        entities::audit_event,
        services::{accounts, activity, sessions, tickets},
        Actor, AppState, Vault,
    },
};
use chrono::Utc;
use clap::Parser;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use std::{path::PathBuf, sync::Arc};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "custodian-{name}-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Settings as the CLI would parse them, for a data folder.
fn settings(dir: &std::path::Path, extra: &[&str]) -> server::config::Settings {
    let mut args = vec![
        "custodian".to_owned(),
        "--data-dir".to_owned(),
        dir.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    server::config::Cli::parse_from(args).settings
}

async fn open_state(settings: &server::config::Settings) -> Result<AppState, String> {
    let (db, vault) = server::db::open(settings).await.map_err(|e| e.chain())?;
    let mut state = settings.app_state(db, vault);
    // These tests are about storage and keys; staff two-factor sign-in (on by
    // default outside demo mode) has its own tests in accounts.rs.
    state.security.two_factor_staff_default = false;
    Ok(state)
}

async fn sign_up(state: &AppState, name: &str, email: &str, phone: &str) -> Actor {
    common::sign_up_confirmed(state, name, email, phone).await.0
}

fn files_contain(dir: &std::path::Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn the_sqlite_files_hold_none_of_a_customers_personal_data_in_plaintext() {
    let dir = temp_dir("scan");
    let settings = settings(&dir, &[]);
    let state = open_state(&settings).await.unwrap();
    let customer = sign_up(
        &state,
        "Zebulon Quixotic",
        "zebulon@example.org",
        "+44 20 7946 0999",
    )
    .await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let id = tickets::open(
        &state,
        &customer,
        "Blue giraffe umbrella",
        "Marmalade submarine 4471",
        &[],
    )
    .await
    .unwrap();
    tickets::reply(&state, &agent, id, "Tangerine lighthouse reply", false)
        .await
        .unwrap();
    tickets::reply(&state, &agent, id, "Velvet accordion note", true)
        .await
        .unwrap();
    tickets::reply(&state, &customer, id, "Ochre pendulum answer", false)
        .await
        .unwrap();
    // A customer's later message: its text lives in the message and in the audit event.
    tickets::reply(&state, &customer, id, "Obsidian quokka follow-up", false)
        .await
        .unwrap();
    tickets::set_status(&state, &agent, id, TicketStatus::Solved)
        .await
        .unwrap();
    // The values are really there, and readable through the service.
    let detail = tickets::get(&state, &agent, id).await.unwrap();
    assert_eq!(detail.subject, "Blue giraffe umbrella");
    assert_eq!(detail.customer_name, "Zebulon Quixotic");
    assert_eq!(detail.messages[1].body, "Tangerine lighthouse reply");
    assert!(detail
        .messages
        .iter()
        .any(|m| m.body == "Obsidian quokka follow-up"));
    // Flush everything to the files we scan.
    state
        .db
        .execute_unprepared("PRAGMA wal_checkpoint(FULL);")
        .await
        .unwrap();
    state.db.clone().close().await.unwrap();
    state.vault.keystore().clone().close().await.unwrap();

    for secret in [
        "Zebulon",
        "Quixotic",
        "7946 0999",
        "Blue giraffe",
        "Marmalade submarine",
        "Tangerine lighthouse",
        "Velvet accordion",
        "Ochre pendulum",
        "Obsidian quokka",
    ] {
        assert_eq!(
            files_contain(&dir, secret),
            Vec::<String>::new(),
            "{secret:?} found in plaintext"
        );
    }
    // The scan itself can find things: the email is plaintext by design.
    assert!(
        files_contain(&dir, "zebulon@example.org").contains(&"custodian.db".to_owned())
            || files_contain(&dir, "zebulon@example.org")
                .iter()
                .any(|f| f.starts_with("custodian.db"))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn rotation_rewraps_every_data_key_resumes_and_keeps_everything_readable() {
    let dir = temp_dir("rotate");
    let settings = settings(&dir, &[]);
    let state = open_state(&settings).await.unwrap();
    let mut people = Vec::new();
    for i in 0..7 {
        let actor = sign_up(
            &state,
            &format!("Person {i}"),
            &format!("p{i}@example.org"),
            "",
        )
        .await;
        let id = tickets::open(
            &state,
            &actor,
            &format!("Subject {i}"),
            &format!("Body {i}"),
            &[],
        )
        .await
        .unwrap();
        people.push((actor, id));
    }
    let old = state.vault.status().await.unwrap().current_key_id;
    let new = state.vault.add_master_key().unwrap();
    assert_ne!(old, new);
    // Data keys created now use the new key; the old ones still read.
    let late = sign_up(&state, "Late Comer", "late@example.org", "").await;
    assert_eq!(
        accounts::me(&state, &late).await.unwrap().name,
        "Late Comer"
    );
    assert_eq!(state.vault.rotate_batch(3).await.unwrap(), 3);

    // "Crash": another process opens the same files and resumes.
    let resumed = open_state(&settings).await.unwrap();
    let status = resumed.vault.status().await.unwrap();
    assert_eq!(status.current_key_id, new);
    // Eight people's keys; the blind index key (rotated with them) is not counted.
    let count = |id: &str| {
        status
            .keys
            .iter()
            .find(|k| k.key_id == id)
            .unwrap()
            .data_keys
    };
    assert_eq!(count(&old) + count(&new), 8);
    assert!(count(&old) >= 4 && count(&old) < 7, "{status:?}");
    while resumed.vault.rotate_batch(2).await.unwrap() > 0 {}
    assert_eq!(
        resumed.vault.prune_unused_master_keys().await.unwrap(),
        vec![old.clone()]
    );
    let status = resumed.vault.status().await.unwrap();
    assert_eq!(status.keys.len(), 1);
    assert_eq!(status.keys[0].data_keys, 8);

    // Only the new key is left in the file, and everything still reads.
    let ring = Keyring::open_file(&dir.join("master.key")).unwrap();
    assert_eq!(ring.ids(), vec![new]);
    let fresh = open_state(&settings).await.unwrap();
    // The index key survived the rotation unchanged: old tokens still match.
    assert_eq!(
        fresh.vault.index_key().await.unwrap().token("w:subject"),
        state.vault.index_key().await.unwrap().token("w:subject")
    );
    for (i, (actor, id)) in people.iter().enumerate() {
        let detail = tickets::get(&fresh, actor, *id).await.unwrap();
        assert_eq!(detail.subject, format!("Subject {i}"));
        assert_eq!(detail.messages[0].body, format!("Body {i}"));
        assert_eq!(
            accounts::me(&fresh, actor).await.unwrap().name,
            format!("Person {i}")
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn start_up_refuses_a_wrong_or_missing_master_key() {
    let dir = temp_dir("keys");
    let state = open_state(&settings(&dir, &[])).await.unwrap();
    sign_up(&state, "Ada", "ada@example.org", "").await;
    drop(state);
    let wrong = app::server::crypto::MasterKey::generate();
    let err = open_state(&settings(&dir, &["--master-key", &wrong.to_base64()]))
        .await
        .err()
        .unwrap();
    assert!(err.contains("not configured"), "{err}");
    let err = open_state(&settings(&dir, &["--master-key", "not-a-key"]))
        .await
        .err()
        .unwrap();
    assert!(err.contains("CUSTODIAN_MASTER_KEY"), "{err}");
    std::fs::rename(dir.join("master.key"), dir.join("elsewhere.key")).unwrap();
    let err = open_state(&settings(&dir, &[])).await.err().unwrap();
    assert!(err.contains("no master key"), "{err}");
    assert!(
        !dir.join("master.key").exists(),
        "no fresh key is generated over existing data"
    );
    // The right key file given explicitly works.
    let key_file = dir.join("elsewhere.key").display().to_string();
    open_state(&settings(&dir, &["--master-key-file", &key_file]))
        .await
        .unwrap();
    // A key store that lost its keys is refused too.
    let err = open_state(&settings(
        &dir,
        &[
            "--master-key-file",
            &key_file,
            "--keystore-url",
            &format!("sqlite://{}/other-keys.db?mode=rwc", dir.display()),
        ],
    ))
    .await
    .err()
    .unwrap();
    assert!(err.contains("holds no data keys"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn actions(state: &AppState) -> Vec<String> {
    audit_event::Entity::find()
        .order_by_asc(audit_event::Column::Seq)
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn every_action_writes_an_audit_event_with_encrypted_changes() {
    let state = common::state().await;
    let customer = sign_up(&state, "Carla Customer", "carla@example.org", "+1 555 0100").await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let new =
        accounts::NewUser::validated("Agnes Agent", "agnes@example.org", PASSWORD, Role::Agent)
            .unwrap();
    accounts::create_user(&state, &admin, new).await.unwrap();
    let (_, token) = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials {
            email: "agnes@example.org",
            password: PASSWORD,
            // Created by an admin: Agnes chooses her own password at first sign-in.
            new_password: "agnes own secret phrase",
            code: "",
            passkey: None,
        },
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None,
    )
    .await
    .unwrap();
    let agent = sessions::resolve(&state.db, &token, &state.security, Utc::now())
        .await
        .unwrap()
        .unwrap();
    let _ = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password(
            "carla@example.org",
            "wrong password",
        ),
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None,
    )
    .await;
    let id = tickets::open(&state, &customer, "Printer", "It is on fire", &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, id, "Use the extinguisher", false)
        .await
        .unwrap();
    tickets::reply(&state, &agent, id, "Customer seems calm", true)
        .await
        .unwrap();
    tickets::set_status(&state, &agent, id, TicketStatus::Solved)
        .await
        .unwrap();
    accounts::sign_out(&state, &customer).await.unwrap();

    let recorded = actions(&state).await;
    for action in &AuditAction::ALL[..9] {
        assert!(
            recorded.contains(&action.as_str().to_owned()),
            "no {action:?} event in {recorded:?}"
        );
    }
    let report = audit::verify(&state.db).await.unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.events_checked as usize, recorded.len());

    // Changes are sealed under the subject's own data key and read back for admins.
    let customer_key = state.vault.key(customer.user_id).await.unwrap().unwrap();
    let events = audit_event::Entity::find().all(&state.db).await.unwrap();
    let with_changes: Vec<_> = events
        .iter()
        .filter(|e| e.subject_id == Some(customer.user_id) && e.changes.is_some())
        .collect();
    assert!(with_changes.len() >= 4);
    for e in &with_changes {
        assert_eq!(
            sealed_key_id(e.changes.as_ref().unwrap()),
            Some(customer_key.id())
        );
    }
    let filter = AuditFilter {
        action: "ticket_status_changed".into(),
        ..Default::default()
    };
    let page = activity::events(&state, &admin, &filter, 0).await.unwrap();
    assert_eq!(page.items.len(), 1);
    // Read in words: the ticket first (by its subject), then the status by its labels.
    let changes = &page.items[0].changes;
    assert_eq!(changes[0].field, "Ticket");
    let change = &changes[1];
    assert_eq!(
        (
            change.field.as_str(),
            change.before.as_deref(),
            change.after.as_deref()
        ),
        ("Status", Some("Open"), Some("Solved"))
    );
    assert_eq!(page.items[0].actor_name.as_deref(), Some("Agnes Agent"));
    assert_eq!(
        page.items[0].subject_email.as_deref(),
        Some("carla@example.org")
    );
    let filter = AuditFilter {
        subject_email: "carla@example.org".into(),
        action: "sign_up".into(),
        ..Default::default()
    };
    let signup = &activity::events(&state, &admin, &filter, 0)
        .await
        .unwrap()
        .items[0];
    assert!(signup
        .changes
        .iter()
        .any(|c| c.field == "Phone" && c.after.as_deref() == Some("+1 555 0100")));
    let bad = AuditFilter {
        from: "yesterday".into(),
        ..Default::default()
    };
    assert!(activity::events(&state, &admin, &bad, 0).await.is_err());
    // Agents and customers may not read the whole log.
    assert!(activity::events(&state, &agent, &AuditFilter::default(), 0)
        .await
        .is_err());
    assert!(
        activity::events(&state, &customer, &AuditFilter::default(), 0)
            .await
            .is_err()
    );
    assert!(activity::verify(&state, &customer).await.is_err());
    assert!(activity::key_status(&state, &agent).await.is_err());
}

#[tokio::test]
async fn customers_see_only_events_about_themselves_and_never_other_customers_names() {
    let state = common::state().await;
    let alice = sign_up(&state, "Alice Apple", "alice@example.org", "").await;
    let bob = sign_up(&state, "Bob Banana", "bob@example.org", "").await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let a = tickets::open(&state, &alice, "Alice subject", "Alice body", &[])
        .await
        .unwrap();
    tickets::open(&state, &bob, "Bob subject", "Bob body", &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, a, "Agent answer", false)
        .await
        .unwrap();
    let _ = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password(
            "alice@example.org",
            "wrong password",
        ),
        &app::server::services::sessions::Device::new(None, "9.9.9.9"),
        None,
    )
    .await;

    let mine = activity::my_activity(&state, &alice, 0).await.unwrap();
    let text = format!("{:?}", mine.items);
    assert!(!text.contains("Bob"), "{text}");
    assert!(
        !text.contains("Staff-only remark"),
        "internal notes stay with the help desk: {text}"
    );
    assert!(text.contains("Agnes Agent (Agent)"), "{text}");
    assert!(text.contains("Alice body") && text.contains("Agent answer"));
    assert!(mine.items.iter().any(|e| e.who == "You"));
    assert!(
        mine.items
            .iter()
            .any(|e| e.who == "Someone who was not signed in"),
        "failed sign-in shown"
    );
    assert_eq!(
        mine.items.first().unwrap().action_label,
        AuditAction::SignInFailed.label(app::i18n::Tr(app::i18n::Lang::En)),
        "newest first"
    );
    let bobs = activity::my_activity(&state, &bob, 0).await.unwrap();
    assert!(!format!("{:?}", bobs.items).contains("Alice"));
}

async fn chain_of(n: usize) -> AppState {
    let state = common::state().await;
    let actor = sign_up(&state, "Tess Tamper", "tess@example.org", "").await;
    for i in 0..n {
        tickets::open(&state, &actor, &format!("T{i}"), "body", &[])
            .await
            .unwrap();
    }
    assert!(audit::verify(&state.db).await.unwrap().ok);
    state
}

async fn first_bad(state: &AppState) -> Option<i64> {
    let report = audit::verify(&state.db).await.unwrap();
    assert_eq!(report.ok, report.first_bad_seq.is_none());
    report.first_bad_seq
}

#[tokio::test]
async fn verification_finds_an_edited_event() {
    let state = chain_of(4).await;
    state
        .db
        .execute_unprepared("UPDATE audit_events SET entity_type = 'tampered' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(first_bad(&state).await, Some(3));
}

#[tokio::test]
async fn verification_finds_an_edited_event_whose_hash_was_recomputed() {
    let state = chain_of(4).await;
    let mut e = audit_event::Entity::find_by_id(2i64)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    e.action = "sign_out".into();
    let forged = audit::chain_hash(&e);
    state
        .db
        .execute_unprepared(&format!(
            "UPDATE audit_events SET action = 'sign_out', hash = '{forged}' WHERE seq = 2"
        ))
        .await
        .unwrap();
    assert_eq!(
        first_bad(&state).await,
        Some(3),
        "the next event no longer follows"
    );
}

#[tokio::test]
async fn verification_finds_a_deleted_event() {
    let state = chain_of(4).await;
    state
        .db
        .execute_unprepared("DELETE FROM audit_events WHERE seq = 2")
        .await
        .unwrap();
    assert_eq!(first_bad(&state).await, Some(2));
    let state = chain_of(4).await;
    state
        .db
        .execute_unprepared("DELETE FROM audit_events WHERE seq = 5")
        .await
        .unwrap();
    assert_eq!(first_bad(&state).await, Some(5), "the newest event removed");
}

#[tokio::test]
async fn verification_finds_reordered_events() {
    let state = chain_of(4).await;
    for sql in [
        "UPDATE audit_events SET seq = 100 WHERE seq = 2",
        "UPDATE audit_events SET seq = 2 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 100",
    ] {
        state.db.execute_unprepared(sql).await.unwrap();
    }
    assert_eq!(first_bad(&state).await, Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_writers_make_one_valid_chain() {
    let state = Arc::new(common::state().await);
    let mut writers = Vec::new();
    for w in 0..8 {
        let actor = sign_up(
            &state,
            &format!("Writer {w}"),
            &format!("w{w}@example.org"),
            "",
        )
        .await;
        writers.push((actor, state.clone()));
    }
    let before = audit::count(&state.db).await.unwrap();
    let handles: Vec<_> = writers
        .into_iter()
        .map(|(actor, state)| {
            tokio::spawn(async move {
                for i in 0..5 {
                    let id = tickets::open(&state, &actor, &format!("Concurrent {i}"), "text", &[])
                        .await
                        .unwrap();
                    tickets::reply(&state, &actor, id, "more", false)
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    assert_eq!(audit::count(&state.db).await.unwrap(), before + 8 * 10);
    let report = audit::verify(&state.db).await.unwrap();
    assert!(report.ok, "{report:?} on {}", common::backend());
    assert_eq!(report.head_seq as u64, before + 80);
}

#[tokio::test]
async fn vault_keys_are_per_subject() {
    let state = common::state().await;
    let a = sign_up(&state, "A", "a@example.org", "").await;
    let b = sign_up(&state, "B", "b@example.org", "").await;
    let ka = state.vault.key(a.user_id).await.unwrap().unwrap();
    let kb = state.vault.key(b.user_id).await.unwrap().unwrap();
    assert_ne!(ka.id(), kb.id());
    let keys = state
        .vault
        .keys([a.user_id, b.user_id, uuid::Uuid::new_v4()])
        .await
        .unwrap();
    assert_eq!(keys.len(), 2);
    let _: &Vault = &state.vault;
}
