#!/usr/bin/env node
// Where the main thread's time goes, from navigation to "painted after ready", on the story
// pages bench/run.mjs writes: a Chrome trace of each load, its main-thread events summed by
// kind (style, layout, paint, script, parse…), the mean of N loads, widget against uPlot and
// vanilla. A CPU slow-down (4 = the mobile profile's) shows what a phone's processor adds;
// the network is not throttled here, so what is left of a mobile gap is the download.
//
//   node bench/trace.mjs [--cpu K] [--runs N] [--phone]
//
// --phone: the mobile profile's viewport (412×823 at device scale 1.75, where the widget stacks
// its sections) instead of 1024×900.
//
// Needs bench/out/site/ (run bench/run.mjs once first). Prints milliseconds per load.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";
import { startServer } from "../scripts/serve.mjs";
import { PHONE_SCALE, PHONE_VIEWPORT } from "./mobile.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const SITE = path.join(BENCH, "out", "site");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cpu = arg("--cpu", 1);
const runs = arg("--runs", 5);
const phone = process.argv.includes("--phone");
const viewport = phone ? { viewport: PHONE_VIEWPORT, deviceScaleFactor: PHONE_SCALE } : { viewport: { width: 1024, height: 900 } };
if (!fs.existsSync(path.join(SITE, "widget-story.html"))) {
  console.error("trace.mjs: bench/out/site/ is missing: run `node bench/run.mjs` first");
  process.exit(2);
}

const KINDS = {
  RunTask: "busy (every task)",
  UpdateLayoutTree: "style",
  Layout: "layout",
  PrePaint: "pre-paint",
  Paint: "paint",
  Layerize: "layerize",
  ParseHTML: "parse HTML",
  ParseAuthorStyleSheet: "parse CSS",
  EvaluateScript: "evaluate script",
  "v8.compileModule": "compile JS module",
  FunctionCall: "JS and wasm calls",
  FireAnimationFrame: "animation frames",
};

const server = await startServer({ root: SITE, port: 0 });
const browser = await launch({ args: CHROMIUM_ARGS });
try {
  console.log(`main thread, ms per load (mean of ${runs}), CPU ×${cpu}, ${phone ? `${PHONE_VIEWPORT.width}×${PHONE_VIEWPORT.height} ×${PHONE_SCALE}` : "1024×900"}, no network throttling`);
  for (const page of ["widget-story.html", "uplot-story.html", "vanilla-story.html"]) {
    const sum = {};
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext(viewport);
      const tab = await context.newPage();
      if (cpu > 1) await (await context.newCDPSession(tab)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
      await tab.addInitScript(() => {
        window.__benchDone = new Promise((resolve) => {
          window.__benchFinish = resolve;
        });
      });
      await browser.startTracing(tab, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
      await tab.goto(`${server.url}/${page}`, { waitUntil: "commit" });
      await tab.evaluate(() => window.__benchDone);
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      // The renderer's main thread: where style and layout ran.
      const threads = new Map();
      for (const e of events) {
        if (e.name === "UpdateLayoutTree" || e.name === "Layout") {
          const t = `${e.pid}:${e.tid}`;
          threads.set(t, (threads.get(t) ?? 0) + 1);
        }
      }
      const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
      for (const e of events) {
        const kind = KINDS[e.name];
        if (kind && e.ph === "X" && `${e.pid}:${e.tid}` === main) sum[kind] = (sum[kind] ?? 0) + e.dur / 1000 / runs;
      }
      await context.close();
    }
    const line = Object.entries(sum)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(", ");
    console.log(`${page.replace("-story.html", "")}: ${line}`);
  }
} finally {
  await browser.close();
  await server.close();
}
