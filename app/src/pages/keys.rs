use crate::{
    api::audit::master_key_status, components::ErrorNotice, pages::settings_menu::SettingsLayout,
};
use leptos::prelude::*;

/// Admins see which master key is current and how many data keys each wraps.
#[component]
pub fn KeysPage() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    // The command shows as code wherever the language puts it in the sentence.
    let rotate = tr.keys_rotate('\u{1}');
    let (rotate_before, rotate_after) = match rotate.split_once('\u{1}') {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (rotate.clone(), String::new()),
    };
    let status = Resource::new(|| (), |_| master_key_status());
    view! {
        <SettingsLayout><section>
            <h1>{tr.keys_title()}</h1>
            <p class="muted">
                {tr.keys_intro()} " " {rotate_before} <code>"custodian keys rotate"</code> {rotate_after} // i18n: not shown (a command)
            </p>
            <Transition fallback=move || view! { <p class="muted">{tr.loading()}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => view! {
                            <p>{tr.keys_current()} " " <code class="key-id">{s.current_key_id.clone()}</code></p>
                            <table class="tickets">
                                <thead><tr><th scope="col">{tr.keys_col_key()}</th><th scope="col">{tr.keys_col_wrapped()}</th><th scope="col">{tr.keys_col_state()}</th></tr></thead>
                                <tbody>
                                    {s.keys.into_iter().map(|k| view! {
                                        <tr>
                                            <td><code>{k.key_id}</code></td>
                                            <td>{k.data_keys}</td>
                                            <td>{match (k.current, k.configured) {
                                                (true, _) => tr.keys_state_current(),
                                                (false, true) => tr.keys_state_old(),
                                                (false, false) => tr.keys_state_missing(),
                                            }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section></SettingsLayout>
    }
}
