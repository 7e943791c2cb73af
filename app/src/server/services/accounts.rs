//! Sign-up, sign-in, sign-out and the creation of staff accounts.
use super::{sessions, sessions::SessionToken, throttle};
use crate::{
    error::AppError,
    model::{limits, CurrentUser, Paged, Role, UserSummary},
    server::{
        entities::user,
        error::OnConstraint,
        password,
        policy::{self, Action, Target},
        Actor, SecuritySettings, ServiceError,
    },
    validate,
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, TransactionTrait};

/// A validated request to create an account.
pub struct NewUser {
    pub name: String,
    pub email: String,
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
            password: validate::new_password(password)?,
            role,
        })
    }
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

async fn insert(db: &impl ConnectionTrait, new: NewUser) -> Result<user::Model, ServiceError> {
    let hash = password::hash(new.password).await?;
    user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(new.email),
        name: Set(new.name),
        password_hash: Set(hash.as_stored().to_owned()),
        role: Set(new.role.as_str().to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .on_unique_violation(AppError::EmailTaken)
}

fn current_user(model: &user::Model) -> Result<CurrentUser, ServiceError> {
    let role = Role::parse(&model.role)
        .ok_or_else(|| ServiceError::Internal(format!("user {} has an unknown role", model.id)))?;
    Ok(CurrentUser {
        id: model.id,
        name: model.name.clone(),
        email: model.email.clone(),
        role,
    })
}

/// Creates an account without an acting user: the CLI and demo seeding only.
pub async fn create_user_unchecked(
    db: &DatabaseConnection,
    new: NewUser,
) -> Result<CurrentUser, ServiceError> {
    current_user(&insert(db, new).await?)
}

/// A customer signs themselves up and is signed in at once.
pub async fn sign_up(
    db: &DatabaseConnection,
    name: &str,
    email: &str,
    password: &str,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let new = NewUser::validated(name, email, password, Role::Customer)?;
    let txn = db.begin().await?;
    let user = insert(&txn, new).await?;
    let token = sessions::create(&txn, user.id).await?;
    txn.commit().await?;
    Ok((current_user(&user)?, token))
}

/// Checks credentials under the rate limit and starts a fresh session, ending
/// the one the browser came with (session rotation).
pub async fn sign_in(
    db: &DatabaseConnection,
    settings: &SecuritySettings,
    email: &str,
    password: &str,
    client_ip: &str,
    previous_session: Option<&str>,
) -> Result<(CurrentUser, SessionToken), ServiceError> {
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() {
        return Err(AppError::InvalidCredentials.into());
    }
    if password.chars().count() > limits::PASSWORD_MAX {
        return Err(AppError::InvalidCredentials.into());
    }
    let account_key = throttle::account_key(&email);
    let client_key = throttle::client_key(client_ip);
    throttle::check(db, settings, &account_key, &client_key).await?;

    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(db)
        .await?;
    let stored = found
        .as_ref()
        .map(|u| password::PasswordHash::from_stored(u.password_hash.clone()));
    let ok = password::verify(password.to_owned(), stored).await?;
    let user = match (ok, found) {
        (true, Some(user)) => user,
        _ => {
            throttle::record_failure(db, settings, &account_key, &client_key).await?;
            return Err(AppError::InvalidCredentials.into());
        }
    };
    throttle::clear(db, &account_key).await?;
    let txn = db.begin().await?;
    if let Some(previous) = previous_session {
        sessions::end(&txn, previous).await?;
    }
    let token = sessions::create(&txn, user.id).await?;
    txn.commit().await?;
    Ok((current_user(&user)?, token))
}

/// Ends the actor's session on the server.
pub async fn sign_out(db: &DatabaseConnection, actor: &Actor) -> Result<(), ServiceError> {
    sessions::end(db, &actor.session_token_hash).await
}

/// An admin creates an agent, admin or customer account.
pub async fn create_user(
    db: &DatabaseConnection,
    actor: &Actor,
    new: NewUser,
) -> Result<CurrentUser, ServiceError> {
    if !policy::can(actor, Action::ManageUsers, Target::Nothing) {
        return Err(AppError::Forbidden.into());
    }
    create_user_unchecked(db, new).await
}

/// Every account, newest first, for the admin's team page.
pub async fn list_users(
    db: &DatabaseConnection,
    actor: &Actor,
    page: u64,
) -> Result<Paged<UserSummary>, ServiceError> {
    if !policy::can(actor, Action::ManageUsers, Target::Nothing) {
        return Err(AppError::Forbidden.into());
    }
    let paginator = user::Entity::find()
        .order_by_desc(user::Column::CreatedAt)
        .order_by_desc(user::Column::Id)
        .paginate(db, limits::PAGE_SIZE);
    let totals = paginator.num_items_and_pages().await?;
    let page = page.min(totals.number_of_pages.saturating_sub(1));
    let items = paginator
        .fetch_page(page)
        .await?
        .iter()
        .map(|u| {
            let current = current_user(u)?;
            Ok(UserSummary {
                id: u.id,
                name: current.name,
                email: current.email,
                role: current.role,
                created_at: u.created_at,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(Paged {
        items,
        page,
        total_pages: totals.number_of_pages.max(1),
        total_items: totals.number_of_items,
    })
}
