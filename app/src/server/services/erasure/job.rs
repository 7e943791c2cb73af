//! A durable erasure job: claimed by one worker at a time under a lease, run
//! one recorded step at a time, each step at most once.
use super::{steps, verify, Identifiers};
use crate::{
    model::{AuditAction, ErasureCheck, ErasureStep, JobScope, JobStatus},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{erasure_job, erasure_step},
        services::legal_holds::active_hold,
        AppState, ServiceError,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, DatabaseTransaction, QueryOrder, QuerySelect};

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
    for job in candidates {
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
        if claimed.rows_affected == 1 {
            return Ok(Some(erasure_job::Model {
                lease_until: lease,
                status: JobStatus::Running,
                attempts: job.attempts + 1,
                ..job
            }));
        }
    }
    Ok(None)
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

/// What a job erases, read from its row; a row that contradicts itself (a
/// ticket job without its ticket) is refused, never defaulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Customer,
    Ticket(Uuid),
}

impl Target {
    pub(super) fn of(job: &erasure_job::Model) -> Result<Target, ServiceError> {
        match (job.scope, job.ticket_id) {
            (JobScope::Customer, None) => Ok(Target::Customer),
            (JobScope::Ticket, Some(ticket)) => Ok(Target::Ticket(ticket)),
            (JobScope::Ticket, None) => Err(ServiceError::invariant(format!(
                "erasure job {} is a ticket job without a ticket",
                job.id
            ))),
            (JobScope::Customer, Some(_)) => Err(ServiceError::invariant(format!(
                "erasure job {} erases a customer but names a ticket",
                job.id
            ))),
        }
    }

    /// The steps of this kind of job, in order.
    fn steps(self) -> &'static [ErasureStep] {
        match self {
            Target::Customer => &ErasureStep::CUSTOMER,
            Target::Ticket(_) => &ErasureStep::TICKET,
        }
    }
}

/// Everything a step needs: the job, what it erases, and (for a customer) the
/// identifiers the final check looks for and the job's own key.
pub(super) struct Turn<'a> {
    pub state: &'a AppState,
    pub job: &'a erasure_job::Model,
    pub target: Target,
    pub ids: Option<&'a Identifiers>,
    pub job_key: Option<&'a DataKey>,
}

/// What a step tells the runner.
pub(super) enum StepOutcome {
    Done,
    /// Something outside must happen first (a hold lifted, the final mail sent).
    Wait,
    /// The final check ran: passed or not.
    Finished(bool),
}

pub(super) async fn done_steps(
    db: &impl ConnectionTrait,
    job: Uuid,
) -> Result<Vec<ErasureStep>, ServiceError> {
    Ok(erasure_step::Entity::find()
        .select_only()
        .column(erasure_step::Column::Step)
        .filter(erasure_step::Column::JobId.eq(job))
        .into_tuple()
        .all(db)
        .await?)
}

/// Records a finished step in the transaction that did its work (which must come
/// from `audit::begin`), with its audit event: the change and its record commit together.
pub(super) async fn record(
    txn: &DatabaseTransaction,
    job: &erasure_job::Model,
    step: ErasureStep,
    detail: serde_json::Value,
) -> Result<(), ServiceError> {
    erasure_step::ActiveModel {
        job_id: Set(job.id),
        step: Set(step),
        completed_at: Set(Utc::now()),
        detail: Set(detail.to_string()),
    }
    .insert(txn)
    .await?;
    let event = Event::new(AuditAction::ErasureStepDone, "erasure_job", job.id)
        .about(job.subject_id)
        .setting(Change::set(step.as_str(), detail.to_string()));
    audit::append(txn, event, None).await?;
    Ok(())
}

/// `record` for a step whose work is outside the database (files, compaction).
pub(super) async fn record_alone(
    state: &AppState,
    job: &erasure_job::Model,
    step: ErasureStep,
    detail: serde_json::Value,
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    record(&txn, job, step, detail).await?;
    txn.commit().await?;
    Ok(())
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
    let ids: Option<Identifiers> = match (&job.identifiers, &job_key) {
        (Some(sealed), Some(k)) => k
            .open(erasure_job::IDENTIFIERS.at(&job.id), sealed)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok()),
        _ => None,
    };
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
