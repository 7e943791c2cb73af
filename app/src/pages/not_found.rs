use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address the portal does not know, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or you may not have access to it."</p>
            <p><A href="/">"Back to the start page"</A></p>
        </section>
    }
}
