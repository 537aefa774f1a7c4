#!/usr/bin/env bash
# The run command: builds everything, then serves the demo site on
# http://127.0.0.1:${PORT:-8000} (PORT=8080 bash scripts/serve.sh for another).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt from npm (node_modules/.bin) first: see scripts/setup.sh.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

bash scripts/build.sh

PORT="${PORT:-8000}"
echo
echo "Open http://127.0.0.1:${PORT}/ in a browser."
exec node scripts/serve.mjs --root site --port "$PORT"
