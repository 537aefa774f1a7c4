#!/usr/bin/env bash
# Compiles the reader's module (feature `lean`, the one embed.js loads) and prints the path of
# the .wasm cargo made, before wasm-bindgen and wasm-opt. scripts/build.sh and bench/bytes.mjs
# both build it through this script, so the two cannot drift apart.
#
# The reader's module is built with a std of its own, compiled with this crate's release
# profile (opt-level "z"), std's `optimize_for_size` choices, and panics that stop the module
# at once (-Cpanic=immediate-abort: no panic messages, source locations or formatting left in
# it). That is -3.8 KB of the module gzipped (83,097 -> 79,285 B, measured 2026-12-02).
# -Zlocation-detail=none drops the source paths that #[track_caller] functions (RefCell's
# borrows, slice indexing) still kept for a panic message nobody prints: -0.3 KB (78,104 ->
# 77,801 B, measured 2026-12-02, before the short names). The
# module then traps instead of running the panic hook; src/dom/glue.js's guard() (which
# scripts/inline-snippets.mjs wraps around every module's exports) puts each widget into its
# error state and makes later calls fail with `internal-error`, as the hook does for the full
# module.
#
# -Zbuild-std is a cargo feature that stable cargo allows only with RUSTC_BOOTSTRAP=1, and
# rust-src must be installed (scripts/setup.sh does). On a toolchain without them this builds
# the plain way and says so: the module works the same, and tests/e2e/size-budget.test.mjs
# then fails on its bytes.
#
# Its own target directory: the flags differ from the other builds', and sharing one would
# make each build undo the other's cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/reader"
ARGS=(build --quiet --release --lib --target wasm32-unknown-unknown --features lean)
STD_FLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"

src="$(rustc --print sysroot)/lib/rustlib/src/rust/library/std"
if [[ -d $src ]] &&
    RUSTC_BOOTSTRAP=1 rustc $STD_FLAGS --target wasm32-unknown-unknown --print cfg >/dev/null 2>&1; then
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$STD_FLAGS" CARGO_TARGET_DIR="$TARGET_DIR" \
        cargo "${ARGS[@]}" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size >&2
else
    echo "reader-cargo: WARNING: this toolchain cannot build std for the reader's module" \
        "(rust-src at $src, or rustc's -Cpanic=immediate-abort or -Zlocation-detail, is missing); building it" \
        "the plain way, about 4 KB gzip bigger" >&2
    CARGO_TARGET_DIR="$TARGET_DIR" cargo "${ARGS[@]}" >&2
fi
echo "$TARGET_DIR/wasm32-unknown-unknown/release/revitalization_infographic.wasm"
