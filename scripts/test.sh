#!/usr/bin/env bash
# Sets up everything and runs the whole test suite: type checking, lint,
# prettier, every package's unit tests, the database tests on SQLite and on
# PostgreSQL (started here from Debian's package, on loopback), and the
# end-to-end suite in Debian's Chromium against the started portal.
# Ends with one line "N passed, N failed"; exits non-zero on any failure;
# stops every process it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
source scripts/env.sh
source scripts/postgres.sh
source scripts/portal.sh

OUT="$ROOT/.ci/out"
rm -rf "$OUT"
mkdir -p "$OUT"
PASSED=0
FAILED=0

cleanup() {
  portal_stop
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n==> %s\n' "$*"; }

# Adds a runner's counts (from its JSON report, read by a node one-liner
# that prints "passed failed") to the totals; a runner that failed without
# reporting a failed test still counts as one failure.
count() {
  local name="$1" status="$2" script="$3" report="$4" p f
  read -r p f < <(node -e "try { const r = require(process.argv[1]); $script } catch { console.log(0, 1); }" "$report")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  echo "$name: $p passed, $f failed"
}

# A check that is not a test runner counts as one test.
check() {
  local name="$1"
  shift
  section "$name"
  if "$@"; then
    PASSED=$((PASSED + 1))
  else
    echo "FAILED: $name"
    FAILED=$((FAILED + 1))
  fi
}

# --- set up --------------------------------------------------------------
section "system packages (Debian's chromium and postgresql)"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
pg_bindir >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null ||
    { echo "Could not install ${missing[*]}"; exit 1; }
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
echo "postgresql: $("$(pg_bindir)"/postgres --version)"

section "dependencies (yarn install --immutable)"
yarn install --immutable >"$OUT/install.log" 2>&1 || { tail -40 "$OUT/install.log"; exit 1; }
echo "node $(node --version), yarn $(yarn --version)"

# --- static checks ---------------------------------------------------------
check "type check (tsc)" yarn tsc
check "API reports match the exports (report*.api.md)" yarn build:api-reports --ci
check "lint" yarn backstage-cli repo lint
check "prettier" yarn prettier --check .

# --- unit and database tests -------------------------------------------------
section "PostgreSQL on loopback"
pg_start || exit 1
echo "started on 127.0.0.1:$PG_PORT"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"
export PLATFORM_ROADMAP_REQUIRE_POSTGRES=1
export BACKSTAGE_TEST_DISABLE_DOCKER=1

section "unit tests (every package; database tests on SQLite and PostgreSQL)"
CI=true yarn backstage-cli repo test --json --outputFile="$OUT/jest.json"
count "unit tests" $? \
  'console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites || 0))' \
  "$OUT/jest.json"
pg_stop

# --- end to end ----------------------------------------------------------------
section "end-to-end: starting the portal"
if portal_start "$OUT/portal.log"; then
  section "end-to-end tests (Playwright in Debian's Chromium)"
  PLAYWRIGHT_JSON="$OUT/e2e.json" yarn playwright test
  count "end-to-end tests" $? \
    'console.log(r.stats.expected, r.stats.unexpected + r.stats.flaky)' \
    "$OUT/e2e.json"
else
  echo "FAILED: the portal did not start"
  FAILED=$((FAILED + 1))
fi
portal_stop

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
