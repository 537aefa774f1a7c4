#![cfg(not(target_arch = "wasm32"))]
//! Issue 10, natively: the written description (its wording on the story and on a dataset of
//! one section and one figure), labels right above their bars in the shown language, the
//! static page's marks drawn by presentation attributes, the table as one block a figure in a
//! phone's column, the hero's bars as marks, and the SVG a saved image is drawn from.

use revitalization_infographic::dataset::{self, Dataset, DEFAULT_JSON};
use revitalization_infographic::format::Lang;
use revitalization_infographic::stats::{self, Stats};
use revitalization_infographic::view::describe::{describe, describe_graphic};
use revitalization_infographic::view::export::{export_svg_with, SvgOptions};
use revitalization_infographic::view::i18n::Ui;
use revitalization_infographic::view::node::{Element, Node};
use revitalization_infographic::view::{self, ViewOptions};
use serde_json::json;

fn story() -> (Dataset, Stats) {
    let ds = Dataset::default_story().expect("the embedded dataset validates");
    let st = stats::compute(&ds);
    (ds, st)
}

fn elements(node: &Node) -> Vec<&Element> {
    let mut out = Vec::new();
    node.walk(&mut |n| {
        if let Node::Element(e) = n {
            out.push(e);
        }
    });
    out
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get_attr("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn num(e: &Element, name: &str) -> f64 {
    e.get_attr(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("<{}> has no number {name}", e.tag))
}

fn text_of(e: &Element) -> String {
    Node::Element(e.clone()).text_content()
}

fn build(lang: Lang, width: f64, static_page: bool) -> Node {
    let (ds, st) = story();
    let mut o = ViewOptions::new(lang, width);
    o.static_page = static_page;
    view::build(&ds, &st, &o)
}

// ---------------------------------------------------------------------------------------------
// The description
// ---------------------------------------------------------------------------------------------

#[test]
fn the_story_described_in_zh() {
    let (ds, st) = story();
    let d = describe(&ds, &st, Lang::Zh, false);
    assert_eq!(
        d.text,
        "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感。据央广网2022年12月10日报道，脱贫人口人均纯收入16317元，比上年净增1672元，增长11.42%（上年14645元）。图解共6个板块、35项数据：工作机制、驻村帮扶、教育帮扶、医疗保障、社会救助、就业创业。"
    );
    assert_eq!(d.sections.len(), 6);
    assert_eq!(d.sections[1].id, "village");
    assert_eq!(
        d.sections[1].text,
        "驻村帮扶：驻村工作队358支；驻村干部1179名；“五类村”驻村帮扶力量覆盖率100%（全覆盖）。据此推算，每支工作队的驻村干部约3.3名。"
    );
    // Qualifiers and the newsroom's notation are kept.
    let health = &d.sections[3].text;
    for s in [
        "80%以上",
        "10.79万人",
        "2677.03万元",
        "1.57亿元",
        "约11620元",
        "四种",
    ] {
        assert!(health.contains(s), "{s} in {health}");
    }
    // Separators follow the house style.
    assert!(describe_graphic(&ds, &st, Lang::Zh, true).contains("16,317元"));
}

#[test]
fn the_story_described_in_en() {
    let (ds, st) = story();
    let d = describe(&ds, &st, Lang::En, false);
    assert_eq!(
        d.text,
        "Xi'an steps up rural revitalization, and people feel better off. Figures reported by CNR (China National Radio) on 10 December 2022. Per-capita net income of people lifted out of poverty: 16,317 yuan, up 1,672 yuan on the previous year, a rise of 11.42% (14,645 yuan the year before). 6 sections, 35 figures: Mechanism, Village assistance, Education, Health, Social assistance and Employment."
    );
    assert_eq!(
        d.sections[1].text,
        "Village assistance. Village work teams: 358 teams; Resident cadres: 1,179 cadres; Coverage of the “five types of villages” by resident assistance: 100% (full coverage). Derived: Resident cadres per team, about 3.3 cadres."
    );
    assert!(d.sections[3].text.contains("over 80%"));
    assert!(d.sections[3].text.contains("¥157 million"));
    for s in &d.sections {
        assert!(
            !s.text
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            s.text
        );
    }
}

fn one_figure() -> (Dataset, Stats) {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("JSON");
    doc["story"]
        .as_object_mut()
        .expect("a story")
        .remove("hero");
    doc["sections"] = json!([{
        "id": "jobs",
        "title": { "zh": "就业", "en": "Jobs" },
        "figures": [{
            "id": "jobs-created",
            "label": { "zh": "新增岗位", "en": "New jobs" },
            "value": 1200,
            "kind": "count",
            "unit": { "zh": "个", "en": "jobs" },
            "qualifier": "at-least",
            "source": "新增岗位1200个以上。"
        }]
    }]);
    doc["relations"] = json!([]);
    let ds = dataset::parse_json(&doc.to_string()).expect("one section, one figure validates");
    let st = stats::compute(&ds);
    (ds, st)
}

#[test]
fn one_section_and_one_figure_described() {
    let (ds, st) = one_figure();
    let zh = describe(&ds, &st, Lang::Zh, false);
    assert_eq!(
        zh.text,
        "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感。数据来自央广网2022年12月10日报道。图解共1个板块、1项数据：就业。"
    );
    assert_eq!(zh.sections.len(), 1);
    assert_eq!(zh.sections[0].text, "就业：新增岗位1200个以上。");
    let en = describe(&ds, &st, Lang::En, false);
    assert_eq!(
        en.text,
        "Xi'an steps up rural revitalization, and people feel better off. Figures reported by CNR (China National Radio) on 10 December 2022. 1 section, 1 figure: Jobs."
    );
    assert_eq!(en.sections[0].text, "Jobs. New jobs: over 1,200 jobs.");
}

#[test]
fn contradictions_are_told_in_the_description() {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("JSON");
    doc["sections"][0]["figures"][2]["value"] = json!(2672);
    let ds = dataset::parse_json(&doc.to_string()).expect("valid, if inconsistent");
    let st = stats::compute(&ds);
    assert!(st.warnings().next().is_some());
    assert!(describe_graphic(&ds, &st, Lang::Zh, false).ends_with("处数据相互矛盾，图中已标出。"));
    assert!(describe_graphic(&ds, &st, Lang::En, false).contains("the graphic marks"));
}

#[test]
fn the_description_is_the_graphics_and_opens_the_static_page() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        let text = describe_graphic(&ds, &st, lang, false);
        let t = build(lang, 960.0, false);
        let root = t.as_element().expect("a root");
        assert_eq!(root.get_attr("role"), Some("figure"));
        let desc = t.find_all("id", root.get_attr("aria-describedby").expect("described"));
        assert_eq!(desc.len(), 1);
        assert_eq!(text_of(desc[0]), text);
        assert_eq!(
            desc[0].get_attr("hidden"),
            Some(""),
            "the widget does not show it twice"
        );
        for panel in t.find_class("ri-panel") {
            let id = panel
                .get_attr("aria-describedby")
                .expect("a panel is described");
            assert_eq!(t.find_all("id", id).len(), 1);
        }
        // The static page shows it, right after the header.
        let s = build(lang, 960.0, true);
        let root = s.as_element().expect("a root");
        let kids: Vec<&Element> = root.children.iter().filter_map(Node::as_element).collect();
        assert!(has_class(kids[0], "ri-header"));
        assert!(has_class(kids[1], "ri-summary"));
        assert_eq!(kids[1].get_attr("hidden"), None);
        assert_eq!(text_of(kids[1]), text);
        assert!(
            s.find_all("hidden", "").is_empty(),
            "no hidden text on a static page"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Spacing: the other language's room is never seen under a label
// ---------------------------------------------------------------------------------------------

const LINE_PX: f64 = 17.0;
const FONT_PX: f64 = 13.0;

#[test]
fn labels_sit_right_above_their_bars_in_either_language() {
    let mut rows = 0;
    let mut spared = 0;
    for lang in [Lang::Zh, Lang::En] {
        for width in [280.0, 320.0, 360.0, 375.0, 414.0, 480.0, 720.0, 960.0] {
            for static_page in [false, true] {
                let t = build(lang, width, static_page);
                for row in t.find_class("ri-bar-row") {
                    let node = Node::Element(row.clone());
                    let labels = node.find_class("ri-label");
                    let values = node.find_class("ri-value");
                    let bar = node.find_class("ri-bar")[0];
                    let (Some(first), Some(last)) = (labels.first(), labels.last()) else {
                        continue;
                    };
                    rows += 1;
                    let hit = node.find_class("ri-hit")[0];
                    if num(first, "y") - FONT_PX > num(hit, "y") + 0.05 {
                        spared += 1;
                    }
                    let baseline = num(last, "y");
                    // What follows the label: a value line above the bar, or the bar itself.
                    let next = values
                        .iter()
                        .map(|v| num(v, "y"))
                        .filter(|&y| y > baseline)
                        .fold(f64::INFINITY, f64::min);
                    let what = format!("{lang:?} {width} static={static_page}: {}", text_of(last));
                    if next.is_finite() && next < num(bar, "y") {
                        assert!(
                            next - baseline <= LINE_PX + 2.05,
                            "{what}: a gap before its value"
                        );
                    } else {
                        let gap = num(bar, "y") - baseline;
                        assert!(
                            gap <= LINE_PX - FONT_PX + 2.05,
                            "{what}: {gap} px above its bar"
                        );
                    }
                }
            }
        }
    }
    assert!(rows > 300, "{rows} rows checked");
    assert!(
        spared > 10,
        "some rows keep room for the other language ({spared}), above the label"
    );
}

// ---------------------------------------------------------------------------------------------
// The static page without our stylesheet
// ---------------------------------------------------------------------------------------------

#[test]
fn static_marks_carry_their_own_colours() {
    for lang in [Lang::Zh, Lang::En] {
        for width in [320.0, 720.0, 1200.0] {
            let t = build(lang, width, true);
            let mut shapes = 0;
            for e in elements(&t) {
                if e.tag == "svg" && has_class(e, "ri-chart") || has_class(e, "ri-hero-bars") {
                    assert_eq!(e.get_attr("width"), Some("100%"), "fits any column");
                    assert_eq!(e.get_attr("preserveAspectRatio"), Some("xMinYMin meet"));
                    assert_eq!(
                        e.get_attr("fill"),
                        Some("currentColor"),
                        "text in the page's colour"
                    );
                    let vb: Vec<f64> = e
                        .get_attr("viewBox")
                        .unwrap()
                        .split(' ')
                        .map(|v| v.parse().unwrap())
                        .collect();
                    assert!(vb[2] <= 360.0, "laid out for a phone: {vb:?}");
                }
                if ["rect", "path", "circle"].contains(&e.tag) {
                    shapes += 1;
                    let fill = e.get_attr("fill");
                    let ring = has_class(e, "ri-ring-track") || has_class(e, "ri-ring-arc");
                    if ring {
                        assert!(e.get_attr("stroke").is_some_and(|s| s.starts_with('#')));
                    } else if has_class(e, "ri-hit") {
                        assert_eq!(fill, Some("none"), "a hit area is not painted");
                    } else {
                        let f = fill.unwrap_or_else(|| panic!("{:?} has a fill", e.attrs));
                        assert!(f.starts_with('#') && f != "#000000", "{f}");
                    }
                }
                if e.tag == "svg" && has_class(e, "ri-ring") {
                    assert_eq!(e.get_attr("fill"), Some("none"), "a ring, not a disc");
                    assert_eq!(e.get_attr("stroke-width"), Some("8"));
                }
            }
            assert!(shapes > 40);
            // Charts in a <div>, not a <figure> with 40 px margins.
            assert!(elements(&t).iter().all(|e| e.tag != "figure"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The table in a phone's column; the hero's bars; the notice
// ---------------------------------------------------------------------------------------------

#[test]
fn the_table_is_one_block_a_figure_in_a_phones_column() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        for width in [280.0, 320.0, 375.0, 414.0, 479.0] {
            let mut o = ViewOptions::new(lang, width);
            o.table = true;
            let t = view::build(&ds, &st, &o);
            assert!(elements(&t).iter().all(|e| e.tag != "table"), "{width}");
            let blocks: Vec<&Element> = t
                .find_class("ri-fact")
                .into_iter()
                .filter(|b| b.get_attr("data-figure").is_some())
                .collect();
            assert_eq!(blocks.len(), 35);
            let sections = t.find_class("ri-facts-section");
            assert_eq!(
                sections.len(),
                ds.sections.len() + 1,
                "each section, then the derived"
            );
            let comp = blocks
                .iter()
                .find(|b| b.get_attr("data-figure") == Some("compensation-amount"))
                .map(|b| text_of(b))
                .unwrap();
            let want = if lang == Lang::Zh {
                "“三重保障”累计补偿金额 1.57亿元 准确数值：157,000,000元"
            } else {
                "Compensation paid under the “triple protection” ¥157 million Exact value: 157,000,000 yuan"
            };
            assert_eq!(comp, want);
            assert_eq!(t.find_class("ri-fact").len(), 35 + st.derived.len());
        }
        let mut o = ViewOptions::new(lang, 480.0);
        o.table = true;
        assert_eq!(view::build(&ds, &st, &o).find_class("ri-table").len(), 1);
    }
}

#[test]
fn the_heros_bars_are_marks_with_their_own_tooltips() {
    let (ds, st) = story();
    let t = build(Lang::Zh, 375.0, false);
    let hero = t.find_class("ri-hero-bars")[0];
    assert_eq!(hero.get_attr("role"), Some("group"));
    let marks = Node::Element(hero.clone())
        .find_class("ri-mark")
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    let ids: Vec<&str> = marks
        .iter()
        .filter_map(|m| m.get_attr("data-figure"))
        .collect();
    assert_eq!(ids, ["previous-income", "income-per-capita"]);
    assert_eq!(
        marks[0].get_attr("aria-label"),
        Some("上年人均纯收入(推算)：14645元")
    );
    let tip = view::tooltip(&ds, &st, "previous-income", Lang::Zh, false).expect("a tooltip");
    assert!(tip.text_content().contains("14645元"));
    assert!(tip.text_content().contains("算式：16317 − 1672 = 14645"));
    assert_eq!(
        view::announcement(&ds, &st, "previous-income", Lang::En, false).as_deref(),
        Some("Previous year's per-capita net income (derived): 14,645 yuan")
    );
}

#[test]
fn the_controls_offer_an_image_and_say_why_not() {
    let (ds, st) = story();
    let mut o = ViewOptions::new(Lang::Zh, 375.0);
    let t = view::build(&ds, &st, &o);
    let png = t.find_all("data-action", "png");
    assert_eq!(png.len(), 1);
    assert_eq!(text_of(png[0]), "保存图片");
    assert!(t.find_class("ri-notice").is_empty());
    o.notice = Some(Ui::ImageBlocked);
    let t = view::build(&ds, &st, &o);
    let notice = t.find_class("ri-notice");
    assert_eq!(notice[0].get_attr("role"), Some("status"));
    assert!(text_of(notice[0]).contains("内容安全策略"));
    o.lang = Lang::En;
    let t = view::build(&ds, &st, &o);
    assert!(text_of(t.find_class("ri-notice")[0]).contains("Content-Security-Policy"));
    assert_eq!(text_of(t.find_all("data-action", "png")[0]), "Save image");
}

#[test]
fn the_svg_an_image_is_drawn_from() {
    let (ds, st) = story();
    for (lang, dark) in [(Lang::Zh, false), (Lang::En, true)] {
        let o = SvgOptions {
            lang,
            page: Some("https://news.example.com/2022/12/xian.html?from=wechat&x=1"),
            dark,
            scale: 2.0,
        };
        let svg = export_svg_with(&ds, &st, &o);
        let attr = |name: &str| -> String {
            let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            svg[at..at + svg[at..].find('"').unwrap()].to_owned()
        };
        let vb: Vec<f64> = attr("viewBox")
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(vb[2], 720.0);
        assert_eq!(vb[3].fract(), 0.0, "whole units: the PNG's size is exact");
        assert_eq!(attr("width"), "1440");
        assert_eq!(attr("height").parse::<f64>().unwrap(), vb[3] * 2.0);
        assert!(svg.contains("news.example.com/2022/12/xian.html?from=wechat&amp;x=1"));
        assert!(svg.contains(if lang == Lang::Zh {
            "本页："
        } else {
            "Page: "
        }));
        assert!(svg.contains(if dark {
            "fill=\"#16171b\""
        } else {
            "fill=\"#ffffff\""
        }));
        assert!(svg.contains(&format!(
            "<desc>{}</desc>",
            describe_graphic(&ds, &st, lang, false)
        )));
    }
}
