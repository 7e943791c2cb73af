//! The account's own security: a forgotten password, a new password, the
//! browsers signed in to it.
use crate::{
    api::account::{
        address_confirmed, finish_passkey_registration, my_devices, my_passkeys, my_two_factor,
        start_passkey_registration, ChangePassword, ConfirmAddress, ConfirmTwoFactor,
        DisableTwoFactor, EndDevice, EndOtherDevices, ForgotPassword, RemovePasskey,
        ResendConfirmation, ResetPassword, StartTwoFactor,
    },
    components::{action_error, successes, ErrorNotice},
    i18n::{use_locale, use_tr},
    model::limits,
    pages::auth::error_text,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// "Forgot your password?": the address, then the same answer whatever it is.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let tr = use_tr();
    let ask = ServerAction::<ForgotPassword>::new();
    view! {
        <section class="narrow card">
            <h1>{tr.auth_forgot_password()}</h1>
            {move || match ask.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{tr.account_forgot_sent()}</p>
                    <p><A href="/sign-in">{tr.account_back_to_sign_in()}</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p class="muted">{tr.account_forgot_intro()}</p>
                    <ActionForm action=ask>
                        <div class="field">
                            <label for="email">{tr.auth_email()}</label>
                            <input id="email" name="email" type="email" autocomplete="username" maxlength=limits::EMAIL_MAX required/>
                        </div>
                        <button type="submit" disabled=move || ask.pending().get()>{tr.account_send_link()}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// Where the reset link lands: a new password, sent with the link's token.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let tr = use_tr();
    let query = use_query_map();
    let reset = ServerAction::<ResetPassword>::new();
    view! {
        <section class="narrow card">
            <h1>{tr.account_reset_title()}</h1>
            {move || match reset.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{tr.account_reset_done()}</p>
                    <p><A href="/sign-in">{tr.sign_in()}</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <ActionForm action=reset>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <div class="field">
                            <label for="new-password">{tr.account_new_password()}</label>
                            <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                                minlength=limits::PASSWORD_MIN aria-describedby="new-password-hint" required/>
                            <p id="new-password-hint" class="hint">{tr.auth_password_hint_strong(limits::PASSWORD_MIN)}</p>
                        </div>
                        <button type="submit" disabled=move || reset.pending().get()>{tr.account_save_new_password()}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// Change the password, and see and end the browsers signed in to the account.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let locale = use_locale();
    let tr = locale.tr();
    let change = ServerAction::<ChangePassword>::new();
    let end_one = ServerAction::<EndDevice>::new();
    let end_others = ServerAction::<EndOtherDevices>::new();
    let changes = [
        successes(change.into()),
        successes(end_one.into()),
        successes(end_others.into()),
    ];
    let devices = Resource::new(move || changes.map(|c| c.get()), |_| my_devices());
    view! {
        <section>
            <h1>{tr.account_security_title()}</h1>
            <div class="card narrow-left">
                <h2>{tr.account_change_password_title()}</h2>
                <p class="muted">{tr.account_change_password_intro()}</p>
                {action_error(change.into())}
                {move || change.value().get().and_then(Result::ok).map(|_| view! {
                    <p class="notice" role="status">{tr.account_change_password_done()}</p>
                })}
                <ActionForm action=change>
                    <div class="field">
                        <label for="current-password">{tr.account_current_password()}</label>
                        <input id="current-password" name="current_password" type="password" autocomplete="current-password" required/>
                    </div>
                    <div class="field">
                        <label for="new-password">{tr.account_new_password()}</label>
                        <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN required/>
                    </div>
                    <button type="submit" disabled=move || change.pending().get()>{tr.account_change_password()}</button>
                </ActionForm>
            </div>
            <TwoFactorCard/>
            <PasskeysCard/>
            <h2>{tr.account_devices_title()}</h2>
            {action_error(end_one.into())}
            {action_error(end_others.into())}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match devices.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) => {
                            let others = list.iter().filter(|d| !d.current).count();
                            view! {
                                <table class="tickets devices">
                                    <thead><tr>
                                        <th scope="col">{tr.account_devices_browser()}</th><th scope="col">{tr.account_devices_system()}</th><th scope="col">{tr.account_devices_network()}</th>
                                        <th scope="col">{tr.account_devices_signed_in()}</th><th scope="col">{tr.account_devices_last_active()}</th>
                                        <th scope="col"><span class="visually-hidden">{tr.account_devices_actions()}</span></th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|d| {
                                            let id = d.id.clone();
                                            view! {
                                                <tr class:current=d.current>
                                                    <td>{d.browser.clone()}</td><td>{d.system.clone()}</td><td>{d.network.clone()}</td>
                                                    <td>{locale.time(&d.started_at)}</td><td>{locale.time(&d.last_active_at)}</td>
                                                    <td>{if d.current {
                                                        view! { <span class="badge">{tr.account_devices_this_browser()}</span> }.into_any()
                                                    } else {
                                                        view! {
                                                            <button type="button" class="secondary small"
                                                                on:click=move |_| { end_one.dispatch(EndDevice { id: id.clone() }); }>{tr.sign_out()}</button>
                                                        }.into_any()
                                                    }}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                {(others > 0).then(|| view! {
                                    <button type="button" class="secondary"
                                        on:click=move |_| { end_others.dispatch(EndOtherDevices {}); }>{tr.account_devices_sign_out_others()}</button>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// Two-factor sign-in with an authenticator app: set it up (QR code, then a
/// code from the app, then the recovery codes, shown once), or turn it off.
#[component]
fn TwoFactorCard() -> impl IntoView {
    let locale = use_locale();
    let tr = locale.tr();
    let start = ServerAction::<StartTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let changes = [successes(confirm.into()), successes(disable.into())];
    let status = Resource::new(move || changes.map(|c| c.get()), |_| my_two_factor());
    view! {
        <div class="card narrow-left two-factor">
            <h2>{tr.account_two_factor_title()}</h2>
            {action_error(start.into())}
            {action_error(confirm.into())}
            {action_error(disable.into())}
            {move || confirm.value().get().and_then(Result::ok).map(|codes| view! {
                <div class="notice" role="status">
                    <p><strong>{tr.account_two_factor_on()}</strong>" "{tr.account_two_factor_save_codes()}</p>
                    <ul class="recovery-codes">
                        {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => match s.enabled_at {
                            Some(since) => view! {
                                <p>{tr.account_two_factor_since(locale.time(&since), s.recovery_codes_left)}</p>
                                {if s.required {
                                    view! { <p class="muted">{tr.account_two_factor_stays_on()}</p> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=disable>
                                            <div class="field">
                                                <label for="two-factor-off-password">{tr.account_your_password()}</label>
                                                <input id="two-factor-off-password" name="password" type="password" autocomplete="current-password" required/>
                                            </div>
                                            <div class="field">
                                                <label for="two-factor-off-code">{tr.account_two_factor_off_code()}</label>
                                                <input id="two-factor-off-code" name="code" type="text" autocomplete="one-time-code" maxlength="40" required/>
                                            </div>
                                            <button type="submit" class="secondary" disabled=move || disable.pending().get()>{tr.account_two_factor_turn_off()}</button>
                                        </ActionForm>
                                    }.into_any()
                                }}
                            }.into_any(),
                            None => view! {
                                {s.required.then(|| view! {
                                    <p class="alert" role="alert">{tr.account_two_factor_required()}</p>
                                })}
                                <p class="muted">{tr.account_two_factor_intro()}</p>
                                {move || match start.value().get() {
                                    Some(Ok(enrolment)) => view! {
                                        <p>{tr.account_two_factor_scan()}</p>
                                        <img class="qr" src=enrolment.qr_svg_data_url.clone() alt=tr.account_two_factor_qr_alt() width="220" height="220"/>
                                        <p><code class="secret" data-secret=enrolment.secret.clone()>{enrolment.secret.clone()}</code></p>
                                        <ActionForm action=confirm>
                                            <div class="field">
                                                <label for="two-factor-code">{tr.account_two_factor_code()}</label>
                                                <input id="two-factor-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required/>
                                            </div>
                                            <button type="submit" disabled=move || confirm.pending().get()>{tr.account_two_factor_turn_on()}</button>
                                        </ActionForm>
                                    }.into_any(),
                                    _ => view! {
                                        <ActionForm action=start>
                                            <div class="field">
                                                <label for="two-factor-password">{tr.account_your_password()}</label>
                                                <input id="two-factor-password" name="password" type="password" autocomplete="current-password" required/>
                                            </div>
                                            <button type="submit" disabled=move || start.pending().get()>{tr.account_two_factor_set_up()}</button>
                                        </ActionForm>
                                    }.into_any(),
                                }}
                            }.into_any(),
                        },
                    }
                })}
            </Transition>
        </div>
    }
}

/// Where the sign-up confirmation link lands. Confirming is a button, not a
/// page load, so link scanners cannot confirm on someone's behalf.
#[component]
pub fn ConfirmAddressPage() -> impl IntoView {
    let tr = use_tr();
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmAddress>::new();
    view! {
        <section class="narrow card">
            <h1>{tr.account_confirm_title()}</h1>
            {move || match confirm.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{tr.account_confirm_done()}</p>
                    <p><A href="/tickets">{tr.account_go_to_my_tickets()}</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>{tr.account_confirm_intro()}</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" disabled=move || confirm.pending().get()>{tr.account_confirm_button()}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// A reminder on the customer's pages while the sign-up address is unconfirmed,
/// with a button that mails the link again.
#[component]
pub fn ConfirmAddressReminder() -> impl IntoView {
    let tr = use_tr();
    let resend = ServerAction::<ResendConfirmation>::new();
    let confirmed = Resource::new(|| (), |_| address_confirmed());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match confirmed.await {
                    Ok(false) => view! {
                        <div class="alert" role="alert" data-code="email_not_confirmed">
                            <p>{tr.account_confirm_reminder()}</p>
                            {action_error(resend.into())}
                            {move || match resend.value().get() {
                                Some(Ok(())) => view! { <p role="status">{tr.account_confirm_resent()}</p> }.into_any(),
                                _ => view! {
                                    <button type="button" class="secondary small" disabled=move || resend.pending().get()
                                        on:click=move |_| { resend.dispatch(ResendConfirmation {}); }>{tr.account_confirm_resend()}</button>
                                }.into_any(),
                            }}
                        </div>
                    }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Transition>
    }
}

/// Passkeys and security keys: add several (named), remove them. Each one
/// signs in on its own, or finishes a sign-in after the password.
#[component]
fn PasskeysCard() -> impl IntoView {
    let locale = use_locale();
    let tr = locale.tr();
    let name = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let add = Action::new_unsync(move |(name, password): &(String, String)| {
        let (name, password) = (name.clone(), password.clone());
        async move {
            let challenge = start_passkey_registration(password)
                .await
                .map_err(|e| error_text(tr, e))?;
            let answer = crate::passkey_client::create(tr, challenge.options).await?;
            finish_passkey_registration(challenge.challenge_id, name, answer)
                .await
                .map_err(|e| error_text(tr, e))
        }
    });
    let remove = ServerAction::<RemovePasskey>::new();
    let removed = successes(remove.into());
    let list = Resource::new(
        move || (add.version().get(), removed.get()),
        |_| my_passkeys(),
    );
    view! {
        <div class="card narrow-left passkeys">
            <h2>{tr.account_passkeys_title()}</h2>
            <p class="muted">{tr.account_passkeys_intro()}</p>
            {move || match add.value().get() {
                Some(Ok(added)) => view! { <p class="notice" role="status">{tr.account_passkeys_added(added.name)}</p> }.into_any(),
                Some(Err(message)) => view! { <div class="alert" role="alert"><p>{message}</p></div> }.into_any(),
                None => ().into_any(),
            }}
            {action_error(remove.into())}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(keys) if keys.is_empty() => view! { <p class="empty">{tr.account_passkeys_empty()}</p> }.into_any(),
                        Ok(keys) => view! {
                            <ul class="passkey-list">
                                {keys.into_iter().map(|k| {
                                    let id = k.id;
                                    view! {
                                        <li>
                                            <strong>{k.name.clone()}</strong>
                                            " · " {tr.account_passkeys_added_on(locale.time(&k.created_at))}
                                            {k.last_used_at.map(|t| view! { " · " {tr.account_passkeys_last_used(locale.time(&t))} })}
                                            " "
                                            <button type="button" class="secondary small"
                                                on:click=move |_| {
                                                    let password = password.get().map(|i| i.value()).unwrap_or_default();
                                                    remove.dispatch(RemovePasskey { id, password });
                                                }>{tr.account_passkeys_remove()}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
            <div class="field">
                <label for="passkey-name">{tr.account_passkeys_name()}</label>
                <input id="passkey-name" type="text" maxlength="100" placeholder=tr.account_passkeys_name_placeholder() node_ref=name/>
            </div>
            <div class="field">
                <label for="passkey-password">{tr.account_passkeys_password()}</label>
                <input id="passkey-password" type="password" autocomplete="current-password" node_ref=password/>
            </div>
            <button type="button" disabled=move || add.pending().get()
                on:click=move |_| {
                    let value = |r: NodeRef<leptos::html::Input>| r.get().map(|i| i.value()).unwrap_or_default();
                    add.dispatch((value(name), value(password)));
                }>{tr.account_passkeys_add()}</button>
        </div>
    }
}
