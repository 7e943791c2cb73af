//! Outbound mail, queued durably in the database in the same transaction as the
//! change that causes it. The sender (in the server crate) delivers queued mail
//! over SMTP with retries; without SMTP, mail stays in the outbox admins read.
//! Subject lines and bodies are sealed under the recipient's data key.
use super::{
    audit::{self, Event},
    crypto::DataKey,
    entities::outbound_mail,
    lease, paging,
    policy::{self, Action, Target},
    Actor, AppState, ServiceError,
};
use crate::model::{limits, AuditAction, MailStatus, OutboxEntry, Paged};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

/// The readable part of a mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailContent {
    pub subject: String,
    pub body: String,
}

/// Attempts before a mail is given up on.
pub const MAX_ATTEMPTS: i32 = 8;

/// Queues a mail to `to` about `subject_id`, sealed with that subject's key.
/// It is not audited here: `queue_audited` is, for every mail but the erasure
/// job's final notice (whose job step is the audit record).
pub async fn queue(
    txn: &impl ConnectionTrait,
    state: &AppState,
    key: &DataKey,
    subject_id: Uuid,
    to: &str,
    content: &MailContent,
) -> Result<Uuid, ServiceError> {
    let id = Uuid::now_v7();
    let json = serde_json::to_vec(content)?;
    let now = Utc::now();
    outbound_mail::ActiveModel {
        id: Set(id),
        subject_id: Set(Some(subject_id)),
        to_address: Set(to.to_owned()),
        message: Set(key.seal(outbound_mail::MESSAGE.at(&id), &json)),
        status: Set(if state.mail.smtp_configured {
            MailStatus::Queued
        } else {
            MailStatus::Outbox
        }),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    }
    .insert(txn)
    .await?;
    Ok(id)
}

/// Queues a mail inside an audited transaction the caller already holds, and records it.
pub async fn queue_audited(
    txn: &sea_orm::DatabaseTransaction,
    state: &AppState,
    key: &DataKey,
    subject_id: Uuid,
    to: &str,
    content: &MailContent,
) -> Result<Uuid, ServiceError> {
    let id = queue(txn, state, key, subject_id, to, content).await?;
    let event = Event::new(AuditAction::MailQueued, "mail", id)
        .about(subject_id)
        .change(audit::Change::set("to", to))
        .change(audit::Change::set("subject", &content.subject));
    audit::append(txn, event, Some(key)).await?;
    Ok(id)
}

/// Opens a stored mail with the recipient's key.
pub fn open(key: &DataKey, mail: &outbound_mail::Model) -> Option<MailContent> {
    key.open(outbound_mail::MESSAGE.at(&mail.id), &mail.message)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
}

/// What the Outbox shows of a mail's body: its links without their tokens.
/// A reset or confirmation link is the recipient's key to their account;
/// an admin reading the outbox must not be able to use it.
pub fn mask_link_tokens(body: &str) -> String {
    const MARK: &str = "token=";
    let hidden = crate::server::context::tr().server_outbox_token_hidden();
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(MARK) {
        let (before, after) = rest.split_at(at + MARK.len());
        out.push_str(before);
        let secret = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        if secret > 0 {
            out.push_str(hidden);
        }
        rest = &after[secret..];
    }
    out.push_str(rest);
    out
}

/// Every mail, newest first, decrypted (admins only); link tokens masked.
pub async fn outbox(
    state: &AppState,
    actor: &Actor,
    page: u64,
) -> Result<Paged<OutboxEntry>, ServiceError> {
    policy::require(actor, Action::ManageSettings, Target::Nothing)?;
    let query = outbound_mail::Entity::find()
        .order_by_desc(outbound_mail::Column::CreatedAt)
        .order_by_desc(outbound_mail::Column::Id);
    let (rows, pager) = paging::fetch(&state.db, query, page, limits::PAGE_SIZE).await?;
    let keys = state
        .vault
        .keys(rows.iter().filter_map(|m| m.subject_id))
        .await?;
    let items = rows
        .into_iter()
        .map(|m| {
            let content = m
                .subject_id
                .and_then(|s| keys.get(&s))
                .and_then(|k| open(k, &m));
            let (subject, body) = match content {
                Some(c) => (c.subject, mask_link_tokens(&c.body)),
                None => (crate::server::vault::erased(), String::new()),
            };
            OutboxEntry {
                id: m.id,
                to: m.to_address,
                subject,
                body,
                status: m.status,
                attempts: m.attempts,
                created_at: m.created_at,
            }
        })
        .collect();
    Ok(pager.with_items(items))
}

/// Claims one due mail for sending: a conditional update, so several servers
/// never send the same mail. The claim is a five-minute lease: a sender that
/// dies mid-send leaves it to be claimed again.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<outbound_mail::Model>, ServiceError> {
    let candidates = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::Status.is_in([MailStatus::Queued, MailStatus::Sending]))
        .filter(outbound_mail::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbound_mail::Column::NextAttemptAt)
        .limit(20)
        .all(db)
        .await?;
    lease::first_won(candidates, |mail| async move {
        let lease = now + chrono::Duration::minutes(5);
        let claimed = outbound_mail::Entity::update_many()
            .col_expr(
                outbound_mail::Column::Status,
                Expr::value(MailStatus::Sending),
            )
            .col_expr(outbound_mail::Column::NextAttemptAt, Expr::value(lease))
            .filter(outbound_mail::Column::Id.eq(mail.id))
            .filter(outbound_mail::Column::Status.eq(mail.status))
            .filter(outbound_mail::Column::NextAttemptAt.eq(mail.next_attempt_at))
            .exec(db)
            .await?;
        Ok((claimed.rows_affected == 1).then_some(mail))
    })
    .await
}

/// Records the outcome of a send attempt. Errors are stored as a short category,
/// never with addresses or content.
pub async fn record_attempt(
    db: &DatabaseConnection,
    mail: &outbound_mail::Model,
    result: Result<(), String>,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    let attempts = mail.attempts + 1;
    let mut update = outbound_mail::Entity::update_many()
        .col_expr(outbound_mail::Column::Attempts, Expr::value(attempts))
        .filter(outbound_mail::Column::Id.eq(mail.id));
    update = match result {
        Ok(()) => update
            .col_expr(outbound_mail::Column::Status, Expr::value(MailStatus::Sent))
            .col_expr(outbound_mail::Column::SentAt, Expr::value(now))
            .col_expr(
                outbound_mail::Column::LastError,
                Expr::value(Option::<String>::None),
            ),
        Err(category) => {
            let status = if attempts >= MAX_ATTEMPTS {
                MailStatus::Failed
            } else {
                MailStatus::Queued
            };
            let backoff = chrono::Duration::seconds(30 * 2i64.pow(attempts.clamp(0, 10) as u32));
            update
                .col_expr(outbound_mail::Column::Status, Expr::value(status))
                .col_expr(
                    outbound_mail::Column::NextAttemptAt,
                    Expr::value(now + backoff),
                )
                .col_expr(
                    outbound_mail::Column::LastError,
                    Expr::value(category.chars().take(200).collect::<String>()),
                )
        }
    };
    update.exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::mask_link_tokens;

    #[test]
    fn link_tokens_are_masked_and_the_rest_kept() {
        let body = "Open https://x.test/reset-password?token=0a1b2c within 30 minutes.\nOr https://x.test/cancel-email-change?token=ffee";
        assert_eq!(
            mask_link_tokens(body),
            "Open https://x.test/reset-password?token=[hidden] within 30 minutes.\nOr https://x.test/cancel-email-change?token=[hidden]"
        );
        assert_eq!(mask_link_tokens("no links here"), "no links here");
        assert_eq!(mask_link_tokens("token="), "token=");
    }
}
