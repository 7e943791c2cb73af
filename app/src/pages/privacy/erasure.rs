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
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use uuid::Uuid;

/// Per category, what erasure will do, and where other customers' tickets name the subject.
#[component]
pub(super) fn PreviewPanel(preview: ErasurePreview) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let title = if preview.erased {
        tr.requests_preview_title_erased(&preview.subject_email)
    } else {
        tr.requests_preview_title(&preview.subject_email)
    };
    // The sentence is translated whole; the pseudonym inside it is set in bold.
    let elsewhere = preview.mentions_elsewhere;
    const MARK: &str = "\u{1}";
    let sentence = tr.requests_preview_pseudonym(MARK);
    let (before, after) = match sentence.split_once(MARK) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (sentence.clone(), String::new()),
    };
    view! {
        <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">{title}</h2>
            <p class="muted">{before} <strong>{preview.pseudonym.clone()}</strong> {after}</p>
            <table class="tickets preview">
                <thead><tr><th scope="col">{tr.requests_preview_column_data()}</th><th scope="col">{tr.requests_preview_column_records()}</th><th scope="col">{tr.requests_preview_column_outcome()}</th></tr></thead>
                <tbody>
                    {preview.categories.into_iter().map(|c| view! {
                        <tr><td>{c.category}</td><td>{c.count}</td><td>{c.outcome}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>{tr.requests_preview_mentions_title()}</h3>
            {if preview.mentions.is_empty() && preview.erased {
                view! { <p class="muted">{tr.requests_preview_mentions_none_erased()}</p> }.into_any()
            } else if preview.mentions.is_empty() {
                view! { <p class="muted">{tr.requests_preview_mentions_none()}</p> }.into_any()
            } else {
                view! {
                    <p>{tr.requests_preview_mentions_intro()}</p>
                    <ul class="mentions">
                        {preview.mentions.into_iter().map(|m| view! {
                            <li>
                                <span class="badge">{m.matched.label(tr)}</span> " "
                                {m.message_id.is_none().then(|| format!("{} ", tr.requests_preview_in_subject()))}
                                <A href=match m.message_id {
                                    Some(message) => format!("/tickets/{}#message-{message}", m.ticket_id),
                                    None => format!("/tickets/{}", m.ticket_id),
                                }>{tr.requests_preview_open_ticket()}</A>
                                <p class="excerpt">{m.excerpt}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(elsewhere > 0).then(|| view! { <p class="muted">{tr.requests_preview_mentions_elsewhere(elsewhere)}</p> })}
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
    let tr = crate::i18n::use_tr();
    view! {
        <section>
            <h1>{tr.requests_erase_title()}</h1>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(p) => {
                            let erased = p.erased;
                            let held = p.hold.is_some();
                            let subject = subject().unwrap_or_default();
                            view! {
                                {erased.then(|| view! { <p class="notice" role="status">{tr.requests_erase_erased_notice()}</p> })}
                                <PreviewPanel preview=p/>
                                {(!erased).then(|| view! { <HoldPanel subject place lift/> })}
                                {move || erase.value().get().and_then(Result::ok).map(|_| view! {
                                    <p class="notice" role="status">{tr.requests_erase_started()}</p>
                                })}
                                {(!erased && !held).then(|| view! {
                                    <section class="card danger-zone">
                                        <h2>{tr.requests_erase_card_title()}</h2>
                                        <p>{tr.requests_erase_warning()}</p>
                                        {action_error(erase.into())}
                                        <div class="field">
                                            <label for="erase-reason">{tr.requests_erase_reason()}</label>
                                            <textarea id="erase-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                        </div>
                                        <button type="button" class="danger" disabled=move || erase.pending().get()
                                            on:click=move |_| { erase.dispatch(EraseCustomer { subject, reason: reason.get_untracked() }); }>{tr.requests_erase_submit()}</button>
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
    let tr = crate::i18n::use_tr();
    view! {
        <SettingsLayout><section>
            <h1>{tr.requests_settings_title()}</h1>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => view! {
                            <div class="card narrow-left">
                                {action_error(save.into())}
                                {move || save.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.requests_settings_saved()}</p> })}
                                <ActionForm action=save>
                                    <fieldset>
                                        <legend>{tr.requests_settings_tickets_legend()}</legend>
                                        <div class="field checkbox">
                                            <input id="tickets-anonymise" type="radio" name="erased_tickets" value="anonymise" checked=s.erased_tickets == TicketsPolicy::Anonymise/>
                                            <label for="tickets-anonymise">{tr.requests_settings_tickets_anonymise()}</label>
                                        </div>
                                        <div class="field checkbox">
                                            <input id="tickets-delete" type="radio" name="erased_tickets" value="delete" checked=s.erased_tickets == TicketsPolicy::Delete/>
                                            <label for="tickets-delete">{tr.requests_settings_tickets_delete()}</label>
                                        </div>
                                    </fieldset>
                                    <button type="submit">{tr.save()}</button>
                                </ActionForm>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
