//! The `custodian` command: serve the portal, or manage accounts.
use crate::{
    app,
    config::{AuditCommand, Cli, Command, KeysCommand, RoleArg, Settings, UserCommand},
    db, demo, HttpSettings,
};
use ::app::{
    model::Role,
    server::{
        audit,
        services::{accounts, activity},
        AppState, MailSettings, SecuritySettings, Vault,
    },
};
use leptos::config::LeptosOptions;
use std::{io::IsTerminal, net::SocketAddr, sync::Arc, time::Duration};

/// Runs the command line; the error is printed by `main` and exits non-zero.
pub async fn run(cli: Cli) -> Result<(), String> {
    let settings = cli.settings;
    let public_origin = settings.public_origin()?;
    let command = match cli.command.unwrap_or(Command::Serve) {
        // The benchmark makes its own throw-away databases.
        Command::Bench {
            tickets,
            messages_per_ticket,
        } => return crate::bench::export(&settings, tickets, messages_per_ticket).await,
        other => other,
    };
    let (db, vault) = db::open(&settings).await?;
    let state = state(&settings, db, vault);
    match command {
        Command::Bench { .. } => Ok(()),
        Command::Export { out } => {
            ::app::server::services::exports::export_all_to_file(&state, &out)
                .await
                .map_err(|e| format!("cannot export to {}: {}", out.display(), e.chain()))?;
            println!("Exported every module to {}. It holds personal data in the clear: keep it safe, delete it when done.", out.display());
            Ok(())
        }
        Command::Serve => serve(settings, public_origin, state).await,
        Command::Keys {
            command: KeysCommand::Status,
        } => {
            let status = state.vault.status().await.map_err(|e| e.to_string())?;
            println!("Current master key: {}", status.current_key_id);
            for key in status.keys {
                let notes = match (key.current, key.configured) {
                    (true, _) => " (current)",
                    (false, true) => " (old, still configured)",
                    (false, false) => " (NOT CONFIGURED)",
                };
                println!("  {}  {} data keys{notes}", key.key_id, key.data_keys);
            }
            Ok(())
        }
        Command::Keys {
            command: KeysCommand::Rotate { batch_size },
        } => rotate(&state, batch_size).await,
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let report = audit::verify(&state.db).await.map_err(|e| e.to_string())?;
            if report.ok {
                println!(
                    "Audit chain verified: {} events, head {} at event {}.",
                    report.events_checked, report.head_hash, report.head_seq
                );
                Ok(())
            } else {
                Err(format!(
                    "audit chain broken at event {}: {} ({} events checked before it)",
                    report.first_bad_seq.unwrap_or_default(),
                    report.problem.unwrap_or_default(),
                    report.events_checked
                ))
            }
        }
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
            let user = accounts::create_user_unchecked(&state, new)
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

/// Re-wraps every data key under a new master key. Resumes an unfinished rotation
/// (data keys still under an older key) instead of starting another.
async fn rotate(state: &AppState, batch_size: u64) -> Result<(), String> {
    let vault = &state.vault;
    let status = vault.status().await.map_err(|e| e.to_string())?;
    let pending: u64 = status
        .keys
        .iter()
        .filter(|k| !k.current)
        .map(|k| k.data_keys)
        .sum();
    if pending > 0 {
        println!(
            "Resuming the rotation to {}: {pending} data keys still under older keys.",
            status.current_key_id
        );
    } else {
        let id = vault.add_master_key().map_err(|e| e.to_string())?;
        println!("New master key {id} written to the key file. Back the file up now.");
    }
    let total: u64 = vault
        .status()
        .await
        .map_err(|e| e.to_string())?
        .keys
        .iter()
        .filter(|k| !k.current)
        .map(|k| k.data_keys)
        .sum();
    let mut done = 0u64;
    loop {
        let n = vault
            .rotate_batch(batch_size)
            .await
            .map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        done += n;
        println!("  re-wrapped {done}/{} data keys", total.max(done));
    }
    let removed = vault
        .prune_unused_master_keys()
        .await
        .map_err(|e| e.to_string())?;
    let current = vault
        .status()
        .await
        .map_err(|e| e.to_string())?
        .current_key_id;
    activity::record_rotation(state, &current, done, &removed)
        .await
        .map_err(|e| e.chain())?;
    if removed.is_empty() {
        println!("Rotation complete.");
    } else {
        println!(
            "Rotation complete. Old master keys no longer used and removed from the key file: {}",
            removed.join(", ")
        );
    }
    Ok(())
}

/// Builds the state from settings.
pub fn state(settings: &Settings, db: sea_orm::DatabaseConnection, vault: Vault) -> AppState {
    let leptos_options = LeptosOptions::builder()
        .output_name("custodian")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.listen)
        .build();
    AppState {
        db,
        vault: Arc::new(vault),
        exports: ::app::server::ExportSettings {
            dir: settings.data_dir.join("exports"),
            ttl: Duration::from_secs(settings.export_ttl_hours * 3600),
            per_day: settings.exports_per_day,
        },
        mail: MailSettings {
            smtp_configured: settings.smtp_host.is_some(),
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
        },
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

async fn serve(settings: Settings, public_origin: String, state: AppState) -> Result<(), String> {
    let bundle = settings.site_root.join("pkg").join("custodian.js");
    if !bundle.exists() {
        tracing::warn!(path = %bundle.display(), "browser bundle not found: pages will not be interactive; build it with scripts/build.sh");
    }
    if settings.demo {
        demo::seed(&state).await?;
    }
    tokio::spawn(crate::exports_worker::run(state.clone()));
    tokio::spawn(crate::erasure_worker::run(
        state.clone(),
        std::time::Duration::from_millis(settings.erasure_step_pause_ms),
    ));
    match crate::mailer::Mailer::from_settings(&settings)? {
        Some(mailer) => {
            tracing::info!("sending mail through SMTP");
            tokio::spawn(crate::mailer::run(state.clone(), mailer));
        }
        None => tracing::info!(
            "no SMTP server configured: mail stays in the outbox (Settings → Outbox)"
        ),
    }
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
