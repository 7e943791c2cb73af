//! Erasure end to end on the services and the router: a customer files, staff
//! preview and approve, the job crypto-shreds and deletes, and afterwards no
//! byte of the database or key store files holds the customer's email, name,
//! phone or messages; old exports and backups cannot be decrypted. Legal holds
//! block it, deadlines extend within the law, and customers cannot touch
//! anyone else's request.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, Browser, PASSWORD};

use app::{
    api::privacy::{
        CustomerErasurePreview, DecideRequest, EraseCustomer, EraseTicket, ErasedTicketsPolicy,
        ErasurePreview, ExtendRequest, GetRequest, LiftHold, PlaceHold, PrivacySettings,
        RecheckErasure, RedactMessage, RedactSubject, RequestErasure, SavePrivacySettings,
        WithdrawRequest,
    },
    error::AppError,
    model::{
        ErasureStep, ExportStatus, JobStatus, MentionKind, RequestKind, RequestStatus, Role,
        TicketStatus, TicketsPolicy,
    },
    server::{
        audit,
        crypto::{stream::OpeningReader, Slot},
        entities::{
            audit_event, data_export, erasure_job, erasure_step, message, outbound_mail,
            privacy_request, session, subject_key, ticket, user,
        },
        services::{
            accounts, email_change, erasure, exports, legal_holds, requests, review, tickets,
        },
        Actor, AppState, ServiceError,
    },
};
use chrono::Utc;
use http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, Statement,
};
use std::{path::PathBuf, time::Duration};
use uuid::Uuid;

const ADA_EMAIL: &str = "ada.lovelace@example.org";
const ADA_NAME: &str = "Ada Lovelace-Byron";
const ADA_PHONE: &str = "+44 20 7946 0958";
const ADA_SECRET: &str = "my analytical engine serial is AE-18431";

async fn sign_up(state: &AppState, name: &str, email: &str, phone: &str) -> (Actor, String) {
    common::sign_up_confirmed(state, name, email, phone).await
}

/// Time passes (every lease runs out), the worker runs, and the request completes.
async fn finish_after_lease(state: &AppState, agent: &Actor, request: Uuid) {
    next_turn(state).await;
    let done = requests::get(state, agent, request).await.unwrap();
    assert_eq!(
        done.status,
        RequestStatus::Completed,
        "{:?}",
        done.verification
    );
}

/// Runs the erasure worker until no job is left to claim.
async fn drain(state: &AppState) {
    for _ in 0..50 {
        if !server::erasure_worker::work_once(state, Duration::ZERO).await {
            return;
        }
    }
    panic!("erasure jobs did not finish");
}

fn user_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::User(e) => e,
        other => panic!("expected a user error, got {other:?}"),
    }
}

/// Every file that holds the database's data: the SQLite file and its WAL, or
/// the PostgreSQL database's folder under the cluster's data directory.
async fn database_files(db: &DatabaseConnection) -> Vec<PathBuf> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            let row = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA database_list",
                ))
                .await
                .unwrap()
                .unwrap();
            let file: String = row.try_get("", "file").unwrap();
            let mut files = vec![PathBuf::from(&file)];
            let wal = PathBuf::from(format!("{file}-wal"));
            if wal.exists() {
                files.push(wal);
            }
            files
        }
        _ => {
            // Write every dirty page to the files first: PostgreSQL keeps recent
            // changes in shared buffers, so without this the scan proves nothing.
            db.execute_unprepared("CHECKPOINT").await.unwrap();
            let dir: String = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT current_setting('data_directory') AS d, \
                     (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS o",
                ))
                .await
                .unwrap()
                .map(|r| {
                    let d: String = r.try_get("", "d").unwrap();
                    let o: String = r.try_get("", "o").unwrap();
                    format!("{d}/base/{o}")
                })
                .unwrap();
            std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        }
    }
}

/// Which of `needles` occur in the bytes of `files`.
fn found_in(files: &[PathBuf], needles: &[&[u8]]) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for n in needles {
            if bytes.windows(n.len()).any(|w| w == *n) {
                found.push(format!("{} in {}", String::from_utf8_lossy(n), f.display()));
            }
        }
    }
    found
}

/// A copy of what a backup taken now would hold about `subject`: their sealed
/// name and message bodies (on SQLite, read back from a real file copy).
async fn backup_of(state: &AppState, subject: Uuid) -> (Vec<u8>, Vec<(Uuid, Vec<u8>)>) {
    let db = match state.db.get_database_backend() {
        DbBackend::Sqlite => {
            let path = std::env::temp_dir()
                .join("custodian-tests")
                .join(format!("backup-{}.db", Uuid::new_v4().simple()));
            state
                .db
                .execute_unprepared(&format!("VACUUM INTO '{}'", path.display()))
                .await
                .unwrap();
            sea_orm::Database::connect(format!("sqlite://{}", path.display()))
                .await
                .unwrap()
        }
        _ => state.db.clone(),
    };
    let name = user::Entity::find_by_id(subject)
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .name;
    let ticket_ids: Vec<Uuid> = ticket::Entity::find()
        .filter(ticket::Column::CustomerId.eq(subject))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    let bodies = message::Entity::find()
        .filter(message::Column::TicketId.is_in(ticket_ids))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.body))
        .collect();
    (name, bodies)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_approved_erasure_shreds_and_deletes_everything_and_proves_it() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, ADA_NAME, ADA_EMAIL, ADA_PHONE).await;
    let (bob, _) = sign_up(&state, "Bob Builder", "bob@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let ada_ticket = tickets::open(&state, &ada, "Engine trouble", ADA_SECRET, &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, ada_ticket, "We are looking into it.", false)
        .await
        .unwrap();
    // Bob's conversation names Ada: the preview must point at it.
    let bob_ticket = tickets::open(
        &state,
        &bob,
        "Referral",
        &format!("My friend {ADA_EMAIL} recommended you."),
        &[],
    )
    .await
    .unwrap();
    // A wrong password attempt leaves a throttle row holding her email.
    assert!(exports::request(&state, &ada, "wrong password")
        .await
        .is_err());
    // An export made before erasure.
    exports::request(&state, &ada, PASSWORD).await.unwrap();
    let export = exports::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .unwrap();
    exports::build(&state, &export).await.unwrap();
    let archive = state.exports.dir.join(format!("{}.zip.enc", export.id));
    assert!(archive.exists());
    // A copy of the archive, as a download or a backup of the export folder would keep it.
    let kept_archive = std::env::temp_dir()
        .join("custodian-tests")
        .join(format!("kept-{}.zip.enc", export.id));
    std::fs::copy(&archive, &kept_archive).unwrap();
    let wrapped_key = subject_key::Entity::find_by_id(ada.user_id)
        .one(state.vault.keystore())
        .await
        .unwrap()
        .unwrap()
        .wrapped_key;
    let backup = backup_of(&state, ada.user_id).await;

    // The customer files, with the password again; a duplicate is refused.
    let wrong = erasure::request(&state, &ada, "not my password", "").await;
    assert!(
        matches!(user_error(wrong.unwrap_err()), AppError::Validation { field, .. } if field == "password")
    );
    let filed = erasure::request(&state, &ada, PASSWORD, "Moving to another provider")
        .await
        .unwrap();
    assert_eq!(filed.status, RequestStatus::InReview);
    assert_eq!(filed.kind, RequestKind::Erasure);
    assert!(filed.due_at > Utc::now() + chrono::Duration::days(27));
    let again = erasure::request(&state, &ada, PASSWORD, "")
        .await
        .unwrap_err();
    assert!(user_error(again).to_string().contains("already asked"));

    // The preview counts per category and finds the mention in Bob's ticket.
    let preview = erasure::preview_request(&state, &agent, filed.id)
        .await
        .unwrap();
    let count = |category: &str| {
        preview
            .categories
            .iter()
            .find(|c| c.category.starts_with(category))
            .unwrap_or_else(|| panic!("no {category} row"))
            .count
    };
    assert_eq!(count("Tickets"), 1);
    assert_eq!(count("Messages"), 2);
    assert_eq!(count("Personal data key"), 1);
    assert_eq!(count("Their data exports"), 1);
    assert_eq!(preview.mentions.len(), 1);
    assert_eq!(preview.mentions[0].ticket_id, bob_ticket);
    assert_eq!(preview.mentions[0].matched, MentionKind::Email);
    assert!(preview.pseudonym.starts_with("Erased customer "));
    // The agent redacts it, keeping a note.
    erasure::redact_message(
        &state,
        &agent,
        preview.mentions[0].message_id.unwrap(),
        "",
        "Names another customer",
    )
    .await
    .unwrap();
    let bob_view = tickets::get(&state, &bob, bob_ticket).await.unwrap();
    assert_eq!(bob_view.messages[0].body, "[Redacted]");
    assert!(bob_view.messages[0].redacted);
    assert!(erasure::preview_request(&state, &agent, filed.id)
        .await
        .unwrap()
        .mentions
        .is_empty());

    // Approval needs a reason, then starts the job; sign-in stops at once.
    let no_reason = erasure::decide(&state, &agent, filed.id, true, "")
        .await
        .unwrap_err();
    assert!(
        matches!(user_error(no_reason), AppError::Validation { field, .. } if field == "reason")
    );
    review::decide(&state, &agent, filed.id, true, "Verified: no open invoices")
        .await
        .unwrap();
    let denied = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password(ADA_EMAIL, PASSWORD),
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None,
    )
    .await;
    assert!(matches!(
        user_error(denied.unwrap_err()),
        AppError::InvalidCredentials
    ));
    drain(&state).await;

    // The request is completed with a passed check; every step ran once.
    let done = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(
        done.status,
        RequestStatus::Completed,
        "{:?}",
        done.verification
    );
    let check = done.verification.unwrap();
    assert!(check.ok, "{:?}", check.findings);
    let job = erasure_job::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, JobStatus::Completed);
    assert!(job.identifiers.is_none());
    let steps = erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(steps, ErasureStep::CUSTOMER.len() as u64);
    assert!(state.vault.key(ada.user_id).await.unwrap().is_none());
    assert!(
        state.vault.key(job.id).await.unwrap().is_none(),
        "the job's key is gone too"
    );

    // Staff see the pseudonym on the kept (anonymised) ticket; content is unreadable.
    let kept = tickets::get(&state, &agent, ada_ticket).await.unwrap();
    assert_eq!(kept.customer_name, erasure::pseudonym(ada.user_id));
    assert_eq!(kept.subject, "[erased]");
    assert!(kept.messages.iter().all(|m| m.body == "[erased]"));
    assert_eq!(
        done.subject_email.as_deref(),
        Some(erasure::pseudonym(ada.user_id).as_str())
    );
    // Sessions, exports and mail are gone; the old archive file too.
    assert_eq!(
        session::Entity::find()
            .filter(session::Column::UserId.eq(ada.user_id))
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
    assert!(data_export::Entity::find_by_id(export.id)
        .one(&state.db)
        .await
        .unwrap()
        .is_none());
    assert!(!archive.exists());
    assert_eq!(
        outbound_mail::Entity::find()
            .filter(outbound_mail::Column::ToAddress.eq(ADA_EMAIL))
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
    // A backup taken before erasure cannot be decrypted with any key left in the key store.
    let all_keys = subject_key::Entity::find()
        .all(state.vault.keystore())
        .await
        .unwrap();
    let keys = state
        .vault
        .keys(all_keys.iter().map(|k| k.subject_id))
        .await
        .unwrap();
    assert!(!keys.is_empty());
    for key in keys.values() {
        assert!(key
            .open(Slot::new("users", "name", &ada.user_id), &backup.0)
            .is_err());
        for (id, body) in &backup.1 {
            assert!(key.open(Slot::new("messages", "body", id), body).is_err());
        }
        // Nor the archive made before erasure.
        let file = std::fs::File::open(&kept_archive).unwrap();
        let mut reader = OpeningReader::new(file, key.clone(), export.id);
        assert!(reader.next_chunk().is_err());
    }
    assert!(exports::open_download(&state, &ada, export.id)
        .await
        .is_err());
    // The audit log is intact and records the erasure.
    assert!(audit::verify(&state.db).await.unwrap().ok);
    let erased = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("subject_erased"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(erased, 1);
    // Every step was audited in the transaction that did it.
    let steps_audited = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("erasure_step_done"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(steps_audited, ErasureStep::CUSTOMER.len() as u64);

    // No byte of the database or the key store holds her email, name, phone,
    // message text, or her wrapped data key.
    let mut files = database_files(&state.db).await;
    files.extend(database_files(state.vault.keystore()).await);
    let leftovers = found_in(
        &files,
        &[
            ADA_EMAIL.as_bytes(),
            ADA_NAME.as_bytes(),
            ADA_PHONE.as_bytes(),
            ADA_SECRET.as_bytes(),
            &wrapped_key,
        ],
    );
    if !leftovers.is_empty() && state.db.get_database_backend() == DbBackend::Postgres {
        // Name the relations, and what was running, to make a failure explainable.
        let rows = state
            .db
            .query_all_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT relname || ' ' || relfilenode::text AS r FROM pg_class WHERE relfilenode > 16000 \
                 UNION ALL SELECT 'activity ' || coalesce(datname, '-') || ' ' || coalesce(backend_type, '') \
                 || ' xmin=' || coalesce(backend_xmin::text, '') || ' xid=' || coalesce(backend_xid::text, '') \
                 || ' ' || coalesce(state, '') || ' ' || left(coalesce(query, ''), 60) FROM pg_stat_activity",
            ))
            .await
            .unwrap();
        let names: Vec<String> = rows
            .iter()
            .map(|r| r.try_get::<String>("", "r").unwrap())
            .collect();
        panic!("{leftovers:?}\n{names:#?}");
    }
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // An admin export made now names her only by her pseudonym.
    let zip = app::server::services::exports::write_all(
        &state,
        app::server::services::exports::Reader::operator(),
        None,
        std::io::Cursor::new(Vec::new()),
    )
    .await
    .unwrap()
    .into_inner();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut contacts = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("contacts.csv").unwrap(), &mut contacts)
        .unwrap();
    assert!(
        contacts.contains(&erasure::pseudonym(ada.user_id)),
        "{contacts}"
    );
    assert!(
        !contacts.contains("ada.lovelace") && !contacts.contains("erased.invalid"),
        "{contacts}"
    );
    // Bob is untouched.
    assert_eq!(
        tickets::get(&state, &bob, bob_ticket)
            .await
            .unwrap()
            .subject,
        "Referral"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn legal_holds_block_erasure_until_lifted() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let t = tickets::open(&state, &ada, "Hello", "Text", &[])
        .await
        .unwrap();
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    let no_reason = legal_holds::place_hold(&state, &agent, ada.user_id, " ", "").await;
    assert!(matches!(
        user_error(no_reason.unwrap_err()),
        AppError::Validation { .. }
    ));
    let past =
        legal_holds::place_hold(&state, &agent, ada.user_id, "Court case", "2020-01-01").await;
    assert!(user_error(past.unwrap_err()).to_string().contains("future"));
    legal_holds::place_hold(&state, &agent, ada.user_id, "Court case 12/2026", "")
        .await
        .unwrap();
    let held = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(held.status, RequestStatus::OnHold);
    // Approval, direct erasure and ticket deletion are all refused.
    for result in [
        erasure::decide(&state, &agent, filed.id, true, "ok").await,
        erasure::erase_customer(&state, &agent, ada.user_id, "ok")
            .await
            .map(|_| ()),
        erasure::erase_ticket(&state, &agent, t, "ok")
            .await
            .map(|_| ()),
    ] {
        assert!(user_error(result.unwrap_err())
            .to_string()
            .contains("legal hold"));
    }
    let preview = erasure::preview(&state, &agent, ada.user_id).await.unwrap();
    assert!(!preview.can_lift_hold);
    // Only admins lift holds: the person who can erase does not release the brake alone.
    assert!(matches!(
        user_error(
            legal_holds::lift_hold(&state, &agent, ada.user_id)
                .await
                .unwrap_err()
        ),
        AppError::Forbidden
    ));
    assert_eq!(preview.hold.unwrap().reason, "Court case 12/2026");
    // A hold placed after approval stops the job before anything is destroyed.
    legal_holds::lift_hold(&state, &admin, ada.user_id)
        .await
        .unwrap();
    assert_eq!(
        requests::get(&state, &agent, filed.id)
            .await
            .unwrap()
            .status,
        RequestStatus::InReview
    );
    review::decide(&state, &agent, filed.id, true, "Case closed")
        .await
        .unwrap();
    legal_holds::place_hold(&state, &agent, ada.user_id, "New proceedings", "")
        .await
        .unwrap();
    drain(&state).await;
    assert!(
        state.vault.key(ada.user_id).await.unwrap().is_some(),
        "nothing destroyed under a hold"
    );
    assert_eq!(
        erasure_step::Entity::find().count(&state.db).await.unwrap(),
        0
    );
    legal_holds::lift_hold(&state, &admin, ada.user_id)
        .await
        .unwrap();
    finish_after_lease(&state, &agent, filed.id).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_extend_by_two_months_at_most_and_requests_can_be_withdrawn() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    let due = filed.due_at;
    let no_reason = requests::extend(&state, &agent, filed.id, 1, "").await;
    assert!(matches!(
        user_error(no_reason.unwrap_err()),
        AppError::Validation { .. }
    ));
    let too_long = requests::extend(&state, &agent, filed.id, 3, "Complex").await;
    assert!(matches!(
        user_error(too_long.unwrap_err()),
        AppError::Validation { .. }
    ));
    requests::extend(&state, &agent, filed.id, 1, "Many requests this month")
        .await
        .unwrap();
    let once = requests::mine(&state, &ada).await.unwrap().remove(0);
    assert_eq!(once.extended_months, 1);
    assert_eq!(
        once.due_at,
        due.checked_add_months(chrono::Months::new(1)).unwrap()
    );
    assert!(once.history.iter().any(|s| s
        .note
        .as_deref()
        .is_some_and(|n| n.contains("Many requests this month"))));
    let two_more = requests::extend(&state, &agent, filed.id, 2, "More").await;
    assert!(user_error(two_more.unwrap_err())
        .to_string()
        .contains("one more month"));
    requests::extend(&state, &agent, filed.id, 1, "Still checking")
        .await
        .unwrap();
    let third = requests::extend(&state, &agent, filed.id, 1, "Again").await;
    assert!(user_error(third.unwrap_err())
        .to_string()
        .contains("most the law allows"));
    let mails = outbound_mail::Entity::find()
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(
        mails, 4,
        "the sign-up confirmation, the receipt and two extension mails"
    );

    // The customer withdraws; afterwards it cannot be approved.
    requests::withdraw(&state, &ada, filed.id).await.unwrap();
    let gone = review::decide(&state, &agent, filed.id, true, "ok").await;
    assert!(user_error(gone.unwrap_err())
        .to_string()
        .contains("already been decided"));
    let again = requests::withdraw(&state, &ada, filed.id).await;
    assert!(user_error(again.unwrap_err())
        .to_string()
        .contains("no longer be withdrawn"));
    // A new request can be filed after a withdrawal.
    erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_left_in_another_ticket_needs_attention_until_redacted() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada Byron", "ada@example.org", "+1 555 0100 999").await;
    let (bob, _) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let bob_ticket = tickets::open(
        &state,
        &bob,
        "Hi",
        "Call Ada on +1 555 0100 999 please",
        &[],
    )
    .await
    .unwrap();
    // A subject line naming her: listed in the preview, a warning in the check.
    let other = tickets::open(&state, &bob, "Referral from Ada Byron", "Thanks", &[])
        .await
        .unwrap();
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    let preview = erasure::preview_request(&state, &agent, filed.id)
        .await
        .unwrap();
    assert!(preview
        .mentions
        .iter()
        .any(|m| m.ticket_id == other && m.message_id.is_none() && m.matched == MentionKind::Name));
    // Approval waits until her phone number is redacted from Bob's message.
    let refused = review::decide(&state, &agent, filed.id, true, "ok").await;
    assert!(user_error(refused.unwrap_err())
        .to_string()
        .contains("Redact them first"));
    let first = preview
        .mentions
        .iter()
        .find(|m| m.message_id.is_some())
        .unwrap();
    erasure::redact_message(
        &state,
        &agent,
        first.message_id.unwrap(),
        "",
        "Third-party phone",
    )
    .await
    .unwrap();
    review::decide(&state, &agent, filed.id, true, "ok")
        .await
        .unwrap();
    // Bob writes her number again before the job runs: the final check catches it.
    tickets::reply(
        &state,
        &bob,
        bob_ticket,
        "Her number: +1 555 0100 999",
        false,
    )
    .await
    .unwrap();
    drain(&state).await;
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::NeedsAttention);
    let check = r.verification.unwrap();
    assert!(!check.ok);
    assert!(
        check
            .findings
            .iter()
            .any(|f| f.contains("1 message in other customers' tickets contain their phone")),
        "{:?}",
        check.findings
    );
    // Coming back with the same address is a new account: it does not fail the
    // check of the old one, and neither do new sign-in attempts with it.
    let (again, _) = sign_up(&state, "Ada Again", "ada@example.org", "").await;
    assert_ne!(again.user_id, ada.user_id);
    let _ = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada@example.org", "wrong"),
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None,
    )
    .await;
    // After erasure the preview still points at it (from the job's sealed copy), so it can be redacted.
    let after = erasure::preview_request(&state, &agent, filed.id)
        .await
        .unwrap();
    let left = after
        .mentions
        .iter()
        .find(|m| m.message_id.is_some() && m.matched == MentionKind::Phone)
        .expect("the remaining mention is listed");
    erasure::redact_message(
        &state,
        &agent,
        left.message_id.unwrap(),
        "Call the customer back",
        "Third-party phone",
    )
    .await
    .unwrap();
    erasure::recheck(&state, &agent, filed.id).await.unwrap();
    drain(&state).await;
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::Completed, "{:?}", r.verification);
    let warnings = r.verification.unwrap().warnings;
    assert!(
        warnings.iter().any(|w| w.contains("subject line")),
        "{warnings:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_delete_a_ticket_or_a_customer_directly_and_the_setting_deletes_tickets() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let first = tickets::open(&state, &ada, "One", "First", &[])
        .await
        .unwrap();
    let second = tickets::open(&state, &ada, "Two", "Second", &[])
        .await
        .unwrap();
    let no_reason = erasure::erase_ticket(&state, &agent, first, "").await;
    assert!(matches!(
        user_error(no_reason.unwrap_err()),
        AppError::Validation { .. }
    ));
    erasure::erase_ticket(&state, &agent, first, "Sent by mistake")
        .await
        .unwrap();
    drain(&state).await;
    assert!(ticket::Entity::find_by_id(first)
        .one(&state.db)
        .await
        .unwrap()
        .is_none());
    assert!(ticket::Entity::find_by_id(second)
        .one(&state.db)
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("ticket_erased"))
            .count(&state.db)
            .await
            .unwrap(),
        1
    );
    // Only admins change the setting; then an erased customer's tickets are deleted.
    assert!(erasure::save_settings(&state, &agent, "delete")
        .await
        .is_err());
    let bad = erasure::save_settings(&state, &admin, "shred").await;
    assert!(matches!(
        user_error(bad.unwrap_err()),
        AppError::Validation { .. }
    ));
    erasure::save_settings(&state, &admin, "delete")
        .await
        .unwrap();
    erasure::erase_customer(&state, &agent, ada.user_id, "Account closed by contract")
        .await
        .unwrap();
    let twice = erasure::erase_customer(&state, &agent, ada.user_id, "again").await;
    assert!(user_error(twice.unwrap_err())
        .to_string()
        .contains("already been erased"));
    drain(&state).await;
    assert_eq!(
        ticket::Entity::find()
            .filter(ticket::Column::CustomerId.eq(ada.user_id))
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
    let job = erasure_job::Entity::find()
        .filter(erasure_job::Column::Scope.eq("customer"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, JobStatus::Completed);
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.pseudonym.as_deref(),
        Some(erasure::pseudonym(ada.user_id).as_str())
    );
    // The address is gone (the placeholder is made of the id, whose hex may spell "ada").
    assert_eq!(
        row.email,
        format!("erased-{}@erased.invalid", ada.user_id.simple())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_cannot_see_or_act_on_anyone_elses_request_or_data() {
    let state = common::state().await;
    let mut ada = Browser::new(&state);
    let r = ada
        .call::<app::api::auth::SignUp>(&[
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    common::confirm_address_of(&state, "ada@example.org").await;
    let mut bob = Browser::new(&state);
    let r = bob
        .call::<app::api::auth::SignUp>(&[
            ("name", "Bob"),
            ("email", "bob@example.org"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let filed = ada
        .call::<RequestErasure>(&[("password", PASSWORD), ("reason", "bye")])
        .await;
    assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
    let id = filed.json()["id"].as_str().unwrap().to_owned();
    let ada_id = privacy_request::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .subject_id
        .to_string();
    let ada_actor = Actor {
        user_id: Uuid::parse_str(&ada_id).unwrap(),
        role: Role::Customer,
        email: "ada@example.org".into(),
        session_token_hash: String::new(),
        client: "local".to_owned(),
        needs_two_factor_setup: false,
        email_confirmed: true,
        second_factor_at: None,
        locale: Default::default(),
        grant: app::server::policy::Grant::built_in(Role::Customer),
    };
    let t = tickets::open(&state, &ada_actor, "Mine", "Private", &[])
        .await
        .unwrap()
        .to_string();
    let m = message::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();

    // Withdrawing someone else's request looks exactly like a missing one.
    let r = bob.call::<WithdrawRequest>(&[("id", &id)]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // Staff actions are forbidden to customers, including on their own request.
    for (who, reply) in [
        ("get", bob.call::<GetRequest>(&[("id", &id)]).await),
        ("preview", bob.call::<ErasurePreview>(&[("id", &id)]).await),
        (
            "customer preview",
            bob.call::<CustomerErasurePreview>(&[("subject", &ada_id)])
                .await,
        ),
        (
            "decide",
            bob.call::<DecideRequest>(&[("id", &id), ("approve", "true"), ("reason", "x")])
                .await,
        ),
        (
            "own decide",
            ada.call::<DecideRequest>(&[("id", &id), ("approve", "true"), ("reason", "x")])
                .await,
        ),
        (
            "hold",
            bob.call::<PlaceHold>(&[("subject", &ada_id), ("reason", "x")])
                .await,
        ),
        ("lift", bob.call::<LiftHold>(&[("subject", &ada_id)]).await),
        (
            "erase ticket",
            bob.call::<EraseTicket>(&[("ticket_id", &t), ("reason", "x")])
                .await,
        ),
        (
            "redact",
            bob.call::<RedactMessage>(&[("message_id", &m), ("reason", "x")])
                .await,
        ),
        (
            "extend",
            bob.call::<ExtendRequest>(&[("id", &id), ("months", "1"), ("reason", "x")])
                .await,
        ),
        ("recheck", bob.call::<RecheckErasure>(&[("id", &id)]).await),
        (
            "erase customer",
            bob.call::<EraseCustomer>(&[("subject", &ada_id), ("reason", "x")])
                .await,
        ),
        ("settings", bob.call::<PrivacySettings>(&[]).await),
        (
            "save settings",
            bob.call::<SavePrivacySettings>(&[("erased_tickets", "delete")])
                .await,
        ),
    ] {
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who}: {}", reply.body);
    }
    // What erasure does with tickets is for signed-in people only.
    let mut stranger = Browser::new(&state);
    let r = stranger.call::<ErasedTicketsPolicy>(&[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    let r = bob.call::<ErasedTicketsPolicy>(&[]).await;
    assert_eq!(
        (r.status, r.json()),
        (StatusCode::OK, serde_json::json!("anonymise"))
    );
    // Nothing changed: the setting, the request, her key.
    assert_eq!(
        erasure::tickets_policy(&state.db).await.unwrap(),
        TicketsPolicy::Anonymise
    );
    let r = privacy_request::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.status, RequestStatus::InReview);
    assert!(state.vault.key(ada_actor.user_id).await.unwrap().is_some());
    // Staff may not file erasure requests for themselves through the customer form.
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    assert!(matches!(
        user_error(
            erasure::request(&state, &agent, PASSWORD, "")
                .await
                .unwrap_err()
        ),
        AppError::Forbidden
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_final_mail_goes_out_before_the_address_is_removed() {
    let mut state = common::state().await;
    state.mail.smtp_configured = true;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    review::decide(&state, &agent, filed.id, true, "ok")
        .await
        .unwrap();
    drain(&state).await;
    // Waiting for the notice: the address is still there, the job not done.
    let job = erasure_job::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, JobStatus::Queued);
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.email, "ada@example.org");
    let (port, received) = common::start_sink();
    let mailer = server::mailer::Mailer::from_settings(&common::smtp_settings(port))
        .unwrap()
        .unwrap();
    server::mailer::deliver_due(&state, &mailer).await.unwrap();
    let mails = received.lock().unwrap().clone();
    assert_eq!(
        mails.len(),
        1,
        "earlier mail was erased with its key; only the notice goes"
    );
    assert!(
        mails[0].contains("Your data has been erased"),
        "{}",
        mails[0]
    );
    assert!(
        mails[0].contains("Our team's note when approving your request: ok"),
        "{}",
        mails[0]
    );
    assert!(mails[0].contains("To: ada@example.org"), "{}", mails[0]);
    finish_after_lease(&state, &agent, filed.id).await;
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(row.email, "ada@example.org");
    assert_eq!(
        outbound_mail::Entity::find()
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_one_worker_claims_a_job() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    erasure::erase_customer(&state, &agent, ada.user_id, "Contract ended")
        .await
        .unwrap();
    // Two workers on their own tasks (and pool connections) race for the same job.
    let now = Utc::now();
    let racers: Vec<_> = (0..2)
        .map(|_| {
            let db = state.db.clone();
            tokio::spawn(async move { erasure::claim_next(&db, now).await })
        })
        .collect();
    let mut claimed = 0;
    for racer in racers {
        if racer.await.unwrap().unwrap().is_some() {
            claimed += 1;
        }
    }
    assert_eq!(claimed, 1);
    // While its lease runs, nobody else gets it.
    assert!(erasure::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loose_ends_expired_holds_open_email_changes_and_a_job_that_keeps_failing() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let change = email_change::request_email_change(&state, &ada, "ada.new@example.org", PASSWORD)
        .await
        .unwrap();
    let ticket = tickets::open(&state, &ada, "Old question", "Still there?", &[])
        .await
        .unwrap();
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    legal_holds::place_hold(&state, &agent, ada.user_id, "Audit", "2999-01-01")
        .await
        .unwrap();
    // The hold's end date passes: the request can be approved without anyone lifting it.
    app::server::entities::legal_hold::Entity::update_many()
        .col_expr(
            app::server::entities::legal_hold::Column::Until,
            sea_orm::sea_query::Expr::value(Some(Utc::now() - chrono::Duration::days(1))),
        )
        .exec(&state.db)
        .await
        .unwrap();
    review::decide(&state, &agent, filed.id, true, "Hold over")
        .await
        .unwrap();
    // The open email change is closed, not left to fail later.
    let closed = requests::get(&state, &agent, change.id).await.unwrap();
    assert_eq!(closed.status, RequestStatus::Rejected);
    // A job that fails every time stops after MAX_ATTEMPTS and asks for attention.
    let job = erasure_job::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    erasure_job::Entity::update_many()
        .col_expr(
            erasure_job::Column::Attempts,
            sea_orm::sea_query::Expr::value(erasure::MAX_ATTEMPTS),
        )
        .exec(&state.db)
        .await
        .unwrap();
    let unreachable = ServiceError::invariant("database unreachable");
    erasure::record_error(&state, job.id, &unreachable)
        .await
        .unwrap();
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::NeedsAttention);
    let failed = format!("failed {} times", erasure::MAX_ATTEMPTS);
    assert!(r.verification.unwrap().findings[0].contains(&failed));
    assert!(erasure::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .is_none());
    // After the cause is fixed, running the check again resumes and completes the job.
    erasure::recheck(&state, &agent, filed.id).await.unwrap();
    drain(&state).await;
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::Completed, "{:?}", r.verification);

    // The erased customer's ticket takes no more replies, with a clear message.
    let refused = tickets::reply(&state, &agent, ticket, "Hello?", false).await;
    assert!(user_error(refused.unwrap_err())
        .to_string()
        .contains("takes no more replies"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redaction_reaches_the_audit_log_and_the_chain_still_catches_tampering() {
    use app::server::services::activity;
    let state = common::state().await;
    let (bob, _) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let secret = "my neighbour is carol.third@example.org";
    let t = tickets::open(&state, &bob, "Neighbour", secret, &[])
        .await
        .unwrap();
    let reply = tickets::reply(&state, &bob, t, &format!("again: {secret}"), false)
        .await
        .unwrap();
    let first = message::Entity::find()
        .filter(message::Column::TicketId.eq(t))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id != reply)
        .unwrap();
    erasure::redact_message(&state, &agent, first.id, "", "Third party")
        .await
        .unwrap();
    erasure::redact_message(&state, &agent, reply, "", "Third party")
        .await
        .unwrap();
    // Neither the messages nor the audit log's copies (ticket opened, reply) hold it any more.
    let seen = |state: &AppState, who: Actor| {
        let state = state.clone();
        async move {
            serde_json::to_string(&activity::my_activity(&state, &who, 0).await.unwrap().items)
                .unwrap()
        }
    };
    let bobs = seen(&state, bob.clone()).await;
    assert!(!bobs.contains("carol.third"), "{bobs}");
    assert!(bobs.contains("[redacted]"), "{bobs}");
    let report = audit::verify(&state.db).await.unwrap();
    assert!(report.ok, "{report:?}");
    let redacted: Vec<audit_event::Model> = audit_event::Entity::find()
        .filter(audit_event::Column::ChangesRedactedAt.is_not_null())
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(redacted.len(), 2);

    // Swapping a redacted event's sealed changes for other ones is still caught.
    let other = audit_event::Entity::find()
        .filter(audit_event::Column::Changes.is_not_null())
        .filter(audit_event::Column::ChangesRedactedAt.is_null())
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let victim = &redacted[0];
    let original = victim.changes.clone().unwrap();
    audit_event::Entity::update_many()
        .col_expr(
            audit_event::Column::Changes,
            sea_orm::sea_query::Expr::value(other.changes.clone().unwrap()),
        )
        .filter(audit_event::Column::Seq.eq(victim.seq))
        .exec(&state.db)
        .await
        .unwrap();
    let report = audit::verify(&state.db).await.unwrap();
    assert_eq!(report.first_bad_seq, Some(victim.seq), "{report:?}");
    audit_event::Entity::update_many()
        .col_expr(
            audit_event::Column::Changes,
            sea_orm::sea_query::Expr::value(original),
        )
        .filter(audit_event::Column::Seq.eq(victim.seq))
        .exec(&state.db)
        .await
        .unwrap();
    assert!(audit::verify(&state.db).await.unwrap().ok);
    // Marking an event "redacted" without a redaction recording it is caught too.
    audit_event::Entity::update_many()
        .col_expr(
            audit_event::Column::ChangesRedactedAt,
            sea_orm::sea_query::Expr::value(Some(Utc::now())),
        )
        .filter(audit_event::Column::Seq.eq(other.seq))
        .exec(&state.db)
        .await
        .unwrap();
    let report = audit::verify(&state.db).await.unwrap();
    assert_eq!(report.first_bad_seq, Some(other.seq), "{report:?}");
}

/// Every lease runs out and the worker takes another turn.
async fn next_turn(state: &AppState) {
    erasure_job::Entity::update_many()
        .col_expr(
            erasure_job::Column::LeaseUntil,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .exec(&state.db)
        .await
        .unwrap();
    drain(state).await;
}

/// The job (the only one, or `id`) did not complete, and its last error says `why`.
async fn stuck_job(state: &AppState, id: Option<Uuid>, why: &str) -> erasure_job::Model {
    let query = match id {
        Some(id) => erasure_job::Entity::find_by_id(id),
        None => erasure_job::Entity::find(),
    };
    let job = query.one(&state.db).await.unwrap().unwrap();
    assert_ne!(job.status, JobStatus::Completed);
    assert!(
        job.last_error.as_deref().unwrap_or_default().contains(why),
        "{job:?}"
    );
    job
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_archive_that_cannot_be_deleted_fails_the_step_and_the_check_finds_leftovers() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    // An admin's export of every module holds Ada's data under the admin's key.
    let all = exports::request_all(&state, &admin, PASSWORD)
        .await
        .unwrap();
    let export = exports::claim_next(&state.db, Utc::now())
        .await
        .unwrap()
        .unwrap();
    exports::build(&state, &export).await.unwrap();
    let archive = state.exports.dir.join(format!("{}.zip.enc", all.id));
    assert!(archive.is_file());
    // The file cannot be deleted: a folder that is not empty stands in its place.
    std::fs::remove_file(&archive).unwrap();
    std::fs::create_dir_all(archive.join("stuck")).unwrap();

    erasure::erase_customer(&state, &admin, ada.user_id, "Contract ended")
        .await
        .unwrap();
    drain(&state).await;
    let job = stuck_job(&state, None, "cannot delete").await;
    let done: Vec<ErasureStep> = erasure_step::Entity::find()
        .filter(erasure_step::Column::JobId.eq(job.id))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.step)
        .collect();
    assert!(done.contains(&ErasureStep::Pseudonymise));
    assert!(!done.contains(&ErasureStep::DeleteExports), "{done:?}");
    let row = data_export::Entity::find_by_id(all.id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.status,
        ExportStatus::Ready,
        "not withdrawn while its file is still there"
    );

    // Once the file can go, the job resumes where it stopped and completes.
    std::fs::remove_dir_all(&archive).unwrap();
    next_turn(&state).await;
    let job = erasure_job::Entity::find_by_id(job.id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, JobStatus::Completed, "{job:?}");
    assert!(!archive.exists());

    // The final check looks at the disk, not only at the rows.
    let on_disk = |check: &app::model::ErasureCheck| {
        check.findings.iter().any(|f| f.contains("still stored"))
    };
    assert!(!on_disk(
        &erasure::final_check_of(&state, job.id).await.unwrap()
    ));
    std::fs::write(&archive, b"left behind").unwrap();
    let check = erasure::final_check_of(&state, job.id).await.unwrap();
    assert!(on_disk(&check), "{:?}", check.findings);
    std::fs::remove_file(&archive).unwrap();
}

#[tokio::test]
async fn a_ticket_job_without_its_ticket_is_refused_not_passed() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let ticket_id = tickets::open(&state, &ada, "Printer", "It jams", &[])
        .await
        .unwrap();
    let job_id = erasure::erase_ticket(&state, &agent, ticket_id, "Duplicate")
        .await
        .unwrap();
    // The job's row loses its ticket after the delete step was recorded (a hand
    // edit, a bad migration): the check must not pass on "no ticket".
    erasure_step::ActiveModel {
        job_id: sea_orm::ActiveValue::Set(job_id),
        step: sea_orm::ActiveValue::Set(ErasureStep::DeleteTicket),
        completed_at: sea_orm::ActiveValue::Set(Utc::now()),
        detail: sea_orm::ActiveValue::Set("{}".into()),
    }
    .insert(&state.db)
    .await
    .unwrap();
    erasure_job::Entity::update_many()
        .col_expr(
            erasure_job::Column::TicketId,
            sea_orm::sea_query::Expr::value(Option::<Uuid>::None),
        )
        .filter(erasure_job::Column::Id.eq(job_id))
        .exec(&state.db)
        .await
        .unwrap();
    drain(&state).await;
    stuck_job(&state, Some(job_id), "without a ticket").await;
    assert!(ticket::Entity::find_by_id(ticket_id)
        .one(&state.db)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_from_before_and_a_broken_setting_are_not_dead_ends() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let job_id = erasure::erase_customer(&state, &admin, ada.user_id, "Contract ended")
        .await
        .unwrap();
    drain(&state).await;
    // A `delete_exports` record written before the archive ids were kept (counts only)
    // still lets the final check run.
    erasure_step::Entity::update_many()
        .col_expr(
            erasure_step::Column::Detail,
            sea_orm::sea_query::Expr::value(r#"{"own":1,"all_modules":0}"#),
        )
        .filter(erasure_step::Column::JobId.eq(job_id))
        .filter(erasure_step::Column::Step.eq(ErasureStep::DeleteExports))
        .exec(&state.db)
        .await
        .unwrap();
    let check = erasure::final_check_of(&state, job_id).await.unwrap();
    assert!(!check.findings.iter().any(|f| f.contains("on disk")));

    // A setting holding something that is not a policy is refused when read…
    app::server::entities::setting::Entity::update_many()
        .col_expr(
            app::server::entities::setting::Column::Value,
            sea_orm::sea_query::Expr::value("shred-it-all"),
        )
        .exec(&state.db)
        .await
        .unwrap();
    app::server::entities::setting::Entity::insert(app::server::entities::setting::ActiveModel {
        key: sea_orm::ActiveValue::Set(erasure::ERASED_TICKETS.to_owned()),
        value: sea_orm::ActiveValue::Set("shred-it-all".to_owned()),
    })
    .exec(&state.db)
    .await
    .ok();
    assert!(erasure::tickets_policy(&state.db).await.is_err());
    // …and an admin can still replace it with a valid one.
    let saved = erasure::save_settings(&state, &admin, "delete")
        .await
        .unwrap();
    assert_eq!(saved.erased_tickets, TicketsPolicy::Delete);
}

/// The rows of the blind index that belong to these texts (messages or tickets).
async fn index_rows(state: &AppState, sources: &[Uuid]) -> u64 {
    use app::server::entities::blind_index;
    blind_index::Entity::find()
        .filter(blind_index::Column::SourceId.is_in(sources.to_vec()))
        .count(&state.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_are_looked_up_in_the_blind_index_which_follows_the_texts() {
    use app::server::{blind_index, entities::blind_index_backfill};
    let state = common::state().await;
    let (ada, _) = sign_up(&state, ADA_NAME, ADA_EMAIL, ADA_PHONE).await;
    let (bob, _) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let bob_ticket = tickets::open(
        &state,
        &bob,
        "Printer",
        &format!("Please copy {} on this", ADA_EMAIL.to_uppercase()),
        &[],
    )
    .await
    .unwrap();
    let mention = message::Entity::find()
        .filter(message::Column::TicketId.eq(bob_ticket))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let found = |p: app::model::ErasurePreview| {
        p.mentions
            .iter()
            .filter(|m| m.message_id == Some(mention))
            .count()
    };
    assert_eq!(
        found(erasure::preview(&state, &admin, ada.user_id).await.unwrap()),
        1
    );

    // The rows hold keyed tokens, never the text.
    let rows = app::server::entities::blind_index::Entity::find()
        .all(&state.db)
        .await
        .unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.token.len(), 16);
        assert!(!row.token.windows(3).any(|w| w == b"ada" || w == b"bob"));
    }

    // The preview reads the index, not every message: without the rows it finds nothing…
    app::server::entities::blind_index::Entity::delete_many()
        .exec(&state.db)
        .await
        .unwrap();
    assert_eq!(
        found(erasure::preview(&state, &admin, ada.user_id).await.unwrap()),
        0
    );
    // …and texts written before the index existed are indexed on the next look-up.
    blind_index_backfill::Entity::update_many()
        .col_expr(
            blind_index_backfill::Column::Done,
            sea_orm::sea_query::Expr::value(false),
        )
        .col_expr(
            blind_index_backfill::Column::AfterId,
            sea_orm::sea_query::Expr::value(Option::<Uuid>::None),
        )
        .exec(&state.db)
        .await
        .unwrap();
    assert_eq!(
        found(erasure::preview(&state, &admin, ada.user_id).await.unwrap()),
        1
    );
    assert_eq!(blind_index::catch_up(&state).await.unwrap(), 0, "done once");

    // A redaction re-indexes the message: the address is no longer found there.
    erasure::redact_message(
        &state,
        &admin,
        mention,
        "Please copy her on this",
        "Third party",
    )
    .await
    .unwrap();
    assert_eq!(
        found(erasure::preview(&state, &admin, ada.user_id).await.unwrap()),
        0
    );
    assert!(
        index_rows(&state, &[mention]).await > 0,
        "the new text is indexed"
    );

    // Erasing Bob with his tickets kept (anonymised) takes his texts out of the index.
    erasure::save_settings(&state, &admin, "anonymise")
        .await
        .unwrap();
    let job = erasure::erase_customer(&state, &admin, bob.user_id, "Contract ended")
        .await
        .unwrap();
    drain(&state).await;
    assert!(ticket::Entity::find_by_id(bob_ticket)
        .one(&state.db)
        .await
        .unwrap()
        .is_some());
    assert_eq!(index_rows(&state, &[bob_ticket, mention]).await, 0);
    let done = erasure_job::Entity::find_by_id(job)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, JobStatus::Completed, "its final check passed");
    let check = erasure::final_check_of(&state, job).await.unwrap();
    assert!(!check.findings.iter().any(|f| f.contains("search index")));
    // A row left behind fails the check.
    let stale = state.vault.index_key().await.unwrap();
    blind_index::write(&state.db, &stale, mention, "bob@example.org")
        .await
        .unwrap();
    let check = erasure::final_check_of(&state, job).await.unwrap();
    assert!(
        check
            .findings
            .iter()
            .any(|f| f.contains("still in the search index")),
        "{:?}",
        check.findings
    );
}

/// A key store restored without the index key's row: the index is emptied and
/// built again rather than left with tokens no key matches; and the back-fill
/// never brings back the tokens of a text that changed after it was read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_index_key_rebuilds_the_index() {
    use app::server::{
        blind_index, entities::blind_index as index_rows_table, vault::INDEX_KEY_ROW,
    };
    let state = common::state().await;
    let (ada, _) = sign_up(&state, ADA_NAME, ADA_EMAIL, ADA_PHONE).await;
    let (bob, _) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    tickets::open(&state, &bob, "Hello", &format!("Copy {ADA_EMAIL}"), &[])
        .await
        .unwrap();
    blind_index::catch_up(&state).await.unwrap();
    assert_eq!(
        blind_index::catch_up(&state).await.unwrap(),
        0,
        "nothing left to index"
    );
    subject_key::Entity::delete_by_id(INDEX_KEY_ROW)
        .exec(state.vault.keystore())
        .await
        .unwrap();
    // Every text (here one subject line and one message) is indexed again, under a new key.
    assert_eq!(blind_index::catch_up(&state).await.unwrap(), 2);
    assert!(state.vault.has_index_key().await.unwrap());
    assert_eq!(
        blind_index::catch_up(&state).await.unwrap(),
        0,
        "and only once"
    );
    assert!(
        index_rows_table::Entity::find()
            .count(&state.db)
            .await
            .unwrap()
            > 0
    );
    let preview = erasure::preview(&state, &admin, ada.user_id).await.unwrap();
    assert_eq!(preview.mentions.len(), 1);
}

/// The status changes the audit log holds for one ticket, as `(before, after, actor)`.
async fn status_changes(state: &AppState, ticket: Uuid) -> Vec<(String, String, Option<Uuid>)> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("ticket_status_changed"))
        .filter(audit_event::Column::EntityId.eq(ticket.to_string()))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| {
            let details: Vec<audit::Change> = serde_json::from_str(e.details.as_deref()?).unwrap();
            let status = details.into_iter().find(|c| c.field == "status")?;
            Some((status.before?, status.after?, e.actor_id))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erased_customers_open_tickets_are_closed_audited_and_counted() {
    let mut state = common::state().await;
    // The job then waits for the final mail to leave, so the mail can be read.
    state.mail.smtp_configured = true;
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    let (bob, _) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let open = tickets::open(&state, &ada, "Still open", "Help", &[])
        .await
        .unwrap();
    let pending = tickets::open(&state, &ada, "Waiting for her", "Help", &[])
        .await
        .unwrap();
    tickets::set_status(&state, &agent, pending, TicketStatus::Pending)
        .await
        .unwrap();
    let solved = tickets::open(&state, &ada, "Done", "Help", &[])
        .await
        .unwrap();
    tickets::set_status(&state, &agent, solved, TicketStatus::Solved)
        .await
        .unwrap();
    let bobs = tickets::open(&state, &bob, "Bob's question", "Hi", &[])
        .await
        .unwrap();

    // The preview says what happens to the tickets still waiting for an answer.
    let preview = erasure::preview(&state, &agent, ada.user_id).await.unwrap();
    let waiting = preview
        .categories
        .iter()
        .find(|c| c.category == "Open or pending tickets")
        .expect("a row for open tickets");
    assert_eq!(waiting.count, 2);
    assert!(waiting.outcome.starts_with("Closed"), "{}", waiting.outcome);

    let job = erasure::erase_customer(&state, &agent, ada.user_id, "Asked by phone")
        .await
        .unwrap();
    drain(&state).await;

    // Closed in the step that keeps them anonymised, which counts them.
    let status = |id: Uuid| {
        let db = state.db.clone();
        async move {
            ticket::Entity::find_by_id(id)
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .status
        }
    };
    assert_eq!(status(open).await, TicketStatus::Closed);
    assert_eq!(status(pending).await, TicketStatus::Closed);
    assert_eq!(status(solved).await, TicketStatus::Solved);
    assert_eq!(status(bobs).await, TicketStatus::Open, "Bob's is untouched");
    let step = erasure_step::Entity::find_by_id((job, ErasureStep::DeleteRecords))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_str(&step.detail).unwrap();
    assert_eq!(detail["tickets_closed"], 2, "{detail}");
    // Each change is audited as a status change, by the portal's job (no person).
    let by = None;
    assert_eq!(
        status_changes(&state, open).await,
        vec![("open".into(), "closed".into(), by)]
    );
    assert_eq!(
        status_changes(&state, pending).await,
        vec![("pending".into(), "closed".into(), by)]
    );
    // (The agent's own changes are sealed under her key, so not listed here.)
    assert!(status_changes(&state, solved).await.is_empty());
    assert!(status_changes(&state, bobs).await.is_empty());
    // The final mail tells her.
    let body = common::mail_body_to(&state, job, "ada@example.org").await;
    assert!(
        body.contains("Your 2 open tickets were closed with your account"),
        "{body}"
    );
    // The queue no longer shows them as open.
    let open_only = app::model::TicketQuery {
        status: Some(TicketStatus::Open),
        ..Default::default()
    };
    let queue = tickets::list(&state, &agent, open_only).await.unwrap();
    let ids: Vec<Uuid> = queue.items.iter().map(|t| t.id).collect();
    assert_eq!(ids, vec![bobs]);

    // The mail left; the job finishes, and its check passes.
    outbound_mail::Entity::update_many()
        .col_expr(
            outbound_mail::Column::Status,
            sea_orm::sea_query::Expr::value(app::model::MailStatus::Sent),
        )
        .exec(&state.db)
        .await
        .unwrap();
    next_turn(&state).await;
    let done = erasure_job::Entity::find_by_id(job)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, JobStatus::Completed, "{done:?}");
    assert!(audit::verify(&state.db).await.unwrap().ok);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_whose_tickets_are_deleted_has_none_closed() {
    let state = common::state().await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    erasure::save_settings(&state, &admin, "delete")
        .await
        .unwrap();
    let (ada, _) = sign_up(&state, "Ada", "ada@example.org", "").await;
    tickets::open(&state, &ada, "Still open", "Help", &[])
        .await
        .unwrap();
    let preview = erasure::preview(&state, &admin, ada.user_id).await.unwrap();
    let waiting = preview
        .categories
        .iter()
        .find(|c| c.category == "Open or pending tickets")
        .unwrap();
    assert_eq!((waiting.count, waiting.outcome.as_str()), (1, "Deleted"));
    let job = erasure::erase_customer(&state, &admin, ada.user_id, "Asked by phone")
        .await
        .unwrap();
    drain(&state).await;
    let step = erasure_step::Entity::find_by_id((job, ErasureStep::DeleteRecords))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_str(&step.detail).unwrap();
    assert_eq!(
        (&detail["tickets_closed"], &detail["tickets_deleted"]),
        (&serde_json::json!(0), &serde_json::json!(1)),
        "{detail}"
    );
    assert_eq!(
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("ticket_status_changed"))
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_redact_a_subject_line_and_the_final_check_stops_warning_about_it() {
    let state = common::state().await;
    let (ada, _) = sign_up(&state, "Ada Byron", "ada@example.org", "+1 555 0100 999").await;
    let (bob, bob_cookie) = sign_up(&state, "Bob", "bob@example.org", "").await;
    let (carol, carol_cookie) = sign_up(&state, "Carol", "carol@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let referral = tickets::open(&state, &bob, "Referral from Ada Byron", "Thanks", &[])
        .await
        .unwrap();
    let ada_ticket = tickets::open(&state, &ada, "Mine", "Help", &[])
        .await
        .unwrap();
    let bob_ticket = tickets::open(&state, &bob, "Printer", "It jams", &[])
        .await
        .unwrap();
    // A subject line naming her does not hold up approval; Bob then writes her
    // number before the job runs, so the check fails and can be run again.
    let filed = erasure::request(&state, &ada, PASSWORD, "").await.unwrap();
    review::decide(&state, &agent, filed.id, true, "ok")
        .await
        .unwrap();
    tickets::reply(
        &state,
        &bob,
        bob_ticket,
        "Her number: +1 555 0100 999",
        false,
    )
    .await
    .unwrap();
    drain(&state).await;
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::NeedsAttention);
    let warnings = r.verification.unwrap().warnings;
    assert!(
        warnings.iter().any(|w| w.contains("subject line")),
        "{warnings:?}"
    );
    let job = erasure_job::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap()
        .id;

    // Customers cannot: not on their own ticket, and another's is not even found.
    let t = referral.to_string();
    let form = [("ticket_id", t.as_str()), ("reason", "x")];
    let mut bob_browser = Browser::new(&state);
    bob_browser.cookie = Some(format!("custodian_session={bob_cookie}"));
    let reply = bob_browser.call::<RedactSubject>(&form).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let mut carol_browser = Browser::new(&state);
    carol_browser.cookie = Some(format!("custodian_session={carol_cookie}"));
    let reply = carol_browser.call::<RedactSubject>(&form).await;
    assert_eq!(
        (reply.status, reply.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found"),
        "{}",
        reply.body
    );
    assert!(matches!(
        user_error(
            erasure::redact_subject(&state, &carol, referral, "", "x")
                .await
                .unwrap_err()
        ),
        AppError::NotFound
    ));
    // Staff give a reason, and a subject stays one line of at most 200 characters.
    for (replacement, reason, field) in [
        ("", " ", "reason"),
        ("Referral\nfrom a friend", "Third party", "replacement"),
        (&"x".repeat(201)[..], "Third party", "replacement"),
    ] {
        let refused = erasure::redact_subject(&state, &agent, referral, replacement, reason)
            .await
            .unwrap_err();
        assert!(
            matches!(user_error(refused), AppError::Validation { field: f, .. } if f == field),
            "{field}"
        );
    }
    assert_eq!(
        tickets::get(&state, &bob, referral).await.unwrap().subject,
        "Referral from Ada Byron",
        "nothing changed yet"
    );

    // An agent redacts it.
    let reply = {
        let mut agent_browser = Browser::new(&state);
        let (_, token) = accounts::sign_in(
            &state,
            accounts::Credentials::password("agent@example.org", PASSWORD),
            &app::server::services::sessions::Device::new(None, "127.0.0.1"),
            None,
        )
        .await
        .unwrap();
        agent_browser.cookie = Some(format!("custodian_session={}", token.expose()));
        agent_browser
            .call::<RedactSubject>(&[
                ("ticket_id", t.as_str()),
                ("reason", "Names another customer"),
            ])
            .await
    };
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // Everyone reads "[Redacted]".
    assert_eq!(
        tickets::get(&state, &bob, referral).await.unwrap().subject,
        "[Redacted]"
    );
    let queue = tickets::list(&state, &agent, Default::default())
        .await
        .unwrap();
    assert!(queue
        .items
        .iter()
        .any(|s| s.id == referral && s.subject == "[Redacted]"));
    // Audited like a message's redaction, and the audit log's copy is redacted too.
    let redacted = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("message_redacted"))
        .filter(audit_event::Column::EntityType.eq("ticket"))
        .filter(audit_event::Column::EntityId.eq(t.clone()))
        .one(&state.db)
        .await
        .unwrap()
        .expect("the redaction is audited");
    assert_eq!(redacted.actor_id, Some(agent.user_id));
    assert_eq!(redacted.subject_id, Some(bob.user_id));
    let bob_key = state.vault.key(bob.user_id).await.unwrap().unwrap();
    let changes = audit::open_changes(Some(&bob_key), &redacted);
    assert!(changes
        .iter()
        .any(|c| c.field == "reason" && c.after.as_deref() == Some("Names another customer")));
    let created = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("ticket_created"))
        .filter(audit_event::Column::EntityId.eq(t.clone()))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let subject = audit::open_changes(Some(&bob_key), &created)
        .into_iter()
        .find(|c| c.field == "subject")
        .unwrap();
    assert_eq!(subject.after.as_deref(), Some("[redacted]"));
    assert!(audit::verify(&state.db).await.unwrap().ok);
    // Its index rows follow the new text: her name is no longer among them.
    let index = state.vault.index_key().await.unwrap();
    let rows = app::server::entities::blind_index::Entity::find()
        .filter(app::server::entities::blind_index::Column::SourceId.eq(referral))
        .all(&state.db)
        .await
        .unwrap();
    // "Redacted" and the ticket's reference (and a phone-number token when the
    // reference's eight hex digits happen to be all decimal ones).
    let expected = app::server::blind_index::tokens(&app::server::blind_index::ticket_text(
        referral,
        "[Redacted]",
    ));
    assert!((2..=3).contains(&expected.len()), "{expected:?}");
    assert_eq!(rows.len(), expected.len(), "{expected:?}");
    assert!(rows
        .iter()
        .all(|r| r.token != index.token("w:byron").to_vec()));

    // The check no longer warns about it, nor does the preview list it.
    let check = erasure::final_check_of(&state, job).await.unwrap();
    assert!(
        !check.warnings.iter().any(|w| w.contains("subject line")),
        "{:?}",
        check.warnings
    );
    let after = erasure::preview_request(&state, &agent, filed.id)
        .await
        .unwrap();
    assert!(after.mentions.iter().all(|m| m.message_id.is_some()));
    // With the phone number redacted too, the erasure completes without warnings.
    let left = after
        .mentions
        .iter()
        .find(|m| m.matched == MentionKind::Phone)
        .unwrap();
    erasure::redact_message(
        &state,
        &agent,
        left.message_id.unwrap(),
        "",
        "Third-party phone",
    )
    .await
    .unwrap();
    erasure::recheck(&state, &agent, filed.id).await.unwrap();
    drain(&state).await;
    let r = requests::get(&state, &agent, filed.id).await.unwrap();
    assert_eq!(r.status, RequestStatus::Completed, "{:?}", r.verification);
    let check = r.verification.unwrap();
    assert!(check.warnings.is_empty(), "{:?}", check.warnings);
    // An erased customer's subject is unreadable already: nothing to redact.
    let refused = erasure::redact_subject(&state, &agent, ada_ticket, "", "Third party")
        .await
        .unwrap_err();
    assert!(matches!(user_error(refused), AppError::Conflict { .. }));
}
