//! The portal in English, German and French: the server picks the language
//! (profile, else the switcher's cookie, else Accept-Language) and renders
//! the page in it; the footer's switcher changes only its user's own profile.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser, ORIGIN, PASSWORD};

use app::{
    api::profile::MyProfile,
    model::AuditAction,
    server::{entities::audit_event, services::sessions},
};
use axum::body::Body;
use http::{header, Request, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn page(b: &mut Browser, path: &str, accept_language: &str) -> String {
    let req = b
        .with_cookie(Request::get(path))
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    r.body
}

fn lang_of(html: &str) -> &str {
    html.split("<html lang=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
}

async fn switch(
    b: &mut Browser,
    lang: &str,
    back: &str,
    extra_cookie: Option<&str>,
) -> common::Reply {
    let mut builder = b
        .with_cookie(Request::post("/language"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, ORIGIN)
        .header("sec-fetch-site", "same-origin");
    if let Some(c) = extra_cookie {
        builder = builder.header(header::COOKIE, c);
    }
    let body = serde_urlencoded::to_string([("lang", lang), ("back", back)]).unwrap();
    b.send(builder.body(Body::from(body)).unwrap()).await
}

#[tokio::test]
async fn a_visitor_reads_the_browser_language_unless_the_switcher_chose_one() {
    let state = common::state().await;
    let mut b = Browser::new(&state);
    let german = page(&mut b, "/sign-in", "de-DE,de;q=0.9,en;q=0.5").await;
    assert_eq!(lang_of(&german), "de");
    assert!(german.contains("Anmelden"), "German sign-in link");
    let french = page(&mut b, "/sign-in", "es, fr;q=0.4").await;
    assert_eq!(lang_of(&french), "fr");
    assert!(french.contains("Se connecter"));
    let english = page(&mut b, "/sign-in", "ja").await;
    assert_eq!(lang_of(&english), "en");
    // The switcher's cookie beats the browser's language.
    let req = Request::get("/sign-in")
        .header(header::ACCEPT_LANGUAGE, "de")
        .header(header::COOKIE, "custodian_lang=fr")
        .body(Body::empty())
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(lang_of(&r.body), "fr");
}

#[tokio::test]
async fn the_switcher_sets_the_cookie_and_goes_back_only_to_this_site() {
    let state = common::state().await;
    let mut b = Browser::new(&state);
    let r = switch(&mut b, "fr", "/sign-in?x=1", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/sign-in?x=1");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("custodian_lang=fr;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let r = switch(&mut b, "de", "//evil.example/", None).await;
    assert_eq!(r.headers[header::LOCATION], "/");
    // The footer's form sends no `back`: the page it was on is the Referer.
    let req = Request::post("/language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, ORIGIN)
        .header("sec-fetch-site", "same-origin")
        .header(header::REFERER, format!("{ORIGIN}/forgot-password?x=1"))
        .body(Body::from("lang=de"))
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.headers[header::LOCATION], "/forgot-password?x=1");
    let r = switch(&mut b, "xx", "/", None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    // Another site cannot switch someone's language (or write their profile).
    let req = Request::post("/language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("lang=de&back=/"))
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_customers_profile_language_wins_and_the_switcher_writes_only_their_own_profile() {
    let state = common::state().await;
    let (alice, alice_cookie) =
        common::sign_up_confirmed(&state, "Alice", "alice@example.com", "").await;
    let (bob, bob_cookie) = common::sign_up_confirmed(&state, "Bob", "bob@example.com", "").await;
    let mut a = Browser::new(&state);
    a.cookie = Some(format!("custodian_session={alice_cookie}"));
    let mut b = Browser::new(&state);
    b.cookie = Some(format!("custodian_session={bob_cookie}"));

    let r = switch(&mut a, "de", "/privacy", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Alice's profile says German now: it beats her browser's English.
    let html = page(&mut a, "/privacy", "en").await;
    assert_eq!(lang_of(&html), "de");
    let profile = a.call::<MyProfile>(&[]).await.json();
    let language = profile["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "language")
        .unwrap()["values"][0]
        .clone();
    assert_eq!(language, "de");
    // Bob's pages and profile did not change.
    assert_eq!(lang_of(&page(&mut b, "/privacy", "en").await), "en");
    let bobs = b.call::<MyProfile>(&[]).await.json();
    let bobs_language = bobs["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "language")
        .unwrap()["values"]
        .clone();
    assert_eq!(bobs_language, serde_json::json!([]));
    // The change is audited, about Alice, by Alice.
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(AuditAction::ProfileChanged))
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].subject_id, Some(alice.user_id));
    assert_ne!(events[0].subject_id, Some(bob.user_id));
    // A new sign-in starts in the profile's language.
    let device = sessions::Device::new(None, "127.0.0.1");
    let (_, token) = app::server::services::accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("alice@example.com", PASSWORD),
        &device,
        None,
    )
    .await
    .unwrap();
    let mut again = Browser::new(&state);
    again.cookie = Some(format!("custodian_session={}", token.expose()));
    assert_eq!(lang_of(&page(&mut again, "/tickets", "fr").await), "de");
}

/// Sets a customer's profile language the way the profile page does.
async fn prefer(state: &app::server::AppState, actor: &app::server::Actor, lang: &str) {
    let input = app::fields::FieldInput {
        key: "language".to_owned(),
        values: vec![lang.to_owned()],
    };
    app::server::services::profile::update(state, actor, None, &[input])
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_and_the_export_speak_the_recipients_language() {
    let state = common::state().await;
    let (greta, cookie) = common::sign_up_confirmed(&state, "Greta", "greta@example.com", "").await;
    let (_, _) = common::sign_up_confirmed(&state, "Ed", "ed@example.com", "").await;
    prefer(&state, &greta, "de").await;
    // Mail is written in the recipient's language, whoever asked for it.
    app::server::services::passwords::request_reset(&state, "greta@example.com", "10.0.0.1")
        .await
        .unwrap();
    app::server::services::passwords::request_reset(&state, "ed@example.com", "10.0.0.2")
        .await
        .unwrap();
    let german = common::mail_body_to(&state, greta.user_id, "greta@example.com").await;
    assert!(
        german.contains("Um ein neues Passwort zu wählen"),
        "{german}"
    );
    let ed = app::server::entities::user::Entity::find()
        .filter(app::server::entities::user::Column::Email.eq("ed@example.com"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let english = common::mail_body_to(&state, ed, "ed@example.com").await;
    assert!(english.contains("To choose a new password"), "{english}");

    // Greta's archive: README, index.html and the CSV headers in German.
    let mut b = Browser::new(&state);
    b.cookie = Some(format!("custodian_session={cookie}"));
    let r = b
        .call::<app::api::privacy::RequestExport>(&[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert!(server::exports_worker::work_once(&state).await);
    let download = b.get(&format!("/exports/{id}/download")).await;
    assert_eq!(download.status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(download.bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let readme = read("README.txt");
    assert!(readme.starts_with("Ihre Daten bei Custodian\n"), "{readme}");
    assert!(
        readme.contains("Was nicht enthalten ist, und warum"),
        "{readme}"
    );
    let index = read("index.html");
    assert!(index.contains("<html lang=\"de\">"), "{index}");
    assert!(index.contains("<h2>Profil</h2>"), "{index}");
    assert!(read("profile.csv").starts_with("feld,wert"));
    assert!(read("tickets.csv").starts_with("id,betreff,status"));
}
