//! Erasure for staff: the preview of what an erasure does, direct erasure of a
//! customer, and the admin's privacy settings.
use super::legal_holds::HoldPanel;
use crate::{
    api::privacy::{
        customer_erasure_preview, privacy_settings, EraseCustomer, LiftHold, PlaceHold,
        SavePrivacySettings,
    },
    components::{action_error, successes, ErrorNotice},
    model::{ErasurePreview, TicketsPolicy},
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use uuid::Uuid;

/// Per category, what erasure will do, and where other customers' tickets name the subject.
#[component]
pub(super) fn PreviewPanel(preview: ErasurePreview) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">{if preview.erased { "Erasure of " } else { "What erasing " }} {preview.subject_email.clone()} {if preview.erased { "" } else { " will do" }}</h2>
            <p class="muted">"Kept records will name them " <strong>{preview.pseudonym.clone()}</strong> "."</p>
            <table class="tickets preview">
                <thead><tr><th scope="col">"Data"</th><th scope="col">"Records"</th><th scope="col">"What happens"</th></tr></thead>
                <tbody>
                    {preview.categories.into_iter().map(|c| view! {
                        <tr><td>{c.category}</td><td>{c.count}</td><td>{c.outcome}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Mentions in other customers' tickets"</h3>
            {if preview.mentions.is_empty() && preview.erased {
                view! { <p class="muted">"None left to show: once the erasure is complete, nothing remains to search for."</p> }.into_any()
            } else if preview.mentions.is_empty() {
                view! { <p class="muted">"None found: no other conversation contains their email, phone or name."</p> }.into_any()
            } else {
                view! {
                    <p>"These messages of other customers name them. Redact them on the ticket before approving; the final check fails while an email or phone is still readable."</p>
                    <ul class="mentions">
                        {preview.mentions.into_iter().map(|m| view! {
                            <li>
                                <span class="badge">{m.matched.label()}</span> " "
                                {m.message_id.is_none().then_some("in the subject line ")}
                                <A href=match m.message_id {
                                    Some(message) => format!("/tickets/{}#message-{message}", m.ticket_id),
                                    None => format!("/tickets/{}", m.ticket_id),
                                }>"Open the ticket"</A>
                                <p class="excerpt">{m.excerpt}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Staff erase a customer directly: the preview, holds, a reason, and the button.
#[component]
pub fn EraseCustomerPage() -> impl IntoView {
    let params = use_params_map();
    let subject = move || params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()));
    let erase = ServerAction::<EraseCustomer>::new();
    let place = ServerAction::<PlaceHold>::new();
    let lift = ServerAction::<LiftHold>::new();
    let (erased, placed, lifted) = (
        successes(erase.into()),
        successes(place.into()),
        successes(lift.into()),
    );
    let preview = Resource::new(
        move || (subject(), erased.get(), placed.get(), lifted.get()),
        |(subject, ..)| async move {
            match subject {
                Some(s) => customer_erasure_preview(s).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let reason = RwSignal::new(String::new());
    view! {
        <section>
            <h1>"Erase a customer"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(p) => {
                            let erased = p.erased;
                            let held = p.hold.is_some();
                            let subject = subject().unwrap_or_default();
                            view! {
                                {erased.then(|| view! { <p class="notice" role="status">"This customer has been erased (or the erasure is under way). Kept records name them by the pseudonym below."</p> })}
                                <PreviewPanel preview=p/>
                                {(!erased).then(|| view! { <HoldPanel subject place lift/> })}
                                {move || erase.value().get().and_then(Result::ok).map(|_| view! {
                                    <p class="notice" role="status">"The erasure has started. It runs in the background; the audit log records each step."</p>
                                })}
                                {(!erased && !held).then(|| view! {
                                    <section class="card danger-zone">
                                        <h2>"Erase this customer"</h2>
                                        <p>"This cannot be undone. Their key is destroyed first; everything above happens in the background."</p>
                                        {action_error(erase.into())}
                                        <div class="field">
                                            <label for="erase-reason">"Reason (recorded)"</label>
                                            <textarea id="erase-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                        </div>
                                        <button type="button" class="danger" disabled=move || erase.pending().get()
                                            on:click=move |_| { erase.dispatch(EraseCustomer { subject, reason: reason.get_untracked() }); }>"Erase the customer"</button>
                                    </section>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// Admin settings of the privacy area.
#[component]
pub fn PrivacySettingsPage() -> impl IntoView {
    let save = ServerAction::<SavePrivacySettings>::new();
    let current = Resource::new(move || save.version().get(), |_| privacy_settings());
    view! {
        <section>
            <h1>"Privacy settings"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => view! {
                            <div class="card narrow-left">
                                {action_error(save.into())}
                                {move || save.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">"Saved."</p> })}
                                <ActionForm action=save>
                                    <fieldset>
                                        <legend>"Tickets of erased customers"</legend>
                                        <div class="field checkbox">
                                            <input id="tickets-anonymise" type="radio" name="erased_tickets" value="anonymise" checked=s.erased_tickets == TicketsPolicy::Anonymise/>
                                            <label for="tickets-anonymise">"Keep them anonymised for reporting (status and dates; content unreadable)"</label>
                                        </div>
                                        <div class="field checkbox">
                                            <input id="tickets-delete" type="radio" name="erased_tickets" value="delete" checked=s.erased_tickets == TicketsPolicy::Delete/>
                                            <label for="tickets-delete">"Delete them"</label>
                                        </div>
                                    </fieldset>
                                    <button type="submit">"Save"</button>
                                </ActionForm>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
