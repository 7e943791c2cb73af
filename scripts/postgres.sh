#!/usr/bin/env bash
# Sourced by test.sh and bench.sh: a private, throw-away PostgreSQL cluster on a
# free loopback port, never the system one.
#   start_private_postgres DIR   initdb into DIR/data and start it; sets PGPORT and PGURL
#   stop_private_postgres DIR    stop it (call from an EXIT trap)
#   create_database NAME         a fresh database in it
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_private_postgres() {
  local dir="$1"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  PGPORT="$(free_port)"
  as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $dir -c fsync=off" start >/dev/null
  PGURL="postgres://postgres@127.0.0.1:$PGPORT"
}
stop_private_postgres() {
  local dir="$1"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}
create_database() {
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE $1" >/dev/null
}
