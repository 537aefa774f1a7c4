#!/usr/bin/env node
// wasm-opt's flags for every module, as Cargo.toml's [package.metadata.wasm-pack.profile.release]
// gives them to wasm-pack: the one place they are read for the builds wasm-pack does not run
// (scripts/build.sh's reader's module, bench/bytes.mjs, bench/run.mjs --profile).
//
//   node scripts/wasm-opt-flags.mjs     prints them one a line (for bash's mapfile)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The flags, or an error naming Cargo.toml when its `wasm-opt = [...]` line is missing. */
export function wasmOptFlags(root = ROOT) {
  const toml = path.join(root, "Cargo.toml");
  const m = /^wasm-opt\s*=\s*(\[.*\])/m.exec(fs.readFileSync(toml, "utf8"));
  if (!m) throw new Error(`${toml} has no \`wasm-opt = [...]\` line`);
  const flags = JSON.parse(m[1]);
  if (!flags.length || !flags.every((f) => typeof f === "string")) throw new Error(`${toml}: wasm-opt is not a list of flags`);
  return flags;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const f of wasmOptFlags()) console.log(f);
  } catch (e) {
    console.error(`wasm-opt-flags: ${e.message}`);
    process.exit(1);
  }
}
