#!/usr/bin/env bash
# The export benchmark README.md quotes: an optimised build, a fresh throw-away
# database, one customer with 10,000 tickets and 100,000 messages.
# Extra arguments go to `custodian bench` (e.g. --tickets 1000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build --release -p server --bin custodian
exec "$CARGO_TARGET_DIR/release/custodian" --log warn bench "$@"
