#!/usr/bin/env bash
# Builds the WebAssembly package and assembles:
#   dist/  what a newsroom deploys: embed.js, the reader's module (reader.js and .wasm), the
#          full module (the wasm-bindgen glue .js + .d.ts and the .wasm), static no-JavaScript fallbacks (fallback.zh.html,
#          fallback.en.html) and the dataset's JSON Schema (dataset.schema.json)
#   site/  the demo site (gitignored): www/'s pages plus dist/ as site/dist/
# and prints the sizes (raw and gzip -9) of what a reader downloads.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt from npm (node_modules/.bin) first: see scripts/setup.sh.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# scripts/test.sh has already run setup when it calls this.
if [[ "${RI_SETUP_DONE:-}" != 1 ]]; then
    bash scripts/setup.sh
fi

NAME=revitalization_infographic

echo "build: wasm-pack build --release --target web --out-dir pkg"
wasm-pack build --release --target web --out-dir pkg
# The reader's module, which embed.js loads: the same crate without the validator and the
# developer's functions (feature `lean`); it shows the embedded story and sealed datasets.
# It is built with a std of its own (scripts/reader-cargo.sh says how and why), which wasm-pack
# cannot be told to do: cargo, wasm-bindgen and wasm-opt are run here as wasm-pack runs them,
# with the wasm-opt flags of Cargo.toml's [package.metadata.wasm-pack.profile.release].
echo "build: scripts/reader-cargo.sh, wasm-bindgen --out-dir pkg-reader --out-name reader, wasm-opt"
reader_wasm="$(bash scripts/reader-cargo.sh)"
rm -rf pkg-reader
wasm-bindgen "$reader_wasm" --out-dir pkg-reader --out-name reader --target web
mapfile -t wasm_opt_flags < <(node scripts/wasm-opt-flags.mjs)
if [[ ${#wasm_opt_flags[@]} -eq 0 ]]; then
    echo "build: could not read the wasm-opt flags from Cargo.toml" >&2
    exit 1
fi
wasm-opt "${wasm_opt_flags[@]}" pkg-reader/reader_bg.wasm -o pkg-reader/reader_bg.wasm
# The desk's module: the same crate with draftDataset and checkDataset (feature `desk`), for
# the editor page only; what embed.js loads is built without them.
echo "build: wasm-pack build --release --target web --out-dir pkg-desk --out-name desk -- --features desk"
wasm-pack build --release --target web --out-dir pkg-desk --out-name desk -- --features desk

if [[ ! -f www/embed.js ]]; then
    echo "build: www/embed.js is missing" >&2
    exit 1
fi
rm -rf dist
mkdir -p dist
cp www/embed.js dist/
for f in "${NAME}_bg.wasm" "$NAME.d.ts" "${NAME}_bg.wasm.d.ts"; do
    cp "pkg/$f" dist/
done
for f in reader_bg.wasm reader.d.ts; do
    cp "pkg-reader/$f" dist/
done
mkdir -p dist/desk
for f in desk_bg.wasm desk.d.ts; do
    cp "pkg-desk/$f" dist/desk/
done
# Each glue with its JavaScript snippet (src/dom/glue.js) put inside it: one script per module
# for a reader's browser to fetch, not a script that then asks for another (pkg*/ keep theirs).
node scripts/inline-snippets.mjs "pkg/$NAME.js" "dist/$NAME.js"
node scripts/inline-snippets.mjs pkg-reader/reader.js dist/reader.js
node scripts/inline-snippets.mjs pkg-desk/desk.js dist/desk/desk.js

# What readers download is minified by terser (comments, whitespace, local names; no property
# names, no eval): www/ and pkg/ keep the readable sources, the browser tests run on those,
# and the end-to-end tests and the benchmark on these.
TERSER=node_modules/.bin/terser
if [[ ! -x $TERSER ]]; then
    echo "build: $TERSER is missing: run scripts/setup.sh (npm ci)" >&2
    exit 1
fi
while IFS= read -r js; do
    "$TERSER" "$js" --module --compress --mangle --output "$js.min"
    mv "$js.min" "$js"
done < <(find dist -name '*.js')
# The names at the JS/wasm boundary, which terser cannot reach: the reader's module and its
# glue agree on short ones (scripts/short-imports.mjs). -4.5 KB gzip of the two.
node scripts/short-imports.mjs "dist/${NAME}_bg.wasm" "dist/$NAME.js"
node scripts/short-imports.mjs dist/reader_bg.wasm dist/reader.js

# Static fallbacks, rendered by the native command. The dev profile is used
# on purpose: the output is the same as a release build's, and scripts/test.sh
# has just built it for `cargo test`, so this costs no second compile.
for lang in zh en; do
    echo "build: cargo run -- html --lang $lang > dist/fallback.$lang.html"
    cargo run --quiet -- html --lang "$lang" >"dist/fallback.$lang.html.tmp"
    if [[ ! -s "dist/fallback.$lang.html.tmp" ]]; then
        echo "build: 'html --lang $lang' printed nothing" >&2
        exit 1
    fi
    mv "dist/fallback.$lang.html.tmp" "dist/fallback.$lang.html"
done

# The dataset's JSON Schema, generated from src/dataset/schema.rs (data/dataset.schema.json is
# the same file, committed, so editors find it beside data/xian-2022.json).
cargo run --quiet -- schema --json >dist/dataset.schema.json
if ! cmp -s dist/dataset.schema.json data/dataset.schema.json; then
    echo "build: data/dataset.schema.json is out of date; regenerate it:" >&2
    echo "  cargo run --quiet -- schema > data/dataset.schema.json" >&2
    exit 1
fi

# The demo site: everything in www/ except the two files that ship in dist/
# (the pages load them from ./dist/), then dist/ itself.
rm -rf site
mkdir -p site
shopt -s nullglob dotglob
for f in www/*; do
    case "$(basename "$f")" in
        embed.js | infographic.css) ;;
        *) cp -R "$f" site/ ;;
    esac
done
shopt -u nullglob dotglob
cp -R dist site/dist
# The demo's datasets, sealed as the desk publishes them (www/data/ keeps the readable sources):
# embed.js shows them with the reader's module alone.
for f in www/data/*.json; do
    cargo run --quiet -- seal --dataset "$f" >"site/data/$(basename "$f")"
done

# The no-JavaScript fallback goes where a page marks it: <!--ri-fallback:zh--> (or :en) inside
# <revitalization-infographic> becomes the static HTML the same core rendered above.
for page in site/*.html; do
    for lang in zh en; do
        marker="<!--ri-fallback:$lang-->"
        if grep -qF "$marker" "$page"; then
            node -e '
                const fs = require("fs");
                const [page, marker, file] = process.argv.slice(1);
                const html = fs.readFileSync(page, "utf8");
                fs.writeFileSync(page, html.split(marker).join(fs.readFileSync(file, "utf8").trim()));
            ' "$page" "$marker" "dist/fallback.$lang.html"
        fi
    done
done

# Sizes.
gz() { gzip -9 -c "$1" | wc -c; }
echo
printf '%-40s %10s %10s\n' "file (dist/)" "bytes" "gzip -9"
total_raw=0
total_gz=0
for f in reader_bg.wasm reader.js embed.js $(cd dist && find snippets -name '*.js' 2>/dev/null); do
    [[ -f "dist/$f" ]] || continue
    raw=$(wc -c <"dist/$f")
    z=$(gz "dist/$f")
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + z))
    printf '%-40s %10d %10d\n' "$f" "$raw" "$z"
done
printf '%-40s %10d %10d\n' "total" "$total_raw" "$total_gz"
printf '%-40s %10d %10d\n' "${NAME}_bg.wasm (unsealed data only)" "$(wc -c <"dist/${NAME}_bg.wasm")" "$(gz "dist/${NAME}_bg.wasm")"
printf '%-40s %10d %10d\n' "desk/desk_bg.wasm (the desk only)" "$(wc -c <dist/desk/desk_bg.wasm)" "$(gz dist/desk/desk_bg.wasm)"
echo
echo "build: ok (dist/ and site/ are ready)"
