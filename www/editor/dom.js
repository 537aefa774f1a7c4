// The editor's one way to make DOM: elements, attributes and text nodes, never markup strings,
// so nothing a desk pastes or a dataset holds can become markup.

/**
 * h("input", { id: "x", value: "…", oninput: fn }, …children): an element. Props: `class`,
 * `text` (textContent), `on<event>` (a listener), `value`/`checked`/`selected` (set as
 * properties, after the children, so a <select> finds its options), `dataset`, and any other
 * name as an attribute (true → present, false/null/undefined → absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const late = [];
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "value" || k === "checked" || k === "selected") late.push([k, v]);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  for (const [k, v] of late) el[k] = v;
  return el;
}

/** A <select> of [value, label] pairs. */
export function select(props, options, value) {
  return h(
    "select",
    { ...props, value },
    options.map(([v, label]) => h("option", { value: v, text: label })),
  );
}

let serial = 0;
/** An id unique on the page, for label/for and aria-describedby. */
export function uid(prefix = "e") {
  serial += 1;
  return `${prefix}-${serial}`;
}

/** A labelled field: <div class="field"><label for=…>text</label>control</div>. */
export function field(labelText, control, { lang, hint } = {}) {
  if (!control.id) control.id = uid("f");
  if (lang) control.setAttribute("lang", lang);
  const label = h("label", { for: control.id, text: labelText });
  const wrap = h("div", { class: "field" }, label, control);
  if (hint) wrap.append(h("span", { class: "hint", text: hint }));
  return wrap;
}

/** Starts a download of `text` as `name` (a blob URL, revoked once the click has run). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * Asks a yes/no question in a modal <dialog> (not window.confirm, which a page cannot style or
 * label): resolves true for `yes`, false for cancel or Escape.
 */
export function ask(question, yes, no = "Cancel") {
  return new Promise((resolve) => {
    const title = uid("ask");
    const dialog = h("dialog", { class: "ask", "aria-labelledby": title });
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = h("button", { type: "button", text: no, onclick: () => done(false) });
    dialog.append(
      h("p", { id: title, text: question }),
      h(
        "div",
        { class: "buttons" },
        h("button", { type: "button", class: "danger", text: yes, onclick: () => done(true) }),
        cancel,
      ),
    );
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
