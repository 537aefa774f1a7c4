// 1. The input: a text box for the article or a pasted spreadsheet, a file picker and a drop
// zone (article .txt/.md, sheet .csv/.tsv, dataset .json). Pasting drafts at once; once the
// desk has edited the figures, a changed text waits for an explicit "draft again".

import { h, ask, uid } from "./dom.js";
import * as model from "./model.js";
import * as store from "./store.js";

// Column names readSheet knows (src/desk/sheet.rs), to tell a sheet from an article.
const COLUMNS = new Set(
  "栏目 section 编号 id 标签 label 英文标签 label_en 数值 value 上限 high 原文写法 written 单位 unit 英文单位 unit_en 类型 kind 限定 qualifier 写法 notation 分组 group 原句 source".split(" "),
);
// readSheet needs a story; the form holds the real one, so the sheet is read with stand-ins.
const STAND_IN = { id: "sheet", title: "sheet", dek: "sheet", date: "2000-01-01", source: "sheet" };

/** Whether text's first line is a header of at least two known columns. */
export function looksLikeSheet(text) {
  const first = text.split(/\r?\n/).find((l) => l.trim());
  if (!first) return false;
  const sep = first.includes("\t") ? "\t" : ",";
  const names = first.split(sep).map((c) => c.trim().replace(/^"|"$/g, "").toLowerCase());
  return names.filter((n) => COLUMNS.has(n)).length >= 2;
}

export function mountInput(app) {
  const body = document.getElementById("input-body");
  const modeName = uid("mode");
  const modes = [
    ["auto", "Tell by itself"],
    ["article", "An article"],
    ["sheet", "A spreadsheet (TSV or CSV)"],
  ];
  const radios = modes.map(([v, text]) =>
    h("label", { class: "choice" }, h("input", { type: "radio", name: modeName, value: v, onchange: () => setMode(v) }), text),
  );
  const text = h("textarea", {
    id: "source-text",
    rows: 16,
    spellcheck: "false",
    "aria-describedby": "input-status",
    oninput: () => {
      app.state.input.text = text.value;
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => process(false), 250);
    },
  });
  const file = h("input", { type: "file", id: "open-file", accept: ".txt,.md,.csv,.tsv,.json,text/plain,text/csv,application/json", onchange: () => file.files[0] && openFile(file.files[0]).finally(() => (file.value = "")) });
  const status = h("p", { id: "input-status", role: "status", class: "hint" });
  const errors = h("div", { id: "input-errors", "aria-live": "polite" });
  const redraft = h(
    "div",
    { id: "redraft", class: "notice", hidden: true },
    h("p", { text: "The text has changed since the figures were drafted. Your edits to the figures stay until you draft again." }),
    h("button", { type: "button", text: "Draft again from the text", onclick: () => redraftAsked() }),
  );
  body.append(
    h("fieldset", { class: "modes" }, h("legend", { text: "Read the text as" }), radios),
    h("label", { for: text.id, text: "Paste the article, or rows copied from Excel, WPS or Google Sheets (one row a figure, with a header row)" }),
    text,
    status,
    errors,
    redraft,
    h("div", { class: "field file" }, h("label", { for: file.id, text: "Or open a file: an article (.txt, .md), a spreadsheet (.csv, .tsv) or a dataset (.json); or drop it here" }), file),
  );
  let draftTimer = 0;

  const mode = () => {
    const m = app.state.input.mode;
    if (m !== "auto") return m;
    return looksLikeSheet(app.state.input.text) ? "sheet" : "article";
  };

  function setMode(v) {
    app.state.input.mode = v;
    process(false);
  }

  function showErrors(title, list) {
    errors.textContent = "";
    if (!list.length) return;
    errors.append(
      h("div", { class: "errors", role: "alert" }, h("p", { text: title }), h("ul", {}, list.map((e) => h("li", { text: e.path ? `${e.path}: ${e.message}` : e.message })))),
    );
  }

  /** Drafts (or reads the sheet) from the text, unless the desk's edits would be lost. */
  function process(force) {
    clearTimeout(draftTimer);
    const state = app.state;
    const value = state.input.text;
    const m = mode();
    redraft.hidden = true;
    if (!value.trim()) {
      status.textContent = "Nothing pasted yet.";
      showErrors("", []);
      return;
    }
    // The desk has edited the figures: the new text is checked against, not drafted from,
    // until the desk asks for a new draft.
    const wait = (what) => {
      state.article = m === "article" ? value : "";
      redraft.hidden = false;
      status.textContent = what;
      app.edit(() => {}, { touched: false });
    };
    if (m === "sheet") {
      const r = app.desk.readSheet(value, STAND_IN);
      if (!r.dataset) {
        status.textContent = "Read as a spreadsheet: it has errors, so the figures below are unchanged.";
        showErrors(`The spreadsheet has ${r.errors.length} problem${r.errors.length === 1 ? "" : "s"} (fix them in the text box, or in the sheet and paste again):`, r.errors);
        return;
      }
      showErrors("", []);
      if (state.touched && !force) {
        wait("Read as a spreadsheet: no errors. Its rows replace the figures when you draft again.");
        return;
      }
      const n = r.dataset.sections.reduce((k, s) => k + s.figures.length, 0);
      status.textContent = `Read as a spreadsheet: ${n} figure${n === 1 ? "" : "s"}.`;
      app.replace(model.fromSheet(state, r.dataset));
      return;
    }
    if (state.touched && !force) {
      wait("Read as an article: the figures are checked against the changed text.");
      return;
    }
    const d = app.desk.draftDataset(value);
    const n = d.dataset.sections.reduce((k, s) => k + s.figures.length, 0);
    status.textContent = `Read as an article: ${n} figure${n === 1 ? "" : "s"} drafted, each with its sentence.`;
    showErrors("The draft itself does not pass the validator (please report the article):", d.errors);
    app.replace(model.fromDraft(state, d, value));
  }

  async function redraftAsked() {
    if (await ask("Draft the figures again from the text? Your edits to the figures (labels, kinds, sections, dropped figures, relations) are replaced by the new draft.", "Draft again")) {
      process(true);
    }
  }

  /** A dataset file back into the editor, or the validator's errors. */
  async function openDataset(name, content) {
    const problems = app.desk.validateDataset(content);
    if (problems.length) {
      showErrors(`“${name}” is not a dataset the editor can open (${problems.length} problem${problems.length === 1 ? "" : "s"}); your work is unchanged:`, problems);
      return;
    }
    const doc = JSON.parse(content);
    const id = doc.story.id;
    const state = app.state;
    const replacing = id === state.key ? !model.isBlank(state) : store.has(id);
    if (replacing && !(await ask(`A story with the id “${id}” is already in this browser. Replace it with “${name}”?`, "Replace it"))) return;
    showErrors("", []);
    const next = model.fromDataset(doc);
    if (id !== state.key && state.key && model.isBlank(state)) store.remove(state.key);
    app.replace(next);
    status.textContent = `Opened “${name}”: ${next.doc.sections.reduce((k, s) => k + s.figures.length, 0)} figures.`;
  }

  async function openFile(f) {
    const content = (await f.text()).replace(/^\ufeff/, "");
    if (/\.json$/i.test(f.name) || (/^\s*\{/.test(content) && !/\.(txt|md|csv|tsv)$/i.test(f.name))) {
      await openDataset(f.name, content);
      return;
    }
    app.state.input.mode = /\.(csv|tsv)$/i.test(f.name) ? "sheet" : /\.(txt|md)$/i.test(f.name) ? "article" : "auto";
    if (app.state.touched && !(await ask(`Read “${f.name}” in place of the text? Your edits to the figures are replaced by what it holds.`, "Read the file"))) return;
    app.state.input.text = content;
    sync();
    process(true);
  }

  // A file dropped anywhere on the page opens here (the browser would otherwise leave the page,
  // and the work with it).
  addEventListener("dragover", (e) => {
    if (e.dataTransfer?.types?.includes("Files")) e.preventDefault();
  });
  addEventListener("drop", (e) => {
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    e.preventDefault();
    openFile(f);
  });

  function sync() {
    const s = app.state.input;
    if (text.value !== s.text) text.value = s.text;
    for (const r of body.querySelectorAll(`input[name="${modeName}"]`)) r.checked = r.value === s.mode;
  }

  return { sync, process, openFile, openDataset };
}
