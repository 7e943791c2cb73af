//! Any bytes where an encrypted export archive is expected: an error at
//! some chunk, never a panic and never plaintext.
#![no_main]
use app::server::crypto::{stream::OpeningReader, DataKey};
use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;
use uuid::Uuid;

static KEY: Lazy<DataKey> = Lazy::new(DataKey::generate);

fuzz_target!(|bytes: &[u8]| {
    let mut reader = OpeningReader::new(bytes, KEY.clone(), Uuid::nil());
    loop {
        match reader.next_chunk() {
            Ok(Some(_)) => panic!("random bytes opened as an archive chunk"),
            Ok(None) => panic!("random bytes read as a whole archive"),
            Err(_) => break,
        }
    }
});
