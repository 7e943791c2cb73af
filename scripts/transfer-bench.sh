#!/usr/bin/env bash
# Measures custodian transfer (README: "Moving the data"): seeds a throw-away
# SQLite portal (C, T, M: customers, tickets, messages), serves it, and moves it
# to a private PostgreSQL while it serves. Needs a release build (scripts/build.sh --release).
set -eu
cd "$(dirname "$0")/.."
source scripts/postgres.sh
B=target/release/custodian
D=$(mktemp -d /tmp/custodian-transfer.XXXX)
$B --log warn --data-dir $D/data bench-seed --throwaway --customers ${C:-1000} --tickets ${T:-10000} --messages ${M:-50000} | tail -2
mkdir -p $D/pg; start_private_postgres $D/pg
trap 'kill $SRV 2>/dev/null; stop_private_postgres $D/pg; rm -rf $D' EXIT
create_database xfer_main; create_database xfer_keys
$B --log warn --data-dir $D/data --listen 127.0.0.1:39500 --public-url http://localhost:39500 serve > $D/server.log 2>&1 & SRV=$!
for i in $(seq 1 100); do curl -fs http://127.0.0.1:39500/ >/dev/null 2>&1 && break; sleep 0.2; done
ls -la $D/data/*.db
/usr/bin/time -f "%e s elapsed, %M KB max resident" $B --log warn --data-dir $D/data transfer --to "$PGURL/xfer_main" --keys-to "$PGURL/xfer_keys"
echo "a change on the old database now:"; curl -s -o /dev/null -w "%{http_code}\n" -X POST -H 'Origin: http://localhost:39500' http://127.0.0.1:39500/api/sign_out
