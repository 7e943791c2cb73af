//! Domain rules: authorization, validation and persistence. Server functions call these.
pub mod accounts;
pub mod activity;
pub mod email_change;
pub mod erasure;
pub mod exports;
pub mod fields;
pub mod legal_holds;
pub mod people;
pub mod profile;
pub mod requests;
pub mod review;
pub mod sessions;
pub mod throttle;
pub mod tickets;
