//! Argon2id password hashing with the `argon2` crate's defaults (m=19 MiB, t=2, p=1).
use super::ServiceError;
use crate::server::error::Context as _;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use std::sync::OnceLock;

/// A PHC-format Argon2id hash. Never printed, never serialised.
#[derive(Clone)]
pub struct PasswordHash(String);

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash([redacted])")
    }
}

impl PasswordHash {
    pub fn from_stored(s: String) -> Self {
        PasswordHash(s)
    }

    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

/// Hashes on a blocking thread: Argon2 is deliberately slow.
pub async fn hash(password: String) -> Result<PasswordHash, ServiceError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| PasswordHash(h.to_string()))
            // Argon2's errors carry no cause of their own: their text is all there is.
            .map_err(|e| ServiceError::invariant(format!("hashing failed: {e}")))
    })
    .await
    .context("hashing task failed")?
}

/// Checks a password. With `None` it still spends the same effort against a
/// dummy hash, so a missing account cannot be told apart by timing.
pub async fn verify(password: String, stored: Option<PasswordHash>) -> Result<bool, ServiceError> {
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let stored = match stored {
            Some(h) => h.0,
            None => dummy_hash().to_owned(),
        };
        let parsed = argon2::PasswordHash::new(&stored)
            .map_err(|e| ServiceError::invariant(format!("stored hash unreadable: {e}")))?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(exists && ok)
    })
    .await
    .context("verify task failed")?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no account has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = hash("correct horse".into()).await.unwrap();
        assert!(h.as_stored().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse".into(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!verify("wrong horse".into(), Some(h.clone())).await.unwrap());
        assert!(!verify("correct horse".into(), None).await.unwrap());
        assert_eq!(format!("{h:?}"), "PasswordHash([redacted])");
    }
}
