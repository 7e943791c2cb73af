//! The portal's words live in Fluent files, `locales/<language>/<area>.ftl`,
//! one folder per language with the same files in each. This crate reads them
//! at build time, refuses a catalogue where a message is missing in any
//! language (or a translation uses a variable the English one does not give),
//! and writes the Rust the app compiles them into: one method per message on
//! `Tr`, so a bundle carries only the messages its pages use, and a misspelt
//! key does not compile.
//!
//! The Fluent subset: messages and terms without attributes; placeables of a
//! variable, a term, another message or a string literal; and selections on a
//! number variable by exact value (`[0]`) or plural category (`[one]`, `*[other]`).
//! A file `vocabulary.ftl` names the labels of the app's closed sets
//! (`Role-admin = Admin`); those are looked up by name rather than by method.
use fluent_syntax::ast;
use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    path::Path,
};

/// The languages, the source language first. Its messages define every
/// message's variables; the others must have every message it has.
pub const LANGUAGES: [&str; 3] = ["en", "de", "fr"];

/// The file whose messages are looked up by name (labels of closed sets).
pub const VOCABULARY_FILE: &str = "vocabulary.ftl";

/// Every message in every language, checked.
#[derive(Debug)]
pub struct Catalog {
    messages: BTreeMap<String, Message>,
}

#[derive(Debug)]
struct Message {
    file: String,
    /// The message's text per language, in `LANGUAGES` order.
    texts: Vec<Vec<Piece>>,
    params: Vec<Param>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Param {
    name: String,
    /// Used to select a variant: a whole number.
    count: bool,
}

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Var(String),
    Term(String),
    Reference(String),
    Select {
        var: String,
        variants: Vec<(VariantKey, Vec<Piece>)>,
        default: usize,
    },
}

#[derive(Debug, Clone)]
enum VariantKey {
    Exact(u64),
    Category(String),
}

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One language's parsed files: messages and terms, before references are resolved.
struct Parsed {
    messages: BTreeMap<String, (String, Vec<Piece>)>,
    terms: BTreeMap<String, Vec<Piece>>,
}

/// Reads and checks `dir/<language>/*.ftl`. Every problem found is returned,
/// each naming its file and message, so one build lists them all.
pub fn load(dir: &Path) -> Result<Catalog, Vec<String>> {
    let mut problems = Vec::new();
    let files = ftl_files(&dir.join(LANGUAGES[0]), &mut problems);
    let mut parsed = Vec::new();
    for lang in LANGUAGES {
        let lang_dir = dir.join(lang);
        let present = ftl_files(&lang_dir, &mut problems);
        for extra in present.difference(&files) {
            problems.push(format!("{lang}/{extra}: no such file in {}/", LANGUAGES[0]));
        }
        let mut one = Parsed {
            messages: BTreeMap::new(),
            terms: BTreeMap::new(),
        };
        for file in &files {
            let path = lang_dir.join(file);
            match std::fs::read_to_string(&path) {
                Ok(source) => parse_file(lang, file, &source, &mut one, &mut problems),
                Err(e) => problems.push(format!("{lang}/{file}: cannot be read: {e}")),
            }
        }
        parsed.push(one);
    }
    let catalog = check(&parsed, &mut problems);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

fn ftl_files(dir: &Path, problems: &mut Vec<String>) -> BTreeSet<String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(format!("{}: cannot be read: {e}", dir.display()));
            return BTreeSet::new();
        }
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

fn parse_file(lang: &str, file: &str, source: &str, into: &mut Parsed, problems: &mut Vec<String>) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let line = source[..error.pos.start.min(source.len())]
                    .lines()
                    .count()
                    .max(1);
                problems.push(format!("{lang}/{file}:{line}: {:?}", error.kind));
            }
            resource
        }
    };
    for entry in resource.body {
        let where_ = |id: &str| format!("{lang}/{file}: {id}");
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.to_owned();
                if !message.attributes.is_empty() {
                    problems.push(format!("{}: attributes are not supported", where_(&id)));
                }
                let Some(value) = message.value else {
                    problems.push(format!("{}: has no text", where_(&id)));
                    continue;
                };
                let pieces = pattern(&value, &mut |p| {
                    problems.push(format!("{}: {p}", where_(&id)))
                });
                if into
                    .messages
                    .insert(id.clone(), (file.to_owned(), pieces))
                    .is_some()
                {
                    problems.push(format!("{}: defined twice", where_(&id)));
                }
            }
            ast::Entry::Term(term) => {
                let id = term.id.name.to_owned();
                let pieces = pattern(&term.value, &mut |p| {
                    problems.push(format!("{}: {p}", where_(&id)))
                });
                if into.terms.insert(id.clone(), pieces).is_some() {
                    problems.push(format!("{}: term defined twice", where_(&id)));
                }
            }
            ast::Entry::Junk { content } => {
                let line = source[..source.find(content).unwrap_or(0)].lines().count() + 1;
                problems.push(format!(
                    "{lang}/{file}:{line}: not valid Fluent: {}",
                    content.trim()
                ));
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
        }
    }
}

fn pattern(value: &ast::Pattern<&str>, problem: &mut dyn FnMut(String)) -> Vec<Piece> {
    value
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => Piece::Text((*value).to_owned()),
            ast::PatternElement::Placeable { expression } => placeable(expression, problem),
        })
        .collect()
}

fn placeable(expression: &ast::Expression<&str>, problem: &mut dyn FnMut(String)) -> Piece {
    match expression {
        ast::Expression::Inline(inline) => inline_piece(inline, problem),
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                problem("only a variable can select a variant".to_owned());
                return Piece::Text(String::new());
            };
            let mut default = 0;
            let mut out = Vec::new();
            for (i, variant) in variants.iter().enumerate() {
                if variant.default {
                    default = i;
                }
                let key = match &variant.key {
                    ast::VariantKey::NumberLiteral { value } => match value.parse() {
                        Ok(n) => VariantKey::Exact(n),
                        Err(_) => {
                            problem(format!("variant [{value}] is not a whole number"));
                            VariantKey::Exact(0)
                        }
                    },
                    ast::VariantKey::Identifier { name } => {
                        if !PLURAL_CATEGORIES.contains(name) {
                            problem(format!("variant [{name}] is not a plural category"));
                        }
                        VariantKey::Category((*name).to_owned())
                    }
                };
                out.push((key, pattern(&variant.value, problem)));
            }
            Piece::Select {
                var: id.name.to_owned(),
                variants: out,
                default,
            }
        }
    }
}

fn inline_piece(inline: &ast::InlineExpression<&str>, problem: &mut dyn FnMut(String)) -> Piece {
    match inline {
        ast::InlineExpression::VariableReference { id } => Piece::Var(id.name.to_owned()),
        ast::InlineExpression::StringLiteral { value } => {
            Piece::Text(value.replace("\\\"", "\"").replace("\\\\", "\\"))
        }
        ast::InlineExpression::NumberLiteral { value } => Piece::Text((*value).to_owned()),
        ast::InlineExpression::TermReference {
            id,
            attribute: None,
            arguments: None,
        } => Piece::Term(id.name.to_owned()),
        ast::InlineExpression::MessageReference {
            id,
            attribute: None,
        } => Piece::Reference(id.name.to_owned()),
        ast::InlineExpression::Placeable { expression } => placeable(expression, problem),
        other => {
            problem(format!("unsupported placeable {other:?}"));
            Piece::Text(String::new())
        }
    }
}

/// Resolves terms and references, then holds every language against the source one.
fn check(parsed: &[Parsed], problems: &mut Vec<String>) -> Catalog {
    let mut messages = BTreeMap::new();
    let source = &parsed[0];
    for (key, (file, _)) in &source.messages {
        let mut texts = Vec::new();
        for (lang, one) in LANGUAGES.iter().zip(parsed) {
            match one.messages.get(key) {
                Some((_, pieces)) => {
                    let mut problem =
                        |p: String| problems.push(format!("{lang}/{file}: {key}: {p}"));
                    texts.push(resolve(pieces, one, 0, &mut problem));
                }
                None => {
                    problems.push(format!(
                        "{lang}/{file}: {key}: missing (it is in {}/)",
                        LANGUAGES[0]
                    ));
                    texts.push(Vec::new());
                }
            }
        }
        let params = params_of(&texts);
        let source_vars: BTreeSet<_> = variables(&texts[0]);
        for (lang, text) in LANGUAGES.iter().zip(&texts).skip(1) {
            for var in variables(text).difference(&source_vars) {
                problems.push(format!(
                    "{lang}/{file}: {key}: uses ${var}, which the {} message does not give",
                    LANGUAGES[0]
                ));
            }
        }
        messages.insert(
            key.clone(),
            Message {
                file: file.clone(),
                texts,
                params,
            },
        );
    }
    for (lang, one) in LANGUAGES.iter().zip(parsed).skip(1) {
        for (key, (file, _)) in &one.messages {
            if !source.messages.contains_key(key) {
                problems.push(format!("{lang}/{file}: {key}: not in {}/", LANGUAGES[0]));
            }
        }
    }
    for (key, message) in &messages {
        if message.file != VOCABULARY_FILE && !is_method_name(key) {
            problems.push(format!(
                "{}/{}: {key}: message names are lower-case words joined by hyphens",
                LANGUAGES[0], message.file
            ));
        }
    }
    Catalog { messages }
}

fn is_method_name(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn resolve(
    pieces: &[Piece],
    lang: &Parsed,
    depth: u8,
    problem: &mut dyn FnMut(String),
) -> Vec<Piece> {
    if depth > 8 {
        problem("references go more than 8 deep (a loop?)".to_owned());
        return Vec::new();
    }
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Term(id) => match lang.terms.get(id) {
                Some(term) => out.extend(resolve(term, lang, depth + 1, problem)),
                None => problem(format!("no term -{id}")),
            },
            Piece::Reference(id) => match lang.messages.get(id) {
                Some((_, message)) => out.extend(resolve(message, lang, depth + 1, problem)),
                None => problem(format!("no message {id}")),
            },
            Piece::Select {
                var,
                variants,
                default,
            } => out.push(Piece::Select {
                var: var.clone(),
                variants: variants
                    .iter()
                    .map(|(k, v)| (k.clone(), resolve(v, lang, depth + 1, problem)))
                    .collect(),
                default: *default,
            }),
            other => out.push(other.clone()),
        }
    }
    out
}

fn variables(pieces: &[Piece]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in pieces {
        match piece {
            Piece::Var(v) => {
                out.insert(v.clone());
            }
            Piece::Select { var, variants, .. } => {
                out.insert(var.clone());
                for (_, v) in variants {
                    out.extend(variables(v));
                }
            }
            _ => {}
        }
    }
    out
}

fn selectors(pieces: &[Piece], out: &mut BTreeSet<String>) {
    for piece in pieces {
        if let Piece::Select { var, variants, .. } = piece {
            out.insert(var.clone());
            for (_, v) in variants {
                selectors(v, out);
            }
        }
    }
}

/// The source message's variables in the order they first appear; a variable
/// any language selects on is a count.
fn params_of(texts: &[Vec<Piece>]) -> Vec<Param> {
    fn order(pieces: &[Piece], out: &mut Vec<String>) {
        for piece in pieces {
            match piece {
                Piece::Var(v) if !out.contains(v) => out.push(v.clone()),
                Piece::Select { var, variants, .. } => {
                    if !out.contains(var) {
                        out.push(var.clone());
                    }
                    for (_, v) in variants {
                        order(v, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut names = Vec::new();
    order(&texts[0], &mut names);
    let mut counts = BTreeSet::new();
    for text in texts {
        selectors(text, &mut counts);
    }
    names
        .into_iter()
        .map(|name| Param {
            count: counts.contains(&name),
            name,
        })
        .collect()
}

impl Catalog {
    /// How many messages there are (each in every language).
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The Rust code the app includes (see `app/src/i18n.rs`):
    ///
    /// - `MESSAGES`, and per language a table of every message's text
    ///   (`STRINGS_EN`, …), compiled in everywhere but the browser bundle;
    ///   the browser loads its page's table as data (`tables()` writes them);
    /// - `impl Tr` with one method per message that reads its entry;
    /// - `mod vocabulary`, one module per closed set of `vocabulary.ftl`
    ///   (`vocabulary::Role::index("admin")`), so a bundle keeps only the sets it shows.
    ///
    /// It expects `Tr`, `Lang`, `Arg` and `Tr::{text, format}` in scope.
    pub fn generate(&self) -> String {
        let mut out = String::from(
            "// Generated by the `translations` crate from app/locales; do not edit.\n",
        );
        let _ = writeln!(
            out,
            "/// How many messages each language has.\npub const MESSAGES: usize = {};",
            self.len()
        );
        for (i, lang) in LANGUAGES.iter().enumerate() {
            let _ = writeln!(
                out,
                "#[cfg(any(feature = \"ssr\", not(feature = \"hydrate\")))]\nstatic STRINGS_{}: [&str; MESSAGES] = {:?};",
                lang.to_uppercase(),
                self.table(i)
            );
        }
        out.push_str("impl Tr {\n");
        for (index, (key, message)) in self.messages.iter().enumerate() {
            if message.file != VOCABULARY_FILE {
                method(&mut out, key, index, message);
            }
        }
        out.push_str("}\n");
        out.push_str("/// The labels of closed sets: `vocabulary::<Set>::index(stored name)`.\n#[allow(non_snake_case)]\npub mod vocabulary {\n");
        let mut sets: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
        for (index, (key, message)) in self.messages.iter().enumerate() {
            if message.file == VOCABULARY_FILE {
                if let Some((set, value)) = key.split_once('-') {
                    sets.entry(set).or_default().push((value, index));
                }
            }
        }
        for (set, values) in sets {
            let _ = writeln!(out, "    pub mod {set} {{\n        pub fn index(value: &str) -> Option<usize> {{\n            Some(match value {{");
            for (value, index) in values {
                let _ = writeln!(out, "                {value:?} => {index},");
            }
            out.push_str("                _ => return None,\n            })\n        }\n    }\n");
        }
        out.push_str("}\n");
        out
    }

    /// One language's table (in `LANGUAGES` order): each message's text, a
    /// message with variables in the encoding `Tr::format` reads (see `encode`).
    pub fn table(&self, lang: usize) -> Vec<String> {
        self.messages
            .values()
            .map(|m| plain(&m.texts[lang]).unwrap_or_else(|| encode(&m.texts[lang], &m.params)))
            .collect()
    }
}

/// The encoding of a message with variables, read by `app::i18n::render`:
/// `VAR n` for the n-th argument; `SELECT n (VARIANT key BODY …) END` to pick
/// a variant by the n-th argument (a count): keys `=5` (exact), a plural
/// category, the default one prefixed with `*`. Control characters cannot
/// occur in the texts, so nothing needs escaping.
pub mod encoding {
    pub const VAR: char = '\u{1}';
    pub const SELECT: char = '\u{2}';
    pub const VARIANT: char = '\u{3}';
    pub const BODY: char = '\u{4}';
    pub const END: char = '\u{5}';
}

fn arg_char(params: &[Param], name: &str) -> char {
    let index = params.iter().position(|p| p.name == name).unwrap_or(0);
    char::from(b'0' + index as u8)
}

fn encode(pieces: &[Piece], params: &[Param]) -> String {
    use encoding::*;
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(v) => {
                out.push(VAR);
                out.push(arg_char(params, v));
            }
            Piece::Select {
                var,
                variants,
                default,
            } => {
                out.push(SELECT);
                out.push(arg_char(params, var));
                for (i, (key, body)) in variants.iter().enumerate() {
                    out.push(VARIANT);
                    if i == *default {
                        out.push('*');
                    }
                    match key {
                        VariantKey::Exact(n) => {
                            let _ = write!(out, "={n}");
                        }
                        VariantKey::Category(c) => out.push_str(c),
                    }
                    out.push(BODY);
                    out.push_str(&encode(body, params));
                }
                out.push(END);
            }
            Piece::Term(_) | Piece::Reference(_) => {}
        }
    }
    out
}

fn plain(pieces: &[Piece]) -> Option<String> {
    let mut s = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => s.push_str(t),
            _ => return None,
        }
    }
    Some(s)
}

fn method(out: &mut String, key: &str, index: usize, message: &Message) {
    let name = key.replace('-', "_");
    let english = render_doc(&message.texts[0]);
    let _ = writeln!(out, "    /// `{key}`: {english}");
    if message.params.is_empty() {
        let _ = writeln!(
            out,
            "    pub fn {name}(self) -> &'static str {{\n        self.text({index})\n    }}"
        );
        return;
    }
    let params: Vec<String> = message
        .params
        .iter()
        .map(|p| {
            let name = p.name.replace('-', "_");
            if p.count {
                format!("{name}: u64")
            } else {
                format!("{name}: impl ::core::fmt::Display")
            }
        })
        .collect();
    let args: Vec<String> = message
        .params
        .iter()
        .map(|p| {
            let name = p.name.replace('-', "_");
            if p.count {
                format!("Arg::Count({name})")
            } else {
                format!("Arg::Text(&{name})")
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "    pub fn {name}(self, {}) -> String {{\n        self.format({index}, &[{}])\n    }}",
        params.join(", "),
        args.join(", ")
    );
}

fn render_doc(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => s.push_str(&t.replace('\n', " ")),
            Piece::Var(v) => {
                let _ = write!(s, "{{${v}}}");
            }
            Piece::Select { var, .. } => {
                let _ = write!(s, "{{${var} -> …}}");
            }
            Piece::Term(_) | Piece::Reference(_) => {}
        }
    }
    s
}
