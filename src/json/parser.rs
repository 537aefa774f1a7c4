//! JSON text (RFC 8259) to a `Value`, by a small parser of our own: bounded depth and size, errors with line and column; no validation.

use super::{Value, MAX_DEPTH, MAX_NODES};
use std::cell::Cell;

/// Where a syntax error is: what was wrong, line and column, and whether the text ran out.
#[derive(Clone, Copy)]
pub struct Failure {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
    pub at_end: bool,
}

pub struct Parser<'a> {
    /// The text, and the same as bytes: strings are sliced from the text, so no UTF-8 check.
    pub text: &'a str,
    pub bytes: &'a [u8],
    pub pos: usize,
    pub depth: u32,
    pub nodes: u32,
    pub failed: Cell<Option<Failure>>,
}

impl Parser<'_> {
    pub(super) fn error(&self, what: &'static str) -> String {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Characters, not bytes: every byte that does not continue a UTF-8 sequence starts one
        // (the text is a `str`), without a lossy decode's code in the module.
        let column = before
            .get(line_start..)
            .unwrap_or(&[])
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
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

    pub(super) fn skip_ws(&mut self) {
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

    pub(super) fn value(&mut self) -> Result<Value, String> {
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
            // Digit by digit: from_str_radix would take "+abc", and wants a str.
            .and_then(|h| {
                h.iter()
                    .try_fold(0u32, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
            })
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
            // We only stop at ASCII bytes, so both ends are character boundaries of the text.
            out.push_str(self.text.get(start..self.pos).unwrap_or(""));
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
