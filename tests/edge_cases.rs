#![cfg(not(target_arch = "wasm32"))]
//! Data at the edges, one case each: refused with an error at the exact path, or rendered
//! correctly without breaking the layout — and which of the two is asserted, with the content.

mod common;

use common::{
    at_value, check_errors, check_markup, check_pipeline, default_value, has_class, remove_field,
    s, set_field, text_of, text_value,
};
use revitalization_infographic::dataset::{validate, Dataset, ValidationError, DEFAULT_JSON};
use revitalization_infographic::format::Lang;
use revitalization_infographic::json::{self, Value, MAX_DEPTH, MAX_NODES};
use revitalization_infographic::stats;
use revitalization_infographic::view::geometry::{text_width_px, wrap, LABEL_FONT_PX};
use revitalization_infographic::view::html::{escape_text, to_html};
use revitalization_infographic::view::node::Node;
use revitalization_infographic::view::{self, ViewOptions};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn edited(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = default_value();
    f(&mut v);
    v
}

#[track_caller]
fn refused(doc: &Value) -> Vec<ValidationError> {
    match validate(doc) {
        Ok(_) => panic!("the document should be refused"),
        Err(errors) => {
            check_errors(doc, &errors).unwrap_or_else(|e| panic!("{e}"));
            errors
        }
    }
}

#[track_caller]
fn accepted(doc: &Value) -> Dataset {
    validate(doc).unwrap_or_else(|errors| panic!("the document should validate: {errors:#?}"))
}

/// Exactly one error, at `path`, whose message says each of `words`.
#[track_caller]
fn assert_one(errors: &[ValidationError], path: &str, words: &[&str]) {
    assert_eq!(errors.len(), 1, "one error expected: {errors:#?}");
    assert_eq!(errors[0].path, path, "{errors:#?}");
    for w in words {
        assert!(
            errors[0].message.contains(w),
            "{path}: {:?} lacks {w:?}",
            errors[0].message
        );
    }
}

/// JSON text that `json::parse` refuses, as the one error `parse_json` reports.
#[track_caller]
fn text_refused(text: &str) -> ValidationError {
    let errors = revitalization_infographic::dataset::parse_json(text)
        .expect_err("the text should be refused");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "");
    errors[0].clone()
}

/// The dataset rendered at `width_px` in `lang`, every promise checked, charts held to the column.
#[track_caller]
fn rendered(ds: &Dataset, lang: Lang, width_px: f64) -> common::Rendered {
    check_pipeline(ds, &ViewOptions::new(lang, width_px), true)
        .unwrap_or_else(|e| panic!("{lang:?} at {width_px} px: {e}"))
}

fn texts(node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    node.walk(&mut |n| {
        if let Node::Text(t) = n {
            out.push(t.clone());
        }
    });
    out
}

fn escaped(s: &str) -> String {
    let mut out = String::new();
    escape_text(s, &mut out);
    out
}

const FIG: &str = "sections[0].figures[0]";

// ---------------------------------------------------------------------------------------------
// Size and depth limits
// ---------------------------------------------------------------------------------------------

#[test]
fn nesting_deeper_than_16_is_refused_naming_the_limit() {
    assert_eq!(MAX_DEPTH, 16);
    // A figure is the fifth level (root, sections, a section, its figures, the figure).
    let with = |n: usize| {
        DEFAULT_JSON.replacen(
            "\"id\": \"income-per-capita\",",
            &format!(
                "\"id\": \"income-per-capita\", \"deep\": {}{},",
                "[".repeat(n),
                "]".repeat(n)
            ),
            1,
        )
    };
    let e = text_refused(&with(12));
    assert!(e.message.starts_with("not valid JSON: "), "{}", e.message);
    assert!(
        e.message.contains("too deep: more than 16 levels"),
        "{}",
        e.message
    );
    // 16 levels parse; validation then names the stray field.
    let v = json::parse(&with(11)).expect("16 levels are allowed");
    assert_one(
        &refused(&v),
        "sections[0].figures[0].deep",
        &["unknown field"],
    );
    let objects = format!("{}0{}", "{\"a\":".repeat(17), "}".repeat(17));
    assert!(text_refused(&objects).message.contains("16 levels"));
}

#[test]
fn more_than_2_000_000_values_are_refused_naming_the_limit() {
    assert_eq!(MAX_NODES, 2_000_000);
    let array = |zeros: usize| format!("[{}0]", "0,".repeat(zeros - 1));
    // The root array and 2,000,000 numbers: one value too many.
    let e = text_refused(&array(2_000_000));
    assert!(
        e.message.contains("too large: more than 2000000 values"),
        "{}",
        e.message
    );
    // At the limit the text is read, and refused for what it is.
    let v = json::parse(&array(1_999_999)).expect("2,000,000 values are read");
    assert_one(&refused(&v), "", &["must be an object", "an array"]);
}

/// A story with `n` small count figures in one section, as JSON text.
fn many_figures(n: usize) -> String {
    let mut figures = String::new();
    for i in 0..n {
        if i > 0 {
            figures.push(',');
        }
        figures.push_str(&format!(
            "{{\"id\":\"f{i}\",\"label\":{{\"zh\":\"项目{i}\",\"en\":\"Item {i}\"}},\"value\":{i},\"kind\":\"count\",\"unit\":{{\"zh\":\"个\",\"en\":\"items\"}},\"source\":\"s\"}}"
        ));
    }
    format!(
        "{{\"schema\":1,\"story\":{{\"id\":\"many\",\"title\":{{\"zh\":\"多\",\"en\":\"Many\"}},\"dek\":{{\"zh\":\"多\",\"en\":\"Many\"}},\"date\":\"2022-12-10\",\"source\":{{\"name\":{{\"zh\":\"源\",\"en\":\"Source\"}}}}}},\"sections\":[{{\"id\":\"all\",\"title\":{{\"zh\":\"全部\",\"en\":\"All\"}},\"figures\":[{figures}]}}]}}"
    )
}

#[test]
fn more_than_50_000_figures_are_refused_and_50_000_render() {
    let v = json::parse(&many_figures(50_001)).expect("within the value limit");
    assert_one(
        &refused(&v),
        "sections",
        &["too many figures: 50001, at most 50000"],
    );
    let v = json::parse(&many_figures(50_000)).expect("within the value limit");
    let ds = accepted(&v);
    let st = stats::compute(&ds);
    let tree = view::build(&ds, &st, &ViewOptions::new(Lang::En, 320.0));
    assert_eq!(tree.find_class("ri-card").len(), 50_000);
    let html = to_html(&tree);
    assert!(html.contains("49,999 items"));
    check_markup(&html).unwrap_or_else(|e| panic!("{e}"));
}

// ---------------------------------------------------------------------------------------------
// Ids, types, missing fields and null
// ---------------------------------------------------------------------------------------------

#[test]
fn duplicate_ids_name_both_places() {
    let doc = edited(|v| *at_value(v, "sections[3].figures[2].id") = s("new-schools"));
    assert_one(
        &refused(&doc),
        "sections[3].figures[2].id",
        &[
            "duplicate id \"new-schools\"",
            "first used at sections[3].figures[0].id",
        ],
    );
    let doc = edited(|v| *at_value(v, "relations[8].id") = s("departments"));
    assert_one(
        &refused(&doc),
        "relations[8].id",
        &["duplicate id \"departments\"", "sections[1].figures[2].id"],
    );
    let doc = edited(|v| *at_value(v, "sections[6].id") = s("income"));
    assert_one(
        &refused(&doc),
        "sections[6].id",
        &["duplicate section id \"income\""],
    );
}

#[test]
fn wrong_types_name_the_field_and_what_came() {
    for (path, value, words) in [
        (
            "sections[0].figures[0].value",
            s("16317"),
            &["must be a number", "a string \"16317\""][..],
        ),
        (
            "sections[0].figures[0].label",
            s("收入"),
            &["must be an object", "a string"],
        ),
        (
            "sections[0].figures[0].label.en",
            Value::Bool(true),
            &["must be a string", "a boolean"],
        ),
        (
            "sections",
            Value::Object(vec![]),
            &["must be an array", "an object"],
        ),
        (
            "story",
            Value::Array(vec![]),
            &["must be an object", "an array"],
        ),
        (
            "relations[2].decimals",
            Value::Number(2.5),
            &["whole number from 0 to 6", "2.5"],
        ),
        (
            "sections[0].figures[0].kind",
            Value::Number(1.0),
            &["must be a string", "the number 1"],
        ),
    ] {
        let doc = edited(|v| *at_value(v, path) = value);
        assert_one(&refused(&doc), path, words);
    }
}

#[test]
fn missing_fields_and_null_are_named() {
    for (parent, key) in [
        (FIG, "source"),
        (FIG, "kind"),
        ("story", "date"),
        ("story.source", "name"),
        ("relations[2]", "denominator"),
    ] {
        let doc = edited(|v| remove_field(v, parent, key));
        assert_one(
            &refused(&doc),
            &format!("{parent}.{key}"),
            &["missing required field"],
        );
        // null is as good as missing.
        let doc = edited(|v| set_field(v, parent, key, Value::Null));
        assert_one(
            &refused(&doc),
            &format!("{parent}.{key}"),
            &["missing required field"],
        );
    }
    // An optional field set to null is absent.
    let ds = accepted(&edited(|v| {
        set_field(v, FIG, "term", Value::Null);
        set_field(v, "story.source", "editor", Value::Null);
    }));
    assert_eq!(ds.figures().next().and_then(|f| f.term.clone()), None);
    assert_eq!(ds.story.source.editor, None);
    // A whole story of null is one error, at the story.
    assert_one(
        &refused(&edited(|v| set_field(v, "", "story", Value::Null))),
        "story",
        &["missing required field"],
    );
}

#[test]
fn keys_that_read_as_paths_are_named_at_their_object() {
    for key in ["a.b", "x[0]", "", "]"] {
        let doc = edited(|v| set_field(v, FIG, key, Value::Bool(true)));
        let errors = refused(&doc);
        assert_one(
            &errors,
            FIG,
            &["unknown field \"", "expected one of: id, label"],
        );
        assert!(errors[0].message.contains(&format!("\"{key}\"")));
    }
    // A plain key keeps its own path.
    assert_one(
        &refused(&edited(|v| set_field(v, FIG, "colour", s("red")))),
        "sections[0].figures[0].colour",
        &["unknown field (expected one of"],
    );
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

#[test]
fn nan_and_infinities_are_refused_with_the_path() {
    for (n, shown) in [
        (f64::NAN, "not a number"),
        (f64::INFINITY, "+∞"),
        (f64::NEG_INFINITY, "−∞"),
    ] {
        let doc = edited(|v| *at_value(v, "sections[0].figures[1].value") = Value::Number(n));
        assert_one(
            &refused(&doc),
            "sections[0].figures[1].value",
            &["must be a finite number", shown],
        );
    }
    // A JS object's NaN reaches validation as NaN (serde-wasm-bindgen); there is no marker
    // object any more, so one written in JSON text is an object like any other.
    let text = DEFAULT_JSON.replacen(
        "\"value\": 16317,",
        "\"value\": {\"\\u0000nonfinite\": \"-Infinity\"},",
        1,
    );
    let v = json::parse(&text).expect("an object is JSON");
    assert_one(
        &refused(&v),
        "sections[0].figures[0].value",
        &["must be a number, got an object"],
    );
    // JSON text itself has no NaN; a number too large for f64 is infinity, named as such.
    assert!(
        text_refused(&DEFAULT_JSON.replacen(": 16317,", ": NaN,", 1))
            .message
            .contains("not valid JSON")
    );
    let v = json::parse(&DEFAULT_JSON.replacen(": 16317,", ": 1e400,", 1)).expect("a JSON number");
    assert_one(
        &refused(&v),
        "sections[0].figures[0].value",
        &["must be a finite number", "+∞"],
    );
}

#[test]
fn negative_zero_is_zero_and_prints_0() {
    let text = DEFAULT_JSON
        .replacen("\"value\": 11.42,", "\"value\": -0,", 1)
        .replacen("\"value\": 24,", "\"value\": -0.0,", 1);
    let v = json::parse(&text).expect("JSON");
    let ds = accepted(&v);
    for id in ["income-growth", "school-communities"] {
        let f = ds.figure(id).expect("the figure");
        assert!(f.value == 0.0 && f.value.is_sign_positive(), "{id}");
    }
    let growth = ds.figure("income-growth").expect("growth");
    assert_eq!(view::format_figure(growth, Lang::Zh, false), "0%");
    assert_eq!(view::format_figure(growth, Lang::En, false), "0%");
    for lang in [Lang::Zh, Lang::En] {
        let r = rendered(&ds, lang, 320.0);
        let cards = r.tree.find_all("data-figure", "school-communities");
        let value = common::text_of(cards[0]);
        assert!(
            value.starts_with('0') && !value.contains("-0"),
            "{lang:?}: {value}"
        );
        assert!(
            r.html.contains("<strong>0%</strong>"),
            "{lang:?}: the hero rate"
        );
        assert!(!r.csv.contains(",-0,"));
    }
}

#[test]
fn numbers_beyond_2_pow_53_are_refused_as_beyond_1e15() {
    let text = DEFAULT_JSON.replacen("\"value\": 16317,", "\"value\": 9007199254740993,", 1);
    let v = json::parse(&text).expect("JSON");
    let errors = refused(&v);
    assert_one(
        &errors,
        "sections[0].figures[0].value",
        &["implausibly large", "at most 1,000,000,000,000,000"],
    );
    // 1e15 itself is allowed, and written in the newsroom's units.
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[4].figures[4].value") = Value::Number(1e15);
    }));
    let amount = ds.figure("compensation-amount").expect("the amount");
    assert_eq!(view::format_figure(amount, Lang::Zh, false), "1000万亿元");
    assert_eq!(
        view::format_figure(amount, Lang::En, false),
        "¥1,000 trillion"
    );
    for width in [280.0, 1200.0] {
        rendered(&ds, Lang::Zh, width);
        rendered(&ds, Lang::En, width);
    }
}

#[test]
fn ratios_over_a_zero_denominator_show_a_dash_and_a_warning() {
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[1].figures[2].value") = Value::Number(0.0);
        *at_value(v, "sections[5].figures[2].value") = Value::Number(0.0);
    }));
    let st = stats::compute(&ds);
    for id in ["tasks-per-department", "three-groups-total"] {
        let d = st.derived(id).expect("still listed");
        assert_eq!(d.value, None, "{id}");
        assert_eq!(
            (d.formatted.zh.as_str(), d.formatted.en.as_str()),
            ("—", "—")
        );
        let c = st.checks.iter().find(|c| c.id == id).expect("a warning");
        assert!(!c.ok);
    }
    let c = st.checks.iter().find(|c| c.id == "tasks-per-department");
    assert_eq!(
        c.map(|c| c.message.en.as_str()),
        Some("Municipal departments with duty lists is zero: Work tasks per department cannot be computed")
    );
    let r = rendered(&ds, Lang::En, 960.0);
    // The departments' bar carries the warning.
    let row = r.tree.find_all("data-figure", "departments");
    assert!(row.iter().any(|e| has_class(e, "ri-has-warn")));
    let mut o = ViewOptions::new(Lang::En, 960.0);
    o.table = true;
    let table = to_html(&view::build(&ds, &r.stats, &o));
    assert!(
        table.contains("—") && table.contains("(141 ÷ 0)"),
        "the table shows the missing value"
    );
}

#[test]
fn ratios_over_a_negative_denominator_keep_their_sign() {
    // A change may be negative, so a ratio over one may be too: computed and shown signed,
    // with the growth check warning that the three income figures disagree.
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[0].figures[1].value") = Value::Number(-5.0);
        let Value::Array(relations) = at_value(v, "relations") else {
            unreachable!()
        };
        relations.push(Value::Object(vec![
            ("id".to_owned(), s("increase-per-point")),
            ("type".to_owned(), s("ratio")),
            ("numerator".to_owned(), s("income-increase")),
            ("denominator".to_owned(), s("income-growth")),
            (
                "label".to_owned(),
                text_value("每个百分点的增加额", "Increase per point"),
            ),
            ("unit".to_owned(), text_value("元", "yuan")),
        ]));
    }));
    let st = stats::compute(&ds);
    let d = st.derived("increase-per-point").expect("derived");
    assert_eq!(d.value, Some(-334.4));
    assert_eq!(d.formatted.zh, "-334.4元");
    assert_eq!(d.formatted.en, "-334.4 yuan");
    assert_eq!(d.formula.en, "1672 ÷ -5 ≈ -334.4");
    assert!(!st.checks.iter().any(|c| c.id == "increase-per-point"));
    assert!(st
        .checks
        .iter()
        .any(|c| c.id == "income-growth-recomputed" && !c.ok));
    for lang in [Lang::Zh, Lang::En] {
        rendered(&ds, lang, 280.0);
    }
}

#[test]
fn ratios_beyond_the_range_of_figures_are_missing_with_a_warning() {
    // 1e15 ÷ 1e-300 overflows f64; 1e15 ÷ 0.5 is finite but beyond what a figure may be.
    for denominator in [1e-300, 0.5] {
        let ds = accepted(&edited(|v| {
            *at_value(v, "sections[4].figures[1].value") = Value::Number(1e15);
            *at_value(v, "sections[4].figures[0].value") = Value::Number(denominator);
        }));
        let st = stats::compute(&ds);
        let d = st.derived("subsidy-per-person").expect("derived");
        assert_eq!(d.value, None, "{denominator}");
        assert_eq!(d.formatted.en, "—");
        let c = st
            .checks
            .iter()
            .find(|c| c.id == "subsidy-per-person")
            .expect("a warning");
        assert!(!c.ok);
        assert_eq!(
            c.message.en,
            "Premium subsidy per person is out of range and cannot be shown"
        );
        let json = serde_json::to_string(&st).expect("stats serialize");
        assert!(json.contains("\"id\":\"subsidy-per-person\",\"relation\":\"ratio\""));
        assert!(!json.contains("Infinity") && !json.contains("NaN"));
        rendered(&ds, Lang::En, 280.0);
    }
}

#[test]
fn shares_over_100_percent_are_refused() {
    for (value, shown) in [(100.01, "100.01"), (150.0, "150"), (-0.5, "-0.5")] {
        let doc = edited(|v| *at_value(v, "sections[5].figures[2].value") = Value::Number(value));
        assert_one(
            &refused(&doc),
            "sections[5].figures[2].value",
            &["a share is a percentage from 0 to 100", shown],
        );
    }
    // A part larger than its whole is a warning, not an error.
    let ds = accepted(&edited(|v| {
        let Value::Array(relations) = at_value(v, "relations") else {
            unreachable!()
        };
        relations.push(Value::Object(vec![
            ("id".to_owned(), s("offices-in-stations")),
            ("type".to_owned(), s("part-of")),
            ("part".to_owned(), s("insurance-offices")),
            ("whole".to_owned(), s("insurance-stations")),
            ("label".to_owned(), text_value("比例", "Share")),
        ]));
    }));
    let st = stats::compute(&ds);
    let c = st.checks.iter().find(|c| c.id == "offices-in-stations");
    assert_eq!(c.map(|c| (c.ok, c.difference)), Some((false, 2955.0)));
    rendered(&ds, Lang::Zh, 280.0);
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_whitespace_only_and_invisible_text_is_refused() {
    for blank in [
        "",
        " ",
        "\t\n",
        "\u{3000}",
        "\u{a0}",
        "\u{200b}",
        "\u{feff}\u{200d}",
        "\u{2060}\u{200c}",
    ] {
        for path in [
            "story.title.zh",
            "sections[0].figures[0].label.en",
            "sections[0].figures[0].source",
        ] {
            let doc = edited(|v| *at_value(v, path) = s(blank));
            assert_one(&refused(&doc), path, &["must not be empty"]);
        }
    }
}

#[test]
fn zero_width_characters_inside_text_are_kept_as_text() {
    let label = "驻村\u{200b}工作队\u{200d}\u{feff}";
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[2].figures[0].label.zh") = s(label);
    }));
    let r = rendered(&ds, Lang::Zh, 320.0);
    assert!(texts(&r.tree).iter().any(|t| t.contains(label)));
    assert!(r.html.contains(label));
}

#[test]
fn bidi_overrides_embeddings_and_isolates_are_refused() {
    for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
        for path in [
            "sections[0].figures[0].label.en",
            "story.title.zh",
            "sections[0].figures[0].source",
            "story.source.url",
        ] {
            let text = s(&format!("Income {c} 0001"));
            let doc = edited(|v| match path.strip_suffix(".url") {
                Some(parent) => set_field(v, parent, "url", text),
                None => *at_value(v, path) = text,
            });
            assert_one(
                &refused(&doc),
                path,
                &["bidirectional control characters", "U+202A to U+202E"],
            );
        }
    }
    // Marks that only nudge neutral characters belong to Arabic and Hebrew text.
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[0].figures[0].label.en") = s("دخل\u{200f} 2022\u{200e}");
    }));
    assert!(ds.figures().any(|f| f.label.en.contains('\u{200f}')));
}

#[test]
fn messages_do_not_carry_bidi_or_control_characters_of_the_data() {
    let doc = edited(|v| *at_value(v, "sections[0].figures[0].kind") = s("\u{202e}count\u{1b}"));
    let errors = refused(&doc);
    assert_one(
        &errors,
        "sections[0].figures[0].kind",
        &["unknown kind \"\u{fffd}count\u{fffd}\""],
    );
}

#[test]
fn right_to_left_labels_render_as_text_with_dir_auto() {
    let arabic = "عدد الإدارات البلدية";
    let hebrew = "משימות עבודה";
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[1].figures[0].label.en") = s(arabic);
        *at_value(v, "sections[1].figures[1].label.en") = s(hebrew);
        *at_value(v, "sections[1].title.en") = s(arabic);
        *at_value(v, "sections[0].figures[0].label.en") = s(hebrew);
    }));
    for width in [320.0, 960.0] {
        let r = rendered(&ds, Lang::En, width);
        for label in [arabic, hebrew] {
            assert!(r.html.contains(label));
        }
        // Cards, the hero label and the section title isolate their text and take its direction.
        let labels = r.tree.find_class("ri-card-label");
        let mut rtl = labels
            .iter()
            .filter(|e| [arabic, hebrew].contains(&text_of(e).as_str()))
            .copied()
            .collect::<Vec<_>>();
        assert_eq!(rtl.len(), 2, "{width}");
        rtl.extend(r.tree.find_class("ri-hero-label"));
        for e in rtl {
            assert_eq!(e.get_attr("dir"), Some("auto"), "{:?}", text_of(e));
            assert!(matches!(e.children.as_slice(), [Node::Text(_)]));
        }
        let titles: Vec<_> = r
            .tree
            .find_class(if width < 480.0 {
                "ri-panel-title"
            } else {
                "ri-tab"
            })
            .into_iter()
            .filter(|e| text_of(e) == arabic)
            .collect();
        assert_eq!(titles.len(), 1);
        assert_eq!(titles[0].get_attr("dir"), Some("auto"));
    }
    let st = stats::compute(&ds);
    let tip = view::tooltip(&ds, &st, "key-tasks-citywide", Lang::En, false).expect("a tooltip");
    let title = tip.find_class("ri-tip-title");
    assert_eq!(title[0].get_attr("dir"), Some("auto"));
    assert_eq!(text_of(title[0]), arabic);
}

#[test]
fn labels_of_200_characters_wrap_inside_the_chart_at_280_px() {
    let words = ("Departments ".repeat(17) + "end")
        .chars()
        .take(200)
        .collect::<String>();
    let long_word = "a".repeat(200);
    let cjk = "乡".repeat(200);
    let emoji = "👩\u{200d}🌾🌾".repeat(50);
    let wide_latin = "W".repeat(200);
    for label in [&words, &long_word, &cjk, &emoji, &wide_latin] {
        assert_eq!(label.chars().count(), 200);
        // departments and work-tasks form the "duties" bar chart.
        let ds = accepted(&edited(|v| {
            for path in [
                "sections[1].figures[2].label",
                "sections[1].figures[3].label",
            ] {
                *at_value(v, path) = text_value(label, label);
            }
        }));
        for lang in [Lang::Zh, Lang::En] {
            let r = rendered(&ds, lang, 280.0);
            let chart = r
                .tree
                .find_class("ri-chart")
                .into_iter()
                .find(|c| {
                    !Node::Element((*c).clone())
                        .find_all("data-figure", "departments")
                        .is_empty()
                })
                .expect("the duties chart");
            assert_eq!(
                chart.get_attr("width"),
                Some("246"),
                "280 px less the frame"
            );
            let node = Node::Element(chart.clone());
            let lines: Vec<String> = node
                .find_class("ri-label")
                .iter()
                .map(|e| text_of(e))
                .collect();
            assert!(lines.len() >= 4, "{lang:?}: {} lines", lines.len());
            for l in &lines {
                assert!(text_width_px(l, LABEL_FONT_PX) <= 246.0 - 8.0, "{l}");
            }
            // The lines are the label, in order, broken only at spaces or between characters.
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let expected: String = label.repeat(2).chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, expected);
        }
    }
    let doc = edited(|v| *at_value(v, "sections[1].figures[2].label.en") = s(&format!("{words}x")));
    assert_one(
        &refused(&doc),
        "sections[1].figures[2].label.en",
        &["too long: 201 characters, at most 200"],
    );
}

#[test]
fn values_too_wide_to_sit_beside_their_bars_go_above_them() {
    // 1e15 in full notation with a 40-character noun is wider than a 280 px column.
    let noun = "tasks broken down from the duty lists ok";
    assert_eq!(noun.chars().count(), 40);
    let ds = accepted(&edited(|v| {
        *at_value(v, "sections[1].figures[3].value") = Value::Number(1e15);
        *at_value(v, "sections[1].figures[3].unit.en") = s(noun);
    }));
    let r = rendered(&ds, Lang::En, 280.0);
    let rows = r.tree.find_class("ri-bar-row");
    let row = rows
        .iter()
        .find(|e| e.get_attr("data-figure") == Some("work-tasks"))
        .expect("the work-tasks bar");
    let node = Node::Element((*row).clone());
    let values: Vec<String> = node
        .find_class("ri-value")
        .iter()
        .map(|e| text_of(e))
        .collect();
    assert_eq!(
        values.join(" "),
        format!("1,000,000,000,000,000 {noun}"),
        "the whole value, wrapped"
    );
    assert!(values.len() >= 2);
    let bar_y = node
        .find_class("ri-bar")
        .first()
        .map(|b| common::num(b, "y"))
        .expect("a bar");
    for v in node.find_class("ri-value") {
        assert!(common::num(v, "y") < bar_y, "above the bar");
        assert!(common::text_span(v, 13.0).1 <= 246.0);
    }
    // At 1200 px the same values fit beside their bars.
    let r = rendered(&ds, Lang::En, 1200.0);
    let node = r.tree.find_all("data-figure", "work-tasks");
    let value = Node::Element(node[0].clone()).find_class("ri-value").len();
    assert_eq!(value, 1);
}

#[test]
fn emoji_are_measured_wider_than_a_cjk_character_and_sequences_stay_whole() {
    let em = 13.0;
    for e in ["🌾", "👩", "☀", "❤", "⭐", "🇨"] {
        assert!(text_width_px(e, em) >= 1.25 * em, "{e}");
    }
    assert!(text_width_px("👩\u{200d}🌾", em) >= 2.5 * em);
    assert!(text_width_px("👩\u{200d}🌾🌾", em) > text_width_px("乡乡乡", em));
    let text = "👩\u{200d}🌾🌾❤\u{fe0f}👍🏽".repeat(20);
    for width in [60.0, 100.0, 238.0] {
        let lines = wrap(&text, width, em);
        assert_eq!(lines.concat(), text, "nothing lost at {width}");
        for l in &lines {
            assert!(
                text_width_px(l, em) <= width.max(2.0 * em),
                "{l} at {width}"
            );
            let first = l.chars().next().unwrap_or(' ');
            assert!(
                !['\u{200d}', '\u{fe0f}', '🏽'].contains(&first),
                "a line starts inside an emoji sequence: {l:?}"
            );
            assert!(!l.ends_with('\u{200d}'), "{l:?}");
        }
    }
}

/// Every text field of the story that takes free text, as a path.
fn text_field_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(entries) => {
            for (k, c) in entries {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match c {
                    Value::String(_)
                        if (k == "zh" || k == "en")
                            && !(p.contains(".figures[") && p.ends_with(".unit.zh"))
                            || k == "source" =>
                    {
                        out.push(p)
                    }
                    _ => text_field_paths(c, &p, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                text_field_paths(c, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn markup_in_every_text_field_stays_text() {
    let base = edited(|v| {
        // Fields most figures leave out, so that they are there to carry the payload.
        let t = || text_value("x", "x");
        set_field(v, "sections[2].figures[2]", "term", t());
        set_field(v, "sections[2].figures[2]", "note", t());
        set_field(v, "sections[1].figures[2]", "term", t());
        set_field(v, "sections[1].figures[2]", "note", t());
    });
    let mut paths = Vec::new();
    text_field_paths(&base, "", &mut paths);
    assert!(paths.len() > 150, "{}", paths.len());
    assert!(paths.contains(&"sections[2].figures[2].wording.en".to_owned()));
    assert!(paths.contains(&"relations[2].unit.en".to_owned()));
    for payload in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "&lt;script&gt;",
        "<SvG/OnLoAd=alert(1)>",
        "javascript:alert(1)",
    ] {
        let mut doc = base.clone();
        for p in &paths {
            *at_value(&mut doc, p) = s(payload);
        }
        let ds = accepted(&doc);
        for (lang, width, static_page, table) in [
            (Lang::Zh, 320.0, false, false),
            (Lang::En, 960.0, false, false),
            (Lang::En, 960.0, true, false),
            (Lang::Zh, 960.0, false, true),
        ] {
            let mut o = ViewOptions::new(lang, width);
            o.static_page = static_page;
            o.table = table;
            let r = check_pipeline(&ds, &o, true).unwrap_or_else(|e| panic!("{payload}: {e}"));
            let mut in_text = 0;
            for tree in std::iter::once(&r.tree).chain(&r.tooltips) {
                tree.walk(&mut |n| match n {
                    Node::Text(t) => in_text += t.matches(payload).count(),
                    Node::Element(e) => {
                        for (name, value) in &e.attrs {
                            assert!(
                                !value.contains(payload) || *name == "aria-label",
                                "{payload} in {name} of <{}>",
                                e.tag
                            );
                        }
                    }
                });
            }
            assert!(in_text > 30, "{payload}: {in_text} text nodes");
            for markup in [&r.html, &r.svg] {
                assert!(markup.contains(&escaped(payload)), "{payload} escaped");
                if payload.contains('<') || payload.contains('&') {
                    assert!(!markup.contains(payload), "{payload} raw in the markup");
                }
            }
        }
    }
}

#[test]
fn fields_that_are_not_free_text_refuse_markup() {
    let payload = "<script>alert(1)</script>";
    for (path, words) in [
        ("sections[0].figures[0].id", &["invalid id"][..]),
        ("sections[0].figures[0].unit.zh", &["unknown unit"]),
        ("sections[0].figures[0].kind", &["unknown kind"]),
        ("sections[0].figures[0].notation", &["unknown notation"]),
        ("story.date", &["too long"]),
        ("story.hero.figure", &["invalid id"]),
    ] {
        let doc = edited(|v| *at_value(v, path) = s(payload));
        let errors = refused(&doc);
        assert_eq!(errors[0].path, path, "{errors:#?}");
        for w in words {
            assert!(errors[0].message.contains(w), "{:?}", errors[0].message);
        }
    }
}

#[test]
fn script_urls_are_refused_at_the_source_url() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ] {
        let doc = edited(|v| set_field(v, "story.source", "url", s(url)));
        let errors = refused(&doc);
        assert_eq!(errors[0].path, "story.source.url", "{url}: {errors:#?}");
    }
    let ds = accepted(&edited(|v| {
        set_field(
            v,
            "story.source",
            "url",
            s("https://example.com/?a=\"><script>"),
        );
    }));
    let r = rendered(&ds, Lang::En, 960.0);
    assert!(r
        .html
        .contains("href=\"https://example.com/?a=&quot;&gt;&lt;script&gt;\""));
}

#[test]
fn a_byte_order_mark_before_the_document_is_ignored() {
    let text = format!("\u{feff}{DEFAULT_JSON}");
    let ds = revitalization_infographic::dataset::parse_json(&text).expect("read as without it");
    assert_eq!(ds, Dataset::default_story().expect("the story"));
}

#[test]
fn hex_escapes_are_four_hex_digits() {
    assert_eq!(json::parse("\"\\u0041\""), Ok(s("A")));
    for bad in ["\"\\u+041\"", "\"\\u-041\"", "\"\\u 041\"", "\"\\u04\""] {
        assert!(json::parse(bad).is_err(), "{bad}");
    }
}
