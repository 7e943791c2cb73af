//! "Download my data": the archive holds exactly the subject's data (and no
//! internal notes), is encrypted at rest, downloads only for its owner, expires,
//! and is limited per day.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, Browser, PASSWORD};

use app::{
    api::{
        auth::{SignIn, SignUp},
        privacy::{MyExports, RequestExport},
    },
    fields::{CustomFieldInput, FieldInput},
    model::Role,
    server::{
        entities::{audit_event, data_export},
        services::{exports, fields, profile, sessions, tickets},
        Actor, AppState,
    },
};
use chrono::Utc;
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::io::Read;

async fn browser_for(state: &AppState, name: &str, email: &str) -> (Browser, Actor) {
    let mut b = Browser::new(state);
    let r = b
        .call::<SignUp>(&[("name", name), ("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    common::confirm_address_of(state, email).await;
    let token = b
        .cookie
        .clone()
        .unwrap()
        .split('=')
        .nth(1)
        .unwrap()
        .to_owned();
    let actor = sessions::resolve(
        &state.db,
        &sessions::SessionToken::from_cookie(&token),
        &state.security,
        Utc::now(),
    )
    .await
    .unwrap()
    .unwrap();
    (b, actor)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_archive_holds_exactly_the_subjects_data_and_only_they_can_download_it() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let (mut alice_http, alice) = browser_for(&state, "Alice Smith", "alice@example.org").await;
    let (mut alicia_http, alicia) = browser_for(&state, "Alicia Smith", "alicia@example.org").await;
    let loyalty = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "contact".into(),
            label: "Loyalty code".into(),
            field_type: "text".into(),
            encrypted: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let key = app::fields::custom_key(loyalty.id);
    profile::update(
        &state,
        &alice,
        None,
        &[FieldInput {
            key: key.clone(),
            values: vec!["LOYAL-1001".into()],
        }],
    )
    .await
    .unwrap();
    profile::update(
        &state,
        &alicia,
        None,
        &[FieldInput {
            key,
            values: vec!["LOYAL-1002".into()],
        }],
    )
    .await
    .unwrap();
    let a = tickets::open(
        &state,
        &alice,
        "Refund for order 1001",
        "Order 1001 arrived broken",
        &[],
    )
    .await
    .unwrap();
    tickets::reply(&state, &agent, a, "Refund issued for 1001", false)
        .await
        .unwrap();
    tickets::reply(&state, &agent, a, "Secret agent remark", true)
        .await
        .unwrap();
    tickets::open(
        &state,
        &alicia,
        "Refund for order 1002",
        "Order 1002 arrived broken",
        &[],
    )
    .await
    .unwrap();

    // Re-authentication first.
    let r = alice_http
        .call::<RequestExport>(&[("password", "not my password")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "password");
    let r = alice_http
        .call::<RequestExport>(&[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["status"], "queued");
    assert!(server::exports_worker::work_once(&state).await);
    let mine = alice_http.call::<MyExports>(&[]).await.json();
    assert_eq!(mine[0]["status"], "ready");
    assert_eq!(mine[0]["progress"], 100);
    assert_eq!(
        alicia_http.call::<MyExports>(&[]).await.json(),
        serde_json::json!([])
    );

    // Encrypted at rest: neither the ZIP structure nor any content is visible on disk.
    let on_disk = std::fs::read(state.exports.dir.join(format!("{id}.zip.enc"))).unwrap();
    for needle in [
        &b"PK\x03\x04"[..],
        b"Refund for order",
        b"Alice Smith",
        b"LOYAL-1001",
    ] {
        assert!(!on_disk.windows(needle.len()).any(|w| w == needle));
    }

    // Only Alice downloads it.
    let path = format!("/exports/{id}/download");
    assert_eq!(alicia_http.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        Browser::new(&state).get(&path).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut agent_http = Browser::new(&state);
    agent_http
        .call::<SignIn>(&[("email", "agnes@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(agent_http.get(&path).await.status, StatusCode::NOT_FOUND);
    let download = alice_http.get(&path).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers["content-type"], "application/zip");
    let files = common::unzip(&download.bytes);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        vec![
            "README.txt",
            "activity.csv",
            "data.json",
            "index.html",
            "messages.csv",
            "profile.csv",
            "requests.csv",
            "tickets.csv"
        ]
    );
    let everything: String = files.values().cloned().collect();
    for theirs in [
        "order 1002",
        "LOYAL-1002",
        "Alicia",
        "alicia@example.org",
        "Secret agent remark",
    ] {
        assert!(
            !everything.contains(theirs),
            "{theirs:?} leaked into the archive"
        );
    }
    assert!(files["README.txt"].contains("Internal notes"));
    assert!(
        files["index.html"].contains("Refund issued for 1001")
            && !files["index.html"].contains("http")
    );
    assert!(files["messages.csv"]
        .starts_with("ticket_id,message_id,created_at,author,author_role,body"));
    assert!(files["tickets.csv"].contains("Refund for order 1001"));
    assert!(files["profile.csv"].contains("Loyalty code,LOYAL-1001"));

    // data.json has the documented shape.
    let data: serde_json::Value = serde_json::from_str(&files["data.json"]).unwrap();
    assert_eq!(data["format_version"], 1);
    assert!(data["exported_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(data["profile"]["name"], "Alice Smith");
    assert_eq!(data["profile"]["email"], "alice@example.org");
    assert_eq!(
        data["profile"]["custom_fields"][0]["values"][0],
        "LOYAL-1001"
    );
    let tickets = data["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0]["subject"], "Refund for order 1001");
    let bodies: Vec<&str> = tickets[0]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        vec!["Order 1001 arrived broken", "Refund issued for 1001"]
    );
    for key in ["id", "status", "created_at", "updated_at", "custom_fields"] {
        assert!(tickets[0].get(key).is_some(), "ticket field {key}");
    }
    assert!(data["privacy_requests"].is_array());
    assert!(data["activity"].as_array().unwrap().len() >= 3);
    assert_eq!(data["consents"], serde_json::json!([]));

    // Requesting and downloading are audited.
    let actions: Vec<String> = audit_event::Entity::find()
        .filter(audit_event::Column::SubjectId.eq(alice.user_id))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"export_requested".to_owned())
            && actions.contains(&"export_downloaded".to_owned())
    );

    // An expired link is refused, and the sweeper deletes the file.
    data_export::Entity::update_many()
        .col_expr(
            data_export::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&state.db)
        .await
        .unwrap();
    let expired = alice_http.get(&path).await;
    assert_eq!(expired.status, StatusCode::CONFLICT);
    assert!(expired.body.contains("expired"));
    assert_eq!(exports::sweep(&state, Utc::now()).await.unwrap(), 1);
    assert!(!state.exports.dir.join(format!("{id}.zip.enc")).exists());
    assert_eq!(
        alice_http.call::<MyExports>(&[]).await.json()[0]["status"],
        "expired"
    );
}

#[tokio::test]
async fn exports_are_limited_per_day() {
    let state = common::state().await;
    let (mut b, _) = browser_for(&state, "Bea", "bea@example.org").await;
    for _ in 0..state.exports.per_day {
        assert_eq!(
            b.call::<RequestExport>(&[("password", PASSWORD)])
                .await
                .status,
            StatusCode::OK
        );
    }
    let r = b.call::<RequestExport>(&[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("per day"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_export_every_module_with_withheld_fields_and_only_admins_may() {
    use app::{api::privacy::RequestAllExport, fields::Access};
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let (mut carla_http, carla) = browser_for(&state, "Carla Contact", "carla@example.org").await;
    let secret = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "contact".into(),
            label: "Risk note".into(),
            field_type: "text".into(),
            encrypted: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let key = app::fields::custom_key(secret.id);
    profile::update(
        &state,
        &carla,
        None,
        &[FieldInput {
            key: key.clone(),
            values: vec!["HIGH-RISK-XYZ".into()],
        }],
    )
    .await
    .unwrap();
    tickets::open(&state, &carla, "Carla's ticket", "Carla's words", &[])
        .await
        .unwrap();
    fields::set_permission(&state, &admin, Role::Admin, &key, Access::Hidden)
        .await
        .unwrap();
    fields::set_permission(&state, &admin, Role::Admin, "phone", Access::Hidden)
        .await
        .unwrap();
    fields::set_permission(&state, &admin, Role::Admin, "name", Access::Hidden)
        .await
        .unwrap();

    // Customers and agents may not.
    assert_eq!(
        carla_http
            .call::<RequestAllExport>(&[("password", PASSWORD)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    assert!(exports::request_all(&state, &agent, PASSWORD)
        .await
        .is_err());

    let requested = exports::request_all(&state, &admin, PASSWORD)
        .await
        .unwrap();
    assert!(requested.all_modules);
    assert!(server::exports_worker::work_once(&state).await);
    // Only the admin who asked can download it.
    assert!(exports::open_download(&state, &carla, requested.id)
        .await
        .is_err());
    let bytes = common::downloaded(&state, &admin, requested.id).await;
    let files = common::unzip(&bytes);
    for module in [
        "contacts",
        "agents",
        "tickets",
        "messages",
        "teams",
        "custom_fields",
        "privacy_requests",
        "audit_log",
    ] {
        assert!(files.contains_key(&format!("{module}.csv")), "{module}.csv");
        assert!(
            files.contains_key(&format!("{module}.jsonl")),
            "{module}.jsonl"
        );
    }
    assert!(files["tickets.csv"].contains("Carla's ticket"));
    assert!(files["messages.jsonl"].contains("Carla's words"));
    assert!(files["contacts.csv"]
        .lines()
        .next()
        .unwrap()
        .contains("custom:risk_note"));
    assert!(files["contacts.csv"].contains("[withheld]"));
    assert!(
        !files.values().any(|f| f.contains("HIGH-RISK-XYZ")),
        "a field hidden from admins is withheld"
    );
    assert!(
        !files.values().any(|f| f.contains("Carla Contact")),
        "a hidden standard field is withheld in the audit log's changes too"
    );
    let teams: Vec<&str> = files["teams.csv"].lines().collect();
    assert_eq!(teams[0], "id,name,members");
    assert!(
        teams.iter().any(|l| l.contains(",Support,")),
        "the first team has its row: {teams:?}"
    );
    let first: serde_json::Value =
        serde_json::from_str(files["audit_log.jsonl"].lines().next().unwrap()).unwrap();
    assert_eq!(first["seq"], "1");
}

/// Building an archive does its file I/O, compression and encryption off the
/// async runtime. The proof needs no clock: the archive's file is a named pipe,
/// so writing it blocks until a reader opens the other end, and the reader is
/// only started by this test's task. Were the build on the runtime's one
/// thread, this task could never run again; a watchdog rescues such a run
/// (after a minute) so that it fails instead of hanging.
#[tokio::test(flavor = "current_thread")]
async fn building_an_archive_does_not_block_the_runtime() {
    use std::sync::{
        atomic::{AtomicBool, Ordering},
        mpsc, Arc,
    };
    let state = common::state().await;
    let (_, alice) = browser_for(&state, "Alice Smith", "alice.pipe@example.org").await;
    exports::request(&state, &alice, PASSWORD).await.unwrap();
    let export = exports::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .unwrap();
    std::fs::create_dir_all(&state.exports.dir).unwrap();
    let pipe = state.exports.dir.join(format!(
        "{}.{}.partial",
        export.id,
        export.lease_until.timestamp_micros()
    ));
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());

    let (go, wait) = mpsc::channel::<()>();
    let rescued = Arc::new(AtomicBool::new(false));
    let reader = {
        let (pipe, rescued) = (pipe.clone(), rescued.clone());
        std::thread::spawn(move || {
            if wait
                .recv_timeout(std::time::Duration::from_secs(60))
                .is_err()
            {
                rescued.store(true, Ordering::SeqCst);
            }
            let mut bytes = Vec::new();
            std::fs::File::open(&pipe)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            bytes.len()
        })
    };
    let build = {
        let (state, export) = (state.clone(), export.clone());
        tokio::spawn(async move { exports::build(&state, &export).await })
    };
    // Let the build start and block on the pipe; then this task must still run.
    for _ in 0..50 {
        tokio::task::yield_now().await;
    }
    go.send(()).ok();
    // Its result does not matter here (a pipe cannot be synced to disk).
    let _ = build.await.unwrap();
    let read = reader.join().unwrap();
    assert!(
        !rescued.load(Ordering::SeqCst),
        "the runtime was blocked while the archive was written"
    );
    assert!(read > 0, "the archive was written through the pipe");
    let _ = std::fs::remove_file(&pipe);
}

/// Pages of tickets are read on their own thread while earlier ones are written:
/// every ticket arrives, once, in order, across several pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_archive_of_many_pages_holds_every_ticket_once_in_order() {
    let state = common::state().await;
    let (mut http, alice) = browser_for(&state, "Alice Smith", "alice@example.org").await;
    let mut opened = Vec::new();
    for i in 0..450 {
        opened.push(
            tickets::open(
                &state,
                &alice,
                &format!("Ticket {i}"),
                &format!("Body {i}"),
                &[],
            )
            .await
            .unwrap(),
        );
    }
    let r = http.call::<RequestExport>(&[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert!(server::exports_worker::work_once(&state).await);
    let download = http.get(&format!("/exports/{id}/download")).await;
    assert_eq!(download.status, StatusCode::OK);
    let files = common::unzip(&download.bytes);
    let data: serde_json::Value = serde_json::from_str(&files["data.json"]).unwrap();
    let ids: Vec<String> = data["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = opened.iter().map(ToString::to_string).collect();
    assert_eq!(ids, expected);
    assert_eq!(data["tickets"][449]["messages"][0]["body"], "Body 449");
    // One header line and one line per message in messages.csv.
    assert_eq!(files["messages.csv"].lines().count(), 451);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_build_a_crash_abandoned_is_taken_up_within_its_lease_and_leaves_no_partial_file() {
    let state = common::state().await;
    let (_, ada) = browser_for(&state, "Ada Crash", "ada.crash@example.org").await;
    let export = exports::request(&state, &ada, PASSWORD).await.unwrap();
    // A server claims the build and dies with it: its lease and a partial file stay.
    let now = Utc::now();
    let claimed = exports::claim_next(&state.db, now).await.unwrap().unwrap();
    assert_eq!(claimed.id, export.id);
    std::fs::create_dir_all(&state.exports.dir).unwrap();
    let partial = state.exports.dir.join(format!(
        "{}.{}.partial",
        export.id,
        claimed.lease_until.timestamp_micros()
    ));
    std::fs::write(&partial, b"half an archive").unwrap();
    // Nobody takes it while the lease holds; any server does within two minutes.
    assert!(
        exports::claim_next(&state.db, now + chrono::Duration::seconds(60))
            .await
            .unwrap()
            .is_none()
    );
    let later = now + chrono::Duration::seconds(121);
    let again = exports::claim_next(&state.db, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.id, export.id);
    exports::build(&state, &again).await.unwrap();
    let files = exports::files_of(&state.exports.dir, export.id).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().ends_with(".zip.enc"));
    assert!(!partial.exists());
}

#[tokio::test]
async fn a_build_the_full_disk_stops_is_queued_again_and_finishes_once_there_is_space() {
    let state = common::state().await;
    let (_, ada) = browser_for(&state, "Ada Full", "ada.full@example.org").await;
    let export = exports::request(&state, &ada, PASSWORD).await.unwrap();
    let now = Utc::now();
    let claimed = exports::claim_next(&state.db, now).await.unwrap().unwrap();
    // The build's file lands on a full disk: /dev/full answers every write
    // with ENOSPC, as a file system out of space does.
    std::fs::create_dir_all(&state.exports.dir).unwrap();
    let partial = state.exports.dir.join(format!(
        "{}.{}.partial",
        export.id,
        claimed.lease_until.timestamp_micros()
    ));
    std::os::unix::fs::symlink("/dev/full", &partial).unwrap();
    server::exports_worker::build_claimed(&state, &claimed).await;

    // Not failed: queued again, with nothing of the build left, and not taken
    // up before the pause.
    let row = data_export::Entity::find_by_id(export.id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, app::model::ExportStatus::Queued);
    assert_eq!(row.error, None);
    assert!(row.lease_until > Utc::now() + chrono::Duration::seconds(10));
    assert!(
        partial.symlink_metadata().is_err(),
        "the partial file stayed"
    );
    assert!(exports::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .is_none());
    let mine = exports::mine(&state, &ada).await.unwrap();
    assert_eq!(mine[0].status, app::model::ExportStatus::Queued);

    // Once the pause is over (and there is space), it is built and downloads.
    let later = Utc::now() + exports::RETRY_WHEN_FULL + chrono::Duration::seconds(1);
    let again = exports::claim_next(&state.db, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.id, export.id);
    server::exports_worker::build_claimed(&state, &again).await;
    let mine = exports::mine(&state, &ada).await.unwrap();
    assert_eq!(mine[0].status, app::model::ExportStatus::Ready);
    let archive = common::downloaded(&state, &ada, export.id).await;
    assert!(archive.starts_with(b"PK\x03\x04"));
}
