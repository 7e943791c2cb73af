//! How an audit event reads on the admin's audit log. The customer's reading
//! (`activity_reading`) already turns field keys, codes, erasure counts and
//! times into words; the admin also reads what only the help desk records
//! (settings, keys, custom fields, field permissions), and each event's
//! entity by a name and a link to its page instead of an id.
use super::activity_reading::{ticket_of, Reading};
use super::people::Person;
use crate::{
    fields::{standard_label, Access},
    i18n::Tr,
    model::{ChangeView, Permissions, RoleRef, Sharing, TicketsPolicy},
    server::{
        audit::Change,
        entities::{audit_event, custom_field, erasure_job, privacy_request, role, team},
        AppState, ServiceError, Viewer,
    },
};
use sea_orm::{prelude::*, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The setting keys the admin changes (they name the setting's change too).
const ERASED_TICKETS: &str = super::erasure::ERASED_TICKETS;
const REQUIRE_FOR_STAFF: &str = super::second_factors::REQUIRE_FOR_STAFF;

/// An event's entity as the page shows it beside its type and id.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct EntityRef {
    /// What people call it, when nothing else on the row names it.
    pub name: Option<String>,
    /// Its page, when it has one and it still exists.
    pub href: Option<String>,
}

/// What reading one page of the log needs besides the events, fetched for
/// the whole page at once: ticket subjects (the customer's `Reading`), which
/// requests still exist, erasure jobs' requests and tickets, field labels.
pub(crate) struct LogReading {
    reading: Reading,
    requests: HashSet<Uuid>,
    /// Erasure job → (its request, its ticket).
    jobs: HashMap<Uuid, (Option<Uuid>, Option<Uuid>)>,
    /// Custom field → its label.
    fields: HashMap<Uuid, String>,
    /// Custom roles and teams → their names (few: all of them).
    roles: HashMap<Uuid, String>,
    teams: HashMap<Uuid, String>,
}

impl LogReading {
    /// Loads what `events` (with their opened changes) name, in the words
    /// and time zone of whoever is reading.
    pub(crate) async fn load(
        state: &AppState,
        viewer: &Viewer,
        events: &[(audit_event::Model, Vec<Change>)],
    ) -> Result<Self, ServiceError> {
        let ids = |kind: &str| -> Vec<Uuid> {
            events
                .iter()
                .filter(|(e, _)| e.entity_type == kind)
                .filter_map(|(e, _)| Uuid::parse_str(&e.entity_id).ok())
                .collect()
        };
        let jobs: HashMap<Uuid, (Option<Uuid>, Option<Uuid>)> = match ids("erasure_job") {
            ids if ids.is_empty() => HashMap::new(),
            ids => erasure_job::Entity::find()
                .select_only()
                .column(erasure_job::Column::Id)
                .column(erasure_job::Column::RequestId)
                .column(erasure_job::Column::TicketId)
                .filter(erasure_job::Column::Id.is_in(ids))
                .into_tuple::<(Uuid, Option<Uuid>, Option<Uuid>)>()
                .all(&state.db)
                .await?
                .into_iter()
                .map(|(id, request, ticket)| (id, (request, ticket)))
                .collect(),
        };
        let tickets = events
            .iter()
            .filter_map(|(e, changes)| ticket_of(&e.entity_type, &e.entity_id, changes))
            .chain(jobs.values().filter_map(|(_, ticket)| *ticket));
        let (lang, time_zone) = crate::server::context::locale();
        let reading = Reading {
            tr: Tr(lang),
            time_zone,
            tickets: super::tickets::subjects_seen_by(state, viewer, tickets).await?,
        };
        let request_ids: Vec<Uuid> = ids("privacy_request")
            .into_iter()
            .chain(jobs.values().filter_map(|(request, _)| *request))
            .collect();
        let requests: HashSet<Uuid> = if request_ids.is_empty() {
            HashSet::new()
        } else {
            privacy_request::Entity::find()
                .select_only()
                .column(privacy_request::Column::Id)
                .filter(privacy_request::Column::Id.is_in(request_ids))
                .into_tuple::<Uuid>()
                .all(&state.db)
                .await?
                .into_iter()
                .collect()
        };
        // Fields are named by their own events and by permissions on them (`agent:custom:<id>`).
        let field_ids: Vec<Uuid> = ids("custom_field")
            .into_iter()
            .chain(
                events
                    .iter()
                    .filter(|(e, _)| e.entity_type == "field_permission")
                    .filter_map(|(e, _)| permission_of(&e.entity_id))
                    .filter_map(|(_, field)| custom_field_id(field)),
            )
            .collect();
        let fields: HashMap<Uuid, String> = if field_ids.is_empty() {
            HashMap::new()
        } else {
            custom_field::Entity::find()
                .select_only()
                .column(custom_field::Column::Id)
                .column(custom_field::Column::Label)
                .filter(custom_field::Column::Id.is_in(field_ids))
                .into_tuple::<(Uuid, String)>()
                .all(&state.db)
                .await?
                .into_iter()
                .collect()
        };
        let roles = role::Entity::find()
            .all(&state.db)
            .await?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let teams = team::Entity::find()
            .all(&state.db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect();
        Ok(LogReading {
            reading,
            requests,
            jobs,
            fields,
            roles,
            teams,
        })
    }

    /// The reader's words.
    pub(crate) fn tr(&self) -> Tr {
        self.reading.tr
    }

    /// An event's entity: its page, and a name when the row has no other
    /// (a person other than the subject, a custom field). Tickets are named
    /// by the changes, which the customer's reading leads with the ticket.
    pub(crate) fn entity(
        &self,
        e: &audit_event::Model,
        changes: &[Change],
        people: &HashMap<Uuid, Person>,
    ) -> EntityRef {
        let id = Uuid::parse_str(&e.entity_id).ok();
        let ticket = |t: Uuid| {
            self.reading
                .tickets
                .contains_key(&t)
                .then(|| format!("/tickets/{t}"))
        };
        let request = |r: Uuid| self.requests.contains(&r).then(|| format!("/requests/{r}"));
        let href = match (e.entity_type.as_str(), id) {
            ("ticket" | "message", _) => {
                ticket_of(&e.entity_type, &e.entity_id, changes).and_then(ticket)
            }
            ("privacy_request", Some(id)) => request(id),
            ("erasure_job", Some(id)) => match self.jobs.get(&id) {
                Some((request_id, ticket_id)) => request_id
                    .and_then(request)
                    .or_else(|| ticket_id.and_then(ticket)),
                None => None,
            },
            ("custom_field", _) => Some("/admin/fields".to_owned()),
            ("field_permission", _) => Some("/admin/permissions".to_owned()),
            ("master_key", _) => Some("/admin/keys".to_owned()),
            ("setting", _) if e.entity_id == ERASED_TICKETS => Some("/admin/privacy".to_owned()),
            ("setting", _) if e.entity_id == crate::server::services::retention::POLICY => {
                Some("/admin/retention".to_owned())
            }
            ("retention", _) => Some("/admin/retention".to_owned()),
            _ => None,
        };
        let name = match (e.entity_type.as_str(), id) {
            ("user" | "session", Some(id)) if e.subject_id != Some(id) => {
                people.get(&id).map(|p| p.name.clone())
            }
            ("custom_field", Some(id)) => self.fields.get(&id).cloned(),
            _ => None,
        };
        EntityRef { name, href }
    }

    /// An event's changes in words: the customer's reading, then what only
    /// the admin's log records.
    pub(crate) fn changes(&self, e: &audit_event::Model, changes: Vec<Change>) -> Vec<ChangeView> {
        let tr = self.tr();
        let permission = (e.entity_type == "field_permission")
            .then(|| permission_of(&e.entity_id))
            .flatten()
            .map(|(role, field)| {
                tr.auditview_field_access(self.role_name(role), self.field_label(field))
            });
        self.reading
            .changes(&e.action, &e.entity_type, &e.entity_id, changes)
            .into_iter()
            .map(|view| match &permission {
                // Recorded as "agent access to custom:<id>", in English.
                Some(label) => ChangeView {
                    field: label.clone(),
                    before: view.before.map(|v| access(tr, v)),
                    after: view.after.map(|v| access(tr, v)),
                    link: view.link,
                },
                None => self.staffing(view).unwrap_or_else(|view| settle(tr, view)),
            })
            .collect()
    }

    /// A role by its recorded form: `agent`, `admin` or `role:<id>` (its name now).
    fn role_name(&self, recorded: &str) -> String {
        let tr = self.tr();
        match RoleRef::parse_form(recorded) {
            Some(RoleRef::BuiltIn(role)) => role.label(tr).to_owned(),
            Some(RoleRef::Custom(id)) => self
                .roles
                .get(&id)
                .cloned()
                .unwrap_or_else(|| tr.auditview_deleted_role().to_owned()),
            None => recorded.to_owned(),
        }
    }

    /// The changes of roles, teams and assignments, in words: permissions and
    /// sharing rules by their labels, roles and teams by their names.
    fn staffing(&self, view: ChangeView) -> Result<ChangeView, ChangeView> {
        let tr = self.tr();
        let (label, value): (&str, Box<dyn Fn(String) -> String + '_>) = match view.field.as_str() {
            "permissions" => (
                tr.auditview_field_permissions(),
                Box::new(move |v: String| match Permissions::parse_stored(&v) {
                    Ok(set) => set
                        .iter()
                        .map(|p| p.label(tr))
                        .collect::<Vec<_>>()
                        .join(", "),
                    Err(_) => v,
                }),
            ),
            "sharing" => (
                tr.auditview_field_sharing(),
                Box::new(move |v: String| Sharing::parse(&v).map_or(v, |s| s.label(tr).to_owned())),
            ),
            "role" => (
                tr.activityview_field_role(),
                Box::new(|v: String| self.role_name(&v)),
            ),
            "team" => (
                tr.tickets_team(),
                Box::new(|v: String| {
                    Uuid::parse_str(&v)
                        .ok()
                        .and_then(|id| self.teams.get(&id).cloned())
                        .unwrap_or(v)
                }),
            ),
            "assignee" => (tr.tickets_assignee(), Box::new(|v: String| v)),
            "member_added" => (tr.auditview_field_member_added(), Box::new(|v: String| v)),
            "member_removed" => (tr.auditview_field_member_removed(), Box::new(|v: String| v)),
            _ => return Err(view),
        };
        Ok(ChangeView {
            field: label.to_owned(),
            before: view.before.map(&value),
            after: view.after.map(&value),
            link: view.link,
        })
    }

    /// A field by its key: a standard field's label, a custom field's own.
    fn field_label(&self, key: &str) -> String {
        match custom_field_id(key) {
            Some(id) => self
                .fields
                .get(&id)
                .cloned()
                .unwrap_or_else(|| key.to_owned()),
            None => standard_label(key, self.tr()).to_owned(),
        }
    }
}

/// A field permission's role and field key, from its id `agent:phone` or
/// `role:<uuid>:custom:<uuid>` (a custom role's).
fn permission_of(entity_id: &str) -> Option<(&str, &str)> {
    if let Some(rest) = entity_id.strip_prefix("role:") {
        let (id, field) = rest.split_once(':')?;
        return Some((&entity_id[..5 + id.len()], field));
    }
    entity_id.split_once(':')
}

fn custom_field_id(key: &str) -> Option<Uuid> {
    key.strip_prefix("custom:")
        .and_then(|id| Uuid::parse_str(id).ok())
}

fn access(tr: Tr, value: String) -> String {
    Access::parse(&value).map_or(value, |a| a.label(tr).to_owned())
}

/// A change the customer's reading left as recorded (its field still a
/// stored key such as `data_keys_rewrapped`): a label, or the key in words;
/// flags, codes and JSON in words. A change it labelled is left alone.
fn settle(tr: Tr, view: ChangeView) -> ChangeView {
    if !is_key(&view.field) {
        return view;
    }
    let key = view.field;
    ChangeView {
        field: key_label(tr, &key).map_or_else(|| humanise(&key), str::to_owned),
        before: view.before.map(|v| key_value(tr, &key, v)),
        after: view.after.map(|v| key_value(tr, &key, v)),
        link: view.link,
    }
}

/// A stored key (`help_text`, `erasure.tickets`), not a label people wrote.
fn is_key(field: &str) -> bool {
    !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
}

/// The labels of what only the admin's log records.
fn key_label(tr: Tr, key: &str) -> Option<&'static str> {
    Some(match key {
        "current_key" => tr.auditview_field_current_key(),
        "data_keys_rewrapped" => tr.auditview_field_data_keys_rewrapped(),
        "old_keys_removed" => tr.auditview_field_old_keys_removed(),
        "created" => tr.auditview_field_created(),
        "encrypted" => tr.auditview_field_encrypted(),
        "moved" => tr.auditview_field_moved(),
        "label" => tr.auditview_field_label(),
        "help_text" => tr.auditview_field_help_text(),
        "options" => tr.auditview_field_options(),
        "required" => tr.auditview_field_required(),
        "archived" => tr.auditview_field_archived(),
        ERASED_TICKETS => tr.auditview_field_erased_tickets(),
        REQUIRE_FOR_STAFF => tr.auditview_field_staff_two_factor(),
        _ => return None,
    })
}

fn key_value(tr: Tr, key: &str, value: String) -> String {
    let coded = match (key, value.as_str()) {
        (ERASED_TICKETS, v) => TicketsPolicy::parse(v).map(|p| p.label(tr)),
        ("moved", "up") => Some(tr.auditview_moved_up()),
        ("moved", "down") => Some(tr.auditview_moved_down()),
        (_, "true") => Some(tr.auditview_yes()),
        (_, "false") => Some(tr.auditview_no()),
        _ => None,
    };
    match coded {
        Some(text) => text.to_owned(),
        None => json_words(tr, &value).unwrap_or(value),
    }
}

/// A JSON record or list, stored as text, in labelled words:
/// `{"rows_left":0,"tickets":3}` reads "Rows left: 0 · Tickets: 3",
/// `["Gold","Silver"]` reads "Gold, Silver". Anything else is not JSON here.
fn json_words(tr: Tr, value: &str) -> Option<String> {
    if !matches!(value.trim_start().chars().next(), Some('{' | '[')) {
        return None;
    }
    match serde_json::from_str::<serde_json::Value>(value).ok()? {
        v @ (serde_json::Value::Object(_) | serde_json::Value::Array(_)) => Some(words(tr, &v)),
        _ => None,
    }
}

fn words(tr: Tr, value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => tr.auditview_yes().to_owned(),
        Value::Bool(false) => tr.auditview_no().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|v| words(tr, v))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) if map.is_empty() => "—".to_owned(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| tr.auditview_labelled(humanise(k), words(tr, v)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// A key without a label, in words: `custom_field_values` → "Custom field values".
fn humanise(key: &str) -> String {
    let words = key.replace(['_', '.'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn change(field: &str, before: Option<&str>, after: &str) -> ChangeView {
        ChangeView {
            field: field.to_owned(),
            before: before.map(str::to_owned),
            after: Some(after.to_owned()),
            link: None,
        }
    }

    #[test]
    fn field_permission_ids_name_built_in_and_custom_roles() {
        assert_eq!(permission_of("agent:phone"), Some(("agent", "phone")));
        let id = "0192f0e6-3c5e-7a00-8000-00000000abcd";
        let recorded = format!("role:{id}:custom:{id}");
        assert_eq!(
            permission_of(&recorded),
            Some((
                format!("role:{id}").as_str(),
                format!("custom:{id}").as_str()
            ))
        );
    }

    #[test]
    fn json_records_and_lists_read_as_labelled_values() {
        let en = Tr(Lang::En);
        assert_eq!(
            json_words(en, r#"{"messages":12,"tickets":3}"#).as_deref(),
            Some("Messages: 12 · Tickets: 3")
        );
        assert_eq!(
            json_words(
                en,
                r#"{"destroyed":true,"ids":["a","b"],"inner":{"rows_left":0}}"#
            )
            .as_deref(),
            Some("Destroyed: Yes · Ids: a, b · Inner: Rows left: 0")
        );
        assert_eq!(json_words(en, "{}").as_deref(), Some("—"));
        assert_eq!(
            json_words(en, r#"["Gold","Silver"]"#).as_deref(),
            Some("Gold, Silver")
        );
        assert_eq!(
            json_words(Tr(Lang::Fr), r#"{"sent":false}"#).as_deref(),
            Some("Sent : Non")
        );
        // Text that only looks like JSON, and JSON that is not a record, stay as they are.
        for text in ["[draft] subject", "{not json", "42", "\"quoted\"", ""] {
            assert_eq!(json_words(en, text), None, "{text}");
        }
    }

    #[test]
    fn stored_keys_get_labels_or_words_and_labels_stay() {
        let de = Tr(Lang::De);
        let options = settle(
            de,
            change("options", Some(r#"["Gold"]"#), r#"["Gold","Silber"]"#),
        );
        assert_eq!(options.field, de.auditview_field_options());
        assert_eq!(options.before.as_deref(), Some("Gold"));
        assert_eq!(options.after.as_deref(), Some("Gold, Silber"));
        let policy = settle(de, change(ERASED_TICKETS, None, "delete"));
        assert_eq!(policy.field, de.auditview_field_erased_tickets());
        assert_eq!(
            policy.after.as_deref(),
            Some(TicketsPolicy::Delete.label(de))
        );
        let flag = settle(de, change("encrypted", None, "true"));
        assert_eq!(flag.after.as_deref(), Some(de.auditview_yes()));
        let unknown = settle(de, change("rows_left_over", None, "3"));
        assert_eq!(unknown.field, "Rows left over");
        // A label someone wrote (a custom field's) keeps its words and values.
        let labelled = settle(de, change("Kundennummer", None, "[1]"));
        assert_eq!(labelled, change("Kundennummer", None, "[1]"));
        assert_eq!(humanise("erasure.tickets"), "Erasure tickets");
    }
}
