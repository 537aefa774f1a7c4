// revitalization-infographic embed: one <script type="module" src=".../embed.js"> and a
// <revitalization-infographic> element. Loads the WebAssembly once for every widget on the
// page, next to this file (so it works from any origin or path), and mounts each element as
// it nears the viewport. The element's own children (the static fallback) stay until the
// widget replaces them, and stay for good if WebAssembly cannot load.
//
// When something goes wrong (WebAssembly missing or refused by the page's CSP, the .wasm or
// the dataset answering an error, invalid JSON, a dataset over 5 MB, a network that never
// answers), the element:
//   - keeps what the reader can read (the fallback, or the last good graphic),
//   - shows the reason as text: a <p role="status" data-ri-notice> first in the element (or,
//     once a graphic is mounted, first in its shadow root),
//   - gets data-state="error" and fires `error` with { code, message } (message in words),
//   - and can be tried again: el.retry(), re-adding the element, or setting a new src.
// Timeouts: 20 s, or the element's data-timeout (milliseconds), or
// window.REVITALIZATION_INFOGRAPHIC_TIMEOUT_MS set before this script runs.
//
// Nothing here writes HTML from strings: text goes in with textContent, styles through
// constructable stylesheets, so it runs under a strict CSP with Trusted Types enforced.

const TAG = "revitalization-infographic";
// Two builds of one crate, beside this file. The reader's module (reader.js) renders the
// embedded story and datasets the desk sealed, with no validator in it: it is what a phone
// downloads. The full module (revitalization_infographic.js: the developer's functions and the
// validator) is loaded only for a dataset that is not sealed, to check it and name its faults.
const READER = moduleFiles("reader");
const FULL = moduleFiles("revitalization_infographic");
// How a sealed dataset's text starts (src/dataset/seal.rs).
const SEAL = '{"checked":"';
const MAX_DATASET_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20000;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const NOTICE = "data-ri-notice";
// Load failures that trying again cannot mend until the page itself is reloaded.
const PERMANENT = new Set(["wasm-unsupported", "wasm-blocked"]);

/** Milliseconds to wait for a load: the element's data-timeout, the page's global, or 20 s. */
function timeoutMs(el) {
  for (const v of [el?.getAttribute("data-timeout"), globalThis.REVITALIZATION_INFOGRAPHIC_TIMEOUT_MS]) {
    if (v === null || v === undefined || v === "") continue;
    const n = Number(v);
    if (Number.isFinite(n) && n > 0) return n;
  }
  return DEFAULT_TIMEOUT_MS;
}

function seconds(ms) {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function codeError(code, message, extra = {}) {
  const e = new Error(message);
  e.code = code;
  Object.assign(e, extra);
  return e;
}

/** A URL or attribute value as a reader may see it: one line, not too long. */
function shown(s) {
  const t = String(s).replace(/[\u0000-\u001f\u007f]/g, " ");
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

/** The first bytes of a body, described for a reader ("<!doctype html>…"). */
function preview(bytes) {
  const text = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 48))
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g, "·")
    .trim();
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

async function firstBytes(response, n = 64) {
  try {
    const reader = response.body.getReader();
    const chunks = [];
    let have = 0;
    while (have < n) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      have += value.length;
    }
    reader.cancel().catch(() => {});
    const out = new Uint8Array(have);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch {
    return null;
  }
}

function httpStatus(res) {
  return `HTTP ${res.status}${res.statusText ? ` (${res.statusText})` : ""}`;
}

// ---------------------------------------------------------------------------------------
// The modules: each loaded and instantiated once per page; every widget shares them.

function moduleFiles(name) {
  return {
    name: `${name}.js`,
    glue: new URL(`./${name}.js`, import.meta.url),
    wasm: new URL(`./${name}_bg.wasm`, import.meta.url),
    promise: null,
    value: null,
    glueHref: null,
    attempts: 0,
    // The load in flight's AbortController; the elements waiting for it; whether the page's
    // own code asked for it (then it is never stopped).
    ctrl: null,
    wanted: 0,
    kept: false,
    // The load embed.js started as the page opened, until an element takes it.
    early: null,
  };
}

/**
 * The full module (the developer's functions: render, validateDataset, computeStats,
 * formatNumber, describe, sealDataset…), instantiated once per page. Rejects with an Error
 * carrying `code` and a message in words; a failed load is tried again by the next call.
 */
export function load({ timeout } = {}) {
  return loadModule(FULL, timeout);
}

/** The reader's module, which the elements use: render and the widget handle only. */
export function loadReader({ timeout } = {}) {
  READER.kept = true;
  return loadModule(READER, timeout);
}

/**
 * Stops the reader's module's download when no element waits for it any more (each one's
 * dataset turned out not to be sealed, so the full module shows it) and no page code asked
 * for it: that page then fetches the full module alone, as before there were two.
 */
function dropReader() {
  if (READER.wanted === 0 && !READER.kept && !READER.value && READER.promise) {
    READER.promise = null;
    READER.early = null;
    READER.ctrl?.abort();
  }
}

function loadModule(m, timeout) {
  if (!m.promise) {
    const p = loadOnce(m, timeout > 0 ? timeout : timeoutMs(null));
    m.promise = p;
    // A failed load is tried again by the next call (a flaky network, a fixed server), unless
    // only reloading the page can change the answer (no WebAssembly, or the page's policy).
    p.then(
      (mod) => {
        if (m.promise === p) m.value = mod;
      },
      (e) => {
        if (m.promise === p && !PERMANENT.has(e.code)) m.promise = null;
      },
    );
  }
  return m.promise;
}

async function loadOnce(m, ms) {
  if (typeof WebAssembly !== "object" || !WebAssembly || typeof WebAssembly.instantiate !== "function") {
    throw codeError(
      "wasm-unsupported",
      "this browser cannot run WebAssembly (it is missing or switched off), so the interactive graphic cannot start",
    );
  }
  m.attempts += 1;
  const ctrl = new AbortController();
  m.ctrl = ctrl;
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => {
      ctrl.abort();
      reject(
        codeError("wasm-timeout", `the WebAssembly file at ${m.wasm.href} did not load within ${seconds(ms)}`, {
          url: m.wasm.href,
        }),
      );
    }, ms);
  });
  const work = instantiate(m, ctrl.signal);
  work.catch(() => {}); // lost the race to the timeout: already reported
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
    if (m.ctrl === ctrl) m.ctrl = null;
  }
}

async function instantiate(m, signal) {
  const url = m.wasm.href;
  // The .wasm is asked for at once, beside the glue script rather than after it: the largest
  // download starts one round trip earlier. It is compiled while it streams in (init() hands
  // the Response to WebAssembly.instantiateStreaming).
  const fetching = fetch(m.wasm, { signal, credentials: "same-origin" }).then(
    (res) => ({ res }),
    (error) => ({ error }),
  );
  let mod;
  try {
    mod = await import(m.glueHref ?? m.glue.href);
  } catch (e) {
    fetching.then(({ res }) => res?.body?.cancel().catch(() => {}));
    // A failed module import stays failed for that URL: the next attempt asks for a new one.
    m.glueHref = `${m.glue.href}${m.glue.search ? "&" : "?"}retry=${m.attempts}`;
    throw codeError("glue-failed", `the script ${m.glue.href} could not be loaded`, { url: m.glue.href, cause: e });
  }
  const { res, error } = await fetching;
  if (error) {
    throw codeError(
      "wasm-fetch-failed",
      `the WebAssembly file at ${url} could not be fetched (the network failed, or the request was blocked)`,
      { url, cause: error },
    );
  }
  if (!res.ok) {
    res.body?.cancel().catch(() => {});
    throw codeError("wasm-fetch-failed", `the WebAssembly file at ${url} answered ${httpStatus(res)}`, { url });
  }
  // A second reading of the body, to say what came instead should compiling fail.
  const copy = res.clone();
  try {
    await mod.default({ module_or_path: res });
  } catch (e) {
    throw await explainWasmFailure(e, copy, m, signal);
  }
  copy.body?.cancel().catch(() => {});
  mod.setHandOver?.(handOver);
  // Instantiated already (the page's own init() came first): the download was not needed.
  if (!res.bodyUsed) res.body?.cancel().catch(() => {});
  return mod;
}

async function explainWasmFailure(e, copy, m, signal) {
  const url = m.wasm.href;
  const raw = String(e?.message ?? e);
  if (/Content.Security.Policy|unsafe-eval/i.test(raw)) {
    copy.body?.cancel().catch(() => {});
    return codeError(
      "wasm-blocked",
      "this page's Content-Security-Policy does not allow WebAssembly to run (its script-src needs 'wasm-unsafe-eval')",
      { url, cause: e },
    );
  }
  if (signal.aborted) return codeError("wasm-timeout", `the WebAssembly file at ${url} did not load in time`, { url });
  const head = await firstBytes(copy, 64);
  if (head && head.length === 0) {
    return codeError("wasm-invalid", `the WebAssembly file at ${url} is empty`, { url, cause: e });
  }
  if (head && !WASM_MAGIC.every((b, i) => head[i] === b)) {
    return codeError(
      "wasm-invalid",
      `the file at ${url} is not a WebAssembly file (it starts with "${preview(head)}")`,
      { url, cause: e },
    );
  }
  if (typeof WebAssembly === "object" && e instanceof WebAssembly.LinkError) {
    return codeError(
      "wasm-invalid",
      `the WebAssembly file at ${url} does not match the script ${m.name} next to it (one of the two is an old copy)`,
      { url, cause: e },
    );
  }
  return codeError(
    "wasm-invalid",
    `the WebAssembly file at ${url} could not be compiled: it is incomplete or damaged`,
    { url, cause: e },
  );
}

// ---------------------------------------------------------------------------------------
// Datasets (the src attribute).

async function fetchDataset(src, ms, outer) {
  const name = shown(src);
  const ctrl = new AbortController();
  const onOuter = () => ctrl.abort();
  outer?.addEventListener("abort", onOuter);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, ms);
  const late = () =>
    codeError("dataset-timeout", `the dataset at ${name} did not arrive within ${seconds(ms)}`, { url: src });
  try {
    let res;
    try {
      res = await fetch(new URL(src, document.baseURI), { signal: ctrl.signal, credentials: "same-origin" });
    } catch (e) {
      if (timedOut) throw late();
      if (outer?.aborted) throw codeError("aborted", "the element was removed");
      throw codeError(
        "dataset-fetch-failed",
        `the dataset at ${name} could not be fetched (the network failed, or its server does not let this page read it)`,
        { url: src, cause: e },
      );
    }
    if (!res.ok) {
      res.body?.cancel().catch(() => {});
      throw codeError("dataset-fetch-failed", `the dataset at ${name} answered ${httpStatus(res)}`, { url: src });
    }
    const tooLarge = (size) =>
      codeError(
        "dataset-too-large",
        `the dataset at ${name} is ${size} — larger than the 5 MB a dataset may have`,
        { url: src },
      );
    const declared = Number(res.headers.get("content-length"));
    if (declared > MAX_DATASET_BYTES) {
      res.body?.cancel().catch(() => {});
      throw tooLarge(`${(declared / 1024 / 1024).toFixed(1)} MB`);
    }
    // Read at most 5 MB, whatever the server says (or does not say) about the length.
    const chunks = [];
    let total = 0;
    try {
      const reader = res.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > MAX_DATASET_BYTES) {
          reader.cancel().catch(() => {});
          throw tooLarge("over 5 MB");
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e.code) throw e;
      if (timedOut) throw late();
      if (outer?.aborted) throw codeError("aborted", "the element was removed");
      throw codeError("dataset-fetch-failed", `the dataset at ${name} broke off while loading`, { url: src, cause: e });
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const utf8 = (b) => {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(b);
      } catch {
        return null;
      }
    };
    const text = utf8(bytes);
    if (text === null) {
      // A character cut in half at the very end: the file was cut off, not of another encoding.
      const cut = [1, 2, 3].some((n) => bytes.length > n && utf8(bytes.subarray(0, bytes.length - n)) !== null);
      throw codeError(
        "dataset-invalid-json",
        cut
          ? `the dataset at ${name} is not valid JSON: it stops in the middle (the file is cut off)`
          : `the dataset at ${name} is not UTF-8 text, so it cannot be JSON`,
        { url: src },
      );
    }
    // The text goes to the module as it is, read once there (it says what is wrong when the
    // text is not JSON; see asLoadError).
    return { text: text.replace(/^\ufeff/, ""), name, src };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuter);
  }
}

/** The module's `invalid-json` error (JSON text it could not read) as a load failure of `name`. */
function asLoadError(e, fetched) {
  if (e?.code !== "invalid-json" || !fetched) return e;
  return codeError("dataset-invalid-json", `the dataset at ${fetched.name} is ${e.message}`, { url: fetched.src });
}

// ---------------------------------------------------------------------------------------
// The notice: the reason, as text, where the reader looks.

const NOTICE_CSS =
  "display:block;box-sizing:border-box;margin:0 0 12px;padding:8px 12px;border:0;" +
  "border-left:4px solid #a33b00;border-radius:4px;background:#fff3e6;color:#3d1a00;" +
  'font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;' +
  "text-align:start;white-space:normal;overflow-wrap:anywhere;visibility:inherit;opacity:1";

// Defences that belong with the widget's stylesheet, adopted into each widget's shadow root
// after the module's own sheet (until www/infographic.css carries them itself):
//  - the custom properties that sheet reads with a fallback but does not set on :host (the
//    dark twins, the English font) are set to their initial value on :host, so a page's
//    `:root { --ri-dark-bg: … }` is not inherited into the widget, while the documented hook
//    `revitalization-infographic { --ri-dark-bg: … }` still wins (page rules beat :host);
//  - the frame starts from initial values instead of inheriting the page's typography
//    (`* { all: unset }` on the host lets italics, letter-spacing, text-transform or
//    white-space: pre through to every text inside), except for what hiding or printing the
//    element must still reach. :where() keeps it below every rule of the module's sheet.
const UNSET_ON_HOST = [
  "accent", "bar", "bar-inc", "bar-prev", "bg", "fg", "focus", "line", "muted", "ok", "ring",
  "ring-track", "surface", "warn", "warn-bg",
].map((n) => `--ri-dark-${n}`).concat("--ri-font-en");
const SHADOW_CSS =
  `:host{${UNSET_ON_HOST.map((p) => `${p}:initial`).join(";")}}` +
  ":where(.ri-frame){all:initial;display:block;visibility:inherit;pointer-events:inherit;" +
  "color-scheme:inherit;print-color-adjust:inherit;-webkit-print-color-adjust:inherit}" +
  `[${NOTICE}]{${NOTICE_CSS}}`;

let embedShadowSheet;
function shadowSheet() {
  if (embedShadowSheet === undefined) {
    try {
      embedShadowSheet = new CSSStyleSheet();
      embedShadowSheet.replaceSync(SHADOW_CSS);
    } catch {
      embedShadowSheet = null;
    }
  }
  return embedShadowSheet;
}

function adoptShadowSheet(root) {
  const sheet = shadowSheet();
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

function findNotice(root) {
  for (const child of root.children) if (child.hasAttribute(NOTICE)) return child;
  return null;
}

function showNotice(el, error) {
  const lang = pickLang(el);
  const root = el.shadowRoot ?? el;
  let p = findNotice(root);
  if (!p) {
    p = document.createElement("p");
    p.setAttribute(NOTICE, "");
    p.setAttribute("role", "status");
  }
  p.setAttribute("data-code", error.code || "load-failed");
  p.setAttribute("lang", lang === "en" ? "en" : "zh-CN");
  p.textContent = "";
  const lead = lang === "en" ? "The interactive graphic could not be shown: " : "互动图表无法显示。原因：";
  const reason = document.createElement("span");
  reason.setAttribute("lang", "en");
  reason.textContent = `${error.message}.`;
  p.append(lead, reason);
  root.prepend(p);
  if (root !== el) {
    adoptShadowSheet(root);
    // No graphic in the shadow root: let the fallback show again beneath the notice.
    if (!el._handle && !root.querySelector("slot")) root.append(document.createElement("slot"));
  }
}

function clearNotice(el) {
  findNotice(el)?.remove();
  if (el.shadowRoot) findNotice(el.shadowRoot)?.remove();
}

function fail(el, error) {
  if (error.code === "aborted") return;
  el.setAttribute("data-state", "error");
  showNotice(el, error);
  const detail = { code: error.code || "load-failed", message: String(error.message || error) };
  if (error.url) detail.url = error.url;
  el.dispatchEvent(new CustomEvent("error", { bubbles: true, composed: true, detail }));
  console.warn(`${TAG}: ${detail.message}`, error.cause ?? "");
}

// ---------------------------------------------------------------------------------------
// The element.

/** Removes a graphic's listeners, observers, frames and nodes (destroy), then its Rust side (free). */
function freeHandle(handle) {
  try {
    handle.destroy();
  } catch {
    // Already destroyed or freed through the handle: nothing left to release.
  }
  try {
    handle.free();
  } catch {
    // Freed already.
  }
}

/**
 * The reader's module's download buttons (CSV, SVG, the saved image) land here, called with the
 * host element and the action while that module is busy with the click: the element's graphic
 * moves to the full module, which has the downloads, keeping its language, tab and table view,
 * and the same button is pressed there. True when the element takes it.
 */
function handOver(host, action) {
  if (!(host instanceof RevitalizationInfographic) || !host._handle) return false;
  const handle = host._handle;
  queueMicrotask(() => {
    const sel = `[data-action=${action}]`;
    const root = host.shadowRoot;
    const at = Math.max(0, [...root.querySelectorAll(sel)].indexOf(root.activeElement));
    // Busy while the full module loads (a second or so on a slow phone network).
    host.setAttribute("aria-busy", "true");
    Promise.resolve(
      host._toFull(handle, host._shown, true, () => {
        const button = host.shadowRoot.querySelectorAll(sel)[at];
        button?.focus();
        button?.click();
      }),
    )
      .catch(() => {})
      .finally(() => host.removeAttribute("aria-busy"));
  });
  return true;
}

/** What `call` returned, or null when the reader's module refused the dataset as not sealed. */
function tryReader(call) {
  try {
    return call() ?? true;
  } catch (e) {
    if (e?.code === "not-checked") return null;
    throw e;
  }
}

function pickLang(el) {
  const own = el.getAttribute("lang") || document.documentElement.lang || "zh";
  return own.toLowerCase().startsWith("en") ? "en" : "zh";
}

function pickTheme(el) {
  const t = el.getAttribute("theme");
  return t === "light" || t === "dark" ? t : "auto";
}

// One observer for every widget: mount when within a screen of the viewport.
let observer = null;
function sharedObserver() {
  if (!observer && typeof IntersectionObserver === "function") {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            // The entry's box (laid out already) spares the widget a forced layout to measure it.
            entry.target.mount(entry.boundingClientRect);
          }
        }
      },
      { rootMargin: "100% 0px" },
    );
  }
  return observer;
}

// Page-level rules, as a constructable sheet (a strict CSP, style-src 'self', allows it):
// the element is a block (unless hidden), reserves height before mounting so the page does
// not jump, and the notice is readable whatever the page's own CSS does to paragraphs.
function pageSheet() {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      // :where(): no specificity, so any rule of the page that names the element wins, while
      // a universal `* { all: unset }` (earlier, and as weak) does not make it inline.
      `:where(${TAG}:not([hidden])){display:block}` +
        `${TAG}:not([data-state]):empty{min-height:var(--ri-reserve-height,640px)}` +
        `${TAG}>[${NOTICE}]{${NOTICE_CSS}}`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Older browsers: the page may jump once; nothing breaks.
  }
}

class RevitalizationInfographic extends HTMLElement {
  static get observedAttributes() {
    return ["lang", "src", "theme"];
  }

  constructor() {
    super();
    this._handle = null;
    // What the graphic shows: the dataset's text as given, or undefined (the embedded story).
    this._shown = undefined;
    this._mounting = null;
    this._generation = 0;
    this._srcGeneration = 0;
    this._abort = null;
  }

  connectedCallback() {
    if (this._handle || this._mounting) return;
    const io = sharedObserver();
    if (io) io.observe(this);
    else this.mount();
  }

  disconnectedCallback() {
    if (observer) observer.unobserve(this);
    this._release();
  }

  /** Forgets any load in flight and frees the graphic; the element itself stays as it is. */
  _release() {
    this._generation += 1;
    this._srcGeneration += 1;
    this._abort?.abort();
    this._abort = null;
    this._mounting = null;
    const handle = this._handle;
    this._handle = null;
    if (handle) freeHandle(handle);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!this._handle) {
      if (name === "src" && this.isConnected) {
        if (this._mounting) {
          // Loading the old src: forget it and load the new one instead.
          this._generation += 1;
          this._abort?.abort();
          this._mounting = null;
          this.mount();
        } else if (this.getAttribute("data-state") === "error") {
          // A failed widget whose cause the page just fixed: try again.
          this.retry();
        }
      }
      return;
    }
    try {
      if (name === "lang") this._handle.setLanguage(pickLang(this));
      else if (name === "theme") this._handle.setTheme(pickTheme(this));
      else if (name === "src") this._applySrc();
    } catch (e) {
      fail(this, e);
    }
  }

  /** The widget handle (see the module's `render`), once mounted; null before and after. */
  get infographic() {
    return this._handle;
  }

  /**
   * Takes `handle` as the element's graphic, showing `shown` (the text it was given, or
   * undefined for the embedded story). A handle of the reader's module shows only sealed
   * datasets and has no downloads: its update() hands any other dataset to the full module,
   * which the element then keeps (at once when that module is loaded already, else update()
   * returns a promise), and its toCsv() and toSvg() return a promise of the full module's.
   */
  _adopt(handle, shown) {
    this._handle = handle;
    this._shown = shown;
    if (!READER.value || !(handle instanceof READER.value.Infographic)) return;
    const update = handle.update.bind(handle);
    handle.update = (dataset) => {
      if (tryReader(() => update(dataset)) !== null) {
        this._shown = dataset;
        return undefined;
      }
      const r = this._toFull(handle, dataset, false, () => undefined);
      return r instanceof Promise ? r.catch(() => {}) : r;
    };
    // Drawn by the full module into a detached element, so the graphic on the page stays.
    const exported = (call) => () => {
      const options = { lang: handle.lang, animate: false };
      const shown = this._shown;
      return load({ timeout: timeoutMs(this) }).then((full) => {
        const h = full.render(document.createElement("div"), shown, options);
        try {
          return call(h);
        } finally {
          freeHandle(h);
        }
      });
    };
    handle.toCsv = exported((h) => h.toCsv());
    handle.toSvg = exported((h) => h.toSvg());
  }

  /**
   * Moves the graphic from the reader's module (`handle`) to the full module: drawn there with
   * `dataset` in the reader's language (and, with `keep`, its tab and table view), then
   * `then(handle of the full module)`. The reader's graphic goes first (its module clears the
   * shadow root it leaves), then the full module's is drawn there, in the same task: the reader
   * sees no frame between. At once when the full module is loaded already; else a promise, and a
   * load failure fires `error`. A failure after that (an object that is not JSON data) leaves
   * the fallback and the notice.
   */
  _toFull(handle, dataset, keep, then) {
    const swap = (full) => {
      if (this._handle !== handle) return undefined;
      const root = this.shadowRoot;
      const options = { lang: handle.lang, theme: pickTheme(this) };
      if (keep) {
        options.tab = Number(root.querySelector("[role=tab][aria-selected=true]")?.getAttribute("data-tab") ?? 0);
        options.table = root.querySelector("[data-action=table]")?.getAttribute("aria-pressed") === "true";
      }
      this._handle = null;
      freeHandle(handle);
      try {
        this._adopt(full.render(this, dataset, options), dataset);
      } catch (e) {
        fail(this, e);
        throw e;
      }
      return then(this._handle);
    };
    if (FULL.value) return swap(FULL.value);
    return load({ timeout: timeoutMs(this) }).then(swap, (e) => {
      if (this._handle === handle) fail(this, e);
      throw e;
    });
  }

  async _applySrc() {
    const generation = ++this._srcGeneration;
    const src = this.getAttribute("src");
    let fetched;
    try {
      fetched = src ? await fetchDataset(src, timeoutMs(this), this._abort?.signal) : undefined;
      if (generation !== this._srcGeneration || !this._handle) return false;
      // The module reads the text once; text that is not JSON is thrown and leaves the
      // graphic as it was.
      await this._handle.update(fetched?.text);
      if (generation !== this._srcGeneration) return false;
      clearNotice(this);
      return this.getAttribute("data-state") === "ready";
    } catch (e) {
      if (generation === this._srcGeneration && this._handle) fail(this, asLoadError(e, fetched));
      return false;
    }
  }

  /**
   * Mounts the graphic now (the shared observer calls it when the element nears the
   * viewport, with the entry's `boundingClientRect` as `rect`). Resolves to true once
   * mounted, false if it failed or the element left.
   */
  mount(rect) {
    if (this._handle) return Promise.resolve(true);
    if (this._mounting) return this._mounting;
    const generation = ++this._generation;
    const abort = (this._abort = new AbortController());
    const run = async () => {
      let fetched;
      // This element waits for the reader's module until its dataset says otherwise.
      let waiting = true;
      READER.wanted += 1;
      const release = () => {
        if (waiting) READER.wanted -= 1;
        waiting = false;
      };
      try {
        const ms = timeoutMs(this);
        const src = this.getAttribute("src");
        // The reader's module is asked for beside the dataset, which the desk will have sealed.
        // (The load asked for as the page opened, even if it failed already: the first element
        // reports that failure, and its retry() tries anew.)
        const reader = READER.early ?? loadModule(READER, ms);
        READER.early = null;
        fetched = src ? await fetchDataset(src, ms, abort.signal) : undefined;
        const gone = () => generation !== this._generation || !this.isConnected;
        // Removed from the page (or destroyed) while loading: mount nothing.
        if (gone()) return false;
        const text = fetched?.text;
        // An object's text with no seal is the full module's to check, whether or not the
        // reader's module is loaded (it would only read the text to refuse it). Text that is
        // not an object, an HTML page say, the reader's module refuses in words by itself.
        const unsealed = text !== undefined && !text.startsWith(SEAL) && text.trimStart().startsWith("{");
        const options = () => ({
          lang: pickLang(this),
          theme: pickTheme(this),
          rect: rect && this.isConnected ? { width: rect.width, top: rect.top, bottom: rect.bottom } : undefined,
        });
        // Text that is not JSON at all (an HTML page, a cut-off file) is thrown before anything
        // mounts: a load failure, and the fallback stays. The widget's events fire after this
        // call returns, so a `ready` handler already finds el.infographic set.
        let handle = null;
        if (!unsealed) {
          const mod = await reader;
          if (gone()) return false;
          handle = tryReader(() => mod.render(this, text, options()));
        }
        if (!handle) {
          // Not sealed: the full module checks it, and shows each fault with its path.
          release();
          dropReader();
          const full = await load({ timeout: ms });
          if (gone()) return false;
          handle = full.render(this, text, options());
        }
        this._adopt(handle, text);
        this._mounting = null;
        adoptShadowSheet(this.shadowRoot);
        clearNotice(this);
        return this.getAttribute("data-state") === "ready";
      } catch (e) {
        if (generation !== this._generation) return false;
        this._mounting = null;
        fail(this, asLoadError(e, fetched));
        return false;
      } finally {
        release();
      }
    };
    this._mounting = run();
    return this._mounting;
  }

  /**
   * Tries again after a failure (a flaky network, a fixed server): re-fetches the dataset of
   * a mounted widget, or mounts one that is not. Resolves to true when the graphic is ready.
   */
  retry() {
    if (!this.isConnected) return Promise.resolve(false);
    if (this._handle) return this._applySrc();
    if (this._mounting) return this._mounting;
    if (observer) observer.unobserve(this);
    return this.mount();
  }

  /**
   * Removes the graphic, its listeners, observers and frames; safe to call twice. The
   * fallback shows again; retry() or re-adding the element mounts a new graphic.
   */
  destroy() {
    if (observer) observer.unobserve(this);
    const hadHandle = this._handle !== null;
    this._release();
    if (this.shadowRoot && hadHandle && !this.shadowRoot.querySelector("slot")) {
      this.shadowRoot.append(document.createElement("slot"));
    }
    this.setAttribute("data-state", "destroyed");
  }
}

// Included twice, or alongside another copy: define once, and the first copy wins.
if (!customElements.get(TAG)) {
  pageSheet();
  // An element already within a screen of the viewport (the snippet puts the script tag
  // beside it) gets the reader's module asked for now, not once the observer first reports it,
  // a rendering update later: 30–50 ms sooner on the mobile profile. The page is laid out for
  // its first paint already, so measuring costs nothing new; an element further down still
  // waits until the reader nears it. Should every dataset turn out unsealed, the download is
  // stopped (dropReader).
  const near = [...document.querySelectorAll(TAG)].find((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom >= -innerHeight && r.top <= 2 * innerHeight;
  });
  if (near) {
    READER.early = loadModule(READER, timeoutMs(near));
    READER.early.catch(() => {});
  }
  customElements.define(TAG, RevitalizationInfographic);
}
