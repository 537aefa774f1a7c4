//! Ring arcs as SVG path data, with the sine and cosine they need computed here rather than by libm; no other marks.

use crate::view::node::clamp;

/// Sine and cosine of `a` (radians, |a| up to a few turns): reduced to ±π/4 and summed as
/// Taylor series, within 1e-12 of libm's, without pulling libm's trigonometry into the wasm.
pub fn sin_cos(a: f64) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    let k = (a / FRAC_PI_2 + 0.5).floor();
    let r = a - k * FRAC_PI_2;
    let r2 = r * r;
    let s = r
        * (1.0
            - r2 / 6.0
                * (1.0
                    - r2 / 20.0
                        * (1.0
                            - r2 / 42.0
                                * (1.0 - r2 / 72.0 * (1.0 - r2 / 110.0 * (1.0 - r2 / 156.0))))));
    let c = 1.0
        - r2 / 2.0
            * (1.0
                - r2 / 12.0
                    * (1.0
                        - r2 / 30.0
                            * (1.0
                                - r2 / 56.0
                                    * (1.0
                                        - r2 / 90.0 * (1.0 - r2 / 132.0 * (1.0 - r2 / 182.0))))));
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// An SVG path for the arc of a ring from 12 o'clock, clockwise, covering `share` (0–1).
/// A full ring is two half arcs: one arc cannot start and end at the same point.
pub fn ring_arc(cx: f64, cy: f64, r: f64, share: f64) -> String {
    use crate::view::node::fmt_coord as c;
    let share = if share.is_finite() {
        clamp(share, 0.0, 1.0)
    } else {
        0.0
    };
    if share <= 0.0 {
        return String::new();
    }
    if share >= 0.9999 {
        return format!(
            "M{} {}A{} {} 0 1 1 {} {}A{} {} 0 1 1 {} {}",
            c(cx),
            c(cy - r),
            c(r),
            c(r),
            c(cx),
            c(cy + r),
            c(r),
            c(r),
            c(cx),
            c(cy - r)
        );
    }
    let angle = share * std::f64::consts::TAU;
    let (sin, cos) = sin_cos(angle);
    let (x, y) = (cx + r * sin, cy - r * cos);
    let large = if share > 0.5 { 1 } else { 0 };
    format!(
        "M{} {}A{} {} 0 {} 1 {} {}",
        c(cx),
        c(cy - r),
        c(r),
        c(r),
        large,
        c(x),
        c(y)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_agrees_with_libm() {
        let mut a = -7.0;
        while a <= 14.0 {
            let (s, c) = sin_cos(a);
            assert!((s - a.sin()).abs() < 1e-12, "sin {a}: {s} vs {}", a.sin());
            assert!((c - a.cos()).abs() < 1e-12, "cos {a}: {c} vs {}", a.cos());
            a += 0.000_7;
        }
    }

    #[test]
    fn ring_arcs() {
        assert_eq!(ring_arc(50.0, 50.0, 40.0, 0.25), "M50 10A40 40 0 0 1 90 50");
        assert_eq!(ring_arc(50.0, 50.0, 40.0, 0.0), "");
        assert!(ring_arc(50.0, 50.0, 40.0, 1.0).matches('A').count() == 2);
        assert!(ring_arc(50.0, 50.0, 40.0, 0.7808).contains(" 0 1 1 "));
        assert_eq!(ring_arc(50.0, 50.0, 40.0, f64::NAN), "");
    }
}
