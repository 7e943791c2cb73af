//! "Download my data" (GDPR Art. 15 and 20) and admins' exports of every
//! module: archives built in the background in passes over the database so
//! memory stays bounded, written as a ZIP straight into a file encrypted in
//! chunks under the owner's data key (erasing the subject shreds old archives
//! too), and decrypted only while the owner downloads them.
//!
//! - `job`: claiming a build, running it, publishing the file
//! - `progress`: a build's progress bar and lease
//! - `subject_archive`: one person's data (JSON, CSV, HTML)
//! - `all_modules`: every module, for admins
//! - `render`: how data.json, the CSV files and index.html read
//! - `spill`: encrypted temporary files of one build
//! - `files`: where a build's files live on this server's disk
//! - `store`: where finished archives are kept (this folder or the database)
mod all_modules;
mod files;
mod job;
mod progress;
mod render;
mod spill;
mod store;
mod subject_archive;

pub use all_modules::{write_all, Reader, WITHHELD};
pub use files::{delete_files, files_of, files_of_any};
pub use job::{build, claim_next, fail, postpone, RETRY_WHEN_FULL};
pub use progress::Progress;
pub use render::json::FORMAT_VERSION;
pub use store::{delete_archive, remains_of, Source, CHUNK_BYTES};

use crate::{
    error::AppError,
    model::{AuditAction, ExportKind, ExportStatus, ExportView},
    server::{
        audit::{self, Event},
        crypto::stream::OpeningReader,
        entities::data_export,
        policy::{self, Action, Target},
        services::reauth,
        Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};

fn view(e: &data_export::Model) -> ExportView {
    ExportView {
        id: e.id,
        status: e.status,
        progress: e.progress,
        size_bytes: e.size_bytes,
        requested_at: e.requested_at,
        expires_at: e.expires_at,
        download_url: (e.status == ExportStatus::Ready)
            .then(|| format!("/exports/{}/download", e.id)),
        all_modules: e.kind == ExportKind::All,
    }
}

/// The subject asks for an archive. Their password is asked again first.
pub async fn request(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<ExportView, ServiceError> {
    queue(state, actor, password_again, ExportKind::Subject).await
}

/// An admin asks for an export of every module (permission "export all data").
pub async fn request_all(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<ExportView, ServiceError> {
    queue(state, actor, password_again, ExportKind::All).await
}

async fn queue(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
    kind: ExportKind,
) -> Result<ExportView, ServiceError> {
    let action = match kind {
        ExportKind::All => Action::ExportAllData,
        ExportKind::Subject => Action::ExportOwnData,
    };
    policy::require(actor, action, Target::Nothing)?;
    reauth::reauthenticate(state, actor, password_again).await?;
    let now = Utc::now();
    let today = data_export::Entity::find()
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .filter(data_export::Column::RequestedAt.gt(now - chrono::Duration::days(1)))
        .count(&state.db)
        .await?;
    if today >= state.exports.per_day {
        return Err(AppError::Conflict {
            message: format!(
                "You can ask for {} copies of your data per day. Please try again tomorrow, or use the one you have.",
                state.exports.per_day
            ),
        }
        .into());
    }
    let id = Uuid::now_v7();
    let txn = audit::begin(&state.db).await?;
    let model = data_export::ActiveModel {
        id: Set(id),
        subject_id: Set(actor.user_id),
        kind: Set(kind),
        status: Set(ExportStatus::Queued),
        progress: Set(0),
        size_bytes: Set(0),
        requested_at: Set(now),
        ready_at: Set(None),
        expires_at: Set(now + crate::server::services::retention::export_ttl(state).await?),
        lease_until: Set(now),
        error: Set(None),
    }
    .insert(&txn)
    .await?;
    let mut event = Event::new(AuditAction::ExportRequested, "data_export", id)
        .by(actor)
        .about(actor.user_id);
    if kind == ExportKind::All {
        event = event.setting(audit::Change::set("scope", "all modules"));
    }
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(view(&model))
}

/// The actor's own archives, newest first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<ExportView>, ServiceError> {
    Ok(data_export::Entity::find()
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .order_by_desc(data_export::Column::RequestedAt)
        .limit(20)
        .all(&state.db)
        .await?
        .iter()
        .map(view)
        .collect())
}

/// Opens the owner's ready archive for download, and audits the download.
/// Anyone else — another customer, staff, a stale link — gets "not found".
/// Read it on a blocking thread: from the database store it fetches as it goes.
pub async fn open_download(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<OpeningReader<Source>, ServiceError> {
    // A staff member who must set up two-factor sign-in first downloads nothing.
    policy::require_ready(actor)?;
    let export = data_export::Entity::find_by_id(id)
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if export.status == ExportStatus::Expired || export.expires_at < Utc::now() {
        return Err(AppError::Conflict {
            message: "This download has expired. Ask for a new copy of your data.".into(),
        }
        .into());
    }
    if export.kind == ExportKind::All
        && policy::require(actor, Action::ExportAllData, Target::Nothing).is_err()
    {
        return Err(AppError::NotFound.into());
    }
    if export.status != ExportStatus::Ready {
        return Err(AppError::Conflict {
            message: "This archive is not ready yet.".into(),
        }
        .into());
    }
    let key = state.vault.require_key(actor.user_id).await?;
    let source = store::open(state, id).await?;
    let txn = audit::begin(&state.db).await?;
    audit::append(
        &txn,
        Event::new(AuditAction::ExportDownloaded, "data_export", id)
            .by(actor)
            .about(actor.user_id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(OpeningReader::new(source, key, id))
}

/// Deletes expired archives from disk and marks them expired. An archive whose
/// files cannot be deleted stays as it is (and is logged), to be tried again.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<u64, ServiceError> {
    let expired: Vec<Uuid> = data_export::Entity::find()
        .select_only()
        .column(data_export::Column::Id)
        .filter(data_export::Column::Status.is_in([ExportStatus::Ready, ExportStatus::Failed]))
        .filter(data_export::Column::ExpiresAt.lt(now))
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut swept = Vec::new();
    for id in expired {
        match delete_archive(state, id).await {
            Ok(()) => swept.push(id),
            Err(e) => {
                tracing::error!(export = %id, error = %e, "expired archive could not be deleted")
            }
        }
    }
    data_export::Entity::update_many()
        .col_expr(
            data_export::Column::Status,
            Expr::value(ExportStatus::Expired),
        )
        .filter(data_export::Column::Id.is_in(swept.clone()))
        .exec(&state.db)
        .await?;
    Ok(swept.len() as u64)
}

/// Writes every module to `out` for an operator at the command line (`custodian
/// export`), in the clear, and audits it in the same step.
pub async fn export_all_to_file(
    state: &AppState,
    out: &std::path::Path,
) -> Result<(), ServiceError> {
    let file = std::fs::File::create(out)?;
    let written = write_all(
        state,
        all_modules::Reader::operator(),
        None,
        std::io::BufWriter::new(file),
    )
    .await?;
    written
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()?;
    let txn = audit::begin(&state.db).await?;
    let event = Event::new(AuditAction::ExportRequested, "data_export", "cli")
        .setting(audit::Change::set("scope", "all modules (command line)"));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
