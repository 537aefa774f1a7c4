#!/usr/bin/env node
// Where the reader's bytes go: the WebAssembly module that embed.js loads, by area of the code,
// from a build that keeps its function names, beside the JavaScript a reader fetches.
//
//   node bench/bytes.mjs [--markdown] [--top N]
//
// --top N also lists the N largest functions (their names without crate hashes, raw and gzip).
//
// Builds the reader's wasm as scripts/build.sh does (scripts/reader-cargo.sh: feature `lean`,
// its own std; wasm-bindgen --out-name reader; wasm-opt with Cargo.toml's flags; the short import names of
// scripts/short-imports.mjs), once more with -g for the names, checks that without them it is
// byte for byte dist/'s (when dist/ is there), and prints a table: for each
// area its code bytes (function bodies, raw) and those bodies gzipped alone (gzip -9, Node's
// zlib, as the size budget measures). Areas compress together better than alone, so the gzip
// column adds up to more than the module's gzip; the raw column adds up exactly. Needs what
// scripts/setup.sh installs (wasm-bindgen, binaryen's wasm-opt in node_modules/.bin).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { readLeb, shortenImports } from "../scripts/short-imports.mjs";
import { wasmOptFlags } from "../scripts/wasm-opt-flags.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "bench", "out", "bytes");
const NAME = "reader";
const markdown = process.argv.includes("--markdown");
const topAt = process.argv.indexOf("--top");
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 0;
if (topAt > 0 && !(Number.isInteger(top) && top > 0)) {
  console.error("bytes.mjs: --top needs a positive integer");
  process.exit(2);
}
const env = {
  ...process.env,
  PATH: [path.join(ROOT, "node_modules/.bin"), path.join(os.homedir(), ".cargo/bin"), process.env.PATH].join(":"),
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// ---------------------------------------------------------------------------------------------
// The build

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
// scripts/reader-cargo.sh compiles it as scripts/build.sh does (its own std) and prints its path.
const art = run("bash", ["scripts/reader-cargo.sh"]).toString().trim();
run("wasm-bindgen", [art, "--out-dir", OUT, "--out-name", NAME, "--target", "web"]);
const flags = wasmOptFlags();
const bg = path.join(OUT, `${NAME}_bg.wasm`);
run("wasm-opt", [...flags, bg, "-o", path.join(OUT, "plain.wasm")]);
run("wasm-opt", [...flags, "-g", bg, "-o", path.join(OUT, "named.wasm")]);
// As scripts/build.sh leaves dist/'s: the imports from the glue renamed a, b, … in order.
shortenImports(path.join(OUT, "plain.wasm"));
shortenImports(path.join(OUT, "named.wasm"));
const plain = fs.readFileSync(path.join(OUT, "plain.wasm"));
const distWasm = path.join(ROOT, "dist", `${NAME}_bg.wasm`);
const same = fs.existsSync(distWasm) ? Buffer.compare(plain, fs.readFileSync(distWasm)) === 0 : null;

// ---------------------------------------------------------------------------------------------
// Reading the module: its sections, then the function bodies, the name section, data segments

function readModule(b) {
  let p = 8;
  const leb = () => {
    let r;
    [r, p] = readLeb(b, p);
    return r;
  };
  const str = () => {
    const n = leb();
    const s = b.subarray(p, p + n).toString("utf8");
    p += n;
    return s;
  };
  const out = [];
  while (p < b.length) {
    const id = b[p++];
    const len = leb();
    out.push({ id, start: p, end: p + len });
    p += len;
  }
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const data = [];
  const sizes = {};
  for (const s of out) {
    p = s.start;
    if (s.id === 2) {
      for (let n = leb(), i = 0; i < n; i++) {
        str();
        str();
        const kind = b[p++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          p++;
          const f = leb();
          leb();
          if (f & 1) leb();
        } else if (kind === 2) {
          const f = leb();
          leb();
          if (f & 1) leb();
        } else if (kind === 3) p += 2;
        else if (kind === 4) {
          p++;
          leb();
        }
      }
    } else if (s.id === 10) {
      for (let n = leb(), i = 0; i < n; i++) {
        const len = leb();
        bodies.push(b.subarray(p, p + len));
        p += len;
      }
    } else if (s.id === 11) {
      for (let n = leb(), i = 0; i < n; i++) {
        const flag = leb();
        if (flag === 2) leb();
        if (flag !== 1) while (b[p++] !== 0x0b);
        const len = leb();
        data.push(b.subarray(p, p + len));
        p += len;
      }
    } else if (s.id === 0) {
      const name = str();
      if (name === "name") {
        while (p < s.end) {
          const sub = b[p++];
          const len = leb();
          const end = p + len;
          if (sub === 1) for (let n = leb(), i = 0; i < n; i++) names.set(leb(), str());
          p = end;
        }
      }
    }
    const label = { 0: "custom", 1: "types", 2: "imports", 7: "exports", 10: "code", 11: "data" }[s.id] ?? "other";
    sizes[label] = (sizes[label] ?? 0) + (s.end - s.start);
  }
  return { functions: bodies.map((body, i) => ({ body, name: names.get(imported + i) ?? `#${imported + i}` })), data, sizes };
}

// ---------------------------------------------------------------------------------------------
// Areas: the first rule that matches a function's name

const AREAS = [
  ["dataset validation and the id index (check, validate, refs, typed, idmap)", /revitalization_infographic::(dataset|idmap)::|Dataset>|RelationKind/],
  ["figures as written (written.rs)", /revitalization_infographic::written::/],
  ["stats (derived figures and checks)", /revitalization_infographic::stats::|Stats>/],
  ["view: section charts, cards, geometry", /revitalization_infographic::view::(sections|bars|cards|rings|geometry|classify|hero|chart_figure|tab_sections|svg_box)/],
  ["view: SVG and PNG export, CSV, save image", /revitalization_infographic::(view::(export|png)|dom::image)/],
  ["view: description, table, tooltip", /revitalization_infographic::view::(describe|table|tooltip|warnings_for|check_note)/],
  ["view: the rest (build, chrome, nodes, i18n, html)", /revitalization_infographic::view::/],
  ["DOM: mount, events, tooltip, state", /revitalization_infographic::dom::/],
  ["JSON parser and conversion", /revitalization_infographic::json::/],
  ["number formatting (format, decimal)", /revitalization_infographic::(format|decimal)::/],
  ["exports and the JS boundary", /revitalization_infographic::(exports|boundary)::|externref shim|multivalue shim|^export /],
  ["serde-wasm-bindgen and serde", /serde_wasm_bindgen|serde_core|serde::/],
  ["wasm-bindgen, js-sys, web-sys runtime", /wasm_bindgen|js_sys|web_sys|__wbindgen|__externref/],
  ["allocator (dlmalloc, or src/alloc.rs)", /dlmalloc|__rdl_|__rust_(alloc|dealloc|realloc)|__rg_|revitalization_infographic::alloc::|<revitalization_infographic::alloc::/],
  ["core::fmt, panics, Unicode tables", /core::(fmt|panicking|unicode|str::slice_error|result::unwrap_failed|option::expect_failed)|::fmt::|panic|Formatter|escape_debug/],
  ["Rust std generics instantiated for this code (iterators, Vec, String, maps)", /alloc|core|std/],
];

function areaOf(name) {
  // A std built with the crate (scripts/reader-cargo.sh) names every crate with its hash,
  // `revitalization_infographic[dd5f29baaae51bda]::view::build`: the areas read the path alone.
  const plainName = name.replace(/\[[0-9a-f]{16}\]/g, "");
  for (const [area, re] of AREAS) if (re.test(plainName)) return area;
  return "other";
}

const mod = readModule(fs.readFileSync(path.join(OUT, "named.wasm")));
const total = { raw: plain.length, gz: gz(plain) };
const byArea = new Map();
for (const f of mod.functions) {
  const a = areaOf(f.name);
  if (!byArea.has(a)) byArea.set(a, []);
  byArea.get(a).push(f.body);
}

// Read-only data: the story's JSON and the CSS are found by their text; the rest is messages,
// tables and constants.
const rodata = Buffer.concat(mod.data);
const outDir = fs
  .readdirSync(path.join(path.dirname(art), "build"))
  .filter((d) => d.startsWith("revitalization-infographic-"))
  .map((d) => path.join(path.dirname(art), "build", d, "out"))
  .filter((d) => fs.existsSync(path.join(d, "story.min.json")))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const blob = (file) => {
  const buf = outDir ? fs.readFileSync(path.join(outDir, file)) : Buffer.alloc(0);
  return rodata.includes(buf) && buf.length ? buf : null;
};
const story = blob("story.min.json");
const css = blob("infographic.min.css");
const cut = (buf, part) => {
  const at = part ? buf.indexOf(part) : -1;
  return at < 0 ? buf : Buffer.concat([buf.subarray(0, at), buf.subarray(at + part.length)]);
};
const rest = cut(cut(rodata, story), css);

const rows = [...byArea].map(([area, bodies]) => {
  const buf = Buffer.concat(bodies);
  return { area: `code: ${area}`, raw: buf.length, gz: gz(buf), n: bodies.length };
});
rows.sort((a, b) => b.raw - a.raw);
if (story) rows.push({ area: "data: the embedded story (minified JSON)", raw: story.length, gz: gz(story) });
if (css) rows.push({ area: "data: the widget's CSS (minified)", raw: css.length, gz: gz(css) });
rows.push({ area: "data: messages, tables, constants", raw: rest.length, gz: gz(rest) });
const structure = plain.length - mod.functions.reduce((s, f) => s + f.body.length, 0) - rodata.length;
rows.push({ area: "module structure (imports, exports, types, tables, section headers)", raw: structure, gz: null });

// The JavaScript a reader fetches, as dist/ ships it.
const js = [];
for (const f of ["embed.js", `${NAME}.js`]) {
  const p = path.join(ROOT, "dist", f);
  if (fs.existsSync(p)) js.push({ file: f, buf: fs.readFileSync(p) });
}
const snippets = path.join(ROOT, "dist", "snippets");
if (fs.existsSync(snippets)) {
  for (const f of fs.readdirSync(snippets, { recursive: true })) {
    const p = path.join(snippets, f);
    if (fs.statSync(p).isFile()) js.push({ file: `snippets/…/${path.basename(f)}`, buf: fs.readFileSync(p) });
  }
}

const fmt = (n) => (n == null ? "—" : n.toLocaleString("en-US"));
const lines = [];
lines.push(`The reader's WebAssembly module: ${fmt(total.raw)} B, ${fmt(total.gz)} B gzip -9 (Node's zlib)${same === false ? " — NOT dist/'s build (rebuild dist/ with scripts/build.sh)" : same ? ", the same bytes as dist/'s" : ""}.`);
lines.push("");
lines.push("| where | bytes | gzip alone |");
lines.push("| --- | ---: | ---: |");
for (const r of rows) lines.push(`| ${r.area}${r.n ? ` (${r.n} functions)` : ""} | ${fmt(r.raw)} | ${fmt(r.gz)} |`);
lines.push(`| **the module** | **${fmt(total.raw)}** | **${fmt(total.gz)}** |`);
for (const { file, buf } of js) lines.push(`| JavaScript: ${file} | ${fmt(buf.length)} | ${fmt(gz(buf))} |`);
const all = total.gz + js.reduce((s, { buf }) => s + gz(buf), 0);
lines.push(`| **what a reader fetches (the module and the JavaScript)** | **${fmt(total.raw + js.reduce((s, { buf }) => s + buf.length, 0))}** | **${fmt(all)}** |`);
if (top) {
  lines.push("", `The ${top} largest functions:`, "", "| function | bytes | gzip alone |", "| --- | ---: | ---: |");
  const largest = [...mod.functions].sort((a, b) => b.body.length - a.body.length).slice(0, top);
  for (const f of largest) {
    const name = f.name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/\|/g, "\\|");
    lines.push(`| ${name.length > 110 ? `${name.slice(0, 109)}…` : name} | ${fmt(f.body.length)} | ${fmt(gz(f.body))} |`);
  }
}
const text = lines.join("\n");
console.log(markdown ? text : text.replace(/\*\*/g, ""));
