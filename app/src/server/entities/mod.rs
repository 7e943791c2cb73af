//! sea-orm entities: the tables as the services see them.
pub mod audit_event;
pub mod audit_head;
pub mod custom_field;
pub mod custom_field_value;
pub mod data_export;
pub mod field_permission;
pub mod message;
pub mod outbound_mail;
pub mod privacy_request;
pub mod privacy_request_event;
pub mod session;
pub mod sign_in_failure;
pub mod subject_key;
pub mod ticket;
pub mod user;
