//! The data folder holds the databases, the key store, the master key and
//! export archives: nobody but the portal's own user may read any of it.
//! New files are created 0600 and folders 0700 (a process umask of 077, set
//! before anything is opened); a data folder left open by an older version
//! is closed at start-up.
use crate::error::{Context as _, StartError};
use std::{os::unix::fs::PermissionsExt, path::Path};

/// Makes every file and folder this process creates private to its user.
pub fn private_by_default() {
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}

/// Creates the data folder (0700) or closes an existing one, with the files
/// directly in it and in its `exports` folder (0600) — but key files, which
/// are refused at start-up when others can read them.
pub fn secure_data_dir(dir: &Path) -> Result<(), StartError> {
    std::fs::create_dir_all(dir)
        .context(format!("cannot create the data folder {}", dir.display()))?;
    for folder in [dir.to_path_buf(), dir.join("exports")] {
        if !folder.is_dir() {
            continue;
        }
        tighten(&folder, 0o700)?;
        let entries = std::fs::read_dir(&folder)
            .context(format!("cannot read the folder {}", folder.display()))?;
        for entry in entries.flatten() {
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            // A key file others could read is refused, not quietly closed (see `Keyring`).
            let is_key = entry.path().extension().is_some_and(|e| e == "key");
            if is_file && !is_key {
                tighten(&entry.path(), 0o600)?;
            }
        }
    }
    Ok(())
}

/// Removes group and other permissions from `path`, leaving it at most `mode`.
fn tighten(path: &Path, mode: u32) -> Result<(), StartError> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        // A SQLite journal (`-wal`, `-journal`) can go between listing and reading: nothing to close.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).context(format!("cannot read {}", path.display())),
    };
    let current = metadata.permissions().mode() & 0o777;
    if current & 0o077 != 0 {
        let private = current & mode;
        match std::fs::set_permissions(path, std::fs::Permissions::from_mode(private)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            result => result.context(format!("cannot make {} private", path.display()))?,
        }
        tracing::warn!(
            path = %path.display(),
            was = format!("{current:o}"),
            now = format!("{private:o}"),
            "made a data file private"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_goes_while_the_folder_is_closed_is_not_an_error() {
        let gone =
            std::env::temp_dir().join(format!("custodian-gone-{}.db-wal", std::process::id()));
        assert!(!gone.exists());
        assert!(tighten(&gone, 0o600).is_ok());
    }

    #[test]
    fn a_readable_file_is_made_private() {
        let dir = std::env::temp_dir().join(format!("custodian-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("main.db");
        std::fs::write(&file, b"x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        secure_data_dir(&dir).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(mode, 0o600);
    }
}
