#!/usr/bin/env bash
# Runs every benchmark and writes docs/benchmarks.md: the machine, the
# command and the figures. Not part of the test suite (it takes a while:
# see docs/benchmarks.md for how long it took last). Loopback only; it starts
# and stops its own PostgreSQL and portal, by their PIDs.
#
#   bash bench/run.sh [--quick]
#
# --quick runs shorter scenarios (fewer runs, a 10 s load test) to try the
# harness; the committed figures come from a full run.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
source scripts/env.sh
source scripts/postgres.sh
source scripts/portal.sh
source scripts/backend.sh

# The load tests make hundreds of requests a second as one person (the
# guest): the plugin's per-caller rate limit is off for every backend this
# script starts (Backstage reads APP_CONFIG_* variables as configuration).
export APP_CONFIG_platformRoadmap_rateLimit_requestsPerMinute=0
export APP_CONFIG_platformRoadmap_rateLimit_writesPerMinute=0

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
OUT="$ROOT/.ci/out/bench"
rm -rf "$OUT"
mkdir -p "$OUT"
STARTED=$(date +%s)

BACKEND_PID=
cleanup() {
  portal_stop
  backend_stop
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n==> %s\n' "$*"; }

section "build (plugins, app and backend)"
yarn install --immutable >"$OUT/install.log" 2>&1 || { tail -20 "$OUT/install.log"; exit 1; }
yarn tsc >/dev/null && yarn backstage-cli repo build --all >"$OUT/build.log" 2>&1 ||
  { tail -20 "$OUT/build.log"; exit 1; }

section "PostgreSQL on loopback"
pg_start || exit 1
"$PG_BINDIR/postgres" --version >"$OUT/postgres-version.txt"

RUNS=20
DURATION=60
[ "$QUICK" = 1 ] && RUNS=5 && DURATION=10

section "SQL at 100,000 rows (EXPLAIN ANALYZE on PostgreSQL)"
node bench/sql.mjs --pg "$PG_URL" --out "$OUT/sql.json"

section "teams impacted and deprecation consumers over a synthetic catalog"
node bench/catalog/run.mjs --runs "$RUNS" --out "$OUT/catalog.json"

section "portal: requests and bytes per card, before and after 10,000 requests"
portal_start "$OUT/portal.log" || exit 1
node bench/cards.mjs --label "example data" --out "$OUT/cards-before.json"
node bench/load.mjs --requests 10000 --duration 0
node bench/cards.mjs --label "10,000 requests in CI & Build's backlog" \
  --out "$OUT/cards-after.json"
portal_stop

# The backend alone, as production runs it (scripts/backend.sh), with the
# demo's every-minute jobs at a production pace.
LOAD_CONFIG=(--config "$ROOT/bench/app-config.load.yaml")

section "backend on SQLite: the backlog under load"
backend_start "$OUT/backend-sqlite.log" "${LOAD_CONFIG[@]}" || exit 1
node bench/load.mjs --database sqlite --requests 10000 --rate 200 \
  --duration "$DURATION" --out "$OUT/load-sqlite.json"
backend_stop

section "backend on PostgreSQL: the backlog under load"
export PLATFORM_ROADMAP_BENCH_PG_URL="$PG_URL"
backend_start "$OUT/backend-postgres.log" "${LOAD_CONFIG[@]}" \
  --config "$ROOT/bench/app-config.postgres.yaml" || exit 1
node bench/load.mjs --database postgres --requests 10000 --rate 200 \
  --duration "$DURATION" --out "$OUT/load-postgres.json"
backend_stop

section "frontend bundle"
node bench/bundle.mjs --out "$OUT/bundle.json"

section "report"
node bench/report.mjs --in "$OUT" --seconds "$(($(date +%s) - STARTED))" \
  --command "bash bench/run.sh${1:+ $1}" >docs/benchmarks.md
echo "wrote docs/benchmarks.md"
