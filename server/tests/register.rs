//! The register of privacy requests: every request with its deadlines,
//! decision, answer, extension and what was searched; counts and times;
//! the CSV guarded against formulas; staff who review requests only, and
//! nothing personal in it.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, Browser, PASSWORD};

use app::server::entities::audit_event;
use app::{
    api::privacy::{RequestExport, RequestRegister, RequestRegisterEntry},
    model::{RegisterKind, RegisterOutcome, Role},
    server::services::{
        erasure,
        requests::{self, register},
        review,
    },
};
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn sha256_hex(id: uuid::Uuid) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(id.as_bytes()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_records_each_request_and_only_reviewers_read_it() {
    let state = common::state().await;
    let (ada, _) = common::sign_up_confirmed(&state, "Ada Lovelace", "ada@example.org", "").await;
    let (bob, _) = common::sign_up_confirmed(&state, "Bob Byron", "bob@example.org", "").await;
    let (cleo, cleo_cookie) =
        common::sign_up_confirmed(&state, "Cleo Curie", "cleo@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;

    // Ada's erasure: extended with a reason, then still open.
    let ada_request = erasure::request(&state, &ada, PASSWORD, "Leaving")
        .await
        .unwrap();
    requests::extend(
        &state,
        &agent,
        ada_request.id,
        1,
        "Many requests this month",
    )
    .await
    .unwrap();
    // Bob's erasure: refused, with a reason that looks like a spreadsheet formula.
    let bob_request = erasure::request(&state, &bob, PASSWORD, "").await.unwrap();
    review::decide(
        &state,
        &agent,
        bob_request.id,
        false,
        "=HYPERLINK(\"http://x\")",
    )
    .await
    .unwrap();
    // Cleo downloads her data: an access request, answered by the portal.
    let mut cleo_http = Browser::new(&state);
    cleo_http.cookie = Some(format!("custodian_session={cleo_cookie}"));
    let r = cleo_http
        .call::<RequestExport>(&[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(server::exports_worker::work_once(&state).await);

    let all = register::entries(&state, &agent).await.unwrap();
    assert_eq!(all.len(), 3, "{all:#?}");
    let ada_entry = all.iter().find(|e| e.request_id == ada_request.id).unwrap();
    assert_eq!(ada_entry.kind, RegisterKind::Erasure);
    assert_eq!(ada_entry.extended_months, 1);
    // The reason staff wrote may name people: the register points to the request page.
    assert!(ada_entry
        .extension_reason
        .as_deref()
        .is_some_and(|r| r.contains("request page") && !r.contains("Many requests")));
    assert!(ada_entry.extension_told_at.is_some());
    assert_eq!(ada_entry.outcome, RegisterOutcome::Open);
    assert_eq!(ada_entry.responded_at, None);
    let ada_ref = register::subject_reference(&state, ada.user_id)
        .await
        .unwrap();
    assert_eq!(ada_entry.subject_ref, ada_ref);
    assert!(
        ada_ref.starts_with("S-") && ada_ref.len() == 12,
        "{ada_ref}"
    );
    // Not the plain digest of her id: knowing the id does not find her requests.
    assert!(!sha256_hex(ada.user_id).starts_with(&ada_ref[2..]));
    let bob_entry = all.iter().find(|e| e.request_id == bob_request.id).unwrap();
    assert_eq!(bob_entry.outcome, RegisterOutcome::Rejected);
    assert_eq!(bob_entry.decided_by, Some(Role::Agent));
    assert!(bob_entry.decided_at.is_some() && bob_entry.responded_at.is_some());
    assert!(
        bob_entry.withheld.starts_with("Refused"),
        "{}",
        bob_entry.withheld
    );
    assert!(
        !bob_entry.withheld.contains("HYPERLINK"),
        "{}",
        bob_entry.withheld
    );
    let access = all.iter().find(|e| e.kind == RegisterKind::Access).unwrap();
    assert_eq!(access.outcome, RegisterOutcome::Completed);
    assert!(access.responded_at.is_some());
    assert_eq!(
        access.subject_ref,
        register::subject_reference(&state, cleo.user_id)
            .await
            .unwrap()
    );
    assert!(access.withheld.contains("Internal notes"));

    let page = register::register(&state, &agent).await.unwrap();
    assert_eq!(page.totals.received, 3);
    assert_eq!(page.totals.completed, 1);
    assert_eq!(page.totals.rejected, 1);
    assert_eq!(page.totals.open, 1);
    assert!(page.totals.median_minutes.is_some());
    assert_eq!(page.by_month.len(), 12);
    assert_eq!(page.by_month.last().unwrap().1.received, 3);
    let erasures = &page
        .by_kind
        .iter()
        .find(|(k, _)| *k == RegisterKind::Erasure)
        .unwrap()
        .1;
    assert_eq!(
        (erasures.received, erasures.rejected, erasures.open),
        (2, 1, 1)
    );

    // The CSV: one row per request, formulas defused, nobody named.
    let csv = String::from_utf8(register::csv(&state, &agent).await.unwrap()).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(
        csv.starts_with("Request,Subject reference,Kind,Received,Due"),
        "{csv}"
    );
    assert!(
        !csv.contains(",=") && !csv.contains(",\"="),
        "an unguarded formula: {csv}"
    );
    for personal in ["Ada", "Bob", "Cleo", "@example.org", "Lovelace"] {
        assert!(!csv.contains(personal), "{personal} in the register: {csv}");
    }

    // Over HTTP: reviewers get the page data, the entry and the CSV; customers none of them.
    let mut agent_http = Browser::new(&state);
    agent_http
        .call::<app::api::auth::SignIn>(&[("email", "agent@example.org"), ("password", PASSWORD)])
        .await;
    let r = agent_http.call::<RequestRegister>(&[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["totals"]["received"], 3);
    let id = ada_request.id.to_string();
    let r = agent_http
        .call::<RequestRegisterEntry>(&[("id", id.as_str())])
        .await;
    assert_eq!(r.json()["extended_months"], 1);
    let r = agent_http.get("/requests/register.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    // Each download is audited, by whom and how many rows.
    let taken = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("register_exported"))
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(taken.len(), 2, "the service call above and this download");
    assert!(taken.iter().all(|e| e.actor_id == Some(agent.user_id)));
    assert_eq!(
        r.headers[http::header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert!(r.headers[http::header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"privacy-register-"));

    assert_eq!(
        cleo_http.call::<RequestRegister>(&[]).await.code(),
        "forbidden"
    );
    assert_eq!(
        cleo_http
            .call::<RequestRegisterEntry>(&[("id", id.as_str())])
            .await
            .code(),
        "forbidden"
    );
    let r = cleo_http.get("/requests/register.csv").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("HYPERLINK"));
    assert_eq!(
        Browser::new(&state)
            .get("/requests/register.csv")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}
