//! One module per area of the portal.
pub mod admin;
pub mod auth;
pub mod home;
pub mod not_found;
pub mod ticket;
pub mod tickets;
