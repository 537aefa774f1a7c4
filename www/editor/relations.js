// The relations: those the draft suggests, to keep or drop, each with what it computes; and
// a new one between chosen figures (difference, ratio, growth, share-total, part-of).

import { h, select, field, uid } from "./dom.js";
import * as model from "./model.js";
import { inWords } from "./review.js";

const TYPE_NAMES = {
  difference: "difference (a − b: last year's level)",
  ratio: "ratio (a ÷ b: per team, per school)",
  growth: "growth (checks a level, its increase and its rate agree)",
  "share-total": "share-total (part ÷ share: the whole a share implies)",
  "part-of": "part-of (part ÷ whole, as a share)",
};

export function mountRelations(app) {
  const root = document.getElementById("relations");
  let rows = new Map();

  const figureName = (id) => {
    const found = model.findFigure(app.state, id);
    if (!found) return `${id} (no such figure)`;
    const l = found.figure.label;
    return `${l?.zh || l?.en || id} (${id})`;
  };

  function relationRow(r) {
    const state = app.state;
    const langs = state.doc.languages;
    const msgs = h("ul", { class: "msgs" });
    const computed = h("p", { class: "computed" });
    const inputs = model.RELATIONS[r.type] ?? [];
    const text = (path, lang, label) => {
      const [obj, key] = path.split(".");
      const el = h("input", { type: "text", value: r[obj]?.[key] ?? "", dataset: { key: `rel:${r.id}|${path}` } });
      el.addEventListener("input", () =>
        app.edit((s) => {
          const rel = s.doc.relations.find((x) => x.id === r.id);
          rel[obj] ??= {};
          if (el.value === "" && obj === "unit") delete rel[obj][key];
          else rel[obj][key] = el.value;
          if (obj === "unit" && Object.keys(rel.unit).length === 0) delete rel.unit;
        }),
      );
      return field(label, el, { lang: lang === "zh" ? "zh-CN" : "en" });
    };
    const include = h("input", {
      type: "checkbox",
      checked: !state.declined[r.id],
      dataset: { key: `rel:${r.id}|include` },
      onchange: (e) =>
        app.edit(
          (s) => {
            if (e.target.checked) delete s.declined[r.id];
            else s.declined[r.id] = true;
          },
          { structural: true },
        ),
    });
    const li = h(
      "li",
      { class: `rel${state.declined[r.id] ? " dropped" : ""}`, dataset: { id: r.id } },
      h(
        "fieldset",
        {},
        h("legend", { text: `${r.type} · ${r.id}` }),
        h("label", { class: "choice" }, include, state.declined[r.id] ? "Kept (dropped: not published)" : "Kept"),
        h("ul", { class: "inputs" }, inputs.map((k) => h("li", { text: `${k}: ${figureName(r[k])}` }))),
        computed,
        h(
          "div",
          { class: "grid" },
          langs.map((l) => text(`label.${l}`, l, `Label (${l === "zh" ? "中文" : "English"})`)),
          langs.map((l) => text(`unit.${l}`, l, `Unit (${l === "zh" ? "中文" : "English"}, optional)`)),
        ),
        msgs,
      ),
    );
    rows.set(r.id, { li, msgs, computed });
    return li;
  }

  function addForm() {
    const state = app.state;
    const langs = state.doc.languages;
    const figures = state.doc.sections.flatMap((s) => s.figures.filter((f) => !state.dropped[f.id]));
    const options = [["", "— choose a figure —"], ...figures.map((f) => [f.id, figureName(f.id)])];
    const type = select({ id: uid("rtype") }, Object.entries(TYPE_NAMES), "difference");
    const slots = h("div", { class: "grid" });
    const picks = {};
    const drawInputs = () => {
      slots.textContent = "";
      for (const k of model.RELATIONS[type.value]) {
        picks[k] = select({}, options, "");
        slots.append(field(k, picks[k]));
      }
    };
    type.addEventListener("change", drawInputs);
    drawInputs();
    const label = {};
    const unit = {};
    const texts = langs.flatMap((l) => {
      label[l] = h("input", { type: "text" });
      unit[l] = h("input", { type: "text" });
      const name = l === "zh" ? "中文" : "English";
      return [field(`Label (${name})`, label[l], { lang: l === "zh" ? "zh-CN" : "en" }), field(`Unit (${name}, optional)`, unit[l], { lang: l === "zh" ? "zh-CN" : "en" })];
    });
    const decimals = h("input", { type: "number", min: 0, max: 6, step: 1, value: "1" });
    const problem = h("p", { class: "msgs error", role: "alert" });
    const add = () => {
      const chosen = {};
      for (const [k, el] of Object.entries(picks)) chosen[k] = el.value;
      const missing = model.RELATIONS[type.value].filter((k) => !chosen[k]);
      if (missing.length) {
        problem.textContent = `Error: choose a figure for ${missing.join(" and ")}.`;
        picks[missing[0]].focus();
        return;
      }
      const l = {};
      const u = {};
      for (const lang of langs) {
        l[lang] = label[lang].value;
        if (unit[lang].value) u[lang] = unit[lang].value;
      }
      let id;
      app.edit((s) => (id = model.addRelation(s, type.value, chosen, l, u, Number(decimals.value) || 0)), { structural: true });
      root.querySelector(`[data-key="${CSS.escape(`rel:${id}|label.${langs[0]}`)}"]`)?.focus();
    };
    return h(
      "fieldset",
      { class: "add-relation" },
      h("legend", { text: "New relation between two or more figures" }),
      h("div", { class: "grid" }, field("Type", type), field("Decimals shown", decimals)),
      slots,
      h("div", { class: "grid" }, texts),
      problem,
      h("button", { type: "button", text: "Add the relation", onclick: add }),
    );
  }

  function render() {
    rows = new Map();
    root.textContent = "";
    const list = app.state.doc.relations;
    if (app.state.doc.sections.length === 0) return;
    root.append(
      list.length ? h("ol", { class: "rels" }, list.map(relationRow)) : h("p", { class: "hint", text: "No relations yet." }),
      addForm(),
    );
  }

  function show({ located, included, stats }) {
    const lang = app.state.doc.languages[0];
    for (const [id, row] of rows) {
      row.msgs.textContent = "";
      row.li.dataset.state = "";
      const r = app.state.doc.relations.find((x) => x.id === id);
      const missing = r ? model.relationMissing(app.state, r, included) : [];
      const d = stats?.derived?.find((x) => x.id === id);
      if (app.state.declined[id]) row.computed.textContent = "Not published.";
      else if (missing.length) row.computed.textContent = `Not published: it reads ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not included.`;
      else if (d) row.computed.textContent = `Computes ${d.formatted?.[lang] ?? d.value} (${d.formula?.[lang] ?? ""}).`;
      else row.computed.textContent = "Computed once the errors are fixed.";
    }
    for (const m of located) {
      if (m.kind !== "relation") continue;
      const row = rows.get(m.id);
      if (!row) continue;
      row.msgs.append(h("li", { class: m.level, text: inWords(m) }));
      row.li.dataset.state = m.level;
    }
  }

  return { render, show };
}
