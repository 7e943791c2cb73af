//! How an audit event reads to the person it is about ("Activity on my
//! data", and the activity in their export). The log records what a machine
//! needs: field keys (`ticket_id`, `due_at`), codes (`in_review`), ids, times
//! as text, and no actor for the portal's own work. This turns them into
//! labels, words, links and local times in the reader's language, and says
//! who acted as the reader may know it.
use super::people::Person;
use crate::{
    fields::{standard_label, STANDARD_FIELDS},
    i18n::{format_local, local_time, Tr},
    model::{
        AuditAction, ChangeView, ErasureStep, ExportKind, JobScope, RequestKind, RequestStatus,
        Role, TicketStatus, TicketsPolicy,
    },
    server::{
        audit::Change, entities::audit_event, policy::TicketScope, AppState, ServiceError, Viewer,
    },
};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::prelude::Uuid;
use std::collections::HashMap;

/// The key under which events name the ticket they concern.
const TICKET_ID: &str = "ticket_id";

/// Who did what an event records, as the person it is about may learn it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Doer<'a> {
    /// The reader themselves.
    You,
    /// A member of staff, named with their role.
    Staff(&'a str, Role),
    /// Nobody signed in acted: the portal's own work (mail, erasure steps),
    /// the demo seeding or an operator at the command line.
    HelpDesk,
    /// Someone at the sign-in page (a failed attempt, a reset link asked for).
    NotSignedIn,
    /// Whoever opened a link mailed to the reader (a reset, a confirmation).
    MailedLink,
    /// Another account that is not staff: never named.
    SomeoneElse,
}

impl<'a> Doer<'a> {
    /// Who acted in an event about `reader`: `actor` is the event's actor,
    /// `person` that actor's account if it still exists.
    pub(crate) fn of(
        action: &str,
        actor: Option<Uuid>,
        reader: Uuid,
        person: Option<&'a Person>,
    ) -> Self {
        let action = AuditAction::parse(action);
        match actor {
            // Accounts made by the demo seeding or the command line were once
            // recorded as made by themselves: nobody creates their own account
            // that way (a sign-up is `SignUp`).
            Some(id) if id == reader && action == Some(AuditAction::UserCreated) => Doer::HelpDesk,
            Some(id) if id == reader => Doer::You,
            Some(_) => match person {
                Some(p) if p.role.is_staff() => Doer::Staff(&p.name, p.role),
                _ => Doer::SomeoneElse,
            },
            None => match action {
                Some(
                    AuditAction::SignInFailed
                    | AuditAction::SignInThrottled
                    | AuditAction::SignInRefused
                    | AuditAction::ReauthFailed
                    | AuditAction::PasswordResetRequested,
                ) => Doer::NotSignedIn,
                Some(
                    AuditAction::PasswordReset
                    | AuditAction::EmailConfirmed
                    | AuditAction::EmailChangeCancelled
                    | AuditAction::PrivacyRequestConfirmed,
                ) => Doer::MailedLink,
                _ => Doer::HelpDesk,
            },
        }
    }

    /// On its own, as in the export's "who" column: "You", "The help desk".
    pub(crate) fn who(self, tr: Tr) -> String {
        match self {
            Doer::You => tr.server_activity_you().to_owned(),
            Doer::Staff(name, role) => tr.server_activity_staff(name, role.label(tr)),
            Doer::HelpDesk => tr.activityview_help_desk().to_owned(),
            Doer::NotSignedIn => tr.server_activity_not_signed_in().to_owned(),
            Doer::MailedLink => tr.activityview_mailed_link().to_owned(),
            Doer::SomeoneElse => tr.server_activity_someone_else().to_owned(),
        }
    }

    /// As the phrase after the action: "by you", "by the help desk".
    pub(crate) fn by(self, tr: Tr) -> String {
        match self {
            Doer::You => tr.activityview_by_you().to_owned(),
            Doer::Staff(name, role) => tr.activityview_by_staff(name, role.label(tr)),
            Doer::HelpDesk => tr.activityview_by_help_desk().to_owned(),
            Doer::NotSignedIn => tr.activityview_by_not_signed_in().to_owned(),
            Doer::MailedLink => tr.activityview_by_mailed_link().to_owned(),
            Doer::SomeoneElse => tr.activityview_by_someone_else().to_owned(),
        }
    }
}

/// The name of an action as the person it is about reads it.
pub(crate) fn action_label(action: &str, tr: Tr) -> String {
    match AuditAction::parse(action) {
        // "Account created by an admin" is untrue of seeded accounts and
        // says twice what "by …" says.
        Some(AuditAction::UserCreated) => tr.activityview_account_created().to_owned(),
        Some(a) => a.label(tr).to_owned(),
        None => action.to_owned(),
    }
}

/// The ticket an event concerns, if it names one: in a change, or as the
/// entity it is about.
pub(crate) fn ticket_of(entity_type: &str, entity_id: &str, changes: &[Change]) -> Option<Uuid> {
    changes
        .iter()
        .find(|c| c.field == TICKET_ID)
        .and_then(|c| c.after.as_deref())
        .or((entity_type == "ticket").then_some(entity_id))
        .and_then(|id| Uuid::parse_str(id).ok())
}

/// Events about tickets outside the reader's sharing rule, and internal notes
/// for a reader who may not read them, keep their row (who, when, what kind)
/// but not their recorded values: replaced by `replacement`, or left out.
pub(crate) async fn withhold_unseen(
    db: &impl sea_orm::ConnectionTrait,
    scope: TicketScope,
    internal_notes: bool,
    events: &mut [(audit_event::Model, Vec<Change>)],
    replacement: Option<&str>,
) -> Result<(), ServiceError> {
    if scope == TicketScope::Every && internal_notes {
        return Ok(());
    }
    let ids = events
        .iter()
        .filter_map(|(e, c)| ticket_of(&e.entity_type, &e.entity_id, c));
    let seen = super::tickets::ids_in_scope(db, scope, ids).await?;
    for (e, changes) in events.iter_mut() {
        let unseen =
            ticket_of(&e.entity_type, &e.entity_id, changes).is_some_and(|t| !seen.contains(&t));
        let note = !internal_notes && e.action == AuditAction::InternalNoteAdded.as_str();
        if !(unseen || note) {
            continue;
        }
        match replacement {
            Some(text) => {
                for c in changes.iter_mut() {
                    c.before = c.before.as_ref().map(|_| text.to_owned());
                    c.after = c.after.as_ref().map(|_| text.to_owned());
                }
            }
            None => changes.clear(),
        }
    }
    Ok(())
}

/// What reading an event needs besides the event: the reader's words and
/// time zone, and the subjects of the tickets the reader may open.
pub(crate) struct Reading {
    pub tr: Tr,
    pub time_zone: String,
    pub tickets: HashMap<Uuid, String>,
}

impl Reading {
    /// The reading in the words and time zone of whoever asks, knowing the
    /// subjects of those of `tickets` that `viewer` may open.
    pub(crate) async fn load(
        state: &AppState,
        viewer: &Viewer,
        tickets: impl IntoIterator<Item = Uuid>,
    ) -> Result<Self, ServiceError> {
        let (lang, time_zone) = crate::server::context::locale();
        Ok(Reading {
            tr: Tr(lang),
            time_zone,
            tickets: super::tickets::subjects_seen_by(state, viewer, tickets).await?,
        })
    }

    /// An event's changes in words. An event about a ticket that records no
    /// ticket (its status changed, its fields) gets one first, so the reader
    /// knows which; a ticket's opening names its subject already.
    pub(crate) fn changes(
        &self,
        action: &str,
        entity_type: &str,
        entity_id: &str,
        changes: Vec<Change>,
    ) -> Vec<ChangeView> {
        let mut out = Vec::with_capacity(changes.len() + 1);
        let names_ticket = changes.iter().any(|c| c.field == TICKET_ID);
        if entity_type == "ticket" && !names_ticket && action != AuditAction::TicketCreated.as_str()
        {
            out.push(self.change(entity_type, Change::set(TICKET_ID, entity_id)));
        }
        out.extend(changes.into_iter().map(|c| self.change(entity_type, c)));
        out
    }

    fn change(&self, entity_type: &str, c: Change) -> ChangeView {
        if c.field == TICKET_ID {
            let (after, link) = match c.after.as_deref() {
                Some(id) => {
                    let (text, link) = self.ticket(id);
                    (Some(text), link)
                }
                None => (None, None),
            };
            return ChangeView {
                field: self.label(entity_type, &c.field),
                before: c.before.map(|id| self.ticket(&id).0),
                after,
                link,
            };
        }
        ChangeView {
            field: self.label(entity_type, &c.field),
            before: c.before.map(|v| self.value(&c.field, &v)),
            after: c.after.map(|v| self.value(&c.field, &v)),
            link: None,
        }
    }

    /// A ticket by its subject and a link, if the reader may open it; else a
    /// short form of its id (its random end: the start of a v7 id is a time
    /// and alike for tickets opened together).
    fn ticket(&self, id: &str) -> (String, Option<String>) {
        let Ok(uuid) = Uuid::parse_str(id) else {
            return (id.to_owned(), None);
        };
        match self.tickets.get(&uuid) {
            Some(subject) => (subject.clone(), Some(format!("/tickets/{uuid}"))),
            None => {
                let hex = uuid.simple().to_string();
                (format!("#{}", &hex[hex.len() - 8..]), None)
            }
        }
    }

    /// The label of a recorded field. Changes of profile and ticket fields
    /// are recorded under their labels already and keep them.
    fn label(&self, entity_type: &str, field: &str) -> String {
        let tr = self.tr;
        let label = match field {
            TICKET_ID => tr.activityview_field_ticket(),
            "due_at" => tr.activityview_field_due(),
            "status" => tr.activityview_field_status(),
            "reason" => tr.activityview_field_reason(),
            "kind" => tr.activityview_field_request(),
            "new_email" => tr.activityview_field_new_email(),
            "role" => tr.activityview_field_role(),
            "name" if entity_type == "passkey" => tr.activityview_field_passkey_name(),
            "subject" => tr.fields_label_subject(),
            "message" => tr.fields_label_message(),
            "client" => tr.activityview_field_ip_address(),
            "network" => tr.activityview_field_network(),
            "until" => tr.activityview_field_until(),
            "to" => tr.activityview_field_to(),
            "other_sessions_ended" => tr.activityview_field_other_devices_signed_out(),
            "sessions_ended" => tr.activityview_field_devices_signed_out(),
            "second_factor" => tr.activityview_field_second_factor(),
            "scope" => tr.activityview_field_scope(),
            "pseudonym" => tr.activityview_field_pseudonym(),
            "tickets" => tr.activityview_field_tickets(),
            "deleted" => tr.activityview_field_deleted(),
            "result" => tr.activityview_field_result(),
            "findings" => tr.activityview_field_findings(),
            "recheck" => tr.activityview_field_final_check(),
            key if STANDARD_FIELDS.iter().any(|(k, _)| *k == key) => standard_label(key, tr),
            // An erasure step records what it did under its own name.
            key => match ErasureStep::parse(key) {
                Some(step) => return capitalised(step.label(tr)),
                None => key,
            },
        };
        label.to_owned()
    }

    /// A recorded value in words: codes by their labels, the log's own
    /// English by the reader's words, times in the reader's zone.
    fn value(&self, field: &str, value: &str) -> String {
        let tr = self.tr;
        let coded = match (field, value) {
            ("status", v) => RequestStatus::parse(v)
                .map(|s| s.label(tr))
                .or_else(|| TicketStatus::parse(v).map(|s| s.label(tr))),
            ("role", v) => Role::parse(v).map(|r| r.label(tr)),
            ("kind", v) => RequestKind::parse(v).map(|k| k.label(tr)),
            ("scope", "all modules") => Some(ExportKind::All.label(tr)),
            ("scope", "all modules (command line)") => Some(tr.activityview_scope_command_line()),
            ("scope", v) => JobScope::parse(v).map(|s| s.label(tr)),
            ("tickets", v) => TicketsPolicy::parse(v).map(|p| p.label(tr)),
            ("second_factor", "authenticator app") => Some(tr.activityview_second_factor_app()),
            ("second_factor", "passkey") => Some(tr.activityview_second_factor_passkey()),
            ("second_factor", "recovery code") => {
                Some(tr.activityview_second_factor_recovery_code())
            }
            ("second_factor", "wrong code") => Some(tr.activityview_second_factor_wrong_code()),
            ("second_factor", "passkey not accepted") => {
                Some(tr.activityview_second_factor_passkey_refused())
            }
            ("second_factor", "passkey (no password)") => {
                Some(tr.activityview_second_factor_passkey_alone())
            }
            ("result", "passed") => Some(tr.activityview_result_passed()),
            ("result", "needs attention") => Some(tr.activityview_result_needs_attention()),
            ("recheck", _) => Some(tr.activityview_final_check_again()),
            ("reason", "never confirmed") => Some(tr.activityview_reason_never_confirmed()),
            ("reason", "address confirmed by another account") => {
                Some(tr.activityview_reason_address_taken())
            }
            _ => None,
        };
        if let Some(text) = coded {
            return text.to_owned();
        }
        if field == "deleted" || ErasureStep::parse(field).is_some() {
            if let Some(counts) = self.counts(value) {
                return counts;
            }
        }
        match recorded_time(value) {
            Some(t) => format_local(tr, &local_time(&t, &self.time_zone)),
            None => value.to_owned(),
        }
    }

    /// What an erasure step counted (`{"tickets":1,"messages":3}`), as
    /// "Tickets: 1, Messages: 3"; "Done" when it counted nothing.
    fn counts(&self, value: &str) -> Option<String> {
        let tr = self.tr;
        let serde_json::Value::Object(map) = serde_json::from_str(value).ok()? else {
            return None;
        };
        if map.is_empty() {
            return Some(tr.activityview_done().to_owned());
        }
        let parts: Vec<String> = map
            .iter()
            .map(|(key, v)| {
                let shown = match v {
                    serde_json::Value::Bool(true) => tr.activityview_yes().to_owned(),
                    serde_json::Value::Bool(false) => tr.activityview_no().to_owned(),
                    serde_json::Value::String(s) => TicketsPolicy::parse(s)
                        .map(|p| p.label(tr).to_owned())
                        .unwrap_or_else(|| s.clone()),
                    other => other.to_string(),
                };
                tr.activityview_count(count_label(key, tr), shown)
            })
            .collect();
        Some(parts.join(", "))
    }
}

/// The label of one count an erasure step records.
fn count_label(key: &str, tr: Tr) -> &str {
    match key {
        "destroyed" => tr.activityview_count_destroyed(),
        "tickets_policy" => tr.activityview_count_tickets_policy(),
        "tickets" => tr.activityview_count_tickets(),
        "tickets_deleted" => tr.activityview_count_tickets_deleted(),
        "messages" => tr.activityview_count_messages(),
        "messages_deleted" => tr.activityview_count_messages_deleted(),
        "custom_field_values" => tr.activityview_count_field_values(),
        "mails" => tr.activityview_count_mails(),
        "sign_in_failures" => tr.activityview_count_sign_in_failures(),
        "legal_holds" => tr.activityview_count_legal_holds(),
        "index_rows" => tr.activityview_count_index_rows(),
        "sessions" => tr.activityview_count_sessions(),
        "links" => tr.activityview_count_links(),
        "sent" => tr.activityview_count_sent(),
        "queued" => tr.activityview_count_queued(),
        "notice_rows_removed" => tr.activityview_count_notice_rows(),
        "own" => tr.activityview_count_own_exports(),
        "all_modules" => tr.activityview_count_all_exports(),
        "ok" => tr.activityview_count_ok(),
        other => other,
    }
}

/// A time the log recorded as text: `2026-11-30 14:05 UTC` (as services
/// write deadlines and hold ends) or RFC 3339.
fn recorded_time(value: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M UTC")
        .map(|t| t.and_utc())
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(value)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
}

/// "destroy key" → "Destroy key" (step names are lower case mid-sentence).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn reading(lang: Lang) -> Reading {
        Reading {
            tr: Tr(lang),
            time_zone: "Europe/Berlin".to_owned(),
            tickets: HashMap::new(),
        }
    }

    #[test]
    fn deadlines_read_in_the_readers_zone_and_words() {
        let de = reading(Lang::De);
        let due = de.changes(
            "privacy_request_extended",
            "privacy_request",
            "x",
            vec![Change::changed(
                "due_at",
                "2026-11-30 14:05 UTC",
                "2026-12-30 14:05 UTC",
            )],
        );
        assert_eq!(due[0].field, "Fällig am");
        let after = due[0].after.as_deref().unwrap_or_default();
        assert!(after.contains("15:05"), "{after}");
        assert!(!after.contains("UTC"), "{after}");
    }

    #[test]
    fn erasure_counts_and_codes_read_as_words() {
        let en = reading(Lang::En);
        let deleted = en.changes(
            "ticket_erased",
            "ticket",
            "0192f0e6-3c5e-7a00-8000-00000000abcd",
            vec![Change::set(
                "deleted",
                r#"{"custom_field_values":0,"messages":3,"tickets":1}"#,
            )],
        );
        assert_eq!(deleted[0].field, "Ticket");
        assert_eq!(deleted[0].after.as_deref(), Some("#0000abcd"));
        assert_eq!(deleted[0].link, None);
        assert_eq!(
            deleted[1].after.as_deref(),
            Some("Field values: 0, Messages: 3, Tickets: 1")
        );
        let status = en.changes(
            "privacy_request_decided",
            "privacy_request",
            "x",
            vec![Change::changed("status", "in_review", "approved")],
        );
        assert_eq!(
            (status[0].before.as_deref(), status[0].after.as_deref()),
            (Some("In review"), Some("Approved"))
        );
        assert_eq!(capitalised("destroy key"), "Destroy key");
    }
}
