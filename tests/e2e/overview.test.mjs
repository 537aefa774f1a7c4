// A bar chart of more figures than labelled rows can show (here 1,000) is drawn as an overview:
// one focusable chart whose columns the keyboard and the pointer read one by one. Checked in a
// real page with real key presses and pointer moves, and with axe-core; a screenshot goes to
// test-results/screenshots/ for a human to look at.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, newPage, runAxe, formatViolations, ROOT } from "./helpers.mjs";

const site = useSite();
const SHOTS = path.join(ROOT, "test-results", "screenshots");

/** Mounts a widget with `n` grouped counts, from the dataset's JSON text, below the page's own. */
async function mountOverview(page, n, lang) {
  return page.evaluate(
    async ({ n, lang }) => {
      const story = (await (await fetch("/data/education-health.json")).json()).story;
      delete story.hero;
      const figures = [];
      for (let k = 1; k <= n; k++) {
        figures.push({
          id: `f${k}`,
          label: { zh: `第${k}项`, en: `Item ${k}` },
          value: ((k * 7919) % 1000) + 1,
          kind: "count",
          unit: { zh: "个", en: "items" },
          source: `第${k}项。`,
          group: "all",
        });
      }
      const text = JSON.stringify({
        schema: 1,
        story,
        sections: [{ id: "big", title: { zh: "大量数据", en: "Many figures" }, figures }],
      });
      const m = await (await import("/dist/embed.js")).load();
      const host = document.createElement("div");
      host.id = "overview-host";
      host.style.width = "720px";
      document.body.prepend(host);
      window.__overview = m.render(host, text, { lang, animate: false });
      return host.getAttribute("data-state");
    },
    { n, lang },
  );
}

test("an overview of 1,000 figures: keys, pointer, language, axe", async () => {
  const { page, assertClean, close } = await newPage(site.browser, { width: 1024, height: 900 });
  try {
    await page.goto(`${site.url}/widgets.html`);
    await page.waitForFunction(() => document.querySelector("revitalization-infographic")?.getAttribute("data-state") === "ready");
    assert.equal(await mountOverview(page, 1000, "en"), "ready");
    const host = page.locator("#overview-host");
    const chart = host.locator("[data-overview]");
    assert.equal(await chart.count(), 1);
    const nodes = await page.evaluate(() => document.getElementById("overview-host").shadowRoot.querySelectorAll("*").length);
    assert.ok(nodes < 150, `the overview keeps the DOM small: ${nodes} elements for 1,000 figures`);
    assert.match(await chart.getAttribute("aria-label"), /1,000 figures/);

    const tipTitle = () => page.evaluate(() => {
      const root = document.getElementById("overview-host").shadowRoot;
      const tip = root.querySelector(".ri-tooltip");
      return tip.hidden ? null : root.querySelector(".ri-tip-title")?.textContent ?? null;
    });
    const announced = () => page.evaluate(() => document.getElementById("overview-host").shadowRoot.querySelector("[data-role=live]").textContent);

    // Keyboard: Tab reaches the chart, arrows read figure by figure.
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await tipTitle(), "Item 1");
    assert.match(await announced(), /^Item 1: /);
    await page.keyboard.press("ArrowRight");
    assert.equal(await tipTitle(), "Item 2");
    await page.keyboard.press("PageDown");
    assert.equal(await tipTitle(), "Item 102");
    await page.keyboard.press("End");
    assert.equal(await tipTitle(), "Item 1000");
    await page.keyboard.press("Escape");
    assert.equal(await tipTitle(), null);

    // Pointer: the middle of the plot is about the middle figure.
    const box = await chart.boundingBox();
    const plot = await page.evaluate(() => {
      const root = document.getElementById("overview-host").shadowRoot;
      const grid = root.querySelector("[data-overview] .ri-axis line");
      return { x1: +grid.getAttribute("x1"), x2: +grid.getAttribute("x2") };
    });
    await page.mouse.move(box.x + (plot.x1 + plot.x2) / 2, box.y + box.height / 2);
    const middle = await tipTitle();
    assert.ok(middle, "hovering the plot shows a tooltip");
    const k = Number(middle.replace("Item ", ""));
    assert.ok(Math.abs(k - 500) <= 3, `the middle of the plot reads item ${k}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await host.screenshot({ path: path.join(SHOTS, "overview-1000-en.png") });

    // The language switch keeps the chart and takes the pick away.
    await page.evaluate(() => window.__overview.setLanguage("zh"));
    assert.match(await chart.getAttribute("aria-label"), /共1000项/);
    assert.equal(await page.evaluate(() => document.getElementById("overview-host").shadowRoot.querySelector(".ri-cursor").getAttribute("width")), "0");
    await page.mouse.move(0, 0);

    const violations = await runAxe(page, { context: "#overview-host" });
    assert.deepEqual(violations, [], formatViolations(violations));
    assertClean("the overview page");
  } finally {
    await close();
  }
});
