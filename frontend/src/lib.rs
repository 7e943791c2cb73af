//! The browser entry point: loads the page language's messages, then
//! hydrates the server-rendered page.
use wasm_bindgen::{prelude::wasm_bindgen, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Called by the hydration script once the bundle has loaded.
#[wasm_bindgen]
pub async fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The words first: the page renders with them as soon as it hydrates.
    if let Err(e) = load_strings(&document).await {
        web_sys::console::error_2(&JsValue::from_str("the page's messages did not load:"), &e);
    }
    leptos::mount::hydrate_body(app::App);
    // End-to-end tests wait for this marker before they click anything.
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
    prefetch_full_bundle(&document);
}

/// Fetches the messages the server named in `<meta name=custodian-strings>`
/// (preloaded beside the bundle, cached for good) and hands them to the app.
async fn load_strings(document: &web_sys::Document) -> Result<(), JsValue> {
    let href = document
        .query_selector("meta[name=custodian-strings]")?
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or_else(|| JsValue::from_str("no custodian-strings meta tag"))?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&href))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!(
            "{href}: HTTP {}",
            response.status()
        )));
    }
    let table: js_sys::Array = JsFuture::from(response.json()?).await?.dyn_into()?;
    app::i18n::load_strings(
        table
            .iter()
            .map(|v| v.as_string().unwrap_or_default())
            .collect(),
    );
    Ok(())
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
