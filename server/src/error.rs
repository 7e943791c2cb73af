//! Why a `custodian` command could not do what was asked. `main` prints it with
//! every cause under it and exits with status 1.
use ::app::server::{crypto::KeyringError, ServiceError};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A setting, an argument or the state of the data folder is wrong; the
    /// message says which and what to do.
    #[error("{0}")]
    Config(String),
    /// Something failed while doing what was asked: what it was, and why.
    #[error("{context}")]
    Failed {
        context: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    Keyring(#[from] KeyringError),
    #[error("file system")]
    Io(#[from] std::io::Error),
    #[error("database")]
    Db(#[from] sea_orm::DbErr),
}

impl StartError {
    pub fn config(message: impl Into<String>) -> Self {
        StartError::Config(message.into())
    }

    /// The error and every cause under it, on one line.
    pub fn chain(&self) -> String {
        let mut out = self.to_string();
        let mut cause = std::error::Error::source(self);
        // A service error's own text is already its first cause.
        if let StartError::Service(e) = self {
            out = e.chain();
            cause = None;
        }
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }
}

impl From<::app::error::AppError> for StartError {
    fn from(error: ::app::error::AppError) -> Self {
        StartError::Config(error.to_string())
    }
}

impl From<String> for StartError {
    fn from(message: String) -> Self {
        StartError::Config(message)
    }
}

/// Adds what was being done to an error: `.context("cannot read the key store")?`.
pub trait Context<T> {
    fn context(self, context: impl Into<String>) -> Result<T, StartError>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> Context<T> for Result<T, E> {
    fn context(self, context: impl Into<String>) -> Result<T, StartError> {
        self.map_err(|e| StartError::Failed {
            context: context.into(),
            source: Box::new(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_names_what_failed_and_why() {
        let e = Err::<(), _>(std::io::Error::other("permission denied"))
            .context("cannot create the data folder ./data")
            .unwrap_err();
        assert_eq!(
            e.chain(),
            "cannot create the data folder ./data: permission denied"
        );
        let e = StartError::from(ServiceError::from(std::io::Error::other("disk full")));
        assert_eq!(e.chain(), "file system: disk full");
    }
}
