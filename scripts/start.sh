#!/usr/bin/env bash
# Sets up everything (project-local Node 22 and Yarn 4, dependencies) and
# starts the portal: embedded SQLite, the example organisation, guest sign-in.
# Idempotent; quick when already set up. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

echo "==> installing dependencies (yarn install)"
yarn install --immutable >/tmp/platform-roadmap-install.log 2>&1 ||
  { tail -40 /tmp/platform-roadmap-install.log; exit 1; }

LOG="${PLATFORM_ROADMAP_LOG:-/tmp/platform-roadmap-portal.log}"
echo "==> starting the portal (log: $LOG)"
setsid yarn start >"$LOG" 2>&1 &
PORTAL_PID=$!
stop() { kill -- -"$PORTAL_PID" 2>/dev/null || true; }
trap stop EXIT INT TERM

for _ in $(seq 1 300); do
  kill -0 "$PORTAL_PID" 2>/dev/null || { tail -40 "$LOG"; echo "The portal exited." >&2; exit 1; }
  if curl -fs -o /dev/null http://localhost:3000 &&
    curl -fs -o /dev/null http://127.0.0.1:7007/.backstage/health/v1/readiness; then
    echo
    echo "Platform Roadmap is running: http://localhost:3000"
    echo "Sign in as Guest (a member of CI & Build and of Checkout), then open"
    echo "http://localhost:3000/catalog/default/group/ci-build/roadmap"
    echo "Press Ctrl-C to stop."
    wait "$PORTAL_PID"
    exit $?
  fi
  sleep 1
done
tail -40 "$LOG"
echo "The portal did not become ready in 300 s." >&2
exit 1
