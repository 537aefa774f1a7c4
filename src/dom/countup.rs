//! The hero's number counting up once, the first time the widget is seen: animation frames owned by the state, the text written through `Ops`; never under prefers-reduced-motion.

use super::events::with_state;
use super::listener::Frame;
use super::state::State;
use crate::view;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

const COUNT_UP_MS: f64 = 900.0;

impl State {
    fn hero_value(&self) -> Option<f64> {
        let ds = self.dataset.as_ref()?;
        let hero = ds.story.hero.as_ref()?;
        ds.figure(&hero.figure).map(|f| f.value)
    }

    pub fn start_count_up(&mut self) -> Result<(), JsValue> {
        if !self.animate || self.counted || self.count_up.is_some() || !self.errors.is_empty() {
            return Ok(());
        }
        self.counted = true;
        let reduced = web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches());
        if reduced {
            return Ok(());
        }
        self.write_hero(0.0);
        self.count_up = Some(count_up_frame(self.me.clone(), Rc::new(Cell::new(-1.0)))?);
        Ok(())
    }

    /// Writes the hero's final text into the node the count-up animates.
    pub fn finish_count_up(&mut self) {
        if let Some(v) = self.hero_value() {
            self.write_hero(v);
        }
    }

    /// Shows `value` in the hero's number, in the hero figure's own format.
    fn write_hero(&mut self, value: f64) {
        let Some(ds) = self.dataset.clone() else {
            return;
        };
        let Some(fig) = ds.story.hero.as_ref().and_then(|h| ds.figure(&h.figure)) else {
            return;
        };
        let mut shown = fig.clone();
        shown.value = value;
        let text = view::format_figure(&shown, self.opts.lang, self.opts.group_zh);
        // The text node itself, so the mounted tree still owns it; screen readers keep the
        // final aria-label while the digits move.
        if let Some(node) = self.anchors.countup {
            self.write(|ops, _| ops.set_text(node, &text));
        }
    }

    fn count_up_step(&mut self, t: f64, start: Rc<Cell<f64>>) -> Result<(), JsValue> {
        if start.get() < 0.0 {
            start.set(t);
        }
        let progress = view::node::clamp((t - start.get()) / COUNT_UP_MS, 0.0, 1.0);
        let Some(target) = self.hero_value() else {
            self.count_up = None;
            return Ok(());
        };
        let eased = 1.0 - (1.0 - progress).powi(3);
        let value = if progress >= 1.0 {
            target
        } else {
            (target * eased).round()
        };
        self.write_hero(value);
        self.count_up = if progress >= 1.0 {
            None
        } else {
            Some(count_up_frame(self.me.clone(), start)?)
        };
        Ok(())
    }
}

fn count_up_frame(weak: Weak<RefCell<State>>, start: Rc<Cell<f64>>) -> Result<Frame, JsValue> {
    Frame::request(move |t| {
        let s = start.clone();
        with_state(&weak, move |state| state.count_up_step(t, s));
    })
}
