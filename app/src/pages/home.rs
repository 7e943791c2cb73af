use crate::{components::use_user, i18n::use_tr};
use leptos::prelude::*;
use leptos_router::components::A;

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    let tr = use_tr();
    let user = use_user();
    view! {
        <section class="hero">
            <h1>{tr.auth_home_title()}</h1>
            <p class="lead">{tr.auth_home_lead()}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => view! {
                            <p>{tr.auth_home_welcome(&u.name)}</p>
                            <p><A href="/tickets" attr:class="button">{tr.auth_home_go_to_tickets()}</A></p>
                        }.into_any(),
                        _ => view! {
                            <p class="actions">
                                <A href="/sign-in" attr:class="button">{tr.sign_in()}</A>
                                <A href="/sign-up" attr:class="button secondary">{tr.auth_create_an_account()}</A>
                            </p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="cards">
            <article class="card">
                <h2>{tr.auth_home_tickets_title()}</h2>
                <p>{tr.auth_home_tickets_text()}</p>
            </article>
            <article class="card">
                <h2>{tr.auth_home_data_title()}</h2>
                <p>{tr.auth_home_data_text()}</p>
            </article>
            <article class="card">
                <h2>{tr.auth_home_session_title()}</h2>
                <p>{tr.auth_home_session_text()}</p>
            </article>
        </section>
    }
}
