#!/usr/bin/env bash
# Reliability drills against the real server on loopback (README "Drills").
#   scripts/drill.sh            the short form (the test command runs it): 10 s of
#                               load, 3 crashes, one PostgreSQL restart
#   scripts/drill.sh --long     5 minutes of load, 30 crashes, 5 PostgreSQL restarts
# Each drill starts a fresh portal with demo data, runs mixed traffic from a
# second process (scripts/drill/load.mjs), then checks that every write the
# portal acknowledged is there, that no job is stuck, that no archive file is
# left over and that the audit chain verifies. Uses the debug build unless
# CUSTODIAN_BIN names another binary.
#   1. load with integrity (SQLite): zero 5xx; prints requests/s and p99
#   2. crash (SQLite): the server is killed with SIGKILL at random moments during
#      the load and started again, N times
#   3. PostgreSQL restart under load: answers during the outage are clean 503s
#      with a request id, the portal recovers by itself
#   4. disk full under the data folder (a small tmpfs): writes are refused with
#      507 and a request id, nothing half-written, writes work again once freed
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LOAD_SECONDS=10; CRASHES=3; PG_RESTARTS=1
if [ "${1:-}" = "--long" ]; then LOAD_SECONDS=300; CRASHES=30; PG_RESTARTS=5; fi
BIN="${CUSTODIAN_BIN:-$CARGO_TARGET_DIR/debug/custodian}"
[ -x "$BIN" ] || { echo "no server binary at $BIN: run scripts/build.sh first" >&2; exit 1; }
source scripts/postgres.sh

TMP="$(mktemp -d /tmp/custodian-drill.XXXXXX)"
PGDIR="$(mktemp -d /tmp/custodian-drill-pg.XXXXXX)"  # its own folder: the postgres user must reach it
SERVER_PID=""; SINK_PID=""; LOAD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && { kill -9 "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; } || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  stop_private_postgres "$PGDIR"
  mountpoint -q "$TMP/full" 2>/dev/null && umount "$TMP/full"
  rm -rf "$TMP" "$PGDIR"
}
trap cleanup EXIT
# DRILL_ONLY=2 runs one drill (1 to 4) while working on it.
want() { [ -z "${DRILL_ONLY:-}" ] || [ "$DRILL_ONLY" = "$1" ]; }
say() { printf '\n--> %s  [%s]\n' "$1" "$(date +%H:%M:%S)"; }

PORT="$(free_port)"; MAIL_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
node end2end/mail-sink.mjs "$MAIL_PORT" "$TMP/mail" > "$TMP/mail.log" 2>&1 &
SINK_PID=$!

# Starts the portal on DATA_DIR with the extra arguments, and waits until it answers.
start() {
  local data="$1"; shift
  "$BIN" --demo --data-dir "$data" --listen "127.0.0.1:$PORT" --public-url "http://localhost:$PORT" \
    --signin-max-per-client 100000 --smtp-host 127.0.0.1 --smtp-port "$MAIL_PORT" --smtp-tls none \
    "$@" serve >> "$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    curl -fs "$BASE/" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$TMP/server.log"; echo "the portal did not start"; exit 1; }
    sleep 0.1
  done
  echo "the portal did not answer within 30 s"; exit 1
}
stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
audit_verify() {
  local data="$1"; shift
  "$BIN" --data-dir "$data" "$@" audit verify
}
verify() {
  local data="$1"; shift
  DRILL_EXPORTS_DIR="$data/exports" node scripts/drill/load.mjs verify "$BASE" "$TMP/acks.json"
  audit_verify "$data" "$@"
}

if want 1; then
say "1. load with integrity: ${LOAD_SECONDS} s of mixed traffic on SQLite"
start "$TMP/load"
node scripts/drill/load.mjs load "$BASE" "$LOAD_SECONDS" "$TMP/acks.json"
verify "$TMP/load"
stop
fi

if want 2; then
say "2. crash: SIGKILL at random moments under load, $CRASHES times (SQLite)"
start "$TMP/crash"
CRASH_SECONDS=$(( CRASHES * 4 + 4 ))
node scripts/drill/load.mjs load "$BASE" "$CRASH_SECONDS" "$TMP/acks.json" &
LOAD_PID=$!
for i in $(seq 1 "$CRASHES"); do
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 1 + (r % 200) / 100 }')"
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  start "$TMP/crash"
  echo "crash $i of $CRASHES: killed and started again"
done
wait "$LOAD_PID"; LOAD_PID=""
verify "$TMP/crash"
stop
fi

if want 3; then
say "3. PostgreSQL restart under load, $PG_RESTARTS times"
start_private_postgres "$PGDIR"
create_database drill; create_database drill_keys
PG_ARGS=(--database-url "$PGURL/drill" --keystore-url "$PGURL/drill_keys")
start "$TMP/pg-data" "${PG_ARGS[@]}"
PG_SECONDS=$(( PG_RESTARTS * 6 + 4 ))
DRILL_ALLOW_503=1 node scripts/drill/load.mjs load "$BASE" "$PG_SECONDS" "$TMP/acks.json" &
LOAD_PID=$!
for i in $(seq 1 "$PG_RESTARTS"); do
  sleep 2
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null
  sleep 2
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off" start >/dev/null
  echo "PostgreSQL restart $i of $PG_RESTARTS: down for 2 s"
done
wait "$LOAD_PID"; LOAD_PID=""
if grep -q "panicked" "$TMP/server.log"; then
  grep -m 5 "panicked" "$TMP/server.log"; echo "the server panicked"; exit 1
fi
verify "$TMP/pg-data" "${PG_ARGS[@]}"
stop
fi
if want 4; then
say "4. disk full under the data folder (a 48 MB tmpfs; SQLite)"
if mkdir -p "$TMP/full" && mount -t tmpfs -o size=48m tmpfs "$TMP/full" 2>/dev/null; then
  start "$TMP/full/data"
  node scripts/drill/load.mjs load "$BASE" 3 "$TMP/acks.json"
  node scripts/drill/load.mjs full "$BASE" "$TMP/full/data"
  verify "$TMP/full/data"
  stop
  umount "$TMP/full"
else
  echo "skipped: mounting a small tmpfs needs root (CI and the test command run as root)"
fi
fi
say "drills passed"
