#![cfg(not(target_arch = "wasm32"))]
//! The desk's path from an article to a dataset: the Xi'an draft holds every figure the hand-made dataset writes with a number; a draft of an article never seen renders with its figures as the article writes them; the figure-against-sentence check passes the story and catches seeded typos; one-language datasets and `written` figures validate as the schema says.

use proptest::prelude::*;
use revitalization_infographic::dataset::{self, validate, Dataset, DEFAULT_JSON};
use revitalization_infographic::desk::{self, check::written_form};
use revitalization_infographic::format::{
    format_number, Kind, Lang, Notation, NumberFormat, Qualifier,
};
use revitalization_infographic::json::{self, Value};
use revitalization_infographic::stats;
use revitalization_infographic::view::{self, html::to_html, ViewOptions};
use revitalization_infographic::{reader, written};

const ARTICLE: &str = include_str!("../data/xian-2022.article.txt");
/// An official release the reader's rules were not tuned on (bench/corpus/README.md).
const UNSEEN: &str = include_str!("../bench/corpus/10-city-bulletin-heldout.txt");

fn story() -> Dataset {
    dataset::parse_json(DEFAULT_JSON).expect("the story validates")
}

fn drafted(text: &str) -> Dataset {
    let d = desk::draft(text);
    validate(&d.dataset).unwrap_or_else(|e| panic!("the draft does not validate: {e:#?}"))
}

#[test]
fn the_xian_draft_holds_every_numbered_figure_of_the_story() {
    let ds = story();
    let draft = drafted(ARTICLE);
    assert_eq!(draft.languages, [Lang::Zh]);
    assert_eq!(draft.story.date, "2022-12-10");
    assert_eq!(draft.story.title.zh, ds.story.title.zh);
    assert_eq!(draft.story.source.name.zh, "央广网");
    assert_eq!(
        draft.story.source.editor.as_ref().map(|e| e.zh.as_str()),
        Some("赵莉")
    );
    let mut missing = Vec::new();
    for f in ds.figures().filter(|f| f.wording.is_none()) {
        let found = draft.figures().any(|g| {
            g.value == f.value
                && g.kind == f.kind
                && g.unit.zh == f.unit.zh
                && g.qualifier == f.qualifier
                && g.notation == f.notation
                && g.source == f.source
        });
        if !found {
            missing.push(f.id.clone());
        }
    }
    assert!(missing.is_empty(), "not drafted right: {missing:?}");
    // Nothing else: every drafted figure is one of the story's.
    let extra: Vec<String> = draft
        .figures()
        .filter(|g| {
            !ds.figures()
                .any(|f| f.value == g.value && f.source == g.source)
        })
        .map(|g| format!("{} {}", g.value, g.source))
        .collect();
    assert!(
        extra.is_empty(),
        "figures the story does not have: {extra:?}"
    );
    // The level, its increase and its growth rate in one sentence: a growth relation, and the hero.
    let growth = draft
        .relations
        .iter()
        .find(|r| r.kind.name() == "growth")
        .expect("the income sentence states a growth");
    let hero = draft.story.hero.as_ref().expect("a hero");
    assert_eq!(draft.figure(&hero.figure).map(|f| f.value), Some(16317.0));
    assert_eq!(growth.kind.inputs()[0], hero.figure);
    // 2888人, 占比78.08%: a share-total.
    assert!(draft
        .relations
        .iter()
        .any(|r| r.kind.name() == "share-total"));
    // And the draft passes its own check against the article.
    assert_eq!(desk::check(&draft, Some(ARTICLE)), []);
}

#[test]
fn a_draft_of_an_unseen_article_renders_its_figures_as_the_article_writes_them() {
    let ds = drafted(UNSEEN);
    assert!(ds.figures().count() >= 20, "{}", ds.figures().count());
    let st = stats::compute(&ds);
    let mut o = ViewOptions::new(Lang::Zh, 720.0);
    o.static_page = true;
    o.table = true;
    let html = to_html(&view::build(&ds, &st, &o));
    let plain = desk::check::normalize(&html);
    let found = reader::figures(UNSEEN);
    for f in &found {
        let written = desk::check::normalize(f.written);
        let figure = ds
            .figures()
            .find(|g| g.source == f.sentence.trim() && g.value == f.value)
            .expect("drafted");
        assert!(
            plain.contains(&desk::check::normalize(&written_form(figure))),
            "{written}: rendered as {}",
            written_form(figure)
        );
    }
    assert_eq!(desk::check(&ds, Some(UNSEEN)), []);
    // One language: no language switch.
    assert!(!html.contains("data-action=\"lang\""));
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Dataset {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("JSON");
    f(&mut doc);
    dataset::parse_json(&doc.to_string()).expect("still valid")
}

#[test]
fn the_story_passes_the_check_and_seeded_typos_are_caught() {
    assert_eq!(desk::check(&story(), Some(ARTICLE)), []);
    let find = |ds: &Dataset, id: &str| -> String {
        for (s, section) in ds.sections.iter().enumerate() {
            for (i, f) in section.figures.iter().enumerate() {
                if f.id == id {
                    return format!("sections[{s}].figures[{i}]");
                }
            }
        }
        panic!("no figure {id}")
    };
    let set = |path: &'static str, value: serde_json::Value| {
        move |d: &mut serde_json::Value| {
            let mut cur = d;
            for step in path.split('/') {
                cur = match step.parse::<usize>() {
                    Ok(i) => &mut cur[i],
                    Err(_) => &mut cur[step],
                };
            }
            *cur = value;
        }
    };
    let story = story();
    // A transposed digit in a value.
    let ds = edited(set("sections/4/figures/0/value", serde_json::json!(109700)));
    let w = desk::check(&ds, Some(ARTICLE));
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].path, find(&story, "insurance-subsidised-people"));
    assert_eq!(
        w[0].message,
        "the sentence says 10.79万人, the value writes 10.97万人"
    );
    // A wrong measure word.
    let ds = edited(set("sections/3/figures/0/unit/zh", serde_json::json!("个")));
    let w = desk::check(&ds, Some(ARTICLE));
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].message.contains("the value writes 116个"), "{w:?}");
    // A qualifier dropped: 80%以上 is not 80%.
    let ds = edited(set(
        "sections/4/figures/5/qualifier",
        serde_json::json!("exact"),
    ));
    let w = desk::check(&ds, Some(ARTICLE));
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].message.contains("the sentence says 80%以上"), "{w:?}");
    // A sentence typed again with a slip: not in the article (and, here, not stating the figure).
    let ds = edited(set(
        "sections/2/figures/0/source",
        serde_json::json!("西安市选派驻村工作队385支。"),
    ));
    let w = desk::check(&ds, Some(ARTICLE));
    assert!(
        w.iter().any(|e| e.path.ends_with(".source")
            && e.message == "the sentence does not occur in the article"),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|e| e.message.contains("the value writes 358支")),
        "{w:?}"
    );
}

#[test]
fn a_one_language_dataset_needs_its_language_only() {
    let doc = r#"{"schema": 1, "languages": ["zh"],
      "story": {"id": "one", "title": {"zh": "标题"}, "dek": {"zh": "说明"}, "date": "2024-01-02",
                "source": {"name": {"zh": "某报"}}},
      "sections": [{"id": "s", "title": {"zh": "栏目"}, "figures": [
        {"id": "a", "label": {"zh": "参保人数"}, "written": "10.79万人", "source": "资助10.79万人。"},
        {"id": "b", "label": {"zh": "报销比例"}, "written": "80%以上", "source": "报销比例达到80%以上。"},
        {"id": "c", "label": {"zh": "重点工作"}, "written": "九项", "source": "纳入九项重点工作。"}]}]}"#;
    let ds = dataset::parse_json(doc).unwrap_or_else(|e| panic!("{e:#?}"));
    let a = ds.figure("a").expect("a");
    assert_eq!(
        (a.value, a.kind, a.unit.zh.as_str()),
        (107900.0, Kind::Count, "人")
    );
    assert_eq!(a.notation, Notation::Wan);
    let b = ds.figure("b").expect("b");
    assert_eq!(
        (b.value, b.kind, b.qualifier),
        (80.0, Kind::Share, Qualifier::AtLeast)
    );
    assert_eq!(
        ds.figure("c").map(|c| (c.value, c.notation)),
        Some((9.0, Notation::Hanzi))
    );
    assert_eq!(desk::check(&ds, None), []);
    // English text in a zh-only dataset is a field it does not have.
    let errors = dataset::parse_json(&doc.replacen(
        r#""title": {"zh": "标题"}"#,
        r#""title": {"zh": "标题", "en": "Title"}"#,
        1,
    ))
    .expect_err("en in a zh-only dataset");
    assert_eq!(errors[0].path, "story.title.en");
    assert!(errors[0].message.contains("unknown field"), "{errors:?}");
    // A value beside `written` must agree with it.
    let errors = dataset::parse_json(&doc.replacen(
        r#""written": "10.79万人""#,
        r#""written": "10.79万人", "value": 109700"#,
        1,
    ))
    .expect_err("disagreeing value");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "sections[0].figures[0].value");
    assert!(
        errors[0]
            .message
            .contains("does not agree with written \"10.79万人\""),
        "{errors:?}"
    );
    // Something that is no figure.
    let errors =
        dataset::parse_json(&doc.replacen("10.79万人", "很多人", 1)).expect_err("no figure");
    assert_eq!(errors[0].path, "sections[0].figures[0].written");
    // Both languages by default: the story still needs its English.
    assert!(story().has_language(Lang::En));
}

fn zh(kind: Kind, notation: Notation, qualifier: Qualifier, unit: &str, v: f64) -> String {
    let mut f = NumberFormat::new(Lang::Zh, kind);
    f.notation = notation;
    f.qualifier = qualifier;
    f.measure = unit;
    format_number(v, &f)
}

proptest! {
    /// What the formatter prints in zh, the reader reads back: value, notation and qualifier.
    #[test]
    fn what_the_formatter_writes_the_reader_reads(
        units in 0u64..2_000_000_000_000,
        cents in 0u64..100,
        notation in prop::sample::select(vec![Notation::Full, Notation::Wan, Notation::Yi, Notation::Auto]),
        qualifier in prop::sample::select(Qualifier::ALL.to_vec()),
        unit in prop::sample::select(vec!["元", "人", "个", "所", "亩", "吨", "人次", "家"]),
    ) {
        let kind = match unit {
            "元" => Kind::Money,
            "亩" | "吨" => Kind::Measure,
            _ => Kind::Count,
        };
        let value = units as f64 + cents as f64 / 100.0;
        let text = zh(kind, notation, qualifier, unit, value);
        let w = written::parse(&text).unwrap_or_else(|| panic!("cannot read {text}"));
        // The article reader reads it the same way.
        let r = reader::parse_written(&text).unwrap_or_else(|| panic!("the reader cannot read {text}"));
        prop_assert_eq!(r.value, w.value);
        prop_assert_eq!(r.notation.as_str(), w.notation.as_str());
        // The value read back is the one shown (the formatter rounds): it prints the same.
        prop_assert_eq!(zh(kind, notation, qualifier, unit, w.value), text.clone());
        prop_assert_eq!(w.qualifier.as_str(), qualifier.as_str());
        prop_assert_eq!(w.unit, unit);
        prop_assert_eq!(w.kind, kind);
        // Wan and Yi are the smallest scale allowed: 99999950 in Wan rounds up to 1亿.
        let shown = if text.contains('亿') {
            "yi"
        } else if text.contains('万') {
            "wan"
        } else {
            "full"
        };
        prop_assert_eq!(w.notation.as_str(), shown, "{}", text);
    }

    #[test]
    fn percents_and_small_numerals_read_back(
        hundredths in 0u64..=10_000,
        n in 2u64..100,
        qualifier in prop::sample::select(Qualifier::ALL.to_vec()),
    ) {
        let share = hundredths as f64 / 100.0;
        let text = zh(Kind::Share, Notation::Full, qualifier, "", share);
        let w = written::parse(&text).unwrap_or_else(|| panic!("cannot read {text}"));
        prop_assert_eq!(w.value, share);
        prop_assert_eq!(w.qualifier.as_str(), qualifier.as_str());
        let text = zh(Kind::Count, Notation::Hanzi, Qualifier::Exact, "项", n as f64);
        let w = written::parse(&text).unwrap_or_else(|| panic!("cannot read {text}"));
        prop_assert_eq!((w.value, w.notation.as_str()), (n as f64, "hanzi"));
    }
}

#[test]
fn written_forms_of_every_kind_read_back() {
    use Kind::*;
    for (text, value, kind, unit, qualifier, notation) in [
        (
            "10.79万人",
            107900.0,
            Count,
            "人",
            Qualifier::Exact,
            Notation::Wan,
        ),
        (
            "1.57亿元",
            157e6,
            Money,
            "元",
            Qualifier::Exact,
            Notation::Yi,
        ),
        (
            "80%以上",
            80.0,
            Share,
            "",
            Qualifier::AtLeast,
            Notation::Full,
        ),
        ("九项", 9.0, Count, "项", Qualifier::Exact, Notation::Hanzi),
        ("近70%", 70.0, Share, "", Qualifier::About, Notation::Full),
        (
            "1.3万亿斤",
            1.3e12,
            Measure,
            "斤",
            Qualifier::Exact,
            Notation::Yi,
        ),
        (
            "+11.42%",
            11.42,
            Change,
            "",
            Qualifier::Exact,
            Notation::Full,
        ),
        ("-3.5%", -3.5, Change, "", Qualifier::Exact, Notation::Full),
        (
            "2.1个百分点",
            2.1,
            Points,
            "",
            Qualifier::Exact,
            Notation::Full,
        ),
        (
            "约248元",
            248.0,
            Money,
            "元",
            Qualifier::About,
            Notation::Full,
        ),
        (
            "16,317元",
            16317.0,
            Money,
            "元",
            Qualifier::Exact,
            Notation::Full,
        ),
        ("0.05%", 0.05, Share, "", Qualifier::Exact, Notation::Full),
        (
            "一百二十个",
            120.0,
            Count,
            "个",
            Qualifier::Exact,
            Notation::Hanzi,
        ),
    ] {
        let w = written::parse(text).unwrap_or_else(|| panic!("cannot read {text}"));
        assert_eq!(
            (w.value, w.kind, w.unit, w.qualifier, w.notation),
            (value, kind, unit, qualifier, notation),
            "{text}"
        );
    }
    for no in [
        "",
        "很多",
        "2022年",
        "约",
        "10.79万",
        "人",
        "+5人",
        "约80%以上",
        "1.2.3元",
    ] {
        assert_eq!(written::parse(no), None, "{no}");
    }
}

#[test]
fn every_unit_the_reader_reports_is_a_measure_word_of_the_schema() {
    for f in reader::figures(ARTICLE)
        .iter()
        .chain(reader::figures(UNSEEN).iter())
    {
        if !f.unit.is_empty() {
            assert!(
                dataset::MEASURE_WORDS.contains(&f.unit),
                "{} is not in MEASURE_WORDS",
                f.unit
            );
        }
    }
    let v: Value = json::parse(DEFAULT_JSON).expect("JSON");
    assert!(validate(&v).is_ok());
}
