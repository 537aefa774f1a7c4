#![cfg(not(target_arch = "wasm32"))]
//! Derived figures and consistency checks: the Xi'an story's own, then datasets whose figures
//! contradict each other, then another story with other ids.

use revitalization_infographic::dataset::{self, Dataset, DEFAULT_JSON};
use revitalization_infographic::format::{Kind, Lang, Qualifier};
use revitalization_infographic::stats::{self, Check, Derived, Stats};
use revitalization_infographic::view::{self, ViewOptions};
use serde_json::{json, Value};

fn default_doc() -> Value {
    serde_json::from_str(DEFAULT_JSON).expect("the embedded dataset is JSON")
}

fn load(doc: &Value) -> Dataset {
    dataset::parse_json(&doc.to_string())
        .unwrap_or_else(|errors| panic!("the edited dataset should validate: {errors:?}"))
}

fn default_stats() -> (Dataset, Stats) {
    let ds = Dataset::default_story().expect("the embedded dataset validates");
    let st = stats::compute(&ds);
    (ds, st)
}

/// The figure object with this id, wherever it is in the document.
fn figure_mut<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    let sections = doc["sections"].as_array_mut().expect("sections");
    sections
        .iter_mut()
        .flat_map(|s| s["figures"].as_array_mut().expect("figures").iter_mut())
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn set_value(doc: &mut Value, id: &str, value: f64) {
    figure_mut(doc, id)["value"] = json!(value);
}

fn add_relation(doc: &mut Value, relation: Value) {
    doc["relations"]
        .as_array_mut()
        .expect("relations")
        .push(relation);
}

fn derived<'a>(st: &'a Stats, id: &str) -> &'a Derived {
    st.derived(id)
        .unwrap_or_else(|| panic!("no derived figure {id}: {:?}", st.derived))
}

fn check<'a>(st: &'a Stats, id: &str) -> &'a Check {
    st.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}: {:?}", st.checks))
}

fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} is not within {tolerance} of {expected}"
    );
}

// ---------------------------------------------------------------------------------------------
// The Xi'an story's derived figures
// ---------------------------------------------------------------------------------------------

/// (id, exact value computed here, zh, en, formula): PRODUCT.md's list of derived figures.
fn expected_derived() -> Vec<(&'static str, f64, &'static str, &'static str, &'static str)> {
    vec![
        (
            "previous-income",
            16317.0 - 1672.0,
            "14645元",
            "14,645 yuan",
            "16317 − 1672 = 14645",
        ),
        (
            "income-growth-recomputed",
            1672.0 / 14645.0 * 100.0,
            "约+11.42%",
            "about +11.42%",
            "1672 ÷ (16317 − 1672) ≈ 11.42%",
        ),
        (
            "tasks-per-department",
            141.0 / 50.0,
            "约2.8项",
            "about 2.8 tasks",
            "141 ÷ 50 ≈ 2.8",
        ),
        (
            "cadres-per-team",
            1179.0 / 358.0,
            "约3.3名",
            "about 3.3 cadres",
            "1179 ÷ 358 ≈ 3.3",
        ),
        (
            "places-per-school",
            105_000.0 / 116.0,
            "约905个",
            "about 905 places",
            "105000 ÷ 116 ≈ 905",
        ),
        (
            "subsidy-per-person",
            26_770_300.0 / 107_900.0,
            "约248元",
            "about 248 yuan",
            "26770300 ÷ 107900 ≈ 248",
        ),
        (
            "compensation-per-case",
            157_000_000.0 / 13511.0,
            "约11620元",
            "about 11,620 yuan",
            "157000000 ÷ 13511 ≈ 11620",
        ),
        (
            "offices-per-station",
            3141.0 / 186.0,
            "约16.9个",
            "about 16.9 offices",
            "3141 ÷ 186 ≈ 16.9",
        ),
        (
            "three-groups-total",
            2888.0 / 0.7808,
            "约3699人",
            "about 3,699 people",
            "2888 ÷ 78.08% ≈ 3699",
        ),
    ]
}

#[test]
fn every_derived_figure_of_the_brief() {
    let (_, st) = default_stats();
    let expected = expected_derived();
    let ids: Vec<&str> = st.derived.iter().map(|d| d.id.as_str()).collect();
    let expected_ids: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(ids, expected_ids);
    for (id, value, zh, en, formula) in expected {
        let d = derived(&st, id);
        let v = d.value.unwrap_or_else(|| panic!("{id} has a value"));
        assert_close(v, value, 1e-9 * value.abs(), id);
        assert_eq!(d.formatted.zh, zh, "{id}: zh");
        assert_eq!(d.formatted.en, en, "{id}: en");
        assert_eq!(d.formula.zh, formula, "{id}: formula (zh)");
        assert_eq!(d.formula.en, formula, "{id}: formula (en)");
    }
}

#[test]
fn the_brief_s_rounded_figures() {
    let (_, st) = default_stats();
    let value = |id: &str| derived(&st, id).value.expect("a value");
    assert_eq!(
        value("previous-income"),
        14645.0,
        "exact, not approximately"
    );
    assert_close(
        value("income-growth-recomputed"),
        11.4169,
        0.00005,
        "growth",
    );
    assert_close(value("cadres-per-team"), 3.3, 0.05, "cadres per team");
    assert_close(
        value("tasks-per-department"),
        2.8,
        0.05,
        "tasks per department",
    );
    assert_close(value("places-per-school"), 905.0, 0.5, "places per school");
    assert_close(
        value("subsidy-per-person"),
        248.0,
        0.5,
        "yuan per subsidised person",
    );
    assert_close(
        value("compensation-per-case"),
        11620.0,
        0.5,
        "yuan per compensation",
    );
    assert_close(
        value("offices-per-station"),
        16.9,
        0.05,
        "offices per station",
    );
    assert_close(
        value("three-groups-total"),
        3699.0,
        0.5,
        "three groups in all",
    );
}

#[test]
fn derived_figures_carry_their_inputs_kind_and_qualifier() {
    let (_, st) = default_stats();
    let prev = derived(&st, "previous-income");
    assert_eq!(prev.relation, "difference");
    assert_eq!(prev.figures, ["income-per-capita", "income-increase"]);
    assert_eq!(prev.kind, Kind::Money);
    assert_eq!(prev.qualifier, Qualifier::Exact, "16317 − 1672 is exact");
    assert_eq!(prev.decimals, 0);
    assert_eq!(prev.unit.zh, "元");

    let growth = derived(&st, "income-growth-recomputed");
    assert_eq!(growth.relation, "growth");
    assert_eq!(growth.kind, Kind::Change);
    assert_eq!(growth.qualifier, Qualifier::About);
    assert_eq!(
        growth.figures,
        ["income-per-capita", "income-increase", "income-growth"]
    );

    let per_case = derived(&st, "compensation-per-case");
    assert_eq!(per_case.relation, "ratio");
    assert_eq!(per_case.kind, Kind::Money, "yuan ÷ cases is an amount");
    assert_eq!(per_case.figures, ["compensation-amount", "compensations"]);
    let per_team = derived(&st, "cadres-per-team");
    assert_eq!(per_team.kind, Kind::Count);
    assert_eq!(per_team.qualifier, Qualifier::About);

    let total = derived(&st, "three-groups-total");
    assert_eq!(total.relation, "share-total");
    assert_eq!(total.figures, ["safety-net-people", "safety-net-share"]);

    // Which derived figures a figure's tooltip shows.
    let for_income: Vec<&str> = st
        .derived_for("income-per-capita")
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(for_income, ["previous-income", "income-growth-recomputed"]);
    let for_stations: Vec<&str> = st
        .derived_for("insurance-stations")
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(for_stations, ["offices-per-station"]);
    assert_eq!(st.derived_for("migrant-workers").count(), 0);
}

#[test]
fn the_three_income_figures_agree_within_rounding() {
    let (_, st) = default_stats();
    assert_eq!(st.checks.len(), 1, "{:?}", st.checks);
    let c = check(&st, "income-growth-recomputed");
    assert!(c.ok, "{c:?}");
    assert_eq!(c.relation, "growth");
    assert_eq!(
        c.figures,
        ["income-per-capita", "income-increase", "income-growth"]
    );
    // 1672 / 14645 = 11.41687…% against the stated 11.42%.
    assert_close(
        c.difference,
        11.42 - 1672.0 / 14645.0 * 100.0,
        1e-9,
        "difference",
    );
    assert!(c.difference < 0.005, "within the stated rate's rounding");
    assert_eq!(
        c.message.zh,
        "三个数字在四舍五入范围内一致：1672 ÷ (16317 − 1672) = 11.4169%，报道为11.42%"
    );
    assert_eq!(
        c.message.en,
        "The three figures agree within rounding: 1672 ÷ (16317 − 1672) = 11.4169%, stated 11.42%"
    );
    assert_eq!(st.warnings().count(), 0);
}

#[test]
fn growth_rates_within_the_rounding_of_the_stated_figures_pass() {
    // 16317 and 1672 may each be off by 0.5: the rate lies in [11.4127%, 11.4211%]; a stated
    // two-decimal rate covers ±0.005 around itself.
    for (rate, ok) in [(11.42, true), (11.41, true), (11.43, false), (11.39, false)] {
        let mut doc = default_doc();
        set_value(&mut doc, "income-growth", rate);
        let st = stats::compute(&load(&doc));
        let c = check(&st, "income-growth-recomputed");
        assert_eq!(c.ok, ok, "stated {rate}%: {c:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Figures that contradict each other
// ---------------------------------------------------------------------------------------------

#[test]
fn a_growth_rate_that_does_not_follow_is_a_warning() {
    let mut doc = default_doc();
    set_value(&mut doc, "income-growth", 15.0);
    let ds = load(&doc);
    let st = stats::compute(&ds);
    let c = check(&st, "income-growth-recomputed");
    assert!(!c.ok, "{c:?}");
    assert_eq!(
        c.figures,
        ["income-per-capita", "income-increase", "income-growth"]
    );
    assert_close(
        c.difference,
        15.0 - 1672.0 / 14645.0 * 100.0,
        1e-9,
        "difference",
    );
    assert_close(c.difference, 3.58, 0.005, "difference in percentage points");
    for label in ["脱贫人口人均纯收入", "人均纯收入净增", "人均纯收入增幅"] {
        assert!(c.message.zh.contains(label), "{}", c.message.zh);
    }
    assert!(c.message.zh.contains("互相矛盾"), "{}", c.message.zh);
    assert!(c.message.zh.contains("报道为15%"), "{}", c.message.zh);
    assert!(
        c.message.zh.contains("相差3.58个百分点"),
        "{}",
        c.message.zh
    );
    for label in [
        "Per-capita net income of people lifted out of poverty",
        "Net increase in per-capita net income",
        "Growth in per-capita net income",
    ] {
        assert!(c.message.en.contains(label), "{}", c.message.en);
    }
    assert!(
        c.message
            .en
            .contains("a difference of 3.58 percentage points"),
        "{}",
        c.message.en
    );
    assert_eq!(st.warnings().count(), 1);
    // The recomputed growth still shows what the increase implies.
    let d = derived(&st, "income-growth-recomputed");
    assert_close(d.value.expect("a value"), 11.4169, 0.0001, "recomputed");

    // The widget shows the warning on the hero, where the income figures are.
    let tree = view::build(&ds, &st, &ViewOptions::new(Lang::Zh, 960.0));
    let warnings = tree.find_class("ri-warn");
    assert_eq!(warnings.len(), 1, "one visible warning");
    let shown = view::node::Node::Element(warnings[0].clone()).text_content();
    assert!(shown.starts_with("⚠ 数据不一致："), "{shown}");
    assert!(shown.contains("相差3.58个百分点"), "{shown}");
}

#[test]
fn a_part_larger_than_its_whole_is_a_warning_with_the_excess() {
    let mut doc = default_doc();
    add_relation(
        &mut doc,
        json!({
            "id": "cadres-within-teams",
            "type": "part-of",
            "part": "village-cadres",
            "whole": "village-teams",
            "label": {"zh": "干部占工作队", "en": "Cadres within teams"}
        }),
    );
    let st = stats::compute(&load(&doc));
    let c = check(&st, "cadres-within-teams");
    assert!(!c.ok, "{c:?}");
    assert_eq!(c.relation, "part-of");
    assert_eq!(c.figures, ["village-cadres", "village-teams"]);
    assert_eq!(c.difference, 1179.0 - 358.0);
    assert_eq!(
        c.message.zh,
        "部分大于整体：驻村干部（1179）大于驻村工作队（358），超出821"
    );
    assert_eq!(
        c.message.en,
        "A part is larger than its whole: Resident cadres (1179) exceeds Village work teams (358) by 821"
    );
    assert_eq!(st.warnings().count(), 1);
}

#[test]
fn a_part_within_its_whole_is_consistent_and_gives_a_share() {
    let mut doc = default_doc();
    add_relation(
        &mut doc,
        json!({
            "id": "stations-share",
            "type": "part-of",
            "part": "insurance-stations",
            "whole": "insurance-offices",
            "label": {"zh": "服务站与工作室之比", "en": "Stations against offices"},
            "decimals": 1
        }),
    );
    let st = stats::compute(&load(&doc));
    let c = check(&st, "stations-share");
    assert!(c.ok, "{c:?}");
    assert_eq!(c.difference, 0.0);
    let d = derived(&st, "stations-share");
    assert_close(
        d.value.expect("a share"),
        186.0 / 3141.0 * 100.0,
        1e-9,
        "share",
    );
    assert_eq!(d.kind, Kind::Share);
    assert_eq!(d.formatted.zh, "约5.9%");
    assert_eq!(d.formatted.en, "about 5.9%");
    assert_eq!(d.formula.zh, "186 ÷ 3141 × 100%");
    assert_eq!(st.warnings().count(), 0);
}

#[test]
fn a_zero_denominator_gives_no_value_a_dash_and_a_warning() {
    let mut doc = default_doc();
    set_value(&mut doc, "departments", 0.0);
    let ds = load(&doc);
    let st = stats::compute(&ds);
    let d = derived(&st, "tasks-per-department");
    assert_eq!(d.value, None);
    assert_eq!(d.formatted.zh, "—");
    assert_eq!(d.formatted.en, "—");
    assert_eq!(d.formula.zh, "141 ÷ 0");
    let c = check(&st, "tasks-per-department");
    assert!(!c.ok);
    assert_eq!(c.figures, ["work-tasks", "departments"]);
    assert_eq!(
        c.message.zh,
        "明确责任清单的市级部门为0，无法计算每个部门的工作任务"
    );
    assert_eq!(
        c.message.en,
        "Municipal departments with duty lists is zero: Work tasks per department cannot be computed"
    );
    assert_eq!(st.warnings().count(), 1);

    // A missing value shows as "—", never as 0, in the table; the marks carry the warning.
    let tree = view::build(&ds, &st, &ViewOptions::new(Lang::Zh, 960.0));
    let table = view::table(&ds, &st, &ViewOptions::new(Lang::Zh, 960.0));
    let rows = table.find_class("ri-derived-row");
    let row = rows
        .iter()
        .map(|r| view::node::Node::Element((*r).clone()).text_content())
        .find(|t| t.contains("每个部门的工作任务"))
        .expect("a table row for the ratio");
    assert!(row.contains("— (141 ÷ 0)"), "{row}");
    let marks = tree.find_all("data-figure", "departments");
    assert!(
        marks.iter().any(|m| m
            .get_attr("class")
            .is_some_and(|c| c.contains("ri-has-warn"))),
        "the departments mark is flagged"
    );
}

#[test]
fn a_zero_share_gives_no_total() {
    let mut doc = default_doc();
    set_value(&mut doc, "safety-net-share", 0.0);
    let st = stats::compute(&load(&doc));
    let d = derived(&st, "three-groups-total");
    assert_eq!(d.value, None);
    assert_eq!(d.formatted.zh, "—");
    assert_eq!(d.formatted.en, "—");
    let c = check(&st, "three-groups-total");
    assert!(!c.ok);
    assert!(c.message.zh.contains("无法推算总数"), "{}", c.message.zh);
    assert!(
        c.message.en.contains("the total cannot be derived"),
        "{}",
        c.message.en
    );
}

#[test]
fn an_increase_larger_than_the_level_breaks_growth_and_difference() {
    let mut doc = default_doc();
    set_value(&mut doc, "income-increase", 20000.0);
    let st = stats::compute(&load(&doc));
    let growth = derived(&st, "income-growth-recomputed");
    assert_eq!(growth.value, None);
    assert_eq!(growth.formatted.zh, "—");
    let g = check(&st, "income-growth-recomputed");
    assert!(!g.ok);
    assert!(g.message.zh.contains("无法推算增幅"), "{}", g.message.zh);
    let prev = derived(&st, "previous-income");
    assert_eq!(prev.value, Some(16317.0 - 20000.0));
    let p = check(&st, "previous-income");
    assert!(!p.ok);
    assert_eq!(p.difference, 20000.0 - 16317.0);
    assert!(p.message.zh.contains("差额为负：-3683"), "{}", p.message.zh);
    assert!(p.message.en.contains("the difference is negative"));
    assert_eq!(st.warnings().count(), 2);
}

// ---------------------------------------------------------------------------------------------
// Another story
// ---------------------------------------------------------------------------------------------

fn harbour_story() -> Value {
    let src = "The harbour landed 5 million yuan of fish, 500,000 yuan more than last year.";
    json!({
        "schema": 1,
        "story": {
            "id": "harbour-2023",
            "title": {"zh": "渔港的一年", "en": "A year at the harbour"},
            "dek": {"zh": "渔港数据", "en": "The harbour in figures"},
            "date": "2024-02-29",
            "source": {"name": {"zh": "测试", "en": "Test"}, "url": "https://example.org/harbour"},
            "hero": {"figure": "landings", "previous": "landings-before", "increase": "landings-gain", "rate": "landings-rate"}
        },
        "sections": [
            {"id": "catch", "title": {"zh": "渔获", "en": "Catch"}, "figures": [
                {"id": "landings", "label": {"zh": "渔获金额", "en": "Landings"}, "value": 5_000_000,
                 "kind": "money", "unit": {"zh": "元", "en": "yuan"}, "notation": "wan", "source": src},
                {"id": "landings-gain", "label": {"zh": "渔获增加", "en": "Gain in landings"}, "value": 500_000,
                 "kind": "money", "unit": {"zh": "元", "en": "yuan"}, "notation": "wan", "source": src},
                {"id": "landings-rate", "label": {"zh": "渔获增幅", "en": "Growth in landings"}, "value": 11.11,
                 "kind": "change", "source": src}
            ]},
            {"id": "fleet", "title": {"zh": "船队", "en": "Fleet"}, "figures": [
                {"id": "boats", "label": {"zh": "渔船", "en": "Boats"}, "value": 120, "kind": "count",
                 "unit": {"zh": "条", "en": "boats"}, "group": "fleet", "source": "120 boats."},
                {"id": "crew", "label": {"zh": "船员", "en": "Crew"}, "value": 600, "kind": "count",
                 "unit": {"zh": "名", "en": "crew"}, "group": "fleet", "source": "600 crew."},
                {"id": "licensed", "label": {"zh": "持证船员", "en": "Licensed crew"}, "value": 450, "kind": "count",
                 "unit": {"zh": "名", "en": "crew"}, "source": "450 licensed."},
                {"id": "licensed-share", "label": {"zh": "持证比例", "en": "Licensed share"}, "value": 75,
                 "kind": "share", "source": "75% licensed."}
            ]}
        ],
        "relations": [
            {"id": "landings-before", "type": "difference", "minuend": "landings", "subtrahend": "landings-gain",
             "label": {"zh": "上年渔获", "en": "Last year's landings"}, "unit": {"zh": "元", "en": "yuan"}, "decimals": 0},
            {"id": "landings-growth-check", "type": "growth", "level": "landings", "increase": "landings-gain",
             "rate": "landings-rate", "label": {"zh": "推算增幅", "en": "Recomputed growth"}, "decimals": 2},
            {"id": "crew-per-boat", "type": "ratio", "numerator": "crew", "denominator": "boats",
             "label": {"zh": "每条船的船员", "en": "Crew per boat"}, "unit": {"zh": "名", "en": "crew"}, "decimals": 1},
            {"id": "crew-from-share", "type": "share-total", "part": "licensed", "share": "licensed-share",
             "label": {"zh": "推算船员总数", "en": "Crew implied by the share"}, "unit": {"zh": "名", "en": "crew"}, "decimals": 0},
            {"id": "licensed-within-crew", "type": "part-of", "part": "licensed", "whole": "crew",
             "label": {"zh": "持证占比", "en": "Licensed within crew"}, "decimals": 1}
        ]
    })
}

#[test]
fn the_machinery_works_on_another_story() {
    let ds = load(&harbour_story());
    let st = stats::compute(&ds);
    let ids: Vec<&str> = st.derived.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "landings-before",
            "landings-growth-check",
            "crew-per-boat",
            "crew-from-share",
            "licensed-within-crew"
        ]
    );
    let before = derived(&st, "landings-before");
    assert_eq!(before.value, Some(4_500_000.0));
    assert_eq!(before.formatted.zh, "4500000元");
    assert_eq!(before.formatted.en, "4,500,000 yuan");
    assert_eq!(before.formula.zh, "5000000 − 500000 = 4500000");

    let per_boat = derived(&st, "crew-per-boat");
    assert_eq!(per_boat.value, Some(5.0));
    assert_eq!(
        per_boat.qualifier,
        Qualifier::Exact,
        "600 ÷ 120 is exactly 5"
    );
    assert_eq!(per_boat.formatted.zh, "5名");
    assert_eq!(per_boat.formatted.en, "5 crew");
    assert_eq!(per_boat.formula.en, "600 ÷ 120 ≈ 5");

    let implied = derived(&st, "crew-from-share");
    assert_eq!(implied.value, Some(600.0));
    assert_eq!(implied.formatted.en, "600 crew");

    let within = derived(&st, "licensed-within-crew");
    assert_eq!(within.value, Some(75.0));
    assert_eq!(within.formatted.zh, "75%");

    // 500000 ÷ 4500000 = 11.111…%, stated 11.11%.
    let growth = check(&st, "landings-growth-check");
    assert!(growth.ok, "{growth:?}");
    assert!(
        growth.message.en.contains("11.1111%"),
        "{}",
        growth.message.en
    );
    assert!(check(&st, "licensed-within-crew").ok);
    assert_eq!(st.warnings().count(), 0);

    // And it draws: the hero, its bars and the fleet's comparable counts.
    let tree = view::build(&ds, &st, &ViewOptions::new(Lang::Zh, 960.0));
    let text = tree.text_content();
    for shown in [
        "500万元",
        "50万元",
        "+11.11%",
        "120条",
        "600名",
        "75%",
        "450名",
    ] {
        assert!(text.contains(shown), "{shown} in the tree");
    }
    assert_eq!(tree.find_all("role", "tab").len(), 1, "only the fleet tab");
    assert_eq!(
        tree.find_class("ri-bar-row").len(),
        4,
        "the hero's two years, then boats and crew"
    );
}

#[test]
fn another_story_s_contradictions_are_found_too() {
    let mut doc = harbour_story();
    set_value(&mut doc, "landings-rate", 12.5);
    set_value(&mut doc, "licensed", 700.0);
    let st = stats::compute(&load(&doc));
    let growth = check(&st, "landings-growth-check");
    assert!(!growth.ok);
    assert_close(growth.difference, 12.5 - 100.0 / 9.0, 1e-9, "difference");
    assert!(
        growth
            .message
            .en
            .contains("a difference of 1.39 percentage points"),
        "{}",
        growth.message.en
    );
    let part = check(&st, "licensed-within-crew");
    assert!(!part.ok);
    assert_eq!(part.difference, 100.0);
    assert!(part.message.en.contains("by 100"), "{}", part.message.en);
    assert_eq!(st.warnings().count(), 2);
}

#[test]
fn no_story_id_is_written_into_the_code() {
    let (ds, _) = default_stats();
    // Every source file of the crate, wherever the code moves.
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs" || x == "js") {
                let code = std::fs::read_to_string(&p).expect("a readable source file");
                out.push((p.display().to_string(), code));
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(
        files.len() > 20,
        "the walk found the sources: {}",
        files.len()
    );
    let sources: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    let relation_ids = ds.relations.iter().map(|r| r.id.as_str());
    let section_ids = ds.sections.iter().map(|s| s.id.as_str());
    for id in ds
        .figures()
        .map(|f| f.id.as_str())
        .chain(relation_ids)
        .chain(section_ids)
    {
        for &(file, code) in &sources {
            assert!(
                !code.contains(&format!("\"{id}\"")),
                "{file} names the Xi'an id {id:?}"
            );
        }
    }
}
