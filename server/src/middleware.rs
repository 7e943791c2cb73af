//! Per-request middleware: request ids and logging, security headers with a
//! CSP nonce, cross-site request rejection, and session resolution.
use crate::HttpSettings;
use ::app::{
    error::AppError,
    server::{
        services::sessions::{self, SessionToken},
        AppState, ClientIp, CspNonce, RequestId,
    },
};
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
    Json,
};
use base64::Engine;
use http::{header, HeaderValue, Method, StatusCode};
use rand::RngCore;
use std::net::SocketAddr;
use tracing::Instrument;

/// Gives every request an id, logs it, and returns it in `X-Request-Id`.
pub async fn request_id(mut req: Request, next: Next) -> Response {
    let id = uuid::Uuid::new_v4().simple().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    let span =
        tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path());
    let started = std::time::Instant::now();
    let mut response = next.run(req).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "done"
        )
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

fn nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Security headers, with a Content-Security-Policy whose nonce admits only the
/// inline hydration scripts the server itself rendered, and `'wasm-unsafe-eval'`
/// so the WebAssembly bundle may compile. Nothing else may run.
pub async fn security_headers(
    State(http): State<HttpSettings>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = nonce();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let path = req.uri().path().to_owned();
    let is_asset =
        path.starts_with("/pkg/") || path.starts_with("/i18n/") || path == "/favicon.svg";
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    let fixed = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
    ];
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if http.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // Pages and API answers carry personal data: keep them out of shared caches.
    // Assets named after their content never change: cached for a year.
    let cache = if !is_asset {
        "no-store"
    } else if ::app::server::assets::is_content_named(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// Whether a request that changes state comes from another site.
pub fn is_cross_site(req: &Request, http: &HttpSettings) -> bool {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return true;
        }
    }
    // Only the configured public origin may change state: the Host header is
    // the client's to choose, so it proves nothing about where a request came from.
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        return origin != http.public_origin;
    }
    false
}

/// Refuses changes (every request but GET and HEAD) once the data has moved to
/// another database (`custodian transfer`), so none is written where nobody
/// will read it: a clean 503 until this server is switched over.
pub async fn refuse_changes_after_move(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let reads = matches!(*req.method(), http::Method::GET | http::Method::HEAD);
    if !reads
        && ::app::server::relocation::moved(&state.db)
            .await
            .unwrap_or(false)
    {
        return (StatusCode::SERVICE_UNAVAILABLE, Json(AppError::Moving)).into_response();
    }
    next.run(req).await
}

/// Rejects state-changing requests (server functions included) sent cross-site.
pub async fn reject_cross_site(
    State(http): State<HttpSettings>,
    req: Request,
    next: Next,
) -> Response {
    if is_cross_site(&req, &http) {
        tracing::warn!("cross-site request rejected");
        return (StatusCode::FORBIDDEN, Json(AppError::CrossSiteRequest)).into_response();
    }
    next.run(req).await
}

fn client_ip(req: &Request, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(ip) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            return ip.to_owned();
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn session_cookie(req: &Request) -> Option<SessionToken> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == sessions::COOKIE_NAME && !value.is_empty())
        .map(|(_, value)| SessionToken::from_cookie(value))
}

/// Resolves the session cookie to an `Actor` once per request, and records the client address.
/// Marks a response to a signed-in person: it holds personal data and is never
/// compressed (see the compression layer in `app`).
#[derive(Clone, Copy, Debug)]
pub struct Personal;

pub async fn resolve_actor(
    State((state, http)): State<(AppState, HttpSettings)>,
    mut req: Request,
    next: Next,
) -> Response {
    let ip = client_ip(&req, http.trust_proxy_headers);
    req.extensions_mut().insert(ClientIp(ip.clone()));
    // The messages files are the same for everyone: no session, so they are compressed.
    let shared = req.uri().path().starts_with("/i18n/");
    if let Some(token) = session_cookie(&req).filter(|_| !shared) {
        match sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now()).await {
            Ok(Some(mut actor)) => {
                actor.client = ip;
                req.extensions_mut().insert(actor);
                let mut response = next.run(req).await;
                response.extensions_mut().insert(Personal);
                return response;
            }
            Ok(None) => {}
            Err(e) => {
                let request_id = req
                    .extensions()
                    .get::<RequestId>()
                    .map(|r| r.0.clone())
                    .unwrap_or_default();
                let error = e.into_app_error(&request_id);
                let status = ::app::server::context::status_of(&error);
                return (status, Json(error)).into_response();
            }
        }
    }
    // A visitor opening a page for signed-in people signs in first, and comes back.
    if req.method() == Method::GET && ::app::needs_sign_in(req.uri().path()) {
        let back = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".to_owned());
        return Redirect::to(&::app::sign_in_link(&back)).into_response();
    }
    next.run(req).await
}

/// Server function errors raised by the framework before our code runs (arguments
/// that do not deserialise, say) arrive as 500; give them the status their
/// error code stands for, so a bad request never looks like a server fault.
pub async fn api_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = ::app::server::context::status_of(&error);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}
