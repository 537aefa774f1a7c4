//! Derived figures and consistency checks from the relations a dataset declares: `&Dataset -> Stats`; no knowledge of any one story's ids.

use crate::dataset::{Dataset, Figure, Relation, RelationKind, Text, MAX_ABS_VALUE};
use crate::format::{self, format_number, format_plain, Kind, Lang, NumberFormat, Qualifier};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derived {
    pub id: String,
    /// The relation type that produced it: "difference", "ratio", …
    pub relation: &'static str,
    pub label: Text,
    /// `None` when it cannot be computed (a zero denominator); shown as "—".
    pub value: Option<f64>,
    pub kind: Kind,
    pub unit: Text,
    pub decimals: u8,
    pub qualifier: Qualifier,
    /// The figures it is computed from.
    pub figures: Vec<String>,
    pub formatted: Text,
    /// The arithmetic, as shown to a reader who asks: "16317 − 1672 = 14645".
    pub formula: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub id: String,
    pub relation: &'static str,
    /// The figures that agree, or contradict each other.
    pub figures: Vec<String>,
    pub ok: bool,
    /// How far the computed value is from the stated one (percentage points for rates), or by how
    /// much a part exceeds its whole; a passing check may still differ by less than rounding.
    pub difference: f64,
    pub message: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub derived: Vec<Derived>,
    pub checks: Vec<Check>,
}

impl Stats {
    pub fn warnings(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }

    /// Derived figures that read `figure_id`.
    pub fn derived_for<'a>(&'a self, figure_id: &'a str) -> impl Iterator<Item = &'a Derived> {
        self.derived
            .iter()
            .filter(move |d| d.figures.iter().any(|f| f == figure_id))
    }

    pub fn checks_for<'a>(&'a self, figure_id: &'a str) -> impl Iterator<Item = &'a Check> {
        self.checks
            .iter()
            .filter(move |c| c.figures.iter().any(|f| f == figure_id))
    }

    pub fn derived(&self, id: &str) -> Option<&Derived> {
        self.derived.iter().find(|d| d.id == id)
    }
}

/// Half a unit in the last digit the article wrote: the widest rounding error a stated figure can carry.
fn half_unit(value: f64) -> f64 {
    0.5 * 10f64.powi(-i32::from(format::decimals_of(value)))
}

fn plain(value: f64) -> String {
    format_plain(value, 4, false)
}

fn both(zh: String, en: String) -> Text {
    Text { zh, en }
}

struct Computed {
    value: Option<f64>,
    kind: Kind,
    qualifier: Qualifier,
    formula: String,
    check: Option<(bool, f64, Text)>,
}

pub fn compute(ds: &Dataset) -> Stats {
    let mut stats = Stats {
        derived: Vec::new(),
        checks: Vec::new(),
    };
    for relation in &ds.relations {
        let inputs: Vec<&Figure> = relation
            .kind
            .inputs()
            .iter()
            .filter_map(|id| ds.figure(id))
            .collect();
        // Validation guarantees every input exists; a short list is a broken invariant, not a crash.
        let Some(mut c) = compute_one(relation, &inputs) else {
            continue;
        };
        // A quotient can overflow (1e15 ÷ 1e-300) or leave the range validation allows for
        // figures; neither can be shown honestly, so it is missing, with a warning saying why.
        if c.value
            .is_some_and(|v| !v.is_finite() || v.abs() > MAX_ABS_VALUE)
        {
            c.value = None;
            c.qualifier = Qualifier::Exact;
            if c.check.as_ref().is_none_or(|(ok, _, _)| *ok) {
                c.check = Some((
                    false,
                    0.0,
                    both(
                        format!("{}超出可显示的范围，无法计算", relation.label.zh),
                        format!("{} is out of range and cannot be shown", relation.label.en),
                    ),
                ));
            }
        }
        let figures: Vec<String> = inputs.iter().map(|f| f.id.clone()).collect();
        if let Some((ok, difference, message)) = c.check {
            stats.checks.push(Check {
                id: relation.id.clone(),
                relation: relation.kind.name(),
                figures: figures.clone(),
                ok,
                difference,
                message,
            });
        }
        if matches!(relation.kind, RelationKind::PartOf { .. }) && c.value.is_none() {
            continue;
        }
        let unit = relation.unit.clone().unwrap_or(Text {
            zh: String::new(),
            en: String::new(),
        });
        let fmt = |lang| {
            let mut f = NumberFormat::new(lang, c.kind);
            f.qualifier = c.qualifier;
            f.measure = &unit.zh;
            f.noun_en = &unit.en;
            f.max_decimals = relation.decimals;
            match c.value {
                Some(v) => format_number(v, &f),
                None => format::MISSING.to_owned(),
            }
        };
        let formatted = both(fmt(Lang::Zh), fmt(Lang::En));
        stats.derived.push(Derived {
            id: relation.id.clone(),
            relation: relation.kind.name(),
            label: relation.label.clone(),
            value: c.value,
            kind: c.kind,
            unit: unit.clone(),
            decimals: relation.decimals,
            qualifier: c.qualifier,
            figures,
            formatted,
            formula: both(c.formula.clone(), c.formula),
        });
    }
    stats
}

fn compute_one(relation: &Relation, inputs: &[&Figure]) -> Option<Computed> {
    let a = inputs.first()?;
    let b = inputs.get(1)?;
    let (x, y) = (a.value, b.value);
    let approx = |v: f64, d: u8| {
        if format::round_half_away(v, d) == v {
            Qualifier::Exact
        } else {
            Qualifier::About
        }
    };
    let d = relation.decimals;
    Some(match &relation.kind {
        RelationKind::Difference { .. } => {
            let v = x - y;
            let check = (v < 0.0).then(|| {
                (
                    false,
                    -v,
                    both(
                        format!(
                            "{}（{}）小于{}（{}），差额为负：{}",
                            a.label.zh,
                            plain(x),
                            b.label.zh,
                            plain(y),
                            plain(v)
                        ),
                        format!(
                            "{} ({}) is smaller than {} ({}): the difference is negative, {}",
                            a.label.en,
                            plain(x),
                            b.label.en,
                            plain(y),
                            plain(v)
                        ),
                    ),
                )
            });
            Computed {
                value: Some(v),
                kind: a.kind,
                qualifier: approx(v, d),
                formula: format!(
                    "{} − {} = {}",
                    plain(x),
                    plain(y),
                    format_plain(v, d, false)
                ),
                check,
            }
        }
        RelationKind::Ratio { .. } => {
            if y == 0.0 {
                let msg = both(
                    format!("{}为0，无法计算{}", b.label.zh, relation.label.zh),
                    format!(
                        "{} is zero: {} cannot be computed",
                        b.label.en, relation.label.en
                    ),
                );
                Computed {
                    value: None,
                    kind: Kind::Count,
                    qualifier: Qualifier::Exact,
                    formula: format!("{} ÷ 0", plain(x)),
                    check: Some((false, 0.0, msg)),
                }
            } else {
                let v = x / y;
                Computed {
                    value: Some(v),
                    kind: if a.kind == Kind::Money {
                        Kind::Money
                    } else {
                        Kind::Count
                    },
                    qualifier: approx(v, d),
                    formula: format!(
                        "{} ÷ {} ≈ {}",
                        plain(x),
                        plain(y),
                        format_plain(v, d, false)
                    ),
                    check: None,
                }
            }
        }
        RelationKind::Growth { .. } => growth(relation, a, b, inputs.get(2)?),
        RelationKind::ShareTotal { .. } => {
            if y == 0.0 {
                let msg = both(
                    format!("{}为0%，无法推算总数", b.label.zh),
                    format!("{} is 0%: the total cannot be derived", b.label.en),
                );
                Computed {
                    value: None,
                    kind: Kind::Count,
                    qualifier: Qualifier::Exact,
                    formula: format!("{} ÷ 0%", plain(x)),
                    check: Some((false, 0.0, msg)),
                }
            } else {
                let v = x / (y / 100.0);
                Computed {
                    value: Some(v),
                    kind: a.kind,
                    qualifier: approx(v, d),
                    formula: format!(
                        "{} ÷ {}% ≈ {}",
                        plain(x),
                        plain(y),
                        format_plain(v, d, false)
                    ),
                    check: None,
                }
            }
        }
        RelationKind::PartOf { .. } => {
            let over = x > y;
            let check = Some((
                !over,
                if over { x - y } else { 0.0 },
                if over {
                    both(
                        format!(
                            "部分大于整体：{}（{}）大于{}（{}），超出{}",
                            a.label.zh,
                            plain(x),
                            b.label.zh,
                            plain(y),
                            plain(x - y)
                        ),
                        format!(
                            "A part is larger than its whole: {} ({}) exceeds {} ({}) by {}",
                            a.label.en,
                            plain(x),
                            b.label.en,
                            plain(y),
                            plain(x - y)
                        ),
                    )
                } else {
                    both(
                        format!("{}不大于{}，一致", a.label.zh, b.label.zh),
                        format!("{} is within {}: consistent", a.label.en, b.label.en),
                    )
                },
            ));
            let v = (y > 0.0).then(|| x / y * 100.0);
            Computed {
                value: v,
                kind: Kind::Share,
                qualifier: v.map_or(Qualifier::Exact, |v| approx(v, d)),
                formula: format!("{} ÷ {} × 100%", plain(x), plain(y)),
                check,
            }
        }
    })
}

/// A level, its increase and its growth rate must agree: rate ≈ increase / (level − increase).
/// Each stated figure may be off by half a unit of its last digit, so the check passes when the
/// interval of rates those roundings allow contains the stated rate (give or take its own rounding).
fn growth(relation: &Relation, level: &Figure, increase: &Figure, rate: &Figure) -> Computed {
    let (l, i, r) = (level.value, increase.value, rate.value);
    let base = l - i;
    let names = format!(
        "{}、{}、{}",
        level.label.zh, increase.label.zh, rate.label.zh
    );
    let names_en = format!(
        "{}, {} and {}",
        level.label.en, increase.label.en, rate.label.en
    );
    if base <= 0.0 {
        return Computed {
            value: None,
            kind: Kind::Change,
            qualifier: Qualifier::Exact,
            formula: format!("{} ÷ ({} − {})", plain(i), plain(l), plain(i)),
            check: Some((
                false,
                0.0,
                both(
                    format!("{}互相矛盾：增加额不小于当前水平，无法推算增幅", names),
                    format!("{names_en} contradict each other: the increase is not smaller than the level, so no growth rate follows"),
                ),
            )),
        };
    }
    let computed = i / base * 100.0;
    let (hl, hi) = (half_unit(l), half_unit(i));
    let corners = [
        (i - hi) / (l + hl - (i - hi)),
        (i + hi) / (l - hl - (i + hi)),
        (i - hi) / (l - hl - (i - hi)),
        (i + hi) / (l + hl - (i + hi)),
    ];
    let lo = corners.iter().fold(f64::INFINITY, |m, &c| m.min(c * 100.0));
    let hi_rate = corners
        .iter()
        .fold(f64::NEG_INFINITY, |m, &c| m.max(c * 100.0));
    let hr = half_unit(r);
    let ok = base - hl - hi > 0.0 && r + hr >= lo && r - hr <= hi_rate;
    let difference = (computed - r).abs();
    let shown = format_plain(computed, 4, false);
    let message = if ok {
        both(
            format!(
                "三个数字在四舍五入范围内一致：{} ÷ ({} − {}) = {}%，报道为{}%",
                plain(i),
                plain(l),
                plain(i),
                shown,
                plain(r)
            ),
            format!(
                "The three figures agree within rounding: {} ÷ ({} − {}) = {}%, stated {}%",
                plain(i),
                plain(l),
                plain(i),
                shown,
                plain(r)
            ),
        )
    } else {
        both(
            format!("{}互相矛盾：按增加额推算增幅为{}%，报道为{}%，相差{}个百分点", names, shown, plain(r), format_plain(difference, 2, false)),
            format!("{names_en} disagree: the increase implies {shown}% growth, the story states {}%, a difference of {} percentage points", plain(r), format_plain(difference, 2, false)),
        )
    };
    Computed {
        value: Some(computed),
        kind: Kind::Change,
        qualifier: if format::round_half_away(computed, relation.decimals) == computed {
            Qualifier::Exact
        } else {
            Qualifier::About
        },
        formula: format!(
            "{} ÷ ({} − {}) ≈ {}%",
            plain(i),
            plain(l),
            plain(i),
            format_plain(computed, relation.decimals, false)
        ),
        check: Some((ok, difference, message)),
    }
}
