//! ASVS.md maps every Level 1 and 2 requirement of OWASP ASVS 5.0.0 in V6,
//! V7, V8, V11, V14 and V16 to its evidence. This test keeps the map honest:
//! every requirement has exactly one row at its own level, and every piece of
//! evidence exists — a Rust test `file::name` is a `#[test]` function of that
//! file, a Playwright test is a title in that spec, a `doc:` heading is in
//! that document and a `script:` is a file — so renaming or removing a test
//! that a requirement leans on fails the suite.
#![allow(clippy::unwrap_used)]

use std::{collections::BTreeMap, path::Path};

/// The requirements of ASVS 5.0.0 (commit 5cf9b03) at levels 1 and 2 in the
/// six chapters, with their levels.
const REQUIREMENTS: &[(&str, u8)] = &[
    ("6.1.1", 1),
    ("6.1.2", 2),
    ("6.1.3", 2),
    ("6.2.1", 1),
    ("6.2.2", 1),
    ("6.2.3", 1),
    ("6.2.4", 1),
    ("6.2.5", 1),
    ("6.2.6", 1),
    ("6.2.7", 1),
    ("6.2.8", 1),
    ("6.2.9", 2),
    ("6.2.10", 2),
    ("6.2.11", 2),
    ("6.2.12", 2),
    ("6.3.1", 1),
    ("6.3.2", 1),
    ("6.3.3", 2),
    ("6.3.4", 2),
    ("6.4.1", 1),
    ("6.4.2", 1),
    ("6.4.3", 2),
    ("6.4.4", 2),
    ("6.5.1", 2),
    ("6.5.2", 2),
    ("6.5.3", 2),
    ("6.5.4", 2),
    ("6.5.5", 2),
    ("6.6.1", 2),
    ("6.6.2", 2),
    ("6.6.3", 2),
    ("6.8.1", 2),
    ("6.8.2", 2),
    ("6.8.3", 2),
    ("6.8.4", 2),
    ("7.1.1", 2),
    ("7.1.2", 2),
    ("7.1.3", 2),
    ("7.2.1", 1),
    ("7.2.2", 1),
    ("7.2.3", 1),
    ("7.2.4", 1),
    ("7.3.1", 2),
    ("7.3.2", 2),
    ("7.4.1", 1),
    ("7.4.2", 1),
    ("7.4.3", 2),
    ("7.4.4", 2),
    ("7.4.5", 2),
    ("7.5.1", 2),
    ("7.5.2", 2),
    ("7.6.1", 2),
    ("7.6.2", 2),
    ("8.1.1", 1),
    ("8.1.2", 2),
    ("8.2.1", 1),
    ("8.2.2", 1),
    ("8.2.3", 2),
    ("8.3.1", 1),
    ("8.4.1", 2),
    ("11.1.1", 2),
    ("11.1.2", 2),
    ("11.2.1", 2),
    ("11.2.2", 2),
    ("11.2.3", 2),
    ("11.3.1", 1),
    ("11.3.2", 1),
    ("11.3.3", 2),
    ("11.4.1", 1),
    ("11.4.2", 2),
    ("11.4.3", 2),
    ("11.4.4", 2),
    ("11.5.1", 2),
    ("11.6.1", 2),
    ("14.1.1", 2),
    ("14.1.2", 2),
    ("14.2.1", 1),
    ("14.2.2", 2),
    ("14.2.3", 2),
    ("14.2.4", 2),
    ("14.3.1", 1),
    ("14.3.2", 2),
    ("14.3.3", 2),
    ("16.1.1", 2),
    ("16.2.1", 2),
    ("16.2.2", 2),
    ("16.2.3", 2),
    ("16.2.4", 2),
    ("16.2.5", 2),
    ("16.3.1", 2),
    ("16.3.2", 2),
    ("16.3.3", 2),
    ("16.3.4", 2),
    ("16.4.1", 2),
    ("16.4.2", 2),
    ("16.4.3", 2),
    ("16.5.1", 2),
    ("16.5.2", 2),
    ("16.5.3", 2),
];

/// Where a Rust test function `name` is defined in `source`, if it is a test.
fn is_rust_test(source: &str, name: &str) -> bool {
    let signature = format!("fn {name}(");
    source.match_indices(&signature).any(|(at, _)| {
        let before = &source[..at];
        let attributes = before.rsplit_once("\n\n").map_or(before, |(_, a)| a);
        // The attribute sits on the lines just above (doc comments may be between).
        attributes.contains("#[test]") || attributes.contains("#[tokio::test")
    })
}

fn is_playwright_test(source: &str, title: &str) -> bool {
    ['\'', '"', '`']
        .iter()
        .any(|q| source.contains(&format!("test({q}{title}{q}")))
}

fn has_heading(document: &str, heading: &str) -> bool {
    document
        .lines()
        .any(|l| l.starts_with('#') && l.trim_start_matches('#').trim() == heading)
}

/// The problems with one row's evidence (none when it holds).
fn check_evidence(root: &Path, evidence: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(reason) = evidence
        .strip_prefix("Gap:")
        .or_else(|| evidence.strip_prefix("N/A:"))
    {
        if reason.trim().len() < 10 {
            problems.push("a gap or N/A needs its reason".to_owned());
        }
        return problems;
    }
    let mut references = 0;
    if let Some(rest) = evidence.strip_prefix("doc: ") {
        let reference = rest.split([',', '—']).next().unwrap().trim();
        let (file, heading) = reference.split_once('#').unwrap_or((reference, ""));
        match std::fs::read_to_string(root.join(file)) {
            Ok(text) if has_heading(&text, heading) => references += 1,
            Ok(_) => problems.push(format!("{file} has no heading \"{heading}\"")),
            Err(e) => problems.push(format!("{file}: {e}")),
        }
    }
    if let Some(rest) = evidence.strip_prefix("script: ") {
        let file = rest.split([',', ' ']).next().unwrap();
        if root.join(file).is_file() {
            references += 1;
        } else {
            problems.push(format!("no script {file}"));
        }
    }
    // Backticked references: `path::test name`.
    for (i, quoted) in evidence.split('`').enumerate() {
        if i % 2 == 0 {
            continue;
        }
        let Some((file, name)) = quoted.split_once("::") else {
            continue;
        };
        let Ok(source) = std::fs::read_to_string(root.join(file)) else {
            problems.push(format!("no file {file}"));
            continue;
        };
        let found = if file.ends_with(".rs") {
            is_rust_test(&source, name)
        } else {
            is_playwright_test(&source, name)
        };
        if found {
            references += 1;
        } else {
            problems.push(format!("{file} has no test {name:?}"));
        }
    }
    if references == 0 && problems.is_empty() {
        problems.push("no evidence: name a test, a doc heading, N/A: or Gap:".to_owned());
    }
    problems
}

#[test]
fn every_asvs_requirement_has_a_row_and_its_evidence_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("ASVS.md")).unwrap();
    let mut rows: BTreeMap<String, (u8, String)> = BTreeMap::new();
    let mut problems = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | id | level | requirement | evidence |
        if cells.len() != 6 || !cells[1].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let (id, level, evidence) = (cells[1], cells[2], cells[4]);
        let level: u8 = level.parse().unwrap_or(0);
        if rows
            .insert(id.to_owned(), (level, evidence.to_owned()))
            .is_some()
        {
            problems.push(format!("{id}: two rows"));
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, level) in REQUIREMENTS {
        let Some((row_level, evidence)) = rows.remove(*id) else {
            problems.push(format!("{id}: no row"));
            continue;
        };
        if row_level != *level {
            problems.push(format!("{id}: level {row_level}, ASVS says {level}"));
        }
        for p in check_evidence(&root, &evidence) {
            problems.push(format!("{id}: {p}"));
        }
        let kind = if evidence.starts_with("Gap:") {
            "gaps"
        } else if evidence.starts_with("N/A:") {
            "not applicable"
        } else {
            "with evidence"
        };
        *counts.entry(kind).or_default() += 1;
    }
    for id in rows.keys() {
        problems.push(format!(
            "{id}: not a level 1 or 2 requirement of these chapters"
        ));
    }
    assert!(problems.is_empty(), "ASVS.md:\n{}", problems.join("\n"));
    println!("ASVS.md: {} requirements, {counts:?}", REQUIREMENTS.len());
}

#[test]
fn the_checker_refuses_missing_evidence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert!(check_evidence(
        &root,
        "`server/tests/asvs.rs::the_checker_refuses_missing_evidence`"
    )
    .is_empty());
    assert!(!check_evidence(&root, "`server/tests/asvs.rs::no_such_test`").is_empty());
    // A function that is not a test is not evidence.
    assert!(!check_evidence(&root, "`server/tests/asvs.rs::check_evidence`").is_empty());
    assert!(!check_evidence(&root, "`end2end/tests/tickets.spec.ts::no such title`").is_empty());
    assert!(!check_evidence(&root, "doc: README.md#No such heading").is_empty());
    assert!(!check_evidence(&root, "Gap:").is_empty());
    assert!(!check_evidence(&root, "it is fine, trust me").is_empty());
}

/// Crates that implement cryptography (or pick its provider), as far as this
/// test knows them: each one in `Cargo.lock` must be in the inventory.
const CRYPTO_CRATES: &[&str] = &[
    "aead",
    "aes",
    "aes-gcm",
    "aes-gcm-siv",
    "aes-kw",
    "aes-siv",
    "argon2",
    "aws-lc-rs",
    "aws-lc-sys",
    "bcrypt",
    "blake2",
    "blake3",
    "blowfish",
    "boring",
    "cbc",
    "ccm",
    "cfb-mode",
    "chacha20",
    "chacha20poly1305",
    "cipher",
    "crypto-bigint",
    "crypto-glue",
    "ctr",
    "curve25519-dalek",
    "des",
    "digest",
    "ecb",
    "ecdsa",
    "ed25519",
    "ed25519-dalek",
    "elliptic-curve",
    "getrandom",
    "ghash",
    "hkdf",
    "hmac",
    "md-5",
    "md2",
    "md4",
    "md5",
    "native-tls",
    "ofb",
    "openssl",
    "openssl-sys",
    "p256",
    "p384",
    "p521",
    "password-hash",
    "pbkdf2",
    "poly1305",
    "rand",
    "rand_core",
    "rc2",
    "rc4",
    "ring",
    "ripemd",
    "rsa",
    "rust-crypto",
    "rustls",
    "scrypt",
    "sha1",
    "sha2",
    "sha3",
    "signature",
    "subtle",
    "totp-rs",
    "universal-hash",
    "webauthn-rs",
    "webauthn-rs-core",
    "whirlpool",
    "x25519-dalek",
    "zeroize",
];

/// Never in the build: broken ciphers and hashes, and OpenSSL (the portal uses
/// rustls and RustCrypto only).
const BANNED_CRYPTO: &[&str] = &[
    "blowfish",
    "des",
    "md2",
    "md4",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rc2",
    "rc4",
    "rust-crypto",
];

fn crates_in_lock(lock: &str) -> std::collections::BTreeSet<String> {
    lock.lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"').to_owned())
        .collect()
}

#[test]
fn the_cryptographic_inventory_names_every_crypto_crate_of_the_build_and_none_is_banned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let start = architecture
        .find("## Cryptographic inventory")
        .expect("the inventory section");
    let inventory = &architecture[start..];
    let inventory = &inventory[..inventory[3..]
        .find("\n## ")
        .map_or(inventory.len(), |e| e + 3)];
    let crates = crates_in_lock(&lock);
    let used: Vec<&str> = CRYPTO_CRATES
        .iter()
        .copied()
        .filter(|c| crates.contains(*c))
        .collect();
    assert!(
        used.contains(&"aes-gcm") && used.contains(&"argon2"),
        "{used:?}"
    );
    let unnamed: Vec<&&str> = used
        .iter()
        .filter(|c| !inventory.contains(&format!("`{c}`")))
        .collect();
    assert!(
        unnamed.is_empty(),
        "crypto crates in Cargo.lock but not in ARCHITECTURE's inventory: {unnamed:?}"
    );
    let banned: Vec<&&str> = BANNED_CRYPTO
        .iter()
        .filter(|c| crates.contains(**c))
        .collect();
    assert!(
        banned.is_empty(),
        "banned crypto crates in Cargo.lock: {banned:?}"
    );
    // And the checker itself sees what it must: a lock with a banned crate.
    let tampered = format!("{lock}\n[[package]]\nname = \"rc4\"\nversion = \"0.1.0\"\n");
    assert!(crates_in_lock(&tampered).contains("rc4"));
}
