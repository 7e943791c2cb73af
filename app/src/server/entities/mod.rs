//! sea-orm entities: the tables as the services see them.
pub mod audit_event;
pub mod audit_head;
pub mod message;
pub mod session;
pub mod sign_in_failure;
pub mod subject_key;
pub mod ticket;
pub mod user;
