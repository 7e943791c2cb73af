//! `custodian bench-seed`: fills an empty database with many customers,
//! tickets and messages for the page benchmarks, the way the portal stores
//! them (sealed under each customer's key, indexed), but in large batches.
//! Every account shares one random password (printed at the end, never a
//! known one: a seeded database must not open to a published password) and so
//! one hash: hashing 100,000 passwords would take longer than everything else.
use crate::error::StartError;
use ::app::{
    model::{Role, TicketStatus},
    server::{
        blind_index,
        crypto::{DataKey, IndexKey},
        entities::{message, setting, ticket, user},
        password,
        services::second_factors::REQUIRE_FOR_STAFF,
        AppState, ServiceError,
    },
};
use chrono::{Duration, Utc};
use sea_orm::{prelude::*, ActiveValue::Set, DatabaseTransaction, TransactionTrait};
use std::{collections::HashMap, time::Instant};

/// The customer whose pages the benchmark opens: their first ticket has
/// `BIG_TICKET_MESSAGES` messages.
pub const CUSTOMER: &str = "customer0@bench.example";
pub const AGENT: &str = "agent@bench.example";
const BIG_TICKET_MESSAGES: u64 = 20;
/// Customers written per transaction (with their tickets and messages).
const BATCH: usize = 200;

/// How much to seed.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub customers: u64,
    pub tickets: u64,
    pub messages: u64,
}

fn user_row(
    id: Uuid,
    email: String,
    name: &str,
    key: &DataKey,
    hash: &str,
    role: Role,
    at: chrono::DateTime<Utc>,
) -> user::ActiveModel {
    user::ActiveModel {
        id: Set(id),
        email: Set(email),
        name: Set(key.seal_str(user::NAME.at(&id), name)),
        phone: Set(None),
        twitter: Set(None),
        language: Set(None),
        time_zone: Set(None),
        password_hash: Set(hash.to_owned()),
        role: Set(role),
        created_at: Set(at),
        erased_at: Set(None),
        pseudonym: Set(None),
        disabled_at: Set(None),
        must_change_password: Set(false),
        email_confirmed_at: Set(Some(at)),
        totp_secret: Set(None),
        totp_enabled_at: Set(None),
        totp_last_step: Set(None),
        last_active_at: Set(Some(at)),
        closure_notice_at: Set(None),
        closed_at: Set(None),
        role_id: Set(None),
    }
}

/// Writes seeded tickets and messages with their index rows, in the caller's transaction.
pub(super) async fn write_batch(
    txn: &DatabaseTransaction,
    index: &IndexKey,
    tickets: Vec<ticket::ActiveModel>,
    messages: Vec<message::ActiveModel>,
    texts: Vec<(Uuid, String)>,
) -> Result<(), ServiceError> {
    for chunk in tickets.chunks(1000) {
        ticket::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    for chunk in messages.chunks(1000) {
        message::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    blind_index::write_many(txn, index, texts).await
}

const STATUSES: [TicketStatus; 4] = [
    TicketStatus::Open,
    TicketStatus::Pending,
    TicketStatus::Solved,
    TicketStatus::Closed,
];

/// Seeds `size` into the (empty) databases of `state`; prints what it made.
pub async fn seed(state: &AppState, size: Size) -> Result<(), StartError> {
    if user::Entity::find().count(&state.db).await? > 0 {
        return Err(StartError::config(
            "bench-seed fills an empty database only: give it a fresh --data-dir or --database-url",
        ));
    }
    let started = Instant::now();
    // The database is empty: the back-fill of older texts has nothing to do, and
    // every row below is indexed as it is written.
    blind_index::catch_up(state).await?;
    // The seeded staff sign in with a password alone, as in demo mode: the
    // queue is measured, not the "set up two-factor sign-in first" answer.
    setting::ActiveModel {
        key: Set(REQUIRE_FOR_STAFF.to_owned()),
        value: Set("false".to_owned()),
    }
    .insert(&state.db)
    .await?;
    let secret = {
        use base64::Engine;
        use rand::RngCore;
        let mut bytes = [0u8; 18];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    };
    let hash = password::hash(secret.clone()).await?;
    let hash = hash.as_stored().to_owned();
    let index = state.vault.index_key().await?;
    let now = Utc::now();
    let year_ago = now - Duration::days(365);

    // Staff first: an agent who answers, an admin.
    let staff: Vec<(Uuid, &str, &str, Role)> = vec![
        (Uuid::now_v7(), AGENT, "Agnes Agent", Role::Agent),
        (
            Uuid::now_v7(),
            "admin@bench.example",
            "Adam Admin",
            Role::Admin,
        ),
    ];
    let staff_keys = state
        .vault
        .create_keys(&staff.iter().map(|s| s.0).collect::<Vec<_>>())
        .await?;
    let txn = state.db.begin().await?;
    for (id, email, name, role) in &staff {
        user_row(
            *id,
            (*email).to_owned(),
            name,
            &staff_keys[id],
            &hash,
            *role,
            year_ago,
        )
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    let agent = staff[0].0;

    let customers = size.customers.max(1);
    let tickets_per = (size.tickets / customers).max(1);
    let messages_per = (size.messages / size.tickets.max(1)).max(1);
    let ids: Vec<Uuid> = (0..customers).map(|_| Uuid::now_v7()).collect();
    let (mut tickets, mut messages) = (0u64, 0u64);
    let mut big_ticket = None;
    for (batch_no, batch) in ids.chunks(BATCH).enumerate() {
        let keys: HashMap<Uuid, DataKey> = state.vault.create_keys(batch).await?;
        let txn = state.db.begin().await?;
        let mut users = Vec::with_capacity(batch.len());
        let mut ticket_rows = Vec::new();
        let mut message_rows = Vec::new();
        let mut texts = Vec::new();
        for (i, id) in batch.iter().enumerate() {
            let n = (batch_no * BATCH + i) as u64;
            let key = &keys[id];
            let name = format!("Customer{n} Benchmark");
            users.push(user_row(
                *id,
                format!("customer{n}@bench.example"),
                &name,
                key,
                &hash,
                Role::Customer,
                year_ago,
            ));
            for t in 0..tickets_per {
                let tid = Uuid::now_v7();
                // Spread over the year, so "newest first" has work to do.
                let at = year_ago
                    + Duration::seconds(((n * tickets_per + t) * 7919 % 31_536_000) as i64);
                let subject = format!("Printer {t} on floor {} jams", n % 9);
                ticket_rows.push(ticket::ActiveModel {
                    id: Set(tid),
                    customer_id: Set(*id),
                    subject: Set(key.seal_str(ticket::SUBJECT.at(&tid), &subject)),
                    status: Set(STATUSES[((n + t) % 4) as usize]),
                    team_id: Set(None),
                    assignee_id: Set(None),
                    created_at: Set(at),
                    updated_at: Set(at),
                    anonymised_at: Set(None),
                });
                texts.push((tid, blind_index::ticket_text(tid, &subject)));
                let count = if n == 0 && t == 0 {
                    big_ticket = Some(tid);
                    BIG_TICKET_MESSAGES
                } else {
                    messages_per
                };
                for m in 0..count {
                    let mid = Uuid::now_v7();
                    let (author, body) = if m % 2 == 0 {
                        (*id, format!("Hello, the printer on floor {} jams again when printing double-sided; this is message {m}.", n % 9))
                    } else {
                        (agent, format!("Thanks, Customer{n}: we have sent a technician, reference {t}-{m}."))
                    };
                    message_rows.push(message::ActiveModel {
                        id: Set(mid),
                        ticket_id: Set(tid),
                        author_id: Set(author),
                        body: Set(key.seal_str(message::BODY.at(&mid), &body)),
                        internal: Set(false),
                        created_at: Set(at + Duration::minutes(m as i64)),
                        redacted_at: Set(None),
                        redacted_by: Set(None),
                    });
                    texts.push((mid, body));
                }
            }
        }
        user::Entity::insert_many(users).exec(&txn).await?;
        tickets += ticket_rows.len() as u64;
        messages += message_rows.len() as u64;
        write_batch(&txn, &index, ticket_rows, message_rows, texts).await?;
        txn.commit().await?;
        if batch_no % 50 == 49 {
            println!(
                "  {} customers, {tickets} tickets, {messages} messages ({:.0} s)",
                (batch_no + 1) * BATCH,
                started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "seeded {customers} customers, {tickets} tickets, {messages} messages in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("customer: {CUSTOMER} / agent: {AGENT} / password: {secret}");
    if let Some(id) = big_ticket {
        println!("ticket with {BIG_TICKET_MESSAGES} messages: {id}");
    }
    Ok(())
}
