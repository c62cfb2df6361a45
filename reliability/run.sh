#!/usr/bin/env bash
# Runs every reliability and security check and writes docs/reliability.md:
#
#   bash reliability/run.sh [--quick]
#
# 1. The reliability test suites on SQLite and PostgreSQL (they are also in
#    the README's test command): the permission matrix, bad input, rate and
#    size limits, idempotent filing and concurrent edits, migrations up /
#    down / up with data, the Markdown XSS corpus.
# 2. Two backends (production mode) started together on one PostgreSQL;
#    a 10-minute soak at 100 requests/s of mixed reads and writes against
#    one of them, every write counted back afterwards, memory sampled; the
#    scheduled jobs' runs counted across both logs.
#
# --quick soaks for 60 s to try the harness; the committed figures come from
# a full run. Loopback only; it starts and stops its own PostgreSQL and
# backends, by their PIDs. About 15 minutes on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
source scripts/env.sh
source scripts/postgres.sh
source scripts/backend.sh

DURATION=600
[ "${1:-}" = "--quick" ] && DURATION=60
OUT="$ROOT/.ci/out/reliability"
rm -rf "$OUT"
mkdir -p "$OUT"
STARTED=$(date +%s)

PID_A=
PID_B=
cleanup() {
  backend_stop "$PID_A"
  backend_stop "$PID_B"
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n==> %s\n' "$*"; }

section "install"
yarn install --immutable >"$OUT/install.log" 2>&1 || { tail -20 "$OUT/install.log"; exit 1; }

section "PostgreSQL on loopback"
pg_start || exit 1
"$PG_BINDIR/postgres" --version >"$OUT/postgres-version.txt"

section "reliability tests on SQLite and PostgreSQL"
BACKEND_TESTS=(
  src/service/permissionMatrix.test.ts
  src/service/badInput.test.ts
  src/service/rateLimit.test.ts
  src/service/router.test.ts
  src/service/requestsRouter.test.ts
  src/database/RequestStore.test.ts
  src/database/migrations.test.ts
  src/database/migrations.data.test.ts
  src/replicas.test.ts
  src/catalog/CachedCatalog.test.ts
  src/plugin.test.ts
)
(cd plugins/platform-roadmap-backend &&
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL" \
    BACKSTAGE_TEST_DISABLE_DOCKER=1 PLATFORM_ROADMAP_REQUIRE_POSTGRES=1 CI=true \
    yarn backstage-cli package test "${BACKEND_TESTS[@]}" \
    --json --outputFile="$OUT/backend-tests.json" >"$OUT/backend-tests.log" 2>&1)
BACKEND_RC=$?
(cd plugins/platform-roadmap && CI=true yarn backstage-cli package test \
  src/components/xss.test.tsx \
  --json --outputFile="$OUT/frontend-tests.json" >"$OUT/frontend-tests.log" 2>&1)
FRONTEND_RC=$?
echo "backend suites: exit $BACKEND_RC; frontend suites: exit $FRONTEND_RC"

section "two backends on one PostgreSQL"
# The soak is one person at 100 requests/s: the per-caller rate limit is off.
export APP_CONFIG_platformRoadmap_rateLimit_requestsPerMinute=0
export APP_CONFIG_platformRoadmap_rateLimit_writesPerMinute=0
export PLATFORM_ROADMAP_SOAK_PG_URL="$PG_URL"
SOAK_CONFIG=(--config "$ROOT/reliability/app-config.soak.yaml")
# The first start migrates every plugin of the portal: Backstage's own
# plugins fail when two backends create their tables on an empty database
# at once, so the second backend starts once the first is up.
BACKEND_PORT=7007 backend_start "$OUT/backend-a.log" "${SOAK_CONFIG[@]}" || exit 1
PID_A=$BACKEND_PID
BACKEND_PORT=7008 backend_start "$OUT/backend-b.log" "${SOAK_CONFIG[@]}" || exit 1
PID_B=$BACKEND_PID

section "soak: 100 requests/s for $DURATION s against the first backend"
node reliability/replicas.mjs --logs "$OUT/backend-a.log,$OUT/backend-b.log" \
  --seconds "$DURATION" --out "$OUT/replicas.json" >"$OUT/replicas.log" 2>&1 &
REPLICAS_PID=$!
node reliability/soak.mjs --rate 100 --duration "$DURATION" \
  --backend http://127.0.0.1:7007 --out "$OUT/soak.json"
SOAK_RC=$?
wait "$REPLICAS_PID"
REPLICAS_RC=$?
cat "$OUT/replicas.log"
backend_stop "$PID_A"
backend_stop "$PID_B"

section "the plugin's first start on two backends at once"
# The plugin's tables and its migration history go (Backstage's own tables
# in the plugin's database, such as its key store, stay: Backstage's core
# services race each other on an empty database too), and both backends
# start together: each migrates the plugin or waits for the other, and one
# of them loads the example data.
PLUGIN_DB_URL="${PG_URL%/*}/backstage_plugin_platform-roadmap"
"$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$PLUGIN_DB_URL" -c "
  do \$\$ declare t text; begin
    for t in select tablename from pg_tables where schemaname = 'public'
               and tablename not like 'backstage\_backend\_%' loop
      execute format('drop table %I cascade', t);
    end loop;
  end \$\$;" || exit 1
UP_STARTED=$(date +%s)
BACKEND_PORT=7007 backend_spawn "$OUT/together-a.log" "${SOAK_CONFIG[@]}"
PID_A=$BACKEND_PID
BACKEND_PORT=7008 backend_spawn "$OUT/together-b.log" "${SOAK_CONFIG[@]}"
PID_B=$BACKEND_PID
TOGETHER_RC=0
if wait_backend 7007 "$PID_A" && wait_backend 7008 "$PID_B"; then
  node reliability/together.mjs --backends http://127.0.0.1:7007,http://127.0.0.1:7008 \
    --seconds "$(($(date +%s) - UP_STARTED))" --out "$OUT/together.json" || TOGETHER_RC=1
else
  tail -20 "$OUT/together-a.log" "$OUT/together-b.log"
  TOGETHER_RC=1
fi
backend_stop "$PID_A"
backend_stop "$PID_B"

section "report"
node reliability/report.mjs --in "$OUT" --seconds "$(($(date +%s) - STARTED))" \
  --command "bash reliability/run.sh${1:+ $1}" >docs/reliability.md
echo "wrote docs/reliability.md"
[ "$BACKEND_RC$FRONTEND_RC$SOAK_RC$REPLICAS_RC$TOGETHER_RC" = "00000" ]
