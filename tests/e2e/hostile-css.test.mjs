// Issue 5, hostile page CSS (www/hostile-css.html): `* { all: unset }`, `svg { display: none }`,
// `div { font-size: 40px !important }`, typography that inherits (italic, 900, uppercase,
// letter-spacing, white-space: pre …) and the widget's own --ri-* names set on :root. The
// widgets must compute exactly the styles they compute on the same page without that CSS;
// the documented hook (custom properties on the element) must still theme them; and the
// widget's CSS must change nothing outside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage } from "./helpers.mjs";
import { useFaultySite, installGuards, assertNothingInjected, assertWidgetWorks } from "./hostile-common.mjs";

const site = useFaultySite();
const WIDGETS = ["first", "second", "dark", "themed"];
const PROPS = [
  "display", "position", "visibility", "font-family", "font-size", "font-weight", "font-style",
  "line-height", "letter-spacing", "word-spacing", "text-transform", "text-align", "text-indent",
  "white-space", "color", "background-color", "border-top-color", "border-top-left-radius",
  "fill", "stroke", "cursor", "width", "height", "margin-top", "padding-left",
];

/** Opens hostile-css.html, with its hostile <style> removed when `plain`, every widget ready. */
async function openCssPage(plain) {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  await p.page.addInitScript(installGuards);
  if (plain) {
    await p.page.route("**/hostile-css.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<style id="hostile">[\s\S]*?<\/style>/, "");
      await route.fulfill({ response, body });
    });
  }
  await p.page.goto(site.url + "/hostile-css.html");
  for (const id of WIDGETS) {
    await p.page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await p.page.waitForSelector(`#${id}[data-state=ready]`, { state: "attached", timeout: 15000 });
  }
  return p;
}

/** Every element in each widget's shadow root: PROPS as computed. */
function shadowStyles(page) {
  return page.evaluate(
    ({ ids, props }) =>
      Object.fromEntries(
        ids.map((id) => {
          const els = [...document.getElementById(id).shadowRoot.querySelectorAll("*")];
          return [
            id,
            els.map((el, i) => {
              const cs = getComputedStyle(el);
              return { at: `${i} <${el.localName} class="${el.getAttribute("class") ?? ""}">`, ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
            }),
          ];
        }),
      ),
    { ids: WIDGETS, props: PROPS },
  );
}

function differences(a, b) {
  const out = [];
  for (const id of Object.keys(a)) {
    if (a[id].length !== b[id].length) out.push(`#${id}: ${a[id].length} elements vs ${b[id].length}`);
    for (let i = 0; i < Math.min(a[id].length, b[id].length); i++) {
      for (const p of PROPS) {
        if (a[id][i][p] !== b[id][i][p]) out.push(`#${id} ${a[id][i].at} ${p}: ${a[id][i][p]} → ${b[id][i][p]}`);
      }
    }
  }
  return out;
}

const pick = (page, id, sel, prop) =>
  page.evaluate(
    ({ id, sel, prop }) =>
      [...document.getElementById(id).shadowRoot.querySelectorAll(sel)].map((e) => getComputedStyle(e).getPropertyValue(prop)),
    { id, sel, prop },
  );

test("hostile page CSS (all: unset, svg hidden, 40px divs, inherited typography, --ri-* on :root): the widgets compute as on a plain page", async () => {
  const plain = await openCssPage(true);
  const hostile = await openCssPage(false);
  try {
    const { page } = hostile;
    // The hostile rules are live on the page itself.
    assert.equal(await page.locator("#page-svg").evaluate((e) => getComputedStyle(e).display), "none");
    assert.equal(await page.locator("#page-div").evaluate((e) => getComputedStyle(e).fontSize), "40px");
    assert.equal(await page.locator("#page-span").evaluate((e) => getComputedStyle(e).textTransform), "uppercase");
    // The host: `* { all: unset }` would make it inline; the embed's zero-specificity rule keeps it a block.
    for (const id of WIDGETS) {
      assert.equal(await page.locator(`#${id}`).evaluate((e) => getComputedStyle(e).display), "block", `#${id} is a block`);
    }

    const diff = differences(await shadowStyles(plain.page), await shadowStyles(page));
    assert.deepEqual(diff.slice(0, 40), [], `${diff.length} computed styles differ inside the widgets`);

    // The brief's three, spelled out.
    for (const id of WIDGETS) {
      assert.deepEqual(await pick(page, id, ".ri", "font-size"), ["15px"], `#${id} .ri font-size`);
      const svgs = await pick(page, id, "svg", "display");
      assert.ok(svgs.length >= 5 && svgs.every((d) => d !== "none"), `#${id}: every svg shown (${svgs.join(",")})`);
    }
    const hero = async (pg, id) => (await pick(pg, id, ".ri-hero-value", "color"))[0];
    assert.equal(await hero(page, "first"), "rgb(0, 90, 140)", "light accent, not the page's red");
    assert.equal(await hero(page, "second"), "rgb(0, 90, 140)");
    assert.equal(await hero(page, "dark"), "rgb(124, 196, 242)", "dark accent, not the page's --ri-dark-accent");
    assert.equal(await hero(page, "themed"), "rgb(106, 27, 154)", "the documented hook (on the element) themes it");
    assert.equal(await hero(page, "themed"), await hero(plain.page, "themed"));

    // The same figures as on the plain demo page.
    const demo = await newPage(site.browser, { width: 1280, height: 900, reducedMotion: "reduce" });
    try {
      await demo.page.goto(site.url + "/widgets.html");
      await assertWidgetWorks(demo.page, "#widget-en", { hero: ["16,317 yuan"] });
      assert.equal(await hero(demo.page, "widget-en"), await hero(page, "second"));
      assert.deepEqual(await pick(demo.page, "widget-en", ".ri", "font-size"), ["15px"]);
      assert.equal(
        (await pick(demo.page, "widget-en", ".ri", "font-family"))[0],
        (await pick(page, "second", ".ri", "font-family"))[0],
        "the English font, not the page's --ri-font-en",
      );
    } finally {
      await demo.close();
    }

    // Still a working widget under that CSS: tabs, tooltip, language.
    await page.locator("#first").scrollIntoViewIfNeeded();
    await page.locator('#first .ri-frame [role=tab][data-tab="3"]').click();
    await page.locator('#first .ri-frame svg.ri-chart g.ri-bar-row[data-figure="compensation-amount"]').hover();
    await page.locator("#first .ri-frame .ri-tooltip").waitFor({ state: "visible", timeout: 3000 });
    await page.mouse.move(1, 1);
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });
    await assertNothingInjected(page, { pageScripts: ["./dist/embed.js"] });
    hostile.assertClean("hostile-css.html");
    plain.assertClean("hostile-css.html without its hostile style");
  } finally {
    await hostile.close();
    await plain.close();
  }
});

// Computed values that follow the widget's height (the page grows around it), not its CSS.
const SIZE_DEPENDENT = new Set(["height", "block-size", "perspective-origin", "transform-origin", "grid-template-rows"]);

async function pageStyles(path, withWidget) {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  try {
    if (!withWidget) {
      await p.page.route("**/dist/embed.js", (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: "export {};" }));
    }
    await p.page.goto(site.url + path);
    if (withWidget) {
      for (const h of await p.page.locator("revitalization-infographic").all()) {
        await h.scrollIntoViewIfNeeded();
        await h.evaluate((el) => new Promise((resolve) => (el.dataset.state === "ready" ? resolve() : el.addEventListener("ready", resolve, { once: true }))));
      }
    }
    return await p.page.evaluate((skip) => {
      const out = {};
      let i = 0;
      for (const el of document.querySelectorAll("*")) {
        // The widgets themselves (host and fallback) are the widget's business.
        if (el.closest("revitalization-infographic")) continue;
        const cs = getComputedStyle(el);
        const o = {};
        for (const prop of cs) if (!skip.includes(prop)) o[prop] = cs.getPropertyValue(prop);
        out[`${i++} <${el.localName}${el.id ? `#${el.id}` : ""}>`] = o;
      }
      return out;
    }, [...SIZE_DEPENDENT]);
  } finally {
    await p.close();
  }
}

test("the widget's CSS changes nothing outside it (every computed property of every page element, with and without the widget)", async () => {
  for (const path of ["/hostile-css.html", "/"]) {
    const without = await pageStyles(path, false);
    const withW = await pageStyles(path, true);
    assert.deepEqual(Object.keys(withW), Object.keys(without), `${path}: the same page elements`);
    assert.ok(Object.keys(without).length > 10, `${path}: elements compared`);
    const diff = [];
    for (const [el, styles] of Object.entries(without)) {
      for (const [prop, value] of Object.entries(styles)) {
        if (withW[el][prop] !== value) diff.push(`${path} ${el} ${prop}: ${value} → ${withW[el][prop]}`);
      }
    }
    assert.deepEqual(diff.slice(0, 40), [], `${diff.length} page styles changed by the widget`);
  }
});
