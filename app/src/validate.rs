//! Input rules, shared so the forms can hint and the server can enforce.
//! The server always re-checks: a page's hints protect nobody.
use crate::{error::AppError, model::limits};

fn required(field: &str, label: &str, value: &str, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::field(field, format!("{label} is required.")));
    }
    if value.chars().count() > max {
        return Err(AppError::field(
            field,
            format!("{label} must be at most {max} characters."),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(AppError::field(
            field,
            format!("{label} contains characters that are not allowed."),
        ));
    }
    Ok(value.to_owned())
}

/// A person's display name.
pub fn name(value: &str) -> Result<String, AppError> {
    let value = required("name", "Name", value, limits::NAME_MAX)?;
    if value.contains('\n') {
        return Err(AppError::field("name", "Name must be on one line."));
    }
    Ok(value)
}

/// An email address, lower-cased: it is the login identifier.
pub fn email(value: &str) -> Result<String, AppError> {
    let value = required("email", "Email", value, limits::EMAIL_MAX)?.to_lowercase();
    let invalid = || AppError::field("email", "Enter an email address like name@example.com.");
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
pub fn phone(value: &str) -> Result<Option<String>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || !(5..=20).contains(&digits) || value.len() > 30 {
        return Err(AppError::field(
            "phone",
            "Enter a phone number with 5 to 20 digits, like +44 20 7946 0958.",
        ));
    }
    Ok(Some(value.to_owned()))
}

/// An optional Twitter/X handle, stored as `@handle`.
pub fn twitter(value: &str) -> Result<Option<String>, AppError> {
    let handle = value.trim().trim_start_matches('@');
    if handle.is_empty() {
        return Ok(None);
    }
    if handle.len() > 15
        || !handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(AppError::field(
            "twitter",
            "A Twitter/X handle has up to 15 letters, digits or underscores, like @custodian_help.",
        ));
    }
    Ok(Some(format!("@{handle}")))
}

/// A new password (existing ones are only compared, never re-validated).
pub fn new_password(value: &str) -> Result<String, AppError> {
    let count = value.chars().count();
    if count < limits::PASSWORD_MIN {
        return Err(AppError::field(
            "password",
            format!(
                "Password must be at least {} characters.",
                limits::PASSWORD_MIN
            ),
        ));
    }
    if count > limits::PASSWORD_MAX {
        return Err(AppError::field(
            "password",
            format!(
                "Password must be at most {} characters.",
                limits::PASSWORD_MAX
            ),
        ));
    }
    Ok(value.to_owned())
}

/// A ticket's subject line.
pub fn subject(value: &str) -> Result<String, AppError> {
    let value = required("subject", "Subject", value, limits::SUBJECT_MAX)?;
    if value.contains('\n') {
        return Err(AppError::field("subject", "Subject must be on one line."));
    }
    Ok(value)
}

/// The text of a message or internal note.
pub fn message_body(value: &str) -> Result<String, AppError> {
    required("body", "Message", value, limits::MESSAGE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(email("  Ada@Example.ORG ").unwrap(), "ada@example.org");
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
                email(bad).unwrap_err().field_name(),
                Some("email"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn phones_are_optional_but_checked() {
        assert_eq!(phone("  ").unwrap(), None);
        assert_eq!(
            phone("+44 20 7946 0958").unwrap().as_deref(),
            Some("+44 20 7946 0958")
        );
        assert!(phone("call me").is_err());
        assert!(phone("123").is_err());
    }

    #[test]
    fn passwords_need_eight_characters() {
        assert!(new_password("1234567").is_err());
        assert!(new_password("12345678").is_ok());
        assert!(new_password(&"x".repeat(2000)).is_err());
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded() {
        assert_eq!(subject("  Printer on fire ").unwrap(), "Printer on fire");
        assert!(subject("   ").is_err());
        assert!(subject("two\nlines").is_err());
        assert!(subject(&"s".repeat(201)).is_err());
        assert!(message_body("line one\nline two").is_ok());
        assert!(name("Bell\u{7}").is_err());
    }
}
