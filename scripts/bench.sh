#!/usr/bin/env bash
# The benchmarks README.md quotes, on an optimised build (figures: README "Performance").
#   scripts/bench.sh                  100,000 customers / 1,000,000 tickets / 5,000,000 messages on SQLite
#   scripts/bench.sh --small          10,000 / 100,000 / 500,000 (a quick run)
#   scripts/bench.sh --postgres URL   the page benchmarks on PostgreSQL (URL of a server where
#                                     databases may be created, e.g. postgres://postgres@127.0.0.1:5432)
# One table per part:
#  1. export and erasure of one customer with 10,000 tickets / 100,000 messages, as
#     ratios to a plain read (`custodian bench`);
#  2. pages: requests/s, p50 and p99 with kept-alive connections (wrk, 8 connections,
#     a second process on loopback), each against a bare static file in the same run;
#     server memory idle and under that load;
#  3. scale: ticket list and agent queue p50 with 10,000 tickets vs the chosen size;
#  4. audit append rate with 8 concurrent writers, SQLite and PostgreSQL;
#  5. the browser bundle the first page loads (raw, gzip, brotli) and the sign-in page's
#     time to interactive in Chromium with a phone profile (Fast 3G, 4x CPU slowdown).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

SIZE=(--customers 100000 --tickets 1000000 --messages 5000000)
SMALL=(--customers 1000 --tickets 10000 --messages 50000)
EXPORT_ARGS=()
POSTGRES=""
while [ $# -gt 0 ]; do
  case "$1" in
    --small) SIZE=(--customers 10000 --tickets 100000 --messages 500000); EXPORT_ARGS=(--tickets 2000); shift ;;
    --postgres) POSTGRES="${2:?--postgres needs a URL, e.g. postgres://postgres@127.0.0.1:5432}"; shift 2 ;;
    *) echo "unknown argument: $1 (use --small, --postgres URL)" >&2; exit 2 ;;
  esac
done

source scripts/postgres.sh
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  source scripts/postgres.sh
fi
scripts/build.sh --release
BIN="$CARGO_TARGET_DIR/release/custodian"
TMP="$(mktemp -d /tmp/custodian-bench.XXXXXX)"
PGTMP="$(mktemp -d /tmp/custodian-bench-pg.XXXXXX)"  # its own folder: the postgres user must reach it
SERVER=""
CREATED=()
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  for db in "${CREATED[@]}"; do
    "$PGBIN/psql" "$POSTGRES/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  stop_private_postgres "$PGTMP"
  rm -rf "$TMP" "$PGTMP"
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"

echo
echo "== 1. export and erasure (custodian bench)"
"$BIN" --log error bench "${EXPORT_ARGS[@]}"

# A fresh database for one data set: SQLite under a folder, or two PostgreSQL
# databases. Sets DB_ARGS.
db_args() {
  local name="$1"
  if [ -n "$POSTGRES" ]; then
    local id; id="custodian_bench_${name}_$$"
    "$PGBIN/psql" "$POSTGRES/postgres" -qc "CREATE DATABASE $id" >/dev/null
    "$PGBIN/psql" "$POSTGRES/postgres" -qc "CREATE DATABASE ${id}_keys" >/dev/null
    CREATED+=("$id" "${id}_keys")
    DB_ARGS="--data-dir $TMP/$name --database-url $POSTGRES/$id --keystore-url $POSTGRES/${id}_keys"
  else
    DB_ARGS="--data-dir $TMP/$name"
  fi
}

rss_mib() { awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$1/status"; }
ms() { # wrk latency ("812.00us", "3.21ms", "1.02s") in milliseconds
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}
# wrk once: prints "requests/s p50 p99" (ms).
load() {
  local out; out="$(wrk -c8 -t2 -d8s --latency "$@")"
  printf '%s %s %s\n' "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(ms "$(awk '$1=="50.000%" || $1=="50%" {print $2; exit}' <<<"$out")")" \
    "$(ms "$(awk '$1=="99.000%" || $1=="99%" {print $2; exit}' <<<"$out")")"
}
sign_in() { # prints the session cookie ("name=value") of an account: URL EMAIL PASSWORD
  curl -fs -D - -o /dev/null -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode "email=$2" --data-urlencode "password=$3" "$1/api/sign_in" |
    awk -F'[ ;]' 'tolower($1)=="set-cookie:" {print $2; exit}'
}

# Seeds a data set, serves it, and measures the pages. Sets P50_LIST and P50_QUEUE.
pages() {
  local name="$1"; shift
  db_args "$name"
  local args="$DB_ARGS"
  echo "seeding $name ($*)…"
  # shellcheck disable=SC2086
  "$BIN" --log error $args bench-seed --throwaway "$@" | tee "$TMP/$name.seed"
  local ticket; ticket="$(awk '/ticket with .* messages:/ {print $NF}' "$TMP/$name.seed")"
  local password; password="$(awk '/password:/ {print $NF}' "$TMP/$name.seed")"
  local port; port="$(free_port)"
  local url="http://127.0.0.1:$port"
  # shellcheck disable=SC2086
  # Every sign-in of the load comes from one address: the per-client limit is raised.
  "$BIN" --log warn $args --listen "127.0.0.1:$port" --public-url "$url" \
    --signin-max-per-client 1000000 serve > "$TMP/$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do curl -fs "$url/favicon.svg" >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 2
  local idle; idle="$(rss_mib "$SERVER")"
  local customer agent
  customer="$(sign_in "$url" customer0@bench.example "$password")"
  agent="$(sign_in "$url" agent@bench.example "$password")"
  [ -n "$customer" ] && [ -n "$agent" ] || { tail "$TMP/$name.log"; echo "signing in failed"; exit 1; }
  cat > "$TMP/read.lua" <<'LUA'
wrk.method = "POST"
wrk.body = ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
  # A word of every seeded message: the blind index answers, one page is decrypted.
  cat > "$TMP/search.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "search=double"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
  # The password is URL-safe base64: it needs no escaping in a form body.
  cat > "$TMP/signin.lua" <<LUA
wrk.method = "POST"
wrk.body = "email=customer1%40bench.example&password=$password"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
  local peak=0
  ( while kill -0 "$SERVER" 2>/dev/null; do rss_mib "$SERVER"; sleep 0.2; done ) > "$TMP/$name.rss" &
  local sampler=$!
  echo
  printf '%-34s %10s %9s %9s %12s\n' "$name: page (kept-alive)" "req/s" "p50 ms" "p99 ms" "p50 / static"
  local static; static="$(load "$url/favicon.svg")"
  local static_p50; static_p50="$(awk '{print $2}' <<<"$static")"
  row() {
    local label="$1"; shift
    local r; r="$(load "$@")"
    read -r rps p50 p99 <<<"$r"
    printf '%-34s %10s %9s %9s %11.1fx\n' "$label" "$rps" "$p50" "$p99" "$(awk -v a="$p50" -v b="$static_p50" 'BEGIN {print (b>0)? a/b : 0}')"
    LAST_P50="$p50"
  }
  row "static file (/favicon.svg)" "$url/favicon.svg"
  row "customer's ticket list" -H "Cookie: $customer" "$url/tickets"
  P50_LIST="$LAST_P50"
  row "ticket page, 20 messages" -H "Cookie: $customer" "$url/tickets/$ticket"
  row "agent queue (every ticket)" -H "Cookie: $agent" "$url/tickets"
  P50_QUEUE="$LAST_P50"
  row "privacy page" -H "Cookie: $customer" "$url/privacy"
  row "server function read (tickets)" -H "Cookie: $customer" -s "$TMP/read.lua" "$url/api/list_tickets"
  row "agent search (a word of every ticket)" -H "Cookie: $agent" -s "$TMP/search.lua" "$url/api/list_tickets"
  row "sign-in (Argon2id)" -s "$TMP/signin.lua" "$url/api/sign_in"
  kill "$sampler" 2>/dev/null || true
  peak="$(sort -n "$TMP/$name.rss" | tail -n 1)"
  echo "server memory: ${idle} MiB idle, ${peak} MiB at most under the page load"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

echo
echo "== 2. pages"
pages small "${SMALL[@]}"
SMALL_LIST="$P50_LIST"; SMALL_QUEUE="$P50_QUEUE"
pages big "${SIZE[@]}"
echo
echo "== 3. scale (p50, 10,000 tickets -> ${SIZE[3]} tickets)"
printf '%-24s %10s %10s %8s\n' "page" "small ms" "big ms" "ratio"
printf '%-24s %10s %10s %7.2fx\n' "customer's ticket list" "$SMALL_LIST" "$P50_LIST" "$(awk -v a="$P50_LIST" -v b="$SMALL_LIST" 'BEGIN {print (b>0)? a/b : 0}')"
printf '%-24s %10s %10s %7.2fx\n' "agent queue" "$SMALL_QUEUE" "$P50_QUEUE" "$(awk -v a="$P50_QUEUE" -v b="$SMALL_QUEUE" 'BEGIN {print (b>0)? a/b : 0}')"

echo
echo "== 4. audit append"
printf 'SQLite:     '; "$BIN" --log error --data-dir "$TMP/audit" bench-audit --throwaway
start_private_postgres "$PGTMP"
create_database audit_bench; create_database audit_bench_keys
printf 'PostgreSQL: '; "$BIN" --log error --data-dir "$TMP/audit-pg" --database-url "$PGURL/audit_bench" \
  --keystore-url "$PGURL/audit_bench_keys" bench-audit --throwaway

echo
echo "== 5. browser bundles and time to interactive"
printf '%-44s %10s %10s %10s\n' "file" "raw" "gzip" "brotli"
sizes() {
  for f in "$@"; do
    printf '%-44s %10s %10s %10s\n' "$(basename "$f")" "$(stat -c %s "$f")" \
      "$(stat -c %s "$f.gz")" "$(stat -c %s "$f.br")"
  done
}
PKG="$ROOT/target/site/pkg"
echo "the first page (a visitor on /sign-in):"
sizes "$PKG"/custodian-visitor.*.{wasm,js} "$PKG"/custodian.*.css
echo "signed-in pages (prefetched by the first page once it is interactive):"
sizes "$PKG"/custodian.*.{wasm,js}
port="$(free_port)"
"$BIN" --log warn --demo --data-dir "$TMP/tti" --listen "127.0.0.1:$port" \
  --public-url "http://127.0.0.1:$port" serve > "$TMP/tti.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
echo "sign-in page, phone profile (Fast 3G, CPU 4x slower), fresh cache each run:"
node end2end/bench/tti.mjs "http://127.0.0.1:$port/sign-in" 5
