//! The only code that touches the page: mounts the view tree into a Shadow DOM, owns every listener, observer and frame, and fires the widget's events; every write to the widget's nodes goes through `mount::Ops`.
//!
//! Rooms: `mod.rs` the widget's handle and its options; `state` what a mounted widget holds,
//! render and the language switch; `actions` the controls and downloads; `events` the listeners and what each event does; `tooltip`
//! the tooltip, the live region and the overview chart's pick; `countup` the hero's count-up;
//! `mount` the batched writes; `listener` owned callbacks.

mod actions;
mod countup;
mod events;
#[cfg(not(feature = "lean"))]
mod image;
pub mod listener;
pub mod mount;
mod state;
mod tooltip;

use crate::boundary::js_error;
use crate::dataset::{Dataset, ValidationError};
use crate::format::Lang;
#[cfg(not(feature = "lean"))]
use crate::view::export;
use mount::Table;
use state::State;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub group_zh: bool,
    /// The hero's count-up; off for screenshots and tests, and always off under reduced motion.
    pub animate: bool,
    /// The host's box, when the caller measured it already.
    pub rect: Option<HostRect>,
    /// The section tab shown first, and whether the table is open (a graphic handed over from
    /// the reader's module keeps what the reader had chosen).
    pub tab: usize,
    pub table: bool,
}

/// A host element's width and vertical position in the viewport, in CSS px.
#[derive(Clone, Copy, Debug)]
pub struct HostRect {
    pub width: f64,
    pub top: f64,
    pub bottom: f64,
}

pub struct Widget {
    state: Rc<RefCell<State>>,
    /// A Cell, so every method takes `&self`: after a trap, wasm-bindgen's own exclusive
    /// borrow of the handle would stay taken and later calls would fail with its cryptic error.
    destroyed: Cell<bool>,
}

fn busy() -> JsValue {
    js_error("busy", "", "the widget is in the middle of another call")
}

impl Widget {
    pub fn mount(
        host: Element,
        dataset: Result<Rc<Dataset>, Vec<ValidationError>>,
        o: Options,
    ) -> Result<Widget, JsValue> {
        let (tab, table) = (o.tab, o.table);
        let state = State::mount(host, o)?;
        events::attach(&state)?;
        {
            let mut s = state.borrow_mut();
            s.set_dataset(dataset);
            s.opts.selected = tab;
            s.opts.table = table;
            s.render()?;
            // Already on screen: count from zero before the first paint, so the reader never
            // sees the final number flash and drop to 0 when the observer reports a frame later.
            if s.on_screen {
                s.start_count_up()?;
            }
        }
        Ok(Widget {
            state,
            destroyed: Cell::new(false),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> Result<T, JsValue>) -> Result<T, JsValue> {
        if self.destroyed.get() {
            return Err(js_error(
                "destroyed",
                "",
                "the widget was destroyed; call render() again",
            ));
        }
        let mut s = self.state.try_borrow_mut().map_err(|_| busy())?;
        f(&mut s)
    }

    pub fn update(
        &self,
        dataset: Result<Rc<Dataset>, Vec<ValidationError>>,
    ) -> Result<(), JsValue> {
        self.with(|s| {
            s.set_dataset(dataset);
            s.render()
        })
    }

    pub fn set_language(&self, lang: Lang) -> Result<(), JsValue> {
        self.with(|s| s.set_language(lang))
    }

    pub fn set_theme(&self, theme: Theme) -> Result<(), JsValue> {
        self.with(|s| {
            s.theme = theme;
            s.write(|ops, ids| ops.set_attr(ids.frame, "data-theme", theme.as_str()));
            Ok(())
        })
    }

    pub fn lang(&self) -> Lang {
        self.state
            .try_borrow()
            .map(|s| s.opts.lang)
            .unwrap_or(Lang::Zh)
    }

    #[cfg(not(feature = "lean"))]
    pub fn csv(&self) -> Result<String, JsValue> {
        self.with(|s| {
            let ds = s.dataset.clone().ok_or_else(|| no_data(&s.errors))?;
            Ok(export::csv(&ds, s.opts.lang))
        })
    }

    #[cfg(not(feature = "lean"))]
    pub fn svg(&self) -> Result<String, JsValue> {
        self.with(|s| {
            let (ds, st) = s.data().ok_or_else(|| no_data(&s.errors))?;
            Ok(export::export_svg(&ds, &st, s.opts.lang))
        })
    }

    /// Removes every node, listener, observer and frame; later calls get a "destroyed" error.
    pub fn destroy(&self) -> Result<(), JsValue> {
        if self.destroyed.get() {
            return Ok(());
        }
        let mut s = self.state.try_borrow_mut().map_err(|_| busy())?;
        self.destroyed.set(true);
        mount::unregister_host(&s.host);
        s.listeners.clear();
        s.observers.clear();
        s.count_up = None;
        s.idle = None;
        s.prepared = None;
        s.retired = None;
        s.cursor = None;
        s.overview_cache = None;
        #[cfg(not(feature = "lean"))]
        {
            s.image = None;
        }
        if let Some(url) = s.last_url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        s.write(|ops, ids| ops.clear(ids.shadow));
        s.mounted = None;
        s.tree = None;
        s.table = Table::default();
        s.extra = Table::default();
        Ok(())
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        let _ = self.destroy();
    }
}

/// See `exports::set_hand_over`.
#[cfg(feature = "lean")]
pub fn set_hand_over(f: js_sys::Function) {
    actions::HAND_OVER.with(|h| *h.borrow_mut() = Some(f));
}

#[cfg(not(feature = "lean"))]
fn no_data(errors: &[ValidationError]) -> JsValue {
    crate::boundary::validation_error(errors)
}
