//! Layout as values: text width estimates, line wrapping, nice axis ticks, bar rows, the overview and ring arcs; nothing is drawn here.
//!
//! One file per concern, each re-exported here so callers keep writing `geometry::xxx`: `text`
//! (widths, wrapping), `ticks` (nice axis steps), `bars` (bar chart rows and axis), `overview`
//! (the chart of every figure as a column), `rings` (arcs and their trigonometry). This file
//! holds what the charts share: the type sizes, the padding and `Rect`.
//!
//! The root stays `geometry.rs` rather than `geometry/mod.rs` because `tests/stats.rs` reads
//! this file by path (`include_str!`) to check that no story id is written into the code.

mod bars;
mod overview;
mod rings;
mod text;
mod ticks;

pub use bars::{bar_chart, bar_chart_sized, BarChart, BarRow, ChartText, TickMark};
pub use overview::{overview, Overview, OVERVIEW_ABOVE, OVERVIEW_PLOT_PX};
pub use rings::{ring_arc, sin_cos};
pub use text::{text_width_px, wrap};
pub use ticks::nice_ticks;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

pub const LABEL_FONT_PX: f64 = 13.0;
pub const VALUE_FONT_PX: f64 = 13.0;
pub const TICK_FONT_PX: f64 = 11.0;
pub const LINE_PX: f64 = 17.0;
/// Space between a chart's edge and its marks or labels.
const PAD: f64 = 4.0;
