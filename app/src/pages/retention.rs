//! Retention: the admin's settings page with the next cleanup's preview, and
//! what customers are told on their privacy page.
use crate::{
    api::retention::{retention_notice, retention_settings, SaveRegion, SaveRetention},
    components::{action_error, ErrorNotice},
    i18n::{Locale, Tr},
    model::{
        CleanupPlan, PlannedAccount, RetentionNoticeView, RetentionPage, RetentionPolicy,
        TicketsPolicy, CLEANUP_CYCLES,
    },
    pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;

fn cycle_label(tr: Tr, days: u32) -> &'static str {
    match days {
        1 => tr.retention_cycle_1(),
        7 => tr.retention_cycle_7(),
        30 => tr.retention_cycle_30(),
        91 => tr.retention_cycle_91(),
        365 => tr.retention_cycle_365(),
        _ => tr.retention_cycle_182(),
    }
}

/// Settings → Retention (admins).
#[component]
pub fn RetentionSettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveRetention>::new();
    let save_region = ServerAction::<SaveRegion>::new();
    let current = Resource::new(
        move || (save.version().get(), save_region.version().get()),
        |_| retention_settings(),
    );
    let tr = crate::i18n::use_tr();
    view! {
        <SettingsLayout><section>
            <h1>{tr.retention_title()}</h1>
            <p class="muted">{tr.retention_intro()}</p>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(page) => view! {
                            <RegionForm page=page.clone() saved=save_region/>
                            <RetentionForm page save/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}

/// Where the data lives: the region's label, the privacy notice link, and the databases.
#[component]
fn RegionForm(page: RetentionPage, saved: ServerAction<SaveRegion>) -> impl IntoView {
    let tr = crate::i18n::use_tr();
    view! {
        <section class="card narrow-left" aria-labelledby="region-title">
            <h2 id="region-title">{tr.region_title()}</h2>
            <p class="muted">{tr.region_intro()}</p>
            {action_error(saved.into())}
            {move || saved.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.region_saved()}</p> })}
            <ActionForm action=saved>
                <div class="field">
                    <label for="region-label">{tr.region_label()}</label>
                    <input id="region-label" name="label" type="text" maxlength="80" value=page.region.label/>
                </div>
                <div class="field">
                    <label for="region-notice">{tr.region_notice_url()}</label>
                    <input id="region-notice" name="notice_url" type="text" maxlength="500" value=page.region.notice_url/>
                </div>
                <button type="submit" disabled=move || saved.pending().get()>{tr.save()}</button>
            </ActionForm>
            <ul class="plain-list muted">
                <li><code>{tr.region_database(page.database_location)}</code></li>
                <li><code>{tr.region_keystore(page.keystore_location)}</code></li>
            </ul>
        </section>
    }
}

#[component]
fn RetentionForm(page: RetentionPage, save: ServerAction<SaveRetention>) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let tr = locale.tr();
    let p = page.policy.clone();
    let number = |n: u32| n.to_string();
    view! {
        <div class="card narrow-left">
            {action_error(save.into())}
            {move || save.value().get().and_then(Result::ok).map(|_| view! { <p class="notice" role="status">{tr.retention_saved()}</p> })}
            <ActionForm action=save>
                <fieldset>
                    <legend>{tr.retention_tickets_legend()}</legend>
                    <div class="field">
                        <label for="tickets-after">{tr.retention_tickets_after()}</label>
                        <input id="tickets-after" name="tickets_after_months" type="number" min="0" max="240" value=number(p.tickets_after_months) required/>
                    </div>
                    <div class="field checkbox">
                        <input id="retention-anonymise" type="radio" name="tickets_action" value="anonymise" checked=p.tickets_action == TicketsPolicy::Anonymise/>
                        <label for="retention-anonymise">{tr.retention_tickets_anonymise()}</label>
                    </div>
                    <div class="field checkbox">
                        <input id="retention-delete" type="radio" name="tickets_action" value="delete" checked=p.tickets_action == TicketsPolicy::Delete/>
                        <label for="retention-delete">{tr.retention_tickets_delete()}</label>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr.retention_accounts_legend()}</legend>
                    <div class="field">
                        <label for="inactive-after">{tr.retention_inactive_after()}</label>
                        <input id="inactive-after" name="inactive_after_months" type="number" min="0" max="240" value=number(p.inactive_after_months) required/>
                    </div>
                    <div class="field">
                        <label for="notice-days">{tr.retention_notice_days()}</label>
                        <input id="notice-days" name="notice_days" type="number" min="1" max="90" value=number(p.notice_days) required/>
                    </div>
                    <div class="field checkbox">
                        <input id="purge-closed" type="checkbox" name="purge_closed" checked=p.purge_closed/>
                        <label for="purge-closed">{tr.retention_purge_closed()}</label>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr.retention_exports_legend()}</legend>
                    <div class="field">
                        <label for="export-hours">{tr.retention_export_hours(page.default_export_hours)}</label>
                        <input id="export-hours" name="export_hours" type="number" min="1" max="720" value=p.export_hours.map(number).unwrap_or_default()/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr.retention_cycle_legend()}</legend>
                    <div class="field">
                        <label for="cycle-days">{tr.retention_cycle()}</label>
                        <select id="cycle-days" name="cycle_days">
                            {CLEANUP_CYCLES.into_iter().map(|d| view! {
                                <option value=d.to_string() selected=d == p.cycle_days>{cycle_label(tr, d)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr.retention_backups_legend()}</legend>
                    <div class="field">
                        <label for="backup-main">{tr.retention_backup_main_days()}</label>
                        <input id="backup-main" name="backup_main_days" type="number" min="1" max="3650" value=number(p.backup_main_days) required/>
                    </div>
                    <div class="field">
                        <label for="backup-keys">{tr.retention_backup_keys_days()}</label>
                        <input id="backup-keys" name="backup_keys_days" type="number" min="1" max="90" value=number(p.backup_keys_days) required/>
                    </div>
                </fieldset>
                <button type="submit" disabled=move || save.pending().get()>{tr.save()}</button>
            </ActionForm>
        </div>
        <section class="card narrow-left" aria-labelledby="retention-preview">
            <h2 id="retention-preview">{tr.retention_preview_title()}</h2>
            <p class="muted">{match page.last_run_at {
                Some(at) => tr.retention_last_run(locale.time(&at)),
                None => tr.retention_never_run().to_owned(),
            }}</p>
            <Preview plan=page.plan policy=page.policy locale/>
        </section>
    }
    .into_any()
}

#[component]
fn Preview(plan: CleanupPlan, policy: RetentionPolicy, locale: Locale) -> impl IntoView {
    let tr = locale.tr();
    let nothing = plan.tickets_total == 0
        && plan.close_total == 0
        && plan.purge_total == 0
        && plan.close_later == 0;
    let tickets_line = (plan.tickets_total > 0).then(|| match policy.tickets_action {
        TicketsPolicy::Anonymise => tr.retention_preview_tickets_anonymise(plan.tickets_total),
        TicketsPolicy::Delete => tr.retention_preview_tickets_delete(plan.tickets_total),
    });
    let close_line = (plan.close_total > 0).then(|| {
        let on = plan.notices_on.map(|d| locale.date(&d)).unwrap_or_default();
        tr.retention_preview_close(plan.close_total, on)
    });
    let later_line =
        (plan.close_later > 0).then(|| tr.retention_preview_close_later(plan.close_later));
    let purge_line = (plan.purge_total > 0).then(|| tr.retention_preview_purge(plan.purge_total));
    let more = move |shown: usize, total: u64| {
        (total > shown as u64).then(
            || view! { <p class="muted">{tr.retention_preview_more(total - shown as u64)}</p> },
        )
    };
    let tickets_more = more(plan.tickets.len(), plan.tickets_total);
    let close_more = more(plan.close.len(), plan.close_total);
    let purge_more = more(plan.purge.len(), plan.purge_total);
    view! {
        <div id="cleanup-plan">
            <p><strong>{tr.retention_preview_date(locale.date(&plan.date))}</strong></p>
            {nothing.then(|| view! { <p>{tr.retention_preview_nothing()}</p> })}
            {tickets_line.map(|l| view! { <p>{l}</p> })}
            {close_line.map(|l| view! { <p>{l}</p> })}
            {later_line.map(|l| view! { <p class="muted">{l}</p> })}
            {purge_line.map(|l| view! { <p>{l}</p> })}
            {(!plan.tickets.is_empty()).then(|| view! {
                <h3>{tr.retention_preview_tickets_heading()}</h3>
                <ul class="plain-list">
                    {plan.tickets.into_iter().map(|t| view! {
                        <li><a href=format!("/tickets/{}", t.id)>{t.reference}</a>" · "{locale.date(&t.updated_at)}</li>
                    }).collect_view()}
                </ul>
            })}
            {tickets_more}
            <Accounts title=tr.retention_preview_close_heading() rows=plan.close locale/>
            {close_more}
            <Accounts title=tr.retention_preview_purge_heading() rows=plan.purge locale/>
            {purge_more}
            <Accounts title=tr.retention_preview_held() rows=plan.held locale/>
        </div>
    }
    .into_any()
}

#[component]
fn Accounts(title: &'static str, rows: Vec<PlannedAccount>, locale: Locale) -> impl IntoView {
    let tr = locale.tr();
    (!rows.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ul class="plain-list">
                {rows.into_iter().map(|a| view! {
                    <li>{a.email}{a.last_active_at.map(|d| format!(" · {}", tr.retention_last_active(locale.date(&d))))}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// "How long we keep your data", on the customer's privacy page.
#[component]
pub fn RetentionNotice() -> impl IntoView {
    let notice = Resource::new(|| (), |_| retention_notice());
    let tr = crate::i18n::use_tr();
    view! {
        <section class="card narrow-left" aria-labelledby="retention-notice">
            <h2 id="retention-notice">{tr.retention_customer_title()}</h2>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match notice.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(RetentionNoticeView { policy: p, export_hours, region }) => view! {
                            <ul class="plain-list retention-notice">
                                {(!region.label.is_empty()).then(|| view! { <li>{tr.retention_customer_region(region.label.clone())}</li> })}
                                <li>{if p.tickets_after_months > 0 {
                                    tr.retention_customer_tickets(p.tickets_after_months.into())
                                } else {
                                    tr.retention_customer_tickets_kept().to_owned()
                                }}</li>
                                <li>{if p.inactive_after_months > 0 {
                                    tr.retention_customer_accounts(p.inactive_after_months.into(), p.notice_days)
                                } else {
                                    tr.retention_customer_accounts_kept().to_owned()
                                }}</li>
                                <li>{tr.retention_customer_exports(export_hours.into())}</li>
                                <li>{tr.retention_customer_backups(p.backup_main_days, p.backup_keys_days)}</li>
                            </ul>
                            <p class="muted">{tr.retention_customer_why()}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
