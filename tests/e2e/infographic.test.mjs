// Feature tests of the widget as a reader meets it on the demo site: what the Shadow DOM
// shows (figures as the article writes them), tabs, tooltips, keyboard use, the live
// region, language switching, CSV download, the table view, layout at several column
// widths (no text outside the widget, no overlapping chart labels), axe-core in light and
// dark, several widgets on one page, prefers-reduced-motion, and the no-JavaScript
// fallback. Screenshots go to test-results/screenshots/ (gitignored) for a human to look at.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, newPage, runAxe, showStackedSections, ROOT } from "./helpers.mjs";

const site = useSite();
const SHOTS = path.join(ROOT, "test-results", "screenshots");
const STORY = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "xian-2022.json"), "utf8"));

const ZH_TABS = ["工作机制", "驻村帮扶", "教育帮扶", "医疗保障", "社会救助", "就业创业"];
const EN_TABS = ["Mechanism", "Village assistance", "Education", "Health", "Social assistance", "Employment"];
const ZH_TITLE = "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感";
const EN_TITLE = "Xi'an steps up rural revitalization, and people feel better off";

/**
 * Runs in the page before any of its scripts: wraps attachShadow so that every shadow root
 * is watched from its first node on. Records, per host element, any <script> or <iframe>
 * that ever appears inside (host.__riForbidden) and every distinct text the hero number
 * shows (host.__riHero, to tell a count-up from none); and, at each `ready` event, the hero
 * text at that moment (host.__riHeroAtReady).
 */
function installRecorder() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const host = this;
    host.__riForbidden = [];
    host.__riHero = [];
    const check = (node) => {
      if (node.nodeType !== 1) return;
      const found = [node, ...node.querySelectorAll("*")].filter((n) =>
        /^(script|iframe)$/i.test(n.localName),
      );
      for (const n of found) host.__riForbidden.push(n.outerHTML.slice(0, 200));
    };
    const heroNow = () => {
      const hero = root.querySelector(".ri-hero-value");
      if (!hero) return;
      const t = hero.textContent;
      if (host.__riHero[host.__riHero.length - 1] !== t) host.__riHero.push(t);
    };
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) check(n);
      heroNow();
    }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    return root;
  };
  document.addEventListener(
    "ready",
    (e) => {
      const hero = e.target.shadowRoot?.querySelector(".ri-hero-value");
      e.target.__riHeroAtReady = hero ? hero.textContent : null;
    },
    true,
  );
}

/**
 * A locator inside the widget `host` (a CSS selector for the host element): inside its
 * shadow root's `.ri-frame`, not the static fallback in the element's light DOM, which
 * uses the same class names.
 */
const inWidget = (page, host, sel) => page.locator(`${host} .ri-frame ${sel}`);

async function waitReady(page, host = "revitalization-infographic") {
  await page.locator(host).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${host}[data-state=ready]`, { timeout: 15000 });
}

/** Waits until the hero number of `host` reads `text` (the count-up has finished). */
async function waitHero(page, text, host = "revitalization-infographic") {
  await page.waitForFunction(
    ({ host, text }) =>
      document.querySelector(host)?.shadowRoot?.querySelector(".ri-hero-value")?.textContent ===
      text,
    { host, text },
    { timeout: 10000 },
  );
}

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

/** The shadow root's active element, described. */
function activeInWidget(page, host = "revitalization-infographic") {
  return page.evaluate((host) => {
    const a = document.querySelector(host).shadowRoot.activeElement;
    if (!a) return null;
    return {
      tab: a.getAttribute("data-tab"),
      role: a.getAttribute("role"),
      figure: a.getAttribute("data-figure"),
      label: a.getAttribute("aria-label"),
      text: a.textContent.trim(),
    };
  }, host);
}

async function assertNoScriptOrIframe(page) {
  const found = await page.evaluate(() =>
    [...document.querySelectorAll("revitalization-infographic")].map((h) => ({
      id: h.id,
      recorded: h.__riForbidden ?? null,
      now: h.shadowRoot ? h.shadowRoot.querySelectorAll("script, iframe").length : 0,
    })),
  );
  for (const f of found) {
    assert.ok(f.recorded, `the recorder saw the shadow root of #${f.id} attached`);
    assert.deepEqual(f.recorded, [], `no <script>/<iframe> ever inside #${f.id}'s shadow root`);
    assert.equal(f.now, 0, `no <script>/<iframe> inside #${f.id}'s shadow root now`);
  }
}

/** Minimal RFC 4180 parser (quoted fields with commas, doubled quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function formatAxe(violations) {
  return violations
    .map(
      (v) =>
        `${v.impact ?? "?"} ${v.id}: ${v.help}\n` +
        v.nodes
          .map(
            (n) =>
              `    at ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
          )
          .join("\n"),
    )
    .join("\n");
}

// ---------------------------------------------------------------------------------------

test("the article page: figures, tabs, tooltip, keyboard, language, CSV, table", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900 });
  const { page } = p;
  try {
    await page.addInitScript(installRecorder);
    await page.goto(site.url + "/");
    await waitReady(page);
    const W = "revitalization-infographic";

    // Header and hero: the count-up runs once and lands on the article's figure.
    assert.equal((await inWidget(page, W, ".ri-title").textContent()).trim(), ZH_TITLE);
    // Mounting writes the final figure at once; the count-up then runs from 0 back up to it.
    await page.waitForFunction(
      () => {
        const seen = document.querySelector("revitalization-infographic").__riHero ?? [];
        return seen.includes("0元") && seen.at(-1) === "16317元";
      },
      null,
      { timeout: 10000 },
    );
    const heroSeen = await page.evaluate(() => document.querySelector("revitalization-infographic").__riHero);
    const counted = heroSeen.slice(heroSeen.indexOf("0元"));
    assert.ok(counted.length > 5, `the hero counted up from 0元 (saw ${JSON.stringify(heroSeen)})`);
    assert.equal(counted.at(-1), "16317元");
    const steps = counted.map((t) => Number(t.replace(/元$/, "")));
    assert.ok(
      steps.every((v, i) => Number.isInteger(v) && (i === 0 || v > steps[i - 1])),
      `the count-up rises in whole yuan: ${JSON.stringify(counted)}`,
    );
    await page.waitForTimeout(200);
    assert.equal(
      await page.evaluate(() => document.querySelector("revitalization-infographic").__riHero.at(-1)),
      "16317元",
      "the hero stays at the final figure",
    );
    assert.equal(
      await inWidget(page, W, ".ri-hero-value").getAttribute("aria-label"),
      "脱贫人口人均纯收入：16317元",
    );

    // The static fallback stays in the light DOM but is not rendered over the widget.
    assert.ok((await page.locator(W).evaluate((h) => h.children.length)) > 0, "the element keeps its fallback children");
    assert.equal(
      await page.locator(W).evaluate((h) => [...h.children].filter((c) => c.getClientRects().length > 0).length),
      0,
      "the fallback is not rendered once the widget is mounted",
    );

    // Tabs.
    const tabs = inWidget(page, W, "[role=tablist] > [role=tab]");
    assert.deepEqual(await texts(tabs), ZH_TABS);
    assert.equal(await tabs.nth(0).getAttribute("aria-selected"), "true");

    // The health tab: its panel shows the article's figures.
    await tabs.nth(3).click();
    assert.equal(await tabs.nth(3).getAttribute("aria-selected"), "true");
    assert.equal(await tabs.nth(0).getAttribute("aria-selected"), "false");
    const panel = inWidget(page, W, "[role=tabpanel]:not([hidden])");
    assert.equal(await panel.count(), 1, "exactly one tab panel is shown");
    assert.ok(await panel.isVisible());
    const tabId = await tabs.nth(3).getAttribute("id");
    assert.equal(await panel.getAttribute("aria-labelledby"), tabId, "the panel is labelled by its tab");
    assert.equal(await tabs.nth(3).getAttribute("aria-controls"), await panel.getAttribute("id"));
    const panelText = await panel.innerText();
    for (const s of ["1.57亿元", "2677.03万元", "3141个"]) {
      assert.ok(panelText.includes(s), `the health panel shows ${s}:\n${panelText}`);
    }
    for (const s of ["1.57亿元", "2677.03万元", "3141个"]) {
      assert.ok(await panel.getByText(s, { exact: true }).first().isVisible(), `${s} is visible`);
    }

    // Hover a bar: the tooltip gives the exact value and the article's sentence.
    const bar = inWidget(page, W, 'svg.ri-chart g.ri-bar-row[data-figure="compensation-amount"]');
    await bar.hover();
    const tip = inWidget(page, W, ".ri-tooltip");
    await tip.waitFor({ state: "visible", timeout: 3000 });
    const tipText = await tip.innerText();
    for (const s of ["1.57亿元", "157,000,000元", "累计补偿13511人次1.57亿元"]) {
      assert.ok(tipText.includes(s), `the tooltip has ${s}:\n${tipText}`);
    }
    assert.equal(await tip.getAttribute("role"), "tooltip");
    assert.equal(await bar.getAttribute("aria-describedby"), await tip.getAttribute("id"));
    // The tooltip stays inside the widget.
    const [tipBox, rootBox] = [await tip.boundingBox(), await inWidget(page, W, ".ri").boundingBox()];
    assert.ok(
      tipBox.x >= rootBox.x - 1 && tipBox.x + tipBox.width <= rootBox.x + rootBox.width + 1,
      `tooltip ${JSON.stringify(tipBox)} inside the widget ${JSON.stringify(rootBox)}`,
    );
    await page.mouse.move(2, 2);

    // Keyboard: arrow keys, End and Home move the selection and the focus.
    await tabs.nth(3).focus();
    await page.keyboard.press("ArrowRight");
    let active = await activeInWidget(page);
    assert.equal(active?.tab, "4", `ArrowRight focuses the next tab (focus: ${JSON.stringify(active)})`);
    assert.equal(active.text, "社会救助");
    assert.equal(await tabs.nth(4).getAttribute("aria-selected"), "true");
    assert.equal(await tabs.nth(3).getAttribute("aria-selected"), "false");
    assert.equal(await tabs.nth(4).getAttribute("tabindex"), "0", "roving tabindex");
    assert.equal(await tabs.nth(3).getAttribute("tabindex"), "-1", "roving tabindex");
    assert.ok((await inWidget(page, W, "[role=tabpanel]:not([hidden])").innerText()).includes("8419.39万元"));
    await page.keyboard.press("End");
    active = await activeInWidget(page);
    assert.equal(active?.tab, "5", "End focuses the last tab");
    assert.equal(active.text, "就业创业");
    assert.equal(await tabs.nth(5).getAttribute("aria-selected"), "true");
    await page.keyboard.press("Home");
    active = await activeInWidget(page);
    assert.equal(active?.tab, "0", "Home focuses the first tab");
    assert.equal(active.text, "工作机制");
    assert.equal(await tabs.nth(0).getAttribute("aria-selected"), "true");

    // Tab on into the panel's first mark: the tooltip shows and the live region reads it.
    let mark = null;
    for (let i = 0; i < 4 && !mark; i++) {
      await page.keyboard.press("Tab");
      const a = await activeInWidget(page);
      if (a?.figure) mark = a;
    }
    assert.ok(mark, "Tab reaches a mark in the selected panel");
    assert.equal(mark.figure, "key-tasks-citywide");
    assert.equal(mark.label, "全市重点工作(巩固衔接纳入其中)：九项");
    const live = inWidget(page, W, "[data-role=live]");
    assert.equal(await live.getAttribute("aria-live"), "polite");
    assert.equal((await live.textContent()).trim(), mark.label, "the live region reads the focused mark");
    await tip.waitFor({ state: "visible", timeout: 3000 });
    assert.ok((await tip.innerText()).includes("九项重点工作"), "focus shows the tooltip too");
    // Focus is visible on a mark.
    const outline = await page.evaluate(() => {
      const a = document.querySelector("revitalization-infographic").shadowRoot.activeElement;
      const s = getComputedStyle(a);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    assert.ok(
      (outline.style !== "none" && outline.width > 0) || outline.shadow !== "none",
      `a focused mark shows a focus ring: ${JSON.stringify(outline)}`,
    );

    // Language: everything switches, and the host hears about it.
    await page.evaluate(() => {
      window.__langEvents = [];
      document
        .querySelector("revitalization-infographic")
        .addEventListener("languagechange", (e) => window.__langEvents.push(e.detail?.lang));
    });
    await inWidget(page, W, "[data-action=lang]").click();
    await page.waitForFunction(() => window.__langEvents.length > 0, null, { timeout: 3000 });
    assert.deepEqual(await page.evaluate(() => window.__langEvents), ["en"]);
    assert.equal((await inWidget(page, W, ".ri-title").textContent()).trim(), EN_TITLE);
    assert.equal((await inWidget(page, W, ".ri-hero-value").textContent()).trim(), "16,317 yuan");
    assert.deepEqual(await texts(inWidget(page, W, "[role=tab]")), EN_TABS);
    assert.equal(await inWidget(page, W, ".ri").getAttribute("lang"), "en");

    // CSV download.
    const csvButton = inWidget(page, W, ".ri-controls [data-action=csv]");
    assert.equal((await csvButton.textContent()).trim(), "Download CSV");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), csvButton.click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    assert.equal(download.suggestedFilename(), `${STORY.story.id}.csv`, "named after the story's id");
    const bytes = fs.readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the CSV starts with the UTF-8 BOM");
    const csv = bytes.subarray(3).toString("utf8");
    const rows = parseCsv(csv).filter((r) => r.some((c) => c !== ""));
    assert.deepEqual(rows[0].slice(0, 5), ["section", "id", "label_zh", "label_en", "value"]);
    assert.equal(rows.length - 1, 35, "35 data rows, one a figure");
    assert.ok(rows.slice(1).every((r) => r.length === rows[0].length), "every row has every column");
    assert.ok(csv.includes("16317"));
    const income = rows.find((r) => r[1] === "income-per-capita");
    assert.equal(income?.[4], "16317");
    assert.ok(rows.find((r) => r[1] === "compensation-amount")?.[4] === "157000000");

    // Table view: every figure in a table, the charts gone.
    const tableButton = inWidget(page, W, "[data-action=table]");
    await tableButton.click();
    const table = inWidget(page, W, "table.ri-table");
    await table.waitFor({ state: "visible", timeout: 3000 });
    assert.ok((await table.locator("tbody tr").count()) >= 35, "the table has a row a figure");
    assert.equal(await tableButton.getAttribute("aria-pressed"), "true");
    assert.equal(await inWidget(page, W, "svg.ri-chart").count(), 0, "no bar charts in table view");
    assert.equal(await inWidget(page, W, "[role=tabpanel]").count(), 0, "no tab panels in table view");
    assert.equal(await inWidget(page, W, "[role=tablist]").count(), 0, "no tabs in table view");
    const tableText = await table.innerText();
    assert.ok(tableText.includes("¥157 million"), `the table shows the English figures:\n${tableText.slice(0, 400)}`);

    await assertNoScriptOrIframe(page);
    p.assertClean("index.html at 1024 px");
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------

/**
 * Every visible text in the widget against the `.ri` root's box (horizontally), and every
 * pair of texts in one chart against each other. Returns the problems (strings) and how
 * many texts and pairs were looked at (so an empty list cannot come from checking nothing).
 */
function layoutProblems(host) {
  const sr = document.querySelector(host).shadowRoot;
  const root = sr.querySelector(".ri");
  const R = root.getBoundingClientRect();
  const problems = [];
  let textCount = 0;
  let pairCount = 0;
  const fmt = (r) => `[${r.left.toFixed(1)}..${r.right.toFixed(1)}]`;
  const walker = document.createTreeWalker(sr, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim()) continue;
    const el = n.parentElement;
    // The visually hidden live region is clipped on purpose.
    if (!el || el.closest(".ri-sr")) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [el.getBoundingClientRect(), ...range.getClientRects()];
    if (rects[0].width > 0) textCount++;
    for (const r of rects) {
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < R.left - 1 || r.right > R.right + 1) {
        problems.push(
          `"${n.nodeValue.trim().slice(0, 40)}" <${el.localName} class="${el.getAttribute("class") ?? ""}"> ${fmt(r)} outside the widget ${fmt(R)}`,
        );
        break;
      }
    }
  }
  for (const svg of sr.querySelectorAll("svg.ri-chart, svg.ri-hero-bars")) {
    const items = [...svg.querySelectorAll("text")]
      .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        pairCount++;
        const a = items[i].r;
        const b = items[j].r;
        const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ox > 1 && oy > 1) {
          problems.push(
            `chart "${svg.getAttribute("aria-label")}": "${items[i].t}" and "${items[j].t}" overlap by ${ox.toFixed(1)}×${oy.toFixed(1)} px`,
          );
        }
      }
    }
  }
  return { problems, textCount, pairCount };
}

test("layout at 360, 480, 768 and 1024 px: no text outside the widget, no overlapping chart labels; screenshots", async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const W = "revitalization-infographic";
  const all = [];
  for (const width of [360, 480, 768, 1024]) {
    // Reduced motion: no count-up, so nothing moves under the measurements and screenshots.
    const p = await newPage(site.browser, { width, height: 900, reducedMotion: "reduce" });
    const { page } = p;
    try {
      await page.goto(site.url + "/");
      await waitReady(page);
      await waitHero(page, "16317元");
      await page.evaluate(() => document.fonts.ready);
      // The widget stacks its sections when its own box (not the viewport) is under 480 px.
      const hostWidth = (await page.locator(W).boundingBox()).width;
      const stacked = hostWidth < 480;
      assert.equal(await inWidget(page, W, "[role=tablist]").count(), stacked ? 0 : 1, `tabs at ${width} px`);
      if (stacked) {
        assert.deepEqual(await texts(inWidget(page, W, "section.ri-panel > h3")), ZH_TABS);
      }
      for (const lang of ["zh", "en"]) {
        if (lang === "en") {
          await inWidget(page, W, "[data-action=lang]").click();
          await waitHero(page, "16,317 yuan");
        }
        const tabCount = stacked ? 1 : await inWidget(page, W, "[role=tab]").count();
        for (let t = 0; t < tabCount; t++) {
          if (!stacked) await inWidget(page, W, `[role=tab][data-tab="${t}"]`).click();
          await page.mouse.move(1, 1);
          const where = stacked ? `${width} px ${lang}` : `${width} px ${lang} tab ${t}`;
          const { problems, textCount, pairCount } = await page.evaluate(layoutProblems, W);
          assert.ok(textCount > 40, `${where}: ${textCount} visible texts checked`);
          assert.ok(pairCount >= 6, `${where}: ${pairCount} chart label pairs checked`);
          for (const prob of problems) all.push(`${where}: ${prob}`);
        }
        if (width === 360 || width === 1024) {
          if (!stacked) await inWidget(page, W, '[role=tab][data-tab="0"]').click();
          await page.mouse.move(1, 1);
          await page.locator(W).screenshot({ path: path.join(SHOTS, `widget-${width}-${lang}.png`) });
          if (!stacked) {
            await inWidget(page, W, '[role=tab][data-tab="3"]').click();
            await page.mouse.move(1, 1);
            await page
              .locator(W)
              .screenshot({ path: path.join(SHOTS, `widget-${width}-${lang}-health.png`) });
            await inWidget(page, W, '[role=tab][data-tab="0"]').click();
          }
        }
      }
      p.assertClean(`index.html at ${width} px`);
    } finally {
      await p.close();
    }
  }
  assert.deepEqual(all, [], `layout problems:\n${all.join("\n")}`);
});

// ---------------------------------------------------------------------------------------

test("axe-core: zero violations on / and /widgets.html, light and dark, 360 and 1024 px", async () => {
  const failures = [];
  for (const width of [360, 1024]) {
    for (const colorScheme of ["light", "dark"]) {
      for (const pagePath of ["/", "/widgets.html"]) {
        const p = await newPage(site.browser, { width, height: 900 });
        const { page } = p;
        try {
          await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
          await page.goto(site.url + pagePath);
          const hosts =
            pagePath === "/"
              ? ["revitalization-infographic"]
              : ["#widget-zh", "#widget-en", "#widget-src"];
          for (const h of hosts) await waitReady(page, h);
          assert.equal(
            await page.locator("revitalization-infographic[data-state=ready]").count(),
            pagePath === "/" ? 1 : 3,
          );
          await showStackedSections(page);
          await page.mouse.move(1, 1);
          const violations = await runAxe(page);
          if (violations.length) {
            failures.push(`${pagePath} ${colorScheme} ${width} px:\n${formatAxe(violations)}`);
          }
          p.assertClean(`${pagePath} ${colorScheme} ${width} px`);
        } finally {
          await p.close();
        }
      }
    }
  }
  assert.equal(failures.length, 0, `axe-core violations:\n${failures.join("\n\n")}`);
});

test("axe-core: a second widget of the same story and language, added after load", async () => {
  const failures = [];
  for (const width of [360, 1280]) {
    const p = await newPage(site.browser, { width, height: 900, reducedMotion: "reduce" });
    const { page } = p;
    try {
      await page.goto(site.url + "/widgets.html");
      await waitReady(page, "#widget-en");
      await page.evaluate(() => {
        const el = document.createElement("revitalization-infographic");
        el.id = "widget-late";
        el.setAttribute("lang", "en");
        document.querySelector("main").append(el);
      });
      for (const h of ["#widget-zh", "#widget-src", "#widget-late"]) await waitReady(page, h);
      assert.equal(
        (await inWidget(page, "#widget-late", ".ri-hero-value").textContent()).trim(),
        "16,317 yuan",
      );
      const violations = await runAxe(page);
      if (violations.length) failures.push(`${width} px:\n${formatAxe(violations)}`);
      p.assertClean(`widgets.html + a late widget at ${width} px`);
    } finally {
      await p.close();
    }
  }
  assert.equal(failures.length, 0, `axe-core violations:\n${failures.join("\n\n")}`);
});

// ---------------------------------------------------------------------------------------

test("several widgets on /widgets.html: each its own data and language", async () => {
  // Reduced motion: no count-up running while the widgets' states are compared.
  const p = await newPage(site.browser, { width: 1280, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installRecorder);
    await page.goto(site.url + "/widgets.html");
    for (const h of ["#widget-zh", "#widget-en", "#widget-src"]) await waitReady(page, h);
    await waitHero(page, "16317元", "#widget-zh");
    await waitHero(page, "16,317 yuan", "#widget-en");

    const src = page.locator("#widget-src");
    assert.equal(await inWidget(page, "#widget-src", ".ri-hero-value").count(), 0, "no income hero in the src widget");
    assert.equal(await inWidget(page, "#widget-src", ".ri-hero").count(), 0);
    assert.equal(
      (await inWidget(page, "#widget-src", ".ri-title").textContent()).trim(),
      "Xi'an rural revitalization: schools and health care",
    );
    assert.deepEqual(await texts(inWidget(page, "#widget-src", "[role=tab]")), ["Education", "Health"]);
    const srcText = await src.locator(".ri-frame .ri").innerText();
    assert.ok(srcText.includes("105,000 places"), `the src widget shows 105,000 places:\n${srcText}`);
    assert.ok(!srcText.includes("16,317"), "the src widget has no income figure");
    await inWidget(page, "#widget-src", '[role=tab][data-tab="1"]').click();
    const health = await inWidget(page, "#widget-src", "[role=tabpanel]:not([hidden])").innerText();
    assert.ok(health.includes("¥157 million"), `the src widget's health tab:\n${health}`);
    assert.equal(
      await page.locator("#widget-src .ri-frame").getAttribute("data-theme"),
      "dark",
      'theme="dark" reaches the frame',
    );
    const srcBg = await inWidget(page, "#widget-src", ".ri").evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(srcBg, "rgb(22, 23, 27)", "the src widget is dark in a light page");

    // Distinct ids in each widget (ARIA references stay inside their widget).
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll("revitalization-infographic")].flatMap((h) =>
        [...h.shadowRoot.querySelectorAll("[id]")].map((e) => e.id),
      ),
    );
    assert.equal(new Set(ids).size, ids.length, "element ids are unique across widgets");

    const state = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("revitalization-infographic")].map((h) => [
            h.id,
            {
              lang: h.shadowRoot.querySelector(".ri").getAttribute("lang"),
              title: h.shadowRoot.querySelector(".ri-title").textContent.trim(),
              hero: h.shadowRoot.querySelector(".ri-hero-value")?.textContent ?? null,
            },
          ]),
        ),
      );
    const before = await state();
    assert.equal(before["widget-zh"].lang, "zh-CN");
    assert.equal(before["widget-en"].lang, "en");

    await inWidget(page, "#widget-zh", "[data-action=lang]").click();
    await waitHero(page, "16,317 yuan", "#widget-zh");
    let after = await state();
    assert.equal(after["widget-zh"].title, EN_TITLE);
    assert.deepEqual(after["widget-en"], before["widget-en"], "the en widget did not change");
    assert.deepEqual(after["widget-src"], before["widget-src"], "the src widget did not change");

    await inWidget(page, "#widget-en", "[data-action=lang]").click();
    await waitHero(page, "16317元", "#widget-en");
    after = await state();
    assert.equal(after["widget-en"].title, ZH_TITLE);
    assert.equal(after["widget-zh"].hero, "16,317 yuan", "the first widget stayed in English");
    assert.deepEqual(after["widget-src"], before["widget-src"], "the src widget did not change");

    await assertNoScriptOrIframe(page);
    p.assertClean("widgets.html");
  } finally {
    await p.close();
  }
});

test("prefers-reduced-motion: the hero shows its figure at once, no count-up", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installRecorder);
    await page.goto(site.url + "/widgets.html");
    await waitReady(page, "#widget-zh");
    await waitReady(page, "#widget-en");
    // Give a count-up (900 ms) time to show itself, if there were one.
    await page.waitForTimeout(1200);
    const seen = await page.evaluate(() =>
      ["widget-zh", "widget-en"].map((id) => {
        const h = document.getElementById(id);
        return { atReady: h.__riHeroAtReady, seen: h.__riHero };
      }),
    );
    assert.equal(seen[0].atReady, "16317元", "zh: the figure at the ready event");
    assert.deepEqual(seen[0].seen, ["16317元"], "zh: the hero never showed another number");
    assert.equal(seen[1].atReady, "16,317 yuan", "en: the figure at the ready event");
    assert.deepEqual(seen[1].seen, ["16,317 yuan"], "en: the hero never showed another number");
    p.assertClean("widgets.html, reduced motion");
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------

test("without JavaScript the article keeps a readable fallback inside the element", async () => {
  const html = fs.readFileSync(path.join(ROOT, "site", "index.html"), "utf8");
  assert.ok(
    !html.includes("<!--ri-fallback:zh-->"),
    "site/index.html still has the <!--ri-fallback:zh--> marker: scripts/build.sh does not inject dist/fallback.zh.html into the demo page yet",
  );
  const p = await newPage(site.browser, { width: 1024, height: 900, javaScriptEnabled: false });
  const { page } = p;
  try {
    await page.goto(site.url + "/");
    const host = page.locator("revitalization-infographic");
    assert.equal(await host.count(), 1);
    assert.equal(await host.evaluate((e) => e.shadowRoot), null, "nothing mounted without JavaScript");
    for (const s of ["16317元", "1.57亿元"]) {
      const hit = host.getByText(s).first();
      assert.ok((await hit.count()) > 0, `the fallback contains ${s}`);
      await hit.scrollIntoViewIfNeeded();
      assert.ok(await hit.isVisible(), `${s} is visible in the fallback`);
    }
    const fallback = await host.innerText();
    for (const s of ZH_TABS) assert.ok(fallback.includes(s), `the fallback has the section ${s}`);
    p.assertClean("index.html without JavaScript");
  } finally {
    await p.close();
  }
});
