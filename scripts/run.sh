#!/usr/bin/env bash
# Builds Custodian (optimised) and runs it on SQLite under ./data with demo data.
# Extra arguments go to the server, e.g. scripts/run.sh --listen 0.0.0.0:3000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/build.sh --release
exec "${CARGO_TARGET_DIR:-$ROOT/target}/release/custodian" --demo "$@" serve
