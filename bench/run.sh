#!/usr/bin/env bash
# Runs the benchmark (bench/run.py) with wrk installed and, for PostgreSQL scenarios, a throw-away
# PostgreSQL cluster (as ./test.sh does). Arguments go to run.py, e.g.
#   bench/run.sh --providers sqlite,postgres --sizes 1000:365,100000:30 --duration 15
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null 2>&1 || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

if [[ " $* " == *postgres* ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/attune-bench-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
  trap 'as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U attune >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" start >/dev/null
  export ATTUNE_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=attune;Database=postgres"
fi

python3 bench/run.py "$@"
