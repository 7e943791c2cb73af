//! The portal in English, German and French. Every word people read comes
//! from `app/locales/<language>/*.ftl` through `Tr`, whose methods the build
//! generates (one per message; see the `translations` crate). The server picks
//! the language (the person's profile, else the language cookie the footer
//! sets, else `Accept-Language`) and renders in it; the page carries it in
//! `<html lang data-time-zone>` so the browser hydrates in the same words.
use chrono::{DateTime, Datelike, Timelike, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A language the portal speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "de")]
    De,
    #[serde(rename = "fr")]
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The BCP 47 code, as in `<html lang>` and the profile.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language by its code or a tag starting with it (`de`, `de-AT`, `FR`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best language for an `Accept-Language` header (quality values
    /// honoured, ties in the order given), if it names one the portal speaks.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32, usize)> = None;
        for (position, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if quality <= 0.0 {
                continue;
            }
            if best.is_none_or(|(_, q, _)| quality > q) {
                best = Some((lang, quality, position));
            }
        }
        best.map(|(lang, _, _)| lang)
    }
}

impl Lang {
    /// The language's name in itself, for the switcher (the same in every language).
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }
}

/// The portal's words in one language: `tr.sign_in()`, `tr.pager_position(1, 3)`.
///
/// Each method reads its message from the language's table. The server (and
/// every build but the browser's) has the tables compiled in; the browser
/// bundle carries none: before it hydrates, it loads the page language's table
/// (`/i18n/<lang>.<hash>.json`, cached for good) through [`load_strings`], so a
/// bundle does not grow with each language the portal speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Lang);

/// One argument of a message with variables.
pub enum Arg<'a> {
    Text(&'a dyn std::fmt::Display),
    /// A number that may choose the message's wording (plural forms).
    Count(u64),
}

impl Tr {
    /// Message `index` of the table (empty if the table is missing).
    pub(crate) fn text(self, index: usize) -> &'static str {
        strings(self.0).get(index).copied().unwrap_or_default()
    }

    fn format(self, index: usize, args: &[Arg<'_>]) -> String {
        let pattern: Vec<char> = self.text(index).chars().collect();
        let mut out = String::new();
        render(self.0, &pattern, args, &mut out);
        out
    }
}

include!(concat!(env!("OUT_DIR"), "/translations.rs"));

/// A language's table of messages.
#[cfg(any(feature = "ssr", not(feature = "hydrate")))]
pub fn strings(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &STRINGS_EN,
        Lang::De => &STRINGS_DE,
        Lang::Fr => &STRINGS_FR,
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
static LOADED: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();

/// The browser's table: the page language's, loaded before hydration (one
/// language per page: switching languages loads a new page).
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub fn strings(_lang: Lang) -> &'static [&'static str] {
    LOADED.get().copied().unwrap_or_default()
}

/// Keeps the page language's table for the rest of the page's life.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub fn load_strings(table: Vec<String>) {
    let table: Vec<&'static str> = table.into_iter().map(|s| &*s.leak()).collect();
    let _ = LOADED.set(table.leak());
}

/// CLDR plural categories of whole numbers, for the three languages.
fn plural_category(lang: Lang, n: u64) -> &'static str {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => "one",
        (Lang::En | Lang::De, 1) => "one",
        _ => "other",
    }
}

/// Writes a message with variables (the `translations` crate's encoding):
/// arguments in place of `VAR n`, and of each `SELECT` the variant whose key
/// is the count (`=5`), else its plural category, else the default (`*`).
fn render(lang: Lang, pattern: &[char], args: &[Arg<'_>], out: &mut String) {
    use std::fmt::Write as _;
    let arg = |c: Option<&char>| {
        c.and_then(|c| c.to_digit(10))
            .and_then(|n| args.get(n as usize))
    };
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            VAR => {
                match arg(pattern.get(i + 1)) {
                    Some(Arg::Text(v)) => {
                        let _ = write!(out, "{v}");
                    }
                    Some(Arg::Count(n)) => {
                        let _ = write!(out, "{n}");
                    }
                    None => {}
                }
                i += 2;
            }
            SELECT => {
                let n = match arg(pattern.get(i + 1)) {
                    Some(Arg::Count(n)) => *n,
                    _ => 0,
                };
                let (variants, next) = variants(pattern, i + 2);
                let exact = format!("={n}");
                let category = plural_category(lang, n);
                let chosen = variants
                    .iter()
                    .find(|(key, _)| key.trim_start_matches('*') == exact)
                    .or_else(|| {
                        variants
                            .iter()
                            .find(|(key, _)| key.trim_start_matches('*') == category)
                    })
                    .or_else(|| variants.iter().find(|(key, _)| key.starts_with('*')));
                if let Some((_, body)) = chosen {
                    render(lang, body, args, out);
                }
                i = next;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// The variants of a selection starting at `start` (key, body), and where it ends.
fn variants(pattern: &[char], start: usize) -> (Vec<(String, &[char])>, usize) {
    let mut out = Vec::new();
    let mut i = start;
    while pattern.get(i) == Some(&VARIANT) {
        let key_start = i + 1;
        let mut j = key_start;
        while j < pattern.len() && pattern[j] != BODY {
            j += 1;
        }
        let key: String = pattern[key_start..j.min(pattern.len())].iter().collect();
        let body_start = j + 1;
        let mut depth = 0;
        let mut k = body_start;
        while k < pattern.len() {
            match pattern[k] {
                SELECT => depth += 1,
                END if depth > 0 => depth -= 1,
                VARIANT | END if depth == 0 => break,
                _ => {}
            }
            k += 1;
        }
        out.push((key, &pattern[body_start.min(k)..k]));
        i = k;
    }
    // Past the END of this selection.
    (out, i + 1)
}

const VAR: char = '\u{1}';
const SELECT: char = '\u{2}';
const VARIANT: char = '\u{3}';
const BODY: char = '\u{4}';
const END: char = '\u{5}';

/// The language and time zone a page renders in, provided at the root.
#[derive(Clone, Copy, Debug)]
pub struct Locale {
    pub lang: Lang,
    time_zone: StoredValue<String>,
}

impl Locale {
    pub fn new(lang: Lang, time_zone: String) -> Self {
        Locale {
            lang,
            time_zone: StoredValue::new(time_zone),
        }
    }

    pub fn tr(self) -> Tr {
        Tr(self.lang)
    }

    /// The IANA time zone times are shown in (`UTC` unless the profile names one).
    pub fn time_zone(self) -> String {
        self.time_zone.get_value()
    }

    /// A moment as people read it here: `30 Nov 2026, 14:05` in the person's zone.
    pub fn time(self, t: &DateTime<Utc>) -> String {
        format_local(self.tr(), &local_time(t, &self.time_zone()))
    }

    /// A day: `30 Nov 2026`.
    pub fn date(self, t: &DateTime<Utc>) -> String {
        let local = local_time(t, &self.time_zone());
        self.tr().date(
            local.day,
            self.tr().month_short(local.month as u64),
            local.year,
        )
    }
}

/// The page's locale (English and UTC outside a rendered page).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(|| Locale::new(Lang::En, "UTC".to_owned()))
}

/// The page's words.
pub fn use_tr() -> Tr {
    use_locale().tr()
}

/// A moment's wall-clock reading in a time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// Formats a wall-clock reading in the language's way.
pub fn format_local(tr: Tr, local: &LocalTime) -> String {
    let date = tr.date(local.day, tr.month_short(local.month as u64), local.year);
    tr.date_time(date, format!("{:02}:{:02}", local.hour, local.minute))
}

/// The wall-clock reading of `t` in `zone` (UTC when the zone is unknown):
/// the server reads the IANA database, the browser asks its own.
pub fn local_time(t: &DateTime<Utc>, zone: &str) -> LocalTime {
    #[cfg(feature = "ssr")]
    {
        if let Ok(tz) = zone.parse::<chrono_tz::Tz>() {
            let local = t.with_timezone(&tz);
            return LocalTime {
                year: local.year(),
                month: local.month(),
                day: local.day(),
                hour: local.hour(),
                minute: local.minute(),
            };
        }
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        if zone != "UTC" {
            if let Some(local) = browser_local_time(t, zone) {
                return local;
            }
        }
    }
    let _ = zone;
    LocalTime {
        year: t.year(),
        month: t.month(),
        day: t.day(),
        hour: t.hour(),
        minute: t.minute(),
    }
}

/// Asks the browser's `Intl.DateTimeFormat` for the reading in `zone`, so
/// the bundle carries no time-zone database.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn browser_local_time(t: &DateTime<Utc>, zone: &str) -> Option<LocalTime> {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    for (k, v) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    // Only the numbers are read, so the locale of the parts does not matter.
    let locales = Array::of1(&JsValue::from_str("en-GB"));
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    let parts = format.format_to_parts(&date);
    let mut local = LocalTime {
        year: 0,
        month: 0,
        day: 0,
        hour: 0,
        minute: 0,
    };
    for part in parts.iter() {
        let kind = Reflect::get(&part, &JsValue::from_str("type"))
            .ok()?
            .as_string()?;
        let value = Reflect::get(&part, &JsValue::from_str("value"))
            .ok()?
            .as_string()?;
        let number = value.parse::<u32>().ok();
        match kind.as_str() {
            "year" => local.year = value.parse().ok()?,
            "month" => local.month = number?,
            "day" => local.day = number?,
            "hour" => local.hour = number? % 24,
            "minute" => local.minute = number?,
            _ => {}
        }
    }
    Some(local)
}

/// Provides the page's locale to every component beneath.
pub fn provide(locale: Locale) -> Locale {
    provide_context(locale);
    locale
}

/// The locale the server rendered the page in, read from its `<html>` element.
#[cfg(not(feature = "ssr"))]
pub fn rendered_locale() -> Locale {
    {
        let root = document().document_element();
        let lang = root
            .as_ref()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default();
        let zone = root
            .and_then(|e| e.get_attribute("data-time-zone"))
            .unwrap_or_else(|| "UTC".to_owned());
        Locale::new(lang, zone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_takes_the_best_quality_the_portal_speaks() {
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::from_accept_language("es;q=1, fr;q=0.5, en;q=0.4"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=0.2, de;q=0.7"),
            Some(Lang::De)
        );
        assert_eq!(Lang::from_accept_language("fr;q=0, ja"), None);
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn messages_take_their_arguments_and_choose_plural_forms() {
        assert_eq!(Tr(Lang::De).pager_position(2, 5), "Seite 2 von 5");
        assert_eq!(
            Tr(Lang::En).error_rate_limited(1),
            "Too many attempts. Please wait a minute and try again."
        );
        assert_eq!(
            Tr(Lang::En).error_rate_limited(15),
            "Too many attempts. Please wait 15 minutes and try again."
        );
        assert_eq!(Tr(Lang::Fr).month_short(8), "août");
        assert_eq!(Tr(Lang::De).month_short(12), "Dez.");
        // A nested selection and an exact key.
        let pattern: Vec<char> = "a\u{2}0\u{3}=0\u{4}none\u{3}one\u{4}one \u{2}1\u{3}*other\u{4}x\u{1}1\u{5}\u{3}*other\u{4}\u{1}0 many\u{5}!".chars().collect();
        let run = |n: u64| {
            let mut out = String::new();
            render(
                Lang::En,
                &pattern,
                &[Arg::Count(n), Arg::Count(7)],
                &mut out,
            );
            out
        };
        assert_eq!(run(0), "anone!");
        assert_eq!(run(1), "aone x7!");
        assert_eq!(run(3), "a3 many!");
    }

    #[test]
    fn french_counts_zero_as_one() {
        assert_eq!(plural_category(Lang::Fr, 0), "one");
        assert_eq!(plural_category(Lang::En, 0), "other");
        assert_eq!(plural_category(Lang::De, 1), "one");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn times_are_shown_in_the_zone_and_the_language() {
        let t = DateTime::parse_from_rfc3339("2026-07-01T12:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let berlin = local_time(&t, "Europe/Berlin");
        assert_eq!((berlin.hour, berlin.minute), (14, 30));
        assert_eq!(format_local(Tr(Lang::De), &berlin), "1. Juli 2026, 14:30");
        assert_eq!(format_local(Tr(Lang::En), &berlin), "1 Jul 2026, 14:30");
        assert_eq!(format_local(Tr(Lang::Fr), &berlin), "1 juil. 2026 à 14:30");
        assert_eq!(local_time(&t, "Not/A_Zone").hour, 12);
    }
}
