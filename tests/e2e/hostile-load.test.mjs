// Issue 5, broken networks: the .wasm answering 404 or something that is not WebAssembly,
// the wrong MIME type, a network that never answers, no WebAssembly at all, the glue script
// missing; the dataset (src) answering an error, invalid JSON, more than 5 MB, nothing; a
// load that failed mounting once the cause is fixed; the script twice with 20 widgets
// starting at once. Faults come from the test server's /__fault/NAME/ URLs
// (scripts/serve.mjs, FAULTS) or from page.route where a test must lift the fault.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, serve } from "./helpers.mjs";
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
const DATA = "/data/education-health.json";
// The 404s and aborted requests a test provokes on purpose show in the console as such.
const EXPECTED_CONSOLE = [/Failed to load resource/, /net::ERR_/];

async function open({ path = "/hostile-load.html", timeoutMs = null, init = null, route = null } = {}) {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  await p.page.addInitScript(installGuards);
  if (timeoutMs) {
    await p.page.addInitScript((ms) => {
      window.REVITALIZATION_INFOGRAPHIC_TIMEOUT_MS = ms;
    }, timeoutMs);
  }
  if (init) await p.page.addInitScript(init);
  if (route) await route(p.page);
  await p.page.goto(site.url + path);
  return p;
}

const stateOf = (page, sel) => page.locator(sel).getAttribute("data-state");

/** The page's own text, and the page's scripts still running. */
async function assertPageIntact(p) {
  assert.ok(await p.page.locator("#page-title").isVisible(), "the page's heading is there");
  assert.ok(await p.page.locator("#intro").isVisible(), "the page's text is there");
  assert.equal(await p.page.evaluate(() => 6 * 7), 42, "the page's scripts still run");
  assert.deepEqual(p.problems.pageErrors, [], "no uncaught error");
  assert.deepEqual(p.problems.dialogs, [], "no dialog");
  assert.deepEqual(unexpected(p.problems.consoleErrors, ...EXPECTED_CONSOLE), [], "no other console error");
}

/**
 * A WebAssembly load that fails: both widgets keep their fallback and show the reason (the
 * module is shared, so the second widget cannot work either), `error` fires with `code`.
 */
async function assertWasmFailure(p, { code, pattern }) {
  const { page } = p;
  for (const [id, hero] of [
    ["first", "16317元"],
    ["second", "16,317 yuan"],
  ]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-state=error]`, { state: "attached", timeout: 15000 });
    assert.equal(await page.locator(`#${id}`).evaluate((e) => e.shadowRoot), null, `#${id}: fallback not hidden`);
    const fb = page.locator(`#${id} .ri-hero-value`);
    assert.equal(await fb.textContent(), hero, `#${id}: the fallback is intact`);
    assert.ok(await fb.isVisible(), `#${id}: the fallback is visible`);
    const notice = await noticeOf(page, `#${id}`);
    assert.ok(notice?.visible, `#${id}: a visible notice says why`);
    assert.equal(notice.code, code);
    assert.match(notice.text, pattern);
    assertInWords(notice.text, `#${id}'s notice`);
    const events = await errorsOf(page, id);
    assert.equal(events.length, 1, `#${id}: one error event`);
    assert.equal(events[0].code, code);
    assert.match(events[0].message, pattern);
    assertInWords(events[0].message);
  }
  await assertPageIntact(p);
  await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
}

// ---------------------------------------------------------------------------------------
// The WebAssembly file.

test("wasm answers 404 with an HTML page: 'answered HTTP 404', fallback kept", async () => {
  const p = await open({ path: "/__fault/wasm-404/hostile-load.html" });
  try {
    await assertWasmFailure(p, {
      code: "wasm-fetch-failed",
      pattern: /the WebAssembly file at http:\/\/\S+\/reader_bg\.wasm answered HTTP 404 \(Not Found\)/,
    });
  } finally {
    await p.close();
  }
});

test("wasm URL answers 200 with an HTML page (text/html): 'is not a WebAssembly file (it starts with …)'", async () => {
  const p = await open({ path: "/__fault/wasm-html/hostile-load.html" });
  try {
    await assertWasmFailure(p, {
      code: "wasm-invalid",
      pattern: /is not a WebAssembly file \(it starts with "<!doctype html> <html>/,
    });
  } finally {
    await p.close();
  }
});

test("wasm URL answers an HTML page labelled application/wasm: same words, no 'magic word'", async () => {
  const p = await open({ path: "/__fault/wasm-garbage/hostile-load.html" });
  try {
    await assertWasmFailure(p, { code: "wasm-invalid", pattern: /is not a WebAssembly file \(it starts with "<!doctype/ });
  } finally {
    await p.close();
  }
});

test("wasm cut off halfway: 'could not be compiled: it is incomplete or damaged'", async () => {
  const p = await open({ path: "/__fault/wasm-truncated/hostile-load.html" });
  try {
    await assertWasmFailure(p, { code: "wasm-invalid", pattern: /could not be compiled: it is incomplete or damaged/ });
  } finally {
    await p.close();
  }
});

test("wasm served as text/plain: the glue falls back to ArrayBuffer and the widgets work", async () => {
  const p = await open({ path: "/__fault/wasm-mime/hostile-load.html" });
  const warnings = [];
  p.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  try {
    await assertWidgetWorks(p.page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(p.page, "#second", { hero: ["16,317 yuan"] });
    assert.deepEqual(await p.page.evaluate(() => window.__riErrors), [], "no error event");
    assert.ok(
      warnings.some((w) => /does not serve Wasm with `application\/wasm`/.test(w)),
      "the console tells the developer the server's MIME type is wrong",
    );
    await assertNothingInjected(p.page, { pageScripts: PAGE_SCRIPTS });
    p.assertClean("hostile-load.html with the wasm as text/plain");
  } finally {
    await p.close();
  }
});

test("wasm never answers: a timeout (REVITALIZATION_INFOGRAPHIC_TIMEOUT_MS) with a message", async () => {
  const p = await open({ path: "/__fault/wasm-stall/hostile-load.html", timeoutMs: 1500 });
  try {
    const started = Date.now();
    await assertWasmFailure(p, {
      code: "wasm-timeout",
      pattern: /the WebAssembly file at \S+ did not load within 1\.5 s/,
    });
    assert.ok(Date.now() - started < 8000, "the timeout came on time");
  } finally {
    await p.close();
  }
});

test("the glue script answers 404: code glue-failed, fallback kept", async () => {
  const p = await open({ path: "/__fault/glue-404/hostile-load.html" });
  try {
    await assertWasmFailure(p, {
      code: "glue-failed",
      pattern: /the script \S+\/reader\.js could not be loaded/,
    });
  } finally {
    await p.close();
  }
});

test("no WebAssembly in the browser: fallback kept, code wasm-unsupported", async () => {
  const p = await open({ init: () => delete window.WebAssembly });
  try {
    await assertWasmFailure(p, { code: "wasm-unsupported", pattern: /this browser cannot run WebAssembly/ });
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------
// Usable again once the cause is fixed.

test("retry: wasm 404, then the server is fixed: el.retry() mounts, the second widget mounts too", async () => {
  const p = await open({
    route: (page) =>
      page.route("**/*.wasm", (r) => r.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" })),
  });
  const { page } = p;
  try {
    await page.waitForSelector("#first[data-state=error]", { state: "attached", timeout: 15000 });
    await page.unroute("**/*.wasm");
    const ok = await page.evaluate(() => document.querySelector("#first").retry());
    assert.equal(ok, true, "retry() resolves to true");
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    assert.equal(await noticeOf(page, "#first"), null, "the notice is gone");
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    assert.deepEqual((await errorsOf(page, "first")).map((e) => e.code), ["wasm-fetch-failed"]);
    assert.deepEqual(await errorsOf(page, "second"), [], "the second widget only ever saw the fixed server");
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

test("retry: wasm stalls past the timeout, then the network is back: re-adding the element mounts it", async () => {
  const held = [];
  const p = await open({
    timeoutMs: 1000,
    route: (page) => page.route("**/*.wasm", (r) => held.push(r)),
  });
  const { page } = p;
  try {
    await page.waitForSelector("#first[data-state=error]", { state: "attached", timeout: 15000 });
    const [event] = await errorsOf(page, "first");
    assert.equal(event.code, "wasm-timeout");
    assert.match(event.message, /did not load within 1 s/);
    await page.unroute("**/*.wasm");
    for (const r of held) await r.abort().catch(() => {});
    await page.evaluate(() => {
      const el = document.querySelector("#first");
      const parent = el.parentNode;
      const next = el.nextSibling;
      el.remove();
      parent.insertBefore(el, next);
    });
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

test("retry: the glue script 404s, then comes back: retry() loads it (a failed import is not cached)", async () => {
  const p = await open({
    route: (page) =>
      page.route("**/reader.js", (r) => r.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" })),
  });
  const { page } = p;
  try {
    await page.waitForSelector("#first[data-state=error]", { state: "attached", timeout: 15000 });
    assert.equal((await errorsOf(page, "first"))[0].code, "glue-failed");
    await page.unroute("**/reader.js");
    assert.equal(await page.evaluate(() => document.querySelector("#first").retry()), true);
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------
// The dataset (src).

/**
 * Adds <revitalization-infographic id="bad" lang="en" src=…> (with a fallback paragraph) near
 * the top of the page and waits for it to fail; checks what the reader and the page see;
 * then sets a good src and checks it mounts; and that the second widget worked throughout.
 */
async function datasetCase({ src, code, pattern, timeout = null, route = null }) {
  const p = await open({ route });
  const { page } = p;
  try {
    await page.evaluate(
      ({ src, timeout }) => {
        const el = document.createElement("revitalization-infographic");
        el.id = "bad";
        el.setAttribute("lang", "en");
        if (timeout) el.setAttribute("data-timeout", String(timeout));
        el.setAttribute("src", src);
        const fb = document.createElement("p");
        fb.className = "fb";
        fb.textContent = "Fallback: schools and health care in Xi'an, 2022.";
        el.append(fb);
        document.querySelector("#intro").after(el);
      },
      { src, timeout },
    );
    await page.waitForSelector("#bad[data-state=error]", { state: "attached", timeout: 15000 });
    assert.ok(await page.locator("#bad .fb").isVisible(), "the fallback stays");
    const notice = await noticeOf(page, "#bad");
    assert.ok(notice?.visible, "a visible notice says why");
    assert.equal(notice.code, code);
    assert.match(notice.text, pattern);
    assert.ok(notice.text.startsWith("The interactive graphic could not be shown: "), notice.text);
    assertInWords(notice.text, "the notice");
    const events = await errorsOf(page, "bad");
    assert.equal(events.length, 1, `one error event: ${JSON.stringify(events)}`);
    assert.equal(events[0].code, code);
    assert.match(events[0].message, pattern);
    assertInWords(events[0].message);

    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });

    // Fixed: a good src mounts the widget.
    if (route) await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.locator("#bad").evaluate((el) => el.setAttribute("src", "data/education-health.json"));
    await page.waitForSelector("#bad[data-state=ready]", { state: "attached", timeout: 15000 });
    const text = await page.locator("#bad .ri-frame .ri").innerText();
    assert.ok(text.includes("105,000 places"), "the fixed dataset shows");
    assert.equal(await noticeOf(page, "#bad"), null, "the notice is gone");
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
    return p;
  } finally {
    await p.close();
  }
}

test("dataset answers 404: code dataset-fetch-failed, 'answered HTTP 404'", () =>
  datasetCase({
    src: `/__fault/json-404${DATA}`,
    code: "dataset-fetch-failed",
    pattern: /the dataset at \/__fault\/json-404\/data\/education-health\.json answered HTTP 404 \(Not Found\)/,
  }));

test("dataset answers 500: code dataset-fetch-failed, 'answered HTTP 500'", () =>
  datasetCase({ src: `/__fault/json-500${DATA}`, code: "dataset-fetch-failed", pattern: /answered HTTP 500/ }));

test("dataset is cut off (invalid JSON): code dataset-invalid-json, 'stops in the middle'", () =>
  datasetCase({
    src: `/__fault/json-invalid${DATA}`,
    code: "dataset-invalid-json",
    pattern: /is not valid JSON: it stops in the middle \(the file is cut off\)/,
  }));

test("dataset URL answers an HTML page: code dataset-invalid-json, 'it starts with …'", () =>
  datasetCase({
    src: `/__fault/json-html${DATA}`,
    code: "dataset-invalid-json",
    pattern: /is not valid JSON: it starts with "<!doctype html> <html>/,
  }));

test("dataset with a syntax error inside: code dataset-invalid-json, line and column", () =>
  datasetCase({
    src: "/bad-syntax.json",
    code: "dataset-invalid-json",
    pattern: /is not valid JSON: something is wrong at line 3, column \d+/,
    route: (page) =>
      page.route("**/bad-syntax.json", (r) =>
        r.fulfill({ status: 200, contentType: "application/json", body: '{\n  "schema": 1,\n  "story": {,}\n}\n' }),
      ),
  }));

test("dataset over 5 MB, streamed with no Content-Length: code dataset-too-large, reading stops", () =>
  datasetCase({ src: `/__fault/json-huge${DATA}`, code: "dataset-too-large", pattern: /larger than the 5 MB a dataset may have/ }));

test("dataset declaring 6 MB: code dataset-too-large before reading it", () =>
  datasetCase({
    src: `/__fault/json-huge-declared${DATA}`,
    code: "dataset-too-large",
    pattern: /is 6\.0 MB — larger than the 5 MB a dataset may have/,
  }));

test("dataset never answers: code dataset-timeout after data-timeout ms", () =>
  datasetCase({
    src: `/__fault/json-stall${DATA}`,
    timeout: 800,
    code: "dataset-timeout",
    pattern: /the dataset at \S+ did not arrive within 0\.8 s/,
  }));

test("dataset is JSON of the wrong shape: the module's error panel, code invalid-dataset, message in words", async () => {
  const p = await open({
    route: (page) =>
      page.route("**/wrong-shape.json", (r) =>
        r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ schema: 1, story: 5 }) }),
      ),
  });
  const { page } = p;
  try {
    await page.evaluate(() => {
      const el = document.createElement("revitalization-infographic");
      el.id = "bad";
      el.setAttribute("lang", "en");
      el.setAttribute("src", "wrong-shape.json");
      document.querySelector("#intro").after(el);
    });
    await page.waitForSelector("#bad[data-state=error]", { state: "attached", timeout: 15000 });
    const panel = page.locator("#bad .ri-frame [role=alert]");
    assert.ok(await panel.isVisible(), "the module's error panel shows in the widget");
    assert.match(await panel.innerText(), /story/);
    const events = await errorsOf(page, "bad");
    assert.equal(events.length, 1);
    assert.equal(events[0].code, "invalid-dataset");
    assert.ok(Array.isArray(events[0].errors) && events[0].errors.length > 0, "errors with paths");
    assert.match(events[0].message, /^invalid dataset: story: must be an object/);
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await page.locator("#bad").evaluate((el) => el.setAttribute("src", "data/education-health.json"));
    await page.waitForSelector("#bad[data-state=ready]", { state: "attached", timeout: 15000 });
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

test("a mounted widget's src changed to a 404: the last graphic stays, the reason shows inside, a good src clears it", async () => {
  const p = await open();
  const { page } = p;
  try {
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await page.locator("#second").evaluate((el) => el.setAttribute("src", `/__fault/json-404/data/education-health.json`));
    await page.waitForSelector("#second[data-state=error]", { state: "attached", timeout: 15000 });
    const notice = await noticeOf(page, "#second");
    assert.ok(notice?.visible && notice.inShadow, "the notice shows inside the widget");
    assert.match(notice.text, /answered HTTP 404/);
    assert.equal(
      await page.locator("#second .ri-frame .ri-hero-value").textContent(),
      "16,317 yuan",
      "the last good graphic stays",
    );
    assert.equal((await errorsOf(page, "second"))[0].code, "dataset-fetch-failed");
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });

    await page.locator("#second").evaluate((el) => el.setAttribute("src", "data/education-health.json"));
    await page.waitForFunction(
      () => document.querySelector("#second").shadowRoot.querySelector(".ri-title")?.textContent.includes("schools"),
      null,
      { timeout: 10000 },
    );
    assert.equal(await stateOf(page, "#second"), "ready");
    assert.equal(await noticeOf(page, "#second"), null, "the notice is gone");
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------
// Many at once.

test("the script three times and 20 widgets starting in the same moment: one download, all ready", async () => {
  const p = await newPage(site.browser, { width: 1280, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  const requests = [];
  page.on("request", (r) => /\.(wasm|js)(\?|$)/.test(r.url()) && requests.push(new URL(r.url()).pathname));
  try {
    await page.addInitScript(installGuards);
    // Twenty elements, added while the page parses, before any module has run.
    await page.addInitScript(() =>
      document.addEventListener("DOMContentLoaded", () => {
        const grid = document.createElement("div");
        grid.id = "grid";
        grid.style.display = "grid";
        grid.style.gridTemplateColumns = "repeat(4, 1fr)";
        grid.style.gap = "8px";
        for (let i = 0; i < 20; i++) {
          const el = document.createElement("revitalization-infographic");
          el.id = `w${i}`;
          el.setAttribute("lang", i % 2 ? "en" : "zh");
          el.style.setProperty("--ri-reserve-height", "40px");
          grid.append(el);
        }
        document.querySelector("main").prepend(grid);
      }),
    );
    await page.goto(site.url + "/widgets.html");
    assert.equal(await page.locator('script[src*="embed.js"]').count(), 3);
    await page.waitForFunction(
      () => [...document.querySelectorAll("#grid > revitalization-infographic")].every((e) => e.dataset.state === "ready"),
      null,
      { timeout: 20000 },
    );
    const heroes = await page.evaluate(() =>
      [...document.querySelectorAll("#grid > revitalization-infographic")].map(
        (e) => e.shadowRoot.querySelector(".ri-hero-value").textContent,
      ),
    );
    assert.deepEqual(heroes, Array.from({ length: 20 }, (_, i) => (i % 2 ? "16,317 yuan" : "16317元")));
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll("revitalization-infographic")].flatMap((h) =>
        h.shadowRoot ? [...h.shadowRoot.querySelectorAll("[id]")].map((e) => e.id) : [],
      ),
    );
    assert.equal(new Set(ids).size, ids.length, "element ids stay unique across 20 widgets");
    await assertWidgetWorks(page, "#widget-en", { hero: ["16,317 yuan"] });
    assert.equal(requests.filter((u) => u.endsWith(".wasm")).length, 1, "one WebAssembly download");
    assert.equal(requests.filter((u) => u.endsWith("/reader.js")).length, 1, "one glue download");
    assert.equal(
      await page.evaluate(() => window.__riReady.filter((e) => /^w\d+$/.test(e.id)).length),
      20,
      "one ready event a widget",
    );
    await assertNothingInjected(page, {
      pageScripts: ["./dist/embed.js", "./dist/embed.js", "./dist/embed.js?copy=2"],
    });
    p.assertClean("widgets.html with 20 more widgets");
  } finally {
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------

test("the /__fault/ URLs exist only on a server started with faults: true", async () => {
  const plain = await serve();
  try {
    for (const url of ["/__fault/wasm-404/hostile-load.html", "/__fault/wasm-404/dist/revitalization_infographic_bg.wasm"]) {
      const res = await fetch(plain.url + url);
      assert.equal(res.status, 404, `${url} on the demo server`);
      await res.arrayBuffer();
    }
  } finally {
    await plain.close();
  }
  const wasm = await fetch(site.url + "/__fault/wasm-404/dist/revitalization_infographic_bg.wasm");
  assert.equal(wasm.status, 404);
  assert.match(await wasm.text(), /<h1>Not Found<\/h1>/);
  const page = await fetch(site.url + "/__fault/wasm-404/hostile-load.html");
  assert.equal(page.status, 200, "other files under the prefix are served as usual");
  await page.arrayBuffer();
  const unknown = await fetch(site.url + "/__fault/no-such-fault/index.html");
  assert.equal(unknown.status, 404);
  await unknown.arrayBuffer();
});

test("src changed while the first dataset is still loading: the newer src wins", async () => {
  const p = await open();
  const { page } = p;
  try {
    await page.evaluate(() => {
      const el = document.createElement("revitalization-infographic");
      el.id = "switch";
      el.setAttribute("lang", "en");
      el.setAttribute("src", "/__fault/json-stall/data/education-health.json");
      document.querySelector("#intro").after(el);
    });
    await page.waitForTimeout(300);
    await page.locator("#switch").evaluate((el) => el.setAttribute("src", "data/education-health.json"));
    await page.waitForSelector("#switch[data-state=ready]", { state: "attached", timeout: 10000 });
    assert.ok((await page.locator("#switch .ri-frame .ri").innerText()).includes("105,000 places"));
    assert.deepEqual(await errorsOf(page, "switch"), [], "the abandoned load reports nothing");
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await assertPageIntact(p);
    await assertNothingInjected(page, { pageScripts: PAGE_SCRIPTS });
  } finally {
    await p.close();
  }
});
