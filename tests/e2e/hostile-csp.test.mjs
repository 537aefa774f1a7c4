// Issue 5, hostile pages: a strict Content-Security-Policy with Trusted Types (the widget
// works, with zero violations), and one that forbids WebAssembly (the fallback stays, the
// reason is shown, `error` fires with code "wasm-blocked").
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { newPage } from "./helpers.mjs";
import { STRICT_CSP, CSP_PAGES } from "../../scripts/serve.mjs";
import {
  useFaultySite,
  installGuards,
  assertNothingInjected,
  assertWidgetWorks,
  assertInWords,
  noticeOf,
  errorsOf,
  unexpected,
} from "./hostile-common.mjs";

const site = useFaultySite();
const PAGE_SCRIPTS = ["./dist/embed.js"];

test("strict CSP + Trusted Types: ready, tooltip, language switch, CSV download, zero violations", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    const response = await page.goto(site.url + "/csp-strict.html");
    assert.equal(
      response.headers()["content-security-policy"],
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'",
    );
    assert.equal(STRICT_CSP, CSP_PAGES["csp-strict.html"]);

    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    const W = "#first .ri-frame";

    // Tooltip: positioned through the CSSOM (allowed), filled with text nodes (no TT sink).
    await page.locator(`${W} [role=tab][data-tab="3"]`).click();
    const bar = page.locator(`${W} svg.ri-chart g.ri-bar-row[data-figure="compensation-amount"]`);
    await bar.hover();
    const tip = page.locator(`${W} .ri-tooltip`);
    await tip.waitFor({ state: "visible", timeout: 3000 });
    const tipText = await tip.innerText();
    assert.ok(tipText.includes("1.57亿元") && tipText.includes("累计补偿13511人次1.57亿元"), tipText);
    const placed = await tip.evaluate((t) => ({ left: t.style.left, top: t.style.top }));
    assert.match(placed.left, /^\d+px$/, "the tooltip was placed (CSSOM style writes work under style-src 'self')");
    await page.mouse.move(1, 1);

    // Language switch.
    await page.locator(`${W} [data-action=lang]`).click();
    await page.waitForFunction(
      () => document.querySelector("#first").shadowRoot.querySelector(".ri-hero-value")?.textContent === "16,317 yuan",
      null,
      { timeout: 3000 },
    );

    // CSV download (a blob: URL on a download link).
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 5000 }),
      page.locator(`${W} .ri-controls [data-action=csv]`).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = fs.readFileSync(await download.path(), "utf8");
    assert.ok(csv.includes("16317"), "the CSV has the figures");

    // The second widget on the page.
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });

    const violations = await page.evaluate(() => window.__riViolations);
    assert.deepEqual(violations, [], "zero securitypolicyviolation events");
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
    p.assertClean("csp-strict.html");

    // The policy really is enforced: an HTML string sink throws and is reported.
    const probe = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return "allowed";
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(probe, "TypeError", "Trusted Types block innerHTML on this page");
    await page.waitForFunction(() => window.__riViolations.length > 0, null, { timeout: 3000 });
    const after = await page.evaluate(() => window.__riViolations);
    assert.equal(after.length, 1);
    assert.match(after[0], /require-trusted-types-for/);
  } finally {
    await p.close();
  }
});

test("CSP without 'wasm-unsafe-eval': fallback kept, reason shown, error code wasm-blocked", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    const wasmRequests = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasmRequests.push(r.url()));
    const response = await page.goto(site.url + "/csp-no-wasm.html");
    assert.equal(
      response.headers()["content-security-policy"],
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
    // Each widget tries when it nears the viewport: the second one, further down, too.
    for (const sel of ["#first", "#second"]) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${sel}[data-state=error]`, { state: "attached", timeout: 15000 });
    }
    // One compilation was refused; the second widget was told without asking again.
    assert.equal(wasmRequests.length, 1, `the .wasm was fetched once: ${wasmRequests.join(", ")}`);
    for (const [id, hero, lead] of [
      ["first", "16317元", "互动图表无法显示"],
      ["second", "16,317 yuan", "The interactive graphic could not be shown"],
    ]) {
      const el = page.locator(`#${id}`);
      assert.equal(await el.evaluate((e) => e.shadowRoot), null, `#${id}: no shadow root hides the fallback`);
      const fallbackHero = el.locator(".ri-hero-value");
      assert.equal(await fallbackHero.textContent(), hero, `#${id}: the fallback is intact`);
      await fallbackHero.scrollIntoViewIfNeeded();
      assert.ok(await fallbackHero.isVisible(), `#${id}: the fallback is visible`);

      const notice = await noticeOf(page, `#${id}`);
      assert.ok(notice, `#${id}: a notice says why`);
      assert.equal(notice.role, "status");
      assert.equal(notice.inShadow, false);
      assert.ok(notice.visible, `#${id}: the notice is visible`);
      assert.ok(notice.fontSize >= 12, `#${id}: readable size`);
      assert.ok(notice.text.startsWith(lead), `#${id}: ${notice.text}`);
      assert.match(notice.text, /Content-Security-Policy/);
      assert.match(notice.text, /'wasm-unsafe-eval'/);
      assert.equal(notice.code, "wasm-blocked");

      const events = await errorsOf(page, id);
      assert.equal(events.length, 1, `#${id}: one error event`);
      assert.equal(events[0].code, "wasm-blocked");
      assertInWords(events[0].message);
    }
    // Only the refused compilation was reported, as the policy's own violation.
    const violations = await page.evaluate(() => window.__riViolations);
    assert.ok(violations.length >= 1, "the browser reported the refused compilation");
    for (const v of violations) assert.match(v, /script-src.* blocked wasm-eval/);
    assert.deepEqual(unexpected(p.problems.consoleErrors, /Content Security Policy|wasm-eval|WebAssembly/i), []);
    assert.deepEqual(p.problems.pageErrors, []);
    assert.deepEqual(p.problems.dialogs, []);
    assert.ok(await page.locator("#after").isVisible(), "the rest of the page is there");
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});
