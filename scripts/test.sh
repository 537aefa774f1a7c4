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

STAGES=9
stage=0
# Every runner's output also goes here, to count the tests at the end.
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
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

header "cargo clippy --all-targets -- -D warnings (native), and the wasm edge (--target wasm32-unknown-unknown, and with --features lean)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
# The reader's module (embed.js's) is the same code with feature `lean`: lint it as built.
cargo clippy --lib --target wasm32-unknown-unknown --features lean -- -D warnings

header "the core has no web crate in its graph; the wasm build has serde-wasm-bindgen"
# The web crates are dependencies of the wasm32 target only (Cargo.toml): natively, the core
# builds and tests without them, so a core module that named one would not compile.
native_tree="$(cargo tree -e normal --prefix none)"
if grep -E '^(wasm-bindgen|web-sys|js-sys|serde-wasm-bindgen) ' <<<"$native_tree"; then
    echo "test: a web crate is in the native (core) dependency graph" >&2
    exit 1
fi
wasm_tree="$(cargo tree --target wasm32-unknown-unknown -e normal --prefix none)"
for crate in wasm-bindgen web-sys js-sys serde-wasm-bindgen; do
    if ! grep -q "^$crate " <<<"$wasm_tree"; then
        echo "test: $crate is missing from the wasm build's graph" >&2
        exit 1
    fi
done
echo "native graph: $(wc -l <<<"$native_tree") lines, no web crate; wasm graph has the four"

header "cargo test (native: the core's unit, integration, doc and property tests)"
cargo test 2>&1 | tee -a "$LOG"

header "fresh clone: the native tests in a clone of HEAD with nothing beside it"
bash scripts/fresh-clone.sh

header "wasm-pack test --headless --chrome (browser tests in Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome 2>&1 | tee -a "$LOG"

header "build: wasm package, dist/, site/"
bash scripts/build.sh

header "end-to-end tests: node --test tests/e2e/"
node --test tests/e2e/ 2>&1 | tee -a "$LOG"

printf '\n==> all %d stages passed in %ds\n' "$STAGES" "$((SECONDS - started))"
# One closing line for every runner together: cargo's "test result" lines and node's "# pass".
passed=$(sed -n -e 's/^test result: [a-z]*\. \([0-9]*\) passed.*/\1/p' -e 's/^# pass \([0-9]*\)$/\1/p' "$LOG" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n -e 's/^test result: .* \([0-9]*\) failed.*/\1/p' -e 's/^# fail \([0-9]*\)$/\1/p' "$LOG" | awk '{s += $1} END {print s + 0}')
printf '%s passed, %s failed\n' "${passed:-0}" "${failed:-0}"
