//! The data table, the charts' accessible equivalent: every figure, then every derived one; no DOM calls.

use super::i18n::{ui, Ui};
use super::node::{el, Node};
use super::{data_text, format_figure, ViewOptions};
use crate::dataset::Dataset;
use crate::stats::Stats;

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
