//! Domain rules: authorization, validation and persistence. Server functions call these.
pub mod accounts;
pub mod activity;
pub mod people;
pub mod sessions;
pub mod throttle;
pub mod tickets;
