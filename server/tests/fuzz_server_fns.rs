//! Random input against every server function, as every kind of person: form
//! and JSON bodies made of the argument names the API uses (read from its
//! source) and hostile values — very long, control characters, other
//! people's ids, numbers out of range, wrong types, nesting. The portal must
//! answer each with a clear refusal or a result: never a 5xx, never a panic.
//! Seeded, so a failure repeats; `CUSTODIAN_FUZZ_ROUNDS` runs longer.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, PASSWORD};

use app::{api::auth::SignIn, model::Role, server::services::tickets};
use axum::body::Body;
use http::{header, Request, StatusCode};
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The names of every server function's arguments, from app/src/api.
fn argument_names() -> Vec<String> {
    let api = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    let mut files = vec![];
    let mut folders = vec![api];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut names = BTreeSet::new();
    for source in files {
        for after in source.split("#[server").skip(1) {
            let Some(args) = after.split_once("pub async fn ").and_then(|(_, f)| {
                let open = f.find('(')?;
                let close = f.find(')')?;
                Some(f[open + 1..close].to_owned())
            }) else {
                continue;
            };
            for arg in args.split(',') {
                if let Some((name, _)) = arg.split_once(':') {
                    names.insert(name.trim().to_owned());
                }
            }
        }
    }
    names.into_iter().filter(|n| !n.is_empty()).collect()
}

/// A hostile value: strings of every kind, and for JSON other types too.
fn value(rng: &mut StdRng, ids: &[String]) -> Value {
    let strings = [
        String::new(),
        " ".into(),
        "x".repeat(rng.gen_range(1..20_000)),
        "\u{0}\u{1}\r\n\t".into(),
        "'; DROP TABLE users; --".into(),
        "<script>alert(1)</script>".into(),
        "=HYPERLINK(\"http://evil.example\")".into(),
        "../../etc/passwd".into(),
        "%00%ff".into(),
        "😀 ümlaut ß 𝔘".into(),
        "\u{202e}reversed".into(),
        "-1".into(),
        "99999999999999999999999".into(),
        "1e309".into(),
        "NaN".into(),
        "true".into(),
        "null".into(),
        "2026-02-30".into(),
        "admin".into(),
        "ada@example.org".into(),
        "not-an-address@".into(),
        PASSWORD.into(),
        ids.choose(rng).unwrap().clone(),
        uuid::Uuid::now_v7().to_string(),
        uuid::Uuid::nil().to_string(),
    ];
    match rng.gen_range(0..10) {
        0 => json!(rng.gen::<i64>()),
        1 => json!(rng.gen::<f64>() * 1e300),
        2 => json!(rng.gen::<bool>()),
        3 => Value::Null,
        4 => json!([strings.choose(rng).unwrap(), rng.gen::<u8>()]),
        5 => {
            json!({ "key": strings.choose(rng).unwrap(), "values": [strings.choose(rng).unwrap()] })
        }
        _ => json!(strings.choose(rng).unwrap()),
    }
}

fn as_form_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A body of random arguments: (content type, bytes).
fn body(rng: &mut StdRng, names: &[String], ids: &[String]) -> (&'static str, String) {
    let count = rng.gen_range(0..8);
    let mut object = serde_json::Map::new();
    for _ in 0..count {
        let name = if rng.gen_bool(0.9) {
            names.choose(rng).unwrap().clone()
        } else {
            format!("x{}", rng.gen::<u16>())
        };
        object.insert(name, value(rng, ids));
    }
    match rng.gen_range(0..5) {
        0 => ("application/json", Value::Object(object).to_string()),
        1 => ("application/json", "{\"unclosed\": [".to_owned()),
        2 => (
            "application/x-www-form-urlencoded",
            "%%%&&==&a[=1&b]=2".to_owned(),
        ),
        _ => {
            let mut pairs = Vec::new();
            for (k, v) in object {
                // Lists arrive as `name[0]=…` from the pages' forms.
                let key = if rng.gen_bool(0.2) {
                    format!("{k}[{}]", rng.gen_range(0..3))
                } else {
                    k
                };
                pairs.push((key, as_form_value(&v)));
            }
            (
                "application/x-www-form-urlencoded",
                serde_urlencoded::to_string(pairs).unwrap(),
            )
        }
    }
}

async fn signed_in(state: &app::server::AppState, email: &str) -> Browser {
    let mut b = Browser::new(state);
    let r = b
        .call::<SignIn>(&[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{email}: {}", r.body);
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_arguments_never_get_a_server_error() {
    let state = common::state().await;
    common::staff(&state, "root@example.org", Role::Admin).await;
    common::staff(&state, "agnes@example.org", Role::Agent).await;
    let ada = common::customer(&state, "Ada Fuzz", "ada@example.org").await;
    let bea = common::customer(&state, "Bea Fuzz", "bea@example.org").await;
    let mut ids = vec![ada.user_id.to_string(), bea.user_id.to_string()];
    for (who, subject) in [(&ada, "Ada's printer"), (&bea, "Bea's invoice")] {
        let t = tickets::open(&state, who, subject, "words", &[])
            .await
            .unwrap();
        ids.push(t.to_string());
    }
    let names = argument_names();
    assert!(names.len() > 30, "argument names: {names:?}");
    let functions: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_owned())
        .collect();
    let rounds: usize = std::env::var("CUSTODIAN_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("CUSTODIAN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let mut rng = StdRng::seed_from_u64(seed);
    let people = [
        ("visitor", None),
        ("customer", Some("ada@example.org")),
        ("agent", Some("agnes@example.org")),
        ("admin", Some("root@example.org")),
    ];
    let mut answered = 0;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    let mut failures = Vec::new();
    for (who, email) in people {
        let mut browser = match email {
            Some(e) => signed_in(&state, e).await,
            None => Browser::new(&state),
        };
        for path in &functions {
            for _ in 0..rounds {
                let (content_type, bytes) = body(&mut rng, &names, &ids);
                let req = browser
                    .with_cookie(Request::post(path.as_str()))
                    .header(header::CONTENT_TYPE, content_type)
                    .header(header::ACCEPT, "application/json")
                    .header(header::ORIGIN, common::ORIGIN)
                    .header("sec-fetch-site", "same-origin")
                    .body(Body::from(bytes.clone()))
                    .unwrap();
                let r = browser.send(req).await;
                answered += 1;
                *statuses.entry(r.status.as_u16()).or_default() += 1;
                if r.status.is_server_error() {
                    let shown: String = bytes.chars().take(300).collect();
                    failures.push(format!(
                        "{who}: {path} {} {} ← {content_type} {shown}",
                        r.status,
                        r.body.chars().take(300).collect::<String>()
                    ));
                }
                // A random sign-out (or account change) ends the session: sign in again.
                if let (Some(e), None) = (email, &browser.cookie) {
                    browser = signed_in(&state, e).await;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {answered} answers were server errors (seed {seed}):\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!(
        "{answered} random calls to {} server functions, seed {seed}: no server error; answers by status {statuses:?}",
        functions.len()
    );
}
