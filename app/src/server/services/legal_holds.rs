//! Legal holds: while one is active (not lifted, not past its end date), nothing
//! of the customer may be erased, and their open erasure requests wait "on hold".
//! Retention will ask the same question through `active_hold`.
use super::{people, requests};
use crate::{
    error::AppError,
    model::{AuditAction, HoldView, RequestKind, RequestStatus},
    server::{
        audit::{self, Change, Event},
        entities::legal_hold,
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::{NaiveDate, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait};

/// The subject's active legal hold, if any (not lifted, not past its end).
pub async fn active_hold(
    db: &impl ConnectionTrait,
    subject: Uuid,
) -> Result<Option<legal_hold::Model>, ServiceError> {
    let now = Utc::now();
    Ok(legal_hold::Entity::find()
        .filter(legal_hold::Column::SubjectId.eq(subject))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .find(|h| h.until.is_none_or(|u| u > now)))
}

pub fn held_error() -> ServiceError {
    AppError::Conflict {
        message: crate::server::context::tr()
            .server_hold_blocks_erasure()
            .into(),
    }
    .into()
}

pub async fn hold_view(state: &AppState, subject: Uuid) -> Result<Option<HoldView>, ServiceError> {
    let Some(hold) = active_hold(&state.db, subject).await? else {
        return Ok(None);
    };
    let key = state.vault.key(subject).await?;
    let who = people::people(state, [hold.placed_by]).await?;
    Ok(Some(HoldView {
        id: hold.id,
        reason: key
            .and_then(|k| {
                k.open_string(legal_hold::REASON.at(&hold.id), &hold.reason)
                    .ok()
            })
            .unwrap_or_else(crate::server::vault::erased),
        placed_by: who
            .get(&hold.placed_by)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        placed_at: hold.placed_at,
        until: hold.until,
    }))
}

/// Places a legal hold: until it is lifted (or its end date passes) the
/// customer cannot be erased, and open erasure requests wait "on hold".
pub async fn place_hold(
    state: &AppState,
    actor: &Actor,
    subject: Uuid,
    reason: &str,
    until: &str,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ReviewPrivacyRequests, Target::Nothing)?;
    let reason = reason.trim();
    requests::check_reason(
        reason,
        Some(crate::server::context::tr().server_hold_reason_required()),
    )?;
    let until = match until.trim() {
        "" => None,
        date => {
            let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                AppError::field(
                    "until",
                    crate::server::context::tr().server_hold_enter_end_date(),
                )
            })?;
            // Inclusive: the hold lasts to the end of that day (UTC).
            let end = day
                .and_hms_opt(23, 59, 59)
                .map(|t| t.and_utc())
                .ok_or_else(|| {
                    AppError::field(
                        "until",
                        crate::server::context::tr().server_date_does_not_exist(),
                    )
                })?;
            if end <= Utc::now() {
                return Err(AppError::field(
                    "until",
                    crate::server::context::tr().server_end_date_in_future(),
                )
                .into());
            }
            Some(end)
        }
    };
    let txn = audit::begin(&state.db).await?;
    people::customer(&txn, subject).await?;
    if active_hold(&txn, subject).await?.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_hold_already_placed()
                .into(),
        }
        .into());
    }
    // A hold can still stop an approved erasure whose job has not destroyed the key yet.
    let key = state
        .vault
        .key(subject)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr()
                .server_customer_already_erased()
                .into(),
        })?;
    let id = Uuid::now_v7();
    legal_hold::ActiveModel {
        id: Set(id),
        subject_id: Set(subject),
        reason: Set(key.seal_str(legal_hold::REASON.at(&id), reason)),
        placed_by: Set(actor.user_id),
        placed_at: Set(Utc::now()),
        until: Set(until),
        lifted_at: Set(None),
        lifted_by: Set(None),
    }
    .insert(&txn)
    .await?;
    for r in requests::open_of_kind(&txn, RequestKind::Erasure, subject).await? {
        let status = r.status;
        if matches!(status, RequestStatus::Submitted | RequestStatus::InReview) {
            let note = requests::NOTE_ON_HOLD;
            requests::step(
                &txn,
                &key,
                r.id,
                Some(actor),
                status,
                RequestStatus::OnHold,
                Some(note),
            )
            .await?;
        }
    }
    let mut event = Event::new(AuditAction::LegalHoldPlaced, "legal_hold", id)
        .by(actor)
        .about(subject)
        .change(Change::set("reason", reason));
    if let Some(u) = until {
        event = event.change(Change::set("until", crate::model::format_time(&u)));
    }
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    Ok(())
}

/// Lifts the customer's legal hold; requests on hold go back to review.
pub async fn lift_hold(state: &AppState, actor: &Actor, subject: Uuid) -> Result<(), ServiceError> {
    // Anyone who reviews requests may place a hold; only admins may lift one,
    // so the person who could erase is not the one who releases the brake.
    policy::require(actor, Action::LiftLegalHold, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    people::customer(&txn, subject).await?;
    let hold = active_hold(&txn, subject)
        .await?
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr().server_hold_not_placed().into(),
        })?;
    legal_hold::Entity::update_many()
        .col_expr(legal_hold::Column::LiftedAt, Expr::value(Utc::now()))
        .col_expr(legal_hold::Column::LiftedBy, Expr::value(actor.user_id))
        .filter(legal_hold::Column::Id.eq(hold.id))
        .exec(&txn)
        .await?;
    let key = state.vault.require_key(subject).await?;
    for r in requests::open_of_kind(&txn, RequestKind::Erasure, subject).await? {
        if r.status == RequestStatus::OnHold {
            requests::step(
                &txn,
                &key,
                r.id,
                Some(actor),
                RequestStatus::OnHold,
                RequestStatus::InReview,
                None,
            )
            .await?;
        }
    }
    let event = Event::new(AuditAction::LegalHoldLifted, "legal_hold", hold.id)
        .by(actor)
        .about(subject);
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
