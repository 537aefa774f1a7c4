// Navigation → `ready` for the demo article page, in headless Chromium: median, min and max
// over fresh browser contexts (cold HTTP cache each run). Run after `bash scripts/build.sh`:
//   node bench/ready.mjs [runs]
// Prints a table; the README records the latest figures.
import { launch, serve } from "../tests/e2e/helpers.mjs";

const runs = Number(process.argv[2] || 15);
const server = await serve();
const browser = await launch();
const samples = { ready: [], wasmBytes: 0 };
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    // The widget sits below the first paragraph: it is in the first screen, so it mounts at once.
    await page.addInitScript(() => {
      window.__ready = new Promise((resolve) => {
        document.addEventListener(
          "ready",
          () => requestAnimationFrame(() => resolve(performance.now())),
          { capture: true, once: true },
        );
      });
    });
    await page.goto(`${server.url}/`, { waitUntil: "commit" });
    const readyMs = await page.evaluate(() => window.__ready);
    samples.ready.push(readyMs);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = [...samples.ready].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`navigation → ready (+1 frame), ${runs} runs, fresh context each:`);
console.log(`  median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
