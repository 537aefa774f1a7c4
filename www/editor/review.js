// 2. The review: every figure as a row (a fieldset) with its sentence and the figure marked in
// it, its fields to edit, include/drop, its section (move, new, reorder), and its errors and
// sentence warnings in words, live.

import { h, select, field, uid } from "./dom.js";
import * as model from "./model.js";

const FIELD_NAMES = {
  "label.zh": "Label (中文)",
  "label.en": "Label (English)",
  value: "Value",
  high: "High end of the range",
  written: "As written",
  "unit.zh": "Unit (中文)",
  "unit.en": "Unit (English)",
  unit: "Unit",
  kind: "Kind",
  qualifier: "Qualifier",
  notation: "Notation",
  source: "Sentence",
  "title.zh": "Section title (中文)",
  "title.en": "Section title (English)",
};

/** A message's field in words: "Label (English): missing required field". */
export function inWords(m) {
  const name = FIELD_NAMES[m.field] ?? (m.field && !/^sections\[/.test(m.field) ? m.field : "");
  const lead = m.level === "error" ? "Error" : m.level === "warning" ? "Check the sentence" : "Review";
  return `${lead}: ${name ? `${name}: ` : ""}${m.message}`;
}

export function mountReview(app) {
  const root = document.getElementById("figures");
  let rows = new Map(); // figure id → { li, msgs, legendValue, sentence, controls }
  let sectionSlots = new Map();

  const fmt = (f) => {
    try {
      if (f.written) return f.written;
      return app.desk.formatNumber(f.value, { lang: "zh", kind: f.kind, unit: f.unit?.zh, notation: f.notation ?? "auto", qualifier: f.qualifier });
    } catch {
      return String(f.value);
    }
  };

  /** The sentence with the figure marked; `says` is what a warning found the sentence saying. */
  function sentenceNodes(f, says) {
    const parts = model.highlight(f.source, f, app.desk.formatNumber);
    if (parts) return [parts[0], h("mark", { text: parts[1] }), parts[2]];
    const i = says ? (f.source ?? "").indexOf(says) : -1;
    if (i >= 0) {
      return [f.source.slice(0, i), h("mark", { class: "says", text: says }), f.source.slice(i + says.length), h("span", { class: "not-found", text: " (the sentence's figure, which the value does not match)" })];
    }
    return [f.source ?? "", h("span", { class: "not-found", text: " (the figure is not found in its sentence)" })];
  }

  /** A text control bound to one field of figure `id`; `key` names it for focus and errors. */
  function bound(tag, id, key, props, read, write) {
    const el = tag === "select" ? select(props.attrs, props.options, read()) : h(tag, { ...props, value: read() ?? "" });
    el.dataset.key = `${id}|${key}`;
    el.addEventListener(tag === "select" ? "change" : "input", () => app.edit((s) => write(s, el.value)));
    return el;
  }

  function figureRow(section, f, n) {
    const id = f.id;
    const state = app.state;
    const en = state.doc.languages.includes("en");
    const zh = state.doc.languages.includes("zh");
    const fig = () => model.findFigure(app.state, id)?.figure;
    const msgs = h("ul", { class: "msgs", id: uid("msgs") });
    const legendValue = h("span", { class: "fig-value", lang: "zh-CN", text: fmt(f) });
    const include = h("input", {
      type: "checkbox",
      checked: !state.dropped[id],
      dataset: { key: `${id}|include` },
      onchange: (e) =>
        app.edit(
          (s) => {
            if (e.target.checked) delete s.dropped[id];
            else s.dropped[id] = true;
          },
          { structural: true },
        ),
    });
    const text = (key, label, lang, get, put) =>
      field(label, bound("input", id, key, { type: "text", spellcheck: "false" }, get, (s, v) => put(fig(), v)), { lang });
    const controls = [];
    if (zh) controls.push(text("label.zh", "Label (中文)", "zh-CN", () => f.label?.zh, (g, v) => ((g.label ??= {}).zh = v)));
    if (en) controls.push(text("label.en", "Label (English)", "en", () => f.label?.en, (g, v) => ((g.label ??= {}).en = v)));
    if (f.written !== undefined) {
      controls.push(text("written", "As written (10.79万人, 80%以上)", "zh-CN", () => f.written, (g, v) => (g.written = v)));
    } else {
      const value = bound(
        "input",
        id,
        "value",
        { type: "text", inputmode: "decimal", spellcheck: "false" },
        () => state.raw[`${id}|value`] ?? (Number.isFinite(f.value) ? String(f.value) : ""),
        (s, v) => {
          const n = model.parseValue(v);
          if (n === null) s.raw[`${id}|value`] = v;
          else {
            delete s.raw[`${id}|value`];
            fig().value = n;
          }
        },
      );
      controls.push(field("Value (in 元, 人 …; percent for shares)", value));
      controls.push(field("Kind", bound("select", id, "kind", { attrs: {}, options: model.KINDS }, () => f.kind ?? "count", (s, v) => (fig().kind = v))));
      if (zh) controls.push(text("unit.zh", "Unit (中文: 元, 人, 个…)", "zh-CN", () => f.unit?.zh, (g, v) => setUnit(g, "zh", v)));
      controls.push(field("Qualifier", bound("select", id, "qualifier", { attrs: {}, options: model.QUALIFIERS }, () => f.qualifier ?? "exact", (s, v) => (fig().qualifier = v))));
      controls.push(field("Notation", bound("select", id, "notation", { attrs: {}, options: model.NOTATIONS }, () => f.notation ?? "auto", (s, v) => (fig().notation = v))));
    }
    if (en) controls.push(text("unit.en", "Unit (English: yuan, people…)", "en", () => f.unit?.en, (g, v) => setUnit(g, "en", v)));
    const sections = state.doc.sections.map((s, i) => [s.id, `${i + 1}. ${s.title?.zh || s.title?.en || s.id}`]);
    const sectionSelect = select(
      {
        dataset: { key: `${id}|section` },
        onchange: (e) => {
          let to = null;
          app.edit((s) => (to = model.setSection(s, id, e.target.value)), { structural: true });
          if (e.target.value === "new" && to) focusKey(`section:${to}|title.zh`) || focusKey(`${id}|section`);
          else focusKey(`${id}|section`);
        },
      },
      [...sections, ["new", "＋ New section"]],
      section.id,
    );
    controls.push(field("Section", sectionSelect));
    const move = (dir, label) =>
      h("button", {
        type: "button",
        text: label,
        dataset: { key: `${id}|move${dir}` },
        onclick: () => {
          app.edit((s) => model.moveFigure(s, id, dir), { structural: true });
          focusKey(`${id}|move${dir}`);
        },
      });
    const notes = (state.notes[id] ?? []).map((message) => h("li", { class: "note", text: inWords({ level: "note", message }) }));
    const li = h(
      "li",
      { class: `fig${state.dropped[id] ? " dropped" : ""}`, dataset: { id } },
      h(
        "fieldset",
        { "aria-describedby": msgs.id },
        h("legend", {}, h("span", { class: "fig-num", text: `${n}. ` }), legendValue, h("span", { class: "fig-id", text: ` · ${id}` })),
        h("div", { class: "fig-top" }, h("label", { class: "choice include" }, include, state.dropped[id] ? "Included (dropped: not published)" : "Included"), h("span", { class: "row-tools" }, move(-1, "Move up"), move(1, "Move down"))),
        h("p", { class: "sentence", lang: "zh-CN" }, h("span", { class: "sr-only", lang: "en", text: "Sentence: " }), sentenceNodes(f)),
        h("div", { class: "grid" }, controls),
        h("ul", { class: "msgs notes" }, notes),
        msgs,
      ),
    );
    rows.set(id, { li, msgs, legendValue, sentence: li.querySelector(".sentence") });
    return li;
  }

  function setUnit(g, lang, v) {
    g.unit ??= {};
    if (v === "" && lang === "zh" && !g.unit.en) delete g.unit;
    else g.unit[lang] = v;
  }

  function sectionBlock(s, i, count) {
    const state = app.state;
    const headId = uid("sec");
    const title = (lang, label) => {
      const el = h("input", { type: "text", value: s.title?.[lang] ?? "", dataset: { key: `section:${s.id}|title.${lang}` } });
      el.addEventListener("input", () => app.edit((st) => ((st.doc.sections.find((x) => x.id === s.id).title ??= {})[lang] = el.value)));
      return field(label, el, { lang: lang === "zh" ? "zh-CN" : "en" });
    };
    const tool = (text, key, fn, disabled) =>
      h("button", {
        type: "button",
        text,
        disabled,
        dataset: { key: `section:${s.id}|${key}` },
        onclick: () => {
          app.edit(fn, { structural: true });
          focusKey(`section:${s.id}|${key}`);
        },
      });
    const msgs = h("ul", { class: "msgs" });
    sectionSlots.set(s.id, msgs);
    const langs = state.doc.languages;
    const live = s.figures.filter((f) => !state.dropped[f.id]).length;
    return h(
      "section",
      { class: "sec", "aria-labelledby": headId, dataset: { section: s.id } },
      h(
        "div",
        { class: "sec-head" },
        h("h3", { id: headId, text: `Section ${i + 1}: ${s.title?.zh || s.title?.en || s.id}` }),
        h("div", { class: "grid" }, langs.includes("zh") && title("zh", "Section title (中文)"), langs.includes("en") && title("en", "Section title (English)")),
        h(
          "span",
          { class: "row-tools" },
          tool("Section up", "up", (st) => model.moveSection(st, s.id, -1), i === 0),
          tool("Section down", "down", (st) => model.moveSection(st, s.id, 1), i === count - 1),
          s.figures.length === 0 && tool("Remove empty section", "remove", (st) => model.removeSection(st, s.id)),
        ),
      ),
      msgs,
      live === 0 ? h("p", { class: "hint", text: "No figure of this section is included: it is not published." }) : null,
      h("ol", { class: "figs" }, s.figures.map((f, j) => figureRow(s, f, j + 1))),
    );
  }

  function focusKey(key) {
    const el = root.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (el && !el.disabled) {
      el.focus();
      return true;
    }
    return false;
  }

  function render() {
    const active = document.activeElement?.dataset?.key;
    rows = new Map();
    sectionSlots = new Map();
    root.textContent = "";
    const list = app.state.doc.sections;
    root.append(...list.map((s, i) => sectionBlock(s, i, list.length)));
    if (list.length) {
      root.append(
        h("button", {
          type: "button",
          class: "add",
          text: "＋ Add a section",
          onclick: () => {
            let id;
            app.edit((s) => (id = model.addSection(s)), { structural: true });
            focusKey(`section:${id}|title.zh`) || focusKey(`section:${id}|title.en`);
          },
        }),
      );
    }
    if (active && root.contains(document.activeElement) === false) focusKey(active);
  }

  /** Messages on their rows; the figure's value and sentence mark as they now are. */
  function show({ located }) {
    const says = new Map();
    for (const m of located) {
      const said = m.kind === "figure" && m.level === "warning" && /^the sentence says (.+?), the value writes /.exec(m.message);
      if (said) says.set(m.id, said[1]);
    }
    for (const [id, row] of rows) {
      row.msgs.textContent = "";
      row.li.dataset.state = "";
      const found = model.findFigure(app.state, id);
      if (found) {
        row.legendValue.textContent = fmt(found.figure);
        const label = row.sentence.firstChild;
        row.sentence.replaceChildren(label, ...sentenceNodes(found.figure, says.get(id)));
      }
    }
    for (const ul of sectionSlots.values()) ul.textContent = "";
    for (const el of root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const m of located) {
      if (m.kind === "section") {
        sectionSlots.get(m.id)?.append(h("li", { class: m.level, text: inWords(m) }));
        continue;
      }
      if (m.kind !== "figure") continue;
      const row = rows.get(m.id);
      if (!row) continue;
      row.msgs.append(h("li", { class: m.level, text: inWords(m) }));
      if (m.level === "error" || row.li.dataset.state !== "error") row.li.dataset.state = m.level;
      const control = row.li.querySelector(`[data-key="${CSS.escape(`${m.id}|${m.field}`)}"]`) ?? (m.field === "unit" ? row.li.querySelector(`[data-key="${CSS.escape(`${m.id}|unit.zh`)}"]`) : null);
      control?.setAttribute("aria-invalid", "true");
    }
  }

  return { render, show };
}
