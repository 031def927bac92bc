#!/usr/bin/env bash
# A throwaway PostgreSQL server for the records' tests: Debian's postgresql (installed with apt-get
# when missing and run as root), a new cluster in a temporary folder, trust auth on 127.0.0.1 only.
#   scripts/testPostgres.sh start DIR PORT   prints the DATABASE_URL on its last line
#   scripts/testPostgres.sh stop DIR
set -euo pipefail
cmd="${1:?start or stop}"
dir="${2:?a folder for the cluster}"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ "$cmd" = stop ]; then
  bin="$(bin_dir)"
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null
    else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; fi
  fi
  rm -rf "$dir"
  exit 0
fi

port="${3:?a port}"
if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "itps: PostgreSQL's server is missing; install it with: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi
bin="$(bin_dir)"
mkdir -p "$dir"
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
# PostgreSQL will not run as root: the cluster belongs to the postgres user
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb -D '$dir/data' -A trust -U postgres --no-sync" >/dev/null
run "$bin/pg_ctl -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$dir/log' -w start" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
