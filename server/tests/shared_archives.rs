//! Two servers on one database with the shared archive store
//! (`CUSTODIAN_ARCHIVE_STORE=database`): an archive is built once, by one of
//! them; a session made on one works on the other; the archive downloads from
//! either, and neither keeps it on disk; the rows hold only encrypted bytes;
//! an erasure removes them and its final check looks in the store.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, PASSWORD};

use app::{
    api::privacy::RequestExport,
    model::{AuditAction, Role},
    server::{
        entities::{archive_chunk, audit_event, data_export},
        services::{erasure, exports},
        AppState, ArchiveStore,
    },
};
use http::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::time::Duration;
use uuid::Uuid;

const NAME: &str = "Orla Quennell";
const SECRET: &str = "my tracking number is 55-QX-2024";

fn kept_on_disk(state: &AppState, id: Uuid) -> usize {
    exports::files_of(&state.exports.dir, id).unwrap().len()
}

async fn drain(state: &AppState) {
    for _ in 0..50 {
        if !server::erasure_worker::work_once(state, Duration::ZERO).await {
            return;
        }
    }
    panic!("erasure jobs did not finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_archive_built_by_one_server_downloads_from_the_other_and_the_erasure_removes_it() {
    let shared = common::shared_state().await;
    let one = shared.another_server(ArchiveStore::Database).await;
    let two = shared.another_server(ArchiveStore::Database).await;

    // The customer signs up and asks for their data on server one.
    let (orla, cookie) =
        common::sign_up_confirmed(&one, NAME, "orla@example.org", "+44 20 7946 0000").await;
    app::server::services::tickets::open(&one, &orla, "Lost parcel", SECRET, &[])
        .await
        .unwrap();
    let mut on_one = Browser::new(&one);
    on_one.cookie = Some(format!("custodian_session={cookie}"));
    let asked = on_one
        .call::<RequestExport>(&[("password", PASSWORD)])
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    let id = Uuid::parse_str(asked.json()["id"].as_str().unwrap()).unwrap();

    // Both servers' workers race for it: exactly one builds it.
    let (a, b) = tokio::join!(
        server::exports_worker::work_once(&one),
        server::exports_worker::work_once(&two)
    );
    assert!(a ^ b, "built by exactly one server: {a} {b}");
    assert!(!server::exports_worker::work_once(&one).await);
    assert!(!server::exports_worker::work_once(&two).await);
    let row = data_export::Entity::find_by_id(id)
        .one(&one.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, app::model::ExportStatus::Ready);

    // Kept in the database only, as encrypted bytes.
    assert_eq!(kept_on_disk(&one, id), 0);
    assert_eq!(kept_on_disk(&two, id), 0);
    let rows = archive_chunk::Entity::find()
        .filter(archive_chunk::Column::ExportId.eq(id))
        .all(&one.db)
        .await
        .unwrap();
    assert!(!rows.is_empty());
    let stored: Vec<u8> = rows.iter().flat_map(|r| r.data.clone()).collect();
    assert_eq!(stored.len() as i64, row.size_bytes);
    for clear in [
        NAME.as_bytes(),
        SECRET.as_bytes(),
        b"orla@example.org",
        b"PK\x03\x04",
    ] {
        assert!(
            !stored.windows(clear.len()).any(|w| w == clear),
            "clear bytes in the store: {}",
            String::from_utf8_lossy(clear)
        );
    }

    // The session made on server one works on server two, and the archive
    // downloads from both, the same bytes each time.
    let mut downloads = Vec::new();
    for state in [&two, &one] {
        let mut browser = Browser::new(state);
        browser.cookie = on_one.cookie.clone();
        let r = browser.get(&format!("/exports/{id}/download")).await;
        assert_eq!(r.status, StatusCode::OK);
        downloads.push(r.bytes);
    }
    assert_eq!(downloads[0], downloads[1]);
    let files = common::unzip(&downloads[0]);
    let data = &files["data.json"];
    assert!(data.contains(NAME) && data.contains(SECRET), "{data}");
    let downloaded = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::ExportDownloaded))
        .count(&one.db)
        .await
        .unwrap();
    assert_eq!(downloaded, 2, "each download audited once");

    // Another customer's session gets nothing from either server.
    let (_, other) = common::sign_up_confirmed(&two, "Pat Other", "pat@example.org", "").await;
    for state in [&one, &two] {
        let mut browser = Browser::new(state);
        browser.cookie = Some(format!("custodian_session={other}"));
        let r = browser.get(&format!("/exports/{id}/download")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
        assert!(!r.body.contains(NAME));
    }

    // The erasure runs on server two: the rows go, the final check is clean.
    let agent = common::staff(&two, "agent@example.org", Role::Agent).await;
    let job = erasure::erase_customer(&two, &agent, orla.user_id, "Asked by phone")
        .await
        .unwrap();
    drain(&two).await;
    let left = archive_chunk::Entity::find()
        .filter(archive_chunk::Column::ExportId.eq(id))
        .count(&one.db)
        .await
        .unwrap();
    assert_eq!(left, 0, "the archive's rows are gone");
    // The job completed: its final check, run as its last step, passed.
    let done = app::server::entities::erasure_job::Entity::find_by_id(job)
        .one(&one.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, app::model::JobStatus::Completed, "{done:?}");
    let stored_copy = |check: &app::model::ErasureCheck| {
        check.findings.iter().any(|f| f.contains("still stored"))
    };
    assert!(!stored_copy(
        &erasure::final_check_of(&one, job).await.unwrap()
    ));

    // A copy left in the store is a finding of the final check, on either server.
    archive_chunk::ActiveModel {
        export_id: Set(id),
        seq: Set(0),
        data: Set(stored[..64.min(stored.len())].to_vec()),
    }
    .insert(&one.db)
    .await
    .unwrap();
    for state in [&one, &two] {
        let check = erasure::final_check_of(state, job).await.unwrap();
        assert!(!check.ok);
        assert!(stored_copy(&check), "{check:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_archives_leave_the_database_store() {
    let shared = common::shared_state().await;
    let state = shared.another_server(ArchiveStore::Database).await;
    let (ada, _) = common::sign_up_confirmed(&state, "Ada", "ada@example.org", "").await;
    let asked = exports::request(&state, &ada, PASSWORD).await.unwrap();
    assert!(server::exports_worker::work_once(&state).await);
    let count = || async {
        archive_chunk::Entity::find()
            .filter(archive_chunk::Column::ExportId.eq(asked.id))
            .count(&state.db)
            .await
            .unwrap()
    };
    assert!(count().await > 0);
    let later = chrono::Utc::now() + chrono::Duration::days(60);
    assert_eq!(exports::sweep(&state, later).await.unwrap(), 1);
    assert_eq!(count().await, 0);
}
