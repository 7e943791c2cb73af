//! The mail outbox (admins).
use crate::{
    api::privacy::outbox,
    components::{ErrorNotice, Pager},
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The mail outbox for admins: every mail, with its delivery state.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    };
    let mails = Resource::new(page, outbox);
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <SettingsLayout><section>
            <h1>{tr.requests_outbox_title()}</h1>
            <p class="muted">{tr.requests_outbox_intro()}</p>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match mails.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(paged) if paged.items.is_empty() => view! { <p class="empty">{tr.requests_outbox_empty()}</p> }.into_any(),
                        Ok(paged) => view! {
                            {paged.items.into_iter().map(|m| view! {
                                <article class="card mail">
                                    <div class="message-head">
                                        <strong>{m.subject}</strong>
                                        <span class="badge">{m.status.label(tr)}</span>
                                        <time>{locale.time(&m.created_at)}</time>
                                    </div>
                                    <p class="muted">{tr.requests_outbox_to(m.to)}</p>
                                    <p class="message-body">{m.body}</p>
                                </article>
                            }).collect_view()}
                            <Pager page=paged.page total_pages=paged.total_pages more=paged.more link=Arc::new(|p| format!("/admin/outbox?page={p}"))/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
