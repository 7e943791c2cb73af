//! Envelope encryption with AES-256-GCM.
//!
//! A master key (key-encryption key) wraps one data key per data subject; the
//! data key encrypts that subject's personal values. Every sealed value carries
//! the id of the key that sealed it and a fresh random 96-bit nonce, and its
//! associated data binds it to the table, column and row it belongs to, so a
//! ciphertext copied elsewhere does not decrypt. Destroying a subject's data key
//! makes everything sealed under it unreadable at once (crypto-shredding).
mod keyring;
pub mod stream;

pub use keyring::{KeySource, Keyring, KeyringError};

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

const SEALED_VERSION: u8 = 1;
const WRAPPED_VERSION: u8 = 1;
const NONCE_LEN: usize = 12;
const KEY_ID_LEN: usize = 16;
/// Bytes a sealed value adds to its plaintext: version, key id, nonce, tag.
pub const SEAL_OVERHEAD: usize = 1 + KEY_ID_LEN + NONCE_LEN + 16;

/// Why a value could not be decrypted. Deliberately coarse: a tampered value,
/// a value moved to another row and a wrong key all look the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("the value is not a Custodian ciphertext")]
    Malformed,
    #[error("the value was sealed with another key")]
    WrongKey,
    #[error("the value failed authentication (tampered, moved, or wrong key)")]
    Unauthentic,
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

fn cipher(key: &[u8; 32]) -> Aes256Gcm {
    Aes256Gcm::new(key.into())
}

/// A key-encryption key. Its id is derived from the key itself, so a wrong key
/// is recognised at once instead of producing garbage.
pub struct MasterKey {
    id: String,
    key: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MasterKey({}, [redacted])", self.id)
    }
}

impl Clone for MasterKey {
    fn clone(&self) -> Self {
        MasterKey {
            id: self.id.clone(),
            key: Zeroizing::new(*self.key),
        }
    }
}

impl MasterKey {
    pub fn generate() -> Self {
        Self::from_bytes(random_bytes())
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let digest = Sha256::new_with_prefix(b"custodian master key id\0")
            .chain_update(bytes)
            .finalize();
        MasterKey {
            id: format!("mk-{}", hex::encode(&digest[..8])),
            key: Zeroizing::new(bytes),
        }
    }

    /// Parses a base64-encoded 32-byte key.
    pub fn from_base64(text: &str) -> Result<Self, KeyringError> {
        let bytes = Zeroizing::new(
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|_| KeyringError::BadKey("not valid base64".into()))?,
        );
        let array: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| KeyringError::BadKey(format!("{} bytes, expected 32", bytes.len())))?;
        Ok(Self::from_bytes(array))
    }

    /// The key in base64, for writing the key file.
    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(*self.key))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn wrap_aad(&self, subject: Uuid, dek_id: Uuid) -> Vec<u8> {
        format!("custodian:dek:v1|{subject}|{dek_id}|{}", self.id).into_bytes()
    }

    /// Encrypts a subject's data key: `version ‖ nonce ‖ ciphertext+tag`.
    pub fn wrap(&self, subject: Uuid, key: &DataKey) -> Vec<u8> {
        let nonce = random_bytes::<NONCE_LEN>();
        let aad = self.wrap_aad(subject, key.id);
        let sealed = cipher(&self.key)
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: key.key.as_slice(),
                    aad: &aad,
                },
            )
            .unwrap_or_default();
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(WRAPPED_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts a wrapped data key.
    pub fn unwrap(
        &self,
        subject: Uuid,
        dek_id: Uuid,
        wrapped: &[u8],
    ) -> Result<DataKey, CryptoError> {
        if wrapped.len() < 1 + NONCE_LEN + 16 || wrapped[0] != WRAPPED_VERSION {
            return Err(CryptoError::Malformed);
        }
        let (nonce, sealed) = wrapped[1..].split_at(NONCE_LEN);
        let aad = self.wrap_aad(subject, dek_id);
        let plain = Zeroizing::new(
            cipher(&self.key)
                .decrypt(
                    Nonce::from_slice(nonce),
                    Payload {
                        msg: sealed,
                        aad: &aad,
                    },
                )
                .map_err(|_| CryptoError::Unauthentic)?,
        );
        let key: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Malformed)?;
        Ok(DataKey {
            id: dek_id,
            key: Zeroizing::new(key),
        })
    }
}

/// A data subject's own key. Lives unwrapped only in memory, for one request.
pub struct DataKey {
    id: Uuid,
    key: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({}, [redacted])", self.id)
    }
}

impl Clone for DataKey {
    fn clone(&self) -> Self {
        DataKey {
            id: self.id,
            key: Zeroizing::new(*self.key),
        }
    }
}

/// Where a sealed value lives. Bound into the ciphertext as associated data.
#[derive(Clone, Copy, Debug)]
pub struct Slot<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub row: &'a Uuid,
}

impl<'a> Slot<'a> {
    pub fn new(table: &'static str, column: &'static str, row: &'a Uuid) -> Self {
        Slot { table, column, row }
    }
}

/// A sealed column: each entity names its own next to its model (`user::NAME`),
/// so a binding cannot be misspelt at the call site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealedColumn {
    pub table: &'static str,
    pub column: &'static str,
}

impl SealedColumn {
    pub const fn new(table: &'static str, column: &'static str) -> Self {
        SealedColumn { table, column }
    }

    /// The slot of this column in one row.
    pub fn at(self, row: &Uuid) -> Slot<'_> {
        Slot::new(self.table, self.column, row)
    }
}

impl DataKey {
    pub fn generate() -> Self {
        DataKey {
            id: Uuid::new_v4(),
            key: Zeroizing::new(random_bytes()),
        }
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    fn aad(&self, slot: Slot<'_>) -> Vec<u8> {
        format!(
            "custodian:v1|{}|{}|{}|{}",
            slot.table, slot.column, slot.row, self.id
        )
        .into_bytes()
    }

    /// Encrypts `plaintext` for `slot`: `version ‖ key id ‖ nonce ‖ ciphertext+tag`.
    pub fn seal(&self, slot: Slot<'_>, plaintext: &[u8]) -> Vec<u8> {
        self.seal_with(&self.aad(slot), plaintext)
    }

    /// Encrypts with explicit associated data (for formats other than table cells).
    pub fn seal_with(&self, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let nonce = random_bytes::<NONCE_LEN>();
        let sealed = cipher(&self.key)
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .unwrap_or_default();
        let mut out = Vec::with_capacity(SEAL_OVERHEAD + plaintext.len());
        out.push(SEALED_VERSION);
        out.extend_from_slice(self.id.as_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn seal_str(&self, slot: Slot<'_>, plaintext: &str) -> Vec<u8> {
        self.seal(slot, plaintext.as_bytes())
    }

    /// Decrypts a value sealed for `slot`.
    pub fn open(&self, slot: Slot<'_>, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.open_with(&self.aad(slot), sealed)
    }

    /// Decrypts a value sealed with explicit associated data.
    pub fn open_with(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let key_id = sealed_key_id(sealed).ok_or(CryptoError::Malformed)?;
        if key_id != self.id {
            return Err(CryptoError::WrongKey);
        }
        let nonce = &sealed[1 + KEY_ID_LEN..1 + KEY_ID_LEN + NONCE_LEN];
        let body = &sealed[1 + KEY_ID_LEN + NONCE_LEN..];
        cipher(&self.key)
            .decrypt(Nonce::from_slice(nonce), Payload { msg: body, aad })
            .map_err(|_| CryptoError::Unauthentic)
    }

    pub fn open_string(&self, slot: Slot<'_>, sealed: &[u8]) -> Result<String, CryptoError> {
        String::from_utf8(self.open(slot, sealed)?).map_err(|_| CryptoError::Malformed)
    }
}

/// The key of the blind index: turns a normalised token into an opaque one
/// (HMAC-SHA-256, first 16 bytes). Equal tokens give equal results, so it
/// reveals equality and frequency, never text; without the key a guess cannot
/// be checked. Kept in the key store like a data key, never used to seal.
pub struct IndexKey {
    key: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for IndexKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IndexKey([redacted])")
    }
}

/// Length of a blind index token in bytes.
pub const INDEX_TOKEN_LEN: usize = 16;

impl IndexKey {
    /// The index key stored in the key store as a (dedicated) data key.
    pub fn from_data_key(key: &DataKey) -> Self {
        IndexKey {
            key: Zeroizing::new(*key.key),
        }
    }

    /// The opaque token of one normalised token.
    pub fn token(&self, normalised: &str) -> [u8; INDEX_TOKEN_LEN] {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key[..])
            .expect("HMAC accepts a key of any length");
        mac.update(b"custodian:index:v1|");
        mac.update(normalised.as_bytes());
        let full = mac.finalize().into_bytes();
        let mut out = [0u8; INDEX_TOKEN_LEN];
        out.copy_from_slice(&full[..INDEX_TOKEN_LEN]);
        out
    }
}

/// The id of the data key that sealed a value, if it is one of ours.
pub fn sealed_key_id(sealed: &[u8]) -> Option<Uuid> {
    if sealed.len() < SEAL_OVERHEAD || sealed[0] != SEALED_VERSION {
        return None;
    }
    Uuid::from_slice(&sealed[1..1 + KEY_ID_LEN]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(row: &Uuid) -> Slot<'_> {
        Slot::new("tickets", "subject", row)
    }

    proptest! {
        #[test]
        fn seal_then_open_round_trips(plain in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let key = DataKey::generate();
            let row = Uuid::new_v4();
            let sealed = key.seal(slot(&row), &plain);
            prop_assert_eq!(sealed.len(), plain.len() + SEAL_OVERHEAD);
            prop_assert_eq!(key.open(slot(&row), &sealed).unwrap(), plain);
        }

        #[test]
        fn flipping_any_byte_fails(plain in proptest::collection::vec(any::<u8>(), 0..64), pos in any::<prop::sample::Index>(), bit in 0u8..8) {
            let key = DataKey::generate();
            let row = Uuid::new_v4();
            let mut sealed = key.seal(slot(&row), &plain);
            let i = pos.index(sealed.len());
            sealed[i] ^= 1 << bit;
            prop_assert!(key.open(slot(&row), &sealed).is_err());
        }

        #[test]
        fn a_cut_or_extended_value_fails(plain in proptest::collection::vec(any::<u8>(), 0..64), cut in any::<prop::sample::Index>(), extra in proptest::collection::vec(any::<u8>(), 1..32)) {
            let key = DataKey::generate();
            let row = Uuid::new_v4();
            let sealed = key.seal(slot(&row), &plain);
            prop_assert!(key.open(slot(&row), &sealed[..cut.index(sealed.len())]).is_err());
            let mut extended = sealed.clone();
            extended.extend_from_slice(&extra);
            prop_assert!(key.open(slot(&row), &extended).is_err());
        }

        #[test]
        fn random_bytes_never_open_nor_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let key = DataKey::generate();
            let row = Uuid::new_v4();
            prop_assert!(key.open(slot(&row), &bytes).is_err());
            let _ = sealed_key_id(&bytes);
            let master = MasterKey::generate();
            prop_assert!(master.unwrap(row, key.id(), &bytes).is_err());
        }

        #[test]
        fn wrapped_keys_round_trip(_x in 0..8u8) {
            let master = MasterKey::generate();
            let key = DataKey::generate();
            let subject = Uuid::new_v4();
            let wrapped = master.wrap(subject, &key);
            let back = master.unwrap(subject, key.id(), &wrapped).unwrap();
            let row = Uuid::new_v4();
            prop_assert_eq!(back.open(slot(&row), &key.seal(slot(&row), b"x")).unwrap(), b"x".to_vec());
        }
    }

    #[test]
    fn a_value_moved_to_another_row_or_column_does_not_decrypt() {
        let key = DataKey::generate();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let sealed = key.seal(Slot::new("users", "name", &a), b"Ada Lovelace");
        assert_eq!(
            key.open(Slot::new("users", "name", &b), &sealed),
            Err(CryptoError::Unauthentic)
        );
        assert_eq!(
            key.open(Slot::new("users", "phone", &a), &sealed),
            Err(CryptoError::Unauthentic)
        );
        assert_eq!(
            key.open(Slot::new("tickets", "name", &a), &sealed),
            Err(CryptoError::Unauthentic)
        );
        assert_eq!(
            key.open_string(Slot::new("users", "name", &a), &sealed)
                .unwrap(),
            "Ada Lovelace"
        );
    }

    #[test]
    fn another_subjects_key_cannot_open_a_value() {
        let (mine, theirs) = (DataKey::generate(), DataKey::generate());
        let row = Uuid::new_v4();
        let sealed = mine.seal(slot(&row), b"secret");
        assert_eq!(theirs.open(slot(&row), &sealed), Err(CryptoError::WrongKey));
        // Even with the key id forged to match, authentication fails.
        let mut forged = sealed.clone();
        forged[1..17].copy_from_slice(theirs.id().as_bytes());
        assert_eq!(
            theirs.open(slot(&row), &forged),
            Err(CryptoError::Unauthentic)
        );
    }

    #[test]
    fn a_wrong_master_key_cannot_unwrap_and_ids_differ() {
        let (right, wrong) = (MasterKey::generate(), MasterKey::generate());
        assert_ne!(right.id(), wrong.id());
        let key = DataKey::generate();
        let subject = Uuid::new_v4();
        let wrapped = right.wrap(subject, &key);
        assert!(wrong.unwrap(subject, key.id(), &wrapped).is_err());
        assert!(
            right.unwrap(Uuid::new_v4(), key.id(), &wrapped).is_err(),
            "bound to its subject"
        );
    }

    #[test]
    fn secrets_print_redacted() {
        let master = MasterKey::generate();
        let printed = format!("{master:?} {:?}", DataKey::generate());
        assert!(printed.contains("[redacted]"));
        assert!(!printed.contains(master.to_base64().as_str()));
    }

    #[test]
    fn master_keys_parse_from_base64() {
        let key = MasterKey::generate();
        let again = MasterKey::from_base64(&key.to_base64()).unwrap();
        assert_eq!(key.id(), again.id());
        assert!(MasterKey::from_base64("c2hvcnQ=").is_err());
        assert!(MasterKey::from_base64("not base64!").is_err());
    }
}
