#!/usr/bin/env node
// The story page's requests under the mobile profile, as a waterfall: when each file was asked
// for and when its last byte arrived (ms from the first request), its bytes on the wire, then
// the page's paint timings; the widget's page against uPlot's. It shows what the
// phone's first paint waits for: here, the chain HTML → embed.js → the .wasm.
//
//   node bench/waterfall.mjs [--runs N] [--pages widget-story.html,uplot-story.html]
//
// Needs bench/out/site/ (run `node bench/run.mjs` once; with `--mobile --preload` the widget's
// page carries the preload hints). Slow 4G and CPU ×4 as bench/run.mjs --mobile applies them,
// files served gzip-encoded.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";
import { startServer } from "../scripts/serve.mjs";
import { PHONE_SCALE, PHONE_VIEWPORT, throttleCdp } from "./mobile.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.join(BENCH, "out", "site");
const value = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(value("--runs", 1));
const pages = value("--pages", "widget-story.html,uplot-story.html").split(",");
if (!fs.existsSync(path.join(SITE, "widget-story.html"))) {
  console.error("waterfall.mjs: bench/out/site/ is missing: run `node bench/run.mjs` first");
  process.exit(2);
}

const server = await startServer({ root: SITE, port: 0, gzip: true });
const browser = await launch({ args: CHROMIUM_ARGS });
try {
  for (let run = 1; run <= runs; run++) {
    for (const name of pages) {
      const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: PHONE_SCALE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const requests = new Map();
      let t0 = null;
      cdp.on("Network.requestWillBeSent", (e) => {
        t0 ??= e.timestamp;
        requests.set(e.requestId, { url: e.request.url.replace(server.url, ""), start: e.timestamp });
      });
      cdp.on("Network.loadingFinished", (e) => {
        const r = requests.get(e.requestId);
        if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
      });
      await throttleCdp(cdp);
      await page.goto(`${server.url}/${name}`, { waitUntil: "load" });
      await page.waitForTimeout(2500);
      const ms = (t) => (t === undefined ? "    —" : String(Math.round((t - t0) * 1000)).padStart(5));
      console.log(`${name} (run ${run}): asked → last byte, ms; bytes on the wire`);
      for (const r of requests.values()) {
        console.log(`  ${ms(r.start)} → ${ms(r.end)}  ${String(r.bytes ?? "—").padStart(7)} B  ${r.url}`);
      }
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return [
          ...performance.getEntriesByType("paint").map((p) => `${p.name} ${Math.round(p.startTime)}`),
          `DOMContentLoaded ${Math.round(nav.domContentLoadedEventEnd)}`,
        ];
      });
      console.log(`  (from navigation) ${marks.join(", ")}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
