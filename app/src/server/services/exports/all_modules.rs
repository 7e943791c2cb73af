//! "Portability: administrators can export service data for every module":
//! one ZIP with a CSV and a JSON Lines file per module, written page by page.
//! Personal values are decrypted only where the admin's field permissions let
//! them read the field; otherwise the column is there and says `[withheld]`.
use super::progress::Progress;
use crate::{
    fields::{custom_key, Access, FieldScope},
    model::{Role, RoleRef},
    server::{
        audit::open_changes,
        crypto::{stream::SealingWriter, DataKey, Slot},
        entities::{
            audit_event, custom_field, data_export, message, privacy_request, team, team_member,
            ticket, user,
        },
        policy::{self, TicketScope},
        services::{fields as custom, tickets},
        vault::open_text,
        AppState, ServiceError, Viewer,
    },
};
use chrono::SecondsFormat;
use sea_orm::{prelude::*, QueryOrder, QuerySelect, QueryTrait};
use std::{
    collections::HashMap,
    io::{BufWriter, Write},
};
use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

pub use crate::server::services::fields::WITHHELD;

const PAGE: u64 = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Module {
    Contacts,
    Agents,
    Tickets,
    Messages,
    Teams,
    CustomFields,
    PrivacyRequests,
    AuditLog,
}

const MODULES: [Module; 8] = [
    Module::Contacts,
    Module::Agents,
    Module::Tickets,
    Module::Messages,
    Module::Teams,
    Module::CustomFields,
    Module::PrivacyRequests,
    Module::AuditLog,
];

impl Module {
    fn name(self) -> &'static str {
        match self {
            Module::Contacts => "contacts",
            Module::Agents => "agents",
            Module::Tickets => "tickets",
            Module::Messages => "messages",
            Module::Teams => "teams",
            Module::CustomFields => "custom_fields",
            Module::PrivacyRequests => "privacy_requests",
            Module::AuditLog => "audit_log",
        }
    }
}

fn time(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// What the export needs to decide, once: field definitions and the admin's access.
struct Context {
    contact_defs: Vec<custom_field::Model>,
    ticket_defs: Vec<custom_field::Model>,
    /// Archived ones included: their values live on in the audit log.
    all_contact_defs: Vec<custom_field::Model>,
    all_ticket_defs: Vec<custom_field::Model>,
    access: custom::AccessMap,
    /// Whose export: the tickets their sharing rule reaches, the fields their
    /// role may read, internal notes if they may read them.
    reader: Reader,
}

/// Who an all-modules export is for.
#[derive(Clone, Copy)]
pub struct Reader {
    scope: TicketScope,
    role: RoleRef,
    internal_notes: bool,
    /// May see who customers are (their contact fields); else `[withheld]`.
    contact_details: bool,
}

impl Reader {
    /// An operator at the command line: everything an admin sees.
    pub fn operator() -> Self {
        Reader {
            scope: TicketScope::Every,
            role: RoleRef::BuiltIn(Role::Admin),
            internal_notes: true,
            contact_details: true,
        }
    }

    /// The staff member who asked for the export, as their role is now.
    pub async fn of(state: &AppState, user_id: Uuid) -> Result<Self, ServiceError> {
        let u = user::Entity::find_by_id(user_id)
            .one(&state.db)
            .await?
            .ok_or(crate::error::AppError::NotFound)?;
        let viewer = Viewer {
            user_id,
            role: u.role,
            grant: crate::server::services::roles::grant_of(&state.db, &u).await?,
        };
        Ok(Reader {
            scope: policy::ticket_scope(&viewer),
            role: policy::Principal::role_ref(&viewer),
            internal_notes: policy::can(
                &viewer,
                policy::Action::ReadInternalNotes,
                policy::Target::Nothing,
            ),
            contact_details: policy::can(
                &viewer,
                policy::Action::ViewCustomerDetails,
                policy::Target::Nothing,
            ),
        })
    }

    fn tickets(&self) -> sea_orm::Select<ticket::Entity> {
        ticket::Entity::find().filter(tickets::scope_condition(self.scope))
    }

    fn messages(&self) -> sea_orm::Select<message::Entity> {
        let mut q = message::Entity::find().filter(
            message::Column::TicketId.in_subquery(
                self.tickets()
                    .select_only()
                    .column(ticket::Column::Id)
                    .into_query(),
            ),
        );
        if !self.internal_notes {
            q = q.filter(message::Column::Internal.eq(false));
        }
        q
    }
}

impl Context {
    fn can_read(&self, field: &str, scope: FieldScope) -> bool {
        if scope == FieldScope::Contact && !self.reader.contact_details {
            return false;
        }
        custom::access(&self.access, self.reader.role, field, scope) != Access::Hidden
    }

    /// Names under which audit changes may carry a field admins may not read:
    /// labels and keys, of archived fields too, and the mail "to" for the email.
    fn hidden_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (key, _) in crate::fields::STANDARD_FIELDS {
            if !self.can_read(key, FieldScope::Contact) {
                out.push(key.to_owned());
                // Audit entries name the field in the language of whoever made them.
                out.extend(
                    crate::i18n::Lang::ALL
                        .map(|l| crate::fields::standard_label(key, crate::i18n::Tr(l)).to_owned()),
                );
                if key == "email" {
                    out.extend(["to".to_owned(), "new_email".to_owned()]);
                }
            }
        }
        for (defs, scope) in [
            (&self.all_contact_defs, FieldScope::Contact),
            (&self.all_ticket_defs, FieldScope::Ticket),
        ] {
            for d in defs
                .iter()
                .filter(|d| !self.can_read(&custom_key(d.id), scope))
            {
                out.extend([d.label.clone(), d.key.clone(), custom_key(d.id)]);
            }
        }
        out
    }

    fn header(&self, module: Module) -> Vec<String> {
        let fixed: &[&str] = match module {
            Module::Contacts => &[
                "id",
                "email",
                "name",
                "phone",
                "twitter",
                "language",
                "time_zone",
                "created_at",
            ],
            Module::Agents => &["id", "email", "name", "role", "created_at"],
            Module::Tickets => &[
                "id",
                "customer_id",
                "subject",
                "status",
                "created_at",
                "updated_at",
                "team_id",
                "assignee_id",
            ],
            Module::Messages => &[
                "id",
                "ticket_id",
                "author_id",
                "internal",
                "created_at",
                "body",
            ],
            Module::Teams => &["id", "name", "members"],
            Module::CustomFields => &[
                "id",
                "scope",
                "key",
                "label",
                "type",
                "options",
                "required",
                "encrypted",
                "archived",
            ],
            Module::PrivacyRequests => &[
                "id",
                "kind",
                "subject_id",
                "status",
                "received_at",
                "due_at",
            ],
            Module::AuditLog => &[
                "seq",
                "occurred_at",
                "actor_id",
                "actor_role",
                "action",
                "entity_type",
                "entity_id",
                "subject_id",
                "changes",
                "hash",
            ],
        };
        let mut header: Vec<String> = fixed.iter().map(|s| (*s).to_owned()).collect();
        let extra = match module {
            Module::Contacts => &self.contact_defs,
            Module::Tickets => &self.ticket_defs,
            _ => return header,
        };
        header.extend(extra.iter().map(|d| format!("custom:{}", d.key)));
        header
    }
}

/// The custom field columns of one row, from values read once for the whole page.
fn custom_values(
    ctx: &Context,
    scope: FieldScope,
    values: &HashMap<Uuid, HashMap<Uuid, Vec<String>>>,
    entity: Uuid,
) -> Vec<String> {
    let defs = if scope == FieldScope::Contact {
        &ctx.contact_defs
    } else {
        &ctx.ticket_defs
    };
    let values = values.get(&entity);
    defs.iter()
        .map(|d| {
            if !ctx.can_read(&custom_key(d.id), scope) {
                WITHHELD.to_owned()
            } else {
                values
                    .and_then(|v| v.get(&d.id))
                    .map(|v| v.join(", "))
                    .unwrap_or_default()
            }
        })
        .collect()
}

/// Every custom field value of a page of entities, in one query.
async fn page_values(
    state: &AppState,
    defs: &[custom_field::Model],
    keys: &HashMap<Uuid, DataKey>,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, HashMap<Uuid, Vec<String>>>, ServiceError> {
    if defs.is_empty() {
        return Ok(HashMap::new());
    }
    custom::values_by_subject(&state.db, keys, ids).await
}

/// One page of a module's rows, as text, in header order.
async fn page(
    state: &AppState,
    ctx: &Context,
    module: Module,
    page: u64,
) -> Result<Vec<Vec<String>>, ServiceError> {
    let offset = page * PAGE;
    Ok(match module {
        Module::Contacts | Module::Agents => {
            let mut q = user::Entity::find();
            q = if module == Module::Contacts {
                q.filter(user::Column::Role.eq(Role::Customer))
            } else {
                q.filter(user::Column::Role.ne(Role::Customer))
            };
            let rows = q
                .order_by_asc(user::Column::Id)
                .offset(offset)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let keys = state.vault.keys(rows.iter().map(|u| u.id)).await?;
            let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
            let values = page_values(state, &ctx.contact_defs, &keys, &ids).await?;
            let mut out = Vec::with_capacity(rows.len());
            for u in rows {
                let field = |name: &'static str, sealed: Option<&Vec<u8>>| -> String {
                    if !ctx.can_read(name, FieldScope::Contact) {
                        return WITHHELD.to_owned();
                    }
                    // An erased customer is their pseudonym; nothing else of them is left.
                    if let Some(p) = u.pseudonym.as_ref().filter(|_| name == "name") {
                        return p.clone();
                    }
                    sealed
                        .map(|s| open_text(&keys, u.id, Slot::new(user::TABLE, name, &u.id), s))
                        .unwrap_or_default()
                };
                let email = if u.pseudonym.is_some() {
                    String::new()
                } else if ctx.can_read("email", FieldScope::Contact) {
                    u.email.clone()
                } else {
                    WITHHELD.to_owned()
                };
                if module == Module::Agents {
                    out.push(vec![
                        u.id.to_string(),
                        email,
                        field("name", Some(&u.name)),
                        u.role.as_str().to_owned(),
                        time(&u.created_at),
                    ]);
                    continue;
                }
                let mut row = vec![
                    u.id.to_string(),
                    email,
                    field("name", Some(&u.name)),
                    field("phone", u.phone.as_ref()),
                    field("twitter", u.twitter.as_ref()),
                    field("language", u.language.as_ref()),
                    field("time_zone", u.time_zone.as_ref()),
                    time(&u.created_at),
                ];
                row.extend(custom_values(ctx, FieldScope::Contact, &values, u.id));
                out.push(row);
            }
            out
        }
        Module::Tickets => {
            let rows = ctx
                .reader
                .tickets()
                .order_by_asc(ticket::Column::Id)
                .offset(offset)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let keys = state.vault.keys(rows.iter().map(|t| t.customer_id)).await?;
            let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
            let values = page_values(state, &ctx.ticket_defs, &keys, &ids).await?;
            let mut out = Vec::with_capacity(rows.len());
            for t in rows {
                let mut row = vec![
                    t.id.to_string(),
                    t.customer_id.to_string(),
                    open_text(&keys, t.customer_id, ticket::SUBJECT.at(&t.id), &t.subject),
                    t.status.as_str().to_owned(),
                    time(&t.created_at),
                    time(&t.updated_at),
                    t.team_id.map(|id| id.to_string()).unwrap_or_default(),
                    t.assignee_id.map(|id| id.to_string()).unwrap_or_default(),
                ];
                row.extend(custom_values(ctx, FieldScope::Ticket, &values, t.id));
                out.push(row);
            }
            out
        }
        Module::Messages => {
            let rows = ctx
                .reader
                .messages()
                .order_by_asc(message::Column::Id)
                .offset(offset)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let ticket_ids: Vec<Uuid> = rows.iter().map(|m| m.ticket_id).collect();
            let owners: HashMap<Uuid, Uuid> = ticket::Entity::find()
                .filter(ticket::Column::Id.is_in(ticket_ids))
                .all(&state.db)
                .await?
                .into_iter()
                .map(|t| (t.id, t.customer_id))
                .collect();
            let keys = state.vault.keys(owners.values().copied()).await?;
            rows.into_iter()
                .map(|m| {
                    let owner = owners.get(&m.ticket_id).copied().unwrap_or_default();
                    vec![
                        m.id.to_string(),
                        m.ticket_id.to_string(),
                        m.author_id.to_string(),
                        m.internal.to_string(),
                        time(&m.created_at),
                        open_text(&keys, owner, message::BODY.at(&m.id), &m.body),
                    ]
                })
                .collect()
        }
        // Every team, its members' ids separated by spaces.
        Module::Teams => {
            let rows = team::Entity::find()
                .order_by_asc(team::Column::Id)
                .offset(offset)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let members = team_member::Entity::find()
                .filter(
                    team_member::Column::TeamId
                        .is_in(rows.iter().map(|t| t.id).collect::<Vec<_>>()),
                )
                .order_by_asc(team_member::Column::UserId)
                .all(&state.db)
                .await?;
            rows.into_iter()
                .map(|t| {
                    let ids: Vec<String> = members
                        .iter()
                        .filter(|m| m.team_id == t.id)
                        .map(|m| m.user_id.to_string())
                        .collect();
                    vec![t.id.to_string(), t.name, ids.join(" ")]
                })
                .collect()
        }
        Module::CustomFields => {
            if page > 0 {
                return Ok(Vec::new());
            }
            ctx.contact_defs
                .iter()
                .chain(ctx.ticket_defs.iter())
                .map(|d| {
                    vec![
                        d.id.to_string(),
                        d.scope.as_str().to_owned(),
                        d.key.clone(),
                        d.label.clone(),
                        d.field_type.as_str().to_owned(),
                        d.options.clone(),
                        d.required.to_string(),
                        d.encrypted.to_string(),
                        d.archived.to_string(),
                    ]
                })
                .collect()
        }
        Module::PrivacyRequests => privacy_request::Entity::find()
            .order_by_asc(privacy_request::Column::Id)
            .offset(offset)
            .limit(PAGE)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.kind.as_str().to_owned(),
                    r.subject_id.to_string(),
                    r.status.as_str().to_owned(),
                    time(&r.received_at),
                    time(&r.due_at),
                ]
            })
            .collect(),
        Module::AuditLog => {
            let rows = audit_event::Entity::find()
                .order_by_asc(audit_event::Column::Seq)
                .offset(offset)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let keys = state
                .vault
                .keys(rows.iter().filter_map(|e| e.subject_id))
                .await?;
            let hidden = ctx.hidden_names();
            let mut opened: Vec<(audit_event::Model, Vec<crate::server::audit::Change>)> = rows
                .into_iter()
                .map(|e| {
                    let changes = open_changes(e.subject_id.and_then(|s| keys.get(&s)), &e);
                    (e, changes)
                })
                .collect();
            super::super::activity_reading::withhold_unseen(
                &state.db,
                ctx.reader.scope,
                ctx.reader.internal_notes,
                &mut opened,
                Some(WITHHELD),
            )
            .await?;
            opened
                .into_iter()
                .map(|(e, mut changes)| {
                    for c in changes.iter_mut().filter(|c| hidden.contains(&c.field)) {
                        c.before = c.before.as_ref().map(|_| WITHHELD.to_owned());
                        c.after = c.after.as_ref().map(|_| WITHHELD.to_owned());
                    }
                    let changes = serde_json::to_string(&changes).unwrap_or_default();
                    vec![
                        e.seq.to_string(),
                        time(&e.occurred_at),
                        e.actor_id.map(|a| a.to_string()).unwrap_or_default(),
                        e.actor_role.unwrap_or_default(),
                        e.action,
                        e.entity_type,
                        e.entity_id,
                        e.subject_id.map(|s| s.to_string()).unwrap_or_default(),
                        changes,
                        e.hash,
                    ]
                })
                .collect()
        }
    })
}

async fn all_defs(
    state: &AppState,
    scope: FieldScope,
) -> Result<Vec<custom_field::Model>, ServiceError> {
    Ok(custom_field::Entity::find()
        .filter(custom_field::Column::Scope.eq(scope))
        .all(&state.db)
        .await?)
}

async fn count(state: &AppState, reader: &Reader) -> Result<u64, ServiceError> {
    let users = user::Entity::find().count(&state.db).await?;
    let tickets = reader.tickets().count(&state.db).await?;
    let messages = reader.messages().count(&state.db).await?;
    let events = audit_event::Entity::find().count(&state.db).await?;
    let requests = privacy_request::Entity::find().count(&state.db).await?;
    Ok(2 * (users + tickets + messages + events + requests) + 1)
}

/// Builds an admin's archive of every module into `tmp`, sealed under their key.
pub(super) async fn build(
    state: &AppState,
    export: &data_export::Model,
    tmp: &std::path::Path,
) -> Result<u64, ServiceError> {
    let key = state.vault.require_key(export.subject_id).await?;
    let file = std::fs::File::create(tmp)?;
    let sealing = SealingWriter::new(BufWriter::new(file), key, export.id);
    let progress = Progress::new(&state.db, export.id, export.lease_until, 0);
    let reader = Reader::of(state, export.subject_id).await?;
    let sealing = write_all(state, reader, Some(progress), sealing).await?;
    let (buffered, size) = sealing.finish()?;
    buffered
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()?;
    Ok(size)
}

/// Writes the whole export as a ZIP into `out` and returns it, reporting
/// progress (and renewing the build's lease) when given a `Progress`.
pub async fn write_all<W: Write>(
    state: &AppState,
    reader: Reader,
    progress: Option<Progress<'_>>,
    out: W,
) -> Result<W, ServiceError> {
    let ctx = Context {
        contact_defs: custom::active(&state.db, FieldScope::Contact).await?,
        ticket_defs: custom::active(&state.db, FieldScope::Ticket).await?,
        all_contact_defs: all_defs(state, FieldScope::Contact).await?,
        all_ticket_defs: all_defs(state, FieldScope::Ticket).await?,
        access: custom::access_map(&state.db).await?,
        reader,
    };
    let total = count(state, &reader).await?;
    let mut progress = progress.map(|p| p.with_total(total));
    let mut zip = ZipWriter::new_stream(out);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for module in MODULES {
        let header = ctx.header(module);
        zip.start_file(format!("{}.csv", module.name()), options)?;
        {
            let mut csv = crate::server::spreadsheet::SafeCsv::from_writer(&mut zip);
            csv.write_record(&header)?;
            let mut page_no = 0;
            loop {
                let rows = page(state, &ctx, module, page_no).await?;
                if rows.is_empty() {
                    break;
                }
                for row in &rows {
                    csv.write_record(row)?;
                }
                if let Some(p) = &mut progress {
                    p.advance(rows.len() as u64).await?;
                }
                page_no += 1;
            }
            csv.flush()?;
        }
        zip.start_file(format!("{}.jsonl", module.name()), options)?;
        let mut page_no = 0;
        loop {
            let rows = page(state, &ctx, module, page_no).await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let object: serde_json::Map<String, serde_json::Value> = header
                    .iter()
                    .cloned()
                    .zip(row.iter().map(|v| serde_json::Value::String(v.clone())))
                    .collect();
                serde_json::to_writer(&mut zip, &object)?;
                zip.write_all(b"\n")?;
            }
            if let Some(p) = &mut progress {
                p.advance(rows.len() as u64).await?;
            }
            page_no += 1;
        }
    }
    zip.start_file("README.txt", options)?;
    zip.write_all(
        b"Custodian service data export\n\nOne CSV file (header row, UTF-8) and one JSON Lines file per module:\n\
contacts, agents, tickets, messages (internal notes included, marked by the internal column),\n\
teams (members as space-separated user ids), custom_fields, privacy_requests, audit_log.\n\
Tickets and messages are those your role's sharing rule reaches (internal notes only if your role reads them).\n\
Values of fields your field permissions hide from your role read [withheld].\n",
    )
    ?;
    Ok(zip.finish()?.into_inner())
}
