//! Server-only code: state, sessions, policy, services and entities.
//! Nothing here is compiled into the browser bundle.
pub mod actor;
pub mod assets;
pub mod audit;
pub mod blind_index;
pub mod context;
pub mod crypto;
pub mod entities;
pub mod error;
pub mod lease;
pub mod mail;
pub mod paging;
pub mod password;
pub mod policy;
pub mod relocation;
pub mod services;
pub mod spreadsheet;
pub mod state;
pub mod storage;
pub mod vault;

pub use actor::{Actor, PreferredLocale, Viewer};
pub use error::ServiceError;
pub use state::{
    AppState, ArchiveStore, ExportSettings, MailSettings, SecuritySettings, StorageLocations,
};
pub use vault::Vault;

/// The id of the current HTTP request, set by the server's middleware and logged with errors.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// The client's address as the server decided to trust it (socket peer or proxy header).
#[derive(Clone, Debug)]
pub struct ClientIp(pub String);

/// The CSP nonce of this response, set by the security-header middleware.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);
