// The story's fields (id, title, dek, date, source, editor, languages) as a small form, its
// errors under each field, and the story tools: new story, saved stories.

import { h, select, field, uid, ask } from "./dom.js";
import * as model from "./model.js";
import * as store from "./store.js";

const LANG_NAMES = { zh: "中文", en: "English" };
const TEXTS = [
  ["title", "Title"],
  ["dek", "Dek (the line under the title)"],
  ["source.name", "Source"],
  ["source.editor", "Editor"],
];

function get(obj, path) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function set(obj, path, value) {
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys.at(-1)] = value;
}

export function mountStory(app) {
  const form = document.getElementById("story-form");
  const tools = document.getElementById("story-tools");
  const errorSlots = new Map();
  const general = h("ul", { class: "msgs", id: "story-errors" });

  const savedSelect = h("select", { id: "saved-stories" });
  const saved = h(
    "div",
    { class: "saved" },
    h("label", { for: savedSelect.id, text: "Saved stories" }),
    savedSelect,
    h("button", { type: "button", text: "Open", onclick: openSaved }),
    h("button", { type: "button", text: "Delete…", onclick: deleteSaved }),
  );
  tools.append(
    h("button", { type: "button", id: "new-story", text: "New story…", onclick: newStory }),
    saved,
    h("p", { id: "save-status", class: "hint", role: "status", text: "Saved in this browser as you type." }),
  );

  async function newStory() {
    const s = app.state;
    if (!model.isBlank(s)) {
      const yes = await ask(`Start a new story? The text box and the figures are cleared. “${s.key}” stays saved in this browser (Saved stories) until you delete it.`, "Start a new story");
      if (!yes) return;
    }
    app.replace(model.newState());
    renderSaved();
    document.getElementById("source-text").focus();
  }

  function openSaved() {
    const key = savedSelect.value;
    const next = key && store.load(key);
    if (!next) return;
    app.replace(next);
  }

  async function deleteSaved() {
    const key = savedSelect.value;
    if (!key) return;
    if (!(await ask(`Delete the saved story “${key}” from this browser? This cannot be undone (download its JSON first to keep it).`, "Delete it"))) return;
    store.remove(key);
    if (key === app.state.key) app.replace(model.newState());
    renderSaved();
  }

  function renderSaved() {
    const list = store.list();
    savedSelect.textContent = "";
    for (const { key, title } of list) {
      savedSelect.append(h("option", { value: key, text: title ? `${key} — ${title}` : key, selected: key === app.state?.key }));
    }
    saved.hidden = list.length === 0;
  }

  function slot(path) {
    const ul = h("ul", { class: "msgs", id: uid("msg") });
    errorSlots.set(path, ul);
    return ul;
  }

  function input(path, props, onValue) {
    const el = h("input", { ...props, dataset: { key: `story:${path}` }, value: get(app.state.doc.story, path) ?? "" });
    // The story's fields are not the figures: editing them does not hold back a new draft.
    el.addEventListener("input", () =>
      app.edit(
        (s) => {
          onValue(s, el.value);
          s.storyNotes = (s.storyNotes ?? []).filter((n) => !path.startsWith(n.field));
        },
        { touched: false },
      ),
    );
    return el;
  }

  function render() {
    const state = app.state;
    const active = document.activeElement?.dataset?.key;
    errorSlots.clear();
    form.textContent = "";
    const langs = state.doc.languages;
    const langSelect = select(
      { id: uid("langs"), dataset: { key: "story:languages" }, onchange: (e) => app.edit((s) => (s.doc.languages = e.target.value.split(" ")), { form: true, structural: true, touched: false }) },
      model.LANGUAGE_SETS,
      langs.join(" "),
    );
    const id = input("id", { type: "text", autocomplete: "off", spellcheck: "false", pattern: "[a-z0-9][a-z0-9\\-]*" }, (s, v) => (s.doc.story.id = v.trim()));
    const date = input("date", { type: "date" }, (s, v) => (s.doc.story.date = v));
    const idField = field("Story id (the file name: a-z, 0-9, -)", id);
    idField.append(slot("id"));
    const dateField = field("Date", date);
    dateField.append(slot("date"));
    const langField = field("Languages", langSelect);
    langField.append(slot("languages"));
    const cells = [idField, dateField, langField];
    for (const [path, name] of TEXTS) {
      for (const l of langs) {
        const el = input(`${path}.${l}`, { type: "text" }, (s, v) => set(s.doc.story, `${path}.${l}`, v));
        const f = field(`${name} (${LANG_NAMES[l]})`, el, { lang: l === "zh" ? "zh-CN" : "en" });
        if (path === "title" || path === "dek") f.classList.add("wide");
        f.append(slot(`${path}.${l}`));
        cells.push(f);
      }
      cells.push(slot(path));
    }
    form.append(h("div", { class: "form-row" }, cells), general);
    renderSaved();
    if (active) form.querySelector(`[data-key="${CSS.escape(active)}"]`)?.focus();
  }

  /** The story's errors under their fields (the most specific field that has a slot). */
  function show({ located }) {
    for (const ul of errorSlots.values()) ul.textContent = "";
    general.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const n of app.state.storyNotes ?? []) {
      errorSlots.get(n.field)?.append(h("li", { class: "note", text: `Review: ${n.message}` }));
    }
    for (const m of located) {
      if (m.kind !== "story" && m.kind !== "other") continue;
      let path = m.kind === "story" ? (m.field === "languages" ? "languages" : m.field) : "";
      while (path && !errorSlots.has(path)) path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
      const ul = path ? errorSlots.get(path) : general;
      const where = path ? "" : `${m.path || m.field || "the dataset"}: `;
      ul.append(h("li", { class: m.level, text: `${m.level === "error" ? "Error" : "Warning"}: ${where}${m.message}` }));
      const control = path && form.querySelector(`[data-key="story:${CSS.escape(path)}"]`);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", ul.id);
      }
    }
  }

  return { render, show, renderSaved };
}
