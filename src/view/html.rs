//! The native back end: a view tree written as an HTML/SVG string, everything escaped; the only place markup is produced.

use super::node::{Element, Node, Ns};

const VOID: [&str; 6] = ["br", "hr", "img", "input", "meta", "link"];

pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Attribute names come from the view code, never from data; anything unexpected is dropped.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':' || b == b'_')
        && !name.to_ascii_lowercase().starts_with("on")
}

pub fn to_html(node: &Node) -> String {
    let mut out = String::new();
    write(node, &mut out);
    out
}

fn write(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => escape_text(t, out),
        Node::Element(e) => write_element(e, out),
    }
}

fn write_element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(e.tag);
    if e.tag == "svg" && e.ns == Ns::Svg {
        out.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    for (name, value) in &e.attrs {
        if !is_safe_name(name) {
            continue;
        }
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_attr(value, out);
        out.push('"');
    }
    if e.ns == Ns::Svg && e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    if e.ns == Ns::Html && VOID.contains(&e.tag) {
        return;
    }
    for c in &e.children {
        write(c, out);
    }
    out.push_str("</");
    out.push_str(e.tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::super::node::{el, svg};
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let n: Node = el("p")
            .attr("title", "\"><script>alert(1)</script>")
            .text("<img src=x onerror=alert(1)> & 'q'")
            .into();
        assert_eq!(
            to_html(&n),
            "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; 'q'</p>"
        );
    }

    #[test]
    fn drops_event_handler_attributes_and_closes_svg() {
        let n: Node = svg("svg")
            .attr("onload", "x")
            .attr("viewBox", "0 0 1 1")
            .child(svg("rect").attr("width", "1"))
            .into();
        assert_eq!(
            to_html(&n),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\"/></svg>"
        );
    }
}
