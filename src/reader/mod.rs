//! Reads the figures of a Chinese news article (numbers in digits and Chinese numerals, units, qualifiers, their sentence and a drafted label) for the desk; pure and std-only, it must not touch the browser and never panics.
//!
//! Pipeline: [`sentences`] splits the text and finds quotes and titles; [`scan`] reads each
//! number with its scale, unit and qualifiers and drops what is no figure; this module decides
//! share or change, and [`label`] drafts the words. The rules for what is no figure:
//!
//! - years, dates, times and durations (2022年, 今年6月, 1—6月, 2022-12-10, 09:10, 连续八年,
//!   六个月): a time word after the number, or digits joined by `-` `/` `:` to a year;
//! - ordinals, ranks, grades and categories (第十四次, 前5位, 一级, 四级, 五类村, 十九大);
//! - codes, names and document numbers (5G, 〔2022〕3号, 《2022年…方案》, 025-8470…);
//! - denominators (每千人口, 每万人口) and age bands naming a group (65岁及以上老年人);
//! - bare numbers with neither unit nor scale word (汇率6.8985, 生师比12.66:1), unless a
//!   list or range gives them the unit of the next item (2.16和1.66个百分点);
//! - counts in small Chinese numerals, except inside a quoted term (“九项重点工作”, the 九组
//!   of “一办九组”) or summing up an enumeration (…等四种慢性病): never 一 (一个学生), never
//!   before a slogan word (“四个不摘”, “三个全覆盖”, 六个打造), never counting goals
//!   (打造…等九项重点任务); a numeral without a measure word (“两不愁三保障”, 三农,
//!   “十四五”, the 一办 of “一办九组”, 三省) is no count.

mod label;
mod numbers;
mod scan;
mod sentences;
mod units;

use core::ops::Range;

use units::Class;

macro_rules! named {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: [Self; [$($text),+].len()] = [$(Self::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }
    };
}

named! {
    /// What a figure is. `Share` and `Change` are percents (0–100); `Change` and `Points` are
    /// signed (下降3.82% is -3.82); `Points` are percentage points (提高2.1个百分点).
    Kind { Count = "count", Money = "money", Share = "share", Change = "change", Points = "points", Measure = "measure" }
}

named! {
    /// How exact the article says the figure is.
    Qualifier { Exact = "exact", AtLeast = "at-least", About = "about", AtMost = "at-most" }
}

named! {
    /// How the number is written: plain digits, with 万, with 亿 (or 万亿), in Chinese numerals.
    Notation { Full = "full", Wan = "wan", Yi = "yi", Hanzi = "hanzi" }
}

named! {
    /// Why a drafted figure wants a second look.
    Note {
        LabelBorrowed = "label taken from the words around the figure before it",
        NoLabel = "no words found for the label",
        LongLabel = "label is long; shorten it",
        NoUnit = "no unit written after the number",
        QuotedCount = "a count inside a quoted term; check that the story means it as a figure",
        EnumerationCount = "a count in Chinese numerals summing up a list; check it is a figure",
        QualifierFromContext = "qualifier read from 约 earlier in the clause",
        ShareOver100 = "a share over 100%",
        PerMille = "written in per mille; value converted to percent",
        Fraction = "written as a fraction; value converted to percent",
    }
}

/// A figure found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found<'a> {
    /// In base units: 10.5万个 → 105000, 1.57亿元 → 157000000 (yuan), 80% → 80 (percent).
    /// A range (2至3个) has its low end here and its high end in `high`.
    pub value: f64,
    pub high: Option<f64>,
    pub kind: Kind,
    /// The zh measure word or unit (元, 人, 个, 亩, 千公顷); "" for percents and points, and for
    /// numbers written with a scale word only (总诊疗人次95.5亿).
    pub unit: &'static str,
    pub qualifier: Qualifier,
    pub notation: Notation,
    /// The figure as the article writes it, qualifiers included (约合20533美元, 80%以上).
    pub written: &'a str,
    /// The sentence it comes from, verbatim.
    pub sentence: &'a str,
    /// Byte span of `written` in the text.
    pub span: Range<usize>,
    /// A drafted zh label (新增学位).
    pub label: String,
    pub notes: Vec<Note>,
}

/// A single written figure read back ([`parse_written`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written {
    pub value: f64,
    pub high: Option<f64>,
    pub kind: Kind,
    pub unit: &'static str,
    pub qualifier: Qualifier,
    pub notation: Notation,
}

/// Every figure of `text`, in the order they appear.
///
/// ```
/// use revitalization_infographic::reader::{figures, Kind, Notation, Qualifier};
/// let found = figures("投入使用新建、扩建中小学及幼儿园116所,新增学位10.5万个。");
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[1].value, found[1].unit, found[1].notation), (105000.0, "个", Notation::Wan));
/// assert_eq!(found[1].label, "新增学位");
/// assert_eq!(figures("“三重保障”报销比例达到80%以上。")[0].qualifier, Qualifier::AtLeast);
/// assert_eq!(figures("比上年下降3.82%")[0].kind, Kind::Change);
/// assert!(figures("2022年10月底,严格落实“四个不摘”。").is_empty());
/// ```
pub fn figures(text: &str) -> Vec<Found<'_>> {
    let marks = sentences::Marks::of(text);
    let mut out: Vec<Found> = Vec::new();
    for sent in sentences::split(text) {
        let Some(sentence) = text.get(sent.clone()) else {
            continue;
        };
        let tokens = scan::tokens(text, &sent, &marks);
        let mut spans: Vec<Range<usize>> = Vec::with_capacity(tokens.len());
        let mut kinds: Vec<(Kind, f64)> = Vec::with_capacity(tokens.len());
        let first = out.len();
        for mut t in tokens {
            let span = t.start..t.end;
            let quote = marks.quote(&span).filter(|_| t.notation == Notation::Hanzi);
            let prev_label = out
                .get(first..)
                .and_then(|f| f.last())
                .map(|f| f.label.as_str());
            let cx = label::Context {
                text,
                sent: sent.clone(),
                before: &spans,
                prev_label,
                quote,
            };
            let prefix = label::clause_prefix(&cx, t.start);
            let (kind, sign) = match t.class {
                Some(Class::Percent | Class::PerMille | Class::Tenth) => {
                    match kinds.last().filter(|_| t.listed) {
                        Some(&(k @ (Kind::Share | Kind::Change), s)) => (k, s),
                        _ => change_cue(prefix).map_or((Kind::Share, 1.0), |s| (Kind::Change, s)),
                    }
                }
                Some(Class::Points | Class::PointsMille) => {
                    match kinds.last().filter(|_| t.listed) {
                        Some(&(Kind::Points, s)) => (Kind::Points, s),
                        _ => (Kind::Points, change_cue(prefix).unwrap_or(1.0)),
                    }
                }
                Some(Class::Money) => (Kind::Money, 1.0),
                Some(Class::Measure) => (Kind::Measure, 1.0),
                Some(Class::Count | Class::Not) | None => (Kind::Count, 1.0),
            };
            if t.qualifier == Qualifier::Exact
                && ["约占", "约为", "约有"].iter().any(|w| prefix.contains(w))
            {
                t.qualifier = Qualifier::About;
                t.notes.push(Note::QualifierFromContext);
            }
            let mut notes = core::mem::take(&mut t.notes);
            match t.class {
                None => notes.push(Note::NoUnit),
                Some(Class::PerMille | Class::PointsMille) => notes.push(Note::PerMille),
                _ if t.frac.is_some() => notes.push(Note::Fraction),
                _ => {}
            }
            let value = t.value() * sign;
            if kind == Kind::Share && value > 100.0 {
                notes.push(Note::ShareOver100);
            }
            let label = label::draft(&cx, &span, &mut notes);
            kinds.push((kind, sign));
            out.push(Found {
                value,
                high: t.high.map(|h| t.value_of(h) * sign),
                kind,
                unit: t.unit,
                qualifier: t.qualifier,
                notation: t.notation,
                written: text.get(span.clone()).unwrap_or(""),
                sentence,
                span: span.clone(),
                label,
                notes,
            });
            spans.push(span);
        }
    }
    out
}

/// The sign a growth or decline word right before the number gives (增长, 增幅达, 下降了);
/// None for a level (提高到95%, 占比) or no such word.
fn change_cue(prefix: &str) -> Option<f64> {
    let mut p = prefix.trim_end_matches(units::is_space);
    // 增长-2.9%: a minus between the cue and the number turns the sign.
    let flip = if let Some(q) = p.strip_suffix(['-', '－', '−']) {
        p = q;
        -1.0
    } else {
        1.0
    };
    while let Some(f) = units::CUE_FILLERS.iter().find(|f| p.ends_with(**f)) {
        p = p.get(..p.len() - f.len()).unwrap_or("");
    }
    if p.ends_with('到') || p.ends_with('至') {
        return None;
    }
    units::CHANGE_CUES
        .iter()
        .find(|(c, _)| p.ends_with(c))
        .map(|&(_, s)| s * flip)
}

/// Reads one written figure ("10.79万人", "1.57亿元", "80%以上", "九项", "近70%", "+11.42%",
/// "不超过50%") with the grammar [`figures`] uses. A signed percent is a change, an unsigned
/// one a share; anything left over after the figure makes it None.
///
/// ```
/// use revitalization_infographic::reader::{parse_written, Kind, Notation, Qualifier};
/// let w = parse_written("2677.03万元").unwrap();
/// assert_eq!((w.value, w.kind, w.unit, w.notation), (26770300.0, Kind::Money, "元", Notation::Wan));
/// assert_eq!(parse_written("80%以上").unwrap().qualifier, Qualifier::AtLeast);
/// assert_eq!(parse_written("+11.42%").unwrap().kind, Kind::Change);
/// assert_eq!(parse_written("九项").unwrap().value, 9.0);
/// assert!(parse_written("—").is_none());
/// ```
pub fn parse_written(s: &str) -> Option<Written> {
    let s = s.trim();
    let (q, rest) = units::PREFIXES
        .iter()
        .find_map(|(p, q)| s.strip_prefix(p).map(|r| (Some(*q), r)))
        .unwrap_or((None, s));
    let (sign, rest) = match rest.chars().next()? {
        '+' => (Some(1.0), rest.get(1..)?),
        '-' => (Some(-1.0), rest.get(1..)?),
        '−' => (Some(-1.0), rest.get('−'.len_utf8()..)?),
        _ => (None, rest),
    };
    let t = scan::standalone(rest)?;
    let kind = match t.class {
        Some(Class::Percent | Class::PerMille | Class::Tenth) if sign.is_some() => Kind::Change,
        Some(Class::Percent | Class::PerMille | Class::Tenth) => Kind::Share,
        Some(Class::Points | Class::PointsMille) => Kind::Points,
        Some(Class::Money) => Kind::Money,
        Some(Class::Measure) => Kind::Measure,
        Some(Class::Count | Class::Not) | None => Kind::Count,
    };
    let sign = sign.unwrap_or(1.0);
    Some(Written {
        value: t.value() * sign,
        high: t.high.map(|h| t.value_of(h) * sign),
        kind,
        unit: t.unit,
        qualifier: q.unwrap_or(t.qualifier),
        notation: t.notation,
    })
}
