// The editor's work in progress as plain data (what the browser's storage keeps), and the
// dataset it publishes. No DOM here: every function takes a state and returns data.
//
// A state holds the whole draft, dropped figures and declined relations included, so that
// dropping is undone by ticking the box again; `toDataset` writes what is published.

export const VERSION = 1;
export const SCHEMA_FILE = "dataset.schema.json";
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const KINDS = [
  ["count", "count · 数量"],
  ["money", "money · 金额"],
  ["share", "share · 占比 (%)"],
  ["change", "change · 增幅 (%)"],
  ["points", "points · 百分点"],
  ["measure", "measure · 计量"],
];
export const QUALIFIERS = [
  ["exact", "exact · 精确"],
  ["at-least", "at least · 以上"],
  ["about", "about · 约"],
  ["at-most", "at most · 以下"],
];
export const NOTATIONS = [
  ["auto", "auto · 自动"],
  ["full", "full digits · 16317"],
  ["wan", "万 · 10.5万"],
  ["yi", "亿 · 1.57亿"],
  ["hanzi", "numerals · 九项"],
];
/** Relation types and their inputs (figure ids), in formula order. */
export const RELATIONS = {
  difference: ["minuend", "subtrahend"],
  ratio: ["numerator", "denominator"],
  growth: ["level", "increase", "rate"],
  "share-total": ["part", "share"],
  "part-of": ["part", "whole"],
};
export const LANGUAGE_SETS = [
  ["zh", "中文 only"],
  ["zh en", "中文 + English"],
  ["en", "English only"],
];

const clone = (v) => structuredClone(v);

function stamp(now) {
  const p = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** A blank story: nothing pasted yet. */
export function newState(now = new Date()) {
  return {
    v: VERSION,
    key: null,
    input: { mode: "auto", text: "" },
    article: "",
    touched: false,
    doc: {
      languages: ["zh"],
      story: {
        id: `story-${stamp(now)}`,
        title: { zh: "" },
        dek: { zh: "" },
        date: "",
        source: { name: { zh: "" } },
      },
      sections: [],
      relations: [],
    },
    dropped: {},
    declined: {},
    notes: {},
    raw: {},
    inputErrors: [],
  };
}

export function isBlank(state) {
  return !state.input.text.trim() && state.doc.sections.length === 0;
}

const filled = (t) => !!t && Object.values(t).some((v) => typeof v === "string" && v.trim());

/** The draft's story fields fill the form's empty ones; the form's id stays. */
function mergeStory(form, drafted) {
  const story = clone(form);
  for (const k of ["title", "dek"]) if (!filled(story[k]) && drafted[k]) story[k] = clone(drafted[k]);
  if (!story.date && drafted.date) story.date = drafted.date;
  if (!filled(story.source?.name) && drafted.source?.name) story.source.name = clone(drafted.source.name);
  if (!filled(story.source?.editor) && drafted.source?.editor) story.source.editor = clone(drafted.source.editor);
  if (drafted.hero) story.hero = clone(drafted.hero);
  else delete story.hero;
  return story;
}

/** Every figure's id → [section index, figure index] in the working doc. */
function index(doc) {
  const at = new Map();
  doc.sections.forEach((s, i) => s.figures.forEach((f, j) => at.set(f.id, [i, j])));
  return at;
}

/** A draft from the article (draftDataset's answer) becomes the figures under review. */
export function fromDraft(state, draft, text) {
  const d = draft.dataset;
  const next = clone(state);
  next.article = text;
  next.doc.story = mergeStory(state.doc.story, d.story);
  next.doc.sections = clone(d.sections);
  next.doc.relations = clone(d.relations ?? []);
  next.dropped = {};
  next.declined = {};
  next.raw = {};
  next.touched = false;
  next.notes = {};
  for (const n of draft.notes ?? []) {
    const m = /^sections\[(\d+)\]\.figures\[(\d+)\]/.exec(n.path);
    const f = m && d.sections[+m[1]]?.figures[+m[2]];
    if (f) (next.notes[f.id] ??= []).push(n.message);
  }
  // What the draft says about the story ("no date found"), until the desk edits that field.
  next.storyNotes = (draft.notes ?? []).filter((n) => n.path.startsWith("story.")).map((n) => ({ field: n.path.slice(6), message: n.message }));
  next.inputErrors = draft.errors ?? [];
  return next;
}

/** A sheet (readSheet's dataset) becomes the figures under review; the form keeps the story. */
export function fromSheet(state, sheet) {
  const next = clone(state);
  next.article = "";
  next.doc.sections = clone(sheet.sections);
  next.doc.relations = [];
  delete next.doc.story.hero;
  if (sheet.languages.includes("en") && !next.doc.languages.includes("en")) next.doc.languages = ["zh", "en"];
  next.dropped = {};
  next.declined = {};
  next.raw = {};
  next.notes = {};
  next.storyNotes = [];
  next.touched = false;
  next.inputErrors = [];
  return next;
}

/** A published dataset (a file opened back) as a state. */
export function fromDataset(doc, now = new Date()) {
  const state = newState(now);
  state.doc = {
    languages: clone(doc.languages ?? ["zh", "en"]),
    story: clone(doc.story),
    sections: clone(doc.sections),
    relations: clone(doc.relations ?? []),
  };
  state.key = doc.story.id;
  return state;
}

/** Removes the texts of languages the dataset does not declare ({zh, en} objects). */
function stripLanguages(value, langs) {
  if (Array.isArray(value)) return value.map((v) => stripLanguages(v, langs));
  if (!value || typeof value !== "object") return value;
  const keys = Object.keys(value);
  const isText = keys.length > 0 && keys.every((k) => k === "zh" || k === "en");
  const out = {};
  for (const k of keys) {
    if (isText && !langs.includes(k)) continue;
    out[k] = stripLanguages(value[k], langs);
  }
  return out;
}

/** Whether a relation is published: not declined, and every figure it reads is included. */
export function relationMissing(state, rel, included) {
  const inputs = RELATIONS[rel.type] ?? [];
  return inputs.map((k) => rel[k]).filter((id) => !included.has(id));
}

/**
 * The dataset to validate, preview and publish, and `where`: which working item each published
 * path stands for ([prefix, {kind, id}], longest first), so errors land on their rows.
 */
export function toDataset(state) {
  const { doc, dropped, declined } = state;
  const langs = doc.languages;
  const where = [];
  const sections = [];
  const included = new Set();
  for (const s of doc.sections) {
    const figures = s.figures.filter((f) => !dropped[f.id]);
    if (figures.length === 0) continue;
    const i = sections.length;
    where.push([`sections[${i}]`, { kind: "section", id: s.id }]);
    figures.forEach((f, j) => {
      where.push([`sections[${i}].figures[${j}]`, { kind: "figure", id: f.id }]);
      included.add(f.id);
    });
    sections.push({ ...s, figures });
  }
  const relations = [];
  for (const r of doc.relations) {
    if (declined[r.id] || relationMissing(state, r, included).length) continue;
    where.push([`relations[${relations.length}]`, { kind: "relation", id: r.id }]);
    relations.push(r);
  }
  const story = clone(doc.story);
  const editor = story.source?.editor;
  if (editor && !filled(editor)) delete story.source.editor;
  if (story.hero) {
    const rel = new Set(relations.map((r) => r.id));
    if (!included.has(story.hero.figure)) delete story.hero;
    else {
      if (story.hero.previous && !rel.has(story.hero.previous)) delete story.hero.previous;
      for (const k of ["increase", "rate"]) if (story.hero[k] && !included.has(story.hero[k])) delete story.hero[k];
    }
  }
  where.push(["story", { kind: "story", id: "story" }], ["languages", { kind: "story", id: "story" }]);
  where.sort((a, b) => b[0].length - a[0].length);
  const dataset = stripLanguages(
    { $schema: SCHEMA_FILE, schema: 1, languages: [...langs], story, sections, relations },
    langs,
  );
  return { dataset, where, included };
}

/** Where a validator or check path lands: { kind, id, field } ("figure", "s1-f2", "label.en"). */
export function locate(where, path) {
  for (const [prefix, target] of where) {
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) {
      const field = path.slice(prefix.length).replace(/^\./, "");
      return { ...target, field: target.kind === "story" && prefix === "story" ? field : field || prefix };
    }
  }
  return { kind: "other", id: "", field: path };
}

export function findFigure(state, id) {
  for (const s of state.doc.sections) {
    const f = s.figures.find((x) => x.id === id);
    if (f) return { section: s, figure: f };
  }
  return null;
}

function uniqueId(taken, prefix) {
  for (let n = 1; ; n += 1) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Moves a figure one place up (-1) or down (+1), across into the next section at an edge. */
export function moveFigure(state, id, dir) {
  const at = index(state.doc).get(id);
  if (!at) return;
  const [i, j] = at;
  const list = state.doc.sections[i].figures;
  const k = j + dir;
  if (k >= 0 && k < list.length) {
    [list[j], list[k]] = [list[k], list[j]];
    return;
  }
  const other = state.doc.sections[i + dir];
  if (!other) return;
  const [f] = list.splice(j, 1);
  if (dir < 0) other.figures.push(f);
  else other.figures.unshift(f);
}

/** Puts a figure at the end of another section; "new" makes one first. Returns its id. */
export function setSection(state, id, target) {
  const at = index(state.doc).get(id);
  if (!at) return null;
  let sectionId = target;
  if (target === "new") sectionId = addSection(state);
  const to = state.doc.sections.find((s) => s.id === sectionId);
  if (!to) return null;
  const [f] = state.doc.sections[at[0]].figures.splice(at[1], 1);
  to.figures.push(f);
  return sectionId;
}

export function addSection(state) {
  const id = uniqueId(new Set(state.doc.sections.map((s) => s.id)), "s");
  const n = state.doc.sections.length + 1;
  const title = {};
  for (const l of ["zh", "en"]) title[l] = l === "zh" ? `新栏目${n}` : `New section ${n}`;
  state.doc.sections.push({ id, title, figures: [] });
  return id;
}

export function moveSection(state, id, dir) {
  const list = state.doc.sections;
  const i = list.findIndex((s) => s.id === id);
  const k = i + dir;
  if (i < 0 || k < 0 || k >= list.length) return;
  [list[i], list[k]] = [list[k], list[i]];
}

export function removeSection(state, id) {
  const i = state.doc.sections.findIndex((s) => s.id === id);
  if (i >= 0 && state.doc.sections[i].figures.length === 0) state.doc.sections.splice(i, 1);
}

/** Adds a relation between chosen figures; returns its id. */
export function addRelation(state, type, inputs, label, unit, decimals) {
  const taken = new Set([...state.doc.relations.map((r) => r.id), ...index(state.doc).keys()]);
  const id = uniqueId(taken, "rel-");
  const rel = { id, type, label: clone(label) };
  for (const k of RELATIONS[type]) rel[k] = inputs[k];
  if (unit && filled(unit)) rel.unit = clone(unit);
  rel.decimals = decimals;
  state.doc.relations.push(rel);
  return id;
}

/** A figure as its sentence should show it, for finding it there: "16317元", "10.5万个". */
export function candidates(f, formatNumber) {
  const out = [];
  if (f.written) out.push(f.written);
  if (typeof f.value === "number" && Number.isFinite(f.value)) {
    for (const notation of [f.notation, "full", "wan", "yi", "hanzi", "auto"]) {
      try {
        const s = formatNumber(f.value, {
          lang: "zh",
          kind: f.kind,
          unit: f.unit?.zh,
          notation: notation ?? "auto",
          qualifier: f.qualifier,
        });
        if (s) out.push(s, s.replace(/^[约近超逾]|以上$|以下$|左右$/g, "").replace(/^\+/, ""));
      } catch {
        // An option the formatter refuses (a unit it does not know): try the next.
      }
    }
    out.push(String(f.value));
  }
  return [...new Set(out.filter(Boolean))];
}

/** [before, figure, after] of the sentence, or null when the figure is not found in it. */
export function highlight(sentence, f, formatNumber) {
  if (typeof sentence !== "string") return null;
  for (const c of candidates(f, formatNumber)) {
    const i = sentence.indexOf(c);
    if (i >= 0) return [sentence.slice(0, i), c, sentence.slice(i + c.length)];
  }
  return null;
}

/** A value as a desk types it: 16317, 16,317, 10.5; null if it is not a number. */
export function parseValue(text) {
  const t = String(text).replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
