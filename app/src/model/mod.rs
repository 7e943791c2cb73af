//! Types shared by the server and the browser, by area. Every closed set of
//! names (roles, statuses, kinds, steps) is a `vocabulary!` enum.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod account;
mod audit;
mod exports;
mod privacy;
mod register;
mod retention;
mod roles;
mod tickets;

pub use account::*;
pub use audit::*;
pub use exports::*;
pub use privacy::*;
pub use register::*;
pub use retention::*;
pub use roles::*;
pub use tickets::*;

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    pub page: u64,
    pub total_pages: u64,
    /// Counted up to a cap (10,000); `more` says there are more than that.
    pub total_items: u64,
    #[serde(default)]
    pub more: bool,
}

/// Limits shared by the forms and the server's validation.
pub mod limits {
    pub const NAME_MAX: usize = 200;
    pub const EMAIL_MAX: usize = 254;
    pub const PASSWORD_MIN: usize = 8;
    pub const PASSWORD_MAX: usize = 1024;
    pub const SUBJECT_MAX: usize = 200;
    pub const MESSAGE_MAX: usize = 20_000;
    pub const PAGE_SIZE: u64 = 20;
}

/// Formats a timestamp for people: `2026-11-29 14:05 UTC`.
pub fn format_time(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
