//! The erasure job survives the server being killed (SIGKILL) between any of
//! its steps: after a restart it resumes where it stopped, runs every step
//! exactly once, and finishes with a passed check and nothing left behind.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, PASSWORD};

use app::{
    model::{ErasureStep, JobStatus, RequestStatus, Role},
    server::{
        audit,
        entities::{audit_event, erasure_job, erasure_step, outbound_mail, user},
        services::{erasure, requests, review, tickets},
    },
};
use chrono::Utc;
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

fn start(shared: &common::Shared, dir: &std::path::Path, pause_ms: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_custodian"))
        .args(["--log", "warn", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .arg("serve")
        .env("DATABASE_URL", &shared.database_url)
        .env("CUSTODIAN_KEYSTORE_URL", &shared.keystore_url)
        .env("CUSTODIAN_MASTER_KEY", &shared.master_key)
        .env("CUSTODIAN_ERASURE_STEP_PAUSE_MS", pause_ms.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

async fn steps_done(shared: &common::Shared) -> u64 {
    erasure_step::Entity::find()
        .count(&shared.state.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_resumes_the_erasure_and_finishes_it_exactly_once() {
    let shared = common::shared_state().await;
    let state = &shared.state;
    let (ada, _) = common::sign_up_confirmed(
        state,
        "Ada Crash",
        "ada.crash@example.org",
        "+1 202 555 0147",
    )
    .await;
    tickets::open(state, &ada, "Printer", "It jams every morning", &[])
        .await
        .unwrap();
    let agent = staff(state, "agent@example.org", Role::Agent).await;
    let filed = erasure::request(state, &ada, PASSWORD, "").await.unwrap();
    review::decide(state, &agent, filed.id, true, "Approved")
        .await
        .unwrap();
    let dir =
        std::env::temp_dir().join(format!("custodian-crash-{}", uuid::Uuid::new_v4().simple()));

    // Kill the server right after step 1, 3, 5 and 7 (of 9), each time while
    // it pauses before the next step, then let a fresh server carry on.
    for kill_after in [1, 3, 5, 7] {
        let mut server = start(&shared, &dir, 3000);
        let deadline = Instant::now() + Duration::from_secs(60);
        while steps_done(&shared).await < kill_after {
            assert!(
                Instant::now() < deadline,
                "no progress to step {kill_after}"
            );
            assert!(server.try_wait().unwrap().is_none(), "the server exited");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server.kill().unwrap(); // SIGKILL: no clean-up of any kind.
        server.wait().unwrap();
        assert_eq!(
            steps_done(&shared).await,
            kill_after,
            "killed mid-pause after step {kill_after}"
        );
        let job = erasure_job::Entity::find()
            .one(&state.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            job.status,
            JobStatus::Running,
            "the dead worker still holds the lease"
        );
        // Time passes: the dead worker's lease runs out.
        erasure_job::Entity::update_many()
            .col_expr(erasure_job::Column::LeaseUntil, Expr::value(Utc::now()))
            .exec(&state.db)
            .await
            .unwrap();
    }
    let mut server = start(&shared, &dir, 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let job = erasure_job::Entity::find()
            .one(&state.db)
            .await
            .unwrap()
            .unwrap();
        if matches!(job.status, JobStatus::Completed | JobStatus::NeedsAttention) {
            break;
        }
        assert!(Instant::now() < deadline, "the job did not finish: {job:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();

    let done = requests::get(state, &agent, filed.id).await.unwrap();
    assert_eq!(
        done.status,
        RequestStatus::Completed,
        "{:?}",
        done.verification
    );
    assert_eq!(
        steps_done(&shared).await,
        ErasureStep::CUSTOMER.len() as u64
    );
    assert!(state.vault.key(ada.user_id).await.unwrap().is_none());
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.pseudonym.is_some() && !row.email.contains("ada@"));
    // Nothing twice: one erasure event, no leftover mail (the final notice went and its row with it).
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("subject_erased"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(events, 1);
    assert_eq!(
        outbound_mail::Entity::find()
            .filter(outbound_mail::Column::ToAddress.eq("ada.crash@example.org"))
            .count(&state.db)
            .await
            .unwrap(),
        0
    );
    assert!(audit::verify(&state.db).await.unwrap().ok);
    let _ = std::fs::remove_dir_all(&dir);
}
