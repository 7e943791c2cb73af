//! Files encrypted in chunks under a subject's data key, written and read as
//! streams so an archive of any size needs only one chunk in memory.
//!
//! Layout: a sequence of frames `last (u8) ‖ length (u32 BE) ‖ sealed chunk`.
//! Each chunk's associated data binds the file id, the chunk's index and whether
//! it is the last one, so chunks cannot be reordered, swapped between files, or
//! cut off without detection.
use super::DataKey;
use std::io::{self, Read, Write};
use uuid::Uuid;

/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;

fn aad(file: &Uuid, index: u64, last: bool) -> Vec<u8> {
    format!("custodian:chunk:v1|{file}|{index}|{last}").into_bytes()
}

fn broken(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

/// Encrypts everything written to it into `inner`.
pub struct SealingWriter<W: Write> {
    inner: W,
    key: DataKey,
    file: Uuid,
    index: u64,
    buf: Vec<u8>,
    written: u64,
}

impl<W: Write> SealingWriter<W> {
    pub fn new(inner: W, key: DataKey, file: Uuid) -> Self {
        SealingWriter {
            inner,
            key,
            file,
            index: 0,
            buf: Vec::with_capacity(CHUNK),
            written: 0,
        }
    }

    fn emit(&mut self, last: bool) -> io::Result<()> {
        let sealed = self
            .key
            .seal_with(&aad(&self.file, self.index, last), &self.buf);
        self.inner.write_all(&[u8::from(last)])?;
        self.inner.write_all(&(sealed.len() as u32).to_be_bytes())?;
        self.inner.write_all(&sealed)?;
        self.written += 5 + sealed.len() as u64;
        self.index += 1;
        self.buf.clear();
        Ok(())
    }

    /// Writes the last chunk and returns the inner writer and the bytes written to it.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        self.emit(true)?;
        self.inner.flush()?;
        Ok((self.inner, self.written))
    }
}

impl<W: Write> Write for SealingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let room = CHUNK - self.buf.len();
        let n = room.min(data.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK {
            self.emit(false)?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Decrypts a file written by `SealingWriter`, one chunk at a time.
pub struct OpeningReader<R: Read> {
    inner: R,
    key: DataKey,
    file: Uuid,
    index: u64,
    done: bool,
}

impl<R: Read> OpeningReader<R> {
    pub fn new(inner: R, key: DataKey, file: Uuid) -> Self {
        OpeningReader {
            inner,
            key,
            file,
            index: 0,
            done: false,
        }
    }

    /// The next chunk of plaintext, or `None` after the last one. A missing,
    /// reordered, altered or truncated chunk is an error.
    pub fn next_chunk(&mut self) -> io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let mut header = [0u8; 5];
        self.inner
            .read_exact(&mut header)
            .map_err(|_| broken("encrypted file is truncated"))?;
        let last = match header[0] {
            0 => false,
            1 => true,
            _ => return Err(broken("encrypted file is malformed")),
        };
        let len = u32::from_be_bytes([header[1], header[2], header[3], header[4]]) as usize;
        if len > CHUNK + 64 {
            return Err(broken("encrypted file is malformed"));
        }
        let mut sealed = vec![0u8; len];
        self.inner
            .read_exact(&mut sealed)
            .map_err(|_| broken("encrypted file is truncated"))?;
        let plain = self
            .key
            .open_with(&aad(&self.file, self.index, last), &sealed)
            .map_err(|_| broken("encrypted file failed authentication"))?;
        self.index += 1;
        self.done = last;
        if last {
            // Nothing may follow the last chunk.
            let mut extra = [0u8; 1];
            if self.inner.read(&mut extra)? != 0 {
                return Err(broken("encrypted file has data after its end"));
            }
        }
        Ok(Some(plain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(data: &[u8], key: &DataKey, file: Uuid) -> Vec<u8> {
        let mut w = SealingWriter::new(Vec::new(), key.clone(), file);
        w.write_all(data).unwrap();
        w.finish().unwrap().0
    }

    fn open(bytes: &[u8], key: &DataKey, file: Uuid) -> io::Result<Vec<u8>> {
        let mut r = OpeningReader::new(bytes, key.clone(), file);
        let mut out = Vec::new();
        while let Some(chunk) = r.next_chunk()? {
            out.extend(chunk);
        }
        Ok(out)
    }

    #[test]
    fn round_trips_across_chunk_boundaries() {
        let key = DataKey::generate();
        let file = Uuid::new_v4();
        for size in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17] {
            let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            assert_eq!(
                open(&seal(&data, &key, file), &key, file).unwrap(),
                data,
                "size {size}"
            );
        }
    }

    #[test]
    fn truncation_reordering_and_other_files_or_keys_are_detected() {
        let key = DataKey::generate();
        let file = Uuid::new_v4();
        let data = vec![7u8; 2 * CHUNK + 5];
        let sealed = seal(&data, &key, file);
        let frame = 5 + CHUNK + super::super::SEAL_OVERHEAD;
        // Drop the last frame: the stream ends without its final chunk.
        assert!(open(&sealed[..2 * frame], &key, file).is_err());
        // Swap the first two frames.
        let mut swapped = sealed[frame..2 * frame].to_vec();
        swapped.extend_from_slice(&sealed[..frame]);
        swapped.extend_from_slice(&sealed[2 * frame..]);
        assert!(open(&swapped, &key, file).is_err());
        assert!(open(&sealed, &key, Uuid::new_v4()).is_err());
        assert!(open(&sealed, &DataKey::generate(), file).is_err());
        let mut appended = sealed.clone();
        appended.push(0);
        assert!(open(&appended, &key, file).is_err());
        let mut flipped = sealed.clone();
        flipped[frame + 40] ^= 1;
        assert!(open(&flipped, &key, file).is_err());
    }

    use proptest::prelude::*;

    /// Small chunks of input over several frames: every way of damaging the
    /// stream — a flipped bit anywhere, a cut anywhere, bytes added at the
    /// end — is an error, never a panic and never other plaintext.
    fn damaged_stream_case() -> impl Strategy<Value = (usize, prop::sample::Index, u8, Vec<u8>)> {
        (
            0usize..(2 * CHUNK + 300),
            any::<prop::sample::Index>(),
            0u8..8,
            proptest::collection::vec(any::<u8>(), 1..64),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn a_damaged_archive_never_opens((size, at, bit, extra) in damaged_stream_case()) {
            let key = DataKey::generate();
            let file = Uuid::new_v4();
            let data: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
            let sealed = seal(&data, &key, file);
            prop_assert_eq!(open(&sealed, &key, file).unwrap(), data);
            let i = at.index(sealed.len());
            let mut flipped = sealed.clone();
            flipped[i] ^= 1 << bit;
            prop_assert!(open(&flipped, &key, file).is_err(), "flipped bit {} of byte {}", bit, i);
            prop_assert!(open(&sealed[..i], &key, file).is_err(), "cut at {}", i);
            let mut extended = sealed.clone();
            extended.extend_from_slice(&extra);
            prop_assert!(open(&extended, &key, file).is_err(), "{} bytes added", extra.len());
        }

        #[test]
        fn random_bytes_never_open(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let key = DataKey::generate();
            prop_assert!(open(&bytes, &key, Uuid::new_v4()).is_err());
        }
    }
}
