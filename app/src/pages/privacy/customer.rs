//! The customer's privacy page: their requests, an email change, and deleting their account.
use super::{due, exports::DownloadMyData, History};
use crate::{
    api::privacy::{
        erased_tickets_policy, my_requests, RequestEmailChange, RequestErasure, WithdrawRequest,
    },
    components::{action_error, successes, ErrorNotice},
    error::AppError,
    model::{format_time, PrivacyRequestView, RequestKind, TicketsPolicy},
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
    view! {
        <section>
            <h1>"Privacy"</h1>
            <crate::pages::account::ConfirmAddressReminder/>
            <div class="card narrow-left">
                <h2>"Change my email address"</h2>
                <p class="muted">
                    "Your email is how you sign in. We send a confirmation link to the new address and a note "
                    "with a cancel link to your current one; after you confirm, our team applies the change and "
                    "you sign in with the new address."
                </p>
                {action_error(ask.into())}
                {move || ask.value().get().and_then(Result::ok).map(|_| view! {
                    <p class="notice" role="status">"We sent a confirmation link to the new address. Open it to continue. (If that address cannot be used, its mailbox is told instead.)"</p>
                })}
                <ActionForm action=ask>
                    <div class="field">
                        <label for="new-email">"New email address"</label>
                        <input id="new-email" name="new_email" type="email" autocomplete="email" required/>
                    </div>
                    <div class="field">
                        <label for="email-change-password">"Your password"</label>
                        <input id="email-change-password" name="password" type="password" autocomplete="current-password" required/>
                    </div>
                    <button type="submit" disabled=move || ask.pending().get()>"Request the change"</button>
                </ActionForm>
            </div>
            <DownloadMyData all=false/>
            <DeleteMyAccount erase requests/>
            <h2>"My requests"</h2>
            {action_error(withdraw.into())}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">"You have no requests."</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|r| view! {
                            <article class="card request">
                                <div class="message-head">
                                    <strong>{r.summary.clone()}</strong>
                                    <span class="badge">{r.status.label()}</span>
                                    {due(&r)}
                                </div>
                                <p class="muted">"Received " {format_time(&r.received_at)}</p>
                                {r.status.withdrawable().then(|| { let id = r.id; view! {
                                    <button type="button" class="secondary small" on:click=move |_| { withdraw.dispatch(WithdrawRequest { id }); }>"Withdraw this request"</button>
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
    view! {
        <div class="card narrow-left danger-zone">
            <h2>"Delete my account and data"</h2>
            <p>"When our team approves your request (within one month), we:"</p>
            <ul>
                <li>"destroy the key that encrypts your personal data — from then on nothing of yours that we hold can be read, not even in our backups (a copy you downloaded to your own device stays yours);"</li>
                <li>"delete your profile, your custom details, your sessions, your data downloads and the mail we kept for you;"</li>
                <li>"send you one last mail to confirm, then remove your email address."</li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let delete = policy.await.map(|p| p == TicketsPolicy::Delete).unwrap_or(false);
                    view! {
                        <p>{if delete {
                            "What we keep, and why: the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. Your tickets are deleted. None of it identifies you."
                        } else {
                            "What we keep, and why: your tickets' status and dates, without any content or name, so our support statistics stay correct; the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. None of it identifies you."
                        }} " If a legal obligation requires us to keep your data for longer, we tell you."</p>
                    }
                })}
            </Transition>
            <p class="muted">"You can withdraw the request until we start carrying it out. Download your data first if you want a copy."</p>
            {action_error(erase.into())}
            {move || erase.value().get().and_then(Result::ok).map(|r| view! {
                <p class="notice" role="status">"We received your request. We will answer by " {format_time(&r.due_at)} " at the latest."</p>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let open = requests.await.map(|list| list.iter().any(|r| r.kind == RequestKind::Erasure && r.status.is_open())).unwrap_or(false);
                    if open {
                        view! { <p class="muted">"Your request is open: follow it, or withdraw it, under “My requests” below."</p> }.into_any()
                    } else {
                        view! {
                            <form on:submit=on_submit>
                                <div class="field">
                                    <label for="erase-reason">"Why are you leaving? (optional)"</label>
                                    <textarea id="erase-reason" rows="2" maxlength="2000"
                                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                </div>
                                <div class="field">
                                    <label for="erase-password">"Your password"</label>
                                    <input id="erase-password" type="password" autocomplete="current-password" required
                                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                                </div>
                                <button type="submit" class="danger" disabled=move || erase.pending().get()>"Ask to delete my account"</button>
                            </form>
                        }.into_any()
                    }
                })}
            </Transition>
        </div>
    }
}
