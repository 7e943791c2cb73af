use crate::{
    api::audit::my_activity,
    components::{Changes, ErrorNotice, Pager},
    model::format_time,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// "Activity on my data": every recorded event about the customer, newest first.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    };
    let events = Resource::new(page, my_activity);
    view! {
        <section>
            <h1>"Activity on my data"</h1>
            <p class="muted">
                "Every change to your account, your tickets and your messages, and every sign-in, is recorded here "
                "— whether you made it or our team did. Entries cannot be altered afterwards."
            </p>
            <Transition fallback=|| view! { <p class="muted">"Loading activity…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">"Nothing recorded yet."</p> }.into_any(),
                        Ok(paged) => view! {
                            <ol class="timeline">
                                {paged.items.into_iter().map(|e| view! {
                                    <li class="card">
                                        <div class="message-head">
                                            <strong>{e.action_label}</strong>
                                            <span class="muted">"by " {e.who}</span>
                                            <time>{format_time(&e.occurred_at)}</time>
                                        </div>
                                        <Changes changes=e.changes/>
                                    </li>
                                }).collect_view()}
                            </ol>
                            <Pager page=paged.page total_pages=paged.total_pages more=paged.more link=Arc::new(|p| format!("/activity?page={p}"))/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
