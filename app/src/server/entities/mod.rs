//! sea-orm entities: the tables as the services see them.
pub mod message;
pub mod session;
pub mod sign_in_failure;
pub mod ticket;
pub mod user;
