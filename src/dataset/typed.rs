//! A checked document into the dataset's structs: every field read by name with the schema's defaults; nothing is reported here (`check` has seen every field).

use super::check::present;
use super::{Dataset, Figure, Hero, Relation, RelationKind, Section, Source, Story, Text};
use crate::format::{Kind, Lang, Notation, Qualifier};
use crate::json::Value;

fn string(obj: &Value, key: &str) -> String {
    match present(obj, key) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn optional_string(obj: &Value, key: &str) -> Option<String> {
    present(obj, key).map(|_| string(obj, key))
}

fn text_of(v: &Value) -> Text {
    Text {
        zh: string(v, "zh"),
        en: string(v, "en"),
    }
}

fn text(obj: &Value, key: &str) -> Text {
    present(obj, key).map(text_of).unwrap_or_else(Text::empty)
}

fn optional_text(obj: &Value, key: &str) -> Option<Text> {
    present(obj, key).map(text_of)
}

fn items<'v>(obj: &'v Value, key: &str) -> &'v [Value] {
    match present(obj, key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

fn number(obj: &Value, key: &str) -> Option<f64> {
    match present(obj, key) {
        Some(&Value::Number(n)) => Some(n),
        _ => None,
    }
}

pub fn dataset(v: &Value) -> Dataset {
    let sections: Vec<Section> = items(v, "sections").iter().map(section).collect();
    let relations = items(v, "relations").iter().filter_map(relation).collect();
    let mut index = crate::idmap::IdMap::new();
    for (s, section) in sections.iter().enumerate() {
        for (f, figure) in section.figures.iter().enumerate() {
            index.entry(&figure.id, (s, f));
        }
    }
    let mut languages: Vec<Lang> = items(v, "languages")
        .iter()
        .filter_map(|l| match l {
            Value::String(s) => Lang::parse(s),
            _ => None,
        })
        .collect();
    languages.dedup();
    if languages.is_empty() {
        languages = vec![Lang::Zh, Lang::En];
    }
    Dataset {
        languages,
        story: story(present(v, "story").unwrap_or(&Value::Null)),
        sections,
        relations,
        index,
    }
}

fn story(v: &Value) -> Story {
    let source = present(v, "source").unwrap_or(&Value::Null);
    Story {
        id: string(v, "id"),
        title: text(v, "title"),
        dek: text(v, "dek"),
        date: string(v, "date"),
        source: Source {
            name: text(source, "name"),
            editor: optional_text(source, "editor"),
            url: optional_string(source, "url"),
        },
        notes: items(v, "notes").iter().map(text_of).collect(),
        hero: present(v, "hero").map(|h| Hero {
            figure: string(h, "figure"),
            previous: optional_string(h, "previous"),
            increase: optional_string(h, "increase"),
            rate: optional_string(h, "rate"),
        }),
    }
}

fn section(v: &Value) -> Section {
    Section {
        id: string(v, "id"),
        title: text(v, "title"),
        figures: items(v, "figures").iter().map(figure).collect(),
    }
}

fn figure(v: &Value) -> Figure {
    // What `written` says fills what the figure does not give (`check` saw that they agree).
    let written = optional_string(v, "written");
    let w = written.as_deref().and_then(crate::written::parse);
    let value = number(v, "value").or(w.map(|w| w.value)).unwrap_or(0.0);
    let mut unit = text(v, "unit");
    if let Some(w) = w
        .as_ref()
        .filter(|w| unit.zh.is_empty() && !w.unit.is_empty())
    {
        unit.zh = w.unit.to_owned();
    }
    // A field the figure gives, else what `written` says.
    let word =
        |key: &str, written: Option<&str>| optional_string(v, key).or(written.map(str::to_owned));
    Figure {
        id: string(v, "id"),
        label: text(v, "label"),
        // -0 is zero: keep it from reaching the page as "-0".
        value: if value == 0.0 { 0.0 } else { value },
        high: number(v, "high"),
        written: written.clone(),
        kind: word("kind", w.map(|w| w.kind.as_str()))
            .as_deref()
            .and_then(Kind::parse)
            .unwrap_or(Kind::Count),
        unit,
        qualifier: word("qualifier", w.map(|w| w.qualifier.as_str()))
            .as_deref()
            .and_then(Qualifier::parse)
            .unwrap_or(Qualifier::Exact),
        notation: word("notation", w.map(|w| w.notation.as_str()))
            .as_deref()
            .and_then(Notation::parse)
            .unwrap_or(Notation::Full),
        source: string(v, "source"),
        term: optional_text(v, "term"),
        wording: optional_text(v, "wording"),
        group: optional_string(v, "group"),
        note: optional_text(v, "note"),
    }
}

fn relation(v: &Value) -> Option<Relation> {
    let id = |k: &str| string(v, k);
    let kind = match string(v, "type").as_str() {
        "difference" => RelationKind::Difference {
            minuend: id("minuend"),
            subtrahend: id("subtrahend"),
        },
        "ratio" => RelationKind::Ratio {
            numerator: id("numerator"),
            denominator: id("denominator"),
        },
        "growth" => RelationKind::Growth {
            level: id("level"),
            increase: id("increase"),
            rate: id("rate"),
        },
        "share-total" => RelationKind::ShareTotal {
            part: id("part"),
            share: id("share"),
        },
        "part-of" => RelationKind::PartOf {
            part: id("part"),
            whole: id("whole"),
        },
        _ => return None,
    };
    Some(Relation {
        id: id("id"),
        kind,
        label: text(v, "label"),
        unit: optional_text(v, "unit"),
        decimals: number(v, "decimals").map_or(1, |d| d.clamp(0.0, 6.0) as u8),
    })
}
