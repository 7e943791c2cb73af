//! Input rules, shared so the forms can hint and the server can enforce.
//! The server always re-checks: a page's hints protect nobody.
//! Messages are told in the language of the `Tr` given.
use crate::{error::AppError, i18n::Tr, model::limits};

fn required(field: &str, label: &str, value: &str, max: usize, tr: Tr) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::field(field, tr.fields_required(label)));
    }
    if value.chars().count() > max {
        return Err(AppError::field(field, tr.fields_too_long(label, max)));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(AppError::field(field, tr.fields_bad_characters(label)));
    }
    Ok(value.to_owned())
}

/// A person's display name.
pub fn name(value: &str, tr: Tr) -> Result<String, AppError> {
    let label = tr.fields_label_name();
    let value = required("name", label, value, limits::NAME_MAX, tr)?;
    if value.contains('\n') {
        return Err(AppError::field("name", tr.fields_one_line(label)));
    }
    Ok(value)
}

/// An email address, lower-cased: it is the login identifier.
pub fn email(value: &str, tr: Tr) -> Result<String, AppError> {
    let value = required(
        "email",
        tr.fields_label_email(),
        value,
        limits::EMAIL_MAX,
        tr,
    )?
    .to_lowercase();
    let invalid = || AppError::field("email", tr.fields_email_invalid());
    let (local, domain) = value.split_once('@').ok_or_else(invalid)?;
    let well_formed = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !value.chars().any(char::is_whitespace);
    if well_formed {
        Ok(value)
    } else {
        Err(invalid())
    }
}

/// An optional phone number: digits with the usual separators, or empty for none.
pub fn phone(value: &str, tr: Tr) -> Result<Option<String>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || !(5..=20).contains(&digits) || value.len() > 30 {
        return Err(AppError::field("phone", tr.fields_phone_invalid()));
    }
    Ok(Some(value.to_owned()))
}

/// An optional Twitter/X handle, stored as `@handle`.
pub fn twitter(value: &str, tr: Tr) -> Result<Option<String>, AppError> {
    let handle = value.trim().trim_start_matches('@');
    if handle.is_empty() {
        return Ok(None);
    }
    if handle.len() > 15
        || !handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(AppError::field("twitter", tr.fields_twitter_invalid()));
    }
    Ok(Some(format!("@{handle}")))
}

/// A new password (existing ones are only compared, never re-validated).
pub fn new_password(value: &str, tr: Tr) -> Result<String, AppError> {
    let count = value.chars().count();
    if count < limits::PASSWORD_MIN {
        return Err(AppError::field(
            "password",
            tr.fields_password_too_short(limits::PASSWORD_MIN),
        ));
    }
    if count > limits::PASSWORD_MAX {
        return Err(AppError::field(
            "password",
            tr.fields_password_too_long(limits::PASSWORD_MAX),
        ));
    }
    Ok(value.to_owned())
}

/// A ticket's subject line.
pub fn subject(value: &str, tr: Tr) -> Result<String, AppError> {
    let label = tr.fields_label_subject();
    let value = required("subject", label, value, limits::SUBJECT_MAX, tr)?;
    if value.contains('\n') {
        return Err(AppError::field("subject", tr.fields_one_line(label)));
    }
    Ok(value)
}

/// The text of a message or internal note.
pub fn message_body(value: &str, tr: Tr) -> Result<String, AppError> {
    required(
        "body",
        tr.fields_label_message(),
        value,
        limits::MESSAGE_MAX,
        tr,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Tr = Tr(crate::i18n::Lang::En);

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(email("  Ada@Example.ORG ", EN).unwrap(), "ada@example.org");
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a da@example.org",
            "a@b@c.org",
            "ada@.org",
        ] {
            assert_eq!(
                email(bad, EN).unwrap_err().field_name(),
                Some("email"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn phones_are_optional_but_checked() {
        assert_eq!(phone("  ", EN).unwrap(), None);
        assert_eq!(
            phone("+44 20 7946 0958", EN).unwrap().as_deref(),
            Some("+44 20 7946 0958")
        );
        assert!(phone("call me", EN).is_err());
        assert!(phone("123", EN).is_err());
    }

    #[test]
    fn passwords_need_eight_characters() {
        assert!(new_password("1234567", EN).is_err());
        assert!(new_password("12345678", EN).is_ok());
        assert!(new_password(&"x".repeat(2000), EN).is_err());
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded() {
        assert_eq!(
            subject("  Printer on fire ", EN).unwrap(),
            "Printer on fire"
        );
        assert!(subject("   ", EN).is_err());
        assert!(subject("two\nlines", EN).is_err());
        assert!(subject(&"s".repeat(201), EN).is_err());
        assert!(message_body("line one\nline two", EN).is_ok());
        assert!(name("Bell\u{7}", EN).is_err());
    }
}
