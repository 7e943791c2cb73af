//! Custom fields and field-level permissions. Access is decided here, in the
//! service layer: a field hidden from a role never leaves the server for it.
use crate::server::error::Context as _;
use crate::{
    error::AppError,
    fields::{
        custom_key, default_access, max_access, Access, CustomFieldDef, CustomFieldInput,
        FieldScope, FieldType, FieldView, PermissionRow, LANGUAGES, STANDARD_FIELDS, TIME_ZONES,
    },
    model::{AuditAction, Role, RoleRef},
    server::{
        audit::{self, Change, Event},
        crypto::DataKey,
        entities::{custom_field, custom_field_value, field_permission, role_field_permission},
        policy::{self, Action, Target},
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{prelude::*, sea_query::OnConflict, ActiveValue::Set, ConnectionTrait, QueryOrder};
use std::collections::HashMap;

/// What a column shows when the admin's field permissions hide the field.
pub const WITHHELD: &str = "[withheld]";

/// Every admin-set access level, by (role, field): built-in and custom roles.
pub type AccessMap = HashMap<(RoleRef, String), Access>;

pub async fn access_map(db: &impl ConnectionTrait) -> Result<AccessMap, ServiceError> {
    let mut map: AccessMap = field_permission::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| ((RoleRef::BuiltIn(p.role), p.field), p.access))
        .collect();
    map.extend(
        role_field_permission::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|p| ((RoleRef::Custom(p.role_id), p.field), p.access)),
    );
    Ok(map)
}

/// The access `role` has to `field`: the admin's setting or the default, never
/// above the maximum. A custom role without its own setting has the built-in
/// agent role's.
pub fn access(map: &AccessMap, role: impl Into<RoleRef>, field: &str, scope: FieldScope) -> Access {
    let role = role.into();
    let base = role.base();
    let set = map
        .get(&(role, field.to_owned()))
        .copied()
        .or_else(|| match role {
            RoleRef::Custom(_) => map
                .get(&(RoleRef::BuiltIn(base), field.to_owned()))
                .copied(),
            RoleRef::BuiltIn(_) => None,
        });
    set.unwrap_or_else(|| default_access(base, field, scope))
        .min(max_access(base, field, scope))
}

fn options_of(model: &custom_field::Model) -> Vec<String> {
    serde_json::from_str(&model.options).unwrap_or_default()
}

fn def_of(model: &custom_field::Model) -> Result<CustomFieldDef, ServiceError> {
    Ok(CustomFieldDef {
        id: model.id,
        scope: model.scope,
        key: model.key.clone(),
        label: model.label.clone(),
        help_text: model.help_text.clone(),
        field_type: model.field_type,
        options: options_of(model),
        required: model.required,
        encrypted: model.encrypted,
        position: model.position,
        archived: model.archived,
    })
}

/// The active (not archived) custom fields of a scope, in order.
pub async fn active(
    db: &impl ConnectionTrait,
    scope: FieldScope,
) -> Result<Vec<custom_field::Model>, ServiceError> {
    Ok(custom_field::Entity::find()
        .filter(custom_field::Column::Scope.eq(scope))
        .filter(custom_field::Column::Archived.eq(false))
        .order_by_asc(custom_field::Column::Position)
        .order_by_asc(custom_field::Column::CreatedAt)
        .all(db)
        .await?)
}

/// A custom field as a reader sees it, with its value.
pub fn custom_view(
    model: &custom_field::Model,
    access: Access,
    values: Vec<String>,
) -> Result<FieldView, ServiceError> {
    let def = def_of(model)?;
    Ok(FieldView {
        key: custom_key(model.id),
        label: def.label,
        help_text: def.help_text,
        field_type: def.field_type,
        options: def.options.into_iter().map(|o| (o.clone(), o)).collect(),
        required: def.required,
        encrypted: def.encrypted,
        editable: access == Access::Edit,
        values,
    })
}

/// A standard contact field as a reader sees it.
pub fn standard_view(key: &str, access: Access, value: Option<String>) -> FieldView {
    let (_, field_type) = STANDARD_FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .copied()
        .unwrap_or((key, FieldType::Text));
    let label = crate::fields::standard_label(key, crate::server::context::tr());
    let options = match key {
        "language" => LANGUAGES
            .iter()
            .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
            .collect(),
        "time_zone" => TIME_ZONES
            .iter()
            .map(|z| ((*z).to_owned(), z.replace('_', " ")))
            .collect(),
        _ => Vec::new(),
    };
    let help_text = match key {
        "twitter" => crate::server::context::tr().server_fields_twitter_help(),
        "phone" => crate::server::context::tr().server_fields_phone_help(),
        _ => "",
    };
    FieldView {
        key: key.to_owned(),
        label: label.to_owned(),
        help_text: help_text.to_owned(),
        field_type,
        options,
        required: key == "name",
        encrypted: true,
        editable: access == Access::Edit,
        values: value.into_iter().collect(),
    }
}

/// The stored values of custom fields on many entities, in one query, decrypted
/// with each row's subject key from `keys` (rows whose key is missing are skipped).
pub async fn values_by_subject(
    db: &impl ConnectionTrait,
    keys: &HashMap<Uuid, DataKey>,
    entity_ids: &[Uuid],
) -> Result<HashMap<Uuid, HashMap<Uuid, Vec<String>>>, ServiceError> {
    read_values(db, entity_ids, |subject| keys.get(&subject)).await
}

/// The stored values of custom fields on many entities of one subject, in one query.
pub async fn values_of_many(
    db: &impl ConnectionTrait,
    key: Option<&DataKey>,
    entity_ids: &[Uuid],
) -> Result<HashMap<Uuid, HashMap<Uuid, Vec<String>>>, ServiceError> {
    read_values(db, entity_ids, |_| key).await
}

/// The stored values of custom fields on one entity, decrypted where sealed.
pub async fn values_of(
    db: &impl ConnectionTrait,
    key: Option<&DataKey>,
    entity_id: Uuid,
) -> Result<HashMap<Uuid, Vec<String>>, ServiceError> {
    Ok(read_values(db, &[entity_id], |_| key)
        .await?
        .remove(&entity_id)
        .unwrap_or_default())
}

async fn read_values<'k>(
    db: &impl ConnectionTrait,
    entity_ids: &[Uuid],
    key_for: impl Fn(Uuid) -> Option<&'k DataKey>,
) -> Result<HashMap<Uuid, HashMap<Uuid, Vec<String>>>, ServiceError> {
    let mut out: HashMap<Uuid, HashMap<Uuid, Vec<String>>> = HashMap::new();
    if entity_ids.is_empty() {
        return Ok(out);
    }
    let rows = custom_field_value::Entity::find()
        .filter(custom_field_value::Column::EntityId.is_in(entity_ids.to_vec()))
        .all(db)
        .await?;
    for row in rows {
        let json = match (&row.value_plain, &row.value_sealed, key_for(row.subject_id)) {
            (Some(plain), _, _) => plain.clone(),
            (None, Some(sealed), Some(key)) => key
                .open_string(custom_field_value::VALUE.at(&row.id), sealed)
                .context(format!("custom field value {}", row.id))?,
            _ => continue,
        };
        out.entry(row.entity_id).or_default().insert(
            row.field_id,
            serde_json::from_str(&json).unwrap_or_default(),
        );
    }
    Ok(out)
}

/// Writes custom field values (an empty list removes the value), sealing those of encrypted fields.
pub async fn write_values(
    txn: &impl ConnectionTrait,
    key: &DataKey,
    entity_id: Uuid,
    subject_id: Uuid,
    values: &[(&custom_field::Model, Vec<String>)],
) -> Result<(), ServiceError> {
    for (field, value) in values {
        custom_field_value::Entity::delete_many()
            .filter(custom_field_value::Column::EntityId.eq(entity_id))
            .filter(custom_field_value::Column::FieldId.eq(field.id))
            .exec(txn)
            .await?;
        if value.is_empty() {
            continue;
        }
        let json = serde_json::to_string(value)?;
        let id = Uuid::now_v7();
        let (plain, sealed) = if field.encrypted {
            (
                None,
                Some(key.seal_str(custom_field_value::VALUE.at(&id), &json)),
            )
        } else {
            (Some(json), None)
        };
        custom_field_value::ActiveModel {
            id: Set(id),
            field_id: Set(field.id),
            entity_id: Set(entity_id),
            subject_id: Set(subject_id),
            value_plain: Set(plain),
            value_sealed: Set(sealed),
            updated_at: Set(Utc::now()),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// Every custom field of a scope, archived ones included (admins only).
pub async fn list_defs(
    state: &AppState,
    actor: &Actor,
    scope: FieldScope,
) -> Result<Vec<CustomFieldDef>, ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    custom_field::Entity::find()
        .filter(custom_field::Column::Scope.eq(scope))
        .order_by_asc(custom_field::Column::Archived)
        .order_by_asc(custom_field::Column::Position)
        .order_by_asc(custom_field::Column::CreatedAt)
        .all(&state.db)
        .await?
        .iter()
        .map(def_of)
        .collect()
}

fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').chars().take(48).collect()
}

/// Creates a field, or edits an existing one's label, help text, choices and
/// whether it is required. Type, scope and encryption are fixed at creation, so
/// stored values never change meaning or protection behind anyone's back.
pub async fn save_def(
    state: &AppState,
    actor: &Actor,
    input: CustomFieldInput,
) -> Result<CustomFieldDef, ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    let label = input.label.trim();
    if label.is_empty() || label.chars().count() > 120 {
        return Err(AppError::field(
            "label",
            crate::server::context::tr().server_fields_label_required(),
        )
        .into());
    }
    let help = input.help_text.trim();
    if help.chars().count() > 500 {
        return Err(AppError::field(
            "help_text",
            crate::server::context::tr().server_fields_help_too_long(),
        )
        .into());
    }
    let mut options: Vec<String> = Vec::new();
    for line in input
        .options
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if line.chars().count() > 100 {
            return Err(AppError::field(
                "options",
                crate::server::context::tr().server_fields_choice_too_long(),
            )
            .into());
        }
        if !options.iter().any(|o| o == line) {
            options.push(line.to_owned());
        }
    }
    let txn = audit::begin(&state.db).await?;
    let model = match input.id {
        Some(id) => {
            let existing = custom_field::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let field_type = existing.field_type;
            if field_type.has_options() && options.is_empty() {
                return Err(AppError::field(
                    "options",
                    crate::server::context::tr().server_fields_choices_required(),
                )
                .into());
            }
            let mut event =
                Event::new(AuditAction::CustomFieldChanged, "custom_field", id).by(actor);
            if existing.label != label {
                event = event.setting(Change::changed("label", &existing.label, label));
            }
            if existing.help_text != help {
                event = event.setting(Change::changed("help_text", &existing.help_text, help));
            }
            let options_json = serde_json::to_string(&options).unwrap_or_else(|_| "[]".into());
            if existing.options != options_json {
                event = event.setting(Change::changed("options", &existing.options, &options_json));
            }
            if existing.required != input.required {
                event = event.setting(Change::changed(
                    "required",
                    existing.required.to_string(),
                    input.required.to_string(),
                ));
            }
            let mut active: custom_field::ActiveModel = existing.into();
            active.label = Set(label.to_owned());
            active.help_text = Set(help.to_owned());
            active.options = Set(options_json);
            active.required = Set(input.required);
            let model = active.update(&txn).await?;
            audit::append(&txn, event, None).await?;
            model
        }
        None => {
            let scope = FieldScope::parse(&input.scope).ok_or_else(|| {
                AppError::field("scope", crate::server::context::tr().server_choose_scope())
            })?;
            let field_type = FieldType::parse(&input.field_type).ok_or_else(|| {
                AppError::field(
                    "field_type",
                    crate::server::context::tr().server_fields_choose_type(),
                )
            })?;
            if field_type.has_options() && options.is_empty() {
                return Err(AppError::field(
                    "options",
                    crate::server::context::tr().server_fields_choices_required(),
                )
                .into());
            }
            let key = slug(label);
            if key.is_empty() {
                return Err(AppError::field(
                    "label",
                    crate::server::context::tr().server_fields_label_needs_letter(),
                )
                .into());
            }
            let taken = custom_field::Entity::find()
                .filter(custom_field::Column::Scope.eq(scope))
                .filter(custom_field::Column::Key.eq(key.clone()))
                .count(&txn)
                .await?;
            if taken > 0 {
                return Err(AppError::field(
                    "label",
                    crate::server::context::tr().server_fields_label_taken(),
                )
                .into());
            }
            let position = custom_field::Entity::find()
                .filter(custom_field::Column::Scope.eq(scope))
                .count(&txn)
                .await? as i32;
            let id = Uuid::now_v7();
            let model = custom_field::ActiveModel {
                id: Set(id),
                scope: Set(scope),
                key: Set(key.clone()),
                label: Set(label.to_owned()),
                help_text: Set(help.to_owned()),
                field_type: Set(field_type),
                options: Set(serde_json::to_string(&options).unwrap_or_else(|_| "[]".into())),
                required: Set(input.required),
                encrypted: Set(input.encrypted),
                position: Set(position),
                archived: Set(false),
                created_at: Set(Utc::now()),
            }
            .insert(&txn)
            .await?;
            let event = Event::new(AuditAction::CustomFieldChanged, "custom_field", id)
                .by(actor)
                .setting(Change::set(
                    "created",
                    format!("{} {} ({})", scope.as_str(), key, field_type.as_str()),
                ))
                .setting(Change::set("encrypted", input.encrypted.to_string()));
            audit::append(&txn, event, None).await?;
            model
        }
    };
    txn.commit().await?;
    def_of(&model)
}

/// Moves a field one place up or down among its scope's fields.
pub async fn move_def(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    up: bool,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let field = custom_field::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut all = custom_field::Entity::find()
        .filter(custom_field::Column::Scope.eq(field.scope))
        .order_by_asc(custom_field::Column::Position)
        .order_by_asc(custom_field::Column::CreatedAt)
        .all(&txn)
        .await?;
    let Some(i) = all.iter().position(|f| f.id == id) else {
        return Err(AppError::NotFound.into());
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|j| *j < all.len())
    };
    let Some(j) = j else { return Ok(()) };
    all.swap(i, j);
    for (position, f) in all.into_iter().enumerate() {
        if f.position != position as i32 {
            let mut active: custom_field::ActiveModel = f.into();
            active.position = Set(position as i32);
            active.update(&txn).await?;
        }
    }
    let event = Event::new(AuditAction::CustomFieldChanged, "custom_field", id)
        .by(actor)
        .setting(Change::set("moved", if up { "up" } else { "down" }));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Archives (or restores) a field. Stored values stay; an archived field is not shown or asked for.
pub async fn set_archived(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    archived: bool,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    let txn = audit::begin(&state.db).await?;
    let field = custom_field::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = field.archived;
    let mut active: custom_field::ActiveModel = field.into();
    active.archived = Set(archived);
    active.update(&txn).await?;
    let event = Event::new(AuditAction::CustomFieldChanged, "custom_field", id)
        .by(actor)
        .setting(Change::changed(
            "archived",
            before.to_string(),
            archived.to_string(),
        ));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}

/// The permissions matrix: every standard and active custom field × every role.
pub async fn permissions(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<PermissionRow>, ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    let map = access_map(&state.db).await?;
    let tr = crate::server::context::tr();
    let mut roles: Vec<(RoleRef, String)> = Role::ALL
        .into_iter()
        .map(|r| (RoleRef::BuiltIn(r), r.label(tr).to_owned()))
        .collect();
    roles.extend(
        super::roles::all(&state.db)
            .await?
            .into_iter()
            .filter_map(|r| Some((RoleRef::Custom(r.id?), r.name))),
    );
    let row = |field: String, label: String, scope: FieldScope| PermissionRow {
        access: roles
            .iter()
            .map(|(role, name)| {
                (
                    *role,
                    name.clone(),
                    access(&map, *role, &field, scope),
                    max_access(role.base(), &field, scope),
                )
            })
            .collect(),
        field,
        label,
        scope,
    };
    let mut rows: Vec<PermissionRow> = STANDARD_FIELDS
        .iter()
        .map(|(key, _)| {
            row(
                (*key).to_owned(),
                crate::fields::standard_label(key, crate::server::context::tr()).to_owned(),
                FieldScope::Contact,
            )
        })
        .collect();
    for scope in [FieldScope::Contact, FieldScope::Ticket] {
        for f in active(&state.db, scope).await? {
            let label = if scope == FieldScope::Ticket {
                crate::server::context::tr().server_fields_ticket_label(&f.label)
            } else {
                f.label.clone()
            };
            rows.push(row(custom_key(f.id), label, scope));
        }
    }
    Ok(rows)
}

/// Sets one role's access to one field, within what that field allows.
pub async fn set_permission(
    state: &AppState,
    actor: &Actor,
    role: impl Into<RoleRef>,
    field: &str,
    access_level: Access,
) -> Result<(), ServiceError> {
    policy::require(actor, Action::ManageFields, Target::Nothing)?;
    let role: RoleRef = role.into();
    // Nobody but an admin widens what their own role reads.
    if actor.role != Role::Admin && role == actor.role_ref() {
        return Err(
            AppError::field("role", crate::server::context::tr().teams_own_role_locked()).into(),
        );
    }
    let role_name = match role {
        RoleRef::BuiltIn(r) => r.label(crate::server::context::tr()).to_owned(),
        RoleRef::Custom(id) => {
            super::roles::all(&state.db)
                .await?
                .into_iter()
                .find(|r| r.id == Some(id))
                .ok_or_else(|| {
                    AppError::field("role", crate::server::context::tr().server_unknown_role())
                })?
                .name
        }
    };
    let scope = if STANDARD_FIELDS.iter().any(|(k, _)| *k == field) {
        FieldScope::Contact
    } else {
        let id = field
            .strip_prefix("custom:")
            .and_then(|id| Uuid::parse_str(id).ok())
            .ok_or_else(|| {
                AppError::field(
                    "field",
                    crate::server::context::tr().server_fields_unknown(),
                )
            })?;
        let model = custom_field::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        model.scope
    };
    let max = max_access(role.base(), field, scope);
    if access_level > max {
        let tr = crate::server::context::tr();
        let message = if field == "email" {
            tr.server_fields_email_never_editable().to_owned()
        } else {
            // English reads "Customers can at most read this field."; German
            // and French quote the access level as it is.
            let most = match tr.0 {
                crate::i18n::Lang::En => max.label(tr).to_lowercase(),
                _ => max.label(tr).to_owned(),
            };
            tr.server_fields_access_at_most(role_name, most)
        };
        return Err(AppError::field("access", message).into());
    }
    let txn = audit::begin(&state.db).await?;
    let before = access(&access_map(&txn).await?, role, field, scope);
    match role {
        RoleRef::BuiltIn(role) => {
            field_permission::Entity::insert(field_permission::ActiveModel {
                role: Set(role),
                field: Set(field.to_owned()),
                access: Set(access_level),
            })
            .on_conflict(
                OnConflict::columns([
                    field_permission::Column::Role,
                    field_permission::Column::Field,
                ])
                .update_column(field_permission::Column::Access)
                .to_owned(),
            )
            .exec(&txn)
            .await?;
        }
        RoleRef::Custom(id) => {
            role_field_permission::Entity::insert(role_field_permission::ActiveModel {
                role_id: Set(id),
                field: Set(field.to_owned()),
                access: Set(access_level),
            })
            .on_conflict(
                OnConflict::columns([
                    role_field_permission::Column::RoleId,
                    role_field_permission::Column::Field,
                ])
                .update_column(role_field_permission::Column::Access)
                .to_owned(),
            )
            .exec(&txn)
            .await?;
        }
    }
    let event = Event::new(
        AuditAction::FieldPermissionChanged,
        "field_permission",
        format!("{}:{field}", role.to_form()),
    )
    .by(actor)
    .setting(Change::changed(
        &format!("{} access to {field}", role.to_form()),
        before.as_str(),
        access_level.as_str(),
    ));
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(())
}
