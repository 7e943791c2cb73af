//! The legal hold panel of a customer's erasure.
use crate::{
    api::privacy::{customer_erasure_preview, LiftHold, PlaceHold},
    components::{action_error, successes, ErrorNotice},
    model::format_time,
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
    view! {
        <section class="card">
            <h2>"Legal hold"</h2>
            {action_error(place.into())}
            {action_error(lift.into())}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match preview.await.map(|p| (p.hold, p.can_lift_hold)) {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok((Some(h), can_lift)) => view! {
                            <p class="alert" role="status">
                                "On legal hold since " {format_time(&h.placed_at)} " (" {h.placed_by} "): " {h.reason}
                                {h.until.map(|u| view! { " — until " {format_time(&u)} })}
                                ". Nothing of this customer may be erased or expire while it lasts."
                            </p>
                            {if can_lift {
                                view! { <button type="button" class="secondary" on:click=move |_| { lift.dispatch(LiftHold { subject }); }>"Lift the hold"</button> }.into_any()
                            } else {
                                view! { <p class="muted">"Only an admin can lift it."</p> }.into_any()
                            }}
                        }.into_any(),
                        Ok((None, _)) => view! {
                            <p class="muted">"A hold blocks erasure and retention deletion of this customer, e.g. during legal proceedings."</p>
                            <ActionForm action=place>
                                <input type="hidden" name="subject" value=subject.to_string()/>
                                <div class="field">
                                    <label for="hold-reason">"Reason"</label>
                                    <textarea id="hold-reason" name="reason" rows="2"></textarea>
                                </div>
                                <div class="field">
                                    <label for="hold-until">"Until (optional)"</label>
                                    <input id="hold-until" name="until" type="date"/>
                                </div>
                                <button type="submit" class="secondary">"Place a legal hold"</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
