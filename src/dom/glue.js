// The widget's hot path, kept in JavaScript so it is one call across the boundary: applying a
// batch of DOM operations (text is set as text: createTextNode and nodeValue; nothing is
// parsed as markup).

const SVG = "http://www.w3.org/2000/svg";

/**
 * Applies `ops` (fields each ended by \x01; every operation has a fixed number of them) to the
 * DOM, with `table` mapping the indices Rust allocates to nodes.
 *   E id tag ns   create an element (ns "s": SVG) and open it
 *   A name value  set an attribute on the open element
 *   T id text     create a text node in the open element
 *   C             close the open element; a closed root goes to the insertion point
 *   I parent before   insertion point: append to `parent` (before = "" ) or before node `before`
 *   X old         insertion point: replace node `old`
 *   S id text     set a text node's text
 *   a id name value / r id name   set / remove an attribute
 *   P id prop value   set a CSS property through the CSSOM
 *   Z id          remove every child of a node
 *   D id          remove a node from its parent
 *   F id          forget an index
 */
export function apply_ops(table, ops) {
  const stack = [];
  let target = null;
  const place = (node) => {
    if (stack.length) stack[stack.length - 1].appendChild(node);
    else if (target && target.replace) target.replace.replaceWith(node);
    else if (target && target.before) target.parent.insertBefore(node, target.before);
    else if (target) target.parent.appendChild(node);
  };
  // One split for the whole batch; the last element is the empty string after the last \x01.
  const f = ops.split("\u0001");
  const end = f.length - 1;
  let i = 0;
  while (i < end) {
    switch (f[i++]) {
      case "E": {
        const id = +f[i++];
        const tag = f[i++];
        const el = f[i++] === "s" ? document.createElementNS(SVG, tag) : document.createElement(tag);
        table[id] = el;
        stack.push(el);
        break;
      }
      case "A": {
        const name = f[i++];
        stack[stack.length - 1].setAttribute(name, f[i++]);
        break;
      }
      case "T": {
        const id = +f[i++];
        const t = document.createTextNode(f[i++]);
        table[id] = t;
        place(t);
        break;
      }
      case "C":
        place(stack.pop());
        break;
      case "I": {
        const parent = table[+f[i++]];
        const before = f[i++];
        target = { parent, before: before === "" ? null : table[+before] };
        break;
      }
      case "X":
        target = { replace: table[+f[i++]] };
        break;
      case "S": {
        const node = table[+f[i++]];
        node.nodeValue = f[i++];
        break;
      }
      case "a": {
        const node = table[+f[i++]];
        const name = f[i++];
        node.setAttribute(name, f[i++]);
        break;
      }
      case "r": {
        const node = table[+f[i++]];
        node.removeAttribute(f[i++]);
        break;
      }
      case "P": {
        const node = table[+f[i++]];
        const prop = f[i++];
        node.style.setProperty(prop, f[i++]);
        break;
      }
      case "Z":
        table[+f[i++]].replaceChildren();
        break;
      case "D":
        table[+f[i++]].remove();
        break;
      case "F":
        table[+f[i++]] = undefined;
        break;
      default:
        // Cannot happen (Rust writes every batch); stop rather than read fields out of step.
        // No throw: an exception here would unwind through the widget's Rust frames.
        return;
    }
  }
}

// Every mounted widget's host, so a panic (which leaves the module unusable) can still put
// each widget into a visible error state. Kept here, not in Rust: after a panic, Rust's own
// state may be mid-borrow.
const hosts = new Set();

export function register_host(el) {
  hosts.add(el);
}

export function unregister_host(el) {
  hosts.delete(el);
}

export function fire(host, name, detail) {
  queueMicrotask(() => {
    if (hosts.has(host)) host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  });
}

// Set once the module has stopped: by the full module's panic hook (report_panic), or by
// guard() when a call into the module ends in an exception.
let stopped = false;

export function report_panic(message) {
  if (stopped) return;
  stopped = true;
  for (const el of hosts) {
    try {
      el.setAttribute("data-state", "error");
      el.dispatchEvent(
        new CustomEvent("error", {
          bubbles: true,
          composed: true,
          detail: { code: "internal-error", message: `internal error: ${message}` },
        }),
      );
    } catch {
      // One host's listener failing must not keep the others from hearing.
    }
  }
}

const stoppedError = () =>
  Object.assign(
    new Error("internal error: the infographic module stopped after an internal failure; reload the page"),
    { code: "internal-error", path: "" },
  );

/**
 * The module's exports, each function wrapped, as the glue is to call them
 * (scripts/inline-snippets.mjs hands them here at instantiation). A WebAssembly trap out of one
 * (a panic in the reader's module, which is built to abort at once; memory running out in any
 * module) or the stack running out leaves the module's state half-updated: then every widget
 * goes into its error state (report_panic, once), and from then on a call the page makes
 * (render, a handle's methods) throws `internal-error`, while a listener's closure or a
 * finalizer returns without entering the module, so the page gets no uncaught errors from it.
 * Other exceptions pass as they are: wasm-bindgen throws its own at the boundary, before the
 * module's state is touched (a freed handle's "null pointer passed to rust").
 */
export function guard(exports) {
  const out = {};
  for (const name of Object.keys(exports)) {
    const f = exports[name];
    if (typeof f !== "function") {
      out[name] = f;
      continue;
    }
    // wasm-bindgen's names for a closure's entry, a closure's drop and a handle's finalizer
    // (the first carries a crate hash in the reader's module: wasm_bindgen_<hash>___convert__…),
    // or, in dist/, the short names scripts/short-imports.mjs gives them (`$a`, `$b`, …: its
    // quietExport() tests the same long names).
    const quiet = /^\$|convert__closures_|^__wbindgen_destroy_closure$|_free$/.test(name);
    out[name] = function (...args) {
      if (!stopped) {
        try {
          return f.apply(this, args);
        } catch (e) {
          if (!(e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message)))) throw e;
          console.error("revitalization-infographic: the module stopped:", e);
          report_panic("the module stopped after a failure inside it");
        }
      }
      if (quiet) return undefined;
      throw stoppedError();
    };
  }
  return out;
}
