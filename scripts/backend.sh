# Sourced by bench/run.sh and reliability/run.sh: the portal's backend alone,
# as production runs it (NODE_ENV=production: compact JSON logs and
# answers), in its own process group so it stops as a whole; stopped by PID.
#
#   backend_start <log> [extra backstage-cli args, e.g. --config f.yaml]
#   backend_spawn <log> [args]   (the same without waiting; then wait_backend)
#   backend_stop [pid]       (default: the last one started)
#
# BACKEND_PORT (default 7007) picks the port; BACKEND_PID is the group.

wait_backend() {
  local port="${1:-7007}" pid="${2:-}" _
  for _ in $(seq 1 300); do
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || break
    curl -fs -o /dev/null "http://127.0.0.1:$port/.backstage/health/v1/readiness" && return 0
    sleep 1
  done
  echo "the backend on port $port did not start" >&2
  return 1
}

backend_spawn() {
  local log="$1" port="${BACKEND_PORT:-7007}"
  shift
  APP_CONFIG_backend_listen_port="$port" \
    APP_CONFIG_backend_baseUrl="http://127.0.0.1:$port" \
    NODE_ENV=production setsid bash -c 'cd packages/backend && exec yarn \
    backstage-cli package start --config "$0/app-config.yaml" "$@"' "$ROOT" "$@" \
    >"$log" 2>&1 &
  BACKEND_PID=$!
}

backend_start() {
  backend_spawn "$@"
  wait_backend "${BACKEND_PORT:-7007}" "$BACKEND_PID"
}

backend_stop() {
  local pid="${1:-${BACKEND_PID:-}}"
  [ -n "$pid" ] || return 0
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$pid" = "${BACKEND_PID:-}" ] && BACKEND_PID=
  return 0
}
