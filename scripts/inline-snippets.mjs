#!/usr/bin/env node
// Puts the JavaScript snippets a wasm-bindgen glue imports (src/dom/glue.js, which wasm-bindgen
// copies to snippets/<crate>-<hash>/) into the glue itself, as a bundler would: a reader's
// browser then fetches one script for the module, not a script that asks for another one only
// once it has arrived (a round trip more on a phone: 150 ms on Slow 4G), and one gzip stream
// compresses both (the snippet alone was 686 B gzip).
//
//   node scripts/inline-snippets.mjs GLUE.js OUT.js
//
// GLUE.js is wasm-bindgen's output, beside its snippets/ folder; OUT.js gets the glue with each
// `import … from "./snippets/…"` replaced by a constant, and each snippet's code, once, in a
// function of its own (its top-level names stay its own). A snippet may only declare and export
// functions (`export function name`) and import nothing; anything else stops the build, so a
// change to glue.js that this cannot carry is seen at once. The module's import object keeps the
// snippet's path as its key: that string is what the .wasm names. A snippet that exports a
// function `guard` is handed the module's exports at instantiation and returns the ones the
// glue then calls (src/dom/glue.js).

import fs from "node:fs";
import path from "node:path";

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error("usage: node scripts/inline-snippets.mjs GLUE.js OUT.js");
  process.exit(2);
}

const glue = fs.readFileSync(input, "utf8");
const dir = path.dirname(input);
const IMPORT = /^import\s+(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))\s*from\s*(['"])(\.\/snippets\/[^'"]+)\3;?[ \t]*$/gm;

const snippets = new Map(); // its path in the glue → the constant that holds its functions
const constantFor = (spec) => {
  if (!snippets.has(spec)) snippets.set(spec, `__riSnippet${snippets.size}`);
  return snippets.get(spec);
};

let first = -1;
const body = glue.replace(IMPORT, (_, named, star, _q, spec, at) => {
  if (first < 0) first = at;
  const v = constantFor(spec);
  if (star) return `const ${star} = ${v};`;
  const fields = named
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, local] = s.split(/\s+as\s+/);
      return local ? `${name}: ${local}` : name;
    });
  return `const { ${fields.join(", ")} } = ${v};`;
});
if (/^\s*import\s[^;]*['"]\.\/snippets\//m.test(body)) {
  console.error(`inline-snippets: ${input} imports a snippet in a form this script does not read`);
  process.exit(1);
}

let prelude = "";
for (const [spec, v] of snippets) {
  const file = path.join(dir, spec);
  const src = fs.readFileSync(file, "utf8");
  if (/^\s*import\b/m.test(src) || /^\s*export\s+(?!function\s)/m.test(src)) {
    console.error(`inline-snippets: ${file} must import nothing and export functions only (export function name)`);
    process.exit(1);
  }
  const names = [...src.matchAll(/^export\s+function\s+([\w$]+)/gm)].map((m) => m[1]);
  if (names.length === 0) {
    console.error(`inline-snippets: ${file} exports no function`);
    process.exit(1);
  }
  const code = src.replace(/^export\s+function\s/gm, "function ");
  prelude += `// ${spec}\nconst ${v} = (() => {\n${code}\nreturn { ${names.join(", ")} };\n})();\n`;
}

let out = first < 0 ? glue : body.slice(0, first) + prelude + body.slice(first);

// A snippet that exports `guard` gets the module's exports at instantiation and gives back the
// ones the glue is to call (src/dom/glue.js: a trap puts the widgets into their error state).
const guards = [...snippets].filter(([spec]) => /^export\s+function\s+guard\b/m.test(fs.readFileSync(path.join(dir, spec), "utf8")));
if (guards.length > 1) {
  console.error(`inline-snippets: more than one snippet of ${input} exports guard`);
  process.exit(1);
}
if (guards.length === 1) {
  const INSTANTIATED = /^(\s*)wasm = instance\.exports;$/gm;
  const found = [...out.matchAll(INSTANTIATED)].length;
  if (found !== 1) {
    console.error(`inline-snippets: ${input} sets \`wasm = instance.exports;\` ${found} times, not once: guard() cannot be put in`);
    process.exit(1);
  }
  out = out.replace(INSTANTIATED, `$1wasm = ${guards[0][1]}.guard(instance.exports);`);
}
fs.writeFileSync(output, out);
console.log(`inline-snippets: ${snippets.size} snippet(s) put into ${output}${guards.length ? ", its exports guarded" : ""}`);
