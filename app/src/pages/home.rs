use crate::components::use_user;
use leptos::prelude::*;
use leptos_router::components::A;

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_user();
    view! {
        <section class="hero">
            <h1>"Help, with your privacy in mind"</h1>
            <p class="lead">
                "Custodian is our customer portal. Follow your support tickets, answer our team, "
                "and stay in control of the personal data we hold about you."
            </p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => view! {
                            <p>"Welcome back, " {u.name.clone()} "."</p>
                            <p><A href="/tickets" attr:class="button">"Go to your tickets"</A></p>
                        }.into_any(),
                        _ => view! {
                            <p class="actions">
                                <A href="/sign-in" attr:class="button">"Sign in"</A>
                                <A href="/sign-up" attr:class="button secondary">"Create an account"</A>
                            </p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="cards">
            <article class="card">
                <h2>"Your tickets"</h2>
                <p>"See every conversation with our team in one place, and reply when it suits you."</p>
            </article>
            <article class="card">
                <h2>"Your data"</h2>
                <p>"We keep only what we need to help you, and you can see every ticket we hold."</p>
            </article>
            <article class="card">
                <h2>"Your session"</h2>
                <p>"Sessions end after inactivity, and signing out ends them on our side too."</p>
            </article>
        </section>
    }
}
