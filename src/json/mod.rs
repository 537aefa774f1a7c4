//! A JSON value with bounded depth and size: read from text by our own parser (`parser`), from and to JS objects and other serde formats (`convert`); errors in words; no validation here.

mod convert;
mod parser;

pub use convert::read;
use parser::{Failure, Parser};
use std::cell::Cell;

/// Deeper than any valid dataset (which needs 5 levels); also stops cyclic JS objects.
pub const MAX_DEPTH: u32 = 16;
/// Values of every kind counted together: room for 50,000 figures, not for a memory bomb.
pub const MAX_NODES: u32 = 2_000_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Keys in document order; duplicates are kept so validation can name them.
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The first value under `key` of an object; `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses JSON text (RFC 8259) into a `Value`, refusing documents deeper than `MAX_DEPTH`
/// or larger than `MAX_NODES` values. Errors say what was expected and where (line, column).
pub fn parse(text: &str) -> Result<Value, String> {
    parse_parts(text).0
}

/// The parse, and where it failed: (what, line, column, at the end of the text).
fn parse_parts(text: &str) -> (Result<Value, String>, Option<Failure>) {
    // Windows editors save JSON with a byte-order mark, and the browser's `Response.json()`
    // drops it; so does this parser, or a file would load in one place and not the other.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        nodes: 0,
        failed: Cell::new(None),
    };
    let result = (|| {
        p.skip_ws();
        let v = p.value()?;
        p.skip_ws();
        if p.pos < p.bytes.len() {
            return Err(p.error("trailing characters after the document"));
        }
        Ok(v)
    })();
    (result, p.failed.get())
}

/// JSON text a reader's page fetched, read with errors in words for an editor: empty, not
/// JSON at all (an HTML page), cut off, or wrong at a line and column.
pub fn parse_document(text: &str) -> Result<Value, String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    if body.trim_end().is_empty() {
        return Err("it is empty".to_owned());
    }
    if !body.starts_with(['{', '[']) {
        let mut shown: String = body
            .split_whitespace()
            .flat_map(|w| w.chars().chain([' ']))
            .take(24)
            .map(|c| if c.is_control() { '·' } else { c })
            .collect();
        shown = shown.trim_end().to_owned();
        if body
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(24)
            .is_some()
        {
            shown.push('…');
        }
        return Err(format!("it starts with \"{shown}\", not with \"{{\""));
    }
    match parse_parts(text) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(f)) if f.at_end => {
            Err("it stops in the middle (the file is cut off)".to_owned())
        }
        (Err(_), Some(f)) => Err(format!(
            "something is wrong at line {}, column {}: {}",
            f.line, f.column, f.what
        )),
        (Err(e), None) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_documents_in_order() {
        let v = parse(r#"{"b": [1, 2.5, null], "a": {"x": true}, "b": "dup"}"#);
        let Ok(Value::Object(entries)) = v else {
            panic!("not an object: {v:?}");
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(
            entries[0].1,
            Value::Array(vec![Value::Number(1.0), Value::Number(2.5), Value::Null])
        );
    }

    #[test]
    fn refuses_deep_nesting_and_recovers() {
        let deep = "[".repeat(40) + &"]".repeat(40);
        let err = parse(&deep).unwrap_err();
        assert!(err.contains("too deep"), "{err}");
        // The depth counter must not leak into the next read.
        let ok = "[".repeat(10) + &"]".repeat(10);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn counts_the_error_column_in_characters() {
        // Line 2: `  "标题": ` is 8 characters (12 bytes before the error), so `x` is the 9th.
        let err = parse("{\n  \"标题\": x}").unwrap_err();
        assert!(err.ends_with("at line 2 column 9"), "{err}");
        // A string with escapes and CJK text is read back whole.
        assert_eq!(
            parse("\"西安\\u0041\\n乡村\""),
            Ok(Value::String("西安A\n乡村".into()))
        );
    }

    #[test]
    fn reports_malformed_text() {
        let err = parse("{\"a\": }").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(parse("[1] x").is_err());
        assert!(parse("NaN").is_err());
    }
}
