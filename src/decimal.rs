//! Exact decimals of f64 values (shortest digits, rounding on them, the nearest f64 to a decimal) in big integers, so the wasm needs no float printing or parsing; no languages, units or number styles.

use core::cmp::Ordering;

/// A non-negative decimal 0.d₁d₂… × 10^point as ASCII digits with no leading or
/// trailing zeros; no digits is zero. Scaling by 万 or 亿 only moves the point, so it is exact.
#[derive(Clone, Debug)]
pub(crate) struct Dec {
    digits: Vec<u8>,
    pub(crate) point: i32,
}

impl Dec {
    /// The shortest digits that read back as the same f64 (what `Display` writes), so rounding
    /// these digits rounds the number as its author typed it: 1.005 → 1.01 although the f64 is
    /// slightly below 1.005, like Intl.NumberFormat. Not finite: zero.
    pub(crate) fn of(value: f64) -> Self {
        let v = value.abs();
        if v == 0.0 || !v.is_finite() {
            return Self {
                digits: Vec::new(),
                point: 0,
            };
        }
        let (digits, point) = shortest_digits(v);
        Self { digits, point }.trimmed()
    }

    fn trimmed(mut self) -> Self {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
        self
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    fn len(&self) -> i32 {
        i32::try_from(self.digits.len()).unwrap_or(i32::MAX)
    }

    pub(crate) fn frac_len(&self) -> i32 {
        self.len().saturating_sub(self.point)
    }

    /// ≥ 10^power.
    pub(crate) fn at_least(&self, power: i32) -> bool {
        !self.is_zero() && self.point > power
    }

    /// The ASCII digit at position `i` from the first significant one; '0' outside.
    pub(crate) fn digit(&self, i: i32) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.digits.get(i))
            .copied()
            .unwrap_or(b'0')
    }

    /// Divided by 10^power.
    pub(crate) fn shifted(&self, power: i32) -> Self {
        Self {
            digits: self.digits.clone(),
            point: self.point.saturating_sub(power),
        }
        .trimmed()
    }

    /// Half away from zero, which for a magnitude is half up.
    pub(crate) fn rounded(&self, decimals: u8) -> Self {
        let Ok(keep) = usize::try_from(self.point.saturating_add(i32::from(decimals))) else {
            return Self {
                digits: Vec::new(),
                point: 0,
            };
        };
        let mut digits = self
            .digits
            .get(..keep)
            .map_or_else(|| self.digits.clone(), <[u8]>::to_vec);
        let mut point = self.point;
        if self.digits.get(keep).is_some_and(|&b| b >= b'5') {
            loop {
                match digits.pop() {
                    Some(b'9') => {}
                    Some(b) => {
                        digits.push(b + 1);
                        break;
                    }
                    None => {
                        digits.push(b'1');
                        point += 1;
                        break;
                    }
                }
            }
        }
        Self { digits, point }.trimmed()
    }

    pub(crate) fn write(&self, group: bool, out: &mut String) {
        if self.point <= 0 {
            out.push('0');
        }
        for i in 0..self.point {
            if group && i > 0 && (self.point - i) % 3 == 0 {
                out.push(',');
            }
            out.push(char::from(self.digit(i)));
        }
        if self.len() > self.point {
            out.push('.');
            for i in self.point..self.len() {
                out.push(char::from(self.digit(i)));
            }
        }
    }

    /// The nearest f64 (ties to even, like `str::parse`), computed here because the
    /// float parser would add about 15 kB gzipped to the wasm.
    pub(crate) fn to_f64(&self) -> Option<f64> {
        let mut m: u64 = 0;
        for &b in &self.digits {
            m = m.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        if m == 0 {
            return Some(0.0);
        }
        let e = self.point.checked_sub(self.len())?;
        if m < 1 << 53 && e.unsigned_abs() <= 22 {
            // Clinger's fast path: m and 10^|e| are exact, so one IEEE operation rounds correctly.
            let p = (0..e.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
            return Some(if e < 0 { m as f64 / p } else { m as f64 * p });
        }
        // Positive f64 bit patterns are ordered like their values: binary-search the last
        // one not above m·10^e with exact integer comparisons, then pick the nearer neighbour.
        let (mut lo, mut hi) = (0u64, f64::INFINITY.to_bits());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let (mantissa, exp2) = float_parts(mid);
            if cmp_scaled((mantissa, exp2, 0), (m, e, e)) == Ordering::Greater {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let (mantissa, exp2) = float_parts(lo);
        let up = match cmp_scaled((m, e, e), (2 * mantissa + 1, exp2 - 1, 0)) {
            Ordering::Greater => true,
            Ordering::Equal => lo & 1 == 1,
            Ordering::Less => false,
        };
        Some(f64::from_bits(lo + u64::from(up)))
    }
}

/// The f64 nearest to 0.d₁d₂… × 10^point, from ASCII digits without leading zeros (at
/// most 19 of them); the JSON parser's number reader, so the wasm needs no float parser.
pub(crate) fn decimal_to_f64(digits: &[u8], point: i32) -> Option<f64> {
    Dec {
        digits: digits.to_vec(),
        point,
    }
    .trimmed()
    .to_f64()
}

/// `value` as `Display` writes it ("16317", "0.0001", "-2.5", "-0"), from `shortest_digits`:
/// the wasm then needs none of Rust's float printing. Not finite: "NaN", "inf", "-inf" as
/// Display has them.
pub fn plain(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    Dec::of(value).write(false, &mut out);
    out
}

/// The shortest decimal digits that read back as `v` (finite, > 0) and, of those, the one
/// nearest to `v`: the digits `Display` writes, as (ASCII digits, point) with
/// v ≈ 0.d₁d₂… × 10^point. Computed exactly: the f64's full decimal expansion in big integers,
/// then for 1, 2, … 17 digits the two candidates either side of `v`, each compared exactly
/// with the interval of reals that round to `v`.
fn shortest_digits(v: f64) -> (Vec<u8>, i32) {
    let bits = v.to_bits();
    let (m, e2) = float_parts(bits);
    // Integers below 2^53: their own digits are the shortest (a shorter candidate would be a
    // multiple of ten within half an ulp ≤ 0.5 of v, i.e. v itself).
    if e2 >= -52 && v < 9_007_199_254_740_992.0 && v == (v as u64) as f64 {
        let digits = (v as u64).to_string().into_bytes();
        let point = i32::try_from(digits.len()).unwrap_or(0);
        return (digits, point);
    }
    // v = n · 10^dexp exactly, with n = m·2^e2 or m·5^-e2 in big integers.
    let (n, dexp) = if e2 >= 0 {
        (big_scaled(m, e2, 0), 0)
    } else {
        (big_scaled(m, 0, -e2), e2)
    };
    let all = big_to_digits(n);
    let point = i32::try_from(all.len()).unwrap_or(0) + dexp;
    // The reals that round to v: (low, high), ends included when m is even (ties to even).
    let inclusive = m & 1 == 0;
    let high = (2 * m + 1, e2 - 1, 0);
    let low = if m == 1 << 52 && (bits >> 52) > 1 {
        // At a power of two the gap below is half the gap above.
        (4 * m - 1, e2 - 2, 0)
    } else {
        (2 * m - 1, e2 - 1, 0)
    };
    let inside = |c: u64, e: i32| {
        let below_high = match cmp_scaled((c, e, e), high) {
            Ordering::Less => true,
            Ordering::Equal => inclusive,
            Ordering::Greater => false,
        };
        below_high
            && match cmp_scaled((c, e, e), low) {
                Ordering::Greater => true,
                Ordering::Equal => inclusive,
                Ordering::Less => false,
            }
    };
    for p in 1..=all.len().min(17) {
        let t = all[..p]
            .iter()
            .fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0'));
        let k = point - i32::try_from(p).unwrap_or(0);
        let rest = &all[p..];
        // How the dropped digits compare with half a unit of the last kept one.
        let half = match rest.first() {
            None => Ordering::Less,
            Some(&d) if d < b'5' => Ordering::Less,
            Some(&d) if d > b'5' => Ordering::Greater,
            Some(_) if rest[1..].iter().any(|&d| d != b'0') => Ordering::Greater,
            Some(_) => Ordering::Equal,
        };
        let (down_ok, up_ok) = (inside(t, k), inside(t + 1, k));
        let pick = match (down_ok, up_ok) {
            (false, false) => continue,
            (true, false) => t,
            (false, true) => t + 1,
            // Both read back as v: the nearer; a tie goes up, as Rust's Dragon4 does.
            (true, true) if half == Ordering::Less => t,
            (true, true) => t + 1,
        };
        let digits = pick.to_string().into_bytes();
        // 99…9 + 1 gains a digit: the point moves one place.
        let carry = i32::from(digits.len() > p);
        return (digits, point + carry);
    }
    (all, point)
}

/// A big integer (little-endian u32 limbs) as decimal ASCII digits, most significant first.
fn big_to_digits(mut limbs: Vec<u32>) -> Vec<u8> {
    let mut chunks = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        // Divide by 10^9, keeping the remainder: nine digits at a time.
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut out = Vec::with_capacity(chunks.len() * 9);
    for (i, c) in chunks.iter().rev().enumerate() {
        let s = c.to_string();
        if i > 0 {
            out.extend(std::iter::repeat_n(b'0', 9 - s.len()));
        }
        out.extend_from_slice(s.as_bytes());
    }
    out
}

/// A positive f64 from its bits as mantissa · 2^exponent.
fn float_parts(bits: u64) -> (u64, i32) {
    let fraction = bits & ((1 << 52) - 1);
    match (bits >> 52) as i32 {
        0 => (fraction, -1074),
        biased => (fraction | 1 << 52, biased - 1075),
    }
}

/// Compares m·2^a·5^b for two (m, a, b) exactly, in big integers after dividing out the
/// common powers; only for the rare decimals outside the fast path.
fn cmp_scaled(x: (u64, i32, i32), y: (u64, i32, i32)) -> Ordering {
    let (low2, low5) = (x.1.min(y.1), x.2.min(y.2));
    let (x, y) = (
        big_scaled(x.0, x.1 - low2, x.2 - low5),
        big_scaled(y.0, y.1 - low2, y.2 - low5),
    );
    x.len()
        .cmp(&y.len())
        .then_with(|| x.iter().rev().cmp(y.iter().rev()))
}

/// m · 2^twos · 5^fives (exponents ≥ 0) as little-endian u32 limbs without leading zeros.
fn big_scaled(m: u64, mut twos: i32, mut fives: i32) -> Vec<u32> {
    let mut limbs = vec![m as u32, (m >> 32) as u32];
    while fives > 0 {
        let k = fives.min(13);
        mul_small(&mut limbs, 5u32.pow(k.unsigned_abs()));
        fives -= k;
    }
    while twos > 0 {
        let k = twos.min(31);
        mul_small(&mut limbs, 1 << k);
        twos -= k;
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs
}

fn mul_small(limbs: &mut Vec<u32>, k: u32) {
    let mut carry = 0u64;
    for limb in limbs.iter_mut() {
        let t = u64::from(*limb) * u64::from(k) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry > 0 {
        limbs.push(carry as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain` (no float printing in the wasm) writes exactly what Rust's `Display` writes.
    #[test]
    fn plain_matches_display_on_edges_and_random_bits() {
        let mut cases = vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            0.3,
            1.005,
            2677.03,
            78.08,
            11.416916,
            16317.0,
            5e-324,
            1e-323,
            2.2250738585072014e-308,
            f64::from_bits(0x000F_FFFF_FFFF_FFFF),
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::EPSILON,
            9007199254740992.0,
            9007199254740993.0,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            123456789012345680.0,
            0.000001,
            1e-7,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for e in -1074..=1023 {
            let p = 2f64.powi(e);
            cases.extend([
                p,
                p * 1.5,
                -p,
                p * (1.0 + f64::EPSILON),
                p * (1.0 - f64::EPSILON / 2.0),
            ]);
        }
        for k in -30..=30 {
            cases.push(10f64.powi(k));
        }
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        // 40,000 here (a few seconds in debug); a 400,000-case run matched too.
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(f64::from_bits(x));
            // And numbers as datasets write them: a few significant digits.
            let digits = (x >> 20) % 1_000_000;
            let scale = 10f64.powi(((x >> 8) % 12) as i32 - 6);
            cases.push(digits as f64 * scale);
        }
        for v in cases {
            assert_eq!(plain(v), format!("{v}"), "bits {:#x}", v.to_bits());
        }
    }

    #[test]
    fn to_f64_matches_the_float_parser_off_the_fast_path() {
        for text in [
            "9876543210.123457",
            "0.9876543210987654",
            "1.23e-25",
            "4.9e-324",
            "2.2250738585072014e-308",
            "9007199254740993",
            "123456789012345678e-40",
        ] {
            let Ok(want) = text.parse::<f64>() else {
                continue;
            };
            assert_eq!(Dec::of(want).to_f64(), Some(want), "{text}");
        }
        let tie = Dec {
            digits: b"9007199254740993".to_vec(),
            point: 16,
        };
        assert_eq!(tie.to_f64(), Some(9_007_199_254_740_992.0));
    }
}
