#!/usr/bin/env bash
# Installs the build tools Custodian needs, from crates.io and npm only, into a
# fixed folder outside the checkout; skips whatever is already there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CUSTODIAN_TOOLS:-$HOME/.local/custodian-tools}"
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
export PATH="$TOOLS/bin:$ROOT/end2end/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "==> adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "==> installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about a minute, once)"
  # Unoptimised builds of both tools: on 2 cores they install in about 55 s
  # instead of about 2 minutes each, and each run costs a second or two more
  # (the same output, byte for byte).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force --debug
fi
CARGO_DENY_VERSION=0.20.2
if [ "$(cargo-deny --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  echo "==> installing cargo-deny $CARGO_DENY_VERSION (the dependency policy, deny.toml; about a minute, once)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$TOOLS" --force --debug
fi
# npm ci again whenever package-lock.json changed since the last install.
LOCK_STAMP="$ROOT/end2end/node_modules/.custodian-lock.sha256"
if [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] \
   || ! (cd "$ROOT/end2end" && sha256sum --status -c "$LOCK_STAMP" 2>/dev/null); then
  echo "==> installing npm packages (binaryen's wasm-opt, Playwright)"
  (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
  (cd "$ROOT/end2end" && sha256sum package-lock.json > "$LOCK_STAMP")
fi
