// Issue 5, memory: 1,000 update() calls alternating two datasets, then 200 render/destroy/free
// cycles, through the module API in one page (next to two embedded widgets). Samples the JS
// heap (after gc(), with precise memory info) and the WebAssembly memory as it goes, and
// asserts both level off; the module's live listeners, observers and frames return to what
// the embedded widgets hold, then to zero. Prints the figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, CHROMIUM_ARGS } from "./helpers.mjs";
import { useFaultySite, installGuards, assertNothingInjected, assertWidgetWorks } from "./hostile-common.mjs";

const site = useFaultySite({
  launchOptions: { args: [...CHROMIUM_ARGS, "--enable-precise-memory-info", "--js-flags=--expose-gc"] },
});

const UPDATES = 1000;
const CYCLES = 200;

test("1,000 updates and 200 render/destroy cycles: wasm memory and JS heap level off, nothing left live", async () => {
  const p = await newPage(site.browser, { width: 1024, height: 900, reducedMotion: "reduce" });
  const { page } = p;
  try {
    await page.addInitScript(installGuards);
    await page.goto(site.url + "/hostile-load.html");
    await assertWidgetWorks(page, "#first", { hero: ["16317元"] });
    await assertWidgetWorks(page, "#second", { hero: ["16,317 yuan"] });

    const result = await page.evaluate(
      async ({ UPDATES, CYCLES }) => {
        const m = await (await import("/dist/embed.js")).load();
        const wasm = await m.default(); // instantiated already by load(): the same exports
        // The page's own widgets are the reader's module's (embed.js): what is live is the sum.
        const reader = await (await import("/dist/embed.js")).loadReader();
        const live = () => {
          const [a, b] = [m.liveResources(), reader.liveResources()];
          return { listeners: a.listeners + b.listeners, observers: a.observers + b.observers, frames: a.frames + b.frames };
        };
        const A = m.defaultDataset();
        const B = await (await fetch("/data/education-health.json")).json();
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const sample = async (phase, i) => {
          await frame(); // let observers and queued tasks run
          gc();
          gc();
          return {
            phase,
            i,
            heap: performance.memory.usedJSHeapSize,
            wasm: wasm.memory.buffer.byteLength,
            // Elements in the document and in every shadow root (the widgets' nodes).
            nodes: [...document.querySelectorAll("*")].reduce(
              (n, el) => n + 1 + (el.shadowRoot ? el.shadowRoot.querySelectorAll("*").length : 0),
              0,
            ),
          };
        };
        const before = live();
        const host = document.createElement("div");
        host.id = "mem";
        host.style.width = "640px";
        document.querySelector("#intro").after(host);
        const opts = { lang: "zh", animate: false };
        const samples = [await sample("start", 0)];
        const t0 = performance.now();
        const w = m.render(host, A, opts);
        for (let i = 1; i <= UPDATES; i++) {
          w.update(i % 2 ? B : A);
          if (i % 100 === 0) samples.push(await sample("update", i));
        }
        const tUpdates = performance.now() - t0;
        const lastTitle = host.shadowRoot.querySelector(".ri-title").textContent;
        w.destroy();
        w.free();
        const t1 = performance.now();
        for (let i = 1; i <= CYCLES; i++) {
          const h = m.render(host, i % 2 ? B : A, { ...opts, lang: i % 3 ? "zh" : "en" });
          h.destroy();
          h.free();
          if (i % 20 === 0) samples.push(await sample("cycle", i));
        }
        const tCycles = performance.now() - t1;
        const after = live();
        host.remove();
        // The two embedded widgets go too: then nothing at all is live.
        for (const el of document.querySelectorAll("revitalization-infographic")) el.remove();
        return { before, after, zero: live(), samples, lastTitle, tUpdates, tCycles, shadowLeft: host.shadowRoot.childNodes.length };
      },
      { UPDATES, CYCLES },
    );

    const mb = (b) => (b / 1024 / 1024).toFixed(2);
    console.log(`memory: ${UPDATES} updates in ${result.tUpdates.toFixed(0)} ms, ${CYCLES} render/destroy/free cycles in ${result.tCycles.toFixed(0)} ms`);
    console.log("phase   iteration  JS heap (MB)  wasm memory (MB)  elements (page + shadow roots)");
    for (const s of result.samples) {
      console.log(`${s.phase.padEnd(7)} ${String(s.i).padStart(9)}  ${mb(s.heap).padStart(12)}  ${mb(s.wasm).padStart(16)}  ${String(s.nodes).padStart(12)}`);
    }
    console.log(`live resources: before ${JSON.stringify(result.before)}, after the last destroy ${JSON.stringify(result.after)}, with the page's widgets removed ${JSON.stringify(result.zero)}`);

    assert.equal(result.lastTitle, "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感", "the 1000th update (dataset A) shows");
    const updates = result.samples.filter((s) => s.phase === "update");
    const cycles = result.samples.filter((s) => s.phase === "cycle");
    assert.equal(updates.length, 10);
    assert.equal(cycles.length, 10);
    for (const [name, list] of [
      ["updates", updates],
      ["cycles", cycles],
    ]) {
      // Linear memory grows a 64 KiB page at a time and never shrinks: after the first half,
      // at most one more page (the allocator placing a block anew), where a leak of even
      // 150 bytes per call would take more pages over the second half's 500 calls.
      const second = list.slice(Math.floor(list.length / 2) - 1).map((s) => s.wasm);
      const grew = second.at(-1) - second[0];
      assert.ok(grew <= 65536, `${name}: wasm memory levels off (second half: ${second.join(", ")})`);
      const half = list[Math.floor(list.length / 2) - 1].heap;
      const last = list.at(-1).heap;
      assert.ok(
        Math.abs(last - half) <= half * 0.1,
        `${name}: JS heap at the end ${mb(last)} MB within 10 % of half-way ${mb(half)} MB`,
      );
      const nodes = list.map((s) => s.nodes);
      assert.ok(Math.max(...nodes) - Math.min(...nodes) < 50, `${name}: no DOM growth (${Math.min(...nodes)}..${Math.max(...nodes)})`);
    }
    assert.deepEqual(result.after, result.before, "after the last destroy: what the page's two widgets hold, no more");
    assert.deepEqual(result.zero, { listeners: 0, observers: 0, frames: 0 });
    assert.equal(result.shadowLeft, 0, "destroy left the host's shadow root empty");
    await assertNothingInjected(page, { pageScripts: ["./dist/embed.js"] });
    p.assertClean("hostile-load.html, memory");
  } finally {
    await p.close();
  }
});
