//! The browser entry point: hydrates the server-rendered page.
use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script once the bundle has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // End-to-end tests wait for this marker before they click anything.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
