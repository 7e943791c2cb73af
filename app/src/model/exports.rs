//! Archives of personal data ("Download my data", admin exports) and outgoing mail.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// Whose data an archive holds.
    pub enum ExportKind {
        /// "Download my data": the subject's own.
        Subject = "subject",
        /// An admin's export of every module.
        All = "all",
    }
}

vocabulary! {
    /// Where an archive stands.
    pub enum ExportStatus {
        Queued = "queued",
        Building = "building",
        Ready = "ready",
        Failed = "failed",
        /// Past its download window, or withdrawn; its file is gone.
        Expired = "expired",
    }
}

impl ExportStatus {
    /// Queued, being built or downloadable: its file exists or will.
    pub const LIVE: [ExportStatus; 3] = [
        ExportStatus::Queued,
        ExportStatus::Building,
        ExportStatus::Ready,
    ];
}

vocabulary! {
    /// Where an outgoing mail stands.
    pub enum MailStatus {
        /// No SMTP server is configured: kept for admins to read.
        Outbox = "outbox",
        Queued = "queued",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
    }
}

/// A mail as the admin's outbox page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: Uuid,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub status: MailStatus,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
}

/// A "Download my data" archive as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportView {
    pub id: Uuid,
    pub status: ExportStatus,
    pub progress: i32,
    pub size_bytes: i64,
    pub requested_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Where to download it, while it is ready.
    pub download_url: Option<String>,
    /// An admin's export of every module rather than one person's data.
    pub all_modules: bool,
}
