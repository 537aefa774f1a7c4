// 3. The preview: the real <revitalization-infographic>, loaded by the same embed.js and
// wasm a news page loads, mounted once and then updated in place (its handle's `update`) as
// the desk edits; in each declared language, light or dark, at a phone's width or the column's.

import { h, uid } from "./dom.js";

const WIDTHS = [
  ["375", "Phone (375 px)"],
  ["720", "Column (720 px)"],
];
const THEMES = [
  ["light", "Light"],
  ["dark", "Dark"],
];
const LANG_NAMES = { zh: "中文", en: "English" };

export function mountPreview(app) {
  const controls = document.getElementById("preview-controls");
  const frame = document.getElementById("preview-frame");
  const status = document.getElementById("preview-status");
  const view = { lang: "zh", theme: "light", width: "375" };
  let el = null;
  let shown = null; // the dataset the widget shows (or is mounting with)
  let latest = null; // the newest dataset without errors
  let langs = [];

  const group = (legend, name, options, key) =>
    h(
      "fieldset",
      { class: "choices" },
      h("legend", { text: legend }),
      options.map(([v, text]) =>
        h(
          "label",
          { class: "choice" },
          h("input", {
            type: "radio",
            name,
            value: v,
            checked: view[key] === v,
            onchange: () => {
              view[key] = v;
              apply();
            },
          }),
          text,
        ),
      ),
    );

  function drawControls() {
    controls.textContent = "";
    controls.append(
      group("Language", uid("plang"), langs.map((l) => [l, LANG_NAMES[l]]), "lang"),
      group("Theme", uid("ptheme"), THEMES, "theme"),
      group("Width", uid("pwidth"), WIDTHS, "width"),
    );
  }

  /** The view's attributes on the element: lang and theme patch the graphic in place. */
  function apply() {
    frame.style.setProperty("--preview-width", `${view.width}px`);
    frame.dataset.width = view.width;
    if (!el) return;
    // Only a language the shown dataset has (the newest may add one it cannot show yet).
    if (el.getAttribute("lang") !== view.lang && shown?.languages.includes(view.lang)) el.setAttribute("lang", view.lang);
    if (el.getAttribute("theme") !== view.theme) el.setAttribute("theme", view.theme);
  }

  function mount(dataset) {
    el?.remove();
    shown = dataset;
    const url = URL.createObjectURL(new Blob([JSON.stringify(dataset)], { type: "application/json" }));
    el = h("revitalization-infographic", { id: "preview", lang: view.lang, theme: view.theme, src: url });
    frame.replaceChildren(el);
    const mine = el;
    el.mount().then(() => {
      URL.revokeObjectURL(url);
      if (mine === el && latest !== shown) update(latest);
    });
  }

  function update(dataset) {
    if (!el?.infographic) return; // still mounting: the newest goes in when it is ready
    shown = dataset;
    try {
      el.infographic.update(dataset);
      apply();
    } catch (e) {
      // The widget refused it (a language it no longer has): start a new one.
      console.warn("preview: remounting after", e);
      mount(dataset);
    }
  }

  function show({ dataset, errorCount, empty }) {
    const next = dataset.languages;
    if (next.join() !== langs.join()) {
      const old = langs;
      langs = [...next];
      if (!langs.includes(view.lang)) view.lang = langs[0];
      drawControls();
      // A widget showing a language the dataset drops is moved to one it keeps first.
      if (el && old.length && !old.includes(view.lang)) {
        latest = errorCount === 0 && !empty ? dataset : latest;
        if (latest) mount(latest);
        return;
      }
      apply();
    }
    if (empty) {
      status.textContent = "The preview appears once there is a figure to show.";
      return;
    }
    if (errorCount > 0) {
      status.textContent = latest
        ? `The preview shows the last version without errors: fix the ${errorCount} error${errorCount === 1 ? "" : "s"} to see your latest edits.`
        : "The preview appears once the errors are fixed.";
      frame.dataset.stale = "true";
      return;
    }
    frame.dataset.stale = "false";
    status.textContent = "The preview follows your edits.";
    latest = dataset;
    if (!el) mount(dataset);
    else if (el.infographic) {
      apply();
      update(dataset);
    }
  }

  drawControls();
  apply();
  return {
    show,
    get element() {
      return el;
    },
  };
}
