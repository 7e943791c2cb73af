//! "Download my data" (GDPR Art. 15 and 20): an archive of everything held about
//! the subject, built in the background in passes over the database so memory
//! stays bounded, written as a ZIP straight into a file encrypted in chunks under
//! the subject's data key (erasing the subject shreds old archives too), and
//! decrypted only while its owner downloads it.
use super::{activity, fields as custom, people::people, requests};
use crate::{
    error::AppError,
    fields::{display_value, FieldScope},
    model::{ActivityView, AuditAction, ExportView, Role},
    server::{
        audit::{self, Event},
        crypto::{
            stream::{OpeningReader, SealingWriter},
            DataKey, Slot,
        },
        entities::{custom_field, data_export, message, ticket, user},
        policy::{self, Action, Target},
        vault::open_text,
        Actor, AppState, ServiceError,
    },
};
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, Condition, QueryOrder, QuerySelect};
use serde::Serialize;
use std::{
    collections::HashMap,
    io::{BufWriter, Write},
    path::PathBuf,
};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

/// The version of the `data.json` format; see README.txt in the archive.
pub const FORMAT_VERSION: u32 = 1;
/// Tickets read per database round trip while building.
const PAGE: u64 = 200;

fn internal(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Internal(e.to_string())
}

fn file_of(state: &AppState, id: Uuid) -> PathBuf {
    state.exports.dir.join(format!("{id}.zip.enc"))
}

/// Deletes an archive's file and any partial files of its builds. Idempotent.
pub fn delete_files(state: &AppState, id: Uuid) {
    let _ = std::fs::remove_file(file_of(state, id));
    let prefix = format!("{id}.");
    if let Ok(entries) = std::fs::read_dir(&state.exports.dir) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// A build's own temporary file: named after its lease, so two builders never share one.
fn temp_of(state: &AppState, e: &data_export::Model) -> PathBuf {
    state.exports.dir.join(format!(
        "{}.{}.partial",
        e.id,
        e.lease_until.timestamp_micros()
    ))
}

fn view(e: &data_export::Model) -> ExportView {
    ExportView {
        id: e.id,
        status: e.status.clone(),
        progress: e.progress,
        size_bytes: e.size_bytes,
        requested_at: e.requested_at,
        expires_at: e.expires_at,
        download_url: (e.status == "ready").then(|| format!("/exports/{}/download", e.id)),
        all_modules: e.kind == "all",
    }
}

/// The subject asks for an archive. Their password is asked again first.
pub async fn request(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<ExportView, ServiceError> {
    queue(state, actor, password_again, "subject").await
}

/// An admin asks for an export of every module (permission "export all data").
pub async fn request_all(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
) -> Result<ExportView, ServiceError> {
    queue(state, actor, password_again, "all").await
}

async fn queue(
    state: &AppState,
    actor: &Actor,
    password_again: &str,
    kind: &str,
) -> Result<ExportView, ServiceError> {
    let action = if kind == "all" {
        Action::ExportAllData
    } else {
        Action::ExportOwnData
    };
    if !policy::can(actor, action, Target::Nothing) {
        return Err(AppError::Forbidden.into());
    }
    super::accounts::reauthenticate(state, actor, password_again).await?;
    let now = Utc::now();
    let today = data_export::Entity::find()
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .filter(data_export::Column::RequestedAt.gt(now - chrono::Duration::days(1)))
        .count(&state.db)
        .await?;
    if today >= state.exports.per_day {
        return Err(AppError::Conflict {
            message: format!(
                "You can ask for {} copies of your data per day. Please try again tomorrow, or use the one you have.",
                state.exports.per_day
            ),
        }
        .into());
    }
    let id = Uuid::now_v7();
    let txn = audit::begin(&state.db).await?;
    let model = data_export::ActiveModel {
        id: Set(id),
        subject_id: Set(actor.user_id),
        kind: Set(kind.to_owned()),
        status: Set("queued".into()),
        progress: Set(0),
        size_bytes: Set(0),
        requested_at: Set(now),
        ready_at: Set(None),
        expires_at: Set(now + state.exports.ttl),
        lease_until: Set(now),
        error: Set(None),
    }
    .insert(&txn)
    .await?;
    let mut event = Event::new(AuditAction::ExportRequested, "data_export", id)
        .by(actor)
        .about(actor.user_id);
    if kind == "all" {
        event = event.setting(audit::Change::set("scope", "all modules"));
    }
    audit::append(&txn, event, None).await?;
    txn.commit().await?;
    Ok(view(&model))
}

/// The actor's own archives, newest first.
pub async fn mine(state: &AppState, actor: &Actor) -> Result<Vec<ExportView>, ServiceError> {
    Ok(data_export::Entity::find()
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .order_by_desc(data_export::Column::RequestedAt)
        .limit(20)
        .all(&state.db)
        .await?
        .iter()
        .map(view)
        .collect())
}

/// Claims the next archive to build, with a ten-minute lease: several servers
/// never build the same one, and one a crashed server left is built again.
pub async fn claim_next(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<data_export::Model>, ServiceError> {
    let candidates = data_export::Entity::find()
        .filter(data_export::Column::Status.is_in(["queued", "building"]))
        .filter(data_export::Column::LeaseUntil.lte(now))
        .order_by_asc(data_export::Column::RequestedAt)
        .limit(5)
        .all(db)
        .await?;
    for e in candidates {
        let lease = now + chrono::Duration::minutes(10);
        let claimed = data_export::Entity::update_many()
            .col_expr(data_export::Column::Status, Expr::value("building"))
            .col_expr(data_export::Column::LeaseUntil, Expr::value(lease))
            .filter(data_export::Column::Id.eq(e.id))
            .filter(data_export::Column::LeaseUntil.eq(e.lease_until))
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(Some(data_export::Model {
                lease_until: lease,
                status: "building".into(),
                ..e
            }));
        }
    }
    Ok(None)
}

#[derive(Serialize)]
struct FieldValue {
    key: String,
    label: String,
    #[serde(rename = "type")]
    field_type: String,
    values: Vec<String>,
}

#[derive(Serialize)]
struct ExportMessage {
    id: Uuid,
    author: String,
    author_role: Role,
    body: String,
    created_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct ExportTicket {
    id: Uuid,
    subject: String,
    status: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    custom_fields: Vec<FieldValue>,
    messages: Vec<ExportMessage>,
}

#[derive(Serialize)]
struct ExportProfile {
    id: Uuid,
    email: String,
    role: Role,
    created_at: DateTime<Utc>,
    name: Option<String>,
    phone: Option<String>,
    twitter: Option<String>,
    language: Option<String>,
    time_zone: Option<String>,
    custom_fields: Vec<FieldValue>,
}

/// Everything the builder needs about the subject, read once.
struct Subject {
    actor: Actor,
    key: DataKey,
    profile: ExportProfile,
    ticket_defs: Vec<custom_field::Model>,
}

fn open_opt(
    key: &DataKey,
    column: &'static str,
    id: &Uuid,
    sealed: Option<&Vec<u8>>,
) -> Option<String> {
    sealed.and_then(|s| key.open_string(Slot::new("users", column, id), s).ok())
}

async fn field_values(
    state: &AppState,
    key: &DataKey,
    entity: Uuid,
    defs: &[custom_field::Model],
) -> Result<Vec<FieldValue>, ServiceError> {
    let values = custom::values_of(&state.db, Some(key), entity).await?;
    field_values_from(&values, defs)
}

fn field_values_from(
    values: &HashMap<Uuid, Vec<String>>,
    defs: &[custom_field::Model],
) -> Result<Vec<FieldValue>, ServiceError> {
    let mut out = Vec::new();
    for def in defs {
        if let Some(v) = values.get(&def.id) {
            let view = custom::custom_view(def, crate::fields::Access::Read, v.clone())?;
            out.push(FieldValue {
                key: def.key.clone(),
                label: def.label.clone(),
                field_type: def.field_type.clone(),
                values: vec![display_value(&view)],
            });
        }
    }
    Ok(out)
}

async fn load_subject(state: &AppState, subject_id: Uuid) -> Result<Subject, ServiceError> {
    let u = user::Entity::find_by_id(subject_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = state.vault.require_key(u.id).await?;
    let role = Role::parse(&u.role).unwrap_or(Role::Customer);
    let all_defs = |scope: FieldScope| {
        custom_field::Entity::find()
            .filter(custom_field::Column::Scope.eq(scope.as_str()))
            .order_by_asc(custom_field::Column::Position)
            .all(&state.db)
    };
    let contact_defs = all_defs(FieldScope::Contact).await?;
    let ticket_defs = all_defs(FieldScope::Ticket).await?;
    let profile = ExportProfile {
        id: u.id,
        email: u.email.clone(),
        role,
        created_at: u.created_at,
        name: key
            .open_string(Slot::new("users", "name", &u.id), &u.name)
            .ok(),
        phone: open_opt(&key, "phone", &u.id, u.phone.as_ref()),
        twitter: open_opt(&key, "twitter", &u.id, u.twitter.as_ref()),
        language: open_opt(&key, "language", &u.id, u.language.as_ref()),
        time_zone: open_opt(&key, "time_zone", &u.id, u.time_zone.as_ref()),
        custom_fields: field_values(state, &key, u.id, &contact_defs).await?,
    };
    let actor = Actor {
        user_id: u.id,
        role,
        email: u.email,
        session_token_hash: String::new(),
    };
    Ok(Subject {
        actor,
        key,
        profile,
        ticket_defs,
    })
}

/// One page of the subject's tickets (oldest first) with their public conversation.
async fn ticket_page(
    state: &AppState,
    s: &Subject,
    after: Option<(DateTime<Utc>, Uuid)>,
) -> Result<Vec<ExportTicket>, ServiceError> {
    let mut query = ticket::Entity::find().filter(ticket::Column::CustomerId.eq(s.actor.user_id));
    if let Some((at, id)) = after {
        query = query.filter(
            Condition::any().add(ticket::Column::CreatedAt.gt(at)).add(
                Condition::all()
                    .add(ticket::Column::CreatedAt.eq(at))
                    .add(ticket::Column::Id.gt(id)),
            ),
        );
    }
    let rows = query
        .order_by_asc(ticket::Column::CreatedAt)
        .order_by_asc(ticket::Column::Id)
        .limit(PAGE)
        .all(&state.db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    // Internal notes are the help desk's own notes, not the subject's data: left out (README.txt says so).
    let messages = message::Entity::find()
        .filter(message::Column::TicketId.is_in(ids))
        .filter(message::Column::Internal.eq(false))
        .order_by_asc(message::Column::CreatedAt)
        .order_by_asc(message::Column::Id)
        .all(&state.db)
        .await?;
    let authors = people(state, messages.iter().map(|m| m.author_id)).await?;
    let keys: HashMap<Uuid, DataKey> = [(s.actor.user_id, s.key.clone())].into_iter().collect();
    let mut by_ticket: HashMap<Uuid, Vec<ExportMessage>> = HashMap::new();
    for m in messages {
        let author = authors.get(&m.author_id);
        by_ticket
            .entry(m.ticket_id)
            .or_default()
            .push(ExportMessage {
                id: m.id,
                author: author.map(|a| a.name.clone()).unwrap_or_default(),
                author_role: author.map(|a| a.role).unwrap_or(Role::Customer),
                body: open_text(
                    &keys,
                    s.actor.user_id,
                    Slot::new("messages", "body", &m.id),
                    &m.body,
                ),
                created_at: m.created_at,
            });
    }
    let ticket_ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    let values = if s.ticket_defs.is_empty() {
        HashMap::new()
    } else {
        custom::values_of_many(&state.db, Some(&s.key), &ticket_ids).await?
    };
    let mut out = Vec::with_capacity(rows.len());
    for t in rows {
        out.push(ExportTicket {
            id: t.id,
            subject: open_text(
                &keys,
                s.actor.user_id,
                Slot::new("tickets", "subject", &t.id),
                &t.subject,
            ),
            status: t.status.clone(),
            created_at: t.created_at,
            updated_at: t.updated_at,
            custom_fields: field_values_from(
                values.get(&t.id).unwrap_or(&HashMap::new()),
                &s.ticket_defs,
            )?,
            messages: by_ticket.remove(&t.id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Reports progress at most every few percent, so building does not write on every row.
/// Reports progress and renews the build's lease as it goes; a build whose
/// lease another server has taken stops instead of racing it.
pub struct Progress<'a> {
    db: &'a DatabaseConnection,
    id: Uuid,
    lease: DateTime<Utc>,
    total: u64,
    done: u64,
    reported: i32,
}

impl<'a> Progress<'a> {
    pub(super) fn new(
        db: &'a DatabaseConnection,
        id: Uuid,
        lease: DateTime<Utc>,
        total: u64,
    ) -> Self {
        Progress {
            db,
            id,
            lease,
            total,
            done: 0,
            reported: 0,
        }
    }

    pub(super) fn with_total(mut self, total: u64) -> Self {
        self.total = total;
        self
    }

    pub(super) async fn advance(&mut self, n: u64) -> Result<(), ServiceError> {
        self.done += n;
        let pct = ((self.done * 100) / self.total.max(1)).min(99) as i32;
        if pct >= self.reported + 2 {
            self.reported = pct;
            let renewed = Utc::now() + chrono::Duration::minutes(10);
            let updated = data_export::Entity::update_many()
                .col_expr(data_export::Column::Progress, Expr::value(pct))
                .col_expr(data_export::Column::LeaseUntil, Expr::value(renewed))
                .filter(data_export::Column::Id.eq(self.id))
                .filter(data_export::Column::LeaseUntil.eq(self.lease))
                .exec(self.db)
                .await?;
            if updated.rows_affected != 1 {
                return Err(ServiceError::Internal(format!(
                    "export {} was taken over by another worker",
                    self.id
                )));
            }
            self.lease = renewed;
        }
        Ok(())
    }
}

type Archive = ZipWriter<zip::write::StreamWriter<SealingWriter<BufWriter<std::fs::File>>>>;

fn start(zip: &mut Archive, name: &str) -> Result<(), ServiceError> {
    // Fast compression: the archive is built while its owner watches the bar move.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file(name, options).map_err(internal)
}

fn json_line<T: Serialize>(zip: &mut Archive, value: &T) -> Result<(), ServiceError> {
    serde_json::to_writer(&mut *zip, value).map_err(internal)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

const README: &str = "Your data from Custodian
========================

This archive holds the personal data our help desk keeps about you.

data.json     Everything in one structured document (format_version 1):
              subject (your account), profile (your details and contact
              fields), tickets (each with its custom fields and the public
              conversation), privacy_requests (with their history), activity
              (the recorded events about your data), consents (none are kept
              yet). Times are UTC, RFC 3339.
profile.csv   Your details, one row per field.
tickets.csv   One row per ticket.
messages.csv  One row per message of your tickets.
requests.csv  One row per step of your privacy requests.
activity.csv  One row per recorded event about your data.
index.html    The same, readable in a web browser (no internet needed).

What is not included, and why
- Internal notes: notes our agents write to each other on your tickets are the
  help desk's own working notes, not your data, and are left out.
- Other people's personal data, such as other customers mentioned in your
  tickets' history, is not included.
- Your password is stored only as a one-way hash and cannot be exported.
";

/// Builds one archive: every pass streams pages of rows into the ZIP, which is
/// written straight into the encrypted file.
pub async fn build(state: &AppState, export: &data_export::Model) -> Result<(), ServiceError> {
    if export.kind == "all" {
        let key = state.vault.require_key(export.subject_id).await?;
        std::fs::create_dir_all(&state.exports.dir).map_err(internal)?;
        let path = file_of(state, export.id);
        let tmp = temp_of(state, export);
        let file = std::fs::File::create(&tmp).map_err(internal)?;
        let sealing = SealingWriter::new(BufWriter::new(file), key, export.id);
        let sealing = super::admin_export::write_all(
            state,
            Some(Progress::new(&state.db, export.id, export.lease_until, 0)),
            sealing,
        )
        .await?;
        let (buffered, size) = sealing.finish().map_err(internal)?;
        buffered
            .into_inner()
            .map_err(|e| internal(e.error()))?
            .sync_all()
            .map_err(internal)?;
        return finish(state, export.id, &tmp, &path, size).await;
    }
    let s = load_subject(state, export.subject_id).await?;
    let ticket_count = ticket::Entity::find()
        .filter(ticket::Column::CustomerId.eq(s.actor.user_id))
        .count(&state.db)
        .await?;
    let activity_total = activity::activity_page(state, &s.actor, 0, 1)
        .await?
        .total_items;
    let mut progress = Progress::new(
        &state.db,
        export.id,
        export.lease_until,
        ticket_count + activity_total * 2 + 5,
    );
    std::fs::create_dir_all(&state.exports.dir).map_err(internal)?;
    let path = file_of(state, export.id);
    let tmp = temp_of(state, export);
    let file = std::fs::File::create(&tmp).map_err(internal)?;
    let sealing = SealingWriter::new(BufWriter::new(file), s.key.clone(), export.id);
    let mut zip: Archive = ZipWriter::new_stream(sealing);
    let requests = requests::mine(state, &s.actor).await?;
    // One pass over tickets and messages writes data.json into the archive and the
    // other per-ticket files into spill files, encrypted under the same key.
    let mut tickets_csv = csv::Writer::from_writer(Spill::create(&tmp, &s.key, "tickets")?);
    let mut messages_csv = csv::Writer::from_writer(Spill::create(&tmp, &s.key, "messages")?);
    let mut html = Spill::create(&tmp, &s.key, "html")?;
    tickets_csv
        .write_record([
            "id",
            "subject",
            "status",
            "created_at",
            "updated_at",
            "custom_fields",
            "messages",
        ])
        .map_err(internal)?;
    messages_csv
        .write_record([
            "ticket_id",
            "message_id",
            "created_at",
            "author",
            "author_role",
            "body",
        ])
        .map_err(internal)?;
    write_html_head(&mut html, &s.profile)?;

    start(&mut zip, "data.json")?;
    write!(
        zip,
        "{{\"format_version\":{FORMAT_VERSION},\"exported_at\":\"{}\",\"profile\":",
        time(&Utc::now())
    )
    .map_err(internal)?;
    json_line(&mut zip, &s.profile)?;
    zip.write_all(b",\"tickets\":[").map_err(internal)?;
    let mut first = true;
    let mut after = None;
    loop {
        let page = ticket_page(state, &s, after).await?;
        if page.is_empty() {
            break;
        }
        after = page.last().map(|t| (t.created_at, t.id));
        for t in &page {
            if !first {
                zip.write_all(b",").map_err(internal)?;
            }
            first = false;
            json_line(&mut zip, t)?;
            let fields = t
                .custom_fields
                .iter()
                .map(|f| format!("{}: {}", f.label, f.values.join(", ")))
                .collect::<Vec<_>>()
                .join("; ");
            tickets_csv
                .write_record([
                    t.id.to_string(),
                    t.subject.clone(),
                    t.status.clone(),
                    time(&t.created_at),
                    time(&t.updated_at),
                    fields,
                    t.messages.len().to_string(),
                ])
                .map_err(internal)?;
            write!(
                html,
                "<h3>{}</h3><p>{} · opened {}</p>",
                esc(&t.subject),
                esc(&t.status),
                time(&t.created_at)
            )
            .map_err(internal)?;
            for m in &t.messages {
                messages_csv
                    .write_record([
                        t.id.to_string(),
                        m.id.to_string(),
                        time(&m.created_at),
                        m.author.clone(),
                        m.author_role.as_str().to_owned(),
                        m.body.clone(),
                    ])
                    .map_err(internal)?;
                write!(
                    html,
                    "<div class=\"msg\"><strong>{}</strong> · {}<br>{}</div>",
                    esc(&m.author),
                    time(&m.created_at),
                    esc(&m.body)
                )
                .map_err(internal)?;
            }
        }
        progress.advance(page.len() as u64).await?;
    }
    zip.write_all(b"],\"privacy_requests\":")
        .map_err(internal)?;
    json_line(&mut zip, &requests)?;
    zip.write_all(b",\"activity\":[").map_err(internal)?;
    let mut page_no = 0;
    let mut first = true;
    loop {
        let page = activity::activity_page(state, &s.actor, page_no, 500).await?;
        for e in &page.items {
            if !first {
                zip.write_all(b",").map_err(internal)?;
            }
            first = false;
            json_line(&mut zip, e)?;
        }
        progress.advance(page.items.len() as u64).await?;
        page_no += 1;
        if page_no >= page.total_pages || page.items.is_empty() {
            break;
        }
    }
    zip.write_all(b"],\"consents\":[]}").map_err(internal)?;

    start(&mut zip, "profile.csv")?;
    {
        let mut csv = csv::Writer::from_writer(&mut zip);
        csv.write_record(["field", "value"]).map_err(internal)?;
        let p = &s.profile;
        for (field, value) in [
            ("email", Some(p.email.clone())),
            ("name", p.name.clone()),
            ("phone", p.phone.clone()),
            ("twitter", p.twitter.clone()),
            ("language", p.language.clone()),
            ("time_zone", p.time_zone.clone()),
            ("created_at", Some(time(&p.created_at))),
        ] {
            csv.write_record([field, value.as_deref().unwrap_or("")])
                .map_err(internal)?;
        }
        for f in &p.custom_fields {
            csv.write_record([f.label.as_str(), f.values.join(", ").as_str()])
                .map_err(internal)?;
        }
        csv.flush().map_err(internal)?;
    }
    start(&mut zip, "tickets.csv")?;
    tickets_csv
        .into_inner()
        .map_err(|e| internal(e.error()))?
        .copy_into(&mut zip)?;
    start(&mut zip, "messages.csv")?;
    messages_csv
        .into_inner()
        .map_err(|e| internal(e.error()))?
        .copy_into(&mut zip)?;

    start(&mut zip, "requests.csv")?;
    {
        let mut csv = csv::Writer::from_writer(&mut zip);
        csv.write_record([
            "request_id",
            "kind",
            "summary",
            "received_at",
            "due_at",
            "step_at",
            "status",
            "by",
            "note",
        ])
        .map_err(internal)?;
        for r in &requests {
            for step in &r.history {
                csv.write_record([
                    r.id.to_string(),
                    r.kind.clone(),
                    r.summary.clone(),
                    time(&r.received_at),
                    time(&r.due_at),
                    time(&step.at),
                    step.status.as_str().to_owned(),
                    step.by.clone(),
                    step.note.clone().unwrap_or_default(),
                ])
                .map_err(internal)?;
            }
        }
        csv.flush().map_err(internal)?;
    }

    start(&mut zip, "activity.csv")?;
    {
        let mut csv = csv::Writer::from_writer(&mut zip);
        csv.write_record(["at", "who", "action", "entity", "changes"])
            .map_err(internal)?;
        let mut page_no = 0;
        loop {
            let page = activity::activity_page(state, &s.actor, page_no, 500).await?;
            for e in &page.items {
                csv.write_record([
                    time(&e.occurred_at),
                    e.who.clone(),
                    e.action_label.clone(),
                    e.entity_type.clone(),
                    changes_text(e),
                ])
                .map_err(internal)?;
            }
            progress.advance(page.items.len() as u64).await?;
            page_no += 1;
            if page_no >= page.total_pages || page.items.is_empty() {
                break;
            }
        }
        csv.flush().map_err(internal)?;
    }

    write!(html, "<h2>Privacy requests</h2><ul>").map_err(internal)?;
    for r in &requests {
        write!(
            html,
            "<li>{} — {} (received {})</li>",
            esc(&r.summary),
            esc(r.status.label()),
            time(&r.received_at)
        )
        .map_err(internal)?;
    }
    html.write_all(
        b"</ul><p>The full activity log is in activity.csv and data.json.</p></body></html>",
    )
    .map_err(internal)?;
    start(&mut zip, "index.html")?;
    html.copy_into(&mut zip)?;

    start(&mut zip, "README.txt")?;
    zip.write_all(README.as_bytes()).map_err(internal)?;

    let sealing = zip.finish().map_err(internal)?.into_inner();
    let (buffered, size) = sealing.finish().map_err(internal)?;
    buffered
        .into_inner()
        .map_err(|e| internal(e.error()))?
        .sync_all()
        .map_err(internal)?;
    finish(state, export.id, &tmp, &path, size).await
}

/// Publishes a finished archive: marks it ready only if this build still owns it
/// (status `building`), then moves the file into place; a build that lost its
/// export to another worker throws its file away.
async fn finish(
    state: &AppState,
    id: Uuid,
    tmp: &std::path::Path,
    path: &std::path::Path,
    size: u64,
) -> Result<(), ServiceError> {
    if !mark_ready(state, id, size).await? {
        let _ = std::fs::remove_file(tmp);
        return Ok(());
    }
    std::fs::rename(tmp, path).map_err(internal)
}

fn write_html_head(html: &mut Spill, p: &ExportProfile) -> Result<(), ServiceError> {
    write!(
        html,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your data from Custodian</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2b2a}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}}\
         .msg{{border-left:3px solid #1f5f5b;padding:.2rem .8rem;margin:.5rem 0;white-space:pre-wrap}}</style></head><body>\
         <h1>Your data from Custodian</h1><p>Exported {}. See README.txt for what each file holds.</p><h2>Profile</h2><table>",
        time(&Utc::now())
    )
    .map_err(internal)?;
    for (label, value) in [
        ("Email", Some(p.email.clone())),
        ("Name", p.name.clone()),
        ("Phone", p.phone.clone()),
        ("Twitter/X", p.twitter.clone()),
        ("Language", p.language.clone()),
        ("Time zone", p.time_zone.clone()),
    ] {
        write!(
            html,
            "<tr><th>{label}</th><td>{}</td></tr>",
            esc(value.as_deref().unwrap_or(""))
        )
        .map_err(internal)?;
    }
    for f in &p.custom_fields {
        write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            esc(&f.label),
            esc(&f.values.join(", "))
        )
        .map_err(internal)?;
    }
    html.write_all(b"</table><h2>Tickets</h2>")
        .map_err(internal)
}

/// A temporary file for one archive member, written during the single pass and
/// copied into the ZIP afterwards. Encrypted like the archive: personal data
/// never touches the disk in the clear.
struct Spill {
    path: PathBuf,
    key: DataKey,
    file_id: Uuid,
    writer: Option<SealingWriter<BufWriter<std::fs::File>>>,
}

impl Spill {
    fn create(archive: &std::path::Path, key: &DataKey, name: &str) -> Result<Spill, ServiceError> {
        let path = archive.with_extension(format!("spill-{name}"));
        let file_id = Uuid::new_v4();
        let file = std::fs::File::create(&path).map_err(internal)?;
        Ok(Spill {
            path,
            key: key.clone(),
            file_id,
            writer: Some(SealingWriter::new(
                BufWriter::new(file),
                key.clone(),
                file_id,
            )),
        })
    }

    /// Copies the decrypted content into `out` and deletes the spill file.
    fn copy_into(mut self, out: &mut impl Write) -> Result<(), ServiceError> {
        if let Some(w) = self.writer.take() {
            let (buffered, _) = w.finish().map_err(internal)?;
            buffered.into_inner().map_err(|e| internal(e.error()))?;
        }
        let file = std::fs::File::open(&self.path).map_err(internal)?;
        let mut reader = OpeningReader::new(
            std::io::BufReader::new(file),
            self.key.clone(),
            self.file_id,
        );
        while let Some(chunk) = reader.next_chunk().map_err(internal)? {
            out.write_all(&chunk).map_err(internal)?;
        }
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(std::io::Error::other("spill already closed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

async fn mark_ready(state: &AppState, id: Uuid, size: u64) -> Result<bool, ServiceError> {
    let now = Utc::now();
    let updated = data_export::Entity::update_many()
        .col_expr(data_export::Column::Status, Expr::value("ready"))
        .col_expr(data_export::Column::Progress, Expr::value(100))
        .col_expr(data_export::Column::SizeBytes, Expr::value(size as i64))
        .col_expr(data_export::Column::ReadyAt, Expr::value(now))
        .col_expr(
            data_export::Column::ExpiresAt,
            Expr::value(now + state.exports.ttl),
        )
        .filter(data_export::Column::Id.eq(id))
        .filter(data_export::Column::Status.eq("building"))
        .exec(&state.db)
        .await?;
    Ok(updated.rows_affected == 1)
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

/// Marks a build that failed (the reason is a category, never content).
pub async fn fail(state: &AppState, id: Uuid, reason: &str) -> Result<(), ServiceError> {
    if let Ok(entries) = std::fs::read_dir(&state.exports.dir) {
        let prefix = format!("{id}.");
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && !name.ends_with(".zip.enc") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    data_export::Entity::update_many()
        .col_expr(data_export::Column::Status, Expr::value("failed"))
        .col_expr(
            data_export::Column::Error,
            Expr::value(reason.chars().take(200).collect::<String>()),
        )
        .filter(data_export::Column::Id.eq(id))
        .filter(data_export::Column::Status.eq("building"))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Opens the owner's ready archive for download, and audits the download.
/// Anyone else — another customer, staff, a stale link — gets "not found".
pub async fn open_download(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<OpeningReader<std::io::BufReader<std::fs::File>>, ServiceError> {
    let export = data_export::Entity::find_by_id(id)
        .filter(data_export::Column::SubjectId.eq(actor.user_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if export.status == "expired" || export.expires_at < Utc::now() {
        return Err(AppError::Conflict {
            message: "This download has expired. Ask for a new copy of your data.".into(),
        }
        .into());
    }
    if export.kind == "all" && !policy::can(actor, Action::ExportAllData, Target::Nothing) {
        return Err(AppError::NotFound.into());
    }
    if export.status != "ready" {
        return Err(AppError::Conflict {
            message: "This archive is not ready yet.".into(),
        }
        .into());
    }
    let key = state.vault.require_key(actor.user_id).await?;
    let file = std::fs::File::open(file_of(state, id)).map_err(internal)?;
    let txn = audit::begin(&state.db).await?;
    audit::append(
        &txn,
        Event::new(AuditAction::ExportDownloaded, "data_export", id)
            .by(actor)
            .about(actor.user_id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(OpeningReader::new(std::io::BufReader::new(file), key, id))
}

/// Deletes expired archives from disk and marks them expired.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<u64, ServiceError> {
    let expired = data_export::Entity::find()
        .filter(data_export::Column::Status.is_in(["ready", "failed"]))
        .filter(data_export::Column::ExpiresAt.lt(now))
        .all(&state.db)
        .await?;
    for e in &expired {
        let _ = std::fs::remove_file(file_of(state, e.id));
        data_export::Entity::update_many()
            .col_expr(data_export::Column::Status, Expr::value("expired"))
            .filter(data_export::Column::Id.eq(e.id))
            .exec(&state.db)
            .await?;
    }
    Ok(expired.len() as u64)
}
