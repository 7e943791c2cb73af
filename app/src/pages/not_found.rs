use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address the portal does not know, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="narrow">
            <h1>{tr.auth_not_found_title()}</h1>
            <p>{tr.auth_not_found_text()}</p>
            <p><A href="/">{tr.auth_not_found_back()}</A></p>
        </section>
    }
}
