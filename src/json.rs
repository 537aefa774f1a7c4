//! A JSON value with bounded depth and size, parsed from text by a small parser of our own (the browser hands us `JSON.stringify` output); no validation here.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::cell::Cell;
use std::fmt;

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

/// Where a syntax error is: what was wrong, line and column, and whether the text ran out.
#[derive(Clone, Copy)]
struct Failure {
    what: &'static str,
    line: usize,
    column: usize,
    at_end: bool,
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    nodes: u32,
    failed: Cell<Option<Failure>>,
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> String {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        self.failed.set(Some(Failure {
            what,
            line,
            column,
            at_end: self.pos >= self.bytes.len(),
        }));
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], v: Value) -> Result<Value, String> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(format!("document too large: more than {MAX_NODES} values"));
        }
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word(b"true", Value::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Value::Bool(false)),
            Some(b'n') => self.expect_word(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end of the document")),
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!(
                "document too deep: more than {MAX_DEPTH} levels of nesting"
            ));
        }
        self.pos += 1;
        self.skip_ws();
        Ok(())
    }

    fn array(&mut self) -> Result<Value, String> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.enter()?;
        let mut entries: Vec<(String, Value)> = Vec::new();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(entries));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(entries));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            // from_str_radix alone would take "+abc".
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The input is a &str, and we only stop at ASCII bytes, so this slice is UTF-8.
            out.push_str(
                std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or(&[])).unwrap_or(""),
            );
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.error("unexpected end of the document in a string"));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                            {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate is not text: it becomes U+FFFD, as TextDecoder does.
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.error("invalid escape in a string")),
                    }
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unexpected end of the document in a string")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        // Significant digits (at most 19: beyond, digits cannot change a figure we accept)
        // and the position of the decimal point relative to them.
        let mut digits: Vec<u8> = Vec::new();
        let mut point: i32 = 0;
        let mut any = false;
        let mut leading_zero = false;
        let mut int_digits = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if int_digits == 0 && b == b'0' {
                leading_zero = true;
            } else if leading_zero && int_digits == 1 {
                return Err(self.error("invalid number: leading zero"));
            }
            int_digits += 1;
            any = true;
            self.pos += 1;
            if b == b'0' && digits.is_empty() {
                continue;
            }
            if digits.len() < 19 {
                digits.push(b);
            }
            point = point.saturating_add(1);
        }
        if !any {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let mut frac = false;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                frac = true;
                self.pos += 1;
                if b == b'0' && digits.is_empty() {
                    point = point.saturating_sub(1);
                    continue;
                }
                if digits.len() < 19 {
                    digits.push(b);
                }
            }
            if !frac {
                return Err(self.error("invalid number: no digits after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let exp_negative = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let mut exp: i32 = 0;
            let mut exp_any = false;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                exp_any = true;
                self.pos += 1;
                exp = exp.saturating_mul(10).saturating_add(i32::from(b - b'0'));
            }
            if !exp_any {
                return Err(self.error("invalid number: no digits in the exponent"));
            }
            point = point.saturating_add(if exp_negative { -exp } else { exp });
        }
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        let magnitude = if digits.is_empty() {
            0.0
        } else if point > 400 {
            f64::INFINITY
        } else if point < -400 {
            0.0
        } else {
            crate::decimal::decimal_to_f64(&digits, point).unwrap_or(f64::INFINITY)
        };
        Ok(Value::Number(if negative { -magnitude } else { magnitude }))
    }
}

/// Reading from any serde source: a JS object through serde-wasm-bindgen in the browser (NaN,
/// infinities and odd keys arrive as they are, for validation to name), serde_json natively.
/// JSON text has its own, faster path: `parse`.
mod from_serde {
    use super::*;

    thread_local! {
        static DEPTH: Cell<u32> = const { Cell::new(0) };
        static NODES: Cell<u32> = const { Cell::new(0) };
    }

    /// Reads one document into a `Value`, enforcing the limits; resets the counters first so that
    /// an earlier failed read cannot leak into this one.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        DEPTH.with(|d| d.set(0));
        NODES.with(|n| n.set(0));
        Value::deserialize(deserializer)
    }

    fn count_node<E: de::Error>() -> Result<(), E> {
        let n = NODES.with(|n| {
            let v = n.get().saturating_add(1);
            n.set(v);
            v
        });
        if n > MAX_NODES {
            return Err(E::custom(format!(
                "document too large: more than {MAX_NODES} values"
            )));
        }
        Ok(())
    }

    /// Decrements the depth when a container is left, on the error path too.
    struct DepthGuard;

    impl DepthGuard {
        fn enter<E: de::Error>() -> Result<DepthGuard, E> {
            let depth = DEPTH.with(|d| {
                let v = d.get().saturating_add(1);
                d.set(v);
                v
            });
            let guard = DepthGuard;
            if depth > MAX_DEPTH {
                return Err(E::custom(format!(
                    "document too deep: more than {MAX_DEPTH} levels of nesting"
                )));
            }
            Ok(guard)
        }
    }

    impl Drop for DepthGuard {
        fn drop(&mut self) {
            DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        }
    }

    struct ValueVisitor;

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("JSON data")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Bool(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Number(v as f64))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Number(v as f64))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Number(v))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
            count_node()?;
            Ok(Value::String(v.to_owned()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
            count_node()?;
            Ok(Value::String(v))
        }

        // Typed arrays and ArrayBuffers: not JSON data. Said here, not by serde's default,
        // whose message would print through `de::Unexpected` (and so a float formatter).
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
            Err(E::custom(
                "a typed array or ArrayBuffer, which is not JSON data",
            ))
        }

        fn visit_byte_buf<E: de::Error>(self, _: Vec<u8>) -> Result<Value, E> {
            Err(E::custom(
                "a typed array or ArrayBuffer, which is not JSON data",
            ))
        }

        fn visit_none<E: de::Error>(self) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Null)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
            count_node()?;
            Ok(Value::Null)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            Value::deserialize(d)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            count_node()?;
            let _guard = DepthGuard::enter()?;
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<Value>()? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            count_node()?;
            let _guard = DepthGuard::enter()?;
            let mut entries = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value::<Value>()?;
                entries.push((key, value));
            }
            Ok(Value::Object(entries))
        }
    }

    impl<'de> Deserialize<'de> for Value {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
    }
}
pub use from_serde::read;

/// Writing to any serde target: `defaultDataset()` hands the story to JS as an object.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(t) => s.serialize_str(t),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
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
    fn reports_malformed_text() {
        let err = parse("{\"a\": }").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(parse("[1] x").is_err());
        assert!(parse("NaN").is_err());
    }
}
