//! Rectification end to end on a real database: profile edits with the email
//! locked, custom fields (encrypted or not), field-level permissions, ticket
//! fields, the email-change request through confirmation and approval, and
//! mail over a real SMTP conversation with a local sink.
#![allow(clippy::unwrap_used)]
use crate::common::{self, customer, staff, PASSWORD};

use app::{
    error::AppError,
    fields::{Access, CustomFieldInput, FieldInput, FieldScope},
    model::{AuditAction, MailStatus, RequestStatus, Role},
    server::{
        audit,
        crypto::sealed_key_id,
        entities::{custom_field_value, outbound_mail, session},
        services::{accounts, activity, email_change, fields, profile, requests, review, tickets},
        ServiceError,
    },
};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn input(key: &str, values: &[&str]) -> FieldInput {
    FieldInput {
        key: key.into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    }
}

fn user_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::User(e) => e,
        other => panic!("expected a user error, got {other}"),
    }
}

fn value<'a>(p: &'a app::fields::Profile, key: &str) -> Option<&'a app::fields::FieldView> {
    p.fields.iter().find(|f| f.key == key)
}

#[tokio::test]
async fn a_customer_corrects_their_profile_and_sees_it_in_their_activity() {
    let state = common::state().await;
    let ada = customer(&state, "Ada Lovelace", "ada@example.org").await;
    let updated = profile::update(
        &state,
        &ada,
        None,
        &[
            input("name", &["Ada King"]),
            input("phone", &["+44 20 7946 0001"]),
            input("twitter", &["ada_k"]),
            input("language", &["en"]),
            input("time_zone", &["Europe/London"]),
        ],
    )
    .await
    .unwrap();
    assert_eq!(value(&updated, "name").unwrap().values, vec!["Ada King"]);
    assert_eq!(value(&updated, "twitter").unwrap().values, vec!["@ada_k"]);
    assert_eq!(updated.email.as_deref(), Some("ada@example.org"));
    let activity = activity::my_activity(&state, &ada, 0).await.unwrap();
    let newest = &activity.items[0];
    assert_eq!(
        newest.action_label,
        AuditAction::ProfileChanged.label(app::i18n::Tr(app::i18n::Lang::En))
    );
    assert_eq!(newest.who, "You");
    let name = newest.changes.iter().find(|c| c.field == "Name").unwrap();
    assert_eq!(
        (name.before.as_deref(), name.after.as_deref()),
        (Some("Ada Lovelace"), Some("Ada King"))
    );
    assert!(newest
        .changes
        .iter()
        .any(|c| c.field == "Time zone" && c.after.as_deref() == Some("Europe/London")));
    assert!(audit::verify(&state.db).await.unwrap().ok);
}

#[tokio::test]
async fn the_email_cannot_be_changed_on_the_profile_whatever_the_request_says() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let crafted = profile::update(
        &state,
        &ada,
        Some("mallory@example.org"),
        &[input("name", &["Changed"])],
    )
    .await;
    let e = user_error(crafted.unwrap_err());
    assert_eq!(e.field_name(), Some("email"));
    assert!(e.to_string().contains("Request an email change"), "{e}");
    let e = user_error(
        profile::update(&state, &ada, None, &[input("email", &["m@example.org"])])
            .await
            .unwrap_err(),
    );
    assert_eq!(e.field_name(), Some("email"));
    // Nothing was saved.
    let p = profile::get(&state, &ada).await.unwrap();
    assert_eq!(p.email.as_deref(), Some("ada@example.org"));
    assert_eq!(value(&p, "name").unwrap().values, vec!["Ada"]);
    // Sending the unchanged address along is fine.
    profile::update(
        &state,
        &ada,
        Some("ADA@example.org"),
        &[input("name", &["Ada B"])],
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn every_invalid_field_is_reported_and_nothing_is_saved() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let before = audit::count(&state.db).await.unwrap();
    let e = profile::update(
        &state,
        &ada,
        None,
        &[
            input("name", &["Valid Name"]),
            input("phone", &["call me"]),
            input("twitter", &["not a handle!"]),
            input("language", &["klingon"]),
            input("nonexistent", &["x"]),
        ],
    )
    .await
    .unwrap_err();
    let AppError::InvalidFields { errors } = user_error(e) else {
        panic!("expected field errors")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["phone", "twitter", "language", "nonexistent"]);
    assert_eq!(
        value(&profile::get(&state, &ada).await.unwrap(), "name")
            .unwrap()
            .values,
        vec!["Ada"]
    );
    assert_eq!(
        audit::count(&state.db).await.unwrap(),
        before,
        "no event for a refused change"
    );
}

#[tokio::test]
async fn custom_fields_encrypted_or_plain_and_field_permissions_are_enforced_by_the_server() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let passport = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "contact".into(),
            label: "Passport number".into(),
            field_type: "text".into(),
            encrypted: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let tier = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "contact".into(),
            label: "Tier".into(),
            field_type: "single_choice".into(),
            options: "Gold\nSilver".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let passport_key = app::fields::custom_key(passport.id);
    let tier_key = app::fields::custom_key(tier.id);
    profile::update(
        &state,
        &ada,
        None,
        &[
            input(&passport_key, &["X1234567"]),
            input(&tier_key, &["Gold"]),
        ],
    )
    .await
    .unwrap();
    let p = profile::get(&state, &ada).await.unwrap();
    assert_eq!(value(&p, &passport_key).unwrap().values, vec!["X1234567"]);
    assert!(value(&p, &passport_key).unwrap().encrypted);
    // Stored sealed under Ada's key, or plain.
    let rows = custom_field_value::Entity::find()
        .all(&state.db)
        .await
        .unwrap();
    let sealed = rows.iter().find(|r| r.field_id == passport.id).unwrap();
    assert!(sealed.value_plain.is_none());
    let ada_key = state.vault.key(ada.user_id).await.unwrap().unwrap();
    assert_eq!(
        sealed_key_id(sealed.value_sealed.as_ref().unwrap()),
        Some(ada_key.id())
    );
    let plain = rows.iter().find(|r| r.field_id == tier.id).unwrap();
    assert_eq!(plain.value_plain.as_deref(), Some(r#"["Gold"]"#));

    // Read-only for customers: shown, not editable, and the server refuses a change.
    fields::set_permission(&state, &admin, Role::Customer, "phone", Access::Read)
        .await
        .unwrap();
    let p = profile::get(&state, &ada).await.unwrap();
    assert!(!value(&p, "phone").unwrap().editable);
    let e = user_error(
        profile::update(&state, &ada, None, &[input("phone", &["+1 555 0100"])])
            .await
            .unwrap_err(),
    );
    assert!(e.to_string().contains("read-only"), "{e}");
    // Hidden: absent from the response altogether.
    fields::set_permission(
        &state,
        &admin,
        Role::Customer,
        &passport_key,
        Access::Hidden,
    )
    .await
    .unwrap();
    let p = profile::get(&state, &ada).await.unwrap();
    assert!(value(&p, &passport_key).is_none());
    assert!(!format!("{p:?}").contains("X1234567"));
    // Agents see contact fields per their own permission.
    let id = tickets::open(&state, &ada, "Help", "Please", &[])
        .await
        .unwrap();
    let seen = tickets::get(&state, &agent, id).await.unwrap();
    assert!(seen
        .customer_fields
        .iter()
        .any(|f| f.key == passport_key && f.values == vec!["X1234567"]));
    fields::set_permission(&state, &admin, Role::Agent, &passport_key, Access::Hidden)
        .await
        .unwrap();
    fields::set_permission(&state, &admin, Role::Agent, "email", Access::Hidden)
        .await
        .unwrap();
    let seen = tickets::get(&state, &agent, id).await.unwrap();
    assert!(!format!("{seen:?}").contains("X1234567"));
    assert_eq!(seen.customer_email, None);
    // Limits: nobody may be given email edit; staff never edit contact fields; only admins set permissions.
    assert!(
        fields::set_permission(&state, &admin, Role::Customer, "email", Access::Edit)
            .await
            .is_err()
    );
    assert!(
        fields::set_permission(&state, &admin, Role::Agent, "phone", Access::Edit)
            .await
            .is_err()
    );
    assert!(
        fields::set_permission(&state, &agent, Role::Customer, "phone", Access::Edit)
            .await
            .is_err()
    );
    assert!(fields::save_def(&state, &ada, CustomFieldInput::default())
        .await
        .is_err());
    // Archiving keeps the values.
    fields::set_archived(&state, &admin, tier.id, true)
        .await
        .unwrap();
    assert!(value(&profile::get(&state, &ada).await.unwrap(), &tier_key).is_none());
    assert_eq!(
        custom_field_value::Entity::find()
            .filter(custom_field_value::Column::FieldId.eq(tier.id))
            .all(&state.db)
            .await
            .unwrap()
            .len(),
        1
    );
    fields::set_archived(&state, &admin, tier.id, false)
        .await
        .unwrap();
    assert_eq!(
        value(&profile::get(&state, &ada).await.unwrap(), &tier_key)
            .unwrap()
            .values,
        vec!["Gold"]
    );
    assert!(audit::verify(&state.db).await.unwrap().ok);
}

#[tokio::test]
async fn ticket_fields_follow_permissions_on_the_form_and_the_agents_page() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let bob = customer(&state, "Bob", "bob@example.org").await;
    let order = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "ticket".into(),
            label: "Order number".into(),
            field_type: "number".into(),
            required: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let priority = fields::save_def(
        &state,
        &admin,
        CustomFieldInput {
            scope: "ticket".into(),
            label: "Priority".into(),
            field_type: "single_choice".into(),
            options: "Low\nHigh".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let (order_key, priority_key) = (
        app::fields::custom_key(order.id),
        app::fields::custom_key(priority.id),
    );
    fields::set_permission(
        &state,
        &admin,
        Role::Customer,
        &priority_key,
        Access::Hidden,
    )
    .await
    .unwrap();
    let form = tickets::new_ticket_fields(&state, &ada).await.unwrap();
    assert_eq!(
        form.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(),
        vec![order_key.as_str()]
    );
    let e = user_error(
        tickets::open(&state, &ada, "Broken", "It broke", &[])
            .await
            .unwrap_err(),
    );
    assert_eq!(e.field_name(), Some(order_key.as_str()));
    let e = user_error(
        tickets::open(
            &state,
            &ada,
            "Broken",
            "It broke",
            &[input(&priority_key, &["High"])],
        )
        .await
        .unwrap_err(),
    );
    assert!(
        matches!(e, AppError::InvalidFields { .. }),
        "a hidden field cannot be set"
    );
    let id = tickets::open(
        &state,
        &ada,
        "Broken",
        "It broke",
        &[input(&order_key, &["4471"])],
    )
    .await
    .unwrap();
    let mine = tickets::get(&state, &ada, id).await.unwrap();
    assert_eq!(mine.fields.len(), 1);
    assert_eq!(mine.fields[0].values, vec!["4471"]);

    let updated = tickets::update_fields(&state, &agent, id, &[input(&priority_key, &["High"])])
        .await
        .unwrap();
    assert!(updated
        .iter()
        .any(|f| f.key == priority_key && f.values == vec!["High"]));
    assert!(matches!(
        user_error(
            tickets::update_fields(&state, &ada, id, &[])
                .await
                .unwrap_err()
        ),
        AppError::Forbidden
    ));
    assert!(matches!(
        user_error(
            tickets::update_fields(&state, &bob, id, &[])
                .await
                .unwrap_err()
        ),
        AppError::NotFound
    ));
    assert!(
        !format!("{:?}", tickets::get(&state, &ada, id).await.unwrap()).contains("High"),
        "hidden from the customer"
    );
}

#[tokio::test]
async fn an_email_change_goes_through_confirmation_and_agent_approval() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let bob = customer(&state, "Bob", "bob@example.org").await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    // The own address, a missing or a wrong password are refused on their field.
    let field_of = |e: ServiceError| user_error(e).field_name().map(str::to_owned);
    let own = email_change::request_email_change(&state, &ada, "ada@example.org", PASSWORD);
    assert_eq!(field_of(own.await.unwrap_err()).as_deref(), Some("email"));
    let bare = email_change::request_email_change(&state, &ada, "ada.new@example.org", "");
    assert_eq!(
        field_of(bare.await.unwrap_err()).as_deref(),
        Some("password")
    );
    let wrong = email_change::request_email_change(&state, &ada, "ada.new@example.org", "nope");
    assert_eq!(
        field_of(wrong.await.unwrap_err()).as_deref(),
        Some("password")
    );
    // An address that has an account gets the same answer as a free one; no
    // confirmation link goes to it, and the old address can cancel the request.
    let taken = email_change::request_email_change(&state, &ada, "bob@example.org", PASSWORD)
        .await
        .unwrap();
    assert_eq!(taken.status, RequestStatus::Submitted);
    let key = state.vault.key(ada.user_id).await.unwrap().unwrap();
    let to_bob = common::mail_body_to(&state, ada.user_id, "bob@example.org").await;
    assert!(!to_bob.contains("confirm-email"), "{to_bob}");
    let to_old = common::mail_body_to(&state, ada.user_id, "ada@example.org").await;
    assert!(to_old.contains("bob@example.org"), "{to_old}");
    let cancel = link_token(&to_old, "cancel-email-change");
    // While it is open, any other change gets the same "in progress" answer,
    // taken address or not.
    for address in ["bob@example.org", "third@example.org"] {
        let again = email_change::request_email_change(&state, &ada, address, PASSWORD);
        assert!(matches!(
            user_error(again.await.unwrap_err()),
            AppError::Conflict { .. }
        ));
    }
    email_change::cancel_email_change(&state, &cancel)
        .await
        .unwrap();
    assert!(
        email_change::cancel_email_change(&state, &cancel)
            .await
            .is_err(),
        "single use"
    );
    let withdrawn = requests::mine(&state, &ada).await.unwrap();
    assert_eq!(withdrawn[0].status, RequestStatus::Withdrawn);
    let left = session::Entity::find()
        .filter(session::Column::UserId.eq(ada.user_id))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(left, 0, "cancelling signs out every browser");
    let ada = common::signed_in(&state, "ada@example.org").await;

    let request = email_change::request_email_change(&state, &ada, "ada.new@example.org", PASSWORD)
        .await
        .unwrap();
    assert_eq!(request.status, RequestStatus::Submitted);
    assert!(request.due_at > request.received_at + chrono::Duration::days(27));
    // The confirmation mail went to the new address, sealed under Ada's key.
    let mail = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("ada.new@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mail.status, MailStatus::Outbox);
    let content = app::server::mail::open(&key, &mail).unwrap();
    let token = link_token(&content.body, "confirm-email");
    // Nobody else sees or decides it; it cannot be decided before confirmation.
    assert!(requests::mine(&state, &bob).await.unwrap().is_empty());
    assert!(requests::queue(&state, &bob, &Default::default())
        .await
        .is_err());
    assert!(requests::get(&state, &bob, request.id).await.is_err());
    assert!(review::decide(&state, &bob, request.id, true, "")
        .await
        .is_err());
    assert!(matches!(
        user_error(
            review::decide(&state, &agent, request.id, true, "")
                .await
                .unwrap_err()
        ),
        AppError::Conflict { .. }
    ));
    // Confirm with the token (a wrong one fails).
    assert!(email_change::confirm_email(&state, &"0".repeat(64))
        .await
        .is_err());
    email_change::confirm_email(&state, &token).await.unwrap();
    assert!(
        email_change::confirm_email(&state, &token).await.is_err(),
        "single use"
    );
    let queue = requests::queue(&state, &agent, &Default::default())
        .await
        .unwrap()
        .items;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].status, RequestStatus::InReview);
    assert_eq!(queue[0].subject_email.as_deref(), Some("ada@example.org"));
    // Approval changes the email, ends every session, audits it.
    review::decide(&state, &agent, request.id, true, "")
        .await
        .unwrap();
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(ada.user_id))
        .all(&state.db)
        .await
        .unwrap();
    assert!(sessions.is_empty());
    assert!(accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada@example.org", PASSWORD),
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None
    )
    .await
    .is_err());
    accounts::sign_in(
        &state,
        app::server::services::accounts::Credentials::password("ada.new@example.org", PASSWORD),
        &app::server::services::sessions::Device::new(None, "127.0.0.1"),
        None,
    )
    .await
    .unwrap();
    let done = requests::mine(&state, &ada).await.unwrap();
    assert_eq!(done[0].status, RequestStatus::Completed);
    assert!(done[0]
        .history
        .iter()
        .any(|s| s.by == "Our team (Agnes Agent)"));
    let activity = activity::my_activity(&state, &ada, 0).await.unwrap();
    let changed = activity
        .items
        .iter()
        .find(|e| {
            e.action_label == AuditAction::EmailChanged.label(app::i18n::Tr(app::i18n::Lang::En))
        })
        .unwrap();
    assert_eq!(
        changed.changes[0].before.as_deref(),
        Some("ada@example.org")
    );
    assert_eq!(
        changed.changes[0].after.as_deref(),
        Some("ada.new@example.org")
    );
    assert!(audit::verify(&state.db).await.unwrap().ok);

    // A rejection needs a reason, which the customer sees.
    let second = email_change::request_email_change(&state, &bob, "bob.new@example.org", PASSWORD)
        .await
        .unwrap();
    let mail = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("bob.new@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let key = state.vault.key(bob.user_id).await.unwrap().unwrap();
    let token = app::server::mail::open(&key, &mail)
        .unwrap()
        .body
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    email_change::confirm_email(&state, &token).await.unwrap();
    assert!(review::decide(&state, &agent, second.id, false, "  ")
        .await
        .is_err());
    review::decide(
        &state,
        &agent,
        second.id,
        false,
        "We could not verify this address.",
    )
    .await
    .unwrap();
    let bobs = requests::mine(&state, &bob).await.unwrap();
    assert_eq!(bobs[0].status, RequestStatus::Rejected);
    assert!(bobs[0]
        .history
        .iter()
        .any(|s| s.note.as_deref() == Some("We could not verify this address.")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_over_smtp_and_retried_when_the_server_is_down() {
    let mut state = common::state().await;
    state.mail.smtp_configured = true;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    email_change::request_email_change(&state, &ada, "ada.new@example.org", PASSWORD)
        .await
        .unwrap();
    let queued = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("ada.new@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(queued.status, MailStatus::Queued);

    // The SMTP server is down: the attempt is recorded and retried later.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_port = closed.local_addr().unwrap().port();
    drop(closed);
    let mailer = server::mailer::Mailer::from_settings(&common::smtp_settings(dead_port))
        .unwrap()
        .unwrap();
    assert_eq!(
        server::mailer::deliver_due(&state, &mailer).await.unwrap(),
        3,
        "the sign-up confirmation, the confirmation to the new address and the note to the old one"
    );
    let failed = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("ada.new@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((failed.status.as_str(), failed.attempts), ("queued", 1));
    assert!(failed.next_attempt_at > Utc::now(), "backed off");
    assert!(
        !failed
            .last_error
            .clone()
            .unwrap_or_default()
            .contains("ada@"),
        "no personal data in the error"
    );

    // A real SMTP conversation with a local sink.
    let (port, received) = common::start_sink();
    outbound_mail::Entity::update_many()
        .col_expr(
            outbound_mail::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .exec(&state.db)
        .await
        .unwrap();
    let mailer = server::mailer::Mailer::from_settings(&common::smtp_settings(port))
        .unwrap()
        .unwrap();
    assert_eq!(
        server::mailer::deliver_due(&state, &mailer).await.unwrap(),
        3,
        "the sign-up confirmation, the confirmation to the new address and the note to the old one"
    );
    let sent = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("ada.new@example.org"))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent.status, MailStatus::Sent);
    assert!(sent.sent_at.is_some());
    let mut received = received.lock().unwrap().clone();
    assert_eq!(received.len(), 3);
    received.retain(|m| m.contains("To: ada.new@example.org"));
    assert_eq!(received.len(), 1);
    assert!(
        received[0].contains("Subject: About the email address of a Custodian account"),
        "{}",
        received[0]
    );
    assert!(
        received[0].contains("To: ada.new@example.org"),
        "{}",
        received[0]
    );
    assert!(
        received[0].contains("confirm-email?token="),
        "{}",
        received[0]
    );
    // Nothing is due any more.
    assert_eq!(
        server::mailer::deliver_due(&state, &mailer).await.unwrap(),
        0
    );
}

#[tokio::test]
async fn outbox_is_for_admins_and_shows_decrypted_mail() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    email_change::request_email_change(&state, &ada, "ada.new@example.org", PASSWORD)
        .await
        .unwrap();
    let page = app::server::mail::outbox(&state, &admin, 0).await.unwrap();
    let subjects: Vec<&str> = page.items.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Your email address is about to change",
            "About the email address of a Custodian account",
            "Confirm your email address"
        ]
    );
    assert!(page
        .items
        .iter()
        .all(|m| !m.body.contains("token=") || m.body.contains("token=[hidden]")));
    assert!(app::server::mail::outbox(&state, &agent, 0).await.is_err());
    assert!(app::server::mail::outbox(&state, &ada, 0).await.is_err());
    let _ = FieldScope::Contact;
}

#[tokio::test]
async fn an_expired_or_unconfirmed_request_does_not_block_the_customer() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let first = email_change::request_email_change(&state, &ada, "typo@exmaple.org", PASSWORD)
        .await
        .unwrap();
    // Staff may reject a request the customer never confirmed (a mistyped address).
    review::decide(&state, &agent, first.id, false, "The address was mistyped.")
        .await
        .unwrap();
    let second =
        email_change::request_email_change(&state, &ada, "ada.second@example.org", PASSWORD)
            .await
            .unwrap();
    // Its link expires: the next request closes it instead of being refused.
    app::server::entities::privacy_request::Entity::update_many()
        .col_expr(
            app::server::entities::privacy_request::Column::ConfirmationExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - chrono::Duration::hours(1)),
        )
        .filter(app::server::entities::privacy_request::Column::Id.eq(second.id))
        .exec(&state.db)
        .await
        .unwrap();
    email_change::request_email_change(&state, &ada, "ada.third@example.org", PASSWORD)
        .await
        .unwrap();
    let mine = requests::mine(&state, &ada).await.unwrap();
    let expired = mine.iter().find(|r| r.id == second.id).unwrap();
    assert_eq!(expired.status, RequestStatus::Rejected);
    assert!(expired
        .history
        .iter()
        .any(|s| s.note.as_deref() == Some("The confirmation link expired.")));
    assert_eq!(mine.iter().filter(|r| r.status.is_open()).count(), 1);
}

/// The token of the link to `path` in a mail body.
fn link_token(body: &str, path: &str) -> String {
    common::token_in(body, path).unwrap()
}
