//! The story's schema and its validation: any JSON `Value` becomes a checked `Dataset` or a list of errors with paths; no formatting, no rendering.
//!
//! Stages: `schema` declares every field once; `check` walks a document against it; `typed`
//! turns a checked document into the structs below; `refs` checks ids and references.

mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod emit;
mod figure;
mod refs;
pub mod schema;
pub mod seal;
mod typed;

use crate::format::{Kind, Notation, Qualifier};
use crate::json::Value;
pub use check::is_date;
use check::{Checker, Path};
pub use schema::{
    MAX_ABS_VALUE, MAX_FIGURES, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NOTES, MAX_RELATIONS,
    MAX_SECTIONS, MAX_SENTENCE_CHARS, MAX_UNIT_CHARS, MEASURE_WORDS, SCHEMA_VERSION,
};
use serde::Serialize;

/// The Xi'an story, embedded in every build.
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_JSON: &str = include_str!("../../data/xian-2022.json");
/// In the wasm, the same JSON without its indentation (build.rs).
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/story.min.json"));

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn empty() -> Text {
        Text {
            zh: String::new(),
            en: String::new(),
        }
    }

    pub fn get(&self, lang: crate::format::Lang) -> &str {
        match lang {
            crate::format::Lang::Zh => &self.zh,
            crate::format::Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The languages its texts are in, in the order declared; never empty.
    pub languages: Vec<crate::format::Lang>,
    pub story: Story,
    pub sections: Vec<Section>,
    pub relations: Vec<Relation>,
    pub(crate) index: crate::idmap::IdMap,
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
    /// A range's high end (`value` is its low end).
    pub high: Option<f64>,
    /// The figure as the article writes it, when the dataset gave it so.
    pub written: Option<String>,
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
    /// The embedded Xi'an dataset, parsed and checked.
    pub fn default_story() -> Result<Dataset, Vec<ValidationError>> {
        parse_json(DEFAULT_JSON)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        let (s, f) = self.index.get(id)?;
        self.sections.get(s)?.figures.get(f)
    }

    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sections.iter().flat_map(|s| s.figures.iter())
    }

    pub fn has_language(&self, lang: crate::format::Lang) -> bool {
        self.languages.contains(&lang)
    }

    /// `lang` if the dataset has it, else its first language.
    pub fn language_or_first(&self, lang: crate::format::Lang) -> crate::format::Lang {
        if self.has_language(lang) {
            lang
        } else {
            self.languages.first().copied().unwrap_or(lang)
        }
    }

    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }
}

/// JSON text to a checked dataset.
pub fn parse_json(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    let value = crate::json::parse(text).map_err(|message| {
        vec![ValidationError {
            path: String::new(),
            message: format!("not valid JSON: {message}"),
        }]
    })?;
    validate(&value)
}

/// The languages a document declares, as (zh, en); both when it declares none (or declares
/// them wrongly: the walk reports that).
fn declared_languages(value: &Value) -> [bool; 2] {
    match value.get("languages") {
        Some(Value::Array(items)) if !items.is_empty() => {
            let has = |l: &str| items.iter().any(|v| *v == Value::String(l.to_owned()));
            let langs = [has("zh"), has("en")];
            if langs == [false, false] {
                [true, true]
            } else {
                langs
            }
        }
        _ => [true, true],
    }
}

/// Every problem found, not just the first, so a data desk can fix a file in one pass.
pub fn validate(value: &Value) -> Result<Dataset, Vec<ValidationError>> {
    let mut c = Checker::new(declared_languages(value));
    // Counted before the walk, so a million figures are refused without a million checks.
    let total: usize = match value.get("sections") {
        Some(Value::Array(sections)) => sections
            .iter()
            .map(|s| match s.get("figures") {
                Some(Value::Array(f)) => f.len(),
                _ => 0,
            })
            .sum(),
        _ => 0,
    };
    if total > MAX_FIGURES {
        c.push(
            &Path::Key(&Path::Root, "sections"),
            format!("too many figures: {total}, at most {MAX_FIGURES}"),
        );
        return Err(c.errors);
    }
    let shaped = c.check(value, &schema::Ty::Object(&schema::DATASET), &Path::Root);
    if shaped {
        let dataset = typed::dataset(value);
        refs::check(&dataset, &mut c);
        if c.errors.is_empty() {
            return Ok(dataset);
        }
    }
    if c.errors.is_empty() {
        c.push(&Path::Root, "invalid dataset");
    }
    Err(c.errors)
}
