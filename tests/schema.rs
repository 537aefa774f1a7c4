#![cfg(not(target_arch = "wasm32"))]
//! One schema, many readers: the committed JSON Schema and docs are what the declaration
//! (src/dataset/schema.rs) writes, its word lists are the core's, and the validator takes the
//! `$schema` key an editor needs. Also the house rules a compiler does not check: no source
//! file over 600 lines.

use revitalization_infographic::dataset::{emit, schema, validate, DEFAULT_JSON};
use revitalization_infographic::format::{Kind, Notation, Qualifier};
use revitalization_infographic::json;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

#[test]
fn the_committed_json_schema_is_the_generated_one() {
    let committed: serde_json::Value =
        serde_json::from_str(&read("data/dataset.schema.json")).expect("JSON");
    let generated: serde_json::Value =
        serde_json::from_str(&emit::json_schema()).expect("the emitter writes JSON");
    assert_eq!(
        committed, generated,
        "data/dataset.schema.json is stale: cargo run -- schema > data/dataset.schema.json"
    );
    assert_eq!(
        generated["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // Every field of every shape is a property of its $defs entry, and required ones are required.
    for shape in schema::SHAPES.iter().skip(1) {
        let def = &generated["$defs"][shape.name];
        for f in shape.fields {
            assert!(
                def["properties"].get(f.name).is_some(),
                "{}.{} missing from the JSON Schema",
                shape.name,
                f.name
            );
            let required = def["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|n| n == f.name));
            assert_eq!(required, f.required, "{}.{}", shape.name, f.name);
        }
    }
}

#[test]
fn the_docs_hold_the_generated_field_tables() {
    let docs = read("docs/dataset.md");
    let begin = "<!-- generated: cargo run -- schema --markdown -->\n";
    let end = "<!-- end of generated -->";
    let start = docs.find(begin).expect("the docs mark the generated part") + begin.len();
    let stop = docs[start..].find(end).expect("and its end") + start;
    assert_eq!(
        &docs[start..stop],
        emit::markdown(),
        "docs/dataset.md is stale: paste `cargo run -- schema --markdown` between the markers"
    );
}

#[test]
fn the_typescript_names_every_shape_and_field() {
    let ts = emit::typescript();
    for shape in schema::SHAPES {
        assert!(ts.contains(&format!("export interface {} {{", shape.name)));
        for f in shape.fields {
            let key = if f.name.starts_with('$') {
                format!("\"{}\"", f.name)
            } else {
                f.name.to_owned()
            };
            let q = if f.required { "" } else { "?" };
            assert!(
                ts.contains(&format!("  {key}{q}: ")),
                "{}.{}",
                shape.name,
                f.name
            );
        }
    }
    for r in schema::RELATION_TYPES {
        assert!(ts.contains(&format!("type: \"{}\";", r.kind)));
    }
    assert!(ts.contains("export type Relation = DifferenceRelation | RatioRelation"));
}

#[test]
fn the_schema_words_are_the_cores() {
    let names = |all: &[&str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        names(schema::KINDS),
        Kind::ALL.map(|k| k.as_str().to_owned())
    );
    assert_eq!(
        names(schema::QUALIFIERS),
        Qualifier::ALL.map(|k| k.as_str().to_owned())
    );
    assert_eq!(
        names(schema::NOTATIONS),
        Notation::ALL.map(|k| k.as_str().to_owned())
    );
    let rule_kinds: Vec<&str> = schema::KIND_RULES.iter().map(|r| r.0).collect();
    assert_eq!(rule_kinds, schema::KINDS);
}

#[test]
fn the_story_names_its_schema_and_the_validator_takes_the_key() {
    let v = json::parse(DEFAULT_JSON).expect("JSON");
    assert_eq!(
        v.get("$schema"),
        Some(&json::Value::String("dataset.schema.json".into()))
    );
    assert!(validate(&v).is_ok());
    let bad = json::parse(&DEFAULT_JSON.replacen(
        "\"$schema\": \"dataset.schema.json\"",
        "\"$schema\": 7",
        1,
    ))
    .expect("JSON");
    let errors = validate(&bad).expect_err("a $schema that is not a string");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "$schema");
    assert!(errors[0].message.contains("must be a string"));
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    assert!(files.len() > 20);
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).ok()?.lines().count();
            (lines > 600).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by responsibility: {long:?}");
}
