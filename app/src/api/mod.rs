//! Server functions: the portal's public API. Each one is thin — who is asking,
//! then one service call — and validates every argument on the server.
pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod privacy;
pub mod profile;
pub mod retention;
pub mod settings;
pub mod teams;
pub mod tickets;
