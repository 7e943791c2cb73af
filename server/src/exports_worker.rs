//! Builds queued "Download my data" archives, streams finished ones to their
//! owners, and deletes expired ones.
use ::app::{
    error::AppError,
    server::{
        context::status_of, entities::data_export::Model as DataExport, error, services::exports,
        Actor, AppState, RequestId, ServiceError,
    },
};
use axum::{
    body::Body,
    extract::{Path, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension, Json,
};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Builds what is queued; sweeps expired archives once a minute.
pub async fn run(state: AppState) {
    let mut last_sweep: Option<Instant> = None;
    loop {
        if crate::transfer::moved_away(&state).await {
            continue;
        }
        if last_sweep.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
            last_sweep = Some(Instant::now());
            match exports::sweep(&state, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "expired data exports deleted"),
                Err(e) => tracing::error!(error = %e, "export sweep failed"),
            }
        }
        if !work_once(&state).await {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// Builds one queued archive, if any; returns whether there was one.
pub async fn work_once(state: &AppState) -> bool {
    match exports::claim_next(&state.db, chrono::Utc::now()).await {
        Ok(Some(export)) => {
            build_claimed(state, &export).await;
            true
        }
        Ok(None) => false,
        Err(e) => {
            tracing::error!(error = %e.chain(), "could not claim a data export");
            false
        }
    }
}

/// Builds an archive this server claimed, and settles what happened: ready,
/// queued again (no space left), left to its lease (the database went away), or
/// failed.
pub async fn build_claimed(state: &AppState, export: &DataExport) {
    let started = Instant::now();
    match exports::build(state, export).await {
        Ok(()) => {
            tracing::info!(export = %export.id, ms = started.elapsed().as_millis() as u64, "data export ready")
        }
        // The database went away mid-build (a restart): not the archive's
        // fault. The build is taken up again when its lease runs out.
        Err(ServiceError::Db(e)) if error::is_unreachable(&e) => {
            tracing::warn!(export = %export.id, error = %e, "the database went away during a build; it is built again when its lease ends");
        }
        // The disk (or the database) is full: not the archive's fault either.
        // It is queued again and tried once there may be space.
        Err(e) if error::is_storage_full(&e) => {
            tracing::warn!(export = %export.id, error = %e.chain(), retry_in_s = exports::RETRY_WHEN_FULL.num_seconds(), "no space left to build a data export; it is tried again");
            if let Err(e) = exports::postpone(state, export.id, exports::RETRY_WHEN_FULL).await {
                tracing::error!(export = %export.id, error = %e.chain(), "could not queue the export again");
            }
        }
        Err(e) => {
            tracing::error!(export = %export.id, error = %e.chain(), "data export failed");
            if let Err(e) = exports::fail(state, export.id, "the archive could not be built").await
            {
                tracing::error!(export = %export.id, error = %e.chain(), "could not record the failure");
            }
        }
    }
}

/// `GET /exports/{id}/download`: the owner's archive, decrypted while it streams.
pub async fn download(
    State(state): State<AppState>,
    actor: Option<Extension<Actor>>,
    request_id: Option<Extension<RequestId>>,
    Path(id): Path<String>,
) -> Response {
    let fail = |error: AppError| (status_of(&error), Json(error)).into_response();
    let Some(Extension(actor)) = actor else {
        return fail(AppError::NotSignedIn);
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(AppError::NotFound);
    };
    let request_id = request_id.map(|r| r.0 .0).unwrap_or_default();
    let reader = match exports::open_download(&state, &actor, id).await {
        Ok(reader) => reader,
        Err(e) => return fail(e.into_app_error(&request_id)),
    };
    // Read the first chunk before answering, so a damaged archive is an error,
    // not a broken download. Reading blocks (files, or the database store's
    // rows), so it happens on a blocking thread.
    let first = tokio::task::spawn_blocking(move || {
        let mut reader = reader;
        let first = reader.next_chunk();
        (reader, first)
    })
    .await;
    let (mut reader, first) = match first {
        Ok(read) => read,
        Err(e) => {
            tracing::error!(export = %id, error = %e, "archive reader stopped");
            return fail(AppError::Internal { request_id });
        }
    };
    let first = match first {
        Ok(chunk) => chunk.unwrap_or_default(),
        Err(e) => {
            tracing::error!(export = %id, error = %e, "archive could not be decrypted");
            return fail(AppError::Internal { request_id });
        }
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let _ = tx.try_send(Ok(first));
    tokio::task::spawn_blocking(move || loop {
        match reader.next_chunk() {
            Ok(Some(chunk)) => {
                if tx.blocking_send(Ok(chunk)).is_err() {
                    return;
                }
            }
            Ok(None) => return,
            Err(e) => {
                tracing::error!(export = %id, error = %e, "archive could not be decrypted");
                let _ = tx.blocking_send(Err(e));
                return;
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let name = format!(
        "custodian-data-{}.zip",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    let mut response = Response::new(Body::from_stream(stream));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    *response.status_mut() = StatusCode::OK;
    response
}
