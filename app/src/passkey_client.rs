//! The browser's part of a passkey ceremony: the server's options go through
//! `PublicKeyCredential.parseCreationOptionsFromJSON` /
//! `parseRequestOptionsFromJSON`, the authenticator answers through
//! `navigator.credentials`, and the answer's `toJSON()` goes back to the
//! server as text. There is nothing to do on the server side of rendering.
//! Failures come back as a sentence in the page's language (`tr`).
use crate::i18n::Tr;

/// Registers a new passkey with the authenticator; returns its answer as JSON.
pub async fn create(tr: Tr, options: String) -> Result<String, String> {
    ceremony(tr, options, "parseCreationOptionsFromJSON", "create").await
}

/// Asks the authenticator to sign the challenge; returns its answer as JSON.
pub async fn get(tr: Tr, options: String) -> Result<String, String> {
    ceremony(tr, options, "parseRequestOptionsFromJSON", "get").await
}

#[cfg(feature = "hydrate")]
async fn ceremony(tr: Tr, options: String, parse: &str, call: &str) -> Result<String, String> {
    use js_sys::{Function, Object, Promise, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};
    let failed = |text: &str| text.to_owned();
    let window = leptos::prelude::window();
    let class = Reflect::get(&window, &"PublicKeyCredential".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or(tr.account_passkey_unsupported())?;
    let parse: Function = Reflect::get(&class, &parse.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(tr.account_passkey_too_old())?;
    let all =
        JSON::parse(&options).map_err(|_| failed(tr.account_passkey_cannot_read_request()))?;
    let public_key = Reflect::get(&all, &"publicKey".into())
        .map_err(|_| failed(tr.account_passkey_cannot_read_request()))?;
    let parsed = parse
        .call1(&class, &public_key)
        .map_err(|_| failed(tr.account_passkey_cannot_read_request()))?;
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &parsed)
        .map_err(|_| failed(tr.account_passkey_cannot_prepare()))?;
    let navigator = Reflect::get(&window, &"navigator".into())
        .map_err(|_| failed(tr.account_passkey_cannot_reach()))?;
    let credentials = Reflect::get(&navigator, &"credentials".into())
        .map_err(|_| failed(tr.account_passkey_cannot_reach()))?;
    let method: Function = Reflect::get(&credentials, &call.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(tr.account_passkey_cannot_reach()))?;
    let promise: Promise = method
        .call1(&credentials, &request)
        .map_err(|_| failed(tr.account_passkey_cannot_start()))?
        .dyn_into()
        .map_err(|_| failed(tr.account_passkey_cannot_start()))?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e: JsValue| {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "NotAllowedError" {
                tr.account_passkey_not_used().to_owned()
            } else {
                failed(tr.account_passkey_cannot_use())
            }
        })?;
    let to_json: Function = Reflect::get(&answer, &"toJSON".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(tr.account_passkey_cannot_read_answer()))?;
    let json = to_json
        .call0(&answer)
        .map_err(|_| failed(tr.account_passkey_cannot_read_answer()))?;
    JSON::stringify(&json)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| failed(tr.account_passkey_cannot_read_answer()))
}

/// Server rendering never runs a ceremony: they start from a click.
#[cfg(not(feature = "hydrate"))]
async fn ceremony(tr: Tr, _options: String, _parse: &str, _call: &str) -> Result<String, String> {
    Err(tr.account_passkey_browser_only().to_owned())
}
