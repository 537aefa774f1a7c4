//! (dataset, stats, options) -> a detached tree of elements: the whole infographic, its tooltips, table, error panel and exports; no DOM calls.
//!
//! Stages: classify each section's figures into marks (cards, bars, rings), lay out the marks
//! for the width (`geometry`), then build nodes. The DOM back end (`crate::dom`) and the HTML
//! writer (`html`) both consume the result.
//!
//! One file per room: `chrome` (header, controls, footer, error panel), `hero`, `bars` (bar
//! charts and the overview chart), `cards` (cards and rings), `tooltip`, `table`; this file holds
//! the options, the classification of figures into marks, the pipeline and the helpers they share.

pub mod describe;
pub mod export;
pub mod geometry;
pub mod html;
pub mod i18n;
pub mod node;
pub mod png;

mod bars;
mod cards;
mod chrome;
mod hero;
mod table;
mod tooltip;

pub use bars::{overview_figures, overview_layout};
pub use chrome::error_panel;
pub use table::table;
pub use tooltip::{announcement, tooltip};

use crate::dataset::{Dataset, Figure, Section};
use crate::format::{format_number, Kind, Lang, Notation, NumberFormat};
use crate::stats::{Derived, Stats};
use bars::{bars, overview_chart};
use cards::{cards, rings};
use chrome::{controls, footer, header};
use geometry::OVERVIEW_ABOVE;
use hero::hero;
use i18n::{ui, Ui};
use node::{el, svg, Element, Node};

/// Below this width the sections stack instead of showing as tabs.
pub const STACK_BELOW_PX: f64 = 480.0;
/// The widget's padding and border on both sides (see infographic.css: `.ri`).
const FRAME_INSET_PX: f64 = 34.0;
/// The column a static page's charts are laid out for: a phone's.
const STATIC_CHART_PX: f64 = 360.0;

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
    /// A line the controls show: why the image could not be saved.
    pub notice: Option<i18n::Ui>,
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
            notice: None,
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

/// Text from the dataset in an element of its own: `dir="auto"` takes the direction of its
/// first strong character and isolates it, so an Arabic or Hebrew label reads right to left
/// and does not pull the number beside it into its own order.
fn data_text(e: Element, s: &str) -> Element {
    e.attr("dir", "auto").text(s)
}

fn aria_value(f: &Figure, lang: Lang, group_zh: bool) -> String {
    labelled(f.label.get(lang), &format_figure(f, lang, group_zh), lang)
}

/// A derived figure's accessible name: "上年人均纯收入(推算)：14645元".
fn derived_aria(d: &Derived, lang: Lang) -> String {
    labelled(d.label.get(lang), d.formatted.get(lang), lang)
}

fn labelled(label: &str, value: &str, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    format!("{label}{sep}{value}")
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
    let mut group_sizes = crate::idmap::IdMap::new();
    for f in figures.iter().filter(|f| f.kind == Kind::Count) {
        if let Some(g) = f.group.as_deref() {
            group_sizes.entry(g, (0, 0)).0 += 1;
        }
    }
    let mut cards = Vec::new();
    let mut rings = Vec::new();
    let mut money = Vec::new();
    let mut groups: Vec<Vec<&Figure>> = Vec::new();
    let mut group_index = crate::idmap::IdMap::new();
    for &f in &figures {
        match f.kind {
            Kind::Share => rings.push(f),
            Kind::Money => money.push(f),
            Kind::Count => match f.group.as_deref() {
                Some(g) if group_sizes.get(g).map_or(0, |n| n.0) >= 2 => {
                    let next = groups.len();
                    let i = group_index.entry(g, (next, 0)).0;
                    if i == next {
                        groups.push(Vec::new());
                    }
                    if let Some(list) = groups.get_mut(i) {
                        list.push(f);
                    }
                }
                _ => cards.push(f),
            },
            Kind::Change | Kind::Points | Kind::Measure => cards.push(f),
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
    // The graphic is a figure named by its title and described in words from its figures
    // (`describe`): a paragraph the static page opens with, hidden in the widget.
    let mut root = el("div")
        .class(if o.stacked() { "ri ri-stacked" } else { "ri" })
        .attr("lang", i18n::html_lang(lang))
        .attr("role", "figure")
        .attr("aria-labelledby", o.id("title"))
        .attr("aria-describedby", o.id("desc"));
    root = root.child(header(ds, o));
    root = root.child(
        el("p")
            .class("ri-summary")
            .attr("id", o.id("desc"))
            .attr_if(!o.static_page, "hidden", "")
            .text(describe::describe_graphic(ds, stats, lang, o.group_zh)),
    );
    if !o.static_page {
        root = root.children(controls(ds, o));
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
        let desc_id = o.id(&format!("desc-{}", s.id));
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
        // A static page shows every section whole, and hidden text would show in a reader
        // that ignores `hidden`: only the widget describes its panels.
        if !o.static_page {
            panel = panel.attr("aria-describedby", desc_id.as_str()).child(
                el("p")
                    .attr("id", desc_id)
                    .attr("hidden", "")
                    .text(describe::describe_section(ds, stats, s, lang, o.group_zh)),
            );
        }
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

fn warnings_for(stats: &Stats, id: &str, lang: Lang) -> Vec<Node> {
    stats
        .checks_for(id)
        .filter(|c| !c.ok)
        .map(|c| check_note(c, lang).into())
        .collect()
}

/// Whether any check on figure `id` fails.
fn warned(stats: &Stats, id: &str) -> bool {
    stats.checks_for(id).any(|c| !c.ok)
}

fn mark_class(base: &str, stats: &Stats, id: &str) -> String {
    if warned(stats, id) {
        format!("{base} ri-mark ri-has-warn")
    } else {
        format!("{base} ri-mark")
    }
}

/// An `<svg>` of `width` × `height` px with the matching viewBox. On a static page no
/// stylesheet says `max-width: 100%`: there it is as wide as its column and `height` tall, and
/// `meet` draws the chart at its size in a wider column and scales it down in a narrower one.
/// Its text takes the page's colour and the widget's sizes, which the widget's CSS overrides.
fn svg_box(width: f64, height: f64, o: &ViewOptions) -> Element {
    let b = svg("svg")
        .attr(
            "viewBox",
            format!("0 0 {} {}", node::fmt_coord(width), node::fmt_coord(height)),
        )
        .attr("fill", "currentColor")
        .attr("font-size", "13");
    if o.static_page {
        b.attr("width", "100%")
            .num("height", height)
            .attr("preserveAspectRatio", "xMinYMin meet")
    } else {
        b.num("width", width).num("height", height)
    }
}

/// The width a chart is laid out for inside `inset` px of padding. A static page's charts are
/// laid out for a phone's column (`STATIC_CHART_PX`), so that no reader sees them shrunk.
fn chart_width(o: &ViewOptions, inset: f64) -> f64 {
    let column = if o.static_page {
        o.width_px.min(STATIC_CHART_PX)
    } else {
        o.width_px
    };
    (column - inset).max(200.0)
}

/// A chart with its caption: a `<figure>` in the widget; a `<div>` on a static page, where no
/// stylesheet takes away a figure's 40 px margins.
fn chart_figure(o: &ViewOptions, caption: String) -> Element {
    if o.static_page {
        el("div")
            .class("ri-figure")
            .child(el("p").class("ri-caption").text(caption))
    } else {
        el("figure")
            .class("ri-figure")
            .child(el("figcaption").class("ri-caption").text(caption))
    }
}

/// Where `needle` first occurs in `hay`, in bytes; `Some(0)` for an empty needle. A plain
/// search of the bytes (UTF-8 keeps a character's bytes from matching inside another's), used
/// instead of `str::find`/`contains`/`split_once` with a `&str`: std's substring searcher
/// carries a slicing panic whose message prints a `char` with `Debug`, and that alone keeps
/// `core::fmt`'s escaping and the Unicode tables in the reader's wasm.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

/// Colours as SVG presentation attributes (`fill="…"`, which a strict CSP allows): how marks
/// look where the widget's stylesheet is not, in the static fallback; the stylesheet's rules
/// override every one of them in the widget.
pub mod paint {
    pub const BAR: &str = "#0072b2";
    pub const BAR_PREV: &str = "#7b8794";
    pub const BAR_INC: &str = "#c47a00";
    pub const WARN: &str = "#a33b00";
    pub const RING: &str = "#009e73";
    pub const RING_TRACK: &str = "#c9ced6";
    pub const LINE: &str = "#9a9aa6";
}

#[cfg(test)]
mod tests {
    use super::find_str;

    #[test]
    fn find_str_finds_what_str_find_finds() {
        for (hay, needle) in [
            ("data:image/png;base64,iVBOR", ";base64,"),
            ("一办九组", "九组"),
            ("“一办九组”工作机制", "一办九组"),
            ("abc", ""),
            ("", ""),
            ("", "a"),
            ("aaab", "ab"),
            ("九组", "组九"),
            ("ab", "abc"),
        ] {
            assert_eq!(
                find_str(hay, needle),
                hay.find(needle),
                "{hay:?} / {needle:?}"
            );
        }
    }
}
