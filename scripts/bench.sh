#!/usr/bin/env bash
# The benchmarks README.md quotes, on an optimised build:
#  1. export and erasure: a fresh throw-away database, one customer with 10,000
#     tickets and 100,000 messages (`custodian bench`; extra arguments go to it,
#     e.g. --tickets 1000);
#  2. serving: requests per second with kept-alive connections and with
#     `Connection: close`, from wrk in a second process on loopback, and the
#     bytes of the browser bundle (raw, gzip, brotli) the first page loads.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
command -v wrk >/dev/null || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
}
scripts/build.sh --release
BIN="$CARGO_TARGET_DIR/release/custodian"

echo "== export and erasure"
"$BIN" --log warn bench "$@"

echo "== serving (wrk, 8 connections, 2 threads, 8 s each)"
TMP="$(mktemp -d /tmp/custodian-bench.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$BIN" --demo --log warn --data-dir "$TMP/data" --listen "127.0.0.1:$PORT" \
  --public-url "http://127.0.0.1:$PORT" serve > "$TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.1; done
rate() { wrk -c8 -t2 -d8s "$@" | awk '/Requests\/sec/ {print $2}'; }
printf '%-14s %14s %14s\n' "path" "kept-alive/s" "close/s"
for path in /favicon.svg /sign-in /; do
  printf '%-14s %14s %14s\n' "$path" "$(rate "http://127.0.0.1:$PORT$path")" \
    "$(rate -H 'Connection: close' "http://127.0.0.1:$PORT$path")"
done

echo "== browser bundle (what the first page loads)"
printf '%-36s %10s %10s %10s\n' "file" "raw" "gzip" "brotli"
for f in "$ROOT"/target/site/pkg/custodian.*.{wasm,js,css}; do
  printf '%-36s %10s %10s %10s\n' "$(basename "$f")" "$(stat -c %s "$f")" \
    "$(stat -c %s "$f.gz")" "$(stat -c %s "$f.br")"
done
