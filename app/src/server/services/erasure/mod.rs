//! Erasure (GDPR Art. 17): customers ask, staff review against the deadline
//! and approve, and a durable job carries it out in recorded, idempotent steps:
//! the subject's data key is destroyed first (crypto-shredding everything
//! sealed under it, in backups and old exports too), then rows are deleted or
//! anonymised, sessions end, archives go, the customer is told, their identity
//! on kept records becomes a pseudonym, and a final check proves nothing
//! readable is left. Legal holds (`services::legal_holds`) block all of it.
//!
//! - `request`: filing, deciding, scheduling (and direct erasure by staff)
//! - `preview`: what an erasure will do, before it is approved
//! - `mentions`: the subject named in other customers' conversations
//! - `redaction`: replacing such a message's text or a ticket's subject line
//! - `job`: claiming and running a job, one recorded step at a time
//! - `turn`: what a step is given and how a finished one is recorded
//! - `steps`: what each step does
//! - `verify`: the final check
//! - `ledger`: re-applying erasures a restored database does not show
mod job;
mod ledger;
mod mentions;
mod preview;
mod redaction;
mod request;
mod steps;
mod turn;
mod verify;

pub use job::{claim_next, record_error, run, Progress, MAX_ATTEMPTS};
pub use ledger::{reconcile, Reconciled};
pub use preview::{preview, preview_request};
pub use redaction::{redact_message, redact_subject};
pub use request::{
    decide, delete_ticket_for_retention, erase_customer, erase_ticket, purge_closed, recheck,
    remove_unconfirmed, request, UnconfirmedRemoval,
};
pub use verify::final_check_of;

use crate::{
    error::AppError,
    model::{AuditAction, PrivacySettings, TicketsPolicy},
    server::{
        audit::{self, Change, Event},
        entities::setting,
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Setting: what happens to an erased customer's tickets.
pub const ERASED_TICKETS: &str = "erasure.tickets";

/// What the final check looks for; sealed under the job's own key while it runs.
#[derive(Serialize, Deserialize, Default)]
struct Identifiers {
    email: String,
    name: String,
    phone: Option<String>,
    /// The reason staff gave when approving the customer's request; the final mail repeats it.
    #[serde(default)]
    approval_reason: Option<String>,
    /// An account whose address was never confirmed, removed by the portal:
    /// the final mail says so instead of "your data has been erased".
    #[serde(default)]
    unconfirmed: bool,
    /// No final mail: the address was never the subject's (another account
    /// confirmed it, and was told there).
    #[serde(default)]
    no_notice: bool,
    /// The customer's language: the final mail is written in it, after the
    /// key that seals the profile is gone.
    #[serde(default)]
    language: Option<String>,
}

/// "Erased customer 7f3a9c": stable for a subject, derived from nothing personal.
pub fn pseudonym(subject: Uuid) -> String {
    let digest = hex::encode(Sha256::digest(subject.as_bytes()));
    format!("Erased customer {}", &digest[..6])
}

/// What happens to erased customers' tickets: kept anonymised unless an admin
/// chose otherwise. A stored value that is not a policy is refused, not guessed.
pub async fn tickets_policy(db: &impl ConnectionTrait) -> Result<TicketsPolicy, ServiceError> {
    match setting::Entity::find_by_id(ERASED_TICKETS.to_owned())
        .one(db)
        .await?
    {
        None => Ok(TicketsPolicy::Anonymise),
        Some(s) => TicketsPolicy::parse(&s.value).ok_or_else(|| {
            ServiceError::invariant(format!(
                "setting {ERASED_TICKETS} holds an unknown policy {:?}",
                s.value
            ))
        }),
    }
}

pub async fn settings(state: &AppState, actor: &Actor) -> Result<PrivacySettings, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    Ok(PrivacySettings {
        erased_tickets: tickets_policy(&state.db).await?,
    })
}

pub async fn save_settings(
    state: &AppState,
    actor: &Actor,
    erased_tickets: &str,
) -> Result<PrivacySettings, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    let Some(erased_tickets) = TicketsPolicy::parse(erased_tickets) else {
        return Err(AppError::field(
            "erased_tickets",
            crate::server::context::tr().server_choose_tickets_policy(),
        )
        .into());
    };
    let txn = audit::begin(&state.db).await?;
    // The stored text, not the parsed policy: a broken value can be replaced here.
    let before = setting::Entity::find_by_id(ERASED_TICKETS.to_owned())
        .one(&txn)
        .await?
        .map(|s| s.value)
        .unwrap_or_else(|| TicketsPolicy::Anonymise.as_str().to_owned());
    if before != erased_tickets.as_str() {
        setting::Entity::delete_by_id(ERASED_TICKETS.to_owned())
            .exec(&txn)
            .await?;
        setting::ActiveModel {
            key: Set(ERASED_TICKETS.to_owned()),
            value: Set(erased_tickets.as_str().to_owned()),
        }
        .insert(&txn)
        .await?;
        let event = Event::new(AuditAction::SettingChanged, "setting", ERASED_TICKETS)
            .by(actor)
            .setting(Change::changed(
                ERASED_TICKETS,
                before,
                erased_tickets.as_str(),
            ));
        audit::append(&txn, event, None).await?;
    }
    txn.commit().await?;
    settings(state, actor).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pseudonym_is_stable_and_not_personal() {
        let id = Uuid::now_v7();
        assert_eq!(pseudonym(id), pseudonym(id));
        assert_ne!(pseudonym(id), pseudonym(Uuid::now_v7()));
        assert!(pseudonym(id).starts_with("Erased customer "));
        assert_eq!(pseudonym(id).len(), "Erased customer ".len() + 6);
    }
}
