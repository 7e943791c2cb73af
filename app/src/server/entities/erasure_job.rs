use crate::model::{JobScope, JobStatus, TicketsPolicy};
use crate::server::crypto::SealedColumn;
use sea_orm::entity::prelude::*;

/// A durable erasure: picked up by one worker at a time, carried out in recorded steps.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "erasure_jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The customer's erasure request, when the job carries one out.
    pub request_id: Option<Uuid>,
    pub subject_id: Uuid,
    pub scope: JobScope,
    pub ticket_id: Option<Uuid>,
    /// What happens to the customer's tickets.
    pub tickets_policy: TicketsPolicy,
    pub status: JobStatus,
    pub lease_until: DateTimeUtc,
    pub attempts: i32,
    /// What the final check looks for, sealed under the job's own key.
    pub identifiers: Option<Vec<u8>>,
    /// The "your data has been erased" mail, sent before the address goes.
    pub notice_mail_id: Option<Uuid>,
    pub requested_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Sealed column `erasure_jobs.identifiers`: What the final check looks for, under the job's own key.
pub const IDENTIFIERS: SealedColumn = SealedColumn::new("erasure_jobs", "identifiers");
