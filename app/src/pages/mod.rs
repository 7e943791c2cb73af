//! One module per area of the portal.
pub mod account;
pub mod activity;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod home;
pub mod keys;
pub mod not_found;
pub mod privacy;
pub mod profile;
pub mod retention;
pub mod settings;
pub mod settings_menu;
pub mod teams;
pub mod ticket;
pub mod tickets;
