// The embed's promises: one WebAssembly load for many widgets and repeated script tags,
// elements added later, the fallback kept when WebAssembly cannot load, and print.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, newPage, ROOT, SITE } from "./helpers.mjs";

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

/**
 * Serves a page of `body` at /NAME.html, with `head` and then embed.js in its head, records
 * every `error` event in window.__errors (with the element's id), and opens it.
 */
async function openPage(p, name, { body, head = "", lang = "en" }) {
  await p.page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("error", (e) => window.__errors.push({ id: e.target.id, ...e.detail }), true);
  });
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title>
${head}<script type="module" src="./dist/embed.js"></script>
</head><body><main>
${body}
</main></body></html>`;
  await p.page.route(`${site.url}/${name}.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
  await p.page.goto(`${site.url}/${name}.html`);
}

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
  await openPage(p, "preload-test", {
    lang: "zh",
    head:
      '<link rel="preload" href="./dist/reader_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n' +
      '<link rel="modulepreload" href="./dist/reader.js">\n',
    body: '<revitalization-infographic lang="zh"></revitalization-infographic>',
  });
  await allReady(p.page, 1);
  assert.equal(await p.page.locator("revitalization-infographic .ri-frame .ri-hero-value").textContent(), "16317元");
  // Chromium reports an unused preload a few seconds after the load event.
  await p.page.waitForTimeout(3500);
  const count = (name) => fetched.filter((u) => u.endsWith(name)).length;
  assert.equal(count("/reader_bg.wasm"), 1, `requests: ${fetched.join(", ")}`);
  assert.equal(count("/reader.js"), 1, `requests: ${fetched.join(", ")}`);
  assert.deepEqual(warnings, [], "no console warning (an unused preload is one)");
  p.assertClean("a page with preload hints");
  await p.close();
});

// FNV-1a 64 of `{` and the rest, as src/dataset/seal.rs takes it: written again here, so that
// the test seals a text the way a forger (or another desk tool) would, not through the module.
function forgeSeal(text) {
  const rest = text.trim().slice(1);
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(`{${rest}`)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return `{"checked":"${h.toString(16).padStart(16, "0")}",${rest}`;
}

test("datasets: a sealed one needs the reader's module alone; any other is checked by the full module", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const wasm = [];
  p.page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
  });
  const plain = fs.readFileSync(path.join(ROOT, "www/data/education-health.json"), "utf8");
  const sealed = fs.readFileSync(path.join(SITE, "data/education-health.json"), "utf8");
  assert.ok(sealed.startsWith('{"checked":"'), "scripts/build.sh sealed the demo's dataset");
  assert.equal(forgeSeal(plain), sealed.trimEnd(), "the seal is FNV-1a 64 of the text");
  const story = JSON.parse(plain);
  const texts = {
    // Sealed, then a figure changed by hand: the seal no longer holds, the full module checks it.
    edited: sealed.replace(/"schema": 1/, '"schema": 2'),
    // Sealed anew by someone else over a script link: the reader's module will not show it.
    forged: forgeSeal(JSON.stringify({ ...story, story: { ...story.story, source: { ...story.story.source, url: "javascript:alert(1)" } } })),
  };
  for (const [name, body] of Object.entries(texts)) {
    await p.page.route(`${site.url}/${name}.json`, (r) => r.fulfill({ contentType: "application/json", body }));
  }
  await p.page.route(`${site.url}/plain.json`, (r) => r.fulfill({ contentType: "application/json", body: plain }));
  await openPage(p, "seal-test", {
    body: '<revitalization-infographic id="sealed" lang="en" src="data/education-health.json"></revitalization-infographic>',
  });
  await allReady(p.page, 1);
  assert.deepEqual(wasm, ["/dist/reader_bg.wasm"], "the sealed dataset needs no other module");
  const csv = (id) => p.page.evaluate((id) => document.getElementById(id).infographic.toCsv(), id);
  // The reader's module has no exports: toCsv() fetches the full module for them, and the
  // graphic on the page stays the reader's.
  const shown = await csv("sealed");
  assert.match(shown, /^\ufeffsection,id,/);
  assert.deepEqual(wasm, ["/dist/reader_bg.wasm", "/dist/revitalization_infographic_bg.wasm"]);
  assert.ok(
    await p.page.evaluate(async () => document.getElementById("sealed").infographic instanceof (await (await import("/dist/embed.js")).loadReader()).Infographic),
    "still the reader's graphic",
  );

  // The same figures unsealed: mounted by the full module, fetched for it alone.
  const add = (id, src) =>
    p.page.evaluate(([id, src]) => {
      const el = document.createElement("revitalization-infographic");
      el.id = id;
      el.setAttribute("lang", "en");
      el.setAttribute("src", src);
      document.querySelector("main").prepend(el);
    }, [id, src]);
  await add("plain", "plain.json");
  await allReady(p.page, 2);
  assert.equal(await csv("plain"), shown);
  assert.deepEqual(wasm, ["/dist/reader_bg.wasm", "/dist/revitalization_infographic_bg.wasm"], "each module fetched once");

  // Edited and forged: refused with the field's path, as any invalid dataset is.
  for (const [id, field] of [["edited", "schema"], ["forged", "story.source.url"]]) {
    await add(id, `${id}.json`);
    await p.page.waitForFunction((id) => window.__errors.some((e) => e.id === id), id, { timeout: 15000 });
    const error = await p.page.evaluate((id) => window.__errors.find((e) => e.id === id), id);
    assert.equal(error.code, "invalid-dataset", JSON.stringify(error));
    assert.ok(error.errors.some((e) => e.path === field), JSON.stringify(error.errors));
    assert.equal(await p.page.locator(`#${id} a[href^="javascript:"]`).count(), 0);
  }

  // update() with an object on the reader's graphic: the full module, loaded now, takes it over
  // at once, in the language the graphic was in; a sealed text goes back to the reader's module.
  const after = await p.page.evaluate(async ([sealedText]) => {
    const el = document.getElementById("sealed");
    const reader = await (await import("/dist/embed.js")).loadReader();
    const before = el.infographic instanceof reader.Infographic;
    const data = JSON.parse(sealedText);
    data.story.title.en = "A new title";
    const returned = el.infographic.update(data);
    const title = el.shadowRoot.querySelector(".ri-title")?.textContent;
    const swapped = !(el.infographic instanceof reader.Infographic);
    const lang = el.infographic.lang;
    el.infographic.update(sealedText);
    return { before, returned: returned === undefined, title, swapped, lang, state: el.dataset.state };
  }, [sealed]);
  assert.deepEqual(after, { before: true, returned: true, title: "A new title", swapped: true, lang: "en", state: "ready" });
  assert.equal(await csv("sealed"), shown);
  assert.equal(wasm.length, 2, "no module fetched twice");
  p.assertClean("a page of sealed and unsealed datasets");
  await p.close();
});

test("a reader's download buttons: the full module on first use, the graphic handed over in its language, tab and table view", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const wasm = [];
  p.page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
  await openPage(p, "handover-test", {
    lang: "zh",
    body: '<revitalization-infographic id="a"></revitalization-infographic><revitalization-infographic id="b"></revitalization-infographic>',
  });
  await allReady(p.page, 2);
  await p.page.waitForTimeout(300);
  assert.deepEqual(wasm, ["/dist/reader_bg.wasm"], "nothing more until a download is asked for");
  const isReader = (id) =>
    p.page.evaluate(async (id) => document.getElementById(id).infographic instanceof (await (await import("/dist/embed.js")).loadReader()).Infographic, id);
  const state = (id) =>
    p.page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const focused = root.activeElement;
      return {
        lang: document.getElementById(id).infographic.lang,
        tab: root.querySelector("[role=tab][aria-selected=true]")?.getAttribute("data-tab") ?? null,
        table: root.querySelector("[data-action=table]").getAttribute("aria-pressed"),
        focused: focused ? `${focused.closest(".ri-controls") ? "controls" : "footer"} ${focused.getAttribute("data-action")}` : null,
        state: document.getElementById(id).dataset.state,
      };
    }, id);

  // A: the fourth tab, English, then "Download CSV" in the toolbar.
  const A = "#a .ri-frame";
  await p.page.locator(`${A} [role=tab][data-tab="3"]`).click();
  await p.page.locator(`${A} [data-action=lang]`).click();
  await p.page.waitForFunction(() => document.getElementById("a").infographic.lang === "en");
  assert.equal(await isReader("a"), true);
  // The full module answers late: the element says it is busy meanwhile.
  await p.page.route("**/revitalization_infographic_bg.wasm", async (r) => {
    await new Promise((done) => setTimeout(done, 500));
    await r.continue().catch(() => {});
  });
  const [download] = await Promise.all([
    p.page.waitForEvent("download", { timeout: 15000 }),
    p.page.locator(`${A} .ri-controls [data-action=csv]`).click(),
    p.page.waitForSelector("#a[aria-busy=true]", { state: "attached", timeout: 5000 }),
  ]);
  await p.page.waitForSelector("#a:not([aria-busy])", { state: "attached", timeout: 5000 });
  assert.equal(download.suggestedFilename(), "xian-rural-revitalization-2022.csv");
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.ok(csv.includes("16317") && csv.includes("157000000"), "the CSV has the figures");
  assert.deepEqual(wasm, ["/dist/reader_bg.wasm", "/dist/revitalization_infographic_bg.wasm"], "the full module, fetched for it");
  assert.equal(await isReader("a"), false, "the graphic is the full module's now");
  assert.deepEqual(await state("a"), { lang: "en", tab: "3", table: "false", focused: "controls csv", state: "ready" });
  assert.equal(await isReader("b"), true, "the other graphic stays the reader's");

  // B: the table view, then the footer's "数据（CSV）" link: the full module is loaded already.
  const B = "#b .ri-frame";
  await p.page.locator(`${B} [data-action=table]`).click();
  const [second] = await Promise.all([
    p.page.waitForEvent("download", { timeout: 15000 }),
    p.page.locator(`${B} .ri-footer [data-action=csv]`).click(),
  ]);
  assert.equal(fs.readFileSync(await second.path(), "utf8").includes("16317"), true);
  assert.deepEqual(await state("b"), { lang: "zh", tab: null, table: "true", focused: "footer csv", state: "ready" });
  assert.equal(wasm.length, 2, "no module fetched twice");
  assert.deepEqual(await p.page.evaluate(() => window.__errors), []);
  p.assertClean("downloads handed over to the full module");

  // The reader's module on its own (no embed.js to bring the full one): the button says why
  // nothing came.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reader alone</title>
<script type="module">
import init, { render } from "./dist/reader.js";
await init();
window.__graphic = render(document.querySelector("#c"), undefined, { lang: "en", animate: false });
</script></head><body><div id="c"></div></body></html>`;
  await p.page.route(`${site.url}/reader-alone.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
  await p.page.goto(`${site.url}/reader-alone.html`);
  await p.page.waitForFunction(() => window.__graphic);
  await p.page.locator("#c .ri-controls [data-action=svg]").click();
  const notice = p.page.locator("#c .ri-notice");
  await notice.waitFor({ timeout: 5000 });
  assert.equal(await notice.getAttribute("role"), "status");
  assert.match(await notice.innerText(), /^Downloads are not available here: .*reader\.js.*embed\.js/);
  assert.equal(await p.page.evaluate(() => typeof window.__graphic.toCsv), "undefined", "the reader's module exports none");
  await p.close();
});

test("the reader's module is asked for as the page opens for an element in the first screens, and not for one further down", async () => {
  for (const [name, spacer, asked] of [["near", 0, true], ["far", 4000, false]]) {
    const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
    // An observer that never reports: only embed.js's own start can ask for the module.
    await p.page.addInitScript(() => {
      window.IntersectionObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    });
    const wasm = [];
    p.page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
    await openPage(p, `early-${name}`, {
      body: `<div style="height:${spacer}px"></div><revitalization-infographic id="w"></revitalization-infographic>`,
    });
    await p.page.waitForTimeout(1500);
    assert.deepEqual(wasm, asked ? ["/dist/reader_bg.wasm"] : [], `${name}: ${wasm.join(", ")}`);
    assert.equal(await p.page.evaluate(() => document.getElementById("w").dataset.state ?? null), null, "nothing mounted");
    await p.close();
  }
});

test("a page whose only dataset is not sealed stops the reader's download and fetches the full module alone", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const plain = fs.readFileSync(path.join(ROOT, "www/data/education-health.json"), "utf8");
  await p.page.route(`${site.url}/plain.json`, (r) => r.fulfill({ contentType: "application/json", body: plain }));
  // The reader's .wasm answers late, so the dataset is known first (as on a phone, where the
  // dataset is the smaller file).
  await p.page.route("**/reader_bg.wasm", async (r) => {
    await new Promise((done) => setTimeout(done, 1500));
    await r.continue().catch(() => {});
  });
  const wasm = { asked: [], finished: [], failed: [] };
  p.page.on("request", (r) => r.url().endsWith(".wasm") && wasm.asked.push(new URL(r.url()).pathname));
  p.page.on("requestfinished", (r) => r.url().endsWith(".wasm") && wasm.finished.push(new URL(r.url()).pathname));
  p.page.on("requestfailed", (r) => r.url().endsWith(".wasm") && wasm.failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
  await openPage(p, "unsealed-test", {
    body: '<revitalization-infographic id="plain" lang="en" src="plain.json"></revitalization-infographic>',
  });
  await allReady(p.page, 1);
  await p.page.waitForTimeout(2000); // past the reader's late answer
  assert.deepEqual(wasm.finished, ["/dist/revitalization_infographic_bg.wasm"], JSON.stringify(wasm));
  assert.deepEqual(wasm.failed, ["/dist/reader_bg.wasm net::ERR_ABORTED"], JSON.stringify(wasm));
  assert.deepEqual(await p.page.evaluate(() => window.__errors), []);
  // A sealed dataset added later still gets the reader's module, loaded anew.
  await p.page.unroute("**/reader_bg.wasm");
  await p.page.evaluate(() => {
    const el = document.createElement("revitalization-infographic");
    el.setAttribute("src", "data/education-health.json");
    document.querySelector("main").append(el);
  });
  await allReady(p.page, 2);
  assert.ok(wasm.finished.includes("/dist/reader_bg.wasm"), JSON.stringify(wasm));
  const modules = await p.page.evaluate(async () => {
    const reader = await (await import("/dist/embed.js")).loadReader();
    return [...document.querySelectorAll("revitalization-infographic")].map((e) => e.infographic instanceof reader.Infographic);
  });
  assert.deepEqual(modules, [false, true], "the unsealed one on the full module, the sealed one on the reader's");
  p.assertClean("a page with one unsealed dataset");
  await p.close();
});
