//! The `custodian` command: serve the portal, or manage accounts.
use crate::{
    app,
    config::{Cli, Command, RoleArg, Settings, UserCommand},
    db, demo, HttpSettings,
};
use ::app::{
    model::Role,
    server::{services::accounts, AppState, SecuritySettings},
};
use leptos::config::LeptosOptions;
use std::{io::IsTerminal, net::SocketAddr, time::Duration};

/// Runs the command line; the error is printed by `main` and exits non-zero.
pub async fn run(cli: Cli) -> Result<(), String> {
    let settings = cli.settings;
    let public_origin = settings.public_origin()?;
    let db = db::connect_and_migrate(&settings.database_url()).await?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings, public_origin, db).await,
        Command::User {
            command: UserCommand::Create { role, email, name },
        } => {
            let password = read_password()?;
            let role = match role {
                RoleArg::Customer => Role::Customer,
                RoleArg::Agent => Role::Agent,
                RoleArg::Admin => Role::Admin,
            };
            let name =
                name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let new = accounts::NewUser::validated(&name, &email, &password, role)
                .map_err(|e| e.to_string())?;
            let user = accounts::create_user_unchecked(&db, new)
                .await
                .map_err(|e| e.into_app_error("cli").to_string())?;
            println!(
                "Created {} account for {} ({}).",
                user.role.label(),
                user.email,
                user.id
            );
            Ok(())
        }
    }
}

fn read_password() -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
        let second = rpassword::prompt_password("Repeat password: ").map_err(|e| e.to_string())?;
        if first != second {
            return Err("the two passwords differ".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read the password from stdin: {e}"))?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Builds the state from settings.
pub fn state(settings: &Settings, db: sea_orm::DatabaseConnection) -> AppState {
    let leptos_options = LeptosOptions::builder()
        .output_name("custodian")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.listen)
        .build();
    AppState {
        db,
        security: SecuritySettings {
            session_idle_timeout: Duration::from_secs(settings.session_idle_minutes * 60),
            session_absolute_timeout: Duration::from_secs(settings.session_max_hours * 3600),
            max_failures_per_account: settings.signin_max_per_account,
            max_failures_per_client: settings.signin_max_per_client,
            throttle_window: Duration::from_secs(15 * 60),
            secure_cookies: settings.is_https(),
        },
        leptos_options,
    }
}

async fn serve(
    settings: Settings,
    public_origin: String,
    db: sea_orm::DatabaseConnection,
) -> Result<(), String> {
    let bundle = settings.site_root.join("pkg").join("custodian.js");
    if !bundle.exists() {
        tracing::warn!(path = %bundle.display(), "browser bundle not found: pages will not be interactive; build it with scripts/build.sh");
    }
    if settings.demo {
        demo::seed(&db).await?;
    }
    let state = state(&settings, db);
    let http = HttpSettings {
        public_origin,
        trust_proxy_headers: settings.trust_proxy_headers,
        https: settings.is_https(),
    };
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!("Custodian is listening on http://{addr}");
    println!(
        "Custodian is running: open {} (listening on {addr})",
        settings.public_url
    );
    axum::serve(
        listener,
        app(state, http).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| format!("server error: {e}"))
}
