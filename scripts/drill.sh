#!/usr/bin/env bash
# Reliability drills against the real server on loopback (README "Drills").
#   scripts/drill.sh            the short form (the test command runs it): 10 s of
#                               load, 3 crashes, one PostgreSQL restart, a full
#                               disk, 10 s of load on two servers
#   scripts/drill.sh --long     5 minutes of load (on one server, then on two),
#                               30 crashes, 5 PostgreSQL restarts
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
#   5. two servers on one PostgreSQL database (archives in the database store),
#      the load sent to either at random: sessions work across both, every
#      archive is built by one server and downloads alike from both, no mail is
#      sent twice, every erasure step runs once
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
SERVER_PID=""; SECOND_PID=""; SINK_PID=""; LOAD_PID=""; PG_UP=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && { kill -9 "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; } || true
  [ -n "$SECOND_PID" ] && { kill -9 "$SECOND_PID" 2>/dev/null; wait "$SECOND_PID" 2>/dev/null; } || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  stop_private_postgres "$PGDIR"
  mountpoint -q "$TMP/full" 2>/dev/null && umount "$TMP/full"
  rm -rf "$TMP" "$PGDIR"
}
trap cleanup EXIT
# DRILL_ONLY=2 runs one drill (1 to 5) while working on it.
want() { [ -z "${DRILL_ONLY:-}" ] || [ "$DRILL_ONLY" = "$1" ]; }
say() { printf '\n--> %s  [%s]\n' "$1" "$(date +%H:%M:%S)"; }

PORT="$(free_port)"; MAIL_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
node end2end/mail-sink.mjs "$MAIL_PORT" "$TMP/mail" > "$TMP/mail.log" 2>&1 &
SINK_PID=$!

# Starts a portal on PORT with DATA_DIR, logging to LOG, with the extra
# arguments, and waits until it answers; LAUNCHED is its process id. Every
# server has the first one's public address (as behind one load balancer).
launch() {
  local port="$1" data="$2" log="$3"; shift 3
  "$BIN" --demo --data-dir "$data" --listen "127.0.0.1:$port" --public-url "http://localhost:$PORT" \
    --signin-max-per-client 100000 --smtp-host 127.0.0.1 --smtp-port "$MAIL_PORT" --smtp-tls none \
    "$@" serve >> "$log" 2>&1 &
  LAUNCHED=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && return 0
    kill -0 "$LAUNCHED" 2>/dev/null || { tail -n 30 "$log"; echo "the portal did not start"; exit 1; }
    sleep 0.1
  done
  echo "the portal did not answer within 30 s"; exit 1
}
# Starts the portal on DATA_DIR with the extra arguments.
start() {
  local data="$1"; shift
  launch "$PORT" "$data" "$TMP/server.log" "$@"
  SERVER_PID=$LAUNCHED
}
pg_up() {
  [ -n "$PG_UP" ] && return 0
  start_private_postgres "$PGDIR"
  PG_UP=1
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
pg_up
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
  start "$TMP/full/data" --exports-per-day 10
  node scripts/drill/load.mjs load "$BASE" 3 "$TMP/acks.json"
  node scripts/drill/load.mjs full "$BASE" "$TMP/full/data"
  verify "$TMP/full/data"
  stop
  umount "$TMP/full"
else
  echo "skipped: mounting a small tmpfs needs root (CI and the test command run as root)"
fi
fi
if want 5; then
say "5. two servers on one PostgreSQL database, archives in the database store, load through both"
pg_up
create_database drill_two; create_database drill_two_keys
TWO_ARGS=(--database-url "$PGURL/drill_two" --keystore-url "$PGURL/drill_two_keys" --archive-store database)
: > "$TMP/one.log"; : > "$TMP/two.log"
launch "$PORT" "$TMP/one" "$TMP/one.log" "${TWO_ARGS[@]}"; SERVER_PID=$LAUNCHED
# The second server has its own data folder (no shared disk) and the same master key.
mkdir -p "$TMP/two" && cp "$TMP/one/master.key" "$TMP/two/master.key"
SECOND_PORT="$(free_port)"
launch "$SECOND_PORT" "$TMP/two" "$TMP/two.log" "${TWO_ARGS[@]}"; SECOND_PID=$LAUNCHED
BOTH="$BASE,http://127.0.0.1:$SECOND_PORT"
node scripts/drill/load.mjs load "$BOTH" "$LOAD_SECONDS" "$TMP/acks.json"
node scripts/drill/load.mjs verify "$BOTH" "$TMP/acks.json"
# Nothing on either server's disk: no archive (they are in the database) and
# no file a build left behind.
kept=$(find "$TMP/one/exports" "$TMP/two/exports" -type f 2>/dev/null | wc -l)
[ "$kept" = 0 ] || { find "$TMP/one/exports" "$TMP/two/exports" -type f; echo "$kept files were left on a server's disk"; exit 1; }
# Every acknowledged erasure has run to its end, each step once: one step
# record and one audit event per step (the record's key refuses a second).
sql() { as_pg "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -d drill_two -tAc "$1"; }
open_jobs=1
for _ in $(seq 1 120); do
  open_jobs=$(sql "SELECT count(*) FROM erasure_jobs WHERE status NOT IN ('completed', 'withdrawn')")
  [ "$open_jobs" = 0 ] && break
  sleep 0.5
done
[ "$open_jobs" = 0 ] || { echo "$open_jobs erasure jobs did not finish"; exit 1; }
uneven=$(sql "SELECT count(*) FROM (SELECT job_id::text AS id, count(*) AS n FROM erasure_steps GROUP BY job_id) s
  LEFT JOIN (SELECT entity_id AS id, count(*) AS n FROM audit_events WHERE action = 'erasure_step_done' GROUP BY entity_id) a
  ON a.id = s.id WHERE a.n IS DISTINCT FROM s.n")
[ "$uneven" = 0 ] || { echo "$uneven erasure jobs ran a step more than once"; exit 1; }
echo "erasure: $(sql "SELECT count(*) FROM erasure_jobs WHERE status = 'completed'") jobs completed, every step once"
node scripts/drill/load.mjs once "$BOTH" "$TMP/acks.json" "$TMP/one.log" "$TMP/two.log"
for log in "$TMP/one.log" "$TMP/two.log"; do
  if grep -q "panicked" "$log"; then grep -m 5 "panicked" "$log"; echo "a server panicked"; exit 1; fi
done
audit_verify "$TMP/one" "${TWO_ARGS[@]}"
kill "$SECOND_PID" 2>/dev/null || true; wait "$SECOND_PID" 2>/dev/null || true; SECOND_PID=""
stop
fi
say "drills passed"
