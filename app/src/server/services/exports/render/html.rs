//! index.html: the same data, readable in a browser without the internet.
use super::json::{ExportProfile, ExportTicket};
use crate::{
    model::PrivacyRequestView,
    server::{services::profile::MailLocale, ServiceError},
};
use chrono::Utc;
use std::io::Write;

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page up to the tickets: title, styles and the profile table.
pub(crate) fn head(
    html: &mut impl Write,
    p: &ExportProfile,
    locale: &MailLocale,
) -> Result<(), ServiceError> {
    let tr = locale.tr;
    let title = esc(tr.export_title());
    write!(
        html,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2b2a}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}}\
         .msg{{border-left:3px solid #1f5f5b;padding:.2rem .8rem;margin:.5rem 0;white-space:pre-wrap}}</style></head><body>\
         <h1>{title}</h1><p>{}</p><h2>{}</h2><table>",
        tr.0.code(),
        esc(&tr.export_exported_at(locale.time(&Utc::now()))),
        esc(tr.export_profile()),
    )?;
    for (label, value) in [
        (tr.export_field_email(), Some(p.email.clone())),
        (tr.export_field_name(), p.name.clone()),
        (tr.export_field_phone(), p.phone.clone()),
        (tr.export_field_twitter(), p.twitter.clone()),
        (tr.export_field_language(), p.language.clone()),
        (tr.export_field_time_zone(), p.time_zone.clone()),
    ] {
        write!(
            html,
            "<tr><th>{}</th><td>{}</td></tr>",
            esc(label),
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
    write!(html, "</table><h2>{}</h2>", esc(tr.export_tickets())).map_err(ServiceError::from)
}

/// One ticket with its conversation.
pub(crate) fn ticket(
    html: &mut impl Write,
    t: &ExportTicket,
    locale: &MailLocale,
) -> Result<(), ServiceError> {
    let status = crate::model::TicketStatus::parse(&t.status)
        .map(|s| s.label(locale.tr))
        .unwrap_or(&t.status);
    write!(
        html,
        "<h3>{}</h3><p>{}</p>",
        esc(&t.subject),
        esc(&locale
            .tr
            .export_ticket_opened(status, locale.time(&t.created_at)))
    )?;
    for m in &t.messages {
        write!(
            html,
            "<div class=\"msg\"><strong>{}</strong> · {}<br>{}</div>",
            esc(&m.author),
            locale.time(&m.created_at),
            esc(&m.body)
        )?;
    }
    Ok(())
}

/// The privacy requests and the end of the page.
pub(crate) fn requests_and_end(
    html: &mut impl Write,
    requests: &[PrivacyRequestView],
    locale: &MailLocale,
) -> Result<(), ServiceError> {
    let tr = locale.tr;
    write!(html, "<h2>{}</h2><ul>", esc(tr.export_privacy_requests()))?;
    for r in requests {
        let line =
            tr.export_request_line(&r.summary, r.status.label(tr), locale.time(&r.received_at));
        write!(html, "<li>{}</li>", esc(&line))?;
    }
    write!(
        html,
        "</ul><p>{}</p></body></html>",
        esc(tr.export_activity_note())
    )?;
    Ok(())
}
