//! One person's archive: data.json (format version 1), CSV files, an HTML
//! page and a README, written in one pass over tickets and messages.
use super::{
    render::{
        self,
        json::{ExportMessage, ExportProfile, ExportTicket, FieldValue},
    },
    spill::Spill,
};
use crate::{
    error::AppError,
    fields::{display_value, FieldScope},
    i18n::Tr,
    model::Role,
    server::{
        crypto::{stream::SealingWriter, DataKey, Slot},
        entities::{custom_field, data_export, message, ticket, user},
        services::{activity, fields as custom, people::people, profile::MailLocale, requests},
        spreadsheet::SafeCsv,
        vault::open_text,
        AppState, ServiceError, Viewer,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{prelude::*, Condition, QueryOrder, QuerySelect};
use std::{
    collections::HashMap,
    io::{BufWriter, Write},
    path::Path,
};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

/// Tickets read per database round trip while building.
const PAGE: u64 = 200;

/// Everything the builder needs about the subject, read once.
struct Subject {
    /// The subject, reading their own data (no session: the export job reads for them).
    viewer: Viewer,
    key: DataKey,
    profile: ExportProfile,
    ticket_defs: Vec<custom_field::Model>,
    /// The subject's language and time zone: the archive is written for them.
    locale: MailLocale,
}

fn open_opt(
    key: &DataKey,
    column: &'static str,
    id: &Uuid,
    sealed: Option<&Vec<u8>>,
) -> Option<String> {
    sealed.and_then(|s| key.open_string(Slot::new(user::TABLE, column, id), s).ok())
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
                field_type: def.field_type.as_str().to_owned(),
                values: vec![display_value(&view, crate::server::context::tr())],
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
    let role = u.role;
    let all_defs = |scope: FieldScope| {
        custom_field::Entity::find()
            .filter(custom_field::Column::Scope.eq(scope))
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
        name: key.open_string(user::NAME.at(&u.id), &u.name).ok(),
        phone: open_opt(&key, "phone", &u.id, u.phone.as_ref()),
        twitter: open_opt(&key, "twitter", &u.id, u.twitter.as_ref()),
        language: open_opt(&key, "language", &u.id, u.language.as_ref()),
        time_zone: open_opt(&key, "time_zone", &u.id, u.time_zone.as_ref()),
        custom_fields: field_values(state, &key, u.id, &contact_defs).await?,
    };
    Ok(Subject {
        viewer: Viewer {
            user_id: u.id,
            role,
            grant: crate::server::services::roles::grant_of(&state.db, &u).await?,
        },
        locale: super::super::profile::mail_locale(&key, &u),
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
    let mut query = ticket::Entity::find().filter(ticket::Column::CustomerId.eq(s.viewer.user_id));
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
    let keys: HashMap<Uuid, DataKey> = [(s.viewer.user_id, s.key.clone())].into_iter().collect();
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
                body: open_text(&keys, s.viewer.user_id, message::BODY.at(&m.id), &m.body),
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
                s.viewer.user_id,
                ticket::SUBJECT.at(&t.id),
                &t.subject,
            ),
            status: t.status.as_str().to_owned(),
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

/// Pages of tickets read (and decrypted) on a thread of their own while the
/// caller formats, compresses and encrypts the previous ones; at most two pages
/// wait in between, so memory stays bounded whatever the number of tickets.
fn read_ahead(
    state: &AppState,
    s: &std::sync::Arc<Subject>,
) -> (
    tokio::sync::mpsc::Receiver<Result<Vec<ExportTicket>, ServiceError>>,
    tokio::task::JoinHandle<()>,
) {
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let (state, s) = (state.clone(), s.clone());
    let runtime = tokio::runtime::Handle::current();
    // A blocking thread, not a task: decrypting pages must not hold a runtime worker.
    // If the builder stops early the receiver is dropped and the reader ends at its next send.
    let reader = tokio::task::spawn_blocking(move || {
        runtime.block_on(async move {
            let mut after = None;
            loop {
                let page = match ticket_page(&state, &s, after).await {
                    Ok(page) if page.is_empty() => return,
                    Ok(page) => page,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                after = page.last().map(|t| (t.created_at, t.id));
                if tx.send(Ok(page)).await.is_err() {
                    return;
                }
            }
        })
    });
    (rx, reader)
}

type Archive = ZipWriter<zip::write::StreamWriter<SealingWriter<BufWriter<std::fs::File>>>>;

fn start(zip: &mut Archive, name: &str) -> Result<(), ServiceError> {
    // Fast compression: the archive is built while its owner watches the bar move.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file(name, options).map_err(ServiceError::from)
}

/// README.txt in the subject's language: what each file holds, and what is
/// left out and why.
fn readme(tr: Tr) -> String {
    let title = tr.export_title();
    let mut out = format!(
        "{title}
{}

{}

",
        "=".repeat(title.chars().count()),
        tr.export_readme_intro()
    );
    for (file, what) in [
        ("data.json", tr.export_readme_data_json()),
        ("profile.csv", tr.export_readme_profile_csv()),
        ("tickets.csv", tr.export_readme_tickets_csv()),
        ("messages.csv", tr.export_readme_messages_csv()),
        ("requests.csv", tr.export_readme_requests_csv()),
        ("activity.csv", tr.export_readme_activity_csv()),
        ("index.html", tr.export_readme_index_html()),
    ] {
        out.push_str(&format!(
            "{file:<14}{}
",
            wrap(what, 62, 14)
        ));
    }
    out.push_str(&format!(
        "
{}

{}
",
        tr.export_readme_csv_note(),
        tr.export_readme_not_included()
    ));
    for item in [
        tr.export_readme_internal_notes(),
        tr.export_readme_other_people(),
        tr.export_readme_password(),
    ] {
        out.push_str(&format!(
            "- {}
",
            wrap(item, 76, 2)
        ));
    }
    out
}

/// Wraps text at `width` columns, indenting continuation lines by `indent`.
fn wrap(text: &str, width: usize, indent: usize) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("there is always a line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join(&format!(
        "
{}",
        " ".repeat(indent)
    ))
}

/// Builds one archive: every pass streams pages of rows into the ZIP, which is
/// written straight into the encrypted file.
pub(super) async fn build(
    state: &AppState,
    export: &data_export::Model,
    tmp: &Path,
) -> Result<u64, ServiceError> {
    let s = std::sync::Arc::new(load_subject(state, export.subject_id).await?);
    let ticket_count = ticket::Entity::find()
        .filter(ticket::Column::CustomerId.eq(s.viewer.user_id))
        .count(&state.db)
        .await?;
    let activity_total = activity::subject_activity(state, s.viewer, 0, 1)
        .await?
        .total_items;
    let mut progress = super::progress::Progress::new(
        &state.db,
        export.id,
        export.lease_until,
        ticket_count + activity_total * 2 + 5,
    );
    let file = std::fs::File::create(tmp)?;
    let sealing = SealingWriter::new(BufWriter::new(file), s.key.clone(), export.id);
    let mut zip: Archive = ZipWriter::new_stream(sealing);
    let requests = requests::of_subject(state, s.viewer).await?;
    // One pass over tickets and messages writes data.json into the archive and the
    // other per-ticket files into spill files, encrypted under the same key.
    let mut tickets_csv = SafeCsv::from_writer(Spill::create(tmp, &s.key, "tickets")?);
    let mut messages_csv = SafeCsv::from_writer(Spill::create(tmp, &s.key, "messages")?);
    let mut html = Spill::create(tmp, &s.key, "html")?;
    let tr = s.locale.tr;
    tickets_csv.write_record(render::csv::tickets_header(tr))?;
    messages_csv.write_record(render::csv::messages_header(tr))?;
    render::html::head(&mut html, &s.profile, &s.locale)?;

    start(&mut zip, "data.json")?;
    render::json::open(&mut zip)?;
    render::json::value_of(&mut zip, &s.profile)?;
    zip.write_all(b",\"tickets\":[")?;
    let mut first = true;
    let (mut pages, reader) = read_ahead(state, &s);
    while let Some(page) = pages.recv().await {
        let page = page?;
        for t in &page {
            render::json::item(&mut zip, &mut first, t)?;
            tickets_csv.write_record(render::csv::ticket(t))?;
            render::html::ticket(&mut html, t, &s.locale)?;
            for m in &t.messages {
                messages_csv.write_record(render::csv::message(t, m))?;
            }
        }
        progress.advance(page.len() as u64).await?;
    }
    // A reader that panicked closed the channel early: never publish a short archive.
    reader.await?;
    zip.write_all(b"],\"privacy_requests\":")?;
    render::json::value_of(&mut zip, &requests)?;
    zip.write_all(b",\"activity\":[")?;
    let mut page_no = 0;
    let mut first = true;
    loop {
        let page = activity::subject_activity(state, s.viewer, page_no, 500).await?;
        for e in &page.items {
            render::json::item(&mut zip, &mut first, e)?;
        }
        progress.advance(page.items.len() as u64).await?;
        page_no += 1;
        if page_no >= page.total_pages || page.items.is_empty() {
            break;
        }
    }
    zip.write_all(b"],\"consents\":[]}")?;

    start(&mut zip, "profile.csv")?;
    {
        let mut csv = SafeCsv::from_writer(&mut zip);
        csv.write_record(render::csv::profile_header(tr))?;
        for row in render::csv::profile(&s.profile) {
            csv.write_record(row)?;
        }
        csv.flush()?;
    }
    start(&mut zip, "tickets.csv")?;
    tickets_csv.into_inner()?.copy_into(&mut zip)?;
    start(&mut zip, "messages.csv")?;
    messages_csv.into_inner()?.copy_into(&mut zip)?;

    start(&mut zip, "requests.csv")?;
    {
        let mut csv = SafeCsv::from_writer(&mut zip);
        csv.write_record(render::csv::requests_header(tr))?;
        for r in &requests {
            for row in render::csv::request(r) {
                csv.write_record(row)?;
            }
        }
        csv.flush()?;
    }

    start(&mut zip, "activity.csv")?;
    {
        let mut csv = SafeCsv::from_writer(&mut zip);
        csv.write_record(render::csv::activity_header(tr))?;
        let mut page_no = 0;
        loop {
            let page = activity::subject_activity(state, s.viewer, page_no, 500).await?;
            for e in &page.items {
                csv.write_record(render::csv::activity(e))?;
            }
            progress.advance(page.items.len() as u64).await?;
            page_no += 1;
            if page_no >= page.total_pages || page.items.is_empty() {
                break;
            }
        }
        csv.flush()?;
    }

    render::html::requests_and_end(&mut html, &requests, &s.locale)?;
    start(&mut zip, "index.html")?;
    html.copy_into(&mut zip)?;

    start(&mut zip, "README.txt")?;
    zip.write_all(readme(tr).as_bytes())?;

    let sealing = zip.finish()?.into_inner();
    let (buffered, size) = sealing.finish()?;
    buffered
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()?;
    Ok(size)
}
