//! The overview chart's layout: every figure a column past `OVERVIEW_ABOVE` bars, its value axis, and the column under a pointer; no bar rows.

use super::text::text_width_px;
use super::ticks::{max_finite, nice_ticks};
use super::{Rect, PAD, TICK_FONT_PX};
use crate::view::node::clamp;

/// Above this many bars a chart stops drawing a labelled row per figure and draws every figure
/// as a column of one overview (`overview`): 60 labelled rows are already 2,600 px tall, and
/// 10,000 would be half a million.
pub const OVERVIEW_ABOVE: usize = 60;
/// Height of an overview's plot area.
pub const OVERVIEW_PLOT_PX: f64 = 200.0;

/// An overview chart: figures left to right as columns in dataset order, a value axis on the left.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub width_px: f64,
    pub height_px: f64,
    pub plot_x: f64,
    pub plot_w: f64,
    pub plot_top: f64,
    /// The zero line.
    pub baseline: f64,
    /// The value at the top of the plot (the last tick).
    pub domain: f64,
    pub count: usize,
    /// Horizontal grid lines: (y, value).
    pub ticks: Vec<(f64, f64)>,
}

impl Overview {
    /// The figure under `x` (in the chart's own px), clamped to the first and last.
    pub fn index_at(&self, x: f64) -> usize {
        if self.count == 0 || !x.is_finite() {
            return 0;
        }
        let f = ((x - self.plot_x) / self.plot_w * self.count as f64).floor();
        (f.max(0.0) as usize).min(self.count - 1)
    }

    fn x_of(&self, i: usize) -> f64 {
        self.plot_x + i as f64 * self.plot_w / self.count.max(1) as f64
    }

    fn height_of(&self, v: f64) -> f64 {
        let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
        let h = (v / self.domain * OVERVIEW_PLOT_PX).min(OVERVIEW_PLOT_PX);
        // A non-zero value keeps a sliver so it is visibly there.
        if v > 0.0 {
            h.max(1.0)
        } else {
            0.0
        }
    }

    /// The column of figure `i` (value `v`) as a highlight: at least 3 px wide and 2 px tall so
    /// a figure of zero, or one of ten in a pixel, can still be seen when picked.
    pub fn column(&self, i: usize, v: f64) -> Rect {
        let (x0, x1) = (self.x_of(i), self.x_of(i + 1));
        let w = (x1 - x0).max(3.0);
        let x = clamp(
            (x0 + x1) / 2.0 - w / 2.0,
            self.plot_x - 1.0,
            self.plot_x + self.plot_w - w + 1.0,
        );
        let h = self.height_of(v).max(2.0);
        Rect {
            x,
            y: self.baseline - h,
            w,
            h,
        }
    }

    /// The columns as path data, one subpath per pixel column: when figures outnumber pixels,
    /// a pixel column stands for several figures and is as tall as the tallest of them.
    /// `include(i)` picks the figures drawn (the warning colour is a second path).
    pub fn path(&self, values: &[f64], include: &dyn Fn(usize) -> bool) -> String {
        use crate::view::node::fmt_coord as c;
        let n = values.len().min(self.count);
        let cols = (self.plot_w.floor() as usize).clamp(1, n.max(1));
        let mut d = String::with_capacity(cols * 24);
        for col in 0..cols {
            let (a, b) = (col * n / cols, (col + 1) * n / cols);
            let tallest = (a..b)
                .filter(|&i| include(i))
                .map(|i| self.height_of(values[i]))
                .fold(0.0, f64::max);
            if tallest <= 0.0 {
                continue;
            }
            let (x0, x1) = (self.x_of(a), self.x_of(b));
            // A pixel between columns while they are wide enough to spare one.
            let w = if x1 - x0 >= 4.0 {
                x1 - x0 - 1.0
            } else {
                x1 - x0
            };
            d.push('M');
            d.push_str(&c(x0));
            d.push(' ');
            d.push_str(&c(self.baseline));
            d.push('h');
            d.push_str(&c(w));
            d.push('v');
            d.push_str(&c(-tallest));
            d.push('h');
            d.push_str(&c(-w));
            d.push('z');
        }
        d
    }
}

/// Lays out an overview of `values` for `width_px`; `tick_label` formats an axis value.
pub fn overview(width_px: f64, values: &[f64], tick_label: &dyn Fn(f64) -> String) -> Overview {
    let width_px = clamp(width_px, 200.0, 4000.0);
    let max = max_finite(values);
    let tick_values = nice_ticks(max, 4);
    let domain = tick_values
        .last()
        .copied()
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE);
    let label_w = tick_values
        .iter()
        .map(|&t| text_width_px(&tick_label(t), TICK_FONT_PX))
        .fold(0.0, f64::max);
    let plot_x = (PAD + label_w + 6.0).min(width_px / 2.0);
    let plot_w = (width_px - plot_x - PAD).max(1.0);
    let plot_top = PAD + TICK_FONT_PX / 2.0;
    let baseline = plot_top + OVERVIEW_PLOT_PX;
    let ticks = tick_values
        .iter()
        .map(|&t| (baseline - t / domain * OVERVIEW_PLOT_PX, t))
        .collect();
    Overview {
        width_px,
        height_px: baseline + PAD + 2.0,
        plot_x,
        plot_w,
        plot_top,
        baseline,
        domain,
        count: values.len(),
        ticks,
    }
}
