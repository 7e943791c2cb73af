#!/usr/bin/env bash
# Builds the browser bundle (WASM + JS + CSS) into target/site and the server binary.
#   scripts/build.sh                          debug build (fast to compile)
#   scripts/build.sh --release                optimised build (what you deploy and benchmark)
#   scripts/build.sh --release --bundle-only  only the optimised browser bundle (the test
#                                             command's size check builds this)
# CUSTODIAN_SITE_DIR puts the bundle elsewhere than target/site.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE="${CUSTODIAN_SITE_DIR:-$ROOT/target/site}"

WASM_PROFILE=dev; WASM_DIR=debug; SERVER_FLAGS=(); SERVER_DIR=debug; BUNDLE_ONLY=""
for arg in "$@"; do
  case "$arg" in
    --release) WASM_PROFILE=wasm-release; WASM_DIR=wasm-release; SERVER_FLAGS=(--release); SERVER_DIR=release ;;
    --bundle-only) BUNDLE_ONLY=1 ;;
    *) echo "unknown argument: $arg (use --release, --bundle-only)" >&2; exit 2 ;;
  esac
done

rm -rf "$SITE" && mkdir -p "$SITE/pkg"
# Two bundles: the full one (every page) and the visitor bundle (the pages a
# visitor can open; app/src/lib.rs), which the server sends to the first page.
bundle() {
  local name="$1"; shift
  echo "==> building the browser bundle $name ($WASM_PROFILE)"
  cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$WASM_PROFILE" "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$SITE/pkg" --out-name "$name" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$WASM_DIR/frontend.wasm"
  if [ "$WASM_PROFILE" = wasm-release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$SITE/pkg/${name}_bg.wasm" "$SITE/pkg/${name}_bg.wasm"
  fi
}
bundle custodian
bundle custodian-visitor --features visitor
cp style/main.css "$SITE/pkg/custodian.css"
cp -r public/. "$SITE/"
# Content-hashed file names (cached for a year); a release also gets .br/.gz copies.
if [ "$WASM_PROFILE" = wasm-release ]; then
  node scripts/assets.mjs "$SITE" --compress
else
  node scripts/assets.mjs "$SITE"
fi

if [ -n "$BUNDLE_ONLY" ]; then
  echo "==> built: $SITE"
  exit 0
fi
echo "==> building the server"
cargo build -p server --bin custodian "${SERVER_FLAGS[@]}"
echo "==> built: $CARGO_TARGET_DIR/$SERVER_DIR/custodian and $SITE"
