//! Demo data: two customers, an agent and an admin with a few tickets.
//! Seeding only adds what is missing, so it is safe on every start.
use crate::error::StartError;
use ::app::{
    model::{Role, TicketStatus},
    server::{
        services::{accounts, tickets},
        Actor,
    },
};

/// The password of every demo account. Demo mode is for trying the portal, never for production.
pub const DEMO_PASSWORD: &str = "custodian-demo";

struct DemoUser {
    name: &'static str,
    email: &'static str,
    role: Role,
    phone: &'static str,
}

const USERS: [DemoUser; 4] = [
    DemoUser {
        name: "Alice Customer",
        email: "alice@example.com",
        role: Role::Customer,
        phone: "+44 20 7946 0958",
    },
    DemoUser {
        name: "Bob Customer",
        email: "bob@example.com",
        role: Role::Customer,
        phone: "",
    },
    DemoUser {
        name: "Agnes Agent",
        email: "agent@example.com",
        role: Role::Agent,
        phone: "",
    },
    DemoUser {
        name: "Adam Admin",
        email: "admin@example.com",
        role: Role::Admin,
        phone: "",
    },
];

fn actor(user: &::app::model::CurrentUser) -> Actor {
    Actor {
        user_id: user.id,
        role: user.role,
        email: user.email.clone(),
        session_token_hash: String::new(),
        client: "local".to_owned(),
        needs_two_factor_setup: false,
        email_confirmed: true,
        second_factor_at: None,
        locale: Default::default(),
        grant: ::app::server::policy::Grant::built_in(user.role),
    }
}

/// Seeds the demo accounts and tickets if the first demo account does not exist yet.
pub async fn seed(db: &::app::server::AppState) -> Result<(), StartError> {
    let mut created = Vec::new();
    for user in &USERS {
        let new = accounts::NewUser::validated(user.name, user.email, DEMO_PASSWORD, user.role)
            .and_then(|n| n.with_phone(user.phone))?;
        match accounts::create_user_unchecked(db, new).await {
            Ok(u) => created.push(u),
            Err(::app::server::ServiceError::User(::app::error::AppError::EmailTaken)) => {
                println!("Demo data is already there.");
                print_sign_in();
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        }
    }
    let [alice, bob, agent, admin] = &created[..] else {
        return Err(StartError::config("demo accounts were not all created"));
    };
    let (alice, bob, agent, admin) = (actor(alice), actor(bob), actor(agent), actor(admin));
    // The demo agent works the default team's tickets.
    if let Some(team) = ::app::server::services::teams::default_team(&db.db).await? {
        ::app::server::services::teams::set_member(db, &admin, team, agent.user_id, true).await?;
    }
    let t1 = tickets::open(
        db,
        &alice,
        "Invoice shows the wrong address",
        "Hello, my last invoice still shows my old street address. Could you update it?",
        &[],
    )
    .await?;
    tickets::reply(
        db,
        &agent,
        t1,
        "Thanks Alice, we have corrected the address. The next invoice will show it.",
        false,
    )
    .await?;
    tickets::reply(
        db,
        &agent,
        t1,
        "Checked billing system; address field synced.",
        true,
    )
    .await?;
    tickets::set_status(db, &agent, t1, TicketStatus::Solved).await?;
    tickets::open(
        db,
        &alice,
        "Cannot download my statement",
        "The download button on the statements page does nothing.",
        &[],
    )
    .await?;
    tickets::open(
        db,
        &bob,
        "Question about my contract",
        "When does my contract renew?",
        &[],
    )
    .await?;
    println!("Demo data created.");
    print_sign_in();
    Ok(())
}

fn print_sign_in() {
    println!("Demo accounts (password for all: {DEMO_PASSWORD}):");
    for user in &USERS {
        println!(
            "  {:<9} {}",
            user.role.label(app::i18n::Tr(app::i18n::Lang::En)),
            user.email
        );
    }
}
