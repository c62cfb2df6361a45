# Sourced by the test and production scripts: a throwaway PostgreSQL from
# Debian's package, on loopback only, stopped by pg_stop (by its own PID file).
# pg_start sets PG_URL (a connection string for a superuser).

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_start() {
  local bindir port
  bindir="$(pg_bindir)" || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  PG_DIR="$(mktemp -d /tmp/platform-roadmap-pg.XXXXXX)"
  port="${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
  PG_RUN=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root; use Debian's postgres account.
    chown postgres "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  fi
  "${PG_RUN[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${PG_RUN[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BINDIR="$bindir"
  PG_PORT="$port"
  PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  export PG_URL PG_PORT PG_DIR PG_BINDIR
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  "${PG_RUN[@]}" "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
