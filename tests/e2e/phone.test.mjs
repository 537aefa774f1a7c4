// Issue 10: the reader on a phone, without our stylesheet, and sharing what they read.
//   - every view (charts, table, error panel, overview) fits a 280, 320, 375 and 414 px
//     column in zh and en: nothing wider than the column, no text outside the widget, no
//     chart labels over each other, zh labels right above their bars, the table one block a
//     figure;
//   - the no-JavaScript fallback has no black shapes and no text under a mark;
//   - "保存图片" saves a PNG at twice the density whose text layer (the SVG it was drawn from)
//     holds every figure, and says in words why not under a strict Content-Security-Policy;
//   - a tooltip only ever shows the figure under the pointer;
//   - the graphic's accessible description is the core's paragraph.
// Screenshots go to test-results/screenshots/ (gitignored) for a human to look at.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { useSite, newPage, ROOT } from "./helpers.mjs";
import { installGuards } from "./hostile-common.mjs";

const site = useSite();
const SHOTS = path.join(ROOT, "test-results", "screenshots");
const W = "revitalization-infographic";
const PHONES = [280, 320, 375, 414];
const HERO = { zh: "16317元", en: "16,317 yuan" };

async function open(browser, width, { lang = "zh", ...options } = {}) {
  const p = await newPage(browser, { width, height: 800, reducedMotion: "reduce", ...options });
  await p.page.goto(site.url + "/");
  await p.page.locator(W).scrollIntoViewIfNeeded();
  await p.page.waitForSelector(`${W}[data-state=ready]`, { timeout: 15000 });
  await p.page.evaluate(() => document.fonts.ready);
  if (lang === "en") await p.page.locator(`${W} .ri-frame [data-action=lang]`).click();
  await p.page.waitForFunction(
    ({ W, hero }) => document.querySelector(W).shadowRoot.querySelector(".ri-hero-value")?.textContent === hero,
    { W, hero: HERO[lang] },
  );
  return p;
}

/**
 * In the page: the widget `host` against its column. Every visible text inside the `.ri`
 * root's box, the root no wider than the host (and not scrolling sideways), any scrolling box
 * inside it no wider than the root, every pair of texts in one chart apart, and in zh every
 * bar row's last label line right above what follows it (the next text line or the bar).
 */
function phoneProblems({ host, zh }) {
  const h = document.querySelector(host);
  const sr = h.shadowRoot;
  const root = sr.querySelector(".ri");
  const R = root.getBoundingClientRect();
  const H = h.getBoundingClientRect();
  const problems = [];
  const fmt = (r) => `[${r.left.toFixed(1)}..${r.right.toFixed(1)}]`;
  if (R.width > H.width + 1) problems.push(`the widget ${fmt(R)} is wider than its column ${fmt(H)}`);
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the widget scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
  for (const e of sr.querySelectorAll(".ri *")) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || e.closest(".ri-sr, svg")) continue;
    if (r.right > R.right + 1 || r.left < R.left - 1) {
      problems.push(`<${e.localName} class="${e.getAttribute("class") ?? ""}"> ${fmt(r)} outside the widget ${fmt(R)}`);
    }
  }
  let texts = 0;
  const walker = document.createTreeWalker(sr, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim() || !n.parentElement || n.parentElement.closest(".ri-sr, [hidden]")) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      texts++;
      if (r.left < R.left - 1 || r.right > R.right + 1) {
        problems.push(`"${n.nodeValue.trim().slice(0, 30)}" ${fmt(r)} outside the widget ${fmt(R)}`);
        break;
      }
    }
  }
  let pairs = 0;
  for (const svg of sr.querySelectorAll("svg.ri-chart, svg.ri-hero-bars")) {
    const items = [...svg.querySelectorAll("text")]
      .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        pairs++;
        const [a, b] = [items[i].r, items[j].r];
        const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ox > 1 && oy > 1) problems.push(`"${items[i].t}" and "${items[j].t}" overlap`);
      }
    }
  }
  let rows = 0;
  if (zh) {
    for (const row of sr.querySelectorAll(".ri-bar-row")) {
      const labels = [...row.querySelectorAll(".ri-label")];
      const bar = row.querySelector(".ri-bar");
      if (!labels.length || !bar) continue;
      rows++;
      const last = labels.at(-1).getBoundingClientRect();
      const below = [...row.querySelectorAll(".ri-value")]
        .map((v) => v.getBoundingClientRect())
        .filter((v) => v.top >= last.bottom - 1)
        .map((v) => v.top);
      const next = Math.min(bar.getBoundingClientRect().top, ...below);
      // One label line is ~19 px tall; a blank line kept for English would leave > 17 px.
      if (next - last.bottom > 8) {
        problems.push(`"${labels.at(-1).textContent}" sits ${(next - last.bottom).toFixed(1)} px above what follows it`);
      }
    }
  }
  return { problems, texts, pairs, rows };
}

test("every view fits a phone: charts, table, error panel and overview at 280–414 px, zh and en", async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const all = [];
  for (const width of PHONES) {
    for (const lang of ["zh", "en"]) {
      const p = await open(site.browser, width, { lang });
      const { page } = p;
      try {
        const where = `${width} px ${lang}`;
        // Charts (stacked at these widths).
        await page.mouse.move(1, 1);
        let r = await page.evaluate(phoneProblems, { host: W, zh: lang === "zh" });
        assert.ok(r.texts > 100 && r.pairs > 20, `${where}: ${r.texts} texts, ${r.pairs} pairs checked`);
        if (lang === "zh") assert.ok(r.rows >= 15, `${where}: ${r.rows} bar rows checked`);
        all.push(...r.problems.map((x) => `${where} charts: ${x}`));
        if (width === 375) await page.locator(W).screenshot({ path: path.join(SHOTS, `phone-375-${lang}.png`) });

        // Table: one block a figure, nothing wider than the column.
        await page.locator(`${W} .ri-frame [data-action=table]`).click();
        await page.locator(`${W} .ri-frame .ri-facts`).first().waitFor();
        r = await page.evaluate(phoneProblems, { host: W, zh: false });
        all.push(...r.problems.map((x) => `${where} table: ${x}`));
        const facts = await page.evaluate((W) => {
          const sr = document.querySelector(W).shadowRoot;
          const blocks = [...sr.querySelectorAll(".ri-fact[data-figure]")];
          const wrap = sr.querySelector(".ri-table-wrap");
          return {
            tables: sr.querySelectorAll("table").length,
            blocks: blocks.length,
            narrowest: Math.min(...blocks.map((b) => b.querySelector(".ri-fact-label").getBoundingClientRect().width)),
            tallest: Math.max(...blocks.map((b) => b.getBoundingClientRect().height)),
            scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
            income: blocks.find((b) => b.dataset.figure === "compensation-amount")?.innerText,
          };
        }, W);
        assert.equal(facts.tables, 0, `${where}: no table in a phone's column`);
        assert.equal(facts.blocks, 35, `${where}: one block a figure`);
        assert.ok(facts.narrowest >= 8 * 14, `${where}: labels at least 8 characters wide (${facts.narrowest} px)`);
        assert.ok(facts.tallest < 200, `${where}: no block is a tower (${facts.tallest} px)`);
        assert.ok(!facts.scrolls, `${where}: the table does not scroll sideways`);
        for (const s of lang === "zh" ? ["累计补偿金额", "1.57亿元", "准确数值：157,000,000元"] : ["Compensation paid", "¥157 million", "Exact value: 157,000,000 yuan"]) {
          assert.ok(facts.income.includes(s), `${where}: the compensation block has ${s}: ${facts.income}`);
        }
        if (width === 375) await page.locator(W).screenshot({ path: path.join(SHOTS, `phone-375-${lang}-table.png`) });

        // The error panel, with long paths and a long message.
        await page.evaluate((W) => {
          const story = document.querySelector(W).infographic;
          story.update({ schema: 1, story: { title: "x" }, sections: [{ id: "a-very-long-section-identifier-without-spaces-at-all", figures: [{ value: "notanumber" }] }] });
        }, W);
        await page.waitForSelector(`${W}[data-state=error]`);
        r = await page.evaluate(phoneProblems, { host: W, zh: false });
        assert.ok(r.texts > 3, `${where}: the error panel has text`);
        all.push(...r.problems.map((x) => `${where} error panel: ${x}`));
        p.assertClean(where);
      } finally {
        await p.close();
      }
    }
  }
  assert.deepEqual(all, [], `layout problems:\n${all.join("\n")}`);
});

test("the overview chart fits a phone too", async () => {
  const all = [];
  for (const width of PHONES) {
    for (const lang of ["zh", "en"]) {
      const p = await newPage(site.browser, { width, height: 800, reducedMotion: "reduce" });
      const { page } = p;
      try {
        await page.goto(site.url + "/");
        await page.evaluate(async (lang) => {
          const story = (await (await fetch("/data/education-health.json")).json()).story;
          delete story.hero;
          const figures = [];
          for (let k = 1; k <= 200; k++) {
            figures.push({
              id: `f${k}`,
              label: { zh: `第${k}项`, en: `Item ${k}` },
              value: ((k * 7919) % 1000) * 1000 + 1,
              kind: "money",
              unit: { zh: "元", en: "yuan" },
              source: `第${k}项。`,
            });
          }
          const m = await (await import("/dist/embed.js")).load();
          await m.default();
          const host = document.createElement("div");
          host.id = "overview-host";
          document.querySelector("article").prepend(host);
          window.__overview = m.render(host, { schema: 1, story, sections: [{ id: "big", title: { zh: "大量数据", en: "Many figures" }, figures }] }, { lang, animate: false });
        }, lang);
        await page.waitForSelector("#overview-host[data-state=ready]");
        assert.equal(await page.locator("#overview-host [data-overview]").count(), 1);
        const r = await page.evaluate(phoneProblems, { host: "#overview-host", zh: false });
        all.push(...r.problems.map((x) => `${width} px ${lang} overview: ${x}`));
        const chart = await page.locator("#overview-host svg.ri-overview").boundingBox();
        const host = await page.locator("#overview-host").boundingBox();
        assert.ok(chart.width <= host.width, `${width} px: the overview fits its column`);
        p.assertClean(`overview at ${width} px`);
      } finally {
        await p.close();
      }
    }
  }
  assert.deepEqual(all, [], `layout problems:\n${all.join("\n")}`);
});

// ---------------------------------------------------------------------------------------

test("without JavaScript and without our stylesheet: no black shapes, no text under a mark", async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [375, 1024]) {
    const p = await newPage(site.browser, { width, height: 900, javaScriptEnabled: false });
    const { page } = p;
    try {
      await page.goto(site.url + "/");
      const found = await page.evaluate((W) => {
        const host = document.querySelector(W);
        const column = host.getBoundingClientRect();
        const out = { svgs: 0, shapes: 0, texts: 0, problems: [] };
        for (const svg of host.querySelectorAll("svg")) {
          out.svgs++;
          const box = svg.getBoundingClientRect();
          if (box.right > column.right + 1) out.problems.push(`an svg reaches ${box.right} past the column's ${column.right}`);
          const shapes = [];
          for (const s of svg.querySelectorAll("rect, path, circle, line")) {
            const cs = getComputedStyle(s);
            out.shapes++;
            const painted = cs.fill !== "none" && cs.fillOpacity !== "0";
            if (painted && cs.fill === "rgb(0, 0, 0)") out.problems.push(`a black <${s.localName} class="${s.getAttribute("class")}">`);
            if (s.localName === "circle" || s.closest(".ri-ring")) {
              if (painted) out.problems.push(`a filled ring part <${s.localName}>: ${cs.fill}`);
              if (cs.stroke === "none") out.problems.push("a ring part with no stroke");
            }
            if (painted && s.localName !== "line") shapes.push({ c: s.getAttribute("class"), r: s.getBoundingClientRect() });
          }
          for (const t of svg.querySelectorAll("text")) {
            out.texts++;
            const a = t.getBoundingClientRect();
            for (const { c, r } of shapes) {
              const ox = Math.min(a.right, r.right) - Math.max(a.left, r.left);
              const oy = Math.min(a.bottom, r.bottom) - Math.max(a.top, r.top);
              if (ox > 1 && oy > 1) out.problems.push(`"${t.textContent}" under a <${c}> by ${ox.toFixed(1)}×${oy.toFixed(1)} px`);
            }
          }
        }
        out.first = host.querySelector(".ri-summary")?.textContent ?? "";
        out.summaryBeforeHero =
          !!host.querySelector(".ri-summary") &&
          !!(host.querySelector(".ri-summary").compareDocumentPosition(host.querySelector(".ri-hero")) & Node.DOCUMENT_POSITION_FOLLOWING);
        return out;
      }, W);
      assert.ok(found.svgs >= 10 && found.shapes > 50 && found.texts > 50, JSON.stringify({ ...found, problems: found.problems.length }));
      assert.deepEqual(found.problems, [], `${width} px without JavaScript`);
      assert.ok(found.first.startsWith("陕西西安扎实推动乡村振兴") && found.first.includes("比上年净增1672元"), found.first);
      assert.ok(found.summaryBeforeHero, "the description opens the fallback, before the hero");
      await page.locator(W).screenshot({ path: path.join(SHOTS, `fallback-nojs-${width}-zh.png`) });
      p.assertClean(`index.html without JavaScript at ${width} px`);
    } finally {
      await p.close();
    }
  }
});

// ---------------------------------------------------------------------------------------

/** The chunks of a PNG file: [{ type, data }]. */
function pngChunks(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  const chunks = [];
  for (let i = 8; i < bytes.length; ) {
    const len = bytes.readUInt32BE(i);
    chunks.push({ type: bytes.toString("latin1", i + 4, i + 8), data: bytes.subarray(i + 8, i + 8 + len) });
    i += 12 + len;
  }
  return chunks;
}

/** iTXt chunks as { keyword: text }. */
function pngText(chunks) {
  const out = {};
  for (const c of chunks.filter((c) => c.type === "iTXt")) {
    const nul = c.data.indexOf(0);
    const keyword = c.data.toString("latin1", 0, nul);
    // keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text
    let i = nul + 3;
    i = c.data.indexOf(0, i) + 1;
    i = c.data.indexOf(0, i) + 1;
    out[keyword] = c.data.subarray(i).toString("utf8");
  }
  return out;
}

test("保存图片 / Save image: a PNG at twice the density whose text layer holds every figure", async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [lang, width, colorScheme] of [["zh", 375, "light"], ["en", 1024, "dark"]]) {
    const p = await open(site.browser, width, { lang, colorScheme });
    const { page } = p;
    try {
      const button = page.locator(`${W} .ri-frame .ri-controls [data-action=png]`);
      assert.equal((await button.textContent()).trim(), lang === "zh" ? "保存图片" : "Save image");
      const [csvDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`${W} .ri-frame .ri-controls [data-action=csv]`).click(),
      ]);
      const csv = fs.readFileSync(await csvDownload.path(), "utf8");
      const written = csv
        .trim()
        .split("\r\n")
        .slice(1)
        .map((row) => row.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g).map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')))
        // A cell starting with + or - is defused with an apostrophe (export::csv_cell).
        .map((cells) => cells[9].replace(/^'/, ""));
      assert.equal(written.length, 35);

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), button.click()]);
      assert.equal(download.suggestedFilename(), "xian-rural-revitalization-2022.png");
      const bytes = fs.readFileSync(await download.path());
      const chunks = pngChunks(bytes);
      const ihdr = chunks.find((c) => c.type === "IHDR").data;
      const [w, h] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
      const text = pngText(chunks);
      const svg = text.SVG;
      assert.ok(svg?.startsWith("<?xml"), "the PNG carries the SVG it was drawn from");
      const [, vw, vh] = svg.match(/viewBox="0 0 (\d+) (\d+)"/).map(Number);
      assert.equal(w, vw * 2, "twice the density: width");
      assert.equal(h, vh * 2, "twice the density: height");
      assert.equal(w, 1440);
      for (const s of written) assert.ok(svg.includes(s.replace(/&/g, "&amp;")), `the image shows ${s}`);
      const title = lang === "zh" ? "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感" : "Xi&#39;an steps up rural revitalization";
      assert.ok(svg.includes(title), "the title");
      assert.ok(svg.includes(lang === "zh" ? "来源：央广网" : "Source: CNR"), "the source line");
      assert.ok(svg.includes(site.url + "/"), "the page it came from");
      assert.equal(text.Source, site.url + "/");
      assert.ok(text.Description.includes(lang === "zh" ? "比上年净增1672元" : "up 1,672 yuan"), text.Description);
      assert.ok(svg.includes(colorScheme === "dark" ? "#16171b" : "#ffffff"), `the ${colorScheme} theme`);
      // Not a blank canvas: the pixels vary.
      const raw = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
      assert.ok(new Set(raw.subarray(0, 400000)).size > 30, "the image has drawing in it");
      fs.writeFileSync(path.join(SHOTS, `saved-image-${lang}.png`), bytes);
      assert.equal(await page.locator(`${W} .ri-frame .ri-notice`).count(), 0, "no notice when it worked");
      p.assertClean(`save image ${lang}`);
    } finally {
      await p.close();
    }
  }
});

test("under a strict CSP the control says in words why it cannot save an image", async () => {
  const p = await newPage(site.browser, { width: 375, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    await page.goto(site.url + "/csp-strict.html");
    await page.locator("#first").scrollIntoViewIfNeeded();
    await page.waitForSelector("#first[data-state=ready]");
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__riViolations), [], "no violation before it is used");
    await page.locator("#first .ri-frame [data-action=png]").click();
    const notice = page.locator("#first .ri-frame .ri-notice");
    await notice.waitFor({ timeout: 5000 });
    assert.equal(await notice.getAttribute("role"), "status");
    const words = await notice.innerText();
    assert.match(words, /内容安全策略（Content-Security-Policy）/);
    assert.match(words, /下载SVG/);
    const violations = await page.evaluate(() => window.__riViolations);
    assert.ok(violations.length >= 1 && violations.every((v) => /img-src|default-src/.test(v)), JSON.stringify(violations));
    // The words follow the language.
    await page.locator("#first .ri-frame [data-action=lang]").click();
    await page.waitForFunction(() => /Content-Security-Policy/.test(document.querySelector("#first").shadowRoot.querySelector(".ri-notice")?.textContent ?? "") && /Download SVG/.test(document.querySelector("#first").shadowRoot.querySelector(".ri-notice").textContent));
    await page.locator("#first").screenshot({ path: path.join(SHOTS, "csp-strict-save-image.png") });
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------

test("a tooltip only ever shows the figure under the pointer; the hero's bars are marks", async () => {
  const p = await open(site.browser, 760);
  const { page } = p;
  try {
    // The hero's two bars each have their own tooltip.
    const prev = page.locator(`${W} .ri-frame .ri-hero-bars .ri-mark[data-figure="previous-income"]`);
    const now = page.locator(`${W} .ri-frame .ri-hero-bars .ri-mark[data-figure="income-per-capita"]`);
    const tip = page.locator(`${W} .ri-frame .ri-tooltip`);
    await prev.hover();
    await tip.waitFor({ state: "visible" });
    assert.match(await tip.innerText(), /14645元[\s\S]*16317 − 1672 = 14645/);
    await now.hover();
    assert.equal(await tip.getAttribute("data-for"), "income-per-capita");
    assert.match(await tip.innerText(), /16317元/);
    await page.locator(`${W} .ri-frame .ri-formula`).hover();
    await tip.waitFor({ state: "hidden" });

    // A sweep down the whole widget: wherever the pointer is, the tooltip is for the mark
    // under it, or hidden.
    const box = await page.locator(W).boundingBox();
    const wrong = [];
    let shown = 0;
    for (const fx of [0.2, 0.55]) {
      for (let y = box.y + 4; y < box.y + box.height; y += 11) {
        const x = box.x + box.width * fx;
        await page.mouse.move(x, y);
        const s = await page.evaluate(
          ({ W, x, y }) => {
            const sr = document.querySelector(W).shadowRoot;
            const under = sr.elementFromPoint(x, y)?.closest("[data-figure]")?.getAttribute("data-figure") ?? null;
            const t = sr.querySelector(".ri-tooltip");
            return { under, tip: t.hidden ? null : t.getAttribute("data-for") };
          },
          { W, x, y },
        );
        if (s.tip) shown++;
        if (s.tip !== s.under) wrong.push(`at (${x.toFixed(0)}, ${y.toFixed(0)}) the tooltip shows ${s.tip} over ${s.under}`);
      }
    }
    assert.ok(shown > 10, `tooltips showed on the way (${shown})`);
    assert.deepEqual(wrong, []);
    p.assertClean("tooltip sweep");
  } finally {
    await p.close();
  }
});

test("a screen reader hears the graphic described in words from its figures", async () => {
  for (const lang of ["zh", "en"]) {
    const p = await open(site.browser, 1024, { lang });
    const { page } = p;
    try {
      const got = await page.evaluate(async ({ W, lang }) => {
        const m = await (await import("/dist/embed.js")).load();
        const d = m.describe(undefined, lang);
        const fromText = m.describe(JSON.stringify(m.defaultDataset()), lang);
        const sr = document.querySelector(W).shadowRoot;
        const root = sr.querySelector(".ri");
        const byId = (id) => sr.getElementById(id);
        const panel = sr.querySelector("[role=tabpanel]:not([hidden])");
        return {
          d,
          same: JSON.stringify(fromText) === JSON.stringify(d),
          role: root.getAttribute("role"),
          name: byId(root.getAttribute("aria-labelledby"))?.textContent,
          description: byId(root.getAttribute("aria-describedby"))?.textContent,
          panel: byId(panel.getAttribute("aria-describedby"))?.textContent,
          hidden: byId(root.getAttribute("aria-describedby"))?.hidden,
        };
      }, { W, lang });
      assert.equal(got.role, "figure");
      assert.equal(got.description, got.d.text, "aria-describedby names the core's paragraph");
      assert.ok(got.hidden, "described, not shown twice");
      assert.equal(got.panel, got.d.sections[0].text, "the open section is described too");
      assert.ok(got.same, "a dataset as JSON text is described the same");
      assert.equal(got.d.sections.length, 6);
      const want = lang === "zh"
        ? ["脱贫人口人均纯收入16317元，比上年净增1672元，增长11.42%（上年14645元）", "80%以上"]
        : ["16,317 yuan, up 1,672 yuan on the previous year, a rise of 11.42%", "over 80%"];
      const all = got.d.text + got.d.sections.map((s) => s.text).join("");
      for (const s of want) assert.ok(all.includes(s), `${lang}: ${s} in ${all}`);
      p.assertClean(`description ${lang}`);
    } finally {
      await p.close();
    }
  }
});

test("on a phone the sections below the first screen are laid out as they near it, and all print", async () => {
  const p = await open(site.browser, 375);
  try {
    // Each stacked section's heading: whether the browser renders it now (false while its
    // section is skipped, `content-visibility: auto`), and its computed content-visibility.
    const state = () =>
      p.page.evaluate((W) => {
        const sr = document.querySelector(W).shadowRoot;
        return [...sr.querySelectorAll(".ri-stacked > .ri-panel")].map((s) => ({
          rendered: s.querySelector(".ri-panel-title").checkVisibility({ contentVisibilityAuto: true }),
          cv: getComputedStyle(s).contentVisibility,
        }));
      }, W);
    const frames = () => p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const first = await state();
    assert.equal(first.length, 6, "six stacked sections");
    assert.ok(first.every((s) => s.cv === "auto"), JSON.stringify(first));
    assert.equal(first.at(-1).rendered, false, "the last section, screens below, is not laid out yet");
    // Scrolled to, it is.
    await p.page.evaluate((W) => {
      const panels = document.querySelector(W).shadowRoot.querySelectorAll(".ri-stacked > .ri-panel");
      panels[panels.length - 1].scrollIntoView();
    }, W);
    await frames();
    assert.equal((await state()).at(-1).rendered, true, "scrolled to, the last section is laid out");
    // Printed, every section is, wherever the page is scrolled.
    await p.page.evaluate(() => window.scrollTo(0, 0));
    await frames();
    await p.page.emulateMedia({ media: "print" });
    const printed = await state();
    assert.ok(printed.every((s) => s.cv === "visible" && s.rendered), JSON.stringify(printed));
    p.assertClean("phone sections");
  } finally {
    await p.close();
  }
});
