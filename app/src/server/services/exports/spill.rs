//! Temporary files of one build, encrypted like the archive.
use crate::server::{
    crypto::{
        stream::{OpeningReader, SealingWriter},
        DataKey,
    },
    ServiceError,
};
use std::{
    io::{BufWriter, Write},
    path::PathBuf,
};
use uuid::Uuid;

/// A temporary file for one archive member, written during the single pass and
/// copied into the ZIP afterwards. Encrypted like the archive: personal data
/// never touches the disk in the clear.
pub(super) struct Spill {
    path: PathBuf,
    key: DataKey,
    file_id: Uuid,
    writer: Option<SealingWriter<BufWriter<std::fs::File>>>,
}

impl Spill {
    pub(super) fn create(
        archive: &std::path::Path,
        key: &DataKey,
        name: &str,
    ) -> Result<Spill, ServiceError> {
        let path = archive.with_extension(format!("spill-{name}"));
        let file_id = Uuid::new_v4();
        let file = std::fs::File::create(&path)?;
        Ok(Spill {
            path,
            key: key.clone(),
            file_id,
            writer: Some(SealingWriter::new(
                BufWriter::new(file),
                key.clone(),
                file_id,
            )),
        })
    }

    /// Copies the decrypted content into `out` and deletes the spill file.
    pub(super) fn copy_into(mut self, out: &mut impl Write) -> Result<(), ServiceError> {
        if let Some(w) = self.writer.take() {
            let (buffered, _) = w.finish()?;
            buffered.into_inner().map_err(|e| e.into_error())?;
        }
        let file = std::fs::File::open(&self.path)?;
        let mut reader = OpeningReader::new(
            std::io::BufReader::new(file),
            self.key.clone(),
            self.file_id,
        );
        while let Some(chunk) = reader.next_chunk()? {
            out.write_all(&chunk)?;
        }
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(std::io::Error::other("spill already closed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
