// The widget's two hot paths, kept in JavaScript so each is one call across the boundary:
// reading a dataset (JSON.stringify, then the Rust parser) and applying a batch of DOM
// operations (text is set as text: createTextNode and nodeValue; nothing is parsed as markup).

const NONFINITE = "\u0000nonfinite";

/** A JS value as JSON text; NaN and infinities survive as marker objects for validation to name. */
export function to_json(value) {
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === "number" && !Number.isFinite(v) ? { [NONFINITE]: String(v) } : v,
  );
  return text === undefined ? "null" : text;
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * Applies `ops` (records separated by \x02, fields by \x01) to the DOM, with `table` mapping
 * the indices Rust allocates to nodes.
 *   E id tag ns   create an element (ns "s": SVG) and open it
 *   A name value  set an attribute on the open element
 *   T id text     create a text node in the open element
 *   C             close the open element; a closed root goes to the insertion point
 *   I parent before   insertion point: append to `parent` (before = "" ) or before node `before`
 *   X old         insertion point: replace node `old`
 *   S id text     set a text node's text
 *   a id name value / r id name   set / remove an attribute
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
  for (const record of ops.split("\u0002")) {
    if (!record) continue;
    const f = record.split("\u0001");
    switch (f[0]) {
      case "E": {
        const el = f[3] === "s" ? document.createElementNS(SVG, f[2]) : document.createElement(f[2]);
        table[+f[1]] = el;
        stack.push(el);
        break;
      }
      case "A":
        stack[stack.length - 1].setAttribute(f[1], f[2]);
        break;
      case "T": {
        const t = document.createTextNode(f[2]);
        table[+f[1]] = t;
        place(t);
        break;
      }
      case "C": {
        const el = stack.pop();
        place(el);
        break;
      }
      case "I":
        target = { parent: table[+f[1]], before: f[2] === "" ? null : table[+f[2]] };
        break;
      case "X":
        target = { replace: table[+f[1]] };
        break;
      case "S":
        table[+f[1]].nodeValue = f[2];
        break;
      case "a":
        table[+f[1]].setAttribute(f[2], f[3]);
        break;
      case "r":
        table[+f[1]].removeAttribute(f[2]);
        break;
      case "D":
        table[+f[1]].remove();
        break;
      case "F":
        table[+f[1]] = undefined;
        break;
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

export function report_panic(message) {
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
