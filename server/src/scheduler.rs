//! The retention scheduler: every minute each server sends the closure
//! notices that are due and, when the cleanup's turn has come, tries to win
//! its lease (`retention::tick`); one server runs it, the others skip. It also
//! deletes sessions no request may use any more (`sessions::sweep`).
use ::app::server::{
    services::{retention, sessions},
    AppState,
};
use std::time::Duration;

/// Runs forever.
pub async fn run(state: AppState) {
    loop {
        if crate::transfer::moved_away(&state).await {
            continue;
        }
        match retention::tick(&state, chrono::Utc::now()).await {
            Ok(Some(report)) => tracing::info!(?report, "retention cleanup finished"),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e.chain(), "retention turn failed; tried again in a minute")
            }
        }
        match sessions::sweep(&state.db, &state.security, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "ended sessions deleted"),
            Err(e) => tracing::warn!(error = %e.chain(), "sweeping ended sessions failed"),
        }
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}
