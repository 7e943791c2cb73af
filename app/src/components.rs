//! Pieces shared by several pages.
use crate::{
    api::auth::{who_am_i, SignOut},
    error::AppError,
    i18n::{use_locale, use_tr, Lang},
    model::CurrentUser,
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

/// An error as users see it: a sentence in their language, and for an
/// unexpected failure the reference our team can look up; never internals.
/// (The code is on the element for tests and support, not in the text.)
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let tr = use_tr();
    let sign_in = matches!(error, AppError::NotSignedIn);
    let reference = error.reference().map(|r| tr.error_reference(r));
    view! {
        <div class="alert" role="alert" data-code=error.code()>
            <p>{error.message(tr)}</p>
            // (Opening a page without a session never gets here: the server
            // sends the visitor to sign in, and back. This is a session that
            // ended while the page was open; reloading it does the same.)
            {sign_in.then(|| view! { <p><A href="/sign-in">{tr.sign_in()}</A></p> })}
            {reference.map(|r| view! { <p class="alert-code">{r}</p> })}
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

/// The header's entries for a signed-in person: what their role may use, who
/// they are, sign-out. Left out of the visitor bundle, which is only ever
/// served to a visitor (no session), and a sign-in is a full page load.
#[cfg(not(feature = "visitor"))]
#[component]
fn SignedInNav(user: CurrentUser, sign_out: ServerAction<SignOut>) -> impl IntoView {
    let tr = use_tr();
    let u = user;
    let staff = u.role.is_staff();
    let settings = crate::navigation::settings_pages(&u)
        .next()
        .map(|(href, _)| href);
    let queue = !staff || u.may(crate::model::Permission::ViewTickets);
    let requests = staff && u.may(crate::model::Permission::ReviewRequests);
    view! {
        {queue.then(|| view! { <A href="/tickets">{if staff { tr.nav_ticket_queue() } else { tr.nav_my_tickets() }}</A> })}
        {(!staff).then(|| view! { <A href="/tickets/new">{tr.nav_new_ticket()}</A> })}
        {(!staff).then(|| view! { <A href="/profile">{tr.nav_profile()}</A> })}
        {(!staff).then(|| view! { <A href="/privacy">{tr.nav_privacy()}</A> })}
        {(!staff).then(|| view! { <A href="/activity">{tr.nav_activity()}</A> })}
        {requests.then(|| view! { <A href="/requests">{tr.nav_privacy_requests()}</A> })}
        {settings.map(|href| view! {
            <A href=href>{tr.nav_settings()}</A>
        })}
        <A href="/security">{tr.nav_security()}</A>
        <span class="who" title=u.email.clone()>
            <span class="who-name" title=u.name.clone()>{u.name.clone()}</span>
            <span class="who-role">" · " {u.role.label(tr)}</span>
        </span>
        <ActionForm action=sign_out attr:class="inline">
            <button type="submit" class="link-button">{tr.sign_out()}</button>
        </ActionForm>
    }
}

#[cfg(feature = "visitor")]
#[component]
fn SignedInNav(user: CurrentUser, sign_out: ServerAction<SignOut>) -> impl IntoView {
    let _ = (user, sign_out);
}

/// The top bar: brand, navigation for the user's role, sign-out.
#[component]
pub fn Header() -> impl IntoView {
    let tr = use_tr();
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
                    " " {tr.brand()}
                </a>
                <nav aria-label=tr.nav_main()>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match user.await {
                                Ok(Some(u)) => view! { <SignedInNav user=u sign_out/> }.into_any(),
                                _ => view! {
                                    <A href="/sign-in">{tr.sign_in()}</A>
                                    <A href="/sign-up" attr:class="button small">{tr.create_account()}</A>
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
                        {match (c.after, c.link) {
                            (Some(after), Some(link)) => view! { <A href=link>{after}</A> }.into_any(),
                            (after, _) => after.unwrap_or_else(|| use_tr().removed_value().into()).into_any(),
                        }}
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
    let tr = use_tr();
    let prev = link.clone();
    let plus = if more { "+" } else { "" };
    view! {
        <nav class="pager" aria-label=tr.pager_label()>
            {(page > 0).then(|| view! { <A href=prev(page - 1)>{tr.pager_newer()}</A> })}
            <span>{tr.pager_position(page + 1, format!("{total_pages}{plus}"))} {note.map(|n| format!(" · {n}"))}</span>
            {(page + 1 < total_pages).then(|| view! { <A href=link(page + 1)>{tr.pager_older()}</A> })}
        </nav>
    }
}

/// The footer: the tagline and the language switcher. The switcher is a
/// plain form (it works before the page hydrates and without JavaScript): the
/// server sets the language cookie, and a signed-in person's profile, and
/// goes back to the page (the Referer).
#[component]
pub fn Footer() -> impl IntoView {
    let locale = use_locale();
    let tr = locale.tr();
    let notice = Resource::new(|| (), |_| crate::api::retention::privacy_notice_link());
    view! {
        <footer class="site-footer container">
            <p>{tr.footer_tagline()}
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        notice.await.ok().flatten().map(|href| view! {
                            " · "<a href=href class="privacy-notice">{tr.footer_privacy_notice()}</a>
                        })
                    })}
                </Suspense>
            </p>
            <form class="language-switcher" method="post" action="/language">
                <label for="footer-language">{tr.footer_language()}</label>
                <select id="footer-language" name="lang">
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=l == locale.lang>{l.endonym()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="small secondary">{tr.footer_language_change()}</button>
            </form>
        </footer>
    }
}
