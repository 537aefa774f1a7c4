#![cfg(not(target_arch = "wasm32"))]
//! Bad datasets get errors that name the field: one test per kind of problem, then property
//! tests that throw arbitrary documents and mutated copies of the Xi'an story at `validate`.

use proptest::prelude::*;
use proptest::sample::{select, Index};
use revitalization_infographic::dataset::{
    self, validate, Dataset, ValidationError, DEFAULT_JSON, MAX_FIGURES, MEASURE_WORDS,
};
use revitalization_infographic::format::Lang;
use revitalization_infographic::json::Value;
use revitalization_infographic::stats;
use revitalization_infographic::view::{self, export, html::to_html, ViewOptions};
use serde_json::json;

mod common;
use common::{
    at_value, default_value, points_into, prints_a_bad_number, root_keys, schema_keys, steps,
    unquoted, Step,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn default_doc() -> serde_json::Value {
    serde_json::from_str(DEFAULT_JSON).expect("the embedded dataset is JSON")
}

/// The errors for the default dataset after `f` edits it.
fn errors_after(f: impl FnOnce(&mut serde_json::Value)) -> Vec<ValidationError> {
    let mut doc = default_doc();
    f(&mut doc);
    match dataset::parse_json(&doc.to_string()) {
        Ok(_) => panic!("the edited dataset should not validate"),
        Err(errors) => errors,
    }
}

fn ok_after(f: impl FnOnce(&mut serde_json::Value)) -> Dataset {
    let mut doc = default_doc();
    f(&mut doc);
    dataset::parse_json(&doc.to_string())
        .unwrap_or_else(|errors| panic!("the edited dataset should validate: {errors:?}"))
}

fn errors_of_text(text: &str) -> Vec<ValidationError> {
    match dataset::parse_json(text) {
        Ok(_) => panic!("should not validate: {text:.80}"),
        Err(errors) => errors,
    }
}

fn errors_of_value(v: &Value) -> Vec<ValidationError> {
    match validate(v) {
        Ok(_) => panic!("should not validate"),
        Err(errors) => errors,
    }
}

/// Exactly one error, at `path`, whose message contains every one of `words`.
#[track_caller]
fn assert_one(errors: &[ValidationError], path: &str, words: &[&str]) {
    assert_eq!(errors.len(), 1, "one error expected: {errors:#?}");
    assert_has(errors, path, words);
}

#[track_caller]
fn assert_has(errors: &[ValidationError], path: &str, words: &[&str]) {
    let Some(e) = errors.iter().find(|e| e.path == path) else {
        panic!("no error at {path:?}: {errors:#?}");
    };
    for w in words {
        assert!(e.message.contains(w), "{path}: {:?} lacks {w:?}", e.message);
    }
}

/// The node at `path` (serde_json side), for edits.
fn at<'a>(doc: &'a mut serde_json::Value, path: &str) -> &'a mut serde_json::Value {
    let mut cur = doc;
    for step in steps(path).expect("a well-formed path") {
        cur = match step {
            Step::Key(k) => &mut cur[k.as_str()],
            Step::Index(i) => &mut cur[i],
        };
    }
    cur
}

fn remove_key(doc: &mut serde_json::Value, path: &str) {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    at(doc, parent)
        .as_object_mut()
        .expect("an object")
        .remove(key)
        .unwrap_or_else(|| panic!("no {path}"));
}

// ---------------------------------------------------------------------------------------------
// The default dataset
// ---------------------------------------------------------------------------------------------

#[test]
fn the_default_dataset_validates() {
    let ds = validate(&default_value()).expect("the embedded dataset validates");
    assert_eq!(ds.figures().count(), 35);
    assert_eq!(ds.sections.len(), 7);
    assert_eq!(ds.relations.len(), 9);
    assert_eq!(Dataset::default_story().as_ref(), Ok(&ds));
}

// ---------------------------------------------------------------------------------------------
// Malformed documents
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_json_is_one_error_at_the_document() {
    for text in [
        "{\"schema\": 1,",
        "",
        "{\"schema\": 1} trailing",
        "{'schema': 1}",
        "NaN",
    ] {
        let errors = errors_of_text(text);
        assert_one(&errors, "", &["JSON"]);
        assert!(
            errors[0].message.starts_with("not valid JSON: "),
            "{}",
            errors[0].message
        );
        assert_eq!(
            errors[0].to_string(),
            format!("dataset: {}", errors[0].message)
        );
    }
    // serde_json says where: line and column.
    let errors = errors_of_text("{\n  \"schema\": ,\n}");
    assert_one(&errors, "", &["JSON", "line 2"]);
}

#[test]
fn a_document_that_is_not_an_object() {
    for (text, got) in [
        ("[]", "an array"),
        ("42", "the number 42"),
        ("\"story\"", "a string \"story\""),
        ("null", "null"),
    ] {
        assert_one(&errors_of_text(text), "", &["must be an object", got]);
    }
}

#[test]
fn too_deep_anywhere_is_refused_before_validation() {
    // A figure sits 5 levels deep; 11 more arrays make 16, the limit, and 12 make 17.
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let inside_figure = |n: usize| {
        DEFAULT_JSON.replacen(
            "\"id\": \"income-per-capita\",",
            &format!("\"id\": \"income-per-capita\", \"deep\": {},", nest(n)),
            1,
        )
    };
    let errors = errors_of_text(&inside_figure(12));
    assert_one(&errors, "", &["JSON", "too deep", "16"]);
    // At the limit it parses, and validation names the stray field instead.
    let errors = errors_of_text(&inside_figure(11));
    assert_one(&errors, "sections[0].figures[0].deep", &["unknown field"]);

    assert_one(&errors_of_text(&nest(17)), "", &["too deep"]);
    let deep_object = format!("{}1{}", "{\"a\":".repeat(17), "}".repeat(17));
    assert_one(&errors_of_text(&deep_object), "", &["too deep"]);
    // A refused document does not poison the next one.
    assert!(dataset::parse_json(DEFAULT_JSON).is_ok());
}

#[test]
fn schema_version_and_unknown_fields() {
    assert_one(
        &errors_after(|d| d["schema"] = json!(2)),
        "schema",
        &["unsupported schema version", "2"],
    );
    assert_one(
        &errors_after(|d| remove_key(d, "schema")),
        "schema",
        &["missing required field"],
    );
    assert_one(
        &errors_after(|d| d["extra"] = json!(true)),
        "extra",
        &[
            "unknown field",
            "schema, languages, story, sections, relations",
        ],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["colour"] = json!("red")),
        "sections[0].figures[0].colour",
        &["unknown field", "id, label, value, high, written, kind"],
    );
    assert_one(
        &errors_after(|d| d["story"]["hero"]["chart"] = json!("bars")),
        "story.hero.chart",
        &["unknown field"],
    );
    // A relation's fields depend on its type: "whole" belongs to part-of, not to ratio.
    assert_one(
        &errors_after(|d| d["relations"][2]["whole"] = json!("departments")),
        "relations[2].whole",
        &["unknown field", "numerator", "denominator"],
    );
}

#[test]
fn a_field_given_twice_is_named() {
    let text = DEFAULT_JSON.replacen(
        "\"id\": \"income-per-capita\",",
        "\"id\": \"income-per-capita\", \"id\": \"other\",",
        1,
    );
    assert_one(
        &errors_of_text(&text),
        "sections[0].figures[0].id",
        &["given twice"],
    );
}

// ---------------------------------------------------------------------------------------------
// Types and missing fields
// ---------------------------------------------------------------------------------------------

#[test]
fn wrong_types_name_the_field_and_what_came() {
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["value"] = json!("16317")),
        "sections[0].figures[0].value",
        &["must be a number", "a string \"16317\""],
    );
    assert_one(
        &errors_after(|d| d["story"]["title"] = json!("标题")),
        "story.title",
        &["must be an object", "a string"],
    );
    assert_one(
        &errors_after(|d| d["sections"] = json!({})),
        "sections",
        &["must be an array", "an object"],
    );
    assert_one(
        &errors_after(|d| d["sections"][3]["figures"][1]["label"]["en"] = json!(42)),
        "sections[3].figures[1].label.en",
        &["must be a string", "the number 42"],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["kind"] = json!(true)),
        "sections[0].figures[0].kind",
        &["must be a string", "a boolean"],
    );
    assert_one(
        &errors_after(|d| d["relations"][0]["decimals"] = json!(1.5)),
        "relations[0].decimals",
        &["whole number from 0 to 6", "1.5"],
    );
    assert_one(
        &errors_after(|d| d["relations"][0]["decimals"] = json!(7)),
        "relations[0].decimals",
        &["whole number from 0 to 6"],
    );
}

#[test]
fn missing_fields_name_the_path() {
    assert_one(
        &errors_after(|d| remove_key(d, "story.title")),
        "story.title",
        &["missing required field"],
    );
    assert_one(
        &errors_after(|d| remove_key(d, "sections[1].figures[2].source")),
        "sections[1].figures[2].source",
        &["missing required field"],
    );
    assert_one(
        &errors_after(|d| remove_key(d, "sections[4].figures[0].unit")),
        "sections[4].figures[0].unit",
        &["missing required field", "need a unit"],
    );
    assert_one(
        &errors_after(|d| remove_key(d, "story.source.name.en")),
        "story.source.name.en",
        &["missing required field"],
    );
    assert_one(
        &errors_after(|d| remove_key(d, "relations[0].type")),
        "relations[0].type",
        &["missing required field"],
    );
    // null is as good as missing.
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["value"] = json!(null)),
        "sections[0].figures[0].value",
        &["missing required field"],
    );
    // A share needs no unit, and optional fields may be left out.
    let ds = ok_after(|d| {
        remove_key(d, "story.notes");
        remove_key(d, "story.source.editor");
        remove_key(d, "sections[0].figures[0].qualifier");
        remove_key(d, "sections[0].figures[0].notation");
        remove_key(d, "relations[0].decimals");
    });
    assert!(ds.story.notes.is_empty());
    assert_eq!(ds.story.source.editor, None);
    assert_eq!(ds.relations[0].decimals, 1, "the default");
}

#[test]
fn empty_sections_and_figures() {
    assert_one(
        &errors_after(|d| d["sections"] = json!([])),
        "sections",
        &["at least one section"],
    );
    assert_one(
        &errors_after(|d| d["sections"][2]["figures"] = json!([])),
        "sections[2].figures",
        &["at least one figure"],
    );
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn nan_and_infinities_are_refused() {
    // JSON text cannot carry them, but a JS object handed to the widget can.
    for (n, shown) in [
        (f64::NAN, "not a number"),
        (f64::INFINITY, "+∞"),
        (f64::NEG_INFINITY, "−∞"),
    ] {
        let mut v = default_value();
        *at_value(&mut v, "sections[0].figures[0].value") = Value::Number(n);
        assert_one(
            &errors_of_value(&v),
            "sections[0].figures[0].value",
            &["must be a finite number", shown],
        );
        let mut v = default_value();
        *at_value(&mut v, "sections[0].figures[1].value") = Value::Number(n);
        assert_one(
            &errors_of_value(&v),
            "sections[0].figures[1].value",
            &["finite"],
        );
        let mut v = default_value();
        *at_value(&mut v, "schema") = Value::Number(n);
        assert_one(
            &errors_of_value(&v),
            "schema",
            &["unsupported schema version"],
        );
    }
}

#[test]
fn negative_counts_and_amounts_are_refused() {
    assert_one(
        &errors_after(|d| d["sections"][1]["figures"][2]["value"] = json!(-50)),
        "sections[1].figures[2].value",
        &["cannot be negative", "-50"],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["value"] = json!(-0.5)),
        "sections[0].figures[0].value",
        &["cannot be negative"],
    );
    // A change may fall.
    let ds = ok_after(|d| d["sections"][0]["figures"][1]["value"] = json!(-3.5));
    assert_eq!(ds.figure("income-growth").map(|f| f.value), Some(-3.5));
}

#[test]
fn shares_stay_within_0_and_100_percent() {
    assert_one(
        &errors_after(|d| d["sections"][2]["figures"][2]["value"] = json!(100.5)),
        "sections[2].figures[2].value",
        &["a share is a percentage from 0 to 100", "100.5"],
    );
    assert_one(
        &errors_after(|d| d["sections"][5]["figures"][2]["value"] = json!(-1)),
        "sections[5].figures[2].value",
        &["from 0 to 100", "-1"],
    );
    for edge in [0.0, 100.0] {
        let ds = ok_after(|d| d["sections"][5]["figures"][2]["value"] = json!(edge));
        assert_eq!(ds.figure("safety-net-share").map(|f| f.value), Some(edge));
    }
}

#[test]
fn negative_zero_becomes_zero() {
    for text in ["-0", "-0.0", "-0e3"] {
        let doc = DEFAULT_JSON.replacen("\"value\": 16317,", &format!("\"value\": {text},"), 1);
        let ds = dataset::parse_json(&doc).expect("-0 is a valid count");
        let v = ds.figure("income-per-capita").map(|f| f.value);
        assert_eq!(v, Some(0.0));
        assert!(v.is_some_and(f64::is_sign_positive), "{text} gives +0");
    }
    let mut v = default_value();
    *at_value(&mut v, "sections[0].figures[1].value") = Value::Number(-0.0);
    let ds = validate(&v).expect("-0 is a valid change");
    let f = ds.figure("income-growth").expect("the growth figure");
    assert!(f.value.is_sign_positive());
    assert_eq!(view::format_figure(f, Lang::Zh, false), "0%");
    assert_eq!(view::format_figure(f, Lang::En, false), "0%");
}

#[test]
fn implausibly_large_numbers_are_refused() {
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["value"] = json!(1e16)),
        "sections[0].figures[0].value",
        &["implausibly large", "1,000,000,000,000,000"],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][1]["value"] = json!(-2e15)),
        "sections[0].figures[1].value",
        &["implausibly large"],
    );
    let ds = ok_after(|d| d["sections"][0]["figures"][0]["value"] = json!(1e15));
    assert_eq!(ds.figure("income-per-capita").map(|f| f.value), Some(1e15));
}

// ---------------------------------------------------------------------------------------------
// Ids and references
// ---------------------------------------------------------------------------------------------

#[test]
fn duplicate_ids_across_sections() {
    assert_one(
        &errors_after(|d| d["sections"][1]["figures"][0]["id"] = json!("income-per-capita")),
        "sections[1].figures[0].id",
        &[
            "duplicate id \"income-per-capita\"",
            "first used at sections[0].figures[0].id",
        ],
    );
}

#[test]
fn a_relation_may_not_reuse_a_figure_id() {
    assert_one(
        &errors_after(|d| d["relations"][2]["id"] = json!("income-growth")),
        "relations[2].id",
        &[
            "duplicate id \"income-growth\"",
            "first used at sections[0].figures[1].id",
        ],
    );
    assert_one(
        &errors_after(|d| d["relations"][4]["id"] = json!("previous-income")),
        "relations[4].id",
        &["duplicate id", "relations[0].id"],
    );
}

#[test]
fn duplicate_section_ids() {
    assert_one(
        &errors_after(|d| d["sections"][2]["id"] = json!("income")),
        "sections[2].id",
        &["duplicate section id \"income\""],
    );
}

#[test]
fn ids_are_lowercase_words() {
    for bad in ["Income", "income per capita", "-income", "收入", "a.b"] {
        assert_one(
            &errors_after(|d| d["sections"][0]["figures"][0]["id"] = json!(bad)),
            "sections[0].figures[0].id",
            &["invalid id"],
        );
    }
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["id"] = json!("a".repeat(65))),
        "sections[0].figures[0].id",
        &["too long: 65 characters, at most 64"],
    );
}

#[test]
fn a_relation_pointing_at_a_missing_figure() {
    assert_one(
        &errors_after(|d| d["relations"][2]["numerator"] = json!("no-such-figure")),
        "relations[2].numerator",
        &["no figure has the id \"no-such-figure\""],
    );
    // A relation's input must be a figure, not another relation.
    assert_one(
        &errors_after(|d| d["relations"][1]["level"] = json!("previous-income")),
        "relations[1].level",
        &["no figure has the id \"previous-income\""],
    );
}

#[test]
fn a_hero_pointing_at_a_missing_figure() {
    assert_one(
        &errors_after(|d| d["story"]["hero"]["figure"] = json!("no-such-figure")),
        "story.hero.figure",
        &["no figure has the id \"no-such-figure\""],
    );
    assert_one(
        &errors_after(|d| d["story"]["hero"]["rate"] = json!("missing-rate")),
        "story.hero.rate",
        &["no figure has the id"],
    );
    assert_one(
        &errors_after(|d| d["story"]["hero"]["previous"] = json!("income-increase")),
        "story.hero.previous",
        &["no relation has the id \"income-increase\""],
    );
}

#[test]
fn unknown_relation_types() {
    assert_one(
        &errors_after(|d| d["relations"][0]["type"] = json!("sum")),
        "relations[0].type",
        &["unknown relation type \"sum\"", "difference, ratio, growth"],
    );
}

// ---------------------------------------------------------------------------------------------
// Keywords and units
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_kinds() {
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["kind"] = json!("percent")),
        "sections[0].figures[0].kind",
        &[
            "unknown kind \"percent\"",
            "expected one of: count, money, share, change",
        ],
    );
    // Keywords are exact: no case folding.
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["kind"] = json!("Money")),
        "sections[0].figures[0].kind",
        &["unknown kind \"Money\""],
    );
}

#[test]
fn unknown_units() {
    assert!(!MEASURE_WORDS.contains(&"桶"));
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["unit"]["zh"] = json!("桶")),
        "sections[0].figures[0].unit.zh",
        &["unknown unit \"桶\"", "元 人 人次"],
    );
    // 万元 is not a unit: values are in base units and the notation writes 万.
    assert_one(
        &errors_after(|d| d["sections"][4]["figures"][1]["unit"]["zh"] = json!("万元")),
        "sections[4].figures[1].unit.zh",
        &["unknown unit \"万元\""],
    );
    for word in MEASURE_WORDS {
        let ds = ok_after(|d| d["sections"][1]["figures"][2]["unit"]["zh"] = json!(word));
        assert_eq!(
            ds.figure("departments").map(|f| f.unit.zh.as_str()),
            Some(word)
        );
    }
}

#[test]
fn unknown_qualifiers_and_notations() {
    assert_one(
        &errors_after(|d| d["sections"][4]["figures"][5]["qualifier"] = json!("roughly")),
        "sections[4].figures[5].qualifier",
        &[
            "unknown qualifier \"roughly\"",
            "exact, at-least, about, at-most",
        ],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["notation"] = json!("scientific")),
        "sections[0].figures[0].notation",
        &[
            "unknown notation \"scientific\"",
            "auto, full, wan, yi, hanzi",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_and_whitespace_only_text() {
    for blank in ["", " ", "  \t ", "\u{3000}", "\n"] {
        assert_one(
            &errors_after(|d| d["story"]["title"]["zh"] = json!(blank)),
            "story.title.zh",
            &["must not be empty"],
        );
        assert_one(
            &errors_after(|d| d["sections"][3]["figures"][0]["source"] = json!(blank)),
            "sections[3].figures[0].source",
            &["must not be empty"],
        );
    }
}

#[test]
fn over_long_text() {
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["label"]["zh"] = json!("长".repeat(201))),
        "sections[0].figures[0].label.zh",
        &["too long: 201 characters, at most 200"],
    );
    // Characters, not bytes: 200 Chinese characters (600 bytes) fit.
    ok_after(|d| d["sections"][0]["figures"][0]["label"]["zh"] = json!("长".repeat(200)));
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["source"] = json!("句".repeat(1001))),
        "sections[0].figures[0].source",
        &["too long: 1001 characters, at most 1000"],
    );
    assert_one(
        &errors_after(|d| d["sections"][0]["figures"][0]["unit"]["en"] = json!("y".repeat(41))),
        "sections[0].figures[0].unit.en",
        &["too long: 41 characters, at most 40"],
    );
}

#[test]
fn control_characters_are_refused_but_line_breaks_kept() {
    assert_one(
        &errors_after(|d| d["story"]["dek"]["en"] = json!("a\u{0}b")),
        "story.dek.en",
        &["control characters"],
    );
    assert_one(
        &errors_after(|d| d["story"]["dek"]["en"] = json!("a\u{1b}[31mred")),
        "story.dek.en",
        &["control characters"],
    );
    let ds = ok_after(|d| d["story"]["dek"]["en"] = json!("two\nlines"));
    assert_eq!(ds.story.dek.en, "two\nlines");
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let ds = ok_after(|d| {
        d["sections"][0]["figures"][0]["label"]["en"] = json!(payload);
        d["story"]["title"]["zh"] = json!(payload);
    });
    assert_eq!(ds.story.title.zh, payload);
    assert_eq!(
        ds.figure("income-per-capita").map(|f| f.label.en.as_str()),
        Some(payload)
    );
}

// ---------------------------------------------------------------------------------------------
// Links and dates
// ---------------------------------------------------------------------------------------------

#[test]
fn script_urls_are_rejected() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "javascript://%0aalert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https://example.com/a b",
        "mailto:desk@example.com",
    ] {
        assert_one(
            &errors_after(|d| d["story"]["source"]["url"] = json!(bad)),
            "story.source.url",
            &["invalid url", "only http, https or relative links"],
        );
    }
}

#[test]
fn http_https_and_relative_urls_are_accepted() {
    for good in [
        "https://www.cnr.cn/news/20221210.html",
        "HTTPS://EXAMPLE.COM/",
        "http://example.com",
        "/news/2022/12/10/xian.html",
        "xian.html",
        "../data/xian-2022.json?v=2:3",
        "#top",
        "//cdn.example.com/x",
    ] {
        let ds = ok_after(|d| d["story"]["source"]["url"] = json!(good));
        assert_eq!(ds.story.source.url.as_deref(), Some(good));
    }
}

#[test]
fn invalid_dates() {
    for bad in [
        "2022-02-30",
        "2022-13-01",
        "2022-00-10",
        "2022-12-00",
        "2023-02-29",
        "1900-02-29",
        "2022-2-3",
        "22-12-10",
        "2022/12/10",
        "２０２２-12-10",
    ] {
        assert_one(
            &errors_after(|d| d["story"]["date"] = json!(bad)),
            "story.date",
            &["invalid date", "YYYY-MM-DD"],
        );
    }
    assert_one(
        &errors_after(|d| d["story"]["date"] = json!("2022-12-10T08:00")),
        "story.date",
        &["too long: 16 characters, at most 10"],
    );
    for good in ["2024-02-29", "2000-02-29", "2022-12-31", "2022-04-30"] {
        let ds = ok_after(|d| d["story"]["date"] = json!(good));
        assert_eq!(ds.story.date, good);
    }
}

// ---------------------------------------------------------------------------------------------
// Size limits
// ---------------------------------------------------------------------------------------------

/// The default dataset with `counts[i]` copies of its first figure (unique ids) in section i.
fn with_many_figures(counts: &[usize]) -> Value {
    let mut v = default_value();
    let first = at_value(&mut v, "sections[0].figures[0]").clone();
    let mut n = 0;
    for (i, &count) in counts.iter().enumerate() {
        let figures: Vec<Value> = (0..count)
            .map(|_| {
                n += 1;
                let mut f = first.clone();
                *at_value(&mut f, "id") = Value::String(format!("figure-{n}"));
                f
            })
            .collect();
        *at_value(&mut v, &format!("sections[{i}].figures")) = Value::Array(figures);
    }
    if let Value::Array(sections) = at_value(&mut v, "sections") {
        sections.truncate(counts.len());
    }
    // The relations and the hero name figures that are gone now.
    *at_value(&mut v, "relations") = Value::Array(Vec::new());
    if let Value::Object(entries) = at_value(&mut v, "story") {
        entries.retain(|(k, _)| k != "hero");
    }
    v
}

#[test]
fn too_many_figures() {
    let errors = errors_of_value(&with_many_figures(&[MAX_FIGURES + 1]));
    assert_one(
        &errors,
        "sections",
        &["too many figures: 50001, at most 50000"],
    );
    // The limit is for the whole document, not one section.
    let errors = errors_of_value(&with_many_figures(&[25_000, 25_001]));
    assert_one(&errors, "sections", &["too many figures: 50001"]);
    let ds = validate(&with_many_figures(&[MAX_FIGURES])).expect("50,000 figures are allowed");
    assert_eq!(ds.figures().count(), MAX_FIGURES);
    assert_eq!(
        ds.figure("figure-50000").map(|f| f.value),
        Some(16317.0),
        "the index reaches the last one"
    );
}

#[test]
fn too_many_sections_notes_and_relations() {
    let errors = errors_after(|d| {
        let section = d["sections"][1].clone();
        d["sections"] = json!(vec![section; 65]);
    });
    assert_one(&errors, "sections", &["too many items: 65, at most 64"]);
    let errors = errors_after(|d| {
        let note = d["story"]["notes"][0].clone();
        d["story"]["notes"] = json!(vec![note; 21]);
    });
    assert_one(&errors, "story.notes", &["too many items: 21, at most 20"]);
}

// ---------------------------------------------------------------------------------------------
// Collecting every error
// ---------------------------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_at_once() {
    let errors = errors_after(|d| {
        d["story"]["date"] = json!("2022-02-30");
        d["sections"][0]["figures"][0]["kind"] = json!("percent");
        d["relations"][3]["decimals"] = json!(9);
    });
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "story.date",
            "sections[0].figures[0].kind",
            "relations[3].decimals"
        ],
        "{errors:#?}"
    );
    assert!(errors.iter().all(|e| !e.message.is_empty()));

    // Problems in several figures of several sections, and at the root.
    let errors = errors_after(|d| {
        d["extra"] = json!(1);
        d["sections"][1]["figures"][2]["value"] = json!(-1);
        d["sections"][4]["figures"][5]["value"] = json!(180);
        d["sections"][6]["figures"][8]["source"] = json!("");
        remove_key(d, "story.dek");
    });
    let mut paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "extra",
            "sections[1].figures[2].value",
            "sections[4].figures[5].value",
            "sections[6].figures[8].source",
            "story.dek"
        ],
        "{errors:#?}"
    );
}

#[test]
fn errors_display_with_their_paths() {
    let errors = errors_after(|d| d["story"]["date"] = json!("2022-02-30"));
    assert_eq!(
        errors[0].to_string(),
        "story.date: invalid date \"2022-02-30\": expected YYYY-MM-DD"
    );
}

// ---------------------------------------------------------------------------------------------
// Property tests: validation never panics and every error points into the document
// ---------------------------------------------------------------------------------------------

const PAYLOADS: [&str; 12] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "{{constructor.constructor('alert(1)')()}}",
    "&lt;b&gt;",
    "'; DROP TABLE figures; --",
    "\u{202e}evil",
    "a\u{0}b",
    "𝕏😀",
    "-0",
];

const WORDS: [&str; 22] = [
    "count",
    "money",
    "share",
    "change",
    "exact",
    "at-least",
    "about",
    "at-most",
    "full",
    "wan",
    "yi",
    "hanzi",
    "auto",
    "difference",
    "ratio",
    "growth",
    "share-total",
    "part-of",
    "2022-12-10",
    "2022-02-30",
    "https://example.com/",
    "income-per-capita",
];

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        select(PAYLOADS.to_vec()).prop_map(str::to_owned),
        select(WORDS.to_vec()).prop_map(str::to_owned),
        select(MEASURE_WORDS.to_vec()).prop_map(str::to_owned),
        "[a-z0-9-]{0,12}",
        any::<String>(),
        "[ \t\n\u{3000}]{0,3}",
        "\\PC{190,210}",
    ]
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            0.0,
            1.0,
            9.0,
            100.0,
            100.5,
            -1.0,
            1e15,
            1e16,
            -1e16,
            f64::MIN_POSITIVE,
            f64::MAX,
            0.1 + 0.2,
        ]),
        any::<f64>(),
        -1e9..1e9f64,
    ]
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(schema_keys()).prop_map(str::to_owned),
        1 => "[a-z_-]{1,8}",
        1 => select(vec!["<script>", "__proto__", "constructor", "onerror", ""]).prop_map(str::to_owned),
    ]
}

fn any_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any_number().prop_map(Value::Number),
        any_string().prop_map(Value::String),
    ]
}

fn any_value() -> impl Strategy<Value = Value> {
    // Depth at most 6, as the brief asks; JSON's own limit is tested above.
    any_leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((any_key(), inner), 0..8).prop_map(Value::Object),
        ]
    })
}

/// A document: often an object with the schema's root keys, sometimes anything.
fn any_document() -> impl Strategy<Value = Value> {
    let root_key = prop_oneof![
        4 => select(root_keys()).prop_map(str::to_owned),
        1 => any_key(),
    ];
    prop_oneof![
        1 => any_value(),
        3 => prop::collection::vec((root_key, any_value()), 0..6).prop_map(Value::Object),
    ]
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(entries) => entries.iter().map(|(_, v)| count_nodes(v)).sum(),
        _ => 0,
    }
}

/// Replaces the `target`-th node in pre-order; `seen` counts the nodes passed.
fn replace_nth(v: &mut Value, seen: &mut usize, target: usize, with: &Value) -> bool {
    if *seen == target {
        *v = with.clone();
        return true;
    }
    *seen += 1;
    match v {
        Value::Array(items) => items.iter_mut().any(|c| replace_nth(c, seen, target, with)),
        Value::Object(entries) => entries
            .iter_mut()
            .any(|(_, c)| replace_nth(c, seen, target, with)),
        _ => false,
    }
}

/// Replaces the `target`-th node only by a value of its own type (a number by a number…),
/// which keeps more of the mutated stories valid, so that they reach the renderer.
fn retype_nth(v: &mut Value, seen: &mut usize, target: usize, with: &Value) -> bool {
    if *seen == target {
        if std::mem::discriminant(v) == std::mem::discriminant(with) {
            *v = with.clone();
        }
        return true;
    }
    *seen += 1;
    match v {
        Value::Array(items) => items.iter_mut().any(|c| retype_nth(c, seen, target, with)),
        Value::Object(entries) => entries
            .iter_mut()
            .any(|(_, c)| retype_nth(c, seen, target, with)),
        _ => false,
    }
}

/// Removes the `target`-th node (never the root) from its array or object.
fn remove_nth(v: &mut Value, seen: &mut usize, target: usize) -> bool {
    *seen += 1;
    match v {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *seen == target {
                    items.remove(i);
                    return true;
                }
                if items
                    .get_mut(i)
                    .is_some_and(|c| remove_nth(c, seen, target))
                {
                    return true;
                }
            }
            false
        }
        Value::Object(entries) => {
            for i in 0..entries.len() {
                if *seen == target {
                    entries.remove(i);
                    return true;
                }
                if entries
                    .get_mut(i)
                    .is_some_and(|(_, c)| remove_nth(c, seen, target))
                {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, Value),
    SameType(Index, Value),
    Remove(Index),
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), any_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        3 => (any::<Index>(), any_leaf()).prop_map(|(i, v)| Mutation::SameType(i, v)),
        1 => any::<Index>().prop_map(Mutation::Remove),
    ]
}

fn mutated(mutations: &[Mutation]) -> Value {
    static DEFAULT: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let mut v = DEFAULT.get_or_init(default_value).clone();
    for m in mutations {
        let n = count_nodes(&v);
        match m {
            Mutation::Replace(i, with) => {
                replace_nth(&mut v, &mut 0, i.index(n), with);
            }
            Mutation::SameType(i, with) => {
                retype_nth(&mut v, &mut 0, i.index(n), with);
            }
            Mutation::Remove(i) if n > 1 => {
                remove_nth(&mut v, &mut 0, 1 + i.index(n - 1));
            }
            Mutation::Remove(_) => {}
        }
    }
    v
}

fn check_errors(doc: &Value, errors: &[ValidationError]) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty(), "an Err carries at least one error");
    for e in errors {
        prop_assert!(
            !e.message.trim().is_empty(),
            "empty message at {:?}",
            e.path
        );
        prop_assert!(
            !prints_a_bad_number(&unquoted(&e.message)),
            "message at {:?} prints a number badly: {}",
            e.path,
            e.message
        );
        if e.path.is_empty() {
            continue;
        }
        let first = e
            .path
            .split(['.', '['])
            .next()
            .unwrap_or_default()
            .to_owned();
        let in_root = doc.get(&first).is_some();
        prop_assert!(
            root_keys().contains(&first.as_str())
                || (in_root && e.message.starts_with("unknown field")),
            "path {:?} does not start with a schema key: {}",
            e.path,
            e.message
        );
        prop_assert!(
            points_into(doc, &e.path),
            "path {:?} does not point into the document: {}",
            e.path,
            e.message
        );
    }
    Ok(())
}

/// A dataset that validates renders, and its text stays text.
fn check_renders(ds: &Dataset, lang: Lang, o: &ViewOptions) -> Result<(), TestCaseError> {
    let st = stats::compute(ds);
    let html = to_html(&view::build(ds, &st, o));
    let lower = html.to_ascii_lowercase();
    prop_assert!(!lower.contains("<script"), "markup from data in the page");
    prop_assert!(!lower.contains("<img"), "markup from data in the page");
    prop_assert!(!lower.contains("href=\"javascript"), "script link");
    prop_assert!(!html.contains("NaN"), "a non-number");
    let svg = export::export_svg(ds, &st, lang);
    prop_assert!(!svg.to_ascii_lowercase().contains("<script"));
    let csv = export::csv(ds, lang);
    prop_assert!(csv.matches("\r\n").count() > ds.figures().count());
    for f in ds.figures() {
        prop_assert!(view::tooltip(ds, &st, &f.id, lang, o.group_zh).is_some());
    }
    Ok(())
}

proptest! {
    // No regression files: an integration test has no lib.rs beside it to put them next to,
    // and a failure prints its minimal input.
    #![proptest_config(ProptestConfig {
        cases: 1500,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_documents_get_errors_not_panics(doc in any_document()) {
        if let Err(errors) = validate(&doc) {
            check_errors(&doc, &errors)?;
        }
    }

    #[test]
    fn mutated_stories_get_errors_or_render(
        mutations in prop::collection::vec(any_mutation(), 1..4),
        width_px in 280.0..1200.0f64,
        zh in any::<bool>(),
        static_page in any::<bool>(),
        group_zh in any::<bool>(),
    ) {
        let doc = mutated(&mutations);
        match validate(&doc) {
            Err(errors) => check_errors(&doc, &errors)?,
            Ok(ds) => {
                let lang = if zh { Lang::Zh } else { Lang::En };
                let mut o = ViewOptions::new(lang, width_px);
                o.static_page = static_page;
                o.group_zh = group_zh;
                check_renders(&ds, lang, &o)?;
            }
        }
    }
}

#[test]
fn the_path_helpers_read_paths() {
    assert_eq!(
        steps("sections[2].figures[4].value"),
        Some(vec![
            Step::Key("sections".into()),
            Step::Index(2),
            Step::Key("figures".into()),
            Step::Index(4),
            Step::Key("value".into()),
        ])
    );
    assert_eq!(steps(""), Some(vec![]));
    assert_eq!(steps("a[x]"), None);
    let doc = default_value();
    assert!(points_into(&doc, "sections[6].figures[8].source"));
    assert!(points_into(&doc, "story.hero.missing"), "a missing field");
    assert!(!points_into(&doc, "sections[7]"));
    assert!(!points_into(&doc, "story.nothing.here"));
    assert!(!points_into(&doc, "schema.x"));
    // Node 1 is the root's first field, "$schema", and node 2 is "schema": 1.
    let mut m = default_value();
    assert!(remove_nth(&mut m, &mut 0, 2));
    assert_eq!(count_nodes(&m) + 1, count_nodes(&doc), "one leaf removed");
    assert_eq!(m.get("schema"), None);
    assert!(m.get("$schema").is_some());
    let mut m = default_value();
    assert!(replace_nth(&mut m, &mut 0, 3, &Value::Null));
    assert_eq!(m.get("story"), Some(&Value::Null));
}

#[test]
fn a_relation_that_is_not_an_object() {
    assert_one(
        &errors_after(|d| d["relations"][1] = json!(null)),
        "relations[1]",
        &["must be an object", "null"],
    );
    assert_one(
        &errors_after(|d| d["relations"][1] = json!(["growth"])),
        "relations[1]",
        &["must be an object", "an array"],
    );
}

#[test]
fn messages_name_non_finite_values_without_printing_them() {
    for (n, word) in [
        (f64::NAN, "not a number"),
        (f64::INFINITY, "∞"),
        (f64::NEG_INFINITY, "∞"),
    ] {
        let v = Value::Object(vec![("schema".to_owned(), Value::Number(n))]);
        let errors = validate(&v).unwrap_err();
        let e = errors.iter().find(|e| e.path == "schema").unwrap();
        assert!(e.message.contains(word), "{}", e.message);
        assert!(!prints_a_bad_number(&e.message), "{}", e.message);
    }
    assert!(prints_a_bad_number("got NaN"));
    assert!(prints_a_bad_number("got -0"));
    assert!(prints_a_bad_number("got 1e16"));
    assert!(!prints_a_bad_number("got -0.5 and 10 and a finite number"));
}

/// Found by the fuzz test: a value ending in a backslash before a quote (`\"-.`) must stay
/// inside the message's quotes, or what follows would read as the message's own text.
#[test]
fn quoted_text_with_backslashes_stays_quoted() {
    let errors = errors_after(|d| *at(d, "sections[0].figures[0].kind") = json!("\\\"-."));
    assert_one(&errors, "sections[0].figures[0].kind", &["unknown kind"]);
    let outside = unquoted(&errors[0].message);
    assert!(!prints_a_bad_number(&outside), "{:?}", errors[0].message);
    assert!(
        errors[0].message.contains(r#""\\\"-.""#),
        "{:?}",
        errors[0].message
    );
}
