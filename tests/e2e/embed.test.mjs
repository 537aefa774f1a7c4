// The embed's promises: one WebAssembly load for many widgets and repeated script tags,
// elements added later, the fallback kept when WebAssembly cannot load, and print.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, newPage } from "./helpers.mjs";

const site = useSite();

const allReady = (page, n) =>
  page.waitForFunction(
    (n) => {
      const els = [...document.querySelectorAll("revitalization-infographic")];
      return els.length === n && els.every((e) => e.dataset.state === "ready");
    },
    n,
    { timeout: 15000 },
  );

test("the script tag twice: one definition, one WebAssembly download, every widget ready", async () => {
  const p = await newPage(site.browser, { width: 1280, height: 2400, reducedMotion: "reduce" });
  const wasm = [];
  p.page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await p.page.goto(site.url + "/widgets.html");
  await allReady(p.page, 3);
  assert.equal(wasm.length, 1, `wasm requested ${wasm.length} times: ${wasm.join(", ")}`);
  const scripts = await p.page.locator('script[src*="embed.js"]').count();
  assert.equal(scripts, 3, "the page does include the tag three times");

  // An element added after load mounts too, in its own language.
  await p.page.evaluate(() => {
    const el = document.createElement("revitalization-infographic");
    el.id = "late";
    el.setAttribute("lang", "en");
    document.querySelector("main").append(el);
    el.scrollIntoView();
  });
  await allReady(p.page, 4);
  const late = await p.page.locator("#late .ri-frame .ri-hero-value").textContent();
  assert.equal(late, "16,317 yuan");
  assert.equal(wasm.length, 1, "the late widget reused the instance");
  p.assertClean("widgets page");
  await p.close();
});

test("WebAssembly that cannot load leaves the fallback and fires error", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900 });
  await p.page.route("**/*.wasm", (route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" }),
  );
  await p.page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("error", (e) => window.__errors.push(e.detail), true);
  });
  await p.page.goto(site.url + "/");
  await p.page.waitForFunction(
    () => document.querySelector("revitalization-infographic")?.dataset.state === "error",
    null,
    { timeout: 15000 },
  );
  const el = p.page.locator("revitalization-infographic");
  assert.equal(await el.evaluate((e) => e.shadowRoot), null, "no shadow root hides the fallback");
  const fallback = el.locator(".ri-hero-value");
  assert.equal(await fallback.textContent(), "16317元");
  assert.ok(await fallback.isVisible(), "the fallback stays visible");
  const errors = await p.page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1);
  assert.ok(errors[0].message.length > 0, "the error says why");
  // The rest of the page is untouched.
  assert.ok(await p.page.getByText("建机制、谋规划 推动乡村高质量振兴").isVisible());
  assert.deepEqual(p.problems.pageErrors, []);
  assert.deepEqual(p.problems.dialogs, []);
  await p.close();
});

test("print shows every section and no controls", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  await p.page.goto(site.url + "/");
  await allReady(p.page, 1);
  await p.page.emulateMedia({ media: "print" });
  const frame = p.page.locator("revitalization-infographic .ri-frame");
  const visible = async (sel) =>
    frame.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(await visible(".ri-controls"), 0);
  assert.equal(await visible("[role=tablist]"), 0);
  assert.equal(await visible("[role=tabpanel]"), 6, "all six sections print");
  const text = await frame.textContent();
  for (const s of ["1.57亿元", "122837名", "8419.39万元", "358支"]) assert.ok(text.includes(s), s);
  p.assertClean("print");
  await p.close();
});

// docs/embedding.md: a graphic in the article's first screen may carry two hints in the
// page's head, so the largest download starts while the page is parsed rather than after
// embed.js has arrived and run. A hint whose request does not match embed.js's own (its
// mode, its credentials) is fetched twice and warned about: both are checked here.
test("preload hints: the .wasm and the glue fetched once each, from the hints, with no warning", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const fetched = [];
  const warnings = [];
  p.page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  p.page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
  });
  const html = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>preload</title>
<link rel="preload" href="./dist/revitalization_infographic_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="modulepreload" href="./dist/revitalization_infographic.js">
<script type="module" src="./dist/embed.js"></script>
</head><body><main><revitalization-infographic lang="zh"></revitalization-infographic></main></body></html>`;
  await p.page.route(site.url + "/preload-test.html", (r) => r.fulfill({ contentType: "text/html", body: html }));
  await p.page.goto(site.url + "/preload-test.html");
  await allReady(p.page, 1);
  assert.equal(await p.page.locator("revitalization-infographic .ri-frame .ri-hero-value").textContent(), "16317元");
  // Chromium reports an unused preload a few seconds after the load event.
  await p.page.waitForTimeout(3500);
  const count = (name) => fetched.filter((u) => u.endsWith(name)).length;
  assert.equal(count("/revitalization_infographic_bg.wasm"), 1, `requests: ${fetched.join(", ")}`);
  assert.equal(count("/revitalization_infographic.js"), 1, `requests: ${fetched.join(", ")}`);
  assert.deepEqual(warnings, [], "no console warning (an unused preload is one)");
  p.assertClean("a page with preload hints");
  await p.close();
});
