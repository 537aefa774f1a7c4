// revitalization-infographic embed: one <script type="module" src=".../embed.js"> and a
// <revitalization-infographic> element. Loads the WebAssembly once for every widget on the
// page, next to this file (so it works from any origin or path), and mounts each element as
// it nears the viewport. The element's own children (the static fallback) stay until the
// widget replaces them, and stay for good if WebAssembly cannot load.

const TAG = "revitalization-infographic";
const GLUE_URL = new URL("./revitalization_infographic.js", import.meta.url);
const WASM_URL = new URL("./revitalization_infographic_bg.wasm", import.meta.url);
const MAX_DATASET_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15000;

let modulePromise = null;

/** The module, instantiated once per page; every widget shares it. */
export function load() {
  if (!modulePromise) {
    modulePromise = (async () => {
      if (typeof WebAssembly !== "object") {
        throw codeError("wasm-unsupported", "this browser cannot run WebAssembly");
      }
      const mod = await import(GLUE_URL.href);
      await mod.default({ module_or_path: WASM_URL });
      return mod;
    })();
    // A failed load may be retried by the next widget (a flaky network, say).
    modulePromise.catch(() => {
      modulePromise = null;
    });
  }
  return modulePromise;
}

function codeError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

function pickLang(el) {
  const own = el.getAttribute("lang") || document.documentElement.lang || "zh";
  return own.toLowerCase().startsWith("en") ? "en" : "zh";
}

function pickTheme(el) {
  const t = el.getAttribute("theme");
  return t === "light" || t === "dark" ? t : "auto";
}

async function fetchDataset(src) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    let res;
    try {
      res = await fetch(new URL(src, document.baseURI), { signal: ctrl.signal, credentials: "same-origin" });
    } catch (e) {
      throw codeError(
        ctrl.signal.aborted ? "dataset-timeout" : "dataset-fetch-failed",
        ctrl.signal.aborted
          ? `the dataset at ${src} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`
          : `the dataset at ${src} could not be fetched`,
      );
    }
    if (!res.ok) {
      throw codeError("dataset-fetch-failed", `the dataset at ${src} answered HTTP ${res.status}`);
    }
    const text = await res.text();
    if (text.length > MAX_DATASET_BYTES) {
      throw codeError("dataset-too-large", `the dataset at ${src} is larger than 5 MB`);
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw codeError("dataset-invalid-json", `the dataset at ${src} is not valid JSON: ${e.message}`);
    }
  } finally {
    clearTimeout(timer);
  }
}

function fail(el, error) {
  el.setAttribute("data-state", "error");
  el.dispatchEvent(
    new CustomEvent("error", {
      bubbles: true,
      composed: true,
      detail: { code: error.code || "load-failed", message: String(error.message || error) },
    }),
  );
  console.warn(`${TAG}: ${error.message || error}`);
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
            entry.target.mount();
          }
        }
      },
      { rootMargin: "100% 0px" },
    );
  }
  return observer;
}

// Reserve height before mounting so the page does not jump; a constructable sheet, so a
// strict CSP (style-src 'self') allows it.
function reserveHeight() {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `${TAG}{display:block}${TAG}:not([data-state]):empty{min-height:var(--ri-reserve-height,640px)}`,
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

  connectedCallback() {
    if (this._handle || this._mounting) return;
    const io = sharedObserver();
    if (io) io.observe(this);
    else this.mount();
  }

  disconnectedCallback() {
    if (observer) observer.unobserve(this);
    this._generation = (this._generation || 0) + 1;
    if (this._handle) {
      // destroy() removes listeners and nodes; free() releases the Rust side.
      this._handle.destroy();
      this._handle.free();
      this._handle = null;
    }
    this._mounting = false;
  }

  async attributeChangedCallback(name, oldValue, newValue) {
    if (!this._handle || oldValue === newValue) return;
    try {
      if (name === "lang") this._handle.setLanguage(pickLang(this));
      else if (name === "theme") this._handle.setTheme(pickTheme(this));
      else if (name === "src") this._handle.update(newValue ? await fetchDataset(newValue) : undefined);
    } catch (e) {
      fail(this, e);
    }
  }

  /** The widget handle (see the module's `render`), once mounted. */
  get infographic() {
    return this._handle || null;
  }

  async mount() {
    if (this._handle || this._mounting) return;
    this._mounting = true;
    const generation = (this._generation = (this._generation || 0) + 1);
    try {
      const src = this.getAttribute("src");
      const [mod, dataset] = await Promise.all([load(), src ? fetchDataset(src) : undefined]);
      // Removed from the page while loading: mount nothing.
      if (generation !== this._generation || !this.isConnected) return;
      this._handle = mod.render(this, dataset, { lang: pickLang(this), theme: pickTheme(this) });
    } catch (e) {
      if (generation === this._generation) fail(this, e);
    } finally {
      if (generation === this._generation) this._mounting = false;
    }
  }
}

// Included twice, or alongside another copy: define once, and the first copy wins.
if (!customElements.get(TAG)) {
  reserveHeight();
  customElements.define(TAG, RevitalizationInfographic);
}
