//! The CSV files: their headers and one record per row.
use super::{
    json::{ExportMessage, ExportProfile, ExportTicket},
    time,
};
use crate::model::{ActivityView, PrivacyRequestView};

pub(crate) const TICKETS: [&str; 7] = [
    "id",
    "subject",
    "status",
    "created_at",
    "updated_at",
    "custom_fields",
    "messages",
];
pub(crate) const MESSAGES: [&str; 6] = [
    "ticket_id",
    "message_id",
    "created_at",
    "author",
    "author_role",
    "body",
];
pub(crate) const PROFILE: [&str; 2] = ["field", "value"];
pub(crate) const REQUESTS: [&str; 9] = [
    "request_id",
    "kind",
    "summary",
    "received_at",
    "due_at",
    "step_at",
    "status",
    "by",
    "note",
];
pub(crate) const ACTIVITY: [&str; 5] = ["at", "who", "action", "entity", "changes"];

pub(crate) fn ticket(t: &ExportTicket) -> [String; 7] {
    let fields = t
        .custom_fields
        .iter()
        .map(|f| format!("{}: {}", f.label, f.values.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    [
        t.id.to_string(),
        t.subject.clone(),
        t.status.clone(),
        time(&t.created_at),
        time(&t.updated_at),
        fields,
        t.messages.len().to_string(),
    ]
}

pub(crate) fn message(t: &ExportTicket, m: &ExportMessage) -> [String; 6] {
    [
        t.id.to_string(),
        m.id.to_string(),
        time(&m.created_at),
        m.author.clone(),
        m.author_role.as_str().to_owned(),
        m.body.clone(),
    ]
}

/// One row per standard field, then one per custom field.
pub(crate) fn profile(p: &ExportProfile) -> Vec<[String; 2]> {
    let mut rows: Vec<[String; 2]> = [
        ("email", Some(p.email.clone())),
        ("name", p.name.clone()),
        ("phone", p.phone.clone()),
        ("twitter", p.twitter.clone()),
        ("language", p.language.clone()),
        ("time_zone", p.time_zone.clone()),
        ("created_at", Some(time(&p.created_at))),
    ]
    .into_iter()
    .map(|(field, value)| [field.to_owned(), value.unwrap_or_default()])
    .collect();
    rows.extend(
        p.custom_fields
            .iter()
            .map(|f| [f.label.clone(), f.values.join(", ")]),
    );
    rows
}

/// One row per step of the request.
pub(crate) fn request(r: &PrivacyRequestView) -> Vec<[String; 9]> {
    r.history
        .iter()
        .map(|step| {
            [
                r.id.to_string(),
                r.kind.as_str().to_owned(),
                r.summary.clone(),
                time(&r.received_at),
                time(&r.due_at),
                time(&step.at),
                step.status.as_str().to_owned(),
                step.by.clone(),
                step.note.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

pub(crate) fn activity(e: &ActivityView) -> [String; 5] {
    [
        time(&e.occurred_at),
        e.who.clone(),
        e.action_label.clone(),
        e.entity_type.clone(),
        changes_text(e),
    ]
}

fn changes_text(e: &ActivityView) -> String {
    e.changes
        .iter()
        .map(|c| {
            format!(
                "{}: {} → {}",
                c.field,
                c.before.clone().unwrap_or_default(),
                c.after.clone().unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
