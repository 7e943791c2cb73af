//! The legal hold panel of a customer's erasure.
use crate::{
    api::privacy::{customer_erasure_preview, LiftHold, PlaceHold},
    components::{action_error, successes, ErrorNotice},
};
use leptos::prelude::*;
use uuid::Uuid;

/// The subject's legal hold: shown with its reason and lifted, or placed.
#[component]
pub(super) fn HoldPanel(
    subject: Uuid,
    place: ServerAction<PlaceHold>,
    lift: ServerAction<LiftHold>,
) -> impl IntoView {
    let (placed, lifted) = (successes(place.into()), successes(lift.into()));
    let preview = Resource::new(
        move || (placed.get(), lifted.get()),
        move |_| customer_erasure_preview(subject),
    );
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <section class="card">
            <h2>{tr.requests_hold_title()}</h2>
            {action_error(place.into())}
            {action_error(lift.into())}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match preview.await.map(|p| (p.hold, p.can_lift_hold)) {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok((Some(h), can_lift)) => view! {
                            <p class="alert" role="status">
                                {match h.until {
                                    Some(until) => tr.requests_hold_active_until(locale.time(&h.placed_at), h.placed_by, h.reason, locale.time(&until)),
                                    None => tr.requests_hold_active(locale.time(&h.placed_at), h.placed_by, h.reason),
                                }}
                            </p>
                            {if can_lift {
                                view! { <button type="button" class="secondary" on:click=move |_| { lift.dispatch(LiftHold { subject }); }>{tr.requests_hold_lift()}</button> }.into_any()
                            } else {
                                view! { <p class="muted">{tr.requests_hold_admin_only()}</p> }.into_any()
                            }}
                        }.into_any(),
                        Ok((None, _)) => view! {
                            <p class="muted">{tr.requests_hold_intro()}</p>
                            <ActionForm action=place>
                                <input type="hidden" name="subject" value=subject.to_string()/>
                                <div class="field">
                                    <label for="hold-reason">{tr.requests_hold_reason()}</label>
                                    <textarea id="hold-reason" name="reason" rows="2"></textarea>
                                </div>
                                <div class="field">
                                    <label for="hold-until">{tr.requests_hold_until()}</label>
                                    <input id="hold-until" name="until" type="date"/>
                                </div>
                                <button type="submit" class="secondary">{tr.requests_hold_place()}</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
