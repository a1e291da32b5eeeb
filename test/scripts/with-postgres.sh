#!/usr/bin/env bash
#===- with-postgres.sh - run a command against a private PostgreSQL 15 -----===#
#
# Usage: with-postgres.sh COMMAND [ARGS...]
#
# Creates a fresh cluster (initdb) in a new temporary directory, starts it
# listening only on a unix socket inside that directory, exports the
# connection as SCHEMAC_TEST_PG_HOST/PORT/USER (plus the libpq PG* variables),
# runs COMMAND, then stops the server and deletes the directory, also when
# COMMAND fails or the script is interrupted. Exits with COMMAND's status, or
# 125 if the server cannot be set up. As root, the server runs as the
# `postgres` system user (PostgreSQL refuses to run as root).
#
# Environment: SCHEMAC_PG_BINDIR (default /usr/lib/postgresql/15/bin).
#
#===------------------------------------------------------------------------===#
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: with-postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

bindir=${SCHEMAC_PG_BINDIR:-/usr/lib/postgresql/15/bin}
# The socket path must stay under the 107-byte limit: always use /tmp.
tmp=""
child=""
as_server_user=()

die() {
  echo "with-postgres: $*" >&2
  exit 125
}

# shellcheck disable=SC2317 # cleanup and on_signal run from traps.
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [[ -n $tmp && -d $tmp ]]; then
    if [[ -f $tmp/data/postmaster.pid ]]; then
      "${as_server_user[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate \
        -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
  fi
  exit "$status"
}

# shellcheck disable=SC2317
on_signal() {
  echo "with-postgres: interrupted, stopping the server" >&2
  exit "$1"
}

trap cleanup EXIT
trap 'on_signal 129' HUP
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

[[ -x $bindir/initdb ]] || die "no PostgreSQL server binaries in $bindir"

tmp=$(mktemp -d /tmp/schemac-pg.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then
  getent passwd postgres >/dev/null ||
    die "running as root needs the 'postgres' system user"
  chown postgres: "$tmp"
  as_server_user=(runuser -u postgres --)
fi

# initdb and the server run with the temp dir as working directory: the
# server user may not be able to enter the caller's.
if ! (cd "$tmp" && "${as_server_user[@]}" "$bindir/initdb" -D "$tmp/data" \
  --username=postgres --auth=trust --encoding=UTF8 --locale=C \
  --no-sync >"$tmp/initdb.log" 2>&1); then
  cat "$tmp/initdb.log" >&2
  die "initdb failed"
fi

# Only a unix socket in our own directory: nothing listens on TCP, so runs
# never clash with each other or with a system cluster on port 5432.
cat >>"$tmp/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$tmp'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
# pg_dump locks every table in one transaction: bench/pull.py's 10,000
# tables need more than the default 64 x 100 lock slots.
max_locks_per_transaction = 512
log_min_messages = warning
EOF

if ! (cd "$tmp" && "${as_server_user[@]}" "$bindir/pg_ctl" -D "$tmp/data" \
  -l "$tmp/server.log" -w -t 60 start >/dev/null); then
  cat "$tmp/server.log" >&2 || true
  die "the server did not start"
fi

export SCHEMAC_TEST_PG_HOST=$tmp SCHEMAC_TEST_PG_PORT=5432
export SCHEMAC_TEST_PG_USER=postgres
export PGHOST=$tmp PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
echo "with-postgres: PostgreSQL $("$bindir/postgres" -V | awk '{print $3}')" \
  "running on socket $tmp" >&2

# Run in the background so a signal reaches our trap at once; keep stdin.
"$@" <&0 &
child=$!
set +e
wait "$child"
status=$?
set -e
child=""
exit "$status"
