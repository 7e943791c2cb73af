use crate::{api::audit::master_key_status, components::ErrorNotice};
use leptos::prelude::*;

/// Admins see which master key is current and how many data keys each wraps.
#[component]
pub fn KeysPage() -> impl IntoView {
    let status = Resource::new(|| (), |_| master_key_status());
    view! {
        <section>
            <h1>"Encryption keys"</h1>
            <p class="muted">
                "Each customer's personal data is encrypted with their own data key; data keys are stored "
                "wrapped by a master key. Rotate the master key with " <code>"custodian keys rotate"</code> "."
            </p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(s) => view! {
                            <p>"Current master key: " <code class="key-id">{s.current_key_id.clone()}</code></p>
                            <table class="tickets">
                                <thead><tr><th scope="col">"Master key"</th><th scope="col">"Data keys wrapped"</th><th scope="col">"State"</th></tr></thead>
                                <tbody>
                                    {s.keys.into_iter().map(|k| view! {
                                        <tr>
                                            <td><code>{k.key_id}</code></td>
                                            <td>{k.data_keys}</td>
                                            <td>{match (k.current, k.configured) {
                                                (true, _) => "Current",
                                                (false, true) => "Old — rotation pending",
                                                (false, false) => "Missing from configuration",
                                            }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
