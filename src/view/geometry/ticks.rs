//! Nice axis ticks: round steps (1, 2, 2.5 or 5 × 10^k) from zero covering a maximum; no positions, no labels.

/// Tick values from 0 to a "nice" maximum (1, 2 or 5 × 10^k steps) covering `max`,
/// with at most `max_ticks` intervals.
pub fn nice_ticks(max: f64, max_ticks: usize) -> Vec<f64> {
    let max_ticks = max_ticks.clamp(1, 10);
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / max_ticks as f64;
    let mag = pow10_floor(raw);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| (max / s).ceil() as usize <= max_ticks)
        .unwrap_or(10.0 * mag);
    // Near the smallest f64 (1e-320) the step underflows to zero or loses its precision.
    if !step.is_normal() {
        return vec![0.0, 1.0];
    }
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// The largest power of ten at most `raw` (finite, > 0), by multiplying: exact up to 1e22 and
/// correctly rounded below 1, with no libm `powf`/`log10` in the wasm. 0 below about 1e-308.
fn pow10_floor(raw: f64) -> f64 {
    if raw >= 1.0 {
        let mut m: f64 = 1.0;
        while m * 10.0 <= raw {
            m *= 10.0;
        }
        m
    } else {
        let mut p: f64 = 1.0;
        while p.is_finite() && 1.0 / p > raw {
            p *= 10.0;
        }
        1.0 / p
    }
}

/// The largest finite value, at least 0: what an axis must reach (NaN and ±∞ are not drawn).
pub fn max_finite(values: &[f64]) -> f64 {
    values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_cover_the_maximum() {
        assert_eq!(
            nice_ticks(157_000_000.0, 4),
            vec![0.0, 5e7, 1e8, 1.5e8, 2e8]
        );
        assert_eq!(
            nice_ticks(3141.0, 4),
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0]
        );
        assert_eq!(nice_ticks(64.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
        for max in [1.0, 7.0, 99.0, 1234.5, 8e7] {
            let t = nice_ticks(max, 5);
            assert!(*t.last().unwrap() >= max, "{max}: {t:?}");
            assert!(t.len() <= 11);
        }
    }

    #[test]
    fn powers_of_ten_by_multiplying_agree_with_libm() {
        for raw in [
            1e-320, 3e-300, 1e-5, 0.03, 0.1, 0.5, 1.0, 9.99, 10.0, 1000.0, 7.5e14, 1e22, 3e300,
        ] {
            let raw: f64 = raw;
            let want = 10f64.powf(raw.log10().floor());
            let got = pow10_floor(raw);
            assert!(got <= raw || raw < 1e-300, "{raw}: {got}");
            if raw > 1e-300 {
                assert!((got - want).abs() <= want * 1e-15, "{raw}: {got} vs {want}");
            }
        }
    }
}
