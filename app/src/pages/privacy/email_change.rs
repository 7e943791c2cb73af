//! Confirming a new sign-in address from the link mailed to it, or
//! cancelling the change from the link mailed to the old one.
use crate::{
    api::privacy::{CancelEmailChange, ConfirmEmail},
    components::ErrorNotice,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the confirmation link lands. Confirming is a button, not a page load,
/// so link scanners and prefetchers cannot confirm on someone's behalf.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmEmail>::new();
    view! {
        <section class="narrow card">
            <h1>"Confirm your new email address"</h1>
            {move || match confirm.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">"Thank you — the address is confirmed. Our team will review the change; you can follow it on your privacy page."</p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>"Confirm that you want to use this address for your Custodian account."</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" disabled=move || confirm.pending().get()>"Confirm this address"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// Where the cancel link mailed to the old address lands. Cancelling is a
/// button, like confirming.
#[component]
pub fn CancelEmailChangePage() -> impl IntoView {
    let query = use_query_map();
    let cancel = ServerAction::<CancelEmailChange>::new();
    view! {
        <section class="narrow card">
            <h1>"Cancel the email change"</h1>
            {move || match cancel.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">
                        "The change is cancelled, and every browser signed in to your account was signed out. "
                        "If you did not ask for it, someone may know your password: choose a new one now."
                    </p>
                    <p><a href="/forgot-password">"Choose a new password"</a></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>"Cancel the change of your account's email address. This also signs out every browser signed in to your account."</p>
                    <ActionForm action=cancel>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" class="danger" disabled=move || cancel.pending().get()>"Cancel the change"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}
