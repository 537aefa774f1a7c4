//! What every hostile input must still satisfy, shared by `tests/fuzz.rs` and `tests/edge_cases.rs`:
//! error paths that point into the document, markup with no script, numbers never printed as
//! NaN, inf, 1e16 or -0, and bar charts whose text stays inside the chart.

// Each test crate uses a different part of this module.
#![allow(dead_code)]

use revitalization_infographic::dataset::{schema, Dataset, ValidationError, DEFAULT_JSON};
use revitalization_infographic::format::{format_number, Lang, Notation, NumberFormat};
use revitalization_infographic::json::{self, Value};
use revitalization_infographic::stats::{self, Stats};
use revitalization_infographic::view::geometry::text_width_px;
use revitalization_infographic::view::node::{Element, Node};
use revitalization_infographic::view::{self, export, html::to_html, ViewOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The document's top-level keys, from the schema's declaration.
pub fn root_keys() -> Vec<&'static str> {
    schema::DATASET.fields.iter().map(|f| f.name).collect()
}

/// Every key the schema knows, anywhere in a document (fields, relation inputs, languages).
pub fn schema_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = schema::SHAPES
        .iter()
        .flat_map(|s| s.fields.iter().map(|f| f.name))
        .chain(schema::RELATION_COMMON.iter().map(|f| f.name))
        .chain(
            schema::RELATION_TYPES
                .iter()
                .flat_map(|r| r.inputs.iter().map(|(n, _)| *n)),
        )
        .chain(["zh", "en"])
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The embedded story, parsed once.
pub fn default_value() -> Value {
    static DEFAULT: OnceLock<Value> = OnceLock::new();
    DEFAULT
        .get_or_init(|| json::parse(DEFAULT_JSON).expect("the embedded dataset is JSON"))
        .clone()
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every `*.json` file of the corpus as (file name, text), sorted by name.
pub fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
            (name, text)
        })
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// Paths (as in tests/validation.rs)
// ---------------------------------------------------------------------------------------------

/// One step of an error path: `sections[2].figures[4].value` is
/// [Key(sections), Index(2), Key(figures), Index(4), Key(value)].
#[derive(Debug, PartialEq)]
pub enum Step {
    Key(String),
    Index(usize),
}

pub fn steps(path: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    if path.is_empty() {
        return Some(out);
    }
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        out.push(Step::Key(key.to_owned()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let n = rest.get(1..close)?.parse().ok()?;
            out.push(Step::Index(n));
            rest = rest.get(close + 1..)?;
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

/// The node at `path`, for edits; panics on a path the document does not have.
pub fn at_value<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    let mut cur = v;
    for step in steps(path).expect("a well-formed path") {
        cur = match (step, cur) {
            (Step::Key(k), Value::Object(entries)) => entries
                .iter_mut()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no key {k}")),
            (Step::Index(i), Value::Array(items)) => {
                items.get_mut(i).unwrap_or_else(|| panic!("no item {i}"))
            }
            (step, other) => panic!("cannot take {step:?} of {}", other.type_name()),
        };
    }
    cur
}

/// Sets `key` of the object at `path`, adding it if absent.
pub fn set_field(v: &mut Value, path: &str, key: &str, value: Value) {
    let Value::Object(entries) = at_value(v, path) else {
        panic!("{path} is not an object");
    };
    match entries.iter_mut().find(|(k, _)| k == key) {
        Some((_, slot)) => *slot = value,
        None => entries.push((key.to_owned(), value)),
    }
}

pub fn remove_field(v: &mut Value, path: &str, key: &str) {
    let Value::Object(entries) = at_value(v, path) else {
        panic!("{path} is not an object");
    };
    let before = entries.len();
    entries.retain(|(k, _)| k != key);
    assert!(entries.len() < before, "no {path}.{key}");
}

pub fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

pub fn text_value(zh: &str, en: &str) -> Value {
    Value::Object(vec![("zh".to_owned(), s(zh)), ("en".to_owned(), s(en))])
}

/// Whether `path` names a node of `doc`, or a missing field of an object in it.
pub fn points_into(doc: &Value, path: &str) -> bool {
    let Some(steps) = steps(path) else {
        return false;
    };
    let mut cur = doc;
    for (i, step) in steps.iter().enumerate() {
        let next = match (step, cur) {
            (Step::Key(k), Value::Object(_)) => match cur.get(k) {
                Some(v) => v,
                None => return i + 1 == steps.len(),
            },
            (Step::Index(n), Value::Array(items)) => match items.get(*n) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
        cur = next;
    }
    true
}

/// The message without the document's own text, which it quotes between "…".
pub fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let (mut inside, mut escaped) = (false, false);
    for c in message.chars() {
        match (inside, escaped, c) {
            (true, false, '\\') => escaped = true,
            (_, false, '"') => inside = !inside,
            (false, _, c) => out.push(c),
            _ => escaped = false,
        }
    }
    out
}

/// A number printed the way the page must never print one: NaN, inf, 1e16 or -0.
/// One pass over the bytes: the fuzz tests call it on every string of every page.
pub fn prints_a_bad_number(text: &str) -> bool {
    let b = text.as_bytes();
    // A run of [0-9.-] that is a minus and then only zeros and points: "-0", "-0.00".
    let (mut run_start, mut only_zeros) = (None::<usize>, true);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' | b'.' | b'-' => {
                match run_start {
                    None => {
                        run_start = Some(i);
                        only_zeros = true;
                    }
                    Some(_) => only_zeros &= c == b'0' || c == b'.',
                }
                if c.is_ascii_digit()
                    && matches!(b.get(i + 1), Some(b'e' | b'E'))
                    && matches!(b.get(i + 2), Some(b'0'..=b'9' | b'+' | b'-'))
                {
                    return true;
                }
            }
            b'N' if b.get(i..i + 3) == Some(b"NaN") => return true,
            b'i' | b'I' if b.get(i + 1..i + 3) == Some(b"nf") => return true,
            _ => {
                if is_negative_zero(b, run_start, i, only_zeros) {
                    return true;
                }
                run_start = None;
            }
        }
    }
    is_negative_zero(b, run_start, b.len(), only_zeros)
}

/// Whether the run of [0-9.-] from `start` to `end` is "-" and then only zeros and points.
fn is_negative_zero(b: &[u8], start: Option<usize>, end: usize, only_zeros: bool) -> bool {
    start.is_some_and(|s| b.get(s) == Some(&b'-') && end > s + 1 && only_zeros)
}

/// Whether data text, printed beside a number, could complete a bad one: "e-1" after 3.3.
fn could_complete_a_bad_number(s: &str) -> bool {
    let b = s.as_bytes();
    // Ids follow a "-" in element ids ("ri-tab-{id}"), so an id "0x" makes "ri-tab-0x".
    prints_a_bad_number(s)
        || s.ends_with('-')
        || s.starts_with(['0', '.'])
        || b.iter().enumerate().any(|(i, &c)| {
            let next = b.get(i + 1).copied();
            (matches!(c, b'e' | b'E')
                && (i == 0 || matches!(next, None | Some(b'0'..=b'9' | b'+' | b'-'))))
                || (c == b'-' && matches!(next, Some(b'0' | b'.')))
        })
}

/// Every error of a refused document: a message, no badly printed number outside quoted text,
/// and a path into the document (or a missing field of an object in it).
pub fn check_errors(doc: &Value, errors: &[ValidationError]) -> Result<(), String> {
    if errors.is_empty() {
        return Err("an Err carries no error".to_owned());
    }
    for e in errors {
        if e.message.trim().is_empty() {
            return Err(format!("empty message at {:?}", e.path));
        }
        if prints_a_bad_number(&unquoted(&e.message)) {
            return Err(format!("{:?} prints a number badly: {}", e.path, e.message));
        }
        if e.path.is_empty() {
            continue;
        }
        let first = e.path.split(['.', '[']).next().unwrap_or_default();
        let in_root = doc.get(first).is_some();
        if !(root_keys().contains(&first) || in_root && e.message.starts_with("unknown field")) {
            return Err(format!(
                "path {:?} is not a schema key: {}",
                e.path, e.message
            ));
        }
        if !points_into(doc, &e.path) {
            return Err(format!(
                "path {:?} does not point into the document: {}",
                e.path, e.message
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Markup
// ---------------------------------------------------------------------------------------------

fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Reads the writer's output tag by tag: no script element, no event-handler or style
/// attribute, no script URL in a link, every attribute quoted, no raw `<`/`>` in text.
/// Text written by `html::to_html` has `<` escaped, so every `<` starts a real tag.
pub fn check_markup(markup: &str) -> Result<(), String> {
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        if rest[..start].contains('>') {
            return Err(format!("a raw '>' in text before {:.60}", &rest[start..]));
        }
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .ok_or_else(|| format!("an unclosed tag: {after:.60}"))?;
        check_tag(&after[..end])?;
        rest = &after[end + 1..];
    }
    if rest.contains('>') {
        return Err("a raw '>' in trailing text".to_owned());
    }
    Ok(())
}

fn check_tag(tag: &str) -> Result<(), String> {
    if let Some(close) = tag.strip_prefix('/') {
        return if !close.is_empty() && close.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(())
        } else {
            Err(format!("a strange closing tag </{close}>"))
        };
    }
    if tag.starts_with("?xml ") && tag.ends_with('?') {
        return Ok(());
    }
    let tag = tag.strip_suffix('/').unwrap_or(tag);
    let name_end = tag.find(' ').unwrap_or(tag.len());
    let name = &tag[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!("a strange tag <{tag:.60}>"));
    }
    if name.eq_ignore_ascii_case("script") {
        return Err("a <script> element".to_owned());
    }
    let mut attrs = &tag[name_end..];
    while let Some(a) = attrs.strip_prefix(' ') {
        let eq = a
            .find("=\"")
            .ok_or_else(|| format!("an unquoted attribute in <{tag:.80}>"))?;
        let attr = &a[..eq];
        let value_and_rest = &a[eq + 2..];
        let close = value_and_rest
            .find('"')
            .ok_or_else(|| format!("an unterminated attribute in <{tag:.80}>"))?;
        let value = &value_and_rest[..close];
        attrs = &value_and_rest[close + 1..];
        if attr.is_empty()
            || !attr
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':' || b == b'_')
        {
            return Err(format!("a strange attribute name {attr:?} in <{name}>"));
        }
        if attr.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on")) {
            return Err(format!(
                "an event handler {attr}=\"{value:.40}\" on <{name}>"
            ));
        }
        if attr.eq_ignore_ascii_case("style") {
            return Err(format!("an inline style on <{name}>"));
        }
        if ["href", "src", "xlink:href", "action", "formaction"]
            .iter()
            .any(|a| attr.eq_ignore_ascii_case(a))
        {
            // Browsers decode entities, then ignore whitespace and control characters in a scheme.
            let scheme: String = decode_entities(value)
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .take(16)
                .collect::<String>()
                .to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|p| scheme.starts_with(p))
            {
                return Err(format!("a script URL {attr}=\"{value:.40}\" on <{name}>"));
            }
        }
    }
    if !attrs.is_empty() {
        return Err(format!("trailing junk in <{tag:.80}>"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Numbers and layout in a rendered tree
// ---------------------------------------------------------------------------------------------

/// Every string of the dataset: a label that says "NaN" or "-0" is the data desk's text,
/// not a number the widget printed.
pub fn data_strings(ds: &Dataset) -> Vec<&str> {
    let story = &ds.story;
    let mut out: Vec<&str> = vec![&story.id, &story.date];
    for t in [&story.title, &story.dek, &story.source.name]
        .into_iter()
        .chain(story.source.editor.as_ref())
        .chain(story.notes.iter())
    {
        out.push(&t.zh);
        out.push(&t.en);
    }
    out.extend(story.source.url.as_deref());
    for sec in &ds.sections {
        out.extend([sec.id.as_str(), &sec.title.zh, &sec.title.en]);
        for f in &sec.figures {
            out.extend([
                f.id.as_str(),
                &f.label.zh,
                &f.label.en,
                &f.unit.zh,
                &f.unit.en,
                &f.source,
            ]);
            out.extend(f.group.as_deref());
            for t in [&f.term, &f.wording, &f.note].into_iter().flatten() {
                out.extend([t.zh.as_str(), &t.en]);
            }
        }
    }
    for r in &ds.relations {
        out.extend([r.id.as_str(), &r.label.zh, &r.label.en]);
        if let Some(u) = &r.unit {
            out.extend([u.zh.as_str(), &u.en]);
        }
        out.extend(r.kind.inputs());
    }
    out
}

/// Text nodes and attribute values of a tree with a badly printed number.
pub fn check_tree_numbers(node: &Node) -> Result<(), String> {
    let mut bad: Option<String> = None;
    node.walk(&mut |n| {
        if bad.is_some() {
            return;
        }
        match n {
            Node::Text(t) if prints_a_bad_number(t) => bad = Some(t.clone()),
            Node::Element(e) => {
                if let Some((k, v)) = e.attrs.iter().find(|(_, v)| prints_a_bad_number(v)) {
                    bad = Some(format!("<{} {k}=\"{v}\">", e.tag));
                }
            }
            Node::Text(_) => {}
        }
    });
    match bad {
        Some(b) => Err(format!("a number printed badly: {b:.200}")),
        None => Ok(()),
    }
}

pub fn num(e: &Element, name: &str) -> f64 {
    e.get_attr(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

pub fn text_of(e: &Element) -> String {
    Node::Element(e.clone()).text_content()
}

pub fn has_class(e: &Element, class: &str) -> bool {
    e.get_attr("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

/// The horizontal extent of an SVG text by its anchor.
pub fn text_span(e: &Element, font_px: f64) -> (f64, f64) {
    let x = num(e, "x");
    let w = text_width_px(&text_of(e), font_px);
    match e.get_attr("text-anchor") {
        Some("middle") => (x - w / 2.0, x + w / 2.0),
        Some("end") => (x - w, x),
        _ => (x, x + w),
    }
}

/// Every bar chart of a tree (`ri-chart`, `ri-hero-bars`) no wider than the column, and its
/// labels, values and ticks inside it by the widget's own width estimate (0.05 px for
/// coordinates rounded to 0.1).
pub fn check_bar_charts(tree: &Node, column_px: f64) -> Result<(), String> {
    let mut charts = tree.find_class("ri-chart");
    charts.extend(tree.find_class("ri-hero-bars"));
    for chart in charts {
        // A static page's chart is as wide as its column (`width="100%"`) and scales its
        // drawing down to it: the drawing's own width is the viewBox's.
        let width = if chart.get_attr("width") == Some("100%") {
            chart
                .get_attr("viewBox")
                .and_then(|v| v.split(' ').nth(2))
                .and_then(|w| w.parse().ok())
                .unwrap_or(f64::NAN)
        } else {
            num(chart, "width")
        };
        if width.is_nan() || width > column_px {
            return Err(format!(
                "a chart {width} px wide in a {column_px} px column"
            ));
        }
        let node = Node::Element(chart.clone());
        let mut result = Ok(());
        node.walk(&mut |n| {
            let Node::Element(e) = n else { return };
            if e.tag != "text" || result.is_err() {
                return;
            }
            let font = if has_class(e, "ri-label") || has_class(e, "ri-value") {
                13.0
            } else {
                11.0
            };
            let (x0, x1) = text_span(e, font);
            if x0.is_nan() || x1.is_nan() || x0 < -0.05 || x1 > width + 0.05 {
                result = Err(format!(
                    "text {:?} spans {x0:.1}..{x1:.1} in a chart {width} px wide",
                    text_of(e)
                ));
            }
        });
        result?;
        for rect in node.find_class("ri-bar") {
            let (x, w) = (num(rect, "x"), num(rect, "width"));
            if x.is_nan() || w.is_nan() || x < 0.0 || w < 0.0 || x + w > width + 0.05 {
                return Err(format!("a bar {x}+{w} outside a chart {width} px wide"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The whole pipeline
// ---------------------------------------------------------------------------------------------

/// What one pass through the pipeline produced, for tests that go on to look at the content.
pub struct Rendered {
    pub stats: Stats,
    pub tree: Node,
    pub html: String,
    pub tooltips: Vec<Node>,
    pub csv: String,
    pub svg: String,
}

/// A checked dataset through stats, number formatting in zh and en, the view at `o`, every
/// tooltip, both exports and the HTML writer; an `Err` says which promise broke.
/// `layout`: also hold every bar chart to the column width.
pub fn check_pipeline(ds: &Dataset, o: &ViewOptions, layout: bool) -> Result<Rendered, String> {
    let st = stats::compute(ds);
    // Data text that says "NaN" or "-0", or completes a number ("e-1" after 3.3), is the
    // data desk's text: the whole page is checked only when there is none.
    let trips = data_strings(ds)
        .into_iter()
        .any(could_complete_a_bad_number);

    // Numbers: without the data's own units and nouns, so any text is the formatter's; the
    // view's own language is checked on the page below, the other one here.
    let other = if o.lang == Lang::Zh {
        Lang::En
    } else {
        Lang::Zh
    };
    for f in ds.figures() {
        for (lang, notation) in [
            (Lang::Zh, f.notation),
            (Lang::En, f.notation),
            (other, Notation::Auto),
        ] {
            let mut nf = NumberFormat::new(lang, f.kind);
            nf.notation = notation;
            nf.qualifier = f.qualifier;
            nf.group_zh = o.group_zh;
            nf.max_decimals = 6;
            let shown = format_number(f.value, &nf);
            if shown.is_empty() || prints_a_bad_number(&shown) {
                return Err(format!("{} ({}) prints as {shown:?}", f.id, f.value));
            }
        }
        let shown = view::format_figure(f, other, o.group_zh);
        let exact = view::format_exact(f, other);
        if shown.trim().is_empty() || exact.trim().is_empty() {
            return Err(format!("{} prints as nothing", f.id));
        }
    }
    for d in &st.derived {
        if let Some(v) = d.value {
            if !v.is_finite() || v.abs() > 1e15 {
                return Err(format!("derived {} is {v}", d.id));
            }
        }
        for lang in [Lang::Zh, Lang::En] {
            let mut nf = NumberFormat::new(lang, d.kind);
            nf.qualifier = d.qualifier;
            nf.max_decimals = d.decimals;
            let shown = d.value.map_or_else(String::new, |v| format_number(v, &nf));
            let formula = d.formula.get(lang);
            if prints_a_bad_number(&shown) || prints_a_bad_number(formula) {
                return Err(format!("derived {}: {shown:?} = {formula:?}", d.id));
            }
            if d.formatted.get(lang).trim().is_empty() {
                return Err(format!("derived {} prints as nothing", d.id));
            }
            if d.value.is_none() && d.formatted.get(lang) != "—" {
                return Err(format!(
                    "a missing {} prints as {:?}",
                    d.id,
                    d.formatted.get(lang)
                ));
            }
        }
    }
    for c in &st.checks {
        if !c.difference.is_finite() {
            return Err(format!("check {} differs by {}", c.id, c.difference));
        }
        if c.message.zh.trim().is_empty() || c.message.en.trim().is_empty() {
            return Err(format!("check {} says nothing", c.id));
        }
        if !trips && (prints_a_bad_number(&c.message.zh) || prints_a_bad_number(&c.message.en)) {
            return Err(format!("check {}: {:?}", c.id, c.message));
        }
    }

    // The JS API's stats cross through serde (serde-wasm-bindgen in the browser); written by
    // serde_json here, the crate's own parser reads every derived value back exactly.
    let stats_json = serde_json::to_string(&st).map_err(|e| format!("stats serialize: {e}"))?;
    let back = json::parse(&stats_json).map_err(|e| format!("stats JSON: {e}"))?;
    let Some(Value::Array(derived)) = back.get("derived") else {
        return Err("stats JSON without derived".to_owned());
    };
    for (d, item) in st.derived.iter().zip(derived) {
        let read = match item.get("value") {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        };
        if read != d.value {
            return Err(format!(
                "derived {} is {:?} but reads back {read:?}",
                d.id, d.value
            ));
        }
    }
    for f in ds.figures() {
        let text = format!("{}", f.value);
        if json::parse(&text) != Ok(Value::Number(f.value)) {
            return Err(format!("{text} does not read back as itself"));
        }
    }

    // The view, the HTML writer and the tooltips.
    let tree = view::build(ds, &st, o);
    let html = to_html(&tree);
    check_markup(&html).map_err(|e| format!("page: {e}"))?;
    if !trips {
        check_tree_numbers(&tree)?;
    }
    if layout {
        check_bar_charts(&tree, o.width_px)?;
    }
    let mut tooltips = Vec::new();
    for f in ds.figures() {
        let tip = view::tooltip(ds, &st, &f.id, o.lang, o.group_zh)
            .ok_or_else(|| format!("no tooltip for {}", f.id))?;
        check_markup(&to_html(&tip)).map_err(|e| format!("tooltip of {}: {e}", f.id))?;
        if !trips {
            check_tree_numbers(&tip)?;
        }
        tooltips.push(tip);
    }

    // The exports.
    let csv = export::csv(ds, o.lang);
    let rows = csv.matches("\r\n").count();
    let figures = ds.figures().count();
    if !csv.starts_with('\u{feff}') || rows < figures + 1 {
        return Err(format!("csv: {rows} lines for {figures} figures"));
    }
    let svg = export::export_svg(ds, &st, o.lang);
    check_markup(&svg).map_err(|e| format!("svg export: {e}"))?;
    if !trips && prints_a_bad_number(&svg) {
        return Err("svg export prints a number badly".to_owned());
    }
    Ok(Rendered {
        stats: st,
        tree,
        html,
        tooltips,
        csv,
        svg,
    })
}
