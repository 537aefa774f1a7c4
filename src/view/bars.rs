//! Bar charts of comparable counts and amounts, and the overview chart that replaces them past `OVERVIEW_ABOVE` bars; layout comes from `geometry`, no DOM calls.

use super::geometry::{self, bar_chart_sized, ChartText, OVERVIEW_ABOVE};
use super::i18n::{ui, Ui};
use super::node::{svg, Element, Node};
use super::{
    aria_value, chart_figure, chart_width, classify, format_figure, hero_ids, mark_class, paint,
    svg_box, tab_sections, warned, warnings_for, Block, ViewOptions, FRAME_INSET_PX,
};
use crate::dataset::{Dataset, Figure};
use crate::format::{format_number, Kind, Lang, Notation, NumberFormat};
use crate::stats::Stats;

pub(super) fn bars(figs: &[&Figure], money: bool, stats: &Stats, o: &ViewOptions) -> Node {
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
    let width = chart_width(o, FRAME_INSET_PX);
    let (chart, _, _) = bilingual_bars(width, &values, kind, lang, words);
    let title_text = chart_title(money, lang);
    let mut g = svg_box(chart.width_px, chart.height_px, o)
        .class("ri-chart")
        .attr("role", "group")
        .attr("aria-label", title_text.as_str());
    for (row, f) in chart.rows.iter().zip(figs) {
        let warn = warned(stats, &f.id);
        let mut mark = row_mark(
            &mark_class("ri-bar-row", stats, &f.id),
            &f.id,
            aria_value(f, lang, o.group_zh),
            row,
        );
        mark = mark.child(
            svg("rect")
                .class(if warn { "ri-bar ri-bar-warn" } else { "ri-bar" })
                .num("x", row.bar_x)
                .num("y", row.bar_y)
                .num("width", row.bar_w)
                .num("height", row.bar_h)
                .attr("fill", if warn { paint::WARN } else { paint::BAR }),
        );
        mark = mark.children(value_lines(row));
        g = g.child(mark);
    }
    let mut axis = axis_group().child(
        axis_line()
            .num("x1", chart.plot_x)
            .num("x2", chart.plot_x + chart.plot_w)
            .num("y1", chart.axis_y)
            .num("y2", chart.axis_y),
    );
    for t in &chart.ticks {
        axis = axis
            .child(
                axis_line()
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
    let mut fig = chart_figure(o, title_text).child(g);
    for f in figs {
        fig = fig.children(warnings_for(stats, &f.id, lang));
    }
    fig.into()
}

/// A chart of more bars than rows can show: every figure a column, in one path (a second for
/// figures whose checks fail), one focusable chart. Arrow keys and the pointer pick a figure
/// (the widget draws the pick, shows its tooltip and announces it); the table lists them all.
pub(super) fn overview_chart(
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
    let mut grid = axis_group();
    for &(y, v) in &ov.ticks {
        grid = grid
            .child(
                axis_line()
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
    let mut chart = svg_box(ov.width_px, ov.height_px, o)
        .class("ri-chart ri-overview")
        .attr("role", "img")
        .attr_if(!o.static_page, "tabindex", "0")
        .attr_if(!o.static_page, "data-overview", key)
        .attr("aria-label", hint.as_str())
        .child(grid)
        .child(
            svg("path")
                .class("ri-bar")
                .attr("fill", paint::BAR)
                .attr("d", ov.path(&values, &|i| !warn[i])),
        );
    if warn.iter().any(|&w| w) {
        chart = chart.child(
            svg("path")
                .class("ri-bar ri-bar-warn")
                .attr("fill", paint::WARN)
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
    let mut fig = chart_figure(o, title_text).child(chart);
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

/// The layout of an overview chart, for the chart itself and for the widget's pointer and keys.
pub fn overview_layout(values: &[f64], money: bool, o: &ViewOptions) -> geometry::Overview {
    let kind = if money { Kind::Money } else { Kind::Count };
    let width = chart_width(o, FRAME_INSET_PX);
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

/// A bar chart laid out for the words of both languages (`words(lang)`: labels and formatted
/// values), so a language switch moves nothing; with the shown language's words.
pub(super) fn bilingual_bars(
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

pub(super) fn value_lines(row: &geometry::BarRow) -> Vec<Node> {
    row.value_lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            svg("text")
                .class("ri-value")
                .attr("font-weight", "700")
                .num("x", row.value_x)
                .num("y", row.value_y + i as f64 * geometry::LINE_PX)
                .text(l.as_str())
                .into()
        })
        .collect()
}

pub(super) fn label_lines(lines: &[String], x: f64, y: f64) -> Vec<Node> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            svg("text")
                .class("ri-label")
                .num("x", x)
                .num("y", y + i as f64 * geometry::LINE_PX)
                .text(l.as_str())
                .into()
        })
        .collect()
}

/// An axis group; its labels' size for where no stylesheet gives it.
fn axis_group() -> Element {
    svg("g")
        .class("ri-axis")
        .attr("aria-hidden", "true")
        .attr("font-size", "11")
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
    s.strip_suffix(" yuan").unwrap_or(&s).to_owned()
}

/// An axis or grid line, visible where no stylesheet gives it a stroke.
fn axis_line() -> Element {
    svg("line").attr("stroke", paint::LINE)
}

/// A bar row's mark: the focusable group a tooltip and `select` answer to, its hit area (no
/// paint: without CSS it must not draw) and its label lines; the caller adds bar and value.
pub(super) fn row_mark(
    class: &str,
    id: &str,
    aria_label: impl Into<String>,
    row: &geometry::BarRow,
) -> Element {
    svg("g")
        .class(class)
        .attr("tabindex", "0")
        .attr("role", "img")
        .attr("data-figure", id)
        .attr("aria-label", aria_label)
        .child(
            svg("rect")
                .class("ri-hit")
                .num("x", row.hit.x)
                .num("y", row.hit.y)
                .num("width", row.hit.w)
                .num("height", row.hit.h)
                .attr("rx", "4")
                .attr("fill", "none"),
        )
        .children(label_lines(&row.label_lines, row.bar_x, row.label_y))
}
