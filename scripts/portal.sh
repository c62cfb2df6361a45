# Sourced by start.sh and test.sh: starts the portal (`yarn start`: frontend
# dev server on :3000, backend on :7007) in its own process group, waits until
# both answer, and stops the whole group again.

portal_start() {
  local log="$1" _
  setsid yarn start >"$log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 300); do
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    if curl -fs -o /dev/null http://localhost:3000 &&
      curl -fs -o /dev/null http://127.0.0.1:7007/.backstage/health/v1/readiness; then
      return 0
    fi
    sleep 1
  done
  tail -40 "$log" >&2
  echo "The portal did not start (log: $log)" >&2
  return 1
}

portal_stop() {
  [ -n "${PORTAL_PID:-}" ] || return 0
  kill -- -"$PORTAL_PID" 2>/dev/null || true
  wait "$PORTAL_PID" 2>/dev/null || true
  PORTAL_PID=
}
