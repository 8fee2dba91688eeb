#!/usr/bin/env bash
# Runs the whole test suite: unit, API (SQLite and PostgreSQL) and browser tests.
# Installs what is missing (Debian's chromium and python3-icalendar), starts a throw-away PostgreSQL cluster on a free
# port under a temp folder, and removes it again afterwards. Extra arguments go to `dotnet test`
# (e.g. ./test.sh --filter "FullyQualifiedName~Couple").
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Chromium for the browser tests -------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
  log "Installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export ATTUNE_CHROMIUM=${ATTUNE_CHROMIUM:-$(command -v chromium)}

# --- A second, independent iCalendar parser for the calendar feed tests (Python's icalendar) ---------
if ! /usr/bin/python3 -c 'import icalendar, dateutil' >/dev/null 2>&1; then
  log "Installing Debian's python3-icalendar for the calendar feed tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null
fi

# --- A real SMTP server for the mail tests (Debian's aiosmtpd, started by the tests on loopback) --
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  log "Installing Debian's python3-aiosmtpd for the mail tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

# --- A throw-away PostgreSQL cluster --------------------------------------------------------------
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  log "Installing PostgreSQL"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

pg_dir=$(mktemp -d /tmp/attune-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "${TMPDIR:-/tmp}/attune-tests"
}
trap cleanup EXIT

log "Starting a throw-away PostgreSQL on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U attune --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export ATTUNE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=attune;Database=postgres"

# --- The tests -------------------------------------------------------------------------------------
log "Building"
dotnet build Attune.slnx -c Release --nologo -v q

log "Testing"
results=$(mktemp -d)
set +e
dotnet test Attune.slnx -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" \
  | tee "$results/output.txt"
status=${PIPESTATUS[0]}
set -e

# One plain closing line that any CI reads: "N passed, N failed, N skipped".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
        skipped += int(counters.get("notExecuted", 0))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit "$status"
