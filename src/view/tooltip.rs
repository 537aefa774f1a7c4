//! What a mark tells on hover, tap or focus: the tooltip's content and the live region's sentence; placing and showing them is the widget's job, not this file's.

use super::i18n::{ui, Ui};
use super::node::{el, Node};
use super::{aria_value, check_note, data_text, derived_aria, format_exact, format_figure};
use crate::dataset::Dataset;
use crate::format::Lang;
use crate::stats::Stats;

/// What a reader sees on hover, tap or focus of a mark: exact value, unit, derived figures,
/// checks and the sentence of the article.
pub fn tooltip(
    ds: &Dataset,
    stats: &Stats,
    figure_id: &str,
    lang: Lang,
    group_zh: bool,
) -> Option<Node> {
    let Some(f) = ds.figure(figure_id) else {
        return derived_tooltip(stats, figure_id, lang);
    };
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

/// A derived figure's tooltip (the hero's previous year): its value and the formula.
fn derived_tooltip(stats: &Stats, id: &str, lang: Lang) -> Option<Node> {
    let d = stats.derived(id)?;
    let tip = el("div")
        .class("ri-tip")
        .child(data_text(el("p").class("ri-tip-title"), d.label.get(lang)))
        .child(el("p").class("ri-tip-value").text(d.formatted.get(lang)))
        .child(el("p").class("ri-tip-derived").text(format!(
            "{}{}",
            ui(lang, Ui::Formula),
            d.formula.get(lang)
        )));
    Some(tip.into())
}

/// The sentence the live region reads when a mark (a figure, or a derived one) takes focus.
pub fn announcement(
    ds: &Dataset,
    stats: &Stats,
    id: &str,
    lang: Lang,
    group_zh: bool,
) -> Option<String> {
    match ds.figure(id) {
        Some(f) => Some(aria_value(f, lang, group_zh)),
        None => stats.derived(id).map(|d| derived_aria(d, lang)),
    }
}
