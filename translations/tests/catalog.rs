//! The checks a build relies on: a catalogue with a gap does not load, and
//! says where the gap is; the real catalogue loads.
#![allow(clippy::unwrap_used)]
use std::path::{Path, PathBuf};

fn catalogue(files: &[(&str, &str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "custodian-translations-{}-{}",
        std::process::id(),
        files.len() + files.iter().map(|f| f.2.len()).sum::<usize>()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (lang, file, text) in files {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
        std::fs::write(dir.join(lang).join(file), text).unwrap();
    }
    dir
}

#[test]
fn a_message_missing_in_one_language_is_named() {
    let dir = catalogue(&[
        (
            "en",
            "common.ftl",
            "sign-in = Sign in\nsign-out = Sign out\n",
        ),
        (
            "de",
            "common.ftl",
            "sign-in = Anmelden\nsign-out = Abmelden\n",
        ),
        ("fr", "common.ftl", "sign-in = Se connecter\n"),
    ]);
    let problems = translations::load(&dir).unwrap_err();
    assert_eq!(
        problems,
        vec!["fr/common.ftl: sign-out: missing (it is in en/)".to_owned()]
    );
}

#[test]
fn a_translation_cannot_invent_a_variable_or_a_message() {
    let dir = catalogue(&[
        ("en", "a.ftl", "hello = Hello { $name }\n"),
        ("de", "a.ftl", "hello = Hallo { $nom }\nextra = Mehr\n"),
        ("fr", "a.ftl", "hello = Bonjour { $name }\n"),
    ]);
    let problems = translations::load(&dir).unwrap_err();
    assert!(
        problems
            .contains(&"de/a.ftl: hello: uses $nom, which the en message does not give".to_owned()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"de/a.ftl: extra: not in en/".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn a_file_missing_in_one_language_and_broken_syntax_are_named() {
    let dir = catalogue(&[
        ("en", "a.ftl", "one = One\n"),
        ("en", "b.ftl", "two = Two\n"),
        ("de", "a.ftl", "one = Eins\n"),
        ("de", "b.ftl", "two = Zwei\n"),
        ("fr", "a.ftl", "one = { Un\n"),
    ]);
    let problems = translations::load(&dir).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("fr/b.ftl: cannot be read")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("fr/a.ftl:1")),
        "{problems:?}"
    );
}

#[test]
fn generated_methods_take_the_source_variables_and_select_plurals() {
    let dir = catalogue(&[
        ("en", "a.ftl", "-brand = Custodian\nwelcome = Welcome to { -brand }, { $name }\ntickets = { $count ->\n    [one] One ticket\n   *[other] { $count } tickets\n}\n"),
        ("de", "a.ftl", "-brand = Custodian\nwelcome = Willkommen bei { -brand }, { $name }\ntickets = { $count ->\n    [one] Ein Ticket\n   *[other] { $count } Tickets\n}\n"),
        ("fr", "a.ftl", "-brand = Custodian\nwelcome = Bienvenue sur { -brand }, { $name }\ntickets = { $count ->\n    [one] Un ticket\n   *[other] { $count } tickets\n}\n"),
    ]);
    let catalog = translations::load(&dir).unwrap();
    let code = catalog.generate();
    assert!(
        code.contains("pub fn welcome(self, name: impl ::core::fmt::Display) -> String"),
        "{code}"
    );
    assert!(
        code.contains("pub fn tickets(self, count: u64) -> String"),
        "{code}"
    );
    assert!(code.contains("pub mod vocabulary"), "{code}");
    let german = catalog.table(1);
    assert!(
        german.contains(&"Willkommen bei Custodian, \u{1}0".to_owned()),
        "{german:?}"
    );
    assert!(
        german.contains(
            &"\u{2}0\u{3}one\u{4}Ein Ticket\u{3}*other\u{4}\u{1}0 Tickets\u{5}".to_owned()
        ),
        "{german:?}"
    );
}

#[test]
fn the_portal_catalogue_is_complete_in_every_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/locales");
    let catalog =
        translations::load(&dir).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    assert!(catalog.len() > 100, "only {} messages", catalog.len());
}
