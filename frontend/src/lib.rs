//! The browser entry point: hydrates the server-rendered page.
use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script once the bundle has loaded.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // End-to-end tests wait for this marker before they click anything.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
    prefetch_full_bundle(&document);
}

/// On a visitor's page (the small bundle), asks the browser to fetch the full
/// bundle when idle, now that this page is interactive: the page after signing
/// in then finds it in the cache.
fn prefetch_full_bundle(document: &web_sys::Document) {
    let Ok(Some(meta)) = document.query_selector("meta[name=custodian-prefetch]") else {
        return;
    };
    let (Some(hrefs), Some(head)) = (meta.get_attribute("content"), document.head()) else {
        return;
    };
    for href in hrefs.split_whitespace() {
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "prefetch");
            let _ = link.set_attribute("href", href);
            let _ = head.append_child(&link);
        }
    }
}
