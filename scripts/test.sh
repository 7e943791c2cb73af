#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this and nothing else):
#   formatting, clippy (server and browser sides, warnings are errors), the size
#   of the optimised browser bundle against its budget, unit and
#   in-process router tests, database tests on SQLite and on PostgreSQL (a private
#   cluster started here), and Playwright end-to-end tests in Debian's Chromium
#   against the real server, once on SQLite and once on PostgreSQL, and the
#   short form of the reliability drills (scripts/drill.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
step() { printf '\n==> %s  [%s]\n' "$1" "$(date +%H:%M:%S)"; }

# --- system packages (Debian) -------------------------------------------------
source scripts/postgres.sh
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  source scripts/postgres.sh
fi

step "build tools (wasm target, wasm-bindgen, cargo-deny, npm packages)"
source scripts/tools.sh

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, server side"
cargo clippy -p app -p server -p migrations -p translations --all-targets -- -D warnings
step "clippy, browser side (wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown --features visitor -- -D warnings

step "dependency policy (cargo deny: bans, licences, sources; advisories need the internet, see README)"
cargo deny --offline --log-level error check --hide-inclusion-graph bans licenses sources

# The optimised bundle is what people get: its size is checked here, and the
# end-to-end tests load it too (target/site, which the server serves).
step "browser bundle size (the optimised bundle, checked against scripts/bundle-size.mjs)"
CUSTODIAN_SITE_DIR="$ROOT/target/site" scripts/build.sh --release --bundle-only
node scripts/bundle-size.mjs "$ROOT/target/site"

step "unit, router and database tests on SQLite"
cargo test -p app -p server -p migrations -p translations

# --- PostgreSQL: a private throw-away cluster ------------------------------------
PGTMP="$(mktemp -d /tmp/custodian-pg.XXXXXX)"
SERVER_PID=""
SINK_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  stop_private_postgres "$PGTMP"
  rm -rf "$PGTMP"
}
trap cleanup EXIT
step "starting PostgreSQL ($("$PGBIN/postgres" --version))"
start_private_postgres "$PGTMP"

step "router and database tests on PostgreSQL"
CUSTODIAN_TEST_POSTGRES_URL="$PGURL/postgres" cargo test -p server

# --- end to end -------------------------------------------------------------------
step "building the server for the end-to-end tests (debug; the browser loads the optimised bundle)"
cargo build -p server --bin custodian
# One run of the whole Playwright suite against a freshly started portal with
# demo data; its extra arguments choose the database.
e2e() {
  local name="$1"; shift
  local port; port="$(free_port)"
  local log="$PGTMP/server-$name.log"
  # A real SMTP server catches the portal's mail; the tests read the links from it.
  local mail_port; mail_port="$(free_port)"
  local mail_dir="$PGTMP/mail-$name"
  node end2end/mail-sink.mjs "$mail_port" "$mail_dir" > "$PGTMP/mail-$name.log" 2>&1 &
  SINK_PID=$!
  # Browsers allow passkeys on a domain (localhost), never on a bare IP address.
  step "starting the portal on localhost:$port ($name, fresh database, demo data, mail to 127.0.0.1:$mail_port)"
  "$CARGO_TARGET_DIR/debug/custodian" --demo --data-dir "$PGTMP/e2e-$name" --listen "127.0.0.1:$port" \
    --public-url "http://localhost:$port" --signin-max-per-client 1000 \
    --smtp-host 127.0.0.1 --smtp-port "$mail_port" --smtp-tls none "$@" serve > "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log"; echo "the portal did not start"; exit 1; }
    sleep 0.2
  done
  step "Playwright end-to-end tests on $name (Debian Chromium)"
  # Everything the browser sends (typed values, session cookies, link tokens) is
  # recorded, then looked for in the server's log of the whole run.
  local secrets="$PGTMP/secrets-$name.jsonl"
  if ! (cd end2end && CUSTODIAN_BASE_URL="http://localhost:$port" CUSTODIAN_MAIL_DIR="$mail_dir" \
        CUSTODIAN_SECRETS_FILE="$secrets" CUSTODIAN_E2E_DB="$name" npx playwright test); then
    echo "--- server log ($name) ---"; tail -n 50 "$log"; exit 1
  fi
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  step "the server log of the $name run holds no personal data, password, token or key"
  node scripts/scan-log.mjs "$log" "$secrets" "$PGTMP/e2e-$name"
  kill "$SINK_PID" 2>/dev/null || true
  wait "$SINK_PID" 2>/dev/null || true
  SINK_PID=""
}
e2e sqlite
create_database custodian_e2e
create_database custodian_e2e_keys
e2e postgres --database-url "$PGURL/custodian_e2e" --keystore-url "$PGURL/custodian_e2e_keys"

step "drills, short form: load with integrity, crashes, a PostgreSQL restart, a full disk, two servers (scripts/drill.sh)"
scripts/drill.sh
step "all tests passed"
