//! The validator's walk: a JSON `Value` checked against the schema's tables (`schema`), every problem reported with its path; no typed structs here (`build`), no cross-references (`refs`).

use super::schema::{
    relation_inputs, Field, Ty, MAX_ABS_VALUE, MAX_ID_CHARS, MAX_UNIT_CHARS, MAX_URL_CHARS,
    MEASURE_WORDS, RELATION_COMMON, SCHEMA_VERSION,
};
use super::ValidationError;
use crate::json::Value;

/// Where a value sits in the document, written out only when an error needs it: a dataset may
/// hold tens of thousands of fields.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

pub struct Checker {
    pub errors: Vec<ValidationError>,
    /// The dataset's languages (zh, en): every text gives exactly these.
    pub langs: [bool; 2],
}

const LANG_KEYS: [&str; 2] = ["zh", "en"];

impl Checker {
    pub fn new(langs: [bool; 2]) -> Checker {
        Checker {
            errors: Vec::new(),
            langs,
        }
    }

    fn declared(&self) -> Vec<&'static str> {
        LANG_KEYS
            .iter()
            .zip(self.langs)
            .filter_map(|(k, on)| on.then_some(*k))
            .collect()
    }
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// reorder the characters after them, so a label "\u{202e} 0001" would show as "1000 ".
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen,
/// variation selectors and the Hangul fillers.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
    )
}

/// The document's text as a message quotes it: at most 40 characters, quotes and backslashes
/// escaped (so the quoted text ends where the message says it does), and
/// control and bidirectional characters shown as U+FFFD so they cannot garble the message.
pub fn shorten(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .flat_map(|c| {
            matches!(c, '"' | '\\')
                .then_some('\\')
                .into_iter()
                .chain([c])
        })
        .collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A number as an error message shows it: never "NaN", "inf", "1e16" or "-0".
pub fn show_number(n: f64) -> String {
    if n.is_nan() {
        "a value that is not a number".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "+∞" } else { "−∞" }.to_owned()
    } else if n == 0.0 {
        "0".to_owned()
    } else {
        // As Rust's Display writes it, never in exponent notation.
        crate::format::plain(n)
    }
}

pub fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{} \"{}\"", value.type_name(), shorten(s)),
        Value::Number(n) if n.is_finite() => format!("the number {}", show_number(*n)),
        Value::Number(n) => show_number(*n),
        other => other.type_name().to_owned(),
    }
}

/// A present, non-null field.
pub fn present<'v>(obj: &'v Value, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| **v != Value::Null)
}

fn names(fields: &[Field]) -> impl Iterator<Item = &'static str> + '_ {
    fields.iter().map(|f| f.name)
}

impl Checker {
    pub fn push(&mut self, path: &Path, message: impl Into<String>) {
        self.errors.push(ValidationError {
            path: path.render(),
            message: message.into(),
        });
    }

    /// Checks `value` against `ty`; false if anything in it is wrong.
    pub fn check(&mut self, value: &Value, ty: &Ty, path: &Path) -> bool {
        match *ty {
            Ty::Str { max } => self.string(value, path, max).is_some(),
            Ty::Id | Ty::Ref { .. } => self.id(value, path).is_some(),
            Ty::Url => self.url(value, path),
            Ty::Date => self.date(value, path),
            Ty::Number => self.number(value, path),
            Ty::Whole { min, max } => match value {
                Value::Number(n)
                    if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(n) =>
                {
                    true
                }
                other => {
                    self.push(
                        path,
                        format!(
                            "must be a whole number from {min} to {max}, got {}",
                            describe(other)
                        ),
                    );
                    false
                }
            },
            Ty::Version => {
                let ok = *value == Value::Number(SCHEMA_VERSION);
                if !ok {
                    self.push(
                        path,
                        format!(
                            "unsupported schema version: {}, expected 1",
                            describe(value)
                        ),
                    );
                }
                ok
            }
            Ty::Keyword { what, all, .. } => self.keyword(value, path, what, all),
            Ty::Text { max } => {
                let required = self.langs;
                self.pair(value, path, required, |c, v, p| {
                    c.string(v, p, max).is_some()
                })
            }
            // The measure word may come from the figure's `written`: `figure_rules` asks for it.
            Ty::Unit => self.pair(value, path, [false, self.langs[1]], |c, v, p| {
                let Some(s) = c.string(v, p, MAX_UNIT_CHARS as u32) else {
                    return false;
                };
                let known = !matches!(p, Path::Key(_, "zh")) || MEASURE_WORDS.contains(&s);
                if !known {
                    c.push(
                        p,
                        format!(
                            "unknown unit \"{}\" (expected one of: {})",
                            shorten(s),
                            MEASURE_WORDS.join(" ")
                        ),
                    );
                }
                known
            }),
            Ty::Object(shape) => {
                let ok = self.object(value, path, shape.fields, &[]);
                // A figure's fields depend on each other: written, kind, value, unit.
                let rules = shape.name != "Figure" || self.figure_rules(value, path);
                ok && rules
            }
            Ty::List { of, min, max, noun } => {
                let Value::Array(items) = value else {
                    self.push(path, format!("must be an array, got {}", describe(value)));
                    return false;
                };
                if items.len() > max as usize {
                    let n = items.len();
                    self.push(path, format!("too many items: {n}, at most {max}"));
                    return false;
                }
                if items.len() < min as usize {
                    self.push(path, format!("must have at least one {noun}"));
                    return false;
                }
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    ok &= self.check(item, of, &Path::Index(path, i));
                }
                ok
            }
            Ty::Relation => self.relation(value, path),
        }
    }

    /// An object's fields: unknown and repeated keys, missing required fields, each present
    /// field checked. `extra` names further known keys (a relation's inputs).
    fn object(&mut self, value: &Value, path: &Path, fields: &[Field], extra: &[Field]) -> bool {
        let Value::Object(entries) = value else {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return false;
        };
        let known: Vec<&str> = names(fields).chain(names(extra)).collect();
        let mut ok = self.keys(entries, path, &known);
        for f in fields.iter().chain(extra) {
            let at = Path::Key(path, f.name);
            match present(value, f.name) {
                Some(v) => ok &= self.check(v, &f.ty, &at),
                None if f.required => {
                    self.push(&at, "missing required field");
                    ok = false;
                }
                None => {}
            }
        }
        ok
    }

    /// Unknown and repeated keys of an object.
    fn keys(&mut self, entries: &[(String, Value)], path: &Path, known: &[&str]) -> bool {
        let mut ok = true;
        for (i, (key, _)) in entries.iter().enumerate() {
            let unknown = !known.contains(&key.as_str());
            if !unknown && !entries.iter().take(i).any(|(k, _)| k == key) {
                continue;
            }
            ok = false;
            // A key that would read as path syntax ("a.b", "x[0]", "") is named in the message
            // and the error sits at the object, so the path still leads into the document.
            let plain = !key.is_empty() && !key.contains(['.', '[', ']']);
            let key_path = Path::Key(path, key);
            let (at, what) = if plain {
                (&key_path, "field".to_owned())
            } else {
                (path, format!("field \"{}\"", shorten(key)))
            };
            if unknown {
                let all = known.join(", ");
                self.push(at, format!("unknown {what} (expected one of: {all})"));
            } else {
                self.push(at, format!("{what} given twice"));
            }
        }
        ok
    }

    /// `{ "zh": …, "en": … }` in the dataset's languages (an undeclared one is an unknown
    /// field), those marked in `required` required, each checked by `each`.
    fn pair(
        &mut self,
        value: &Value,
        path: &Path,
        required: [bool; 2],
        each: impl Fn(&mut Self, &Value, &Path) -> bool,
    ) -> bool {
        let Value::Object(entries) = value else {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return false;
        };
        let declared = self.declared();
        let mut ok = self.keys(entries, path, &declared);
        for (lang, needed) in LANG_KEYS.into_iter().zip(required) {
            let at = Path::Key(path, lang);
            match present(value, lang) {
                Some(v) if declared.contains(&lang) => ok &= each(self, v, &at),
                Some(_) => {}
                None if needed => {
                    self.push(&at, "missing required field");
                    ok = false;
                }
                None => {}
            }
        }
        ok
    }

    fn relation(&mut self, value: &Value, path: &Path) -> bool {
        // The type decides which fields are known, but only an object has one: without this,
        // `null` here would be reported as a missing `type` inside it.
        if !matches!(value, Value::Object(_)) {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return false;
        }
        let type_path = Path::Key(path, "type");
        let inputs = match present(value, "type") {
            Some(Value::String(t)) => relation_inputs(t),
            _ => None,
        };
        let Some(inputs) = inputs else {
            // Says what is wrong with `type` (missing, not a string, unknown), and stops.
            match present(value, "type") {
                None => self.push(&type_path, "missing required field"),
                Some(t) => {
                    if let Some(f) = RELATION_COMMON.iter().find(|f| f.name == "type") {
                        self.check(t, &f.ty, &type_path);
                    }
                }
            }
            return false;
        };
        let extra: Vec<Field> = inputs
            .iter()
            .map(|(name, doc)| Field {
                name,
                ty: Ty::Ref { relation: false },
                required: true,
                doc,
            })
            .collect();
        self.object(value, path, RELATION_COMMON, &extra)
    }

    fn keyword(&mut self, value: &Value, path: &Path, what: &str, all: &[&str]) -> bool {
        let Value::String(s) = value else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return false;
        };
        let ok = all.contains(&s.as_str());
        if !ok {
            self.push(
                path,
                format!(
                    "unknown {what} \"{}\" (expected one of: {})",
                    shorten(s),
                    all.join(", ")
                ),
            );
        }
        ok
    }

    pub fn string<'v>(&mut self, value: &'v Value, path: &Path, max: u32) -> Option<&'v str> {
        let Value::String(s) = value else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return None;
        };
        if s.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            self.push(path, "must not be empty");
            return None;
        }
        let chars = s.chars().count();
        if chars > max as usize {
            self.push(path, format!("too long: {chars} characters, at most {max}"));
            return None;
        }
        // Control characters other than line breaks would be invisible on the page yet change CSV and layout.
        if s.chars().any(|c| c.is_control() && c != '\n') {
            self.push(path, "must not contain control characters");
            return None;
        }
        if s.chars().any(is_bidi_control) {
            self.push(
                path,
                "must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069): they reorder the text that follows",
            );
            return None;
        }
        Some(s)
    }

    fn id<'v>(&mut self, value: &'v Value, path: &Path) -> Option<&'v str> {
        let s = self.string(value, path, MAX_ID_CHARS as u32)?;
        if !is_id(s) {
            self.push(
                path,
                format!(
                    "invalid id \"{}\": use lowercase letters, digits and '-'",
                    shorten(s)
                ),
            );
            return None;
        }
        Some(s)
    }

    fn url(&mut self, value: &Value, path: &Path) -> bool {
        let Some(s) = self.string(value, path, MAX_URL_CHARS as u32) else {
            return false;
        };
        let ok = is_safe_url(s);
        if !ok {
            self.push(
                path,
                format!(
                    "invalid url \"{}\": only http, https or relative links",
                    shorten(s)
                ),
            );
        }
        ok
    }

    fn date(&mut self, value: &Value, path: &Path) -> bool {
        let Some(s) = self.string(value, path, 10) else {
            return false;
        };
        let ok = is_date(s);
        if !ok {
            self.push(path, format!("invalid date \"{s}\": expected YYYY-MM-DD"));
        }
        ok
    }

    fn number(&mut self, value: &Value, path: &Path) -> bool {
        let Value::Number(n) = *value else {
            self.push(path, format!("must be a number, got {}", describe(value)));
            return false;
        };
        if !n.is_finite() {
            let shown = show_number(n);
            self.push(path, format!("must be a finite number, got {shown}"));
            return false;
        }
        if n.abs() > MAX_ABS_VALUE {
            self.push(
                path,
                format!(
                    "implausibly large: {}, at most 1,000,000,000,000,000 in absolute value",
                    show_number(n)
                ),
            );
            return false;
        }
        true
    }
}

pub fn is_id(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && s.bytes().next().is_some_and(|b| b != b'-')
}

/// Only http(s) or relative; checked here so no later stage sees `javascript:`.
pub fn is_safe_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let first_slash = lower.find(['/', '?', '#']);
    let relative = match (scheme_end, first_slash) {
        (None, _) => true,
        (Some(c), Some(sl)) => sl < c,
        (Some(_), None) => false,
    };
    let ok = lower.starts_with("https://") || lower.starts_with("http://") || relative;
    ok && !s.chars().any(char::is_whitespace)
}

pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: Option<&&str>, len: usize| {
        p.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (y, m, d) = (
        num(parts.first(), 4),
        num(parts.get(1), 2),
        num(parts.get(2), 2),
    );
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) if parts.len() == 3 => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 0,
            };
            d >= 1 && d <= days
        }
        _ => false,
    }
}
