//! Prints the figures `reader::figures` finds in a text file (or stdin) as JSON lines, for corpus/bench.mjs.
//! The article reader is native (and desk) code: in the wasm build's tests this example is empty.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Read;

    use revitalization_infographic::reader::figures;

    fn push_json_str(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    pub fn main() {
        let mut text = String::new();
        let read = match std::env::args().nth(1) {
            Some(path) => std::fs::read_to_string(path).map(|t| text = t),
            None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        };
        if let Err(e) = read {
            eprintln!("figures: {e}");
            std::process::exit(1);
        }
        let mut out = String::new();
        for f in figures(&text) {
            out.push_str(&format!("{{\"value\":{:?},\"high\":", f.value));
            match f.high {
                Some(h) => out.push_str(&format!("{h:?}")),
                None => out.push_str("null"),
            }
            for (k, v) in [
                ("kind", f.kind.as_str()),
                ("unit", f.unit),
                ("qualifier", f.qualifier.as_str()),
                ("notation", f.notation.as_str()),
                ("written", f.written),
                ("sentence", f.sentence),
                ("label", &f.label),
            ] {
                out.push_str(",\"");
                out.push_str(k);
                out.push_str("\":");
                push_json_str(&mut out, v);
            }
            out.push_str(&format!(
                ",\"span\":[{},{}],\"notes\":[",
                f.span.start, f.span.end
            ));
            for (i, n) in f.notes.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_str(&mut out, n.as_str());
            }
            out.push_str("]}\n");
        }
        print!("{out}");
    }
}
