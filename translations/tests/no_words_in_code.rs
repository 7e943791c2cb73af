//! Words people read belong in the translation files. This scan reads the
//! code that renders pages and fails on a string literal that looks like
//! words (a capitalised word, or several words) outside an attribute that
//! never shows (class, href, name, …). A literal that must stay (a brand in
//! an SVG, a format) carries `// i18n: not shown` on its line.
#![allow(clippy::unwrap_used)]
use std::path::{Path, PathBuf};

/// Where pages and their components live.
const SCANNED: [&str; 5] = [
    "src/pages",
    "src/components.rs",
    "src/field_form.rs",
    "src/lib.rs",
    "src/passkey_client.rs",
];

/// Attributes whose values people never read.
const SILENT_ATTRIBUTES: [&str; 25] = [
    "class",
    "id",
    "href",
    "name",
    "type",
    "for",
    "method",
    "action",
    "autocomplete",
    "rel",
    "role",
    "inputmode",
    "pattern",
    "accept",
    "enctype",
    "target",
    "src",
    "path",
    "value",
    "step",
    "min",
    "max",
    "attr:class",
    "form",
    "content",
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_owned());
        return;
    }
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        files(&entry.path(), out);
    }
}

/// The string literals of one line, each with the text before it.
fn literals(line: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'/') {
            break;
        }
        // Skip char literals such as '"'.
        if chars[i] == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            continue;
        }
        if chars[i] == '"' {
            let before: String = chars[..i].iter().collect();
            let mut j = i + 1;
            let mut text = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if let Some(c) = chars.get(j) {
                    text.push(*c);
                }
                j += 1;
            }
            out.push((before, text));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

fn looks_like_words(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.chars().count() >= 2)
        .collect();
    if words.is_empty() || text.contains('{') || text.starts_with('/') {
        return false;
    }
    let capitalised = words.iter().any(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    });
    // Lower-case words: a sentence, unless an attribute like `class` holds them (see `silent`).
    let sentence = words.len() >= 2 && text.contains(' ');
    capitalised || sentence
}

fn silent(before: &str) -> bool {
    let before = before.trim_end();
    let Some(attr) = before.strip_suffix('=') else {
        return false;
    };
    let name = attr
        .rsplit(|c: char| c.is_whitespace() || c == '<' || c == '(')
        .next()
        .unwrap_or("");
    SILENT_ATTRIBUTES.contains(&name) || name.starts_with("data-") || name.starts_with("attr:data-")
}

/// Calls whose strings are for developers or machines, not people.
fn developer_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//")
        || t.starts_with("#[")
        || t.starts_with("///")
        || [
            "expect(",
            "tracing::",
            "log::",
            "panic!(",
            "unreachable!(",
            "assert",
            "debug_assert",
            "web_sys::console",
            "query_selector",
            "i18n: not shown",
            "path!(",
        ]
        .iter()
        .any(|p| line.contains(p))
}

#[test]
fn pages_show_no_words_outside_the_translation_files() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app");
    let mut found = Vec::new();
    let mut paths = Vec::new();
    for part in SCANNED {
        files(&app.join(part), &mut paths);
    }
    assert!(paths.len() > 10, "the scan found only {paths:?}");
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let mut in_tests = false;
        for (n, line) in source.lines().enumerate() {
            if line.contains("#[cfg(test)]") {
                in_tests = true;
            }
            if in_tests || developer_line(line) {
                continue;
            }
            for (before, text) in literals(line) {
                if looks_like_words(&text) && !silent(&before) {
                    found.push(format!(
                        "{}:{}: \"{text}\"",
                        path.strip_prefix(&app).unwrap_or(&path).display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words in the code instead of app/locales (move them to a .ftl file, or mark a line \
         that is not shown with `// i18n: not shown`):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_catches_words_and_spares_classes() {
    assert!(looks_like_words("Sign in"));
    assert!(looks_like_words("Profile"));
    assert!(looks_like_words("or use a recovery code"));
    assert!(!looks_like_words("/tickets/new"));
    assert!(!looks_like_words("%Y-%m-%d"));
    assert!(!looks_like_words("◆"));
    assert!(silent("<a class="));
    assert!(silent("<input type="));
    assert!(!silent("<input placeholder="));
    assert!(!silent("aria-label="));
}
