#![cfg(not(target_arch = "wasm32"))]
//! The whole pipeline under generated hostile datasets: JSON text (truncated, byte-flipped,
//! spliced) and parsed documents (structured mutations of the Xi'an story and the corpus) go
//! through `json::parse`, `dataset::validate`, `stats::compute`, number formatting in zh and
//! en, `view::build` at random widths, languages and modes, every tooltip, both exports and the
//! HTML writer. Nothing may panic; a refused document's errors point into it; the markup holds
//! no script, event handler or script URL; no number prints as NaN, inf, 1e16 or -0; and bar
//! charts keep their text inside the column.
//!
//! proptest is the fuzzer: it runs in `cargo test` with no nightly toolchain or extra tool,
//! shrinks a failure to a small input and prints it. The corpus in tests/corpus/ runs first as
//! seed inputs, and `corpus_outcomes` pins what each file must give.
//!
//! `FUZZ_CASES=n` sets the number of generated cases over both fuzz tests (default 100,000:
//! 35% mutated documents, 65% JSON text; the two run side by side). Each prints how many
//! cases it ran and how they ended.

mod common;

use common::{check_errors, check_markup, check_pipeline, corpus, default_value, points_into};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use revitalization_infographic::dataset::{self, validate, MEASURE_WORDS};
use revitalization_infographic::format::Lang;
use revitalization_infographic::json::{self, Value};
use revitalization_infographic::stats;
use revitalization_infographic::view::{self, export, html::to_html, ViewOptions};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// Generated cases per run, over both fuzz tests.
const DEFAULT_CASES: u32 = 100_000;
/// The part of the cases the document test takes, in percent: a mutated document costs about
/// twice a piece of text (most mutated text no longer parses), so both finish together.
const DOCUMENT_PERCENT: u32 = 35;

fn cases(percent: u32) -> u32 {
    let total = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    u32::try_from(u64::from(total) * u64::from(percent) / 100).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// Documents to mutate: the Xi'an story and every corpus file that parses, as values and as text.
struct Bases {
    values: Vec<Value>,
    texts: Vec<String>,
    /// Every figure and relation id of the story, so a mutation can point a reference elsewhere.
    ids: Vec<String>,
}

fn bases() -> &'static Bases {
    static BASES: OnceLock<Bases> = OnceLock::new();
    BASES.get_or_init(|| {
        let mut values = vec![default_value()];
        let mut texts = vec![dataset::DEFAULT_JSON.to_owned()];
        for (_, text) in corpus() {
            if let Ok(v) = json::parse(&text) {
                values.push(v);
            }
            texts.push(text);
        }
        let ds = dataset::Dataset::default_story().expect("the story validates");
        let ids = ds
            .figures()
            .map(|f| f.id.clone())
            .chain(ds.relations.iter().map(|r| r.id.clone()))
            .collect();
        Bases { values, texts, ids }
    })
}

const NUMBERS: [f64; 42] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    0.0,
    5e-324,
    f64::MIN_POSITIVE,
    1e-300,
    1e-7,
    0.004,
    -0.004,
    0.005,
    0.1 + 0.2,
    1.005,
    2.5,
    9.0,
    11.42,
    78.08,
    99.995,
    99.999,
    100.0,
    100.000_000_1,
    -1.0,
    -5.0,
    -11.42,
    1672.0,
    14645.0,
    16317.0,
    9999.5,
    99_995_000.0,
    99_999_999.0,
    26_770_250.0,
    999_999_999_999.5,
    1e12,
    1e15,
    -1e15,
    1.000_000_000_000_000_2e15,
    9_007_199_254_740_993.0,
    1e16,
    -1e16,
    f64::MAX,
    f64::MIN,
];

const STRINGS: [&str; 52] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "&lt;script&gt;",
    "<SvG/OnLoAd=alert(1)>",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.com/a?b=\"><script>",
    "/relative/path.html",
    "' onmouseover='alert(1)",
    "</style><style>*{display:none}</style>",
    "]]><!--",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+cmd|' /C calc'!A0",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "\u{202e} 0001",
    "\u{2067}abc\u{2069}",
    "\u{200b}",
    "\u{200b}\u{200d}\u{feff}",
    "a\u{200b}b\u{200d}c\u{feff}",
    "👩‍🌾🌾",
    "🇨🇳❤️☀️⭐",
    "عدد الفرق العاملة 358",
    "צוותי עבודה בכפרים",
    "a\u{0}b",
    "a\u{1b}[31m",
    "two\nlines",
    "",
    " ",
    "\u{3000}",
    "NaN",
    "-0",
    "1e16",
    "Infinity",
    "count",
    "money",
    "share",
    "change",
    "hanzi",
    "wan",
    "yi",
    "auto",
    "at-least",
    "about",
    "ratio",
    "part-of",
    "share-total",
    "2024-02-29",
    "2023-02-29",
    "人次",
];

fn long_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("长".repeat(200)),
        Just("长".repeat(201)),
        Just("W".repeat(200)),
        Just("Mm ".repeat(66) + "Mm"),
        Just("👩‍🌾".repeat(66)),
        Just("句".repeat(1001)),
    ]
}

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(STRINGS.to_vec()).prop_map(str::to_owned),
        6 => select(bases().ids.clone()),
        2 => select(MEASURE_WORDS.to_vec()).prop_map(str::to_owned),
        2 => "[a-z0-9-]{1,12}",
        1 => "\\PC{0,24}",
        1 => any::<String>(),
        1 => long_string(),
    ]
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => select(NUMBERS.to_vec()),
        2 => 0.0..200.0f64,
        2 => (0u64..2_000_000_000).prop_map(|n| n as f64),
        1 => -1e16..1e16f64,
        1 => any::<f64>(),
    ]
}

fn any_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        3 => any_number().prop_map(Value::Number),
        4 => any_string().prop_map(Value::String),
    ]
}

/// Leaves and small containers; deep ones come from the text mutations.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => any_leaf(),
        1 => Just(Value::Array(Vec::new())),
        1 => Just(Value::Object(Vec::new())),
        1 => prop::collection::vec(any_leaf(), 1..4).prop_map(Value::Array),
        2 => (any_string(), any_string()).prop_map(|(zh, en)| {
            Value::Object(vec![
                ("zh".to_owned(), Value::String(zh)),
                ("en".to_owned(), Value::String(en)),
            ])
        }),
    ]
}

const KEYS: [&str; 24] = [
    "id",
    "label",
    "value",
    "kind",
    "unit",
    "qualifier",
    "notation",
    "source",
    "term",
    "wording",
    "group",
    "note",
    "zh",
    "en",
    "url",
    "editor",
    "hero",
    "notes",
    "decimals",
    "denominator",
    "numerator",
    "type",
    "onclick",
    "__proto__",
];

/// Text that validation accepts, and that the page must still show as text.
const TEXTS: [&str; 20] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "&lt;script&gt;",
    "<SvG/OnLoAd=alert(1)>",
    "javascript:alert(1)",
    "' onmouseover='alert(1)",
    "]]><!--",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "a\u{200b}b\u{200d}c\u{feff}",
    "👩‍🌾🌾",
    "🇨🇳❤️☀️⭐👍🏽",
    "عدد الفرق العاملة 358",
    "צוותי עבודה בכפרים",
    "two\nlines",
    "NaN",
    "-0",
    "1e16",
    "x",
    "很长的标签很长的标签很长的标签很长的标签很长的标签很长的标签",
    "A label long enough to wrap onto several lines in a narrow column",
];

/// Figure values: the edges of rounding, of 万/亿 promotion and of the allowed range.
fn figure_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => select(NUMBERS.to_vec()),
        2 => 0.0..=100.0f64,
        2 => (-8.0..15.0f64).prop_map(|e| 10f64.powf(e)),
        1 => (-8.0..15.0f64).prop_map(|e| -(10f64.powf(e))),
        1 => (0u64..1_000_000_000_000_000).prop_map(|n| n as f64),
    ]
}

const INPUTS: [&str; 10] = [
    "minuend",
    "subtrahend",
    "numerator",
    "denominator",
    "level",
    "increase",
    "rate",
    "part",
    "share",
    "whole",
];

/// One structured change to a document; `Index` picks the n-th node of a kind in pre-order,
/// or the n-th figure, relation or text.
#[derive(Clone, Debug)]
enum Edit {
    Number(Index, f64),
    Str(Index, String),
    Field(Index, &'static str, Value),
    Remove(Index),
    Replace(Index, Value),
    Duplicate(Index),
    /// A figure's value.
    FigureValue(Index, f64),
    /// A figure's kind, notation or qualifier, to a valid keyword.
    Keyword(Index, &'static str, &'static str),
    /// A zh or en text (not a figure's measure word).
    Text(Index, String),
    /// One input of the n-th relation, to the id of the n-th figure.
    Retarget(Index, Index, Index),
}

fn any_keyword() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop_oneof![
        select(vec!["count", "money", "share", "change"]).prop_map(|k| ("kind", k)),
        select(vec!["auto", "full", "wan", "yi", "hanzi"]).prop_map(|k| ("notation", k)),
        select(vec!["exact", "at-least", "about", "at-most"]).prop_map(|k| ("qualifier", k)),
    ]
}

fn any_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), any_number()).prop_map(|(i, n)| Edit::Number(i, n)),
        3 => (any::<Index>(), any_string()).prop_map(|(i, s)| Edit::Str(i, s)),
        1 => (any::<Index>(), select(KEYS.to_vec()), any_value())
            .prop_map(|(i, k, v)| Edit::Field(i, k, v)),
        1 => any::<Index>().prop_map(Edit::Remove),
        1 => (any::<Index>(), any_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
        1 => any::<Index>().prop_map(Edit::Duplicate),
        8 => (any::<Index>(), figure_number()).prop_map(|(i, n)| Edit::FigureValue(i, n)),
        4 => (any::<Index>(), any_keyword()).prop_map(|(i, (k, v))| Edit::Keyword(i, k, v)),
        6 => (any::<Index>(), select(TEXTS.to_vec()))
            .prop_map(|(i, s)| Edit::Text(i, s.to_owned())),
        4 => (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(r, input, f)| Edit::Retarget(r, input, f)),
    ]
}

/// The items of the array under `key` of every item of the array under `outer`:
/// `figures` of every section.
fn nested_items<'a>(doc: &'a mut Value, outer: &str, key: &str) -> Vec<&'a mut Value> {
    let mut out = Vec::new();
    if let Value::Object(entries) = doc {
        for (k, v) in entries.iter_mut() {
            if k != outer {
                continue;
            }
            let Value::Array(items) = v else { continue };
            for item in items.iter_mut() {
                if key.is_empty() {
                    out.push(item);
                } else if let Value::Object(fields) = item {
                    for (fk, fv) in fields.iter_mut() {
                        if fk == key {
                            if let Value::Array(inner) = fv {
                                out.extend(inner.iter_mut());
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn set(obj: &mut Value, key: &str, value: Value) {
    if let Value::Object(entries) = obj {
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, slot)) => *slot = value,
            None => entries.push((key.to_owned(), value)),
        }
    }
}

/// Calls `f` on the `target`-th string under a "zh" or "en" key that is not a measure word.
fn with_nth_text(
    v: &mut Value,
    target: usize,
    seen: &mut usize,
    f: &mut dyn FnMut(&mut Value),
) -> bool {
    match v {
        Value::Array(items) => items.iter_mut().any(|c| with_nth_text(c, target, seen, f)),
        Value::Object(entries) => {
            let is_unit = entries.iter().any(|(k, _)| k == "zh")
                && entries.iter().any(|(k, v)| {
                    k == "zh"
                        && matches!(v, Value::String(s) if MEASURE_WORDS.contains(&s.as_str()))
                });
            entries.iter_mut().any(|(k, c)| {
                if (k == "zh" || k == "en")
                    && matches!(c, Value::String(_))
                    && !(is_unit && k == "zh")
                {
                    if *seen == target {
                        f(c);
                        return true;
                    }
                    *seen += 1;
                    false
                } else {
                    with_nth_text(c, target, seen, f)
                }
            })
        }
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Number,
    String,
    Object,
    Array,
    Any,
}

fn is(kind: Kind, v: &Value) -> bool {
    match kind {
        Kind::Number => matches!(v, Value::Number(_)),
        Kind::String => matches!(v, Value::String(_)),
        Kind::Object => matches!(v, Value::Object(_)),
        Kind::Array => matches!(v, Value::Array(_)),
        Kind::Any => true,
    }
}

fn count(v: &Value, kind: Kind) -> usize {
    usize::from(is(kind, v))
        + match v {
            Value::Array(items) => items.iter().map(|c| count(c, kind)).sum(),
            Value::Object(entries) => entries.iter().map(|(_, c)| count(c, kind)).sum(),
            _ => 0,
        }
}

/// Calls `f` on the `target`-th node of `kind` in pre-order (0-based); `seen` counts them.
fn with_nth(
    v: &mut Value,
    kind: Kind,
    target: usize,
    seen: &mut usize,
    f: &mut dyn FnMut(&mut Value),
) -> bool {
    if is(kind, v) {
        if *seen == target {
            f(v);
            return true;
        }
        *seen += 1;
    }
    match v {
        Value::Array(items) => items.iter_mut().any(|c| with_nth(c, kind, target, seen, f)),
        Value::Object(entries) => entries
            .iter_mut()
            .any(|(_, c)| with_nth(c, kind, target, seen, f)),
        _ => false,
    }
}

fn edit_nth(v: &mut Value, kind: Kind, i: &Index, mut f: impl FnMut(&mut Value)) {
    let n = count(v, kind);
    if n > 0 {
        with_nth(v, kind, i.index(n), &mut 0, &mut f);
    }
}

fn apply(v: &mut Value, edit: &Edit) {
    match edit {
        Edit::Number(i, n) => edit_nth(v, Kind::Number, i, |x| *x = Value::Number(*n)),
        Edit::Str(i, s) => edit_nth(v, Kind::String, i, |x| *x = Value::String(s.clone())),
        Edit::Field(i, key, value) => edit_nth(v, Kind::Object, i, |x| {
            if let Value::Object(entries) = x {
                match entries.iter_mut().find(|(k, _)| k == key) {
                    Some((_, slot)) => *slot = value.clone(),
                    None => entries.push(((*key).to_owned(), value.clone())),
                }
            }
        }),
        // Empties a container: drops one item of the n-th array, or one field of the n-th object.
        Edit::Remove(i) => {
            let n = count(v, Kind::Any);
            let k = i.index(n);
            with_nth(v, Kind::Any, k, &mut 0, &mut |x| match x {
                Value::Array(items) if !items.is_empty() => {
                    items.remove(k % items.len());
                }
                Value::Object(entries) if !entries.is_empty() => {
                    entries.remove(k % entries.len());
                }
                _ => {}
            });
        }
        Edit::Replace(i, value) => edit_nth(v, Kind::Any, i, |x| *x = value.clone()),
        Edit::Duplicate(i) => edit_nth(v, Kind::Array, i, |x| {
            if let Value::Array(items) = x {
                if let Some(first) = items.first().cloned() {
                    items.push(first);
                }
            }
        }),
        Edit::FigureValue(i, n) => {
            let mut figures = nested_items(v, "sections", "figures");
            let k = i.index(figures.len().max(1));
            if let Some(f) = figures.get_mut(k) {
                set(f, "value", Value::Number(*n));
            }
        }
        Edit::Keyword(i, key, word) => {
            let mut figures = nested_items(v, "sections", "figures");
            let k = i.index(figures.len().max(1));
            if let Some(f) = figures.get_mut(k) {
                set(f, key, Value::String((*word).to_owned()));
            }
        }
        Edit::Text(i, s) => {
            let mut n = 0;
            with_nth_text(v, usize::MAX, &mut n, &mut |_| {});
            if n > 0 {
                with_nth_text(v, i.index(n), &mut 0, &mut |x| {
                    *x = Value::String(s.clone())
                });
            }
        }
        Edit::Retarget(r, input, f) => {
            let ids: Vec<Value> = nested_items(v, "sections", "figures")
                .into_iter()
                .filter_map(|fig| fig.get("id").cloned())
                .collect();
            let mut relations = nested_items(v, "relations", "");
            let k = r.index(relations.len().max(1));
            if let (Some(rel), false) = (relations.get_mut(k), ids.is_empty()) {
                let id = ids[f.index(ids.len())].clone();
                if let Value::Object(entries) = rel {
                    let inputs: Vec<usize> = entries
                        .iter()
                        .enumerate()
                        .filter(|(_, (key, _))| INPUTS.contains(&key.as_str()))
                        .map(|(j, _)| j)
                        .collect();
                    if !inputs.is_empty() {
                        let j = inputs[input.index(inputs.len())];
                        entries[j].1 = id;
                    }
                }
            }
        }
    }
}

/// JSON text for a value. JSON has no NaN or ±∞: ±∞ is written as a number too large for an
/// f64 (which reads back as ±∞), NaN as null; the Value path of each case keeps them as they are.
fn to_json(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if !n.is_finite() => out.push_str(if n.is_nan() {
            "null"
        } else if *n > 0.0 {
            "1e400"
        } else {
            "-1e400"
        }),
        Value::Number(n) => out.push_str(&serde_json::to_string(n).unwrap_or_default()),
        Value::String(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Value::Array(items) => {
            out.push('[');
            for (i, c) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                to_json(c, out);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (k, c)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                to_json(c, out);
            }
            out.push('}');
        }
    }
}

/// A change to JSON text at a character boundary, so the text stays a Rust string.
#[derive(Clone, Debug)]
enum TextEdit {
    Truncate(Index),
    Flip(Index, char),
    Insert(Index, &'static str),
    Delete(Index, usize),
    Repeat(Index, usize),
}

const FLIPS: &str = "{}[]\",:0123456789-+.eEtfnul\\/ \n";

const SNIPPETS: [&str; 29] = [
    "{\"\\u0000nonfinite\":\"NaN\"}",
    "{\"\\u0000nonfinite\":\"-Infinity\"}",
    "{\"\\u0000nonfinite\":\"nan\"}",
    "\"\\u+041\"",
    "0.1e-2147483649",
    "null",
    "NaN",
    "Infinity",
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "9007199254740993",
    "\"\\u202e\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"<script>alert(1)</script>\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\"x\":",
    "\\",
    "\"",
    "[[[[[[[[[[[[[[[[[[",
    "tru",
    "\u{feff}",
    "\"value\": 1, \"value\": 2,",
];

fn any_text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        2 => any::<Index>().prop_map(TextEdit::Truncate),
        4 => (any::<Index>(), select(FLIPS.chars().collect::<Vec<_>>()))
            .prop_map(|(i, c)| TextEdit::Flip(i, c)),
        3 => (any::<Index>(), select(SNIPPETS.to_vec())).prop_map(|(i, s)| TextEdit::Insert(i, s)),
        2 => (any::<Index>(), 1usize..40).prop_map(|(i, n)| TextEdit::Delete(i, n)),
        1 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| TextEdit::Repeat(i, n)),
    ]
}

fn boundary(text: &str, i: &Index) -> usize {
    let mut at = i.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply_text(text: &mut String, edit: &TextEdit) {
    match edit {
        TextEdit::Truncate(i) => {
            let at = boundary(text, i);
            text.truncate(at);
        }
        TextEdit::Flip(i, c) => {
            let at = boundary(text, i);
            if let Some(old) = text[at..].chars().next() {
                text.replace_range(at..at + old.len_utf8(), c.encode_utf8(&mut [0; 4]));
            }
        }
        TextEdit::Insert(i, s) => {
            let at = boundary(text, i);
            text.insert_str(at, s);
        }
        TextEdit::Delete(i, n) => {
            let at = boundary(text, i);
            let end = text[at..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(k, _)| at + k);
            text.replace_range(at..end, "");
        }
        TextEdit::Repeat(i, n) => {
            let at = boundary(text, i);
            let end = text[at..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(k, _)| at + k);
            let span = text[at..end].to_owned();
            text.insert_str(end, &span);
        }
    }
}

/// How the view is asked to render.
#[derive(Clone, Debug)]
struct View {
    width_px: f64,
    zh: bool,
    static_page: bool,
    table: bool,
    group_zh: bool,
    selected: usize,
}

fn any_view() -> impl Strategy<Value = View> {
    (
        280.0..=1200.0f64,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0usize..8,
    )
        .prop_map(
            |(width_px, zh, static_page, table, group_zh, selected)| View {
                width_px,
                zh,
                static_page,
                table,
                group_zh,
                selected,
            },
        )
}

impl View {
    fn options(&self) -> ViewOptions {
        let mut o = ViewOptions::new(if self.zh { Lang::Zh } else { Lang::En }, self.width_px);
        o.static_page = self.static_page;
        o.table = self.table;
        o.group_zh = self.group_zh;
        o.selected = self.selected;
        o
    }
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

/// How the cases of one fuzz test ended.
#[derive(Default)]
struct Tally {
    unreadable: AtomicU64,
    refused: AtomicU64,
    rendered: AtomicU64,
    /// Refused by validation, yet shown by the reader's module had the desk's seal been forged.
    trusted: AtomicU64,
}

impl Tally {
    fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// What the reader's module does with a sealed document it does not check (a seal anyone could
/// forge): any document `seal::trusted` lets through is drawn, every tooltip and both exports,
/// without a panic and with no script, handler or script URL in the markup. Whether its
/// figures make sense is the validator's part, not promised here.
fn check_trusted(doc: &Value, view: &View) -> Result<bool, String> {
    let Some(ds) = dataset::seal::trusted(doc) else {
        return Ok(false);
    };
    let st = stats::compute(&ds);
    let o = view.options();
    check_markup(&to_html(&view::build(&ds, &st, &o))).map_err(|e| format!("trusted page: {e}"))?;
    for f in ds.figures() {
        if let Some(tip) = view::tooltip(&ds, &st, &f.id, o.lang, o.group_zh) {
            check_markup(&to_html(&tip)).map_err(|e| format!("trusted tooltip: {e}"))?;
        }
    }
    let _ = view::describe::describe(&ds, &st, o.lang, o.static_page);
    let _ = export::csv(&ds, o.lang);
    check_markup(&export::export_svg(&ds, &st, o.lang))
        .map_err(|e| format!("trusted svg export: {e}"))?;
    Ok(true)
}

/// A document: refused with errors that point into it, or rendered keeping every promise.
fn check_document(doc: &Value, view: &View, tally: &Tally) -> Result<(), String> {
    match validate(doc) {
        Err(errors) => {
            Tally::add(&tally.refused);
            if check_trusted(doc, view)? {
                Tally::add(&tally.trusted);
            }
            check_errors(doc, &errors)?;
            // The widget shows the errors in a panel, quoting the document's text.
            let lang = if view.zh { Lang::Zh } else { Lang::En };
            check_markup(&to_html(&view::error_panel(&errors, lang)))
                .map_err(|e| format!("error panel: {e}"))
        }
        Ok(ds) => {
            Tally::add(&tally.rendered);
            // Sealed, a valid document reads the same in the reader's module, unchecked.
            if dataset::seal::trusted(doc).as_ref() != Some(&ds) {
                return Err("a valid document reads otherwise when trusted".to_owned());
            }
            check_pipeline(&ds, &view.options(), true).map(|_| ())
        }
    }
}

/// JSON text: unreadable text gets a message that says where (or which limit it broke), the
/// rest as `check_document`. (That `parse_json` turns the message into one error at the
/// document is pinned by `corpus_outcomes`.)
fn check_text(text: &str, view: &View, tally: &Tally) -> Result<(), String> {
    match json::parse(text) {
        Ok(doc) => check_document(&doc, view, tally),
        Err(message) => {
            Tally::add(&tally.unreadable);
            let located = message.contains(" at line ") && message.contains(" column ");
            let limit = message.starts_with("document too deep: more than 16 levels")
                || message.starts_with("document too large: more than 2000000 values");
            if located || limit {
                Ok(())
            } else {
                Err(format!(
                    "a parse error that says neither where nor which limit: {message}"
                ))
            }
        }
    }
}

/// The corpus as seed inputs, at a narrow and a wide column in both languages.
fn run_seeds() -> u64 {
    let mut n = 0;
    for (name, text) in corpus() {
        for view in [
            View {
                width_px: 280.0,
                zh: true,
                static_page: false,
                table: false,
                group_zh: false,
                selected: 0,
            },
            View {
                width_px: 1200.0,
                zh: false,
                static_page: true,
                table: false,
                group_zh: true,
                selected: 3,
            },
            View {
                width_px: 480.0,
                zh: false,
                static_page: false,
                table: true,
                group_zh: false,
                selected: 9,
            },
        ] {
            if let Err(e) = check_text(&text, &view, &Tally::default()) {
                panic!("corpus {name} at {view:?}: {e}");
            }
            n += 1;
        }
    }
    n
}

fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value, &Tally) -> Result<(), String>,
) where
    S::Value: std::fmt::Debug,
{
    let start = Instant::now();
    let seeds = run_seeds();
    let ran = AtomicU64::new(0);
    let tally = Tally::default();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |input| {
        ran.fetch_add(1, Ordering::Relaxed);
        test(input, &tally).map_err(TestCaseError::fail)
    });
    eprintln!(
        "fuzz {name}: {cases} generated cases ({} runs with shrinking; {} unreadable, {} refused ({} of them drawn as if sealed), {} rendered) + {seeds} corpus seeds in {:.1} s",
        ran.into_inner(),
        tally.unreadable.into_inner(),
        tally.refused.into_inner(),
        tally.trusted.into_inner(),
        tally.rendered.into_inner(),
        start.elapsed().as_secs_f64()
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, input)) => {
            panic!("{name} failed: {reason}\nminimal input: {input:#?}")
        }
        Err(TestError::Abort(reason)) => panic!("{name} aborted: {reason}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The fuzz tests (two, so that they run on two cores)
// ---------------------------------------------------------------------------------------------

#[test]
fn fuzz_mutated_documents() {
    let base = prop_oneof![
        3 => Just(0usize),
        2 => any::<Index>().prop_map(|i| i.index(bases().values.len())),
    ];
    fuzz(
        "mutated documents",
        cases(DOCUMENT_PERCENT),
        (base, prop::collection::vec(any_edit(), 1..5), any_view()),
        |(base, edits, view), tally| {
            let mut doc = bases().values.get(base).cloned().unwrap_or(Value::Null);
            for e in &edits {
                apply(&mut doc, e);
            }
            check_document(&doc, &view, tally)
        },
    );
}

#[test]
fn fuzz_json_text() {
    let base = prop_oneof![
        3 => Just(0usize),
        2 => any::<Index>().prop_map(|i| i.index(bases().texts.len())),
    ];
    fuzz(
        "JSON text",
        cases(100 - DOCUMENT_PERCENT),
        (
            base,
            prop::collection::vec(any_edit(), 0..3),
            prop::collection::vec(any_text_edit(), 1..4),
            any_view(),
        ),
        |(base, edits, text_edits, view), tally| {
            let mut text = match (edits.is_empty(), bases().values.get(base)) {
                (false, Some(v)) => {
                    let mut v = v.clone();
                    for e in &edits {
                        apply(&mut v, e);
                    }
                    let mut out = String::new();
                    to_json(&v, &mut out);
                    out
                }
                _ => bases().texts.get(base).cloned().unwrap_or_default(),
            };
            for e in &text_edits {
                apply_text(&mut text, e);
            }
            check_text(&text, &view, tally)
        },
    );
}

/// The parser's own number reader against the float formatter: every finite f64, written
/// the ways JSON.stringify and people write it, reads back as itself.
#[test]
fn numbers_read_back_exactly() {
    let mut runner = TestRunner::new(Config {
        cases: 5_000,
        failure_persistence: None,
        ..Config::default()
    });
    let numbers = prop_oneof![
        any::<f64>(),
        select(NUMBERS.to_vec()),
        (-400.0..400.0f64).prop_map(|e| 10f64.powf(e)),
    ];
    let result = runner.run(&numbers, |n| {
        if !n.is_finite() {
            return Ok(());
        }
        for text in [
            format!("{n}"),
            format!("{n:e}"),
            format!("{n:E}"),
            format!("{n:?}"),
        ] {
            let read = json::parse(&text);
            prop_assert!(
                matches!(read, Ok(Value::Number(r)) if r.to_bits() == n.to_bits()),
                "{text} reads back as {read:?}"
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

enum Outcome {
    /// Validates and renders; the page shows each of these strings (escaped as HTML writes them).
    Renders(&'static [&'static str]),
    /// Refused; the first error is at this path and its message says each of these words.
    Refused(&'static str, &'static [&'static str]),
}

const EXPECTED: [(&str, Outcome); 23] = [
    (
        "invalid-beyond-2-53.json",
        Outcome::Refused(
            "sections[0].figures[0].value",
            &["implausibly large", "1,000,000,000,000,000"],
        ),
    ),
    (
        "invalid-bidi-override.json",
        Outcome::Refused("sections[0].figures[0].label.en", &["bidirectional"]),
    ),
    (
        "invalid-dangling-reference.json",
        Outcome::Refused(
            "relations[0].denominator",
            &["no figure has the id \"nothing\""],
        ),
    ),
    (
        "invalid-duplicate-id.json",
        Outcome::Refused(
            "sections[0].figures[1].id",
            &["duplicate id \"coverage\"", "sections[0].figures[0].id"],
        ),
    ),
    (
        "invalid-javascript-url.json",
        Outcome::Refused(
            "story.source.url",
            &["invalid url", "only http, https or relative links"],
        ),
    ),
    (
        "invalid-label-201.json",
        Outcome::Refused(
            "sections[0].figures[0].label.zh",
            &["too long: 201 characters, at most 200"],
        ),
    ),
    (
        "invalid-markup-in-id.json",
        Outcome::Refused("sections[0].figures[0].id", &["invalid id"]),
    ),
    (
        "invalid-missing-title.json",
        Outcome::Refused("story.title", &["missing required field"]),
    ),
    (
        "invalid-negative-count.json",
        Outcome::Refused(
            "sections[0].figures[0].value",
            &["cannot be negative", "-3"],
        ),
    ),
    (
        "invalid-not-an-object.json",
        Outcome::Refused("", &["must be an object", "an array"]),
    ),
    (
        "invalid-null-label.json",
        Outcome::Refused("sections[0].figures[0].label", &["missing required field"]),
    ),
    (
        "invalid-schema-version.json",
        Outcome::Refused("schema", &["unsupported schema version", "2"]),
    ),
    (
        "invalid-share-over-100.json",
        Outcome::Refused("sections[0].figures[0].value", &["from 0 to 100", "100.01"]),
    ),
    (
        "invalid-too-deep.json",
        Outcome::Refused("", &["not valid JSON", "too deep", "16"]),
    ),
    (
        "invalid-truncated.json",
        Outcome::Refused("", &["not valid JSON", "unexpected end of the document"]),
    ),
    (
        "invalid-unknown-field.json",
        Outcome::Refused("sections[0].figures[0].onclick", &["unknown field"]),
    ),
    (
        "invalid-wrong-type.json",
        Outcome::Refused(
            "sections[0].figures[0].value",
            &["must be a number", "a string \"50\""],
        ),
    ),
    (
        "invalid-zero-width-only.json",
        Outcome::Refused("sections[0].figures[0].label.zh", &["must not be empty"]),
    ),
    (
        "valid-edge-numbers.json",
        Outcome::Renders(&[
            "1000万亿元",
            "0.01名",
            "<strong>-5%</strong>",
            "0个",
            "—",
            "-334.4元",
        ]),
    ),
    (
        "valid-hostile-text.json",
        Outcome::Renders(&[
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&amp;lt;script&amp;gt;",
            "👩\u{200d}🌾🌾",
            "dir=\"auto\"",
        ]),
    ),
    (
        "valid-maximal.json",
        Outcome::Renders(&["16317元", "Note 20", "href=\"https://www.cnr.cn/"]),
    ),
    (
        "valid-minimal-with-bom.json",
        Outcome::Renders(&["50%", "最小数据集"]),
    ),
    (
        "valid-minimal.json",
        Outcome::Renders(&["50%", "最小数据集", "覆盖率"]),
    ),
];

#[test]
fn corpus_outcomes() {
    let files = corpus();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names, expected,
        "every corpus file has an expected outcome, and only those"
    );
    assert!(files.len() >= 12);
    for ((name, text), (_, outcome)) in files.iter().zip(&EXPECTED) {
        match (dataset::parse_json(text), outcome) {
            (Ok(ds), Outcome::Renders(shows)) => {
                let mut pages = String::new();
                for lang in [Lang::Zh, Lang::En] {
                    for (width_px, static_page) in [(280.0, false), (1200.0, false), (960.0, true)]
                    {
                        let mut o = ViewOptions::new(lang, width_px);
                        o.static_page = static_page;
                        let r = check_pipeline(&ds, &o, true)
                            .unwrap_or_else(|e| panic!("{name} at {width_px} px: {e}"));
                        pages.push_str(&r.html);
                    }
                }
                for s in *shows {
                    assert!(pages.contains(s), "{name} does not show {s:?}");
                }
            }
            (Err(errors), Outcome::Refused(path, words)) => {
                let first = &errors[0];
                assert_eq!(first.path, *path, "{name}: {errors:#?}");
                for w in *words {
                    assert!(
                        first.message.contains(w),
                        "{name}: {:?} lacks {w:?}",
                        first.message
                    );
                }
                if let Ok(doc) = json::parse(text) {
                    check_errors(&doc, &errors).unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert!(points_into(&doc, path), "{name}");
                }
            }
            (Ok(_), Outcome::Refused(path, _)) => {
                panic!("{name} validates; expected an error at {path:?}")
            }
            (Err(errors), Outcome::Renders(_)) => panic!("{name} is refused: {errors:#?}"),
        }
    }
}
