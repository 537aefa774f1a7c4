#![cfg(not(target_arch = "wasm32"))]
//! parse_written reads back what the formatter writes in zh (outputs of format_number in the main crate's tests/format_cases.rs): value, kind, notation and qualifier.

use revitalization_infographic::reader::{parse_written, Kind, Notation, Qualifier};

use Kind::{Change, Count, Measure, Money, Share};
use Notation::{Full, Hanzi, Wan, Yi};
use Qualifier::{About, AtLeast, AtMost, Exact};

#[rustfmt::skip]
const CASES: &[(&str, f64, Kind, &str, Notation, Qualifier)] = &[
    ("16317元", 16317.0, Money, "元", Full, Exact),
    ("16,317元", 16317.0, Money, "元", Full, Exact),
    ("10.5万个", 105000.0, Count, "个", Wan, Exact),
    ("10.79万人", 107900.0, Count, "人", Wan, Exact),
    ("2677.03万元", 26770300.0, Money, "元", Wan, Exact),
    ("1.57亿元", 157000000.0, Money, "元", Yi, Exact),
    ("8419.39万元", 84193900.0, Money, "元", Wan, Exact),
    ("78.08%", 78.08, Share, "", Full, Exact),
    ("80%以上", 80.0, Share, "", Full, AtLeast),
    ("+11.42%", 11.42, Change, "", Full, Exact),
    ("122837名", 122837.0, Count, "名", Full, Exact),
    ("122837名以上", 122837.0, Count, "名", Full, AtLeast),
    ("141项", 141.0, Count, "项", Full, Exact),
    ("358支", 358.0, Count, "支", Full, Exact),
    ("13511人次", 13511.0, Count, "人次", Full, Exact),
    ("1.21亿元", 121000000.0, Money, "元", Yi, Exact),
    ("10528家", 10528.0, Count, "家", Full, Exact),
    ("九项", 9.0, Count, "项", Hanzi, Exact),
    ("四种", 4.0, Count, "种", Hanzi, Exact),
    ("100%", 100.0, Share, "", Full, Exact),
    ("1万元", 10000.0, Money, "元", Wan, Exact),
    ("0个", 0.0, Count, "个", Full, Exact),
    ("0", 0.0, Count, "", Full, Exact),
    ("0%", 0.0, Share, "", Full, Exact),
    ("1个", 1.0, Count, "个", Full, Exact),
    ("一个", 1.0, Count, "个", Hanzi, Exact),
    ("9999", 9999.0, Count, "", Full, Exact),
    ("9,999", 9999.0, Count, "", Full, Exact),
    ("1万人", 10000.0, Count, "人", Wan, Exact),
    ("10,000", 10000.0, Count, "", Full, Exact),
    ("1万", 10000.0, Count, "", Wan, Exact),
    ("100000元", 100000.0, Money, "元", Full, Exact),
    ("100,000元", 100000.0, Money, "元", Full, Exact),
    ("99999.995元", 99999.995, Money, "元", Full, Exact),
    ("10万", 100000.0, Count, "", Wan, Exact),
    ("1亿", 1e8, Count, "", Yi, Exact),
    ("1亿元", 1e8, Money, "元", Yi, Exact),
    ("9999.9999万", 99999999.0, Count, "", Wan, Exact),
    ("99999999", 99999999.0, Count, "", Full, Exact),
    ("99,999,999", 99999999.0, Count, "", Full, Exact),
    ("1万亿元", 1e12, Money, "元", Yi, Exact),
    ("0.12亿元", 12000000.0, Money, "元", Yi, Exact),
    ("11万个", 110000.0, Count, "个", Wan, Exact),
    ("1000000000000000000000", 1e21, Count, "", Full, Exact),
    ("1,000,000,000,000,000,000,000", 1e21, Count, "", Full, Exact),
    ("1000000000万亿", 1e21, Count, "", Yi, Exact),
    ("1,000,000,000万亿", 1e21, Count, "", Yi, Exact),
    ("0.01", 0.01, Count, "", Full, Exact),
    ("-0.01", -0.01, Count, "", Full, Exact),
    ("+0.01%", 0.01, Change, "", Full, Exact),
    ("1.01", 1.01, Count, "", Full, Exact),
    ("2.68元", 2.68, Money, "元", Full, Exact),
    ("-2.68 yuan", f64::NAN, Count, "", Full, Exact),
    ("0.13%", 0.13, Share, "", Full, Exact),
    ("0.3", 0.3, Count, "", Full, Exact),
    ("1.234568", 1.234568, Count, "", Full, Exact),
    ("1,234,567.89元", 1234567.89, Money, "元", Full, Exact),
    ("-16317元", -16317.0, Money, "元", Full, Exact),
    ("-10.5万个", -105000.0, Count, "个", Wan, Exact),
    ("-1亿", -1e8, Count, "", Yi, Exact),
    ("-3.5%", -3.5, Change, "", Full, Exact),
    ("-3项", -3.0, Count, "项", Full, Exact),
    ("约248元", 248.0, Money, "元", Full, About),
    ("不超过50%", 50.0, Share, "", Full, AtMost),
    ("10万人以上", 100000.0, Count, "人", Wan, AtLeast),
    ("约+5%", 5.0, Change, "", Full, About),
    ("不超过1.57亿元", 157000000.0, Money, "元", Yi, AtMost),
    ("零项", 0.0, Count, "项", Hanzi, Exact),
    ("十项", 10.0, Count, "项", Hanzi, Exact),
    ("十一项", 11.0, Count, "项", Hanzi, Exact),
    ("二十项", 20.0, Count, "项", Hanzi, Exact),
    ("九十九项", 99.0, Count, "项", Hanzi, Exact),
    ("100项", 100.0, Count, "项", Full, Exact),
    ("约100项", 100.0, Count, "项", Full, About),
    ("2.5项", 2.5, Count, "项", Full, Exact),
    ("12,345.6%", 12345.6, Share, "", Full, Exact),
    // The brief's own examples.
    ("近70%", 70.0, Share, "", Full, About),
    ("1.3万亿斤", 1.3e12, Measure, "斤", Yi, Exact),
];

#[test]
fn formatter_outputs_read_back() {
    let mut failures = Vec::new();
    for &(s, value, kind, unit, notation, qualifier) in CASES {
        let got = parse_written(s);
        if value.is_nan() {
            if got.is_some() {
                failures.push(format!("{s}: want None, got {got:?}"));
            }
            continue;
        }
        let ok = got.is_some_and(|w| {
            w.value == value
                && w.kind == kind
                && w.unit == unit
                && w.notation == notation
                && w.qualifier == qualifier
        });
        if !ok {
            failures.push(format!("{s}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn not_one_written_figure_is_none() {
    for s in [
        "",
        "—",
        "abc",
        "10.79万人 以及更多",
        "2022年",
        "万",
        "%",
        "元",
        "十四五",
        "约",
        "+",
        "1.5.3",
    ] {
        assert_eq!(parse_written(s), None, "{s:?}");
    }
}

#[test]
fn ranges_read_back_with_both_ends() {
    let w = parse_written("2~3万元").expect("range");
    assert_eq!((w.value, w.high, w.notation), (20000.0, Some(30000.0), Wan));
}
