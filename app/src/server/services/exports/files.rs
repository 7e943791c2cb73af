//! Where archives live on disk: `<id>.zip.enc` when ready, and partial and
//! spill files named `<id>.…` while one is built.
use crate::server::{entities::data_export, AppState};
use std::path::{Path, PathBuf};
use uuid::Uuid;

pub(super) fn file_of(dir: &Path, id: Uuid) -> PathBuf {
    dir.join(format!("{id}.zip.enc"))
}

/// Every file of archive `id`: the archive and any partial or spill files of its builds.
pub fn files_of(dir: &Path, id: Uuid) -> std::io::Result<Vec<PathBuf>> {
    files_of_any(dir, &[id])
}

/// Every file of any of these archives, reading the folder once.
pub fn files_of_any(dir: &Path, ids: &[Uuid]) -> std::io::Result<Vec<PathBuf>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let prefixes: Vec<String> = ids.iter().map(|id| format!("{id}.")).collect();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            out.push(entry.path());
        }
    }
    Ok(out)
}

/// Deletes every file of archive `id`. Idempotent; any file that cannot be
/// deleted is an error, so no caller may believe an archive is gone when it is not.
pub fn delete_files(dir: &Path, id: Uuid) -> std::io::Result<()> {
    for path in files_of(dir, id)? {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("cannot delete {}: {e}", path.display()),
                ))
            }
        }
    }
    Ok(())
}

/// A build's own temporary file: named after its lease, so two builders never share one.
pub(super) fn temp_of(state: &AppState, e: &data_export::Model) -> PathBuf {
    state.exports.dir.join(format!(
        "{}.{}.partial",
        e.id,
        e.lease_until.timestamp_micros()
    ))
}
