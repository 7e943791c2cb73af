use super::crypto::CryptoError;
use crate::error::AppError;
use sea_orm::{DbErr, SqlErr};

/// Errors of the service layer: either a user-facing `AppError`, or an internal
/// failure that keeps its cause for the log and is never shown.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    User(#[from] AppError),
    #[error("database")]
    Db(#[from] DbErr),
    #[error("file system")]
    Io(#[from] std::io::Error),
    #[error("JSON")]
    Json(#[from] serde_json::Error),
    #[error("ZIP archive")]
    Zip(#[from] zip::result::ZipError),
    #[error("CSV")]
    Csv(#[from] csv::Error),
    #[error("encryption")]
    Crypto(#[from] CryptoError),
    #[error("background task")]
    Task(#[from] tokio::task::JoinError),
    /// Stored data breaks a rule the code relies on (an unknown state, a job
    /// without its ticket): refused rather than defaulted. The message says which.
    #[error("{0}")]
    Invariant(String),
    /// A failure with what we were doing when it happened.
    #[error("{context}")]
    Internal {
        context: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl ServiceError {
    /// A broken rule of the stored data.
    pub fn invariant(message: impl Into<String>) -> Self {
        ServiceError::Invariant(message.into())
    }

    /// The error and every cause under it, for the log: `file system: Is a directory (os error 21)`.
    pub fn chain(&self) -> String {
        let mut out = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }

    /// Maps to what the user may see; internal details go to the log with the request id.
    /// A database that cannot be reached is a 503 the client may retry, not a failure.
    pub fn into_app_error(self, request_id: &str) -> AppError {
        match self {
            ServiceError::User(e) => e,
            ref full if is_storage_full(full) => {
                tracing::error!(request_id, error = %full.chain(), "out of storage space: nothing was saved");
                AppError::StorageFull {
                    request_id: request_id.to_owned(),
                }
            }
            ServiceError::Db(e) if is_unreachable(&e) => {
                tracing::warn!(request_id, error = %e, "the database cannot be reached");
                AppError::Unavailable {
                    request_id: request_id.to_owned(),
                }
            }
            other => {
                tracing::error!(request_id, error = %other.chain(), "request failed");
                AppError::Internal {
                    request_id: request_id.to_owned(),
                }
            }
        }
    }
}

/// Whether a database error means the database cannot be reached right now
/// (restarting, shutting down, the connection lost or none to be had), as
/// opposed to a query that failed.
pub fn is_unreachable(e: &DbErr) -> bool {
    use sea_orm::sqlx;
    if matches!(e, DbErr::ConnectionAcquire(_)) {
        return true;
    }
    match sqlx_error_of(e) {
        Some(
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Protocol(_),
        ) => true,
        // PostgreSQL: connection exceptions (08…), and the server shutting
        // down or not yet accepting connections (57P01–57P03).
        Some(sqlx::Error::Database(db)) => db
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
        _ => false,
    }
}

/// Whether the disk (or the database's space) is full: SQLite's SQLITE_FULL,
/// PostgreSQL's disk_full (53100), or ENOSPC from the file system, also when it
/// comes wrapped (a ZIP or CSV writer's I/O error, an error with context).
pub fn is_storage_full(e: &ServiceError) -> bool {
    use sea_orm::sqlx;
    match e {
        ServiceError::Db(e) => match sqlx_error_of(e) {
            Some(sqlx::Error::Database(db)) => db.code().is_some_and(|c| c == "13" || c == "53100"),
            Some(sqlx::Error::Io(io)) => io_full(io),
            _ => false,
        },
        ServiceError::Io(io) => io_full(io),
        ServiceError::Csv(csv) => matches!(csv.kind(), csv::ErrorKind::Io(io) if io_full(io)),
        _ => {
            let mut cause = std::error::Error::source(e);
            while let Some(c) = cause {
                if c.downcast_ref::<std::io::Error>().is_some_and(io_full) {
                    return true;
                }
                cause = c.source();
            }
            false
        }
    }
}

/// The driver's error under sea-orm's, when a connection, statement or query failed.
fn sqlx_error_of(e: &DbErr) -> Option<&sea_orm::sqlx::Error> {
    use sea_orm::RuntimeErr;
    match e {
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => Some(e.as_ref()),
        _ => None,
    }
}

fn io_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28)
}

/// Adds what we were doing to any error: `.context("writing the archive")?`.
pub trait Context<T> {
    fn context(self, context: impl Into<String>) -> Result<T, ServiceError>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> Context<T> for Result<T, E> {
    fn context(self, context: impl Into<String>) -> Result<T, ServiceError> {
        self.map_err(|e| ServiceError::Internal {
            context: context.into(),
            source: Box::new(e),
        })
    }
}

/// Turns a unique-constraint violation into a specific user error; other errors pass through.
pub trait OnConstraint<T> {
    fn on_unique_violation(self, err: AppError) -> Result<T, ServiceError>;
}

impl<T> OnConstraint<T> for Result<T, DbErr> {
    fn on_unique_violation(self, err: AppError) -> Result<T, ServiceError> {
        self.map_err(|e| match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => ServiceError::User(err),
            _ => ServiceError::Db(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_out_of_reach_is_a_503_with_its_reference() {
        use sea_orm::{sqlx, RuntimeErr};
        use std::sync::Arc;
        let lost = DbErr::Query(RuntimeErr::SqlxError(Arc::new(sqlx::Error::Io(
            std::io::Error::from(std::io::ErrorKind::ConnectionReset),
        ))));
        assert!(is_unreachable(&lost));
        assert!(matches!(
            ServiceError::Db(lost).into_app_error("r2"),
            AppError::Unavailable { request_id } if request_id == "r2"
        ));
        assert!(is_unreachable(&DbErr::Conn(RuntimeErr::SqlxError(
            Arc::new(sqlx::Error::PoolTimedOut)
        ))));
        // A query that failed is not an outage.
        let bad = DbErr::Query(RuntimeErr::SqlxError(Arc::new(sqlx::Error::RowNotFound)));
        assert!(!is_unreachable(&bad));
        assert!(matches!(
            ServiceError::Db(bad).into_app_error("r3"),
            AppError::Internal { .. }
        ));
        assert!(!is_unreachable(&DbErr::Custom("x".into())));
    }

    #[test]
    fn a_full_disk_is_a_507_with_its_reference() {
        let full = ServiceError::Io(std::io::Error::from_raw_os_error(28));
        assert!(is_storage_full(&full));
        assert!(matches!(
            full.into_app_error("r4"),
            AppError::StorageFull { request_id } if request_id == "r4"
        ));
        assert!(!is_storage_full(&ServiceError::Io(std::io::Error::other(
            "x"
        ))));
    }

    #[test]
    fn a_full_disk_is_found_under_a_zip_a_csv_writer_or_a_context() {
        let enospc = || std::io::Error::from_raw_os_error(28);
        assert!(is_storage_full(&ServiceError::Zip(
            zip::result::ZipError::Io(enospc())
        )));
        assert!(is_storage_full(&ServiceError::Csv(csv::Error::from(
            enospc()
        ))));
        let wrapped: ServiceError = Err::<(), _>(enospc())
            .context("writing the archive")
            .unwrap_err();
        assert!(is_storage_full(&wrapped));
        let denied: ServiceError =
            Err::<(), _>(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
                .context("writing the archive")
                .unwrap_err();
        assert!(!is_storage_full(&denied));
        assert!(!is_storage_full(&ServiceError::Zip(
            zip::result::ZipError::FileNotFound
        )));
    }

    #[test]
    fn the_chain_keeps_every_cause() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let e: ServiceError = Err::<(), _>(io).context("deleting an archive").unwrap_err();
        assert_eq!(e.chain(), "deleting an archive: denied");
        let e = ServiceError::from(std::io::Error::other("disk full"));
        assert_eq!(e.chain(), "file system: disk full");
        assert!(matches!(
            e.into_app_error("r1"),
            AppError::Internal { request_id } if request_id == "r1"
        ));
    }
}
