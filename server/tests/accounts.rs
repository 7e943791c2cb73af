//! The account lifecycle against a real database (SQLite, or PostgreSQL when
//! CUSTODIAN_TEST_POSTGRES_URL is set): throttles that are not shared between
//! people, password change and reset, first sign-in with an admin's password,
//! disabled accounts, signed-in devices, and what the audit log records.
#![allow(clippy::unwrap_used)]
use crate::common::{self, customer, staff, PASSWORD};

use app::{
    error::AppError,
    model::{AuditAction, Role},
    server::{
        entities::{account_token, audit_event, outbound_mail, session, user},
        mail,
        services::{
            accounts::{self, Credentials},
            devices, exports, passwords,
            sessions::{self, Device},
            staff_accounts, throttle,
        },
        Actor, AppState, ServiceError,
    },
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

fn user_error(e: ServiceError) -> AppError {
    match e {
        ServiceError::User(e) => e,
        other => panic!("expected a user error, got {other}"),
    }
}

async fn sign_in_from(
    state: &AppState,
    email: &str,
    password: &str,
    client: &str,
) -> Result<Actor, AppError> {
    sign_in_with(state, email, password, "", client).await
}

async fn sign_in_with(
    state: &AppState,
    email: &str,
    password: &str,
    new_password: &str,
    client: &str,
) -> Result<Actor, AppError> {
    let credentials = Credentials {
        email,
        password,
        new_password,
        code: "",
        passkey: None,
    };
    let device = Device::new(
        Some("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
        client,
    );
    let (_, token) = accounts::sign_in(state, credentials, &device, None)
        .await
        .map_err(user_error)?;
    let mut actor = sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    actor.client = client.to_owned();
    Ok(actor)
}

async fn events(state: &AppState, action: AuditAction) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action.as_str()))
        .order_by_asc(audit_event::Column::Seq)
        .all(&state.db)
        .await
        .unwrap()
}

async fn mail_to(state: &AppState, subject: uuid::Uuid, to: &str) -> String {
    common::mail_body_to(state, subject, to).await
}

fn token_of(body: &str, path: &str) -> String {
    common::token_in(body, path).unwrap_or_else(|| panic!("no {path} link in {body}"))
}

#[tokio::test]
async fn wrong_passwords_asked_again_do_not_block_other_people() {
    let state = common::state().await;
    // Before the fix every re-authentication shared one counter: five people
    // typing wrong passwords blocked everyone's exports.
    for i in 0..5 {
        let mut careless = customer(&state, "Careless", &format!("c{i}@example.org")).await;
        careless.client = format!("10.0.0.{i}");
        for _ in 0..5 {
            let wrong = exports::request(&state, &careless, "not my password").await;
            assert_eq!(
                user_error(wrong.unwrap_err()).field_name(),
                Some("password")
            );
        }
    }
    let mut ada = customer(&state, "Ada", "ada@example.org").await;
    ada.client = "10.0.1.1".into();
    exports::request(&state, &ada, PASSWORD).await.unwrap();
    // Each wrong guess is in the audit log, with the client sealed under its owner's key.
    assert_eq!(events(&state, AuditAction::ReauthFailed).await.len(), 25);
    assert!(events(&state, AuditAction::ReauthFailed).await[0]
        .changes
        .is_some());
}

#[tokio::test]
async fn guesses_from_one_network_never_lock_the_owner_out_of_another() {
    let state = common::state().await;
    customer(&state, "Ada", "ada@example.org").await;
    let limit = state.security.max_failures_per_account;
    for _ in 0..limit {
        let wrong = sign_in_from(&state, "ada@example.org", "guess guess", "203.0.113.9").await;
        assert_eq!(wrong.unwrap_err(), AppError::InvalidCredentials);
    }
    // The guessing network is refused, even with the right password…
    let refused = sign_in_from(&state, "ada@example.org", PASSWORD, "203.0.113.9").await;
    assert!(matches!(refused.unwrap_err(), AppError::RateLimited { .. }));
    // …and recorded: an audit event about Ada, with the client sealed.
    let throttled = events(&state, AuditAction::SignInThrottled).await;
    assert_eq!(throttled.len(), 1);
    assert!(throttled[0].subject_id.is_some() && throttled[0].changes.is_some());
    // More refusals are logged, not audited again (no audit flood).
    let again = sign_in_from(&state, "ada@example.org", PASSWORD, "203.0.113.9").await;
    assert!(matches!(again.unwrap_err(), AppError::RateLimited { .. }));
    assert_eq!(events(&state, AuditAction::SignInThrottled).await.len(), 1);
    // Ada, at home, still signs in: past the limit the account takes one
    // attempt per interval (a second here), it is not locked.
    tokio::time::sleep(throttle::slowdown(limit + 1, limit)).await;
    sign_in_from(&state, "ada@example.org", PASSWORD, "198.51.100.7")
        .await
        .unwrap();
    // Guesses sent in parallel from many networks: at most one per interval gets through.
    for i in 0..limit {
        let _ = sign_in_from(
            &state,
            "ada@example.org",
            "guess guess",
            &format!("198.18.{i}.1"),
        )
        .await;
    }
    let burst = futures_util::future::join_all((0..6).map(|i| {
        let state = state.clone();
        async move {
            sign_in_from(
                &state,
                "ada@example.org",
                "guess guess",
                &format!("198.19.{i}.1"),
            )
            .await
        }
    }))
    .await;
    let checked = burst
        .iter()
        .filter(|r| matches!(r, Err(AppError::InvalidCredentials)))
        .count();
    assert!(checked <= 1, "{burst:?}");
    // A throttled attempt on an address without an account is recorded with
    // the coarse network only, never the address.
    for _ in 0..=limit {
        let _ = sign_in_from(&state, "nobody@example.org", "guess guess", "203.0.113.9").await;
    }
    let throttled = events(&state, AuditAction::SignInThrottled).await;
    let unknown = throttled.last().unwrap();
    assert!(unknown.subject_id.is_none());
    let details = unknown.details.clone().unwrap();
    assert!(details.contains("203.0.113.0/24"), "{details}");
    assert!(
        !details.contains("nobody") && !details.contains("203.0.113.9"),
        "{details}"
    );
}

#[tokio::test]
async fn weak_passwords_are_refused_with_the_reason() {
    let state = common::state().await;
    for weak in ["password", "12345678", "ada lovelace"] {
        let new =
            accounts::NewUser::validated("Ada Lovelace", "ada@example.org", weak, Role::Customer)
                .unwrap();
        let error = user_error(
            accounts::create_user_unchecked(&state, new)
                .await
                .unwrap_err(),
        );
        let message = error.message_for("password").unwrap();
        assert!(
            message.starts_with("This password is too easy to guess."),
            "{message}"
        );
    }
    assert_eq!(
        user::Entity::find().count(&state.db).await.unwrap(),
        0,
        "nothing stored"
    );
}

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_signs_out_other_browsers() {
    let state = common::state().await;
    let here = customer(&state, "Ada", "ada@example.org").await;
    let elsewhere = sign_in_from(&state, "ada@example.org", PASSWORD, "10.0.0.2")
        .await
        .unwrap();
    let wrong = passwords::change_password(&state, &here, "not it", "violet harbour trumpet").await;
    assert_eq!(
        user_error(wrong.unwrap_err()).field_name(),
        Some("current_password")
    );
    let weak = passwords::change_password(&state, &here, PASSWORD, "password1").await;
    assert_eq!(
        user_error(weak.unwrap_err()).field_name(),
        Some("new_password")
    );
    let same = passwords::change_password(&state, &here, PASSWORD, PASSWORD).await;
    assert_eq!(
        user_error(same.unwrap_err()).field_name(),
        Some("new_password")
    );
    passwords::change_password(&state, &here, PASSWORD, "violet harbour trumpet")
        .await
        .unwrap();
    let left: Vec<String> = session::Entity::find()
        .filter(session::Column::UserId.eq(here.user_id))
        .all(&state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.token_hash)
        .collect();
    // One session left: this browser's, under the new token its last
    // re-authentication gave it (http.rs follows the cookie).
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!left.contains(&here.session_token_hash));
    assert!(!left.contains(&elsewhere.session_token_hash));
    assert!(mail_to(&state, here.user_id, "ada@example.org")
        .await
        .contains("password"));
    assert_eq!(events(&state, AuditAction::PasswordChanged).await.len(), 1);
    assert!(
        sign_in_from(&state, "ada@example.org", PASSWORD, "10.0.0.3")
            .await
            .is_err()
    );
    sign_in_from(
        &state,
        "ada@example.org",
        "violet harbour trumpet",
        "10.0.0.3",
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_reset_link_works_once_within_30_minutes_and_only_the_newest() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    // Unknown and known addresses get the same answer; only the account gets mail.
    passwords::request_reset(&state, "nobody@example.org", "10.0.0.1")
        .await
        .unwrap();
    passwords::request_reset(&state, "ada@example.org", "10.0.0.1")
        .await
        .unwrap();
    let to_nobody = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("nobody@example.org"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(to_nobody, 0);
    let first = token_of(
        &mail_to(&state, ada.user_id, "ada@example.org").await,
        "reset-password",
    );
    passwords::request_reset(&state, "ada@example.org", "10.0.0.1")
        .await
        .unwrap();
    let second = token_of(
        &mail_to(&state, ada.user_id, "ada@example.org").await,
        "reset-password",
    );
    assert_ne!(first, second);
    // Only the hash is stored.
    let stored = account_token::Entity::find().all(&state.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, second);
    let older = passwords::reset_password(&state, &first, "violet harbour trumpet").await;
    assert!(matches!(
        user_error(older.unwrap_err()),
        AppError::Conflict { .. }
    ));
    // A weak password leaves the link usable.
    let weak = passwords::reset_password(&state, &second, "12345678").await;
    assert_eq!(
        user_error(weak.unwrap_err()).field_name(),
        Some("new_password")
    );
    passwords::reset_password(&state, &second, "violet harbour trumpet")
        .await
        .unwrap();
    let again = passwords::reset_password(&state, &second, "another fine phrase").await;
    assert!(
        matches!(user_error(again.unwrap_err()), AppError::Conflict { .. }),
        "single use"
    );
    // Every session ended; the new password signs in.
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(ada.user_id))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
    sign_in_from(
        &state,
        "ada@example.org",
        "violet harbour trumpet",
        "10.0.0.1",
    )
    .await
    .unwrap();
    assert_eq!(events(&state, AuditAction::PasswordReset).await.len(), 1);
    assert_eq!(
        events(&state, AuditAction::PasswordResetRequested)
            .await
            .len(),
        2
    );
    // An expired link says so.
    passwords::request_reset(&state, "ada@example.org", "10.0.0.1")
        .await
        .unwrap();
    let third = token_of(
        &mail_to(&state, ada.user_id, "ada@example.org").await,
        "reset-password",
    );
    account_token::Entity::update_many()
        .col_expr(
            account_token::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&state.db)
        .await
        .unwrap();
    let expired = passwords::reset_password(&state, &third, "violet harbour trumpet 2").await;
    assert!(user_error(expired.unwrap_err())
        .to_string()
        .contains("expired"));
    // Past three links per quarter hour the address gets no more mail, with
    // the same answer (a refusal would let anyone block the owner's reset).
    let before = outbound_mail::Entity::find()
        .count(&state.db)
        .await
        .unwrap();
    passwords::request_reset(&state, "ada@example.org", "10.0.0.9")
        .await
        .unwrap();
    assert_eq!(
        outbound_mail::Entity::find()
            .count(&state.db)
            .await
            .unwrap(),
        before
    );
    // The outbox never shows a link's token to an admin.
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let outbox = mail::outbox(&state, &admin, 0).await.unwrap();
    for entry in outbox.items.iter().filter(|e| e.body.contains("token=")) {
        assert!(entry.body.contains("token=[hidden]"), "{}", entry.body);
        assert!(!entry.body.contains(&third));
    }
}

#[tokio::test]
async fn staff_created_by_an_admin_choose_their_own_password_at_first_sign_in() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let new = accounts::NewUser::validated(
        "Agnes Agent",
        "agnes@example.org",
        "typed by the admin",
        Role::Agent,
    )
    .unwrap();
    accounts::create_user(&state, &admin, new).await.unwrap();
    let first = sign_in_from(
        &state,
        "agnes@example.org",
        "typed by the admin",
        "10.0.0.5",
    )
    .await;
    assert_eq!(first.unwrap_err(), AppError::PasswordChangeRequired);
    let weak = sign_in_with(
        &state,
        "agnes@example.org",
        "typed by the admin",
        "password",
        "10.0.0.5",
    )
    .await;
    assert_eq!(weak.unwrap_err().field_name(), Some("new_password"));
    sign_in_with(
        &state,
        "agnes@example.org",
        "typed by the admin",
        "agnes own secret phrase",
        "10.0.0.5",
    )
    .await
    .unwrap();
    assert!(sign_in_from(
        &state,
        "agnes@example.org",
        "typed by the admin",
        "10.0.0.5"
    )
    .await
    .is_err());
    sign_in_from(
        &state,
        "agnes@example.org",
        "agnes own secret phrase",
        "10.0.0.5",
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_at_once_and_cannot_sign_in() {
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let customer = customer(&state, "Ada", "ada@example.org").await;
    // Only admins, only staff accounts, never oneself or the last admin.
    for who in [&agent, &customer] {
        let e = staff_accounts::set_enabled(&state, who, admin.user_id, false).await;
        assert_eq!(user_error(e.unwrap_err()), AppError::Forbidden);
        let e = staff_accounts::send_reset_link(&state, who, agent.user_id).await;
        assert_eq!(user_error(e.unwrap_err()), AppError::Forbidden);
    }
    let e = staff_accounts::set_enabled(&state, &admin, customer.user_id, false).await;
    assert!(matches!(
        user_error(e.unwrap_err()),
        AppError::Conflict { .. }
    ));
    let e = staff_accounts::set_enabled(&state, &admin, admin.user_id, false).await;
    assert!(matches!(
        user_error(e.unwrap_err()),
        AppError::Conflict { .. }
    ));
    let second_admin = staff(&state, "root2@example.org", Role::Admin).await;
    staff_accounts::set_enabled(&state, &admin, second_admin.user_id, false)
        .await
        .unwrap();
    let last = staff_accounts::set_enabled(&state, &second_admin, admin.user_id, false).await;
    assert!(last.is_err(), "a disabled admin acts no more");

    staff_accounts::set_enabled(&state, &admin, agent.user_id, false)
        .await
        .unwrap();
    let resolved = sessions::resolve(
        &state.db,
        &sessions::SessionToken::from_cookie("x"),
        &state.security,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert!(resolved.is_none());
    let left = session::Entity::find()
        .filter(session::Column::UserId.eq(agent.user_id))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(left, 0, "every session ended");
    let refused = sign_in_from(&state, "agnes@example.org", PASSWORD, "10.0.0.1").await;
    assert_eq!(refused.unwrap_err(), AppError::AccountDisabled);
    // A wrong password does not reveal that the account is disabled.
    let wrong = sign_in_from(&state, "agnes@example.org", "guess guess", "10.0.0.1").await;
    assert_eq!(wrong.unwrap_err(), AppError::InvalidCredentials);
    let e = staff_accounts::send_reset_link(&state, &admin, agent.user_id).await;
    assert!(matches!(
        user_error(e.unwrap_err()),
        AppError::Conflict { .. }
    ));
    staff_accounts::set_enabled(&state, &admin, agent.user_id, true)
        .await
        .unwrap();
    sign_in_from(&state, "agnes@example.org", PASSWORD, "10.0.0.1")
        .await
        .unwrap();
    assert_eq!(events(&state, AuditAction::AccountDisabled).await.len(), 2);
    assert_eq!(events(&state, AuditAction::AccountEnabled).await.len(), 1);
    assert_eq!(events(&state, AuditAction::SignInRefused).await.len(), 1);
    // An admin mails a reset link; the admin never sees the token.
    staff_accounts::send_reset_link(&state, &admin, agent.user_id)
        .await
        .unwrap();
    let body = mail_to(&state, agent.user_id, "agnes@example.org").await;
    let token = token_of(&body, "reset-password");
    passwords::reset_password(&state, &token, "agnes own secret phrase")
        .await
        .unwrap();
}

#[tokio::test]
async fn people_see_and_end_only_their_own_devices() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let bea = customer(&state, "Bea", "bea@example.org").await;
    let phone = sign_in_from(&state, "ada@example.org", PASSWORD, "203.0.113.77")
        .await
        .unwrap();
    let list = devices::mine(&state, &ada).await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|d| d.current).count(), 1);
    let other = list.iter().find(|d| !d.current).unwrap();
    assert_eq!(other.network, "203.0.113.0/24");
    assert_eq!(other.browser, "Firefox 128");
    assert_eq!(other.system, "Linux");
    // Bea cannot see or end Ada's sessions, not even by their id.
    assert_eq!(devices::mine(&state, &bea).await.unwrap().len(), 1);
    let e = devices::end_one(&state, &bea, &other.id).await;
    assert_eq!(user_error(e.unwrap_err()), AppError::NotFound);
    devices::end_one(&state, &ada, &phone.session_token_hash)
        .await
        .unwrap();
    assert_eq!(devices::mine(&state, &ada).await.unwrap().len(), 1);
    sign_in_from(&state, "ada@example.org", PASSWORD, "203.0.113.78")
        .await
        .unwrap();
    assert_eq!(devices::end_others(&state, &ada).await.unwrap(), 1);
    let left = devices::mine(&state, &ada).await.unwrap();
    assert_eq!(left.len(), 1);
    assert!(left[0].current);
    assert_eq!(
        devices::mine(&state, &bea).await.unwrap().len(),
        1,
        "Bea untouched"
    );
    assert_eq!(events(&state, AuditAction::SessionEnded).await.len(), 2);
}

#[test]
fn networks_are_coarse_and_agents_described() {
    assert_eq!(sessions::coarse_network("192.0.2.55"), "192.0.2.0/24");
    assert_eq!(
        sessions::coarse_network("2001:db8:abcd:12::1"),
        "2001:db8:abcd::/48"
    );
    assert_eq!(sessions::coarse_network("::ffff:192.0.2.9"), "192.0.2.0/24");
    assert_eq!(sessions::coarse_network("unknown"), "unknown");
    let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    let (browser, system) = sessions::describe_agent(Some(chrome));
    assert_eq!(browser, "Chrome 126");
    assert!(system.starts_with("Windows"), "{system}");
    assert_eq!(sessions::describe_agent(None).0, "Unknown browser");
}

/// The code an authenticator app shows for `secret` (base32) at `at` (Unix seconds).
fn app_code(secret: &str, at: u64) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).unwrap();
    totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .unwrap()
        .generate(at)
        .to_string()
}

fn unix_now() -> u64 {
    chrono::Utc::now().timestamp() as u64
}

#[tokio::test]
async fn an_authenticator_app_guards_sign_in_and_each_code_works_once() {
    use app::server::services::two_factor;
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let bea = customer(&state, "Bea", "bea@example.org").await;
    // Setting up asks for the password; the QR code is an SVG drawn here.
    let wrong = two_factor::start(&state, &ada, "not it").await;
    assert_eq!(
        user_error(wrong.unwrap_err()).field_name(),
        Some("password")
    );
    let enrolment = two_factor::start(&state, &ada, PASSWORD).await.unwrap();
    // The password asked again gave her browser a new token.
    let ada = common::current(&state, &ada).await;
    assert!(enrolment
        .qr_svg_data_url
        .starts_with("data:image/svg+xml;base64,"));
    assert!(enrolment.otpauth_url.starts_with("otpauth://totp/"));
    // The secret is stored sealed, never in the clear.
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    let sealed = row.totp_secret.clone().unwrap();
    let raw = totp_rs::Secret::try_from_base32(&enrolment.secret).unwrap();
    let raw: &[u8] = raw.as_ref();
    assert!(!sealed.windows(raw.len()).any(|w| w == raw));
    let bad = two_factor::confirm(&state, &ada, "000000").await;
    assert_eq!(user_error(bad.unwrap_err()).field_name(), Some("code"));
    let codes = two_factor::confirm(&state, &ada, &app_code(&enrolment.secret, unix_now()))
        .await
        .unwrap();
    assert_eq!(codes.len(), two_factor::RECOVERY_CODES);
    // With a factor on, adding another needs a recent sign-in with it, not
    // only the password (a stolen session and password are not enough).
    let more = app::server::services::passkeys::start_registration(&state, &ada, PASSWORD).await;
    assert!(matches!(
        user_error(more.unwrap_err()),
        AppError::Conflict { .. }
    ));
    // Bea's status is her own.
    assert!(two_factor::status(&state, &bea)
        .await
        .unwrap()
        .enabled_at
        .is_none());
    assert_eq!(
        two_factor::status(&state, &ada)
            .await
            .unwrap()
            .recovery_codes_left,
        10
    );

    // The password alone now asks for the code.
    let asked = sign_in_from(&state, "ada@example.org", PASSWORD, "10.0.0.1").await;
    assert_eq!(
        asked.unwrap_err(),
        AppError::SecondFactorRequired {
            authenticator_app: true,
            passkey: false
        }
    );
    let with_code = |code: String| {
        let state = state.clone();
        async move {
            let credentials = Credentials {
                email: "ada@example.org",
                password: PASSWORD,
                new_password: "",
                code: &code,
                passkey: None,
            };
            accounts::sign_in(&state, credentials, &Device::new(None, "10.0.0.1"), None)
                .await
                .map(|_| ())
                .map_err(user_error)
        }
    };
    // The code of the step just after the one used at set-up (a code never works twice).
    let next = app_code(&enrolment.secret, unix_now() + 30);
    with_code(next.clone()).await.unwrap();
    assert_eq!(
        with_code(next).await.unwrap_err().field_name(),
        Some("code"),
        "never twice"
    );
    assert_eq!(
        with_code("123456".into()).await.unwrap_err().field_name(),
        Some("code")
    );
    // A recovery code works once, however it is typed, and mails a notice.
    let recovery = codes[0].to_uppercase().replace('-', " ");
    with_code(recovery.clone()).await.unwrap();
    assert_eq!(
        with_code(recovery).await.unwrap_err().field_name(),
        Some("code"),
        "once"
    );
    assert_eq!(
        two_factor::status(&state, &ada)
            .await
            .unwrap()
            .recovery_codes_left,
        9
    );
    assert!(mail_to(&state, ada.user_id, "ada@example.org")
        .await
        .contains("9 unused codes"));
    // Wrong codes count toward the sign-in throttle.
    let limit = state.security.max_failures_per_account as usize;
    let mut refused = false;
    for _ in 0..limit + 1 {
        if let Err(AppError::RateLimited { .. }) = with_code("000000".into()).await {
            refused = true;
        }
    }
    assert!(refused, "wrong codes are throttled like wrong passwords");
    // The account takes one attempt per interval for a while (the owner's too).
    tokio::time::sleep(throttle::slowdown(limit as u64 + 2, limit as u64)).await;
    // Turning it off asks for the password, and is audited.
    // Turning it off needs a code as well as the password.
    let no_code = two_factor::disable(&state, &ada, PASSWORD, "000000").await;
    assert_eq!(user_error(no_code.unwrap_err()).field_name(), Some("code"));
    two_factor::disable(&state, &ada, PASSWORD, &codes[1])
        .await
        .unwrap();
    assert_eq!(events(&state, AuditAction::TwoFactorEnabled).await.len(), 1);
    assert_eq!(
        events(&state, AuditAction::TwoFactorDisabled).await.len(),
        1
    );
    let row = user::Entity::find_by_id(ada.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.totp_secret.is_none() && row.totp_enabled_at.is_none());
}

#[tokio::test]
async fn staff_must_set_up_two_factor_when_the_admins_require_it() {
    use app::server::services::{tickets, two_factor};
    let state = common::state().await;
    let admin = staff(&state, "root@example.org", Role::Admin).await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    let customer = customer(&state, "Ada", "ada@example.org").await;
    // Only admins decide.
    for who in [&agent, &customer] {
        let e = two_factor::set_required_for_staff(&state, who, true).await;
        assert_eq!(user_error(e.unwrap_err()), AppError::Forbidden);
    }
    two_factor::set_required_for_staff(&state, &admin, true)
        .await
        .unwrap();
    // The agent's next request finds them without it: everything but setting it up is refused.
    assert!(!agent.needs_two_factor_setup, "resolved before the rule");
    let agent = sign_in_from(&state, "agnes@example.org", PASSWORD, "10.0.0.2")
        .await
        .unwrap();
    assert!(agent.needs_two_factor_setup);
    let queue = tickets::list(&state, &agent, Default::default()).await;
    assert_eq!(
        user_error(queue.unwrap_err()),
        AppError::TwoFactorSetupRequired
    );
    // Customers are not concerned.
    let ada = sign_in_from(&state, "ada@example.org", PASSWORD, "10.0.0.3")
        .await
        .unwrap();
    assert!(!ada.needs_two_factor_setup);
    // Set up, the agent works again, and cannot turn it off while it is required.
    let enrolment = two_factor::start(&state, &agent, PASSWORD).await.unwrap();
    two_factor::confirm(&state, &agent, &app_code(&enrolment.secret, unix_now()))
        .await
        .unwrap();
    let code = app_code(&enrolment.secret, unix_now() + 30);
    let credentials = Credentials {
        email: "agnes@example.org",
        password: PASSWORD,
        new_password: "",
        code: &code,
        passkey: None,
    };
    let (_, token) = accounts::sign_in(&state, credentials, &Device::new(None, "10.0.0.2"), None)
        .await
        .unwrap();
    let agent = sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert!(!agent.needs_two_factor_setup);
    tickets::list(&state, &agent, Default::default())
        .await
        .unwrap();
    let off = two_factor::disable(&state, &agent, PASSWORD, "").await;
    assert!(matches!(
        user_error(off.unwrap_err()),
        AppError::Conflict { .. }
    ));
}

#[tokio::test]
async fn unconfirmed_sign_ups_give_way_to_whoever_confirms_the_address_and_expire() {
    use app::server::{
        entities::erasure_job,
        services::{email_change, review, signup_confirmation},
    };
    let state = common::state().await;
    let agent = staff(&state, "agnes@example.org", Role::Agent).await;
    // Carl signs up with an address that is not his, and never confirms it.
    let device = Device::new(None, "10.0.0.1");
    let (_, token) = accounts::sign_up(
        &state,
        "Carl Squat",
        "mira@example.org",
        "",
        PASSWORD,
        &device,
    )
    .await
    .unwrap();
    let carl = sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert!(!carl.email_confirmed);
    let waits = exports::request(&state, &carl, PASSWORD).await;
    assert_eq!(user_error(waits.unwrap_err()), AppError::EmailNotConfirmed);
    // The mailed link alone confirms nothing: the browser must be signed in to
    // that account (whoever clicks a mail cannot confirm someone else's sign-up).
    let link = common::link_token(&state, carl.user_id, "confirm-address").await;
    for signed_in in [None, Some(agent.user_id)] {
        let refused = signup_confirmation::confirm(&state, signed_in, &link).await;
        assert!(matches!(
            user_error(refused.unwrap_err()),
            AppError::Conflict { .. }
        ));
    }
    // Mira owns that mailbox: she moves her account to it, and confirms first.
    let mira = customer(&state, "Mira", "mira.old@example.org").await;
    let request = email_change::request_email_change(&state, &mira, "mira@example.org", PASSWORD)
        .await
        .unwrap();
    let link = common::link_token(&state, mira.user_id, "confirm-email").await;
    email_change::confirm_email(&state, &link).await.unwrap();
    let carl_row = user::Entity::find_by_id(carl.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(carl_row.erased_at.is_some(), "removal scheduled");
    assert!(
        carl_row.email.ends_with("@unconfirmed.invalid"),
        "address released at once"
    );
    assert_eq!(
        events(&state, AuditAction::UnconfirmedAccountRemoved)
            .await
            .len(),
        1
    );
    assert!(mail_to(&state, mira.user_id, "mira@example.org")
        .await
        .contains("never confirmed"));
    review::decide(&state, &agent, request.id, true, "")
        .await
        .unwrap();
    let mira_row = user::Entity::find_by_id(mira.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mira_row.email, "mira@example.org");
    // The removal runs through the erasure job and its final check passes.
    while server::erasure_worker::work_once(&state, std::time::Duration::ZERO).await {}
    let job = erasure_job::Entity::find()
        .filter(erasure_job::Column::SubjectId.eq(carl.user_id))
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status.as_str(), "completed", "{:?}", job.last_error);

    // Dan signed up eight days ago and never confirmed; Eve did confirm.
    let (_, token) =
        accounts::sign_up(&state, "Dan Late", "dan@example.org", "", PASSWORD, &device)
            .await
            .unwrap();
    let dan = sessions::resolve(&state.db, &token, &state.security, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    let eve = customer(&state, "Eve", "eve@example.org").await;
    let long_ago = chrono::Utc::now() - chrono::Duration::days(8);
    user::Entity::update_many()
        .col_expr(
            user::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(long_ago),
        )
        .filter(user::Column::Id.is_in([dan.user_id, eve.user_id]))
        .exec(&state.db)
        .await
        .unwrap();
    // A live link keeps the account (a link sent again gives more time).
    assert_eq!(signup_confirmation::sweep(&state).await.unwrap(), 0);
    account_token::Entity::update_many()
        .col_expr(
            account_token::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(long_ago),
        )
        .filter(account_token::Column::UserId.eq(dan.user_id))
        .exec(&state.db)
        .await
        .unwrap();
    assert_eq!(signup_confirmation::sweep(&state).await.unwrap(), 1);
    let dan_row = user::Entity::find_by_id(dan.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(dan_row.erased_at.is_some());
    let eve_row = user::Entity::find_by_id(eve.user_id)
        .one(&state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(eve_row.erased_at.is_none());
    assert_eq!(signup_confirmation::sweep(&state).await.unwrap(), 0, "once");
    while server::erasure_worker::work_once(&state, std::time::Duration::ZERO).await {}
    let removed = outbound_mail::Entity::find()
        .filter(outbound_mail::Column::ToAddress.eq("dan@example.org"))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(removed, 0, "the final notice went and left no row");
}

#[tokio::test]
async fn wrong_passwords_through_one_session_end_it_from_any_network() {
    let state = common::state().await;
    let mut ada = customer(&state, "Ada", "ada@example.org").await;
    let limit = state.security.max_failures_per_account;
    for i in 0..=limit {
        ada.client = format!("192.0.2.{i}");
        let _ = exports::request(&state, &ada, "guess guess").await;
    }
    let left = session::Entity::find()
        .filter(session::Column::TokenHash.eq(ada.session_token_hash.clone()))
        .count(&state.db)
        .await
        .unwrap();
    assert_eq!(left, 0, "the session that guessed ended");
}

#[tokio::test]
async fn passwords_are_checked_exactly_as_typed_and_long_ones_work() {
    let state = common::state().await;
    // 90 characters with spaces, punctuation and a non-ASCII letter.
    let long =
        "Grüße aus dem Lager: forty-two crates of tea, seven of coffee, none of sugar! (2026)  ok";
    assert!(long.chars().count() >= 64, "{}", long.chars().count());
    let mut browser = common::Browser::new(&state);
    let up = browser
        .call::<app::api::auth::SignUp>(&[
            ("name", "Lena Lang"),
            ("email", "lena@example.org"),
            ("password", long),
        ])
        .await;
    assert_eq!(up.status, http::StatusCode::OK, "{}", up.body);
    common::confirm_address_of(&state, "lena@example.org").await;
    assert!(sign_in_from(&state, "lena@example.org", long, "10.1.0.1")
        .await
        .is_ok());
    // Nothing is trimmed, truncated or case-folded: each variant is refused.
    let cut: String = long.chars().take(64).collect();
    let variants = [
        long.to_uppercase(),
        format!("{long} "),
        format!(" {long}"),
        cut,
    ];
    for (i, variant) in variants.iter().enumerate() {
        let refused =
            sign_in_from(&state, "lena@example.org", variant, &format!("10.1.1.{i}")).await;
        assert!(
            matches!(refused, Err(AppError::InvalidCredentials)),
            "{variant:?}: {refused:?}"
        );
    }
    assert!(sign_in_from(&state, "lena@example.org", long, "10.1.0.2")
        .await
        .is_ok());
}

#[tokio::test]
async fn passkeys_are_offered_only_es256_es384_and_rs256() {
    let state = common::state().await;
    let ada = customer(&state, "Ada", "ada@example.org").await;
    let challenge = app::server::services::passkeys::start_registration(&state, &ada, PASSWORD)
        .await
        .unwrap();
    let options: serde_json::Value = serde_json::from_str(&challenge.options).unwrap();
    let algorithms: std::collections::BTreeSet<i64> = options["publicKey"]["pubKeyCredParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["alg"].as_i64().unwrap())
        .collect();
    // ES256, ES384 and RS256 (COSE ids), as ARCHITECTURE's inventory says.
    assert_eq!(algorithms, [-257, -35, -7].into_iter().collect());
}
