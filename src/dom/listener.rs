//! Owned browser callbacks: a listener, observer, animation frame or idle callback that is undone when dropped; nothing here is ever `forget`-ed.

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

thread_local! {
    static LIVE_LISTENERS: Cell<u32> = const { Cell::new(0) };
    static LIVE_OBSERVERS: Cell<u32> = const { Cell::new(0) };
    static LIVE_FRAMES: Cell<u32> = const { Cell::new(0) };
}

fn bump(counter: &'static std::thread::LocalKey<Cell<u32>>, up: bool) {
    counter.with(|c| {
        c.set(if up {
            c.get().saturating_add(1)
        } else {
            c.get().saturating_sub(1)
        })
    });
}

/// Listeners, observers and pending animation frames and idle callbacks alive across all widgets: what tests
/// count to prove `destroy()` leaves nothing behind.
pub fn live_counts() -> (u32, u32, u32) {
    (
        LIVE_LISTENERS.with(Cell::get),
        LIVE_OBSERVERS.with(Cell::get),
        LIVE_FRAMES.with(Cell::get),
    )
}

pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        f: impl FnMut(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        bump(&LIVE_LISTENERS, true);
        Ok(Listener {
            target: target.clone(),
            kind,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
        bump(&LIVE_LISTENERS, false);
    }
}

/// A ResizeObserver or IntersectionObserver with its callback; disconnected when dropped.
pub struct Observer {
    disconnect: Box<dyn Fn()>,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    pub fn resize(
        target: &web_sys::Element,
        f: impl FnMut(js_sys::Array) + 'static,
    ) -> Result<Observer, JsValue> {
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(f);
        let ro = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        ro.observe(target);
        bump(&LIVE_OBSERVERS, true);
        Ok(Observer {
            disconnect: Box::new(move || ro.disconnect()),
            _closure: closure,
        })
    }

    pub fn intersection(
        target: &web_sys::Element,
        f: impl FnMut(js_sys::Array) + 'static,
    ) -> Result<Observer, JsValue> {
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(f);
        let io = web_sys::IntersectionObserver::new(closure.as_ref().unchecked_ref())?;
        io.observe(target);
        bump(&LIVE_OBSERVERS, true);
        Ok(Observer {
            disconnect: Box::new(move || io.disconnect()),
            _closure: closure,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        (self.disconnect)();
        bump(&LIVE_OBSERVERS, false);
    }
}

/// One requested animation frame; cancelled if dropped before it runs.
pub struct Frame {
    id: i32,
    _closure: Closure<dyn FnMut(f64)>,
}

impl Frame {
    pub fn request(f: impl FnMut(f64) + 'static) -> Result<Frame, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let closure = Closure::<dyn FnMut(f64)>::new(f);
        let id = window.request_animation_frame(closure.as_ref().unchecked_ref())?;
        bump(&LIVE_FRAMES, true);
        Ok(Frame {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            // Cancelling a frame that already ran is a no-op.
            let _ = w.cancel_animation_frame(self.id);
        }
        bump(&LIVE_FRAMES, false);
    }
}

/// One requested idle callback (counted with the frames); cancelled if dropped before it runs.
pub struct Idle {
    id: u32,
    _closure: Closure<dyn FnMut()>,
}

impl Idle {
    /// Runs `f` in the next idle period, or as an ordinary task after `timeout_ms` if the page
    /// has none by then.
    pub fn request(timeout_ms: u32, f: impl FnMut() + 'static) -> Result<Idle, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let closure = Closure::<dyn FnMut()>::new(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(timeout_ms);
        let id = window
            .request_idle_callback_with_options(closure.as_ref().unchecked_ref(), &options)?;
        bump(&LIVE_FRAMES, true);
        Ok(Idle {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.cancel_idle_callback(self.id);
        }
        bump(&LIVE_FRAMES, false);
    }
}
