//! The detached element tree every back end consumes: tag, attributes, text, children; no DOM, no markup strings.

/// Which namespace an element is created in; the DOM back end needs it for `createElementNS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    Html,
    Svg,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub ns: Ns,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        ns: Ns::Html,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

pub fn svg(tag: &'static str) -> Element {
    Element {
        tag,
        ns: Ns::Svg,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

pub fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.push_attr(name, value.into());
        self
    }

    /// Not inlined: the view sets attributes at some 290 places, and each copy of `Vec::push`
    /// there cost more than the call (-0.12 KB gzip of the reader's module, measured 2026-12-02).
    #[inline(never)]
    fn push_attr(&mut self, name: &'static str, value: String) {
        self.attrs.push((name, value));
    }

    pub fn attr_if(self, cond: bool, name: &'static str, value: impl Into<String>) -> Self {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }

    pub fn class(self, value: impl Into<String>) -> Self {
        self.attr("class", value)
    }

    /// A number attribute, rounded to 0.1 so snapshots and the DOM stay stable.
    pub fn num(self, name: &'static str, value: f64) -> Self {
        self.attr(name, fmt_coord(value))
    }

    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.push_child(node.into());
        self
    }

    /// Not inlined, as `push_attr`.
    #[inline(never)]
    fn push_child(&mut self, node: Node) {
        self.children.push(node);
    }

    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(nodes);
        self
    }

    pub fn text(self, s: impl Into<String>) -> Self {
        self.child(text(s))
    }

    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Node {
        Node::Element(e)
    }
}

impl Node {
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        }
    }

    /// All text below this node, concatenated in document order.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.walk(&mut |n| {
            if let Node::Text(t) = n {
                out.push_str(t);
            }
        });
        out
    }

    /// Pre-order visit of every node.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Node)) {
        f(self);
        if let Node::Element(e) = self {
            for c in &e.children {
                c.walk(f);
            }
        }
    }

    /// Elements whose attribute `name` equals `value`.
    pub fn find_all<'a>(&'a self, name: &str, value: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if let Node::Element(e) = n {
                if e.get_attr(name) == Some(value) {
                    out.push(e);
                }
            }
        });
        out
    }

    /// Elements whose class list contains `class`.
    pub fn find_class<'a>(&'a self, class: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if let Node::Element(e) = n {
                if e.get_attr("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == class))
                {
                    out.push(e);
                }
            }
        });
        out
    }

    pub fn count_elements(&self) -> usize {
        let mut n = 0;
        self.walk(&mut |node| {
            if matches!(node, Node::Element(_)) {
                n += 1;
            }
        });
        n
    }
}

/// `v` limited to `lo..=hi`, NaN to `lo`. Not `f64::clamp`: its assertion message prints the
/// bounds with `{:?}`, which alone pulls Rust's float printing (about 20 kB) into the wasm.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Coordinates to one decimal, without "-0" or a trailing ".0". Integer arithmetic, not
/// float formatting: a 10,000-bar chart writes a hundred thousand of these.
pub fn fmt_coord(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let tenths = clamp((v * 10.0).round(), -1e15, 1e15) as i64;
    let (int, frac) = (tenths / 10, (tenths % 10).unsigned_abs());
    let sign = if tenths < 0 && int == 0 { "-" } else { "" };
    if frac == 0 {
        format!("{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::fmt_coord;

    #[test]
    fn coordinates_round_to_tenths() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (-0.04, "0"),
            (-0.05, "-0.1"),
            (-0.5, "-0.5"),
            (12.34, "12.3"),
            (12.35, "12.4"),
            (-12.35, "-12.4"),
            (477.4, "477.4"),
            (100.0, "100"),
            (f64::NAN, "0"),
        ];
        for (v, want) in cases {
            assert_eq!(fmt_coord(v), want, "{v}");
        }
    }
}
