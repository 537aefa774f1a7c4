//! Every figure against its sentence: the value, written in its notation and qualifier as the article would write it in zh, must appear in its own sentence; every sentence must occur in the article when it is given. Warnings only; pure.

use crate::dataset::{Dataset, Figure, ValidationError};
use crate::format::{format_number, Lang, NumberFormat, Qualifier};
use crate::reader;

/// Text as the comparison sees it: no group separators or spaces, full-width digits, letters
/// and signs as ASCII (１０．５％ is 10.5%).
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            ',' | '，' | ' ' | '\u{3000}' | '\u{a0}' | '\t' | '\n' | '\r' => None,
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            c => Some(c),
        })
        .collect()
}

/// The figure as the article would write it: its value in its notation and unit, qualifier
/// included (约248元, 80%以上, 九项).
pub fn written_form(f: &Figure) -> String {
    let mut nf = NumberFormat::new(Lang::Zh, f.kind);
    nf.notation = f.notation;
    nf.qualifier = f.qualifier;
    nf.measure = &f.unit.zh;
    nf.max_decimals = 2;
    let low = format_number(f.value, &nf);
    match f.high {
        Some(h) => {
            let high = format_number(h, &nf);
            format!("{low}–{high}")
        }
        None => low,
    }
}

/// The same without its qualifier: what must appear whatever word the article qualifies it with
/// (超过 or 以上, 近 or 约).
fn bare_form(f: &Figure) -> String {
    let mut bare = f.clone();
    bare.qualifier = Qualifier::Exact;
    bare.high = None;
    written_form(&bare)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether the sentence states the figure: its bare written form is in it (qualifier words
/// differ between articles), or the reader finds in it a figure of the same value, kind, unit
/// and qualifier.
fn stated(f: &Figure, sentence: &str) -> Result<(), String> {
    let found = reader::figures(sentence);
    let matches = found.iter().any(|g| {
        same(g.value, f.value)
            && g.kind.as_str() == f.kind.as_str()
            && (g.unit.is_empty() || g.unit == f.unit.zh)
            && g.qualifier.as_str() == f.qualifier.as_str()
    });
    let in_text = normalize(sentence).contains(&normalize(&bare_form(f)));
    // Where the reader sees the same number, it must be qualified the same way: 80%以上 is
    // not an exact 80%.
    let same_number: Vec<_> = found
        .iter()
        .filter(|g| same(g.value, f.value) && g.kind.as_str() == f.kind.as_str())
        .collect();
    let qualifier_ok = same_number.is_empty()
        || same_number
            .iter()
            .any(|g| g.qualifier.as_str() == f.qualifier.as_str());
    if matches || (in_text && qualifier_ok) {
        return Ok(());
    }
    // What the sentence says instead: the nearest figure of the same kind.
    let nearest = found
        .iter()
        .filter(|g| g.kind.as_str() == f.kind.as_str())
        .min_by(|a, b| {
            let da = (a.value - f.value).abs();
            let db = (b.value - f.value).abs();
            da.total_cmp(&db)
        })
        .map(|g| g.written.to_owned());
    Err(nearest.unwrap_or_default())
}

/// Whether a figure carries a number the sentence should show: not one worded ("全覆盖").
fn checkable(f: &Figure) -> bool {
    f.wording.is_none() && f.value.is_finite()
}

/// Warnings for every figure whose sentence does not state it, and (with the article) every
/// sentence the article does not contain. Paths as the validator writes them.
pub fn check(ds: &Dataset, article: Option<&str>) -> Vec<ValidationError> {
    let mut out = Vec::new();
    let article_norm = article.map(normalize);
    for (s, section) in ds.sections.iter().enumerate() {
        for (i, f) in section.figures.iter().enumerate() {
            let path = format!("sections[{s}].figures[{i}]");
            if let Some(text) = &article_norm {
                if !text.contains(&normalize(&f.source)) {
                    out.push(ValidationError {
                        path: format!("{path}.source"),
                        message: "the sentence does not occur in the article".to_owned(),
                    });
                }
            }
            if !checkable(f) {
                continue;
            }
            if let Err(says) = stated(f, &f.source) {
                let says = if says.is_empty() {
                    "no such figure".to_owned()
                } else {
                    says
                };
                out.push(ValidationError {
                    path,
                    message: format!(
                        "the sentence says {says}, the value writes {}",
                        written_form(f)
                    ),
                });
            }
        }
    }
    out
}
