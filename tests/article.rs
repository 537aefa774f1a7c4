#![cfg(not(target_arch = "wasm32"))]
//! The embedded dataset against the article it comes from: every figure the product brief lists,
//! each with its sentence, and each written the way the article writes it.
//!
//! The expectations below were read off the article by hand, not derived from the JSON.

use revitalization_infographic::dataset::{Dataset, Figure};
use revitalization_infographic::format::{Kind, Lang, Qualifier};
use revitalization_infographic::view::format_figure;

/// The article the story comes from, kept beside its dataset (a copy of the seed article,
/// 央广网, 2022-12-10).
const ARTICLE: &str = include_str!("../data/xian-2022.article.txt");

fn article() -> String {
    ARTICLE.to_owned()
}

fn story() -> Dataset {
    match Dataset::default_story() {
        Ok(ds) => ds,
        Err(errors) => panic!("the embedded dataset does not validate: {errors:?}"),
    }
}

fn figure<'a>(ds: &'a Dataset, id: &str) -> &'a Figure {
    ds.figure(id)
        .unwrap_or_else(|| panic!("the dataset has no figure {id:?}"))
}

use Kind::{Change, Count, Money, Share};
use Qualifier::{AtLeast, Exact};

/// (section, id, value in base units or percent, kind, qualifier, zh measure word), in the
/// article's order: one row for each figure of PRODUCT.md's table.
const EXPECTED: [(&str, &str, f64, Kind, Qualifier, &str); 35] = [
    // 人均纯收入达到16317元,增幅达11.42%,较往年净增1672元
    ("income", "income-per-capita", 16317.0, Money, Exact, "元"),
    ("income", "income-growth", 11.42, Change, Exact, ""),
    ("income", "income-increase", 1672.0, Money, Exact, "元"),
    // 全市“九项重点工作” … 下设“一办九组”
    ("mechanism", "key-tasks-citywide", 9.0, Count, Exact, "项"),
    ("mechanism", "leading-group-teams", 9.0, Count, Exact, "组"),
    // 50个相关市级部门责任清单,并细化分解为141项工作任务
    ("mechanism", "departments", 50.0, Count, Exact, "个"),
    ("mechanism", "work-tasks", 141.0, Count, Exact, "项"),
    // 358支驻村工作队、1179名驻村干部,实现乡村振兴“五类村”驻村帮扶力量全覆盖
    ("village", "village-teams", 358.0, Count, Exact, "支"),
    ("village", "village-cadres", 1179.0, Count, Exact, "名"),
    ("village", "five-village-coverage", 100.0, Share, Exact, ""),
    // 新建、扩建中小学及幼儿园116所,新增学位10.5万个 … 城乡学校共同体24个
    ("education", "new-schools", 116.0, Count, Exact, "所"),
    (
        "education",
        "new-school-places",
        105_000.0,
        Count,
        Exact,
        "个",
    ),
    ("education", "school-communities", 24.0, Count, Exact, "个"),
    // 共资助10.79万人2677.03万元,脱贫人口基本医保参保率达100%
    (
        "health",
        "insurance-subsidised-people",
        107_900.0,
        Count,
        Exact,
        "人",
    ),
    (
        "health",
        "insurance-subsidy-amount",
        26_770_300.0,
        Money,
        Exact,
        "元",
    ),
    ("health", "insurance-coverage", 100.0, Share, Exact, ""),
    // 累计补偿13511人次1.57亿元,“三重保障”报销比例达到80%以上
    ("health", "compensations", 13511.0, Count, Exact, "人次"),
    (
        "health",
        "compensation-amount",
        157_000_000.0,
        Money,
        Exact,
        "元",
    ),
    ("health", "reimbursement-rate", 80.0, Share, AtLeast, ""),
    // 乡镇医保服务站186个、村医保工作室3141个
    ("health", "insurance-stations", 186.0, Count, Exact, "个"),
    ("health", "insurance-offices", 3141.0, Count, Exact, "个"),
    // 30种大病专项救治 … 等四种慢性病规范管理
    ("health", "serious-illnesses", 30.0, Count, Exact, "种"),
    ("health", "chronic-diseases", 4.0, Count, Exact, "种"),
    // 发放残疾人两项补贴8419.39万元 … “三类人员”纳入兜底保障范围2888人,占比78.08%
    (
        "social",
        "disability-subsidies",
        84_193_900.0,
        Money,
        Exact,
        "元",
    ),
    ("social", "safety-net-people", 2888.0, Count, Exact, "人"),
    ("social", "safety-net-share", 78.08, Share, Exact, ""),
    // 122837名脱贫劳动力外出务工
    (
        "employment",
        "migrant-workers",
        122_837.0,
        Count,
        Exact,
        "名",
    ),
    // 创业担保贷款1.21亿元,开展脱贫劳动力技能培训3478人
    (
        "employment",
        "startup-loans",
        121_000_000.0,
        Money,
        Exact,
        "元",
    ),
    ("employment", "skills-trained", 3478.0, Count, Exact, "人"),
    // 开发公益性岗位5812个
    (
        "employment",
        "public-welfare-jobs",
        5812.0,
        Count,
        Exact,
        "个",
    ),
    // 创业孵化示范基地64家、返乡创业示范园区2家,孵化企业10528家,认定社区工厂17家、就业帮扶基地26家
    ("employment", "incubation-bases", 64.0, Count, Exact, "家"),
    ("employment", "return-home-parks", 2.0, Count, Exact, "家"),
    (
        "employment",
        "incubated-enterprises",
        10528.0,
        Count,
        Exact,
        "家",
    ),
    (
        "employment",
        "community-factories",
        17.0,
        Count,
        Exact,
        "家",
    ),
    ("employment", "employment-bases", 26.0, Count, Exact, "家"),
];

/// How the article writes each figure, as `format_figure(f, Lang::Zh, false)` must produce it.
const ZH: [(&str, &str); 35] = [
    ("income-per-capita", "16317元"),
    ("income-growth", "+11.42%"),
    ("income-increase", "1672元"),
    ("key-tasks-citywide", "九项"),
    ("leading-group-teams", "九组"),
    ("departments", "50个"),
    ("work-tasks", "141项"),
    ("village-teams", "358支"),
    ("village-cadres", "1179名"),
    ("five-village-coverage", "100%"),
    ("new-schools", "116所"),
    ("new-school-places", "10.5万个"),
    ("school-communities", "24个"),
    ("insurance-subsidised-people", "10.79万人"),
    ("insurance-subsidy-amount", "2677.03万元"),
    ("insurance-coverage", "100%"),
    ("compensations", "13511人次"),
    ("compensation-amount", "1.57亿元"),
    ("reimbursement-rate", "80%以上"),
    ("insurance-stations", "186个"),
    ("insurance-offices", "3141个"),
    ("serious-illnesses", "30种"),
    ("chronic-diseases", "四种"),
    ("disability-subsidies", "8419.39万元"),
    ("safety-net-people", "2888人"),
    ("safety-net-share", "78.08%"),
    ("migrant-workers", "122837名"),
    ("startup-loans", "1.21亿元"),
    ("skills-trained", "3478人"),
    ("public-welfare-jobs", "5812个"),
    ("incubation-bases", "64家"),
    ("return-home-parks", "2家"),
    ("incubated-enterprises", "10528家"),
    ("community-factories", "17家"),
    ("employment-bases", "26家"),
];

/// The English newsroom style of PRODUCT.md.
const EN: [(&str, &str); 12] = [
    ("income-per-capita", "16,317 yuan"),
    ("income-growth", "+11.42%"),
    ("income-increase", "1,672 yuan"),
    ("new-school-places", "105,000 places"),
    ("insurance-subsidised-people", "107,900 people"),
    ("insurance-subsidy-amount", "¥26.77 million"),
    ("compensation-amount", "¥157 million"),
    ("reimbursement-rate", "over 80%"),
    ("disability-subsidies", "¥84.19 million"),
    ("safety-net-share", "78.08%"),
    ("startup-loans", "¥121 million"),
    ("migrant-workers", "122,837 people"),
];

#[test]
fn the_dataset_has_exactly_the_figures_of_the_brief() {
    let ds = story();
    let ids: Vec<&str> = ds.figures().map(|f| f.id.as_str()).collect();
    let expected_ids: Vec<&str> = EXPECTED.iter().map(|e| e.1).collect();
    assert_eq!(ids, expected_ids, "figures, in the article's order");

    for (section, id, value, kind, qualifier, measure) in EXPECTED {
        let f = figure(&ds, id);
        assert_eq!(f.value, value, "{id}: value");
        assert_eq!(f.kind, kind, "{id}: kind");
        assert_eq!(f.qualifier, qualifier, "{id}: qualifier");
        assert_eq!(f.unit.zh, measure, "{id}: zh measure word");
        let home = ds
            .sections
            .iter()
            .find(|s| s.figures.iter().any(|g| g.id == id))
            .map(|s| s.id.as_str());
        assert_eq!(home, Some(section), "{id}: section");
        if matches!(kind, Count | Money) {
            assert!(!f.unit.en.trim().is_empty(), "{id}: en unit");
        }
    }
}

#[test]
fn the_sections_are_the_briefs_in_order() {
    let ds = story();
    let ids: Vec<&str> = ds.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "income",
            "mechanism",
            "village",
            "education",
            "health",
            "social",
            "employment"
        ]
    );
    let titles: Vec<&str> = ds.sections.iter().map(|s| s.title.zh.as_str()).collect();
    assert_eq!(
        titles,
        [
            "收入",
            "工作机制",
            "驻村帮扶",
            "教育帮扶",
            "医疗保障",
            "社会救助",
            "就业创业"
        ]
    );
}

#[test]
fn the_story_metadata_matches_the_article() {
    let ds = story();
    let text = article();
    assert!(
        text.contains(&ds.story.title.zh),
        "title {:?} is the article's headline",
        ds.story.title.zh
    );
    assert_eq!(ds.story.date, "2022-12-10");
    assert!(text.contains("@2022-12-10"));
    assert_eq!(ds.story.source.name.zh, "央广网");
    assert!(text.contains("来源:央广网"));
    let editor = ds.story.source.editor.as_ref().map(|e| e.zh.as_str());
    assert_eq!(editor, Some("赵莉"));
    assert!(text.contains("编辑:赵莉"));
    let hero = ds.story.hero.as_ref().expect("the story has a hero");
    assert_eq!(hero.figure, "income-per-capita");
    assert_eq!(hero.increase.as_deref(), Some("income-increase"));
    assert_eq!(hero.rate.as_deref(), Some("income-growth"));
}

#[test]
fn every_source_sentence_occurs_verbatim_in_the_article() {
    let ds = story();
    let text = article();
    for f in ds.figures() {
        assert!(
            text.contains(&f.source),
            "{}: the source sentence is not in the article verbatim:\n{}",
            f.id,
            f.source
        );
        // One sentence, not a paragraph: it ends where the article's sentence ends.
        assert!(f.source.ends_with('。'), "{}: {}", f.id, f.source);
        assert_eq!(f.source.matches('。').count(), 1, "{}: {}", f.id, f.source);
    }
}

#[test]
fn every_figure_comes_out_as_the_article_writes_it() {
    let ds = story();
    for f in ds.figures() {
        let expected = match &f.wording {
            Some(w) => w.zh.clone(),
            None => {
                let zh = format_figure(f, Lang::Zh, false);
                match f.kind {
                    Change => zh
                        .strip_prefix('+')
                        .unwrap_or_else(|| panic!("{}: a rise prints with a plus: {zh}", f.id))
                        .to_owned(),
                    _ => zh,
                }
            }
        };
        assert!(
            f.source.contains(&expected),
            "{}: {expected:?} is not in its sentence {:?}",
            f.id,
            f.source
        );
    }
}

#[test]
fn figures_with_an_article_wording_also_format_as_numbers() {
    let ds = story();
    let coverage = figure(&ds, "five-village-coverage");
    let wording = coverage
        .wording
        .as_ref()
        .expect("全覆盖 is the article's wording");
    assert_eq!(wording.zh, "全覆盖");
    assert_eq!(wording.en, "full coverage");
    assert_eq!(format_figure(coverage, Lang::Zh, false), "100%");
    assert_eq!(format_figure(coverage, Lang::En, false), "100%");
    let with_wording: Vec<&str> = ds
        .figures()
        .filter(|f| f.wording.is_some())
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(with_wording, ["five-village-coverage"]);
}

#[test]
fn zh_strings_are_the_articles() {
    let ds = story();
    let ids: Vec<&str> = ds.figures().map(|f| f.id.as_str()).collect();
    let table_ids: Vec<&str> = ZH.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, table_ids, "the zh table covers every figure");
    for (id, zh) in ZH {
        assert_eq!(format_figure(figure(&ds, id), Lang::Zh, false), zh, "{id}");
    }
}

#[test]
fn zh_house_style_with_thousands_separators() {
    let ds = story();
    for (id, zh) in [
        ("income-per-capita", "16,317元"),
        ("income-increase", "1,672元"),
        ("migrant-workers", "122,837名"),
        ("incubated-enterprises", "10,528家"),
        ("compensations", "13,511人次"),
        // 万/亿 amounts and small numbers are the same in both house styles.
        ("insurance-subsidy-amount", "2677.03万元"),
        ("compensation-amount", "1.57亿元"),
        ("new-school-places", "10.5万个"),
        ("key-tasks-citywide", "九项"),
        ("work-tasks", "141项"),
        ("reimbursement-rate", "80%以上"),
    ] {
        assert_eq!(format_figure(figure(&ds, id), Lang::Zh, true), zh, "{id}");
    }
}

#[test]
fn en_strings_follow_the_brief() {
    let ds = story();
    for (id, en) in EN {
        assert_eq!(format_figure(figure(&ds, id), Lang::En, false), en, "{id}");
    }
    // The en style groups whatever the zh house style says.
    for (id, en) in EN {
        assert_eq!(format_figure(figure(&ds, id), Lang::En, true), en, "{id}");
    }
}

#[test]
fn terms_are_the_articles_words() {
    let ds = story();
    let text = article();
    let mut terms = Vec::new();
    for f in ds.figures() {
        if let Some(t) = &f.term {
            assert!(
                f.source.contains(&format!("“{}”", t.zh)),
                "{}: the term {:?} appears quoted in its sentence",
                f.id,
                t.zh
            );
            assert!(text.contains(&t.zh));
            terms.push(t.zh.as_str());
        }
    }
    terms.sort_unstable();
    assert_eq!(
        terms,
        ["一办九组", "三类人员", "三重保障", "九项重点工作", "五类村"]
    );
}

/// The reverse direction: every number written in digits in the article is one of the dataset's
/// figures, except the dates.
#[test]
fn every_number_in_the_article_is_a_figure() {
    let ds = story();
    let mut text = article();
    // Dates, and the year in a document's title, are not figures.
    for date in ["@2022-12-10", "《2022年驻村帮扶", "今年6月", "2022年10月底"] {
        assert!(text.contains(date), "{date}");
        text = text.replace(date, "");
    }
    let written: Vec<String> = ds
        .figures()
        .map(|f| format_figure(f, Lang::Zh, false))
        .collect();
    let numbers_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|t| t.trim_end_matches('.'))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let known: Vec<String> = written.iter().flat_map(|w| numbers_of(w)).collect();
    let in_article = numbers_of(&text);
    assert_eq!(in_article.len(), 31, "{in_article:?}");
    for n in &in_article {
        assert!(
            known.contains(n),
            "the article's number {n} is not a figure of the dataset"
        );
    }
    // And the other way: every figure written in digits is in the article (九项, 四种 aside).
    for w in &written {
        for n in numbers_of(w) {
            assert!(in_article.contains(&n), "{w}: {n} not in the article");
        }
    }
}
