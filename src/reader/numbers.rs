//! Numerals: Arabic digits (grouping separators, decimals, full-width digits) and Chinese numerals, read into exact decimals; knows nothing of units or context.

/// `mant × 10^exp`, exact; trailing zeros are folded into `exp` so big round numbers stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dec {
    pub mant: u128,
    pub exp: i32,
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Dec {
    pub fn new(mut mant: u128, mut exp: i32) -> Dec {
        while mant != 0 && mant.is_multiple_of(10) {
            mant /= 10;
            exp = exp.saturating_add(1);
        }
        Dec { mant, exp }
    }

    pub fn scaled(self, by: i32) -> Dec {
        Dec::new(self.mant, self.exp.saturating_add(by))
    }

    /// The nearest f64: one exact operation when the mantissa and power fit (Clinger's fast
    /// path), so 4092.98万 is exactly 40929800 and 3.40 is the f64 `3.4` parses to.
    pub fn to_f64(self) -> f64 {
        if self.mant < (1u128 << 53) {
            let m = self.mant as f64;
            let p = POW10.get(self.exp.unsigned_abs() as usize);
            match p {
                Some(p) if self.exp >= 0 => return m * p,
                Some(p) => return m / p,
                None => {}
            }
        }
        (self.mant as f64) * 10f64.powi(self.exp)
    }
}

/// A numeral as written: its value, where it ends, and how it was written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Numeral {
    pub dec: Dec,
    pub end: usize,
    pub hanzi: bool,
    /// Chinese numerals below 百 (九, 十四): the counts that are mostly idiom, names or slogans.
    pub small: bool,
    /// Integer digits of an Arabic numeral (years have four).
    pub int_digits: u32,
    pub leading_zero: bool,
}

pub(crate) fn digit_of(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

fn digit_at(s: &str, at: usize) -> Option<u8> {
    s.get(at..)?.chars().next().and_then(digit_of)
}

/// Arabic digits at `at`: `16317`, `16,317`, `1，234`, `10.79`, `１２`. A comma groups only
/// as thousands do (first group of 1–3 digits, then exactly three), so `2,3个` is two numbers.
pub(crate) fn read_digits(s: &str, at: usize) -> Option<Numeral> {
    let rest = s.get(at..)?;
    let mut mant: u128 = 0;
    let mut exp: i32 = 0;
    let (mut int_digits, mut group, mut frac, mut grouped) = (0u32, 0u32, false, false);
    let mut end = at;
    let mut first = None;
    for (i, c) in rest.char_indices() {
        if let Some(d) = digit_of(c) {
            first.get_or_insert(d);
            mant = mant.checked_mul(10)?.checked_add(u128::from(d))?;
            if frac {
                exp -= 1;
            } else {
                int_digits += 1;
                group += 1;
            }
            end = at + i + c.len_utf8();
            continue;
        }
        let after = at + i + c.len_utf8();
        let is_group = matches!(c, ',' | '，')
            && !frac
            && (if grouped {
                group == 3
            } else {
                (1..=3).contains(&group)
            })
            && (0..3).all(|k| digit_at(s, after + k).is_some())
            && digit_at(s, after + 3).is_none();
        if is_group {
            grouped = true;
            group = 0;
            continue;
        }
        if matches!(c, '.' | '．') && !frac && digit_at(s, after).is_some() {
            frac = true;
            continue;
        }
        break;
    }
    if grouped && group != 3 {
        return None;
    }
    first.map(|d| Numeral {
        dec: Dec::new(mant, exp),
        end,
        hanzi: false,
        small: false,
        int_digits,
        leading_zero: d == 0 && int_digits > 1,
    })
}

pub(crate) fn hanzi_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn hanzi_power(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

pub(crate) fn is_hanzi_numeral(c: char) -> bool {
    hanzi_digit(c).is_some() || hanzi_power(c).is_some()
}

/// Chinese numerals at `at`: 九, 十四, 一百零五, 两千, 八千万, 五千亿. A numeral must hold a digit
/// or start with 十, so 万人空巷 and 千家万户 are no numbers; a run of bare digits (二〇二二,
/// 三四) is a year or an estimate, not a count, and reads as nothing; 十四五 reads as 十四.
pub(crate) fn read_hanzi(s: &str, at: usize) -> Option<Numeral> {
    let rest = s.get(at..)?;
    let second = rest.chars().next().map_or(0, char::len_utf8);
    let (mut total, mut section): (u128, u128) = (0, 0);
    let mut num: Option<u128> = None;
    let mut big = false;
    let mut end = at;
    for (i, c) in rest.char_indices() {
        if let Some(d) = hanzi_digit(c) {
            if let Some(pending) = num {
                if i == second {
                    return None;
                }
                if pending != 0 {
                    break;
                }
            }
            num = Some(u128::from(d));
        } else if let Some(p) = hanzi_power(c) {
            if i == 0 && p != 1 {
                return None;
            }
            let n = num.take();
            match p {
                1..=3 => {
                    let n = n.unwrap_or(1);
                    section = section.checked_add(n.checked_mul(10u128.pow(p))?)?;
                    big |= p > 1;
                }
                4 => {
                    let group = section.checked_add(n.unwrap_or(0))?.max(1);
                    total = total.checked_add(group.checked_mul(10_000)?)?;
                    section = 0;
                    big = true;
                }
                _ => {
                    let all = total.checked_add(section)?.checked_add(n.unwrap_or(0))?;
                    total = all.max(1).checked_mul(100_000_000)?;
                    section = 0;
                    big = true;
                }
            }
        } else {
            break;
        }
        end = at + i + c.len_utf8();
    }
    if end == at {
        return None;
    }
    let value = total.checked_add(section)?.checked_add(num.unwrap_or(0))?;
    Some(Numeral {
        dec: Dec::new(value, 0),
        end,
        hanzi: true,
        small: !big,
        int_digits: 0,
        leading_zero: false,
    })
}
