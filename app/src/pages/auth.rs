use crate::{
    api::{
        account::start_passkey_sign_in,
        auth::{sign_in, sign_in_with_passkey, SignIn, SignUp},
    },
    components::{action_error, go_to},
    error::AppError,
    i18n::{use_tr, Tr},
    model::limits,
    passkey_client,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// Follows a successful sign-in or sign-up with a full page load.
fn redirect_on_success<I>(action: ServerAction<I>)
where
    I: leptos::server_fn::ServerFn<Output = String, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    let next = next_page();
    Effect::new(move || {
        if let Some(Ok(path)) = action.value().get() {
            go_to(&after_sign_in(&path, next.as_deref()));
        }
    });
}

/// The page a visitor was sent to sign in from (`?next=`), if it is on this site.
fn next_page() -> Option<String> {
    let query = leptos_router::hooks::use_query_map();
    query
        .with_untracked(|q| q.get("next"))
        .filter(|next| crate::local_path(next).is_some())
}

/// Where to go after signing in: back to the page that asked for it, unless
/// the server sends the person somewhere first (setting up two-factor sign-in).
fn after_sign_in(server_path: &str, next: Option<&str>) -> String {
    match next {
        Some(next) if server_path == "/tickets" => next.to_owned(),
        _ => server_path.to_owned(),
    }
}

/// An error as a sentence in the page's language, with the reference our
/// team can look up for an unexpected failure (where no `ErrorNotice` shows it).
pub(crate) fn error_text(tr: Tr, error: AppError) -> String {
    match error.reference() {
        Some(reference) => format!("{} {}", error.message(tr), tr.error_reference(reference)),
        None => error.message(tr),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let tr = use_tr();
    let action = ServerAction::<SignIn>::new();
    redirect_on_success(action);
    // An account whose password an admin typed: the person chooses their own
    // here, and the form sends it with the next attempt.
    let choose_own = RwSignal::new(false);
    // Two-factor sign-in: the code field, or the passkey button, appears once
    // the password was right.
    let ask_code = RwSignal::new(false);
    let ask_passkey = RwSignal::new(false);
    Effect::new(move || match action.value().get() {
        Some(Err(AppError::PasswordChangeRequired)) => choose_own.set(true),
        Some(Err(AppError::SecondFactorRequired {
            authenticator_app,
            passkey,
        })) => {
            ask_code.set(authenticator_app);
            ask_passkey.set(passkey);
        }
        _ => {}
    });
    let email = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    // A passkey ceremony, with the password (second factor) or without it
    // (passwordless); either way a full page load follows.
    let with_passkey = Action::new_unsync(move |password: &Option<String>| {
        let password = password.clone();
        let address = email.get().map(|e| e.value()).unwrap_or_default();
        async move {
            if address.trim().is_empty() {
                return Err(tr.auth_enter_email_first().to_owned());
            }
            let challenge = start_passkey_sign_in(address.clone())
                .await
                .map_err(|e| error_text(tr, e))?;
            let answer = passkey_client::get(tr, challenge.options).await?;
            let next = match password {
                Some(password) => {
                    sign_in(
                        address,
                        password,
                        String::new(),
                        String::new(),
                        Some(challenge.challenge_id),
                        answer,
                    )
                    .await
                }
                None => sign_in_with_passkey(challenge.challenge_id, answer).await,
            };
            next.map_err(|e| error_text(tr, e))
        }
    });
    let next = next_page();
    Effect::new(move || {
        if let Some(Ok(path)) = with_passkey.value().get() {
            go_to(&after_sign_in(&path, next.as_deref()));
        }
    });
    view! {
        <section class="narrow card">
            <h1>{tr.sign_in()}</h1>
            {action_error(action.into())}
            <ActionForm action>
                <div class="field">
                    <label for="email">{tr.auth_email()}</label>
                    <input id="email" name="email" type="email" autocomplete="username webauthn" node_ref=email required/>
                </div>
                <div class="field">
                    <label for="password">{tr.auth_password()}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" node_ref=password required/>
                </div>
                {move || choose_own.get().then(|| view! {
                    <div class="field">
                        <label for="new-password">{tr.auth_own_new_password()}</label>
                        <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN aria-describedby="new-password-hint" required/>
                        <p id="new-password-hint" class="hint">{tr.auth_password_hint_strong(limits::PASSWORD_MIN)}</p>
                    </div>
                })}
                {move || ask_code.get().then(|| view! {
                    <div class="field">
                        <label for="code">{tr.auth_code()}</label>
                        <input id="code" name="code" type="text" autocomplete="one-time-code" maxlength="40"
                            aria-describedby="code-hint" required/>
                        <p id="code-hint" class="hint">{tr.auth_code_hint()}</p>
                    </div>
                })}
                {move || ask_passkey.get().then(|| view! {
                    <button type="button" class="secondary" disabled=move || with_passkey.pending().get()
                        on:click=move |_| { with_passkey.dispatch(Some(password.get().map(|p| p.value()).unwrap_or_default())); }>
                        {tr.auth_use_passkey()}
                    </button>
                })}
                <button type="submit" disabled=move || action.pending().get()>{tr.sign_in()}</button>
            </ActionForm>
            {move || with_passkey.value().get().and_then(Result::err).map(|message| view! {
                <div class="alert" role="alert"><p>{message}</p></div>
            })}
            <p>
                <button type="button" class="secondary" disabled=move || with_passkey.pending().get()
                    on:click=move |_| { with_passkey.dispatch(None); }>{tr.auth_passkey_instead()}</button>
            </p>
            // A full page load: the reset pages are not in the visitor bundle (its budget).
            <p class="muted"><a href="/forgot-password" rel="external">{tr.auth_forgot_password()}</a></p>
            <p class="muted">{tr.auth_new_here()} " " <A href="/sign-up">{tr.auth_create_an_account()}</A></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let tr = use_tr();
    let action = ServerAction::<SignUp>::new();
    redirect_on_success(action);
    view! {
        <section class="narrow card">
            <h1>{tr.auth_sign_up_title()}</h1>
            <p class="muted">{tr.auth_sign_up_intro()}</p>
            {action_error(action.into())}
            <ActionForm action>
                <div class="field">
                    <label for="name">{tr.auth_name()}</label>
                    <input id="name" name="name" type="text" autocomplete="name" maxlength=limits::NAME_MAX required/>
                </div>
                <div class="field">
                    <label for="email">{tr.auth_email()}</label>
                    <input id="email" name="email" type="email" autocomplete="email" maxlength=limits::EMAIL_MAX required/>
                </div>
                <div class="field">
                    <label for="phone">{tr.auth_phone_optional()}</label>
                    <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="30"/>
                </div>
                <div class="field">
                    <label for="password">{tr.auth_password()}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password"
                        minlength=limits::PASSWORD_MIN aria-describedby="password-hint" required/>
                    <p id="password-hint" class="hint">{tr.auth_password_hint(limits::PASSWORD_MIN)}</p>
                </div>
                <button type="submit" disabled=move || action.pending().get()>{tr.create_account()}</button>
            </ActionForm>
            <p class="muted">{tr.auth_have_account()} " " <A href="/sign-in">{tr.sign_in()}</A></p>
        </section>
    }
}
