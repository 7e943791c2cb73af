//! After `custodian transfer` has moved the data to another database, the old
//! one carries a marker: servers still pointed at it refuse changes (a clean
//! 503, `AppError::Moving`) and their background workers stand still, so no
//! write lands where nobody will read it. Reads go on until each server is
//! switched over.
use super::{entities::setting, ServiceError};
use sea_orm::{prelude::*, ConnectionTrait};

/// Setting: where the data went (the URL without its password) and when.
pub const MOVED_TO: &str = "transfer.moved_to";

/// Whether this database's data has moved elsewhere.
pub async fn moved(db: &impl ConnectionTrait) -> Result<bool, ServiceError> {
    Ok(setting::Entity::find_by_id(MOVED_TO.to_owned())
        .one(db)
        .await?
        .is_some())
}
