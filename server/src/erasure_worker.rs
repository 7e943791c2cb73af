//! Carries out erasure jobs: claims one at a time (several servers never run
//! the same job), runs its remaining steps, and picks up jobs whose worker died.
use ::app::server::{
    services::{erasure, signup_confirmation},
    AppState,
};
use std::time::Duration;

/// Works the erasure queue forever.
pub async fn run(state: AppState, pause: Duration) {
    loop {
        if crate::transfer::moved_away(&state).await {
            continue;
        }
        if !work_once(&state, pause).await {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// Runs one claimable job, if any; returns whether there was one.
pub async fn work_once(state: &AppState, pause: Duration) -> bool {
    match erasure::claim_next(&state.db, chrono::Utc::now()).await {
        Ok(Some(job)) => {
            let id = job.id;
            match erasure::run(state, job, pause).await {
                Ok(progress) => tracing::info!(job = %id, ?progress, "erasure job turn finished"),
                Err(e) => {
                    // The lease runs out and the job is claimed again; steps already
                    // recorded are not repeated.
                    tracing::error!(job = %id, error = %e.chain(), "erasure job failed; it will be retried");
                    if let Err(e) = erasure::record_error(state, id, &e).await {
                        tracing::error!(job = %id, error = %e.chain(), "could not record the failure");
                    }
                }
            }
            true
        }
        Ok(None) => false,
        Err(e) => {
            tracing::error!(error = %e.chain(), "could not claim an erasure job");
            false
        }
    }
}

/// Every hour, hands sign-ups whose address stayed unconfirmed too long to
/// the erasure queue (audited; a legal hold keeps an account).
pub async fn sweep_unconfirmed(state: AppState) {
    loop {
        if crate::transfer::moved_away(&state).await {
            continue;
        }
        match signup_confirmation::sweep(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(accounts = n, "unconfirmed sign-ups handed to erasure"),
            Err(e) => tracing::error!(error = %e.chain(), "sweeping unconfirmed sign-ups failed"),
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}
