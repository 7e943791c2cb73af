#!/usr/bin/env bash
# Builds the browser bundle (WASM + JS + CSS) into target/site and the server binary.
#   scripts/build.sh            debug build (fast to compile)
#   scripts/build.sh --release  optimised build (what you deploy and benchmark)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE="$ROOT/target/site"

if [ "${1:-}" = "--release" ]; then
  WASM_PROFILE=wasm-release; WASM_DIR=wasm-release; SERVER_FLAGS=(--release); SERVER_DIR=release
else
  WASM_PROFILE=dev; WASM_DIR=debug; SERVER_FLAGS=(); SERVER_DIR=debug
fi

echo "==> building the browser bundle ($WASM_PROFILE)"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$WASM_PROFILE"
rm -rf "$SITE" && mkdir -p "$SITE/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$SITE/pkg" --out-name custodian \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$WASM_DIR/frontend.wasm"
if [ "$WASM_PROFILE" = wasm-release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$SITE/pkg/custodian_bg.wasm" "$SITE/pkg/custodian_bg.wasm"
fi
cp style/main.css "$SITE/pkg/custodian.css"
cp -r public/. "$SITE/"
# Content-hashed file names (cached for a year); a release also gets .br/.gz copies.
if [ "$WASM_PROFILE" = wasm-release ]; then
  node scripts/assets.mjs "$SITE" --compress
else
  node scripts/assets.mjs "$SITE"
fi

echo "==> building the server"
cargo build -p server --bin custodian "${SERVER_FLAGS[@]}"
echo "==> built: $CARGO_TARGET_DIR/$SERVER_DIR/custodian and $SITE"
