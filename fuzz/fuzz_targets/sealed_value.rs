//! Any bytes where a sealed value is expected (a column read from the
//! database, a wrapped key from the key store): an error, never a panic.
#![no_main]
use app::server::crypto::{sealed_key_id, DataKey, MasterKey, Slot};
use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use uuid::Uuid;

static KEY: Lazy<DataKey> = Lazy::new(DataKey::generate);
static MASTER: Lazy<MasterKey> = Lazy::new(MasterKey::generate);

fuzz_target!(|bytes: &[u8]| {
    let row = Uuid::nil();
    let _ = sealed_key_id(bytes);
    assert!(KEY.open(Slot::new("users", "name", &row), bytes).is_err());
    assert!(MASTER.unwrap(row, KEY.id(), bytes).is_err());
});
