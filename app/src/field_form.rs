//! Form controls for profile and custom fields, driven by `FieldView`s.
use crate::{
    error::AppError,
    fields::{display_value, FieldInput, FieldType, FieldView},
};
use leptos::prelude::*;

/// A field with the signal holding its value while it is edited.
#[derive(Clone)]
pub struct EditableField {
    pub field: FieldView,
    pub value: RwSignal<Vec<String>>,
}

/// Wraps fields with value signals.
pub fn editable(fields: Vec<FieldView>) -> Vec<EditableField> {
    fields
        .into_iter()
        .map(|field| EditableField {
            value: RwSignal::new(field.values.clone()),
            field,
        })
        .collect()
}

/// The values to submit: every editable field.
pub fn inputs(fields: &[EditableField]) -> Vec<FieldInput> {
    fields
        .iter()
        .filter(|f| f.field.editable)
        .map(|f| FieldInput {
            key: f.field.key.clone(),
            values: f.value.get_untracked(),
        })
        .collect()
}

fn dom_id(key: &str) -> String {
    format!("field-{}", key.replace(':', "-"))
}

/// One labelled control; read-only fields render as read-only text boxes so
/// they keep their label for people and for tests.
#[component]
pub fn FieldControl(
    item: EditableField,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let EditableField { field, value } = item;
    let id = dom_id(&field.key);
    let key = field.key.clone();
    let message = move || error.get().and_then(|e| e.message_for(&key));
    let help_id = format!("{id}-help");
    let label = if field.required && field.editable {
        tr.fields_required_label(&field.label)
    } else {
        field.label.clone()
    };
    let hint = {
        let mut parts = Vec::new();
        if !field.help_text.is_empty() {
            parts.push(field.help_text.clone());
        }
        if field.encrypted && field.key.starts_with("custom:") {
            parts.push(tr.fields_hint_encrypted().to_owned());
        }
        if !field.editable {
            parts.push(tr.fields_hint_read_only().to_owned());
        }
        parts.join(" ")
    };
    let first = move || value.get().first().cloned().unwrap_or_default();
    let set_one = move |v: String| value.set(if v.is_empty() { vec![] } else { vec![v] });
    let control = if !field.editable {
        view! { <input id=id.clone() type="text" readonly aria-readonly="true" aria-describedby=help_id.clone() value=display_value(&field, tr)/> }.into_any()
    } else {
        match field.field_type {
            FieldType::Text | FieldType::Number | FieldType::Date => {
                let kind = match field.field_type {
                    FieldType::Number => "number",
                    FieldType::Date => "date",
                    _ => "text",
                };
                view! {
                    <input id=id.clone() type=kind step="any" aria-describedby=help_id.clone()
                        prop:value=first on:input=move |ev| set_one(event_target_value(&ev))/>
                }
                .into_any()
            }
            FieldType::LongText => view! {
                <textarea id=id.clone() rows="4" aria-describedby=help_id.clone()
                    prop:value=first on:input=move |ev| set_one(event_target_value(&ev))></textarea>
            }
            .into_any(),
            FieldType::SingleChoice => {
                let options = field.options.clone();
                view! {
                    <select id=id.clone() aria-describedby=help_id.clone() on:change=move |ev| set_one(event_target_value(&ev))>
                        <option value="" selected=move || value.get().is_empty()>"—"</option>
                        {options.into_iter().map(|(v, l)| {
                            let selected = v.clone();
                            view! { <option value=v selected=move || value.get().first() == Some(&selected)>{l}</option> }
                        }).collect_view()}
                    </select>
                }
                .into_any()
            }
            FieldType::MultipleChoice => {
                let options = field.options.clone();
                return view! {
                    <fieldset class="field choices">
                        <legend>{label}</legend>
                        {options.into_iter().enumerate().map(|(i, (v, l))| {
                            let option_id = format!("{id}-{i}");
                            let (v1, v2) = (v.clone(), v.clone());
                            view! {
                                <span class="choice">
                                    <input id=option_id.clone() type="checkbox"
                                        prop:checked=move || value.get().contains(&v1)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            value.update(|vals| {
                                                vals.retain(|x| x != &v2);
                                                if on { vals.push(v2.clone()); }
                                            });
                                        }/>
                                    <label for=option_id>{l}</label>
                                </span>
                            }
                        }).collect_view()}
                        <p id=help_id class="hint">{hint}</p>
                        {move || message().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    </fieldset>
                }
                .into_any();
            }
            FieldType::Checkbox => {
                return view! {
                    <div class="field checkbox">
                        <input id=id.clone() type="checkbox" aria-describedby=help_id.clone()
                            prop:checked=move || !value.get().is_empty()
                            on:change=move |ev| value.set(if event_target_checked(&ev) { vec!["true".into()] } else { vec![] })/>
                        <label for=id>{label}</label>
                        <p id=help_id class="hint">{hint}</p>
                        {move || message().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    </div>
                }
                .into_any();
            }
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <p id=help_id class="hint">{hint}</p>
            {move || message().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
    .into_any()
}
