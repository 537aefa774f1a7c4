// The published JSON Schema (dist/dataset.schema.json, generated from src/dataset/schema.rs)
// against the crate's own validator, through a standard JSON Schema validator (Ajv, draft
// 2020-12): documents the validator accepts validate against the schema, and documents it
// rejects for a type or shape reason do not. Our verdicts come from the native command
// (`check --dataset FILE`, exit 0 or 1), built by the test command's earlier stages.
//
// What the schema cannot say, and so only the validator refuses: duplicate ids, references to
// ids that do not exist, dates that are not in the calendar (2023-02-30), strings made only of
// invisible characters, texts in other languages than the dataset declares, a `written` form
// that reads as another value. Those cases are checked here for the validator alone.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
// Cargo's target dir: the repository's own, unless the environment points elsewhere.
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, "target");
const BIN = path.join(TARGET, "debug", "revitalization-infographic");
const SCHEMA_FILE = path.join(ROOT, "dist", "dataset.schema.json");
const STORY = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "xian-2022.json"), "utf8"));

// strictRequired off: the kind rules say `required: ["unit"]` inside `then`, which Ajv's own
// strict mode (not the standard) wants declared beside it.
const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
const schemaValidates = ajv.compile(schema);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ri-schema-"));
let n = 0;
/** The crate's verdict: true if `check` accepts the document. */
function ours(doc) {
  const file = path.join(dir, `doc-${n++}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  const r = spawnSync(BIN, ["check", "--dataset", file], { encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, `${BIN} check exited ${r.status}: ${r.error ?? r.stderr}`);
  return r.status === 0;
}

const copy = () => structuredClone(STORY);
const fig = (doc, s, f) => doc.sections[s].figures[f];

test("the published schema is the generated one, and the story starts with $schema", () => {
  const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "dataset.schema.json"), "utf8"));
  assert.deepEqual(schema, committed, "dist/dataset.schema.json and data/dataset.schema.json differ");
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(Object.keys(STORY)[0], "$schema");
  assert.equal(STORY.$schema, "dataset.schema.json");
});

test("the story validates against the schema, and against the crate's validator", () => {
  assert.ok(schemaValidates(STORY), JSON.stringify(schemaValidates.errors));
  assert.ok(ours(STORY));
});

// Documents the validator accepts.
const accepted = {
  "the story": copy(),
  "without $schema": (() => {
    const d = copy();
    delete d.$schema;
    return d;
  })(),
  "one section, one figure, nothing optional": {
    schema: 1,
    story: {
      id: "one",
      title: { zh: "一个数字", en: "One figure" },
      dek: { zh: "说明", en: "A dek" },
      date: "2024-02-29",
      source: { name: { zh: "某报", en: "A paper" } },
    },
    sections: [
      {
        id: "s",
        title: { zh: "栏目", en: "Section" },
        figures: [
          {
            id: "f",
            label: { zh: "学校", en: "Schools" },
            value: 93,
            kind: "count",
            unit: { zh: "所", en: "schools" },
            source: "共93所。",
          },
        ],
      },
    ],
  },
  "one language, figures as written": {
    schema: 1,
    languages: ["zh"],
    story: {
      id: "zh-only",
      title: { zh: "标题" },
      dek: { zh: "说明" },
      date: "2024-01-02",
      source: { name: { zh: "某报" } },
    },
    sections: [
      {
        id: "s",
        title: { zh: "栏目" },
        figures: [
          { id: "a", label: { zh: "资助人数" }, written: "10.79万人", source: "资助10.79万人。" },
          { id: "b", label: { zh: "报销比例" }, written: "80%以上", source: "报销比例达到80%以上。" },
          { id: "c", label: { zh: "面积" }, value: 12000, kind: "measure", unit: { zh: "亩" }, source: "1.2万亩。" },
          { id: "d", label: { zh: "提高" }, value: 2.1, kind: "points", source: "提高2.1个百分点。" },
        ],
      },
    ],
  },
  "every qualifier and notation": (() => {
    const d = copy();
    const quals = ["exact", "at-least", "about", "at-most"];
    const nots = ["auto", "full", "wan", "yi", "hanzi"];
    d.sections.flatMap((s) => s.figures).forEach((f, i) => {
      f.qualifier = quals[i % quals.length];
      f.notation = nots[i % nots.length];
    });
    return d;
  })(),
  "a share of exactly 0 and of 100, a negative change": (() => {
    const d = copy();
    const shares = d.sections.flatMap((s) => s.figures).filter((f) => f.kind === "share");
    shares[0].value = 0;
    shares[1].value = 100;
    const change = d.sections.flatMap((s) => s.figures).find((f) => f.kind === "change");
    change.value = -3.5;
    return d;
  })(),
  "an https url, decimals 0 and 6": (() => {
    const d = copy();
    d.story.source.url = "https://example.org/a?b=1#c";
    d.relations[0].decimals = 0;
    d.relations[1].decimals = 6;
    return d;
  })(),
  "a relative url": (() => {
    const d = copy();
    d.story.source.url = "story/page.html";
    return d;
  })(),
};

for (const [name, doc] of Object.entries(accepted)) {
  test(`accepted by both: ${name}`, () => {
    assert.ok(ours(doc), "the crate's validator refuses it");
    assert.ok(schemaValidates(doc), JSON.stringify(schemaValidates.errors));
  });
}

// Documents the validator rejects for a type or shape reason: each must fail the schema too.
const edits = {
  "schema missing": (d) => delete d.schema,
  "schema as a string": (d) => (d.schema = "1"),
  "schema version 2": (d) => (d.schema = 2),
  "an unknown top-level field": (d) => (d.extra = true),
  "$schema not a string": (d) => (d.$schema = 5),
  "story a string": (d) => (d.story = "story"),
  "story.title missing": (d) => delete d.story.title,
  "story.title.zh a number": (d) => (d.story.title.zh = 1),
  "story.title with a third language": (d) => (d.story.title.fr = "titre"),
  "story.dek empty": (d) => (d.story.dek.zh = ""),
  "story.dek only spaces": (d) => (d.story.dek.en = "   "),
  "story.date with slashes": (d) => (d.story.date = "2022/12/10"),
  "story.id with capitals": (d) => (d.story.id = "Xian"),
  "story.source.url javascript:": (d) => (d.story.source.url = "javascript:alert(1)"),
  "story.source.url with a space": (d) => (d.story.source.url = "https://a b"),
  "story.hero.figure a number": (d) => (d.story.hero.figure = 5),
  "story.hero with an unknown field": (d) => (d.story.hero.colour = "red"),
  "story.notes an object": (d) => (d.story.notes = {}),
  "story.notes[0] a string": (d) => (d.story.notes[0] = "a note"),
  "sections empty": (d) => (d.sections = []),
  "sections an object": (d) => (d.sections = {}),
  "a section id with a space": (d) => (d.sections[0].id = "in come"),
  "a section without title": (d) => delete d.sections[1].title,
  "a section with no figures": (d) => (d.sections[2].figures = []),
  "a value as a string": (d) => (fig(d, 0, 0).value = "16317"),
  "a value missing": (d) => delete fig(d, 0, 0).value,
  "a value of 1e16": (d) => (fig(d, 0, 0).value = 1e16),
  "an unknown kind": (d) => (fig(d, 0, 0).kind = "amount"),
  "a count without unit": (d) => delete fig(d, 2, 0).unit,
  "a share over 100": (d) => (d.sections.flatMap((s) => s.figures).find((f) => f.kind === "share").value = 150),
  "a negative count": (d) => (fig(d, 2, 0).value = -1),
  "an unknown measure word": (d) => (fig(d, 2, 0).unit.zh = "个人"),
  "a unit with an unknown field": (d) => (fig(d, 2, 0).unit.plural = "x"),
  "an unknown qualifier": (d) => (fig(d, 0, 0).qualifier = "roughly"),
  "a notation as a number": (d) => (fig(d, 0, 0).notation = 3),
  "a source sentence of 1001 characters": (d) => (fig(d, 0, 0).source = "字".repeat(1001)),
  "a label with a control character": (d) => (fig(d, 0, 0).label.zh = "收入\u0007"),
  "a label with a bidi override": (d) => (fig(d, 0, 0).label.en = "\u202e 0001"),
  "a group with a space": (d) => (fig(d, 2, 0).group = "Group A"),
  "a term as a string": (d) => (fig(d, 0, 0).term = "一办九组"),
  "a figure with a colour": (d) => (fig(d, 0, 0).color = "red"),
  "relations an object": (d) => (d.relations = {}),
  "a relation of unknown type": (d) => (d.relations[0].type = "sum"),
  "a relation without type": (d) => delete d.relations[0].type,
  "a ratio with a whole": (d) => (d.relations.find((r) => r.type === "ratio").whole = "x"),
  "a relation without its input": (d) => delete d.relations.find((r) => r.type === "ratio").numerator,
  "decimals 7": (d) => (d.relations[0].decimals = 7),
  "decimals 1.5": (d) => (d.relations[0].decimals = 1.5),
  "a relation label of 201 characters": (d) => (d.relations[0].label.en = "x".repeat(201)),
};

for (const [name, edit] of Object.entries(edits)) {
  test(`refused by both: ${name}`, () => {
    const doc = copy();
    edit(doc);
    assert.equal(ours(doc), false, "the crate's validator accepts it");
    assert.equal(schemaValidates(doc), false, "the JSON Schema accepts it");
  });
}

// What only the validator can see (references, the calendar, languages, what `written` reads
// as): it refuses these; the schema is not asked.
const semantic = {
  "a duplicate figure id": (d) => (fig(d, 0, 1).id = fig(d, 0, 0).id),
  "a relation naming no figure": (d) => (d.relations[0].minuend = "no-such-figure"),
  "a hero naming no figure": (d) => (d.story.hero.figure = "no-such-figure"),
  "a date not in the calendar": (d) => (d.story.date = "2023-02-30"),
  "a label of zero-width spaces only": (d) => (fig(d, 0, 0).label.zh = "\u200b\u200b"),
  // Which languages a text gives depends on the dataset's `languages` (both by default).
  "story.title without en": (d) => delete d.story.title.en,
  "English texts in a dataset that declares zh only": (d) => (d.languages = ["zh"]),
  "a value that disagrees with written": (d) => (fig(d, 0, 0).written = "16318元"),
};

for (const [name, edit] of Object.entries(semantic)) {
  test(`refused by the validator (beyond a schema): ${name}`, () => {
    const doc = copy();
    edit(doc);
    assert.equal(ours(doc), false);
  });
}

test("the generated .d.ts declares each type once and has the dataset's types", () => {
  for (const file of ["revitalization_infographic.d.ts", "desk/desk.d.ts"]) {
    const dts = fs.readFileSync(path.join(ROOT, "dist", file), "utf8");
    const names = [...dts.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    assert.deepEqual(twice, [], `${file} declares twice: ${twice}`);
    for (const n of ["Dataset", "Story", "Figure", "Relation", "Text", "Unit", "Lang", "Kind", "Stats"]) {
      assert.ok(names.includes(n), `${file} lacks ${n}`);
    }
  }
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
