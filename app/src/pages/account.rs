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
    model::{format_time, limits},
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// "Forgot your password?": the address, then the same answer whatever it is.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let ask = ServerAction::<ForgotPassword>::new();
    view! {
        <section class="narrow card">
            <h1>"Forgot your password?"</h1>
            {move || match ask.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">
                        "If an account uses this address, we sent it a link to choose a new password. "
                        "The link works once, for 30 minutes."
                    </p>
                    <p><A href="/sign-in">"Back to sign in"</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p class="muted">"Enter the address you sign in with. We mail it a link to choose a new password."</p>
                    <ActionForm action=ask>
                        <div class="field">
                            <label for="email">"Email"</label>
                            <input id="email" name="email" type="email" autocomplete="username" maxlength=limits::EMAIL_MAX required/>
                        </div>
                        <button type="submit" disabled=move || ask.pending().get()>"Send the link"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// Where the reset link lands: a new password, sent with the link's token.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let reset = ServerAction::<ResetPassword>::new();
    view! {
        <section class="narrow card">
            <h1>"Choose a new password"</h1>
            {move || match reset.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">"Your password is changed, and every browser signed in to your account was signed out."</p>
                    <p><A href="/sign-in">"Sign in"</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <ActionForm action=reset>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <div class="field">
                            <label for="new-password">"New password"</label>
                            <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                                minlength=limits::PASSWORD_MIN aria-describedby="new-password-hint" required/>
                            <p id="new-password-hint" class="hint">"At least " {limits::PASSWORD_MIN} " characters, and hard to guess: a few unrelated words work well."</p>
                        </div>
                        <button type="submit" disabled=move || reset.pending().get()>"Save the new password"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

/// Change the password, and see and end the browsers signed in to the account.
#[component]
pub fn SecurityPage() -> impl IntoView {
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
            <h1>"Sign-in and security"</h1>
            <div class="card narrow-left">
                <h2>"Change my password"</h2>
                <p class="muted">"Every other browser signed in to your account is signed out, and we mail you a note."</p>
                {action_error(change.into())}
                {move || change.value().get().and_then(Result::ok).map(|_| view! {
                    <p class="notice" role="status">"Your password is changed. Other browsers were signed out."</p>
                })}
                <ActionForm action=change>
                    <div class="field">
                        <label for="current-password">"Current password"</label>
                        <input id="current-password" name="current_password" type="password" autocomplete="current-password" required/>
                    </div>
                    <div class="field">
                        <label for="new-password">"New password"</label>
                        <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN required/>
                    </div>
                    <button type="submit" disabled=move || change.pending().get()>"Change password"</button>
                </ActionForm>
            </div>
            <TwoFactorCard/>
            <PasskeysCard/>
            <h2>"Signed-in devices"</h2>
            {action_error(end_one.into())}
            {action_error(end_others.into())}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match devices.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) => {
                            let others = list.iter().filter(|d| !d.current).count();
                            view! {
                                <table class="tickets devices">
                                    <thead><tr>
                                        <th scope="col">"Browser"</th><th scope="col">"System"</th><th scope="col">"Network"</th>
                                        <th scope="col">"Signed in"</th><th scope="col">"Last active"</th>
                                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|d| {
                                            let id = d.id.clone();
                                            view! {
                                                <tr class:current=d.current>
                                                    <td>{d.browser.clone()}</td><td>{d.system.clone()}</td><td>{d.network.clone()}</td>
                                                    <td>{format_time(&d.started_at)}</td><td>{format_time(&d.last_active_at)}</td>
                                                    <td>{if d.current {
                                                        view! { <span class="badge">"This browser"</span> }.into_any()
                                                    } else {
                                                        view! {
                                                            <button type="button" class="secondary small"
                                                                on:click=move |_| { end_one.dispatch(EndDevice { id: id.clone() }); }>"Sign out"</button>
                                                        }.into_any()
                                                    }}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                {(others > 0).then(|| view! {
                                    <button type="button" class="secondary"
                                        on:click=move |_| { end_others.dispatch(EndOtherDevices {}); }>"Sign out all other devices"</button>
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
    let start = ServerAction::<StartTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let changes = [successes(confirm.into()), successes(disable.into())];
    let status = Resource::new(move || changes.map(|c| c.get()), |_| my_two_factor());
    view! {
        <div class="card narrow-left two-factor">
            <h2>"Two-factor sign-in"</h2>
            {action_error(start.into())}
            {action_error(confirm.into())}
            {action_error(disable.into())}
            {move || confirm.value().get().and_then(Result::ok).map(|codes| view! {
                <div class="notice" role="status">
                    <p><strong>"Two-factor sign-in is on."</strong>" Save these recovery codes somewhere safe now: "
                    "each one signs you in once if you lose your phone, and they are never shown again."</p>
                    <ul class="recovery-codes">
                        {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => match s.enabled_at {
                            Some(since) => view! {
                                <p>"On since " {format_time(&since)} ". " {s.recovery_codes_left} " recovery codes left."</p>
                                {if s.required {
                                    view! { <p class="muted">"Your help desk requires it for staff, so it stays on."</p> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=disable>
                                            <div class="field">
                                                <label for="two-factor-off-password">"Your password"</label>
                                                <input id="two-factor-off-password" name="password" type="password" autocomplete="current-password" required/>
                                            </div>
                                            <div class="field">
                                                <label for="two-factor-off-code">"Code from the app, or a recovery code"</label>
                                                <input id="two-factor-off-code" name="code" type="text" autocomplete="one-time-code" maxlength="24" required/>
                                            </div>
                                            <button type="submit" class="secondary" disabled=move || disable.pending().get()>"Turn off two-factor sign-in"</button>
                                        </ActionForm>
                                    }.into_any()
                                }}
                            }.into_any(),
                            None => view! {
                                {s.required.then(|| view! {
                                    <p class="alert" role="alert">"Your help desk requires two-factor sign-in for staff: set it up to continue."</p>
                                })}
                                <p class="muted">"Signing in will also ask for a 6-digit code from an authenticator app on your phone "
                                "(any app for “TOTP” codes), so a stolen password alone cannot open your account."</p>
                                {move || match start.value().get() {
                                    Some(Ok(enrolment)) => view! {
                                        <p>"Scan this code with the app, or type the key in by hand:"</p>
                                        <img class="qr" src=enrolment.qr_svg_data_url.clone() alt="QR code of your authenticator key" width="220" height="220"/>
                                        <p><code class="secret" data-secret=enrolment.secret.clone()>{enrolment.secret.clone()}</code></p>
                                        <ActionForm action=confirm>
                                            <div class="field">
                                                <label for="two-factor-code">"Code from the app"</label>
                                                <input id="two-factor-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required/>
                                            </div>
                                            <button type="submit" disabled=move || confirm.pending().get()>"Turn on"</button>
                                        </ActionForm>
                                    }.into_any(),
                                    _ => view! {
                                        <ActionForm action=start>
                                            <div class="field">
                                                <label for="two-factor-password">"Your password"</label>
                                                <input id="two-factor-password" name="password" type="password" autocomplete="current-password" required/>
                                            </div>
                                            <button type="submit" disabled=move || start.pending().get()>"Set up an authenticator app"</button>
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
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmAddress>::new();
    view! {
        <section class="narrow card">
            <h1>"Confirm your email address"</h1>
            {move || match confirm.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">"Thank you — your address is confirmed."</p>
                    <p><A href="/tickets">"Go to my tickets"</A></p>
                }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
                    <p>"Confirm that this address is yours and belongs to your Custodian account."</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="token" value=move || query.with(|q| q.get("token").unwrap_or_default())/>
                        <button type="submit" disabled=move || confirm.pending().get()>"Confirm my address"</button>
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
    let resend = ServerAction::<ResendConfirmation>::new();
    let confirmed = Resource::new(|| (), |_| address_confirmed());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match confirmed.await {
                    Ok(false) => view! {
                        <div class="alert" role="alert" data-code="email_not_confirmed">
                            <p>"Please confirm your email address with the link we mailed you. Until then you cannot "
                            "download your data, ask for your account to be deleted, or change your address."</p>
                            {action_error(resend.into())}
                            {move || match resend.value().get() {
                                Some(Ok(())) => view! { <p role="status">"We sent a new link. Only the newest link works."</p> }.into_any(),
                                _ => view! {
                                    <button type="button" class="secondary small" disabled=move || resend.pending().get()
                                        on:click=move |_| { resend.dispatch(ResendConfirmation {}); }>"Send the link again"</button>
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
    let name = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let add = Action::new_unsync(move |(name, password): &(String, String)| {
        let (name, password) = (name.clone(), password.clone());
        async move {
            let challenge = start_passkey_registration(password)
                .await
                .map_err(|e| e.to_string())?;
            let answer = crate::passkey_client::create(challenge.options).await?;
            finish_passkey_registration(challenge.challenge_id, name, answer)
                .await
                .map_err(|e| e.to_string())
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
            <h2>"Passkeys and security keys"</h2>
            <p class="muted">"A passkey signs you in with your device's screen lock or a security key — "
            "on its own, or after your password instead of a code."</p>
            {move || match add.value().get() {
                Some(Ok(added)) => view! { <p class="notice" role="status">"Added “" {added.name} "”."</p> }.into_any(),
                Some(Err(message)) => view! { <div class="alert" role="alert"><p>{message}</p></div> }.into_any(),
                None => ().into_any(),
            }}
            {action_error(remove.into())}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(keys) if keys.is_empty() => view! { <p class="empty">"No passkeys yet."</p> }.into_any(),
                        Ok(keys) => view! {
                            <ul class="passkey-list">
                                {keys.into_iter().map(|k| {
                                    let id = k.id;
                                    view! {
                                        <li>
                                            <strong>{k.name.clone()}</strong>
                                            " · added " {format_time(&k.created_at)}
                                            {k.last_used_at.map(|t| view! { " · last used " {format_time(&t)} })}
                                            " "
                                            <button type="button" class="secondary small"
                                                on:click=move |_| {
                                                    let password = password.get().map(|i| i.value()).unwrap_or_default();
                                                    remove.dispatch(RemovePasskey { id, password });
                                                }>"Remove"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
            <div class="field">
                <label for="passkey-name">"Name for a new passkey"</label>
                <input id="passkey-name" type="text" maxlength="100" placeholder="Work laptop" node_ref=name/>
            </div>
            <div class="field">
                <label for="passkey-password">"Your password (to add or remove a passkey)"</label>
                <input id="passkey-password" type="password" autocomplete="current-password" node_ref=password/>
            </div>
            <button type="button" disabled=move || add.pending().get()
                on:click=move |_| {
                    let value = |r: NodeRef<leptos::html::Input>| r.get().map(|i| i.value()).unwrap_or_default();
                    add.dispatch((value(name), value(password)));
                }>"Add a passkey"</button>
        </div>
    }
}
