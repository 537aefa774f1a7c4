#!/usr/bin/env node
// Shortens the names at the JS/wasm boundary that no minifier can reach. Each function the
// wasm-bindgen glue hands the module (`__wbg_setAttribute_d34548c2864f56e6`, a name and a
// 64-bit hash, 135 of them) becomes `a`, `b`, … `Z`, `ba`, … in the module's import section
// and in the glue's import object alike. Emscripten and webpack do the same to their wasm
// imports. The hashes were a third of what the two files' gzip could not squeeze. Each
// function the module exports (`render`, `infographic_update`, and the closures' entries,
// `wasm_bindgen_<hash>___convert__closures_____invoke___js_sys_<hash>___Array______true__12`)
// becomes `a`, `b`, … (`$a`, `$b`, … for the ones glue.js's guard() lets return quietly) in
// the export section and where the glue reads it (`wasm.render`); the glue's own exports, which
// pages call, keep their names.
//
//   node scripts/short-imports.mjs MODULE.wasm GLUE.js   both rewritten in place
//   node scripts/short-imports.mjs MODULE.wasm           the module alone (a twin of one whose
//                                                        glue is already rewritten: the names
//                                                        follow the imports' and exports' order)
//
// Only the glue's own module (`./NAME_bg.js`) is renamed; the snippets' imports keep their
// names, which are the functions src/dom/glue.js exports. scripts/build.sh runs it on dist/'s
// reader after terser; pkg/ (which the browser tests load) keeps the long names for reading.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The n-th short name (0 → "a", 51 → "Z", 52 → "ba", …). They are keys of an object literal
 * and names of a module's imports, where even a keyword is allowed.
 */
export function shortName(n) {
  let s = "";
  let i = n;
  do {
    s = LETTERS[i % 52] + s;
    i = Math.floor(i / 52);
  } while (i > 0);
  return s;
}

/** The unsigned LEB128 number at `p`, and where it ends. */
export function readLeb(buf, p) {
  let r = 0;
  let shift = 0;
  let x;
  do {
    x = buf[p++];
    r += (x & 0x7f) * 2 ** shift;
    shift += 7;
  } while (x & 0x80);
  return [r, p];
}

function leb(n) {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return Buffer.from(out);
}

const name = (s) => {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
};

/**
 * The module with the imports from `glueModule` renamed in order; returns the new bytes and
 * the map from old names to new. Every other section is copied as it is.
 */
export function renameImports(wasm, glueModule = null) {
  const map = new Map();
  const out = rewriteSection(wasm, 2, "import", (r) => {
    let n;
    [n, r] = readLeb(wasm, r);
    const module = wasm.subarray(r, r + n).toString("utf8");
    r += n;
    [n, r] = readLeb(wasm, r);
    const field = wasm.subarray(r, r + n).toString("utf8");
    r += n;
    const desc = r;
    const kind = wasm[r++];
    if (kind === 0) [, r] = readLeb(wasm, r); // a function: its type
    else if (kind === 1 || kind === 2) {
      if (kind === 1) r++; // a table: its element type
      let flags;
      [flags, r] = readLeb(wasm, r);
      [, r] = readLeb(wasm, r);
      if (flags & 1) [, r] = readLeb(wasm, r);
    } else if (kind === 3) r += 2; // a global: its type and mutability
    else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
    let renamed = field;
    // wasm-bindgen's own module is `./NAME_bg.js`, whatever the file is called now.
    glueModule ??= /^\.\/[\w-]+_bg\.js$/.test(module) ? module : null;
    if (module === glueModule) {
      if (map.has(field)) throw new Error(`import ${field} is there twice`);
      renamed = shortName(map.size);
      map.set(field, renamed);
    }
    return [Buffer.concat([name(module), name(renamed), wasm.subarray(desc, r)]), r];
  });
  return { wasm: out, map };
}

/**
 * The module with the entries of section `id` rewritten by `entry(r)`, which reads the entry at
 * `r` and returns its new bytes and where it ended; every other section is copied as it is.
 */
function rewriteSection(wasm, id, what, entry) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a WebAssembly module");
  const parts = [wasm.subarray(0, 8)];
  let p = 8;
  while (p < wasm.length) {
    const [len, start] = readLeb(wasm, p + 1);
    const end = start + len;
    if (wasm[p] !== id) {
      parts.push(wasm.subarray(p, end));
      p = end;
      continue;
    }
    let [count, r] = readLeb(wasm, start);
    const items = [];
    for (let i = 0; i < count; i++) {
      let item;
      [item, r] = entry(r);
      items.push(item);
    }
    if (r !== end) throw new Error(`the ${what} section does not end where it says`);
    const body = Buffer.concat([leb(count), ...items]);
    parts.push(Buffer.from([id]), leb(body.length), body);
    p = end;
  }
  return Buffer.concat(parts);
}

/**
 * Whether an export is one src/dom/glue.js's guard() lets return quietly once the module has
 * stopped: a closure's entry, a closure's drop, a handle's finalizer. Their short names start
 * with `$`, so guard() still tells them apart (its own test is this one, plus the `$`).
 */
export const quietExport = (field) => /convert__closures_|^__wbindgen_destroy_closure$|_free$/.test(field);

/**
 * The module with its function exports renamed in order (`a`, `b`, …; `$a`, `$b`, … for the
 * quiet ones): wasm-bindgen's names for them carry hashes (`wasm_bindgen_<hash>___convert__
 * closures_____invoke___js_sys_<hash>___Array______true__12`), and the glue calls them by
 * name. `memory` and the other non-function exports keep theirs (init() hands the exports
 * object to whoever awaits it). Returns the new bytes and the map from old names to new.
 */
export function renameExports(wasm) {
  const map = new Map();
  let loud = 0;
  let quiet = 0;
  const out = rewriteSection(wasm, 7, "export", (r) => {
    let n;
    [n, r] = readLeb(wasm, r);
    const field = wasm.subarray(r, r + n).toString("utf8");
    r += n;
    const desc = r;
    const kind = wasm[r++];
    [, r] = readLeb(wasm, r);
    let renamed = field;
    if (kind === 0) {
      renamed = quietExport(field) ? `$${shortName(quiet++)}` : shortName(loud++);
      map.set(field, renamed);
    }
    return [Buffer.concat([name(renamed), wasm.subarray(desc, r)]), r];
  });
  return { wasm: out, map };
}

/**
 * The glue with each export's old name replaced where the glue reads it: `wasm.name`, with
 * `wasm` under whatever name terser gave it (found where it is set, `wasm = ….guard(instance
 * .exports)`: see scripts/inline-snippets.mjs). Each must be read at least once.
 */
export function renameExportsInGlue(glue, map) {
  const set = /(?<![\w$])([\w$]+)\s*=\s*[\w$]+\.guard\(\s*[\w$]+\.exports\s*\)/.exec(glue);
  if (!set) throw new Error("the glue does not set its exports through guard(): run scripts/inline-snippets.mjs first");
  const v = set[1].replace(/\$/g, "\\$");
  let out = glue;
  for (const [from, to] of map) {
    const read = new RegExp(`(?<![\\w$])${v}\\.${from.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    if (!read.test(out)) throw new Error(`the glue never reads the export ${from}: is it the glue of this module?`);
    out = out.replace(read, `${set[1]}.${to}`);
  }
  return out;
}

/** The glue with each old name replaced; each must be there exactly once (its import key). */
export function renameInGlue(glue, map) {
  let out = glue;
  for (const [from, to] of map) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + from.length) >= 0) {
      throw new Error(`${from} is not in the glue exactly once: is it the glue of this module?`);
    }
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/**
 * Rewrites the module (and its glue, when given) in place: its imports from the glue and its
 * function exports. Returns how many names of each changed.
 */
export function shortenImports(wasmPath, gluePath) {
  const imports = renameImports(fs.readFileSync(wasmPath));
  if (imports.map.size === 0) throw new Error(`${wasmPath} imports nothing from wasm-bindgen's glue`);
  const exports = renameExports(imports.wasm);
  if (gluePath) {
    let glue = renameInGlue(fs.readFileSync(gluePath, "utf8"), imports.map);
    glue = renameExportsInGlue(glue, exports.map);
    fs.writeFileSync(gluePath, glue);
  }
  fs.writeFileSync(wasmPath, exports.wasm);
  return { imports: imports.map.size, exports: exports.map.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  if (!wasmPath) {
    console.error("usage: node scripts/short-imports.mjs MODULE.wasm [GLUE.js]");
    process.exit(2);
  }
  try {
    const n = shortenImports(wasmPath, gluePath);
    console.log(
      `short-imports: ${n.imports} import and ${n.exports} export names shortened in ${wasmPath}${gluePath ? ` and ${gluePath}` : ""}`,
    );
  } catch (e) {
    console.error(`short-imports: ${e.message}`);
    process.exit(1);
  }
}
