//! The CSV files: their headers and one record per row.
use super::{
    json::{ExportMessage, ExportProfile, ExportTicket},
    time,
};
use crate::i18n::Tr;
use crate::model::{ActivityView, PrivacyRequestView};

/// The header rows, in the subject's language (`data.json` keeps the stable names).
pub(crate) fn tickets_header(tr: Tr) -> [&'static str; 7] {
    [
        tr.export_col_id(),
        tr.export_col_subject(),
        tr.export_col_status(),
        tr.export_col_created_at(),
        tr.export_col_updated_at(),
        tr.export_col_custom_fields(),
        tr.export_col_messages(),
    ]
}

pub(crate) fn messages_header(tr: Tr) -> [&'static str; 6] {
    [
        tr.export_col_ticket_id(),
        tr.export_col_message_id(),
        tr.export_col_created_at(),
        tr.export_col_author(),
        tr.export_col_author_role(),
        tr.export_col_body(),
    ]
}

pub(crate) fn profile_header(tr: Tr) -> [&'static str; 2] {
    [tr.export_col_field(), tr.export_col_value()]
}

pub(crate) fn requests_header(tr: Tr) -> [&'static str; 9] {
    [
        tr.export_col_request_id(),
        tr.export_col_kind(),
        tr.export_col_summary(),
        tr.export_col_received_at(),
        tr.export_col_due_at(),
        tr.export_col_step_at(),
        tr.export_col_status(),
        tr.export_col_by(),
        tr.export_col_note(),
    ]
}

pub(crate) fn activity_header(tr: Tr) -> [&'static str; 5] {
    [
        tr.export_col_at(),
        tr.export_col_who(),
        tr.export_col_action(),
        tr.export_col_entity(),
        tr.export_col_changes(),
    ]
}

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
