// The desk's editor page: loads the desk's module (dist/desk/, the same Rust core with the
// draft, check and sheet functions), restores the work in progress, and after every edit
// validates, checks each figure against its sentence, updates the preview in place and saves.
//
// Stages of one refresh: the state → the published dataset (model.toDataset) → the
// validator's errors and the sentence checks → messages on their rows → preview → publish
// buttons → storage.

import init, * as desk from "../dist/desk/desk.js";
import * as model from "./model.js";
import * as store from "./store.js";
import { mountInput } from "./input.js";
import { mountStory } from "./story.js";
import { mountReview } from "./review.js";
import { mountRelations } from "./relations.js";
import { mountPreview } from "./preview.js";
import { mountPublish } from "./publish.js";

const app = {
  desk,
  state: null,
  result: null,
  saveProblem: null,
};

let timer = 0;
/** Runs `refresh` soon: keystrokes in a row are one refresh. */
function schedule(ms = 120) {
  clearTimeout(timer);
  timer = setTimeout(refresh, ms);
}

/**
 * Applies an edit: `fn` changes app.state; `structural` re-renders the figure list (a moved or
 * dropped figure, a new section), `form` the story form; then a refresh follows.
 */
app.edit = (fn, { structural = false, form = false, touched = true, now = false } = {}) => {
  fn(app.state);
  if (touched) app.state.touched = true;
  if (structural) {
    app.review.render();
    app.relations.render();
  }
  if (form) app.story.render();
  if (now || structural) refresh();
  else schedule();
};

/** Puts a whole new state on screen (a draft, a sheet, an opened file, a new story). */
app.replace = (state) => {
  app.state = state;
  app.state.key ??= state.doc.story.id;
  app.story.render();
  app.input.sync();
  app.review.render();
  app.relations.render();
  refresh();
};

/** Errors the validator cannot see: values typed that are no numbers, a story id taken. */
function editorErrors(state) {
  const out = [];
  for (const [k, text] of Object.entries(state.raw ?? {})) {
    const [id, field] = k.split("|");
    if (state.dropped[id]) continue;
    out.push({ kind: "figure", id, field, level: "error", message: `“${text}” is not a number (write 16317 or 10.5; the unit goes in Unit)` });
  }
  if (state.keyConflict) {
    out.push({ kind: "story", id: "story", field: "id", level: "error", message: `another story saved in this browser has the id “${state.keyConflict}”: choose another id, or open that story from Saved stories` });
  }
  return out;
}

function refresh() {
  clearTimeout(timer);
  const state = app.state;
  const { dataset, where, included } = model.toDataset(state);
  const empty = dataset.sections.length === 0;
  const errors = empty ? [] : desk.validateDataset(dataset);
  let warnings = [];
  if (!empty && errors.length === 0) warnings = desk.checkDataset(dataset, state.article || undefined).warnings;
  const located = [
    ...errors.map((e) => ({ ...model.locate(where, e.path), level: "error", message: e.message, path: e.path })),
    ...editorErrors(state),
    ...warnings.map((w) => ({ ...model.locate(where, w.path), level: "warning", message: w.message, path: w.path })),
  ];
  const errorCount = located.filter((m) => m.level === "error").length;
  const stats = !empty && errors.length === 0 ? desk.computeStats(dataset) : null;
  app.result = { dataset, located, included, errorCount, warningCount: warnings.length, empty, stats };

  app.review.show(app.result);
  app.relations.show(app.result);
  app.story.show(app.result);
  app.preview.show(app.result);
  app.publish.show(app.result);
  summary(app.result);
  persist();
}

function summary({ included, errorCount, warningCount, empty }) {
  const el = document.getElementById("summary");
  const total = app.state.doc.sections.reduce((n, s) => n + s.figures.length, 0);
  if (total === 0) {
    el.textContent = "No figures yet: paste an article or a spreadsheet in 1.";
    el.dataset.state = "";
    return;
  }
  const parts = [`${included.size} of ${total} figures included`];
  parts.push(errorCount === 0 ? "no errors" : `${errorCount} error${errorCount === 1 ? "" : "s"} (nothing can be published while one stands)`);
  parts.push(`${warningCount} sentence warning${warningCount === 1 ? "" : "s"}`);
  el.textContent = empty ? `${parts[0]}: include at least one to publish.` : `${parts.join(" · ")}.`;
  el.dataset.state = errorCount ? "error" : warningCount ? "warning" : "ok";
  el.dataset.figures = String(included.size);
}

/** Keeps the work under its story id; a new valid id renames the entry unless it is taken. */
function persist() {
  const state = app.state;
  const id = state.doc.story.id;
  if (model.ID_PATTERN.test(id) && id !== state.key) {
    if (store.has(id)) {
      if (state.keyConflict !== id) {
        state.keyConflict = id;
        schedule(0);
      }
    } else {
      if (state.key) store.remove(state.key);
      state.key = id;
      state.keyConflict = null;
      app.story.renderSaved();
    }
  } else if (state.keyConflict && (id === state.key || !model.ID_PATTERN.test(id))) {
    state.keyConflict = null;
    schedule(0);
  }
  const problem = store.save(state);
  if (!problem && app.listed !== state.key) {
    app.listed = state.key;
    app.story.renderSaved();
  }
  if (problem !== app.saveProblem) {
    app.saveProblem = problem;
    const el = document.getElementById("save-status");
    if (el) el.textContent = problem ? `Not saved: ${problem}.` : "Saved in this browser as you type.";
  }
}

async function boot() {
  const status = document.getElementById("boot");
  try {
    await init({ module_or_path: new URL("../dist/desk/desk_bg.wasm", import.meta.url) });
  } catch (e) {
    status.textContent = `The desk's module could not be loaded (${e?.message ?? e}). The editor needs WebAssembly and the files in dist/desk/.`;
    status.dataset.state = "error";
    return;
  }
  const key = store.current();
  const saved = key ? store.load(key) : null;
  app.state = saved && saved.v === model.VERSION ? saved : model.newState();
  app.state.key ??= app.state.doc.story.id;
  app.input = mountInput(app);
  app.story = mountStory(app);
  app.review = mountReview(app);
  app.relations = mountRelations(app);
  app.preview = mountPreview(app);
  app.publish = mountPublish(app);
  app.replace(app.state);
  status.textContent = saved ? `Your work on “${app.state.key}” is back, as you left it.` : "Ready: paste an article or a spreadsheet.";
  document.documentElement.dataset.editor = "ready";
  // Keystrokes not yet saved are saved when the tab goes away.
  addEventListener("pagehide", () => {
    if (timer) refresh();
  });
}

window.__editor = app; // for the end-to-end tests and the curious desk
boot();
