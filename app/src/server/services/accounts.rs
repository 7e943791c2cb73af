//! Sign-up, sign-in, sign-out and the creation of accounts by admins.
//! Names and phones are sealed under the user's own data key; every change is
//! audited in the same transaction.
use super::{
    reauth, second_factors,
    sessions::{self, Device, SessionToken},
    throttle, two_factor,
};
use crate::server::error::Context as _;
use crate::server::paging;
use crate::{
    error::AppError,
    model::{limits, AuditAction, CurrentUser, Paged, Role, UserSummary},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::user,
        error::OnConstraint,
        mail::{self, MailContent},
        password,
        policy::{self, Action, Target},
        vault, Actor, AppState, ServiceError,
    },
    validate,
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder};

/// A validated request to create an account.
pub struct NewUser {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub password: String,
    pub role: Role,
}

impl NewUser {
    /// Validates every field; the first invalid one is reported.
    pub fn validated(
        name: &str,
        email: &str,
        password: &str,
        role: Role,
    ) -> Result<Self, AppError> {
        Ok(NewUser {
            name: validate::name(name, crate::server::context::tr())?,
            email: validate::email(email, crate::server::context::tr())?,
            phone: None,
            password: validate::new_password(password, crate::server::context::tr())?,
            role,
        })
    }

    pub fn with_phone(mut self, phone: &str) -> Result<Self, AppError> {
        self.phone = validate::phone(phone, crate::server::context::tr())?;
        Ok(self)
    }
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// Creates the user's data key, then the user row and its audit event in one transaction.
/// Returns the open transaction so the caller can add to it (a session at sign-up).
async fn insert(
    state: &AppState,
    new: NewUser,
    by: Option<&Actor>,
    action: AuditAction,
) -> Result<(sea_orm::DatabaseTransaction, user::Model, DataKey), ServiceError> {
    password::check_strength(&new.password, "password", &[&new.email, &new.name])?;
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(new.email.clone()))
        .count(&state.db)
        .await?;
    if taken > 0 {
        return Err(AppError::EmailTaken.into());
    }
    let hash = password::hash(new.password).await?;
    let id = Uuid::now_v7();
    let key = state.vault.create_key(id).await?;
    let txn = audit::begin(&state.db).await?;
    let model = user::ActiveModel {
        id: Set(id),
        email: Set(new.email.clone()),
        name: Set(key.seal_str(user::NAME.at(&id), &new.name)),
        phone: Set(new
            .phone
            .as_deref()
            .map(|p| key.seal_str(user::PHONE.at(&id), p))),
        twitter: Set(None),
        language: Set(None),
        time_zone: Set(None),
        password_hash: Set(hash.as_stored().to_owned()),
        role: Set(new.role),
        role_id: Set(None),
        created_at: Set(Utc::now()),
        erased_at: Set(None),
        pseudonym: Set(None),
        disabled_at: Set(None),
        // An admin typed this password: its owner replaces it at first sign-in.
        must_change_password: Set(by.is_some()),
        // Sign-ups confirm their address by mail; an admin or operator vouches for the rest.
        email_confirmed_at: Set((action != AuditAction::SignUp).then(Utc::now)),
        totp_secret: Set(None),
        totp_enabled_at: Set(None),
        totp_last_step: Set(None),
        last_active_at: Set(Some(Utc::now())),
        closure_notice_at: Set(None),
        closed_at: Set(None),
    }
    .insert(&txn)
    .await
    .on_unique_violation(AppError::EmailTaken)?;
    let mut event = Event::new(action, "user", id)
        .about(id)
        .change(Change::set("name", &new.name));
    event = event
        .change(Change::set("email", &new.email))
        .change(Change::set("role", new.role.as_str()));
    if let Some(phone) = &new.phone {
        event = event.change(Change::set("phone", phone));
    }
    // A sign-up is the new customer's own act; an account made by the demo
    // seeding or an operator at the command line has no acting user.
    event = match (by, action) {
        (Some(actor), _) => event.by(actor),
        (None, AuditAction::SignUp) => event.by_user(id, new.role),
        (None, _) => event,
    };
    audit::append(&txn, event, Some(&key)).await?;
    Ok((txn, model, key))
}

fn current_user(model: &user::Model, key: Option<&DataKey>) -> Result<CurrentUser, ServiceError> {
    let name = match key {
        Some(key) => key
            .open_string(user::NAME.at(&model.id), &model.name)
            .context(format!("name of user {}", model.id))?,
        None => vault::erased(),
    };
    Ok(CurrentUser {
        id: model.id,
        name,
        email: model.email.clone(),
        role: model.role,
        permissions: crate::server::policy::built_in_permissions(model.role),
        role_id: model.role_id,
    })
}

/// Creates an account without an acting user: the CLI and demo seeding only.
pub async fn create_user_unchecked(
    state: &AppState,
    new: NewUser,
) -> Result<CurrentUser, ServiceError> {
    let (txn, model, key) = insert(state, new, None, AuditAction::UserCreated).await?;
    txn.commit().await?;
    current_user(&model, Some(&key))
}

/// A customer signs themselves up and is signed in at once; a link to
/// confirm the address is mailed to it.
/// Account creation is throttled per client address, like failed sign-ins.
pub async fn sign_up(
    state: &AppState,
    name: &str,
    email: &str,
    phone: &str,
    password: &str,
    device: &Device,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let limit = state.security.max_failures_per_client;
    throttle::count_event(
        &state.db,
        &state.security,
        &format!("signup:{}", throttle::client_group(&device.client)),
        None,
        limit,
    )
    .await?;
    let new = NewUser::validated(name, email, password, Role::Customer)?.with_phone(phone)?;
    let (txn, model, key) = insert(state, new, None, AuditAction::SignUp).await?;
    super::signup_confirmation::send_link(&txn, state, &key, &model).await?;
    let token = sessions::create(&txn, model.id, device).await?;
    txn.commit().await?;
    Ok((current_user(&model, Some(&key))?, token))
}

/// The signed-in user with their decrypted name.
pub async fn me(state: &AppState, actor: &Actor) -> Result<CurrentUser, ServiceError> {
    let model = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let key = state.vault.key(model.id).await?;
    Ok(CurrentUser {
        permissions: actor.grant.permissions,
        ..current_user(&model, key.as_ref())?
    })
}

/// What the sign-in form sends.
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The person's own new password, when their account still has the one an admin typed.
    pub new_password: &'a str,
    /// The authenticator app's code or a recovery code, when two-factor sign-in is on.
    pub code: &'a str,
    /// A passkey's answer to a sign-in ceremony (its id, the browser's JSON), as the second factor.
    pub passkey: Option<(Uuid, &'a str)>,
}

impl<'a> Credentials<'a> {
    /// An address and password, nothing more (scripts, tests, the benchmark).
    pub fn password(email: &'a str, password: &'a str) -> Self {
        Credentials {
            email,
            password,
            new_password: "",
            code: "",
            passkey: None,
        }
    }
}

/// Checks credentials under the rate limit and starts a fresh session, ending
/// the one the browser came with (session rotation). Every outcome is audited:
/// signed in, wrong password, throttled, disabled.
pub async fn sign_in(
    state: &AppState,
    credentials: Credentials<'_>,
    device: &Device,
    previous_session: Option<&str>,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let email = credentials.email.trim().to_lowercase();
    let password = credentials.password;
    if email.is_empty() || password.is_empty() || password.chars().count() > limits::PASSWORD_MAX {
        return Err(AppError::InvalidCredentials.into());
    }
    let db = &state.db;
    let known = sessions::known_network(db, &state.security, &email, &device.client).await?;
    let attempt = match throttle::begin_attempt(db, &state.security, &email, &device.client, known)
        .await?
    {
        Ok(attempt) => attempt,
        Err(refused) => {
            reauth::record_throttled(state, &email, &device.client, AuditAction::SignInThrottled)
                .await?;
            return Err(refused.into());
        }
    };

    // An account being erased (or erased) cannot sign in any more.
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(db)
        .await?
        .filter(|u| u.erased_at.is_none());
    let stored = found
        .as_ref()
        .map(|u| password::PasswordHash::from_stored(u.password_hash.clone()));
    let ok = password::verify(password.to_owned(), stored).await?;
    let user = match (ok, found) {
        (true, Some(user)) => user,
        (_, found) => {
            let txn = audit::begin(db).await?;
            let mut event = Event::new(
                AuditAction::SignInFailed,
                "session",
                found
                    .as_ref()
                    .map(|u| u.id.to_string())
                    .unwrap_or_else(|| "unknown".into()),
            );
            if let Some(u) = &found {
                event = event.about(u.id);
            }
            audit::append(&txn, event, None).await?;
            txn.commit().await?;
            return Err(AppError::InvalidCredentials.into());
        }
    };
    let role = user.role;
    let key = state.vault.key(user.id).await?;
    // Only someone who knows the password learns that the account is disabled.
    if user.disabled_at.is_some() {
        let txn = audit::begin(db).await?;
        throttle::succeeded(&txn, &attempt).await?;
        let event = Event::new(AuditAction::SignInRefused, "session", user.id).about(user.id);
        audit::append(&txn, event, None).await?;
        txn.commit().await?;
        return Err(AppError::AccountDisabled.into());
    }
    let new_hash = if user.must_change_password {
        // The password was right: a badly chosen new one is no failed sign-in.
        throttle::release(db, &attempt).await?;
        if credentials.new_password.is_empty() {
            return Err(AppError::PasswordChangeRequired.into());
        }
        Some(new_password_hash(&user, key.as_ref(), password, credentials.new_password).await?)
    } else {
        None
    };
    let has_passkey = second_factors::passkey_count(db, user.id).await? > 0;
    let has_app = user.totp_enabled_at.is_some();
    let second_factor = if has_app || has_passkey {
        let code = credentials.code.trim();
        let wrong = |what: &'static str, field: &'static str, message: &'static str| async move {
            // A wrong code counts like a wrong password (the attempt's rows stay).
            let txn = audit::begin(db).await?;
            let event = Event::new(AuditAction::SignInFailed, "session", user.id)
                .about(user.id)
                .setting(Change::set("second_factor", what));
            audit::append(&txn, event, None).await?;
            txn.commit().await?;
            Err::<Option<two_factor::SecondFactor>, ServiceError>(
                AppError::field(field, message).into(),
            )
        };
        match (credentials.passkey, code.is_empty()) {
            (Some((challenge, answer)), _) if has_passkey => {
                if super::passkeys::verify(state, &user, challenge, answer).await? {
                    Some(two_factor::SecondFactor::Passkey)
                } else {
                    wrong(
                        "passkey not accepted",
                        "passkey",
                        crate::server::context::tr().server_passkey_not_accepted_use_code(),
                    )
                    .await?
                }
            }
            (_, false) if has_app => {
                let key = key.as_ref().ok_or_else(|| {
                    ServiceError::invariant(format!("user {} has no data key", user.id))
                })?;
                match two_factor::verify_at_sign_in(db, key, &user, code).await? {
                    Some(factor) => Some(factor),
                    None => {
                        wrong(
                            "wrong code",
                            "code",
                            crate::server::context::tr().server_wrong_or_used_code(),
                        )
                        .await?
                    }
                }
            }
            _ => {
                // The password was right: asking for the second factor is no
                // failed sign-in — but earlier wrong codes keep counting.
                throttle::release(db, &attempt).await?;
                return Err(AppError::SecondFactorRequired {
                    authenticator_app: has_app,
                    passkey: has_passkey,
                }
                .into());
            }
        }
    } else {
        None
    };
    let txn = audit::begin(db).await?;
    throttle::succeeded(&txn, &attempt).await?;
    if let Some(hash) = new_hash {
        set_password(&txn, user.id, &hash).await?;
        audit::append(
            &txn,
            Event::new(AuditAction::PasswordChanged, "user", user.id)
                .by_user(user.id, role)
                .about(user.id),
            None,
        )
        .await?;
    }
    if let Some(previous) = previous_session {
        sessions::end(&txn, previous).await?;
    }
    let device = Device {
        second_factor: second_factor.is_some(),
        ..device.clone()
    };
    let token = sessions::create(&txn, user.id, &device).await?;
    super::profile::copy_locale_to_sessions(&txn, key.as_ref(), &user).await?;
    let mut event = Event::new(AuditAction::SignIn, "session", user.id)
        .by_user(user.id, role)
        .about(user.id);
    match second_factor {
        Some(two_factor::SecondFactor::Totp) => {
            event = event.setting(Change::set("second_factor", "authenticator app"));
        }
        Some(two_factor::SecondFactor::Passkey) => {
            event = event.setting(Change::set("second_factor", "passkey"));
        }
        Some(two_factor::SecondFactor::RecoveryCode { left }) => {
            event = event.setting(Change::set("second_factor", "recovery code"));
            if let Some(key) = &key {
                let tr = super::profile::mail_locale(key, &user).tr;
                let notice = MailContent {
                    subject: tr.mail_recovery_code_used_subject().into(),
                    body: tr.mail_recovery_code_used_body(left),
                };
                mail::queue_audited(&txn, state, key, user.id, &user.email, &notice).await?;
            }
        }
        None => {}
    }
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok((current_user(&user, key.as_ref())?, token))
}

/// Checks a new password for `user` (long enough, hard to guess, not about
/// them, not the old one) and hashes it.
pub async fn new_password_hash(
    user: &user::Model,
    key: Option<&DataKey>,
    old_password: &str,
    new_password: &str,
) -> Result<password::PasswordHash, ServiceError> {
    let field = "new_password";
    let new_password = validate::new_password(new_password, crate::server::context::tr())
        .map_err(|e| AppError::field(field, e.message_for("password").unwrap_or_default()))?;
    if new_password == old_password {
        return Err(AppError::field(
            field,
            crate::server::context::tr().server_password_same_as_old(),
        )
        .into());
    }
    let name = match key {
        Some(key) => key
            .open_string(user::NAME.at(&user.id), &user.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    password::check_strength(&new_password, field, &[&user.email, &name])?;
    password::hash(new_password).await
}

/// Stores a new password hash; the account no longer waits for its owner's own password.
pub async fn set_password(
    db: &impl sea_orm::ConnectionTrait,
    user_id: Uuid,
    hash: &password::PasswordHash,
) -> Result<(), ServiceError> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash.as_stored()))
        .col_expr(user::Column::MustChangePassword, Expr::value(false))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends the actor's session on the server.
pub async fn sign_out(state: &AppState, actor: &Actor) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    sessions::end(&txn, &actor.session_token_hash).await?;
    audit::append(
        &txn,
        Event::new(AuditAction::SignOut, "session", actor.user_id)
            .by(actor)
            .about(actor.user_id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An admin creates an agent, admin or customer account.
pub async fn create_user(
    state: &AppState,
    actor: &Actor,
    new: NewUser,
) -> Result<CurrentUser, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    if new.role == Role::Admin && actor.role != Role::Admin {
        return Err(AppError::field(
            "role",
            crate::server::context::tr().teams_only_admins_make_admins(),
        )
        .into());
    }
    let (txn, model, key) = insert(state, new, Some(actor), AuditAction::UserCreated).await?;
    txn.commit().await?;
    current_user(&model, Some(&key))
}

/// Every account, newest first, for the admin's team page.
pub async fn list_users(
    state: &AppState,
    actor: &Actor,
    page: u64,
) -> Result<Paged<UserSummary>, ServiceError> {
    policy::require(actor, Action::ManageUsers, Target::Nothing)?;
    let query = user::Entity::find()
        .order_by_desc(user::Column::CreatedAt)
        .order_by_desc(user::Column::Id);
    let (rows, pager) = paging::fetch(&state.db, query, page, limits::PAGE_SIZE).await?;
    let keys = state.vault.keys(rows.iter().map(|u| u.id)).await?;
    let items = rows
        .iter()
        .map(|u| {
            let current = current_user(u, keys.get(&u.id))?;
            Ok(UserSummary {
                id: u.id,
                // An erased customer appears by their pseudonym, with no address.
                name: u.pseudonym.clone().unwrap_or(current.name),
                email: if u.pseudonym.is_some() {
                    String::new()
                } else {
                    current.email
                },
                role: current.role,
                role_id: u.role_id,
                created_at: u.created_at,
                disabled: u.disabled_at.is_some(),
                must_change_password: u.must_change_password,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(pager.with_items(items))
}

/// Where a person goes after signing in: their security page when they must
/// set up two-factor sign-in first, else the tickets.
pub async fn page_after_sign_in(
    state: &AppState,
    email: &str,
) -> Result<&'static str, ServiceError> {
    let user = user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let missing =
        second_factors::setup_missing(&state.db, state.security.two_factor_staff_default, &user)
            .await?;
    Ok(if missing { "/security" } else { "/tickets" })
}

/// Signs in with a passkey alone (no password): the passkey's user
/// verification (PIN or biometrics) and possession are the two factors.
/// Throttled and audited like a sign-in with a password.
pub async fn sign_in_with_passkey(
    state: &AppState,
    challenge_id: Uuid,
    answer: &str,
    device: &Device,
    previous_session: Option<&str>,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let not_accepted = || {
        AppError::field(
            "passkey",
            crate::server::context::tr().server_passkey_not_accepted_use_password(),
        )
    };
    let db = &state.db;
    let Some(user_id) = super::passkeys::sign_in_subject(db, challenge_id).await? else {
        return Err(not_accepted().into());
    };
    let user = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or_else(not_accepted)?;
    let known = sessions::known_network(db, &state.security, &user.email, &device.client).await?;
    let attempt =
        match throttle::begin_attempt(db, &state.security, &user.email, &device.client, known)
            .await?
        {
            Ok(attempt) => attempt,
            Err(refused) => {
                reauth::record_throttled(
                    state,
                    &user.email,
                    &device.client,
                    AuditAction::SignInThrottled,
                )
                .await?;
                return Err(refused.into());
            }
        };
    if !super::passkeys::verify(state, &user, challenge_id, answer).await? {
        let txn = audit::begin(db).await?;
        let event = Event::new(AuditAction::SignInFailed, "session", user.id)
            .about(user.id)
            .setting(Change::set("second_factor", "passkey not accepted"));
        audit::append(&txn, event, None).await?;
        txn.commit().await?;
        return Err(not_accepted().into());
    }
    if user.disabled_at.is_some() {
        let txn = audit::begin(db).await?;
        throttle::succeeded(&txn, &attempt).await?;
        let event = Event::new(AuditAction::SignInRefused, "session", user.id).about(user.id);
        audit::append(&txn, event, None).await?;
        txn.commit().await?;
        return Err(AppError::AccountDisabled.into());
    }
    let key = state.vault.key(user.id).await?;
    let txn = audit::begin(db).await?;
    throttle::succeeded(&txn, &attempt).await?;
    if let Some(previous) = previous_session {
        sessions::end(&txn, previous).await?;
    }
    let device = Device {
        second_factor: true,
        ..device.clone()
    };
    let token = sessions::create(&txn, user.id, &device).await?;
    super::profile::copy_locale_to_sessions(&txn, key.as_ref(), &user).await?;
    let event = Event::new(AuditAction::SignIn, "session", user.id)
        .by_user(user.id, user.role)
        .about(user.id)
        .setting(Change::set("second_factor", "passkey (no password)"));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok((current_user(&user, key.as_ref())?, token))
}
