//! Table tests of number formatting: the article's own figures, rounding edges, every kind, notation and qualifier.
#![cfg(not(target_arch = "wasm32"))]

use revitalization_infographic::format::Kind::{Change, Count, Money, Share};
use revitalization_infographic::format::Lang::{En, Zh};
use revitalization_infographic::format::Notation::{Auto, Full, Hanzi, Wan, Yi};
use revitalization_infographic::format::Qualifier::{About, AtLeast, AtMost, Exact};
use revitalization_infographic::format::{
    decimals_of, format_number, format_plain, round_half_away, Kind, Lang, Notation, NumberFormat,
    Qualifier, MISSING,
};

type Case = (
    f64,
    Lang,
    Kind,
    Notation,
    Qualifier,
    &'static str,
    &'static str,
    bool,
    u8,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // The article's figures, as the article writes them.
    (16317.0, Zh, Money, Full, Exact, "元", "", false, 2, "16317元"),
    (16317.0, Zh, Money, Full, Exact, "元", "", true, 2, "16,317元"),
    (105000.0, Zh, Count, Wan, Exact, "个", "", false, 2, "10.5万个"),
    (107900.0, Zh, Count, Wan, Exact, "人", "", false, 2, "10.79万人"),
    (26770300.0, Zh, Money, Wan, Exact, "元", "", false, 2, "2677.03万元"),
    (157000000.0, Zh, Money, Yi, Exact, "元", "", false, 2, "1.57亿元"),
    (84193900.0, Zh, Money, Wan, Exact, "元", "", false, 2, "8419.39万元"),
    (78.08, Zh, Share, Full, Exact, "", "", false, 2, "78.08%"),
    (80.0, Zh, Share, Full, AtLeast, "", "", false, 2, "80%以上"),
    (11.42, Zh, Change, Full, Exact, "", "", false, 2, "+11.42%"),
    (122837.0, Zh, Count, Full, Exact, "名", "", false, 2, "122837名"),
    (122837.0, Zh, Count, Full, AtLeast, "名", "", false, 2, "122837名以上"),
    (141.0, Zh, Count, Full, Exact, "项", "", false, 2, "141项"),
    (358.0, Zh, Count, Full, Exact, "支", "", false, 2, "358支"),
    (1179.0, Zh, Count, Full, Exact, "名", "", false, 2, "1179名"),
    (116.0, Zh, Count, Full, Exact, "所", "", false, 2, "116所"),
    (13511.0, Zh, Count, Full, Exact, "人次", "", false, 2, "13511人次"),
    (3141.0, Zh, Count, Full, Exact, "个", "", false, 2, "3141个"),
    (121000000.0, Zh, Money, Yi, Exact, "元", "", false, 2, "1.21亿元"),
    (10528.0, Zh, Count, Full, Exact, "家", "", false, 2, "10528家"),
    (9.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "九项"),
    (4.0, Zh, Count, Hanzi, Exact, "种", "", false, 2, "四种"),
    (1672.0, Zh, Money, Full, Exact, "元", "", false, 2, "1672元"),
    (100.0, Zh, Share, Full, Exact, "", "", false, 2, "100%"),
    (16317.0, En, Money, Full, Exact, "", "", false, 2, "16,317 yuan"),
    (105000.0, En, Count, Full, Exact, "", "places", false, 2, "105,000 places"),
    (26770300.0, En, Money, Wan, Exact, "", "", false, 2, "¥26.77 million"),
    (157000000.0, En, Money, Yi, Exact, "", "", false, 2, "¥157 million"),
    (84193900.0, En, Money, Auto, Exact, "", "", false, 2, "¥84.19 million"),
    (121000000.0, En, Money, Wan, Exact, "", "", false, 2, "¥121 million"),
    (1.21e9, En, Money, Yi, Exact, "", "", false, 2, "¥1.21 billion"),
    (105000.0, En, Money, Wan, Exact, "", "", false, 2, "105,000 yuan"),
    (78.08, En, Share, Full, Exact, "", "", false, 2, "78.08%"),
    (80.0, En, Share, Full, AtLeast, "", "", false, 2, "over 80%"),
    (11.42, En, Change, Full, Exact, "", "", false, 2, "+11.42%"),
    (122837.0, En, Count, Full, Exact, "", "people", false, 2, "122,837 people"),
    // Auto picks the unit by magnitude.
    (105000.0, Zh, Count, Auto, Exact, "个", "", false, 2, "10.5万个"),
    (26770300.0, Zh, Money, Auto, Exact, "元", "", false, 2, "2677.03万元"),
    (157000000.0, Zh, Money, Auto, Exact, "元", "", false, 2, "1.57亿元"),
    (121000000.0, Zh, Money, Auto, Exact, "元", "", false, 2, "1.21亿元"),
    (12345.0, Zh, Money, Auto, Exact, "元", "", false, 0, "1万元"),
    (1234567.0, En, Count, Auto, Exact, "", "", false, 2, "1.23 million"),
    (1.5e9, En, Count, Auto, Exact, "", "people", false, 2, "1.5 billion people"),
    (105000.0, En, Count, Auto, Exact, "", "places", false, 2, "105,000 places"),
    // 0 and 1.
    (0.0, Zh, Count, Full, Exact, "个", "", false, 2, "0个"),
    (0.0, Zh, Count, Auto, Exact, "", "", false, 2, "0"),
    (0.0, Zh, Change, Full, Exact, "", "", false, 2, "0%"),
    (0.0, En, Count, Full, Exact, "", "places", false, 2, "0 places"),
    (0.0, En, Change, Full, Exact, "", "", false, 2, "0%"),
    (0.0, En, Money, Auto, Exact, "", "", false, 2, "0 yuan"),
    (1.0, Zh, Count, Full, Exact, "个", "", false, 2, "1个"),
    (1.0, Zh, Count, Hanzi, Exact, "个", "", false, 2, "一个"),
    (1.0, En, Count, Auto, Exact, "", "", false, 2, "1"),
    (1.0, En, Change, Full, Exact, "", "", false, 2, "+1%"),
    // Around 10^4 and promotion after rounding.
    (9999.0, Zh, Count, Auto, Exact, "", "", false, 2, "9999"),
    (9999.0, Zh, Count, Full, Exact, "", "", true, 2, "9,999"),
    (9999.0, Zh, Count, Wan, Exact, "人", "", false, 2, "1万人"),
    (9999.0, En, Count, Auto, Exact, "", "", false, 2, "9,999"),
    (10000.0, Zh, Count, Auto, Exact, "人", "", false, 2, "1万人"),
    (10000.0, Zh, Count, Full, Exact, "", "", true, 2, "10,000"),
    (10000.0, En, Count, Full, Exact, "", "", false, 2, "10,000"),
    (9999.995, Zh, Count, Auto, Exact, "", "", false, 2, "1万"),
    (9999.995, Zh, Count, Full, Exact, "", "", false, 2, "10000"),
    (99999.995, Zh, Money, Full, Exact, "元", "", false, 2, "100000元"),
    (99999.995, Zh, Money, Full, Exact, "元", "", true, 2, "100,000元"),
    (99999.995, Zh, Money, Full, Exact, "元", "", false, 3, "99999.995元"),
    (99999.995, Zh, Count, Auto, Exact, "", "", false, 2, "10万"),
    (99999.995, En, Count, Full, Exact, "", "", false, 2, "100,000"),
    (99999999.0, Zh, Count, Auto, Exact, "", "", false, 2, "1亿"),
    (99999999.0, Zh, Money, Wan, Exact, "元", "", false, 2, "1亿元"),
    (99999999.0, Zh, Count, Auto, Exact, "", "", false, 4, "9999.9999万"),
    (99999999.0, Zh, Count, Full, Exact, "", "", false, 2, "99999999"),
    (99999999.0, Zh, Count, Full, Exact, "", "", true, 2, "99,999,999"),
    (99999999.0, En, Count, Auto, Exact, "", "", false, 2, "100 million"),
    (99999999.0, En, Money, Auto, Exact, "", "", false, 2, "¥100 million"),
    (999999999.0, En, Count, Auto, Exact, "", "", false, 2, "1 billion"),
    (999999.999, En, Count, Auto, Exact, "", "", false, 2, "1 million"),
    (999999.999, En, Money, Wan, Exact, "", "", false, 2, "¥1 million"),
    (999999999999.999, Zh, Money, Auto, Exact, "元", "", false, 2, "1万亿元"),
    (12345678.0, Zh, Money, Yi, Exact, "元", "", false, 2, "0.12亿元"),
    (105000.0, Zh, Count, Wan, Exact, "个", "", false, 0, "11万个"),
    // 10^12 and 10^21.
    (1e12, Zh, Money, Auto, Exact, "元", "", false, 2, "1万亿元"),
    (1e12, Zh, Money, Yi, Exact, "元", "", false, 2, "1万亿元"),
    (1e12, En, Money, Auto, Exact, "", "", false, 2, "¥1 trillion"),
    (1e12, En, Count, Auto, Exact, "", "", false, 2, "1 trillion"),
    (1e21, Zh, Count, Full, Exact, "", "", false, 2, "1000000000000000000000"),
    (1e21, Zh, Count, Full, Exact, "", "", true, 2, "1,000,000,000,000,000,000,000"),
    (1e21, Zh, Count, Auto, Exact, "", "", false, 2, "1000000000万亿"),
    (1e21, En, Count, Auto, Exact, "", "", false, 2, "1,000,000,000 trillion"),
    (1e21, En, Money, Full, Exact, "", "", false, 2, "1,000,000,000,000,000,000,000 yuan"),
    // Tiny fractions, negative zero, values that round to zero.
    (1e-7, Zh, Count, Full, Exact, "", "", false, 2, "0"),
    (1e-7, Zh, Count, Full, Exact, "", "", false, 6, "0"),
    (1e-7, En, Share, Full, Exact, "", "", false, 6, "0%"),
    (0.004, Zh, Count, Full, Exact, "", "", false, 2, "0"),
    (0.005, Zh, Count, Full, Exact, "", "", false, 2, "0.01"),
    (-0.005, Zh, Count, Full, Exact, "", "", false, 2, "-0.01"),
    (0.005, Zh, Change, Full, Exact, "", "", false, 2, "+0.01%"),
    (-0.004, Zh, Change, Full, Exact, "", "", false, 2, "0%"),
    (-0.0, Zh, Count, Full, Exact, "", "", false, 2, "0"),
    (-0.0, Zh, Change, Full, Exact, "", "", false, 2, "0%"),
    (-0.0, En, Money, Full, Exact, "", "", false, 2, "0 yuan"),
    (-0.0, En, Money, Auto, Exact, "", "", false, 2, "0 yuan"),
    (-0.001, Zh, Count, Full, Exact, "", "", false, 2, "0"),
    (-0.001, En, Count, Full, Exact, "", "", false, 2, "0"),
    (-0.4, Zh, Count, Hanzi, Exact, "项", "", false, 0, "零项"),
    // Decimal rounding, half away from zero, on the shortest representation.
    (1.005, Zh, Count, Full, Exact, "", "", false, 2, "1.01"),
    (2.675, Zh, Money, Full, Exact, "元", "", false, 2, "2.68元"),
    (-2.675, En, Money, Full, Exact, "", "", false, 2, "-2.68 yuan"),
    (0.125, Zh, Share, Full, Exact, "", "", false, 2, "0.13%"),
    (0.1 + 0.2, Zh, Count, Full, Exact, "", "", false, 6, "0.3"),
    (0.1 + 0.2, En, Share, Full, Exact, "", "", false, 6, "0.3%"),
    (26770250.0, Zh, Money, Wan, Exact, "元", "", false, 2, "2677.03万元"),
    (26770250.0, En, Money, Wan, Exact, "", "", false, 2, "¥26.77 million"),
    (0.5, Zh, Count, Full, Exact, "", "", false, 0, "1"),
    (2.5, Zh, Count, Full, Exact, "", "", false, 0, "3"),
    (-0.5, Zh, Count, Full, Exact, "", "", false, 0, "-1"),
    (1.23456789, Zh, Count, Full, Exact, "", "", false, 9, "1.234568"),
    (1.23456789, En, Count, Full, Exact, "", "", false, 6, "1.234568"),
    (1234567.891, Zh, Money, Full, Exact, "元", "", true, 2, "1,234,567.89元"),
    (1234567.891, En, Money, Full, Exact, "", "", false, 1, "1,234,567.9 yuan"),
    // Negatives.
    (-16317.0, Zh, Money, Full, Exact, "元", "", false, 2, "-16317元"),
    (-105000.0, Zh, Count, Wan, Exact, "个", "", false, 2, "-10.5万个"),
    (-99999999.0, Zh, Count, Auto, Exact, "", "", false, 2, "-1亿"),
    (-3.5, Zh, Change, Full, Exact, "", "", false, 2, "-3.5%"),
    (-3.5, En, Change, Full, Exact, "", "", false, 2, "-3.5%"),
    (-12.5, Zh, Share, Full, Exact, "", "", false, 2, "-12.5%"),
    (-5000000.0, En, Money, Auto, Exact, "", "", false, 2, "-¥5 million"),
    (-122837.0, En, Count, Full, Exact, "", "people", false, 2, "-122,837 people"),
    (-3.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "-3项"),
    // Qualifiers.
    (248.0, Zh, Money, Full, About, "元", "", false, 2, "约248元"),
    (50.0, Zh, Share, Full, AtMost, "", "", false, 2, "不超过50%"),
    (100000.0, Zh, Count, Wan, AtLeast, "人", "", false, 2, "10万人以上"),
    (5.0, Zh, Change, Full, About, "", "", false, 2, "约+5%"),
    (248.0, En, Money, Full, About, "", "", false, 2, "about 248 yuan"),
    (50.0, En, Share, Full, AtMost, "", "", false, 2, "up to 50%"),
    (100000.0, En, Count, Full, AtLeast, "", "people", false, 2, "over 100,000 people"),
    (5.0, En, Change, Full, About, "", "", false, 2, "about +5%"),
    (1.57e8, En, Money, Yi, AtMost, "", "", false, 2, "up to ¥157 million"),
    (1.57e8, Zh, Money, Yi, AtMost, "元", "", false, 2, "不超过1.57亿元"),
    // Hanzi numerals, and where they fall back to digits.
    (0.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "零项"),
    (10.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "十项"),
    (11.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "十一项"),
    (20.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "二十项"),
    (99.0, Zh, Count, Hanzi, Exact, "项", "", false, 2, "九十九项"),
    (9.4, Zh, Count, Hanzi, Exact, "项", "", false, 0, "九项"),
    (99.5, Zh, Count, Hanzi, Exact, "项", "", false, 0, "100项"),
    (100.0, Zh, Count, Hanzi, About, "项", "", false, 2, "约100项"),
    (2.5, Zh, Count, Hanzi, Exact, "项", "", false, 2, "2.5项"),
    (9.0, En, Count, Hanzi, Exact, "", "projects", false, 2, "9 projects"),
    (9.0, En, Money, Hanzi, Exact, "", "", false, 2, "9 yuan"),
    (500.0, En, Money, Full, Exact, "", "renminbi", false, 2, "500 renminbi"),
    // Percents ignore notation and measure; zh grouping applies to them too.
    (78.08, Zh, Share, Wan, Exact, "元", "", false, 2, "78.08%"),
    (12345.6, Zh, Share, Full, Exact, "", "", true, 2, "12,345.6%"),
    (12345.6, En, Change, Auto, Exact, "", "", false, 2, "+12,345.6%"),
    // Before 万/亿 only five or more integer digits group, like Intl's compact notation.
    (26770300.0, Zh, Money, Wan, Exact, "元", "", true, 2, "2677.03万元"),
    (1e21, Zh, Count, Auto, Exact, "", "", true, 2, "1,000,000,000万亿"),
    // Not a number: no qualifier, no unit.
    (f64::NAN, Zh, Money, Wan, AtLeast, "元", "", false, 2, "—"),
    (f64::INFINITY, En, Count, Auto, About, "", "people", false, 2, "—"),
    (f64::NEG_INFINITY, Zh, Change, Full, Exact, "", "", false, 2, "—"),
    (f64::NAN, En, Share, Full, AtMost, "", "", false, 2, "—"),
];

#[test]
fn format_number_writes_every_case_as_the_table_says() {
    assert!(CASES.len() >= 100, "only {} cases", CASES.len());
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(
            |&(
                value,
                lang,
                kind,
                notation,
                qualifier,
                measure,
                noun_en,
                group_zh,
                max_decimals,
                want,
            )| {
                let f = NumberFormat {
                    lang,
                    kind,
                    notation,
                    qualifier,
                    measure,
                    noun_en,
                    group_zh,
                    max_decimals,
                };
                let got = format_number(value, &f);
                (got != want).then(|| format!("{value:?} {f:?}: got {got:?}, want {want:?}"))
            },
        )
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn format_plain_rounds_and_groups() {
    let cases: &[(f64, u8, bool, &str)] = &[
        (16317.0, 0, false, "16317"),
        (16317.0, 0, true, "16,317"),
        (1234.5, 0, true, "1,235"),
        (999.9999, 3, true, "1,000"),
        (1.005, 2, false, "1.01"),
        (2.675, 2, false, "2.68"),
        (-2.675, 2, false, "-2.68"),
        (0.1 + 0.2, 2, false, "0.3"),
        (0.5, 0, false, "1"),
        (-0.0, 2, false, "0"),
        (-0.001, 2, false, "0"),
        (1e-7, 7, false, "0.0000001"),
        (1e-7, 6, false, "0"),
        (123.456, 10, false, "123.456"),
        (1e21, 0, true, "1,000,000,000,000,000,000,000"),
        (f64::NAN, 2, false, MISSING),
        (f64::NEG_INFINITY, 2, true, MISSING),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter(|&&(value, decimals, group, want)| format_plain(value, decimals, group) != want)
        .map(|&(value, decimals, group, want)| {
            format!(
                "format_plain({value:?}, {decimals}, {group}) = {:?}, want {want:?}",
                format_plain(value, decimals, group)
            )
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn round_half_away_matches_the_written_rounding() {
    let cases: &[(f64, u8, f64)] = &[
        (1.005, 2, 1.01),
        (2.675, 2, 2.68),
        (-2.675, 2, -2.68),
        (0.125, 2, 0.13),
        (0.1 + 0.2, 2, 0.3),
        (0.1 + 0.2, 16, 0.3),
        (99999.995, 2, 100000.0),
        (16317.4, 0, 16317.0),
        (0.5, 0, 1.0),
        (-0.5, 0, -1.0),
        (1e21, 0, 1e21),
        (1e-7, 6, 0.0),
        (1e-7, 7, 1e-7),
        (9999999.999999998, 9, 9999999.999999998),
        (9999999.999999998, 8, 10000000.0),
        (987654321.1234568, 6, 987654321.123457),
        // Beyond 22 decimals: off the fast path of the decimal-to-binary conversion.
        (1.2345678e-25, 27, 1.23e-25),
        (1.2345678e-25, 26, 1.2e-25),
        (-1.2345678e-250, 255, -1.23457e-250),
    ];
    let mut failures: Vec<String> = cases
        .iter()
        .filter(|&&(value, decimals, want)| {
            round_half_away(value, decimals).to_bits() != want.to_bits()
        })
        .map(|&(value, decimals, want)| {
            format!(
                "round_half_away({value:?}, {decimals}) = {:?}, want {want:?}",
                round_half_away(value, decimals)
            )
        })
        .collect();
    // Zero comes out as +0, and non-finite values pass through.
    for (value, decimals) in [(-0.0, 2), (-0.001, 2), (-1e-7, 6)] {
        let got = round_half_away(value, decimals);
        if got.to_bits() != 0 {
            failures.push(format!(
                "round_half_away({value:?}, {decimals}) = {got:?}, want +0"
            ));
        }
    }
    if !round_half_away(f64::NAN, 2).is_nan() || round_half_away(f64::INFINITY, 2) != f64::INFINITY
    {
        failures.push("non-finite values must pass through".to_owned());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn decimals_of_counts_fraction_digits_of_the_shortest_representation() {
    let cases: &[(f64, u8)] = &[
        (11.42, 2),
        (16317.0, 0),
        (1e-7, 7),
        (1.5e-10, 11),
        (0.1 + 0.2, 17),
        (0.125, 3),
        (-2.5, 1),
        (100.0, 0),
        (1e21, 0),
        (-0.0, 0),
        (f64::NAN, 0),
        (f64::INFINITY, 0),
        (5e-324, 255),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter(|&&(value, want)| decimals_of(value) != want)
        .map(|&(value, want)| {
            format!(
                "decimals_of({value:?}) = {}, want {want}",
                decimals_of(value)
            )
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn enum_names_parse_back_and_match_serde() {
    fn check<T: Copy + PartialEq + std::fmt::Debug + serde::Serialize>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(parse(as_str(v)), Some(v));
            assert_eq!(
                serde_json::to_string(&v).ok(),
                Some(format!("\"{}\"", as_str(v)))
            );
        }
    }
    check(&Lang::ALL, Lang::as_str, Lang::parse);
    check(&Kind::ALL, Kind::as_str, Kind::parse);
    check(&Notation::ALL, Notation::as_str, Notation::parse);
    check(&Qualifier::ALL, Qualifier::as_str, Qualifier::parse);
    let names: Vec<&str> = Qualifier::ALL.iter().map(|q| q.as_str()).collect();
    assert_eq!(names, ["exact", "at-least", "about", "at-most"]);
    for bad in [
        "", "Zh", "ZH", " zh", "at_least", "AtLeast", "hanzi ", "percent",
    ] {
        assert_eq!(Lang::parse(bad), None);
        assert_eq!(Notation::parse(bad), None);
        assert_eq!(Qualifier::parse(bad), None);
        assert_eq!(Kind::parse(bad), None);
    }
}
