#!/usr/bin/env bash
# The repository stands alone: clones the committed HEAD into an empty temporary folder, with
# nothing beside it, and runs the native tests there (every file a test or the build reads
# must be in the repository). The clone shares this checkout's cargo target dir, so only the
# crate itself is compiled again. Uncommitted changes are not in the clone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if ! git rev-parse --verify -q HEAD >/dev/null; then
    echo "fresh-clone: not a git checkout with a commit; nothing to clone" >&2
    exit 1
fi
if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
    echo "fresh-clone: note: uncommitted changes are not part of the clone"
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
git clone --quiet --no-hardlinks "$ROOT" "$TMP/clone"
cd "$TMP/clone"
echo "fresh-clone: $(git rev-parse --short HEAD) cloned into $TMP/clone (nothing beside it)"
# The property tests' depth is the previous stage's (100,000 cases, scripts/test.sh): here they
# only need to run from the clone, so 10,000 cases do (each of the two full runs took about
# 240 s on CI's 2 cores once every refused document is also drawn as if sealed).
FUZZ_CASES="${FUZZ_CASES:-10000}" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}" cargo test --quiet
