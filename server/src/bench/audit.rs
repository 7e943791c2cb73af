//! `custodian bench-audit`: how many audit events per second the chain takes
//! when several writers append at once (each in its own transaction, the way
//! every change in the portal does), on the configured (empty) database.
use crate::error::StartError;
use ::app::{
    model::{AuditAction, Role},
    server::{
        audit::{self, Change, Event},
        entities::user,
        AppState,
    },
};
use sea_orm::prelude::*;
use std::time::Instant;

/// Runs `writers` tasks appending `events` each; prints the rate and checks the chain.
pub async fn run(state: &AppState, writers: u64, events: u64) -> Result<(), StartError> {
    // Its events stay in the chain for good: never on a database with people in it.
    if user::Entity::find().count(&state.db).await? > 0 {
        return Err(StartError::config(
            "bench-audit appends to an empty database only: give it a fresh --data-dir or --database-url",
        ));
    }
    let subject = Uuid::now_v7();
    let key = state.vault.create_key(subject).await?;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..writers {
        let (state, key) = (state.clone(), key.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..events {
                let txn = audit::begin(&state.db).await?;
                let event = Event::new(AuditAction::ProfileChanged, "user", subject)
                    .by_user(subject, Role::Customer)
                    .about(subject)
                    .change(Change::set("name", format!("writer {w} change {i}")));
                audit::append(&txn, event, Some(&key)).await?;
                txn.commit().await?;
            }
            Ok::<_, ::app::server::ServiceError>(())
        }));
    }
    for task in tasks {
        task.await.map_err(::app::server::ServiceError::from)??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let total = writers * events;
    let verified = audit::verify(&state.db).await?;
    println!(
        "audit append, {writers} concurrent writers: {total} events in {elapsed:.2} s = {:.0} events/s (chain {})",
        total as f64 / elapsed.max(1e-9),
        if verified.ok { "verified" } else { "BROKEN" }
    );
    if !verified.ok {
        return Err(StartError::config(
            "the audit chain did not verify after the benchmark",
        ));
    }
    Ok(())
}
