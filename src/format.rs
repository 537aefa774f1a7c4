//! Numbers as the story writes them in zh and en (decimal rounding, 万/亿 units, qualifiers); pure and deterministic, it must not touch the browser.

pub use crate::decimal::plain;
use crate::decimal::Dec;

/// What a value that is not a finite number (NaN, ±infinity) prints as.
pub const MISSING: &str = "—";

/// Fraction digits `NumberFormat::max_decimals` is clamped to.
const MAX_DECIMALS: u8 = 6;

/// Each name is written once, so `parse`, `as_str` and the serde name cannot drift apart.
macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: [Self; [$($text),+].len()] = [$(Self::$variant),+];

            /// Accepts exactly the serde name.
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.as_str() == s)
            }

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }
    };
}

named_enum! {
    /// Language of the text around the number.
    Lang { Zh = "zh", En = "en" }
}

impl Lang {
    /// The widget's other language: the one a switch goes to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

named_enum! {
    /// What the number is. `Share` and `Change` take percents: 78.08 prints as "78.08%";
    /// `Points` are percentage points, signed like a change ("+2.1个百分点"); `Measure` is a
    /// physical quantity with its unit (亩, 吨, 公里), written like a count.
    Kind { Count = "count", Money = "money", Share = "share", Change = "change", Points = "points", Measure = "measure" }
}

named_enum! {
    /// How counts and amounts are written; percents ignore it. `Wan` and `Yi` are the
    /// smallest unit allowed, not a fixed one: rounding up to 10000 steps to the next unit.
    Notation { Auto = "auto", Full = "full", Wan = "wan", Yi = "yi", Hanzi = "hanzi" }
}

named_enum! {
    /// How exact the figure is: "80%以上" / "over 80%", "约248元" / "about 248 yuan".
    Qualifier { Exact = "exact", AtLeast = "at-least", About = "about", AtMost = "at-most" }
}

#[derive(Clone, Copy, Debug)]
pub struct NumberFormat<'a> {
    pub lang: Lang,
    pub kind: Kind,
    pub notation: Notation,
    pub qualifier: Qualifier,
    /// zh measure word or unit after the number ("元", "个", "人次"); "" for none.
    pub measure: &'a str,
    /// en noun after the number ("places", "people"); "" for none.
    pub noun_en: &'a str,
    /// zh house style: "16,317元" (true) or "16317元" (false). en always groups.
    pub group_zh: bool,
    /// Most fraction digits kept (trailing zeros dropped); above 6 counts as 6.
    pub max_decimals: u8,
}

impl<'a> NumberFormat<'a> {
    /// Full notation, exact, no measure or noun, ungrouped zh, two decimals.
    pub fn new(lang: Lang, kind: Kind) -> Self {
        Self {
            lang,
            kind,
            notation: Notation::Full,
            qualifier: Qualifier::Exact,
            measure: "",
            noun_en: "",
            group_zh: false,
            max_decimals: 2,
        }
    }
}

/// zh steps every 10^4, en every 10^3 above a million; (power of ten, name).
const ZH_UNITS: [(i32, &str); 4] = [(0, ""), (4, "万"), (8, "亿"), (12, "万亿")];
const EN_UNITS: [(i32, &str); 4] = [(0, ""), (6, " million"), (9, " billion"), (12, " trillion")];

/// Formats `value` as the story writes it; non-finite values print as [`MISSING`].
///
/// ```
/// use revitalization_infographic::format::{format_number, Kind, Lang, Notation, NumberFormat, Qualifier};
///
/// let wan = NumberFormat { notation: Notation::Wan, measure: "元", ..NumberFormat::new(Lang::Zh, Kind::Money) };
/// assert_eq!(format_number(26_770_250.0, &wan), "2677.03万元");
/// assert_eq!(format_number(99_999_999.0, &wan), "1亿元");
///
/// let en = NumberFormat { notation: Notation::Auto, ..NumberFormat::new(Lang::En, Kind::Money) };
/// assert_eq!(format_number(157_000_000.0, &en), "¥157 million");
/// assert_eq!(format_number(16_317.0, &en), "16,317 yuan");
///
/// let change = NumberFormat::new(Lang::Zh, Kind::Change);
/// assert_eq!(format_number(11.42, &change), "+11.42%");
/// assert_eq!(format_number(-0.0, &change), "0%");
///
/// let over = NumberFormat { qualifier: Qualifier::AtLeast, ..NumberFormat::new(Lang::Zh, Kind::Share) };
/// assert_eq!(format_number(80.0, &over), "80%以上");
/// assert_eq!(format_number(f64::NAN, &over), "—");
/// ```
pub fn format_number(value: f64, f: &NumberFormat) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let decimals = f.max_decimals.min(MAX_DECIMALS);
    let negative = value < 0.0;
    let abs = Dec::of(value);
    let group = f.lang == Lang::En || f.group_zh;
    let mut out = String::new();
    match (f.lang, f.kind) {
        (lang, Kind::Points) => {
            push_number(&mut out, negative, &abs.rounded(decimals), true, group);
            out.push_str(match lang {
                Lang::Zh => "个百分点",
                Lang::En => " percentage points",
            });
        }
        (_, Kind::Share | Kind::Change) => {
            push_number(
                &mut out,
                negative,
                &abs.rounded(decimals),
                f.kind == Kind::Change,
                group,
            );
            out.push('%');
        }
        (Lang::Zh, _) => {
            let min_unit = match f.notation {
                Notation::Full | Notation::Hanzi => None,
                Notation::Auto => Some(0),
                Notation::Wan => Some(1),
                Notation::Yi => Some(2),
            };
            let (shown, unit) = match min_unit {
                Some(min) => in_unit(&abs, decimals, &ZH_UNITS, min),
                None => (abs.rounded(decimals), ""),
            };
            let numerals = (f.notation == Notation::Hanzi && (!negative || shown.is_zero()))
                .then(|| hanzi(&shown))
                .flatten();
            // Before 万/亿 the house style writes 2677.03万元, never 2,677.03万元: like Intl's
            // compact notation (minimum grouping digits 2), only five integer digits group.
            let group = group && (unit.is_empty() || shown.point > 4);
            match numerals {
                Some(numerals) => out.push_str(&numerals),
                None => push_number(&mut out, negative, &shown, false, group),
            }
            out.push_str(unit);
            out.push_str(f.measure);
        }
        (Lang::En, Kind::Count | Kind::Measure) => {
            let (shown, unit) = if f.notation == Notation::Auto {
                in_unit(&abs, decimals, &EN_UNITS, 0)
            } else {
                (abs.rounded(decimals), "")
            };
            push_number(&mut out, negative, &shown, false, group);
            out.push_str(unit);
            if !f.noun_en.is_empty() {
                out.push(' ');
                out.push_str(f.noun_en);
            }
        }
        (Lang::En, Kind::Money) => {
            let (shown, unit) = match f.notation {
                Notation::Full | Notation::Hanzi => (abs.rounded(decimals), ""),
                Notation::Auto | Notation::Wan | Notation::Yi => {
                    in_unit(&abs, decimals, &EN_UNITS, 0)
                }
            };
            if unit.is_empty() {
                push_number(&mut out, negative, &shown, false, group);
                out.push(' ');
                out.push_str(if f.noun_en.is_empty() {
                    "yuan"
                } else {
                    f.noun_en
                });
            } else {
                // Intl puts the minus before the currency sign: "-¥5 million".
                out.push_str(sign(negative, &shown, false));
                out.push('¥');
                shown.write(group, &mut out);
                out.push_str(unit);
            }
        }
    }
    let (prefix, suffix) = match (f.lang, f.qualifier) {
        (_, Qualifier::Exact) => ("", ""),
        (Lang::Zh, Qualifier::AtLeast) => ("", "以上"),
        (Lang::Zh, Qualifier::About) => ("约", ""),
        (Lang::Zh, Qualifier::AtMost) => ("不超过", ""),
        (Lang::En, Qualifier::AtLeast) => ("over ", ""),
        (Lang::En, Qualifier::About) => ("about ", ""),
        (Lang::En, Qualifier::AtMost) => ("up to ", ""),
    };
    if prefix.is_empty() && suffix.is_empty() {
        out
    } else {
        format!("{prefix}{out}{suffix}")
    }
}

/// `value` rounded half away from zero to `decimals` on its shortest decimal
/// representation, as plain digits ("16,317" / "16317"); for axis ticks and formulas.
pub fn format_plain(value: f64, decimals: u8, group: bool) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let mut out = String::new();
    push_number(
        &mut out,
        value < 0.0,
        &Dec::of(value).rounded(decimals),
        false,
        group,
    );
    out
}

/// The rounding of [`format_plain`] as a number, for consistency checks; non-finite
/// values stay as they are, and a result of zero is +0.
pub fn round_half_away(value: f64, decimals: u8) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let exact = Dec::of(value);
    if exact.frac_len() <= i32::from(decimals) {
        // Adding +0 turns -0 into +0 and leaves every other value alone.
        return value + 0.0;
    }
    let magnitude = exact.rounded(decimals).to_f64().unwrap_or(value.abs());
    if value < 0.0 && magnitude != 0.0 {
        -magnitude
    } else {
        magnitude
    }
}

/// Fraction digits of the shortest decimal representation (11.42 → 2, 1e-7 → 7);
/// non-finite → 0, and more than 255 (tiny subnormals) → 255.
pub fn decimals_of(value: f64) -> u8 {
    if !value.is_finite() {
        return 0;
    }
    u8::try_from(Dec::of(value).frac_len().max(0)).unwrap_or(u8::MAX)
}

fn sign(negative: bool, shown: &Dec, plus: bool) -> &'static str {
    // Rounding to zero drops the sign, as Intl's signDisplay "exceptZero" does for changes.
    match (shown.is_zero(), negative) {
        (true, _) => "",
        (false, true) => "-",
        (false, false) if plus => "+",
        (false, false) => "",
    }
}

fn push_number(out: &mut String, negative: bool, shown: &Dec, plus: bool, group: bool) {
    out.push_str(sign(negative, shown, plus));
    shown.write(group, out);
}

/// Rounds `abs` in the largest unit it reaches (but at least `units[min]`) and steps up
/// while the rounded figure fills the next unit, so 99999999 is 1亿, never 10000万.
fn in_unit(
    abs: &Dec,
    decimals: u8,
    units: &[(i32, &'static str)],
    min: usize,
) -> (Dec, &'static str) {
    let mut i = units
        .iter()
        .rposition(|&(power, _)| abs.at_least(power))
        .unwrap_or(0)
        .max(min);
    loop {
        let (power, name) = units.get(i).copied().unwrap_or((0, ""));
        let shown = abs.shifted(power).rounded(decimals);
        match units.get(i + 1) {
            Some(&(next, _)) if shown.at_least(next - power) => i += 1,
            _ => return (shown, name),
        }
    }
}

/// Whole numbers 0..=99 in Chinese numerals (九, 十一, 九十九); anything else is None.
fn hanzi(n: &Dec) -> Option<String> {
    if n.frac_len() > 0 || n.point > 2 {
        return None;
    }
    let value = (0..n.point).fold(0, |acc, i| acc * 10 + usize::from(n.digit(i) - b'0'));
    let numeral = |d: usize| "零一二三四五六七八九".chars().nth(d);
    let (tens, ones) = (value / 10, value % 10);
    let mut out = String::new();
    if tens > 1 {
        out.push(numeral(tens)?);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 || tens == 0 {
        out.push(numeral(ones)?);
    }
    Some(out)
}
