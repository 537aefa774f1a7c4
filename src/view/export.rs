//! What readers take away: the figures as CSV and the graphic as a standalone SVG; both pure strings.

use super::describe::describe_graphic;
use super::geometry::{bar_chart, wrap};
use super::html::to_html;
use super::i18n::{self, ui, Ui};
use super::node::{fmt_coord, svg, Element, Node};
use super::{classify, format_figure, tab_sections, Block};
use crate::dataset::Dataset;
use crate::format::{format_plain, Lang};
use crate::stats::Stats;

/// A spreadsheet must not run a cell as a formula: a leading = + - @ (or tab / CR) is defused
/// with an apostrophe, as OWASP recommends.
fn csv_cell(s: &str, out: &mut String) {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = risky || s.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// One row a figure: section, id, labels, the plain value, unit, kind, qualifier, how the
/// article writes it, and the source sentence. UTF-8 with a BOM so Excel reads the Chinese.
pub fn csv(ds: &Dataset, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "section",
        "id",
        "label_zh",
        "label_en",
        "value",
        "unit_zh",
        "unit_en",
        "kind",
        "qualifier",
        "as_written",
        "source",
    ];
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for s in &ds.sections {
        for f in &s.figures {
            let value = format_plain(f.value, 6, false);
            let written = format_figure(f, lang, false);
            let cells: [&str; 11] = [
                &s.id,
                &f.id,
                &f.label.zh,
                &f.label.en,
                &value,
                &f.unit.zh,
                &f.unit.en,
                f.kind.as_str(),
                f.qualifier.as_str(),
                &written,
                &f.source,
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                // The value column is a number, possibly negative for a change: keep it numeric.
                if i == 4 {
                    out.push_str(c);
                } else {
                    csv_cell(c, &mut out);
                }
            }
            out.push_str("\r\n");
        }
    }
    out
}

const W: f64 = 720.0;

fn t(x: f64, y: f64, class: &str, s: &str) -> Element {
    svg("text").num("x", x).num("y", y).class(class).text(s)
}

/// What an exported SVG is made for.
pub struct SvgOptions<'a> {
    pub lang: Lang,
    /// The page the graphic came from, written under the source line (a saved image keeps it).
    pub page: Option<&'a str>,
    pub dark: bool,
    /// Pixels per unit of the drawing: 2 for an image at twice the density.
    pub scale: f64,
}

/// The whole graphic as one SVG file, self-contained (its own styles, no scripts), laid out
/// for a 720 px column: title, hero, then each section's marks.
pub fn export_svg(ds: &Dataset, stats: &Stats, lang: Lang) -> String {
    let o = SvgOptions {
        lang,
        page: None,
        dark: false,
        scale: 1.0,
    };
    export_svg_with(ds, stats, &o)
}

/// Light and dark: text, title, hero number, label, meta line, warning, bar, background.
const LIGHT: [&str; 8] = [
    "#1a1a1a", "#1a1a1a", "#005a8c", "#444", "#555", "#a03c00", "#0072b2", "#ffffff",
];
const DARK: [&str; 8] = [
    "#ecedf0", "#ecedf0", "#7cc4f2", "#c4c6cc", "#a9acb6", "#ffb07a", "#56b4e9", "#16171b",
];

/// `export_svg` for `o`: its language, theme, density and the page it came from. Its height is
/// whole units, so a PNG drawn from it at `scale` is exactly `720·scale` by `height·scale` px.
pub fn export_svg_with(ds: &Dataset, stats: &Stats, o: &SvgOptions) -> String {
    let lang = o.lang;
    let mut body: Vec<Node> = Vec::new();
    let mut y = 40.0;
    for line in wrap(ds.story.title.get(lang), W - 48.0, 22.0) {
        body.push(t(24.0, y, "h1", &line).into());
        y += 30.0;
    }
    let meta = format!(
        "{} · {}{}",
        i18n::date(lang, &ds.story.date),
        ui(lang, Ui::Source),
        ds.story.source.name.get(lang)
    );
    body.push(t(24.0, y, "m", &meta).into());
    y += 36.0;
    if let Some(h) = &ds.story.hero {
        if let Some(hero) = ds.figure(&h.figure) {
            body.push(t(24.0, y, "l", hero.label.get(lang)).into());
            y += 44.0;
            body.push(t(24.0, y, "big", &format_figure(hero, lang, false)).into());
            y += 30.0;
        }
        // The sections below skip the hero's increase and rate, so they are written here or
        // the file would lose them.
        for f in [h.increase.as_ref(), h.rate.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|id| ds.figure(id))
        {
            let line = format!("{} {}", f.label.get(lang), format_figure(f, lang, false));
            for part in wrap(&line, W - 48.0, 15.0) {
                body.push(t(24.0, y, "v", &part).into());
                y += 20.0;
            }
        }
    }
    let skip: Vec<&str> = ds
        .story
        .hero
        .as_ref()
        .map(|h| {
            [Some(&h.figure), h.increase.as_ref(), h.rate.as_ref()]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default();
    for s in tab_sections(ds) {
        y += 20.0;
        body.push(t(24.0, y, "h2", s.title.get(lang)).into());
        y += 14.0;
        for block in classify(s, &skip) {
            match block {
                Block::Bars { figures, .. } => {
                    let labels: Vec<String> = figures
                        .iter()
                        .map(|f| f.label.get(lang).to_owned())
                        .collect();
                    let values: Vec<f64> = figures.iter().map(|f| f.value).collect();
                    let formatted: Vec<String> = figures
                        .iter()
                        .map(|f| format_figure(f, lang, false))
                        .collect();
                    let chart = bar_chart(W - 48.0, &labels, &values, &formatted, &|v| {
                        format_plain(v, 0, true)
                    });
                    let mut g =
                        svg("g").attr("transform", format!("translate(24 {})", fmt_coord(y)));
                    for row in &chart.rows {
                        for (i, l) in row.label_lines.iter().enumerate() {
                            g = g.child(t(row.bar_x, row.label_y + i as f64 * 17.0, "l", l));
                        }
                        g = g.child(
                            svg("rect")
                                .class("bar")
                                .num("x", row.bar_x)
                                .num("y", row.bar_y)
                                .num("width", row.bar_w)
                                .num("height", row.bar_h),
                        );
                        for (i, l) in row.value_lines.iter().enumerate() {
                            g = g.child(t(row.value_x, row.value_y + i as f64 * 17.0, "v", l));
                        }
                    }
                    body.push(g.into());
                    y += chart.axis_y + 8.0;
                }
                Block::Cards(figs) | Block::Rings(figs) => {
                    for f in figs {
                        y += 22.0;
                        let label = wrap(f.label.get(lang), W - 260.0, 13.0);
                        body.push(t(24.0, y, "v", &format_figure(f, lang, false)).into());
                        for (i, l) in label.iter().enumerate() {
                            body.push(t(200.0, y + i as f64 * 17.0, "l", l).into());
                        }
                        y += 17.0 * label.len().saturating_sub(1) as f64;
                    }
                    y += 10.0;
                }
            }
        }
    }
    for c in stats.warnings() {
        y += 22.0;
        for line in wrap(c.message.get(lang), W - 48.0, 12.0) {
            body.push(t(24.0, y, "w", &line).into());
            y += 16.0;
        }
    }
    y += 24.0;
    let source = format!("{}{}", ui(lang, Ui::Source), ds.story.source.name.get(lang));
    body.push(t(24.0, y, "m", &source).into());
    y += 20.0;
    if let Some(page) = o.page {
        let page = format!("{}{page}", ui(lang, Ui::Page));
        for line in wrap(&page, W - 48.0, 12.0) {
            body.push(t(24.0, y, "m", &line).into());
            y += 16.0;
        }
        y += 4.0;
    }
    let y = y.ceil();
    let [fg, h, big, l, m, w, bar, bg] = if o.dark { DARK } else { LIGHT };
    let style = format!("text{{font-family:\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",system-ui,sans-serif;fill:{fg};font-variant-numeric:tabular-nums}}\
.h1{{font-size:22px;font-weight:700;fill:{h}}}.h2{{font-size:17px;font-weight:700}}.big{{font-size:40px;font-weight:700;fill:{big}}}\
.l{{font-size:13px;fill:{l}}}.v{{font-size:15px;font-weight:700}}.m{{font-size:12px;fill:{m}}}.w{{font-size:12px;fill:{w}}}.bar{{fill:{bar}}}");
    let doc: Node = svg("svg")
        .attr("viewBox", format!("0 0 {} {}", fmt_coord(W), fmt_coord(y)))
        .num("width", W * o.scale)
        .num("height", y * o.scale)
        .attr("lang", i18n::html_lang(lang))
        .attr("role", "img")
        .attr("aria-label", ds.story.title.get(lang))
        .child(svg("title").text(ds.story.title.get(lang)))
        .child(svg("desc").text(describe_graphic(ds, stats, lang, false)))
        .child(svg("style").text(style))
        .child(
            svg("rect")
                .attr("width", "100%")
                .attr("height", "100%")
                .attr("fill", bg),
        )
        .children(body)
        .into();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
        to_html(&doc)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_defuse_formulas_and_quote() {
        let mut out = String::new();
        for s in ["=1+1", "+x", "-2", "@SUM(A1)", "a,b", "say \"hi\"", "plain"] {
            csv_cell(s, &mut out);
            out.push('|');
        }
        assert_eq!(
            out,
            "\"'=1+1\"|\"'+x\"|\"'-2\"|\"'@SUM(A1)\"|\"a,b\"|\"say \"\"hi\"\"\"|plain|"
        );
    }
}
