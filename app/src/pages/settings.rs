use crate::{
    api::settings::{
        custom_fields, field_permissions, ArchiveCustomField, MoveCustomField, SaveCustomField,
        SetFieldPermission,
    },
    components::{action_error, ErrorNotice},
    fields::{Access, CustomFieldDef, CustomFieldInput, FieldScope, FieldType},
};
use leptos::prelude::*;

/// Admins define custom fields for contacts and tickets.
#[component]
pub fn CustomFieldsPage() -> impl IntoView {
    let save = ServerAction::<SaveCustomField>::new();
    let reorder = ServerAction::<MoveCustomField>::new();
    let archive = ServerAction::<ArchiveCustomField>::new();
    let version = move || {
        (
            save.version().get(),
            reorder.version().get(),
            archive.version().get(),
        )
    };
    let contact = Resource::new(version, |_| custom_fields("contact".into()));
    let ticket = Resource::new(version, |_| custom_fields("ticket".into()));
    let form = RwSignal::new(CustomFieldInput {
        scope: "contact".into(),
        field_type: "text".into(),
        ..Default::default()
    });
    Effect::new(move || {
        if let Some(Ok(_)) = save.value().get() {
            form.set(CustomFieldInput {
                scope: "contact".into(),
                field_type: "text".into(),
                ..Default::default()
            });
        }
    });
    let editing = move || form.with(|f| f.id.is_some());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveCustomField {
            input: form.get_untracked(),
        });
    };
    let list =
        move |title: &'static str,
              resource: Resource<Result<Vec<CustomFieldDef>, crate::error::AppError>>| {
            view! {
                <h2>{title}</h2>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match resource.await {
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            Ok(defs) if defs.is_empty() => view! { <p class="empty">"No fields yet."</p> }.into_any(),
                            Ok(defs) => view! { <FieldTable defs form reorder archive/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        };
    view! {
        <section>
            <h1>"Custom fields"</h1>
            <p class="muted">
                "Fields you add appear on customers' profiles (contacts) or on the new-ticket form and the agent's ticket page (tickets), "
                "as each role's field permissions allow. Archiving hides a field but keeps every stored value."
            </p>
            <form class="card narrow-left" on:submit=on_submit>
                <h2>{move || if editing() { "Edit field" } else { "Add a field" }}</h2>
                {action_error(save.into())}
                {move || save.value().get().and_then(Result::ok).map(|d| view! { <p class="notice" role="status">"Saved “" {d.label} "”."</p> })}
                <div class="field">
                    <label for="cf-scope">"Applies to"</label>
                    <select id="cf-scope" disabled=editing prop:value=move || form.with(|f| f.scope.clone())
                        on:change=move |ev| form.update(|f| f.scope = event_target_value(&ev))>
                        <option value="contact">"Contacts (customer profile)"</option>
                        <option value="ticket">"Tickets"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="cf-label">"Label"</label>
                    <input id="cf-label" type="text" maxlength="120" prop:value=move || form.with(|f| f.label.clone())
                        on:input=move |ev| form.update(|f| f.label = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="cf-help">"Help text"</label>
                    <input id="cf-help" type="text" maxlength="500" prop:value=move || form.with(|f| f.help_text.clone())
                        on:input=move |ev| form.update(|f| f.help_text = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="cf-type">"Type"</label>
                    <select id="cf-type" disabled=editing prop:value=move || form.with(|f| f.field_type.clone())
                        on:change=move |ev| form.update(|f| f.field_type = event_target_value(&ev))>
                        {FieldType::ALL.into_iter().map(|t| view! { <option value=t.as_str()>{t.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="cf-options">"Choices (one per line, for choice fields)"</label>
                    <textarea id="cf-options" rows="3" prop:value=move || form.with(|f| f.options.clone())
                        on:input=move |ev| form.update(|f| f.options = event_target_value(&ev))></textarea>
                </div>
                <div class="field checkbox">
                    <input id="cf-required" type="checkbox" prop:checked=move || form.with(|f| f.required)
                        on:change=move |ev| form.update(|f| f.required = event_target_checked(&ev))/>
                    <label for="cf-required">"Required"</label>
                </div>
                <div class="field checkbox">
                    <input id="cf-encrypted" type="checkbox" disabled=editing prop:checked=move || form.with(|f| f.encrypted)
                        aria-describedby="cf-encrypted-help"
                        on:change=move |ev| form.update(|f| f.encrypted = event_target_checked(&ev))/>
                    <label for="cf-encrypted">"Encrypt this field"</label>
                </div>
                <p id="cf-encrypted-help" class="hint">
                    "Encrypted values are stored with AES-256-GCM under each customer's own key and are erased with them. "
                    "An encrypted field cannot be used for sorting or filtering. Type, scope and encryption cannot change after creation."
                </p>
                <button type="submit" disabled=move || save.pending().get()>{move || if editing() { "Save changes" } else { "Add field" }}</button>
                {move || editing().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| form.set(CustomFieldInput { scope: "contact".into(), field_type: "text".into(), ..Default::default() })>"Cancel"</button>
                })}
            </form>
            {action_error(reorder.into())}
            {action_error(archive.into())}
            {list("Contact fields", contact)}
            {list("Ticket fields", ticket)}
        </section>
    }
}

#[component]
fn FieldTable(
    defs: Vec<CustomFieldDef>,
    form: RwSignal<CustomFieldInput>,
    reorder: ServerAction<MoveCustomField>,
    archive: ServerAction<ArchiveCustomField>,
) -> impl IntoView {
    view! {
        <table class="tickets fields-table">
            <thead><tr>
                <th scope="col">"Label"</th><th scope="col">"Type"</th><th scope="col">"Required"</th>
                <th scope="col">"Protection"</th><th scope="col">"State"</th><th scope="col">"Actions"</th>
            </tr></thead>
            <tbody>
                {defs.into_iter().map(|d| {
                    let id = d.id;
                    let archived = d.archived;
                    let edit = d.clone();
                    view! {
                        <tr>
                            <td>{d.label.clone()}<br/><span class="muted">{d.key.clone()}</span></td>
                            <td>{d.field_type.label()}{(!d.options.is_empty()).then(|| view! { <br/><span class="muted">{d.options.join(", ")}</span> })}</td>
                            <td>{if d.required { "Yes" } else { "No" }}</td>
                            <td>{if d.encrypted { "Encrypted — not sortable or filterable" } else { "Plain — sortable and filterable" }}</td>
                            <td>{if archived { "Archived" } else { "Active" }}</td>
                            <td class="actions-cell">
                                <button type="button" class="link-button" aria-label=format!("Move {} up", d.label) on:click=move |_| { reorder.dispatch(MoveCustomField { id, up: true }); }>"↑"</button>
                                <button type="button" class="link-button" aria-label=format!("Move {} down", d.label) on:click=move |_| { reorder.dispatch(MoveCustomField { id, up: false }); }>"↓"</button>
                                <button type="button" class="link-button" aria-label=format!("Edit {}", d.label) on:click=move |_| form.set(CustomFieldInput {
                                    id: Some(edit.id),
                                    scope: edit.scope.as_str().into(),
                                    label: edit.label.clone(),
                                    help_text: edit.help_text.clone(),
                                    field_type: edit.field_type.as_str().into(),
                                    options: edit.options.join("\n"),
                                    required: edit.required,
                                    encrypted: edit.encrypted,
                                })>"Edit"</button>
                                <button type="button" class="link-button" aria-label=format!("{} {}", if archived { "Restore" } else { "Archive" }, d.label)
                                    on:click=move |_| { archive.dispatch(ArchiveCustomField { id, archived: !archived }); }>
                                    {if archived { "Restore" } else { "Archive" }}
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Admins set, per role, whether each field is hidden, read-only or editable.
#[component]
pub fn PermissionsPage() -> impl IntoView {
    let set = ServerAction::<SetFieldPermission>::new();
    let rows = Resource::new(move || set.version().get(), |_| field_permissions());
    view! {
        <section>
            <h1>"Field permissions"</h1>
            <p class="muted">
                "For every field and role: hidden (never sent to that role), read, or edit. The server enforces this, "
                "not just the page. The email address is never editable here; staff never edit customers' contact fields."
            </p>
            {action_error(set.into())}
            {move || set.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">"Permission saved."</p> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(rows) => view! {
                            <table class="tickets">
                                <thead><tr>
                                    <th scope="col">"Field"</th><th scope="col">"Customer"</th><th scope="col">"Agent"</th><th scope="col">"Admin"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr>
                                            <td>{row.label.clone()}{(row.scope == FieldScope::Ticket).then(|| view! { <br/><span class="muted">"ticket field"</span> })}</td>
                                            {row.access.into_iter().map(|(role, current, max)| {
                                                let field = row.field.clone();
                                                let label = format!("{} access to {}", role.label(), row.label);
                                                view! {
                                                    <td>
                                                        <select aria-label=label on:change=move |ev| {
                                                            set.dispatch(SetFieldPermission { role: role.as_str().into(), field: field.clone(), access: event_target_value(&ev) });
                                                        }>
                                                            {Access::ALL.into_iter().filter(|a| *a <= max).map(|a| view! {
                                                                <option value=a.as_str() selected=a == current>{a.label()}</option>
                                                            }).collect_view()}
                                                        </select>
                                                    </td>
                                                }
                                            }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
