//! A build's progress bar and lease, renewed as it goes.
use crate::server::{entities::data_export, ServiceError};
use chrono::{DateTime, Utc};
use sea_orm::prelude::*;

/// How long a build owns its archive without showing progress. The build
/// renews it every 30 seconds (`Progress::advance`), so a build a crashed
/// server left is taken up again by any server within two minutes.
pub(crate) const BUILD_LEASE: chrono::Duration = chrono::Duration::minutes(2);

/// Reports progress at most every few percent, so building does not write on every row.
/// Reports progress and renews the build's lease as it goes; a build whose
/// lease another server has taken stops instead of racing it.
pub struct Progress<'a> {
    db: &'a DatabaseConnection,
    id: Uuid,
    lease: DateTime<Utc>,
    total: u64,
    done: u64,
    reported: i32,
}

impl<'a> Progress<'a> {
    pub(crate) fn new(
        db: &'a DatabaseConnection,
        id: Uuid,
        lease: DateTime<Utc>,
        total: u64,
    ) -> Self {
        Progress {
            db,
            id,
            lease,
            total,
            done: 0,
            reported: 0,
        }
    }

    pub(crate) fn with_total(mut self, total: u64) -> Self {
        self.total = total;
        self
    }

    pub(crate) async fn advance(&mut self, n: u64) -> Result<(), ServiceError> {
        self.done += n;
        let pct = ((self.done * 100) / self.total.max(1)).min(99) as i32;
        // The lease is renewed as the bar moves, and at least every 30 seconds
        // (the total may be a capped count, so the bar can stop early at 99 %).
        let lease_ages = self.lease - Utc::now() < BUILD_LEASE - chrono::Duration::seconds(30);
        if pct >= self.reported + 2 || lease_ages {
            self.reported = pct;
            let renewed = Utc::now() + BUILD_LEASE;
            let updated = data_export::Entity::update_many()
                .col_expr(data_export::Column::Progress, Expr::value(pct))
                .col_expr(data_export::Column::LeaseUntil, Expr::value(renewed))
                .filter(data_export::Column::Id.eq(self.id))
                .filter(data_export::Column::LeaseUntil.eq(self.lease))
                .exec(self.db)
                .await?;
            if updated.rows_affected != 1 {
                return Err(ServiceError::invariant(format!(
                    "export {} was taken over by another worker",
                    self.id
                )));
            }
            self.lease = renewed;
        }
        Ok(())
    }
}
