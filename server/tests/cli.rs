//! The `custodian` command itself: creating the first admin from stdin, key
//! status and rotation, and audit verification's exit codes.
#![allow(clippy::unwrap_used)]

use std::{
    io::Write,
    path::Path,
    process::{Command, Output, Stdio},
};

fn custodian(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_custodian"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--log", "warn"])
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("CUSTODIAN_MASTER_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_cli_creates_an_admin_rotates_keys_and_verifies_the_audit_chain() {
    let dir = std::env::temp_dir().join(format!("custodian-cli-{}", uuid::Uuid::new_v4().simple()));
    let create = [
        "user",
        "create",
        "--role",
        "admin",
        "--email",
        "Root@Example.org",
        "--name",
        "Rita Root",
    ];
    let out = custodian(&dir, &create, "a good long password\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Created Admin account for root@example.org"),
        "{}",
        text(&out)
    );

    let out = custodian(&dir, &create, "a good long password\n");
    assert!(!out.status.success());
    assert!(text(&out).contains("already exists"), "{}", text(&out));
    let out = custodian(
        &dir,
        &[
            "user",
            "create",
            "--role",
            "agent",
            "--email",
            "a@example.org",
        ],
        "short\n",
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("at least 8 characters"),
        "{}",
        text(&out)
    );

    let out = custodian(&dir, &["keys", "status"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("1 data keys (current)"),
        "{}",
        text(&out)
    );
    let out = custodian(&dir, &["keys", "rotate", "--batch-size", "1"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("re-wrapped 1/1 data keys"),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("removed from the key file"),
        "{}",
        text(&out)
    );

    let out = custodian(&dir, &["audit", "verify"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Audit chain verified: 2 events"), // the account and the rotation
        "{}",
        text(&out)
    );

    // Tamper with the log directly: verify names the event and fails.
    let db = dir.join("custodian.db");
    let status = Command::new("python3")
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE audit_events SET action='sign_in' WHERE seq=1\"); c.commit()"])
        .arg(&db)
        .status()
        .unwrap();
    assert!(status.success());
    let out = custodian(&dir, &["audit", "verify"], "");
    assert!(!out.status.success());
    assert!(
        text(&out).contains("audit chain broken at event 1"),
        "{}",
        text(&out)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// The benchmark's seeder fills an empty database the way the portal stores
/// data (a seeded customer signs in and reads their ticket; the index finds
/// names), refuses a database that holds anything, and the audit benchmark
/// leaves a chain that verifies.
#[test]
fn the_benchmark_seeds_an_empty_database_only_and_its_audit_run_verifies() {
    let dir =
        std::env::temp_dir().join(format!("custodian-seed-{}", uuid::Uuid::new_v4().simple()));
    let seed = [
        "bench-seed",
        "--throwaway",
        "--customers",
        "3",
        "--tickets",
        "6",
        "--messages",
        "12",
    ];
    let out = custodian(&dir, &seed, "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("seeded 3 customers, 6 tickets, 30 messages"),
        "{}",
        text(&out)
    );
    // Every account gets one random password, printed once; never a known one.
    let password = text(&out)
        .lines()
        .find_map(|l| l.split("password: ").nth(1))
        .unwrap()
        .trim()
        .to_owned();
    assert!(password.len() >= 20 && password != "benchmark password");
    let without_flag: Vec<&str> = seed
        .iter()
        .copied()
        .filter(|a| *a != "--throwaway")
        .collect();
    let refused = custodian(&dir, &without_flag, "");
    assert!(!refused.status.success());
    assert!(text(&refused).contains("--throwaway"), "{}", text(&refused));
    let again = custodian(&dir, &seed, "");
    assert!(!again.status.success());
    assert!(
        text(&again).contains("empty database only"),
        "{}",
        text(&again)
    );

    let state = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use clap::Parser;
        let settings = server::config::Cli::parse_from([
            "custodian",
            "--data-dir",
            &dir.display().to_string(),
        ])
        .settings;
        let (db, vault) = server::db::open(&settings).await.unwrap();
        let state = settings.app_state(db, vault);
        let (_, token) = app::server::services::accounts::sign_in(
            &state,
            app::server::services::accounts::Credentials::password(
                "customer0@bench.example",
                &password,
            ),
            &app::server::services::sessions::Device::new(None, "127.0.0.1"),
            None,
        )
        .await
        .unwrap();
        let actor = app::server::services::sessions::resolve(
            &state.db,
            &token,
            &state.security,
            chrono::Utc::now(),
        )
        .await
        .unwrap()
        .unwrap();
        let list = app::server::services::tickets::list(&state, &actor, Default::default())
            .await
            .unwrap();
        assert_eq!(list.items.len(), 2);
        // Seeded staff are measured working the queue, not asked to enrol a second factor.
        assert!(
            !app::server::services::second_factors::required_for_staff(&state.db, true)
                .await
                .unwrap()
        );
        let big = list.items.last().unwrap().id;
        let ticket = app::server::services::tickets::get(&state, &actor, big)
            .await
            .unwrap();
        assert_eq!(ticket.messages.len(), 20);
        assert!(ticket.messages[1].body.contains("Customer0"));
        state
    });
    drop(state);
    let bench_audit = [
        "bench-audit",
        "--throwaway",
        "--writers",
        "3",
        "--events",
        "5",
    ];
    let refused = custodian(&dir, &bench_audit, "");
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("empty database only"),
        "{}",
        text(&refused)
    );
    std::fs::remove_dir_all(dir).unwrap();
    let empty =
        std::env::temp_dir().join(format!("custodian-audit-{}", uuid::Uuid::new_v4().simple()));
    let audit = custodian(&empty, &bench_audit, "");
    assert!(audit.status.success(), "{}", text(&audit));
    assert!(text(&audit).contains("15 events"), "{}", text(&audit));
    assert!(text(&audit).contains("chain verified"), "{}", text(&audit));
    std::fs::remove_dir_all(empty).unwrap();
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_data_folder_and_everything_in_it_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir =
        std::env::temp_dir().join(format!("custodian-perm-{}", uuid::Uuid::new_v4().simple()));
    let create = [
        "user",
        "create",
        "--role",
        "admin",
        "--email",
        "root@example.org",
    ];
    let out = custodian(&dir, &create, "a good long password\n");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&dir), 0o700, "the data folder");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let private = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), private, "{}", path.display());
        files += 1;
    }
    assert!(files >= 3, "databases and the key file were created");
    // An export archive written with --out is private too.
    let archive = dir.join("all.zip");
    let out = custodian(&dir, &["export", "--out", archive.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&archive), 0o600);
    // A folder and database left open by an older version are closed at start-up…
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.join("custodian.db");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = custodian(&dir, &["audit", "verify"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&db), 0o600);
    // …but a master key file others can read is refused, with the fix in the message.
    let key = dir.join("master.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = custodian(&dir, &["audit", "verify"], "");
    assert!(!out.status.success());
    assert!(
        text(&out).contains(&format!("chmod 600 {}", key.display())),
        "{}",
        text(&out)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn secrets_on_the_command_line_are_refused() {
    let dir =
        std::env::temp_dir().join(format!("custodian-argv-{}", uuid::Uuid::new_v4().simple()));
    let key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    for args in [
        vec!["--master-key", key, "keys", "status"],
        vec!["keys", "status", "--master-key", key],
        vec!["--smtp-password", "hunter2 hunter2", "audit", "verify"],
        vec!["--old-master-keys", key, "keys", "status"],
        vec![
            "--database-url",
            "postgres://custodian:s3cret@127.0.0.1/db",
            "audit",
            "verify",
        ],
        vec![
            "keys",
            "status",
            "--keystore-url",
            "postgres://k:s3cret@127.0.0.1/keys",
        ],
        vec!["transfer", "--to", "postgres://t:s3cret@127.0.0.1/new"],
        vec![
            "transfer",
            "--to",
            "postgres://t@127.0.0.1/new",
            "--keys-to",
            "postgres://t:s3cret@127.0.0.1/keys",
        ],
    ] {
        let out = custodian(&dir, &args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(text(&out).contains("process list"), "{}", text(&out));
        assert!(!dir.exists(), "refused before anything was opened");
    }
}

#[test]
fn the_public_origin_is_compared_as_browsers_send_it() {
    use clap::Parser;
    let origin = |url: &str| {
        server::config::Cli::try_parse_from(["custodian", "--public-url", url])
            .unwrap()
            .settings
            .public_origin()
            .unwrap()
    };
    assert_eq!(
        origin("https://Portal.Example.org:443/help"),
        "https://portal.example.org"
    );
    assert_eq!(origin("http://127.0.0.1:80"), "http://127.0.0.1");
    assert_eq!(origin("http://127.0.0.1:3000/"), "http://127.0.0.1:3000");
    assert!(server::config::url_has_password("postgres://u:p@h/db"));
    assert!(!server::config::url_has_password("postgres://u@h/db"));
    assert!(server::config::url_has_password(
        "postgres://u@h/db?password=p"
    ));
    assert!(!server::config::url_has_password(
        "sqlite://./data/custodian.db?mode=rwc"
    ));
}

#[test]
fn backup_restore_and_the_retention_dry_run_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("custodian-cli-{}", uuid::Uuid::new_v4().simple()));
    let backups = dir.join("backups");
    let create = [
        "user",
        "create",
        "--role",
        "customer",
        "--email",
        "kim@example.org",
    ];
    let out = custodian(&dir, &create, "a good long password\n");
    assert!(out.status.success(), "{}", text(&out));
    let out = custodian(&dir, &["backup", "--to", backups.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Backup written to"), "{}", text(&out));
    let folder = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.join("manifest.json").is_file())
        .unwrap();
    for file in ["main.sqlite", "keys.sqlite"] {
        assert!(folder.join(file).is_file(), "{file}");
    }
    // Replacing the databases needs an explicit yes.
    let out = custodian(&dir, &["restore", "--from", folder.to_str().unwrap()], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("--yes"), "{}", text(&out));
    let out = custodian(
        &dir,
        &["restore", "--from", folder.to_str().unwrap(), "--yes"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Audit chain verified"),
        "{}",
        text(&out)
    );
    // A folder that is no backup is refused with the reason.
    let out = custodian(
        &dir,
        &["restore", "--from", dir.to_str().unwrap(), "--yes"],
        "",
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not a Custodian backup"),
        "{}",
        text(&out)
    );
    let out = custodian(&dir, &["retention", "run", "--dry-run"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("would anonymise 0 tickets")
            && text(&out).contains("Nothing was changed"),
        "{}",
        text(&out)
    );
    std::fs::remove_dir_all(&dir).ok();
}
