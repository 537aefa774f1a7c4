#![cfg(not(target_arch = "wasm32"))]
//! The view tree and its geometry, natively: tabs and stacked sections, marks and their labels,
//! bars that fit the column, axes in the newsroom's units, tooltips, the table, the error panel,
//! text that stays text, and the CSV and SVG exports.

use revitalization_infographic::dataset::{self, Dataset, ValidationError, DEFAULT_JSON};
use revitalization_infographic::format::Lang;
use revitalization_infographic::stats::{self, Stats};
use revitalization_infographic::view::geometry::{text_width_px, wrap};
use revitalization_infographic::view::html::to_html;
use revitalization_infographic::view::node::{Element, Node};
use revitalization_infographic::view::{self, export, format_figure, ViewOptions};
use serde_json::json;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn story() -> (Dataset, Stats) {
    let ds = Dataset::default_story().expect("the embedded dataset validates");
    let st = stats::compute(&ds);
    (ds, st)
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> (Dataset, Stats) {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("JSON");
    f(&mut doc);
    let ds = dataset::parse_json(&doc.to_string())
        .unwrap_or_else(|e| panic!("the edited dataset should validate: {e:?}"));
    let st = stats::compute(&ds);
    (ds, st)
}

fn tree(lang: Lang, width_px: f64) -> Node {
    let (ds, st) = story();
    view::build(&ds, &st, &ViewOptions::new(lang, width_px))
}

fn static_tree(lang: Lang, width_px: f64) -> Node {
    let (ds, st) = story();
    let mut o = ViewOptions::new(lang, width_px);
    o.static_page = true;
    view::build(&ds, &st, &o)
}

fn text_of(e: &Element) -> String {
    Node::Element(e.clone()).text_content()
}

/// Every element, in document order.
fn elements(node: &Node) -> Vec<&Element> {
    let mut out = Vec::new();
    node.walk(&mut |n| {
        if let Node::Element(e) = n {
            out.push(e);
        }
    });
    out
}

fn with_attr<'a>(node: &'a Node, name: &str) -> Vec<&'a Element> {
    elements(node)
        .into_iter()
        .filter(|e| e.get_attr(name).is_some())
        .collect()
}

/// Every element named `tag` below `e`, in document order.
fn descendants<'a>(e: &'a Element, tag: &str) -> Vec<&'a Element> {
    e.children
        .iter()
        .filter_map(Node::as_element)
        .flat_map(|c| {
            let mut v = if c.tag == tag { vec![c] } else { Vec::new() };
            v.extend(descendants(c, tag));
            v
        })
        .collect()
}

fn children<'a>(e: &'a Element, tag: &str) -> Vec<&'a Element> {
    e.children
        .iter()
        .filter_map(Node::as_element)
        .filter(|c| c.tag == tag)
        .collect()
}

fn num(e: &Element, name: &str) -> f64 {
    e.get_attr(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("<{}> has no number {name}: {:?}", e.tag, e.attrs))
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get_attr("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF |
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// Text and attribute values outside elements marked as Chinese.
fn visible_text_outside_zh(node: &Node, out: &mut Vec<String>) {
    match node {
        Node::Text(t) => out.push(t.clone()),
        Node::Element(e) => {
            if e.get_attr("lang") == Some("zh-CN") {
                return;
            }
            out.extend(e.attrs.iter().map(|(_, v)| v.clone()));
            for c in &e.children {
                visible_text_outside_zh(c, out);
            }
        }
    }
}

#[track_caller]
fn assert_no_cjk_outside_zh(node: &Node, what: &str) {
    let mut texts = Vec::new();
    visible_text_outside_zh(node, &mut texts);
    assert!(!texts.is_empty());
    for t in texts {
        assert!(
            !t.chars().any(is_cjk),
            "{what}: Chinese in the English view: {t:?}"
        );
    }
}

const WIDTHS: [f64; 4] = [280.0, 320.0, 960.0, 1200.0];

// ---------------------------------------------------------------------------------------------
// The tree: figures, tabs, panels, marks
// ---------------------------------------------------------------------------------------------

#[test]
fn the_zh_tree_shows_every_figure_as_the_article_writes_it() {
    let (ds, _) = story();
    for width in [320.0, 960.0] {
        let text = tree(Lang::Zh, width).text_content();
        for f in ds.figures() {
            let shown = format_figure(f, Lang::Zh, false);
            assert!(text.contains(&shown), "{} ({shown}) at {width} px", f.id);
        }
        for s in [
            "“一办九组”",
            "“九项重点工作”",
            "“五类村”",
            "“三类人员”",
            "全覆盖",
        ] {
            assert!(text.contains(s), "{s}");
        }
    }
    let text = tree(Lang::En, 960.0).text_content();
    for f in ds.figures() {
        assert!(
            text.contains(&format_figure(f, Lang::En, false)),
            "{}",
            f.id
        );
    }
}

#[test]
fn the_header_and_footer() {
    let t = tree(Lang::Zh, 960.0);
    let title = t.find_all("id", "ri-title");
    assert_eq!(title.len(), 1);
    assert_eq!(
        text_of(title[0]),
        "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感"
    );
    let text = t.text_content();
    assert!(text.contains("2022年12月10日"));
    assert!(text.contains("来源：央广网"));
    assert!(text.contains("编辑：赵莉"));
    let time = elements(&t).into_iter().find(|e| e.tag == "time");
    assert_eq!(
        time.and_then(|e| e.get_attr("datetime")),
        Some("2022-12-10")
    );
    assert!(tree(Lang::En, 960.0)
        .text_content()
        .contains("10 December 2022"));
}

#[test]
fn tabs_at_960_px() {
    let (ds, _) = story();
    let t = tree(Lang::Zh, 960.0);
    let lists = t.find_all("role", "tablist");
    assert_eq!(lists.len(), 1);
    let tabs = t.find_all("role", "tab");
    // The income section's figures are all in the hero, so it has no tab.
    let titles: Vec<String> = tabs.iter().map(|e| text_of(e)).collect();
    let expected: Vec<&str> = ds.sections[1..]
        .iter()
        .map(|s| s.title.zh.as_str())
        .collect();
    assert_eq!(titles, expected);
    assert!(tabs.iter().all(|e| e.tag == "button"));

    let selected: Vec<&&Element> = tabs
        .iter()
        .filter(|e| e.get_attr("aria-selected") == Some("true"))
        .collect();
    assert_eq!(selected.len(), 1, "exactly one selected tab");
    assert_eq!(selected[0].get_attr("tabindex"), Some("0"));
    assert!(tabs
        .iter()
        .filter(|e| e.get_attr("aria-selected") == Some("false"))
        .all(|e| e.get_attr("tabindex") == Some("-1")));

    let panels = t.find_all("role", "tabpanel");
    assert_eq!(panels.len(), tabs.len());
    for tab in &tabs {
        let controls = tab.get_attr("aria-controls").expect("aria-controls");
        let target = t.find_all("id", controls);
        assert_eq!(target.len(), 1, "{controls} exists once");
        assert_eq!(target[0].get_attr("role"), Some("tabpanel"));
        let tab_id = tab.get_attr("id").expect("a tab id");
        assert_eq!(target[0].get_attr("aria-labelledby"), Some(tab_id));
        let visible = target[0].get_attr("hidden").is_none();
        assert_eq!(visible, tab.get_attr("aria-selected") == Some("true"));
    }
    let shown: Vec<&&Element> = panels
        .iter()
        .filter(|p| p.get_attr("hidden").is_none())
        .collect();
    assert_eq!(shown.len(), 1, "one panel not hidden");
    assert!(
        text_of(shown[0]).contains("141项"),
        "the first tab is the mechanism"
    );
    assert_eq!(tabs.len(), 6);
    assert!(
        t.find_class("ri-panel-title").is_empty(),
        "tabs name the panels, no headings"
    );
}

#[test]
fn the_selected_tab_follows_the_option_and_is_clamped() {
    let (ds, st) = story();
    for (selected, shown) in [(3, "health"), (5, "employment"), (99, "employment")] {
        let mut o = ViewOptions::new(Lang::Zh, 960.0);
        o.selected = selected;
        let t = view::build(&ds, &st, &o);
        let on: Vec<&str> = t
            .find_all("aria-selected", "true")
            .iter()
            .filter_map(|e| e.get_attr("aria-controls"))
            .collect();
        assert_eq!(on, [format!("ri-panel-{shown}")], "selected {selected}");
        let visible: Vec<&str> = t
            .find_all("role", "tabpanel")
            .iter()
            .filter(|p| p.get_attr("hidden").is_none())
            .filter_map(|p| p.get_attr("id"))
            .collect();
        assert_eq!(visible, [format!("ri-panel-{shown}")]);
    }
}

#[test]
fn ids_carry_the_widget_prefix_and_are_unique() {
    let (ds, st) = story();
    for width in [320.0, 960.0] {
        let mut o = ViewOptions::new(Lang::En, width);
        o.id_prefix = "w2-".to_owned();
        let t = view::build(&ds, &st, &o);
        let ids: Vec<&str> = with_attr(&t, "id")
            .iter()
            .filter_map(|e| e.get_attr("id"))
            .collect();
        assert!(ids.len() > 5);
        assert!(ids.iter().all(|id| id.starts_with("w2-")), "{ids:?}");
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
        // Every reference points at an element of the same widget.
        for e in elements(&t) {
            for attr in ["aria-controls", "aria-labelledby"] {
                if let Some(target) = e.get_attr(attr) {
                    assert!(ids.contains(&target), "{attr}={target}");
                }
            }
        }
    }
}

#[test]
fn sections_stack_at_320_px() {
    let (ds, _) = story();
    for lang in [Lang::Zh, Lang::En] {
        let t = tree(lang, 320.0);
        assert!(t.find_all("role", "tablist").is_empty(), "no tablist");
        assert!(t.find_all("role", "tab").is_empty());
        assert!(t.find_all("role", "tabpanel").is_empty());
        let root = t.as_element().expect("an element");
        assert_eq!(root.get_attr("class"), Some("ri ri-stacked"));
        let panels = t.find_class("ri-panel");
        assert_eq!(panels.len(), 6);
        for (panel, section) in panels.iter().zip(&ds.sections[1..]) {
            assert_eq!(panel.tag, "section");
            assert!(panel.get_attr("hidden").is_none(), "every panel visible");
            let h3 = children(panel, "h3");
            assert_eq!(h3.len(), 1);
            assert_eq!(text_of(h3[0]), section.title.get(lang));
            assert_eq!(panel.get_attr("aria-labelledby"), h3[0].get_attr("id"));
        }
    }
    // 480 px is the threshold.
    assert_eq!(tree(Lang::Zh, 479.0).find_all("role", "tablist").len(), 0);
    assert_eq!(tree(Lang::Zh, 480.0).find_all("role", "tablist").len(), 1);
}

#[test]
fn every_mark_is_focusable_and_labelled() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        for width in WIDTHS {
            let t = tree(lang, width);
            let marks = with_attr(&t, "data-figure");
            let mut marked: Vec<&str> = Vec::new();
            for m in &marks {
                let id = m.get_attr("data-figure").unwrap_or_default();
                assert_eq!(m.get_attr("tabindex"), Some("0"), "{id}");
                let label = m.get_attr("aria-label").unwrap_or_default();
                assert!(!label.trim().is_empty(), "{id} has an aria-label");
                assert!(has_class(m, "ri-mark"), "{id}");
                // The hero's bars are marks too: last year's is a derived figure's.
                let Some(f) = ds.figure(id) else {
                    let d = st.derived(id).expect("a mark is a figure or a derived one");
                    assert_eq!(
                        ds.story.hero.as_ref().unwrap().previous.as_deref(),
                        Some(id)
                    );
                    assert!(label.starts_with(d.label.get(lang)), "{id}: {label}");
                    assert!(label.ends_with(d.formatted.get(lang)), "{id}: {label}");
                    continue;
                };
                assert!(
                    label.contains(&format_figure(f, lang, false)),
                    "{id}: {label}"
                );
                assert!(label.starts_with(f.label.get(lang)), "{id}: {label}");
                marked.push(id);
            }
            // The hero's figure is its number and this year's bar; every other figure one mark.
            let hero = ds.story.hero.as_ref().unwrap().figure.as_str();
            assert_eq!(marked.iter().filter(|&&m| m == hero).count(), 2);
            marked.sort_unstable();
            marked.dedup();
            let mut all: Vec<&str> = ds.figures().map(|f| f.id.as_str()).collect();
            all.sort_unstable();
            assert_eq!(marked, all, "every figure has exactly one mark");
        }
    }
    // The static page's table rows name their figure too, but they are rows, not marks.
    let t = static_tree(Lang::Zh, 960.0);
    for m in with_attr(&t, "data-figure") {
        if m.tag == "tr" {
            assert_eq!(m.get_attr("tabindex"), None);
        } else {
            assert_eq!(m.get_attr("tabindex"), Some("0"));
        }
    }
}

#[test]
fn marks_of_each_kind() {
    let t = tree(Lang::Zh, 960.0);
    let kind_of = |id: &str| {
        let m = t.find_all("data-figure", id);
        // The hero's figure has its number first, then this year's bar.
        assert_eq!(
            m.len(),
            if id == "income-per-capita" { 2 } else { 1 },
            "{id}"
        );
        (
            m[0].tag,
            m[0].get_attr("class").unwrap_or_default().to_owned(),
        )
    };
    assert_eq!(kind_of("income-per-capita").0, "p", "the hero");
    assert!(kind_of("key-tasks-citywide").1.contains("ri-card"));
    assert!(
        kind_of("departments").1.contains("ri-bar-row"),
        "a grouped count"
    );
    assert!(
        kind_of("compensation-amount").1.contains("ri-bar-row"),
        "money"
    );
    assert!(
        kind_of("disability-subsidies").1.contains("ri-bar-row"),
        "money"
    );
    assert!(
        kind_of("safety-net-share").1.contains("ri-ring-card"),
        "a share"
    );
    assert!(kind_of("reimbursement-rate").1.contains("ri-ring-card"));
    assert!(
        kind_of("migrant-workers").1.contains("ri-card"),
        "a lone count"
    );
    let rings = t.find_class("ri-ring-card");
    let ring_ids: Vec<&str> = rings
        .iter()
        .filter_map(|r| r.get_attr("data-figure"))
        .collect();
    assert_eq!(
        ring_ids,
        [
            "five-village-coverage",
            "insurance-coverage",
            "reimbursement-rate",
            "safety-net-share"
        ]
    );
    // A full ring is two arcs; 78.08% is one large arc.
    let arc = |id: &str| {
        let ring = t.find_all("data-figure", id)[0];
        let e = Node::Element(ring.clone());
        let arcs = e.find_class("ri-ring-arc");
        arcs[0].get_attr("d").unwrap_or_default().to_owned()
    };
    assert_eq!(arc("insurance-coverage").matches('A').count(), 2);
    assert!(
        arc("safety-net-share").contains(" 0 1 1 "),
        "{}",
        arc("safety-net-share")
    );
    assert_eq!(
        t.find_class("ri-warn").len(),
        0,
        "no warnings on the article's data"
    );
    let hero = t.find_class("ri-hero");
    assert_eq!(hero.len(), 1);
    let hero_text = text_of(hero[0]);
    for s in [
        "16317元",
        "1672元",
        "+11.42%",
        "14645元",
        "16317 − 1672 = 14645",
        "✓",
    ] {
        assert!(hero_text.contains(s), "{s} in the hero: {hero_text}");
    }
}

#[test]
fn the_en_tree_has_no_chinese_outside_the_chinese_elements() {
    let (ds, st) = story();
    for width in WIDTHS {
        assert_no_cjk_outside_zh(&tree(Lang::En, width), &format!("en at {width}"));
        assert_no_cjk_outside_zh(
            &static_tree(Lang::En, width),
            &format!("static en at {width}"),
        );
        let mut o = ViewOptions::new(Lang::En, width);
        o.table = true;
        assert_no_cjk_outside_zh(&view::build(&ds, &st, &o), "en table view");
    }
    for f in ds.figures() {
        let tip = view::tooltip(&ds, &st, &f.id, Lang::En, false).expect("a tooltip");
        assert_no_cjk_outside_zh(&tip, &f.id);
        // The source sentence is there, marked as Chinese.
        let zh = tip.find_all("lang", "zh-CN");
        assert_eq!(zh.len(), 1);
        assert!(text_of(zh[0]).contains(&f.source));
    }
    // The language switch is the one Chinese control, and says so.
    let t = tree(Lang::En, 960.0);
    let switch = t.find_all("data-action", "lang");
    assert_eq!(switch.len(), 1);
    assert_eq!(switch[0].get_attr("lang"), Some("zh-CN"));
    assert_eq!(text_of(switch[0]), "中文");
}

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

/// The horizontal extent of an SVG text by its anchor.
fn text_span(e: &Element, font_px: f64) -> (f64, f64) {
    let x = num(e, "x");
    let w = text_width_px(&text_of(e), font_px);
    match e.get_attr("text-anchor") {
        Some("middle") => (x - w / 2.0, x + w / 2.0),
        Some("end") => (x - w, x),
        _ => (x, x + w),
    }
}

fn check_bar_chart(chart: &Element, what: &str) {
    let width = num(chart, "width");
    let height = num(chart, "height");
    assert_eq!(
        chart.get_attr("viewBox"),
        Some(
            format!(
                "0 0 {} {}",
                chart.get_attr("width").unwrap_or_default(),
                chart.get_attr("height").unwrap_or_default()
            )
            .as_str()
        ),
        "{what}"
    );
    let node = Node::Element(chart.clone());
    let rows = node.find_class("ri-bar-row");
    let mut previous_bottom = 0.0;
    for row in &rows {
        let id = row.get_attr("data-figure").unwrap_or_default();
        let hit = children(row, "rect")
            .into_iter()
            .find(|r| has_class(r, "ri-hit"))
            .expect("a hit area");
        let (y, h) = (num(hit, "y"), num(hit, "height"));
        assert!(
            y + 0.05 >= previous_bottom,
            "{what}: {id} overlaps the row above ({y} < {previous_bottom})"
        );
        previous_bottom = y + h;
        assert!(num(hit, "x") >= 0.0 && num(hit, "x") + num(hit, "width") <= width + 0.05);

        let bar = children(row, "rect")
            .into_iter()
            .find(|r| has_class(r, "ri-bar"))
            .expect("a bar");
        let (bx, by, bw, bh) = (
            num(bar, "x"),
            num(bar, "y"),
            num(bar, "width"),
            num(bar, "height"),
        );
        assert!(bx >= 0.0 && bx + bw <= width, "{what}: {id} bar overflows");
        assert!(
            by >= y && by + bh <= y + h + 0.05,
            "{what}: {id} bar outside its row"
        );

        let texts = children(row, "text");
        let value = texts
            .iter()
            .find(|t| has_class(t, "ri-value"))
            .expect("a value");
        let (vx0, vx1) = text_span(value, 13.0);
        assert!(vx0 > bx + bw, "{what}: {id} value overlaps its bar");
        assert!(
            vx1 <= width,
            "{what}: {id} value {:?} overflows: {vx1} > {width}",
            text_of(value)
        );
        let vy = num(value, "y");
        assert!(vy > by && vy < by + bh, "{what}: {id} value beside its bar");

        for label in texts.iter().filter(|t| has_class(t, "ri-label")) {
            let (lx0, lx1) = text_span(label, 13.0);
            assert!(
                lx0 >= 0.0 && lx1 <= width,
                "{what}: {id} label {:?} overflows",
                text_of(label)
            );
            let ly = num(label, "y");
            assert!(
                ly > y && ly - 13.0 >= y - 0.05,
                "{what}: {id} label inside its row"
            );
            assert!(ly <= by, "{what}: {id} label above its bar");
        }
    }
    // The axis below the last row, its labels inside the chart and apart from each other.
    let axis = node.find_class("ri-axis");
    assert_eq!(axis.len(), 1, "{what}");
    let ticks = children(axis[0], "text");
    assert!(ticks.len() >= 2, "{what}: {} ticks", ticks.len());
    let mut previous_end = f64::NEG_INFINITY;
    for t in &ticks {
        let (x0, x1) = text_span(t, 11.0);
        assert!(
            x0 >= 0.0 && x1 <= width,
            "{what}: tick {:?} outside",
            text_of(t)
        );
        assert!(x0 > previous_end, "{what}: tick {:?} overlaps", text_of(t));
        previous_end = x1;
        assert!(num(t, "y") <= height, "{what}: tick below the chart");
        assert!(
            num(t, "y") - 11.0 >= previous_bottom - ROW_GAP_SLACK,
            "{what}: tick over a bar"
        );
    }
}

/// Hit areas reach half a row gap below the bar, where the axis line sits.
const ROW_GAP_SLACK: f64 = 7.0;

#[test]
fn bars_fit_the_column_at_every_width() {
    for lang in [Lang::Zh, Lang::En] {
        for width in WIDTHS {
            let t = tree(lang, width);
            let charts = t.find_class("ri-chart");
            // mechanism, village, health counts and money, social money, employment counts and money
            assert_eq!(charts.len(), 7, "{lang:?} at {width}");
            for (i, chart) in charts.iter().enumerate() {
                let what = format!("{lang:?} at {width} px, chart {i}");
                assert!(
                    num(chart, "width") <= width,
                    "{what}: wider than the column"
                );
                check_bar_chart(chart, &what);
            }
        }
    }
}

#[test]
fn the_hero_bars_fit_and_compare_the_two_years() {
    for lang in [Lang::Zh, Lang::En] {
        for width in WIDTHS {
            let t = tree(lang, width);
            let svgs = t.find_class("ri-hero-bars");
            assert_eq!(svgs.len(), 1);
            let svg = svgs[0];
            let w = num(svg, "width");
            assert!(w <= width);
            let bars: Vec<&Element> = descendants(svg, "rect")
                .into_iter()
                .filter(|r| has_class(r, "ri-bar"))
                .collect();
            assert_eq!(bars.len(), 2);
            // This year's bar is last year's length, a 2 px gap, then the increase.
            let inc = descendants(svg, "rect")
                .into_iter()
                .find(|r| has_class(r, "ri-bar-inc"))
                .expect("the increase");
            let end_prev = num(bars[0], "x") + num(bars[0], "width");
            let end_base = num(bars[1], "x") + num(bars[1], "width");
            assert!(
                (end_base - end_prev).abs() < 0.11,
                "the base matches last year"
            );
            assert!(
                (num(inc, "x") - (end_base + 2.0)).abs() < 0.11,
                "a 2 px gap"
            );
            let end_this = num(inc, "x") + num(inc, "width");
            let ratio = num(bars[0], "width") / (end_this - num(bars[1], "x"));
            assert!((ratio - 14645.0 / 16317.0).abs() < 0.01, "{ratio}");
            for text in descendants(svg, "text") {
                let (x0, x1) = text_span(text, 13.0);
                assert!(
                    x0 >= 0.0 && x1 <= w,
                    "{lang:?} {width}: {:?} overflows",
                    text_of(text)
                );
            }
            // The second row's label starts below the first bar.
            let labels: Vec<&Element> = descendants(svg, "text")
                .into_iter()
                .filter(|t| has_class(t, "ri-label"))
                .collect();
            let second_label_top = labels
                .iter()
                .map(|l| num(l, "y") - 13.0)
                .filter(|&y| y > num(bars[0], "y"))
                .fold(f64::INFINITY, f64::min);
            assert!(second_label_top >= num(bars[0], "y") + num(bars[0], "height"));
        }
    }
}

#[test]
fn money_axes_are_in_wan_and_yi_in_zh_and_millions_in_en() {
    let axis_labels = |lang: Lang, section: &str| -> Vec<String> {
        let t = tree(lang, 960.0);
        let panel = t.find_all("id", &format!("ri-panel-{section}"))[0];
        let node = Node::Element(panel.clone());
        let charts = node.find_class("ri-chart");
        let money = charts
            .iter()
            .find(|c| {
                c.get_attr("aria-label")
                    .is_some_and(|l| l.contains("金额") || l.contains("Amounts"))
            })
            .expect("a money chart");
        let node = Node::Element((*money).clone());
        let axis = node.find_class("ri-axis")[0];
        children(axis, "text").into_iter().map(text_of).collect()
    };
    let health_zh = axis_labels(Lang::Zh, "health");
    assert_eq!(health_zh, ["0", "5000万", "1亿", "1.5亿", "2亿"]);
    let social_zh = axis_labels(Lang::Zh, "social");
    assert!(social_zh.contains(&"1亿".to_owned()), "{social_zh:?}");
    for section in ["health", "social", "employment"] {
        for l in axis_labels(Lang::Zh, section) {
            assert!(
                l == "0" || l.ends_with('万') || l.ends_with('亿'),
                "{section}: {l}"
            );
            assert!(!l.contains('元'), "the caption carries the unit: {l}");
        }
        for l in axis_labels(Lang::En, section) {
            assert!(
                l == "0" || (l.starts_with('¥') && l.ends_with(" million")),
                "{section}: {l}"
            );
        }
    }
    assert_eq!(
        axis_labels(Lang::En, "health"),
        [
            "0",
            "¥50 million",
            "¥100 million",
            "¥150 million",
            "¥200 million"
        ]
    );
    // Counts are plain numbers, grouped in en.
    let t = tree(Lang::En, 960.0);
    let panel = Node::Element(t.find_all("id", "ri-panel-health")[0].clone());
    let counts = panel.find_class("ri-axis")[0];
    let labels: Vec<String> = children(counts, "text").into_iter().map(text_of).collect();
    assert_eq!(labels, ["0", "1,000", "2,000", "3,000", "4,000"]);
    // The money chart's caption names the unit.
    let zh = tree(Lang::Zh, 960.0);
    let captions: Vec<String> = zh
        .find_class("ri-caption")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(
        captions.contains(&"金额对比（元）".to_owned()),
        "{captions:?}"
    );
}

#[test]
fn wrapped_labels_keep_closing_marks_off_the_line_start() {
    let (ds, _) = story();
    let opening = ['“', '‘', '（', '《', '('];
    let closing = ['”', '’', '）', '》', '，', '。', '、', '：', ')'];
    for f in ds.figures() {
        for lang in [Lang::Zh, Lang::En] {
            let label = f.label.get(lang);
            // Narrower than a word, wrap breaks inside it and no rule can hold.
            for max_px in (120..=400).step_by(4) {
                let lines = wrap(label, f64::from(max_px), 13.0);
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        assert!(
                            !line.starts_with(closing),
                            "{}: {:?} at {max_px} px: {lines:?}",
                            f.id,
                            label
                        );
                    }
                    if i + 1 < lines.len() {
                        assert!(
                            !line.ends_with(opening),
                            "{}: {:?} at {max_px} px: {lines:?}",
                            f.id,
                            label
                        );
                    }
                }
                let joined: String = lines.concat();
                let squeezed: String = label.chars().filter(|c| *c != ' ').collect();
                assert_eq!(joined.replace(' ', ""), squeezed, "nothing lost");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tooltip, table, error panel
// ---------------------------------------------------------------------------------------------

#[test]
fn the_tooltip_of_the_compensation_amount() {
    let (ds, st) = story();
    let f = ds.figure("compensation-amount").expect("the figure");
    let tip = view::tooltip(&ds, &st, "compensation-amount", Lang::Zh, false).expect("a tooltip");
    let text = tip.text_content();
    for s in [
        "“三重保障”累计补偿金额",
        "1.57亿元",
        "准确数值：157,000,000元",
        "约11620元",
        "157000000 ÷ 13511 ≈ 11620",
        "每人次补偿金额",
    ] {
        assert!(text.contains(s), "{s} in {text}");
    }
    let source = tip.find_class("ri-tip-source");
    assert_eq!(source.len(), 1);
    assert_eq!(text_of(source[0]), format!("原文：“{}”", f.source));
    assert_eq!(source[0].get_attr("lang"), Some("zh-CN"));

    let tip = view::tooltip(&ds, &st, "compensation-amount", Lang::En, false).expect("a tooltip");
    let text = tip.text_content();
    for s in [
        "¥157 million",
        "Exact value: 157,000,000 yuan",
        "about 11,620 yuan",
        "Compensation per case",
        "In the article: “",
    ] {
        assert!(text.contains(s), "{s} in {text}");
    }
}

#[test]
fn tooltips_of_other_figures() {
    let (ds, st) = story();
    let tip = |id: &str, lang| {
        view::tooltip(&ds, &st, id, lang, false)
            .expect("a tooltip")
            .text_content()
    };
    // An exact figure written in full shows no separate exact value.
    assert!(!tip("income-per-capita", Lang::Zh).contains("准确数值"));
    let income = tip("income-per-capita", Lang::Zh);
    assert!(income.contains("14645元"), "{income}");
    assert!(
        income.contains("✓ 三个数字在四舍五入范围内一致"),
        "{income}"
    );
    assert!(tip("new-school-places", Lang::Zh).contains("准确数值：105,000个"));
    assert!(tip("new-school-places", Lang::Zh).contains("约905个"));
    assert!(tip("key-tasks-citywide", Lang::Zh).contains("提法：九项重点工作"));
    assert!(tip("key-tasks-citywide", Lang::Zh).contains("准确数值：9项"));
    assert!(tip("reimbursement-rate", Lang::En).contains("over 80%"));
    assert!(tip("safety-net-people", Lang::Zh).contains("约3699人"));
    assert_eq!(
        view::tooltip(&ds, &st, "no-such-figure", Lang::Zh, false),
        None
    );
    assert_eq!(
        view::announcement(&ds, &st, "insurance-subsidy-amount", Lang::Zh, false).as_deref(),
        Some("资助参保金额：2677.03万元")
    );
    assert_eq!(
        view::announcement(&ds, &st, "insurance-subsidy-amount", Lang::En, false).as_deref(),
        Some("Premium subsidies: ¥26.77 million")
    );
}

#[test]
fn the_table_lists_every_figure_and_derived_figure() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        let table = view::table(&ds, &st, &ViewOptions::new(lang, 960.0));
        let rows = with_attr(&table, "data-figure");
        let ids: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get_attr("data-figure"))
            .collect();
        let all: Vec<&str> = ds.figures().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, all);
        for row in rows {
            let f = ds
                .figure(row.get_attr("data-figure").unwrap_or_default())
                .expect("a figure");
            let th = children(row, "th");
            assert_eq!(th.len(), 1);
            assert_eq!(th[0].get_attr("scope"), Some("row"));
            assert_eq!(text_of(th[0]), f.label.get(lang));
            let num_cell: Vec<&Element> = children(row, "td")
                .into_iter()
                .filter(|td| has_class(td, "ri-num"))
                .collect();
            assert_eq!(text_of(num_cell[0]), format_figure(f, lang, false));
        }
        let derived = table.find_class("ri-derived-row");
        assert_eq!(derived.len(), st.derived.len());
        assert_eq!(derived.len(), 9);
        let caption = elements(&table).into_iter().find(|e| e.tag == "caption");
        assert_eq!(
            caption.map(text_of).as_deref(),
            Some(ds.story.title.get(lang))
        );
    }
    let zh = view::table(&ds, &st, &ViewOptions::new(Lang::Zh, 960.0)).text_content();
    assert!(zh.contains("约3699人 (2888 ÷ 78.08% ≈ 3699)"), "{zh}");
}

#[test]
fn the_table_view_and_the_static_page() {
    let (ds, st) = story();
    let mut o = ViewOptions::new(Lang::Zh, 960.0);
    o.table = true;
    let t = view::build(&ds, &st, &o);
    assert_eq!(t.find_class("ri-table").len(), 1);
    assert!(
        t.find_all("role", "tablist").is_empty(),
        "the table replaces the charts"
    );
    assert!(t.find_class("ri-chart").is_empty());
    let pressed = t.find_all("data-action", "table");
    assert_eq!(pressed[0].get_attr("aria-pressed"), Some("true"));

    let s = static_tree(Lang::Zh, 960.0);
    assert!(
        s.find_class("ri-controls").is_empty(),
        "no controls without JavaScript"
    );
    assert!(elements(&s).iter().all(|e| e.tag != "button"));
    assert!(s.find_all("role", "tooltip").is_empty());
    assert_eq!(s.find_class("ri-panel").len(), 6, "stacked");
    assert_eq!(s.find_class("ri-table").len(), 1, "and the table");
    let interactive = tree(Lang::Zh, 960.0);
    assert_eq!(interactive.find_all("role", "tooltip").len(), 1);
    assert_eq!(interactive.find_all("aria-live", "polite").len(), 1);
}

#[test]
fn the_error_panel_lists_each_path() {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("JSON");
    doc["story"]["date"] = json!("2022-02-30");
    doc["sections"][0]["figures"][0]["value"] = json!("16317");
    doc["extra"] = json!(1);
    let errors = dataset::parse_json(&doc.to_string()).expect_err("three errors");
    assert_eq!(errors.len(), 3);
    for lang in [Lang::Zh, Lang::En] {
        let panel = view::error_panel(&errors, lang);
        let root = panel.as_element().expect("an element");
        assert_eq!(root.get_attr("role"), Some("alert"));
        let codes: Vec<String> = elements(&panel)
            .into_iter()
            .filter(|e| e.tag == "code")
            .map(text_of)
            .collect();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(codes, paths);
        let items: Vec<String> = elements(&panel)
            .into_iter()
            .filter(|e| e.tag == "li")
            .map(text_of)
            .collect();
        for (item, e) in items.iter().zip(&errors) {
            assert_eq!(item, &format!("{}: {}", e.path, e.message));
        }
    }
    assert!(view::error_panel(&errors, Lang::Zh)
        .text_content()
        .contains("数据有误"));

    // The document itself is "dataset"; past 50 errors the rest are counted.
    let errors: Vec<ValidationError> = (0..60)
        .map(|i| ValidationError {
            path: if i == 0 {
                String::new()
            } else {
                format!("sections[{i}]")
            },
            message: "<b>bad</b>".to_owned(),
        })
        .collect();
    let panel = view::error_panel(&errors, Lang::En);
    let items: Vec<String> = elements(&panel)
        .into_iter()
        .filter(|e| e.tag == "li")
        .map(text_of)
        .collect();
    assert_eq!(items.len(), 51);
    assert_eq!(items[0], "dataset: <b>bad</b>");
    assert_eq!(items[50], "… (+10)");
    let html = to_html(&panel);
    assert!(html.contains("&lt;b&gt;bad&lt;/b&gt;") && !html.contains("<b>"));
}

// ---------------------------------------------------------------------------------------------
// Text stays text
// ---------------------------------------------------------------------------------------------

const XSS: &str = "<img src=x onerror=alert(1)>";

#[test]
fn markup_in_a_label_is_text_in_the_tree_and_escaped_in_html() {
    let (ds, st) = edited(|d| {
        d["sections"][1]["figures"][2]["label"]["zh"] = json!(XSS);
        d["sections"][1]["figures"][2]["label"]["en"] = json!(XSS);
        d["story"]["title"]["zh"] = json!("\"><script>alert(1)</script>");
    });
    for width in [320.0, 960.0] {
        let mut o = ViewOptions::new(Lang::Zh, width);
        for static_page in [false, true] {
            o.static_page = static_page;
            let t = view::build(&ds, &st, &o);
            let mut as_text = 0;
            t.walk(&mut |n| {
                if matches!(n, Node::Text(s) if s == XSS) {
                    as_text += 1;
                }
            });
            assert!(as_text >= 1, "the payload is a text node");
            assert!(elements(&t)
                .iter()
                .all(|e| e.tag != "img" && e.tag != "script"));
            let html = to_html(&t);
            assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
            assert!(!html.contains("<img"), "no live markup");
            assert!(!html.contains("<script"), "no live markup");
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            check_balanced(&html, &format!("zh {width} static={static_page}"));
        }
    }
    let tip = view::tooltip(&ds, &st, "departments", Lang::Zh, false).expect("a tooltip");
    assert!(to_html(&tip).contains("&lt;img"));
    let svg = export::export_svg(&ds, &st, Lang::Zh);
    assert!(!svg.contains("<img") && !svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;"));
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/// RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "an unterminated quote");
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last row ends with CRLF"
    );
    rows
}

const CSV_HEADER: [&str; 11] = [
    "section",
    "id",
    "label_zh",
    "label_en",
    "value",
    "unit_zh",
    "unit_en",
    "kind",
    "qualifier",
    "as_written",
    "source",
];

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_figure() {
    let (ds, _) = story();
    for lang in [Lang::Zh, Lang::En] {
        let csv = export::csv(&ds, lang);
        let body = csv.strip_prefix('\u{feff}').expect("a BOM for Excel");
        let rows = parse_csv(body);
        assert_eq!(rows[0], CSV_HEADER);
        assert_eq!(rows.len(), 1 + ds.figures().count());
        for (row, f) in rows[1..].iter().zip(ds.figures()) {
            assert_eq!(row.len(), 11, "{}", f.id);
            assert_eq!(row[1], f.id);
            assert_eq!(row[2], f.label.zh);
            assert_eq!(row[3], f.label.en);
            assert_eq!(row[4].parse::<f64>().ok(), Some(f.value), "{}", f.id);
            assert_eq!(row[7], f.kind.as_str());
            assert_eq!(row[8], f.qualifier.as_str());
            let written = format_figure(f, lang, false);
            // A leading "+" would start a formula: the cell is defused, the text unchanged.
            let expected = if written.starts_with('+') {
                format!("'{written}")
            } else {
                written
            };
            assert_eq!(row[9], expected, "{}", f.id);
            assert_eq!(row[10], f.source, "{}", f.id);
        }
        let section_of = |id: &str| {
            rows.iter()
                .find(|r| r[1] == id)
                .map(|r| r[0].clone())
                .unwrap_or_default()
        };
        assert_eq!(section_of("compensation-amount"), "health");
    }
    let zh = parse_csv(export::csv(&ds, Lang::Zh).trim_start_matches('\u{feff}'));
    let row = zh
        .iter()
        .find(|r| r[1] == "insurance-subsidy-amount")
        .expect("row");
    assert_eq!(row[4], "26770300");
    assert_eq!(row[9], "2677.03万元");
    let en = parse_csv(export::csv(&ds, Lang::En).trim_start_matches('\u{feff}'));
    let row = en
        .iter()
        .find(|r| r[1] == "reimbursement-rate")
        .expect("row");
    assert_eq!((row[4].as_str(), row[9].as_str()), ("80", "over 80%"));
}

#[test]
fn csv_defuses_formula_injection() {
    let (ds, _) = edited(|d| {
        d["sections"][1]["figures"][2]["label"]["zh"] =
            json!("=HYPERLINK(\"http://evil.example\",\"点我\")");
        d["sections"][1]["figures"][2]["label"]["en"] = json!("@SUM(A1:A9)");
        d["sections"][1]["figures"][3]["label"]["en"] = json!("-2+3");
        d["sections"][1]["figures"][3]["label"]["zh"] = json!("+cmd|' /C calc'!A0");
    });
    let csv = export::csv(&ds, Lang::Zh);
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    let row = rows.iter().find(|r| r[1] == "departments").expect("row");
    assert_eq!(row[2], "'=HYPERLINK(\"http://evil.example\",\"点我\")");
    assert_eq!(row[3], "'@SUM(A1:A9)");
    let row = rows.iter().find(|r| r[1] == "work-tasks").expect("row");
    assert_eq!(row[3], "'-2+3");
    assert_eq!(row[2], "'+cmd|' /C calc'!A0");
    // No cell starts with a formula character once parsed, apart from the numeric value column.
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if i != 4 {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
            }
        }
    }
}

/// Tags open and close in order, self-closing tags stand alone, attributes are `name="value"`
/// and none is an event handler. Good enough to catch a broken writer, not an XML parser.
fn check_balanced(markup: &str, what: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest
            .find('>')
            .unwrap_or_else(|| panic!("{what}: unclosed tag"));
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop(),
                Some(name),
                "{what}: </{name}> closes the wrong tag"
            );
            continue;
        }
        let (body, self_closing) = match tag.strip_suffix('/') {
            Some(b) => (b, true),
            None => (tag, false),
        };
        let (name, mut attrs) = body.split_once(' ').unwrap_or((body, ""));
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()),
            "{what}: odd tag name {name:?}"
        );
        while !attrs.is_empty() {
            let (attr, after) = attrs
                .split_once("=\"")
                .unwrap_or_else(|| panic!("{what}: <{name}> attribute without a quoted value"));
            assert!(
                !attr.is_empty()
                    && attr
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':'),
                "{what}: <{name}> odd attribute {attr:?}"
            );
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{what}: handler {attr}"
            );
            let (value, after) = after
                .split_once('"')
                .unwrap_or_else(|| panic!("{what}: <{name} {attr}> unterminated"));
            assert!(!value.contains('<'), "{what}: raw < in {attr}");
            attrs = after.strip_prefix(' ').unwrap_or(after);
        }
        if !self_closing {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "{what}: unclosed {stack:?}");
}

#[test]
fn export_svg_is_one_well_formed_svg_without_scripts() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        let svg = export::export_svg(&ds, &st, lang);
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<svg").count(), 1, "one root");
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(&format!("<title>{}</title>", ds.story.title.get(lang))));
        let lower = svg.to_ascii_lowercase();
        assert!(!lower.contains("<script"));
        assert!(!lower.contains("href"), "no links");
        check_balanced(&svg, &format!("{lang:?} svg"));
        // Every figure of the article is in the file, the hero's increase and rate included.
        for f in ds.figures() {
            let shown = format_figure(f, lang, false);
            let escaped = shown.replace('&', "&amp;");
            assert!(
                svg.contains(&escaped),
                "{lang:?}: {} ({shown}) missing",
                f.id
            );
        }
        let height = svg
            .split("height=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse::<f64>().ok())
            .expect("a height");
        assert!(svg.contains(&format!("viewBox=\"0 0 720 {}\"", height)));
    }
}

#[test]
fn export_svg_values_do_not_run_into_their_labels() {
    let (ds, st) = story();
    for lang in [Lang::Zh, Lang::En] {
        let svg = export::export_svg(&ds, &st, lang);
        // Cards: the value at x=24 in 15 px bold, its label from x=200.
        for part in svg.split("<text x=\"24\" ").skip(1) {
            if !part.contains("class=\"v\">") {
                continue;
            }
            let value = part
                .split("class=\"v\">")
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or_default();
            let followed_by_label = part.contains("</text><text x=\"200\"");
            if followed_by_label {
                let end = 24.0 + text_width_px(value, 15.0);
                assert!(end <= 196.0, "{lang:?}: {value:?} reaches x={end}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Overview charts and language-independent geometry
// ---------------------------------------------------------------------------------------------

/// The story's header and `n` counts sharing one group in one section (one bar block).
fn grouped(n: usize) -> (Dataset, Stats) {
    edited(|doc| {
        let figures: Vec<serde_json::Value> = (1..=n)
            .map(|k| {
                json!({
                    "id": format!("f{k}"),
                    "label": { "zh": format!("第{k}项"), "en": format!("Item {k}") },
                    "value": ((k * 7919) % 1000) as f64,
                    "kind": "count",
                    "unit": { "zh": "个", "en": "items" },
                    "source": format!("第{k}项。"),
                    "group": "all"
                })
            })
            .collect();
        doc["sections"] = json!([{ "id": "big", "title": { "zh": "大量数据", "en": "Many figures" }, "figures": figures }]);
        doc["relations"] = json!([]);
        doc["story"].as_object_mut().unwrap().remove("hero");
    })
}

fn overview_of(node: &Node) -> Option<&Element> {
    elements(node)
        .into_iter()
        .find(|e| e.get_attr("data-overview").is_some())
}

#[test]
fn more_bars_than_rows_can_show_become_one_overview_chart() {
    let limit = view::geometry::OVERVIEW_ABOVE;
    // At the limit: a labelled row per figure.
    let (ds, st) = grouped(limit);
    let t = view::build(&ds, &st, &ViewOptions::new(Lang::En, 960.0));
    assert!(overview_of(&t).is_none());
    assert_eq!(t.find_class("ri-bar-row").len(), limit);

    for n in [limit + 1, 1000, 10_000] {
        let (ds, st) = grouped(n);
        for (lang, width) in [(Lang::En, 960.0), (Lang::Zh, 320.0)] {
            let t = view::build(&ds, &st, &ViewOptions::new(lang, width));
            let chart = overview_of(&t).unwrap_or_else(|| panic!("{n} figures: no overview"));
            assert!(t.find_class("ri-bar-row").is_empty());
            assert_eq!(chart.get_attr("role"), Some("img"));
            assert_eq!(chart.get_attr("tabindex"), Some("0"));
            assert_eq!(chart.get_attr("data-overview"), Some("0/0"));
            let label = chart.get_attr("aria-label").unwrap_or_default();
            let count =
                revitalization_infographic::format::format_plain(n as f64, 0, lang == Lang::En);
            assert!(label.contains(&count), "{label}");
            // The DOM does not grow with the figures.
            assert!(
                t.count_elements() < 120,
                "{n}: {} elements",
                t.count_elements()
            );
            // One subpath per pixel column at most, every one inside the plot.
            let path = chart
                .children
                .iter()
                .filter_map(Node::as_element)
                .find(|e| e.tag == "path")
                .expect("the columns' path");
            let d = path.get_attr("d").unwrap_or_default();
            let subpaths = d.matches('M').count();
            let (figs, money) = view::overview_figures(&ds, "0/0").expect("the chart's figures");
            assert_eq!(figs.len(), n);
            let values: Vec<f64> = figs.iter().map(|f| f.value).collect();
            let ov = view::overview_layout(&values, money, &ViewOptions::new(lang, width));
            assert!(
                subpaths >= 1 && subpaths as f64 <= ov.plot_w.floor() + 1.0,
                "{n}: {subpaths} columns"
            );
            let svg_w = num(chart, "width");
            assert!(ov.plot_x > 0.0 && ov.plot_x + ov.plot_w <= svg_w + 0.05);
            // The tallest figure reaches at most the plot's top.
            for (i, f) in figs.iter().enumerate().step_by(97) {
                let c = ov.column(i, f.value);
                assert!(
                    c.y >= ov.plot_top - 0.05 && c.y + c.h <= ov.baseline + 0.05,
                    "{i}: {c:?}"
                );
                assert!(
                    c.x >= ov.plot_x - 1.05 && c.x + c.w <= ov.plot_x + ov.plot_w + 1.05,
                    "{i}: {c:?}"
                );
                let centre = ov.plot_x + (i as f64 + 0.5) * ov.plot_w / n as f64;
                assert_eq!(ov.index_at(centre), i, "the pointer over a column picks it");
                if ov.plot_w / n as f64 >= 3.0 {
                    assert_eq!(ov.index_at(c.x + c.w / 2.0), i, "the highlight sits on it");
                }
            }
            assert_eq!(ov.index_at(-50.0), 0);
            assert_eq!(ov.index_at(svg_w + 50.0), n - 1);
        }
    }
}

/// Every coordinate of the bars, axes, rings and charts, in document order: a language switch
/// must change words, never geometry.
fn geometry_of(node: &Node) -> Vec<(String, String)> {
    const GEOMETRY: [&str; 11] = [
        "x",
        "y",
        "width",
        "height",
        "x1",
        "x2",
        "y1",
        "y2",
        "viewBox",
        "d",
        "transform",
    ];
    elements(node)
        .into_iter()
        // Text elements are left out: a label may take one line in zh and two in en.
        .filter(|e| e.tag != "text")
        .flat_map(|e| {
            GEOMETRY
                .iter()
                .filter_map(|a| {
                    e.get_attr(a)
                        .map(|v| (format!("{}.{a}", e.tag), v.to_owned()))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn switching_language_moves_no_coordinate() {
    let (ds, st) = story();
    let (big, big_st) = grouped(500);
    for width in [320.0, 480.0, 720.0, 960.0] {
        for (d, s) in [(&ds, &st), (&big, &big_st)] {
            let zh = view::build(d, s, &ViewOptions::new(Lang::Zh, width));
            let en = view::build(d, s, &ViewOptions::new(Lang::En, width));
            let (a, b) = (geometry_of(&zh), geometry_of(&en));
            assert!(!a.is_empty());
            assert_eq!(a, b, "geometry differs between zh and en at {width} px");
        }
    }
}

#[test]
fn a_static_overview_offers_no_keys() {
    let (ds, st) = grouped(300);
    let mut o = ViewOptions::new(Lang::Zh, 960.0);
    o.static_page = true;
    let t = view::build(&ds, &st, &o);
    let chart = elements(&t)
        .into_iter()
        .find(|e| e.get_attr("class") == Some("ri-chart ri-overview"))
        .expect("the overview is drawn on the static page too");
    assert_eq!(chart.get_attr("tabindex"), None);
    assert_eq!(chart.get_attr("data-overview"), None);
    assert!(t.find_class("ri-cursor").is_empty());
    assert!(chart
        .get_attr("aria-label")
        .unwrap_or_default()
        .contains("表格"));
    // Every figure is in the table that follows.
    let table = t.find_class("ri-table");
    assert_eq!(table.len(), 1);
    let text = text_of(table[0]);
    assert!(text.contains("第1项") && text.contains("第300项"));
}
