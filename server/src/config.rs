//! Typed configuration: every setting is a flag with an environment fallback,
//! checked at start-up so a bad value fails fast with a clear message.
use crate::error::StartError;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::{net::SocketAddr, path::PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "custodian",
    version,
    about = "Custodian: a GDPR-ready customer self-service portal"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Settings that are secrets: given on the command line they would show in
/// every user's process list (`ps`), so they are taken from the environment
/// or a file only.
pub const SECRET_SETTINGS: [(&str, &str); 3] = [
    (
        "master_key",
        "CUSTODIAN_MASTER_KEY (or a key file: CUSTODIAN_MASTER_KEY_FILE)",
    ),
    (
        "old_master_keys",
        "CUSTODIAN_OLD_MASTER_KEYS (or a key file: CUSTODIAN_MASTER_KEY_FILE)",
    ),
    (
        "smtp_password",
        "CUSTODIAN_SMTP_PASSWORD or CUSTODIAN_SMTP_PASSWORD_FILE",
    ),
];

impl Cli {
    /// Parses the command line, refusing secrets given on it.
    pub fn parse_checked() -> Result<Self, String> {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Self::command().get_matches();
        if let Some(instead) = secret_on_command_line(&matches) {
            return Err(format!(
                "secrets on the command line show in the process list; set {instead} instead"
            ));
        }
        if let Some(variable) = password_in_url_on_command_line(&matches) {
            return Err(format!(
                "a database URL with a password on the command line shows in the process list; \
                 set {variable} in the environment instead"
            ));
        }
        Self::from_arg_matches(&matches).map_err(|e| e.to_string())
    }
}

/// The variable to use instead, when a secret setting came from the command line
/// (at the top level or after a subcommand: the settings are global).
pub fn secret_on_command_line(matches: &clap::ArgMatches) -> Option<&'static str> {
    for (id, instead) in SECRET_SETTINGS {
        let source = matches
            .try_get_raw(id)
            .ok()
            .flatten()
            .and(matches.value_source(id));
        if source == Some(clap::parser::ValueSource::CommandLine) {
            return Some(instead);
        }
    }
    matches
        .subcommand()
        .and_then(|(_, sub)| secret_on_command_line(sub))
}

/// The variable to use instead, when a database URL carrying a password came
/// from the command line.
pub fn password_in_url_on_command_line(matches: &clap::ArgMatches) -> Option<&'static str> {
    for (id, variable) in [
        ("database_url", "DATABASE_URL"),
        ("keystore_url", "CUSTODIAN_KEYSTORE_URL"),
        ("to", "CUSTODIAN_TRANSFER_TO"),
        ("keys_to", "CUSTODIAN_TRANSFER_KEYS_TO"),
    ] {
        // Each (sub)command knows only its own arguments; asking about another panics.
        if !matches.ids().any(|known| known.as_str() == id) {
            continue;
        }
        let from_argv = matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine);
        let url = matches.try_get_one::<String>(id).ok().flatten();
        if from_argv && url.is_some_and(|u| url_has_password(u)) {
            return Some(variable);
        }
    }
    matches
        .subcommand()
        .and_then(|(_, sub)| password_in_url_on_command_line(sub))
}

/// `postgres://user:secret@host/db` has one; `postgres://user@host/db` has not.
pub fn url_has_password(url: &str) -> bool {
    if url.to_lowercase().contains("password=") {
        return true;
    }
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    authority
        .rsplit_once('@')
        .is_some_and(|(userinfo, _)| userinfo.contains(':'))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the portal (the default).
    Serve,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Master keys and subjects' data keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// The retention policy's cleanup (Settings → Retention sets the policy).
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Move everything to another database (SQLite → PostgreSQL, or one
    /// PostgreSQL to another) while the portal keeps serving: copy, a short
    /// pause of writes for the catch-up, then verification. README: switch-over.
    Transfer {
        /// The destination database (empty). With a password, give it in the environment.
        #[arg(long, env = "CUSTODIAN_TRANSFER_TO", hide_env_values = true)]
        to: String,
        /// Move the key store too, to this (empty) database.
        #[arg(long, env = "CUSTODIAN_TRANSFER_KEYS_TO", hide_env_values = true)]
        keys_to: Option<String>,
    },
    /// Take a consistent copy of the main database and, in its own file, of the
    /// key store, with a manifest, into a new folder under DIR; then delete the
    /// copies there older than the configured ages (key store copies: at most 90 days).
    Backup {
        /// The folder that holds the backups (one sub-folder each).
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup folder over the configured databases (stop the portal
    /// first). Erasures made since the backup are applied again, and the audit
    /// chain and every data key are verified.
    Restore {
        /// The backup's folder (the one holding manifest.json).
        #[arg(long)]
        from: PathBuf,
        /// Confirms that the configured databases are to be replaced.
        #[arg(long, required = true)]
        yes: bool,
    },
    /// Export every module's data (contacts, agents, tickets, messages, teams, custom
    /// fields, privacy requests, audit log) as CSV and JSON Lines in one ZIP.
    Export {
        /// Where to write the ZIP (it holds personal data in the clear: protect it).
        #[arg(long)]
        out: PathBuf,
    },
    /// Measure the data export against a plain read of the same rows, on a fresh
    /// throw-away database (prints the figures README.md quotes).
    Bench {
        /// Tickets to seed for one customer.
        #[arg(long, default_value_t = 10_000)]
        tickets: u64,
        /// Messages per ticket.
        #[arg(long, default_value_t = 10)]
        messages_per_ticket: u64,
    },
    /// Fill an empty, throw-away database with many customers, tickets and
    /// messages for the page benchmarks (`scripts/bench.sh`); every account gets
    /// the same random password, printed at the end.
    BenchSeed {
        /// Confirms the configured database is a throw-away one: what this writes stays.
        #[arg(long, required = true)]
        throwaway: bool,
        #[arg(long, default_value_t = 100_000)]
        customers: u64,
        #[arg(long, default_value_t = 1_000_000)]
        tickets: u64,
        #[arg(long, default_value_t = 5_000_000)]
        messages: u64,
    },
    /// Measure how many audit events per second concurrent writers append to the
    /// configured database, which must be empty (the events stay in the chain).
    BenchAudit {
        /// Confirms the configured database is a throw-away one: its audit log keeps these events.
        #[arg(long, required = true)]
        throwaway: bool,
        #[arg(long, default_value_t = 8)]
        writers: u64,
        /// Events each writer appends.
        #[arg(long, default_value_t = 500)]
        events: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Show the current master key and how many data keys each master key wraps.
    Status,
    /// Introduce a new master key and re-wrap every data key with it, in batches,
    /// while the portal keeps serving. Run it again to resume an interrupted rotation.
    Rotate {
        /// Data keys re-wrapped per batch.
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        batch_size: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Run the cleanup now (the next scheduled one moves a cycle on), or with
    /// --dry-run list what it would do without changing anything.
    Run {
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exits non-zero naming the first bad event.
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is prompted for, or read from stdin when it is not a terminal.
    Create {
        #[arg(long, value_enum)]
        role: RoleArg,
        #[arg(long)]
        email: String,
        /// Display name; defaults to the part of the email before the @.
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SmtpTls {
    Starttls,
    Tls,
    None,
}

/// Where finished "Download my data" archives are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ArchiveStoreArg {
    /// `exports/` in the data folder: one server (or several sharing that folder).
    Folder,
    /// The main database: every server on it can stream any archive.
    Database,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Customer,
    Agent,
    Admin,
}

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Database URL: sqlite://path?mode=rwc or postgres://user:pass@host/db. Defaults to SQLite in the data folder.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Key store URL (subjects' data keys), kept apart from the main database so a backup
    /// of one is useless without the other. Defaults to SQLite beside the main database.
    #[arg(
        long,
        env = "CUSTODIAN_KEYSTORE_URL",
        global = true,
        hide_env_values = true
    )]
    pub keystore_url: Option<String>,
    /// The master key, base64 (32 bytes); environment only. Prefer a key file; see CUSTODIAN_MASTER_KEY_FILE.
    #[arg(
        long,
        env = "CUSTODIAN_MASTER_KEY",
        global = true,
        hide_env_values = true,
        conflicts_with = "master_key_file"
    )]
    pub master_key: Option<String>,
    /// Older master keys still needed while a rotation is unfinished, comma-separated base64
    /// (only with CUSTODIAN_MASTER_KEY; environment only).
    #[arg(
        long,
        env = "CUSTODIAN_OLD_MASTER_KEYS",
        global = true,
        hide_env_values = true,
        value_delimiter = ','
    )]
    pub old_master_keys: Vec<String>,
    /// A file with the master keys (base64, one per line, current first). Default:
    /// master.key in the data folder, generated on first run with mode 0600.
    #[arg(long, env = "CUSTODIAN_MASTER_KEY_FILE", global = true)]
    pub master_key_file: Option<PathBuf>,
    /// Folder for the embedded database and other local files.
    #[arg(
        long,
        env = "CUSTODIAN_DATA_DIR",
        default_value = "./data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// Address and port the server listens on.
    #[arg(
        long,
        env = "CUSTODIAN_LISTEN",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub listen: SocketAddr,
    /// The URL people use to reach the portal; its origin is the only one allowed to send
    /// state-changing requests, and https here turns on Secure cookies and HSTS.
    #[arg(
        long,
        env = "CUSTODIAN_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000",
        global = true
    )]
    pub public_url: String,
    /// Folder with the built browser bundle (pkg/) and static files.
    #[arg(
        long,
        env = "CUSTODIAN_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,
    /// Seed demo accounts and tickets at start-up (only adds what is missing).
    #[arg(long, env = "CUSTODIAN_DEMO", global = true)]
    pub demo: bool,
    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "CUSTODIAN_SESSION_IDLE_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=1440), global = true)]
    pub session_idle_minutes: u64,
    /// Hours after sign-in after which a session ends, however active.
    #[arg(long, env = "CUSTODIAN_SESSION_MAX_HOURS", default_value_t = 12, value_parser = clap::value_parser!(u64).range(1..=720), global = true)]
    pub session_max_hours: u64,
    /// Failed sign-ins allowed per account in 15 minutes.
    #[arg(
        long,
        env = "CUSTODIAN_SIGNIN_MAX_PER_ACCOUNT",
        default_value_t = 5,
        global = true
    )]
    pub signin_max_per_account: u64,
    /// Failed sign-ins allowed per client address in 15 minutes.
    #[arg(
        long,
        env = "CUSTODIAN_SIGNIN_MAX_PER_CLIENT",
        default_value_t = 20,
        global = true
    )]
    pub signin_max_per_client: u64,
    /// Days after which a customer account whose sign-up address was never
    /// confirmed is removed (through the erasure job, audited).
    #[arg(long, env = "CUSTODIAN_UNCONFIRMED_DAYS", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=365), global = true)]
    pub unconfirmed_days: u32,
    /// Take the client address from X-Forwarded-For (only behind a reverse proxy you run).
    #[arg(long, env = "CUSTODIAN_TRUST_PROXY_HEADERS", global = true)]
    pub trust_proxy_headers: bool,
    /// SMTP server for outgoing mail. Without it, mail stays in the outbox admins read.
    #[arg(long, env = "CUSTODIAN_SMTP_HOST", global = true)]
    pub smtp_host: Option<String>,
    /// SMTP port.
    #[arg(
        long,
        env = "CUSTODIAN_SMTP_PORT",
        default_value_t = 587,
        global = true
    )]
    pub smtp_port: u16,
    /// SMTP transport security: starttls, tls (implicit, usually port 465) or none (local relays only).
    #[arg(long, env = "CUSTODIAN_SMTP_TLS", value_enum, default_value_t = SmtpTls::Starttls, global = true)]
    pub smtp_tls: SmtpTls,
    /// SMTP user name, if the server needs one.
    #[arg(long, env = "CUSTODIAN_SMTP_USERNAME", global = true)]
    pub smtp_username: Option<String>,
    /// SMTP password; environment only (a command-line value would show in `ps`).
    #[arg(
        long,
        env = "CUSTODIAN_SMTP_PASSWORD",
        global = true,
        hide_env_values = true,
        conflicts_with = "smtp_password_file"
    )]
    pub smtp_password: Option<String>,
    /// A file holding the SMTP password (its first line).
    #[arg(long, env = "CUSTODIAN_SMTP_PASSWORD_FILE", global = true)]
    pub smtp_password_file: Option<PathBuf>,
    /// The From address of outgoing mail.
    #[arg(
        long,
        env = "CUSTODIAN_MAIL_FROM",
        default_value = "Custodian <no-reply@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// Hours a finished "Download my data" archive stays downloadable.
    #[arg(long, env = "CUSTODIAN_EXPORT_TTL_HOURS", default_value_t = 24, value_parser = clap::value_parser!(u64).range(1..=720), global = true)]
    pub export_ttl_hours: u64,
    /// Data exports one person may request per day.
    #[arg(long, env = "CUSTODIAN_EXPORTS_PER_DAY", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=100), global = true)]
    pub exports_per_day: u64,
    /// Where finished archives are kept: folder (the data folder's `exports/`)
    /// or database (shared by several servers on one database).
    #[arg(long, env = "CUSTODIAN_ARCHIVE_STORE", value_enum, default_value_t = ArchiveStoreArg::Folder, global = true)]
    pub archive_store: ArchiveStoreArg,
    /// Milliseconds the erasure worker waits after each step (0: none). A throttle
    /// for busy databases; the crash-recovery tests use it to kill the server between steps.
    #[arg(long, env = "CUSTODIAN_ERASURE_STEP_PAUSE_MS", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=600_000), global = true)]
    pub erasure_step_pause_ms: u64,
    /// Log filter, e.g. `info` or `custodian=debug,info`.
    #[arg(long, env = "CUSTODIAN_LOG", default_value = "info", global = true)]
    pub log: String,
}

impl Settings {
    /// The database URL, defaulting to SQLite in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("custodian.db").display()
            ),
        }
    }

    /// The key store URL, defaulting to SQLite beside the main database.
    pub fn keystore_url(&self) -> String {
        match &self.keystore_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("keystore.db").display()
            ),
        }
    }

    /// The scheme://host[:port] of the public URL, checked at start-up.
    pub fn public_origin(&self) -> Result<String, StartError> {
        let url = self.public_url.trim_end_matches('/');
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            format!("CUSTODIAN_PUBLIC_URL must start with http:// or https://, got {url:?}")
        })?;
        if scheme != "http" && scheme != "https" {
            return Err(StartError::config(format!(
                "CUSTODIAN_PUBLIC_URL must use http or https, got {scheme:?}"
            )));
        }
        let host = rest.split('/').next().unwrap_or_default().to_lowercase();
        if host.is_empty() {
            return Err(StartError::config("CUSTODIAN_PUBLIC_URL has no host"));
        }
        // As browsers send it in Origin: lower case, without the scheme's default port.
        let default_port = if scheme == "https" { ":443" } else { ":80" };
        let host = host.strip_suffix(default_port).unwrap_or(&host);
        Ok(format!("{scheme}://{host}"))
    }

    /// The SMTP password, from its variable or the first line of its file.
    pub fn smtp_password(&self) -> Result<Option<String>, StartError> {
        if let Some(path) = &self.smtp_password_file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                StartError::config(format!(
                    "CUSTODIAN_SMTP_PASSWORD_FILE {}: {e}",
                    path.display()
                ))
            })?;
            return Ok(Some(text.lines().next().unwrap_or_default().to_owned()));
        }
        Ok(self.smtp_password.clone())
    }

    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

impl Settings {
    /// The portal's state from these settings, over opened databases.
    pub fn app_state(
        &self,
        db: sea_orm::DatabaseConnection,
        vault: ::app::server::Vault,
    ) -> ::app::server::AppState {
        use ::app::server::{
            AppState, ExportSettings, MailSettings, SecuritySettings, StorageLocations,
        };
        use std::{sync::Arc, time::Duration};
        // Content-hashed asset names when the build wrote them (scripts/build.sh).
        let hash_file = std::path::absolute(self.site_root.join("hash.txt"))
            .unwrap_or_else(|_| self.site_root.join("hash.txt"));
        let leptos_options = leptos::config::LeptosOptions::builder()
            .output_name("custodian")
            .hash_files(hash_file.is_file())
            .hash_file(std::sync::Arc::from(hash_file.display().to_string()))
            .site_root(self.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(self.listen)
            .build();
        AppState {
            db,
            vault: Arc::new(vault),
            exports: ExportSettings {
                dir: self.data_dir.join("exports"),
                store: match self.archive_store {
                    ArchiveStoreArg::Folder => ::app::server::ArchiveStore::Folder,
                    ArchiveStoreArg::Database => ::app::server::ArchiveStore::Database,
                },
                ttl: Duration::from_secs(self.export_ttl_hours * 3600),
                per_day: self.exports_per_day,
            },
            mail: MailSettings {
                smtp_configured: self.smtp_host.is_some(),
                public_url: self.public_url.trim_end_matches('/').to_owned(),
            },
            security: SecuritySettings {
                session_idle_timeout: Duration::from_secs(self.session_idle_minutes * 60),
                session_absolute_timeout: Duration::from_secs(self.session_max_hours * 3600),
                max_failures_per_account: self.signin_max_per_account,
                max_failures_per_client: self.signin_max_per_client,
                throttle_window: Duration::from_secs(15 * 60),
                secure_cookies: self.is_https(),
                two_factor_staff_default: !self.demo,
                unconfirmed_account_days: self.unconfirmed_days,
            },
            locations: StorageLocations {
                database: redact_url(&self.database_url()),
                keystore: redact_url(&self.keystore_url()),
            },
            leptos_options,
        }
    }
}

/// A database URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://[redacted]@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}
