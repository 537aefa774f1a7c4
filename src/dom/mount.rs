//! The one facade for DOM writes: a view tree becomes a batch of operations (create, patch,
//! remove) that `glue.js` applies in one call; only what changed is written.

use crate::view::node::{Element as VElement, Node as VNode, Ns};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/dom/glue.js")]
extern "C" {
    fn apply_ops(table: &js_sys::Array, ops: &str);
    /// The same, with the batch already a JS string (decoded ahead of time).
    #[wasm_bindgen(js_name = apply_ops)]
    fn apply_ops_js(table: &js_sys::Array, ops: &js_sys::JsString);
    pub fn register_host(host: &web_sys::Element);
    pub fn unregister_host(host: &web_sys::Element);
    /// Fires a CustomEvent on `host` once the current call has returned (a microtask), so a
    /// handler finds the widget's state free and the caller's handle already in hand.
    pub fn fire(host: &web_sys::Element, name: &str, detail: &JsValue);
    /// Puts every mounted widget into its error state; see `crate::exports::start` (the full
    /// module's panic hook; the reader's module has none).
    #[cfg(not(feature = "lean"))]
    pub fn report_panic(message: &str);
}

/// A mounted node: its index in the widget's node table, and its mounted children,
/// parallel to the view tree it came from.
#[derive(Clone)]
pub struct Mounted {
    pub id: u32,
    pub children: Vec<Mounted>,
}

/// The widget's node table: indices into a JS array, reused once freed. A clone shares the
/// array and copies the bookkeeping, so a batch can be prepared against it and applied later.
#[derive(Clone)]
pub struct Table {
    pub nodes: js_sys::Array,
    next: u32,
    free: Vec<u32>,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            nodes: js_sys::Array::new(),
            next: 0,
            free: Vec::new(),
        }
    }
}

impl Table {
    /// The node at `id`, as the table holds it.
    pub fn node(&self, id: u32) -> JsValue {
        self.nodes.get(id)
    }

    /// The index of a node the table holds (a DOM element an event came from).
    pub fn index_of(&self, node: &JsValue) -> Option<u32> {
        u32::try_from(self.nodes.index_of(node, 0)).ok()
    }

    fn alloc(&mut self) -> u32 {
        self.free.pop().unwrap_or_else(|| {
            self.next += 1;
            self.next - 1
        })
    }

    /// A node given to the table from outside (the frame the widget renders into).
    pub fn adopt(&mut self, node: &JsValue) -> u32 {
        let id = self.alloc();
        self.nodes.set(id, node.clone());
        id
    }
}

/// Operations for one batch; `flush` sends them.
pub struct Ops<'t> {
    buf: String,
    table: &'t mut Table,
}

/// Ends every field; each operation has a fixed number of fields, so `glue.js` splits the whole
/// batch once and reads it in order.
const FIELD: char = '\u{1}';

impl<'t> Ops<'t> {
    pub fn new(table: &'t mut Table) -> Self {
        Ops {
            buf: String::new(),
            table,
        }
    }

    fn op(&mut self, fields: &[&str]) {
        for f in fields {
            // The separator must not occur in text; validation refuses control characters,
            // and this keeps any that reach an error message from shifting the fields.
            if f.bytes().any(|b| b == 1) {
                self.buf
                    .extend(f.chars().map(|c| if c == FIELD { '\u{FFFD}' } else { c }));
            } else {
                self.buf.push_str(f);
            }
            self.buf.push(FIELD);
        }
    }

    pub fn flush(self) {
        apply(self.table, &self.buf);
    }

    /// The batch as text, to `apply` later against the table it was made with.
    pub fn into_batch(self) -> String {
        self.buf
    }

    /// Sets an attribute of a node already in the table.
    pub fn set_attr(&mut self, id: u32, name: &str, value: &str) {
        if allowed(name) {
            self.op(&["a", &id.to_string(), name, value]);
        }
    }

    pub fn remove_attr(&mut self, id: u32, name: &str) {
        self.op(&["r", &id.to_string(), name]);
    }

    /// Sets a text node's text.
    pub fn set_text(&mut self, id: u32, text: &str) {
        self.op(&["S", &id.to_string(), text]);
    }

    /// Sets one CSS property through the CSSOM (allowed under a strict CSP, unlike `style="…"`).
    pub fn set_style(&mut self, id: u32, property: &str, value: &str) {
        self.op(&["P", &id.to_string(), property, value]);
    }

    /// Removes every child of a node that the table holds but whose children it does not
    /// track (the shadow root, when the widget mounts or goes).
    pub fn clear(&mut self, id: u32) {
        self.op(&["Z", &id.to_string()]);
    }

    /// Appends a new tree under the mounted node `parent`.
    pub fn append(&mut self, parent: u32, v: &VNode) -> Mounted {
        self.op(&["I", &parent.to_string(), ""]);
        self.create(v)
    }

    fn create(&mut self, v: &VNode) -> Mounted {
        let id = self.table.alloc();
        match v {
            VNode::Text(t) => {
                self.op(&["T", &id.to_string(), t]);
                Mounted {
                    id,
                    children: Vec::new(),
                }
            }
            VNode::Element(e) => self.create_element(id, e),
        }
    }

    fn create_element(&mut self, id: u32, e: &VElement) -> Mounted {
        let ns = if e.ns == Ns::Svg { "s" } else { "h" };
        self.op(&["E", &id.to_string(), e.tag, ns]);
        for (name, value) in &e.attrs {
            if allowed(name) {
                self.op(&["A", name, value]);
            }
        }
        let children = e.children.iter().map(|c| self.create(c)).collect();
        self.op(&["C"]);
        Mounted { id, children }
    }

    fn free(&mut self, m: &Mounted) {
        for c in &m.children {
            self.free(c);
        }
        self.op(&["F", &m.id.to_string()]);
        self.table.free.push(m.id);
    }

    /// Removes a mounted tree from the page and frees its indices.
    pub fn remove(&mut self, m: &Mounted) {
        self.op(&["D", &m.id.to_string()]);
        self.free(m);
    }

    /// Brings `m` (mounted from `old`) in line with `new`.
    pub fn patch(&mut self, old: &VNode, new: &VNode, m: &mut Mounted) {
        match (old, new) {
            (VNode::Text(a), VNode::Text(b)) => {
                if a != b {
                    self.op(&["S", &m.id.to_string(), b]);
                }
            }
            (VNode::Element(a), VNode::Element(b)) if a.tag == b.tag && a.ns == b.ns => {
                let id = m.id.to_string();
                for (name, value) in &b.attrs {
                    if allowed(name) && a.get_attr(name) != Some(value.as_str()) {
                        self.op(&["a", &id, name, value]);
                    }
                }
                for (name, _) in &a.attrs {
                    if b.get_attr(name).is_none() {
                        self.op(&["r", &id, name]);
                    }
                }
                self.patch_children(&a.children, &b.children, m);
            }
            _ => {
                self.op(&["X", &m.id.to_string()]);
                let replacement = self.create(new);
                let old_m = std::mem::replace(m, replacement);
                self.free(&old_m);
            }
        }
    }

    fn patch_children(&mut self, old: &[VNode], new: &[VNode], m: &mut Mounted) {
        for ((o, n), child) in old.iter().zip(new).zip(m.children.iter_mut()) {
            self.patch(o, n, child);
        }
        while m.children.len() > new.len() {
            if let Some(extra) = m.children.pop() {
                self.remove(&extra);
            }
        }
        if new.len() > m.children.len() {
            self.op(&["I", &m.id.to_string(), ""]);
            for n in new.iter().skip(m.children.len()) {
                let c = self.create(n);
                m.children.push(c);
            }
        }
    }
}

/// Applies a batch made by `Ops`.
pub fn apply(table: &Table, batch: &str) {
    if !batch.is_empty() {
        apply_ops(&table.nodes, batch);
    }
}

/// Applies a batch made by `Ops` and turned into a JS string beforehand.
pub fn apply_js(table: &Table, batch: &js_sys::JsString) {
    if batch.length() > 0 {
        apply_ops_js(&table.nodes, batch);
    }
}

/// Attribute names come from view code; an `on…` name would be a handler, so it never reaches the DOM.
fn allowed(name: &str) -> bool {
    !name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"))
}
