//! The story's schema and its validation: any JSON `Value` becomes a checked `Dataset` or a list of errors with paths; no formatting, no rendering.

use crate::format::{Kind, Notation, Qualifier};
use crate::json::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// The Xi'an story, embedded in every build.
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_JSON: &str = include_str!("../data/xian-2022.json");
/// In the wasm, the same JSON without its indentation (build.rs).
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/story.min.json"));

pub const SCHEMA_VERSION: f64 = 1.0;
pub const MAX_SECTIONS: usize = 64;
pub const MAX_FIGURES: usize = 50_000;
pub const MAX_RELATIONS: usize = 10_000;
pub const MAX_NOTES: usize = 20;
/// Beyond this a figure is a typo, and f64 no longer holds every integer exactly (2^53 ≈ 9.007e15).
pub const MAX_ABS_VALUE: f64 = 1e15;
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_LABEL_CHARS: usize = 200;
pub const MAX_SENTENCE_CHARS: usize = 1000;
pub const MAX_UNIT_CHARS: usize = 40;

/// Chinese measure words and units a figure may carry; anything else is a typo or a new unit to add here.
pub const MEASURE_WORDS: [&str; 22] = [
    "元", "人", "人次", "名", "支", "所", "个", "项", "家", "种", "组", "类", "户", "次", "村",
    "座", "条", "台", "套", "亩", "吨", "公里",
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: crate::format::Lang) -> &str {
        match lang {
            crate::format::Lang::Zh => &self.zh,
            crate::format::Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub story: Story,
    pub sections: Vec<Section>,
    pub relations: Vec<Relation>,
    index: BTreeMap<String, (usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: Text,
    pub dek: Text,
    /// ISO date, YYYY-MM-DD.
    pub date: String,
    pub source: Source,
    pub notes: Vec<Text>,
    pub hero: Option<Hero>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: Text,
    pub editor: Option<Text>,
    /// Only http(s) or relative; checked here so no later stage sees `javascript:`.
    pub url: Option<String>,
}

/// The figure shown large at the top, with what the story says about its change.
#[derive(Clone, Debug, PartialEq)]
pub struct Hero {
    pub figure: String,
    /// A relation id whose result is the previous level.
    pub previous: Option<String>,
    pub increase: Option<String>,
    pub rate: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub label: Text,
    /// In the base unit (元, not 万元); for shares and changes, percent (0–100).
    pub value: f64,
    pub kind: Kind,
    /// zh: a measure word from `MEASURE_WORDS`; en: the noun. Empty for shares and changes.
    pub unit: Text,
    pub qualifier: Qualifier,
    pub notation: Notation,
    /// The article's sentence this figure comes from, verbatim.
    pub source: String,
    /// The article's own name for the thing ("一办九组").
    pub term: Option<Text>,
    /// How the article words a figure it does not write as a number ("全覆盖").
    pub wording: Option<Text>,
    /// Figures of one section sharing a group are comparable, and drawn as one bar chart.
    pub group: Option<String>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RelationKind {
    Difference {
        minuend: String,
        subtrahend: String,
    },
    Ratio {
        numerator: String,
        denominator: String,
    },
    Growth {
        level: String,
        increase: String,
        rate: String,
    },
    ShareTotal {
        part: String,
        share: String,
    },
    PartOf {
        part: String,
        whole: String,
    },
}

impl RelationKind {
    pub fn name(&self) -> &'static str {
        match self {
            RelationKind::Difference { .. } => "difference",
            RelationKind::Ratio { .. } => "ratio",
            RelationKind::Growth { .. } => "growth",
            RelationKind::ShareTotal { .. } => "share-total",
            RelationKind::PartOf { .. } => "part-of",
        }
    }

    /// The figure ids it reads, in formula order.
    pub fn inputs(&self) -> Vec<&str> {
        match self {
            RelationKind::Difference {
                minuend,
                subtrahend,
            } => vec![minuend, subtrahend],
            RelationKind::Ratio {
                numerator,
                denominator,
            } => vec![numerator, denominator],
            RelationKind::Growth {
                level,
                increase,
                rate,
            } => vec![level, increase, rate],
            RelationKind::ShareTotal { part, share } => vec![part, share],
            RelationKind::PartOf { part, whole } => vec![part, whole],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub id: String,
    pub kind: RelationKind,
    pub label: Text,
    pub unit: Option<Text>,
    /// Fraction digits the derived figure is shown with.
    pub decimals: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidationError {
    /// Where in the document: `sections[2].figures[4].value`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "dataset: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl Dataset {
    /// The embedded Xi'an dataset, parsed and checked natively.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn default_story() -> Result<Dataset, Vec<ValidationError>> {
        parse_json(DEFAULT_JSON)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        let &(s, f) = self.index.get(id)?;
        self.sections.get(s)?.figures.get(f)
    }

    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sections.iter().flat_map(|s| s.figures.iter())
    }

    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }
}

/// JSON text to a checked dataset (native: the command, tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    let value = crate::json::parse(text).map_err(|message| {
        vec![ValidationError {
            path: String::new(),
            message: format!("not valid JSON: {message}"),
        }]
    })?;
    validate(&value)
}

/// Every problem found, not just the first, so a data desk can fix a file in one pass.
pub fn validate(value: &Value) -> Result<Dataset, Vec<ValidationError>> {
    let mut v = Validator { errors: Vec::new() };
    let dataset = v.dataset(value);
    match dataset {
        Some(d) if v.errors.is_empty() => Ok(d),
        _ => {
            if v.errors.is_empty() {
                v.push("", "invalid dataset");
            }
            Err(v.errors)
        }
    }
}

struct Validator {
    errors: Vec<ValidationError>,
}

/// `path.key`, without the formatting machinery: validation joins a path for nearly every field.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_owned();
    }
    let mut s = String::with_capacity(path.len() + 1 + key.len());
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// reorder the characters after them, so a label "\u{202e} 0001" would show as "1000 ".
fn is_bidi_control(c: char) -> bool {
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

/// The document's text as a message quotes it: at most 40 characters, quotes escaped, and
/// control and bidirectional characters shown as U+FFFD so they cannot garble the message.
fn shorten(text: &str) -> String {
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
        .flat_map(|c| (c == '"').then_some('\\').into_iter().chain([c]))
        .collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A number as an error message shows it: never "NaN", "inf", "1e16" or "-0".
fn show_number(n: f64) -> String {
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

fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{} \"{}\"", value.type_name(), shorten(s)),
        Value::Number(n) if n.is_finite() => format!("the number {}", show_number(*n)),
        Value::Number(n) => show_number(*n),
        other => other.type_name().to_owned(),
    }
}

impl Validator {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(ValidationError {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// An object's fields, with unknown and repeated keys reported; `None` if not an object.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v [(String, Value)]> {
        let Value::Object(entries) = value else {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return None;
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            let unknown = !known.contains(&key.as_str());
            if !unknown && !entries.iter().take(i).any(|(k, _)| k == key) {
                continue;
            }
            // A key that would read as path syntax ("a.b", "x[0]", "") is named in the message
            // and the error sits at the object, so the path still leads into the document.
            let plain = !key.is_empty() && !key.contains(['.', '[', ']']);
            let (at, field) = if plain {
                (join(path, key), "field".to_owned())
            } else {
                (path.to_owned(), format!("field \"{}\"", shorten(key)))
            };
            if unknown {
                self.push(
                    &at,
                    format!("unknown {field} (expected one of: {})", known.join(", ")),
                );
            } else {
                self.push(&at, format!("{field} given twice"));
            }
        }
        Some(entries)
    }

    fn field<'v>(&mut self, obj: &'v Value, path: &str, key: &str) -> Option<&'v Value> {
        match obj.get(key) {
            None | Some(Value::Null) => {
                self.push(&join(path, key), "missing required field");
                None
            }
            Some(v) => Some(v),
        }
    }

    fn optional<'v>(&self, obj: &'v Value, key: &str) -> Option<&'v Value> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, value: &Value, path: &str, max_chars: usize) -> Option<String> {
        let Value::String(s) = value else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return None;
        };
        if s.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            self.push(path, "must not be empty");
            return None;
        }
        let chars = s.chars().count();
        if chars > max_chars {
            self.push(
                path,
                format!("too long: {chars} characters, at most {max_chars}"),
            );
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
        Some(s.clone())
    }

    fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let s = self.string(value, path, MAX_ID_CHARS)?;
        let ok = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && s.bytes().next().is_some_and(|b| b != b'-');
        if !ok {
            self.push(
                path,
                format!(
                    "invalid id \"{}\": use lowercase letters, digits and '-'",
                    shorten(&s)
                ),
            );
            return None;
        }
        Some(s)
    }

    fn text(&mut self, value: &Value, path: &str, max_chars: usize) -> Option<Text> {
        self.object(value, path, &["zh", "en"])?;
        let zh = self
            .field(value, path, "zh")
            .and_then(|v| self.string(v, &join(path, "zh"), max_chars));
        let en = self
            .field(value, path, "en")
            .and_then(|v| self.string(v, &join(path, "en"), max_chars));
        Some(Text { zh: zh?, en: en? })
    }

    fn optional_text(&mut self, obj: &Value, path: &str, key: &str, max: usize) -> Option<Text> {
        let v = self.optional(obj, key)?;
        self.text(v, &join(path, key), max)
    }

    fn array<'v>(&mut self, value: &'v Value, path: &str, max: usize) -> Option<&'v [Value]> {
        let Value::Array(items) = value else {
            self.push(path, format!("must be an array, got {}", describe(value)));
            return None;
        };
        if items.len() > max {
            self.push(
                path,
                format!("too many items: {}, at most {max}", items.len()),
            );
            return None;
        }
        Some(items)
    }

    fn dataset(&mut self, value: &Value) -> Option<Dataset> {
        self.object(value, "", &["schema", "story", "sections", "relations"])?;
        if let Some(schema) = self.field(value, "", "schema") {
            if *schema != Value::Number(SCHEMA_VERSION) {
                self.push(
                    "schema",
                    format!(
                        "unsupported schema version: {}, expected 1",
                        describe(schema)
                    ),
                );
            }
        }
        let story = self
            .field(value, "", "story")
            .and_then(|s| self.story(s, "story"));
        let sections = self
            .field(value, "", "sections")
            .and_then(|s| self.sections(s, "sections"));
        let relations = match self.optional(value, "relations") {
            None => Some(Vec::new()),
            Some(r) => self.relations(r, "relations"),
        };
        let (story, sections, relations) = (story?, sections?, relations?);

        // Ids are one namespace: a relation and a figure may not share one.
        // Paths are written only for a duplicate: a dataset may hold tens of thousands of ids.
        let mut index: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (s, section) in sections.iter().enumerate() {
            for (f, figure) in section.figures.iter().enumerate() {
                if let Some(&(s0, f0)) = index.get(figure.id.as_str()) {
                    self.push(
                        &format!("sections[{s}].figures[{f}].id"),
                        format!(
                            "duplicate id \"{}\" (first used at sections[{s0}].figures[{f0}].id)",
                            figure.id
                        ),
                    );
                } else {
                    index.insert(figure.id.clone(), (s, f));
                }
            }
        }
        let mut relation_ids: BTreeMap<&str, usize> = BTreeMap::new();
        for (r, relation) in relations.iter().enumerate() {
            let first = match (
                index.get(relation.id.as_str()),
                relation_ids.get(relation.id.as_str()),
            ) {
                (Some(&(s0, f0)), _) => Some(format!("sections[{s0}].figures[{f0}].id")),
                (None, Some(&r0)) => Some(format!("relations[{r0}].id")),
                (None, None) => None,
            };
            match first {
                Some(first) => self.push(
                    &format!("relations[{r}].id"),
                    format!("duplicate id \"{}\" (first used at {first})", relation.id),
                ),
                None => {
                    relation_ids.insert(&relation.id, r);
                }
            }
        }
        for (i, s) in sections.iter().enumerate() {
            if sections.iter().take(i).any(|t| t.id == s.id) {
                self.push(
                    &format!("sections[{i}].id"),
                    format!("duplicate section id \"{}\"", s.id),
                );
            }
        }
        self.check_references(&story, &relations, &index);
        Some(Dataset {
            story,
            sections,
            relations,
            index,
        })
    }

    fn check_references(
        &mut self,
        story: &Story,
        relations: &[Relation],
        index: &BTreeMap<String, (usize, usize)>,
    ) {
        let figure_kind = |id: &str, sections_index: &BTreeMap<String, (usize, usize)>| {
            sections_index.contains_key(id)
        };
        for (r, relation) in relations.iter().enumerate() {
            let names: &[&str] = match relation.kind {
                RelationKind::Difference { .. } => &["minuend", "subtrahend"],
                RelationKind::Ratio { .. } => &["numerator", "denominator"],
                RelationKind::Growth { .. } => &["level", "increase", "rate"],
                RelationKind::ShareTotal { .. } => &["part", "share"],
                RelationKind::PartOf { .. } => &["part", "whole"],
            };
            for (name, id) in names.iter().zip(relation.kind.inputs()) {
                if !figure_kind(id, index) {
                    self.push(
                        &format!("relations[{r}].{name}"),
                        format!("no figure has the id \"{}\"", shorten(id)),
                    );
                }
            }
        }
        if let Some(hero) = &story.hero {
            if !index.contains_key(&hero.figure) {
                self.push(
                    "story.hero.figure",
                    format!("no figure has the id \"{}\"", shorten(&hero.figure)),
                );
            }
            for (name, id) in [("increase", &hero.increase), ("rate", &hero.rate)] {
                if let Some(id) = id {
                    if !index.contains_key(id) {
                        self.push(
                            &format!("story.hero.{name}"),
                            format!("no figure has the id \"{}\"", shorten(id)),
                        );
                    }
                }
            }
            if let Some(id) = &hero.previous {
                if !relations.iter().any(|r| &r.id == id) {
                    self.push(
                        "story.hero.previous",
                        format!("no relation has the id \"{}\"", shorten(id)),
                    );
                }
            }
        }
    }

    fn story(&mut self, value: &Value, path: &str) -> Option<Story> {
        self.object(
            value,
            path,
            &["id", "title", "dek", "date", "source", "notes", "hero"],
        )?;
        let id = self
            .field(value, path, "id")
            .and_then(|v| self.id(v, &join(path, "id")));
        let title = self
            .field(value, path, "title")
            .and_then(|v| self.text(v, &join(path, "title"), MAX_LABEL_CHARS));
        let dek = self
            .field(value, path, "dek")
            .and_then(|v| self.text(v, &join(path, "dek"), MAX_SENTENCE_CHARS));
        let date = self
            .field(value, path, "date")
            .and_then(|v| self.date(v, &join(path, "date")));
        let source = self
            .field(value, path, "source")
            .and_then(|v| self.source(v, &join(path, "source")));
        let mut notes = Some(Vec::new());
        if let Some(list) = self.optional(value, "notes") {
            let npath = join(path, "notes");
            notes = self.array(list, &npath, MAX_NOTES).and_then(|items| {
                let texts: Vec<Option<Text>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| self.text(n, &format!("{npath}[{i}]"), MAX_SENTENCE_CHARS))
                    .collect();
                texts.into_iter().collect()
            });
        }
        let hero = match self.optional(value, "hero") {
            None => Some(None),
            Some(h) => self.hero(h, &join(path, "hero")).map(Some),
        };
        Some(Story {
            id: id?,
            title: title?,
            dek: dek?,
            date: date?,
            source: source?,
            notes: notes?,
            hero: hero?,
        })
    }

    fn date(&mut self, value: &Value, path: &str) -> Option<String> {
        let s = self.string(value, path, 10)?;
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
        let valid = match (y, m, d) {
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
        };
        if !valid {
            self.push(path, format!("invalid date \"{s}\": expected YYYY-MM-DD"));
            return None;
        }
        Some(s)
    }

    fn source(&mut self, value: &Value, path: &str) -> Option<Source> {
        self.object(value, path, &["name", "editor", "url"])?;
        let name = self
            .field(value, path, "name")
            .and_then(|v| self.text(v, &join(path, "name"), MAX_LABEL_CHARS));
        let editor = self.optional_text(value, path, "editor", MAX_LABEL_CHARS);
        let had_editor = self.optional(value, "editor").is_some();
        let url = match self.optional(value, "url") {
            None => Some(None),
            Some(u) => self.url(u, &join(path, "url")).map(Some),
        };
        if had_editor && editor.is_none() {
            return None;
        }
        Some(Source {
            name: name?,
            editor,
            url: url?,
        })
    }

    fn url(&mut self, value: &Value, path: &str) -> Option<String> {
        let s = self.string(value, path, 2000)?;
        let lower = s.trim_start().to_ascii_lowercase();
        let scheme_end = lower.find(':');
        let first_slash = lower.find(['/', '?', '#']);
        let relative = match (scheme_end, first_slash) {
            (None, _) => true,
            (Some(c), Some(sl)) => sl < c,
            (Some(_), None) => false,
        };
        let ok = lower.starts_with("https://") || lower.starts_with("http://") || relative;
        if !ok || s.chars().any(char::is_whitespace) {
            self.push(
                path,
                format!(
                    "invalid url \"{}\": only http, https or relative links",
                    shorten(&s)
                ),
            );
            return None;
        }
        Some(s)
    }

    fn hero(&mut self, value: &Value, path: &str) -> Option<Hero> {
        self.object(value, path, &["figure", "previous", "increase", "rate"])?;
        let figure = self
            .field(value, path, "figure")
            .and_then(|v| self.id(v, &join(path, "figure")));
        let mut opt = |key: &str| match value.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.id(v, &join(path, key)).map(Some),
        };
        let previous = opt("previous");
        let increase = opt("increase");
        let rate = opt("rate");
        Some(Hero {
            figure: figure?,
            previous: previous?,
            increase: increase?,
            rate: rate?,
        })
    }

    fn sections(&mut self, value: &Value, path: &str) -> Option<Vec<Section>> {
        let items = self.array(value, path, MAX_SECTIONS)?;
        if items.is_empty() {
            self.push(path, "must have at least one section");
            return None;
        }
        let total: usize = items
            .iter()
            .map(|s| match s.get("figures") {
                Some(Value::Array(f)) => f.len(),
                _ => 0,
            })
            .sum();
        if total > MAX_FIGURES {
            self.push(
                path,
                format!("too many figures: {total}, at most {MAX_FIGURES}"),
            );
            return None;
        }
        let sections: Vec<Option<Section>> = items
            .iter()
            .enumerate()
            .map(|(i, s)| self.section(s, &format!("{path}[{i}]")))
            .collect();
        sections.into_iter().collect()
    }

    fn section(&mut self, value: &Value, path: &str) -> Option<Section> {
        self.object(value, path, &["id", "title", "figures"])?;
        let id = self
            .field(value, path, "id")
            .and_then(|v| self.id(v, &join(path, "id")));
        let title = self
            .field(value, path, "title")
            .and_then(|v| self.text(v, &join(path, "title"), MAX_LABEL_CHARS));
        let fpath = join(path, "figures");
        let figures = self
            .field(value, path, "figures")
            .and_then(|v| self.array(v, &fpath, MAX_FIGURES))
            .and_then(|items| {
                if items.is_empty() {
                    self.push(&fpath, "must have at least one figure");
                    return None;
                }
                let figs: Vec<Option<Figure>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, f)| self.figure(f, &format!("{fpath}[{i}]")))
                    .collect();
                figs.into_iter().collect()
            });
        Some(Section {
            id: id?,
            title: title?,
            figures: figures?,
        })
    }

    fn keyword<T>(
        &mut self,
        value: &Value,
        path: &str,
        what: &str,
        parse: fn(&str) -> Option<T>,
        all: &[&str],
    ) -> Option<T> {
        let Value::String(s) = value else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return None;
        };
        let parsed = parse(s);
        if parsed.is_none() {
            self.push(
                path,
                format!(
                    "unknown {what} \"{}\" (expected one of: {})",
                    shorten(s),
                    all.join(", ")
                ),
            );
        }
        parsed
    }

    fn number(&mut self, value: &Value, path: &str) -> Option<f64> {
        let Value::Number(n) = *value else {
            self.push(path, format!("must be a number, got {}", describe(value)));
            return None;
        };
        if !n.is_finite() {
            self.push(
                path,
                format!("must be a finite number, got {}", show_number(n)),
            );
            return None;
        }
        if n.abs() > MAX_ABS_VALUE {
            self.push(
                path,
                format!(
                    "implausibly large: {}, at most 1,000,000,000,000,000 in absolute value",
                    show_number(n)
                ),
            );
            return None;
        }
        // -0 is zero: keep it from reaching the page as "-0".
        Some(if n == 0.0 { 0.0 } else { n })
    }

    fn figure(&mut self, value: &Value, path: &str) -> Option<Figure> {
        self.object(
            value,
            path,
            &[
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
            ],
        )?;
        let p = |k: &str| join(path, k);
        let id = self
            .field(value, path, "id")
            .and_then(|v| self.id(v, &p("id")));
        let label = self
            .field(value, path, "label")
            .and_then(|v| self.text(v, &p("label"), MAX_LABEL_CHARS));
        let kind_names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        let kind = self
            .field(value, path, "kind")
            .and_then(|v| self.keyword(v, &p("kind"), "kind", Kind::parse, &kind_names));
        let number = self
            .field(value, path, "value")
            .and_then(|v| self.number(v, &p("value")));
        let number = match (number, kind) {
            (Some(n), Some(Kind::Share)) if !(0.0..=100.0).contains(&n) => {
                self.push(
                    &p("value"),
                    format!(
                        "a share is a percentage from 0 to 100, got {}",
                        show_number(n)
                    ),
                );
                None
            }
            (Some(n), Some(Kind::Count | Kind::Money)) if n < 0.0 => {
                self.push(
                    &p("value"),
                    format!(
                        "a count or an amount cannot be negative, got {}",
                        show_number(n)
                    ),
                );
                None
            }
            (n, _) => n,
        };
        let unit = match (self.optional(value, "unit"), kind) {
            (None, Some(Kind::Count | Kind::Money)) => {
                self.push(
                    &p("unit"),
                    "missing required field (counts and amounts need a unit)",
                );
                None
            }
            (None, _) => Some(Text {
                zh: String::new(),
                en: String::new(),
            }),
            (Some(u), _) => self.unit(u, &p("unit")),
        };
        let qualifier = match self.optional(value, "qualifier") {
            None => Some(Qualifier::Exact),
            Some(q) => {
                let names: Vec<&str> = Qualifier::ALL.iter().map(|k| k.as_str()).collect();
                self.keyword(q, &p("qualifier"), "qualifier", Qualifier::parse, &names)
            }
        };
        let notation = match self.optional(value, "notation") {
            None => Some(Notation::Full),
            Some(q) => {
                let names: Vec<&str> = Notation::ALL.iter().map(|k| k.as_str()).collect();
                self.keyword(q, &p("notation"), "notation", Notation::parse, &names)
            }
        };
        let source = self
            .field(value, path, "source")
            .and_then(|v| self.string(v, &p("source"), MAX_SENTENCE_CHARS));
        let mut optional_ok = true;
        let mut opt_text = |this: &mut Self, key: &str, max: usize| {
            let present = this.optional(value, key).is_some();
            let t = this.optional_text(value, path, key, max);
            if present && t.is_none() {
                optional_ok = false;
            }
            t
        };
        let term = opt_text(self, "term", MAX_LABEL_CHARS);
        let wording = opt_text(self, "wording", MAX_LABEL_CHARS);
        let note = opt_text(self, "note", MAX_SENTENCE_CHARS);
        let group = match self.optional(value, "group") {
            None => Some(None),
            Some(g) => self.id(g, &p("group")).map(Some),
        };
        if !optional_ok {
            return None;
        }
        Some(Figure {
            id: id?,
            label: label?,
            value: number?,
            kind: kind?,
            unit: unit?,
            qualifier: qualifier?,
            notation: notation?,
            source: source?,
            term,
            wording,
            group: group?,
            note,
        })
    }

    fn unit(&mut self, value: &Value, path: &str) -> Option<Text> {
        self.object(value, path, &["zh", "en"])?;
        let zh = self.field(value, path, "zh").and_then(|v| {
            let zpath = join(path, "zh");
            let s = self.string(v, &zpath, MAX_UNIT_CHARS)?;
            if !MEASURE_WORDS.contains(&s.as_str()) {
                self.push(
                    &zpath,
                    format!(
                        "unknown unit \"{}\" (expected one of: {})",
                        shorten(&s),
                        MEASURE_WORDS.join(" ")
                    ),
                );
                return None;
            }
            Some(s)
        });
        let en = self
            .field(value, path, "en")
            .and_then(|v| self.string(v, &join(path, "en"), MAX_UNIT_CHARS));
        Some(Text { zh: zh?, en: en? })
    }

    fn relations(&mut self, value: &Value, path: &str) -> Option<Vec<Relation>> {
        let items = self.array(value, path, MAX_RELATIONS)?;
        let rels: Vec<Option<Relation>> = items
            .iter()
            .enumerate()
            .map(|(i, r)| self.relation(r, &format!("{path}[{i}]")))
            .collect();
        rels.into_iter().collect()
    }

    fn relation(&mut self, value: &Value, path: &str) -> Option<Relation> {
        const TYPES: [&str; 5] = ["difference", "ratio", "growth", "share-total", "part-of"];
        // The type decides which fields are known, but only an object has one: without this,
        // `null` here would be reported as a missing `type` inside it.
        if !matches!(value, Value::Object(_)) {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return None;
        }
        let inputs: &[&str] = match value.get("type") {
            Some(Value::String(t)) => match t.as_str() {
                "difference" => &["minuend", "subtrahend"],
                "ratio" => &["numerator", "denominator"],
                "growth" => &["level", "increase", "rate"],
                "share-total" => &["part", "share"],
                "part-of" => &["part", "whole"],
                other => {
                    self.push(
                        &join(path, "type"),
                        format!(
                            "unknown relation type \"{}\" (expected one of: {})",
                            shorten(other),
                            TYPES.join(", ")
                        ),
                    );
                    return None;
                }
            },
            Some(other) if *other != Value::Null => {
                self.push(
                    &join(path, "type"),
                    format!("must be a string, got {}", describe(other)),
                );
                return None;
            }
            _ => {
                self.push(&join(path, "type"), "missing required field");
                return None;
            }
        };
        let mut known = vec!["id", "type", "label", "unit", "decimals"];
        known.extend_from_slice(inputs);
        self.object(value, path, &known)?;
        let id = self
            .field(value, path, "id")
            .and_then(|v| self.id(v, &join(path, "id")));
        let label = self
            .field(value, path, "label")
            .and_then(|v| self.text(v, &join(path, "label"), MAX_LABEL_CHARS));
        let unit_present = self.optional(value, "unit").is_some();
        let unit = self.optional_text(value, path, "unit", MAX_UNIT_CHARS);
        let decimals = match self.optional(value, "decimals") {
            None => Some(1),
            Some(Value::Number(n)) if n.fract() == 0.0 && (0.0..=6.0).contains(n) => Some(*n as u8),
            Some(other) => {
                self.push(
                    &join(path, "decimals"),
                    format!(
                        "must be a whole number from 0 to 6, got {}",
                        describe(other)
                    ),
                );
                None
            }
        };
        let ids: Vec<Option<String>> = inputs
            .iter()
            .map(|key| {
                self.field(value, path, key)
                    .and_then(|v| self.id(v, &join(path, key)))
            })
            .collect();
        let ids: Option<Vec<String>> = ids.into_iter().collect();
        let mut ids = ids?.into_iter();
        let mut next = || ids.next().unwrap_or_default();
        let kind = match inputs.first().copied() {
            Some("minuend") => RelationKind::Difference {
                minuend: next(),
                subtrahend: next(),
            },
            Some("numerator") => RelationKind::Ratio {
                numerator: next(),
                denominator: next(),
            },
            Some("level") => RelationKind::Growth {
                level: next(),
                increase: next(),
                rate: next(),
            },
            Some("part") if inputs.get(1) == Some(&"share") => RelationKind::ShareTotal {
                part: next(),
                share: next(),
            },
            _ => RelationKind::PartOf {
                part: next(),
                whole: next(),
            },
        };
        if unit_present && unit.is_none() {
            return None;
        }
        Some(Relation {
            id: id?,
            kind,
            label: label?,
            unit,
            decimals: decimals?,
        })
    }
}
