//! The privacy area's pages, by what they serve (as `api::privacy` is organised),
//! and the pieces they share: a request's due date and its history.
mod customer;
mod email_change;
mod erasure;
mod exports;
mod legal_holds;
mod outbox;
mod register;
mod requests;

pub use customer::PrivacyPage;
pub use email_change::{CancelEmailChangePage, ConfirmEmailPage};
pub use erasure::{EraseCustomerPage, PrivacySettingsPage};
pub use exports::AdminExportPage;
pub use outbox::OutboxPage;
pub use register::RegisterPage;
pub use requests::{RequestPage, RequestQueuePage};

use crate::{i18n::Locale, model::PrivacyRequestView};
use leptos::prelude::*;

pub(crate) fn due(r: &PrivacyRequestView, locale: Locale) -> impl IntoView {
    r.status.is_open().then(|| due_badge(r, locale))
}

fn due_badge(r: &PrivacyRequestView, locale: Locale) -> impl IntoView {
    let tr = locale.tr();
    let class = if r.overdue {
        "badge overdue" // i18n: not shown (classes)
    } else if r.due_soon {
        "badge due-soon" // i18n: not shown (classes)
    } else {
        "badge"
    };
    let date = locale.time(&r.due_at);
    let text = if r.extended_months > 0 {
        tr.privacy_due_extended(date, r.extended_months as u64)
    } else {
        tr.privacy_due(date)
    };
    let overdue = r.overdue.then(|| format!(" {}", tr.privacy_due_overdue()));
    let due_soon = r.due_soon.then(|| format!(" {}", tr.privacy_due_soon()));
    view! { <span class=class>{text} {overdue} {due_soon}</span> }
}

#[component]
pub(crate) fn History(request: PrivacyRequestView) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <ol class="history">
            {request.history.into_iter().map(|s| view! {
                <li>
                    <strong>{s.label}</strong> " · " {s.by} " · " <time>{locale.time(&s.at)}</time>
                    {s.note.map(|n| view! { <p class="note">{tr.privacy_history_reason(n)}</p> })}
                </li>
            }).collect_view()}
        </ol>
    }
}
