//! Rectification (GDPR Art. 16): the customer's own profile, per field access.
//! The email address is the login identifier and never changes here.
use super::fields::{self as custom, access, access_map, AccessMap};
use crate::i18n::{Lang, Tr};
use crate::server::error::Context as _;
use crate::server::PreferredLocale;
use crate::{
    error::{AppError, FieldError},
    fields::{check_value, display_value, Access, FieldInput, FieldScope, FieldView, Profile},
    model::AuditAction,
    server::{
        audit::{self, Change, Event},
        crypto::{DataKey, Slot},
        entities::{custom_field, user},
        Actor, AppState, ServiceError,
    },
};
use sea_orm::{prelude::*, ActiveValue::Set};

/// The standard fields kept on the user row, besides the email.
const STANDARD: [&str; 5] = ["name", "phone", "twitter", "language", "time_zone"];

/// What customers are told when anything tries to change their email here.
fn email_is_read_only() -> AppError {
    AppError::field(
        "email",
        crate::server::context::tr().server_email_read_only(),
    )
}

fn column<'a>(model: &'a user::Model, key: &str) -> Option<&'a Vec<u8>> {
    match key {
        "name" => Some(&model.name),
        "phone" => model.phone.as_ref(),
        "twitter" => model.twitter.as_ref(),
        "language" => model.language.as_ref(),
        "time_zone" => model.time_zone.as_ref(),
        _ => None,
    }
}

/// The language and time zone a person chose in their profile (`None` for
/// one they did not choose, or a language the portal does not speak).
pub fn preferred_locale(key: Option<&DataKey>, user: &user::Model) -> PreferredLocale {
    let open = |name: &str| {
        let sealed = column(user, name)?;
        key?.open_string(Slot::new(user::TABLE, column_name(name), &user.id), sealed)
            .ok()
    };
    PreferredLocale {
        language: open("language").as_deref().and_then(Lang::parse),
        time_zone: open("time_zone").filter(|z| z.parse::<chrono_tz::Tz>().is_ok()),
    }
}

/// The words and time zone of mail to this person: their profile's, else
/// English and UTC.
pub fn mail_locale(key: &DataKey, user: &user::Model) -> MailLocale {
    let preferred = preferred_locale(Some(key), user);
    MailLocale {
        tr: Tr(preferred.language.unwrap_or_default()),
        time_zone: preferred.time_zone.unwrap_or_else(|| "UTC".to_owned()),
    }
}

/// How a mail speaks to its recipient.
#[derive(Clone, Debug)]
pub struct MailLocale {
    pub tr: Tr,
    pub time_zone: String,
}

impl MailLocale {
    /// A moment in the recipient's time zone and language.
    pub fn time(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        crate::i18n::format_local(self.tr, &crate::i18n::local_time(t, &self.time_zone))
    }
}

/// Copies the profile's language and time zone onto the person's sessions.
pub async fn copy_locale_to_sessions(
    db: &impl sea_orm::ConnectionTrait,
    key: Option<&DataKey>,
    user: &user::Model,
) -> Result<(), ServiceError> {
    let preferred = preferred_locale(key, user);
    super::sessions::set_locale(
        db,
        user.id,
        preferred.language,
        preferred.time_zone.as_deref(),
    )
    .await
}

fn column_name(key: &str) -> &'static str {
    match key {
        "name" => "name",
        "phone" => "phone",
        "twitter" => "twitter",
        "language" => "language",
        _ => "time_zone",
    }
}

/// The contact fields of `user` as `role` may see them (hidden ones are absent).
async fn views(
    state: &AppState,
    map: &AccessMap,
    role: crate::model::RoleRef,
    user: &user::Model,
    key: Option<&DataKey>,
) -> Result<(Vec<FieldView>, Vec<custom_field::Model>), ServiceError> {
    let mut out = Vec::new();
    for name in STANDARD {
        let level = access(map, role, name, FieldScope::Contact);
        if level == Access::Hidden {
            continue;
        }
        let value = match (column(user, name), key) {
            (Some(sealed), Some(key)) => Some(
                key.open_string(Slot::new(user::TABLE, column_name(name), &user.id), sealed)
                    .context(format!("{name} of user {}", user.id))?,
            ),
            _ => None,
        };
        out.push(custom::standard_view(name, level, value));
    }
    let defs = custom::active(&state.db, FieldScope::Contact).await?;
    let values = custom::values_of(&state.db, key, user.id).await?;
    for def in &defs {
        let level = access(
            map,
            role,
            &crate::fields::custom_key(def.id),
            FieldScope::Contact,
        );
        if level != Access::Hidden {
            out.push(custom::custom_view(
                def,
                level,
                values.get(&def.id).cloned().unwrap_or_default(),
            )?);
        }
    }
    Ok((out, defs))
}

async fn load(state: &AppState, id: Uuid) -> Result<(user::Model, Option<DataKey>), ServiceError> {
    let user = user::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = state.vault.key(id).await?;
    Ok((user, key))
}

/// The actor's own profile.
pub async fn get(state: &AppState, actor: &Actor) -> Result<Profile, ServiceError> {
    let map = access_map(&state.db).await?;
    let (user, key) = load(state, actor.user_id).await?;
    let (fields, _) = views(state, &map, actor.role_ref(), &user, key.as_ref()).await?;
    let email = (access(&map, actor.role_ref(), "email", FieldScope::Contact) != Access::Hidden
        && user.erased_at.is_none())
    .then(|| user.email.clone());
    Ok(Profile { email, fields })
}

/// A customer's contact fields as a staff member may see them (ticket page).
pub async fn contact_fields_for_staff(
    state: &AppState,
    actor: &Actor,
    customer: Uuid,
) -> Result<(Option<String>, Vec<FieldView>), ServiceError> {
    let map = access_map(&state.db).await?;
    let (user, key) = load(state, customer).await?;
    let (mut fields, _) = views(state, &map, actor.role_ref(), &user, key.as_ref()).await?;
    for f in &mut fields {
        f.editable = false;
    }
    let email = (access(&map, actor.role_ref(), "email", FieldScope::Contact) != Access::Hidden)
        .then(|| user.email.clone());
    Ok((email, fields))
}

/// Validates every submitted field against what the actor may edit; reports all
/// problems at once, and returns the normalised values that differ from today's.
pub fn check_inputs(
    current: &[FieldView],
    inputs: &[FieldInput],
) -> Result<Vec<(FieldView, Vec<String>)>, AppError> {
    let tr = crate::server::context::tr();
    let mut errors = Vec::new();
    let mut changed = Vec::new();
    for input in inputs {
        let Some(field) = current.iter().find(|f| f.key == input.key) else {
            errors.push(FieldError {
                field: input.key.clone(),
                message: tr.server_field_not_available().into(),
            });
            continue;
        };
        if !field.editable {
            if input
                .values
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                != field.values.iter().map(String::as_str).collect::<Vec<_>>()
            {
                errors.push(FieldError {
                    field: input.key.clone(),
                    message: tr.server_field_read_only(&field.label),
                });
            }
            continue;
        }
        match check_value(field, &input.values, tr) {
            Ok(values) if values != field.values => changed.push((field.clone(), values)),
            Ok(_) => {}
            Err(e) => errors.push(FieldError {
                field: input.key.clone(),
                message: e
                    .message_for(e.field_name().unwrap_or_default())
                    .unwrap_or_else(|| e.message(tr)),
            }),
        }
    }
    if errors.is_empty() {
        Ok(changed)
    } else {
        Err(AppError::InvalidFields { errors })
    }
}

fn shown(field: &FieldView, values: &[String]) -> String {
    display_value(
        &FieldView {
            values: values.to_vec(),
            ..field.clone()
        },
        crate::server::context::tr(),
    )
}

/// Saves the actor's own profile: all fields valid or nothing saved; the email
/// never changes here, whatever the request says.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    email: Option<&str>,
    inputs: &[FieldInput],
) -> Result<Profile, ServiceError> {
    let map = access_map(&state.db).await?;
    let (user, key) = load(state, actor.user_id).await?;
    if let Some(email) = email {
        if email.trim().to_lowercase() != user.email {
            return Err(email_is_read_only().into());
        }
    }
    if inputs.iter().any(|i| i.key == "email") {
        return Err(email_is_read_only().into());
    }
    let key =
        key.ok_or_else(|| ServiceError::invariant(format!("user {} has no data key", user.id)))?;
    let (current, defs) = views(state, &map, actor.role_ref(), &user, Some(&key)).await?;
    let changed = check_inputs(&current, inputs)?;
    if changed.is_empty() {
        return get(state, actor).await;
    }
    let txn = audit::begin(&state.db).await?;
    let mut event = Event::new(AuditAction::ProfileChanged, "user", user.id)
        .by(actor)
        .about(user.id);
    let mut custom_values = Vec::new();
    let mut row: user::ActiveModel = user.clone().into();
    for (field, values) in &changed {
        event = event.change(Change {
            field: field.label.clone(),
            before: (!field.values.is_empty()).then(|| shown(field, &field.values)),
            after: (!values.is_empty()).then(|| shown(field, values)),
        });
        if let Some(def) = field
            .key
            .strip_prefix("custom:")
            .and_then(|id| defs.iter().find(|d| d.id.to_string() == id))
        {
            custom_values.push((def, values.clone()));
            continue;
        }
        let sealed = values
            .first()
            .map(|v| key.seal_str(Slot::new(user::TABLE, column_name(&field.key), &user.id), v));
        match field.key.as_str() {
            "name" => row.name = Set(sealed.unwrap_or_default()),
            "phone" => row.phone = Set(sealed),
            "twitter" => row.twitter = Set(sealed),
            "language" => row.language = Set(sealed),
            "time_zone" => row.time_zone = Set(sealed),
            other => {
                return Err(ServiceError::invariant(format!(
                    "unknown standard field {other}"
                )))
            }
        }
    }
    let updated = row.update(&txn).await?;
    copy_locale_to_sessions(&txn, Some(&key), &updated).await?;
    custom::write_values(&txn, &key, user.id, user.id, &custom_values).await?;
    audit::append(&txn, event, Some(&key)).await?;
    txn.commit().await?;
    get(state, actor).await
}
