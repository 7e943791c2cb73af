//! How an archive's files are written: `json` (data.json), `csv` (one file per
//! kind of row) and `html` (index.html). The builders decide what goes in;
//! these decide how it reads.
pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod json;

use chrono::{DateTime, SecondsFormat, Utc};

/// Times in every file: UTC, RFC 3339, to the second.
pub(crate) fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}
