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
    pub fn into_app_error(self, request_id: &str) -> AppError {
        match self {
            ServiceError::User(e) => e,
            other => {
                tracing::error!(request_id, error = %other.chain(), "request failed");
                AppError::Internal {
                    request_id: request_id.to_owned(),
                }
            }
        }
    }
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
