//! Bar chart layout as values: rows of label, bar and value, and the axis ticks beneath them; no overview, no drawing.

use super::text::{text_width_px, wrap};
use super::ticks::{max_finite, nice_ticks};
use super::{Rect, LABEL_FONT_PX, LINE_PX, PAD, TICK_FONT_PX, VALUE_FONT_PX};
use crate::view::node::clamp;

#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label_lines: Vec<String>,
    /// Baseline of the first label line.
    pub label_y: f64,
    /// The formatted value: one line after the bar, or wrapped lines between the label and the
    /// bar when values are too wide to sit beside their bars; lines are `LINE_PX` apart.
    pub value_lines: Vec<String>,
    pub bar_x: f64,
    pub bar_y: f64,
    pub bar_w: f64,
    pub bar_h: f64,
    pub value_x: f64,
    pub value_y: f64,
    /// The whole row: label, bar and value; the focus ring and pointer target.
    pub hit: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TickMark {
    pub x: f64,
    pub value: f64,
    pub anchor: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub width_px: f64,
    pub height_px: f64,
    pub rows: Vec<BarRow>,
    pub ticks: Vec<TickMark>,
    pub axis_y: f64,
    pub plot_x: f64,
    pub plot_w: f64,
}

/// The narrowest plot that still compares bars; below it, values leave the bars' line.
const MIN_PLOT_PX: f64 = 40.0;
const BAR_H: f64 = 18.0;
const ROW_GAP: f64 = 14.0;

/// A chart's words in one language: labels and formatted values (parallel to the values) and
/// the axis formatter.
pub struct ChartText<'a> {
    pub labels: &'a [String],
    pub formatted: &'a [String],
    pub tick_label: &'a dyn Fn(f64) -> String,
}

/// Horizontal bars, label above each bar and value after it. The plot leaves room on the right
/// for the widest value, so a value never overlaps its bar or the edge.
/// `tick_label` formats an axis value; `values`, `labels` and `formatted` are parallel.
pub fn bar_chart(
    width_px: f64,
    labels: &[String],
    values: &[f64],
    formatted: &[String],
    tick_label: &dyn Fn(f64) -> String,
) -> BarChart {
    let shown = ChartText {
        labels,
        formatted,
        tick_label,
    };
    bar_chart_sized(width_px, values, &shown, None)
}

/// `bar_chart` laid out to hold `other` too (the same chart in the other language): every
/// coordinate is the same in both, so a language switch changes words, never geometry.
pub fn bar_chart_sized(
    width_px: f64,
    values: &[f64],
    shown: &ChartText,
    other: Option<&ChartText>,
) -> BarChart {
    let (labels, formatted, tick_label) = (shown.labels, shown.formatted, shown.tick_label);
    let width_px = clamp(width_px, 200.0, 4000.0);
    let max = max_finite(values);
    let widest = |t: &ChartText| {
        t.formatted
            .iter()
            .map(|s| text_width_px(s, VALUE_FONT_PX))
            .fold(0.0, f64::max)
    };
    let value_w = widest(shown).max(other.map_or(0.0, widest));
    // Lines the other language's text `i` takes (0 without one); the shown text's are at hand.
    let other_lines = |i: usize, labels: bool, room: f64, font: f64| {
        other.map_or(0, |t| {
            let texts = if labels { t.labels } else { t.formatted };
            wrap(texts.get(i).map_or("", String::as_str), room, font).len()
        })
    };
    let plot_x = PAD;
    let room = width_px - 2.0 * PAD;
    // Values sit after their bars while that leaves the bars 40 px; wider ones (a long unit,
    // 1,000,000,000,000,000 written in full) go on lines of their own above each bar instead,
    // and the bars take the whole width.
    let beside = room - value_w - 8.0 >= MIN_PLOT_PX;
    let plot_w = if beside { room - value_w - 8.0 } else { room };

    // Ticks as many as fit without their labels touching.
    let probe = nice_ticks(max, 5);
    let tick_w = probe
        .iter()
        .map(|&t| {
            let alt = other.map_or(0.0, |o| text_width_px(&(o.tick_label)(t), TICK_FONT_PX));
            text_width_px(&tick_label(t), TICK_FONT_PX).max(alt)
        })
        .fold(0.0, f64::max)
        + 12.0;
    let max_ticks = ((plot_w / tick_w).floor() as usize).clamp(1, 5);
    let tick_values = nice_ticks(max, max_ticks);
    let domain = tick_values
        .last()
        .copied()
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE);

    let mut y = PAD;
    let mut rows = Vec::with_capacity(values.len());
    for (i, &v) in values.iter().enumerate() {
        let label = labels.get(i).map(String::as_str).unwrap_or("");
        let label_lines = wrap(label, room, LABEL_FONT_PX);
        let top = y;
        let label_n = label_lines
            .len()
            .max(other_lines(i, true, room, LABEL_FONT_PX))
            .max(1);
        let value = formatted.get(i).map(String::as_str).unwrap_or("");
        let (value_lines, value_n) = if beside {
            (vec![value.to_owned()], 0)
        } else {
            let lines = wrap(value, room, VALUE_FONT_PX);
            let n = lines
                .len()
                .max(other_lines(i, false, room, VALUE_FONT_PX))
                .max(1);
            (lines, n)
        };
        // The lines kept for the other language go above the label, not between it and its
        // bar: a reader sees a wider gap between rows, never a blank line under a label.
        let shown_n = label_lines.len().max(1);
        let spare = label_n - shown_n + value_n.saturating_sub(value_lines.len().max(1));
        let label_y = y + LINE_PX * spare as f64 + LABEL_FONT_PX;
        let above_y = (!beside)
            .then_some(label_y - LABEL_FONT_PX + LINE_PX * shown_n as f64 + 2.0 + VALUE_FONT_PX);
        y += LINE_PX * label_n as f64 + 2.0;
        if !beside {
            y += LINE_PX * value_n as f64 + 2.0;
        }
        let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
        // A non-zero value keeps a sliver so it is visibly there.
        let bar_w = if v > 0.0 {
            (v / domain * plot_w).max(2.0)
        } else {
            0.0
        };
        let row = BarRow {
            label_lines,
            label_y,
            bar_x: plot_x,
            bar_y: y,
            bar_w,
            bar_h: BAR_H,
            value_x: if beside { plot_x + bar_w + 6.0 } else { plot_x },
            value_y: above_y.unwrap_or(y + BAR_H / 2.0 + VALUE_FONT_PX * 0.35),
            value_lines,
            hit: Rect {
                x: 0.0,
                y: top,
                w: width_px,
                h: y + BAR_H - top + ROW_GAP / 2.0,
            },
        };
        y += BAR_H + ROW_GAP;
        rows.push(row);
    }
    let axis_y = y - ROW_GAP / 2.0;
    let n = tick_values.len();
    let ticks = tick_values
        .iter()
        .enumerate()
        .map(|(i, &t)| TickMark {
            x: plot_x + t / domain * plot_w,
            value: t,
            anchor: if i == 0 {
                "start"
            } else if i + 1 == n && plot_x + plot_w + tick_w / 2.0 > width_px {
                "end"
            } else {
                "middle"
            },
        })
        .collect();
    BarChart {
        width_px,
        height_px: axis_y + TICK_FONT_PX + 10.0,
        rows,
        ticks,
        axis_y,
        plot_x,
        plot_w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_values_stay_inside() {
        let labels = vec!["a".to_owned(), "b".to_owned()];
        let formatted = vec!["186个".to_owned(), "3141个".to_owned()];
        for width in [280.0, 320.0, 960.0, 1200.0] {
            let c = bar_chart(width, &labels, &[186.0, 3141.0], &formatted, &|v| {
                format!("{v}")
            });
            let (a, b) = (&c.rows[0], &c.rows[1]);
            let ratio = a.bar_w / b.bar_w;
            assert!((ratio - 186.0 / 3141.0).abs() < 0.01, "{ratio}");
            for (row, f) in c.rows.iter().zip(&formatted) {
                let end = row.value_x + text_width_px(f, VALUE_FONT_PX);
                assert!(end <= width, "value overflows at {width}: {end}");
                assert!(row.value_x > row.bar_x + row.bar_w);
            }
            assert!(a.hit.y + a.hit.h <= b.hit.y + 0.01, "rows overlap");
            let last = c.ticks.last().unwrap();
            assert!(last.x <= width);
        }
    }
}
