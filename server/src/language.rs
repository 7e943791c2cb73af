//! The footer's language switcher: a plain form, so it works before the page
//! hydrates and without JavaScript. It sets the language cookie (what a
//! visitor's pages use) and, for a signed-in person whose role may edit the
//! profile's language, the profile too (audited like any profile change, and
//! copied onto their sessions), then goes back to the page it came from.
use app::{
    fields::FieldInput,
    i18n::Lang,
    server::{context::LANGUAGE_COOKIE, services::profile, Actor, AppState},
};
use axum::{
    extract::{Form, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Choice {
    lang: String,
    #[serde(default)]
    back: String,
}

/// A year: the choice outlives sessions.
const COOKIE_MAX_AGE: u64 = 365 * 24 * 3600;

pub async fn switch(
    State(state): State<AppState>,
    actor: Option<Extension<Actor>>,
    request_headers: axum::http::HeaderMap,
    Form(choice): Form<Choice>,
) -> Response {
    let Some(lang) = Lang::parse(&choice.lang).filter(|l| l.code() == choice.lang) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "Unknown language.").into_response();
    };
    // Staff who must set up two-factor sign-in first change nothing but the cookie.
    if let Some(Extension(actor)) = actor.filter(|a| !a.needs_two_factor_setup) {
        let input = FieldInput {
            key: "language".to_owned(),
            values: vec![lang.code().to_owned()],
        };
        // A role the admins keep from editing the language keeps the cookie only.
        if let Err(e) = profile::update(&state, &actor, None, &[input]).await {
            tracing::info!(error = %e, "language kept in the cookie only");
        }
    }
    let secure = if state.security.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={COOKIE_MAX_AGE}{secure}",
        lang.code()
    );
    // Back to the page the form was on: `back`, else the Referer (the
    // footer's form sends none; the referrer policy is same-origin).
    let back = if choice.back.is_empty() {
        referer_path(&request_headers).unwrap_or_default()
    } else {
        choice.back
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, v);
    }
    if let Ok(v) = HeaderValue::from_str(app::local_path(&back).unwrap_or("/")) {
        headers.insert(header::LOCATION, v);
    }
    response
}

/// A language's messages for the browser bundle (`/i18n/de.<hash>.json`).
pub async fn strings(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    match app::server::assets::strings_files()
        .iter()
        .find(|f| f.name == file)
    {
        Some(f) => (
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            f.json.as_str(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The path (and query) of the page a same-origin form was sent from.
fn referer_path(headers: &axum::http::HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let after_scheme = referer.split_once("://")?.1;
    let path = &after_scheme[after_scheme.find('/')?..];
    Some(path.split('#').next().unwrap_or(path).to_owned())
}

#[cfg(test)]
mod tests {
    use super::referer_path;

    #[test]
    fn the_referer_gives_the_page_to_go_back_to() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(referer_path(&headers), None);
        headers.insert(
            axum::http::header::REFERER,
            "https://help.example.org/tickets?page=2#top"
                .parse()
                .unwrap(),
        );
        assert_eq!(referer_path(&headers).as_deref(), Some("/tickets?page=2"));
        headers.insert(
            axum::http::header::REFERER,
            "https://help.example.org".parse().unwrap(),
        );
        assert_eq!(referer_path(&headers), None);
    }
}
