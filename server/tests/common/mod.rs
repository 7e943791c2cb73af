//! Shared test set-up: a fresh database per test on SQLite (default) or on
//! PostgreSQL when CUSTODIAN_TEST_POSTGRES_URL names a server to create databases on.
#![allow(dead_code, clippy::unwrap_used)]

use app::server::{
    crypto::{Keyring, MasterKey},
    AppState, SecuritySettings, Vault,
};
use axum::{body::Body, Router};
use http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::HttpSettings;
use tower::ServiceExt;

pub const ORIGIN: &str = "http://127.0.0.1:3000";
/// The password of every account the tests create.
pub const PASSWORD: &str = "correct horse battery";

/// Signs a customer up, confirms their address with the link mailed to it,
/// and returns them as the actor of their new session, with its cookie value.
pub async fn sign_up_confirmed(
    state: &AppState,
    name: &str,
    email: &str,
    phone: &str,
) -> (app::server::Actor, String) {
    use app::server::services::{accounts, sessions};
    let device = sessions::Device::new(None, "127.0.0.1");
    let (_, token) = accounts::sign_up(state, name, email, phone, PASSWORD, &device)
        .await
        .unwrap();
    let cookie = token.expose().to_owned();
    let mut actor = sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    confirm_address(state, actor.user_id).await;
    actor.email_confirmed = true;
    (actor, cookie)
}

/// Signs a customer up (address confirmed) and returns them as the actor of their new session.
pub async fn customer(state: &AppState, name: &str, email: &str) -> app::server::Actor {
    sign_up_confirmed(state, name, email, "").await.0
}

/// The token of the link to `path` in a mail body, if there is one.
pub fn token_in(body: &str, path: &str) -> Option<String> {
    body.split(&format!("{path}?token="))
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}

/// The newest mail to `to` about `subject`, opened with the subject's key.
pub async fn mail_body_to(state: &AppState, subject: uuid::Uuid, to: &str) -> String {
    use app::server::entities::outbound_mail;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let row = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq(to))
        .filter(outbound_mail::Column::SubjectId.eq(subject))
        .order_by_desc(outbound_mail::Column::CreatedAt)
        .order_by_desc(outbound_mail::Column::Id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no mail to {to}"));
    let key = state.vault.key(subject).await.unwrap().unwrap();
    app::server::mail::open(&key, &row).unwrap().body
}

/// The token of the newest link to `path` in a mail to `user_id`.
pub async fn link_token(state: &AppState, user_id: uuid::Uuid, path: &str) -> String {
    use app::server::entities::outbound_mail;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let key = state.vault.key(user_id).await.unwrap().unwrap();
    let mails = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::SubjectId.eq(user_id))
        .order_by_desc(outbound_mail::Column::CreatedAt)
        .order_by_desc(outbound_mail::Column::Id)
        .all(&state.db)
        .await
        .unwrap();
    mails
        .iter()
        .filter_map(|m| app::server::mail::open(&key, m))
        .find_map(|c| token_in(&c.body, path))
        .unwrap_or_else(|| panic!("no {path} link mailed to {user_id}"))
}

/// Confirms a sign-up's address with the link that was mailed to it.
pub async fn confirm_address(state: &AppState, user_id: uuid::Uuid) {
    let token = link_token(state, user_id, "confirm-address").await;
    app::server::services::signup_confirmation::confirm(state, Some(user_id), &token)
        .await
        .unwrap();
}

/// `confirm_address`, for an account known by its address (signed up over HTTP).
pub async fn confirm_address_of(state: &AppState, email: &str) {
    use app::server::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let user = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    confirm_address(state, user.id).await;
}

/// Creates a staff account ("Agnes Agent") and signs it in.
pub async fn staff(state: &AppState, email: &str, role: app::model::Role) -> app::server::Actor {
    use app::server::services::accounts;
    let new = accounts::NewUser::validated("Agnes Agent", email, PASSWORD, role).unwrap();
    accounts::create_user_unchecked(state, new).await.unwrap();
    signed_in(state, email).await
}

/// Which backend this run tests, for messages.
pub fn backend() -> &'static str {
    if std::env::var("CUSTODIAN_TEST_POSTGRES_URL").is_ok() {
        "postgres"
    } else {
        "sqlite"
    }
}

/// A URL for a new, empty database: a file under the temp folder, or a new
/// database on the PostgreSQL server.
pub async fn fresh_url(prefix: &str) -> String {
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let url = match std::env::var("CUSTODIAN_TEST_POSTGRES_URL") {
        Ok(admin_url) => {
            let admin = Database::connect(&admin_url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            admin.close().await.unwrap();
            let (base, _) = admin_url.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        Err(_) => {
            let dir = std::env::temp_dir().join("custodian-tests");
            std::fs::create_dir_all(&dir).unwrap();
            format!(
                "sqlite://{}?mode=rwc",
                dir.join(format!("{name}.db")).display()
            )
        }
    };
    url
}

/// A new, migrated, empty database.
pub async fn database() -> DatabaseConnection {
    server::db::connect_and_migrate(&fresh_url("custodian_test").await)
        .await
        .unwrap()
}

/// A new key store with a fresh master key.
pub async fn vault() -> Vault {
    vault_at(
        &fresh_url("custodian_keys").await,
        &MasterKey::generate().to_base64(),
    )
    .await
}

async fn vault_at(url: &str, master_key: &str) -> Vault {
    let keystore = server::db::connect_keystore(url).await.unwrap();
    Vault::new(keystore, Keyring::from_values(master_key, &[]).unwrap())
}

/// A state whose databases and master key a spawned `custodian` process can open too.
pub struct Shared {
    pub state: AppState,
    pub database_url: String,
    pub keystore_url: String,
    pub master_key: String,
}

pub async fn shared_state() -> Shared {
    let database_url = fresh_url("custodian_test").await;
    let keystore_url = fresh_url("custodian_keys").await;
    let master_key = MasterKey::generate().to_base64().to_string();
    let db = server::db::connect_and_migrate(&database_url)
        .await
        .unwrap();
    let vault = vault_at(&keystore_url, &master_key).await;
    Shared {
        state: state_with(db, vault),
        database_url,
        keystore_url,
        master_key,
    }
}

impl Shared {
    /// Another server on the same databases and master key: its own
    /// connections, its own archive folder, archives kept in `store`.
    pub async fn another_server(&self, store: app::server::ArchiveStore) -> AppState {
        let db = server::db::connect_and_migrate(&self.database_url)
            .await
            .unwrap();
        let vault = vault_at(&self.keystore_url, &self.master_key).await;
        let mut state = state_with(db, vault);
        state.exports.dir = std::env::temp_dir()
            .join("custodian-tests")
            .join(format!("exports-{}", uuid::Uuid::new_v4().simple()));
        state.exports.store = store;
        state
    }
}

pub fn security() -> SecuritySettings {
    SecuritySettings::default()
}

pub async fn state() -> AppState {
    state_with(database().await, vault().await)
}

fn state_with(db: DatabaseConnection, vault: Vault) -> AppState {
    AppState {
        db,
        vault: std::sync::Arc::new(vault),
        security: security(),
        mail: app::server::MailSettings::default(),
        exports: app::server::ExportSettings::default(),
        locations: app::server::StorageLocations::default(),
        leptos_options: LeptosOptions::builder()
            .output_name("custodian")
            .site_root("target/site")
            .build(),
    }
}

pub fn http_settings() -> HttpSettings {
    HttpSettings {
        public_origin: ORIGIN.to_owned(),
        trust_proxy_headers: false,
        https: false,
    }
}

/// Drives the real router in-process, keeping one browser's session cookie.
pub struct Browser {
    pub router: Router,
    pub cookie: Option<String>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    /// The body as text (lossy), for messages and JSON.
    pub body: String,
    /// The body as sent: an archive's bytes.
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The error code of a failed server function call.
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }
}

impl Browser {
    pub fn new(state: &AppState) -> Self {
        Browser {
            router: server::app(state.clone(), http_settings()),
            cookie: None,
        }
    }

    pub async fn send(&mut self, req: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for value in headers.get_all(header::SET_COOKIE) {
            let value = value.to_str().unwrap();
            let pair = value.split(';').next().unwrap();
            let (name, token) = pair.split_once('=').unwrap();
            if name == "custodian_session" {
                self.cookie = (!token.is_empty()).then(|| pair.to_owned());
            }
        }
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
            bytes: body.to_vec(),
        }
    }

    pub fn with_cookie(&self, builder: http::request::Builder) -> http::request::Builder {
        match &self.cookie {
            Some(c) => builder.header(header::COOKIE, c),
            None => builder,
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self
            .with_cookie(Request::get(path))
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    /// Calls a server function the way the hydrated page does (same origin, JSON answer).
    pub async fn call<S: leptos::server_fn::ServerFn>(&mut self, form: &[(&str, &str)]) -> Reply {
        self.call_from(S::PATH, form, Some(ORIGIN), Some("same-origin"))
            .await
    }

    /// Calls a server function that takes JSON (`input = Json`).
    pub async fn call_json<S: leptos::server_fn::ServerFn>(
        &mut self,
        body: serde_json::Value,
    ) -> Reply {
        let req = self
            .with_cookie(Request::post(S::PATH))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .header(header::ORIGIN, ORIGIN)
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(req).await
    }

    pub async fn call_from(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        origin: Option<&str>,
        fetch_site: Option<&str>,
    ) -> Reply {
        self.request_from(http::Method::POST, path, form, origin, fetch_site)
            .await
    }

    /// A form sent with any method, with the given `Origin` and `Sec-Fetch-Site` (if any).
    pub async fn request_from(
        &mut self,
        method: http::Method,
        path: &str,
        form: &[(&str, &str)],
        origin: Option<&str>,
        fetch_site: Option<&str>,
    ) -> Reply {
        let mut builder = self
            .with_cookie(Request::builder().method(method).uri(path))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(origin) = origin {
            builder = builder.header(header::ORIGIN, origin);
        }
        if let Some(site) = fetch_site {
            builder = builder.header("sec-fetch-site", site);
        }
        let body = serde_urlencoded::to_string(form).unwrap();
        self.send(builder.body(Body::from(body)).unwrap()).await
    }
}

/// A minimal SMTP sink: keeps every message body it receives.
#[derive(Clone, Default)]
pub struct Sink {
    pub received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    current: Vec<u8>,
}

impl mailin_embedded::Handler for Sink {
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        self.received
            .lock()
            .unwrap()
            .push(String::from_utf8_lossy(&self.current).into_owned());
        self.current.clear();
        mailin_embedded::response::OK
    }
}

pub fn smtp_settings(port: u16) -> server::config::Settings {
    use clap::Parser;
    let port = port.to_string();
    server::config::Cli::parse_from([
        "custodian",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        &port,
        "--smtp-tls",
        "none",
        "--mail-from",
        "Custodian <help@example.org>",
    ])
    .settings
}

/// Starts an SMTP sink on a free loopback port; returns the port and what it received.
pub fn start_sink() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let sink = Sink::default();
    let received = sink.received.clone();
    let mut smtp = mailin_embedded::Server::new(sink);
    smtp.with_name("sink.local")
        .with_ssl(mailin_embedded::SslConfig::None)
        .unwrap()
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = smtp.serve();
    });
    (port, received)
}

/// The files of a ZIP archive with their text, by name.
pub fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().into_owned(), s)
        })
        .collect()
}

/// An archive as its owner downloads it, decrypted, read on a blocking thread
/// as the server reads it (the database store fetches its rows as it goes).
pub async fn downloaded(state: &AppState, owner: &app::server::Actor, id: uuid::Uuid) -> Vec<u8> {
    let mut reader = app::server::services::exports::open_download(state, owner, id)
        .await
        .unwrap();
    tokio::task::spawn_blocking(move || {
        let mut bytes = Vec::new();
        while let Some(chunk) = reader.next_chunk().unwrap() {
            bytes.extend(chunk);
        }
        bytes
    })
    .await
    .unwrap()
}

/// `email` signed in again with the tests' password, as the actor of the new session.
pub async fn signed_in(state: &AppState, email: &str) -> app::server::Actor {
    use app::server::services::{accounts, sessions};
    let device = sessions::Device::new(None, "127.0.0.1");
    let (_, token) = accounts::sign_in(
        state,
        accounts::Credentials::password(email, PASSWORD),
        &device,
        None,
    )
    .await
    .unwrap();
    sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap()
}

/// `actor` as their next request finds them: on the session their browser
/// holds now (re-authentication gives it a new token).
pub async fn current(state: &AppState, actor: &app::server::Actor) -> app::server::Actor {
    let live =
        app::server::services::sessions::live_successor(&state.db, &actor.session_token_hash)
            .await
            .unwrap()
            .expect("the session has ended");
    app::server::Actor {
        session_token_hash: live.token_hash,
        ..actor.clone()
    }
}

/// Whether `email` signs in with the tests' password.
pub async fn signs_in(state: &AppState, email: &str) -> bool {
    let device = app::server::services::sessions::Device::new(None, "127.0.0.1");
    app::server::services::accounts::sign_in(
        state,
        app::server::services::accounts::Credentials::password(email, PASSWORD),
        &device,
        None,
    )
    .await
    .is_ok()
}

/// The command line's settings for these databases and master key.
pub fn settings_for(
    database_url: &str,
    keystore_url: &str,
    master_key: &str,
) -> server::config::Settings {
    use clap::Parser;
    let mut settings = server::config::Cli::parse_from(["custodian"]).settings;
    settings.database_url = Some(database_url.to_owned());
    settings.keystore_url = Some(keystore_url.to_owned());
    settings.master_key = Some(master_key.to_owned());
    settings.data_dir = std::env::temp_dir().join("custodian-tests");
    settings
}
