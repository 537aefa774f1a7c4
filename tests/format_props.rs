//! Property tests of number formatting: any f64 under any format prints sanely, and the rounding agrees with the float parser.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::select;
use revitalization_infographic::format::{
    format_number, format_plain, round_half_away, Kind, Lang, Notation, NumberFormat, Qualifier,
    MISSING,
};

const NUMERALS: &str = "零一二三四五六七八九十";

fn formats() -> impl Strategy<Value = NumberFormat<'static>> {
    (
        select(Lang::ALL.to_vec()),
        select(Kind::ALL.to_vec()),
        select(Notation::ALL.to_vec()),
        select(Qualifier::ALL.to_vec()),
        select(vec!["", "元", "人次"]),
        select(vec!["", "people"]),
        any::<bool>(),
        0u8..=6,
    )
        .prop_map(
            |(lang, kind, notation, qualifier, measure, noun_en, group_zh, max_decimals)| {
                NumberFormat {
                    lang,
                    kind,
                    notation,
                    qualifier,
                    measure,
                    noun_en,
                    group_zh,
                    max_decimals,
                }
            },
        )
}

/// Everything a page must never show, checked on one output.
fn check_output(value: f64, f: &NumberFormat, out: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{value:?} {f:?} -> {out:?}: {why}"));
    if !value.is_finite() {
        return if out == MISSING {
            Ok(())
        } else {
            fail("non-finite must print as MISSING")
        };
    }
    if out.contains("NaN") || out.to_lowercase().contains("inf") {
        return fail("NaN or inf");
    }
    if out.contains("e+") || out.contains("e-") {
        return fail("exponent");
    }
    let chars: Vec<char> = out.chars().collect();
    for window in chars.windows(3) {
        if let [a, 'e' | 'E', b] = window {
            if a.is_ascii_digit() && b.is_ascii_digit() {
                return fail("exponent between digits");
            }
        }
    }
    if !out
        .chars()
        .any(|c| c.is_ascii_digit() || NUMERALS.contains(c))
    {
        return fail("no digit and no numeral");
    }
    for (i, c) in out.char_indices() {
        if c != '-' && c != '+' {
            continue;
        }
        let rest = out.get(i + 1..).unwrap_or("").trim_start_matches('¥');
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        if !number.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return fail("a sign before a number that is zero (or no number)");
        }
    }
    Ok(())
}

#[test]
fn special_values_under_every_format() {
    let values = [
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        f64::MIN_POSITIVE,
        -1e-7,
        -0.004,
        0.5,
        -0.5,
        9999.995,
        -99999999.0,
        999999999999.999,
        1e21,
        f64::MAX,
        f64::MIN,
    ];
    let mut failures = Vec::new();
    for value in values {
        for lang in Lang::ALL {
            for kind in Kind::ALL {
                for notation in Notation::ALL {
                    for qualifier in Qualifier::ALL {
                        for group_zh in [false, true] {
                            for max_decimals in 0..=7 {
                                let f = NumberFormat {
                                    notation,
                                    qualifier,
                                    measure: "元",
                                    noun_en: "people",
                                    group_zh,
                                    max_decimals,
                                    ..NumberFormat::new(lang, kind)
                                };
                                if let Err(e) = check_output(value, &f, &format_number(value, &f)) {
                                    failures.push(e);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Any f64 at all, plus ranges where rounding has work to do, including tiny values
/// rounded past 22 decimals (off the fast path of the decimal-to-binary conversion).
fn values() -> impl Strategy<Value = f64> {
    // NaN and infinities come from ANY; the ranges make finite values the majority.
    prop_oneof![
        proptest::num::f64::ANY,
        -1e15..1e15f64,
        -1e4..1e4f64,
        -1.0..1.0f64,
        1e-30..1e-20f64,
    ]
}

/// No regression files: failures print their minimal input, and these tests own no other files.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

proptest! {
    #![proptest_config(config(4000))]

    #[test]
    fn format_number_prints_any_value_sanely(value in proptest::num::f64::ANY, f in formats()) {
        let out = format_number(value, &f);
        if let Err(e) = check_output(value, &f, &out) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn full_zh_counts_are_the_plain_digits(value in values(), decimals in 0u8..=9) {
        prop_assume!(value.is_finite());
        let f = NumberFormat { measure: "个", max_decimals: decimals, ..NumberFormat::new(Lang::Zh, Kind::Count) };
        prop_assert_eq!(format_number(value, &f), format!("{}个", format_plain(value, decimals.min(6), false)));
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn round_half_away_moves_at_most_half_a_unit(value in values(), decimals in 0u8..=30) {
        if value.is_finite() && value.abs() < 1e15 {
            let rounded = round_half_away(value, decimals);
            let half_unit = 0.5 * 10f64.powi(-i32::from(decimals));
            let slack = half_unit * 1e-9 + value.abs() * 4.5e-16 + 1e-323;
            prop_assert!(
                (rounded - value).abs() <= half_unit + slack,
                "round_half_away({:?}, {}) = {:?}", value, decimals, rounded
            );
        }
    }

    #[test]
    fn format_plain_reads_back_as_round_half_away(value in values(), decimals in 0u8..=40) {
        if value.is_finite() && value.abs() < 1e15 {
            let text = format_plain(value, decimals, false);
            let parsed: f64 = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(parsed, round_half_away(value, decimals), "{:?} at {} decimals wrote {:?}", value, decimals, text);
        }
    }
}
