//! A durable erasure job: claimed by one worker at a time under a lease, run
//! one recorded step at a time, each step at most once.
use super::{
    steps,
    turn::{done_steps, sealed_identifiers, StepOutcome, Target, Turn},
    verify,
};
use crate::{
    model::{ErasureCheck, JobStatus},
    server::{
        entities::erasure_job, lease, services::legal_holds::active_hold, AppState, ServiceError,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, QueryOrder, QuerySelect};

/// A worker's claim on a job; renewed at every step.
/// Long enough for the slowest step (`VACUUM FULL`, the final scan) on a large database.
const LEASE_SECONDS: i64 = 600;

/// Claims a job no live worker holds: queued, or running with an expired lease
/// (its worker died). The claim is a conditional update, so two servers never
/// run the same job at once.
pub async fn claim_next(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<erasure_job::Model>, ServiceError> {
    let candidates = erasure_job::Entity::find()
        .filter(erasure_job::Column::Status.is_in([JobStatus::Queued, JobStatus::Running]))
        .filter(erasure_job::Column::LeaseUntil.lte(now))
        .order_by_asc(erasure_job::Column::CreatedAt)
        .limit(5)
        .all(db)
        .await?;
    lease::first_won(candidates, |job| async move {
        let lease = now + chrono::Duration::seconds(LEASE_SECONDS);
        let claimed = erasure_job::Entity::update_many()
            .col_expr(erasure_job::Column::Status, Expr::value(JobStatus::Running))
            .col_expr(erasure_job::Column::LeaseUntil, Expr::value(lease))
            .col_expr(erasure_job::Column::Attempts, Expr::value(job.attempts + 1))
            .filter(erasure_job::Column::Id.eq(job.id))
            .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
            .filter(erasure_job::Column::Status.eq(job.status))
            .exec(db)
            .await?;
        Ok((claimed.rows_affected == 1).then(|| erasure_job::Model {
            lease_until: lease,
            status: JobStatus::Running,
            attempts: job.attempts + 1,
            ..job
        }))
    })
    .await
}

/// Where a job stands after a worker's turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Every step ran; the final check passed.
    Completed,
    /// Every step ran; the final check found something readable.
    NeedsAttention,
    /// Waiting for something outside (the final mail); try again later.
    Waiting,
}

/// Renews the lease; fails if another worker took the job over meanwhile.
async fn renew(state: &AppState, job: &mut erasure_job::Model) -> Result<(), ServiceError> {
    let lease = Utc::now() + chrono::Duration::seconds(LEASE_SECONDS);
    let renewed = erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::LeaseUntil, Expr::value(lease))
        .filter(erasure_job::Column::Id.eq(job.id))
        .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
        .exec(&state.db)
        .await?;
    if renewed.rows_affected != 1 {
        return Err(ServiceError::invariant(format!(
            "erasure job {} was taken over by another worker",
            job.id
        )));
    }
    job.lease_until = lease;
    Ok(())
}

/// Runs the job's remaining steps, in order, each at most once. `pause` is
/// waited after each step (an operator's throttle; the crash tests use it to
/// kill the server between steps).
pub async fn run(
    state: &AppState,
    mut job: erasure_job::Model,
    pause: std::time::Duration,
) -> Result<Progress, ServiceError> {
    let target = Target::of(&job)?;
    if target == Target::Customer && active_hold(&state.db, job.subject_id).await?.is_some() {
        // A hold placed after approval stops the job before anything is destroyed.
        if done_steps(&state.db, job.id).await?.is_empty() {
            release(state, &job, chrono::Duration::minutes(5)).await?;
            return Ok(Progress::Waiting);
        }
    }
    let job_key = state.vault.key(job.id).await?;
    let ids = job_key.as_ref().and_then(|k| sealed_identifiers(&job, k));
    for &step in target.steps() {
        if done_steps(&state.db, job.id).await?.contains(&step) {
            continue;
        }
        renew(state, &mut job).await?;
        let turn = Turn {
            state,
            job: &job,
            target,
            ids: ids.as_ref(),
            job_key: job_key.as_ref(),
        };
        match steps::run(&turn, step).await? {
            StepOutcome::Done => {}
            StepOutcome::Wait => {
                release(state, &job, chrono::Duration::seconds(5)).await?;
                return Ok(Progress::Waiting);
            }
            StepOutcome::Finished(ok) => {
                return Ok(if ok {
                    Progress::Completed
                } else {
                    Progress::NeedsAttention
                });
            }
        }
        tracing::info!(job = %job.id, step = step.as_str(), "erasure step done");
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    Ok(Progress::Completed)
}

async fn release(
    state: &AppState,
    job: &erasure_job::Model,
    after: chrono::Duration,
) -> Result<(), ServiceError> {
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::Status, Expr::value(JobStatus::Queued))
        .col_expr(
            erasure_job::Column::LeaseUntil,
            Expr::value(Utc::now() + after),
        )
        .filter(erasure_job::Column::Id.eq(job.id))
        .filter(erasure_job::Column::LeaseUntil.eq(job.lease_until))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Turns a job may fail before it stops and asks for attention.
pub const MAX_ATTEMPTS: i32 = 10;

/// Records a failed turn of a job (the error with its causes): it is retried
/// when its lease runs out, and after `MAX_ATTEMPTS` failures the request
/// needs attention instead.
pub async fn record_error(
    state: &AppState,
    job: Uuid,
    error: &ServiceError,
) -> Result<(), ServiceError> {
    let short: String = error.chain().chars().take(480).collect();
    erasure_job::Entity::update_many()
        .col_expr(erasure_job::Column::LastError, Expr::value(short))
        .filter(erasure_job::Column::Id.eq(job))
        .exec(&state.db)
        .await?;
    let Some(job) = erasure_job::Entity::find_by_id(job).one(&state.db).await? else {
        return Ok(());
    };
    if job.attempts >= MAX_ATTEMPTS {
        let check = ErasureCheck {
            ok: false,
            checked_at: Utc::now(),
            findings: vec![format!(
                "The erasure job failed {} times in a row (job {}); the server log has the cause. \
                 Fix it, then run the check again: the job resumes where it stopped.",
                job.attempts, job.id
            )],
            warnings: Vec::new(),
            steps: Vec::new(),
        };
        verify::finish(state, &job, &check).await?;
    }
    Ok(())
}
