//! Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits,
//! 30-second steps, SHA-1 as every app supports), and one-time recovery codes.
//!
//! The shared secret is sealed under the person's data key. A code is accepted
//! within one step either side of now, and never twice: the last accepted step
//! is stored, and only a later one passes (a conditional update, so two
//! sign-ins racing with the same code cannot both win). Ten recovery codes of
//! 80 random bits are shown once and stored as SHA-256; each works once.
use super::{reauth, second_factors};
use crate::{
    error::AppError,
    model::{AuditAction, TwoFactorEnrolment, TwoFactorStatus},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{recovery_code, setting, user},
        mail::{self, MailContent},
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use base64::Engine;
use chrono::Utc;
use rand::RngCore;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, DatabaseTransaction};
use sha2::{Digest, Sha256};

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Custodian";

fn totp(secret: &[u8], account: &str) -> Result<totp_rs::Totp, ServiceError> {
    totp_rs::Builder::new()
        .with_secret(secret.to_vec())
        .with_account_name(account.replace(':', "_"))
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| ServiceError::invariant(format!("TOTP parameters: {e}")))
}

fn now_secs() -> u64 {
    Utc::now().timestamp().max(0) as u64
}

/// An admin turns the requirement for staff on or off (audited).
pub async fn set_required_for_staff(
    state: &AppState,
    actor: &Actor,
    required: bool,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let before =
        second_factors::required_for_staff(&txn, state.security.two_factor_staff_default).await?;
    setting::Entity::delete_by_id(second_factors::REQUIRE_FOR_STAFF.to_owned())
        .exec(&txn)
        .await?;
    setting::ActiveModel {
        key: Set(second_factors::REQUIRE_FOR_STAFF.to_owned()),
        value: Set(required.to_string()),
    }
    .insert(&txn)
    .await?;
    if before != required {
        let event = Event::new(
            AuditAction::SettingChanged,
            "setting",
            second_factors::REQUIRE_FOR_STAFF,
        )
        .by(actor)
        .setting(Change::changed(
            second_factors::REQUIRE_FOR_STAFF,
            before.to_string(),
            required.to_string(),
        ));
        audit::append(&txn, event, None).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The requirement as admins see it.
pub async fn staff_requirement(state: &AppState, actor: &Actor) -> Result<bool, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    second_factors::required_for_staff(&state.db, state.security.two_factor_staff_default).await
}

async fn me(db: &impl ConnectionTrait, actor: &Actor) -> Result<user::Model, ServiceError> {
    Ok(user::Entity::find_by_id(actor.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotSignedIn)?)
}

/// The actor's own two-factor state.
pub async fn status(state: &AppState, actor: &Actor) -> Result<TwoFactorStatus, ServiceError> {
    let me = me(&state.db, actor).await?;
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(me.id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(&state.db)
        .await?;
    Ok(TwoFactorStatus {
        enabled_at: me.totp_enabled_at,
        recovery_codes_left: left,
        required: me.role.is_staff()
            && second_factors::required_for_staff(
                &state.db,
                state.security.two_factor_staff_default,
            )
            .await?,
    })
}

/// Starts enrolment (the password is asked again): a fresh secret, sealed and
/// stored as pending, returned once as text and as a QR code (SVG drawn here,
/// no outside service).
pub async fn start(
    state: &AppState,
    actor: &Actor,
    password: &str,
) -> Result<TwoFactorEnrolment, ServiceError> {
    reauth::reauthenticate(state, actor, password).await?;
    let me = me(&state.db, actor).await?;
    if me.totp_enabled_at.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_two_factor_already_on_move()
                .into(),
        }
        .into());
    }
    second_factors::require_recent_second_factor(
        actor,
        second_factors::passkey_count(&state.db, me.id).await? > 0,
    )?;
    let key = state.vault.require_key(me.id).await?;
    let mut secret = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let totp = totp(&secret, &me.email)?;
    let url = totp
        .to_url()
        .map_err(|e| ServiceError::invariant(format!("TOTP URL: {e}")))?;
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| ServiceError::invariant(format!("QR code: {e}")))?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .build();
    user::Entity::update_many()
        .col_expr(
            user::Column::TotpSecret,
            Expr::value(key.seal(user::TOTP_SECRET.at(&me.id), &secret)),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(me.id))
        .filter(user::Column::TotpEnabledAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(TwoFactorEnrolment {
        secret: totp.secret().to_base32(),
        otpauth_url: url,
        qr_svg_data_url: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ),
    })
}

fn recovery_hash(code: &str) -> String {
    let normalised: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex::encode(Sha256::digest(normalised.as_bytes()))
}

/// Letters of a recovery code: no 0/o, 1/l/i to mix up.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Characters of a recovery code: 24 of 31 letters carry 118.9 bits, above the
/// 112 bits under which a lookup secret would need a salted password hash
/// (ASVS 5.0 6.5.2), so an unsalted SHA-256 of it is enough.
const RECOVERY_LENGTH: usize = 24;

/// One recovery code, "k3m9-x2p7-q8w4-z5n6-a7bc-d8ef": each character drawn
/// uniformly (no modulo bias) from the operating system's CSPRNG.
fn recovery_code() -> String {
    use rand::Rng;
    let chars: Vec<char> = (0..RECOVERY_LENGTH)
        .map(|_| RECOVERY_ALPHABET[rand::rngs::OsRng.gen_range(0..RECOVERY_ALPHABET.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Ten fresh codes for `user_id` (the old ones go).
async fn new_recovery_codes(
    txn: &DatabaseTransaction,
    user_id: Uuid,
) -> Result<Vec<String>, ServiceError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let code = recovery_code();
        recovery_code::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            code_hash: Set(recovery_hash(&code)),
            created_at: Set(Utc::now()),
            used_at: Set(None),
        }
        .insert(txn)
        .await?;
        codes.push(code);
    }
    Ok(codes)
}

fn open_secret(key: &DataKey, user: &user::Model) -> Result<Vec<u8>, ServiceError> {
    let sealed = user
        .totp_secret
        .as_ref()
        .ok_or_else(|| AppError::Conflict {
            message: crate::server::context::tr()
                .server_two_factor_no_pending_secret()
                .into(),
        })?;
    Ok(key.open(user::TOTP_SECRET.at(&user.id), sealed)?)
}

/// Finishes enrolment with a code from the app: two-factor sign-in is on,
/// and the recovery codes are returned (the only time anyone sees them).
pub async fn confirm(
    state: &AppState,
    actor: &Actor,
    code: &str,
) -> Result<Vec<String>, ServiceError> {
    let me = me(&state.db, actor).await?;
    if me.totp_enabled_at.is_some() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_two_factor_already_on()
                .into(),
        }
        .into());
    }
    let key = state.vault.require_key(me.id).await?;
    let secret = open_secret(&key, &me)?;
    let Some(step) = totp(&secret, &me.email)?.check(code.trim(), now_secs()) else {
        return Err(AppError::field(
            "code",
            crate::server::context::tr().server_two_factor_wrong_code(),
        )
        .into());
    };
    let txn = audit::begin(&state.db).await?;
    // Only the secret this code was checked against (a set-up started again
    // meanwhile in another tab has replaced it).
    let checked = me.totp_secret.clone().unwrap_or_default();
    let enabled = user::Entity::update_many()
        .col_expr(user::Column::TotpEnabledAt, Expr::value(Utc::now()))
        .col_expr(user::Column::TotpLastStep, Expr::value(step as i64))
        .filter(user::Column::Id.eq(me.id))
        .filter(user::Column::TotpEnabledAt.is_null())
        .filter(user::Column::TotpSecret.eq(checked))
        .exec(&txn)
        .await?
        .rows_affected;
    if enabled != 1 {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_two_factor_already_on()
                .into(),
        }
        .into());
    }
    let codes = new_recovery_codes(&txn, me.id).await?;
    // Sessions signed in with the password alone end; this one stays.
    let ended = super::sessions::end_all_of(&txn, me.id, Some(&actor.session_token_hash)).await?;
    let event = Event::new(AuditAction::TwoFactorEnabled, "user", me.id)
        .by(actor)
        .about(me.id)
        .setting(Change::set("other_sessions_ended", ended.to_string()));
    audit::append(&txn, event, None).await?;
    let tr = super::profile::mail_locale(&key, &me).tr;
    let notice = MailContent {
        subject: tr.mail_two_factor_on_subject().into(),
        body: tr.mail_two_factor_on_body().into(),
    };
    mail::queue_audited(&txn, state, &key, me.id, &me.email, &notice).await?;
    txn.commit().await?;
    Ok(codes)
}

/// Turns two-factor sign-in off: the password is asked again, and a code from
/// the app (or a recovery code), so a stolen session and password are not
/// enough. Refused for staff while the admins require it and no passkey stands in.
pub async fn disable(
    state: &AppState,
    actor: &Actor,
    password: &str,
    code: &str,
) -> Result<(), ServiceError> {
    reauth::reauthenticate(state, actor, password).await?;
    let me = me(&state.db, actor).await?;
    let key = state.vault.require_key(me.id).await?;
    let txn = audit::begin(&state.db).await?;
    // Checked under the audit lock: a passkey removed at the same moment counts right.
    if me.role.is_staff()
        && second_factors::required_for_staff(&txn, state.security.two_factor_staff_default).await?
        && second_factors::passkey_count(&txn, me.id).await? == 0
    {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_two_factor_required_for_staff()
                .into(),
        }
        .into());
    }
    if me.totp_enabled_at.is_some() && verify_at_sign_in(&txn, &key, &me, code).await?.is_none() {
        return Err(AppError::field(
            "code",
            crate::server::context::tr().server_wrong_or_used_code(),
        )
        .into());
    }
    clear(&txn, me.id).await?;
    let event = Event::new(AuditAction::TwoFactorDisabled, "user", me.id)
        .by(actor)
        .about(me.id);
    audit::append(&txn, event, None).await?;
    let tr = super::profile::mail_locale(&key, &me).tr;
    let notice = MailContent {
        subject: tr.mail_two_factor_off_subject().into(),
        body: tr.mail_two_factor_off_body().into(),
    };
    mail::queue_audited(&txn, state, &key, me.id, &me.email, &notice).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes the secret and the recovery codes of `user_id` (turning it off; erasure).
pub async fn clear(db: &impl ConnectionTrait, user_id: Uuid) -> Result<(), ServiceError> {
    user::Entity::update_many()
        .col_expr(
            user::Column::TotpSecret,
            Expr::value(Option::<Vec<u8>>::None),
        )
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Which second factor a sign-in used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    Totp,
    Passkey,
    RecoveryCode { left: u64 },
}

/// Checks the code given at sign-in: an authenticator code of a step later
/// than the last one accepted, or an unused recovery code. `None` when wrong.
pub async fn verify_at_sign_in(
    db: &impl ConnectionTrait,
    key: &DataKey,
    user: &user::Model,
    code: &str,
) -> Result<Option<SecondFactor>, ServiceError> {
    let code = code.trim();
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit()) {
        let secret = open_secret(key, user)?;
        let Some(step) = totp(&secret, &user.email)?.check(&digits, now_secs()) else {
            return Ok(None);
        };
        let step = step as i64;
        // Accepted once: only when it is later than the last accepted step.
        let won = user::Entity::update_many()
            .col_expr(user::Column::TotpLastStep, Expr::value(step))
            .filter(user::Column::Id.eq(user.id))
            .filter(
                sea_orm::Condition::any()
                    .add(user::Column::TotpLastStep.is_null())
                    .add(user::Column::TotpLastStep.lt(step)),
            )
            .exec(db)
            .await?
            .rows_affected;
        return Ok((won == 1).then_some(SecondFactor::Totp));
    }
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Utc::now()))
        .filter(recovery_code::Column::UserId.eq(user.id))
        .filter(recovery_code::Column::CodeHash.eq(recovery_hash(code)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    if used != 1 {
        return Ok(None);
    }
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user.id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(Some(SecondFactor::RecoveryCode { left }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_carry_at_least_112_bits_from_a_uniform_draw() {
        let bits = RECOVERY_LENGTH as f64 * (RECOVERY_ALPHABET.len() as f64).log2();
        assert!(bits >= 112.0, "{bits} bits");
        let codes: Vec<String> = (0..20_000).map(|_| recovery_code()).collect();
        let mut counts = std::collections::HashMap::new();
        for code in &codes {
            let groups: Vec<&str> = code.split('-').collect();
            assert_eq!(groups.len(), RECOVERY_LENGTH / 4, "{code}");
            assert!(groups.iter().all(|g| g.len() == 4), "{code}");
            for c in code.chars().filter(|c| *c != '-') {
                assert!(RECOVERY_ALPHABET.contains(&(c as u8)), "{code}");
                *counts.entry(c).or_insert(0u32) += 1;
            }
        }
        let unique: std::collections::HashSet<&String> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
        // Every letter is drawn about equally: 480,000 draws give about
        // 15,484 each (a standard deviation of 124); taking a random byte
        // modulo 31 would give 8 letters about 16,875 and the rest 15,000.
        assert_eq!(counts.len(), RECOVERY_ALPHABET.len());
        let expected = (20_000 * RECOVERY_LENGTH) as f64 / RECOVERY_ALPHABET.len() as f64;
        for (c, n) in counts {
            assert!(
                (f64::from(n) - expected).abs() < expected * 0.05,
                "{c}: {n} against {expected}"
            );
        }
    }

    #[test]
    fn an_authenticator_code_works_in_its_30_second_step_and_one_either_side_only() {
        let t = totp(&[7u8; 20], "ada@example.org").unwrap();
        // 1,800,000,000 is a step boundary (60,000,000 × 30 s).
        let at = 1_800_000_000u64;
        let code = t.generate(at + 5).to_string();
        assert_eq!(code.len(), 6);
        for (when, accepted) in [
            (at, true),
            (at + 29, true),
            (at + 30 + 29, true),
            (at - 30, true),
            (at + 60, false),
            (at - 31, false),
            (at + 90, false),
        ] {
            assert_eq!(
                t.check(&code, when).is_some(),
                accepted,
                "at +{}",
                when as i64 - at as i64
            );
        }
    }

    #[test]
    fn recovery_codes_match_however_they_are_typed() {
        assert_eq!(
            recovery_hash("k3m9-x2p7-q8w4-z5n6"),
            recovery_hash(" K3M9 X2P7 Q8W4 Z5N6 ")
        );
        assert_ne!(
            recovery_hash("k3m9-x2p7-q8w4-z5n6"),
            recovery_hash("k3m9-x2p7-q8w4-z5n7")
        );
    }
}
