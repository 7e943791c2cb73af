use crate::{
    api::profile::{my_profile, UpdateProfile},
    components::ErrorNotice,
    field_form::{editable, inputs, FieldControl},
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// Rectification: the customer corrects their own details. The email is shown
/// read-only; changing it goes through a confirmed request.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let save = ServerAction::<UpdateProfile>::new();
    let profile = Resource::new(move || save.version().get(), |_| my_profile());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    // Saved just before the page loaded again in a new language or time zone.
    let saved_before = use_query_map().with_untracked(|q| q.get("saved").is_some());
    // A new language or time zone shows on the next page load: load it at
    // once, and say there (not here, a moment before) that it was saved.
    let reloads = Memo::new(move |_| {
        let Some(Ok(saved)) = save.value().get() else {
            return false;
        };
        let chosen = |key: &str| {
            saved
                .fields
                .iter()
                .find(|f| f.key == key)
                .and_then(|f| f.values.first().cloned())
        };
        let language = chosen("language")
            .as_deref()
            .and_then(crate::i18n::Lang::parse);
        let zone = chosen("time_zone").unwrap_or_else(|| "UTC".to_owned());
        language.is_some_and(|l| l != locale.lang) || zone != locale.time_zone()
    });
    Effect::new(move || {
        if reloads.get() {
            crate::components::go_to("/profile?saved=1");
        }
    });
    view! {
        <section class="narrow card">
            <h1>{tr.profile_title()}</h1>
            <p class="muted">{tr.profile_intro()}</p>
            {move || match save.value().get() {
                Some(Ok(_)) if !reloads.get() => Some(view! { <p class="notice" role="status">{tr.profile_saved()}</p> }.into_any()),
                Some(Ok(_)) => None,
                Some(Err(error)) => Some(view! { <ErrorNotice error/> }.into_any()),
                None => saved_before.then(|| view! { <p class="notice" role="status">{tr.profile_saved()}</p> }.into_any()),
            }}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    let profile = match profile.await {
                        Ok(p) => p,
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    let fields = editable(profile.fields);
                    let submitted = fields.clone();
                    let on_submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        save.dispatch(UpdateProfile { email: None, fields: inputs(&submitted) });
                    };
                    let any_editable = fields.iter().any(|f| f.field.editable);
                    view! {
                        <form on:submit=on_submit>
                            {profile.email.map(|email| view! {
                                <div class="field">
                                    <label for="field-email">{tr.fields_label_email()}</label>
                                    <input id="field-email" type="email" readonly aria-readonly="true" aria-describedby="email-help" value=email/>
                                    <p id="email-help" class="hint">
                                        {tr.profile_email_help()} " "
                                        <A href="/privacy">{tr.profile_email_change_link()}</A>
                                    </p>
                                </div>
                            })}
                            {fields.into_iter().map(|item| view! { <FieldControl item error/> }).collect_view()}
                            {any_editable.then(|| view! {
                                <button type="submit" disabled=move || save.pending().get()>{tr.profile_save()}</button>
                            })}
                        </form>
                    }
                    .into_any()
                })}
            </Transition>
        </section>
    }
}
