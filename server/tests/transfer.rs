//! `custodian transfer`: everything moves to another database while the
//! source serves — SQLite → PostgreSQL and back when this run has a
//! PostgreSQL server (PostgreSQL → SQLite → PostgreSQL), else SQLite to
//! SQLite. A write during the copy reaches the destination; a destination
//! that fails verification leaves the source serving and unmarked, and says
//! why; afterwards the old database refuses changes with a clean 503. An
//! archive kept in the database store moves too and still downloads.
#![allow(clippy::unwrap_used)]
use crate::common;

use app::{
    model::Role,
    server::{
        audit,
        entities::{audit_event, ticket},
        relocation,
        services::{exports, tickets},
        AppState, ArchiveStore,
    },
};
use futures_util::FutureExt;
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, Statement,
};
use server::transfer;
use std::collections::BTreeSet;

/// A new, empty SQLite database file.
fn sqlite_url(prefix: &str) -> String {
    let dir = std::env::temp_dir().join("custodian-tests");
    std::fs::create_dir_all(&dir).unwrap();
    format!(
        "sqlite://{}?mode=rwc",
        dir.join(format!("{prefix}_{}.db", uuid::Uuid::new_v4().simple()))
            .display()
    )
}

async fn subjects_of(state: &AppState, who: &app::server::Actor) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for id in tickets::ids_of_customer(&state.db, who.user_id)
        .await
        .unwrap()
    {
        found.insert(tickets::get(state, who, id).await.unwrap().subject);
    }
    found
}

async fn tables_of(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => "SELECT name AS t FROM sqlite_master WHERE type = 'table'",
        _ => "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'",
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.try_get::<String>("", "t").unwrap())
        .filter(|t| t != "seaql_migrations" && !t.starts_with("sqlite_"))
        .collect()
}

#[tokio::test]
async fn the_transfer_copies_every_table_of_the_schema() {
    let main = common::database().await;
    let keys = common::vault().await;
    let expected: BTreeSet<String> = transfer::MAIN_TABLES
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(
        tables_of(&main).await,
        expected,
        "a table is missing from the transfer"
    );
    let expected: BTreeSet<String> = transfer::KEY_TABLES.iter().map(|t| t.to_string()).collect();
    assert_eq!(tables_of(keys.keystore()).await, expected);
}

#[tokio::test]
async fn everything_moves_and_back_with_a_write_during_the_copy_and_a_verified_chain() {
    let source = common::shared_state().await;
    let state = &source.state;
    let ada = common::customer(state, "Ada Mover", "ada.mover@example.org").await;
    tickets::open(state, &ada, "Printer on fire", "It smokes.", &[])
        .await
        .unwrap();
    common::staff(state, "agent.mover@example.org", Role::Agent).await;
    // An archive kept in the database store moves with the rest.
    let mut shared_store = state.clone();
    shared_store.exports.store = ArchiveStore::Database;
    let archive = exports::request(&shared_store, &ada, common::PASSWORD)
        .await
        .unwrap();
    assert!(server::exports_worker::work_once(&shared_store).await);
    let settings = common::settings_for(
        &source.database_url,
        &source.keystore_url,
        &source.master_key,
    );
    // To SQLite (from PostgreSQL when this run has it), then back.
    let (to, keys_to) = (sqlite_url("moved_main"), sqlite_url("moved_keys"));
    let hooks = transfer::Hooks {
        after_copy: Some(Box::new(|| {
            async {
                tickets::open(state, &ada, "Written during the copy", "Still here?", &[])
                    .await
                    .unwrap();
            }
            .boxed()
        })),
        before_verify: None,
    };
    let report = transfer::transfer(&settings, state, &to, Some(&keys_to), hooks)
        .await
        .unwrap();
    assert!(report.rows_copied > 0);
    assert!(
        report.caught_up >= 2,
        "the new ticket and its message: {report:?}"
    );
    assert_eq!(
        report.tables.len(),
        transfer::MAIN_TABLES.len() + transfer::KEY_TABLES.len()
    );
    assert!(
        report.keys_checked >= 3 && report.values_opened >= 2,
        "{report:?}"
    );
    // The old database refuses changes now, and says why.
    assert!(relocation::moved(&state.db).await.unwrap());
    let mut browser = common::Browser::new(state);
    let refused = browser.call::<app::api::auth::SignOut>(&[]).await;
    assert_eq!(refused.status, http::StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.code(), "moving");

    // The destination serves: Ada signs in and reads both tickets.
    let moved = server::cli::open_state(&common::settings_for(&to, &keys_to, &source.master_key))
        .await
        .unwrap();
    assert!(!relocation::moved(&moved.db).await.unwrap());
    assert!(common::signs_in(&moved, "ada.mover@example.org").await);
    let expected: BTreeSet<String> = ["Printer on fire", "Written during the copy"]
        .map(String::from)
        .into();
    assert_eq!(subjects_of(&moved, &ada).await, expected);
    assert!(audit::verify(&moved.db).await.unwrap().ok);

    // And back to the run's own kind of database.
    let back_to = common::fresh_url("moved_back").await;
    let back_keys = common::fresh_url("moved_back_keys").await;
    let moved_settings = common::settings_for(&to, &keys_to, &source.master_key);
    let back = transfer::transfer(
        &moved_settings,
        &moved,
        &back_to,
        Some(&back_keys),
        transfer::Hooks::default(),
    )
    .await
    .unwrap();
    assert_eq!(back.tables.len(), report.tables.len());
    let home = server::cli::open_state(&common::settings_for(
        &back_to,
        &back_keys,
        &source.master_key,
    ))
    .await
    .unwrap();
    assert_eq!(subjects_of(&home, &ada).await, expected);
    let chain = audit::verify(&home.db).await.unwrap();
    assert!(chain.ok);
    assert_eq!(
        chain.events_checked,
        audit_event::Entity::find().count(&moved.db).await.unwrap()
    );
    let mut home_store = home.clone();
    home_store.exports.store = ArchiveStore::Database;
    let bytes = common::downloaded(&home_store, &ada, archive.id).await;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut data = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("data.json").unwrap(), &mut data).unwrap();
    assert!(data.contains("Printer on fire"), "{data}");
}

#[tokio::test]
async fn a_destination_that_fails_verification_leaves_the_source_serving_and_says_why() {
    let source = common::shared_state().await;
    let state = &source.state;
    let ada = common::customer(state, "Ada Stays", "ada.stays@example.org").await;
    tickets::open(state, &ada, "Keep me", "here", &[])
        .await
        .unwrap();
    let settings = common::settings_for(
        &source.database_url,
        &source.keystore_url,
        &source.master_key,
    );
    let to = common::fresh_url("tampered").await;
    let target = to.clone();
    let hooks = transfer::Hooks {
        after_copy: None,
        before_verify: Some(Box::new(move || {
            async move {
                // Someone edits the copy's audit log between the copy and the check.
                let db = sea_orm::Database::connect(&target).await.unwrap();
                audit_event::Entity::update_many()
                    .col_expr(audit_event::Column::Action, Expr::value("ticket_erased"))
                    .filter(audit_event::Column::Seq.eq(2))
                    .exec(&db)
                    .await
                    .unwrap();
                db.close().await.unwrap();
            }
            .boxed()
        })),
    };
    let failed = transfer::transfer(&settings, state, &to, None, hooks)
        .await
        .unwrap_err()
        .to_string();
    assert!(failed.contains("audit chain breaks at event 2"), "{failed}");
    assert!(failed.contains("source is untouched"), "{failed}");
    assert!(!relocation::moved(&state.db).await.unwrap());
    assert!(audit::verify(&state.db).await.unwrap().ok);
    assert_eq!(
        ticket::Entity::find()
            .filter(ticket::Column::CustomerId.eq(ada.user_id))
            .count(&state.db)
            .await
            .unwrap(),
        1
    );
    // The source still takes changes.
    tickets::open(state, &ada, "Still writable", "yes", &[])
        .await
        .unwrap();
    // A destination that holds data is refused before anything is written.
    let full = transfer::transfer(&settings, state, &to, None, transfer::Hooks::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(full.contains("not empty"), "{full}");
    let same = transfer::transfer(
        &settings,
        state,
        &source.database_url,
        None,
        transfer::Hooks::default(),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(same.contains("database the portal uses now"), "{same}");
}
