use crate::{
    api::audit::my_activity,
    components::{Changes, ErrorNotice, Pager},
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
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <section>
            <h1>{tr.activity_title()}</h1>
            <p class="muted">{tr.activity_intro()}</p>
            <Transition fallback=move || view! { <p class="muted">{tr.activity_loading()}</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">{tr.activity_empty()}</p> }.into_any(),
                        Ok(paged) => view! {
                            <ol class="timeline">
                                {paged.items.into_iter().map(|e| view! {
                                    <li class="card">
                                        <div class="message-head">
                                            <strong>{e.action_label}</strong>
                                            <span class="muted">{e.by}</span>
                                            <time>{locale.time(&e.occurred_at)}</time>
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
