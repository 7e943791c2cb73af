//! Any values typed into any kind of field (standard or custom): accepted
//! and stable, or refused on that field — never a panic.
#![no_main]
use app::{
    error::AppError,
    fields::{check_value, FieldType, FieldView},
    i18n::{Lang, Tr},
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, u8, Vec<String>)| {
    let (kind, key, values) = input;
    let key = ["custom:x", "name", "phone", "twitter"][usize::from(key % 4)];
    let field = FieldView {
        key: key.into(),
        label: "Thing".into(),
        help_text: String::new(),
        field_type: FieldType::ALL[usize::from(kind) % FieldType::ALL.len()],
        options: vec![("a".into(), "A".into()), ("b".into(), "B".into())],
        required: kind % 2 == 0,
        encrypted: false,
        editable: true,
        values: vec![],
    };
    match check_value(&field, &values, Tr(Lang::En)) {
        Ok(stored) => assert_eq!(check_value(&field, &stored, Tr(Lang::En)).unwrap(), stored),
        Err(AppError::Validation { field, .. }) => assert_eq!(field, key),
        Err(other) => panic!("not a field error: {other:?}"),
    }
});
