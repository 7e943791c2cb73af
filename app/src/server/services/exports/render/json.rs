//! data.json: one document (format version 1), streamed object by object.
use super::time;
use crate::{model::Role, server::ServiceError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::io::Write;
use uuid::Uuid;

/// The version of the `data.json` format; see README.txt in the archive.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
pub(crate) struct FieldValue {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub field_type: String,
    pub values: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct ExportMessage {
    pub id: Uuid,
    pub author: String,
    pub author_role: Role,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize)]
pub(crate) struct ExportTicket {
    pub id: Uuid,
    pub subject: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub custom_fields: Vec<FieldValue>,
    pub messages: Vec<ExportMessage>,
}

#[derive(Serialize)]
pub(crate) struct ExportProfile {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub twitter: Option<String>,
    pub language: Option<String>,
    pub time_zone: Option<String>,
    pub custom_fields: Vec<FieldValue>,
}

/// Writes `value` as JSON, preceded by a comma unless it is the first of its list.
pub(crate) fn item<T: Serialize>(
    out: &mut impl Write,
    first: &mut bool,
    value: &T,
) -> Result<(), ServiceError> {
    if !*first {
        out.write_all(b",")?;
    }
    *first = false;
    value_of(out, value)
}

/// Writes `value` as JSON, in one write: serde writes token by token, and each
/// small write into the archive is a call into the compressor.
pub(crate) fn value_of<T: Serialize>(out: &mut impl Write, value: &T) -> Result<(), ServiceError> {
    out.write_all(&serde_json::to_vec(value)?)?;
    Ok(())
}

/// The document's opening, up to where the profile goes.
pub(crate) fn open(out: &mut impl Write) -> Result<(), ServiceError> {
    write!(
        out,
        "{{\"format_version\":{FORMAT_VERSION},\"exported_at\":\"{}\",\"profile\":",
        time(&Utc::now())
    )?;
    Ok(())
}
