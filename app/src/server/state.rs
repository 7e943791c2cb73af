use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::{sync::Arc, time::Duration};

/// Session and sign-in limits, from configuration.
#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// A session unused for this long ends.
    pub session_idle_timeout: Duration,
    /// A session ends this long after sign-in, however active.
    pub session_absolute_timeout: Duration,
    /// Failed sign-ins allowed per account within `throttle_window`.
    pub max_failures_per_account: u64,
    /// Failed sign-ins allowed per client address within `throttle_window`.
    pub max_failures_per_client: u64,
    pub throttle_window: Duration,
    /// Whether cookies get the `Secure` attribute (the public URL is https).
    pub secure_cookies: bool,
    /// Whether staff must use two-factor sign-in when no admin has chosen
    /// (on in production, off in demo mode).
    pub two_factor_staff_default: bool,
    /// Days after which a sign-up whose address was never confirmed is removed.
    pub unconfirmed_account_days: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_timeout: Duration::from_secs(12 * 60 * 60),
            max_failures_per_account: 5,
            max_failures_per_client: 20,
            throttle_window: Duration::from_secs(15 * 60),
            secure_cookies: false,
            two_factor_staff_default: false,
            unconfirmed_account_days: 7,
        }
    }
}

/// Everything a request handler needs. Cheap to clone; servers keep no other state.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// The key store and master keys: every personal value goes through it.
    pub vault: Arc<super::Vault>,
    pub security: SecuritySettings,
    pub mail: MailSettings,
    pub exports: ExportSettings,
    /// Where the databases are, without credentials (shown to admins).
    pub locations: StorageLocations,
    pub leptos_options: LeptosOptions,
}

/// The main database's and the key store's locations, passwords removed.
#[derive(Clone, Debug, Default)]
pub struct StorageLocations {
    pub database: String,
    pub keystore: String,
}

/// "Download my data" archives.
#[derive(Clone, Debug)]
pub struct ExportSettings {
    /// This server's folder for archives: every build's temporary files, and
    /// the finished archives too when `store` is `Folder`.
    pub dir: std::path::PathBuf,
    /// Where finished archives are kept.
    pub store: ArchiveStore,
    /// How long a finished archive can be downloaded.
    pub ttl: Duration,
    /// Archives one person may request per day.
    pub per_day: u64,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            dir: std::env::temp_dir().join("custodian-exports"),
            store: ArchiveStore::Folder,
            ttl: Duration::from_secs(24 * 3600),
            per_day: 3,
        }
    }
}

/// Where finished archives are kept (`CUSTODIAN_ARCHIVE_STORE`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArchiveStore {
    /// The building server's data folder (`exports/`): the embedded default,
    /// for one server (or several sharing that folder).
    #[default]
    Folder,
    /// The main database, as rows of encrypted bytes (`archive_chunks`): any
    /// server on that database streams an archive another one built.
    Database,
}

/// How mail leaves the portal.
#[derive(Clone, Debug)]
pub struct MailSettings {
    /// With SMTP configured, mail is queued for the sender; without, it stays in
    /// the outbox that admins read (demo mode works without a mail server).
    pub smtp_configured: bool,
    /// The portal's public URL, for links in mail.
    pub public_url: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_configured: false,
            public_url: "http://localhost:3000".into(),
        }
    }
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
