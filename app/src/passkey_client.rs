//! The browser's part of a passkey ceremony: the server's options go through
//! `PublicKeyCredential.parseCreationOptionsFromJSON` /
//! `parseRequestOptionsFromJSON`, the authenticator answers through
//! `navigator.credentials`, and the answer's `toJSON()` goes back to the
//! server as text. There is nothing to do on the server side of rendering.

/// Registers a new passkey with the authenticator; returns its answer as JSON.
pub async fn create(options: String) -> Result<String, String> {
    ceremony(options, "parseCreationOptionsFromJSON", "create").await
}

/// Asks the authenticator to sign the challenge; returns its answer as JSON.
pub async fn get(options: String) -> Result<String, String> {
    ceremony(options, "parseRequestOptionsFromJSON", "get").await
}

#[cfg(feature = "hydrate")]
async fn ceremony(options: String, parse: &str, call: &str) -> Result<String, String> {
    use js_sys::{Function, Object, Promise, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};
    let failed = |what: &str| format!("This browser could not {what}.");
    let window = leptos::prelude::window();
    let class = Reflect::get(&window, &"PublicKeyCredential".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or("This browser does not support passkeys.")?;
    let parse: Function = Reflect::get(&class, &parse.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("This browser is too old for passkeys.")?;
    let all = JSON::parse(&options).map_err(|_| failed("read the server's request"))?;
    let public_key =
        Reflect::get(&all, &"publicKey".into()).map_err(|_| failed("read the server's request"))?;
    let parsed = parse
        .call1(&class, &public_key)
        .map_err(|_| failed("read the server's request"))?;
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &parsed)
        .map_err(|_| failed("prepare the request"))?;
    let navigator =
        Reflect::get(&window, &"navigator".into()).map_err(|_| failed("reach its passkeys"))?;
    let credentials = Reflect::get(&navigator, &"credentials".into())
        .map_err(|_| failed("reach its passkeys"))?;
    let method: Function = Reflect::get(&credentials, &call.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed("reach its passkeys"))?;
    let promise: Promise = method
        .call1(&credentials, &request)
        .map_err(|_| failed("start the passkey"))?
        .dyn_into()
        .map_err(|_| failed("start the passkey"))?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e: JsValue| {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "NotAllowedError" {
                "The passkey was not used (cancelled, timed out, or not on this device).".to_owned()
            } else {
                failed("use the passkey")
            }
        })?;
    let to_json: Function = Reflect::get(&answer, &"toJSON".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed("read the passkey's answer"))?;
    let json = to_json
        .call0(&answer)
        .map_err(|_| failed("read the passkey's answer"))?;
    JSON::stringify(&json)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| failed("read the passkey's answer"))
}

/// Server rendering never runs a ceremony: they start from a click.
#[cfg(not(feature = "hydrate"))]
async fn ceremony(_options: String, _parse: &str, _call: &str) -> Result<String, String> {
    Err("Passkeys work in the browser only.".to_owned())
}
