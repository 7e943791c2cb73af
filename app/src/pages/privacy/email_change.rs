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
    let tr = crate::i18n::use_tr();
    view! {
        <section class="narrow card">
            <h1>{tr.privacy_confirm_email_title()}</h1>
            {move || match confirm.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{tr.privacy_confirm_email_done()}</p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>{tr.privacy_confirm_email_intro()}</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" disabled=move || confirm.pending().get()>{tr.privacy_confirm_email_submit()}</button>
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
    let tr = crate::i18n::use_tr();
    view! {
        <section class="narrow card">
            <h1>{tr.privacy_cancel_email_title()}</h1>
            {move || match cancel.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{tr.privacy_cancel_email_done()}</p>
                    <p><a href="/forgot-password">{tr.privacy_cancel_email_new_password()}</a></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>{tr.privacy_cancel_email_intro()}</p>
                    <ActionForm action=cancel>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" class="danger" disabled=move || cancel.pending().get()>{tr.privacy_cancel_email_submit()}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}
