//! The hero: the story's headline figure, its increase and rate, and last year's bar beside this year's; no DOM calls.

use super::bars::{bilingual_bars, row_mark, value_lines};
use super::i18n::{ui, Ui};
use super::node::{el, svg, Element};
use super::{
    aria_value, chart_width, check_note, data_text, derived_aria, format_figure, paint, svg_box,
    warned, ViewOptions, FRAME_INSET_PX,
};
use crate::dataset::Dataset;
use crate::format::Lang;
use crate::stats::Stats;

/// The hero box's own padding on both sides (`.ri-hero`).
const HERO_INSET_PX: f64 = 32.0;

pub(super) fn hero(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Option<Element> {
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
        let width = chart_width(o, FRAME_INSET_PX + HERO_INSET_PX);
        let (chart, _, _) = bilingual_bars(width, &[pv, fig.value], fig.kind, lang, words);
        // A group of two marks, each with its own tooltip: last year's (derived) and this year's.
        let mut g = svg_box(chart.width_px, chart.axis_y, o)
            .class("ri-hero-bars")
            .attr("role", "group")
            .attr("aria-label", fig.label.get(lang));
        let prev_w = chart.rows.first().map_or(0.0, |r| r.bar_w);
        let marks = [
            (prev.id.as_str(), derived_aria(prev, lang), false),
            (
                fig.id.as_str(),
                aria_value(fig, lang, o.group_zh),
                warned(stats, &fig.id),
            ),
        ];
        for (i, (row, (id, label, warn))) in chart.rows.iter().zip(marks).enumerate() {
            // This year's bar is last year's length plus the increase, drawn apart.
            let split = i == 1 && pv > 0.0 && fig.value > pv && row.bar_w > prev_w + 3.0;
            let (class, fill) = match (i, warn) {
                (0, _) => ("ri-bar ri-bar-prev", paint::BAR_PREV),
                (_, true) => ("ri-bar ri-bar-warn", paint::WARN),
                _ => ("ri-bar", paint::BAR),
            };
            let class_of_row = if warn {
                "ri-bar-row ri-mark ri-has-warn"
            } else {
                "ri-bar-row ri-mark"
            };
            let mut mark = row_mark(class_of_row, id, label, row).child(
                svg("rect")
                    .class(class)
                    .num("x", row.bar_x)
                    .num("y", row.bar_y)
                    .num("width", if split { prev_w } else { row.bar_w })
                    .num("height", row.bar_h)
                    .attr("fill", fill),
            );
            if split {
                mark = mark.child(
                    svg("rect")
                        .class("ri-bar-inc")
                        // A 2 px gap sets it apart without relying on colour alone.
                        .num("x", row.bar_x + prev_w + 2.0)
                        .num("y", row.bar_y)
                        .num("width", (row.bar_w - prev_w - 2.0).max(1.0))
                        .num("height", row.bar_h)
                        .attr("fill", paint::BAR_INC),
                );
            }
            g = g.child(mark.children(value_lines(row)));
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
