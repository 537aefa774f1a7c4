//! Layout as values: text width estimates, line wrapping, nice axis ticks, bar rows and ring arcs; nothing is drawn here.

use super::node::clamp;

/// Width of a string in px at `font_px`, estimated per character class. CJK glyphs are square;
/// Latin and digits average ~0.6 em in the widget's fonts. Overestimating is the safe side:
/// a label may get an extra line, never overlap.
pub fn text_width_px(s: &str, font_px: f64) -> f64 {
    s.chars()
        .map(|c| {
            let em = if is_emoji(c) {
                // Colour emoji fonts advance emoji by more than 1 em.
                1.25
            } else if is_wide(c) {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' || c == '¥' {
                0.72
            } else if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' {
                0.32
            } else {
                0.6
            };
            em * font_px
        })
        .sum()
}

/// Pictographs drawn as colour emoji: symbols and dingbats, the emoji planes, and the
/// regional indicators that pair into flags.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF |
        0x20000..=0x3FFFD)
        || c == '“'
        || c == '”'
        || c == '—'
}

/// Splits text into lines no wider than `max_px`: at spaces for Latin text, between any two
/// characters for CJK. A single word wider than the line is broken by characters.
pub fn wrap(s: &str, max_px: f64, font_px: f64) -> Vec<String> {
    let max_px = max_px.max(font_px * 2.0);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for token in tokens(s) {
        let w = text_width_px(&token, font_px);
        if line_w + w <= max_px || line.is_empty() && w <= max_px {
            line.push_str(&token);
            line_w += w;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        line = String::new();
        line_w = 0.0;
        let token = token.trim_start();
        if text_width_px(token, font_px) <= max_px {
            line.push_str(token);
            line_w = text_width_px(token, font_px);
        } else {
            for c in token.chars() {
                let cw = text_width_px(c.encode_utf8(&mut [0; 4]), font_px);
                if line_w + cw > max_px && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Marks that may not start a line (closing) or end one (opening), in Chinese and Latin text.
fn is_closing(c: char) -> bool {
    ")]},.:;!?”’）】》〉」』，。、：；！？".contains(c)
}

fn is_opening(c: char) -> bool {
    "([{“‘（【《〈「『".contains(c)
}

/// Words with their leading space for Latin text; single characters for CJK. Punctuation stays
/// with what it belongs to, so a line never starts with "”" or ")" nor ends with "“" or "(".
fn tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut joined = false;
    for c in s.chars() {
        // An emoji sequence (👩‍🌾, ❤️, 👍🏽) is one picture: a joiner, a variation selector or a
        // skin tone, and what follows a joiner, stay on the line of the character before them.
        let joins = c == '\u{200d}'
            || ('\u{fe00}'..='\u{fe0f}').contains(&c)
            || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c);
        if (joins || joined) && cur.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push(c);
                joined = c == '\u{200d}';
                continue;
            }
        }
        if joins || joined {
            cur.push(c);
            joined = c == '\u{200d}';
            continue;
        }
        if is_closing(c) && cur.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push(c);
                continue;
            }
        }
        if is_wide(c) {
            let glue = is_closing(c) || cur.chars().all(|b| b == ' ' || is_opening(b));
            if !glue {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
            if !is_opening(c) {
                out.push(std::mem::take(&mut cur));
            }
        } else if c == ' ' && !cur.is_empty() && !cur.ends_with(' ') {
            out.push(std::mem::take(&mut cur));
            cur.push(c);
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

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

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
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

pub const LABEL_FONT_PX: f64 = 13.0;
pub const VALUE_FONT_PX: f64 = 13.0;
pub const TICK_FONT_PX: f64 = 11.0;
pub const LINE_PX: f64 = 17.0;
/// The narrowest plot that still compares bars; below it, values leave the bars' line.
const MIN_PLOT_PX: f64 = 40.0;
const BAR_H: f64 = 18.0;
const ROW_GAP: f64 = 14.0;
const PAD: f64 = 4.0;

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
    let max = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
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
        let label_y = y + LABEL_FONT_PX;
        let label_n = label_lines
            .len()
            .max(other_lines(i, true, room, LABEL_FONT_PX))
            .max(1);
        y += LINE_PX * label_n as f64 + 2.0;
        let value = formatted.get(i).map(String::as_str).unwrap_or("");
        let (value_lines, above_y) = if beside {
            (vec![value.to_owned()], None)
        } else {
            let lines = wrap(value, room, VALUE_FONT_PX);
            let value_n = lines
                .len()
                .max(other_lines(i, false, room, VALUE_FONT_PX))
                .max(1);
            let first_y = y + VALUE_FONT_PX;
            y += LINE_PX * value_n as f64 + 2.0;
            (lines, Some(first_y))
        };
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
        use super::node::fmt_coord as c;
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
    let max = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
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

/// An SVG path for the arc of a ring from 12 o'clock, clockwise, covering `share` (0–1).
/// A full ring is two half arcs: one arc cannot start and end at the same point.
pub fn ring_arc(cx: f64, cy: f64, r: f64, share: f64) -> String {
    use super::node::fmt_coord as c;
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
    fn wraps_latin_at_spaces_and_cjk_anywhere() {
        let lines = wrap("Township medical-insurance service stations", 150.0, 13.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width_px(l, 13.0) <= 150.0));
        assert_eq!(
            lines.join(" "),
            "Township medical-insurance service stations"
        );
        let zh = wrap("乡镇医保服务站乡镇医保服务站", 60.0, 13.0);
        assert!(zh.iter().all(|l| l.chars().count() <= 4), "{zh:?}");
        assert_eq!(zh.concat(), "乡镇医保服务站乡镇医保服务站");
    }

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

    #[test]
    fn ring_arcs() {
        assert_eq!(ring_arc(50.0, 50.0, 40.0, 0.25), "M50 10A40 40 0 0 1 90 50");
        assert_eq!(ring_arc(50.0, 50.0, 40.0, 0.0), "");
        assert!(ring_arc(50.0, 50.0, 40.0, 1.0).matches('A').count() == 2);
        assert!(ring_arc(50.0, 50.0, 40.0, 0.7808).contains(" 0 1 1 "));
        assert_eq!(ring_arc(50.0, 50.0, 40.0, f64::NAN), "");
    }
}
