//! The tooltip, the live region and the overview chart's pick: content built by the view, mounted through the extra table, placed by measuring the page (reads only; writes go through `Ops`).

use super::mount::Ops;
use super::state::{OverviewCache, State};
use crate::view;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// How a reader picks a figure in an overview chart.
pub enum Pick {
    /// The pointer, at this client x.
    Pointer(f64),
    Step(isize),
    First,
    Last,
}

impl State {
    pub fn show_tip(&mut self, mark: &Element, id: &str) -> Result<(), JsValue> {
        self.show_tip_at(mark, mark, id)
    }

    /// Shows figure `id`'s tooltip below `anchor`, described by it for `owner` (the focusable mark).
    fn show_tip_at(&mut self, anchor: &Element, owner: &Element, id: &str) -> Result<(), JsValue> {
        let Some((ds, st)) = self.data() else {
            return Ok(());
        };
        let (Some(tip), Some(extra_tip)) = (self.anchors.tip, self.extra_tip) else {
            return Ok(());
        };
        let owner_id = self.table.index_of(owner.as_ref());
        if self.tip_for.as_deref() == Some(id) && self.described == owner_id {
            return Ok(());
        }
        let Some(content) = view::tooltip(&ds, &st, id, self.opts.lang, self.opts.group_zh) else {
            self.hide_tip();
            return Ok(());
        };
        let mut ops = Ops::new(&mut self.extra);
        if let Some(old) = self.tip_content.take() {
            ops.remove(&old);
        }
        self.tip_content = Some(ops.append(extra_tip, &content));
        ops.flush();
        let tip_el: Element = self.table.node(tip).unchecked_into();
        let tip_dom_id = tip_el.id();
        let old_owner = self.described.take();
        self.write(|ops, _| {
            ops.set_attr(tip, "data-for", id);
            ops.remove_attr(tip, "hidden");
            if let Some(o) = old_owner.filter(|o| Some(*o) != owner_id) {
                ops.remove_attr(o, "aria-describedby");
            }
            if let Some(o) = owner_id {
                ops.set_attr(o, "aria-describedby", &tip_dom_id);
            }
        });
        self.described = owner_id;
        self.tip_for = Some(id.to_owned());
        // Placed below the mark, kept inside the widget, once its content is laid out.
        let root = self
            .frame
            .first_element_child()
            .map(|r| r.get_bounding_client_rect());
        if let Some(root) = root {
            let r = anchor.get_bounding_client_rect();
            let tip_w = tip_el.get_bounding_client_rect().width();
            let max_left = (root.width() - tip_w - 8.0).max(8.0);
            let left = view::node::clamp(r.left() - root.left(), 8.0, max_left);
            let top = r.bottom() - root.top() + 8.0;
            // Whole pixels as integers: `{:.0}` would pull float formatting into the wasm.
            self.write(|ops, _| {
                ops.set_style(tip, "left", &format!("{}px", left.round() as i64));
                ops.set_style(tip, "top", &format!("{}px", top.round() as i64));
            });
        }
        Ok(())
    }

    pub fn hide_tip(&mut self) {
        self.hide_cursor();
        let Some(tip) = self.anchors.tip else {
            return;
        };
        if self.tip_for.take().is_none() {
            return;
        }
        let mut ops = Ops::new(&mut self.extra);
        if let Some(old) = self.tip_content.take() {
            ops.remove(&old);
        }
        ops.flush();
        let owner = self.described.take();
        self.write(|ops, _| {
            ops.set_attr(tip, "hidden", "");
            ops.remove_attr(tip, "data-for");
            if let Some(o) = owner {
                ops.remove_attr(o, "aria-describedby");
            }
        });
    }

    /// Says the figure in the polite live region.
    pub fn announce(&mut self, id: &str) {
        let Some((ds, st)) = self.data() else {
            return;
        };
        let (Some(text), Some(live)) = (
            view::announcement(&ds, &st, id, self.opts.lang, self.opts.group_zh),
            self.extra_live,
        ) else {
            return;
        };
        let mut ops = Ops::new(&mut self.extra);
        match &self.live_text {
            Some(m) => ops.set_text(m.id, &text),
            None => self.live_text = Some(ops.append(live, &view::node::text(text))),
        }
        ops.flush();
    }

    /// The overview chart `chart`'s figures and layout, from the cache when it is the same chart.
    fn overview(&mut self, chart: &Element) -> Option<Rc<OverviewCache>> {
        let key = chart.get_attribute("data-overview")?;
        if let Some(c) = self.overview_cache.as_ref().filter(|c| c.key == key) {
            return Some(c.clone());
        }
        let ds = self.dataset.clone()?;
        let (figs, money) = view::overview_figures(&ds, &key)?;
        let values: Vec<f64> = figs.iter().map(|f| f.value).collect();
        let layout = view::overview_layout(&values, money, &self.opts);
        let c = Rc::new(OverviewCache {
            key,
            ids: figs.iter().map(|f| f.id.clone()).collect(),
            values,
            layout,
        });
        self.overview_cache = Some(c.clone());
        Some(c)
    }

    /// Figures in the overview chart `chart`.
    pub fn overview_len(&mut self, chart: &Element) -> usize {
        self.overview(chart).map_or(0, |c| c.ids.len())
    }

    pub fn overview_id(&mut self, chart: &Element, i: usize) -> Option<String> {
        self.overview(chart)?.ids.get(i).cloned()
    }

    fn cursor_of(&self, key: &str) -> Option<u32> {
        self.anchors
            .cursors
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| *id)
    }

    /// Picks a figure in an overview chart: draws the pick, shows its tooltip and, for keys,
    /// announces it. Returns the figure's id.
    pub fn pick(
        &mut self,
        chart: &Element,
        pick: Pick,
        announce: bool,
    ) -> Result<Option<String>, JsValue> {
        let Some(c) = self.overview(chart) else {
            return Ok(None);
        };
        let (key, ov, n) = (c.key.clone(), &c.layout, c.ids.len());
        let current = match &self.cursor {
            Some((k, i)) if *k == key => Some(*i),
            _ => None,
        };
        let i = match pick {
            Pick::Pointer(client_x) => {
                let r = chart.get_bounding_client_rect();
                let scale = if r.width() > 0.0 {
                    ov.width_px / r.width()
                } else {
                    1.0
                };
                ov.index_at((client_x - r.left()) * scale)
            }
            Pick::Step(d) => current.map_or(0, |i| {
                (i as isize).saturating_add(d).clamp(0, n as isize - 1) as usize
            }),
            Pick::First => 0,
            Pick::Last => n.saturating_sub(1),
        };
        let (Some(id), Some(&value)) = (c.ids.get(i).cloned(), c.values.get(i)) else {
            return Ok(None);
        };
        if current == Some(i) {
            return Ok(Some(id));
        }
        self.hide_cursor();
        let Some(cursor) = self.cursor_of(&key) else {
            return Ok(None);
        };
        let rect = ov.column(i, value);
        self.write(|ops, _| {
            for (name, v) in [
                ("x", rect.x),
                ("y", rect.y),
                ("width", rect.w),
                ("height", rect.h),
            ] {
                ops.set_attr(cursor, name, &view::node::fmt_coord(v));
            }
        });
        self.cursor = Some((key, i));
        let cursor_el: Element = self.table.node(cursor).unchecked_into();
        self.show_tip_at(&cursor_el, chart, &id)?;
        if announce {
            self.announce(&id);
        }
        Ok(Some(id))
    }

    /// Takes the pick away, if there is one.
    pub fn hide_cursor(&mut self) {
        let Some((key, _)) = self.cursor.take() else {
            return;
        };
        if let Some(c) = self.cursor_of(&key) {
            self.write(|ops, _| {
                ops.set_attr(c, "width", "0");
                ops.set_attr(c, "height", "0");
            });
        }
    }
}
