// Shared by the hostile-*.test.mjs files (issue 5: hostile data, hostile pages, broken
// networks). Not a test file itself. Every end-to-end case checks the same promises:
//   - the failure is told: data-state="error", a readable notice (or panel) with the reason
//     in words, an `error` event with a stable detail.code and a message;
//   - nothing is injected: no <script> or <iframe> added anywhere, shadow roots included;
//   - no alert/confirm/prompt (helpers' newPage records dialogs);
//   - nothing else on the page broke: a second widget is ready and shows the story's figure;
//   - once the cause is fixed, the widget mounts (retry(), re-adding it, or a new src).

import assert from "node:assert/strict";
import { before, after } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { launch, SITE } from "./helpers.mjs";

/** One server (with the test-only /__fault/ URLs) and one browser per test file. */
export function useFaultySite({ launchOptions } = {}) {
  const ctx = { url: null, server: null, browser: null };
  before(async () => {
    ctx.server = await startServer({ root: SITE, port: 0, faults: true });
    ctx.url = ctx.server.url;
    ctx.browser = await launch(launchOptions);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Runs in the page before any of its scripts:
 *   - window.__riInjected: every <script>/<iframe> added to the document after it finished
 *     parsing, or ever added inside a shadow root (attachShadow is wrapped so each shadow
 *     root is observed from its first node);
 *   - window.__riErrors / __riReady: the `error` and `ready` events (target id + detail);
 *   - window.__riViolations: securitypolicyviolation events;
 *   - window.__riAlerts: calls of alert/confirm/prompt (besides helpers' dialog recorder).
 */
export function installGuards() {
  window.__riInjected = [];
  window.__riErrors = [];
  window.__riReady = [];
  window.__riViolations = [];
  window.__riAlerts = [];
  for (const name of ["alert", "confirm", "prompt"]) {
    const original = window[name];
    window[name] = function (...args) {
      window.__riAlerts.push(`${name}: ${args.join(" ")}`);
      return original.apply(this, args);
    };
  }
  const describe = (n, where) => `${where}: <${n.localName}${n.src ? ` src="${n.src}"` : ""}>`;
  const check = (node, where, always) => {
    if (node.nodeType !== 1) return;
    for (const n of [node, ...node.querySelectorAll("script, iframe")]) {
      if (!/^(script|iframe)$/i.test(n.localName)) continue;
      // The page's own <script> tags, parsed from its HTML, are not injections.
      if (!always && document.readyState === "loading" && n.localName === "script") continue;
      window.__riInjected.push(describe(n, where));
    }
  };
  const watch = (root, where, always) =>
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) check(n, where, always);
    }).observe(root, { childList: true, subtree: true });
  watch(document, "document", false);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root, `shadow root of #${this.id || this.localName}`, true);
    return root;
  };
  document.addEventListener(
    "error",
    (e) => {
      if (e instanceof CustomEvent) window.__riErrors.push({ id: e.target.id, ...e.detail });
    },
    true,
  );
  document.addEventListener("ready", (e) => window.__riReady.push({ id: e.target.id, ...e.detail }), true);
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__riViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`),
  );
}

/** A final scan of the document and every shadow root, plus what the guards recorded. */
export async function assertNothingInjected(page, { pageScripts = null } = {}) {
  const found = await page.evaluate(() => {
    const roots = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i].querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const scripts = [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? "(inline)");
    const iframes = roots.flatMap((r) => [...r.querySelectorAll("iframe")].map((f) => f.outerHTML.slice(0, 120)));
    const inShadow = roots.slice(1).flatMap((r) => [...r.querySelectorAll("script")].map((s) => s.outerHTML.slice(0, 120)));
    return { injected: window.__riInjected ?? null, scripts, iframes, inShadow, alerts: window.__riAlerts ?? [] };
  });
  assert.ok(found.injected, "the guard init script ran");
  assert.deepEqual(found.injected, [], "no <script>/<iframe> was added to the page or a shadow root");
  assert.deepEqual(found.iframes, [], "no <iframe> anywhere");
  assert.deepEqual(found.inShadow, [], "no <script> in any shadow root");
  if (pageScripts) assert.deepEqual(found.scripts, pageScripts, "only the page's own script tags");
  assert.deepEqual(found.alerts, [], "alert/confirm/prompt never called");
}

/** The hero figures a ready widget shows, in either language. */
export const HERO = ["16317元", "16,317 yuan"];

/** Scrolls `sel` into view, waits for it to be ready, and checks its hero figure. */
export async function assertWidgetWorks(page, sel, { hero = HERO, timeout = 15000 } = {}) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    ({ sel, hero }) => {
      const el = document.querySelector(sel);
      const text = el?.shadowRoot?.querySelector(".ri-frame .ri-hero-value")?.textContent;
      return el?.dataset.state === "ready" && hero.includes(text);
    },
    { sel, hero },
    { timeout },
  );
}

/** Words a reader must never see in place of an explanation. */
const JARGON = [
  /magic word/i,
  /MIME/i,
  /CompileError/,
  /LinkError/,
  /TypeError/,
  /instantiateStreaming/,
  /\[object /,
  /undefined/,
  /JSON\.parse/,
  /Unexpected token/,
  /at position/,
];

/** A message in words: not empty, not a raw engine message. */
export function assertInWords(message, what = "message") {
  assert.equal(typeof message, "string", `${what} is a string`);
  assert.ok(message.length >= 20, `${what} says something: ${JSON.stringify(message)}`);
  for (const j of JARGON) assert.doesNotMatch(message, j, `${what} has no engine jargon: ${message}`);
}

/** The notice the embed shows for `sel` (light DOM or shadow root), as the reader sees it. */
export async function noticeOf(page, sel) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const find = (root) => (root ? [...root.children].find((c) => c.hasAttribute("data-ri-notice")) : null);
    const n = find(el.shadowRoot) ?? find(el);
    if (!n) return null;
    const r = n.getBoundingClientRect();
    const s = getComputedStyle(n);
    return {
      text: n.innerText,
      role: n.getAttribute("role"),
      code: n.getAttribute("data-code"),
      inShadow: n.getRootNode() !== document,
      visible: r.width > 0 && r.height > 0 && s.visibility === "visible" && s.display !== "none",
      fontSize: parseFloat(s.fontSize),
    };
  }, sel);
}

/** The `error` events recorded for element `id`. */
export const errorsOf = (page, id) => page.evaluate((id) => window.__riErrors.filter((e) => e.id === id), id);

/** Console errors other than the ones a test expects (404s it caused, CSP reports, …). */
export function unexpected(list, ...allowed) {
  return list.filter((line) => !allowed.some((re) => re.test(line)));
}
