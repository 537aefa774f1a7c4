#!/usr/bin/env bash
# Installs what building and testing this crate needs, and only what is
# missing: quick (a few seconds) when everything is already there.
#
#   - Rust target wasm32-unknown-unknown, rustfmt, clippy,  (rustup)
#     rust-src (the reader's module builds std itself: scripts/build.sh)
#   - chromium, chromium-driver, fonts-noto-cjk             (apt, Debian)
#   - wasm-bindgen-cli at the version Cargo.lock pins        (cargo install)
#   - wasm-pack                                             (cargo install)
#   - node_modules (npm ci): playwright-core and axe-core for the end-to-end
#     tests, binaryen, whose wasm-opt wasm-pack uses, and terser, which
#     minifies dist/'s JavaScript
#
# Nothing here downloads prebuilt binaries from outside the package
# registries: wasm-pack must find wasm-bindgen and wasm-opt on PATH.
#
# Why wasm-opt comes from npm and not from Debian: bookworm's binaryen is
# version 108, too old for what rustc and wasm-bindgen emit now (reference
# types): its output fails in the browser at init with "WebAssembly.Table.set():
# Argument 1 is invalid for table". npm's binaryen (a WebAssembly build run by
# node) is current. node_modules/.bin therefore comes first on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# --- Rust toolchain -------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    echo "setup: cargo/rustup not found (install Rust with rustup first)" >&2
    exit 1
fi
# (Listings are captured before grep: with pipefail, grep -q closing the pipe
# early could make a present item look missing.)
targets="$(rustup target list --installed)"
if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
    say "installing Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi
components="$(rustup component list --installed)"
for comp in rustfmt clippy rust-src; do
    if ! grep -q "^${comp}" <<<"$components"; then
        say "installing Rust component ${comp}"
        rustup component add "$comp"
    fi
done

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "setup: node and npm (Node.js >= 20) are needed for the end-to-end tests" >&2
    exit 1
fi

# --- Debian packages ------------------------------------------------------
apt_missing=()
command -v chromium     >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
fonts="$(fc-list 2>/dev/null || true)"
if ! grep -qi "Noto Sans CJK" <<<"$fonts"; then
    apt_missing+=(fonts-noto-cjk)
fi
if ((${#apt_missing[@]})); then
    say "installing apt packages: ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # chromium and its driver must be the same build: install both together.
    apt-get install -y -q --no-install-recommends chromium chromium-driver "${apt_missing[@]}"
fi

# --- wasm-bindgen-cli, the version Cargo.lock pins ------------------------
if [[ ! -f Cargo.lock ]]; then
    say "no Cargo.lock: generating it"
    cargo generate-lockfile
fi
WB_VERSION="$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
if [[ -z "$WB_VERSION" ]]; then
    echo "setup: no wasm-bindgen entry in Cargo.lock" >&2
    exit 1
fi
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have_wb" != "$WB_VERSION" ]]; then
    say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}); this compiles for several minutes"
    # --locked first; its lockfile may name a crate version the registry
    # no longer has, then resolve afresh.
    cargo install --locked wasm-bindgen-cli --version "$WB_VERSION" --force \
        || cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
    have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [[ "$have_wb" != "$WB_VERSION" ]]; then
        echo "setup: wasm-bindgen on PATH is ${have_wb:-missing}, Cargo.lock wants $WB_VERSION" >&2
        exit 1
    fi
fi

# --- wasm-pack --------------------------------------------------------------
if ! command -v wasm-pack >/dev/null 2>&1; then
    say "installing wasm-pack; this compiles for several minutes"
    cargo install --locked wasm-pack || cargo install wasm-pack
fi

# --- npm packages: e2e test tools and wasm-opt ----------------------------
stamp=node_modules/.setup-stamp
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" || package.json -nt "$stamp" ]]; then
    say "npm ci (playwright-core, axe-core, binaryen, terser)"
    npm ci --no-audit --no-fund
    touch "$stamp"
fi
if [[ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ]]; then
    echo "setup: node_modules/.bin/wasm-opt (npm package binaryen) is missing" >&2
    exit 1
fi

say "ok (wasm-bindgen $WB_VERSION, $(wasm-pack --version), $(wasm-opt --version | head -n1), $(chromium --version 2>/dev/null | head -n1))"
