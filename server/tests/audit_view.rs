//! The admin's audit log reads the way its page shows it: each entity linked
//! to its page while it exists, people by name, and changes as labelled
//! values: no stored key as a label, no JSON as a value.
#![allow(clippy::unwrap_used)]
use crate::common::{self, staff, PASSWORD};

use app::{
    fields::CustomFieldInput,
    model::{AuditEntryView, AuditFilter, Role},
    server::{
        services::{activity, erasure, fields, tickets},
        Actor, AppState,
    },
};
use std::time::Duration;

async fn events(state: &AppState, admin: &Actor, action: &str) -> Vec<AuditEntryView> {
    let filter = AuditFilter {
        action: action.into(),
        ..Default::default()
    };
    activity::events(state, admin, &filter, 0)
        .await
        .unwrap()
        .items
}

fn plan(id: Option<uuid::Uuid>, options: &str) -> CustomFieldInput {
    CustomFieldInput {
        id,
        scope: "ticket".into(),
        label: "Plan".into(),
        field_type: "single_choice".into(),
        options: options.into(),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entities_link_to_their_pages_and_changes_read_as_labelled_values() {
    let state = common::state().await;
    let (ada, _) = common::sign_up_confirmed(&state, "Ada Lovelace", "ada@example.org", "").await;
    let agent = staff(&state, "agent@example.org", Role::Agent).await;
    let admin = staff(&state, "admin@example.org", Role::Admin).await;
    let kept = tickets::open(&state, &ada, "Invoice address", "Please fix it", &[])
        .await
        .unwrap();
    let gone = tickets::open(&state, &ada, "Sent by mistake", "Ignore me", &[])
        .await
        .unwrap();
    tickets::reply(&state, &agent, kept, "Fixed it for you", false)
        .await
        .unwrap();
    erasure::erase_ticket(&state, &agent, gone, "Sent by mistake")
        .await
        .unwrap();
    while server::erasure_worker::work_once(&state, Duration::ZERO).await {}
    let request = erasure::request(&state, &ada, PASSWORD, "Moving away")
        .await
        .unwrap();
    let field = fields::save_def(&state, &admin, plan(None, "Gold\nSilver"))
        .await
        .unwrap();
    fields::save_def(&state, &admin, plan(Some(field.id), "Gold\nSilver\nBronze"))
        .await
        .unwrap();

    // A ticket links to its page while it exists; people are named, their ids kept for tooltips.
    let opened = events(&state, &admin, "ticket_created").await;
    let row = |id: uuid::Uuid| {
        opened
            .iter()
            .find(|e| e.entity_id == id.to_string())
            .unwrap()
    };
    let kept_href = format!("/tickets/{kept}");
    assert_eq!(row(kept).entity_href.as_deref(), Some(kept_href.as_str()));
    assert_eq!(row(gone).entity_href, None);
    assert_eq!(row(kept).actor_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(row(kept).actor_id, Some(ada.user_id.to_string()));
    assert_eq!(row(kept).subject_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(row(kept).subject_email.as_deref(), Some("ada@example.org"));
    assert_eq!(row(kept).subject_id, Some(ada.user_id.to_string()));

    // A reply is about a message: it leads to its ticket, named by the ticket's subject.
    let reply = &events(&state, &admin, "ticket_replied").await[0];
    assert_eq!(reply.entity_href.as_deref(), Some(kept_href.as_str()));
    assert_eq!(reply.actor_name.as_deref(), Some("Agnes Agent"));
    let ticket = reply.changes.iter().find(|c| c.link.is_some()).unwrap();
    assert_eq!(
        (
            ticket.field.as_str(),
            ticket.after.as_deref(),
            ticket.link.as_deref()
        ),
        ("Ticket", Some("Invoice address"), Some(kept_href.as_str()))
    );

    // What an erasure deleted reads as labelled counts.
    let erased = &events(&state, &admin, "ticket_erased").await[0];
    assert_eq!(erased.entity_href, None);
    let deleted = erased
        .changes
        .iter()
        .find(|c| c.field == "Deleted")
        .unwrap();
    assert_eq!(
        deleted.after.as_deref(),
        Some("Field values: 0, Messages: 1, Tickets: 1")
    );

    // A privacy request leads to its page.
    let submitted = &events(&state, &admin, "privacy_request_submitted").await[0];
    let request_href = format!("/requests/{}", request.id);
    assert_eq!(
        submitted.entity_href.as_deref(),
        Some(request_href.as_str())
    );

    // A custom field is named by its label and leads to the fields page; its choices are a list.
    let edited = &events(&state, &admin, "custom_field_changed").await[0];
    assert_eq!(edited.entity_name.as_deref(), Some("Plan"));
    assert_eq!(edited.entity_href.as_deref(), Some("/admin/fields"));
    let choices = edited
        .changes
        .iter()
        .find(|c| c.field == "Choices")
        .unwrap();
    assert_eq!(
        (choices.before.as_deref(), choices.after.as_deref()),
        (Some("Gold, Silver"), Some("Gold, Silver, Bronze"))
    );

    // Nowhere in the log a stored key for a label or JSON for a value.
    let mut page = 0;
    loop {
        let paged = activity::events(&state, &admin, &AuditFilter::default(), page)
            .await
            .unwrap();
        for e in &paged.items {
            for c in &e.changes {
                assert!(!c.field.contains('_'), "seq {}: {c:?}", e.seq);
                for value in [&c.before, &c.after].into_iter().flatten() {
                    assert!(
                        !value.starts_with('{') && !value.starts_with('['),
                        "seq {}: {c:?}",
                        e.seq
                    );
                }
            }
        }
        page += 1;
        if page >= paged.total_pages {
            break;
        }
    }
}
