// The size budget: every file a reader downloads from dist/ (and their total) stays under its
// ceiling in size-budget.json, in gzip -9 bytes. Run after scripts/build.sh (release build).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT } from "./helpers.mjs";

const DIST = path.join(ROOT, "dist");
const budget = JSON.parse(fs.readFileSync(path.join(ROOT, "size-budget.json"), "utf8")).gzip;
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function snippetFiles(dir = path.join(DIST, "snippets")) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? snippetFiles(path.join(dir, d.name)) : d.name.endsWith(".js") ? [path.join(dir, d.name)] : [],
  );
}

test("every downloaded file and the total stay within size-budget.json", () => {
  const sizes = {};
  for (const name of Object.keys(budget)) {
    if (name === "total" || name === "snippets") continue;
    const file = path.join(DIST, name);
    assert.ok(fs.existsSync(file), `${name} is missing from dist/: run scripts/build.sh`);
    sizes[name] = gz(file);
  }
  sizes.snippets = snippetFiles().reduce((sum, f) => sum + gz(f), 0);
  sizes.total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log("gzip -9 bytes (budget):", Object.entries(sizes).map(([k, v]) => `${k} ${v} (${budget[k]})`).join(", "));
  const over = Object.entries(sizes).filter(([k, v]) => v > budget[k]);
  assert.deepEqual(over, [], `over budget: ${over.map(([k, v]) => `${k} ${v} > ${budget[k]}`).join(", ")}`);
  // Everything dist/ serves to a reader is counted: no unbudgeted script, wasm or stylesheet.
  const served = fs.readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f));
  const unbudgeted = served.filter((f) => !(f in budget));
  assert.deepEqual(unbudgeted, []);
});

// scripts/short-imports.mjs ran on dist/'s reader: the module imports its glue's functions by
// short names, the glue's import object holds those names and none of the long ones, and the
// two still agree (every name the module asks for is a key the glue gives).
test("the reader's module and glue meet on short import names", async () => {
  const wasm = new WebAssembly.Module(fs.readFileSync(path.join(DIST, "revitalization_infographic_bg.wasm")));
  const fromGlue = WebAssembly.Module.imports(wasm).filter((i) => i.module === "./revitalization_infographic_bg.js");
  assert.ok(fromGlue.length > 100, `${fromGlue.length} imports from the glue`);
  const long = fromGlue.filter((i) => i.name.length > 2).map((i) => i.name);
  assert.deepEqual(long, [], "every import from the glue has a name of one or two letters");
  const glue = fs.readFileSync(path.join(DIST, "revitalization_infographic.js"), "utf8");
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, "no long wasm-bindgen import name is left in the glue");
  // The object the glue instantiates the module with, from its own __wbg_get_imports().
  const keys = new Set(
    [...glue.matchAll(/[{,]([A-Za-z]{1,2}):(?:function|\()/g)].map((m) => m[1]),
  );
  const missing = fromGlue.filter((i) => !keys.has(i.name)).map((i) => i.name);
  assert.deepEqual(missing, [], "the glue gives every import the module asks for");
});
