//! Number tokens of one sentence in context: units, scale words, qualifiers, and what makes a number no figure (dates, times, ordinals, codes, names, slogans); then ranges and lists that share a unit.

use core::ops::Range;

use super::numbers::{self, Dec, Numeral};
use super::sentences::Marks;
use super::units::{self, Class};
use super::{Notation, Note, Qualifier};

/// A number as written, before its kind is decided.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Written form: from a prefix qualifier (约, 超过) to the end of a suffix (以上).
    pub start: usize,
    pub end: usize,
    pub num: Dec,
    /// Power of ten of the scale word (万 4, 亿 8, 万亿 12, 千 3).
    pub pow: i32,
    pub high: Option<(Dec, i32)>,
    /// Percent value of a fraction (3/4, 三分之一), which no decimal holds exactly.
    pub frac: Option<f64>,
    pub notation: Notation,
    /// None: a bare number, kept only to take the unit of a list or range it belongs to.
    pub class: Option<Class>,
    pub unit: &'static str,
    pub qualifier: Qualifier,
    pub prefix_qual: bool,
    pub suffix_qual: bool,
    /// Follows another token across a list separator (、 和 与 及).
    pub listed: bool,
    pub notes: Vec<Note>,
}

impl Token {
    fn scaled(&self) -> bool {
        self.pow != 0 || (self.notation == Notation::Hanzi && !self.num_small())
    }

    fn num_small(&self) -> bool {
        self.num.to_f64() < 100.0
    }

    /// The value in base units: percent for shares, yuan for money.
    pub fn value_of(&self, (num, pow): (Dec, i32)) -> f64 {
        let by = match self.class {
            Some(Class::PerMille | Class::PointsMille) => -1,
            Some(Class::Tenth) => 1,
            _ => 0,
        };
        num.scaled(pow.saturating_add(by)).to_f64()
    }

    pub fn value(&self) -> f64 {
        self.frac
            .unwrap_or_else(|| self.value_of((self.num, self.pow)))
    }
}

enum Step {
    Token(Box<Token>),
    /// Not a figure; scanning resumes at this offset.
    Skip(usize),
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..)?.chars().next()
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s.get(..at)?.chars().next_back()
}

fn skip_spaces(s: &str, mut at: usize, limit: usize) -> usize {
    for _ in 0..limit {
        match char_at(s, at) {
            Some(c) if units::is_space(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// The end of a run of digits joined by date, time, ratio or code marks (2022-12-10, 6.01:55.04).
fn chain_end(s: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(s, at) {
        let joins = matches!(c, '-' | '/' | ':' | '：' | '.' | '．' | '－' | '—' | '~');
        if numbers::digit_of(c).is_some()
            || (joins
                && char_at(s, at + c.len_utf8())
                    .and_then(numbers::digit_of)
                    .is_some())
        {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// Every token of the sentence `sent` of `text`, ranges merged and list items given their unit;
/// bare numbers that take no unit are gone.
pub(crate) fn tokens(text: &str, sent: &Range<usize>, marks: &Marks) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = sent.start;
    while at < sent.end {
        let Some(c) = char_at(text, at) else { break };
        match read(text, at, sent, Some(marks)) {
            Some(Step::Token(t)) => {
                at = t.end.max(at + c.len_utf8());
                out.push(*t);
            }
            Some(Step::Skip(end)) => at = end.max(at + c.len_utf8()),
            None => at += c.len_utf8(),
        }
    }
    resolve(text, out)
}

/// Reads the token whose numeral starts at `at`. `marks` is None for a standalone written
/// figure ([`super::parse_written`]), which has no context to rule it out.
fn read(text: &str, at: usize, sent: &Range<usize>, marks: Option<&Marks>) -> Option<Step> {
    let percent_word = text.get(at..)?.starts_with("百分之");
    let num_at = if percent_word {
        at + "百分之".len()
    } else {
        at
    };
    let n: Numeral = if numbers::digit_of(char_at(text, num_at)?).is_some() {
        numbers::read_digits(text, num_at)?
    } else if numbers::is_hanzi_numeral(char_at(text, num_at)?) {
        match numbers::read_hanzi(text, num_at) {
            Some(n) => n,
            None => return Some(Step::Skip(hanzi_run_end(text, num_at))),
        }
    } else {
        return None;
    };
    let mut j = n.end;
    let next = char_at(text, j);
    let after_next = next.and_then(|d| char_at(text, j + d.len_utf8()));
    let digit_follows = after_next.and_then(numbers::digit_of).is_some();
    let mut frac = None;
    if !n.hanzi && !percent_word {
        match next {
            Some(':' | '：' | '.' | '．') if digit_follows => {
                return Some(Step::Skip(chain_end(text, j)))
            }
            Some('-' | '/' | '－' | '—') if digit_follows => {
                let year = n.int_digits == 4 && n.num_is_int() && (1000..3000).contains(&n.int());
                if year || n.leading_zero {
                    return Some(Step::Skip(chain_end(text, j)));
                }
                if next == Some('/') {
                    let d = numbers::read_digits(text, j + 1)?;
                    let more = char_at(text, d.end)
                        .is_some_and(|c| units::scale_at(text, d.end).is_some() || c == '/');
                    let den = d.dec.to_f64();
                    if more || den == 0.0 || !d.num_is_int() || !n.num_is_int() {
                        return Some(Step::Skip(chain_end(text, j)));
                    }
                    frac = Some(n.dec.to_f64() * 100.0 / den);
                    j = d.end;
                }
            }
            Some(l) if l.is_ascii_alphabetic() => return Some(Step::Skip(j)),
            _ => {}
        }
    }
    if n.hanzi && text.get(j..)?.starts_with("分之") {
        let d = numbers::read_hanzi(text, j + "分之".len())?;
        let den = n.dec.to_f64();
        if den == 0.0 {
            return Some(Step::Skip(d.end));
        }
        frac = Some(d.dec.to_f64() * 100.0 / den);
        j = d.end;
    }
    if let Some(marks) = marks {
        if let Some(end) = ruled_out_before(text, at, j, sent, marks) {
            return Some(Step::Skip(end));
        }
    }
    // Scale and unit: 10.79万人, 115多万吨, 15万多吨, 1.4 %, 共 93 所.
    let mut k = skip_spaces(text, j, 2);
    let mut pow = 0;
    let mut notation = if n.hanzi {
        Notation::Hanzi
    } else {
        Notation::Full
    };
    let mut mid = false;
    let mut unit = units::unit_at(text, k);
    if unit.is_none() && !n.hanzi && frac.is_none() {
        let k0 = take_mid(text, k, &mut mid);
        if let Some((end, p, nt)) = units::scale_at(text, k0) {
            pow = p;
            notation = nt;
            k = take_mid(text, end, &mut mid);
            unit = units::unit_at(text, k);
        } else if mid {
            unit = units::unit_at(text, k0);
            k = k0;
        }
    } else if unit.is_none() && n.hanzi {
        let k0 = take_mid(text, k, &mut mid);
        if mid {
            unit = units::unit_at(text, k0);
            k = k0;
        }
    }
    let (mut end, unit, mut class) = match unit {
        Some((e, u, cl)) => (e, u, Some(cl)),
        None if pow != 0 => (k, "", None),
        None => (j, "", None),
    };
    if percent_word || frac.is_some() {
        class = Some(Class::Percent);
        end = j;
    }
    if class == Some(Class::Not) || (class == Some(Class::Tenth) && pow != 0) {
        return Some(Step::Skip(end));
    }
    let mut q = if mid {
        Qualifier::AtLeast
    } else {
        Qualifier::Exact
    };
    let mut suffix_qual = false;
    if class.is_some() || pow != 0 {
        if let Some((s, sq)) = units::SUFFIXES
            .iter()
            .find(|(s, _)| text.get(end..).is_some_and(|r| r.starts_with(s)))
        {
            end += s.len();
            if !mid {
                q = *sq;
            }
            suffix_qual = true;
        }
    }
    let mut start = at;
    let mut prefix_qual = false;
    if let Some((p, pq)) = prefix_qualifier(text, at, sent.start) {
        start = at - p;
        q = pq;
        prefix_qual = true;
    }
    let mut t = Token {
        start,
        end,
        num: n.dec,
        pow,
        high: None,
        frac,
        notation,
        class,
        unit,
        qualifier: q,
        prefix_qual,
        suffix_qual,
        listed: false,
        notes: Vec::new(),
    };
    if let Some(marks) = marks {
        if let Some(skip) = ruled_out_after(text, &t, n.hanzi && n.small, marks) {
            return Some(Step::Skip(skip));
        }
        if n.hanzi && n.small && class == Some(Class::Count) {
            let quoted = marks.quote(&(t.start..t.end)).is_some();
            t.notes.push(if quoted {
                Note::QuotedCount
            } else {
                Note::EnumerationCount
            });
        }
    }
    Some(Step::Token(Box::new(t)))
}

fn hanzi_run_end(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at).filter(|&c| numbers::is_hanzi_numeral(c)) {
        at += c.len_utf8();
    }
    at
}

/// 多 or 余 between a number and its scale or unit (115多万吨, 300余人) means "more than".
fn take_mid(text: &str, at: usize, mid: &mut bool) -> usize {
    match char_at(text, at) {
        Some(c @ ('多' | '余')) => {
            *mid = true;
            at + c.len_utf8()
        }
        _ => at,
    }
}

fn prefix_qualifier(text: &str, at: usize, floor: usize) -> Option<(usize, Qualifier)> {
    let before = text.get(floor..at)?;
    let (p, q) = units::PREFIXES.iter().find(|(p, _)| before.ends_with(p))?;
    let guarded = matches!(*p, "近" | "约" | "超");
    let prev = char_before(text, at - p.len());
    if guarded && prev.is_some_and(|c| units::NOT_BEFORE_QUALIFIER.contains(c)) {
        return None;
    }
    Some((p.len(), *q))
}

/// Context before the numeral that makes it no figure: an ordinal (第三), a denominator
/// (每千人口), a rank (前5位), a title (《…2022年…》), a code (5G, COVID-19), a list number
/// at the start of a line (1. 一、).
fn ruled_out_before(
    text: &str,
    at: usize,
    j: usize,
    sent: &Range<usize>,
    marks: &Marks,
) -> Option<usize> {
    let prev = char_before(text, at).filter(|_| at > sent.start);
    // 第三 and 每千人口; 数十万, 几百 are vague, not figures (but 人数3.4亿人 is one).
    let vague = matches!(prev, Some('数' | '几'))
        && char_at(text, at).is_some_and(numbers::is_hanzi_numeral);
    if vague || matches!(prev, Some('第' | '每')) || marks.in_title(at) {
        return Some(chain_end(text, j));
    }
    if prev.is_some_and(|c| c.is_ascii_alphabetic())
        || (prev == Some('-') && char_before(text, at - 1).is_some_and(|c| c.is_ascii_alphabetic()))
    {
        return Some(chain_end(text, j));
    }
    if prev == Some('前') && matches!(char_at(text, j), Some('位' | '名')) {
        return Some(j);
    }
    let next = char_at(text, j);
    if at == sent.start && matches!(next, Some('.' | '．' | '、' | ')' | '）')) {
        return Some(j);
    }
    None
}

/// Context after the unit that makes it no figure: an age band naming a group (65岁及以上老年人),
/// and the Chinese-numeral counts that are idiom, names or slogans. A small count in Chinese
/// numerals (四种, 九项) is a figure only inside a quoted term (“九项重点工作”, the 九组 of
/// “一办九组”) or when it sums up an enumeration (高血压、…等四种慢性病); never 一 (一个学生),
/// never before a slogan word (“四个不摘”, 六个打造), never summing up goals (打造…等九项重点任务).
fn ruled_out_after(text: &str, t: &Token, small_hanzi: bool, marks: &Marks) -> Option<usize> {
    let rest = text.get(t.end..)?;
    if t.unit == "岁" && rest.chars().next().is_some_and(is_ideograph) {
        return Some(t.end);
    }
    if !small_hanzi || t.class != Some(Class::Count) {
        return None;
    }
    if t.num.to_f64() == 1.0 || units::starts_with_any(rest, units::SLOGAN_HEADS) {
        return Some(t.end);
    }
    if marks.quote(&(t.start..t.end)).is_some() {
        return None;
    }
    let before = text.get(..t.start)?;
    let Some(list) = before.strip_suffix('等') else {
        return Some(t.end);
    };
    let item_start = list
        .char_indices()
        .rev()
        .find(|&(_, c)| units::is_clause_break(c) || c == '、')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let item = list.get(item_start..)?;
    units::starts_with_any(item, units::SLOGAN_HEADS).then_some(t.end)
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn between<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    text.get(a.end..b.start)
        .unwrap_or("")
        .trim_matches(units::is_space)
}

/// Ranges (2至3个, 5—10万) become one token; bare list items take the unit of the item after them
/// (2.16和1.66个百分点, 4个和3.2个百分点); bare numbers left over are no figures.
fn resolve(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut merged = merge_ranges(text, tokens);
    for i in (1..merged.len()).rev() {
        let (head, tail) = merged.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first_mut()) else {
            continue;
        };
        if !units::LIST_SEPARATORS.contains(&between(text, a, b)) {
            continue;
        }
        b.listed = true;
        if a.class.is_none() && b.class.is_some() {
            a.class = b.class;
            a.unit = b.unit;
            if a.pow == 0 && a.notation != Notation::Hanzi {
                a.pow = b.pow;
                a.notation = b.notation;
            }
        } else if a.unit == "个" && matches!(b.class, Some(Class::Points | Class::PointsMille)) {
            a.class = b.class;
            a.unit = "";
        }
    }
    merged.retain(|t| t.class.is_some() || t.scaled());
    merged
}

fn merge_ranges(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
    for b in tokens {
        if let Some(a) = merged.last_mut() {
            let sep = between(text, a, &b);
            let same = a.class.is_none() || (a.class == b.class && a.unit == b.unit);
            let b_real = b.class.is_some() || b.pow != 0;
            if units::RANGE_SEPARATORS.contains(&sep) && same && b_real && !a.suffix_qual {
                if a.class.is_none() && a.pow == 0 && a.notation != Notation::Hanzi {
                    a.pow = b.pow;
                    a.notation = b.notation;
                }
                a.high = Some((b.num, b.pow));
                a.class = b.class;
                a.unit = b.unit;
                a.end = b.end;
                if !a.prefix_qual {
                    a.qualifier = b.qualifier;
                }
                continue;
            }
        }
        merged.push(b);
    }
    merged
}

/// Reads `s` as one written figure, all of it (a range counts as one): the grammar of
/// [`tokens`] without context.
pub(crate) fn standalone(s: &str) -> Option<Token> {
    let all = 0..s.len();
    let mut found = Vec::new();
    let mut at = 0;
    while at < s.len() {
        match read(s, at, &all, None)? {
            Step::Token(t) if t.class != Some(Class::Not) => {
                at = t.end;
                found.push(*t);
            }
            _ => return None,
        }
        let sep = units::RANGE_SEPARATORS
            .iter()
            .find(|sep| s.get(at..).is_some_and(|r| r.starts_with(**sep)));
        match sep {
            Some(sep) if found.len() == 1 => at += sep.len(),
            _ => break,
        }
    }
    let mut merged = merge_ranges(s, found);
    match (merged.pop(), merged.is_empty()) {
        (Some(t), true) if t.start == 0 && t.end == s.len() => Some(t),
        _ => None,
    }
}

impl Numeral {
    fn num_is_int(&self) -> bool {
        self.dec.exp >= 0
    }

    fn int(&self) -> u128 {
        self.dec
            .mant
            .saturating_mul(10u128.saturating_pow(self.dec.exp.max(0) as u32))
    }
}
