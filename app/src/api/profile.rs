use crate::{
    error::AppError,
    fields::{FieldInput, Profile},
};
use leptos::{prelude::*, server_fn::codec::Json};

/// The asker's own profile, with the fields their role may see.
#[server]
pub async fn my_profile() -> Result<Profile, AppError> {
    use crate::server::{context, services::profile};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(profile::get(&state, &actor)).await
    })
    .await
}

/// Saves the asker's profile. `email` exists only so that a request trying to
/// change it gets a clear refusal; the email never changes here.
#[server(input = Json)]
pub async fn update_profile(
    #[server(default)] email: Option<String>,
    fields: Vec<FieldInput>,
) -> Result<Profile, AppError> {
    use crate::server::{context, services::profile};
    context::respond(async move {
        let state = context::state()?;
        let actor = context::require_actor()?;
        context::run(profile::update(&state, &actor, email.as_deref(), &fields)).await
    })
    .await
}
