//! `custodian bench`: seeds one customer with many tickets and messages on a
//! fresh throw-away database, then times a plain sequential read of those rows
//! and the full "Download my data" export, sampling memory while it runs.
pub mod audit;
pub mod seed;

use crate::error::StartError;
use crate::{config::Settings, db};
use ::app::server::{
    blind_index,
    entities::{message, ticket},
    services::{accounts, exports, sessions},
};
use chrono::Utc;
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, QuerySelect, TransactionTrait};
use std::{
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.to_owned())
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

pub async fn export(base: &Settings, tickets: u64, per_ticket: u64) -> Result<(), StartError> {
    let dir =
        std::env::temp_dir().join(format!("custodian-bench-{}", uuid::Uuid::new_v4().simple()));
    let mut settings = base.clone();
    settings.data_dir = dir.clone();
    settings.database_url = None;
    settings.keystore_url = None;
    settings.master_key = None;
    settings.master_key_file = None;
    let (database, vault) = db::open(&settings).await?;
    let state = settings.app_state(database, vault);
    let password = "benchmark password";
    // Created like the CLI creates accounts (address confirmed), then signed in.
    let customer = accounts::NewUser::validated(
        "Bench Customer",
        "bench@example.org",
        password,
        ::app::model::Role::Customer,
    )?;
    accounts::create_user_unchecked(&state, customer).await?;
    let credentials = accounts::Credentials::password("bench@example.org", password);
    let device = ::app::server::services::sessions::Device::new(None, "127.0.0.1");
    let (_, token) = accounts::sign_in(&state, credentials, &device, None).await?;
    let actor = sessions::resolve(&state.db, &token, &state.security, Utc::now())
        .await?
        .ok_or_else(|| StartError::config("no session"))?;
    let key = state.vault.require_key(actor.user_id).await?;
    let index = state.vault.index_key().await?;
    // A fresh database: nothing older to index (the rows below are indexed as written).
    blind_index::catch_up(&state).await?;

    println!("Seeding {tickets} tickets with {per_ticket} messages each…");
    let seeded = Instant::now();
    let start = Utc::now() - chrono::Duration::days(365);
    for batch in 0..tickets.div_ceil(500) {
        let txn = state.db.begin().await?;
        let mut ticket_rows = Vec::new();
        let mut message_rows = Vec::new();
        let mut texts = Vec::new();
        for i in batch * 500..((batch + 1) * 500).min(tickets) {
            let id = Uuid::now_v7();
            let at = start + chrono::Duration::seconds(i as i64 * 60);
            let subject = format!("Benchmark ticket number {i}");
            ticket_rows.push(ticket::ActiveModel {
                id: Set(id),
                customer_id: Set(actor.user_id),
                subject: Set(key.seal_str(ticket::SUBJECT.at(&id), &subject)),
                status: Set(::app::model::TicketStatus::Open),
                team_id: Set(None),
                assignee_id: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
                anonymised_at: Set(None),
            });
            for m in 0..per_ticket {
                let mid = Uuid::now_v7();
                let body = format!("Message {m} of ticket {i}: the printer on floor {} jams when printing double-sided.", m % 7);
                message_rows.push(message::ActiveModel {
                    id: Set(mid),
                    ticket_id: Set(id),
                    author_id: Set(actor.user_id),
                    body: Set(key.seal_str(message::BODY.at(&mid), &body)),
                    internal: Set(false),
                    created_at: Set(at + chrono::Duration::seconds(m as i64)),
                    redacted_at: Set(None),
                    redacted_by: Set(None),
                });
                texts.push((mid, body));
            }
            texts.push((id, blind_index::ticket_text(id, &subject)));
        }
        seed::write_batch(&txn, &index, ticket_rows, message_rows, texts).await?;
        txn.commit().await?;
    }
    println!("  seeded in {:.1} s", seeded.elapsed().as_secs_f64());

    // The baseline: the same rows, read page by page in the export's order, nothing else.
    let read = Instant::now();
    let (mut rows, mut after): (u64, Option<(chrono::DateTime<Utc>, Uuid)>) = (0, None);
    loop {
        let mut q = ticket::Entity::find().filter(ticket::Column::CustomerId.eq(actor.user_id));
        if let Some((at, id)) = after {
            q = q.filter(
                sea_orm::Condition::any()
                    .add(ticket::Column::CreatedAt.gt(at))
                    .add(
                        sea_orm::Condition::all()
                            .add(ticket::Column::CreatedAt.eq(at))
                            .add(ticket::Column::Id.gt(id)),
                    ),
            );
        }
        let page = q
            .order_by_asc(ticket::Column::CreatedAt)
            .order_by_asc(ticket::Column::Id)
            .limit(200)
            .all(&state.db)
            .await?;
        if page.is_empty() {
            break;
        }
        after = page.last().map(|t| (t.created_at, t.id));
        let ids: Vec<Uuid> = page.iter().map(|t| t.id).collect();
        let messages = message::Entity::find()
            .filter(message::Column::TicketId.is_in(ids))
            .filter(message::Column::Internal.eq(false))
            .order_by_asc(message::Column::CreatedAt)
            .all(&state.db)
            .await?;
        rows += page.len() as u64 + messages.len() as u64;
    }
    let raw = read.elapsed();

    let request = exports::request(&state, &actor, password).await?;
    // Claimed like the worker does: a build publishes its archive only while it holds the lease.
    let model = exports::claim_next(&state.db, Utc::now())
        .await?
        .filter(|m| m.id == request.id)
        .ok_or_else(|| StartError::config("the export could not be claimed"))?;
    let baseline = rss_kib();
    let peak = Arc::new(AtomicU64::new(baseline));
    let running = Arc::new(AtomicBool::new(true));
    let sampler = {
        let (peak, running) = (peak.clone(), running.clone());
        std::thread::spawn(move || {
            while running.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let built = Instant::now();
    exports::build(&state, &model).await?;
    let export_time = built.elapsed();
    running.store(false, Ordering::Relaxed);
    let _ = sampler.join();
    let size = std::fs::metadata(state.exports.dir.join(format!("{}.zip.enc", model.id)))
        .map(|m| m.len())
        .unwrap_or(0);
    let growth_mib = (peak.load(Ordering::Relaxed).saturating_sub(baseline)) as f64 / 1024.0;

    println!("rows read (tickets + messages): {rows}");
    println!("plain sequential read:          {:.2} s", raw.as_secs_f64());
    println!(
        "full export (decrypt, zip, encrypt):  {:.2} s",
        export_time.as_secs_f64()
    );
    println!(
        "export speed / raw read speed:  {:.0}%",
        100.0 * raw.as_secs_f64() / export_time.as_secs_f64().max(1e-9)
    );
    println!(
        "archive size (encrypted):       {:.1} MiB",
        size as f64 / (1024.0 * 1024.0)
    );
    println!("peak resident memory growth:    {growth_mib:.1} MiB");

    erasure(&state, &actor, raw).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Erasure on the same data: the preview of a small customer (whose mentions
/// are looked up in the blind index among the other 100,000 messages), then the whole
/// erasure job of the big customer, each against the plain read.
async fn erasure(
    state: &::app::server::AppState,
    big: &::app::server::Actor,
    raw: Duration,
) -> Result<(), ::app::server::ServiceError> {
    use ::app::{
        model::Role,
        server::services::{accounts::NewUser, erasure, tickets},
    };
    let (_, token) = accounts::sign_up(
        state,
        "Erin Small",
        "erin@example.org",
        "",
        "benchmark password",
        &::app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await?;
    let small = sessions::resolve(&state.db, &token, &state.security, Utc::now())
        .await?
        .ok_or_else(|| ::app::server::ServiceError::invariant("no session"))?;
    tickets::open(state, &small, "One ticket", "A short question.", &[]).await?;
    let admin_user = NewUser::validated(
        "Bench Admin",
        "bench-admin@example.org",
        "benchmark password",
        Role::Admin,
    )?;
    let admin_id = accounts::create_user_unchecked(state, admin_user).await?.id;
    let admin = ::app::server::Actor {
        user_id: admin_id,
        role: Role::Admin,
        email: "bench-admin@example.org".into(),
        session_token_hash: String::new(),
        client: "local".to_owned(),
        needs_two_factor_setup: false,
        email_confirmed: true,
        second_factor_at: None,
        locale: Default::default(),
        grant: ::app::server::policy::Grant::built_in(Role::Admin),
    };

    let scanned = Instant::now();
    let preview = erasure::preview(state, &admin, small.user_id).await?;
    let scan = scanned.elapsed();

    erasure::erase_customer(state, &admin, big.user_id, "benchmark").await?;
    let erased = Instant::now();
    let mut turns = 0;
    while let Some(job) = erasure::claim_next(&state.db, Utc::now()).await? {
        erasure::run(state, job, Duration::ZERO).await?;
        turns += 1;
    }
    let job_time = erased.elapsed();
    let ratio = |d: Duration| 100.0 * raw.as_secs_f64() / d.as_secs_f64().max(1e-9);
    println!(
        "erasure preview of another customer (mentions from the index): {:.2} s ({:.0}% of raw read speed; {} mentions)",
        scan.as_secs_f64(),
        ratio(scan),
        preview.mentions.len()
    );
    println!(
        "erasure job of the big customer (all 9 steps, {turns} turn): {:.2} s ({:.0}% of raw read speed)",
        job_time.as_secs_f64(),
        ratio(job_time)
    );
    // The baseline for deleting: the same tickets and messages (kept anonymised
    // by the job) removed with plain DELETEs in one transaction, nothing else.
    let deleting = Instant::now();
    let tickets = tickets::ids_of_customer(&state.db, big.user_id).await?;
    let txn = state.db.begin().await?;
    let mut rows = 0;
    for chunk in tickets.chunks(500) {
        rows += message::Entity::delete_many()
            .filter(message::Column::TicketId.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?
            .rows_affected;
        rows += ticket::Entity::delete_many()
            .filter(ticket::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?
            .rows_affected;
    }
    txn.commit().await?;
    let raw_delete = deleting.elapsed();
    println!(
        "plain delete of the same {rows} rows: {:.2} s (the erasure job took {:.1}x as long)",
        raw_delete.as_secs_f64(),
        job_time.as_secs_f64() / raw_delete.as_secs_f64().max(1e-9)
    );
    Ok(())
}
