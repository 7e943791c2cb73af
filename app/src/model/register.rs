//! The register of privacy requests: what a regulator asks first ("show me
//! the requests and how fast you answered"). Nothing personal beyond a
//! request id and a pseudonymous subject reference.
use super::{RequestKind, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// What kind of request a register entry records.
    pub enum RegisterKind {
        /// Art. 15: the customer's "Download my data", answered by the portal.
        Access = "access",
        /// Art. 16: an email change (the other fields are rectified directly).
        Rectification = "rectification",
        /// Art. 17.
        Erasure = "erasure",
    }
}

impl From<RequestKind> for RegisterKind {
    fn from(kind: RequestKind) -> Self {
        match kind {
            RequestKind::EmailChange => RegisterKind::Rectification,
            RequestKind::Erasure => RegisterKind::Erasure,
        }
    }
}

vocabulary! {
    /// How a request ended, or that it has not yet.
    pub enum RegisterOutcome {
        Open = "open",
        /// Open past its due date.
        Overdue = "overdue",
        Completed = "completed",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
        /// An access request whose archive could not be built.
        Failed = "failed",
    }
}

/// One request in the register (the UK regulator's accountability log:
/// due date, response date, action taken, systems searched, what was
/// disclosed or withheld).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterEntry {
    /// The privacy request (or, for access, the export) id.
    pub request_id: Uuid,
    /// `S-7f3a9c12d4`: the same for every request of one person, derived from nothing personal.
    pub subject_ref: String,
    pub kind: RegisterKind,
    pub received_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    /// Months the deadline was extended by, why, and when the customer was told.
    pub extended_months: i32,
    pub extension_reason: Option<String>,
    pub extension_told_at: Option<DateTime<Utc>>,
    /// When staff decided (approved or rejected), and in which role.
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Role>,
    /// When the customer had their answer (done, rejected, withdrawn, archive ready).
    pub responded_at: Option<DateTime<Utc>>,
    pub outcome: RegisterOutcome,
    /// What the answer gave the customer.
    pub disclosed: String,
    /// What was withheld or kept, and why.
    pub withheld: String,
    /// The stores searched to answer it.
    pub stores_searched: String,
}

/// Counts of one group of requests (a kind, a month).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterCounts {
    pub received: u64,
    pub completed: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    /// Open past the due date now.
    pub overdue: u64,
    pub open: u64,
    /// Of those answered (completed or rejected), how many after the due date.
    pub answered_late: u64,
    /// Minutes from receipt to the answer, over completed requests.
    pub median_minutes: Option<u32>,
    pub p90_minutes: Option<u32>,
}

/// The register: totals, by kind, by month (last twelve), and the newest entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub totals: RegisterCounts,
    pub by_kind: Vec<(RegisterKind, RegisterCounts)>,
    /// `(year, month)`, oldest first; received that month and answered that month.
    pub by_month: Vec<((i32, u32), RegisterCounts)>,
    /// Newest first, at most `ENTRIES_SHOWN`; the CSV has every one.
    pub entries: Vec<RegisterEntry>,
    pub total_entries: u64,
}

/// Entries the register page lists (the CSV has all).
pub const ENTRIES_SHOWN: usize = 100;
