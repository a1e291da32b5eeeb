#!/usr/bin/env bash
#===- with-mariadb.sh - run a command against a private MariaDB 10.11 ------===#
#
# Usage: with-mariadb.sh COMMAND [ARGS...]
#
# Creates a fresh data directory (mariadb-install-db) in a new temporary
# directory, starts mariadbd listening only on a unix socket inside that
# directory, exports the connection as SCHEMAC_TEST_MYSQL_SOCKET/USER (plus
# the client's MYSQL_UNIX_PORT), runs COMMAND, then stops the server and
# deletes the directory, also when COMMAND fails or the script is
# interrupted. Exits with COMMAND's status, or 125 if the server cannot be
# set up. As root, the server runs as the `mysql` system user.
#
# The server ignores every option file (--no-defaults); root has no password
# on the socket. Text is utf8mb4 with utf8mb4_unicode_ci (MariaDB's default,
# latin1, would mangle non-ASCII names).
#
#===------------------------------------------------------------------------===#
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: with-mariadb.sh COMMAND [ARGS...]" >&2
  exit 2
fi

# The socket path must stay under the 107-byte limit: always use /tmp.
tmp=""
child=""
server=""
as_server_user=()

die() {
  echo "with-mariadb: $*" >&2
  exit 125
}

# shellcheck disable=SC2317 # server_pids, cleanup and on_signal run from traps.
# The server process when it is not our own child: as root we start runuser,
# and the server is its child (found before the server writes its pid file).
server_pids() {
  local pid
  if [[ -n $tmp && -f $tmp/mariadbd.pid ]]; then
    pid=$(<"$tmp/mariadbd.pid")
    [[ $pid =~ ^[0-9]+$ && $pid != "$server" ]] && echo "$pid"
  fi
  if [[ -n $server ]]; then
    pgrep -P "$server" || true
  fi
}

# shellcheck disable=SC2317
cleanup() {
  local status=$?
  local pids
  trap - EXIT INT TERM HUP
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # The data is thrown away: kill the server outright, like PostgreSQL's
  # immediate shutdown, and wait until it is gone before deleting its files.
  # The server goes first, so that runuser (its parent) reaps it at once.
  mapfile -t pids < <(server_pids)
  if [[ ${#pids[@]} -gt 0 ]]; then
    kill -KILL "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 100); do # 10 s; kill -0 fails once none is left
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.05
    done
  fi
  if [[ -n $server ]]; then
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [[ -n $tmp && -d $tmp ]]; then
    rm -rf "$tmp"
  fi
  exit "$status"
}

# shellcheck disable=SC2317
on_signal() {
  echo "with-mariadb: interrupted, stopping the server" >&2
  exit "$1"
}

trap cleanup EXIT
trap 'on_signal 129' HUP
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# mariadbd lives in /usr/sbin, which a user's PATH may lack.
mariadbd=$(PATH=$PATH:/usr/sbin command -v mariadbd) ||
  die "mariadbd not found (Debian package mariadb-server)"
for tool in mariadb-install-db mariadb-admin; do
  command -v "$tool" >/dev/null || die "$tool not found"
done

tmp=$(mktemp -d /tmp/schemac-my.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then
  getent passwd mysql >/dev/null ||
    die "running as root needs the 'mysql' system user"
  chown mysql: "$tmp"
  as_server_user=(runuser -u mysql --)
fi
socket=$tmp/mysql.sock

# Server options shared by the bootstrap and the server. Only a unix socket
# in our own directory: nothing listens on TCP, so runs never clash with each
# other or with a system server on port 3306. No durability, small buffers.
options=(
  --no-defaults
  --datadir="$tmp/data"
  --character-set-server=utf8mb4
  --collation-server=utf8mb4_unicode_ci
  --skip-log-bin
  --innodb-buffer-pool-size=32M
  --innodb-log-file-size=16M
  --innodb-flush-log-at-trx-commit=0
  --innodb-doublewrite=0
  --innodb-flush-method=nosync
  --innodb-buffer-pool-load-at-startup=OFF
  --innodb-buffer-pool-dump-at-shutdown=OFF
)

# Bootstrap and server run with the temp dir as working directory: the
# server user may not be able to enter the caller's.
if ! (cd "$tmp" && "${as_server_user[@]}" mariadb-install-db "${options[@]}" \
  --auth-root-authentication-method=normal --skip-test-db \
  >"$tmp/install.log" 2>&1); then
  cat "$tmp/install.log" >&2
  die "mariadb-install-db failed"
fi

(cd "$tmp" && exec "${as_server_user[@]}" "$mariadbd" "${options[@]}" \
  --skip-networking --socket="$socket" --pid-file="$tmp/mariadbd.pid" \
  --log-error="$tmp/server.log" --max-connections=200 \
  --performance-schema=OFF </dev/null >/dev/null 2>&1) &
server=$!

server_answers() {
  mariadb-admin --no-defaults --protocol=socket --socket="$socket" -u root \
    --connect-timeout=2 ping >/dev/null 2>&1
}
ready=0
for _ in $(seq 600); do # 60 s
  if server_answers; then
    ready=1
    break
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [[ $ready -ne 1 ]]; then
  cat "$tmp/server.log" >&2 || true
  die "the server did not start"
fi

export SCHEMAC_TEST_MYSQL_SOCKET=$socket SCHEMAC_TEST_MYSQL_USER=root
export MYSQL_UNIX_PORT=$socket
echo "with-mariadb: MariaDB $("$mariadbd" --version | awk '{print $3}')" \
  "running on socket $socket" >&2

# Run in the background so a signal reaches our trap at once; keep stdin.
"$@" <&0 &
child=$!
set +e
wait "$child"
status=$?
set -e
child=""
exit "$status"
