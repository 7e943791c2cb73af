//! Server functions of the privacy area, by the service each calls.
pub mod email_change;
pub mod erasure;
pub mod exports;
pub mod legal_holds;
pub mod outbox;
pub mod requests;

pub use email_change::*;
pub use erasure::*;
pub use exports::*;
pub use legal_holds::*;
pub use outbox::*;
pub use requests::*;
