use crate::{
    api::admin::{
        list_users, staff_two_factor_required, CreateUser, SendPasswordReset, SetAccountEnabled,
        SetStaffTwoFactorRequired,
    },
    components::{action_error, successes, ErrorNotice, Pager},
    model::{format_time, limits, Role},
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
    let users = Resource::new(
        move || (page(), create.version().get(), enabled_changes.get()),
        |(p, _, _)| list_users(p),
    );
    view! {
        <section>
            <h1>"Team and accounts"</h1>
            <div class="card narrow-left">
                <h2>"Add a person"</h2>
                <p class="muted">"Agents answer tickets; admins also manage accounts. The initial password works once: at their first sign-in they choose their own, which nobody else ever sees."</p>
                {action_error(create.into())}
                {move || create.value().get().and_then(Result::ok).map(|u| view! {
                    <p class="notice" role="status">"Created " {u.name} " (" {u.role.label()} ")."</p>
                })}
                <ActionForm action=create>
                    <div class="field">
                        <label for="new-name">"Name"</label>
                        <input id="new-name" name="name" type="text" maxlength=limits::NAME_MAX required/>
                    </div>
                    <div class="field">
                        <label for="new-email">"Email"</label>
                        <input id="new-email" name="email" type="email" maxlength=limits::EMAIL_MAX required/>
                    </div>
                    <div class="field">
                        <label for="new-password">"Initial password"</label>
                        <input id="new-password" name="password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN required/>
                    </div>
                    <div class="field">
                        <label for="new-role">"Role"</label>
                        <select id="new-role" name="role">
                            <option value=Role::Agent.as_str() selected>"Agent"</option>
                            <option value=Role::Admin.as_str()>"Admin"</option>
                            <option value=Role::Customer.as_str()>"Customer"</option>
                        </select>
                    </div>
                    <button type="submit" disabled=move || create.pending().get()>"Create account"</button>
                </ActionForm>
            </div>
            <div class="card narrow-left">
                <h2>"Two-factor sign-in for staff"</h2>
                {action_error(require.into())}
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match required.await {
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            Ok(on) => view! {
                                <p>{if on {
                                    "Required: agents and admins set up an authenticator app at their next sign-in before they can do anything else."
                                } else {
                                    "Not required: agents and admins may turn it on for themselves."
                                }}</p>
                                <button type="button" class="secondary"
                                    on:click=move |_| { require.dispatch(SetStaffTwoFactorRequired { required: !on }); }>
                                    {if on { "Stop requiring it" } else { "Require it for staff" }}
                                </button>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </div>
            {action_error(enable.into())}
            {action_error(reset.into())}
            {move || reset.value().get().and_then(Result::ok).map(|_| view! {
                <p class="notice" role="status">"Reset link sent. It works for 30 minutes."</p>
            })}
            <Transition fallback=|| view! { <p class="muted">"Loading accounts…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) => view! {
                            <table class="tickets">
                                <thead><tr>
                                    <th scope="col">"Name"</th><th scope="col">"Email"</th>
                                    <th scope="col">"Role"</th><th scope="col">"Status"</th><th scope="col">"Created"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr></thead>
                                <tbody>
                                    {paged.items.into_iter().map(|u| {
                                        let id = u.id;
                                        let status = if u.email.is_empty() {
                                            "Erased"
                                        } else if u.disabled {
                                            "Disabled"
                                        } else if u.must_change_password {
                                            "Not signed in yet"
                                        } else {
                                            "Active"
                                        };
                                        view! {
                                        <tr>
                                            <td>{u.name.clone()}</td><td>{u.email.clone()}</td><td>{u.role.label()}</td><td>{status}</td><td>{format_time(&u.created_at)}</td>
                                            <td class="row-actions">
                                                {(u.role == crate::model::Role::Customer && !u.email.is_empty()).then(|| view! {
                                                    <a href=format!("/customers/{}/erase", u.id)>"Erase…"</a>
                                                })}
                                                {u.role.is_staff().then(|| {
                                                    let enabled = !u.disabled;
                                                    view! {
                                                        <button type="button" class="secondary small"
                                                            on:click=move |_| { enable.dispatch(SetAccountEnabled { id, enabled: !enabled }); }>
                                                            {if enabled { "Disable" } else { "Enable" }}
                                                        </button>
                                                        {enabled.then(|| view! {
                                                            <button type="button" class="secondary small"
                                                                on:click=move |_| { reset.dispatch(SendPasswordReset { id }); }>"Send reset link"</button>
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
        </section>
    }
}
