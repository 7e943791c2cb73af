//! One turn of a job at one step: what the step is given (`Turn`), what it
//! answers (`StepOutcome`), and how a finished step is recorded.
use super::Identifiers;
use crate::{
    model::{AuditAction, ErasureStep, JobScope},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{erasure_job, erasure_step},
        AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, DatabaseTransaction, QuerySelect};

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
    pub(super) fn steps(self) -> &'static [ErasureStep] {
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

/// What the job's final check looks for, opened with the job's own key (while it exists).
pub(super) fn sealed_identifiers(
    job: &erasure_job::Model,
    job_key: &DataKey,
) -> Option<Identifiers> {
    let sealed = job.identifiers.as_ref()?;
    let json = job_key
        .open(erasure_job::IDENTIFIERS.at(&job.id), sealed)
        .ok()?;
    serde_json::from_slice(&json).ok()
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
