//! The subject named in other customers' conversations: their email, phone or
//! name in messages and ticket subjects, looked up in the blind index and
//! confirmed by decrypting the candidates.
use super::Identifiers;
use crate::{
    model::{Mention, MentionKind},
    server::{
        blind_index,
        entities::{message, ticket},
        AppState, ServiceError,
    },
};
use sea_orm::prelude::*;
use std::collections::HashMap;

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Which identifier `text` contains (`email`, `phone` or `name`), and about
/// where, as a character index (lower-casing may change byte lengths).
pub(super) fn mentions_in(text: &str, ids: &Identifiers) -> Option<(MentionKind, usize)> {
    let lower = text.to_lowercase();
    let position = |at: usize| lower.get(..at).map_or(0, |head| head.chars().count());
    if !ids.email.is_empty() {
        if let Some(at) = lower.find(&ids.email.to_lowercase()) {
            return Some((MentionKind::Email, position(at)));
        }
    }
    if let Some(phone) = ids.phone.as_deref() {
        let wanted = digits(phone);
        if wanted.len() >= 7 {
            if let Some(at) = lower.find(phone.trim()) {
                return Some((MentionKind::Phone, position(at)));
            }
            if digits(text).contains(&wanted) {
                return Some((MentionKind::Phone, 0));
            }
        }
    }
    let name = ids.name.trim().to_lowercase();
    if name.chars().count() >= 3 {
        if let Some(at) = lower.find(&name) {
            return Some((MentionKind::Name, position(at)));
        }
    }
    None
}

/// Up to 140 characters around character index `at`.
fn excerpt(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len());
    let start = at.saturating_sub(60);
    let end = (at + 80).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Messages and subject lines of other customers' tickets that name the
/// subject. The blind index gives the candidates; only those are decrypted,
/// so the cost follows the mentions, not the size of the database.
pub(super) async fn find_mentions(
    state: &AppState,
    subject: Uuid,
    ids: &Identifiers,
) -> Result<Vec<Mention>, ServiceError> {
    let lookup = blind_index::Lookup::of(&ids.email, ids.phone.as_deref(), &ids.name);
    let candidates: Vec<Uuid> = blind_index::candidates(state, &lookup)
        .await?
        .into_iter()
        .collect();
    let mut found = Vec::new();
    for chunk in candidates.chunks(500) {
        let messages = message::Entity::find()
            .filter(message::Column::Id.is_in(chunk.to_vec()))
            .all(&state.db)
            .await?;
        let mut tickets: Vec<Uuid> = messages.iter().map(|m| m.ticket_id).collect();
        tickets.extend(chunk.iter().copied());
        let tickets: HashMap<Uuid, ticket::Model> = ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(tickets))
            .filter(ticket::Column::CustomerId.ne(subject))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let keys = state
            .vault
            .keys(tickets.values().map(|t| t.customer_id))
            .await?;
        let key_of = |ticket_id: &Uuid| {
            tickets
                .get(ticket_id)
                .and_then(|t| keys.get(&t.customer_id))
        };
        for m in &messages {
            let Some(key) = key_of(&m.ticket_id) else {
                continue;
            };
            let Ok(text) = key.open_string(message::BODY.at(&m.id), &m.body) else {
                continue;
            };
            if let Some((matched, at)) = mentions_in(&text, ids) {
                found.push(Mention {
                    ticket_id: m.ticket_id,
                    message_id: Some(m.id),
                    matched,
                    excerpt: excerpt(&text, at),
                    internal: m.internal,
                });
            }
        }
        // Candidates that are tickets: their subject lines.
        for id in chunk {
            let (Some(t), Some(key)) = (tickets.get(id), key_of(id)) else {
                continue;
            };
            let Ok(text) = key.open_string(ticket::SUBJECT.at(&t.id), &t.subject) else {
                continue;
            };
            if let Some((matched, at)) = mentions_in(&text, ids) {
                found.push(Mention {
                    ticket_id: t.id,
                    message_id: None,
                    matched,
                    excerpt: excerpt(&text, at),
                    internal: false,
                });
            }
        }
    }
    // The same order every time: by ticket, subject line first, then messages.
    found.sort_by_key(|m| (m.ticket_id, m.message_id));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(email: &str, name: &str, phone: Option<&str>) -> Identifiers {
        Identifiers {
            email: email.into(),
            name: name.into(),
            phone: phone.map(Into::into),
            approval_reason: None,
            unconfirmed: false,
            no_notice: false,
            language: None,
        }
    }

    #[test]
    fn mentions_are_found_by_email_phone_or_name_without_panicking_on_any_text() {
        let zoe = ids("zoe@example.org", "Zoë", Some("+49 30 1234 5678"));
        assert_eq!(
            mentions_in("Mail ZOE@example.org", &zoe).map(|m| m.0),
            Some(MentionKind::Email)
        );
        assert_eq!(
            mentions_in("call 0049 30 12345678", &zoe).map(|m| m.0),
            Some(MentionKind::Phone)
        );
        assert_eq!(
            mentions_in("call +49 30 1234 5679", &zoe).map(|m| m.0),
            None
        );
        assert_eq!(
            mentions_in("call +49 30 1234 5678", &zoe).map(|m| m.0),
            Some(MentionKind::Phone)
        );
        assert_eq!(
            mentions_in("(+49) 30-1234-5678", &zoe).map(|m| m.0),
            Some(MentionKind::Phone)
        );
        // Lower-casing changes these characters' byte lengths; positions must stay valid.
        for text in ["İİİ Zoë", "KKK ΩΩ zoë", "ẞ zoë İ"] {
            let (what, at) = mentions_in(text, &zoe).unwrap();
            assert_eq!(what, MentionKind::Name);
            assert!(excerpt(text, at).contains("oë"), "{text}");
        }
        assert!(mentions_in("nothing here", &zoe).is_none());
        // Too short a name is not searched for.
        assert!(mentions_in("Al is here", &ids("a@b.c", "Al", None)).is_none());
        let long = format!("{}zoe@example.org{}", "x".repeat(200), "y".repeat(200));
        let (_, at) = mentions_in(&long, &zoe).unwrap();
        let cut = excerpt(&long, at);
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("zoe@"));
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text around a name, in any case: the name is found, and the
        /// excerpt around it is cut at character boundaries (never a panic).
        #[test]
        fn a_name_in_any_text_is_found_and_excerpted(
            before in "\\PC{0,120}",
            after in "\\PC{0,120}",
            name in "[\\p{L}]{3,6}( [\\p{L}]{2,8})?",
            upper in any::<bool>(),
        ) {
            let person = ids("person@example.org", &name, None);
            let shown = if upper { name.to_uppercase() } else { name.clone() };
            let text = format!("{before} {shown} {after}");
            let found = mentions_in(&text, &person);
            // Case mapping can change a letter's length (ß → SS): then the
            // upper-case form is a different word, which need not match.
            if shown.to_lowercase() == name.to_lowercase() {
                prop_assert!(found.is_some(), "{:?} not found in {:?}", name, text);
            }
            if let Some((_, at)) = found {
                let cut = excerpt(&text, at);
                prop_assert!(cut.chars().count() <= 142);
            }
        }

        /// Random text and random identifiers: an answer or none, never a panic.
        #[test]
        fn any_text_and_identifiers_are_safe(
            text in "\\PC{0,300}",
            email in "\\PC{0,20}",
            name in "\\PC{0,20}",
            phone in proptest::option::of("[0-9 +()\\-]{0,20}"),
        ) {
            let person = ids(&email, &name, phone.as_deref());
            if let Some((_, at)) = mentions_in(&text, &person) {
                let _ = excerpt(&text, at);
            }
        }
    }
}
