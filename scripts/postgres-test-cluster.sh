#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` creates and starts one whose socket is
# DIR/socket (no TCP port, so it never collides with anything), `stop DIR` stops and removes it.
# `pause` and `resume` stop and restart the server keeping its data (outage tests).
# Run by CTest as a fixture around the tests that need it; safe to run `stop` twice.
set -euo pipefail
action=${1:?start or stop}
root=${2:?cluster directory}
port=55432
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "PostgreSQL server binaries not found: run scripts/install-deps.sh" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    "$0" stop "$root" >/dev/null 2>&1 || true
    mkdir -p "$root/socket"
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
      chown -R postgres: "$root"
    fi
    chmod 700 "$root"
    as_owner "$pgbin/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; exit 1; }
    # Durability is not under test here: fsync off makes each test database cheap.
    as_owner "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-p $port -k $root/socket -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "PostgreSQL test cluster: postgresql://postgres@/postgres?host=$root/socket&port=$port"
    ;;
  pause)
    # Stop the server but keep its data: an outage that `resume` ends.
    as_owner "$pgbin/pg_ctl" -D "$root/data" -m fast -w -t 60 stop >/dev/null
    ;;
  resume)
    as_owner "$pgbin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-p $port -k $root/socket -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    ;;
  stop)
    if [ -f "$root/data/postmaster.pid" ]; then
      as_owner "$pgbin/pg_ctl" -D "$root/data" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -rf "$root"
    ;;
  *) echo "usage: $0 start|pause|resume|stop DIR" >&2; exit 2 ;;
esac
