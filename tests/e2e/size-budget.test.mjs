// The size budget: every file a reader downloads from dist/ (and their total) stays under its
// ceiling in size-budget.json, in gzip -9 bytes. Run after scripts/build.sh (release build).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { ROOT } from "./helpers.mjs";

const DIST = path.join(ROOT, "dist");
const budgets = JSON.parse(fs.readFileSync(path.join(ROOT, "size-budget.json"), "utf8"));
const budget = budgets.gzip;
const unsealed = budgets.unsealed;
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

test("every downloaded file and the total stay within size-budget.json", () => {
  const sizes = {};
  for (const name of Object.keys(budget)) {
    if (name === "total") continue;
    const file = path.join(DIST, name);
    assert.ok(fs.existsSync(file), `${name} is missing from dist/: run scripts/build.sh`);
    sizes[name] = gz(file);
  }
  sizes.total = Object.values(sizes).reduce((a, b) => a + b, 0);
  // The full module, fetched only for a dataset the desk did not seal, has ceilings of its own
  // and is not in the story page's total.
  for (const name of Object.keys(unsealed)) sizes[name] = gz(path.join(DIST, name));
  const ceiling = { ...budget, ...unsealed };
  console.log("gzip -9 bytes (budget):", Object.entries(sizes).map(([k, v]) => `${k} ${v} (${ceiling[k]})`).join(", "));
  const over = Object.entries(sizes).filter(([k, v]) => v > ceiling[k]);
  assert.deepEqual(over, [], `over budget: ${over.map(([k, v]) => `${k} ${v} > ${ceiling[k]}`).join(", ")}`);
  // Everything dist/ serves to a reader is counted: no unbudgeted script, wasm or stylesheet.
  const served = fs.readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f));
  const unbudgeted = served.filter((f) => !(f in ceiling));
  assert.deepEqual(unbudgeted, []);
  // The glue's snippet (src/dom/glue.js) is inside each glue (scripts/inline-snippets.mjs): no
  // script asks for another.
  assert.ok(!fs.existsSync(path.join(DIST, "snippets")), "no snippets/ folder in dist/");
  for (const name of ["reader.js", "revitalization_infographic.js", "desk/desk.js"]) {
    const js = fs.readFileSync(path.join(DIST, name), "utf8");
    assert.doesNotMatch(js, /\bimport\b[^;]*from\s*["']/, `${name} imports no other script`);
    assert.match(js, /apply_ops/, `${name} holds glue.js's functions`);
  }
});

// scripts/short-imports.mjs ran on dist/'s two modules: each imports its glue's functions by
// short names, the glue's import object holds those names and none of the long ones, and the
// two still agree (every name the module asks for is a key the glue gives); the same for the
// module's function exports.
for (const name of ["reader", "revitalization_infographic"]) {
  test(`${name}: the module and its glue meet on short import names`, () => {
    const wasm = new WebAssembly.Module(fs.readFileSync(path.join(DIST, `${name}_bg.wasm`)));
    const fromGlue = WebAssembly.Module.imports(wasm).filter((i) => i.module === `./${name}_bg.js`);
    assert.ok(fromGlue.length > 50, `${fromGlue.length} imports from the glue`);
    const long = fromGlue.filter((i) => i.name.length > 2).map((i) => i.name);
    assert.deepEqual(long, [], "every import from the glue has a name of one or two letters");
    const glue = fs.readFileSync(path.join(DIST, `${name}.js`), "utf8");
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, "no long wasm-bindgen import name is left in the glue");
    // The object the glue instantiates the module with, from its own __wbg_get_imports().
    const keys = new Set(
      [...glue.matchAll(/[{,]([A-Za-z]{1,2}):(?:function|\()/g)].map((m) => m[1]),
    );
    const missing = fromGlue.filter((i) => !keys.has(i.name)).map((i) => i.name);
    assert.deepEqual(missing, [], "the glue gives every import the module asks for");
    // Its function exports too, and the glue calls them by those names: the closures' entries
    // (which glue.js's guard lets return quietly once the module has stopped) start with `$`.
    const fns = WebAssembly.Module.exports(wasm).filter((e) => e.kind === "function").map((e) => e.name);
    assert.ok(fns.length > 10, `${fns.length} function exports`);
    assert.deepEqual(fns.filter((n) => !/^\$?[A-Za-z]{1,2}$/.test(n)), [], "every function export has a short name");
    assert.ok(fns.some((n) => n.startsWith("$")), "the quiet exports are marked");
    assert.doesNotMatch(glue, /closures_____invoke|\.infographic_update\b|\.__wbindgen_malloc\b/, "no long export name is left in the glue");
  });
}

// The reader's module is the widget without the validator and the developer's functions: what
// a page needs only to check a dataset stays in the full module.
// What each module offers a page is what its glue exports (the module's own exports have the
// short names of scripts/short-imports.mjs, and only the glue calls them).
test("the reader's module exports the widget and nothing of the developer's", async () => {
  const exports = async (name) => {
    const glue = await import(pathToFileURL(path.join(DIST, `${name}.js`)).href);
    return [...Object.keys(glue), ...Object.getOwnPropertyNames(glue.Infographic.prototype).map((m) => `infographic_${m}`)];
  };
  const reader = await exports("reader");
  const full = await exports("revitalization_infographic");
  assert.ok(reader.includes("render") && reader.includes("infographic_update"), reader.join(" "));
  for (const dev of ["validateDataset", "computeStats", "formatNumber", "describe", "defaultDataset", "sealDataset"]) {
    assert.ok(full.includes(dev), `the full module exports ${dev}`);
    assert.ok(!reader.includes(dev), `the reader's module does not export ${dev}`);
  }
  // No validator message is in it either (one the full module writes for a bad figure).
  const text = fs.readFileSync(path.join(DIST, "reader_bg.wasm")).toString("latin1");
  const fullText = fs.readFileSync(path.join(DIST, "revitalization_infographic_bg.wasm")).toString("latin1");
  assert.ok(fullText.includes("only http, https or relative links"));
  assert.ok(!text.includes("only http, https or relative links"));
  // Nor the downloads (CSV, SVG, the saved image): the full module does them on first use.
  for (const name of ["infographic_toCsv", "infographic_toSvg"]) {
    assert.ok(full.includes(name), `the full module exports ${name}`);
    assert.ok(!reader.includes(name), `the reader's module does not export ${name}`);
  }
  assert.ok(reader.includes("setHandOver") && !full.includes("setHandOver"), "the reader's module takes embed.js's hand-over");
  for (const mark of ['<?xml version="1.0"', "iTXt"]) {
    assert.ok(fullText.includes(mark), `the full module writes ${mark}`);
    assert.ok(!text.includes(mark), `the reader's module does not write ${mark}`);
  }
});
