//! The names of the browser bundle's files. `scripts/build.sh` names them after
//! their content and lists the hashes in `hash.txt` at the site root; Leptos'
//! `HydrationScripts` reads the script and WASM names from it, and the shell
//! takes the stylesheet's from here.
use leptos::config::LeptosOptions;
use std::{
    collections::HashMap,
    sync::{Mutex, OnceLock},
};

/// The hash of one kind of asset (`js`, `wasm`, `css`) in a `hash.txt`.
pub fn hash_of(hash_txt: &str, kind: &str) -> Option<String> {
    hash_txt.lines().find_map(|line| {
        let (k, hash) = line.split_once(':')?;
        (k.trim() == kind).then(|| hash.trim().to_owned())
    })
}

/// The text of a hash file, read once per path (a build is deployed with a
/// restart); `None` when there is none.
fn hash_file(path: &str) -> Option<String> {
    static READ: OnceLock<Mutex<HashMap<String, Option<String>>>> = OnceLock::new();
    READ.get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(path.to_owned())
        .or_insert_with_key(|path| std::fs::read_to_string(path).ok())
        .clone()
}

/// Where the stylesheet is served: hashed when the site has a hash file.
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    let pkg = &options.site_pkg_dir;
    let hashed = options
        .hash_files
        .then(|| hash_file(&options.hash_file))
        .flatten()
        .and_then(|text| hash_of(&text, "css"));
    match hashed {
        Some(hash) => format!("/{pkg}/{}.{hash}.css", options.output_name),
        None => format!("/{pkg}/{}.css", options.output_name),
    }
}

/// The options that make `HydrationScripts` load the visitor bundle, when the
/// build made one (`hash-visitor.txt` next to `hash.txt`).
pub fn visitor_options(options: &LeptosOptions) -> Option<LeptosOptions> {
    if !options.hash_files {
        return None;
    }
    let path = std::path::Path::new(&*options.hash_file).with_file_name("hash-visitor.txt");
    let path = path.display().to_string();
    hash_file(&path).map(|_| {
        let mut visitor = options.clone();
        visitor.output_name = std::sync::Arc::from("custodian-visitor");
        visitor.hash_file = std::sync::Arc::from(path);
        visitor
    })
}

/// The full bundle's script and WASM addresses, for a visitor's page to
/// prefetch once it is interactive (the page after signing in needs them).
pub fn full_bundle_hrefs(options: &LeptosOptions) -> Vec<String> {
    let Some(text) = hash_file(&options.hash_file) else {
        return Vec::new();
    };
    let pkg = &options.site_pkg_dir;
    ["js", "wasm"]
        .into_iter()
        .filter_map(|kind| {
            hash_of(&text, kind).map(|hash| format!("/{pkg}/{}.{hash}.{kind}", options.output_name))
        })
        .collect()
}

/// A language's table of messages as the browser loads it (see `i18n::Tr`):
/// JSON, named after its content so it is cached for good.
pub struct StringsFile {
    pub lang: crate::i18n::Lang,
    /// `de.<16 hex>.json`
    pub name: String,
    pub json: String,
}

/// Every language's file, made once per process.
pub fn strings_files() -> &'static [StringsFile] {
    use sha2::{Digest, Sha256};
    static FILES: OnceLock<Vec<StringsFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        crate::i18n::Lang::ALL
            .into_iter()
            .map(|lang| {
                let json = serde_json::to_string(crate::i18n::strings(lang))
                    .unwrap_or_else(|_| "[]".to_owned());
                let hash = hex::encode(Sha256::digest(json.as_bytes()));
                StringsFile {
                    lang,
                    name: format!("{}.{}.json", lang.code(), &hash[..16]),
                    json,
                }
            })
            .collect()
    })
}

/// Where the browser loads a language's messages from.
pub fn strings_href(lang: crate::i18n::Lang) -> String {
    strings_files()
        .iter()
        .find(|f| f.lang == lang)
        .map(|f| format!("/i18n/{}", f.name))
        .unwrap_or_default()
}

/// Whether a file under `/pkg` is named after its content (`name.<16 hex>.ext`),
/// so it can be cached for good.
pub fn is_content_named(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let file = file
        .strip_suffix(".br")
        .or_else(|| file.strip_suffix(".gz"))
        .unwrap_or(file);
    let mut parts = file.rsplitn(3, '.');
    let (_ext, hash) = (parts.next(), parts.next());
    parts.next().is_some()
        && hash.is_some_and(|h| h.len() == 16 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_read_and_recognised() {
        let text = "js: 0123456789abcdef\nwasm: fedcba9876543210\ncss: 00112233aabbccdd\n";
        assert_eq!(hash_of(text, "css").as_deref(), Some("00112233aabbccdd"));
        assert_eq!(hash_of(text, "font"), None);
        assert!(is_content_named("/pkg/custodian.0123456789abcdef.js"));
        assert!(is_content_named("/pkg/custodian.fedcba9876543210.wasm"));
        assert!(!is_content_named("/pkg/custodian.js"));
        assert!(!is_content_named("/pkg/custodian_bg.wasm"));
        assert!(!is_content_named("/pkg/custodian.notahexhash00000.css"));
    }
}
