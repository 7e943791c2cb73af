//! The `custodian` command: serve the portal, or manage accounts.
use crate::error::{Context as _, StartError};
use crate::{
    app,
    config::{
        AuditCommand, Cli, Command, KeysCommand, RetentionCommand, RoleArg, Settings, UserCommand,
    },
    db, demo, HttpSettings,
};
use ::app::{
    model::Role,
    server::{
        audit,
        services::{accounts, activity, erasure},
        AppState,
    },
};
use axum::serve::Listener as _;
use std::{io::IsTerminal, net::SocketAddr};

/// Opens the configured databases and keys as the portal's state. Before
/// anything reads or serves, erasures the database does not show (it came
/// back from a backup, or a file was copied back by hand) are applied again.
pub async fn open_state(settings: &Settings) -> Result<AppState, StartError> {
    let (db, vault) = db::open(settings).await?;
    let state = settings.app_state(db, vault);
    erasure::reconcile(&state).await?;
    Ok(state)
}

/// `custodian retention run [--dry-run]`: the plan, or the cleanup and its counts.
async fn retention_run(state: &AppState, dry_run: bool) -> Result<(), StartError> {
    use ::app::server::services::retention;
    let now = chrono::Utc::now();
    let (policy, next) = retention::next_cleanup(state).await?;
    if !dry_run {
        let Some(report) = retention::run_now(state, now).await? else {
            return Err(StartError::config(
                "a cleanup is running on another server right now; try again later",
            ));
        };
        println!(
            "Cleanup done: {} tickets anonymised, {} deleted, {} accounts closed, {} erased; {} held customers skipped. The next runs in {} days.",
            report.tickets_anonymised,
            report.tickets_deleted,
            report.accounts_closed,
            report.accounts_purged,
            report.held_skipped,
            policy.cycle_days
        );
        return Ok(());
    }
    let plan = retention::dry_run(state, now).await?;
    let date = |d: chrono::DateTime<chrono::Utc>| d.format("%Y-%m-%d").to_string();
    let verb = match policy.tickets_action {
        ::app::model::TicketsPolicy::Anonymise => "anonymise",
        ::app::model::TicketsPolicy::Delete => "delete",
    };
    println!(
        "A cleanup run now ({}) would {verb} {} tickets, close {} accounts and erase {} closed accounts; \
         {} more unused accounts get their notice first. Nothing was changed.",
        date(plan.date),
        plan.tickets_total,
        plan.close_total,
        plan.purge_total,
        plan.close_later
    );
    println!("The next scheduled cleanup is on {}.", date(next));
    let more = |shown: usize, total: u64| {
        if total > shown as u64 {
            println!("  … and {} more", total - shown as u64);
        }
    };
    if !plan.tickets.is_empty() {
        println!("Tickets ({verb}):");
        for t in &plan.tickets {
            println!(
                "  {} {}  last updated {}",
                t.reference,
                t.id,
                date(t.updated_at)
            );
        }
        more(plan.tickets.len(), plan.tickets_total);
    }
    for (title, rows, total) in [
        ("Accounts to close:", &plan.close, plan.close_total),
        ("Closed accounts to erase:", &plan.purge, plan.purge_total),
        (
            "Skipped, under a legal hold:",
            &plan.held,
            plan.held.len() as u64,
        ),
    ] {
        if rows.is_empty() {
            continue;
        }
        println!("{title}");
        for a in rows {
            let active = a.last_active_at.map(date).unwrap_or_else(|| "never".into());
            println!("  {}  {}  last active {active}", a.id, a.email);
        }
        more(rows.len(), total);
    }
    Ok(())
}

/// Runs the command line; the error is printed by `main` and exits non-zero.
pub async fn run(cli: Cli) -> Result<(), StartError> {
    let settings = cli.settings;
    let public_origin = settings.public_origin()?;
    // Every command but the benchmark (which makes its own throw-away databases)
    // works on the configured ones.
    let open = || open_state(&settings);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Bench {
            tickets,
            messages_per_ticket,
        } => crate::bench::export(&settings, tickets, messages_per_ticket).await,
        Command::BenchSeed {
            throwaway: _,
            customers,
            tickets,
            messages,
        } => {
            let state = open().await?;
            let size = crate::bench::seed::Size {
                customers,
                tickets,
                messages,
            };
            crate::bench::seed::seed(&state, size).await
        }
        Command::BenchAudit {
            throwaway: _,
            writers,
            events,
        } => {
            let state = open().await?;
            crate::bench::audit::run(&state, writers, events).await
        }
        Command::Export { out } => {
            let state = open().await?;
            ::app::server::services::exports::export_all_to_file(&state, &out)
                .await
                .context(format!("cannot export to {}", out.display()))?;
            println!("Exported every module to {}. It holds personal data in the clear: keep it safe, delete it when done.", out.display());
            Ok(())
        }
        Command::Retention {
            command: RetentionCommand::Run { dry_run },
        } => {
            let state = open().await?;
            retention_run(&state, dry_run).await
        }
        Command::Transfer { to, keys_to } => {
            let state = open().await?;
            crate::transfer::transfer(
                &settings,
                &state,
                &to,
                keys_to.as_deref(),
                crate::transfer::Hooks::default(),
            )
            .await?;
            println!(
                "The destination is ready. Switch each server's DATABASE_URL{} to it and restart them (README: moving the data).",
                if keys_to.is_some() { " and CUSTODIAN_KEYSTORE_URL" } else { "" }
            );
            Ok(())
        }
        Command::Backup { to } => {
            let state = open().await?;
            crate::backup::backup(&settings, &state, &to).await
        }
        Command::Restore { from, yes: _ } => {
            crate::backup::restore(&settings, &from).await?;
            Ok(())
        }
        Command::Serve => {
            let state = open().await?;
            serve(settings, public_origin, state).await
        }
        Command::Keys {
            command: KeysCommand::Status,
        } => {
            let state = open().await?;
            let status = state.vault.status().await?;
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
        } => rotate(&open().await?, batch_size).await,
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let state = open().await?;
            let report = audit::verify(&state.db).await?;
            if report.ok {
                println!(
                    "Audit chain verified: {} events, head {} at event {}.",
                    report.events_checked, report.head_hash, report.head_seq
                );
                Ok(())
            } else {
                Err(StartError::config(format!(
                    "audit chain broken at event {}: {} ({} events checked before it)",
                    report.first_bad_seq.unwrap_or_default(),
                    report.problem.unwrap_or_default(),
                    report.events_checked
                )))
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
            let new = accounts::NewUser::validated(&name, &email, &password, role)?;
            let user = accounts::create_user_unchecked(&open().await?, new).await?;
            println!(
                "Created {} account for {} ({}).",
                user.role.label(app::i18n::Tr(app::i18n::Lang::En)),
                user.email,
                user.id
            );
            Ok(())
        }
    }
}

fn read_password() -> Result<String, StartError> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Repeat password: ")?;
        if first != second {
            return Err(StartError::config("the two passwords differ"));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("cannot read the password from stdin")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Re-wraps every data key under a new master key. Resumes an unfinished rotation
/// (data keys still under an older key) instead of starting another.
async fn rotate(state: &AppState, batch_size: u64) -> Result<(), StartError> {
    let vault = &state.vault;
    let status = vault.status().await?;
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
        let id = vault.add_master_key()?;
        println!("New master key {id} written to the key file. Back the file up now.");
    }
    let total: u64 = vault
        .status()
        .await?
        .keys
        .iter()
        .filter(|k| !k.current)
        .map(|k| k.data_keys)
        .sum();
    let mut done = 0u64;
    loop {
        let n = vault.rotate_batch(batch_size).await?;
        if n == 0 {
            break;
        }
        done += n;
        println!("  re-wrapped {done}/{} data keys", total.max(done));
    }
    let removed = vault.prune_unused_master_keys().await?;
    let current = vault.status().await?.current_key_id;
    activity::record_rotation(state, &current, done, &removed).await?;
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

async fn serve(
    settings: Settings,
    public_origin: String,
    state: AppState,
) -> Result<(), StartError> {
    let bundle = settings.site_root.join("hash.txt");
    if !bundle.exists() {
        tracing::warn!(path = %bundle.display(), "browser bundle not found: pages will not be interactive; build it with scripts/build.sh");
    }
    if settings.demo {
        demo::seed(&state).await?;
    }
    tokio::spawn({
        // Texts written before the blind index existed (an upgrade) get indexed now.
        let state = state.clone();
        async move {
            if let Err(e) = ::app::server::blind_index::catch_up(&state).await {
                tracing::error!(error = %e.chain(), "blind index: indexing older texts failed");
            }
        }
    });
    tokio::spawn(crate::exports_worker::run(state.clone()));
    tokio::spawn(crate::erasure_worker::sweep_unconfirmed(state.clone()));
    tokio::spawn(crate::scheduler::run(state.clone()));
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
    let listener = crate::listen(settings.listen)
        .await
        .context(format!("cannot listen on {}", settings.listen))?;
    let addr = listener.local_addr()?;
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
    .context("server error")
}
