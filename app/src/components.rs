//! Pieces shared by several pages.
use crate::{
    api::auth::{who_am_i, SignOut},
    error::AppError,
    model::{CurrentUser, Role},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// The signed-in user, loaded once per page load and shared through context.
#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

/// Reads the shared user resource; must be called inside a Suspense or Transition.
pub fn use_user() -> Resource<Result<Option<CurrentUser>, AppError>> {
    use_context::<UserResource>()
        .map(|u| u.0)
        .unwrap_or_else(|| Resource::new(|| (), |_| who_am_i()))
}

/// A full page load, used after sign-in and sign-out so every part of the page
/// (and the session cookie) starts fresh.
pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}

/// An error as users see it: a message and its code, never internals.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let sign_in = matches!(error, AppError::NotSignedIn);
    view! {
        <div class="alert" role="alert" data-code=error.code()>
            <p>{error.to_string()}</p>
            {sign_in.then(|| view! { <p><A href="/sign-in">"Sign in"</A></p> })}
            <p class="alert-code">"Error code: " {error.code()}</p>
        </div>
    }
}

/// Shows the error of a finished action, if it failed.
pub fn action_error<I: 'static, T: Clone + Send + Sync + 'static>(
    action: Action<I, Result<T, AppError>>,
) -> impl IntoView {
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorNotice error/> })
    }
}

/// Counts an action's successful completions. A resource keyed on this refetches
/// after a change, not after a failed attempt — which would re-render the form
/// (and its buttons) under the user's next click.
pub fn successes<I: 'static, T: Clone + Send + Sync + 'static>(
    action: Action<I, Result<T, AppError>>,
) -> ReadSignal<u32> {
    let count = RwSignal::new(0u32);
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            count.update(|c| *c += 1);
        }
    });
    count.read_only()
}

/// The top bar: brand, navigation for the user's role, sign-out.
#[component]
pub fn Header() -> impl IntoView {
    let user = use_user();
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move || {
        if let Some(Ok(())) = sign_out.value().get() {
            go_to("/");
        }
    });
    view! {
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    " Custodian"
                </a>
                <nav aria-label="Main">
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match user.await {
                                Ok(Some(u)) => {
                                    let staff = u.role.is_staff();
                                    let admin = u.role == Role::Admin;
                                    view! {
                                        <A href="/tickets">{if staff { "Ticket queue" } else { "My tickets" }}</A>
                                        {(!staff).then(|| view! { <A href="/tickets/new">"New ticket"</A> })}
                                        {(!staff).then(|| view! { <A href="/profile">"Profile"</A> })}
                                        {(!staff).then(|| view! { <A href="/privacy">"Privacy"</A> })}
                                        {(!staff).then(|| view! { <A href="/activity">"Activity on my data"</A> })}
                                        {staff.then(|| view! { <A href="/requests">"Privacy requests"</A> })}
                                        {admin.then(|| view! {
                                            <A href="/admin/users">"Team"</A>
                                            <A href="/admin/audit">"Audit log"</A>
                                            <A href="/admin/keys">"Keys"</A>
                                            <A href="/admin/fields">"Fields"</A>
                                            <A href="/admin/permissions">"Permissions"</A>
                                            <A href="/admin/outbox">"Outbox"</A>
                                            <A href="/admin/export">"Export"</A>
                                            <A href="/admin/privacy">"Privacy settings"</A>
                                        })}
                                        <A href="/security">"Security"</A>
                                        <span class="who" title=u.email.clone()>{u.name.clone()} " · " {u.role.label()}</span>
                                        <ActionForm action=sign_out attr:class="inline">
                                            <button type="submit" class="link-button">"Sign out"</button>
                                        </ActionForm>
                                    }
                                    .into_any()
                                }
                                _ => view! {
                                    <A href="/sign-in">"Sign in"</A>
                                    <A href="/sign-up" attr:class="button small">"Create account"</A>
                                }
                                .into_any(),
                            }
                        })}
                    </Transition>
                </nav>
            </div>
        </header>
    }
}

/// The before/after values of an audit event, as a small definition list.
#[component]
pub fn Changes(changes: Vec<crate::model::ChangeView>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <dl class="changes">
                {changes.into_iter().map(|c| view! {
                    <dt>{c.field}</dt>
                    <dd>
                        {c.before.map(|b| view! { <del>{b}</del> " → " })}
                        {c.after.unwrap_or_else(|| "(removed)".into())}
                    </dd>
                }).collect_view()}
            </dl>
        }
    })
}

/// Previous/next links for a paged list; `link(page)` builds each page's address.
#[component]
pub fn Pager(
    page: u64,
    total_pages: u64,
    link: std::sync::Arc<dyn Fn(u64) -> String + Send + Sync>,
    /// Shown after the page count, e.g. "42 tickets".
    #[prop(optional, into)]
    note: Option<String>,
    /// The count stopped at its cap: there are more pages than `total_pages`.
    #[prop(optional)]
    more: bool,
) -> impl IntoView {
    let prev = link.clone();
    let plus = if more { "+" } else { "" };
    view! {
        <nav class="pager" aria-label="Pages">
            {(page > 0).then(|| view! { <A href=prev(page - 1)>"← Newer"</A> })}
            <span>"Page " {page + 1} " of " {total_pages} {plus} {note.map(|n| format!(" · {n}"))}</span>
            {(page + 1 < total_pages).then(|| view! { <A href=link(page + 1)>"Older →"</A> })}
        </nav>
    }
}
