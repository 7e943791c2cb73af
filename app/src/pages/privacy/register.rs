//! The register of privacy requests: counts, times to answer, charts by
//! month and by kind (SVG, rendered on the server, each with the same
//! figures in a table), the newest entries and the CSV; and the register
//! entry each request page shows.
use crate::{
    api::privacy::{request_register, request_register_entry},
    components::ErrorNotice,
    i18n::{Locale, Tr},
    model::{RegisterCounts, RegisterEntry, RegisterKind},
};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

/// A time to answer: minutes under an hour, hours under two days, else days.
fn days(tr: Tr, minutes: Option<u32>) -> String {
    match minutes {
        None => tr.register_no_data().to_owned(),
        Some(m) if m < 60 => tr.register_minutes(u64::from(m)),
        Some(m) if m < 48 * 60 => tr.register_hours(u64::from(m / 60)),
        Some(m) => {
            let tenths = (m * 10 + 720) / 1440;
            tr.register_days(format!("{}.{}", tenths / 10, tenths % 10))
        }
    }
}

/// A register table: its name, its column headings, then its rows. The
/// scrolling box is focusable and named, so a keyboard can scroll it.
fn table(label: &'static str, headings: Vec<&'static str>, rows: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="register-table">
                <thead><tr>
                    {headings.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let register = Resource::new(|| (), |_| request_register());
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    view! {
        <section class="register-page wide-page">
            <div class="page-head">
                <h1>{tr.register_title()}</h1>
                <a class="button secondary" href="/requests/register.csv" download>{tr.register_download_csv()}</a>
            </div>
            <p class="muted">{tr.register_intro()}</p>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match register.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(r) => view! {
                            <Totals counts=r.totals.clone()/>
                            <h2 id="by-month">{tr.register_by_month()}</h2>
                            <MonthChart months=r.by_month.clone()/>
                            <MonthTable months=r.by_month.clone()/>
                            <h2 id="by-kind">{tr.register_by_kind()}</h2>
                            <KindChart kinds=r.by_kind.clone()/>
                            <KindTable kinds=r.by_kind.clone()/>
                            <h2>{tr.register_entries()}</h2>
                            <p class="muted">{tr.register_entries_shown(r.entries.len(), r.total_entries)}</p>
                            <Entries entries=r.entries locale/>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Totals(counts: RegisterCounts) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let tiles = [
        (tr.register_received(), counts.received.to_string()),
        (tr.register_completed(), counts.completed.to_string()),
        (tr.register_rejected(), counts.rejected.to_string()),
        (tr.register_withdrawn(), counts.withdrawn.to_string()),
        (tr.register_overdue(), counts.overdue.to_string()),
        (
            tr.register_answered_late(),
            counts.answered_late.to_string(),
        ),
        (tr.register_median(), days(tr, counts.median_minutes)),
        (tr.register_p90(), days(tr, counts.p90_minutes)),
    ];
    view! {
        <dl class="tiles">
            {tiles.into_iter().map(|(label, value)| view! {
                <div><dt>{label}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
    }
}

/// Grouped bars, received and answered, for each of the last twelve months.
#[component]
fn MonthChart(months: Vec<((i32, u32), RegisterCounts)>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let answered = |c: &RegisterCounts| c.completed + c.rejected + c.withdrawn;
    let max = months
        .iter()
        .map(|(_, c)| c.received.max(answered(c)))
        .max()
        .unwrap_or(0)
        .max(1);
    let height = 160.0;
    let scale = move |n: u64| (n as f64 / max as f64) * height;
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, ((_, month), c))| {
            let x = 36.0 + i as f64 * 50.0;
            let (r, a) = (c.received, answered(c));
            view! {
                <g>
                    <rect class="bar-received" x=x y=190.0 - scale(r) width="18" height=scale(r)/>
                    <rect class="bar-answered" x=x + 20.0 y=190.0 - scale(a) width="18" height=scale(a)/>
                    {(r > 0).then(|| view! { <text class="chart-value" x=x + 9.0 y=186.0 - scale(r) text-anchor="middle">{r}</text> })}
                    {(a > 0).then(|| view! { <text class="chart-value" x=x + 29.0 y=186.0 - scale(a) text-anchor="middle">{a}</text> })}
                    <text class="chart-label" x=x + 19.0 y="208" text-anchor="middle">{tr.month_short(u64::from(*month))}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox="0 0 640 216" role="img" aria-labelledby="by-month" aria-describedby="by-month-desc">
                <line class="chart-axis" x1="30" y1="190" x2="636" y2="190"/>
                {bars}
            </svg>
            <figcaption id="by-month-desc">
                <span class="key key-received"></span> {tr.register_legend_received()} " "
                <span class="key key-answered"></span> {tr.register_legend_answered()} " · "
                {tr.register_chart_month_desc()}
            </figcaption>
        </figure>
    }
}

#[component]
fn MonthTable(months: Vec<((i32, u32), RegisterCounts)>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    table(
        tr.register_by_month(),
        vec![
            tr.register_month(),
            tr.register_received(),
            tr.register_completed(),
            tr.register_rejected(),
            tr.register_withdrawn(),
            tr.register_median(),
        ],
        {
            months.into_iter().map(|((year, month), c)| view! {
                        <tr>
                            <th scope="row">{format!("{} {year}", tr.month_short(u64::from(month)))}</th>
                            <td>{c.received}</td><td>{c.completed}</td><td>{c.rejected}</td><td>{c.withdrawn}</td>
                            <td>{days(tr, c.median_minutes)}</td>
                        </tr>
                    }).collect_view()
        },
    )
}

/// One stacked bar per kind: completed, rejected, withdrawn, open.
#[component]
fn KindChart(kinds: Vec<(RegisterKind, RegisterCounts)>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let max = kinds
        .iter()
        .map(|(_, c)| c.received)
        .max()
        .unwrap_or(0)
        .max(1);
    let width = 420.0;
    let rows = kinds
        .iter()
        .enumerate()
        .map(|(i, (kind, c))| {
            let y = 10.0 + i as f64 * 44.0;
            let mut x = 200.0;
            let parts = [
                ("bar-completed", c.completed),
                ("bar-rejected", c.rejected),
                ("bar-withdrawn", c.withdrawn),
                ("bar-open", c.open),
            ]
            .into_iter()
            .map(|(class, n)| {
                let w = n as f64 / max as f64 * width;
                let at = x;
                x += w;
                view! { <rect class=class x=at y=y width=w height="28"/> }
            })
            .collect_view();
            view! {
                <g>
                    <text class="chart-label" x="192" y=y + 19.0 text-anchor="end">{kind.label(tr)}</text>
                    {parts}
                    <text class="chart-value" x=x + 6.0 y=y + 19.0>{c.received}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox="0 0 640 142" role="img" aria-labelledby="by-kind" aria-describedby="by-kind-desc">{rows}</svg>
            <figcaption id="by-kind-desc">
                <span class="key key-completed"></span> {tr.register_completed()} " "
                <span class="key key-rejected"></span> {tr.register_rejected()} " "
                <span class="key key-withdrawn"></span> {tr.register_withdrawn()} " "
                <span class="key key-open"></span> {tr.register_open()} " · "
                {tr.register_chart_kind_desc()}
            </figcaption>
        </figure>
    }
}

#[component]
fn KindTable(kinds: Vec<(RegisterKind, RegisterCounts)>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    table(
        tr.register_by_kind(),
        vec![
            tr.register_kind(),
            tr.register_received(),
            tr.register_completed(),
            tr.register_rejected(),
            tr.register_withdrawn(),
            tr.register_overdue(),
            tr.register_median(),
            tr.register_p90(),
        ],
        {
            kinds
                .into_iter()
                .map(|(kind, c)| {
                    view! {
                        <tr>
                            <th scope="row">{kind.label(tr)}</th>
                            <td>{c.received}</td><td>{c.completed}</td><td>{c.rejected}</td>
                            <td>{c.withdrawn}</td><td>{c.overdue}</td>
                            <td>{days(tr, c.median_minutes)}</td><td>{days(tr, c.p90_minutes)}</td>
                        </tr>
                    }
                })
                .collect_view()
        },
    )
}

#[component]
fn Entries(entries: Vec<RegisterEntry>, locale: Locale) -> impl IntoView {
    let tr = locale.tr();
    let when = move |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| locale.date(&t))
            .unwrap_or_else(|| tr.register_no_data().to_owned())
    };
    table(
        tr.register_entries(),
        vec![
            tr.register_col_request(),
            tr.register_col_kind(),
            tr.register_col_subject(),
            tr.register_col_received(),
            tr.register_col_due(),
            tr.register_col_decided(),
            tr.register_col_responded(),
            tr.register_col_outcome(),
        ],
        {
            entries
                .into_iter()
                .map(|e| {
                    // The random end: ids made the same minute share their start.
                    let id = e.request_id.to_string();
                    let short = id[id.len() - 8..].to_owned();
                    let link = (e.kind != RegisterKind::Access)
                        .then(|| format!("/requests/{}", e.request_id));
                    view! {
                        <tr>
                            <td title=e.request_id.to_string()>{match link {
                                Some(href) => view! { <A href=href>{short}</A> }.into_any(),
                                None => view! { <span class="muted">{short}</span> }.into_any(),
                            }}</td>
                            <td>{e.kind.label(tr)}</td>
                            <td><code>{e.subject_ref}</code></td>
                            <td>{when(Some(e.received_at))}</td>
                            <td>{when(Some(e.due_at))}</td>
                            <td>{when(e.decided_at)}</td>
                            <td>{when(e.responded_at)}</td>
                            <td>{e.outcome.label(tr)}</td>
                        </tr>
                    }
                })
                .collect_view()
        },
    )
}

/// The request's line in the register, on its page: the accountability log.
#[component]
pub fn RegisterEntryCard(id: Uuid) -> impl IntoView {
    let entry = Resource::new(move || id, request_register_entry);
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    let when = move |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| locale.time(&t))
            .unwrap_or_else(|| tr.register_no_data().to_owned())
    };
    view! {
        <section class="card">
            <h2>{tr.register_entry_title()}</h2>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match entry.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(None) => view! { <p class="muted">{tr.register_entry_none()}</p> }.into_any(),
                        Ok(Some(e)) => {
                            let extended = match (e.extended_months, e.extension_reason.clone()) {
                                (0, _) => tr.register_not_extended().to_owned(),
                                (_, reason) => tr.register_extended_by(
                                    reason.unwrap_or_default(),
                                    when(e.extension_told_at),
                                ),
                            };
                            let rows = [
                                (tr.register_col_subject(), e.subject_ref.clone()),
                                (tr.register_col_kind(), e.kind.label(tr).to_owned()),
                                (tr.register_col_received(), when(Some(e.received_at))),
                                (tr.register_col_due(), when(Some(e.due_at))),
                                (tr.register_col_extended_months(), extended),
                                (tr.register_col_decided(), match e.decided_by {
                                    Some(role) => format!("{} · {}", when(e.decided_at), role.label(tr)),
                                    None => when(e.decided_at),
                                }),
                                (tr.register_col_responded(), when(e.responded_at)),
                                (tr.register_col_outcome(), e.outcome.label(tr).to_owned()),
                                (tr.register_col_disclosed(), e.disclosed.clone()),
                                (tr.register_col_withheld(), e.withheld.clone()),
                                (tr.register_col_stores(), e.stores_searched.clone()),
                            ];
                            view! {
                                <dl class="register-entry">
                                    {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                                </dl>
                                <p><A href="/requests/register">{tr.register_title()}</A></p>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
