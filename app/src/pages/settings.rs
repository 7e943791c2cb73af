use crate::{
    api::settings::{
        custom_fields, field_permissions, ArchiveCustomField, MoveCustomField, SaveCustomField,
        SetFieldPermission,
    },
    components::{action_error, ErrorNotice},
    fields::{Access, CustomFieldDef, CustomFieldInput, FieldScope, FieldType},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;

/// Admins define custom fields for contacts and tickets.
#[component]
pub fn CustomFieldsPage() -> impl IntoView {
    let tr = crate::i18n::use_tr();
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
                <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                    {move || Suspend::new(async move {
                        match resource.await {
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            Ok(defs) if defs.is_empty() => view! { <p class="empty">{tr.settings_fields_empty()}</p> }.into_any(),
                            Ok(defs) => view! { <FieldTable defs form reorder archive/> }.into_any(),
                        }
                    })}
                </Transition>
            }
        };
    view! {
        <SettingsLayout><section>
            <h1>{tr.settings_fields_title()}</h1>
            <p class="muted">{tr.settings_fields_intro()}</p>
            <form class="card narrow-left" on:submit=on_submit>
                <h2>{move || if editing() { tr.settings_field_edit_title() } else { tr.settings_field_add_title() }}</h2>
                {action_error(save.into())}
                {move || save.value().get().and_then(Result::ok).map(|d| view! { <p class="notice" role="status">{tr.settings_field_saved(d.label)}</p> })}
                <div class="field">
                    <label for="cf-scope">{tr.settings_field_scope()}</label>
                    <select id="cf-scope" disabled=editing prop:value=move || form.with(|f| f.scope.clone())
                        on:change=move |ev| form.update(|f| f.scope = event_target_value(&ev))>
                        <option value="contact">{tr.settings_scope_contact()}</option>
                        <option value="ticket">{tr.settings_scope_ticket()}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="cf-label">{tr.settings_field_label()}</label>
                    <input id="cf-label" type="text" maxlength="120" prop:value=move || form.with(|f| f.label.clone())
                        on:input=move |ev| form.update(|f| f.label = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="cf-help">{tr.settings_field_help()}</label>
                    <input id="cf-help" type="text" maxlength="500" prop:value=move || form.with(|f| f.help_text.clone())
                        on:input=move |ev| form.update(|f| f.help_text = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="cf-type">{tr.settings_field_type()}</label>
                    <select id="cf-type" disabled=editing prop:value=move || form.with(|f| f.field_type.clone())
                        on:change=move |ev| form.update(|f| f.field_type = event_target_value(&ev))>
                        {FieldType::ALL.into_iter().map(|t| view! { <option value=t.as_str()>{t.label(tr)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="cf-options">{tr.settings_field_options()}</label>
                    <textarea id="cf-options" rows="3" prop:value=move || form.with(|f| f.options.clone())
                        on:input=move |ev| form.update(|f| f.options = event_target_value(&ev))></textarea>
                </div>
                <div class="field checkbox">
                    <input id="cf-required" type="checkbox" prop:checked=move || form.with(|f| f.required)
                        on:change=move |ev| form.update(|f| f.required = event_target_checked(&ev))/>
                    <label for="cf-required">{tr.settings_field_required()}</label>
                </div>
                <div class="field checkbox">
                    <input id="cf-encrypted" type="checkbox" disabled=editing prop:checked=move || form.with(|f| f.encrypted)
                        aria-describedby="cf-encrypted-help"
                        on:change=move |ev| form.update(|f| f.encrypted = event_target_checked(&ev))/>
                    <label for="cf-encrypted">{tr.settings_field_encrypt()}</label>
                </div>
                <p id="cf-encrypted-help" class="hint">{tr.settings_field_encrypt_help()}</p>
                <button type="submit" disabled=move || save.pending().get()>{move || if editing() { tr.settings_field_save() } else { tr.settings_field_add() }}</button>
                {move || editing().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| form.set(CustomFieldInput { scope: "contact".into(), field_type: "text".into(), ..Default::default() })>{tr.cancel()}</button>
                })}
            </form>
            {action_error(reorder.into())}
            {action_error(archive.into())}
            {list(tr.settings_contact_fields(), contact)}
            {list(tr.settings_ticket_fields(), ticket)}
        </section></SettingsLayout>
    }
}

#[component]
fn FieldTable(
    defs: Vec<CustomFieldDef>,
    form: RwSignal<CustomFieldInput>,
    reorder: ServerAction<MoveCustomField>,
    archive: ServerAction<ArchiveCustomField>,
) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    view! {
        <table class="tickets fields-table">
            <thead><tr>
                <th scope="col">{tr.settings_field_label()}</th><th scope="col">{tr.settings_field_type()}</th><th scope="col">{tr.settings_field_required()}</th>
                <th scope="col">{tr.settings_col_protection()}</th><th scope="col">{tr.settings_col_state()}</th><th scope="col">{tr.settings_col_actions()}</th>
            </tr></thead>
            <tbody>
                {defs.into_iter().map(|d| {
                    let id = d.id;
                    let archived = d.archived;
                    let edit = d.clone();
                    view! {
                        <tr>
                            <td>{d.label.clone()}<br/><span class="muted">{d.key.clone()}</span></td>
                            <td>{d.field_type.label(tr)}{(!d.options.is_empty()).then(|| view! { <br/><span class="muted">{d.options.join(", ")}</span> })}</td>
                            <td>{if d.required { tr.settings_yes() } else { tr.settings_no() }}</td>
                            <td>{if d.encrypted { tr.settings_protection_encrypted() } else { tr.settings_protection_plain() }}</td>
                            <td>{if archived { tr.settings_state_archived() } else { tr.settings_state_active() }}</td>
                            <td class="actions-cell">
                                <button type="button" class="link-button" aria-label=tr.settings_move_up(&d.label) on:click=move |_| { reorder.dispatch(MoveCustomField { id, up: true }); }>"↑"</button>
                                <button type="button" class="link-button" aria-label=tr.settings_move_down(&d.label) on:click=move |_| { reorder.dispatch(MoveCustomField { id, up: false }); }>"↓"</button>
                                <button type="button" class="link-button" aria-label=tr.settings_edit_named(&d.label) on:click=move |_| form.set(CustomFieldInput {
                                    id: Some(edit.id),
                                    scope: edit.scope.as_str().into(),
                                    label: edit.label.clone(),
                                    help_text: edit.help_text.clone(),
                                    field_type: edit.field_type.as_str().into(),
                                    options: edit.options.join("\n"),
                                    required: edit.required,
                                    encrypted: edit.encrypted,
                                })>{tr.settings_edit()}</button>
                                <button type="button" class="link-button" aria-label=if archived { tr.settings_restore_named(&d.label) } else { tr.settings_archive_named(&d.label) }
                                    on:click=move |_| { archive.dispatch(ArchiveCustomField { id, archived: !archived }); }>
                                    {if archived { tr.settings_restore() } else { tr.settings_archive() }}
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
    let tr = crate::i18n::use_tr();
    let set = ServerAction::<SetFieldPermission>::new();
    let rows = Resource::new(move || set.version().get(), |_| field_permissions());
    view! {
        <SettingsLayout><section>
            <h1>{tr.settings_permissions_title()}</h1>
            <p class="muted">{tr.settings_permissions_intro()}</p>
            {action_error(set.into())}
            {move || set.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.settings_permission_saved()}</p> })}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(rows) => view! {
                            <table class="tickets">
                                <thead><tr>
                                    <th scope="col">{tr.settings_col_field()}</th>
                                    {rows.first().map(|row| row.access.iter().map(|(_, name, _, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view())}
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr>
                                            <td>{row.label.clone()}{(row.scope == FieldScope::Ticket).then(|| view! { <br/><span class="muted">{tr.settings_ticket_field()}</span> })}</td>
                                            {row.access.into_iter().map(|(role, name, current, max)| {
                                                let field = row.field.clone();
                                                let label = tr.settings_access_label(&name, &row.label);
                                                view! {
                                                    <td>
                                                        <select aria-label=label on:change=move |ev| {
                                                            set.dispatch(SetFieldPermission { role: role.to_form(), field: field.clone(), access: event_target_value(&ev) });
                                                        }>
                                                            {Access::ALL.into_iter().filter(|a| *a <= max).map(|a| view! {
                                                                <option value=a.as_str() selected=a == current>{a.label(tr)}</option>
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
        </section></SettingsLayout>
    }
}
