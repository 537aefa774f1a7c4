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
