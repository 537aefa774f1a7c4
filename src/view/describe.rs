//! The graphic in words: a short paragraph for the whole graphic and one for each section, in zh and en, written from the figures and derived figures as the widget formats them; its accessible description and the static page's opening. No layout, no DOM calls.

use super::{format_figure, hero_ids, tab_sections};
use crate::dataset::{Dataset, Figure, Section};
use crate::format::{format_number, format_plain, Kind, Lang, NumberFormat};
use crate::stats::Stats;

/// A section's paragraph lists at most this many figures, then says how many more there are.
const LIST_AT_MOST: usize = 12;

/// The description of a whole graphic: its paragraph, then one per section it shows.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Description {
    pub text: String,
    pub sections: Vec<SectionText>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SectionText {
    pub id: String,
    pub title: String,
    pub text: String,
}

pub fn describe(ds: &Dataset, stats: &Stats, lang: Lang, group_zh: bool) -> Description {
    Description {
        text: describe_graphic(ds, stats, lang, group_zh),
        sections: tab_sections(ds)
            .into_iter()
            .map(|s| SectionText {
                id: s.id.clone(),
                title: s.title.get(lang).to_owned(),
                text: describe_section(ds, stats, s, lang, group_zh),
            })
            .collect(),
    }
}

fn count(n: usize, lang: Lang) -> String {
    format_plain(n as f64, 0, lang == Lang::En)
}

/// `items.join(sep)` for owned strings, written out: std's `join` is instantiated once per
/// element type, and the `&str` one is in the module already (about 1 KB a copy).
fn joined(items: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    out
}

/// "a, b and c" in en; zh lists take 、 throughout, as the newsroom writes them.
fn list(items: &[&str], lang: Lang) -> String {
    match (lang, items) {
        (Lang::Zh, _) => items.join("、"),
        (Lang::En, [.., last]) if items.len() > 1 => {
            let head = items.get(..items.len() - 1).unwrap_or_default();
            format!("{} and {last}", head.join(", "))
        }
        (Lang::En, _) => items.join(""),
    }
}

/// An amount or a rate without its sign, with the figure's own qualifier: the words around it
/// ("比上年净增" / "up") say which way it went.
fn magnitude(f: &Figure, lang: Lang, group_zh: bool) -> String {
    let rate = matches!(f.kind, Kind::Change | Kind::Share);
    let mut nf = NumberFormat::new(lang, if rate { Kind::Share } else { f.kind });
    nf.notation = f.notation;
    nf.qualifier = f.qualifier;
    nf.measure = &f.unit.zh;
    nf.noun_en = &f.unit.en;
    nf.group_zh = group_zh;
    format_number(f.value.abs(), &nf)
}

/// The hero's sentence: “脱贫人口人均纯收入16317元，比上年净增1672元，增长11.42%（上年14645元）”.
fn hero_sentence(ds: &Dataset, stats: &Stats, lang: Lang, group_zh: bool) -> Option<String> {
    let h = ds.story.hero.as_ref()?;
    let fig = ds.figure(&h.figure)?;
    let zh = lang == Lang::Zh;
    let value = format_figure(fig, lang, group_zh);
    let mut out = if zh {
        format!("{}{value}", fig.label.zh)
    } else {
        format!("{}: {value}", fig.label.en)
    };
    if let Some(inc) = h.increase.as_ref().and_then(|id| ds.figure(id)) {
        let m = magnitude(inc, lang, group_zh);
        let up = inc.value >= 0.0;
        out.push_str(&match (zh, up) {
            (true, true) => format!("，比上年净增{m}"),
            (true, false) => format!("，比上年减少{m}"),
            (false, true) => format!(", up {m} on the previous year"),
            (false, false) => format!(", down {m} on the previous year"),
        });
    }
    if let Some(rate) = h.rate.as_ref().and_then(|id| ds.figure(id)) {
        let m = magnitude(rate, lang, group_zh);
        let up = rate.value >= 0.0;
        out.push_str(&match (zh, up) {
            (true, true) => format!("，增长{m}"),
            (true, false) => format!("，下降{m}"),
            (false, true) => format!(", a rise of {m}"),
            (false, false) => format!(", a fall of {m}"),
        });
    }
    let previous = h.previous.as_ref().and_then(|id| stats.derived(id));
    if let Some(p) = previous.filter(|p| p.value.is_some()) {
        let v = p.formatted.get(lang);
        out.push_str(&if zh {
            format!("（上年{v}）")
        } else {
            format!(" ({v} the year before)")
        });
    }
    Some(out)
}

/// How many checks fail on the figures `ids` (all figures when `None`), in words.
fn warnings_sentence(stats: &Stats, ids: Option<&[&str]>, lang: Lang) -> Option<String> {
    let n = stats
        .warnings()
        .filter(|c| ids.is_none_or(|ids| c.figures.iter().any(|f| ids.contains(&f.as_str()))))
        .count();
    (n > 0).then(|| match (lang, n) {
        (Lang::Zh, _) => format!("有{}处数据相互矛盾，图中已标出。", count(n, lang)),
        (Lang::En, 1) => "One set of figures contradicts itself; the graphic marks it.".to_owned(),
        (Lang::En, _) => format!(
            "{} sets of figures contradict themselves; the graphic marks them.",
            count(n, lang)
        ),
    })
}

/// The whole graphic: title, source and date, the hero's sentence, the sections it has.
pub fn describe_graphic(ds: &Dataset, stats: &Stats, lang: Lang, group_zh: bool) -> String {
    let story = &ds.story;
    let date = super::i18n::date(lang, &story.date);
    let source = story.source.name.get(lang);
    let title = story.title.get(lang);
    let hero = hero_sentence(ds, stats, lang, group_zh);
    let sections = tab_sections(ds);
    let titles: Vec<&str> = sections.iter().map(|s| s.title.get(lang)).collect();
    let figures: usize = ds.sections.iter().map(|s| s.figures.len()).sum();
    let (n_sections, n_figures) = (count(sections.len(), lang), count(figures, lang));
    let mut out = match (lang, hero) {
        (Lang::Zh, Some(h)) => format!("{title}。据{source}{date}报道，{h}。"),
        (Lang::Zh, None) => format!("{title}。数据来自{source}{date}报道。"),
        (Lang::En, Some(h)) => format!("{title}. Figures reported by {source} on {date}. {h}."),
        (Lang::En, None) => format!("{title}. Figures reported by {source} on {date}."),
    };
    if !titles.is_empty() {
        let names = list(&titles, lang);
        out.push_str(&match lang {
            Lang::Zh => format!("图解共{n_sections}个板块、{n_figures}项数据：{names}。"),
            Lang::En => {
                let (s, f) = (plural(sections.len(), "section"), plural(figures, "figure"));
                format!(" {n_sections} {s}, {n_figures} {f}: {names}.")
            }
        });
    }
    if let Some(w) = warnings_sentence(stats, None, lang) {
        if lang == Lang::En {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// One section as the panel shows it (without the hero's figures): its figures as written,
/// then the figures derived from them.
pub fn describe_section(
    ds: &Dataset,
    stats: &Stats,
    section: &Section,
    lang: Lang,
    group_zh: bool,
) -> String {
    let zh = lang == Lang::Zh;
    let skip = hero_ids(ds);
    let figures: Vec<&Figure> = section
        .figures
        .iter()
        .filter(|f| !skip.contains(&f.id.as_str()))
        .collect();
    let ids: Vec<&str> = figures.iter().map(|f| f.id.as_str()).collect();
    let items: Vec<String> = figures
        .iter()
        .take(LIST_AT_MOST)
        .map(|f| {
            let value = format_figure(f, lang, group_zh);
            let wording = f.wording.as_ref().map(|w| w.get(lang)).unwrap_or("");
            match (zh, wording.is_empty()) {
                (true, true) => format!("{}{value}", f.label.zh),
                (true, false) => format!("{}{value}（{wording}）", f.label.zh),
                (false, true) => format!("{}: {value}", f.label.en),
                (false, false) => format!("{}: {value} ({wording})", f.label.en),
            }
        })
        .collect();
    let title = section.title.get(lang);
    let more = figures.len().saturating_sub(LIST_AT_MOST);
    let mut out = if zh {
        format!("{title}：{}", joined(&items, "；"))
    } else {
        format!("{title}. {}", joined(&items, "; "))
    };
    if more > 0 {
        let n = count(more, lang);
        out.push_str(&if zh {
            format!("；另有{n}项，见表格")
        } else {
            format!("; {n} more in the table")
        });
    }
    out.push_str(if zh { "。" } else { "." });
    // Derived figures whose first figure is in this section.
    let derived: Vec<String> = stats
        .derived
        .iter()
        .filter(|d| d.figures.first().is_some_and(|f| ids.contains(&f.as_str())))
        .map(|d| {
            if zh {
                format!("{}{}", d.label.zh, d.formatted.zh)
            } else {
                format!("{}, {}", d.label.en, d.formatted.en)
            }
        })
        .collect();
    if !derived.is_empty() {
        out.push_str(&if zh {
            format!("据此推算，{}。", joined(&derived, "；"))
        } else {
            format!(" Derived: {}.", joined(&derived, "; "))
        });
    }
    if let Some(w) = warnings_sentence(stats, Some(&ids), lang) {
        if !zh {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}
