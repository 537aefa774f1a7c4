#!/usr/bin/env node
// The widget against a hand-written SVG page and four chart libraries, side by side, in
// headless Chromium (Debian's /usr/bin/chromium through playwright-core), on 127.0.0.1.
//
//   node bench/run.mjs [--runs N] [--contenders widget,vanilla,…] [--sizes story,1000,10000,20000]
//                      [--no-twenty] [--mobile] [--preload] [--profile] [--screenshots] [--out FILE]
//   node bench/run.mjs --update-readme
//
// Builds nothing: it needs dist/ (bash scripts/build.sh). Installs bench/'s own devDependencies
// (npm ci --prefix bench) when bench/node_modules is missing. Writes the pages, the libraries'
// minified dist files, a copy of dist/ and the generated datasets into bench/out/site/ (ignored
// by git), serves that folder, and loads every page in a fresh browser context (cold cache),
// round-robin over the contenders, N times. Writes bench/results.md and prints it.
// --mobile loads the pages as a phone on a slow network would (Lighthouse's mobile profile:
// Slow 4G, 1.6 Mbps down, 150 ms round trip, CPU slowed ×4, through the DevTools protocol; a
// 412×823 viewport; files served gzip-encoded as a CDN would), the story only unless --sizes
// says otherwise, and writes bench/results-mobile.md.
// --preload gives the widget's pages the two hints of docs/embedding.md (the .wasm and the glue
// fetched while the page is parsed, for a graphic in the first screen) besides the script tag.
// --profile instead records a CPU profile of the widget's pages and prints where time goes;
// --screenshots instead saves a picture of every page's graphic into bench/out/screenshots/;
// --update-readme only rewrites docs/benchmark.md (the README links it) from bench/results.md.

import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MOBILE, PHONE_SCALE, PHONE_VIEWPORT, throttleCdp } from "./mobile.mjs";
import { wasmOptFlags } from "../scripts/wasm-opt-flags.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(BENCH, "out");
const SITE = path.join(OUT, "site");
const PAGES = path.join(BENCH, "pages");

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    runs: 9,
    contenders: null,
    sizes: null,
    twenty: true,
    profile: false,
    out: path.join(BENCH, "results.md"),
  };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (key === "--runs") opts.runs = Number(value());
    else if (key === "--contenders") opts.contenders = value().split(",");
    else if (key === "--sizes") opts.sizes = value().split(",");
    else if (key === "--no-twenty") opts.twenty = false;
    else if (key === "--mobile") opts.mobile = true;
    else if (key === "--preload") opts.preload = true;
    else if (key === "--profile") opts.profile = true;
    else if (key === "--screenshots") opts.screenshots = true;
    else if (key === "--update-readme") opts.updateReadme = true;
    else if (key === "--out") opts.out = path.resolve(value());
    else if (key === "-h" || key === "--help") {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 16).join("\n"));
      process.exit(0);
    } else {
      console.error(`run.mjs: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  if (opts.mobile) {
    opts.sizes ??= ["story"];
    opts.twenty = false;
    if (!argv.some((a) => a.startsWith("--out"))) opts.out = path.join(BENCH, "results-mobile.md");
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) {
    console.error("run.mjs: --runs needs a positive integer");
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------------------------------------
// Contenders and sizes

const LIBS = {
  uplot: ["uplot/dist/uPlot.iife.min.js", "uplot/dist/uPlot.min.css"],
  chartjs: ["chart.js/dist/chart.umd.js"],
  plot: ["d3/dist/d3.min.js", "@observablehq/plot/dist/plot.umd.min.js"],
  echarts: ["echarts/dist/echarts.min.js"],
  vanilla: [],
};

const CONTENDERS = [
  { id: "widget", name: "this widget" },
  { id: "vanilla", name: "vanilla SVG" },
  { id: "uplot", name: "uPlot" },
  { id: "chartjs", name: "Chart.js" },
  { id: "plot", name: "Plot + d3" },
  { id: "echarts", name: "ECharts" },
].filter((c) => !opts.contenders || opts.contenders.includes(c.id));

const SIZES = ["story", 1000, 10000, 20000]
  .filter((s) => !opts.sizes || opts.sizes.includes(String(s)));

const TWENTY = 20;
const VIEWPORT = opts.mobile ? PHONE_VIEWPORT : { width: 1024, height: 900 };
const SCALE = opts.mobile ? PHONE_SCALE : 1;

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  const wire = { bytes: 0 };
  cdp.on("Network.loadingFinished", (e) => {
    wire.bytes += e.encodedDataLength;
  });
  await cdp.send("Network.enable");
  await throttleCdp(cdp);
  return wire;
}
const TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Preparing the site

function need(file, hint) {
  if (!fs.existsSync(file)) {
    console.error(`run.mjs: ${path.relative(ROOT, file)} is missing: ${hint}`);
    process.exit(1);
  }
}

function ensureNodeModules() {
  const lib = path.join(BENCH, "node_modules");
  const want = Object.values(LIBS).flat().map((f) => path.join(lib, f));
  if (want.every((f) => fs.existsSync(f))) return;
  console.log("run.mjs: npm ci --prefix bench (the chart libraries)");
  execFileSync("npm", ["ci", "--prefix", BENCH, "--no-audit", "--no-fund"], { stdio: "inherit" });
}

// A dataset in the widget's schema: the story's header, one section of `n` counts sharing one
// group (the widget draws them as ONE bar chart). The contender pages fetch the same file.
function bigDataset(n) {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, "data/xian-2022.json"), "utf8"));
  const story = { ...base.story };
  delete story.hero;
  let seed = 12345;
  const figures = new Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const k = i + 1;
    figures[i] = {
      id: `f${k}`,
      label: { zh: `第${k}项`, en: `Item ${k}` },
      value: 1 + (seed % 100000),
      kind: "count",
      unit: { zh: "个", en: "items" },
      source: `基准测试生成的第${k}项数据。`,
      group: "all",
    };
  }
  return {
    schema: 1,
    story,
    sections: [{ id: "generated", title: { zh: `${n}项数据`, en: `${n} figures` }, figures }],
    relations: [],
  };
}

// The harness of the widget's pages: ready = every widget that intersects the initial viewport
// has fired `ready` (one widget: its ready), then one animation frame (window.__markReady).
// Which widgets intersect it comes from an IntersectionObserver at the first layout, so the
// harness forces no layout of its own (a getBoundingClientRect() in the ready handler would lay
// out the freshly mounted widget inside "ready" instead of the frame after it).
const WIDGET_HARNESS = `
      (function () {
        var seen = new Set();
        var initial = null;
        window.__widgetsReady = seen;
        function check() {
          if (!initial || window.__readyAsked || initial.length === 0) return;
          for (var i = 0; i < initial.length; i++) if (!seen.has(initial[i])) return;
          window.__firstScreen = { inView: initial.length, mounted: seen.size };
          window.__markReady();
        }
        document.addEventListener("DOMContentLoaded", function () {
          var all = document.querySelectorAll("revitalization-infographic");
          var io = new IntersectionObserver(function (entries) {
            io.disconnect();
            initial = [];
            for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) initial.push(entries[i].target);
            check();
          });
          for (var i = 0; i < all.length; i++) io.observe(all[i]);
        });
        document.addEventListener("error", function (e) {
          if (e.target && e.target.localName === "revitalization-infographic") {
            window.__benchFail("widget error: " + JSON.stringify(e.detail));
          }
        }, true);
        document.addEventListener("ready", function (e) {
          if (!e.target || e.target.localName !== "revitalization-infographic") return;
          seen.add(e.target);
          check();
        }, true);
      })();`;

function pageHtml(template, { head, graphic, harness = "" }) {
  return template
    .replace("{{HEAD}}", head)
    .replace("{{GRAPHIC}}", graphic)
    .replace("{{HARNESS}}", harness);
}

function pageName(contender, size) {
  return `${contender}-${size}.html`;
}

async function prepareSite() {
  need(path.join(DIST, "embed.js"), "run `bash scripts/build.sh` first");
  for (const f of ["reader.js", "reader_bg.wasm", "revitalization_infographic.js", "revitalization_infographic_bg.wasm"]) {
    need(path.join(DIST, f), "run `bash scripts/build.sh` first");
  }
  ensureNodeModules();

  await fsp.rm(SITE, { recursive: true, force: true });
  await fsp.mkdir(path.join(SITE, "lib"), { recursive: true });
  await fsp.mkdir(path.join(SITE, "data"), { recursive: true });
  await fsp.cp(DIST, path.join(SITE, "dist"), { recursive: true });
  for (const f of ["job.js", "job.css", "vanilla.js", "uplot.js", "chartjs.js", "plot.js", "echarts.js"]) {
    await fsp.copyFile(path.join(PAGES, f), path.join(SITE, f));
  }
  for (const f of Object.values(LIBS).flat()) {
    await fsp.copyFile(path.join(BENCH, "node_modules", f), path.join(SITE, "lib", path.basename(f)));
  }
  // The widget's copy of each dataset is sealed, as the desk publishes it (the full module's
  // sealDataset, run here in Node), so embed.js shows it with the reader's module alone.
  const full = await import(path.join(DIST, "revitalization_infographic.js"));
  full.initSync({ module: fs.readFileSync(path.join(DIST, "revitalization_infographic_bg.wasm")) });
  const datasets = {};
  for (const n of [1000, 10000, 20000]) {
    const text = JSON.stringify(bigDataset(n));
    await fsp.writeFile(path.join(SITE, "data", `big-${n}.json`), text);
    await fsp.writeFile(path.join(SITE, "data", `big-${n}.sealed.json`), full.sealDataset(text));
    datasets[n] = text.length;
  }

  const template = await fsp.readFile(path.join(PAGES, "article.html"), "utf8");
  const hints = [
    `    <link rel="preload" href="./dist/reader_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `    <link rel="modulepreload" href="./dist/reader.js">`,
  ];
  const widgetHead = [...(opts.preload ? hints : []), `    <script type="module" src="./dist/embed.js"></script>`].join("\n");
  const widgetEl = (src) =>
    `        <revitalization-infographic lang="zh"${src ? ` src="${src}"` : ""}></revitalization-infographic>`;
  for (const size of ["story", 1000, 10000, 20000]) {
    const src = size === "story" ? null : `data/big-${size}.json`;
    // The widget: one script tag and the element, as a news page embeds it.
    await fsp.writeFile(
      path.join(SITE, pageName("widget", size)),
      pageHtml(template, { head: widgetHead, graphic: widgetEl(src && src.replace(/\.json$/, ".sealed.json")), harness: WIDGET_HARNESS }),
    );
    // The others: their library's dist files, the shared job, their own script, all deferred.
    for (const id of ["vanilla", "uplot", "chartjs", "plot", "echarts"]) {
      const tags = [`    <link rel="stylesheet" href="job.css">`];
      for (const f of LIBS[id]) {
        const base = path.basename(f);
        tags.push(base.endsWith(".css")
          ? `    <link rel="stylesheet" href="lib/${base}">`
          : `    <script defer src="lib/${base}"></script>`);
      }
      tags.push(`    <script defer src="job.js"></script>`, `    <script defer src="${id}.js"></script>`);
      const cfg = src ? `      window.BENCH = { n: ${size}, data: "${src}" };` : "";
      await fsp.writeFile(
        path.join(SITE, pageName(id, size)),
        pageHtml(template, {
          head: tags.join("\n"),
          graphic: `        <div id="graphic" class="graphic"></div>`,
          harness: cfg,
        }),
      );
    }
  }
  // Twenty widgets stacked where the one widget sits, one script tag.
  await fsp.writeFile(
    path.join(SITE, "widget-twenty.html"),
    pageHtml(template, {
      head: widgetHead,
      graphic: Array.from({ length: TWENTY }, () => widgetEl(null)).join("\n"),
      harness: WIDGET_HARNESS,
    }),
  );
  return { datasets };
}

// ---------------------------------------------------------------------------------------------
// Measuring one page load

// Navigates and waits, without polling the page, until its harness says it has painted after
// ready (or failed): an init script gives every document the promise the harness resolves.
async function loadAndWait(page, url) {
  await page.addInitScript(() => {
    window.__benchDone = new Promise((resolve) => {
      window.__benchFinish = resolve;
    });
  });
  await page.goto(url, { waitUntil: "commit" });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${url}: no ready within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([page.evaluate(() => window.__benchDone), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

async function measureLoad(browser, server, { contender, size }) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: SCALE,
    isMobile: Boolean(opts.mobile),
    hasTouch: Boolean(opts.mobile),
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const wire = opts.mobile ? await throttle(context, page) : null;
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  const file = size === "twenty" ? "widget-twenty.html" : pageName(contender, size);
  try {
    await loadAndWait(page, `${server.url}/${file}`);
    const m = await page.evaluate(async (isWidget) => {
      if (window.__benchError) return { error: window.__benchError };
      const out = { ready: window.__ready, painted: window.__painted, firstScreen: window.__firstScreen || null };
      if (window.__widgetsReady) out.mountedAtPaint = window.__widgetsReady.size;
      // Nodes of the graphic (elements and text), including shadow roots.
      const count = (root) => {
        let n = 0;
        const walk = (r) => {
          const w = document.createTreeWalker(r, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          let node = w.currentNode;
          if (node.nodeType === 1 || node.nodeType === 3) n++;
          while (node) {
            if (node.shadowRoot) walk(node.shadowRoot);
            node = w.nextNode();
            if (node) n++;
          }
        };
        walk(root);
        return n;
      };
      const graphic = isWidget
        ? [...document.querySelectorAll("revitalization-infographic")]
        : [document.getElementById("graphic")];
      out.nodes = graphic.reduce((s, el) => s + count(el), 0);
      out.pageNodes = count(document.documentElement);
      if (isWidget) {
        const embed = document.querySelector('script[type="module"][src*="embed.js"]').src;
        // The module instance every widget shares: embed.js's loadReader().
        const mod = await (await import(embed)).loadReader();
        out.wasmBytes = mod.memoryBytes();
      }
      window.gc();
      window.gc();
      out.heap = performance.memory.usedJSHeapSize;
      return out;
    }, contender === "widget");
    if (m.error) throw new Error(m.error);

    // zh → en, inside an animation frame: `sync` is the call (plus the microtasks it queued:
    // uPlot commits in one), `paint` runs on to the end of that frame's style, layout and paint.
    if (size !== "twenty") {
      m.lang = await page.evaluate(
        (isWidget) =>
          new Promise((resolve, reject) => {
            requestAnimationFrame(async () => {
              try {
                const t0 = performance.now();
                if (isWidget) document.querySelector("revitalization-infographic").infographic.setLanguage("en");
                else window.__setLang("en");
                await Promise.resolve();
                const t1 = performance.now();
                const ch = new MessageChannel();
                ch.port1.onmessage = () => resolve({ sync: t1 - t0, paint: performance.now() - t0 });
                ch.port2.postMessage(0);
              } catch (e) {
                reject(e);
              }
            });
          }),
        contender === "widget",
      );
      // The switch happened: the graphic's header is in English now.
      const switched = await page.evaluate((isWidget) => {
        const el = isWidget
          ? document.querySelector("revitalization-infographic").shadowRoot
          : document.getElementById("graphic");
        return (el.textContent || "").includes("Xi'an steps up rural revitalization");
      }, contender === "widget");
      if (!switched) problems.push("after the language switch, the header is not in English");
    }
    m.requests = requests.filter((u) => u.startsWith(server.url));
    if (wire) m.wire = wire.bytes;
    m.wasmRequests = m.requests.filter((u) => new URL(u).pathname.endsWith(".wasm")).length;
    m.problems = problems;
    return m;
  } finally {
    await context.close();
  }
}

async function bytesOf(urls, serverUrl) {
  let raw = 0;
  let gz = 0;
  const files = [];
  for (const u of new Set(urls)) {
    const p = decodeURIComponent(new URL(u).pathname);
    if (!/\.(m?js|wasm|css)$/.test(p)) continue;
    const buf = await fsp.readFile(path.join(SITE, p));
    raw += buf.length;
    gz += gzipSize(buf);
    files.push(p.slice(1));
  }
  return { raw, gz, files };
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table

function stats(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

const KiB = 1024;
const MiB = 1024 * 1024;
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtKiB = (x) => (x / KiB).toFixed(1);
const fmtMiB = (x) => (x / MiB).toFixed(2);
const fmtInt = (x) => String(Math.round(x));

function cell(s, fmt, base) {
  if (!s) return "—";
  const range = s.min === s.max ? "" : ` (${fmt(s.min)}–${fmt(s.max)})`;
  const mult = base && base.median > 0 ? ` ×${(s.median / base.median).toFixed(s.median / base.median >= 10 ? 0 : 2)}` : "";
  return `${fmt(s.median)}${range}${mult}`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function machine(browser) {
  let cpu = "unknown";
  try {
    cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))[1].trim();
  } catch {}
  let nproc = String(os.cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {}
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`;
  const load = os.loadavg()[0].toFixed(2);
  return { cpu, nproc, memory, load, chromium: browser.version(), node: process.version };
}

function libVersions() {
  const pkgs = ["uplot", "chart.js", "@observablehq/plot", "d3", "echarts"];
  return pkgs
    .map((p) => {
      try {
        return `${p} ${JSON.parse(fs.readFileSync(path.join(BENCH, "node_modules", p, "package.json"), "utf8")).version}`;
      } catch {
        return `${p} ?`;
      }
    })
    .join(", ");
}

async function launchBrowser() {
  const { launch, CHROMIUM_ARGS } = await import("../tests/e2e/helpers.mjs");
  return launch({
    args: [
      ...CHROMIUM_ARGS,
      "--js-flags=--expose-gc",
      "--enable-precise-memory-info",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
    ],
  });
}

async function main() {
  if (opts.updateReadme) {
    await updateReadme();
    return;
  }
  const { datasets } = await prepareSite();
  const { startServer } = await import("../scripts/serve.mjs");
  const server = await startServer({ root: SITE, port: 0, gzip: Boolean(opts.mobile) });
  const browser = await launchBrowser();
  const started = Date.now();
  try {
    if (opts.profile) {
      await profile(browser, server);
      return;
    }
    if (opts.screenshots) {
      await screenshots(browser, server);
      return;
    }
    const host = await machine(browser);
    // Jobs of one round: every size × every contender, plus the twenty-widget page.
    const jobs = [];
    for (const size of SIZES) for (const c of CONTENDERS) jobs.push({ contender: c.id, size });
    if (opts.twenty && CONTENDERS.some((c) => c.id === "widget")) jobs.push({ contender: "widget", size: "twenty" });
    const samples = new Map(); // "contender|size" → [measurement]
    const bytes = new Map();
    const problems = new Set();
    const loads = [];

    // Warm-up, not measured: one load of each contender's story page (the browser's first
    // pages are slower; nothing carries over to the measured loads, each in a fresh context).
    const warm = jobs.filter((j) => j.size === "story" || j.size === "twenty");
    process.stdout.write(`warm-up: ${warm.length} pages; then ${opts.runs} rounds of ${jobs.length} page loads\n`);
    for (const job of warm) await measureLoad(browser, server, job);

    for (let run = 0; run < opts.runs; run++) {
      const t = Date.now();
      // Round-robin: each round loads every page once, starting one contender later each time.
      const order = CONTENDERS.map((c, i) => CONTENDERS[(i + run) % CONTENDERS.length].id);
      for (const size of [...SIZES, "twenty"]) {
        for (const contender of order) {
          const job = jobs.find((j) => j.contender === contender && j.size === size);
          if (!job) continue;
          const m = await measureLoad(browser, server, job);
          for (const p of m.problems) problems.add(`${contender} ${size}: ${p}`);
          const key = `${contender}|${size}`;
          if (!samples.has(key)) samples.set(key, []);
          samples.get(key).push(m);
          if (size === "story" && !bytes.has(contender)) bytes.set(contender, await bytesOf(m.requests, server.url));
        }
      }
      loads.push(os.loadavg()[0]);
      process.stdout.write(`round ${run + 1}/${opts.runs}: ${((Date.now() - t) / 1000).toFixed(1)} s, load average ${loads.at(-1).toFixed(2)}\n`);
    }

    host.loads = loads;
    const report = table({ host, samples, bytes, datasets, problems, seconds: (Date.now() - started) / 1000 });
    await fsp.writeFile(opts.out, report);
    console.log("\n" + report);
    console.log(`(written to ${path.relative(process.cwd(), opts.out) || opts.out})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

function table({ host, samples, bytes, datasets, problems, seconds }) {
  const get = (c, size, f) => stats((samples.get(`${c}|${size}`) || []).map(f));
  const ids = CONTENDERS.map((c) => c.id);
  const hasVanilla = ids.includes("vanilla");
  const lines = [];
  const row = (label, f, fmt, size = "story") => {
    const base = hasVanilla ? get("vanilla", size, f) : null;
    const cells = ids.map((c) => cell(get(c, size, f), fmt, c === "vanilla" ? null : base));
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  };
  const runs = stats(ids.flatMap((c) => SIZES.map((s) => (samples.get(`${c}|${s}`) || []).length)));
  lines.push(`# Benchmark: the widget against vanilla SVG and chart libraries`);
  lines.push("");
  lines.push(`- date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`);
  lines.push(`- machine: ${host.nproc} cores (\`nproc\`), ${host.cpu}, ${host.memory}, 1-minute load average ${host.load} at the start and ${host.loads.length ? `${Math.min(...host.loads).toFixed(2)}–${Math.max(...host.loads).toFixed(2)}` : "—"} after the rounds (its own load included; far above 2 means other work shared the 2 cores); Chromium ${host.chromium} headless (--disable-gpu); Node ${host.node}`);
  lines.push(`- runs: ${runs ? runs.min : 0} per page, interleaved round-robin, a fresh browser context (cold HTTP cache) each, after one unmeasured warm-up load of each story page; ${Math.round(seconds)} s in all`);
  lines.push(`- cells: median (min–max) over the runs, and ×k = the median's multiple of the vanilla page's`);
  lines.push(
    opts.mobile
      ? `- **mobile profile**: viewport ${VIEWPORT.width}×${VIEWPORT.height}, device scale ${SCALE}, touch; Slow 4G through the DevTools protocol (${MOBILE.latency} ms latency, ${((MOBILE.download * 8) / 1024 / 1024).toFixed(2)} Mbps down, ${Math.round((MOBILE.upload * 8) / 1024)} kbps up), CPU slowed ×${MOBILE.cpu}; files served gzip-encoded (level 9) from 127.0.0.1`
      : `- viewport ${VIEWPORT.width}×${VIEWPORT.height}, device scale 1; pages served from 127.0.0.1 without compression or throttling: times are CPU time on this machine, not network time`,
  );
  lines.push(
    opts.preload
      ? "- the widget's pages: the script tag and the element, with the two preload hints of docs/embedding.md (`--preload`)"
      : "- the widget's pages: the script tag and the element, as docs/embedding.md gives them (no preload hints)",
  );
  lines.push(`- libraries: ${libVersions()}`);
  lines.push("");
  lines.push(`| figure | ${CONTENDERS.map((c) => c.name).join(" | ")} |`);
  lines.push(`| --- | ${CONTENDERS.map(() => "---:").join(" | ")} |`);
  const bcell = (c, key) => {
    const b = bytes.get(c);
    if (!b) return "—";
    const v = bytes.get("vanilla");
    const mult = v && c !== "vanilla" ? ` ×${(b[key] / v[key]).toFixed(b[key] / v[key] >= 10 ? 0 : 1)}` : "";
    return `${fmtKiB(b[key])}${mult}`;
  };
  lines.push(`| JS+wasm+CSS, raw (KiB) | ${ids.map((c) => bcell(c, "raw")).join(" | ")} |`);
  lines.push(`| JS+wasm+CSS, gzip -9 (KiB) | ${ids.map((c) => bcell(c, "gz")).join(" | ")} |`);
  if (SIZES.includes("story")) {
    lines.push(`| **story** (35 figures for the widget; header, 6 KPI cards, 8 bars, 3 rings for the others) | ${ids.map(() => "").join(" | ")} |`);
    row("navigation → ready (ms)", (m) => m.ready, fmtMs);
    row("navigation → first paint after ready (ms)", (m) => m.painted, fmtMs);
    if (opts.mobile) row("transferred, every request with the page, encoded (KiB)", (m) => m.wire, fmtKiB);
    row("JS heap after render, after gc() (MiB)", (m) => m.heap, fmtMiB);
    row("wasm memory (MiB)", (m) => m.wasmBytes, fmtMiB);
    row("DOM nodes of the graphic (incl. shadow root)", (m) => m.nodes, fmtInt);
    row("language switch zh→en, the call (ms)", (m) => m.lang && m.lang.sync, fmtMs);
    row("language switch zh→en, to painted (ms)", (m) => m.lang && m.lang.paint, fmtMs);
  }
  for (const n of SIZES.filter((s) => s !== "story")) {
    const label = n.toLocaleString("en-US");
    lines.push(`| **${label} figures** (one bar chart) | ${ids.map(() => "").join(" | ")} |`);
    row(`${label}: navigation → ready (ms)`, (m) => m.ready, fmtMs, n);
    row(`${label}: navigation → first paint after ready (ms)`, (m) => m.painted, fmtMs, n);
    row(`${label}: language switch, the call (ms)`, (m) => m.lang && m.lang.sync, fmtMs, n);
    row(`${label}: language switch, to painted (ms)`, (m) => m.lang && m.lang.paint, fmtMs, n);
    row(`${label}: JS heap (MiB)`, (m) => m.heap, fmtMiB, n);
    row(`${label}: wasm memory (MiB)`, (m) => m.wasmBytes, fmtMiB, n);
    row(`${label}: DOM nodes of the graphic`, (m) => m.nodes, fmtInt, n);
  }
  // Scaling: time at 20,000 over time at 10,000 (2.00 = linear).
  if (SIZES.includes(10000) && SIZES.includes(20000)) {
    const ratio = (c, f) => {
      const a = get(c, 10000, f);
      const b = get(c, 20000, f);
      return a && b ? (b.median / a.median).toFixed(2) : "—";
    };
    lines.push(`| 20,000 ÷ 10,000, navigation → ready | ${ids.map((c) => ratio(c, (m) => m.ready)).join(" | ")} |`);
    lines.push(`| 20,000 ÷ 10,000, navigation → first paint | ${ids.map((c) => ratio(c, (m) => m.painted)).join(" | ")} |`);
  }

  // Twenty widgets against one.
  const one = get("widget", "story", (m) => m.ready);
  const twentyRuns = samples.get("widget|twenty") || [];
  if (twentyRuns.length && one) {
    const tw = (f) => stats(twentyRuns.map(f));
    const oneP = get("widget", "story", (m) => m.painted);
    lines.push("");
    lines.push(`Twenty widgets on one page (20 elements stacked, one script tag) against one widget, ready = every widget intersecting the initial viewport has fired \`ready\`, + one frame:`);
    lines.push("");
    lines.push(`| figure | one widget | twenty widgets |`);
    lines.push(`| --- | ---: | ---: |`);
    lines.push(`| navigation → first screen ready (ms) | ${cell(one, fmtMs)} | ${cell(tw((m) => m.ready), fmtMs, one)} |`);
    lines.push(`| navigation → first paint after it (ms) | ${cell(oneP, fmtMs)} | ${cell(tw((m) => m.painted), fmtMs, oneP)} |`);
    lines.push(`| widgets in the initial viewport / mounted by then | 1 / 1 | ${fmtInt(tw((m) => m.firstScreen && m.firstScreen.inView).median)} / ${fmtInt(tw((m) => m.firstScreen && m.firstScreen.mounted).median)} |`);
    lines.push(`| .wasm requests (must be 1) | ${cell(get("widget", "story", (m) => m.wasmRequests), fmtInt)} | ${cell(tw((m) => m.wasmRequests), fmtInt)} |`);
    lines.push(`| JS heap (MiB) | ${cell(get("widget", "story", (m) => m.heap), fmtMiB)} | ${cell(tw((m) => m.heap), fmtMiB)} |`);
    lines.push(`| wasm memory (MiB) | ${cell(get("widget", "story", (m) => m.wasmBytes), fmtMiB)} | ${cell(tw((m) => m.wasmBytes), fmtMiB)} |`);
  }

  lines.push("");
  lines.push("How to read it:");
  lines.push("");
  lines.push("- story: the widget renders its whole infographic from its embedded dataset (header, controls, the hero figure with its two bars, derived figures and checks, six section panels of cards, bars and rings, tooltips with source sentences); the others render the job the issue names from the same figures with zh labels: header, six KPI cards, a bar chart of 8 labelled bars, three rings, tooltips on hover (library-native where the library has them: Chart.js, ECharts, Plot's tips; uPlot gets a cursor-hook tooltip, and hand-written SVG rings since it draws none).");
  lines.push("- 1,000 / 10,000 / 20,000 figures: one generated dataset in the widget's schema, fetched by every page (the widget through its `src` attribute). Above 60 bars the widget draws what it draws for any such dataset: an overview, every figure a column in one SVG path (several figures to a pixel column when they outnumber the pixels, the tallest drawn), one focusable chart where arrow keys and the pointer pick a figure, its tooltip and a live-region announcement (the table lists them all); the others draw one 300 px high chart of all the bars with a tooltip per bar, SVG rects for vanilla and Plot, canvas for uPlot, Chart.js and ECharts. The DOM-node rows show the difference.");
  lines.push("- ready: the widget's `ready` event (for twenty: every widget intersecting the initial viewport), or the page's own render call, + one animation frame; first paint after ready: a message posted from that frame, which runs once the frame's style, layout and paint are done.");
  lines.push("- language switch: run inside an animation frame; \"the call\" includes the microtasks it queued; \"to painted\" runs on to the end of that frame's rendering. The widget: `el.infographic.setLanguage('en')`; the others: Chart.js `chart.update()`, ECharts `setOption`, Plot renders again, uPlot `redraw`, vanilla patches text and aria-labels.");
  lines.push("- JS heap: `performance.memory.usedJSHeapSize` after `gc()`; it does not include the widget's WebAssembly memory, shown on its own row (`memoryBytes()`; linear memory only grows).");
  lines.push("");
  lines.push("What each contender loads (beyond the HTML):");
  lines.push("");
  for (const c of CONTENDERS) {
    const b = bytes.get(c.id);
    if (b) lines.push(`- ${c.name}: ${b.files.map((f) => `\`${f}\``).join(", ")}`);
  }
  lines.push("");
  lines.push(`Generated datasets (fetched by every contender at those sizes, not counted above): ${Object.entries(datasets).map(([n, s]) => `${Number(n).toLocaleString("en-US")} figures ${fmtKiB(s)} KiB`).join(", ")}.`);
  if (problems.size) {
    lines.push("");
    lines.push("Problems seen during the runs:");
    lines.push("");
    for (const p of [...problems].slice(0, 20)) lines.push(`- ${p.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  lines.push("");
  lines.push(targets({ get, bytes, samples }));
  return lines.join("\n") + "\n";
}

// The issue's targets, each met or missed by how much.
function targets({ get, bytes, samples }) {
  const out = [opts.mobile ? "Targets (issue 13):" : "Targets (issues 4 and 13):", "", "| target | measured | verdict |", "| --- | --- | --- |"];
  const verdict = (value, limit, unit, lowerIsBetter = true) => {
    if (value == null || !Number.isFinite(value)) return "not measured";
    const ok = lowerIsBetter ? value <= limit : value >= limit;
    if (ok) return "**met**";
    const over = value / limit;
    return `**missed** by ${fmtNum(value - limit)} ${unit} (×${over.toFixed(over >= 10 ? 0 : 2)} the limit)`;
  };
  const fmtNum = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
  const w = bytes.get("widget");
  if (w) out.push(`| widget ≤ 60 KiB gzip in all (issue 13) | ${fmtKiB(w.gz)} KiB | ${verdict(w.gz / KiB, 60, "KiB")} |`);
  if (w) out.push(`| widget ≤ 40 KiB gzip in all (issue 4) | ${fmtKiB(w.gz)} KiB | ${verdict(w.gz / KiB, 40, "KiB")} |`);
  const paint = get("widget", "story", (m) => m.painted);
  const uplot = get("uplot", "story", (m) => m.painted);
  if (paint && uplot) {
    out.push(`| navigation → first paint ≤ uPlot's (story${opts.mobile ? ", mobile profile" : ""}) | ${fmtMs(paint.median)} ms vs ${fmtMs(uplot.median)} ms | ${verdict(paint.median, uplot.median, "ms")} |`);
  }
  // Under the mobile profile only issue 13's targets apply: issue 4's are for the desktop run.
  if (opts.mobile) return out.join("\n");
  const ratioRow = (label, size, f) => {
    const a = get("widget", size, f);
    const v = get("vanilla", size, f);
    if (!a || !v) return;
    const r = a.median / v.median;
    out.push(`| ${label} | ${fmtMs(a.median)} ms vs ${fmtMs(v.median)} ms = ×${r.toFixed(2)} | ${verdict(r, 1.5, "× vanilla")} |`);
  };
  ratioRow("navigation → ready ≤ 1.5× vanilla (story)", "story", (m) => m.ready);
  ratioRow("10,000 figures: navigation → ready ≤ 1.5× vanilla", 10000, (m) => m.ready);
  const a10 = get("widget", 10000, (m) => m.ready);
  const a20 = get("widget", 20000, (m) => m.ready);
  if (a10 && a20) {
    const r = a20.median / a10.median;
    out.push(`| doubling the figures (10,000 → 20,000) at most doubles the time | ${fmtMs(a10.median)} → ${fmtMs(a20.median)} ms = ×${r.toFixed(2)} | ${verdict(r, 2, "×")} |`);
  }
  const ls = get("widget", "story", (m) => m.lang && m.lang.sync);
  const lsp = get("widget", "story", (m) => m.lang && m.lang.paint);
  if (ls) out.push(`| language switch < 2 ms at story size (the call; to painted in brackets) | ${fmtMs(ls.median)} ms (${fmtMs(lsp.median)} ms) | ${verdict(ls.median, 2, "ms")} |`);
  const l10 = get("widget", 10000, (m) => m.lang && m.lang.sync);
  const l10p = get("widget", 10000, (m) => m.lang && m.lang.paint);
  if (l10) out.push(`| language switch < 16 ms at 10,000 (the call; to painted in brackets) | ${fmtMs(l10.median)} ms (${fmtMs(l10p.median)} ms) | ${verdict(l10.median, 16, "ms")} |`);
  const one = get("widget", "story", (m) => m.ready);
  const tw = stats((samples.get("widget|twenty") || []).map((m) => m.ready));
  if (one && tw) {
    const r = tw.median / one.median;
    out.push(`| twenty widgets: first screen ready ≤ 1.5× one widget | ${fmtMs(tw.median)} ms vs ${fmtMs(one.median)} ms = ×${r.toFixed(2)} | ${verdict(r, 1.5, "×")} |`);
    const wr = stats((samples.get("widget|twenty") || []).map((m) => m.wasmRequests));
    out.push(`| twenty widgets: one WebAssembly instance (.wasm requests = 1) | ${wr.max} | ${wr.max === 1 ? "**met**" : "**missed**"} |`);
  }
  const wm = get("widget", "story", (m) => m.wasmBytes);
  if (wm) out.push(`| wasm memory ≤ 2 MiB for the story | ${fmtMiB(wm.median)} MiB | ${verdict(wm.median / MiB, 2, "MiB")} |`);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// --screenshots: what each page draws (to check that every contender does the job).

async function screenshots(browser, server) {
  const dir = path.join(OUT, "screenshots");
  await fsp.mkdir(dir, { recursive: true });
  for (const size of SIZES) {
    for (const c of CONTENDERS) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: "reduce" });
      const page = await context.newPage();
      await loadAndWait(page, `${server.url}/${pageName(c.id, size)}`);
      const graphic = c.id === "widget" ? "revitalization-infographic" : "#graphic";
      const box = await page.locator(graphic).first().boundingBox();
      const file = path.join(dir, `${c.id}-${size}.png`);
      await page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1400) }, fullPage: true });
      console.log(path.relative(ROOT, file));
      await context.close();
    }
  }
}

// What the README says under the table: how the targets were reached and why the size one is not.
const WHY = `
How the speed targets are met:

- 10,000 figures: above 60 bars a chart becomes an overview (one path, at most one column per
  pixel), so the DOM stays at about 70 nodes whatever the figures (it was 7 per figure: 70,068
  nodes and a 510,000 px tall chart); the dataset's JSON text goes to the Rust parser as it
  arrives (no \`JSON.parse\` then \`JSON.stringify\` in between); validation writes the path
  of an unknown key or a duplicate id only when it reports one.
- Language switch: every chart is laid out for both languages (the plot leaves room for the
  wider of the zh and en values and axis labels; a row is as tall as the longer label), so a
  switch changes text and aria-labels, never a coordinate; and the switch is prepared while
  the page is idle (the other language's tree built and diffed in a \`requestIdleCallback\`),
  so \`setLanguage\` applies one batch of text writes. If anything changed since (a tab, a
  resize, new data, a count-up still running), or the page has not been idle once since the
  widget rendered, it builds and patches as before: 3 to 7 ms at the story's size here
  (once 11 ms), measured by switching at once after \`ready\`.
- Navigation → ready: the \`.wasm\` is fetched beside the glue script, not after it, and
  compiled as it streams; embed.js hands the widget its IntersectionObserver entry's box, so
  mounting forces no layout of the page to measure the element.

Why the size target is missed: the widget is the whole infographic, not a chart library: a
JSON parser and a validator that names every bad field with its path, zh/en number
formatting by the newsroom's rules (万/亿, qualifiers, hanzi numerals), derived figures and
checks, the view, tooltips, table, CSV and SVG exports, and the embedded story and CSS. The
JavaScript is minified (terser), the embedded JSON and CSS too (build.rs), libm's
trigonometry is gone and so is Rust's float printing (the formatter computes the shortest
round-trip digits itself, exactly), but the \`.wasm\` is still about 102 KiB of the total.
In it (twiggy, names-kept build): validation about 24 KB of code, the view's sections 11 KB,
stats 6 KB, the allocator 5 KB, and read-only data about 40 KB (the story's JSON 20 KB, the
CSS 9 KB, messages). Reaching 40 KiB means a table-driven validator, a leaner view, and the
story fetched rather than embedded; that is work for a later issue, and
\`size-budget.json\` holds the line meanwhile.
`;

// ---------------------------------------------------------------------------------------------
// --profile: where the widget's time goes (CDP Profiler), story and 10,000 figures.

async function profile(browser, server) {
  await namedWasm();
  for (const size of ["story", 10000]) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: "reduce" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await loadAndWait(page, `${server.url}/${pageName("widget", size)}`);
    const load = await cdp.send("Profiler.stop");
    const timing = await page.evaluate(() => ({ ready: window.__ready, painted: window.__painted }));
    await cdp.send("Profiler.start");
    await page.evaluate(
      () =>
        new Promise((r) =>
          requestAnimationFrame(() => {
            document.querySelector("revitalization-infographic").infographic.setLanguage("en");
            const ch = new MessageChannel();
            ch.port1.onmessage = r;
            ch.port2.postMessage(0);
          }),
        ),
    );
    const lang = await cdp.send("Profiler.stop");
    console.log(`\n== widget, ${size}: ready ${fmtMs(timing.ready)} ms, painted ${fmtMs(timing.painted)} ms`);
    printProfile("load", load.profile);
    printProfile("setLanguage('en')", lang.profile);
    await context.close();
  }
}

// The release .wasm has no names, so a profile shows wasm-function[N]. When the crate's build
// artefacts are at hand, rebuild the same .wasm with its name section (wasm-bindgen, then
// wasm-opt with Cargo.toml's flags and -g), check that without -g it is byte for byte dist's,
// and serve the named twin instead. Otherwise profile with indices.
async function namedWasm() {
  const dir = path.join(OUT, "named");
  const env = { ...process.env, PATH: [path.join(ROOT, "node_modules/.bin"), path.join(os.homedir(), ".cargo/bin"), process.env.PATH].join(":") };
  try {
    const flags = wasmOptFlags();
    // The reader's module, compiled as scripts/build.sh does (scripts/reader-cargo.sh, which
    // prints where the artefact is; from its cache, a few seconds).
    const art = execFileSync("bash", ["scripts/reader-cargo.sh"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
    await fsp.rm(dir, { recursive: true, force: true });
    execFileSync("wasm-bindgen", [art, "--out-dir", dir, "--out-name", "reader", "--target", "web"], { env, stdio: "pipe" });
    const bg = path.join(dir, "reader_bg.wasm");
    execFileSync("wasm-opt", [...flags, bg, "-o", path.join(dir, "plain.wasm")], { env, stdio: "pipe" });
    // dist/'s glue calls its imports by the short names scripts/build.sh gave them.
    const { shortenImports } = await import("../scripts/short-imports.mjs");
    shortenImports(path.join(dir, "plain.wasm"));
    const same = Buffer.compare(fs.readFileSync(path.join(dir, "plain.wasm")), fs.readFileSync(path.join(DIST, "reader_bg.wasm"))) === 0;
    if (!same) {
      console.log("profile: target/'s wasm is not the one in dist/ (rebuild with scripts/build.sh): wasm functions show as indices");
      return;
    }
    execFileSync("wasm-opt", [...flags, "-g", bg, "-o", path.join(dir, "named.wasm")], { env, stdio: "pipe" });
    shortenImports(path.join(dir, "named.wasm"));
    await fsp.copyFile(path.join(dir, "named.wasm"), path.join(SITE, "dist", "reader_bg.wasm"));
    console.log("profile: serving dist/'s wasm with its name section (same code, rebuilt from target/ with -g)");
  } catch (e) {
    console.log(`profile: no named wasm (${String(e.message || e).split("\n")[0]}): wasm functions show as indices`);
  }
}

function printProfile(title, prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    dt.set(id, (dt.get(id) || 0) + (prof.timeDeltas[i] || 0));
  }
  const self = new Map();
  const kinds = new Map();
  let total = 0;
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.split("/").pop().split("?")[0] : "";
    const name = (f.functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, "");
    if (name === "(idle)") continue;
    const kind = name === "(program)" ? "browser (parse, style, layout, paint, compile…)"
      : name === "(garbage collector)" ? "garbage collector"
      : file.endsWith(".wasm") ? "wasm"
      : /^revitalization_infographic\.js$|^glue\.js$/.test(file) ? "wasm-bindgen glue + snippets (JS)"
      : file === "embed.js" ? "embed.js"
      : !file ? "DOM and other built-ins"
      : "page and harness";
    kinds.set(kind, (kinds.get(kind) || 0) + us);
    const key = `${name}${file ? ` (${file})` : ""}`;
    self.set(key, (self.get(key) || 0) + us);
    total += us;
  }
  console.log(`-- ${title}: ${(total / 1000).toFixed(1)} ms sampled (idle left out)`);
  for (const [k, us] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log("   top self time:");
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  for (const [k, us] of top) console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`);
}

// ---------------------------------------------------------------------------------------------
// --update-readme: docs/benchmark.md, which README.md links, from the last results: the
// command, what it measures, the tables and the targets.

async function updateReadme() {
  const doc = path.join(ROOT, "docs", "benchmark.md");
  const results = await fsp.readFile(path.join(BENCH, "results.md"), "utf8");
  const body = results
    .split("\n")
    .slice(1)
    .join("\n")
    .replace(/^Targets \(issues 4 and 13\):/m, "The issues' targets, from the same run:")
    .trim();
  // A mobile run's results, under its own heading, when the file is there: the profile's own
  // run (--mobile), and the same profile with the two preload hints of docs/embedding.md.
  const phone = async (file, heading) => {
    const p = path.join(BENCH, file);
    if (!fs.existsSync(p)) return "";
    const body = (await fsp.readFile(p, "utf8"))
      .split("\n")
      .slice(1)
      .join("\n")
      .replace(/^Targets \(issue 13\):/m, "The issue's targets, from the same run:")
      .trim();
    return `\n## ${heading}\n\n${body}\n`;
  };
  const mobile = await phone("results-mobile.md", "On a phone: the mobile profile (`node bench/run.mjs --mobile`)");
  const preload = await phone(
    "results-mobile-preload.md",
    "On a phone, with the preload hints (`node bench/run.mjs --mobile --preload --out bench/results-mobile-preload.md`)",
  );
  const section = `# Benchmark

\`\`\`sh
bash scripts/build.sh            # the release build in dist/ (the benchmark builds nothing)
node bench/run.mjs [--runs N]    # default 9 runs: about 3 minutes on 2 cores
node bench/run.mjs --mobile      # the story as a phone on Slow 4G loads it (CPU ×4, gzip)
node bench/ready.mjs [N]         # just the demo article's navigation → ready, N runs (30 s)
node bench/trace.mjs [--cpu 4] [--phone]  # the main thread's time by kind (style, layout, script…), widget vs uPlot vs vanilla
node bench/waterfall.mjs [--runs N]  # the story page's requests under the mobile profile, widget vs uPlot
\`\`\`

\`bench/run.mjs\` puts the widget side by side with a hand-written vanilla JS SVG
page and four chart libraries (uPlot, Chart.js, Observable Plot + d3, ECharts,
the full bundle), each loaded from its minified dist file; they are \`bench/\`'s
own devDependencies (\`bench/package.json\` and its lockfile; the runner calls
\`npm ci --prefix bench\` when they are missing). Every contender does the same
job from the same Xi'an figures with zh labels, in the same news article (same
header, same paragraphs, same place on the page): the widget embedded as a news
page embeds it (one script tag and the element), the others rendering a header,
six KPI cards, a bar chart of 8 bars and three rings, with tooltips. The runner
serves the pages on 127.0.0.1, drives Debian's Chromium through playwright-core,
loads every page in a fresh browser context (cold cache), round-robin over the
contenders, and reports each figure as median (min–max) and as a multiple of the
vanilla page's: bytes of JS + wasm + CSS (raw and gzip -9); navigation → ready
(+ one frame) and → first paint after it; JS heap after \`gc()\`; the widget's
wasm memory (\`memoryBytes()\`); DOM nodes (shadow root included); the zh → en
language switch (\`setLanguage('en')\` against \`chart.update()\`, \`setOption\`,
a Plot re-render, a vanilla text patch); the same at 1,000, 10,000 and 20,000
figures in one section (a generated dataset, which the widget reads through
\`src\`); and twenty widgets on one page against one. Animations are off
everywhere (reduced motion for the widget, \`animation: false\` for the
libraries). It writes \`bench/results.md\` (with notes on reading it) and prints
it. \`--profile\` prints where the widget's time goes (a CDP CPU profile, with
wasm function names when \`target/\` holds the build of \`dist/\`),
\`--screenshots\` saves what each page draws into \`bench/out/\`, and
\`--update-readme\` copies the latest results into this page.

The latest run:

${body}
${mobile}${preload}
${WHY}`;
  await fsp.writeFile(doc, `${section.trim()}\n`);
  console.log("docs/benchmark.md now holds bench/results.md");
}

await main();
