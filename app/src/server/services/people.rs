//! Looking up users with their decrypted names, in batches.
use crate::{
    error::AppError,
    model::Role,
    server::{entities::user, vault::open_text, AppState, ServiceError},
};
use sea_orm::{prelude::*, ConnectionTrait};
use std::collections::HashMap;

/// A user as other pages mention them.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// Users by id with their decrypted names: one query to the database, one to the key store.
pub async fn people(
    state: &AppState,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Person>, ServiceError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.clone()))
        .all(&state.db)
        .await?;
    let keys = state.vault.keys(ids).await?;
    Ok(users
        .into_iter()
        .map(|u| {
            // An erased customer is their pseudonym; their sealed name is unreadable anyway.
            let name = match &u.pseudonym {
                Some(p) => p.clone(),
                None => open_text(&keys, u.id, user::NAME.at(&u.id), &u.name),
            };
            let role = u.role;
            (
                u.id,
                Person {
                    name,
                    email: if u.erased_at.is_some() {
                        String::new()
                    } else {
                        u.email
                    },
                    role,
                },
            )
        })
        .collect())
}

/// The id of the user with this email, if any.
pub async fn id_by_email(state: &AppState, email: &str) -> Result<Option<Uuid>, ServiceError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .one(&state.db)
        .await?
        .map(|u| u.id))
}

/// The account with this id, if any (staff and customers alike).
pub async fn account(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<user::Model>, ServiceError> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// The customer with this id; anyone else (a missing id, a staff account) is "not found".
pub async fn customer(db: &impl ConnectionTrait, id: Uuid) -> Result<user::Model, ServiceError> {
    account(db, id)
        .await?
        .filter(|u| u.role == Role::Customer)
        .ok_or_else(|| AppError::NotFound.into())
}
