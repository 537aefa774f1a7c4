//! A figure's fields taken together: what `written` says and whether the fields given beside it agree, the limits a kind puts on the value, the unit a kind needs; the walk (`check`) has already seen each field alone.

use super::check::{present, shorten, show_number, Checker, Path};
use super::schema::{KIND_RULES, MAX_ABS_VALUE};
use crate::json::Value;
use crate::written::{self, Written};

/// Two values that are the same figure: equal, or equal to the last digit an f64 holds.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn string<'v>(figure: &'v Value, key: &str) -> Option<&'v str> {
    match present(figure, key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn number(figure: &Value, key: &str) -> Option<f64> {
    match present(figure, key) {
        Some(&Value::Number(n)) if n.is_finite() && n.abs() <= MAX_ABS_VALUE => Some(n),
        _ => None,
    }
}

/// A figure's `written`, read with the rules numbers are written with; `None` when absent.
/// `Err` when it is there and cannot be read (the error is pushed).
pub fn read_written(
    c: &mut Checker,
    figure: &Value,
    path: &Path,
) -> Result<Option<(Written<'static>, String)>, ()> {
    let Some(text) = string(figure, "written") else {
        return if present(figure, "written").is_some() {
            Err(())
        } else {
            Ok(None)
        };
    };
    match written::parse(text) {
        // The unit is one of the schema's measure words: a 'static str.
        Some(w) => Ok(Some((
            Written {
                unit: crate::dataset::schema::MEASURE_WORDS
                    .iter()
                    .find(|m| **m == w.unit)
                    .copied()
                    .unwrap_or(""),
                ..w
            },
            text.to_owned(),
        ))),
        None => {
            c.push(
                &Path::Key(path, "written"),
                format!(
                    "cannot read \"{}\" as a figure: write it as the article does (16317元, 10.79万人, 80%以上, 九项)",
                    shorten(text)
                ),
            );
            Err(())
        }
    }
}

impl Checker {
    /// A field given beside `written` that says something else.
    fn disagrees(&mut self, path: &Path, key: &str, given: &str, written: &str, reads: &str) {
        self.push(
            &Path::Key(path, key),
            format!(
                "{given} does not agree with written \"{}\", which reads as {reads}",
                shorten(written)
            ),
        );
    }

    pub fn figure_rules(&mut self, figure: &Value, path: &Path) -> bool {
        let Value::Object(_) = figure else {
            return false;
        };
        let Ok(written) = read_written(self, figure, path) else {
            return false;
        };
        let mut ok = true;
        let value = number(figure, "value");
        let kind = string(figure, "kind");
        if let Some((w, text)) = &written {
            if let Some(v) = value.filter(|v| !same(*v, w.value)) {
                let (given, reads) = (show_number(v), show_number(w.value));
                self.disagrees(path, "value", &format!("the value {given}"), text, &reads);
                ok = false;
            }
            if let Some(k) = kind.filter(|k| *k != w.kind.as_str()) {
                let reads = format!("a figure of kind {}", w.kind.as_str());
                self.disagrees(path, "kind", &format!("kind {k}"), text, &reads);
                ok = false;
            }
            let unit = present(figure, "unit").and_then(|u| string(u, "zh"));
            if let Some(u) = unit.filter(|u| !w.unit.is_empty() && *u != w.unit) {
                let reads = format!("the unit {}", w.unit);
                self.disagrees(path, "unit", &format!("the unit {u}"), text, &reads);
                ok = false;
            }
            for (key, given, reads) in [
                (
                    "qualifier",
                    string(figure, "qualifier"),
                    w.qualifier.as_str(),
                ),
                ("notation", string(figure, "notation"), w.notation.as_str()),
            ] {
                if let Some(g) = given.filter(|g| *g != reads) {
                    let (g, reads) = (format!("{key} {g}"), format!("{key} {reads}"));
                    self.disagrees(path, key, &g, text, &reads);
                    ok = false;
                }
            }
        } else {
            for key in ["value", "kind"] {
                if present(figure, key).is_none() {
                    self.push(
                        &Path::Key(path, key),
                        "missing required field (or give the figure as `written`)",
                    );
                    ok = false;
                }
            }
        }
        let value = value.or(written.as_ref().map(|(w, _)| w.value));
        let kind = kind.or(written.as_ref().map(|(w, _)| w.kind.as_str()));
        let (Some(n), Some(kind)) = (value, kind) else {
            return false;
        };
        let Some(&(_, least, most, needs_unit)) = KIND_RULES.iter().find(|r| r.0 == kind) else {
            return false;
        };
        let value_path = Path::Key(path, "value");
        if most.is_some() && (least.is_some_and(|l| n < l) || most.is_some_and(|m| n > m)) {
            let shown = show_number(n);
            self.push(
                &value_path,
                format!("a share is a percentage from 0 to 100, got {shown}"),
            );
            ok = false;
        } else if least.is_some_and(|l| n < l) {
            let shown = show_number(n);
            self.push(
                &value_path,
                format!("a count, an amount or a measure cannot be negative, got {shown}"),
            );
            ok = false;
        }
        if let Some(high) = number(figure, "high").filter(|h| *h < n) {
            self.push(
                &Path::Key(path, "high"),
                format!(
                    "a range's high end is below its low end: {} < {}",
                    show_number(high),
                    show_number(n)
                ),
            );
            ok = false;
        }
        let unit = present(figure, "unit");
        let written_unit = written.as_ref().is_some_and(|(w, _)| !w.unit.is_empty());
        // A unit object is needed unless `written` gives the measure word and no English noun
        // is wanted.
        let unit_given_enough = written_unit && !self.langs[1];
        if needs_unit && unit.is_none() && !unit_given_enough {
            self.push(
                &Path::Key(path, "unit"),
                "missing required field (counts, amounts and measures need a unit)",
            );
            ok = false;
        } else if let Some(u @ Value::Object(_)) = unit {
            let needs_zh = needs_unit && self.langs[0] && !written_unit;
            if needs_zh && present(u, "zh").is_none() {
                self.push(
                    &Path::Key(&Path::Key(path, "unit"), "zh"),
                    "missing required field (or give the figure as `written`)",
                );
                ok = false;
            }
        }
        ok
    }
}
