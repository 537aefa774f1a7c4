//! The data table, the charts' accessible equivalent: every figure, then every derived one, as a table or, in a phone's column, one block a figure; no DOM calls.

use super::i18n::{ui, Ui};
use super::node::{el, Element, Node};
use super::{data_text, format_exact, format_figure, ViewOptions, STACK_BELOW_PX};
use crate::dataset::{Dataset, Figure};
use crate::format::Lang;
use crate::stats::Stats;

/// The data table: every figure, then every derived figure; the accessible equivalent of the
/// charts. In a column under `STACK_BELOW_PX` the widget lists one block a figure instead
/// (label, value as written, exact value, under its section's heading): three columns there
/// leave the label one character wide. The static page keeps the table, which wraps as it
/// needs with no stylesheet.
pub fn table(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Node {
    if !o.static_page && o.width_px < STACK_BELOW_PX {
        return facts(ds, stats, o);
    }
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
                .child(
                    el("td")
                        .class("ri-num")
                        .text(d.formatted.get(lang))
                        .text(" ")
                        // The formula wraps; the value beside it does not.
                        .child(
                            el("span")
                                .class("ri-formula-cell")
                                .text(format!("({})", d.formula.get(lang))),
                        ),
                ),
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

/// The exact value when it tells more than the written one (not for separators alone).
fn exact_line(f: &Figure, lang: Lang, written: &str) -> Option<String> {
    let exact = format_exact(f, lang);
    (exact.replace(',', "") != written.replace(',', ""))
        .then(|| format!("{}{}", ui(lang, Ui::Exact), exact))
}

/// One block: label, value, and a muted third line.
fn fact(label: &str, value: &str, more: Option<String>) -> Element {
    let mut li = el("li")
        .class("ri-fact")
        .child(data_text(el("span").class("ri-fact-label"), label))
        .text(" ")
        .child(el("span").class("ri-fact-value").text(value));
    if let Some(m) = more {
        li = li.text(" ").child(el("span").class("ri-fact-more").text(m));
    }
    li
}

fn facts(ds: &Dataset, stats: &Stats, o: &ViewOptions) -> Node {
    let lang = o.lang;
    let title = ds.story.title.get(lang);
    let mut wrap = el("div")
        .class("ri-table-wrap ri-facts-wrap")
        .attr("role", "region")
        .attr("aria-label", title)
        .child(data_text(el("p").class("ri-facts-title"), title));
    for s in &ds.sections {
        let mut list = el("ul").class("ri-facts");
        for f in &s.figures {
            let written = format_figure(f, lang, o.group_zh);
            let exact = exact_line(f, lang, &written);
            list = list
                .child(fact(f.label.get(lang), &written, exact).attr("data-figure", f.id.as_str()));
        }
        wrap = wrap
            .child(data_text(
                el("h3").class("ri-facts-section"),
                s.title.get(lang),
            ))
            .child(list);
    }
    if !stats.derived.is_empty() {
        let mut list = el("ul").class("ri-facts");
        for d in &stats.derived {
            let formula = format!("{}{}", ui(lang, Ui::Formula), d.formula.get(lang));
            list = list.child(fact(
                d.label.get(lang),
                d.formatted.get(lang),
                Some(formula),
            ));
        }
        wrap = wrap
            .child(
                el("h3")
                    .class("ri-facts-section")
                    .text(ui(lang, Ui::Derived)),
            )
            .child(list);
    }
    wrap.into()
}
