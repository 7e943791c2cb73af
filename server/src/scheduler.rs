//! The retention scheduler: every minute each server sends the closure
//! notices that are due and, when the cleanup's turn has come, tries to win
//! its lease (`retention::tick`); one server runs it, the others skip.
use ::app::server::{services::retention, AppState};
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
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}
