//! Service-layer tests against a real database (SQLite, or PostgreSQL when
//! CUSTODIAN_TEST_POSTGRES_URL is set): sessions, throttling, ticket rules.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, PASSWORD};

use app::{
    error::AppError,
    model::{Role, TicketQuery, TicketStatus},
    server::{
        services::{accounts, sessions, tickets},
        Actor, AppState, ServiceError,
    },
};
use chrono::{Duration, Utc};

async fn customer(state: &AppState, email: &str) -> Actor {
    common::customer(state, "Someone", email).await
}

fn user_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::User(e) => e,
        other => panic!("expected a user error, got {other}"),
    }
}

#[tokio::test]
async fn sessions_end_after_idle_and_absolute_timeouts() {
    let state = common::state().await;
    let (db, settings) = (&state.db, &state.security);
    let (_, token) = accounts::sign_up(
        &state,
        "Ada",
        "ada@example.org",
        "",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    let now = Utc::now();
    // Active use within the idle window keeps it alive.
    let soon = now + Duration::minutes(20);
    assert!(sessions::resolve(db, &token, settings, soon)
        .await
        .unwrap()
        .is_some());
    let later = soon + Duration::minutes(25);
    assert!(
        sessions::resolve(db, &token, settings, later)
            .await
            .unwrap()
            .is_some(),
        "touched at +20 min"
    );
    // Idle for longer than the timeout: gone, and deleted.
    let idle = later + Duration::minutes(31);
    assert!(sessions::resolve(db, &token, settings, idle)
        .await
        .unwrap()
        .is_none());
    assert!(
        sessions::resolve(db, &token, settings, now)
            .await
            .unwrap()
            .is_none(),
        "deleted, not just refused"
    );

    let (_, token) = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada@example.org", PASSWORD),
        &app::server::services::sessions::Device::new(None, "1.2.3.4"),
        None,
    )
    .await
    .unwrap();
    let mut t = Utc::now();
    for _ in 0..30 {
        t += Duration::minutes(25);
        if sessions::resolve(db, &token, settings, t)
            .await
            .unwrap()
            .is_none()
        {
            break;
        }
    }
    let age = t - Utc::now();
    assert!(
        age > Duration::hours(12) && age <= Duration::hours(13),
        "absolute timeout hit at {age}"
    );
}

#[tokio::test]
async fn session_tokens_are_stored_hashed() {
    let state = common::state().await;
    let (_, token) = accounts::sign_up(
        &state,
        "Ada",
        "ada@example.org",
        "",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    use sea_orm::EntityTrait;
    let rows = app::server::entities::session::Entity::find()
        .all(&state.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_ne!(rows[0].token_hash, token.expose());
    assert_eq!(rows[0].token_hash, token.hash());
    assert_eq!(format!("{token:?}"), "SessionToken([redacted])");
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_client_address() {
    let state = common::state().await;
    for i in 0..state.security.max_failures_per_client {
        let email = format!("guess{i}@example.org");
        let e = accounts::sign_in(
            &state,
            app::server::services::accounts::Credentials::password(&email, "nope nope"),
            &app::server::services::sessions::Device::new(None, "10.9.9.9"),
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(user_error(e), AppError::InvalidCredentials);
    }
    accounts::sign_up(
        &state,
        "Ada",
        "ada@example.org",
        "",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    let e = accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada@example.org", PASSWORD),
        &app::server::services::sessions::Device::new(None, "10.9.9.9"),
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(user_error(e), AppError::RateLimited { .. }));
    // The same account from another address still works.
    accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada@example.org", PASSWORD),
        &app::server::services::sessions::Device::new(None, "10.1.1.1"),
        None,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn ticket_lists_are_scoped_filtered_paginated_newest_first() {
    let state = common::state().await;
    let alice = customer(&state, "alice@example.org").await;
    let bob = customer(&state, "bob@example.org").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    for i in 0..25 {
        tickets::open(&state, &alice, &format!("Alice {i:02}"), "text", &[])
            .await
            .unwrap();
    }
    let bobs = tickets::open(&state, &bob, "Bob 00", "text", &[])
        .await
        .unwrap();
    tickets::set_status(&state, &agent, bobs, TicketStatus::Solved)
        .await
        .unwrap();

    let all = TicketQuery::default;
    let page0 = tickets::list(&state, &alice, all()).await.unwrap();
    assert_eq!(page0.items.len(), 20);
    assert!(
        page0.views.is_empty(),
        "a customer's list has no queue views"
    );
    assert_eq!(page0.items[0].subject, "Alice 24", "newest first");
    assert!(page0.items.iter().all(|t| t.customer_name.is_none()));
    let page1 = tickets::list(
        &state,
        &alice,
        TicketQuery {
            after: page0.next.clone(),
            ..all()
        },
    )
    .await
    .unwrap();
    assert_eq!(page1.items.len(), 5);
    assert_eq!(page1.items[4].subject, "Alice 00");
    assert_eq!(page1.next, None, "the last page has no next");
    let broken = tickets::list(
        &state,
        &alice,
        TicketQuery {
            after: Some("yesterday".into()),
            ..all()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(user_error(broken).field_name(), Some("after"));

    let queue = tickets::list(&state, &agent, all()).await.unwrap();
    assert_eq!(queue.view, Some(app::model::QueueView::All));
    let count = |v| queue.views.iter().find(|(x, _)| *x == v).map(|(_, n)| *n);
    assert_eq!(count(app::model::QueueView::All), Some(26));
    assert_eq!(count(app::model::QueueView::Unassigned), Some(26));
    assert_eq!(count(app::model::QueueView::Mine), Some(0));
    assert!(queue
        .items
        .iter()
        .all(|t| t.customer_name.as_deref() == Some("Someone")));
    let solved_only = || TicketQuery {
        status: Some(TicketStatus::Solved),
        ..all()
    };
    let solved = tickets::list(&state, &agent, solved_only()).await.unwrap();
    assert_eq!(solved.items.len(), 1);
    assert_eq!(solved.items[0].subject, "Bob 00");
    assert_eq!(
        tickets::list(&state, &alice, solved_only())
            .await
            .unwrap()
            .items
            .len(),
        0
    );
    assert_eq!(
        tickets::list(&state, &bob, all())
            .await
            .unwrap()
            .items
            .len(),
        1
    );
}

#[tokio::test]
async fn replies_move_the_status_and_closed_tickets_take_no_replies() {
    let state = common::state().await;
    let alice = customer(&state, "alice@example.org").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let id = tickets::open(&state, &alice, "Help", "first", &[])
        .await
        .unwrap();
    tickets::set_status(&state, &agent, id, TicketStatus::Pending)
        .await
        .unwrap();
    tickets::reply(&state, &alice, id, "more info", false)
        .await
        .unwrap();
    assert_eq!(
        tickets::get(&state, &alice, id).await.unwrap().status,
        TicketStatus::Open
    );

    tickets::set_status(&state, &agent, id, TicketStatus::Closed)
        .await
        .unwrap();
    let e = tickets::reply(&state, &alice, id, "again", false)
        .await
        .unwrap_err();
    assert!(matches!(user_error(e), AppError::Conflict { .. }));
    // Staff may still leave an internal note on a closed ticket.
    tickets::reply(&state, &agent, id, "closing note", true)
        .await
        .unwrap();
    let detail = tickets::get(&state, &agent, id).await.unwrap();
    assert_eq!(detail.messages.len(), 3);
    assert!(detail.messages[2].internal);
    assert_eq!(detail.messages[0].body, "first");
    assert_eq!(
        tickets::get(&state, &alice, id)
            .await
            .unwrap()
            .messages
            .len(),
        2
    );
}

#[tokio::test]
async fn invalid_input_is_refused_and_nothing_is_stored() {
    let state = common::state().await;
    let alice = customer(&state, "alice@example.org").await;
    let e = tickets::open(&state, &alice, "   ", "body", &[])
        .await
        .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("subject"));
    let e = tickets::open(&state, &alice, "Subject", "", &[])
        .await
        .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("body"));
    assert_eq!(
        tickets::list(&state, &alice, TicketQuery::default())
            .await
            .unwrap()
            .items
            .len(),
        0
    );
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    assert!(matches!(
        user_error(
            tickets::open(&state, &agent, "Subject", "Body", &[])
                .await
                .unwrap_err()
        ),
        AppError::Forbidden
    ));
    let e = accounts::sign_up(
        &state,
        "Zed",
        "zed@example.org",
        "call me maybe",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap_err();
    assert_eq!(user_error(e).field_name(), Some("phone"));
    let e = accounts::sign_up(
        &state,
        "Zed 2",
        "ALICE@example.org",
        "",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap_err();
    assert_eq!(user_error(e), AppError::EmailTaken);
}

#[tokio::test]
async fn passwords_are_argon2id_and_secrets_never_print() {
    let state = common::state().await;
    accounts::sign_up(
        &state,
        "Ada",
        "ada@example.org",
        "",
        PASSWORD,
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
    )
    .await
    .unwrap();
    use sea_orm::EntityTrait;
    let user = app::server::entities::user::Entity::find()
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        user.password_hash.starts_with("$argon2id$"),
        "{}",
        common::backend()
    );
    assert!(!format!("{user:?}").contains("argon2"));
}

/// Lists count their rows only up to a cap, then say "more"; the pages past the
/// count still open, and below the cap a page past the end is the last one.
#[tokio::test]
async fn list_totals_stop_counting_at_a_cap() {
    use app::server::{entities::ticket, paging};
    use sea_orm::{EntityTrait, QueryOrder};
    let state = common::state().await;
    let ada = customer(&state, "ada@example.org").await;
    for i in 0..7 {
        tickets::open(&state, &ada, &format!("T{i}"), "Body", &[])
            .await
            .unwrap();
    }
    let query = || ticket::Entity::find().order_by_asc(ticket::Column::Id);
    let (rows, pager) = paging::fetch_counting_to(&state.db, query(), 0, 2, 5)
        .await
        .unwrap();
    let first = pager.with_items(rows);
    assert_eq!(first.items.len(), 2);
    assert!(first.more);
    assert_eq!((first.total_items, first.total_pages), (5, 3));
    // Page 4 lies past the count: it opens, holding the seventh ticket.
    let (rows, pager) = paging::fetch_counting_to(&state.db, query(), 3, 2, 5)
        .await
        .unwrap();
    let fourth = pager.with_items(rows);
    assert_eq!(
        (fourth.page, fourth.items.len(), fourth.total_pages),
        (3, 1, 4)
    );
    // Under the cap the count is exact and a page past the end is the last page.
    let (rows, pager) = paging::fetch_counting_to(&state.db, query(), 10, 2, 100)
        .await
        .unwrap();
    let last = pager.with_items(rows);
    assert!(!last.more);
    assert_eq!(
        (
            last.page,
            last.items.len(),
            last.total_pages,
            last.total_items
        ),
        (3, 1, 4, 7)
    );
}

/// A page number from the address bar far past the end neither overflows nor
/// scans without bound once the count has stopped at its cap.
#[tokio::test]
async fn a_huge_page_number_is_bounded() {
    use app::server::{entities::ticket, paging};
    use sea_orm::{EntityTrait, QueryOrder};
    let state = common::state().await;
    let ada = customer(&state, "ada@example.org").await;
    for i in 0..3 {
        tickets::open(&state, &ada, &format!("T{i}"), "Body", &[])
            .await
            .unwrap();
    }
    let query = ticket::Entity::find().order_by_asc(ticket::Column::Id);
    let (rows, pager) = paging::fetch_counting_to(&state.db, query, u64::MAX, 1, 2)
        .await
        .unwrap();
    let page = pager.with_items(rows);
    assert_eq!(page.page, paging::MAX_PAGE);
    assert!(page.items.is_empty());
    assert!(page.more);
}
