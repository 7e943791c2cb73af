//! Passkeys and security keys (WebAuthn, through webauthn-rs): a person
//! registers several, names them, removes them, and uses one as the second
//! factor after their password or to sign in without a password. A passkey
//! asks the authenticator to verify its user (PIN or biometrics), so it is two
//! factors on its own.
//!
//! The relying party is the public URL: its host is the RP id, its origin the
//! only accepted one. A ceremony's server-side state lives in
//! `webauthn_challenges` for five minutes and is used once, so any server can
//! finish what another started. Credentials are sealed under the person's
//! data key; only their ids are in the clear, to find them.
use super::{reauth, second_factors};
use crate::{
    error::AppError,
    model::{AuditAction, PasskeyChallenge, PasskeyView},
    server::{
        audit::{self, Event},
        crypto::DataKey,
        entities::{passkey, user, webauthn_challenge},
        mail::{self, MailContent},
        vault, Actor, AppState, ServiceError,
    },
};
use base64::Engine;
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, ConnectionTrait, QueryOrder};
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, RequestChallengeResponse, Url, Webauthn, WebauthnBuilder,
};
use webauthn_rs_proto::{
    AllowCredentials, PublicKeyCredentialRequestOptions, UserVerificationPolicy,
};

/// How long a ceremony may take between its start and its finish.
pub const CHALLENGE_MINUTES: i64 = 5;
/// How long the browser waits for the authenticator (real and decoy ceremonies alike).
const CEREMONY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);
/// Passkeys one person may register.
pub const MAX_PER_PERSON: u64 = 10;
const REGISTER: &str = "register";
const SIGN_IN: &str = "sign_in";

fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The relying party: the public URL's host and origin.
fn relying_party(state: &AppState) -> Result<Webauthn, ServiceError> {
    let origin = Url::parse(&state.mail.public_url)
        .map_err(|e| ServiceError::invariant(format!("public URL: {e}")))?;
    let rp_id = origin
        .host_str()
        .ok_or_else(|| ServiceError::invariant("the public URL has no host"))?
        .to_owned();
    if rp_id.parse::<std::net::IpAddr>().is_ok() {
        // Browsers refuse WebAuthn on a bare IP address; say so instead of failing later.
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_passkeys_need_domain(&rp_id),
        }
        .into());
    }
    WebauthnBuilder::new(&rp_id, &origin)
        .and_then(|b| b.rp_name("Custodian").timeout(CEREMONY_TIMEOUT).build())
        .map_err(|e| ServiceError::invariant(format!("WebAuthn relying party {rp_id}: {e}")))
}

fn webauthn_error(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::invariant(format!("WebAuthn: {e}"))
}

async fn store_challenge(
    db: &impl ConnectionTrait,
    user_id: Option<Uuid>,
    purpose: &str,
    state: String,
) -> Result<Uuid, ServiceError> {
    let now = Utc::now();
    webauthn_challenge::Entity::delete_many()
        .filter(webauthn_challenge::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    let id = Uuid::now_v7();
    webauthn_challenge::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        purpose: Set(purpose.to_owned()),
        state: Set(state),
        expires_at: Set(now + chrono::Duration::minutes(CHALLENGE_MINUTES)),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Takes a ceremony's state: deleted as it is read (once only), `None` when
/// unknown, used, of another purpose or expired.
/// With `owner`, only a ceremony of that person is taken (another's stays).
async fn take_challenge(
    db: &impl ConnectionTrait,
    id: Uuid,
    purpose: &str,
    owner: Option<Uuid>,
) -> Result<Option<webauthn_challenge::Model>, ServiceError> {
    let mut query = webauthn_challenge::Entity::find_by_id(id)
        .filter(webauthn_challenge::Column::Purpose.eq(purpose));
    if let Some(owner) = owner {
        query = query.filter(webauthn_challenge::Column::UserId.eq(owner));
    }
    let Some(row) = query.one(db).await? else {
        return Ok(None);
    };
    let deleted = webauthn_challenge::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected;
    Ok((deleted == 1 && row.expires_at > Utc::now()).then_some(row))
}

/// The person's passkeys, opened.
async fn passkeys_of(
    db: &impl ConnectionTrait,
    key: &DataKey,
    user_id: Uuid,
) -> Result<Vec<(passkey::Model, Passkey)>, ServiceError> {
    let rows = passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .order_by_asc(passkey::Column::CreatedAt)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let json = key.open(passkey::CREDENTIAL.at(&row.id), &row.credential)?;
            let credential: Passkey = serde_json::from_slice(&json)?;
            Ok((row, credential))
        })
        .collect()
}

/// The actor's own passkeys, oldest first.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<PasskeyView>, ServiceError> {
    let key = state.vault.require_key(actor.user_id).await?;
    let rows = passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(actor.user_id))
        .order_by_asc(passkey::Column::CreatedAt)
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| PasskeyView {
            id: row.id,
            name: key
                .open_string(passkey::NAME.at(&row.id), &row.name)
                .unwrap_or_else(|_| vault::erased()),
            created_at: row.created_at,
            last_used_at: row.last_used_at,
        })
        .collect())
}

/// Starts registering a passkey for the actor (the password is asked again).
pub async fn start_registration(
    state: &AppState,
    actor: &Actor,
    password: &str,
) -> Result<PasskeyChallenge, ServiceError> {
    reauth::reauthenticate(state, actor, password).await?;
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let key = state.vault.require_key(me.id).await?;
    let existing = passkeys_of(&state.db, &key, me.id).await?;
    let has_factor = me.totp_enabled_at.is_some() || !existing.is_empty();
    second_factors::require_recent_second_factor(actor, has_factor)?;
    if existing.len() as u64 >= MAX_PER_PERSON {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_passkeys_at_most(MAX_PER_PERSON),
        }
        .into());
    }
    let exclude = existing.iter().map(|(_, p)| p.cred_id().clone()).collect();
    let (options, registration) = relying_party(state)?
        .start_passkey_registration(me.id, &me.email, &me.email, Some(exclude))
        .map_err(webauthn_error)?;
    let stored = serde_json::to_string(&registration)?;
    let challenge_id = store_challenge(&state.db, Some(me.id), REGISTER, stored).await?;
    Ok(PasskeyChallenge {
        challenge_id,
        options: serde_json::to_string(&options)?,
    })
}

/// Finishes a registration with the browser's answer, and names the passkey.
pub async fn finish_registration(
    state: &AppState,
    actor: &Actor,
    challenge_id: Uuid,
    name: &str,
    credential: &str,
) -> Result<PasskeyView, ServiceError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::field(
            "name",
            crate::server::context::tr().server_passkey_name_required(),
        )
        .into());
    }
    let answer: RegisterPublicKeyCredential = serde_json::from_str(credential).map_err(|_| {
        AppError::field(
            "passkey",
            crate::server::context::tr().server_passkey_answer_unreadable(),
        )
    })?;
    let txn = audit::begin(&state.db).await?;
    let challenge = take_challenge(&txn, challenge_id, REGISTER, Some(actor.user_id))
        .await?
        .ok_or_else(|| {
            AppError::field(
                "passkey",
                crate::server::context::tr().server_passkey_registration_expired(),
            )
        })?;
    let registration: PasskeyRegistration = serde_json::from_str(&challenge.state)?;
    let new = relying_party(state)?
        .finish_passkey_registration(&answer, &registration)
        .map_err(|_| {
            AppError::field(
                "passkey",
                crate::server::context::tr().server_passkey_not_verified(),
            )
        })?;
    let credential_id = b64url(new.cred_id());
    let taken = passkey::Entity::find()
        .filter(passkey::Column::CredentialId.eq(credential_id.clone()))
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(AppError::field(
            "passkey",
            crate::server::context::tr().server_passkey_already_registered(),
        )
        .into());
    }
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    if second_factors::passkey_count(&txn, me.id).await? >= MAX_PER_PERSON {
        return Err(AppError::Conflict {
            message: crate::server::context::tr().server_passkeys_at_most(MAX_PER_PERSON),
        }
        .into());
    }
    let key = state.vault.require_key(me.id).await?;
    let id = Uuid::now_v7();
    let now = Utc::now();
    passkey::ActiveModel {
        id: Set(id),
        user_id: Set(me.id),
        credential_id: Set(credential_id),
        credential: Set(key.seal(passkey::CREDENTIAL.at(&id), &serde_json::to_vec(&new)?)),
        name: Set(key.seal_str(passkey::NAME.at(&id), name)),
        created_at: Set(now),
        last_used_at: Set(None),
    }
    .insert(&txn)
    .await?;
    // Sessions signed in without it end (one waiting for two-factor set-up
    // would otherwise gain full access); this one stays.
    let ended = super::sessions::end_all_of(&txn, me.id, Some(&actor.session_token_hash)).await?;
    let event = Event::new(AuditAction::PasskeyAdded, "passkey", id)
        .by(actor)
        .about(me.id)
        .change(audit::Change::set("name", name))
        .setting(audit::Change::set(
            "other_sessions_ended",
            ended.to_string(),
        ));
    audit::append(&txn, event, Some(&key)).await?;
    let tr = super::profile::mail_locale(&key, &me).tr;
    let notice = MailContent {
        subject: tr.mail_passkey_added_subject().into(),
        body: tr.mail_passkey_added_body(name),
    };
    mail::queue_audited(&txn, state, &key, me.id, &me.email, &notice).await?;
    txn.commit().await?;
    Ok(PasskeyView {
        id,
        name: name.to_owned(),
        created_at: now,
        last_used_at: None,
    })
}

/// Removes one of the actor's own passkeys (the password is asked again; the
/// owner is mailed). The last second factor of a staff member who must use one stays.
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    password: &str,
) -> Result<(), ServiceError> {
    reauth::reauthenticate(state, actor, password).await?;
    let txn = audit::begin(&state.db).await?;
    let row = passkey::Entity::find_by_id(id)
        .filter(passkey::Column::UserId.eq(actor.user_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let others = second_factors::passkey_count(&txn, me.id).await? - 1;
    let required = me.role.is_staff()
        && second_factors::required_for_staff(&txn, state.security.two_factor_staff_default)
            .await?;
    if required && others == 0 && me.totp_enabled_at.is_none() {
        return Err(AppError::Conflict {
            message: crate::server::context::tr()
                .server_passkey_last_factor()
                .into(),
        }
        .into());
    }
    passkey::Entity::delete_by_id(row.id).exec(&txn).await?;
    let event = Event::new(AuditAction::PasskeyRemoved, "passkey", row.id)
        .by(actor)
        .about(me.id);
    audit::append(&txn, event, None).await?;
    let key = state.vault.require_key(me.id).await?;
    let name = key
        .open_string(passkey::NAME.at(&row.id), &row.name)
        .unwrap_or_default();
    let tr = super::profile::mail_locale(&key, &me).tr;
    let notice = MailContent {
        subject: tr.mail_passkey_removed_subject().into(),
        body: tr.mail_passkey_removed_body(&name),
    };
    mail::queue_audited(&txn, state, &key, me.id, &me.email, &notice).await?;
    txn.commit().await?;
    Ok(())
}

/// Starts a sign-in with a passkey for `email`. An address without an
/// account or without passkeys gets options of the same shape (one credential
/// id derived from the address with a server key), so the answer does not
/// tell whether it has an account; that ceremony can never finish.
pub async fn start_sign_in(
    state: &AppState,
    email: &str,
) -> Result<PasskeyChallenge, ServiceError> {
    let email = email.trim().to_lowercase();
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(&state.db)
        .await?
        .filter(|u| u.erased_at.is_none() && u.disabled_at.is_none());
    let mut credentials = Vec::new();
    if let Some(user) = &found {
        if let Some(key) = state.vault.key(user.id).await? {
            credentials = passkeys_of(&state.db, &key, user.id).await?;
        }
    }
    let rp = relying_party(state)?;
    match (found, credentials.is_empty()) {
        (Some(user), false) => {
            let passkeys: Vec<Passkey> = credentials.into_iter().map(|(_, p)| p).collect();
            let (options, authentication) = rp
                .start_passkey_authentication(&passkeys)
                .map_err(webauthn_error)?;
            let stored = serde_json::to_string(&authentication)?;
            let challenge_id = store_challenge(&state.db, Some(user.id), SIGN_IN, stored).await?;
            Ok(PasskeyChallenge {
                challenge_id,
                options: serde_json::to_string(&options)?,
            })
        }
        _ => {
            // Stable per address, unguessable without the index key.
            let decoy = state
                .vault
                .index_key()
                .await?
                .token(&format!("passkey-decoy|{email}"));
            let mut challenge = vec![0u8; 32];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut challenge);
            let origin = Url::parse(&state.mail.public_url)
                .map_err(|e| ServiceError::invariant(format!("public URL: {e}")))?;
            // webauthn-rs's own types, so the decoy serialises like a real request.
            let options = RequestChallengeResponse {
                public_key: PublicKeyCredentialRequestOptions {
                    challenge,
                    timeout: Some(CEREMONY_TIMEOUT.as_millis() as u32),
                    rp_id: origin.host_str().unwrap_or_default().to_owned(),
                    allow_credentials: vec![AllowCredentials {
                        type_: "public-key".to_owned(),
                        id: decoy.to_vec(),
                        transports: None,
                    }],
                    user_verification: UserVerificationPolicy::Required,
                    hints: None,
                    extensions: None,
                },
                mediation: None,
            };
            let challenge_id = store_challenge(&state.db, None, SIGN_IN, String::new()).await?;
            Ok(PasskeyChallenge {
                challenge_id,
                options: serde_json::to_string(&options)?,
            })
        }
    }
}

/// Whose sign-in ceremony `challenge_id` is, without using it.
pub async fn sign_in_subject(
    db: &impl ConnectionTrait,
    challenge_id: Uuid,
) -> Result<Option<Uuid>, ServiceError> {
    Ok(webauthn_challenge::Entity::find_by_id(challenge_id)
        .filter(webauthn_challenge::Column::Purpose.eq(SIGN_IN))
        .one(db)
        .await?
        .and_then(|c| c.user_id))
}

/// Checks the browser's answer to a sign-in ceremony of `user` (the ceremony
/// is used up either way). On success the passkey's counter and last use are
/// stored; returns whether it was accepted.
pub async fn verify(
    state: &AppState,
    user: &user::Model,
    challenge_id: Uuid,
    answer: &str,
) -> Result<bool, ServiceError> {
    let Ok(answer) = serde_json::from_str::<PublicKeyCredential>(answer) else {
        return Ok(false);
    };
    let Some(challenge) = take_challenge(&state.db, challenge_id, SIGN_IN, Some(user.id)).await?
    else {
        return Ok(false);
    };
    let authentication: PasskeyAuthentication = serde_json::from_str(&challenge.state)?;
    let Ok(result) = relying_party(state)?.finish_passkey_authentication(&answer, &authentication)
    else {
        return Ok(false);
    };
    let key = state.vault.require_key(user.id).await?;
    for (row, mut credential) in passkeys_of(&state.db, &key, user.id).await? {
        if credential.cred_id() != result.cred_id() {
            continue;
        }
        credential.update_credential(&result);
        passkey::Entity::update_many()
            .col_expr(
                passkey::Column::Credential,
                Expr::value(key.seal(
                    passkey::CREDENTIAL.at(&row.id),
                    &serde_json::to_vec(&credential)?,
                )),
            )
            .col_expr(passkey::Column::LastUsedAt, Expr::value(Utc::now()))
            .filter(passkey::Column::Id.eq(row.id))
            .exec(&state.db)
            .await?;
        return Ok(true);
    }
    Ok(false)
}

/// Removes every passkey and pending ceremony of `user_id` (erasure).
pub async fn forget_all(db: &impl ConnectionTrait, user_id: Uuid) -> Result<(), ServiceError> {
    passkey::Entity::delete_many()
        .filter(passkey::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    webauthn_challenge::Entity::delete_many()
        .filter(webauthn_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
