//! Sign-up, sign-in, sign-out and the creation of accounts by admins.
//! Names and phones are sealed under the user's own data key; every change is
//! audited in the same transaction.
use super::{sessions, sessions::SessionToken, throttle};
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
            name: validate::name(name)?,
            email: validate::email(email)?,
            phone: None,
            password: validate::new_password(password)?,
            role,
        })
    }

    pub fn with_phone(mut self, phone: &str) -> Result<Self, AppError> {
        self.phone = validate::phone(phone)?;
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
        created_at: Set(Utc::now()),
        erased_at: Set(None),
        pseudonym: Set(None),
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
    event = match by {
        Some(actor) => event.by(actor),
        None => event.by_user(id, new.role),
    };
    audit::append(&txn, event, Some(&key)).await?;
    Ok((txn, model, key))
}

fn current_user(model: &user::Model, key: Option<&DataKey>) -> Result<CurrentUser, ServiceError> {
    let name = match key {
        Some(key) => key
            .open_string(user::NAME.at(&model.id), &model.name)
            .context(format!("name of user {}", model.id))?,
        None => vault::ERASED.to_owned(),
    };
    Ok(CurrentUser {
        id: model.id,
        name,
        email: model.email.clone(),
        role: model.role,
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

/// A customer signs themselves up and is signed in at once.
/// Account creation is throttled per client address, like failed sign-ins.
pub async fn sign_up(
    state: &AppState,
    name: &str,
    email: &str,
    phone: &str,
    password: &str,
    client: &str,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let limit = state.security.max_failures_per_client;
    throttle::count_event(
        &state.db,
        &state.security,
        &format!("signup:{client}"),
        limit,
    )
    .await?;
    let new = NewUser::validated(name, email, password, Role::Customer)?.with_phone(phone)?;
    let (txn, model, key) = insert(state, new, None, AuditAction::SignUp).await?;
    let token = sessions::create(&txn, model.id).await?;
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
    current_user(&model, key.as_ref())
}

/// Checks credentials under the rate limit and starts a fresh session, ending
/// the one the browser came with (session rotation). Both outcomes are audited.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    client_ip: &str,
    previous_session: Option<&str>,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() || password.chars().count() > limits::PASSWORD_MAX {
        return Err(AppError::InvalidCredentials.into());
    }
    let db = &state.db;
    let account_key = throttle::account_key(&email);
    let client_key = throttle::client_key(client_ip);
    let attempt = throttle::begin_attempt(db, &state.security, &account_key, &client_key).await?;

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
    let txn = audit::begin(db).await?;
    throttle::forget(&txn, &attempt).await?;
    throttle::clear(&txn, &account_key).await?;
    if let Some(previous) = previous_session {
        sessions::end(&txn, previous).await?;
    }
    let token = sessions::create(&txn, user.id).await?;
    audit::append(
        &txn,
        Event::new(AuditAction::SignIn, "session", user.id)
            .by_user(user.id, role)
            .about(user.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok((current_user(&user, key.as_ref())?, token))
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
                created_at: u.created_at,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(pager.with_items(items))
}

/// Asks for the password again before a sensitive step (an export, an erasure
/// request); wrong guesses count against the account's sign-in limit.
pub async fn reauthenticate(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<(), ServiceError> {
    let account = throttle::account_key(&actor.email);
    let attempt = throttle::begin_attempt(&state.db, &state.security, &account, "reauth").await?;
    let me = user::Entity::find_by_id(actor.user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let stored = password::PasswordHash::from_stored(me.password_hash.clone());
    if !password::verify(password_again.to_owned(), Some(stored)).await? {
        return Err(AppError::field("password", "That password is not correct.").into());
    }
    throttle::forget(&state.db, &attempt).await?;
    Ok(())
}
