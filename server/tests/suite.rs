//! The server's router, database and process tests, in one test binary: one
//! link instead of one per file (each is about 220 MB unoptimised), and the
//! tests of every file share the harness's threads. Run one file's tests with
//! `cargo test -p server --test suite exports::`.
mod common;

mod access_matrix;
mod accounts;
mod activity;
mod asvs;
mod audit_view;
mod backup;
mod cli;
mod csrf;
mod erasure;
mod erasure_crash;
mod exports;
mod fuzz_server_fns;
mod http;
mod languages;
mod protection;
mod queue;
mod rectification;
mod register;
mod retention;
mod services;
mod settings_menu;
mod shared_archives;
mod sign_in_return;
mod spreadsheet;
mod transfer;
