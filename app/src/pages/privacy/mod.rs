//! The privacy area's pages, by what they serve (as `api::privacy` is organised),
//! and the pieces they share: a request's due date and its history.
mod customer;
mod email_change;
mod erasure;
mod exports;
mod legal_holds;
mod outbox;
mod requests;

pub use customer::PrivacyPage;
pub use email_change::{CancelEmailChangePage, ConfirmEmailPage};
pub use erasure::{EraseCustomerPage, PrivacySettingsPage};
pub use exports::AdminExportPage;
pub use outbox::OutboxPage;
pub use requests::{RequestPage, RequestQueuePage};

use crate::model::{format_time, PrivacyRequestView};
use leptos::prelude::*;

pub(crate) fn due(r: &PrivacyRequestView) -> impl IntoView {
    r.status.is_open().then(|| due_badge(r))
}

fn due_badge(r: &PrivacyRequestView) -> impl IntoView {
    let class = if r.overdue {
        "badge overdue"
    } else if r.due_soon {
        "badge due-soon"
    } else {
        "badge"
    };
    let extended = (r.extended_months > 0).then(|| {
        format!(
            " (extended by {} month{})",
            r.extended_months,
            if r.extended_months == 1 { "" } else { "s" }
        )
    });
    view! { <span class=class>"Due " {format_time(&r.due_at)} {extended} {r.overdue.then_some(" — overdue")} {r.due_soon.then_some(" — due within 7 days")}</span> }
}

#[component]
pub(crate) fn History(request: PrivacyRequestView) -> impl IntoView {
    view! {
        <ol class="history">
            {request.history.into_iter().map(|s| view! {
                <li>
                    <strong>{s.label}</strong> " · " {s.by} " · " <time>{format_time(&s.at)}</time>
                    {s.note.map(|n| view! { <p class="note">"Reason: " {n}</p> })}
                </li>
            }).collect_view()}
        </ol>
    }
}
