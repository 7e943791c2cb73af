//! One build of an archive: claimed under a lease (several servers never build
//! the same one), built on a blocking thread (the file I/O, compression and
//! encryption never stall the async runtime), then published or failed.
use super::{all_modules, files, progress::BUILD_LEASE, store, subject_archive};
use crate::{
    model::{ExportKind, ExportStatus},
    server::{entities::data_export, lease, AppState, ArchiveStore, ServiceError},
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, ConnectionTrait, QueryOrder, QuerySelect, TransactionTrait};

/// Claims the next archive to build, under a lease (`BUILD_LEASE`): several
/// servers never build the same one, and one a crashed server left is built again.
pub async fn claim_next(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<data_export::Model>, ServiceError> {
    let candidates = data_export::Entity::find()
        .filter(data_export::Column::Status.is_in([ExportStatus::Queued, ExportStatus::Building]))
        .filter(data_export::Column::LeaseUntil.lte(now))
        .order_by_asc(data_export::Column::RequestedAt)
        .limit(5)
        .all(db)
        .await?;
    lease::first_won(candidates, |e| async move {
        let lease = now + BUILD_LEASE;
        let claimed = data_export::Entity::update_many()
            .col_expr(
                data_export::Column::Status,
                Expr::value(ExportStatus::Building),
            )
            .col_expr(data_export::Column::LeaseUntil, Expr::value(lease))
            .filter(data_export::Column::Id.eq(e.id))
            .filter(data_export::Column::LeaseUntil.eq(e.lease_until))
            .exec(db)
            .await?;
        Ok((claimed.rows_affected == 1).then_some(data_export::Model {
            lease_until: lease,
            status: ExportStatus::Building,
            ..e
        }))
    })
    .await
}

/// Builds one archive on a blocking thread: every pass streams pages of rows
/// into the ZIP, which is written straight into the encrypted file.
pub async fn build(state: &AppState, export: &data_export::Model) -> Result<(), ServiceError> {
    let (state, export) = (state.clone(), export.clone());
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || runtime.block_on(build_here(&state, &export))).await?
}

async fn build_here(state: &AppState, export: &data_export::Model) -> Result<(), ServiceError> {
    std::fs::create_dir_all(&state.exports.dir)?;
    let tmp = files::temp_of(state, export);
    let size = match export.kind {
        ExportKind::All => all_modules::build(state, export, &tmp).await?,
        ExportKind::Subject => subject_archive::build(state, export, &tmp).await?,
    };
    publish(state, export.id, &tmp, size).await
}

/// Publishes a finished archive: marks it ready only if this build still owns it
/// (status `building`) and puts the file where archives are kept (in the
/// database store, in the same transaction); a build that lost its export to
/// another worker throws its file away.
async fn publish(
    state: &AppState,
    id: Uuid,
    tmp: &std::path::Path,
    size: u64,
) -> Result<(), ServiceError> {
    let ttl = crate::server::services::retention::export_ttl(state).await?;
    let published = match state.exports.store {
        ArchiveStore::Folder => {
            let ready = mark_ready(&state.db, id, size, ttl).await?;
            if ready {
                std::fs::rename(tmp, files::file_of(&state.exports.dir, id))?;
            }
            ready
        }
        ArchiveStore::Database => {
            let txn = state.db.begin().await?;
            let ready = mark_ready(&txn, id, size, ttl).await?;
            if ready {
                store::insert_chunks(&txn, id, tmp).await?;
                txn.commit().await?;
            }
            ready
        }
    };
    if !published || state.exports.store == ArchiveStore::Database {
        let _ = std::fs::remove_file(tmp);
    }
    if !published {
        return Ok(());
    }
    // What an abandoned build of this archive left (a crash mid-build) goes now.
    for leftover in files::files_of(&state.exports.dir, id)?
        .iter()
        .filter(|p| !p.to_string_lossy().ends_with(".zip.enc"))
    {
        if let Err(e) = std::fs::remove_file(leftover) {
            tracing::warn!(export = %id, path = %leftover.display(), error = %e, "a partial file of an abandoned build could not be deleted");
        }
    }
    Ok(())
}

async fn mark_ready(
    conn: &impl ConnectionTrait,
    id: Uuid,
    size: u64,
    ttl: std::time::Duration,
) -> Result<bool, ServiceError> {
    let now = Utc::now();
    let updated = data_export::Entity::update_many()
        .col_expr(
            data_export::Column::Status,
            Expr::value(ExportStatus::Ready),
        )
        .col_expr(data_export::Column::Progress, Expr::value(100))
        .col_expr(data_export::Column::SizeBytes, Expr::value(size as i64))
        .col_expr(data_export::Column::ReadyAt, Expr::value(now))
        .col_expr(data_export::Column::ExpiresAt, Expr::value(now + ttl))
        .filter(data_export::Column::Id.eq(id))
        .filter(data_export::Column::Status.eq(ExportStatus::Building))
        .exec(conn)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// How long a build the full disk stopped waits before it is tried again.
pub const RETRY_WHEN_FULL: chrono::Duration = chrono::Duration::seconds(20);

/// Marks a build that failed (the reason is a category, never content) and
/// removes its partial files.
pub async fn fail(state: &AppState, id: Uuid, reason: &str) -> Result<(), ServiceError> {
    remove_partial_files(state, id);
    data_export::Entity::update_many()
        .col_expr(
            data_export::Column::Status,
            Expr::value(ExportStatus::Failed),
        )
        .col_expr(
            data_export::Column::Error,
            Expr::value(reason.chars().take(200).collect::<String>()),
        )
        .filter(data_export::Column::Id.eq(id))
        .filter(data_export::Column::Status.eq(ExportStatus::Building))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Puts back a build that stopped for a reason not the archive's (the disk or
/// the database ran out of space): its partial files go, it is queued again and
/// taken up after `retry_after`, so the customer's request is not lost. As with
/// `fail`, only an export still being built is put back.
pub async fn postpone(
    state: &AppState,
    id: Uuid,
    retry_after: chrono::Duration,
) -> Result<(), ServiceError> {
    remove_partial_files(state, id);
    data_export::Entity::update_many()
        .col_expr(
            data_export::Column::Status,
            Expr::value(ExportStatus::Queued),
        )
        .col_expr(data_export::Column::Progress, Expr::value(0))
        .col_expr(
            data_export::Column::LeaseUntil,
            Expr::value(Utc::now() + retry_after),
        )
        .filter(data_export::Column::Id.eq(id))
        .filter(data_export::Column::Status.eq(ExportStatus::Building))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Best effort: what a stopped build wrote goes now; one that cannot (the
/// sweeper and an erasure's file check look again) is logged.
fn remove_partial_files(state: &AppState, id: Uuid) {
    match files::files_of(&state.exports.dir, id) {
        Ok(paths) => {
            for path in paths
                .iter()
                .filter(|p| !p.to_string_lossy().ends_with(".zip.enc"))
            {
                if let Err(e) = std::fs::remove_file(path) {
                    if e.kind() != std::io::ErrorKind::NotFound {
                        tracing::warn!(export = %id, path = %path.display(), error = %e, "partial archive file could not be deleted");
                    }
                }
            }
        }
        Err(e) => {
            tracing::warn!(export = %id, error = %e, "partial archive files could not be listed")
        }
    }
}
