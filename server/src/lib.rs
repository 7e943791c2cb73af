//! The Custodian server: configuration, the router with its middleware, the CLI.
//! `app(state)` builds the real router so tests can drive it in-process.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod backup;
pub mod bench;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod erasure_worker;
pub mod error;
pub mod exports_worker;
pub mod files;
pub mod language;
pub mod mailer;
pub mod middleware;
pub mod register;
pub mod scheduler;
pub mod transfer;

use ::app::{server::AppState, shell, App};
use axum::{
    body::Body,
    extract::{Request, State},
    response::{IntoResponse, Response},
    Router,
};
use http::{Extensions, HeaderMap, StatusCode, Version};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{
    compression::{
        predicate::{DefaultPredicate, Predicate},
        CompressionLayer,
    },
    services::{ServeDir, ServeFile},
};

/// Binds the portal's listener. Every accepted connection sends without delay
/// (`TCP_NODELAY`): otherwise a response's headers and body may leave as two
/// segments, and the second waits for the client's delayed ACK — about 40 ms on
/// every request of a kept-alive connection, which browsers always use.
pub async fn listen(
    addr: std::net::SocketAddr,
) -> std::io::Result<axum::serve::TapIo<tokio::net::TcpListener, fn(&mut tokio::net::TcpStream)>> {
    use axum::serve::ListenerExt;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    Ok(listener.tap_io(send_without_delay as fn(&mut tokio::net::TcpStream)))
}

fn send_without_delay(tcp: &mut tokio::net::TcpStream) {
    if let Err(e) = tcp.set_nodelay(true) {
        tracing::warn!(error = %e, "could not set TCP_NODELAY on a connection");
    }
}

/// Options the middleware needs besides the app state.
#[derive(Clone, Debug)]
pub struct HttpSettings {
    /// scheme://host[:port] people use; the only origin allowed to change state.
    pub public_origin: String,
    pub trust_proxy_headers: bool,
    pub https: bool,
}

/// Unknown paths render the app, whose router shows "not found" with status 404.
async fn fallback(State(state): State<AppState>, req: Request<Body>) -> Response {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || provide_context(state.clone()),
        move || shell(options.clone()),
    );
    handler(req).await.into_response()
}

/// The app's routes, generated once per process. Generating them renders the app
/// with resource loading suppressed process-wide (leptos issue #4773): doing it
/// while another router serves pages (several routers in one process, as in the
/// tests) could leave a page render waiting forever.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The paths of the app's pages, as the router registers them (`/tickets/{id}`).
pub fn page_paths() -> Vec<String> {
    route_list().iter().map(|r| r.path().to_owned()).collect()
}

/// The HTTP routes beside the pages, the server functions (under `/api`) and
/// the static files. The tests enumerate them with the pages and the server
/// functions (cross-site requests, and GETs that must not change anything).
pub fn http_routes() -> Vec<(&'static str, axum::routing::MethodRouter<AppState>)> {
    use axum::routing::{get, post};
    vec![
        ("/language", post(language::switch)),
        ("/i18n/{file}", get(language::strings)),
        ("/requests/register.csv", get(register::csv)),
        ("/exports/{id}/download", get(exports_worker::download)),
    ]
}

/// The whole HTTP surface of the portal.
pub fn app(state: AppState, http: HttpSettings) -> Router {
    let options = state.leptos_options.clone();
    let site_root = std::path::PathBuf::from(options.site_root.to_string());
    let routes = route_list();
    let mut router = Router::new();
    for (path, handler) in http_routes() {
        router = router.route(path, handler);
    }
    router
        // Registers the pages and every server function (under /api), both with the state in context.
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            move || shell(options.clone()),
        )
        // The build writes Brotli and gzip copies beside each asset (release builds).
        .nest_service(
            "/pkg",
            ServeDir::new(site_root.join("pkg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .route_service(
            "/favicon.svg",
            ServeFile::new(site_root.join("favicon.svg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .fallback(fallback)
        .layer(axum::middleware::from_fn(middleware::api_error_status))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::refuse_changes_after_move,
        ))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), http.clone()),
            middleware::resolve_actor,
        ))
        // Compressed on the fly: pages and answers for visitors who are not signed in
        // (the sign-in page first of all). A signed-in person's responses carry their
        // personal data beside text other people wrote (a customer's message in an
        // agent's queue), the mix a BREACH-style length attack needs: never compressed.
        // Static files are not compressed here: release builds ship .br/.gz copies.
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(
                |_: StatusCode, _: Version, headers: &HeaderMap, ext: &Extensions| {
                    let page_or_answer = headers
                        .get(http::header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|t| {
                            t.starts_with("text/html") || t.starts_with("application/json")
                        });
                    page_or_answer && ext.get::<middleware::Personal>().is_none()
                },
            )),
        )
        .layer(axum::middleware::from_fn_with_state(
            http.clone(),
            middleware::reject_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            http,
            middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn(middleware::request_id))
        .with_state(state)
}
