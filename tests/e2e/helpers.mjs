// Shared harness for the end-to-end tests (run with `node --test tests/e2e/`,
// after `bash scripts/build.sh` has assembled site/).
//
// Typical test file:
//
//   import { test } from "node:test";
//   import assert from "node:assert/strict";
//   import { useSite, newPage } from "./helpers.mjs";
//
//   const site = useSite();               // one server + one browser per file
//   test("…", async () => {
//     const p = await newPage(site.browser, { width: 375 });
//     await p.page.goto(site.url + "/");
//     …
//     p.assertClean();                     // no page/console errors, no dialogs
//     await p.close();
//   });
//
// Everything listens on 127.0.0.1 only, and useSite() closes its server and
// browser in after(), so a test file never leaves processes behind.

import { after, before } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = path.join(ROOT, "site");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Launches Debian's Chromium through playwright-core (no downloaded browser). */
export async function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** Serves `root` (default site/) on 127.0.0.1, on a free port: { url, close }. */
export async function serve(root = SITE) {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: run \`bash scripts/build.sh\` first`);
  }
  return startServer({ root, port: 0 });
}

/**
 * Registers before()/after() hooks in the calling test file: one server over
 * site/ and one browser, shared by the file's tests, closed at its end.
 * Returns an object whose .url, .server and .browser are set once before() ran.
 */
export function useSite(root = SITE) {
  const ctx = { url: null, server: null, browser: null };
  before(async () => {
    ctx.server = await serve(root);
    ctx.url = ctx.server.url;
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Opens a page in a fresh context (viewport `width` × `height`) and records
 * what would show a broken page: console errors, uncaught page errors,
 * dialogs (alert/confirm/prompt, which are dismissed and count as failures),
 * failed requests and HTTP error responses.
 * Extra Playwright context options (locale, colorScheme, reducedMotion,
 * javaScriptEnabled, …) pass through.
 */
export async function newPage(browser, { width = 1280, height = 800, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...contextOptions });
  const page = await context.newPage();
  const problems = {
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    failedRequests: [],
    httpErrors: [],
  };
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url ?? "";
    // Chromium asks for /favicon.ico on its own; the demo need not have one.
    if (/\/favicon\.ico$/.test(where)) return;
    problems.consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
  });
  page.on("pageerror", (err) => problems.pageErrors.push(String(err?.stack ?? err)));
  page.on("dialog", async (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on("requestfailed", (req) => {
    // embed.js stops the reader's module's download on purpose when every element waiting for
    // it turned out to have an unsealed dataset (the full module shows those): not a failure.
    if (/\/reader_bg\.wasm$/.test(new URL(req.url()).pathname) && req.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.httpErrors.push(`${res.status()} ${res.url()}`);
  });

  return {
    page,
    context,
    problems,
    /** Throws (with every problem listed) unless the page ran cleanly. */
    assertClean(what = "page") {
      const lines = Object.entries(problems).flatMap(([kind, list]) =>
        list.map((item) => `  ${kind}: ${item}`),
      );
      if (lines.length) throw new Error(`${what} was not clean:\n${lines.join("\n")}`);
    },
    close: () => context.close(),
  };
}

/**
 * Scrolls every widget's stacked sections (a phone's column) into view once, then back to the
 * top. Until a stacked section has been near the viewport, the browser skips laying it out
 * (`content-visibility: auto`) and gives it a placeholder height, so a check that asks where
 * its text is painted (axe-core's colour contrast) would look past the widget's bottom; a
 * reader who scrolls there sees it laid out, at the height it keeps from then on.
 */
export async function showStackedSections(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const host of document.querySelectorAll("revitalization-infographic")) {
      for (const section of host.shadowRoot?.querySelectorAll(".ri-stacked > .ri-panel") ?? []) {
        section.scrollIntoView();
        await frame();
      }
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

/**
 * Runs axe-core in the page and returns its violations (an array; empty is
 * good). `context` and `options` are axe.run's arguments.
 * axe is injected from node_modules with addScriptTag({path}); on a page
 * whose Content-Security-Policy forbids inline scripts, it is evaluated
 * through the DevTools protocol instead (which CSP does not govern), so that
 * the CSP demo page can be audited without a console error.
 */
export async function runAxe(page, { context = null, options = {}, csp = null } = {}) {
  const hasAxe = () => page.evaluate(() => typeof window.axe === "object");
  if (!(await hasAxe())) {
    const strictCsp = csp ?? (await pageHasCsp(page));
    if (strictCsp) {
      await page.evaluate(fs.readFileSync(AXE_PATH, "utf8") + "\n;undefined");
    } else {
      await page.addScriptTag({ path: AXE_PATH });
    }
    if (!(await hasAxe())) throw new Error("axe-core did not load into the page");
  }
  return page.evaluate(
    async ({ context, options }) => {
      const results = await window.axe.run(context ?? document, options);
      return results.violations;
    },
    { context, options },
  );
}

async function pageHasCsp(page) {
  const response = await page
    .context()
    .request.head(page.url())
    .catch(() => null);
  if (response?.headers()["content-security-policy"]) return true;
  return page.evaluate(
    () => !!document.querySelector('meta[http-equiv="Content-Security-Policy" i]'),
  );
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact ?? "?"} ${v.id}: ${v.help} at ${n.target.join(" ")}`),
    )
    .join("\n");
}
