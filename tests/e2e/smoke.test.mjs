// Smoke test of the demo site as scripts/build.sh assembles it: the server
// serves it with the right types, and the front page loads in Chromium with
// the widget's element on it and nothing broken. It does not look inside the
// widget (the feature tests do that).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSite, newPage, SITE } from "./helpers.mjs";

const site = useSite();

test("the server sends the site's files with their MIME types", async () => {
  const expected = {
    "/": "text/html",
    "/dist/embed.js": "text/javascript",
    "/dist/reader.js": "text/javascript",
    "/dist/reader_bg.wasm": "application/wasm",
    "/dist/revitalization_infographic.js": "text/javascript",
    "/dist/revitalization_infographic_bg.wasm": "application/wasm",
  };
  if (fs.existsSync(path.join(SITE, "dist", "infographic.css"))) {
    expected["/dist/infographic.css"] = "text/css";
  }
  for (const [url, type] of Object.entries(expected)) {
    const res = await fetch(site.url + url);
    assert.equal(res.status, 200, `GET ${url}`);
    assert.ok(
      res.headers.get("content-type").startsWith(type),
      `GET ${url}: content-type ${res.headers.get("content-type")}, expected ${type}`,
    );
    await res.arrayBuffer();
  }
  const missing = await fetch(site.url + "/no-such-file.html");
  assert.equal(missing.status, 404);
  await missing.arrayBuffer();
});

test("the front page loads with the widget's element and no errors", async () => {
  const p = await newPage(site.browser, { width: 1280 });
  try {
    const response = await p.page.goto(site.url + "/", { waitUntil: "load" });
    assert.equal(response.status(), 200);
    // Let the module scripts fetch and instantiate the wasm.
    await p.page.waitForLoadState("networkidle");

    const title = (await p.page.title()).trim();
    assert.ok(title.length > 0, "the page has a <title>");

    const count = await p.page.locator("revitalization-infographic").count();
    assert.ok(count >= 1, "the page has a <revitalization-infographic> element");

    const lang = await p.page.evaluate(() => document.documentElement.lang);
    assert.ok(lang, "<html> has a lang attribute");

    p.assertClean("index.html");
  } finally {
    await p.close();
  }
});
