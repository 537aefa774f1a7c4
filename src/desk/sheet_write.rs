//! A checked dataset as the desk's spreadsheet: CSV in the columns `sheet` reads back (one row per figure), so a desk can take its figures to Excel, WPS or Google Sheets and return. Pure. The story's fields, relations, hero and notes stay in the dataset's JSON; a figure's term, wording and note are not columns either.

use crate::dataset::{Dataset, Figure, Section};
use crate::format::{Lang, Notation, Qualifier};

/// The columns written, in order; the `_en` ones only when the dataset has English.
const COLUMNS: &[&str] = &[
    "section",
    "id",
    "label",
    "label_en",
    "value",
    "high",
    "written",
    "unit",
    "unit_en",
    "kind",
    "qualifier",
    "notation",
    "group",
    "source",
];

/// One CSV cell: quoted when it holds a separator, a quote, a line break or edge spaces.
fn cell(s: &str, out: &mut String) {
    let quote = s.contains([',', '"', '\n', '\r']) || s.trim() != s;
    if !quote {
        out.push_str(s);
        return;
    }
    out.push('"');
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// A value in plain digits, the way a sheet and the reader's `number` take it: 16317, 10.5.
fn digits(v: f64) -> String {
    // Rust's f64 Display is the shortest round-trip form and never uses an exponent.
    format!("{v}")
}

fn field<'a>(ds_en: bool, section: &'a Section, f: &'a Figure, column: &str) -> String {
    // A figure the dataset gave as written ("10.79万人") goes back as written: that one cell
    // holds its value, kind, unit, qualifier and notation, and the reader derives them again.
    let written = f.written.as_deref();
    match column {
        "section" => section.title.zh.clone(),
        "id" => f.id.clone(),
        "label" => f.label.zh.clone(),
        "label_en" if ds_en => f.label.en.clone(),
        "value" if written.is_none() => digits(f.value),
        "high" if written.is_none() => f.high.map(digits).unwrap_or_default(),
        "written" => written.unwrap_or("").to_owned(),
        "unit" if written.is_none() => f.unit.zh.clone(),
        "unit_en" if ds_en => f.unit.en.clone(),
        "kind" if written.is_none() => f.kind.as_str().to_owned(),
        "qualifier" if written.is_none() && f.qualifier != Qualifier::Exact => {
            f.qualifier.as_str().to_owned()
        }
        "notation" if written.is_none() && f.notation != Notation::Auto => {
            f.notation.as_str().to_owned()
        }
        "group" => f.group.clone().unwrap_or_default(),
        "source" => f.source.clone(),
        _ => String::new(),
    }
}

/// The dataset's figures as CSV (RFC 4180, CRLF line ends, a UTF-8 byte order mark so that
/// Excel opens the Chinese as Chinese), with a header row of the English column names.
pub fn write_sheet(ds: &Dataset) -> String {
    let en = ds.has_language(Lang::En);
    let columns: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| en || !c.ends_with("_en"))
        .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&columns.join(","));
    out.push_str("\r\n");
    for section in &ds.sections {
        for f in &section.figures {
            for (i, column) in columns.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                cell(&field(en, section, f, column), &mut out);
            }
            out.push_str("\r\n");
        }
    }
    out
}
