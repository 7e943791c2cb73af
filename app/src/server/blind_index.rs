//! The blind index: which messages and subject lines contain an e-mail
//! address, a phone number or a name, without decrypting them. Each text is
//! cut into normalised tokens (`e:` address, `p:` phone digits, `w:` a
//! capitalised word, which may be a name),
//! each token keyed with HMAC-SHA-256 under the index key, and one row per
//! (token, message or ticket) is written in the same transaction as the text.
//!
//! What it reveals to someone holding the main database but not the key store:
//! which texts share a token and how often a token occurs — never the token
//! itself. Someone who can also write texts through the portal can test a guess
//! (write it, then look for the token their text got); see ARCHITECTURE.md. Rows go with the text
//! (ticket deletion, erasure of the texts' owner) and change with it (redaction).
//! A name written all in lower case in a message is not found; addresses and
//! phone numbers are found however they are written.
use super::{
    audit,
    crypto::{IndexKey, INDEX_TOKEN_LEN},
    entities::{blind_index, blind_index_backfill, message, ticket},
    AppState, ServiceError,
};
use sea_orm::{prelude::*, ActiveValue::Set, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Fewest digits a phone number has (shorter runs are order numbers, dates…).
const PHONE_MIN_DIGITS: usize = 7;
/// Most digits a phone number has (E.164 allows 15).
const PHONE_MAX_DIGITS: usize = 15;

/// A phone number reduced to its digits, international prefix `00` read as `+`:
/// `+49 30 1234 5678`, `0049 (30) 1234-5678` and `+49.30.12345678` are one token.
pub fn phone_digits(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let digits = digits
        .strip_prefix("00")
        .map(str::to_owned)
        .unwrap_or(digits);
    (PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS)
        .contains(&digits.len())
        .then_some(digits)
}

/// The capitalised words of a text (the ones that may be names), lower-cased,
/// at least two characters long.
pub fn name_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
}

/// Longest word indexed (longer runs are ids, hashes, pasted data).
const WORD_MAX_CHARS: usize = 40;

/// Every word of a text, lower-cased, two to 40 characters long: what search
/// looks up, and what a name's words are found among.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=WORD_MAX_CHARS).contains(&w.chars().count()))
        .map(str::to_lowercase)
}

/// The text indexed under a ticket's id: its subject line and its reference
/// (`#1A2B3C4D` is found as the word `1a2b3c4d`).
pub fn ticket_text(id: Uuid, subject: &str) -> String {
    format!("{subject} {}", crate::model::ticket_reference(&id))
}

/// Characters an e-mail address is made of (as people write them).
fn is_email_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn email_in(chunk: &str) -> Option<String> {
    let chunk = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    let (local, domain) = chunk.split_once('@')?;
    (!local.is_empty()
        && domain.contains('.')
        && local.chars().all(is_email_char)
        && domain.chars().all(is_email_char))
    .then(|| chunk.to_lowercase())
}

/// The addresses in a text: around every `@`, as far as address characters go
/// on each side, whatever surrounds them (`name=zoe@example.org`, `<…>`,
/// `mailto:`, a possessive `’s`).
fn emails(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices('@').filter_map(move |(at, _)| {
        let head = &text[..at];
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let tail = &text[at + 1..];
        let end = tail
            .char_indices()
            .find(|(_, c)| !is_email_char(*c))
            .map_or(tail.len(), |(i, _)| i);
        email_in(&text[start..at + 1 + end])
    })
}

/// Digits, `+`, and whatever people put between a phone number's digits:
/// brackets, dots, slashes, any dash and any space (also non-breaking ones).
fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || matches!(c, '+' | '(' | ')' | '.' | '/')
        || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Most space-separated groups one phone number is written in
/// (`+49 30 1234 5678` is four).
const PHONE_MAX_GROUPS: usize = 8;

/// The phone numbers in a run of phone characters. Two numbers may stand side
/// by side, so every stretch of up to `PHONE_MAX_GROUPS` whole groups with a
/// phone number's length counts; the work stays linear in the run's length.
fn phones_in(run: &str, out: &mut BTreeSet<String>) {
    let groups: Vec<&str> = run
        .split(char::is_whitespace)
        .filter(|g| !g.is_empty())
        .collect();
    for start in 0..groups.len() {
        let mut digits = String::new();
        for group in groups[start..].iter().take(PHONE_MAX_GROUPS) {
            digits.extend(group.chars().filter(char::is_ascii_digit));
            if digits.len() > PHONE_MAX_DIGITS + 2 {
                break;
            }
            if let Some(phone) = phone_digits(&digits) {
                out.insert(format!("p:{phone}"));
            }
        }
    }
}

/// Every normalised token of a text: its e-mail addresses, phone numbers and
/// words.
pub fn tokens(text: &str) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = emails(text).map(|e| format!("e:{e}")).collect();
    let mut run = String::new();
    // The character before the run, and the one that ends it (none at the ends).
    let mut before = None;
    for c in text.chars().map(Some).chain(std::iter::once(None)) {
        match c {
            Some(c) if is_phone_char(c) => run.push(c),
            _ => {
                if !run.is_empty() {
                    phones_in(unglued(&run, before, c), &mut out);
                    run.clear();
                }
                before = c;
            }
        }
    }
    out.extend(words(text).map(|w| format!("w:{w}")));
    out
}

/// A run of phone characters without a group whose digits touch a letter or
/// digit outside it: `a1234567` and `1234567f` (a ticket's hex reference, an
/// order code) are parts of a word, not phone numbers.
fn unglued(run: &str, before: Option<char>, after: Option<char>) -> &str {
    let glued = |outside: Option<char>, edge: Option<char>| {
        outside.is_some_and(char::is_alphanumeric) && edge.is_some_and(|c| c.is_ascii_digit())
    };
    let mut run = run;
    if glued(before, run.chars().next()) {
        run = run
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest);
    }
    if glued(after, run.chars().next_back()) {
        run = run
            .rsplit_once(char::is_whitespace)
            .map_or("", |(head, _)| head);
    }
    run
}

/// The subject's tokens to look up: any of `alternatives` is a candidate, and
/// for a name every one of its words must be there.
#[derive(Debug, Default)]
pub struct Lookup {
    pub alternatives: Vec<String>,
    pub all_of: Vec<String>,
}

impl Lookup {
    /// The identifiers of one subject: e-mail, phone (7+ digits) and name (3+ characters).
    pub fn of(email: &str, phone: Option<&str>, name: &str) -> Self {
        let mut lookup = Lookup::default();
        let email = email.trim().to_lowercase();
        if email.contains('@') {
            lookup.alternatives.push(format!("e:{email}"));
        }
        if let Some(phone) = phone.and_then(phone_digits) {
            lookup.alternatives.push(format!("p:{phone}"));
        }
        if name.trim().chars().count() >= 3 {
            // "Ludwig van Beethoven": the particle is written in lower case in
            // texts too, so only the capitalised words are required; a name
            // stored all in lower case is looked up by all its words.
            let mut words: Vec<String> = name_words(name).collect();
            if words.is_empty() {
                words = name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() >= 2)
                    .map(str::to_lowercase)
                    .collect();
            }
            lookup.all_of = words.into_iter().map(|w| format!("w:{w}")).collect();
        }
        lookup
    }
}

fn rows(key: &IndexKey, source: Uuid, text: &str) -> Vec<blind_index::ActiveModel> {
    tokens(text)
        .iter()
        .map(|t| blind_index::ActiveModel {
            token: Set(key.token(t).to_vec()),
            source_id: Set(source),
        })
        .collect()
}

/// Indexes one text (a message, or a ticket's subject line under the ticket's id).
pub async fn write(
    db: &impl ConnectionTrait,
    key: &IndexKey,
    source: Uuid,
    text: &str,
) -> Result<(), ServiceError> {
    insert(db, rows(key, source, text)).await
}

/// Indexes many texts at once (seeding, benchmarks).
pub async fn write_many(
    db: &impl ConnectionTrait,
    key: &IndexKey,
    texts: impl IntoIterator<Item = (Uuid, String)>,
) -> Result<(), ServiceError> {
    let rows = texts
        .into_iter()
        .flat_map(|(source, text)| rows(key, source, &text))
        .collect();
    insert(db, rows).await
}

async fn insert(
    db: &impl ConnectionTrait,
    rows: Vec<blind_index::ActiveModel>,
) -> Result<(), ServiceError> {
    // SQLite allows 32,766 bound values per statement; two per row.
    for chunk in rows.chunks(2000) {
        blind_index::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([blind_index::Column::Token, blind_index::Column::SourceId])
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Re-indexes a text whose content changed (a redaction).
pub async fn replace(
    db: &impl ConnectionTrait,
    key: &IndexKey,
    source: Uuid,
    text: &str,
) -> Result<(), ServiceError> {
    forget(db, &[source]).await?;
    write(db, key, source, text).await
}

/// Removes the rows of these messages or tickets.
pub async fn forget(db: &impl ConnectionTrait, sources: &[Uuid]) -> Result<u64, ServiceError> {
    let mut removed = 0;
    for chunk in sources.chunks(500) {
        removed += blind_index::Entity::delete_many()
            .filter(blind_index::Column::SourceId.is_in(chunk.to_vec()))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(removed)
}

/// The texts of these tickets: the tickets (subject lines) and their messages.
async fn texts_of(db: &impl ConnectionTrait, tickets: &[Uuid]) -> Result<Vec<Uuid>, ServiceError> {
    let mut sources = tickets.to_vec();
    for chunk in tickets.chunks(500) {
        let messages: Vec<Uuid> = message::Entity::find()
            .select_only()
            .column(message::Column::Id)
            .filter(message::Column::TicketId.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        sources.extend(messages);
    }
    Ok(sources)
}

/// Removes the rows of these tickets and of all their messages.
pub async fn forget_tickets(
    db: &impl ConnectionTrait,
    tickets: &[Uuid],
) -> Result<u64, ServiceError> {
    forget(db, &texts_of(db, tickets).await?).await
}

/// How many rows the texts of these tickets still have (the final check of an erasure).
pub async fn rows_of_tickets(
    db: &impl ConnectionTrait,
    tickets: &[Uuid],
) -> Result<u64, ServiceError> {
    let mut rows = 0;
    for chunk in texts_of(db, tickets).await?.chunks(500) {
        rows += blind_index::Entity::find()
            .filter(blind_index::Column::SourceId.is_in(chunk.to_vec()))
            .count(db)
            .await?;
    }
    Ok(rows)
}

async fn sources_with(
    db: &impl ConnectionTrait,
    key: &IndexKey,
    token: &str,
) -> Result<HashSet<Uuid>, ServiceError> {
    let wanted: [u8; INDEX_TOKEN_LEN] = key.token(token);
    Ok(blind_index::Entity::find()
        .select_only()
        .column(blind_index::Column::SourceId)
        .filter(blind_index::Column::Token.eq(wanted.to_vec()))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The messages and tickets that may mention the subject: to be decrypted and
/// confirmed by the caller. Brings the index up to date first, so nothing
/// written before the index existed is missed.
pub async fn candidates(state: &AppState, lookup: &Lookup) -> Result<HashSet<Uuid>, ServiceError> {
    catch_up(state).await?;
    let key = state.vault.index_key().await?;
    let mut found = HashSet::new();
    for token in &lookup.alternatives {
        found.extend(sources_with(&state.db, &key, token).await?);
    }
    let mut all_of: Option<HashSet<Uuid>> = None;
    for token in &lookup.all_of {
        let with = sources_with(&state.db, &key, token).await?;
        all_of = Some(match all_of {
            None => with,
            Some(so_far) => so_far.intersection(&with).copied().collect(),
        });
    }
    found.extend(all_of.unwrap_or_default());
    Ok(found)
}

/// Indexes messages and subject lines written before the index existed, a
/// page at a time; returns how many texts it indexed. Cheap once done.
pub async fn catch_up(state: &AppState) -> Result<u64, ServiceError> {
    rebuild_if_key_lost(state).await?;
    let progress = blind_index_backfill::Entity::find()
        .filter(blind_index_backfill::Column::Done.eq(false))
        .all(&state.db)
        .await?;
    let mut indexed = 0;
    for row in progress {
        let mut after = row.after_id;
        loop {
            let (page, last) = match row.source.as_str() {
                "messages" => backfill_messages(state, after).await?,
                "tickets" => backfill_tickets(state, after).await?,
                other => {
                    return Err(ServiceError::invariant(format!(
                        "unknown blind index source {other:?}"
                    )))
                }
            };
            indexed += page;
            let done = last.is_none();
            blind_index_backfill::Entity::update_many()
                .col_expr(
                    blind_index_backfill::Column::AfterId,
                    Expr::value(last.or(after)),
                )
                .col_expr(blind_index_backfill::Column::Done, Expr::value(done))
                .filter(blind_index_backfill::Column::Source.eq(row.source.clone()))
                .exec(&state.db)
                .await?;
            if done {
                break;
            }
            after = last;
        }
    }
    if indexed > 0 {
        tracing::info!(
            texts = indexed,
            "blind index: indexed texts written before it existed"
        );
    }
    Ok(indexed)
}

/// A text read by the back-fill, with the rows it would add.
struct Read {
    source: Uuid,
    sealed: Vec<u8>,
    owner: Uuid,
    rows: Vec<blind_index::ActiveModel>,
}

/// Inserts back-filled rows only for texts still as they were read and whose
/// owner still has a key, under the audit lock that every write of a text
/// takes: a text erased, deleted or redacted meanwhile never gets its old
/// tokens back.
async fn insert_unchanged(
    state: &AppState,
    messages: bool,
    read: Vec<Read>,
) -> Result<(), ServiceError> {
    let txn = audit::begin(&state.db).await?;
    let ids: Vec<Uuid> = read.iter().map(|r| r.source).collect();
    let current: HashMap<Uuid, Vec<u8>> = if messages {
        message::Entity::find()
            .select_only()
            .column(message::Column::Id)
            .column(message::Column::Body)
            .filter(message::Column::Id.is_in(ids))
            .into_tuple()
            .all(&txn)
            .await?
    } else {
        ticket::Entity::find()
            .select_only()
            .column(ticket::Column::Id)
            .column(ticket::Column::Subject)
            .filter(ticket::Column::Id.is_in(ids))
            .into_tuple()
            .all(&txn)
            .await?
    }
    .into_iter()
    .collect();
    let live = state.vault.keys(read.iter().map(|r| r.owner)).await?;
    let rows = read
        .into_iter()
        .filter(|r| current.get(&r.source) == Some(&r.sealed) && live.contains_key(&r.owner))
        .flat_map(|r| r.rows)
        .collect();
    insert(&txn, rows).await?;
    txn.commit().await?;
    Ok(())
}

/// A key store restored without the index key's row would get a new key, and
/// no stored token would match any more: the index is emptied and built again
/// from the texts under the new key instead of silently finding nothing.
async fn rebuild_if_key_lost(state: &AppState) -> Result<(), ServiceError> {
    if state.vault.has_index_key().await? {
        return Ok(());
    }
    let txn = audit::begin(&state.db).await?;
    let stale = blind_index::Entity::delete_many()
        .exec(&txn)
        .await?
        .rows_affected;
    if stale > 0 {
        blind_index_backfill::Entity::update_many()
            .col_expr(blind_index_backfill::Column::Done, Expr::value(false))
            .col_expr(
                blind_index_backfill::Column::AfterId,
                Expr::value(Option::<Uuid>::None),
            )
            .exec(&txn)
            .await?;
        tracing::warn!(rows = stale, "blind index: its key is missing from the key store; indexing every text again under a new key");
    }
    txn.commit().await?;
    state.vault.forget_index_key().await;
    state.vault.index_key().await?;
    Ok(())
}

/// Up to 500 rows after `after`; returns how many and the last id (none when finished).
async fn backfill_messages(
    state: &AppState,
    after: Option<Uuid>,
) -> Result<(u64, Option<Uuid>), ServiceError> {
    let mut query = message::Entity::find()
        .order_by_asc(message::Column::Id)
        .limit(500);
    if let Some(after) = after {
        query = query.filter(message::Column::Id.gt(after));
    }
    let page = query.all(&state.db).await?;
    let Some(last) = page.last().map(|m| m.id) else {
        return Ok((0, None));
    };
    let owners: HashMap<Uuid, Uuid> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .column(ticket::Column::CustomerId)
        .filter(ticket::Column::Id.is_in(page.iter().map(|m| m.ticket_id).collect::<Vec<_>>()))
        .into_tuple()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let keys = state.vault.keys(owners.values().copied()).await?;
    let index = state.vault.index_key().await?;
    let count = page.len() as u64;
    let mut read = Vec::new();
    for m in page {
        // An erased owner's text is unreadable and has no tokens left to find.
        let Some((owner, key)) = owners
            .get(&m.ticket_id)
            .and_then(|o| keys.get(o).map(|k| (*o, k)))
        else {
            continue;
        };
        if let Ok(text) = key.open_string(message::BODY.at(&m.id), &m.body) {
            let rows = self::rows(&index, m.id, &text);
            read.push(Read {
                source: m.id,
                sealed: m.body,
                owner,
                rows,
            });
        }
    }
    insert_unchanged(state, true, read).await?;
    Ok((count, Some(last)))
}

async fn backfill_tickets(
    state: &AppState,
    after: Option<Uuid>,
) -> Result<(u64, Option<Uuid>), ServiceError> {
    let mut query = ticket::Entity::find()
        .order_by_asc(ticket::Column::Id)
        .limit(500);
    if let Some(after) = after {
        query = query.filter(ticket::Column::Id.gt(after));
    }
    let page = query.all(&state.db).await?;
    let Some(last) = page.last().map(|t| t.id) else {
        return Ok((0, None));
    };
    let keys = state.vault.keys(page.iter().map(|t| t.customer_id)).await?;
    let index = state.vault.index_key().await?;
    let count = page.len() as u64;
    let mut read = Vec::new();
    for t in page {
        let Some(key) = keys.get(&t.customer_id) else {
            continue;
        };
        if let Ok(text) = key.open_string(ticket::SUBJECT.at(&t.id), &t.subject) {
            let rows = self::rows(&index, t.id, &ticket_text(t.id, &text));
            read.push(Read {
                source: t.id,
                sealed: t.subject,
                owner: t.customer_id,
                rows,
            });
        }
    }
    insert_unchanged(state, false, read).await?;
    Ok((count, Some(last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_into_addresses_phone_numbers_and_words() {
        let t = tokens(
            "Mail ZOE@Example.org, or call (+49) 30-1234-5678 / 0049 30 12345678. Zoë Müller",
        );
        assert!(t.contains("e:zoe@example.org"), "{t:?}");
        assert!(t.contains("p:493012345678"), "{t:?}");
        assert!(t.contains("w:zoë") && t.contains("w:müller"), "{t:?}");
        // Short digit runs are not phone numbers; every word of two or more
        // characters is indexed (search), one-letter words and very long runs are not.
        let long = "x".repeat(41);
        let t = tokens(&format!("Order 12345 from A shop, ZOË {long}"));
        assert!(!t.iter().any(|x| x.starts_with("p:")), "{t:?}");
        assert!(
            !t.contains("w:a") && !t.contains(&format!("w:{long}")),
            "{t:?}"
        );
        assert!(
            t.contains("w:shop") && t.contains("w:from") && t.contains("w:12345"),
            "{t:?}"
        );
        assert!(t.contains("w:order") && t.contains("w:zoë"), "{t:?}");
        // A ticket's reference is one of its subject line's words.
        let id = Uuid::parse_str("0192f0e6-3c5e-7a00-8000-00000000abcd").unwrap();
        assert!(tokens(&ticket_text(id, "Broken printer")).contains("w:0000abcd"));
        // Digits glued to a letter are part of a word (a hex reference with
        // seven digits in a row, an order code), not a phone number; the
        // number beside them still is.
        let id = Uuid::parse_str("0192f0e6-3c5e-7a00-8000-0000f1234567").unwrap();
        let t = tokens(&ticket_text(id, "Broken printer"));
        assert!(t.contains("w:f1234567"), "{t:?}");
        assert!(!t.iter().any(|x| x.starts_with("p:")), "{t:?}");
        for text in ["ref 1234567f", "code AB12345678", "x 1234567a 99"] {
            let t = tokens(text);
            assert!(!t.iter().any(|x| x.starts_with("p:")), "{text}: {t:?}");
        }
        let t = tokens("order A77 0309876543b, call 030 1234567");
        assert!(t.contains("p:0301234567"), "{t:?}");
        assert!(
            !t.iter()
                .any(|x| x.starts_with("p:") && x.contains("9876543")),
            "{t:?}"
        );
        // Two numbers side by side are both found.
        let t = tokens("+49 30 1234 5678 0049 40 7654321");
        assert!(
            t.contains("p:493012345678") && t.contains("p:49407654321"),
            "{t:?}"
        );
        assert_eq!(
            phone_digits("+1 555 0100 999").as_deref(),
            Some("15550100999")
        );
        assert_eq!(
            phone_digits("0049 30 12345678").as_deref(),
            Some("493012345678")
        );
        assert_eq!(phone_digits("123"), None);
        assert_eq!(phone_digits("1234567890123456"), None);
        // Text that is not an address.
        assert!(tokens("a@b @ x@y").iter().all(|x| !x.starts_with("e:")));
        assert!(tokens("Write to O'Brien@Example.org").contains("e:o'brien@example.org"));
        // Addresses and numbers however they are surrounded or separated.
        for text in [
            "name=zoe@example.org&x",
            "mailto:zoe@example.org",
            "ZOE@example.org’s new address",
            "(zoe@example.org).",
            "'zoe@example.org'",
        ] {
            assert!(tokens(text).contains("e:zoe@example.org"), "{text}");
        }
        for text in [
            "+49\u{a0}30\u{a0}1234\u{a0}5678",
            "+49–30–1234–5678",
            "tel.+4930/1234-5678",
        ] {
            assert!(tokens(text).contains("p:493012345678"), "{text}");
        }
        // A text built to make the number scan explode stays quick (linear):
        // 10,000 groups without a digit, then with one digit each.
        let _ = tokens(&"- ".repeat(10_000));
        let _ = tokens(&"1 ".repeat(10_000));
        // Any text at all, without panicking.
        for text in ["", "İİİ", "@@@", "+++", "ẞ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ０１２３４５６７８"]
        {
            let _ = tokens(text);
        }
    }

    #[test]
    fn a_subject_is_looked_up_by_address_phone_and_all_words_of_the_name() {
        let l = Lookup::of(" Zoe@Example.org ", Some("+49 30 1234 5678"), "Zoë Müller");
        assert_eq!(l.alternatives, ["e:zoe@example.org", "p:493012345678"]);
        assert_eq!(l.all_of, ["w:zoë", "w:müller"]);
        let l = Lookup::of("", None, "Al");
        assert!(l.alternatives.is_empty() && l.all_of.is_empty());
        let l = Lookup::of("", None, "Ludwig van Beethoven");
        assert_eq!(l.all_of, ["w:ludwig", "w:beethoven"]);
        let l = Lookup::of("", None, "ada lovelace");
        assert_eq!(l.all_of, ["w:ada", "w:lovelace"]);
    }

    #[test]
    fn tokens_are_keyed_and_do_not_carry_the_text() {
        let a = IndexKey::from_data_key(&super::super::crypto::DataKey::generate());
        let b = IndexKey::from_data_key(&super::super::crypto::DataKey::generate());
        assert_eq!(a.token("w:zoë"), a.token("w:zoë"));
        assert_ne!(a.token("w:zoë"), a.token("w:zoe"));
        assert_ne!(a.token("w:zoë"), b.token("w:zoë"));
        assert!(!a.token("e:zoe@example.org").windows(3).any(|w| w == b"zoe"));
    }
}
