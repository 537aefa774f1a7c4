// 4. Publish: the dataset as JSON (story-id.json, with $schema), its figures as CSV, and the
// embed snippet: the script tag, the element with src set to the dataset's file name, and the
// static fallback the same core writes (readers without JavaScript see the figures). "Open as
// a test page" puts the snippet on a plain page of its own. The fallback HTML is the one
// markup string here: written by the core's escaping HTML writer, it goes only into a text
// box to copy and into the test page's blob, never into this page.

import { h, field, uid, download } from "./dom.js";

const LANG_NAMES = { zh: "中文", en: "English" };

/** Text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/**
 * The two hints of docs/embedding.md for a graphic in the article's first screen: the .wasm
 * and the glue fetched while the page is parsed. Both sit beside embed.js, so their addresses
 * are embed.js's with its file name replaced (relative stays relative).
 */
function hints(embedUrl) {
  const beside = (name) => embedUrl.replace(/[^/]*$/, name);
  return [
    `<link rel="preload" href="${escapeHtml(beside("reader_bg.wasm"))}" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="modulepreload" href="${escapeHtml(beside("reader.js"))}">`,
  ];
}

/** The snippet a news page pastes where the graphic belongs. */
export function snippet({ embedUrl, src, lang, fallback, early = false }) {
  return [
    ...(early ? hints(embedUrl) : []),
    `<script type="module" src="${escapeHtml(embedUrl)}"></script>`,
    `<revitalization-infographic src="${escapeHtml(src)}" lang="${lang}">`,
    fallback.trim(),
    "</revitalization-infographic>",
    "",
  ].join("\n");
}

export function mountPublish(app) {
  const root = document.getElementById("publish");
  const status = h("p", { id: "publish-status", role: "status", class: "summary" });
  const embed = h("input", { type: "url", id: uid("embed"), value: new URL("dist/embed.js", document.baseURI).href, spellcheck: "false" });
  const langSel = h("select", { id: uid("slang") });
  const code = h("textarea", { id: "snippet", rows: 8, readonly: true, spellcheck: "false" });
  const early = h("input", { type: "checkbox", id: uid("early") });
  const done = h("p", { role: "status", class: "hint", id: "publish-done" });
  const button = (id, text, onclick) => h("button", { type: "button", id, text, onclick, disabled: true });
  // The dataset's text as published: checked in full and sealed (a hash of the text put first),
  // so that a reader's phone loads only the reader's module, which shows it unchecked.
  const sealed = (dataset, indent) => app.desk.sealDataset(JSON.stringify(dataset, null, indent));
  const buttons = [
    button("download-json", "Download the dataset (JSON)", () => {
      const { dataset } = app.result;
      download(`${dataset.story.id}.json`, `${sealed(dataset, 2)}\n`, "application/json");
      done.textContent = `Downloaded ${dataset.story.id}.json, checked and sealed: put it beside the page (or where the snippet's src says).`;
    }),
    button("download-csv", "Download the figures (CSV)", () => {
      const { dataset } = app.result;
      const r = app.desk.writeSheet(dataset);
      if (!r.csv) return;
      download(`${dataset.story.id}.csv`, r.csv, "text/csv;charset=utf-8");
      done.textContent = `Downloaded ${dataset.story.id}.csv: one row a figure, in the columns this editor reads back.`;
    }),
    button("copy-snippet", "Copy the embed snippet", async () => {
      try {
        await navigator.clipboard.writeText(code.value);
      } catch {
        code.select();
        document.execCommand("copy");
      }
      done.textContent = "The snippet is on the clipboard: paste it into the article where the graphic belongs.";
    }),
    button("test-page", "Open as a test page", () => openTestPage()),
  ];
  root.append(
    status,
    h("div", { class: "buttons" }, buttons),
    done,
    h("div", { class: "grid" }, field("Address of embed.js on your site", embed), field("Language of the snippet", langSel)),
    h(
      "label",
      { class: "check", for: early.id },
      early,
      " The graphic is in the article's first screen: fetch its files while the page loads (two preload hints; leave it off further down, where they would cost readers who never scroll to it)",
    ),
    field("The embed snippet (the script tag, the element, and the static fallback for readers without JavaScript)", code),
  );
  embed.addEventListener("input", () => show(app.result));
  early.addEventListener("change", () => show(app.result));
  langSel.addEventListener("change", () => show(app.result));

  function current() {
    const { dataset } = app.result;
    const lang = langSel.value || dataset.languages[0];
    const r = app.desk.fallbackHtml(dataset, lang);
    return { dataset, lang, fallback: r.html ?? "", embedUrl: embed.value.trim(), early: early.checked };
  }

  function openTestPage() {
    const { dataset, lang, fallback, embedUrl, early: hinted } = current();
    const json = URL.createObjectURL(new Blob([sealed(dataset)], { type: "application/json" }));
    const abs = new URL(embedUrl || "dist/embed.js", document.baseURI).href;
    const title = dataset.story.title[lang] ?? "";
    const page = [
      "<!doctype html>",
      `<html lang="${lang === "zh" ? "zh-CN" : "en"}">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>Test page: ${escapeHtml(title)}</title></head>`,
      '<body style="margin:0;background:#fff;color:#111;font:18px/1.7 system-ui,sans-serif">',
      '<main style="max-width:720px;margin:0 auto;padding:16px 20px">',
      `<h1 style="font-size:28px;line-height:1.3">${escapeHtml(title)}</h1>`,
      `<p>A plain page with the snippet for “${escapeHtml(dataset.story.id)}” pasted in (its src points at this story's dataset).</p>`,
      snippet({ embedUrl: abs, src: json, lang, fallback, early: hinted }),
      "</main></body></html>",
    ].join("\n");
    const url = URL.createObjectURL(new Blob([page], { type: "text/html" }));
    window.open(url, "_blank");
    // Long enough for the page to load both; the blobs die with this tab anyway.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      URL.revokeObjectURL(json);
    }, 5 * 60 * 1000);
  }

  function show(result) {
    const { dataset, errorCount, empty } = result;
    const langs = dataset.languages;
    if ([...langSel.options].map((o) => o.value).join() !== langs.join()) {
      const keep = langSel.value;
      langSel.replaceChildren(...langs.map((l) => h("option", { value: l, text: LANG_NAMES[l] })));
      if (langs.includes(keep)) langSel.value = keep;
    }
    const ok = !empty && errorCount === 0;
    for (const b of buttons) b.disabled = !ok;
    root.dataset.ready = String(ok);
    if (empty) status.textContent = "Nothing to publish yet.";
    else if (!ok) status.textContent = `Cannot publish: ${errorCount} error${errorCount === 1 ? "" : "s"} stand${errorCount === 1 ? "s" : ""} (each is shown on its row, in red).`;
    else status.textContent = `Ready to publish “${dataset.story.id}”.`;
    if (!ok) {
      code.value = "";
      return;
    }
    const { lang, fallback, embedUrl, early: hinted } = current();
    code.value = snippet({ embedUrl, src: `${dataset.story.id}.json`, lang, fallback, early: hinted });
  }

  return { show };
}
