//! Settings pages for staff roles (permission sets with a sharing rule) and
//! teams (members, the default team). The server decides; these pages show
//! its answers and send the admin's choices.
use crate::{
    api::teams::{
        list_roles, list_staff, list_teams, DeleteRole, DeleteTeam, SaveRole, SaveTeam,
        SetDefaultTeam, SetTeamMember,
    },
    components::{action_error, successes, ErrorNotice},
    model::{Permission, RoleView, Sharing},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;

/// Admins define roles: a name, what it may do, which tickets it sees.
#[component]
pub fn RolesPage() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let save = ServerAction::<SaveRole>::new();
    let delete = ServerAction::<DeleteRole>::new();
    let saved = successes(save.into());
    let deleted = successes(delete.into());
    let roles = Resource::new(move || (saved.get(), deleted.get()), |_| list_roles());
    // The form: a new role, or the custom role being edited.
    let editing = RwSignal::new(None::<uuid::Uuid>);
    let name = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<Permission>::new());
    let sharing = RwSignal::new(Sharing::Teams);
    let edit = move |role: &RoleView| {
        editing.set(role.id);
        name.set(role.name.clone());
        chosen.set(role.permissions.iter().collect());
        sharing.set(role.sharing);
    };
    Effect::new(move || {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
            name.set(String::new());
            chosen.set(Vec::new());
            sharing.set(Sharing::Teams);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SaveRole {
            id: editing.get_untracked(),
            name: name.get_untracked(),
            permissions: chosen
                .get_untracked()
                .iter()
                .map(|p| p.as_str().to_owned())
                .collect(),
            sharing: sharing.get_untracked().as_str().to_owned(),
        });
    };
    view! {
        <SettingsLayout><section>
            <h1>{tr.roles_title()}</h1>
            <p class="muted">{tr.roles_intro()}</p>
            {action_error(delete.into())}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match roles.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) => view! {
                            <table class="tickets roles">
                                <thead><tr>
                                    <th scope="col">{tr.roles_name()}</th>
                                    <th scope="col">{tr.roles_sees()}</th>
                                    <th scope="col">{tr.roles_may()}</th>
                                    <th scope="col">{tr.roles_people()}</th>
                                    <th scope="col"><span class="visually-hidden">{tr.admin_actions()}</span></th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|role| {
                                        let may = role.permissions.iter().map(|p| p.label(tr)).collect::<Vec<_>>().join(", ");
                                        let for_edit = role.clone();
                                        view! {
                                            <tr>
                                                <td>{role.name.clone()}{role.built_in.is_some().then(|| view! { <br/><span class="muted">{tr.roles_built_in()}</span> })}</td>
                                                <td>{role.sharing.label(tr)}</td>
                                                <td>{may}</td>
                                                <td>{role.members}</td>
                                                <td class="row-actions">
                                                    {role.id.map(|id| view! {
                                                        <button type="button" class="secondary small" on:click=move |_| edit(&for_edit)>{tr.roles_edit()}</button>
                                                        <button type="button" class="secondary small" on:click=move |_| { delete.dispatch(DeleteRole { id }); }>{tr.roles_delete()}</button>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <div class="card narrow-left">
                <h2>{move || if editing.get().is_some() { tr.roles_edit_title() } else { tr.roles_new_title() }}</h2>
                {action_error(save.into())}
                {move || save.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.roles_saved()}</p> })}
                <form on:submit=on_submit>
                    <div class="field">
                        <label for="role-name">{tr.roles_name()}</label>
                        <input id="role-name" type="text" maxlength="60" required
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <fieldset class="field">
                        <legend>{tr.roles_may()}</legend>
                        {Permission::ALL.into_iter().map(|p| view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&p))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| { c.retain(|x| *x != p); if on { c.push(p); } });
                                    }/>
                                " " {p.label(tr)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="field">
                        <legend>{tr.roles_sees()}</legend>
                        {Sharing::ALL.into_iter().map(|s| view! {
                            <label class="check">
                                <input type="radio" name="sharing" prop:checked=move || sharing.get() == s
                                    on:change=move |_| sharing.set(s)/>
                                " " {s.label(tr)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <button type="submit" disabled=move || save.pending().get()>{tr.roles_save()}</button>
                    {move || editing.get().is_some().then(|| view! {
                        " " <button type="button" class="secondary" on:click=move |_| {
                            editing.set(None); name.set(String::new()); chosen.set(Vec::new()); sharing.set(Sharing::Teams);
                        }>{tr.roles_cancel()}</button>
                    })}
                </form>
            </div>
        </section></SettingsLayout>
    }
}

/// Admins make teams, put staff in them, and pick where new tickets go.
#[component]
pub fn TeamsPage() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let save = ServerAction::<SaveTeam>::new();
    let delete = ServerAction::<DeleteTeam>::new();
    let member = ServerAction::<SetTeamMember>::new();
    let default = ServerAction::<SetDefaultTeam>::new();
    let changes = (
        successes(save.into()),
        successes(delete.into()),
        successes(member.into()),
        successes(default.into()),
    );
    let teams = Resource::new(
        move || {
            (
                changes.0.get(),
                changes.1.get(),
                changes.2.get(),
                changes.3.get(),
            )
        },
        |_| list_teams(),
    );
    let staff = Resource::new(|| (), |_| list_staff());
    let new_name = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(Ok(_)) = save.value().get() {
            new_name.set(String::new());
        }
    });
    view! {
        <SettingsLayout><section>
            <h1>{tr.teams_title()}</h1>
            <p class="muted">{tr.teams_intro()}</p>
            {action_error(save.into())}
            {action_error(delete.into())}
            {action_error(member.into())}
            {action_error(default.into())}
            <form class="filters" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save.dispatch(SaveTeam { id: None, name: new_name.get_untracked() });
            }>
                <label for="team-name">{tr.teams_new_name()}</label>
                <input id="team-name" type="text" maxlength="60" required
                    prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit" disabled=move || save.pending().get()>{tr.teams_create()}</button>
            </form>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    let (teams, staff) = (teams.await, staff.await);
                    let (teams, staff) = match (teams, staff) {
                        (Err(error), _) | (_, Err(error)) => return view! { <ErrorNotice error/> }.into_any(),
                        (Ok(t), Ok(s)) => (t, s),
                    };
                    teams.into_iter().map(|team| {
                        let id = team.id;
                        let others: Vec<_> = staff.iter().filter(|s| !team.members.iter().any(|m| m.id == s.id)).cloned().collect();
                        let adding = RwSignal::new(String::new());
                        let renaming = RwSignal::new(team.name.clone());
                        view! {
                            <div class="card team" role="region" aria-label=team.name.clone()>
                                <h2>{team.name.clone()}
                                    {team.is_default.then(|| view! { " " <span class="badge">{tr.teams_default_badge()}</span> })}
                                </h2>
                                <p class="muted">{tr.teams_ticket_count(team.tickets)}</p>
                                <ul class="members">
                                    {team.members.iter().map(|m| {
                                        let user = m.id;
                                        view! {
                                            <li>{m.name.clone()}" "
                                                <button type="button" class="secondary small"
                                                    aria-label=tr.teams_remove_label(&m.name, &team.name)
                                                    on:click=move |_| { member.dispatch(SetTeamMember { team: id, user, member: false }); }>
                                                    {tr.teams_remove()}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {team.members.is_empty().then(|| view! { <p class="muted">{tr.teams_no_members()}</p> })}
                                <form class="filters" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    if let Ok(user) = uuid::Uuid::parse_str(&adding.get_untracked()) {
                                        member.dispatch(SetTeamMember { team: id, user, member: true });
                                    }
                                }>
                                    <select aria-label=tr.teams_add_label(&team.name) on:change=move |ev| adding.set(event_target_value(&ev))>
                                        <option value="">{tr.teams_choose_member()}</option>
                                        {others.into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                                    </select>
                                    <button type="submit" class="secondary">{tr.teams_add()}</button>
                                </form>
                                <form class="filters" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    save.dispatch(SaveTeam { id: Some(id), name: renaming.get_untracked() });
                                }>
                                    <input type="text" maxlength="60" aria-label=tr.teams_rename_label(&team.name)
                                        prop:value=move || renaming.get() on:input=move |ev| renaming.set(event_target_value(&ev))/>
                                    <button type="submit" class="secondary">{tr.teams_rename()}</button>
                                    {(!team.is_default).then(|| view! {
                                        <button type="button" class="secondary" on:click=move |_| { default.dispatch(SetDefaultTeam { team: id }); }>{tr.teams_make_default()}</button>
                                        <button type="button" class="secondary" on:click=move |_| { delete.dispatch(DeleteTeam { id }); }>{tr.teams_delete()}</button>
                                    })}
                                </form>
                            </div>
                        }
                    }).collect_view().into_any()
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
