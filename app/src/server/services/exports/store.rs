//! Where finished archives are kept (`ArchiveStore`): the building server's
//! folder, or the database as rows of the encrypted file's bytes, which every
//! server on that database can stream. Either way the bytes are the sealed
//! file a build wrote: the store never sees the clear content.
use super::files;
use crate::server::{entities::archive_chunk, AppState, ArchiveStore, ServiceError};
use sea_orm::{prelude::*, ConnectionTrait, QueryOrder, QuerySelect, Set};
use std::io::Read;

/// Bytes per row in the database store: small enough that a transfer's page
/// of rows stays in memory comfortably, large enough that a download reads few.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// A finished archive's encrypted bytes, read from where they are kept.
pub type Source = Box<dyn Read + Send>;

/// Copies a finished build's file into the database store, inside the
/// caller's transaction (the one that marks the archive ready: both or neither).
pub(super) async fn insert_chunks(
    conn: &impl ConnectionTrait,
    id: Uuid,
    file: &std::path::Path,
) -> Result<(), ServiceError> {
    let mut file = std::fs::File::open(file)?;
    let mut seq = 0i32;
    loop {
        let mut data = Vec::with_capacity(CHUNK_BYTES);
        (&mut file)
            .take(CHUNK_BYTES as u64)
            .read_to_end(&mut data)?;
        if data.is_empty() && seq > 0 {
            return Ok(());
        }
        let last = data.len() < CHUNK_BYTES;
        archive_chunk::ActiveModel {
            export_id: Set(id),
            seq: Set(seq),
            data: Set(data),
        }
        .insert(conn)
        .await?;
        if last {
            return Ok(());
        }
        seq += 1;
    }
}

/// Opens a finished archive's encrypted bytes. A database-store source
/// fetches its rows as it is read, so it must be read on a blocking thread
/// (`spawn_blocking`), never on the async runtime.
pub(super) async fn open(state: &AppState, id: Uuid) -> Result<Source, ServiceError> {
    match state.exports.store {
        ArchiveStore::Folder => match std::fs::File::open(files::file_of(&state.exports.dir, id)) {
            Ok(file) => Ok(Box::new(std::io::BufReader::new(file))),
            // Built by another server into its own folder: a set-up with
            // several servers needs the shared store.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ServiceError::invariant(
                "a ready archive is not in this server's folder: with several servers, set CUSTODIAN_ARCHIVE_STORE=database",
            )),
            Err(e) => Err(e.into()),
        },
        ArchiveStore::Database => {
            let exists = archive_chunk::Entity::find()
                .select_only()
                .column(archive_chunk::Column::Seq)
                .filter(archive_chunk::Column::ExportId.eq(id))
                .filter(archive_chunk::Column::Seq.eq(0))
                .into_tuple::<i32>()
                .one(&state.db)
                .await?;
            if exists.is_none() {
                return Err(ServiceError::invariant(
                    "a ready archive has no bytes in the database store",
                ));
            }
            Ok(Box::new(Rows {
                db: state.db.clone(),
                runtime: tokio::runtime::Handle::current(),
                id,
                next: 0,
                buffer: Vec::new(),
                at: 0,
                done: false,
            }))
        }
    }
}

/// Reads an archive's rows in order, one at a time.
struct Rows {
    db: DatabaseConnection,
    runtime: tokio::runtime::Handle,
    id: Uuid,
    next: i32,
    buffer: Vec<u8>,
    at: usize,
    done: bool,
}

impl Read for Rows {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.buffer.len() {
            if self.done {
                return Ok(0);
            }
            let row = self
                .runtime
                .block_on(
                    archive_chunk::Entity::find_by_id((self.id, self.next))
                        .select_only()
                        .column(archive_chunk::Column::Data)
                        .into_tuple::<Vec<u8>>()
                        .one(&self.db),
                )
                .map_err(std::io::Error::other)?;
            match row {
                Some(data) => {
                    self.done = data.len() < CHUNK_BYTES;
                    self.buffer = data;
                    self.at = 0;
                    self.next += 1;
                }
                // Gone while read (erased or expired meanwhile): the reader
                // sees a cut stream, which never decrypts as a whole.
                None => self.done = true,
            }
        }
        let n = out.len().min(self.buffer.len() - self.at);
        out[..n].copy_from_slice(&self.buffer[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Deletes every trace of archive `id` in every store (its files in this
/// server's folder, its rows in the database), so switching stores never
/// leaves an archive behind. Idempotent; an error means something may remain.
pub async fn delete_archive(state: &AppState, id: Uuid) -> Result<(), ServiceError> {
    files::delete_files(&state.exports.dir, id)?;
    archive_chunk::Entity::delete_many()
        .filter(archive_chunk::Column::ExportId.eq(id))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// How much of these archives is still kept anywhere: files in this server's
/// folder and archives with rows in the database (the erasure's final check).
pub async fn remains_of(state: &AppState, ids: &[Uuid]) -> Result<usize, ServiceError> {
    if ids.is_empty() {
        return Ok(0);
    }
    let files = files::files_of_any(&state.exports.dir, ids)?.len();
    let mut rows = 0;
    for batch in ids.chunks(500) {
        let with_rows: Vec<Uuid> = archive_chunk::Entity::find()
            .select_only()
            .column(archive_chunk::Column::ExportId)
            .distinct()
            .filter(archive_chunk::Column::ExportId.is_in(batch.to_vec()))
            .order_by_asc(archive_chunk::Column::ExportId)
            .into_tuple()
            .all(&state.db)
            .await?;
        rows += with_rows.len();
    }
    Ok(files + rows)
}
