//! Cards for single counts and changes, rings for shares; no bars, no DOM calls.

use super::geometry::ring_arc;
use super::node::{el, svg, Element, Node};
use super::{aria_value, data_text, format_figure, mark_class, paint, warnings_for, ViewOptions};
use crate::dataset::Figure;
use crate::format::Lang;
use crate::stats::Stats;

pub(super) fn cards(figs: &[&Figure], stats: &Stats, o: &ViewOptions) -> Node {
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
            // Unseen in the widget's flex column; keeps value and label apart without CSS.
            .text(" ")
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

pub(super) fn rings(figs: &[&Figure], stats: &Stats, o: &ViewOptions) -> Node {
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
            // A ring, not a disc, where no stylesheet says so; the circle and arc inherit these.
            .attr("fill", "none")
            .attr("stroke-width", "8")
            .child(
                svg("circle")
                    .class("ri-ring-track")
                    .attr("cx", "48")
                    .attr("cy", "48")
                    .attr("r", "42")
                    .attr("stroke", paint::RING_TRACK),
            );
        let arc = ring_arc(48.0, 48.0, 42.0, share);
        if !arc.is_empty() {
            ring = ring.child(
                svg("path")
                    .class("ri-ring-arc")
                    .attr("d", arc)
                    .attr("stroke", paint::RING),
            );
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
            .text(" ")
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

fn term_line(f: &Figure, lang: Lang) -> Option<Element> {
    let t = f.term.as_ref()?;
    // A label that already names the term (“一办九组”) needs no second line saying it.
    if super::find_str(f.label.get(lang), t.get(lang)).is_some() {
        return None;
    }
    let shown = if lang == Lang::Zh {
        format!("“{}”", t.zh)
    } else {
        t.en.clone()
    };
    Some(data_text(el("span").class("ri-term"), &shown))
}
