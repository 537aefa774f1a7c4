//! The frame around the charts: header, controls, footer, and the error panel a bad dataset shows instead; no charts, no DOM calls.

use super::i18n::{self, ui, Ui};
use super::node::{el, text, Element, Node};
use super::{data_text, ViewOptions};
use crate::dataset::Dataset;
use crate::format::Lang;

pub(super) fn header(ds: &Dataset, o: &ViewOptions) -> Element {
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

/// The toolbar, and the line under it that says why a control did nothing. A dataset in one
/// language has no language switch.
pub(super) fn controls(ds: &Dataset, o: &ViewOptions) -> Vec<Node> {
    let lang = o.lang;
    let button = |action: &str, label: &str| {
        el("button")
            .attr("type", "button")
            .class("ri-button")
            .attr("data-action", action)
            .text(label)
    };
    let switch = (ds.languages.len() > 1).then(|| {
        button("lang", ui(lang, Ui::SwitchLang))
            .attr("lang", if lang == Lang::Zh { "en" } else { "zh-CN" })
            .attr("aria-label", ui(lang, Ui::SwitchLangLabel))
            .into()
    });
    let bar = el("div")
        .class("ri-controls")
        .attr("role", "toolbar")
        .attr("aria-label", ui(lang, Ui::Controls))
        .children(switch)
        .child(
            button("table", ui(lang, Ui::Table))
                .attr("aria-pressed", if o.table { "true" } else { "false" }),
        )
        .child(button("csv", ui(lang, Ui::DownloadCsv)))
        .child(button("svg", ui(lang, Ui::DownloadSvg)))
        .child(button("png", ui(lang, Ui::SaveImage)));
    let mut out = vec![bar.into()];
    if let Some(n) = o.notice {
        out.push(
            el("p")
                .class("ri-notice")
                .attr("role", "status")
                .text(ui(lang, n))
                .into(),
        );
    }
    out
}

pub(super) fn footer(ds: &Dataset, o: &ViewOptions) -> Element {
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
