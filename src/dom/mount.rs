//! The one facade for DOM writes: create a view tree as real nodes, and patch it to a newer tree, touching only what changed.

use crate::view::node::{Element as VElement, Node as VNode, Ns};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A mounted node and its mounted children, parallel to the view tree it came from.
pub struct Mounted {
    pub node: Node,
    pub children: Vec<Mounted>,
}

/// Attribute names come from view code; an `on…` name would be a handler, so it never reaches the DOM.
fn allowed(name: &str) -> bool {
    !name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"))
}

pub fn create(doc: &Document, v: &VNode) -> Result<Mounted, JsValue> {
    match v {
        VNode::Text(t) => Ok(Mounted {
            node: doc.create_text_node(t).into(),
            children: Vec::new(),
        }),
        VNode::Element(e) => create_element(doc, e),
    }
}

fn create_element(doc: &Document, e: &VElement) -> Result<Mounted, JsValue> {
    let el = match e.ns {
        Ns::Html => doc.create_element(e.tag)?,
        Ns::Svg => doc.create_element_ns(Some(SVG_NS), e.tag)?,
    };
    for (name, value) in &e.attrs {
        if allowed(name) {
            el.set_attribute(name, value)?;
        }
    }
    let node: Node = el.into();
    let mut children = Vec::with_capacity(e.children.len());
    for c in &e.children {
        let m = create(doc, c)?;
        node.append_child(&m.node)?;
        children.push(m);
    }
    Ok(Mounted { node, children })
}

/// Brings `m` (mounted from `old`) in line with `new`. Returns a replacement when the node
/// itself must change (another tag or kind); the caller swaps it in.
pub fn patch(
    doc: &Document,
    old: &VNode,
    new: &VNode,
    m: &mut Mounted,
) -> Result<Option<Mounted>, JsValue> {
    match (old, new) {
        (VNode::Text(a), VNode::Text(b)) => {
            if a != b {
                m.node.set_node_value(Some(b));
            }
            Ok(None)
        }
        (VNode::Element(a), VNode::Element(b)) if a.tag == b.tag && a.ns == b.ns => {
            let el: &web_sys::Element = m.node.unchecked_ref();
            for (name, value) in &b.attrs {
                if allowed(name) && a.get_attr(name) != Some(value.as_str()) {
                    el.set_attribute(name, value)?;
                }
            }
            for (name, _) in &a.attrs {
                if b.get_attr(name).is_none() {
                    el.remove_attribute(name)?;
                }
            }
            patch_children(doc, &a.children, &b.children, m)?;
            Ok(None)
        }
        _ => create(doc, new).map(Some),
    }
}

fn patch_children(
    doc: &Document,
    old: &[VNode],
    new: &[VNode],
    m: &mut Mounted,
) -> Result<(), JsValue> {
    let common = old.len().min(new.len());
    for i in 0..common {
        let (Some(o), Some(n), Some(child)) = (old.get(i), new.get(i), m.children.get_mut(i))
        else {
            break;
        };
        if let Some(replacement) = patch(doc, o, n, child)? {
            m.node.replace_child(&replacement.node, &child.node)?;
            *child = replacement;
        }
    }
    while m.children.len() > new.len() {
        if let Some(extra) = m.children.pop() {
            m.node.remove_child(&extra.node)?;
        }
    }
    for n in new.iter().skip(m.children.len()) {
        let c = create(doc, n)?;
        m.node.append_child(&c.node)?;
        m.children.push(c);
    }
    Ok(())
}
