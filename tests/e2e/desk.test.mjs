// The desk's module (dist/desk/, built with the `desk` feature) from JavaScript: it drafts a
// dataset from the Xi'an article that the module's own validator accepts, checks figures
// against their sentences, and catches a seeded typo. Run in Node: the module needs no DOM for
// these calls. The reader's module (what embed.js loads) has none of it. It also writes the static
// fallback (the same HTML as the native command) and the figures as a sheet that reads back.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const ARTICLE = fs.readFileSync(path.join(ROOT, "data", "xian-2022.article.txt"), "utf8");
const STORY = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "xian-2022.json"), "utf8"));

const desk = await import(path.join(DIST, "desk", "desk.js"));
desk.initSync({ module: fs.readFileSync(path.join(DIST, "desk", "desk_bg.wasm")) });

test("draftDataset: a dataset the validator accepts, with every figure and its sentence", () => {
  const { dataset, notes, errors } = desk.draftDataset(ARTICLE);
  assert.deepEqual(errors, []);
  assert.deepEqual(desk.validateDataset(dataset), []);
  assert.deepEqual(dataset.languages, ["zh"]);
  assert.equal(dataset.story.date, "2022-12-10");
  const figures = dataset.sections.flatMap((s) => s.figures);
  assert.ok(figures.length >= 34, `${figures.length} figures`);
  const income = figures.find((f) => f.value === 16317);
  assert.equal(income.kind, "money");
  assert.deepEqual(income.unit, { zh: "元" });
  assert.ok(ARTICLE.includes(income.source));
  assert.ok(Array.isArray(notes) && notes.every((n) => typeof n.message === "string"));
  // Its stats come back too: the income's previous level, from the drafted relations.
  const stats = desk.computeStats(dataset);
  assert.ok(stats.derived.some((d) => d.value === 14645), JSON.stringify(stats.derived.map((d) => d.value)));
});

test("checkDataset: the story passes; a transposed digit is caught with both forms", () => {
  assert.deepEqual(desk.checkDataset(STORY, ARTICLE), { errors: [], warnings: [] });
  const typo = structuredClone(STORY);
  typo.sections[4].figures[0].value = 109700;
  const { errors, warnings } = desk.checkDataset(typo, ARTICLE);
  assert.deepEqual(errors, []);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].message, "the sentence says 10.79万人, the value writes 10.97万人");
  const bad = desk.checkDataset({ schema: 1 }, ARTICLE);
  assert.ok(bad.errors.length > 0 && bad.warnings.length === 0);
});

test("the reader's module carries none of the desk's exports", async () => {
  const reader = await import(path.join(DIST, "revitalization_infographic.js"));
  assert.equal(reader.draftDataset, undefined);
  assert.equal(reader.checkDataset, undefined);
  for (const name of ["readSheet", "writeSheet", "fallbackHtml"]) assert.equal(reader[name], undefined, name);
  assert.equal(typeof reader.render, "function");
  const types = fs.readFileSync(path.join(DIST, "desk", "desk.d.ts"), "utf8");
  assert.match(types, /export function draftDataset\(text: string\): Draft;/);
});

test("fallbackHtml writes what the native command writes; writeSheet's CSV reads back", () => {
  for (const lang of ["zh", "en"]) {
    const native = fs.readFileSync(path.join(DIST, `fallback.${lang}.html`), "utf8");
    const { html, errors } = desk.fallbackHtml(STORY, lang);
    assert.deepEqual(errors, []);
    assert.equal(html.trim(), native.trim(), `fallback.${lang}.html`);
  }
  const bad = desk.fallbackHtml({ schema: 1 }, "zh");
  assert.equal(bad.html, null);
  assert.ok(bad.errors.length > 0);
  const { dataset } = desk.draftDataset(ARTICLE);
  assert.deepEqual(desk.fallbackHtml(dataset, "en"), {
    html: null,
    errors: [{ path: "languages", message: 'the dataset has no language "en"' }],
  });

  const { csv } = desk.writeSheet(STORY);
  const back = desk.readSheet(csv, { id: "x", title: "x", dek: "x", date: "2022-12-10", source: "x" });
  assert.deepEqual(back.errors, []);
  const pick = (ds) => ds.sections.flatMap((s) => s.figures).map((f) => [f.id, f.label.en, f.value ?? f.written]);
  assert.deepEqual(pick(back.dataset), pick(STORY));
  assert.equal(desk.writeSheet({ schema: 1 }).csv, null);
});
