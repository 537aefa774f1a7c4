// Issue 5, runtime faults on the page side: the element removed while the WebAssembly is still
// downloading, or while its dataset is loading, or in the middle of the count-up animation;
// destroy() called twice through the element API; update() called from inside `ready` and
// `select` handlers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage } from "./helpers.mjs";
import {
  useFaultySite,
  installGuards,
  assertNothingInjected,
  assertWidgetWorks,
  errorsOf,
  unexpected,
} from "./hostile-common.mjs";

const site = useFaultySite();
const PAGE_SCRIPTS = ["./dist/embed.js"];

/** The module's count of live listeners, observers and animation frames (all widgets). */
const live = (page) =>
  page.evaluate(async () => (await (await import("/dist/embed.js")).loadReader()).liveResources());

const ZERO = { listeners: 0, observers: 0, frames: 0 };
const times = (r, n) => ({ listeners: r.listeners * n, observers: r.observers * n, frames: r.frames * n });

test("removed while the .wasm downloads, and while its dataset loads: no error, nothing mounted, nothing leaked", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  const held = [];
  let release;
  const requested = new Promise((r) => (release = r));
  try {
    await page.addInitScript(installGuards);
    await page.route("**/*.wasm", (route) => {
      held.push(route);
      release();
    });
    await page.goto(site.url + "/hostile-load.html");
    await requested;
    // Still downloading: take #first out, and add (then remove) one whose dataset never comes.
    const aborted = page.waitForEvent("requestfailed", { predicate: (r) => r.url().includes("json-stall"), timeout: 5000 });
    await page.evaluate(() => {
      window.__first = document.querySelector("#first");
      window.__first.remove();
      const el = document.createElement("revitalization-infographic");
      el.id = "stalling";
      el.setAttribute("src", "/__fault/json-stall/data/education-health.json");
      document.querySelector("#intro").after(el);
      window.__stalling = el;
    });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__stalling.remove());
    await aborted; // the dataset request was cancelled with its element
    for (const r of held) await r.continue();
    await page.unroute("**/*.wasm");

    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await page.waitForTimeout(300);
    const gone = await page.evaluate(() =>
      [window.__first, window.__stalling].map((el) => ({
        shadow: el.shadowRoot !== null,
        state: el.dataset.state ?? null,
        handle: el.infographic,
      })),
    );
    assert.deepEqual(gone, [
      { shadow: false, state: null, handle: null },
      { shadow: false, state: null, handle: null },
    ]);
    assert.deepEqual(await page.evaluate(() => window.__riErrors), [], "no error event");
    const one = await live(page);
    assert.ok(one.listeners > 0 && one.observers > 0, `one widget holds listeners and observers: ${JSON.stringify(one)}`);

    // Put #first back: it mounts, and holds exactly one widget's worth.
    await page.evaluate(() => document.querySelector("#intro").after(window.__first));
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    assert.deepEqual(await live(page), times(one, 2));
    await page.evaluate(() => document.querySelector("#second").remove());
    assert.deepEqual(await live(page), one);
    await page.evaluate(() => document.querySelector("#first").remove());
    assert.deepEqual(await live(page), ZERO);

    assert.deepEqual(p.problems.pageErrors, []);
    assert.deepEqual(p.problems.dialogs, []);
    assert.deepEqual(unexpected(p.problems.consoleErrors, /Failed to load resource/), []);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

test("removed in the middle of the count-up: the animation frame is cancelled, no error", async () => {
  // Motion allowed: the hero counts up for 900 ms when first seen.
  const p = await newPage(site.browser, { width: 1024, height: 900 });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    await page.goto(site.url + "/hostile-load.html");
    await page.waitForSelector("#first[data-state=ready]", { state: "attached", timeout: 15000 });
    // Mid-animation: a frame is pending and the hero shows a number on its way up.
    await page.waitForFunction(
      () => {
        const t = document.querySelector("#first").shadowRoot.querySelector(".ri-hero-value")?.textContent;
        return t && t !== "0元" && t !== "16317元";
      },
      null,
      { timeout: 3000, polling: "raf" },
    );
    const during = await live(page);
    assert.ok(during.frames >= 1, `a frame is pending during the count-up: ${JSON.stringify(during)}`);
    await page.evaluate(() => document.querySelector("#first").remove());
    // The second widget moves up into view and starts its own count-up: wait for it to end.
    await page.waitForTimeout(1200);
    const one = await live(page);
    assert.deepEqual(one, { listeners: during.listeners / 2, observers: during.observers / 2, frames: 0 },
      "the removed widget left nothing behind, and no frame of its runs any more");
    assert.equal(await page.evaluate(() => document.querySelector("#first")), null);

    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    assert.deepEqual(await page.evaluate(() => window.__riErrors), []);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
    await page.evaluate(() => document.querySelector("#second").remove());
    assert.deepEqual(await live(page), ZERO);
    p.assertClean("hostile-load.html, removed mid-animation");
  } finally {
    await p.close();
  }
});

test("destroy() twice through the element API (and through the handle): no throw, fallback back, retry() remounts", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    await page.goto(site.url + "/hostile-load.html");
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    const two = await live(page);

    const result = await page.evaluate(() => {
      const el = document.querySelector("#first");
      const handle = el.infographic;
      handle.destroy();
      handle.destroy(); // the handle's own destroy, twice
      el.destroy();
      el.destroy(); // the element's, twice (frees the handle once)
      let afterDestroy = null;
      try {
        handle.update(undefined);
      } catch (e) {
        afterDestroy = e.code ?? e.message;
      }
      return {
        state: el.dataset.state,
        infographic: el.infographic,
        shadow: [...el.shadowRoot.childNodes].map((n) => n.nodeName),
        afterDestroy,
      };
    });
    assert.equal(result.state, "destroyed");
    assert.equal(result.infographic, null);
    assert.deepEqual(result.shadow, ["SLOT"], "an empty shadow root with a slot: the fallback shows again");
    assert.ok(result.afterDestroy, "a freed handle refuses politely");
    const fallback = page.locator("#first .ri-hero-value").first();
    assert.equal(await fallback.textContent(), "16317元");
    assert.ok(await fallback.isVisible(), "the fallback is visible again");
    const one = await live(page);
    assert.deepEqual(times(one, 2), two, "one widget's resources released");

    assert.equal(await page.evaluate(() => document.querySelector("#first").retry()), true);
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    assert.deepEqual(await live(page), two);
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    assert.deepEqual(await page.evaluate(() => window.__riErrors), []);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
    p.assertClean("hostile-load.html, destroy twice");
  } finally {
    await p.close();
  }
});

test("update() from inside a `ready` handler and a `select` handler works", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    // Registered before the widget mounts, as a page would.
    await page.addInitScript(() => {
      window.__log = [];
      window.__other = fetch("/data/education-health.json").then((r) => r.json());
      window.__other.then((d) => (window.__otherData = d));
      document.addEventListener("ready", (e) => {
        if (e.target.id !== "first") return;
        const el = e.target;
        window.__log.push(`ready: handle ${el.infographic ? "set" : "null"}`);
        if (!window.__updatedInReady) {
          window.__updatedInReady = true;
          try {
            el.infographic.update(window.__otherData);
            window.__log.push("update in ready: ok");
          } catch (err) {
            window.__log.push(`update in ready: ${err.code ?? err.message}`);
          }
        }
      });
    });
    // The other dataset is in hand before #first mounts.
    await page.goto(site.url + "/hostile-load.html");
    await page.waitForFunction(() => window.__otherData !== undefined);
    await page.waitForFunction(() => window.__log.includes("update in ready: ok"), null, { timeout: 15000 });
    const title = () => page.locator("#first .ri-frame .ri-title").textContent();
    // An object on the reader's module's graphic goes to the full module, which loads first
    // if no widget needed it yet: the update shows once it has (the call itself returned).
    await page.waitForFunction(() => window.__log.length === 3, null, { timeout: 15000 });
    assert.equal(await title(), "西安乡村振兴：教育与医疗帮扶", "the update from the ready handler shows");
    // The update's own `ready` fires after update() has returned (events come once the call
    // that caused them is over), so it follows "ok".
    assert.deepEqual(await page.evaluate(() => window.__log), [
      "ready: handle set",
      "update in ready: ok",
      "ready: handle set",
    ]);

    // select: choosing a figure swaps the dataset back from inside the handler.
    await page.evaluate(() => {
      window.__selected = [];
      const el = document.querySelector("#first");
      el.addEventListener("select", (e) => {
        window.__selected.push(e.detail.id);
        try {
          el.infographic.update(undefined);
          window.__selected.push("update in select: ok");
        } catch (err) {
          window.__selected.push(`update in select: ${err.code ?? err.message}`);
        }
      });
    });
    await page.locator("#first .ri-frame [data-figure]").first().click();
    await page.waitForFunction(() => window.__selected.length >= 2, null, { timeout: 5000 });
    const selected = await page.evaluate(() => window.__selected);
    assert.equal(selected[1], "update in select: ok", JSON.stringify(selected));
    assert.equal(await title(), "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感");
    assert.equal(await page.locator("#first").getAttribute("data-state"), "ready");
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    // And the module stays usable: the tabs still answer.
    await page.locator('#first .ri-frame [role=tab][data-tab="3"]').click();
    assert.equal(await page.locator('#first .ri-frame [role=tab][data-tab="3"]').getAttribute("aria-selected"), "true");

    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    assert.deepEqual(await errorsOf(page, "first"), []);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
    p.assertClean("hostile-load.html, update from handlers");
  } finally {
    await p.close();
  }
});
