//! An article's text to a draft dataset in the schema: the story's title, date and source from the text, sections from its subheadings, one figure per figure the reader finds, the relations the text states, and notes on what the desk must look at. Pure; it guesses nothing silently.

use crate::dataset::ValidationError;
use crate::json::Value;
use crate::reader::{self, Found, Kind, Note};

/// A draft: the document (which the validator accepts) and what to review in it.
pub struct Draft {
    pub dataset: Value,
    pub notes: Vec<ValidationError>,
}

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn zh(text: &str) -> Value {
    obj(vec![("zh", s(text))])
}

/// Lines that are the page around an article, not the article: share buttons, font size.
const NOISE: &[&str] = &[
    "报料",
    "微博",
    "微信",
    "字号",
    "分享",
    "打印",
    "相关推荐",
    "扫一扫",
];

fn chars(line: &str) -> usize {
    line.chars().count()
}

fn is_noise(line: &str) -> bool {
    NOISE.iter().any(|n| line.starts_with(n)) && chars(line) <= 8
}

/// A photo caption: (央广网发 夏剑峰供图), （新华社记者 摄）.
fn is_caption(line: &str) -> bool {
    (line.contains("摄") || line.contains("供图") || line.contains("图片来源"))
        && (line.ends_with(')') || line.ends_with('）'))
}

fn ends_sentence(line: &str) -> bool {
    line.contains(['。', '！', '？', '；']) || line.ends_with([',', '，', ':', '：'])
}

/// A subheading: a short line between paragraphs that is not a sentence or a caption.
fn is_heading(line: &str) -> bool {
    let n = chars(line);
    (4..=30).contains(&n) && !ends_sentence(line) && !is_caption(line) && !is_noise(line)
}

/// `YYYY-MM-DD` from 2022-12-10, 2022年12月10日 or 2022/12/10 in `line`.
fn date_in(line: &str) -> Option<String> {
    let digits: Vec<(usize, char)> = line.char_indices().collect();
    for start in 0..digits.len() {
        let rest: String = digits[start..].iter().map(|(_, c)| *c).collect();
        let mut it = rest.chars().peekable();
        let mut num = |max: usize| {
            let mut n = String::new();
            while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                if n.len() == max {
                    break;
                }
                n.push(c);
                it.next();
            }
            (n, it.next())
        };
        let (y, sep1) = num(4);
        if y.len() != 4 || !matches!(sep1, Some('-' | '年' | '/' | '.')) {
            continue;
        }
        let (m, sep2) = num(2);
        if m.is_empty() || !matches!(sep2, Some('-' | '月' | '/' | '.')) {
            continue;
        }
        let (d, _) = num(2);
        if d.is_empty() {
            continue;
        }
        let date = format!("{y}-{m:0>2}-{d:0>2}");
        if crate::dataset::is_date(&date) {
            return Some(date);
        }
    }
    None
}

/// What follows `label` (来源:央广网, 编辑：赵莉) on a line of its own.
fn after_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let rest = labels.iter().find_map(|l| line.strip_prefix(l))?;
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']).trim();
    (!rest.is_empty() && chars(rest) <= 40).then_some(rest)
}

struct Section {
    title: String,
    start: usize,
}

pub fn draft(text: &str) -> Draft {
    let mut notes = Vec::new();
    let mut note = |path: &str, message: &str| {
        notes.push(ValidationError {
            path: path.to_owned(),
            message: message.to_owned(),
        })
    };
    // Lines with their byte offsets.
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            lines.push((at + lead, trimmed));
        }
        at += line.len();
    }
    let title_at = lines
        .iter()
        .position(|(_, l)| chars(l) >= 8 && !ends_sentence(l) && !is_noise(l) && !is_caption(l));
    let title = title_at
        .and_then(|i| lines.get(i))
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| {
            note("story.title", "no headline found: write the title");
            "（标题）".to_owned()
        });
    let date = lines
        .iter()
        .take(12)
        .find_map(|(_, l)| date_in(l))
        .or_else(|| lines.iter().find_map(|(_, l)| date_in(l)))
        .unwrap_or_else(|| {
            note(
                "story.date",
                "no date found in the text: set the story's date",
            );
            "2000-01-01".to_owned()
        });
    let source = lines
        .iter()
        .find_map(|(_, l)| after_label(l, &["来源", "稿件来源", "信息来源"]));
    let editor = lines
        .iter()
        .find_map(|(_, l)| after_label(l, &["编辑", "责任编辑", "责编"]));
    let source = source.map(str::to_owned).unwrap_or_else(|| {
        note(
            "story.source.name",
            "no source line (来源:…) found: name the source",
        );
        "（来源）".to_owned()
    });

    // Sections: the text before the first subheading, then one per subheading.
    let body_start = title_at.map_or(0, |i| i + 1);
    let mut sections = vec![Section {
        title: "概况".to_owned(),
        start: 0,
    }];
    for (offset, line) in lines.iter().skip(body_start) {
        if is_heading(line) && after_label(line, &["来源", "编辑", "责任编辑"]).is_none() {
            if date_in(line).is_some() {
                continue;
            }
            sections.push(Section {
                title: line.to_string(),
                start: *offset,
            });
        }
    }

    let found = reader::figures(text);
    let mut by_section: Vec<Vec<&Found>> = sections.iter().map(|_| Vec::new()).collect();
    for f in &found {
        let i = sections
            .iter()
            .rposition(|s| s.start <= f.span.start)
            .unwrap_or(0);
        if let Some(list) = by_section.get_mut(i) {
            list.push(f);
        }
    }

    let mut section_values = Vec::new();
    let mut ids: Vec<(&Found, String)> = Vec::new();
    for (section, figs) in sections.iter().zip(&by_section) {
        if figs.is_empty() {
            continue;
        }
        let sid = format!("s{}", section_values.len() + 1);
        let spath = format!("sections[{}]", section_values.len());
        let mut figures = Vec::new();
        for (fi, f) in figs.iter().enumerate() {
            let id = format!("{sid}-f{}", fi + 1);
            let path = format!("{spath}.figures[{fi}]");
            let (figure, mut figure_notes) = figure(f, &id);
            for n in f.notes.iter() {
                figure_notes.push(n.as_str().to_owned());
            }
            for n in figure_notes {
                note(&path, &n);
            }
            figures.push(figure);
            ids.push((f, id));
        }
        section_values.push(obj(vec![
            ("id", s(&sid)),
            ("title", zh(&section.title)),
            ("figures", Value::Array(figures)),
        ]));
    }
    if section_values.is_empty() {
        note("sections", "no figures found in the text");
        section_values.push(obj(vec![
            ("id", s("s1")),
            ("title", zh("概况")),
            ("figures", Value::Array(Vec::new())),
        ]));
    }

    let (relations, hero) = relations(&ids);
    let mut story = vec![
        ("id", s("story")),
        ("title", zh(&title)),
        ("dek", zh(&title)),
        ("date", s(&date)),
        (
            "source",
            obj(match editor {
                Some(e) => vec![("name", zh(&source)), ("editor", zh(e))],
                None => vec![("name", zh(&source))],
            }),
        ),
    ];
    note(
        "story.dek",
        "the dek repeats the title: write one line about the figures",
    );
    if let Some(h) = hero {
        story.push(("hero", h));
    }
    let dataset = obj(vec![
        ("$schema", s("dataset.schema.json")),
        ("schema", Value::Number(1.0)),
        ("languages", Value::Array(vec![s("zh")])),
        ("story", obj(story)),
        ("sections", Value::Array(section_values)),
        ("relations", Value::Array(relations)),
    ]);
    Draft { dataset, notes }
}

/// One figure as the schema has it, and what to review about it.
fn figure(f: &Found, id: &str) -> (Value, Vec<String>) {
    let mut notes = Vec::new();
    let (kind, unit) = match (f.kind, f.unit) {
        // `money` is in 元; another currency is a measure in its own unit.
        (Kind::Money, u) if u != "元" => {
            notes.push(format!(
                "an amount in {u}, drafted as a measure: check its kind"
            ));
            ("measure", u)
        }
        (Kind::Count | Kind::Measure, "") => {
            notes.push("no measure word after the number: drafted as 个; set the unit".to_owned());
            (f.kind.as_str(), "个")
        }
        (k, u) => (k.as_str(), u),
    };
    let label = if f.label.is_empty() {
        "（待填）"
    } else {
        f.label.as_str()
    };
    let mut fields = vec![
        ("id", s(id)),
        ("label", zh(label)),
        ("value", Value::Number(f.value)),
        ("kind", s(kind)),
    ];
    if let Some(h) = f.high {
        fields.push(("high", Value::Number(h)));
    }
    if !unit.is_empty() {
        fields.push(("unit", zh(unit)));
    }
    if f.qualifier != reader::Qualifier::Exact {
        fields.push(("qualifier", s(f.qualifier.as_str())));
    }
    fields.push(("notation", s(f.notation.as_str())));
    fields.push(("source", s(f.sentence.trim())));
    if f.notes.contains(&Note::NoLabel) {
        notes.push("write the label".to_owned());
    }
    (obj(fields), notes)
}

/// Words before an increase: 净增1672元, 增加, 增长.
const INCREASE_WORDS: &[&str] = &["净增", "增加", "增长", "新增", "多"];

/// The relations a sentence states: a level with its increase and growth rate (`growth`, with
/// the previous level as a `difference`), a part with 占/占比 its share (`share-total`). The
/// first growth is the hero.
fn relations(ids: &[(&Found, String)]) -> (Vec<Value>, Option<Value>) {
    let mut out = Vec::new();
    let mut hero = None;
    let mut i = 0;
    while i < ids.len() {
        let sentence = ids[i].0.sentence;
        let same: Vec<&(&Found, String)> =
            ids.iter().filter(|(f, _)| f.sentence == sentence).collect();
        let rate = same.iter().find(|(f, _)| f.kind == Kind::Change);
        let amounts: Vec<&&(&Found, String)> = same
            .iter()
            .filter(|(f, _)| matches!(f.kind, Kind::Count | Kind::Money))
            .collect();
        let increase = amounts.iter().find(|(f, _)| {
            let before = before_in_sentence(f);
            INCREASE_WORDS.iter().any(|w| before.ends_with(w))
        });
        let level = amounts
            .iter()
            .find(|(f, _)| increase.is_none_or(|(g, _)| g.span != f.span));
        if let (Some((_, rate_id)), Some((inc, inc_id)), Some((lvl, lvl_id))) =
            (rate, increase, level)
        {
            if inc.unit == lvl.unit && inc.kind == lvl.kind {
                let n = out.len() / 2 + 1;
                let prev = format!("r{n}-previous");
                out.push(obj(vec![
                    ("id", s(&prev)),
                    ("type", s("difference")),
                    ("label", zh(&format!("上年{}（推算）", lvl.label))),
                    ("minuend", s(lvl_id)),
                    ("subtrahend", s(inc_id)),
                    ("decimals", Value::Number(0.0)),
                ]));
                out.push(obj(vec![
                    ("id", s(&format!("r{n}-growth"))),
                    ("type", s("growth")),
                    ("label", zh(&format!("{}增幅（推算）", lvl.label))),
                    ("level", s(lvl_id)),
                    ("increase", s(inc_id)),
                    ("rate", s(rate_id)),
                    ("decimals", Value::Number(2.0)),
                ]));
                if hero.is_none() {
                    hero = Some(obj(vec![
                        ("figure", s(lvl_id)),
                        ("previous", s(&prev)),
                        ("increase", s(inc_id)),
                        ("rate", s(rate_id)),
                    ]));
                }
            }
        }
        let share = same
            .iter()
            .find(|(f, _)| f.kind == Kind::Share && sentence.contains('占'));
        let part = same.iter().find(|(f, _)| f.kind == Kind::Count);
        if let (Some((sh, share_id)), Some((pt, part_id))) = (share, part) {
            if pt.span.start < sh.span.start {
                out.push(obj(vec![
                    ("id", s(&format!("r-share-{}", out.len() + 1))),
                    ("type", s("share-total")),
                    ("label", zh(&format!("{}所占的总数（推算）", pt.label))),
                    ("part", s(part_id)),
                    ("share", s(share_id)),
                    ("decimals", Value::Number(0.0)),
                ]));
            }
        }
        i += same.len().max(1);
    }
    (out, hero)
}

/// The sentence's text before the figure: both are slices of the article, so the figure's
/// place in its sentence is the distance between them.
fn before_in_sentence<'a>(f: &Found<'a>) -> &'a str {
    let offset = (f.written.as_ptr() as usize).checked_sub(f.sentence.as_ptr() as usize);
    offset.and_then(|o| f.sentence.get(..o)).unwrap_or("")
}
