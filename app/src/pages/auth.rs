use crate::{
    api::auth::{SignIn, SignUp},
    components::{action_error, go_to},
    error::AppError,
    model::limits,
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
    Effect::new(move || {
        if let Some(Ok(path)) = action.value().get() {
            go_to(&path);
        }
    });
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    redirect_on_success(action);
    // An account whose password an admin typed: the person chooses their own
    // here, and the form sends it with the next attempt.
    let choose_own = RwSignal::new(false);
    // Two-factor sign-in: the code field appears once the password was right.
    let ask_code = RwSignal::new(false);
    Effect::new(move || match action.value().get() {
        Some(Err(AppError::PasswordChangeRequired)) => choose_own.set(true),
        Some(Err(AppError::SecondFactorRequired)) => ask_code.set(true),
        _ => {}
    });
    view! {
        <section class="narrow card">
            <h1>"Sign in"</h1>
            {action_error(action.into())}
            <ActionForm action>
                <div class="field">
                    <label for="email">"Email"</label>
                    <input id="email" name="email" type="email" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                {move || choose_own.get().then(|| view! {
                    <div class="field">
                        <label for="new-password">"Your own new password"</label>
                        <input id="new-password" name="new_password" type="password" autocomplete="new-password"
                            minlength=limits::PASSWORD_MIN aria-describedby="new-password-hint" required/>
                        <p id="new-password-hint" class="hint">"At least " {limits::PASSWORD_MIN} " characters, and hard to guess: a few unrelated words work well."</p>
                    </div>
                })}
                {move || ask_code.get().then(|| view! {
                    <div class="field">
                        <label for="code">"Code from your authenticator app"</label>
                        <input id="code" name="code" type="text" autocomplete="one-time-code" maxlength="24"
                            aria-describedby="code-hint" required/>
                        <p id="code-hint" class="hint">"6 digits, or one of your recovery codes."</p>
                    </div>
                })}
                <button type="submit" disabled=move || action.pending().get()>"Sign in"</button>
            </ActionForm>
            <p class="muted"><A href="/forgot-password">"Forgot your password?"</A></p>
            <p class="muted">"New here? " <A href="/sign-up">"Create an account"</A></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    redirect_on_success(action);
    view! {
        <section class="narrow card">
            <h1>"Create your account"</h1>
            <p class="muted">"Your email address is how you sign in. We never share it."</p>
            {action_error(action.into())}
            <ActionForm action>
                <div class="field">
                    <label for="name">"Name"</label>
                    <input id="name" name="name" type="text" autocomplete="name" maxlength=limits::NAME_MAX required/>
                </div>
                <div class="field">
                    <label for="email">"Email"</label>
                    <input id="email" name="email" type="email" autocomplete="email" maxlength=limits::EMAIL_MAX required/>
                </div>
                <div class="field">
                    <label for="phone">"Phone (optional)"</label>
                    <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="30"/>
                </div>
                <div class="field">
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="new-password"
                        minlength=limits::PASSWORD_MIN aria-describedby="password-hint" required/>
                    <p id="password-hint" class="hint">"At least " {limits::PASSWORD_MIN} " characters."</p>
                </div>
                <button type="submit" disabled=move || action.pending().get()>"Create account"</button>
            </ActionForm>
            <p class="muted">"Already have an account? " <A href="/sign-in">"Sign in"</A></p>
        </section>
    }
}
