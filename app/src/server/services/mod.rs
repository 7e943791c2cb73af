//! Domain rules: authorization, validation and persistence. Server functions call these.
pub mod accounts;
pub mod activity;
pub mod admin_export;
pub mod erasure;
pub mod exports;
pub mod fields;
pub mod people;
pub mod profile;
pub mod requests;
pub mod sessions;
pub mod throttle;
pub mod tickets;
