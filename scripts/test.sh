#!/usr/bin/env bash
# The test command: every check the project has, in order, stopping at the
# first failure. Installs what is missing first (scripts/setup.sh).
#
# One target dir is shared by all stages; the stages are ordered so that later
# ones reuse what earlier ones compiled (cargo test's dev build serves the
# fallback pages in build.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt from npm (node_modules/.bin) first: see scripts/setup.sh.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

STAGES=7
stage=0
started=$SECONDS
header() {
    stage=$((stage + 1))
    printf '\n==> [%d/%d] %s   (%ds so far)\n' "$stage" "$STAGES" "$*" "$((SECONDS - started))"
}

header "setup: install what is missing"
bash scripts/setup.sh
export RI_SETUP_DONE=1

header "cargo fmt --check"
cargo fmt --check

header "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

header "cargo test (native: unit, integration, doc, property tests)"
cargo test

header "wasm-pack test --headless --chrome (browser tests in Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome

header "build: wasm package, dist/, site/"
bash scripts/build.sh

header "end-to-end tests: node --test tests/e2e/"
node --test tests/e2e/

printf '\n==> all %d stages passed in %ds\n' "$STAGES" "$((SECONDS - started))"
