//! The retention policy: how long what is kept, and what the next cleanup
//! will do. Admins set it; customers read it on their privacy page.
use super::TicketsPolicy;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The cleanup cycles an admin may pick, in days (daily to yearly; every six
/// months by default).
pub const CLEANUP_CYCLES: [u32; 6] = [1, 7, 30, 91, 182, 365];

/// Key store backups are kept at most this long: three months after an
/// erasure no backup holds the subject's key.
pub const BACKUP_KEYS_DAYS_MAX: u32 = 90;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPolicy {
    /// Solved and closed tickets lose their content this many months after
    /// their last update; 0 = kept.
    pub tickets_after_months: u32,
    /// Anonymise (content removed, the record kept) or delete them.
    pub tickets_action: TicketsPolicy,
    /// Customer accounts unused this many months are closed; 0 = never.
    pub inactive_after_months: u32,
    /// Days before the closure the customer is told (signing in keeps the account).
    pub notice_days: u32,
    /// Closed accounts are erased at the next cleanup.
    pub purge_closed: bool,
    /// Hours a data export archive can be downloaded; `None` = the server's default.
    pub export_hours: Option<u32>,
    /// Days between cleanups (one of `CLEANUP_CYCLES`).
    pub cycle_days: u32,
    /// Days a main database backup is kept.
    pub backup_main_days: u32,
    /// Days a key store backup is kept (at most `BACKUP_KEYS_DAYS_MAX`).
    pub backup_keys_days: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            tickets_after_months: 0,
            tickets_action: TicketsPolicy::Anonymise,
            inactive_after_months: 0,
            notice_days: 30,
            purge_closed: true,
            export_hours: None,
            cycle_days: 182,
            backup_main_days: 180,
            backup_keys_days: BACKUP_KEYS_DAYS_MAX,
        }
    }
}

/// One ticket a cleanup will anonymise or delete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTicket {
    pub id: uuid::Uuid,
    /// `#` and the id's last 8 hex digits, as lists show it.
    pub reference: String,
    pub updated_at: DateTime<Utc>,
}

/// One account a cleanup will close or erase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedAccount {
    pub id: uuid::Uuid,
    pub email: String,
    pub last_active_at: Option<DateTime<Utc>>,
}

/// What the cleanup on `date` will do, as things stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CleanupPlan {
    pub date: DateTime<Utc>,
    /// When the closure notices go out (`date` less the notice days).
    pub notices_on: Option<DateTime<Utc>>,
    pub tickets: Vec<PlannedTicket>,
    pub tickets_total: u64,
    pub close: Vec<PlannedAccount>,
    pub close_total: u64,
    /// Unused accounts whose notice cannot go out in time: closed a cycle later.
    pub close_later: u64,
    pub purge: Vec<PlannedAccount>,
    pub purge_total: u64,
    /// Customers under a legal hold the cleanup skips (with their tickets).
    pub held: Vec<PlannedAccount>,
}

impl CleanupPlan {
    /// Rows listed per kind; the totals count the rest.
    pub const LISTED: usize = 50;
}

/// Where the data lives, as the admin describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DataRegion {
    /// "EU — Frankfurt": shown to admins and on customers' privacy page.
    pub label: String,
    /// The privacy notice, linked in every page's footer (empty: no link).
    pub notice_url: String,
}

/// What a signed-in person is told about how long their data is kept, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionNoticeView {
    pub policy: RetentionPolicy,
    /// Hours an export archive can be downloaded (the policy's, or the server's default).
    pub export_hours: u32,
    pub region: DataRegion,
}

/// The retention settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPage {
    pub policy: RetentionPolicy,
    pub region: DataRegion,
    /// The main database and key store, without credentials.
    pub database_location: String,
    pub keystore_location: String,
    /// The server's default export lifetime (`CUSTODIAN_EXPORT_TTL_HOURS`).
    pub default_export_hours: u32,
    pub last_run_at: Option<DateTime<Utc>>,
    pub last_result: Option<String>,
    pub plan: CleanupPlan,
}

/// What one cleanup did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CleanupReport {
    pub tickets_anonymised: u64,
    pub tickets_deleted: u64,
    pub accounts_closed: u64,
    pub accounts_purged: u64,
    /// Held customers skipped.
    pub held_skipped: u64,
}
