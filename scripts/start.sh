#!/usr/bin/env bash
# Sets up everything (project-local Node 22 and Yarn 4, dependencies) and
# starts the portal: embedded SQLite, the example organisation, guest sign-in.
# Idempotent; quick when already set up. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/portal.sh

echo "==> installing dependencies (yarn install)"
yarn install --immutable >/tmp/platform-roadmap-install.log 2>&1 ||
  { tail -40 /tmp/platform-roadmap-install.log; exit 1; }

LOG="${PLATFORM_ROADMAP_LOG:-/tmp/platform-roadmap-portal.log}"
echo "==> starting the portal (log: $LOG)"
trap portal_stop EXIT
trap 'exit 130' INT TERM
portal_start "$LOG"

echo
echo "Platform Roadmap is running: http://localhost:3000"
echo "Sign in as Guest (a member of CI & Build and of Checkout), then open"
echo "http://localhost:3000/catalog/default/group/ci-build/roadmap"
echo "Press Ctrl-C to stop."
wait "$PORTAL_PID"
