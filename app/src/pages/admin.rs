use crate::{
    api::admin::{
        list_users, staff_two_factor_required, CreateUser, SendPasswordReset, SetAccountEnabled,
        SetStaffTwoFactorRequired,
    },
    api::teams::{list_roles, SetStaffRole},
    components::{action_error, successes, ErrorNotice, Pager},
    model::{limits, Role, RoleRef},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Admins list every account and create agents and admins.
#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    };
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    let create = ServerAction::<CreateUser>::new();
    let enable = ServerAction::<SetAccountEnabled>::new();
    let reset = ServerAction::<SendPasswordReset>::new();
    let enabled_changes = successes(enable.into());
    let require = ServerAction::<SetStaffTwoFactorRequired>::new();
    let require_changes = successes(require.into());
    let required = Resource::new(
        move || require_changes.get(),
        |_| staff_two_factor_required(),
    );
    let set_role = ServerAction::<SetStaffRole>::new();
    let role_changes = successes(set_role.into());
    let users = Resource::new(
        move || {
            (
                page(),
                create.version().get(),
                enabled_changes.get(),
                role_changes.get(),
            )
        },
        |(p, ..)| list_users(p),
    );
    let roles = Resource::new(|| (), |_| list_roles());
    view! {
        <SettingsLayout><section>
            <h1>{tr.admin_title()}</h1>
            <div class="card narrow-left">
                <h2>{tr.admin_add_title()}</h2>
                <p class="muted">{tr.admin_add_intro()}</p>
                {action_error(create.into())}
                {move || create.value().get().and_then(Result::ok).map(|u| view! {
                    <p class="notice" role="status">{tr.admin_created(u.name, u.role.label(tr))}</p>
                })}
                <ActionForm action=create>
                    <div class="field">
                        <label for="new-name">{tr.admin_name()}</label>
                        <input id="new-name" name="name" type="text" maxlength=limits::NAME_MAX required/>
                    </div>
                    <div class="field">
                        <label for="new-email">{tr.admin_email()}</label>
                        <input id="new-email" name="email" type="email" maxlength=limits::EMAIL_MAX required/>
                    </div>
                    <div class="field">
                        <label for="new-password">{tr.admin_initial_password()}</label>
                        <input id="new-password" name="password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN required/>
                    </div>
                    <div class="field">
                        <label for="new-role">{tr.admin_role()}</label>
                        <select id="new-role" name="role">
                            <option value=Role::Agent.as_str() selected>{Role::Agent.label(tr)}</option>
                            <option value=Role::Admin.as_str()>{Role::Admin.label(tr)}</option>
                            <option value=Role::Customer.as_str()>{Role::Customer.label(tr)}</option>
                        </select>
                    </div>
                    <button type="submit" disabled=move || create.pending().get()>{tr.create_account()}</button>
                </ActionForm>
            </div>
            <div class="card narrow-left">
                <h2>{tr.admin_two_factor_title()}</h2>
                {action_error(require.into())}
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match required.await {
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            Ok(on) => view! {
                                <p>{if on {
                                    tr.admin_two_factor_required()
                                } else {
                                    tr.admin_two_factor_optional()
                                }}</p>
                                <button type="button" class="secondary"
                                    on:click=move |_| { require.dispatch(SetStaffTwoFactorRequired { required: !on }); }>
                                    {if on { tr.admin_two_factor_stop() } else { tr.admin_two_factor_require() }}
                                </button>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </div>
            {action_error(enable.into())}
            {action_error(reset.into())}
            {action_error(set_role.into())}
            {move || reset.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice" role="status">{tr.admin_reset_sent()}</p>
            })}
            {move || set_role.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice" role="status">{tr.admin_role_saved()}</p>
            })}
            <Transition fallback=move || view! { <p class="muted">{tr.admin_loading_accounts()}</p> }>
                {move || Suspend::new(async move {
                    let roles = roles.await.unwrap_or_default();
                    match users.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) => view! {
                            <table class="tickets">
                                <thead><tr>
                                    <th scope="col">{tr.admin_name()}</th><th scope="col">{tr.admin_email()}</th>
                                    <th scope="col">{tr.admin_role()}</th><th scope="col">{tr.admin_status()}</th><th scope="col">{tr.admin_created_at()}</th><th scope="col"><span class="visually-hidden">{tr.admin_actions()}</span></th>
                                </tr></thead>
                                <tbody>
                                    {paged.items.into_iter().map(|u| {
                                        let id = u.id;
                                        let status = if u.email.is_empty() {
                                            tr.admin_status_erased()
                                        } else if u.disabled {
                                            tr.admin_status_disabled()
                                        } else if u.must_change_password {
                                            tr.admin_status_not_signed_in()
                                        } else {
                                            tr.admin_status_active()
                                        };
                                        view! {
                                        <tr>
                                            <td>{u.name.clone()}</td><td>{u.email.clone()}</td>
                                            <td>{if u.role.is_staff() && !u.email.is_empty() {
                                                let current = RoleRef::of(u.role, u.role_id).to_form();
                                                let label = tr.admin_role_of(&u.name);
                                                view! {
                                                    <select aria-label=label on:change=move |ev| { set_role.dispatch(SetStaffRole { user: id, role: event_target_value(&ev) }); }>
                                                        {roles.iter().map(|r| {
                                                            let value = match (r.id, r.built_in) {
                                                                (Some(id), _) => RoleRef::Custom(id).to_form(),
                                                                (None, Some(role)) => role.as_str().to_owned(),
                                                                (None, None) => String::new(),
                                                            };
                                                            view! { <option value=value.clone() selected=value == current>{r.name.clone()}</option> }
                                                        }).collect_view()}
                                                    </select>
                                                }.into_any()
                                            } else {
                                                u.role.label(tr).into_any()
                                            }}</td>
                                            <td>{status}</td><td>{locale.time(&u.created_at)}</td>
                                            <td class="row-actions">
                                                {(u.role == crate::model::Role::Customer && !u.email.is_empty()).then(|| view! {
                                                    <a href=format!("/customers/{}/erase", u.id)>{tr.admin_erase()}</a>
                                                })}
                                                {u.role.is_staff().then(|| {
                                                    let enabled = !u.disabled;
                                                    view! {
                                                        <button type="button" class="secondary small"
                                                            on:click=move |_| { enable.dispatch(SetAccountEnabled { id, enabled: !enabled }); }>
                                                            {if enabled { tr.admin_disable() } else { tr.admin_enable() }}
                                                        </button>
                                                        {enabled.then(|| view! {
                                                            <button type="button" class="secondary small"
                                                                on:click=move |_| { reset.dispatch(SendPasswordReset { id }); }>{tr.admin_send_reset()}</button>
                                                        })}
                                                    }
                                                })}
                                            </td>
                                        </tr>
                                    }}).collect_view()}
                                </tbody>
                            </table>
                            <Pager page=paged.page total_pages=paged.total_pages more=paged.more
                                link=std::sync::Arc::new(|p| format!("/admin/users?page={p}"))/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
