//! A spreadsheet pasted from Excel, WPS or Google Sheets (tab-separated) or a CSV file, one row per figure, to a dataset document; every problem named by row and column. Pure; the story's own fields come from the desk's form, not the sheet.

use crate::dataset::{self, ValidationError};
use crate::json::Value;

/// The story's fields, from the desk's form.
pub struct StoryFields<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub dek: &'a str,
    pub date: &'a str,
    pub source: &'a str,
}

/// The columns a sheet may have: (field, names in a header, zh first).
const COLUMNS: &[(&str, &[&str])] = &[
    ("section", &["栏目", "section"]),
    ("id", &["编号", "id"]),
    ("label", &["标签", "label"]),
    ("label_en", &["英文标签", "label_en"]),
    ("value", &["数值", "value"]),
    ("high", &["上限", "high"]),
    ("written", &["原文写法", "written"]),
    ("unit", &["单位", "unit"]),
    ("unit_en", &["英文单位", "unit_en"]),
    ("kind", &["类型", "kind"]),
    ("qualifier", &["限定", "qualifier"]),
    ("notation", &["写法", "notation"]),
    ("group", &["分组", "group"]),
    ("source", &["原句", "source"]),
];

/// zh names of kinds and qualifiers, beside the schema's own words.
const WORDS: &[(&str, &str)] = &[
    ("数量", "count"),
    ("金额", "money"),
    ("占比", "share"),
    ("比例", "share"),
    ("变化", "change"),
    ("增幅", "change"),
    ("百分点", "points"),
    ("计量", "measure"),
    ("精确", "exact"),
    ("以上", "at-least"),
    ("约", "about"),
    ("以下", "at-most"),
];

/// Cells of a CSV or TSV text (RFC 4180 quoting: "" inside quotes, line breaks in quoted
/// cells), each row with its number as the spreadsheet shows it: blank rows count, and a
/// cell's own line breaks do not (Excel's row 4 is row 4 after a two-line cell in row 3).
fn rows(text: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut row_no = 1;
    let mut chars = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if cell.is_empty() => quoted = true,
            (false, c) if c == sep => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    out.push((row_no, std::mem::take(&mut row)));
                } else {
                    row.clear();
                }
                row_no += 1;
            }
            (_, c) => cell.push(c),
        }
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        out.push((row_no, row));
    }
    out
}

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A number as a sheet writes it: 16317, 16,317, 10.5, -3.2; no 万 (that is `written`).
fn number(cell: &str) -> Option<f64> {
    let t: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let ok = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if !ok {
        return None;
    }
    let v = crate::json::parse(digits).ok()?;
    match v {
        Value::Number(n) => Some(if neg { -n } else { n }),
        _ => None,
    }
}

/// A sheet to a dataset the validator accepts, or every problem, each at "row N, column NAME".
pub fn read_sheet(text: &str, story: &StoryFields) -> Result<Value, Vec<ValidationError>> {
    let mut errors = Vec::new();
    let mut err = |row: usize, column: &str, message: String| {
        errors.push(ValidationError {
            path: if column.is_empty() {
                format!("row {row}")
            } else {
                format!("row {row}, column {column}")
            },
            message,
        })
    };
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let sep = if first.contains('\t') { '\t' } else { ',' };
    let table = rows(text, sep);
    let Some(((header_line, header), body)) = table.split_first() else {
        err(
            1,
            "",
            "the sheet is empty: paste a header row and one row per figure".to_owned(),
        );
        return Err(errors);
    };
    let mut columns: Vec<Option<&str>> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let field = COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
            .map(|(f, _)| *f);
        if field.is_none() && !name.is_empty() {
            let known: Vec<&str> = COLUMNS
                .iter()
                .flat_map(|(_, n)| n.iter().copied())
                .collect();
            err(
                *header_line,
                &format!("{} (\"{name}\")", i + 1),
                format!("unknown column (expected: {})", known.join(", ")),
            );
        }
        columns.push(field);
    }
    let has = |f: &str| columns.contains(&Some(f));
    for needed in ["label", "source"] {
        if !has(needed) {
            err(*header_line, needed, "missing column".to_owned());
        }
    }
    if !has("value") && !has("written") {
        err(
            *header_line,
            "value",
            "missing column (value/数值 or written/原文写法)".to_owned(),
        );
    }
    let english = has("label_en");
    let mut sections: Vec<(String, Vec<Value>)> = Vec::new();
    for (line, cells) in body {
        let cell = |f: &str| -> &str {
            columns
                .iter()
                .position(|c| *c == Some(f))
                .and_then(|i| cells.get(i))
                .map(|c| c.trim())
                .unwrap_or("")
        };
        let name = |f: &'static str| -> &'static str {
            COLUMNS
                .iter()
                .find(|(g, _)| *g == f)
                .and_then(|(_, n)| n.last())
                .copied()
                .unwrap_or(f)
        };
        let section = match cell("section") {
            "" => "概况",
            t => t,
        };
        let i = match sections.iter().position(|(t, _)| t == section) {
            Some(i) => i,
            None => {
                sections.push((section.to_owned(), Vec::new()));
                sections.len() - 1
            }
        };
        let n = sections.get(i).map_or(0, |(_, f)| f.len());
        let id = match cell("id") {
            "" => format!("s{}-f{}", i + 1, n + 1),
            t => t.to_owned(),
        };
        let text_of = |zh: &str, en: &str| {
            let mut t = vec![("zh", s(zh))];
            if english {
                t.push(("en", s(en)));
            }
            obj(t)
        };
        let mut fields = vec![("id", s(&id))];
        fields.push(("label", text_of(cell("label"), cell("label_en"))));
        match (cell("value"), cell("written")) {
            ("", "") => err(
                *line,
                name("value"),
                "no value: give value/数值 or written/原文写法".to_owned(),
            ),
            ("", _) => {}
            (v, _) => match number(v) {
                Some(n) => fields.push(("value", Value::Number(n))),
                None => err(
                    *line,
                    name("value"),
                    format!(
                        "\"{v}\" is not a number (16317, 10.5; write 10.5万 in written/原文写法)"
                    ),
                ),
            },
        }
        match cell("high") {
            "" => {}
            h => match number(h) {
                Some(n) => fields.push(("high", Value::Number(n))),
                None => err(
                    *line,
                    name("high"),
                    format!("\"{h}\" is not a number (a range's high end: 3 for 2至3个)"),
                ),
            },
        }
        if !cell("written").is_empty() {
            fields.push(("written", s(cell("written"))));
        }
        for key in ["kind", "qualifier", "notation"] {
            let v = cell(key);
            if !v.is_empty() {
                let word = WORDS.iter().find(|(zh, _)| *zh == v).map_or(v, |(_, w)| *w);
                fields.push((key, s(word)));
            }
        }
        if !cell("unit").is_empty() || !cell("unit_en").is_empty() {
            let mut u = Vec::new();
            if !cell("unit").is_empty() {
                u.push(("zh", s(cell("unit"))));
            }
            if english {
                u.push(("en", s(cell("unit_en"))));
            }
            fields.push(("unit", obj(u)));
        }
        if !cell("group").is_empty() {
            fields.push(("group", s(cell("group"))));
        }
        fields.push(("source", s(cell("source"))));
        if let Some((_, figures)) = sections.get_mut(i) {
            figures.push(obj(fields));
        }
    }
    // Where each figure came from, so the validator's paths become rows and columns.
    let mut row_of = Vec::new();
    for (line, cells) in body {
        let section = columns
            .iter()
            .position(|c| *c == Some("section"))
            .and_then(|i| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .unwrap_or("概况");
        row_of.push((section.to_owned(), *line));
    }
    let languages: Vec<Value> = if english {
        vec![s("zh"), s("en")]
    } else {
        vec![s("zh")]
    };
    let t = |v: &str| {
        let mut f = vec![("zh", s(v))];
        if english {
            f.push(("en", s(v)));
        }
        obj(f)
    };
    let doc = obj(vec![
        ("$schema", s("dataset.schema.json")),
        ("schema", Value::Number(1.0)),
        ("languages", Value::Array(languages)),
        (
            "story",
            obj(vec![
                ("id", s(story.id)),
                ("title", t(story.title)),
                ("dek", t(story.dek)),
                ("date", s(story.date)),
                ("source", obj(vec![("name", t(story.source))])),
            ]),
        ),
        (
            "sections",
            Value::Array(
                sections
                    .iter()
                    .enumerate()
                    .map(|(i, (title, figures))| {
                        obj(vec![
                            ("id", s(&format!("s{}", i + 1))),
                            ("title", t(title)),
                            ("figures", Value::Array(figures.clone())),
                        ])
                    })
                    .collect(),
            ),
        ),
    ]);
    if !errors.is_empty() {
        return Err(errors);
    }
    dataset::validate(&doc).map(|_| ()).map_err(|found| {
        found
            .into_iter()
            .map(|e| at_row(e, &sections, &row_of))
            .collect::<Vec<_>>()
    })?;
    Ok(doc)
}

/// A validator error at `sections[s].figures[f].field` as the sheet's row and column.
fn at_row(
    e: ValidationError,
    sections: &[(String, Vec<Value>)],
    row_of: &[(String, usize)],
) -> ValidationError {
    let parse = |p: &str| -> Option<(usize, usize, String)> {
        let rest = p.strip_prefix("sections[")?;
        let (s, rest) = rest.split_once("].figures[")?;
        let (f, rest) = rest.split_once(']')?;
        Some((
            s.parse().ok()?,
            f.parse().ok()?,
            rest.trim_start_matches('.').to_owned(),
        ))
    };
    let Some((s, f, field)) = parse(&e.path) else {
        return e;
    };
    let Some((title, _)) = sections.get(s) else {
        return e;
    };
    let Some((_, line)) = row_of.iter().filter(|(t, _)| t == title).nth(f) else {
        return e;
    };
    let column = field.split('.').next().unwrap_or("");
    ValidationError {
        path: if column.is_empty() {
            format!("row {line}")
        } else {
            format!("row {line}, column {column}")
        },
        message: e.message,
    }
}
