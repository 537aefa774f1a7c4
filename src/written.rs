//! A figure as written ("10.79万人", "80%以上", "九项", "近70%") read back with the rules `format` writes zh with: the inverse of `format_number` for a dataset's `written` field, small enough for the reader's module (the desk's article reader, `crate::reader`, reads far more). Pure; never panics.

use crate::dataset::schema::{MEASURES, MEASURE_WORDS};
use crate::decimal::decimal_to_f64;
use crate::format::{Kind, Notation, Qualifier};

/// What a written figure says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written<'a> {
    pub value: f64,
    pub kind: Kind,
    /// The measure word or unit ("人", "元", "亩"); "" for percents and points.
    pub unit: &'a str,
    pub qualifier: Qualifier,
    pub notation: Notation,
}

/// Words before the number, longest first, with what they make of it.
const BEFORE: &[(&str, Qualifier)] = &[
    ("不超过", Qualifier::AtMost),
    ("大约", Qualifier::About),
    ("超过", Qualifier::AtLeast),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("约", Qualifier::About),
    ("近", Qualifier::About),
    ("超", Qualifier::AtLeast),
    ("逾", Qualifier::AtLeast),
];

/// Words after it.
const AFTER: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("左右", Qualifier::About),
    ("多", Qualifier::AtLeast),
    ("余", Qualifier::AtLeast),
];

const SCALES: &[(&str, i32, Notation)] = &[
    ("万亿", 12, Notation::Yi),
    ("亿", 8, Notation::Yi),
    ("万", 4, Notation::Wan),
];

fn hanzi_digit(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u64)
        .or((c == '两').then_some(2))
}

/// 九, 十二, 一百二十, 两千: whole numbers below ten thousand in Chinese numerals.
fn read_hanzi(s: &str) -> Option<(u64, &str)> {
    let mut total = 0u64;
    let mut digit: Option<u64> = None;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let power = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1000),
            _ => None,
        };
        if let Some(p) = power {
            // 十二 is 12: a power without a digit before it counts one.
            total = total.checked_add(digit.take().unwrap_or(1).checked_mul(p)?)?;
        } else if let Some(d) = hanzi_digit(c) {
            if digit.is_some() {
                return None;
            }
            digit = Some(d);
        } else {
            break;
        }
        used = i + c.len_utf8();
    }
    if used == 0 {
        return None;
    }
    total = total.checked_add(digit.unwrap_or(0))?;
    Some((total, s.get(used..).unwrap_or("")))
}

/// Digits with group separators and a decimal point: (ASCII digits, point position), and the rest.
fn read_digits(s: &str) -> Option<(Vec<u8>, i32, &str)> {
    let mut digits = Vec::new();
    let mut point: Option<i32> = None;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c as u8),
            '.' if point.is_none() && !digits.is_empty() => {
                point = Some(i32::try_from(digits.len()).ok()?)
            }
            ',' | '，' if point.is_none() && !digits.is_empty() => {}
            _ => break,
        }
        used = i + c.len_utf8();
    }
    if digits.is_empty() || digits.len() > 30 {
        return None;
    }
    let point = point.unwrap_or(i32::try_from(digits.len()).ok()?);
    Some((digits, point, s.get(used..).unwrap_or("")))
}

/// Reads a written figure; `None` if it is not one (a word, a date, two numbers).
pub fn parse(s: &str) -> Option<Written<'_>> {
    let mut rest = s.trim();
    let mut qualifier = Qualifier::Exact;
    if let Some((w, q)) = BEFORE.iter().find(|(w, _)| rest.starts_with(w)) {
        qualifier = *q;
        rest = rest.get(w.len()..)?;
    }
    let (signed, negative) = match rest.chars().next() {
        Some('+') => (true, false),
        Some('-' | '−') => (true, true),
        _ => (false, false),
    };
    if signed {
        rest = rest.get(rest.chars().next()?.len_utf8()..)?;
    }
    let (mut digits, mut point, mut notation, after) = match read_digits(rest) {
        Some((d, p, after)) => (d, p, Notation::Full, after),
        None => {
            let (n, after) = read_hanzi(rest)?;
            let d: Vec<u8> = n.to_string().into_bytes();
            let p = i32::try_from(d.len()).ok()?;
            (d, p, Notation::Hanzi, after)
        }
    };
    rest = after;
    if let Some((w, power, n)) = SCALES.iter().find(|(w, ..)| rest.starts_with(w)) {
        if notation == Notation::Hanzi {
            return None;
        }
        point = point.checked_add(*power)?;
        notation = *n;
        rest = rest.get(w.len()..)?;
    }
    for (w, q) in AFTER {
        if let Some(r) = rest.strip_suffix(w) {
            if qualifier != Qualifier::Exact {
                return None;
            }
            qualifier = *q;
            rest = r;
            break;
        }
    }
    let (kind, unit) = if rest == "%" || rest == "％" {
        (if signed { Kind::Change } else { Kind::Share }, "")
    } else if rest == "个百分点" {
        (Kind::Points, "")
    } else if signed {
        return None;
    } else if rest == "元" {
        (Kind::Money, "元")
    } else if MEASURES.contains(&rest) {
        (Kind::Measure, rest)
    } else if MEASURE_WORDS.contains(&rest) {
        (Kind::Count, rest)
    } else {
        return None;
    };
    // The decimal reader takes digits without leading zeros: 0.05 is 5 × 10^-1 × 0.1.
    while digits.first() == Some(&b'0') {
        digits.remove(0);
        point -= 1;
    }
    let magnitude = if digits.is_empty() {
        0.0
    } else {
        decimal_to_f64(&digits, point)?
    };
    Some(Written {
        value: if negative { -magnitude } else { magnitude },
        kind,
        unit,
        qualifier,
        notation,
    })
}
