//! The customer's privacy page: their requests, an email change, and deleting their account.
use super::{due, exports::DownloadMyData, History};
use crate::{
    api::privacy::{
        erased_tickets_policy, my_requests, RequestEmailChange, RequestErasure, WithdrawRequest,
    },
    components::{action_error, successes, ErrorNotice},
    error::AppError,
    model::{PrivacyRequestView, RequestKind, TicketsPolicy},
};
use leptos::prelude::*;

/// The customer's privacy page: requests and their progress, and asking for an email change.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let ask = ServerAction::<RequestEmailChange>::new();
    let erase = ServerAction::<RequestErasure>::new();
    let withdraw = ServerAction::<WithdrawRequest>::new();
    let changes = [
        successes(ask.into()),
        successes(erase.into()),
        successes(withdraw.into()),
    ];
    let requests = Resource::new(move || changes.map(|c| c.get()), |_| my_requests());
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <section>
            <h1>{tr.privacy_title()}</h1>
            <crate::pages::account::ConfirmAddressReminder/>
            <div class="card narrow-left">
                <h2>{tr.privacy_email_title()}</h2>
                <p class="muted">{tr.privacy_email_intro()}</p>
                {action_error(ask.into())}
                {move || ask.value().get().and_then(Result::ok).map(|_| view! {
                    <p class="notice" role="status">{tr.privacy_email_sent()}</p>
                })}
                <ActionForm action=ask>
                    <div class="field">
                        <label for="new-email">{tr.privacy_email_new()}</label>
                        <input id="new-email" name="new_email" type="email" autocomplete="email" required/>
                    </div>
                    <div class="field">
                        <label for="email-change-password">{tr.privacy_password()}</label>
                        <input id="email-change-password" name="password" type="password" autocomplete="current-password" required/>
                    </div>
                    <button type="submit" disabled=move || ask.pending().get()>{tr.privacy_email_submit()}</button>
                </ActionForm>
            </div>
            <DownloadMyData all=false/>
            <crate::pages::retention::RetentionNotice/>
            <DeleteMyAccount erase requests/>
            <h2>{tr.privacy_my_requests()}</h2>
            {action_error(withdraw.into())}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{tr.privacy_no_requests()}</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|r| view! {
                            <article class="card request">
                                <div class="message-head">
                                    <strong>{r.summary.clone()}</strong>
                                    <span class="badge">{r.status.label(tr)}</span>
                                    {due(&r, locale)}
                                </div>
                                <p class="muted">{tr.privacy_received(locale.time(&r.received_at))}</p>
                                {r.status.withdrawable().then(|| { let id = r.id; view! {
                                    <button type="button" class="secondary small" on:click=move |_| { withdraw.dispatch(WithdrawRequest { id }); }>{tr.privacy_withdraw()}</button>
                                }})}
                                <History request=r/>
                            </article>
                        }).collect_view().into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "Delete my account and data": what goes, what stays and why, then the password again.
/// While a request is open the form gives way to a pointer to it.
#[component]
fn DeleteMyAccount(
    erase: ServerAction<RequestErasure>,
    requests: Resource<Result<Vec<PrivacyRequestView>, AppError>>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let policy = Resource::new(|| (), |_| erased_tickets_policy());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        erase.dispatch(RequestErasure {
            password: password.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    Effect::new(move || {
        if let Some(Ok(_)) = erase.value().get() {
            password.set(String::new());
            reason.set(String::new());
        }
    });
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <div class="card narrow-left danger-zone">
            <h2>{tr.privacy_delete_title()}</h2>
            <p>{tr.privacy_delete_intro()}</p>
            <ul>
                <li>{tr.privacy_delete_key()}</li>
                <li>{tr.privacy_delete_records()}</li>
                <li>{tr.privacy_delete_last_mail()}</li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let delete = policy.await.map(|p| p == TicketsPolicy::Delete).unwrap_or(false);
                    view! {
                        <p>{if delete {
                            tr.privacy_delete_kept_tickets_deleted()
                        } else {
                            tr.privacy_delete_kept_tickets_anonymised()
                        }} " " {tr.privacy_delete_legal_obligation()}</p>
                    }
                })}
            </Transition>
            <p class="muted">{tr.privacy_delete_withdraw_note()}</p>
            {action_error(erase.into())}
            {move || erase.value().get().and_then(Result::ok).map(|r| view! {
                <p class="notice" role="status">{tr.privacy_delete_received(locale.time(&r.due_at))}</p>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let open = requests.await.map(|list| list.iter().any(|r| r.kind == RequestKind::Erasure && r.status.is_open())).unwrap_or(false);
                    if open {
                        view! { <p class="muted">{tr.privacy_delete_open()}</p> }.into_any()
                    } else {
                        view! {
                            <form on:submit=on_submit>
                                <div class="field">
                                    <label for="erase-reason">{tr.privacy_delete_reason()}</label>
                                    <textarea id="erase-reason" rows="2" maxlength="2000"
                                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                </div>
                                <div class="field">
                                    <label for="erase-password">{tr.privacy_password()}</label>
                                    <input id="erase-password" type="password" autocomplete="current-password" required
                                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                                </div>
                                <button type="submit" class="danger" disabled=move || erase.pending().get()>{tr.privacy_delete_submit()}</button>
                            </form>
                        }.into_any()
                    }
                })}
            </Transition>
        </div>
    }
}
