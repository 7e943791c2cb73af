//! index.html: the same data, readable in a browser without the internet.
use super::{
    json::{ExportProfile, ExportTicket},
    time,
};
use crate::{model::PrivacyRequestView, server::ServiceError};
use chrono::Utc;
use std::io::Write;

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page up to the tickets: title, styles and the profile table.
pub(crate) fn head(html: &mut impl Write, p: &ExportProfile) -> Result<(), ServiceError> {
    write!(
        html,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your data from Custodian</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2b2a}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}}\
         .msg{{border-left:3px solid #1f5f5b;padding:.2rem .8rem;margin:.5rem 0;white-space:pre-wrap}}</style></head><body>\
         <h1>Your data from Custodian</h1><p>Exported {}. See README.txt for what each file holds.</p><h2>Profile</h2><table>",
        time(&Utc::now())
    )
    ?;
    for (label, value) in [
        ("Email", Some(p.email.clone())),
        ("Name", p.name.clone()),
        ("Phone", p.phone.clone()),
        ("Twitter/X", p.twitter.clone()),
        ("Language", p.language.clone()),
        ("Time zone", p.time_zone.clone()),
    ] {
        write!(
            html,
            "<tr><th>{label}</th><td>{}</td></tr>",
            esc(value.as_deref().unwrap_or(""))
        )?;
    }
    for f in &p.custom_fields {
        write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            esc(&f.label),
            esc(&f.values.join(", "))
        )?;
    }
    html.write_all(b"</table><h2>Tickets</h2>")
        .map_err(ServiceError::from)
}

/// One ticket with its conversation.
pub(crate) fn ticket(html: &mut impl Write, t: &ExportTicket) -> Result<(), ServiceError> {
    write!(
        html,
        "<h3>{}</h3><p>{} · opened {}</p>",
        esc(&t.subject),
        esc(&t.status),
        time(&t.created_at)
    )?;
    for m in &t.messages {
        write!(
            html,
            "<div class=\"msg\"><strong>{}</strong> · {}<br>{}</div>",
            esc(&m.author),
            time(&m.created_at),
            esc(&m.body)
        )?;
    }
    Ok(())
}

/// The privacy requests and the end of the page.
pub(crate) fn requests_and_end(
    html: &mut impl Write,
    requests: &[PrivacyRequestView],
) -> Result<(), ServiceError> {
    write!(html, "<h2>Privacy requests</h2><ul>")?;
    for r in requests {
        write!(
            html,
            "<li>{} — {} (received {})</li>",
            esc(&r.summary),
            esc(r.status.label()),
            time(&r.received_at)
        )?;
    }
    html.write_all(
        b"</ul><p>The full activity log is in activity.csv and data.json.</p></body></html>",
    )?;
    Ok(())
}
