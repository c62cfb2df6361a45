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

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
OUT="$ROOT/.ci/out/bench"
rm -rf "$OUT"
mkdir -p "$OUT"
STARTED=$(date +%s)

BACKEND_PID=
cleanup() {
  portal_stop
  if [ -n "$BACKEND_PID" ]; then
    kill -- -"$BACKEND_PID" 2>/dev/null || true
    wait "$BACKEND_PID" 2>/dev/null || true
  fi
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n==> %s\n' "$*"; }

wait_backend() {
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null http://127.0.0.1:7007/.backstage/health/v1/readiness && return 0
    sleep 1
  done
  echo "the backend did not start" >&2
  return 1
}

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

# The backend alone, as production runs it (NODE_ENV=production: compact
# JSON), with the demo's every-minute jobs at a production pace; in its own
# process group (as scripts/portal.sh does), so it stops as a whole.
backend_start() {
  local log="$1"
  shift
  NODE_ENV=production setsid bash -c 'cd packages/backend && exec yarn \
    backstage-cli package start --config "$0/app-config.yaml" \
    --config "$0/bench/app-config.load.yaml" "$@"' "$ROOT" "$@" \
    >"$log" 2>&1 &
  BACKEND_PID=$!
  wait_backend
}
backend_stop() {
  kill -- -"$BACKEND_PID" 2>/dev/null || true
  wait "$BACKEND_PID" 2>/dev/null || true
  BACKEND_PID=
}

section "backend on SQLite: the backlog under load"
backend_start "$OUT/backend-sqlite.log" || exit 1
node bench/load.mjs --database sqlite --requests 10000 --rate 200 \
  --duration "$DURATION" --out "$OUT/load-sqlite.json"
backend_stop

section "backend on PostgreSQL: the backlog under load"
export PLATFORM_ROADMAP_BENCH_PG_URL="$PG_URL"
backend_start "$OUT/backend-postgres.log" \
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
