#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and print its DSN as
# shell exports:   eval "$(.ci/start-postgres.sh)"
#   CRONICA_TEST_PG      postgresql://postgres@127.0.0.1:PORT/cronica_test
#   CRONICA_TEST_PG_DIR  the cluster's folder (data, socket, log)
# Stop and remove it:   .ci/start-postgres.sh --stop "$CRONICA_TEST_PG_DIR"
# Installs Debian's postgresql package when missing (as root). initdb refuses root, so the
# cluster runs as the postgres user, with a private socket folder, fsync off (throwaway data).
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = "--stop" ]; then
  dir="${2:?usage: start-postgres.sh --stop DIR}"
  bin="$(pg_bin)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

bin="$(pg_bin)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "start-postgres: installing postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin="$(pg_bin)"
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/cronica-pg.XXXXXX")"
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres cronica_test

echo "export CRONICA_TEST_PG=postgresql://postgres@127.0.0.1:$port/cronica_test"
echo "export CRONICA_TEST_PG_DIR=$dir"
