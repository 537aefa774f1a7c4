//! (dataset, stats, options) -> a detached tree of elements: the whole infographic, its tooltips, table, error panel and exports; no DOM calls.
//!
//! Stages: classify each section's figures into marks (cards, bars, rings), lay out the marks
//! for the width (`geometry`), then build nodes. The DOM back end (`crate::dom`) and the HTML
//! writer (`html`) both consume the result.

pub mod export;
pub mod geometry;
pub mod html;
pub mod i18n;
pub mod node;

use crate::dataset::{Dataset, Figure, Section};
use crate::format::{format_number, Kind, Lang, Notation, NumberFormat, Qualifier};
use crate::stats::Stats;
use geometry::{bar_chart_sized, ring_arc, ChartText, OVERVIEW_ABOVE};
use i18n::{ui, Ui};
use node::{el, svg, text, Element, Node};
use std::collections::BTreeMap;

/// Below this width the sections stack instead of showing as tabs.
pub const STACK_BELOW_PX: f64 = 480.0;
/// The widget's padding and border on both sides (see infographic.css: `.ri`).
const FRAME_INSET_PX: f64 = 34.0;
/// The hero box's own padding on both sides (`.ri-hero`).
const HERO_INSET_PX: f64 = 32.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ViewOptions {
    pub lang: Lang,
    /// The column's inner width; charts are laid out for it.
    pub width_px: f64,
    /// zh house style: 16,317元 rather than 16317元.
    pub group_zh: bool,
    /// Prefix for element ids, unique per widget on a page.
    pub id_prefix: String,
    /// Index of the selected tab (ignored when stacked).
    pub selected: usize,
    /// Show the data table instead of the charts.
    pub table: bool,
    /// No JavaScript: no controls, sections stacked, table included.
    pub static_page: bool,
}

impl ViewOptions {
    pub fn new(lang: Lang, width_px: f64) -> Self {
        ViewOptions {
            lang,
            width_px,
            group_zh: false,
            id_prefix: "ri-".to_owned(),
            selected: 0,
            table: false,
            static_page: false,
        }
    }

    pub fn stacked(&self) -> bool {
        self.static_page || self.width_px < STACK_BELOW_PX
    }

    fn id(&self, name: &str) -> String {
        format!("{}{}", self.id_prefix, name)
    }
}

/// A figure as the article writes it: 2677.03万元, 80%以上, 九项.
pub fn format_figure(f: &Figure, lang: Lang, group_zh: bool) -> String {
    let mut nf = NumberFormat::new(lang, f.kind);
    nf.notation = f.notation;
    nf.qualifier = f.qualifier;
    nf.measure = &f.unit.zh;
    nf.noun_en = &f.unit.en;
    nf.group_zh = group_zh;
    format_number(f.value, &nf)
}

/// The exact value in full digits: 26,770,300元 / 26,770,300 yuan.
pub fn format_exact(f: &Figure, lang: Lang) -> String {
    let mut nf = NumberFormat::new(lang, f.kind);
    nf.notation = Notation::Full;
    nf.qualifier = f.qualifier;
    nf.measure = &f.unit.zh;
    nf.noun_en = &f.unit.en;
    nf.group_zh = true;
    nf.max_decimals = 6;
    format_number(f.value, &nf)
}

/// Axis labels in the newsroom's units: 5000万, 1.5亿 / 50 million.
fn tick_label(value: f64, kind: Kind, lang: Lang) -> String {
    let mut nf = NumberFormat::new(
        lang,
        if kind == Kind::Money {
            Kind::Money
        } else {
            Kind::Count
        },
    );
    nf.notation = Notation::Auto;
    if kind == Kind::Money && lang == Lang::Zh {
        nf.measure = "";
    }
    if lang == Lang::En && kind == Kind::Money {
        nf.noun_en = "";
    }
    let s = format_number(value, &nf);
    // A bare "0 yuan" tick reads oddly; the axis title carries the unit.
    s.trim_end_matches(" yuan").to_owned()
}

/// Text from the dataset in an element of its own: `dir="auto"` takes the direction of its
/// first strong character and isolates it, so an Arabic or Hebrew label reads right to left
/// and does not pull the number beside it into its own order.
fn data_text(e: Element, s: &str) -> Element {
    e.attr("dir", "auto").text(s)
}

fn aria_value(f: &Figure, lang: Lang, group_zh: bool) -> String {
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    format!(
        "{}{}{}",
        f.label.get(lang),
        sep,
        format_figure(f, lang, group_zh)
    )
}

/// One block of marks in a section, in the order they are drawn.
#[derive(Debug)]
pub enum Block<'a> {
    Cards(Vec<&'a Figure>),
    Bars {
        money: bool,
        figures: Vec<&'a Figure>,
    },
    Rings(Vec<&'a Figure>),
}

/// Counts and changes become cards; comparable counts (a shared `group`) and all amounts of
/// money become bars; shares become rings.
pub fn classify<'a>(section: &'a Section, skip: &[&str]) -> Vec<Block<'a>> {
    let figures: Vec<&Figure> = section
        .figures
        .iter()
        .filter(|f| !skip.contains(&f.id.as_str()))
        .collect();
    // Counted once up front: a section may hold tens of thousands of figures.
    let mut group_sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for f in figures.iter().filter(|f| f.kind == Kind::Count) {
        if let Some(g) = f.group.as_deref() {
            *group_sizes.entry(g).or_default() += 1;
        }
    }
    let mut cards = Vec::new();
    let mut rings = Vec::new();
    let mut money = Vec::new();
    let mut groups: Vec<Vec<&Figure>> = Vec::new();
    let mut group_index: BTreeMap<&str, usize> = BTreeMap::new();
    for &f in &figures {
        match f.kind {
            Kind::Share => rings.push(f),
            Kind::Money => money.push(f),
            Kind::Count => match f.group.as_deref() {
                Some(g) if group_sizes.get(g).copied().unwrap_or(0) >= 2 => {
                    let i = *group_index.entry(g).or_insert_with(|| {
                        groups.push(Vec::new());
                        groups.len() - 1
                    });
                    if let Some(list) = groups.get_mut(i) {
                        list.push(f);
                    }
                }
                _ => cards.push(f),
            },
            Kind::Change => cards.push(f),
        }
    }
    let mut blocks = Vec::new();
    if !cards.is_empty() {
        blocks.push(Block::Cards(cards));
    }
    for figures in groups {
        blocks.push(Block::Bars {
            money: false,
            figures,
        });
    }
    if !money.is_empty() {
        blocks.push(Block::Bars {
            money: true,
            figures: money,
        });
    }
    if !rings.is_empty() {
        blocks.push(Block::Rings(rings));
    }
    blocks
}

/// Ids of the figures the hero shows, so their section does not show them twice.
fn hero_ids(ds: &Dataset) -> Vec<&str> {
    ds.story.hero.as_ref().map_or(Vec::new(), |h| {
        [Some(&h.figure), h.increase.as_ref(), h.rate.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    })
}

/// The sections shown as tabs: every section with a figure the hero does not already show.
pub fn tab_sections(ds: &Dataset) -> Vec<&Section> {
    let skip = hero_ids(ds);
    ds.sections
        .iter()
        .filter(|s| s.figures.iter().any(|f| !skip.contains(&f.id.as_str())))
        .collect()
}

pub fn build(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let mut root = el("div")
        .class(if o.stacked() { "ri ri-stacked" } else { "ri" })
        .attr("lang", i18n::html_lang(lang));
    root = root.child(header(ds, o));
    if !o.static_page {
        root = root.child(controls(o));
    }
    if let Some(hero) = hero(ds, stats, o) {
        root = root.child(hero);
    }
    if o.table && !o.static_page {
        root = root.child(table(ds, stats, o));
    } else {
        root = root.children(sections(ds, stats, o));
        if o.static_page {
            root = root.child(table(ds, stats, o));
        }
    }
    root = root.child(footer(ds, o));
    if !o.static_page {
        root = root
            .child(
                el("div")
                    .class("ri-tooltip")
                    .attr("id", o.id("tooltip"))
                    .attr("role", "tooltip")
                    .attr("hidden", ""),
            )
            .child(
                el("div")
                    .class("ri-sr")
                    .attr("aria-live", "polite")
                    .attr("data-role", "live"),
            );
    }
    root.into()
}

fn header(ds: &Dataset, o: &ViewOptions) -> Element {
    let lang = o.lang;
    let story = &ds.story;
    let source_name = story.source.name.get(lang);
    let source: Node = match &story.source.url {
        Some(url) => el("a")
            .attr("href", url.as_str())
            .attr("rel", "noopener noreferrer")
            .attr("target", "_blank")
            .attr("dir", "auto")
            .text(source_name)
            .into(),
        None => text(source_name),
    };
    // Plain divs, not <header>/<footer>: placed straight in a page's <body>, those would be a
    // second banner and contentinfo landmark beside the page's own (axe landmark-no-duplicate-*).
    el("div")
        .class("ri-header")
        .child(el("p").class("ri-kicker").text(ui(lang, Ui::Kicker)))
        .child(
            el("h2")
                .class("ri-title")
                .attr("id", o.id("title"))
                .attr("dir", "auto")
                .text(story.title.get(lang)),
        )
        .child(data_text(el("p").class("ri-dek"), story.dek.get(lang)))
        .child(
            el("p")
                .class("ri-meta")
                .child(
                    el("time")
                        .attr("datetime", story.date.as_str())
                        .text(i18n::date(lang, &story.date)),
                )
                .text(" · ")
                .text(ui(lang, Ui::Source))
                .child(source),
        )
}

fn controls(o: &ViewOptions) -> Element {
    let lang = o.lang;
    let button = |action: &str, label: &str| {
        el("button")
            .attr("type", "button")
            .class("ri-button")
            .attr("data-action", action)
            .text(label)
    };
    el("div")
        .class("ri-controls")
        .attr("role", "toolbar")
        .attr("aria-label", ui(lang, Ui::Controls))
        .child(
            button("lang", ui(lang, Ui::SwitchLang))
                .attr("lang", if lang == Lang::Zh { "en" } else { "zh-CN" })
                .attr("aria-label", ui(lang, Ui::SwitchLangLabel)),
        )
        .child(
            button("table", ui(lang, Ui::Table))
                .attr("aria-pressed", if o.table { "true" } else { "false" }),
        )
        .child(button("csv", ui(lang, Ui::DownloadCsv)))
        .child(button("svg", ui(lang, Ui::DownloadSvg)))
}

fn hero(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Option<Element> {
    let lang = o.lang;
    let h = ds.story.hero.as_ref()?;
    let fig = ds.figure(&h.figure)?;
    // A group, not a region landmark: two widgets of one story on a page would repeat it.
    let mut section = el("section")
        .class("ri-hero")
        .attr("role", "group")
        .attr("aria-labelledby", o.id("hero-label"));
    section = section.child(
        el("p")
            .class("ri-hero-label")
            .attr("id", o.id("hero-label"))
            .attr("dir", "auto")
            .text(fig.label.get(lang)),
    );
    section = section.child(
        el("p")
            .class("ri-hero-value ri-mark")
            .attr("tabindex", "0")
            .attr("data-figure", fig.id.as_str())
            .attr("data-countup", "")
            .attr("aria-label", aria_value(fig, lang, o.group_zh))
            .text(format_figure(fig, lang, o.group_zh)),
    );
    // A list: flex items on the page, one line each in a fallback without the stylesheet.
    let mut change = el("ul").class("ri-hero-change");
    let mut any = false;
    for id in [h.increase.as_ref(), h.rate.as_ref()].into_iter().flatten() {
        if let Some(f) = ds.figure(id) {
            any = true;
            change = change.child(
                el("li")
                    .class("ri-mark ri-hero-delta")
                    .attr("tabindex", "0")
                    .attr("data-figure", f.id.as_str())
                    .attr("aria-label", aria_value(f, lang, o.group_zh))
                    .child(data_text(
                        el("span").class("ri-delta-label"),
                        f.label.get(lang),
                    ))
                    .text(" ")
                    .child(el("strong").text(format_figure(f, lang, o.group_zh))),
            );
        }
    }
    if any {
        section = section.child(change);
    }
    let previous = h.previous.as_ref().and_then(|id| stats.derived(id));
    if let Some(prev) = previous.filter(|p| p.value.is_some()) {
        let pv = prev.value.unwrap_or(0.0);
        let words = |lang: Lang| -> (Vec<String>, Vec<String>) {
            (
                vec![
                    prev.label.get(lang).to_owned(),
                    fig.label.get(lang).to_owned(),
                ],
                vec![
                    prev.formatted.get(lang).to_owned(),
                    format_figure(fig, lang, o.group_zh),
                ],
            )
        };
        let width = (o.width_px - FRAME_INSET_PX - HERO_INSET_PX).max(200.0);
        let (chart, labels, formatted) =
            bilingual_bars(width, &[pv, fig.value], fig.kind, lang, words);
        let mut g = svg_box(chart.width_px, chart.axis_y)
            .class("ri-hero-bars")
            .attr("role", "img")
            .attr(
                "aria-label",
                labels
                    .iter()
                    .zip(&formatted)
                    .map(|(l, v)| format!("{l}: {v}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        for (i, row) in chart.rows.iter().enumerate() {
            let class = if i == 0 {
                "ri-bar ri-bar-prev"
            } else {
                "ri-bar"
            };
            // This year's bar is last year's length plus the increase, drawn apart.
            let prev_w = chart.rows.first().map_or(0.0, |r| r.bar_w);
            let split = i == 1 && pv > 0.0 && fig.value > pv && row.bar_w > prev_w + 3.0;
            g = g.children(label_lines(&row.label_lines, row.bar_x, row.label_y));
            g = g.child(
                svg("rect")
                    .class(class)
                    .num("x", row.bar_x)
                    .num("y", row.bar_y)
                    .num("width", if split { prev_w } else { row.bar_w })
                    .num("height", row.bar_h),
            );
            if split {
                g = g.child(
                    svg("rect")
                        .class("ri-bar-inc")
                        // A 2 px gap sets it apart without relying on colour alone.
                        .num("x", row.bar_x + prev_w + 2.0)
                        .num("y", row.bar_y)
                        .num("width", (row.bar_w - prev_w - 2.0).max(1.0))
                        .num("height", row.bar_h),
                );
            }
            g = g.children(value_lines(row));
        }
        section = section.child(g);
        section = section.child(el("p").class("ri-formula").text(format!(
            "{}{}",
            ui(lang, Ui::Formula),
            prev.formula.get(lang)
        )));
    }
    for check in stats.checks_for(&fig.id) {
        section = section.child(check_note(check, lang));
    }
    Some(section)
}

fn check_note(check: &crate::stats::Check, lang: Lang) -> Element {
    if check.ok {
        el("p").class("ri-check ri-ok").text(format!(
            "{}{}",
            ui(lang, Ui::Consistent),
            check.message.get(lang)
        ))
    } else {
        el("p")
            .class("ri-check ri-warn")
            .attr("role", "note")
            .text(format!(
                "{}{}",
                ui(lang, Ui::Inconsistent),
                check.message.get(lang)
            ))
    }
}

fn value_lines(row: &geometry::BarRow) -> Vec<Node> {
    row.value_lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            svg("text")
                .class("ri-value")
                .num("x", row.value_x)
                .num("y", row.value_y + i as f64 * geometry::LINE_PX)
                .text(l.as_str())
                .into()
        })
        .collect()
}

fn label_lines(lines: &[String], x: f64, y: f64) -> Vec<Node> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            svg("text")
                .class("ri-label")
                .num("x", x)
                .num("y", y + i as f64 * 17.0)
                .text(l.as_str())
                .into()
        })
        .collect()
}

fn sections(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Vec<Node> {
    let lang = o.lang;
    let skip = hero_ids(ds);
    let tabs = tab_sections(ds);
    let selected = o.selected.min(tabs.len().saturating_sub(1));
    let mut out: Vec<Node> = Vec::new();
    if !o.stacked() {
        let mut list = el("div")
            .class("ri-tabs")
            .attr("role", "tablist")
            .attr("aria-label", ui(lang, Ui::Sections));
        for (i, s) in tabs.iter().enumerate() {
            let on = i == selected;
            list = list.child(
                el("button")
                    .attr("type", "button")
                    .class("ri-tab")
                    .attr("role", "tab")
                    .attr("id", o.id(&format!("tab-{}", s.id)))
                    .attr("aria-controls", o.id(&format!("panel-{}", s.id)))
                    .attr("aria-selected", if on { "true" } else { "false" })
                    .attr("tabindex", if on { "0" } else { "-1" })
                    .attr("data-tab", i.to_string())
                    .attr("dir", "auto")
                    .text(s.title.get(lang)),
            );
        }
        out.push(list.into());
    }
    for (i, s) in tabs.iter().enumerate() {
        let mut panel = if o.stacked() {
            // A group, not a landmark: a named <section> would be a region landmark, and two
            // widgets with the same section titles on one page would repeat landmarks (axe
            // landmark-unique).
            el("section")
                .class("ri-panel")
                .attr("role", "group")
                .attr("aria-labelledby", o.id(&format!("h-{}", s.id)))
                .child(
                    el("h3")
                        .class("ri-panel-title")
                        .attr("id", o.id(&format!("h-{}", s.id)))
                        .attr("dir", "auto")
                        .text(s.title.get(lang)),
                )
        } else {
            el("div")
                .class("ri-panel")
                .attr("role", "tabpanel")
                .attr("id", o.id(&format!("panel-{}", s.id)))
                .attr("aria-labelledby", o.id(&format!("tab-{}", s.id)))
                .attr("tabindex", "0")
                .attr_if(i != selected, "hidden", "")
        };
        for (b, block) in classify(s, &skip).into_iter().enumerate() {
            panel = panel.child(match block {
                Block::Cards(figs) => cards(&figs, stats, o),
                Block::Bars { money, figures } if figures.len() > OVERVIEW_ABOVE => {
                    overview_chart(&figures, money, stats, o, &format!("{i}/{b}"))
                }
                Block::Bars { money, figures } => bars(&figures, money, stats, o),
                Block::Rings(figs) => rings(&figs, stats, o),
            });
        }
        out.push(panel.into());
    }
    out
}

fn warnings_for(stats: &Stats, id: &str, lang: Lang) -> Vec<Node> {
    stats
        .checks_for(id)
        .filter(|c| !c.ok)
        .map(|c| check_note(c, lang).into())
        .collect()
}

fn mark_class(base: &str, stats: &Stats, id: &str) -> String {
    if stats.checks_for(id).any(|c| !c.ok) {
        format!("{base} ri-mark ri-has-warn")
    } else {
        format!("{base} ri-mark")
    }
}

fn term_line(f: &Figure, lang: Lang) -> Option<Element> {
    let t = f.term.as_ref()?;
    // A label that already names the term (“一办九组”) needs no second line saying it.
    if f.label.get(lang).contains(t.get(lang)) {
        return None;
    }
    let shown = if lang == Lang::Zh {
        format!("“{}”", t.zh)
    } else {
        t.en.clone()
    };
    Some(data_text(el("span").class("ri-term"), &shown))
}

fn cards(figs: &[&Figure], stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let mut list = el("ul").class("ri-cards");
    for f in figs {
        let mut card = el("li")
            .class(mark_class("ri-card", stats, &f.id))
            .attr("tabindex", "0")
            .attr("data-figure", f.id.as_str())
            .attr("aria-label", aria_value(f, lang, o.group_zh))
            .child(
                el("span")
                    .class("ri-card-value")
                    .text(format_figure(f, lang, o.group_zh)),
            )
            .child(data_text(
                el("span").class("ri-card-label"),
                f.label.get(lang),
            ));
        if let Some(t) = term_line(f, lang) {
            card = card.child(t);
        }
        card = card.children(warnings_for(stats, &f.id, lang));
        list = list.child(card);
    }
    list.into()
}

fn bars(figs: &[&Figure], money: bool, stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let values: Vec<f64> = figs.iter().map(|f| f.value).collect();
    let kind = if money { Kind::Money } else { Kind::Count };
    let words = |lang: Lang| -> (Vec<String>, Vec<String>) {
        (
            figs.iter().map(|f| f.label.get(lang).to_owned()).collect(),
            figs.iter()
                .map(|f| format_figure(f, lang, o.group_zh))
                .collect(),
        )
    };
    // Laid out for the space inside the widget's padding, so text keeps its size.
    let width = (o.width_px - FRAME_INSET_PX).max(200.0);
    let (chart, _, _) = bilingual_bars(width, &values, kind, lang, words);
    let title_text = chart_title(money, lang);
    let mut g = svg_box(chart.width_px, chart.height_px)
        .class("ri-chart")
        .attr("role", "group")
        .attr("aria-label", title_text.as_str());
    for (row, f) in chart.rows.iter().zip(figs) {
        let warn = warned(stats, &f.id);
        let mut mark = svg("g")
            .class(mark_class("ri-bar-row", stats, &f.id))
            .attr("tabindex", "0")
            .attr("role", "img")
            .attr("data-figure", f.id.as_str())
            .attr("aria-label", aria_value(f, lang, o.group_zh))
            .child(
                svg("rect")
                    .class("ri-hit")
                    .num("x", row.hit.x)
                    .num("y", row.hit.y)
                    .num("width", row.hit.w)
                    .num("height", row.hit.h)
                    .attr("rx", "4"),
            );
        mark = mark.children(label_lines(&row.label_lines, row.bar_x, row.label_y));
        mark = mark.child(
            svg("rect")
                .class(if warn { "ri-bar ri-bar-warn" } else { "ri-bar" })
                .num("x", row.bar_x)
                .num("y", row.bar_y)
                .num("width", row.bar_w)
                .num("height", row.bar_h),
        );
        mark = mark.children(value_lines(row));
        g = g.child(mark);
    }
    let mut axis = svg("g").class("ri-axis").attr("aria-hidden", "true").child(
        svg("line")
            .num("x1", chart.plot_x)
            .num("x2", chart.plot_x + chart.plot_w)
            .num("y1", chart.axis_y)
            .num("y2", chart.axis_y),
    );
    for t in &chart.ticks {
        axis = axis
            .child(
                svg("line")
                    .num("x1", t.x)
                    .num("x2", t.x)
                    .num("y1", chart.axis_y)
                    .num("y2", chart.axis_y + 4.0),
            )
            .child(
                svg("text")
                    .num("x", t.x)
                    .num("y", chart.axis_y + 15.0)
                    .attr("text-anchor", t.anchor)
                    .text(tick_label(t.value, kind, lang)),
            );
    }
    g = g.child(axis);
    let mut fig = el("figure")
        .class("ri-figure")
        .child(el("figcaption").class("ri-caption").text(title_text))
        .child(g);
    for f in figs {
        fig = fig.children(warnings_for(stats, &f.id, lang));
    }
    fig.into()
}

/// An `<svg>` of `width` × `height` px with the matching viewBox.
fn svg_box(width: f64, height: f64) -> Element {
    svg("svg")
        .attr(
            "viewBox",
            format!("0 0 {} {}", node::fmt_coord(width), node::fmt_coord(height)),
        )
        .num("width", width)
        .num("height", height)
}

/// A bar chart laid out for the words of both languages (`words(lang)`: labels and formatted
/// values), so a language switch moves nothing; with the shown language's words.
fn bilingual_bars(
    width: f64,
    values: &[f64],
    kind: Kind,
    lang: Lang,
    words: impl Fn(Lang) -> (Vec<String>, Vec<String>),
) -> (geometry::BarChart, Vec<String>, Vec<String>) {
    let (labels, formatted) = words(lang);
    let (labels_alt, formatted_alt) = words(lang.other());
    let ticks = |v| tick_label(v, kind, lang);
    let ticks_alt = |v| tick_label(v, kind, lang.other());
    let chart = bar_chart_sized(
        width,
        values,
        &ChartText {
            labels: &labels,
            formatted: &formatted,
            tick_label: &ticks,
        },
        Some(&ChartText {
            labels: &labels_alt,
            formatted: &formatted_alt,
            tick_label: &ticks_alt,
        }),
    );
    (chart, labels, formatted)
}

fn chart_title(money: bool, lang: Lang) -> String {
    let title = ui(
        lang,
        if money {
            Ui::AmountsCompared
        } else {
            Ui::CountsCompared
        },
    );
    if money && lang == Lang::Zh {
        format!("{title}（元）")
    } else if money {
        format!("{title} (yuan)")
    } else {
        title.to_owned()
    }
}

/// Whether any check on figure `id` fails.
fn warned(stats: &Stats, id: &str) -> bool {
    stats.checks_for(id).any(|c| !c.ok)
}

/// The layout of an overview chart, for the chart itself and for the widget's pointer and keys.
pub fn overview_layout(values: &[f64], money: bool, o: &ViewOptions) -> geometry::Overview {
    let kind = if money { Kind::Money } else { Kind::Count };
    let width = (o.width_px - FRAME_INSET_PX).max(200.0);
    // Room for the axis labels of both languages, so a switch moves nothing.
    let widest = |v: f64| {
        let (a, b) = (
            tick_label(v, kind, o.lang),
            tick_label(v, kind, o.lang.other()),
        );
        let w = |s: &str| geometry::text_width_px(s, geometry::TICK_FONT_PX);
        if w(&a) >= w(&b) {
            a
        } else {
            b
        }
    };
    geometry::overview(width, values, &widest)
}

/// A chart of more bars than rows can show: every figure a column, in one path (a second for
/// figures whose checks fail), one focusable chart. Arrow keys and the pointer pick a figure
/// (the widget draws the pick, shows its tooltip and announces it); the table lists them all.
fn overview_chart(
    figs: &[&Figure],
    money: bool,
    stats: &Stats,
    o: &ViewOptions,
    key: &str,
) -> Node {
    let lang = o.lang;
    let kind = if money { Kind::Money } else { Kind::Count };
    let values: Vec<f64> = figs.iter().map(|f| f.value).collect();
    let ov = overview_layout(&values, money, o);
    // Most datasets have no failing check: then no figure needs looking up.
    let any_warn = stats.warnings().next().is_some();
    let warn: Vec<bool> = figs
        .iter()
        .map(|f| any_warn && warned(stats, &f.id))
        .collect();
    let title_text = chart_title(money, lang);
    let count = crate::format::format_plain(figs.len() as f64, 0, lang == Lang::En);
    // A static page has no keys to offer; its table follows the charts.
    let hint = match (lang, o.static_page) {
        (Lang::Zh, false) => format!("{title_text}：共{count}项，每项一根柱。用方向键逐项读数，表格列出全部数据。"),
        (Lang::Zh, true) => format!("{title_text}：共{count}项，每项一根柱。下方表格列出全部数据。"),
        (Lang::En, false) => format!(
            "{title_text}: {count} figures, one column each. Arrow keys read them one by one; the table lists them all."
        ),
        (Lang::En, true) => format!(
            "{title_text}: {count} figures, one column each; the table below lists them all."
        ),
    };
    let mut grid = svg("g").class("ri-axis").attr("aria-hidden", "true");
    for &(y, v) in &ov.ticks {
        grid = grid
            .child(
                svg("line")
                    .num("x1", ov.plot_x)
                    .num("x2", ov.plot_x + ov.plot_w)
                    .num("y1", y)
                    .num("y2", y),
            )
            .child(
                svg("text")
                    .num("x", ov.plot_x - 6.0)
                    .num("y", y + 4.0)
                    .attr("text-anchor", "end")
                    .text(tick_label(v, kind, lang)),
            );
    }
    let mut chart = svg_box(ov.width_px, ov.height_px)
        .class("ri-chart ri-overview")
        .attr("role", "img")
        .attr_if(!o.static_page, "tabindex", "0")
        .attr_if(!o.static_page, "data-overview", key)
        .attr("aria-label", hint.as_str())
        .child(grid)
        .child(
            svg("path")
                .class("ri-bar")
                .attr("d", ov.path(&values, &|i| !warn[i])),
        );
    if warn.iter().any(|&w| w) {
        chart = chart.child(
            svg("path")
                .class("ri-bar ri-bar-warn")
                .attr("d", ov.path(&values, &|i| warn[i])),
        );
    }
    // The pick: placed by the widget (outside the diffed tree), empty until then.
    if !o.static_page {
        chart = chart.child(
            svg("rect")
                .class("ri-cursor")
                .attr("width", "0")
                .attr("height", "0"),
        );
    }
    let mut fig = el("figure")
        .class("ri-figure")
        .child(el("figcaption").class("ri-caption").text(title_text))
        .child(chart);
    for f in figs.iter().filter(|_| any_warn) {
        fig = fig.children(warnings_for(stats, &f.id, lang));
    }
    fig.into()
}

/// The figures of the overview chart `key` ("section/block", as in `data-overview`).
pub fn overview_figures<'a>(ds: &'a Dataset, key: &str) -> Option<(Vec<&'a Figure>, bool)> {
    let (s, b) = key.split_once('/')?;
    let (s, b): (usize, usize) = (s.parse().ok()?, b.parse().ok()?);
    let section = *tab_sections(ds).get(s)?;
    match classify(section, &hero_ids(ds)).into_iter().nth(b)? {
        Block::Bars { money, figures } if figures.len() > OVERVIEW_ABOVE => Some((figures, money)),
        _ => None,
    }
}

fn rings(figs: &[&Figure], stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let mut list = el("ul").class("ri-rings");
    for f in figs {
        let share = f.value / 100.0;
        let value = format_figure(f, lang, o.group_zh);
        let mut ring = svg("svg")
            .class("ri-ring")
            .attr("viewBox", "0 0 96 96")
            .attr("width", "96")
            .attr("height", "96")
            .attr("aria-hidden", "true")
            .child(
                svg("circle")
                    .class("ri-ring-track")
                    .attr("cx", "48")
                    .attr("cy", "48")
                    .attr("r", "42"),
            );
        let arc = ring_arc(48.0, 48.0, 42.0, share);
        if !arc.is_empty() {
            ring = ring.child(svg("path").class("ri-ring-arc").attr("d", arc));
        }
        let wording = f.wording.as_ref().map(|w| w.get(lang).to_owned());
        let mut item = el("li")
            .class(mark_class("ri-ring-card", stats, &f.id))
            .attr("tabindex", "0")
            .attr("data-figure", f.id.as_str())
            .attr("aria-label", aria_value(f, lang, o.group_zh))
            .child(
                el("span")
                    .class("ri-ring-box")
                    .child(ring)
                    .child(el("span").class("ri-ring-value").text(value)),
            )
            .child(data_text(
                el("span").class("ri-card-label"),
                f.label.get(lang),
            ));
        if let Some(w) = wording {
            item = item.child(data_text(el("span").class("ri-term"), &w));
        }
        if let Some(t) = term_line(f, lang) {
            item = item.child(t);
        }
        item = item.children(warnings_for(stats, &f.id, lang));
        list = list.child(item);
    }
    list.into()
}

/// What a reader sees on hover, tap or focus of a mark: exact value, unit, derived figures,
/// checks and the sentence of the article.
pub fn tooltip(
    ds: &Dataset,
    stats: &Stats,
    figure_id: &str,
    lang: Lang,
    group_zh: bool,
) -> Option<Node> {
    let f = ds.figure(figure_id)?;
    let mut tip = el("div")
        .class("ri-tip")
        .child(data_text(el("p").class("ri-tip-title"), f.label.get(lang)))
        .child(
            el("p")
                .class("ri-tip-value")
                .text(format_figure(f, lang, group_zh)),
        );
    let exact = format_exact(f, lang);
    // Thousands separators alone are no news: "16,317元" adds nothing to "16317元".
    if exact.replace(',', "") != format_figure(f, lang, group_zh).replace(',', "") {
        tip = tip.child(el("p").class("ri-tip-exact").text(format!(
            "{}{}",
            ui(lang, Ui::Exact),
            exact
        )));
    }
    if let Some(t) = &f.term {
        tip = tip.child(el("p").class("ri-tip-term").text(format!(
            "{}{}",
            ui(lang, Ui::Term),
            t.get(lang)
        )));
    }
    for d in stats.derived_for(&f.id) {
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        tip = tip.child(el("p").class("ri-tip-derived").text(format!(
            "{} · {}{}{} ({})",
            ui(lang, Ui::Derived),
            d.label.get(lang),
            sep,
            d.formatted.get(lang),
            d.formula.get(lang)
        )));
    }
    for c in stats.checks_for(&f.id) {
        tip = tip.child(check_note(c, lang));
    }
    if let Some(n) = &f.note {
        tip = tip.child(data_text(el("p").class("ri-tip-note"), n.get(lang)));
    }
    tip = tip.child(
        el("p")
            .class("ri-tip-source")
            .attr("lang", "zh-CN")
            .text(format!("{}“{}”", ui(lang, Ui::FromArticle), f.source)),
    );
    Some(tip.into())
}

/// The sentence the live region reads when a mark takes focus.
pub fn announcement(ds: &Dataset, figure_id: &str, lang: Lang, group_zh: bool) -> Option<String> {
    ds.figure(figure_id).map(|f| aria_value(f, lang, group_zh))
}

/// The data table: every figure, then every derived figure; the accessible equivalent of the charts.
pub fn table(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let head = el("thead").child(
        el("tr")
            .child(el("th").attr("scope", "col").text(ui(lang, Ui::Section)))
            .child(el("th").attr("scope", "col").text(ui(lang, Ui::Figure)))
            .child(el("th").attr("scope", "col").text(ui(lang, Ui::Value))),
    );
    let mut body = el("tbody");
    for s in &ds.sections {
        for f in &s.figures {
            body = body.child(
                el("tr")
                    .attr("data-figure", f.id.as_str())
                    .child(data_text(el("td"), s.title.get(lang)))
                    .child(data_text(el("th").attr("scope", "row"), f.label.get(lang)))
                    .child(
                        el("td")
                            .class("ri-num")
                            .text(format_figure(f, lang, o.group_zh)),
                    ),
            );
        }
    }
    for d in &stats.derived {
        body = body.child(
            el("tr")
                .class("ri-derived-row")
                .child(el("td").text(ui(lang, Ui::Derived)))
                .child(data_text(el("th").attr("scope", "row"), d.label.get(lang)))
                .child(el("td").class("ri-num").text(format!(
                    "{} ({})",
                    d.formatted.get(lang),
                    d.formula.get(lang)
                ))),
        );
    }
    el("div")
        .class("ri-table-wrap")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", ds.story.title.get(lang))
        .child(
            el("table")
                .class("ri-table")
                .child(el("caption").text(ds.story.title.get(lang)))
                .child(head)
                .child(body),
        )
        .into()
}

fn footer(ds: &Dataset, o: &ViewOptions) -> Element {
    let lang = o.lang;
    let story = &ds.story;
    let mut source = el("p")
        .class("ri-source")
        .text(ui(lang, Ui::Source))
        .text(story.source.name.get(lang));
    if let Some(editor) = &story.source.editor {
        source = source
            .text(" · ")
            .text(ui(lang, Ui::Editor))
            .text(editor.get(lang));
    }
    let mut foot = el("div").class("ri-footer").child(source);
    if !story.notes.is_empty() {
        let mut notes = el("ul")
            .class("ri-notes")
            .attr("aria-label", ui(lang, Ui::Notes));
        for n in &story.notes {
            notes = notes.child(data_text(el("li"), n.get(lang)));
        }
        foot = foot.child(notes);
    }
    if !o.static_page {
        foot = foot.child(
            el("p").child(
                el("button")
                    .attr("type", "button")
                    .class("ri-link")
                    .attr("data-action", "csv")
                    .text(ui(lang, Ui::Data)),
            ),
        );
    }
    foot
}

/// What a bad dataset shows instead of the graphic: the problems, as text, with their paths.
pub fn error_panel(errors: &[crate::dataset::ValidationError], lang: Lang) -> Node {
    let mut list = el("ul").class("ri-errors");
    for e in errors.iter().take(50) {
        let path = if e.path.is_empty() {
            "dataset"
        } else {
            e.path.as_str()
        };
        list = list.child(
            el("li")
                .child(el("code").text(path))
                .text(": ")
                .text(e.message.as_str()),
        );
    }
    if errors.len() > 50 {
        list = list.child(el("li").text(format!("… (+{})", errors.len() - 50)));
    }
    el("div")
        .class("ri ri-error-panel")
        .attr("role", "alert")
        .attr("lang", i18n::html_lang(lang))
        .child(
            el("p")
                .class("ri-error-title")
                .text(ui(lang, Ui::ErrorTitle)),
        )
        .child(el("p").text(ui(lang, Ui::ErrorHelp)))
        .child(list)
        .into()
}

/// Qualifier words for the CSV, which keeps figures as plain numbers.
pub fn qualifier_name(q: Qualifier) -> &'static str {
    q.as_str()
}
