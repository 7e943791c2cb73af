//! Profile and custom fields: types, access levels and value rules, shared so the
//! forms can hint and the server can enforce (the server always re-checks).
use crate::{error::AppError, i18n::Tr, model::Role, validate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// What kind of value a field holds.
    pub enum FieldType {
        Text = "text",
        LongText = "long_text",
        Number = "number",
        Date = "date",
        SingleChoice = "single_choice",
        MultipleChoice = "multiple_choice",
        Checkbox = "checkbox",
    }
}

impl FieldType {
    pub fn has_options(self) -> bool {
        matches!(self, FieldType::SingleChoice | FieldType::MultipleChoice)
    }
}

vocabulary! {
    /// Where a custom field lives.
    pub enum FieldScope {
        Contact = "contact",
        Ticket = "ticket",
    }
}

vocabulary! {
    /// What a role may do with a field (ordered: hidden < read < edit).
    pub enum Access {
        Hidden = "hidden",
        Read = "read",
        Edit = "edit",
    }
}

/// The standard contact fields, in display order: (key, type); their labels
/// come from `standard_label`.
pub const STANDARD_FIELDS: [(&str, FieldType); 6] = [
    ("email", FieldType::Text),
    ("name", FieldType::Text),
    ("phone", FieldType::Text),
    ("twitter", FieldType::Text),
    ("language", FieldType::SingleChoice),
    ("time_zone", FieldType::SingleChoice),
];

/// A standard contact field's label in a language (the key itself for a key
/// that is not a standard field).
pub fn standard_label(key: &str, tr: Tr) -> &str {
    match key {
        "email" => tr.fields_label_email(),
        "name" => tr.fields_label_name(),
        "phone" => tr.fields_label_phone(),
        "twitter" => tr.fields_label_twitter(),
        "language" => tr.fields_label_language(),
        "time_zone" => tr.fields_label_time_zone(),
        _ => key,
    }
}

/// Languages offered for "preferred language" (BCP 47 code, name).
pub const LANGUAGES: [(&str, &str); 16] = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pt", "Português"),
    ("pl", "Polski"),
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("fi", "Suomi"),
    ("nb", "Norsk bokmål"),
    ("cs", "Čeština"),
    ("el", "Ελληνικά"),
    ("ja", "日本語"),
    ("zh", "中文"),
];

/// IANA time zones offered in the profile.
pub const TIME_ZONES: [&str; 40] = [
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/Stockholm",
    "Europe/Oslo",
    "Europe/Copenhagen",
    "Europe/Helsinki",
    "Europe/Warsaw",
    "Europe/Prague",
    "Europe/Athens",
    "Europe/Bucharest",
    "Europe/Istanbul",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Cairo",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Mexico_City",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Anchorage",
];

/// The permission key of a custom field.
pub fn custom_key(id: Uuid) -> String {
    format!("custom:{id}")
}

/// The access a role has when the admin has not set one.
pub fn default_access(role: Role, field: &str, scope: FieldScope) -> Access {
    match (role, scope) {
        (_, FieldScope::Ticket) => Access::Edit,
        (_, FieldScope::Contact) if field == "email" => Access::Read,
        (Role::Customer, FieldScope::Contact) => Access::Edit,
        (_, FieldScope::Contact) => Access::Read,
    }
}

/// The highest access an admin may grant: nobody edits the email here (it changes
/// only through a confirmed request), and staff do not edit customers' contact fields.
pub fn max_access(role: Role, field: &str, scope: FieldScope) -> Access {
    match (role, scope) {
        (_, FieldScope::Contact) if field == "email" => Access::Read,
        (Role::Customer, _) | (_, FieldScope::Ticket) => Access::Edit,
        (_, FieldScope::Contact) => Access::Read,
    }
}

/// A field as one reader sees it: its definition, its value, and whether they may change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// `name`, `phone`, … or `custom:<uuid>`.
    pub key: String,
    pub label: String,
    pub help_text: String,
    pub field_type: FieldType,
    /// (value, label) pairs for choice fields.
    pub options: Vec<(String, String)>,
    pub required: bool,
    pub encrypted: bool,
    pub editable: bool,
    /// Empty for no value; one entry for most types; several for multiple choice.
    pub values: Vec<String>,
}

/// A submitted value for one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldInput {
    pub key: String,
    pub values: Vec<String>,
}

/// The customer's profile as their role may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Shown read-only; `None` if the role may not even see it.
    pub email: Option<String>,
    pub fields: Vec<FieldView>,
}

/// An admin's view of one custom field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldDef {
    pub id: Uuid,
    pub scope: FieldScope,
    pub key: String,
    pub label: String,
    pub help_text: String,
    pub field_type: FieldType,
    pub options: Vec<String>,
    pub required: bool,
    pub encrypted: bool,
    pub position: i32,
    pub archived: bool,
}

/// The admin's edit of a custom field (new when `id` is `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldInput {
    pub id: Option<Uuid>,
    pub scope: String,
    pub label: String,
    pub help_text: String,
    pub field_type: String,
    /// One choice per line.
    pub options: String,
    pub required: bool,
    pub encrypted: bool,
}

/// One row of the permissions matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionRow {
    pub field: String,
    pub label: String,
    pub scope: FieldScope,
    /// (role, its name, current access, highest access allowed): the
    /// built-in roles, then the custom ones.
    pub access: Vec<(crate::model::RoleRef, String, Access, Access)>,
}

fn plain_text(
    label: &str,
    key: &str,
    value: &str,
    max: usize,
    multiline: bool,
    tr: Tr,
) -> Result<String, AppError> {
    if value.chars().count() > max {
        return Err(AppError::field(key, tr.fields_too_long(label, max)));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Err(AppError::field(key, tr.fields_bad_characters(label)));
    }
    Ok(value.trim().to_owned())
}

/// Checks a value against its field and returns it normalised; problems are
/// told in `tr`'s language.
pub fn check_value(field: &FieldView, values: &[String], tr: Tr) -> Result<Vec<String>, AppError> {
    let key = field.key.as_str();
    let label = field.label.as_str();
    let values: Vec<String> = values
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    let single = || -> Result<Option<&str>, AppError> {
        match values.len() {
            0 => Ok(None),
            1 => Ok(Some(values[0].as_str())),
            _ => Err(AppError::field(key, tr.fields_one_value(label))),
        }
    };
    let out: Vec<String> = match (key, field.field_type) {
        ("name", _) => vec![validate::name(single()?.unwrap_or_default(), tr)?],
        ("phone", _) => validate::phone(single()?.unwrap_or_default(), tr)?
            .into_iter()
            .collect(),
        ("twitter", _) => validate::twitter(single()?.unwrap_or_default(), tr)?
            .into_iter()
            .collect(),
        (_, FieldType::Text) => single()?
            .map(|v| plain_text(label, key, v, 500, false, tr))
            .transpose()?
            .into_iter()
            .collect(),
        (_, FieldType::LongText) => single()?
            .map(|v| plain_text(label, key, v, 5000, true, tr))
            .transpose()?
            .into_iter()
            .collect(),
        (_, FieldType::Number) => match single()? {
            None => vec![],
            Some(v) => match v.parse::<f64>() {
                Ok(n) if n.is_finite() && v.len() <= 40 => vec![v.to_owned()],
                _ => return Err(AppError::field(key, tr.fields_not_a_number(label))),
            },
        },
        (_, FieldType::Date) => match single()? {
            None => vec![],
            Some(v) => match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(_) => vec![v.to_owned()],
                Err(_) => return Err(AppError::field(key, tr.fields_not_a_date(label))),
            },
        },
        (_, FieldType::SingleChoice) => match single()? {
            None => vec![],
            Some(v) if field.options.iter().any(|(o, _)| o == v) => vec![v.to_owned()],
            Some(_) => return Err(AppError::field(key, tr.fields_choose_option(label))),
        },
        (_, FieldType::MultipleChoice) => {
            let mut chosen = Vec::new();
            for v in &values {
                if !field.options.iter().any(|(o, _)| o == v) {
                    return Err(AppError::field(key, tr.fields_not_an_option(v, label)));
                }
                if !chosen.contains(v) {
                    chosen.push(v.clone());
                }
            }
            chosen
        }
        (_, FieldType::Checkbox) => match single()? {
            None | Some("false") => vec![],
            Some("true" | "on") => vec!["true".to_owned()],
            Some(_) => return Err(AppError::field(key, tr.fields_not_a_checkbox(label))),
        },
    };
    if field.required && out.is_empty() {
        return Err(AppError::field(key, tr.fields_required(label)));
    }
    Ok(out)
}

/// A value as people read it: choice labels, joined; a ticked checkbox as "Yes".
pub fn display_value(field: &FieldView, tr: Tr) -> String {
    if field.field_type == FieldType::Checkbox {
        return if field.values.is_empty() {
            tr.fields_no().into()
        } else {
            tr.fields_yes().into()
        };
    }
    field
        .values
        .iter()
        .map(|v| {
            field
                .options
                .iter()
                .find(|(o, _)| o == v)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| v.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(field_type: FieldType, required: bool) -> FieldView {
        FieldView {
            key: "custom:x".into(),
            label: "Thing".into(),
            help_text: String::new(),
            field_type,
            options: vec![("a".into(), "A".into()), ("b".into(), "B".into())],
            required,
            encrypted: false,
            editable: true,
            values: vec![],
        }
    }

    fn check_value_en(field: &FieldView, values: &[String]) -> Result<Vec<String>, AppError> {
        check_value(field, values, Tr(crate::i18n::Lang::En))
    }

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn values_are_checked_per_type() {
        assert_eq!(
            check_value_en(&field(FieldType::Number, false), &v(&["3.5"])).unwrap(),
            v(&["3.5"])
        );
        assert!(check_value_en(&field(FieldType::Number, false), &v(&["three"])).is_err());
        assert!(check_value_en(&field(FieldType::Number, false), &v(&["inf"])).is_err());
        assert!(check_value_en(&field(FieldType::Date, false), &v(&["2026-02-30"])).is_err());
        assert_eq!(
            check_value_en(&field(FieldType::Date, false), &v(&["2026-02-28"])).unwrap(),
            v(&["2026-02-28"])
        );
        assert!(check_value_en(&field(FieldType::SingleChoice, false), &v(&["c"])).is_err());
        assert_eq!(
            check_value_en(
                &field(FieldType::MultipleChoice, false),
                &v(&["b", "a", "b"])
            )
            .unwrap(),
            v(&["b", "a"])
        );
        assert_eq!(
            check_value_en(&field(FieldType::Checkbox, false), &v(&["on"])).unwrap(),
            v(&["true"])
        );
        assert!(check_value_en(&field(FieldType::Checkbox, true), &v(&[])).is_err());
        assert!(check_value_en(&field(FieldType::Text, true), &v(&["  "])).is_err());
        assert!(check_value_en(&field(FieldType::Text, false), &v(&["a", "b"])).is_err());
        assert!(check_value_en(&field(FieldType::LongText, false), &v(&["line\nline"])).is_ok());
        assert!(check_value_en(&field(FieldType::Text, false), &v(&["line\nline"])).is_err());
    }

    #[test]
    fn nobody_may_be_granted_email_edit_and_staff_never_edit_contacts() {
        for role in Role::ALL {
            assert_eq!(max_access(role, "email", FieldScope::Contact), Access::Read);
            assert!(
                default_access(role, "email", FieldScope::Contact)
                    <= max_access(role, "email", FieldScope::Contact)
            );
        }
        assert_eq!(
            max_access(Role::Agent, "phone", FieldScope::Contact),
            Access::Read
        );
        assert_eq!(
            max_access(Role::Agent, "custom:x", FieldScope::Ticket),
            Access::Edit
        );
        assert_eq!(
            default_access(Role::Customer, "phone", FieldScope::Contact),
            Access::Edit
        );
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any values for any kind of field: accepted and normalised, or
        /// refused on the field's own key — never a panic. What is accepted
        /// is accepted again as it was stored (the check is stable).
        #[test]
        fn any_value_is_accepted_stably_or_refused_on_its_field(
            kind in 0..FieldType::ALL.len(),
            key in prop::sample::select(vec!["custom:x", "name", "phone", "twitter"]),
            required in any::<bool>(),
            values in proptest::collection::vec("(\\PC|[\\x00-\\x1f]){0,40}|-?[0-9]{1,45}(\\.[0-9]{1,5})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|a|b|true", 0..4),
        ) {
            let mut f = field(FieldType::ALL[kind], required);
            f.key = key.to_owned();
            match check_value_en(&f, &values) {
                Ok(stored) => {
                    prop_assert_eq!(check_value_en(&f, &stored).unwrap(), stored.clone());
                    for v in &stored {
                        prop_assert_eq!(v.trim(), v.as_str());
                    }
                }
                Err(AppError::Validation { field, message }) => {
                    prop_assert_eq!(field, key);
                    prop_assert!(!message.is_empty());
                }
                Err(other) => prop_assert!(false, "not a field error: {other:?}"),
            }
        }
    }
}
