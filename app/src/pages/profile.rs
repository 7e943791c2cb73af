use crate::{
    api::profile::{my_profile, UpdateProfile},
    components::ErrorNotice,
    field_form::{editable, inputs, FieldControl},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// Rectification: the customer corrects their own details. The email is shown
/// read-only; changing it goes through a confirmed request.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let save = ServerAction::<UpdateProfile>::new();
    let profile = Resource::new(move || save.version().get(), |_| my_profile());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    view! {
        <section class="narrow card">
            <h1>"My profile"</h1>
            <p class="muted">"Keep your details correct. Every change is recorded in your activity."</p>
            {move || save.value().get().map(|r| match r {
                Ok(_) => view! { <p class="notice" role="status">"Your profile was saved."</p> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
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
                                    <label for="field-email">"Email"</label>
                                    <input id="field-email" type="email" readonly aria-readonly="true" aria-describedby="email-help" value=email/>
                                    <p id="email-help" class="hint">
                                        "Your email is how you sign in, so it can't be changed here. "
                                        <A href="/privacy">"Request an email change"</A>
                                    </p>
                                </div>
                            })}
                            {fields.into_iter().map(|item| view! { <FieldControl item error/> }).collect_view()}
                            {any_editable.then(|| view! {
                                <button type="submit" disabled=move || save.pending().get()>"Save profile"</button>
                            })}
                        </form>
                    }
                    .into_any()
                })}
            </Transition>
        </section>
    }
}
