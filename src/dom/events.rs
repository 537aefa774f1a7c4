//! The widget's listeners and observers, and what each event does: delegated from the frame (clicks, keys, focus, pointer), the host's resize and visibility; no page writes of its own.

use super::listener::{Listener, Observer};
use super::state::State;
use super::tooltip::Pick;
use crate::boundary::to_js;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, MouseEvent};

pub fn attach(state: &Rc<RefCell<State>>) -> Result<(), JsValue> {
    let weak = Rc::downgrade(state);
    let (frame, host) = {
        let s = state.borrow();
        (s.frame.clone(), s.host.clone())
    };
    let target: &web_sys::EventTarget = frame.as_ref();
    let mut listeners = Vec::new();
    for kind in [
        "click",
        "keydown",
        "focusin",
        "focusout",
        "pointerover",
        "pointermove",
        "pointerleave",
    ] {
        let weak = weak.clone();
        listeners.push(Listener::new(target, kind, move |e| {
            on_event(&weak, kind, &e)
        })?);
    }
    let weak_resize = weak.clone();
    let resize = Observer::resize(&host, move |entries| {
        let width = entries
            .get(0)
            .dyn_into::<web_sys::ResizeObserverEntry>()
            .map(|e| e.content_rect().width())
            .unwrap_or(0.0);
        with_state(&weak_resize, |s| s.resize(width));
    })?;
    let weak_view = weak.clone();
    let seen = Observer::intersection(&host, move |entries| {
        let visible = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .map(|e| e.is_intersecting())
                .unwrap_or(false)
        });
        if visible {
            with_state(&weak_view, |s| s.start_count_up());
        }
    })?;
    let mut s = state.borrow_mut();
    s.listeners = listeners;
    s.observers = vec![resize, seen];
    Ok(())
}

/// Runs `f` on the state if the widget is alive and not busy. An error inside a browser
/// callback has nowhere to go but the console.
pub fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State) -> Result<(), JsValue>) {
    let Some(state) = weak.upgrade() else {
        return;
    };
    let result = match state.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => return,
    };
    if let Err(e) = result {
        web_sys::console::error_2(&"revitalization-infographic:".into(), &e);
    }
}

fn closest(e: &Event, selector: &str) -> Option<Element> {
    let target: Element = e.target()?.dyn_into().ok()?;
    target.closest(selector).ok().flatten()
}

/// The pick a pointer event makes: where it is across the page.
fn pointer(e: &Event) -> Pick {
    Pick::Pointer(
        e.dyn_ref::<MouseEvent>()
            .map_or(0.0, |m| f64::from(m.client_x())),
    )
}

fn figure_id(mark: &Element) -> String {
    mark.get_attribute("data-figure").unwrap_or_default()
}

impl State {
    pub fn fire_select(&self, id: &str) {
        #[derive(serde::Serialize)]
        struct SelectDetail<'a> {
            id: &'a str,
        }
        self.fire("select", &to_js(&SelectDetail { id }));
    }
}

fn on_event(weak: &Weak<RefCell<State>>, kind: &str, e: &Event) {
    with_state(weak, |s| match kind {
        "click" => on_click(s, e),
        "keydown" => match e.dyn_ref::<KeyboardEvent>() {
            Some(k) => on_key(s, e, &k.key()),
            None => Ok(()),
        },
        "focusin" | "pointerover" => {
            match closest(e, "[data-figure]") {
                Some(mark) => {
                    let id = figure_id(&mark);
                    s.show_tip(&mark, &id)?;
                    if kind == "focusin" {
                        s.announce(&id);
                    }
                }
                // Onto something that is not a mark (outside an overview chart, which picks
                // by position): no tooltip may stay showing another figure.
                None if closest(e, "[data-overview]").is_none() => s.hide_tip(),
                None => {}
            }
            Ok(())
        }
        "pointermove" => {
            if let Some(chart) = closest(e, "[data-overview]") {
                s.pick(&chart, pointer(e), false)?;
            }
            Ok(())
        }
        "focusout" | "pointerleave" => {
            s.hide_tip();
            Ok(())
        }
        _ => Ok(()),
    });
}

fn on_click(s: &mut State, e: &Event) -> Result<(), JsValue> {
    if let Some(chart) = closest(e, "[data-overview]") {
        if let Some(id) = s.pick(&chart, pointer(e), false)? {
            s.fire_select(&id);
        }
        return Ok(());
    }
    if let Some(b) = closest(e, "[data-action]") {
        let action = b.get_attribute("data-action").unwrap_or_default();
        return s.action(&action);
    }
    if let Some(tab) = closest(e, "[role=tab]") {
        let i = tab
            .get_attribute("data-tab")
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        return s.select_tab(i, false);
    }
    if let Some(mark) = closest(e, "[data-figure]") {
        let id = figure_id(&mark);
        s.show_tip(&mark, &id)?;
        s.fire_select(&id);
    }
    Ok(())
}

fn on_key(s: &mut State, e: &Event, key: &str) -> Result<(), JsValue> {
    if key == "Escape" {
        s.hide_tip();
        return Ok(());
    }
    if let Some(chart) = closest(e, "[data-overview]") {
        // A tenth of the figures, counted only when asked for.
        let page = |s: &mut State| (s.overview_len(&chart) / 10).max(1) as isize;
        let pick = match key {
            "ArrowRight" | "ArrowDown" => Pick::Step(1),
            "ArrowLeft" | "ArrowUp" => Pick::Step(-1),
            "PageDown" => Pick::Step(page(s)),
            "PageUp" => Pick::Step(-page(s)),
            "Home" => Pick::First,
            "End" => Pick::Last,
            "Enter" | " " => {
                e.prevent_default();
                let key = chart.get_attribute("data-overview");
                if let Some((_, i)) = s.cursor.clone().filter(|(k, _)| Some(k) == key.as_ref()) {
                    if let Some(id) = s.overview_id(&chart, i) {
                        s.fire_select(&id);
                    }
                }
                return Ok(());
            }
            _ => return Ok(()),
        };
        e.prevent_default();
        s.pick(&chart, pick, true)?;
        return Ok(());
    }
    if let Some(tab) = closest(e, "[role=tab]") {
        let count = s.tab_count().max(1);
        let i: usize = tab
            .get_attribute("data-tab")
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        let next = match key {
            "ArrowRight" | "ArrowDown" => Some((i + 1) % count),
            "ArrowLeft" | "ArrowUp" => Some((i + count - 1) % count),
            "Home" => Some(0),
            "End" => Some(count - 1),
            _ => None,
        };
        if let Some(n) = next {
            e.prevent_default();
            return s.select_tab(n, true);
        }
    } else if key == "Enter" || key == " " {
        if let Some(mark) = closest(e, "[data-figure]") {
            e.prevent_default();
            s.fire_select(&figure_id(&mark));
        }
    }
    Ok(())
}
