//! The master keys: the current one (wraps new data keys) and older ones still
//! needed to unwrap data keys that rotation has not reached yet.
use super::MasterKey;
use sha2::{Digest, Sha256};
use std::{
    io::Write,
    path::{Path, PathBuf},
};

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error("invalid master key: {0}")]
    BadKey(String),
    #[error("master key file {path}: {reason}")]
    File { path: PathBuf, reason: String },
    #[error("{0}")]
    Unsupported(String),
}

/// Where the keys come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
    /// `CUSTODIAN_MASTER_KEY` (and `CUSTODIAN_OLD_MASTER_KEYS`): fixed for the process.
    Environment,
    /// A key file: one base64 key per line, the first is current. Re-read when it changes,
    /// so a rotation started from the CLI reaches running servers.
    File(PathBuf),
}

pub struct Keyring {
    keys: Vec<MasterKey>,
    source: KeySource,
    /// SHA-256 of the key file as last read; file times are too coarse to tell two quick writes apart.
    loaded: Option<[u8; 32]>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("ids", &self.ids())
            .field("source", &self.source)
            .finish()
    }
}

fn file_error(path: &Path, reason: impl std::fmt::Display) -> KeyringError {
    KeyringError::File {
        path: path.to_owned(),
        reason: reason.to_string(),
    }
}

fn fingerprint(path: &Path) -> Option<[u8; 32]> {
    std::fs::read(path)
        .ok()
        .map(|bytes| Sha256::digest(bytes).into())
}

fn parse_file(path: &Path) -> Result<Vec<MasterKey>, KeyringError> {
    let text = std::fs::read_to_string(path).map_err(|e| file_error(path, e))?;
    let keys = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .enumerate()
        .map(|(i, line)| {
            MasterKey::from_base64(line)
                .map_err(|e| file_error(path, format!("line {}: {e}", i + 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Err(file_error(path, "contains no key"));
    }
    Ok(keys)
}

/// A master key file others can read is a key others may have copied: refuse
/// it, and say how to close it.
fn refuse_if_readable_by_others(path: &Path) -> Result<(), KeyringError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| file_error(path, e))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(file_error(
            path,
            format!(
                "is readable by other users (mode {:o}); make it private with: chmod 600 {}",
                mode & 0o777,
                path.display()
            ),
        ));
    }
    Ok(())
}

/// Writes the key file atomically with owner-only permissions.
fn write_file(path: &Path, keys: &[MasterKey]) -> Result<(), KeyringError> {
    let mut text = String::from(
        "# Custodian master keys (base64). The first line is the current key.\n\
         # Back this file up separately from the databases. Never share it.\n",
    );
    for key in keys {
        text.push_str(&key.to_base64());
        text.push('\n');
    }
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&tmp).map_err(|e| file_error(&tmp, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| file_error(&tmp, e))?;
    file.sync_all().map_err(|e| file_error(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| file_error(path, e))
}

impl Keyring {
    /// Keys given directly (environment): the current one first.
    pub fn from_values(current: &str, old: &[String]) -> Result<Self, KeyringError> {
        let mut keys = vec![MasterKey::from_base64(current)?];
        for key in old.iter().filter(|k| !k.trim().is_empty()) {
            keys.push(MasterKey::from_base64(key)?);
        }
        Ok(Keyring {
            keys,
            source: KeySource::Environment,
            loaded: None,
        })
    }

    /// Keys from an existing file, which only its owner may read.
    pub fn open_file(path: &Path) -> Result<Self, KeyringError> {
        refuse_if_readable_by_others(path)?;
        let keys = parse_file(path)?;
        Ok(Keyring {
            keys,
            source: KeySource::File(path.to_owned()),
            loaded: fingerprint(path),
        })
    }

    /// Keys from the file, generating it (mode 0600) with a fresh key when it does not exist.
    /// Returns whether it was created.
    pub fn open_or_create_file(path: &Path) -> Result<(Self, bool), KeyringError> {
        if path.exists() {
            return Ok((Self::open_file(path)?, false));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| file_error(dir, e))?;
        }
        write_file(path, &[MasterKey::generate()])?;
        Ok((Self::open_file(path)?, true))
    }

    pub fn current(&self) -> &MasterKey {
        &self.keys[0]
    }

    pub fn get(&self, id: &str) -> Option<&MasterKey> {
        self.keys.iter().find(|k| k.id() == id)
    }

    pub fn ids(&self) -> Vec<String> {
        self.keys.iter().map(|k| k.id().to_owned()).collect()
    }

    pub fn source(&self) -> &KeySource {
        &self.source
    }

    /// Re-reads the key file if its content changed since it was loaded (a small file).
    pub fn reload_if_changed(&mut self) -> Result<bool, KeyringError> {
        let KeySource::File(path) = &self.source else {
            return Ok(false);
        };
        let now = fingerprint(path);
        if now == self.loaded {
            return Ok(false);
        }
        self.keys = parse_file(path)?;
        self.loaded = now;
        Ok(true)
    }

    fn file_path(&self, what: &str) -> Result<PathBuf, KeyringError> {
        match &self.source {
            KeySource::File(path) => Ok(path.clone()),
            KeySource::Environment => Err(KeyringError::Unsupported(format!(
                "{what} needs a key file: the master key comes from CUSTODIAN_MASTER_KEY. \
                 Put it in a file, set CUSTODIAN_MASTER_KEY_FILE to that file instead, and try again."
            ))),
        }
    }

    /// Generates a new current key and writes it first in the key file; the old keys stay.
    pub fn add_new_current(&mut self) -> Result<String, KeyringError> {
        let path = self.file_path("Key rotation")?;
        let mut keys = vec![MasterKey::generate()];
        keys.extend(self.keys.iter().cloned());
        write_file(&path, &keys)?;
        self.keys = keys;
        self.loaded = fingerprint(&path);
        Ok(self.current().id().to_owned())
    }

    /// Removes old keys (never the current one) from the key file.
    pub fn remove(&mut self, ids: &[String]) -> Result<(), KeyringError> {
        let path = self.file_path("Removing old keys")?;
        let current = self.current().id().to_owned();
        let keys: Vec<MasterKey> = self
            .keys
            .iter()
            .filter(|k| k.id() == current || !ids.iter().any(|id| id == k.id()))
            .cloned()
            .collect();
        write_file(&path, &keys)?;
        self.keys = keys;
        self.loaded = fingerprint(&path);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_key_file_is_private_and_reloads() {
        let dir = std::env::temp_dir().join(format!("custodian-keyring-{}", uuid::Uuid::new_v4()));
        let path = dir.join("master.key");
        let (mut ring, created) = Keyring::open_or_create_file(&path).unwrap();
        assert!(created);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let first = ring.current().id().to_owned();
        let (again, created) = Keyring::open_or_create_file(&path).unwrap();
        assert!(!created);
        assert_eq!(again.current().id(), first);

        let new = ring.add_new_current().unwrap();
        assert_eq!(ring.ids(), vec![new.clone(), first.clone()]);
        let mut other = again;
        assert!(
            other.reload_if_changed().unwrap(),
            "a running server sees the new key"
        );
        assert_eq!(other.current().id(), new);
        ring.remove(std::slice::from_ref(&first)).unwrap();
        assert_eq!(ring.ids(), vec![new]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn environment_keys_cannot_rotate() {
        let key = MasterKey::generate();
        let mut ring = Keyring::from_values(&key.to_base64(), &[]).unwrap();
        assert!(matches!(
            ring.add_new_current(),
            Err(KeyringError::Unsupported(_))
        ));
        assert!(Keyring::from_values("garbage", &[]).is_err());
    }
}
