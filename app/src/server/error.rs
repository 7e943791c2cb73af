use crate::error::AppError;
use sea_orm::{DbErr, SqlErr};

/// Errors of the service layer: either a user-facing `AppError`, or an internal
/// failure whose detail is logged and never shown.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    User(#[from] AppError),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    /// Maps to what the user may see; internal details go to the log with the request id.
    pub fn into_app_error(self, request_id: &str) -> AppError {
        match self {
            ServiceError::User(e) => e,
            other => {
                tracing::error!(request_id, error = %other, "request failed");
                AppError::Internal {
                    request_id: request_id.to_owned(),
                }
            }
        }
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
