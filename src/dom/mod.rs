//! The only code that touches the page: mounts the view tree into a Shadow DOM, owns every listener, observer and frame, and fires the widget's events.

pub mod listener;
pub mod mount;

use crate::boundary::to_js;
use crate::dataset::{Dataset, ValidationError};
use crate::format::Lang;
use crate::stats::{self, Stats};
use crate::view::{self, export, node::Node as VNode, ViewOptions};
use listener::{Frame, Idle, Listener, Observer};
use mount::{Mounted, Ops, Table};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent, MouseEvent, ShadowRoot};

/// www/infographic.css without comments and spare whitespace (build.rs).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/infographic.min.css"));
const COUNT_UP_MS: f64 = 900.0;
/// Trees up to this many elements get the other language's patch prepared ahead (the story has
/// about 300); a 10,000-row table switches the ordinary way rather than doubling every render.
const PREPARE_MAX_ELEMENTS: usize = 4000;
/// The longest the preparation waits for an idle period (about 1 ms of work for the story).
const PREPARE_WITHIN_MS: u32 = 20;

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// One stylesheet object for every widget on the page, built on first use.
fn shared_sheet() -> Result<web_sys::CssStyleSheet, JsValue> {
    SHEET.with(|s| {
        if let Some(sheet) = s.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *s.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

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
}

/// A host element's width and vertical position in the viewport, in CSS px.
#[derive(Clone, Copy, Debug)]
pub struct HostRect {
    pub width: f64,
    pub top: f64,
    pub bottom: f64,
}

/// An event to fire on the host once the widget's state is no longer borrowed, so a host
/// handler may call back into the widget.
enum Outgoing {
    Ready,
    Error,
    Select(String),
    LanguageChange,
}

struct State {
    doc: Document,
    host: Element,
    shadow: ShadowRoot,
    /// The stable element inside the shadow root that holds the rendered tree and the listeners.
    frame: Element,
    dataset: Option<Rc<Dataset>>,
    stats: Option<Rc<Stats>>,
    errors: Vec<ValidationError>,
    opts: ViewOptions,
    theme: Theme,
    tree: Option<VNode>,
    mounted: Option<Mounted>,
    /// The nodes the widget's batches address by index; the frame is one of them.
    table: Table,
    frame_id: u32,
    listeners: Vec<Listener>,
    observers: Vec<Observer>,
    count_up: Option<Frame>,
    counted: bool,
    animate: bool,
    last_url: Option<String>,
    outgoing: Vec<Outgoing>,
    /// The figure picked in an overview chart: the chart's `data-overview` key and the index.
    cursor: Option<(String, usize)>,
    /// The last overview chart the pointer or keys used, so a pointer move does not classify
    /// and lay out its figures again; dropped whenever the page is rendered.
    overview_cache: Option<Rc<OverviewCache>>,
    /// The switch to the other language, built and diffed ahead of time (see `prepare_switch`).
    prepared: Option<Prepared>,
    /// A pending idle callback that prepares it.
    idle: Option<Idle>,
    /// The tree and mounted nodes a prepared switch replaced, freed at the next idle
    /// callback rather than during the switch.
    retired: Option<(Option<VNode>, Option<Mounted>)>,
    me: Weak<RefCell<State>>,
}

/// A language switch made ready: the tree for `opts`, and the batch that turns the page from
/// the current tree into it, with the node bookkeeping as it will be after the batch.
struct Prepared {
    opts: ViewOptions,
    tree: VNode,
    mounted: Mounted,
    table: Table,
    /// Already a JS string, so the switch does not decode it.
    batch: js_sys::JsString,
}

/// An overview chart's figures (ids and values, in order) and its layout.
struct OverviewCache {
    key: String,
    ids: Vec<String>,
    values: Vec<f64>,
    layout: view::geometry::Overview,
}

/// How a reader picks a figure in an overview chart.
enum Pick {
    /// The pointer, at this client x.
    Pointer(f64),
    Step(isize),
    First,
    Last,
}

pub struct Widget {
    state: Rc<RefCell<State>>,
    /// A Cell, so every method takes `&self`: after a trap, wasm-bindgen's own exclusive
    /// borrow of the handle would stay taken and later calls would fail with its cryptic error.
    destroyed: Cell<bool>,
}

fn busy() -> JsValue {
    crate::boundary::js_error("busy", "", "the widget is in the middle of another call")
}

impl Widget {
    pub fn mount(
        host: Element,
        dataset: Result<Rc<Dataset>, Vec<ValidationError>>,
        o: Options,
    ) -> Result<Widget, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let doc = window.document().ok_or("no document")?;
        let shadow = match host.shadow_root() {
            Some(s) => s,
            None => {
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
            }
        };
        let sheets = js_sys::Array::of1(&shared_sheet()?.into());
        js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;
        shadow.set_text_content(None);
        let frame = doc.create_element("div")?;
        frame.set_attribute("class", "ri-frame")?;
        frame.set_attribute("data-theme", o.theme.as_str())?;
        shadow.append_child(&frame)?;

        let id = NEXT_ID.with(|n| {
            let v = n.get();
            n.set(v.wrapping_add(1));
            v
        });
        // Measured once, before the tree exists: asking again after rendering would force a
        // layout of the whole new tree (700 ms at 10,000 figures). A box the caller already has
        // (embed.js passes its IntersectionObserver entry's) spares even that forced layout.
        let rect = o.rect.unwrap_or_else(|| {
            let r = host.get_bounding_client_rect();
            HostRect {
                width: r.width(),
                top: r.top(),
                bottom: r.bottom(),
            }
        });
        let width = rect.width;
        let view_height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let on_screen = rect.bottom >= 0.0 && rect.top < view_height;
        let mut opts = ViewOptions::new(o.lang, if width > 0.0 { width } else { 720.0 });
        opts.group_zh = o.group_zh;
        opts.id_prefix = format!("ri{id}-");
        let mut table = Table::default();
        let frame_id = table.adopt(frame.as_ref());
        let state = Rc::new(RefCell::new(State {
            doc,
            host,
            shadow,
            frame,
            dataset: None,
            stats: None,
            errors: Vec::new(),
            opts,
            theme: o.theme,
            tree: None,
            mounted: None,
            table,
            frame_id,
            listeners: Vec::new(),
            observers: Vec::new(),
            count_up: None,
            counted: false,
            animate: o.animate,
            last_url: None,
            outgoing: Vec::new(),
            cursor: None,
            overview_cache: None,
            prepared: None,
            idle: None,
            retired: None,
            me: Weak::new(),
        }));
        state.borrow_mut().me = Rc::downgrade(&state);
        attach(&state)?;
        mount::register_host(&state.borrow().host);
        {
            let mut s = state.borrow_mut();
            s.set_dataset(dataset);
            s.render()?;
            // Already on screen: count from zero before the first paint, so the reader never
            // sees the final number flash and drop to 0 when the observer reports a frame later.
            if on_screen {
                s.start_count_up(Rc::downgrade(&state))?;
            }
        }
        flush(&state);
        Ok(Widget {
            state,
            destroyed: Cell::new(false),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> Result<T, JsValue>) -> Result<T, JsValue> {
        if self.destroyed.get() {
            return Err(crate::boundary::js_error(
                "destroyed",
                "",
                "the widget was destroyed; call render() again",
            ));
        }
        let result = {
            let mut s = self.state.try_borrow_mut().map_err(|_| busy())?;
            f(&mut s)
        };
        flush(&self.state);
        result
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
            s.frame.set_attribute("data-theme", theme.as_str())
        })
    }

    pub fn lang(&self) -> Lang {
        self.state
            .try_borrow()
            .map(|s| s.opts.lang)
            .unwrap_or(Lang::Zh)
    }

    pub fn csv(&self) -> Result<String, JsValue> {
        self.with(|s| {
            let ds = s.dataset.clone().ok_or_else(|| no_data(&s.errors))?;
            Ok(export::csv(&ds, s.opts.lang))
        })
    }

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
        if let Some(url) = s.last_url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        s.mounted = None;
        s.tree = None;
        s.table = Table::default();
        s.shadow.set_text_content(None);
        s.outgoing.clear();
        Ok(())
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        let _ = self.destroy();
    }
}

fn no_data(errors: &[ValidationError]) -> JsValue {
    crate::boundary::validation_error(errors)
}

#[derive(serde::Serialize)]
struct LangDetail<'a> {
    lang: &'a str,
}

#[derive(serde::Serialize)]
struct SelectDetail<'a> {
    id: &'a str,
}

#[derive(serde::Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: String,
    errors: &'a [ValidationError],
}

/// Fires queued events with no borrow held.
fn flush(state: &Rc<RefCell<State>>) {
    loop {
        let (host, next, lang, errors) = {
            let Ok(mut s) = state.try_borrow_mut() else {
                return;
            };
            if s.outgoing.is_empty() {
                return;
            }
            let next = s.outgoing.remove(0);
            (s.host.clone(), next, s.opts.lang, s.errors.clone())
        };
        let (name, detail) = match next {
            Outgoing::Ready => ("ready", to_js(&LangDetail { lang: lang.as_str() })),
            Outgoing::LanguageChange => ("languagechange", to_js(&LangDetail { lang: lang.as_str() })),
            Outgoing::Select(id) => ("select", to_js(&SelectDetail { id: &id })),
            Outgoing::Error => (
                "error",
                to_js(&ErrorDetail {
                    code: "invalid-dataset",
                    message: crate::boundary::summary(&errors),
                    errors: &errors,
                }),
            ),
        };
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&ev);
        }
    }
}

fn attach(state: &Rc<RefCell<State>>) -> Result<(), JsValue> {
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
            let w = weak_view.clone();
            with_state(&weak_view, move |s| s.start_count_up(w));
        }
    })?;
    let mut s = state.borrow_mut();
    s.listeners = listeners;
    s.observers = vec![resize, seen];
    Ok(())
}

/// Runs `f` on the state if the widget is alive and not busy, then fires queued events.
/// An error inside a browser callback has nowhere to go but the console.
fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State) -> Result<(), JsValue>) {
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
    flush(&state);
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

fn on_event(weak: &Weak<RefCell<State>>, kind: &str, e: &Event) {
    with_state(weak, |s| match kind {
        "click" => {
            if let Some(chart) = closest(e, "[data-overview]") {
                if let Some(id) = s.pick(&chart, pointer(e), false)? {
                    s.outgoing.push(Outgoing::Select(id));
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
                let id = mark.get_attribute("data-figure").unwrap_or_default();
                s.show_tip(&mark, &id)?;
                s.outgoing.push(Outgoing::Select(id));
            }
            Ok(())
        }
        "keydown" => {
            let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                return Ok(());
            };
            let key = k.key();
            if key == "Escape" {
                return s.hide_tip();
            }
            if let Some(chart) = closest(e, "[data-overview]") {
                // A tenth of the figures, counted only when asked for.
                let page = |s: &mut State| (s.overview_len(&chart) / 10).max(1) as isize;
                let pick = match key.as_str() {
                    "ArrowRight" | "ArrowDown" => Pick::Step(1),
                    "ArrowLeft" | "ArrowUp" => Pick::Step(-1),
                    "PageDown" => Pick::Step(page(s)),
                    "PageUp" => Pick::Step(-page(s)),
                    "Home" => Pick::First,
                    "End" => Pick::Last,
                    "Enter" | " " => {
                        e.prevent_default();
                        let key = chart.get_attribute("data-overview");
                        if let Some((_, i)) =
                            s.cursor.clone().filter(|(k, _)| Some(k) == key.as_ref())
                        {
                            if let Some(id) = s.overview_id(&chart, i) {
                                s.outgoing.push(Outgoing::Select(id));
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
                let count = s.tab_count();
                let i: usize = tab
                    .get_attribute("data-tab")
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                let next = match key.as_str() {
                    "ArrowRight" | "ArrowDown" => Some((i + 1) % count.max(1)),
                    "ArrowLeft" | "ArrowUp" => Some((i + count.max(1) - 1) % count.max(1)),
                    "Home" => Some(0),
                    "End" => Some(count.saturating_sub(1)),
                    _ => None,
                };
                if let Some(n) = next {
                    e.prevent_default();
                    return s.select_tab(n, true);
                }
            } else if key == "Enter" || key == " " {
                if let Some(mark) = closest(e, "[data-figure]") {
                    e.prevent_default();
                    let id = mark.get_attribute("data-figure").unwrap_or_default();
                    s.outgoing.push(Outgoing::Select(id));
                }
            }
            Ok(())
        }
        "focusin" | "pointerover" => {
            if let Some(mark) = closest(e, "[data-figure]") {
                let id = mark.get_attribute("data-figure").unwrap_or_default();
                s.show_tip(&mark, &id)?;
                if kind == "focusin" {
                    s.announce(&id)?;
                }
            }
            Ok(())
        }
        "pointermove" => {
            if let Some(chart) = closest(e, "[data-overview]") {
                s.pick(&chart, pointer(e), false)?;
            }
            Ok(())
        }
        "focusout" | "pointerleave" => s.hide_tip(),
        _ => Ok(()),
    });
}

impl State {
    fn set_dataset(&mut self, dataset: Result<Rc<Dataset>, Vec<ValidationError>>) {
        match dataset {
            Ok(ds) => {
                self.stats = Some(Rc::new(stats::compute(&ds)));
                self.dataset = Some(ds);
                self.errors.clear();
                self.opts.selected = 0;
            }
            Err(errors) => {
                // The last good data stays for exports; the panel says what is wrong now.
                self.errors = errors;
            }
        }
    }

    fn data(&self) -> Option<(Rc<Dataset>, Rc<Stats>)> {
        Some((self.dataset.clone()?, self.stats.clone()?))
    }

    fn build(&self) -> VNode {
        match self.data() {
            Some((ds, st)) if self.errors.is_empty() => view::build(&ds, &st, &self.opts),
            _ => view::error_panel(&self.errors, self.opts.lang),
        }
    }

    /// Builds the tree for the current options and patches the page to it, in one batch.
    fn render(&mut self) -> Result<(), JsValue> {
        self.forget_layout()?;
        let new = self.build();
        let is_error = !self.errors.is_empty() || self.dataset.is_none();
        let mut ops = Ops::new(&mut self.table);
        match (self.tree.take(), self.mounted.as_mut()) {
            (Some(old), Some(m)) => ops.patch(&old, &new, m),
            _ => self.mounted = Some(ops.append(self.frame_id, &new)),
        }
        ops.flush();
        self.tree = Some(new);
        if is_error {
            self.count_up = None;
            self.outgoing.push(Outgoing::Error);
        } else {
            self.outgoing.push(Outgoing::Ready);
        }
        self.host
            .set_attribute("data-state", if is_error { "error" } else { "ready" })?;
        self.schedule_prepare();
        Ok(())
    }

    /// Drops what was worked out for the page as it is now: the overview pick and its cached
    /// layout, and a prepared language switch. Every render and patch starts with it.
    fn forget_layout(&mut self) -> Result<(), JsValue> {
        self.prepared = None;
        self.overview_cache = None;
        self.hide_cursor()
    }

    /// Patches text and attributes in place; focus, tab and scroll position survive.
    fn rerender(&mut self) -> Result<(), JsValue> {
        // A count-up still running would overwrite the patched number; the tree holds the
        // final text but the page shows an intermediate one, so the patch must write it.
        let interrupted = self.count_up.take().is_some();
        self.forget_layout()?;
        let new = self.build();
        if let (Some(old), Some(m)) = (self.tree.as_ref(), self.mounted.as_mut()) {
            let mut ops = Ops::new(&mut self.table);
            ops.patch(old, &new, m);
            ops.flush();
        }
        self.tree = Some(new);
        self.schedule_prepare();
        if interrupted {
            self.finish_count_up()?;
        }
        Ok(())
    }

    /// Writes the hero's final text into the node the count-up animates.
    fn finish_count_up(&mut self) -> Result<(), JsValue> {
        let target = self
            .dataset
            .as_ref()
            .and_then(|ds| ds.story.hero.as_ref().and_then(|h| ds.figure(&h.figure)))
            .map(|f| f.value);
        match target {
            Some(v) => self.write_hero(v),
            None => Ok(()),
        }
    }

    fn set_language(&mut self, lang: Lang) -> Result<(), JsValue> {
        if self.opts.lang == lang {
            return Ok(());
        }
        self.hide_tip()?;
        let mut want = self.opts.clone();
        want.lang = lang;
        match self.prepared.take() {
            // Ready ahead: one batch of text and attribute writes, nothing built now.
            Some(p) if p.opts == want && self.count_up.is_none() => {
                mount::apply_js(&p.table, &p.batch);
                self.table = p.table;
                let old_tree = self.tree.replace(p.tree);
                let old_mounted = self.mounted.replace(p.mounted);
                self.retired = Some((old_tree, old_mounted));
                self.opts = p.opts;
                self.overview_cache = None;
                self.schedule_prepare();
            }
            _ => {
                self.opts = want;
                self.rerender()?;
            }
        }
        self.outgoing.push(Outgoing::LanguageChange);
        Ok(())
    }

    /// Asks for `prepare_switch` when the page is idle (or within `PREPARE_WITHIN_MS`), so a
    /// reader's language switch only writes what changes.
    fn schedule_prepare(&mut self) {
        if self.idle.is_some() || !self.errors.is_empty() {
            return;
        }
        let weak = self.me.clone();
        // Soon after the first paint even on a busy page: a reader may switch at once.
        self.idle = Idle::request(PREPARE_WITHIN_MS, move || {
            with_state(&weak, |s| {
                s.idle = None;
                s.retired = None;
                s.prepare_switch();
                Ok(())
            })
        })
        .ok();
    }

    /// Builds the tree in the other language and diffs it against the page's, without writing
    /// anything: `set_language` then applies the batch if nothing else changed meanwhile.
    fn prepare_switch(&mut self) {
        if self.prepared.is_some() || !self.errors.is_empty() {
            return;
        }
        let (Some((ds, st)), Some(old), Some(m)) =
            (self.data(), self.tree.as_ref(), self.mounted.as_ref())
        else {
            return;
        };
        if old.count_elements() > PREPARE_MAX_ELEMENTS {
            return;
        }
        let mut opts = self.opts.clone();
        opts.lang = opts.lang.other();
        let tree = view::build(&ds, &st, &opts);
        let mut table = self.table.clone();
        let mut mounted = m.clone();
        let mut ops = Ops::new(&mut table);
        ops.patch(old, &tree, &mut mounted);
        let batch = js_sys::JsString::from(ops.into_batch());
        self.prepared = Some(Prepared {
            opts,
            tree,
            mounted,
            table,
            batch,
        });
    }

    fn resize(&mut self, width: f64) -> Result<(), JsValue> {
        // Sub-pixel jitter from layout must not cause a re-layout loop.
        if width <= 0.0 || (width - self.opts.width_px).abs() < 1.0 {
            return Ok(());
        }
        self.opts.width_px = width;
        self.rerender()
    }

    fn tab_count(&self) -> usize {
        self.dataset
            .as_ref()
            .map_or(0, |ds| view::tab_sections(ds).len())
    }

    fn select_tab(&mut self, i: usize, focus: bool) -> Result<(), JsValue> {
        self.opts.selected = i;
        self.hide_tip()?;
        self.rerender()?;
        if focus {
            let sel = format!("[role=tab][data-tab=\"{i}\"]");
            if let Some(tab) = self.frame.query_selector(&sel)? {
                if let Some(h) = tab.dyn_ref::<HtmlElement>() {
                    h.focus()?;
                }
            }
        }
        Ok(())
    }

    fn action(&mut self, action: &str) -> Result<(), JsValue> {
        match action {
            "lang" => {
                let next = if self.opts.lang == Lang::Zh {
                    Lang::En
                } else {
                    Lang::Zh
                };
                self.set_language(next)?;
                if let Some(b) = self.frame.query_selector("[data-action=lang]")? {
                    if let Some(h) = b.dyn_ref::<HtmlElement>() {
                        h.focus()?;
                    }
                }
                Ok(())
            }
            "table" => {
                self.opts.table = !self.opts.table;
                self.hide_tip()?;
                self.rerender()
            }
            "csv" => {
                let Some(ds) = self.dataset.clone() else {
                    return Ok(());
                };
                let body = export::csv(&ds, self.opts.lang);
                self.download(
                    &body,
                    "text/csv;charset=utf-8",
                    &format!("{}.csv", ds.story.id),
                )
            }
            "svg" => {
                let Some((ds, st)) = self.data() else {
                    return Ok(());
                };
                let body = export::export_svg(&ds, &st, self.opts.lang);
                self.download(&body, "image/svg+xml", &format!("{}.svg", ds.story.id))
            }
            _ => Ok(()),
        }
    }

    fn download(&mut self, body: &str, mime: &str, name: &str) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(body));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: HtmlElement = self.doc.create_element("a")?.unchecked_into();
        a.set_attribute("href", &url)?;
        a.set_attribute("download", name)?;
        a.click();
        // Revoked at the next download or on destroy: revoking now can cancel it in some browsers.
        if let Some(old) = self.last_url.replace(url) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        Ok(())
    }

    fn tooltip_el(&self) -> Result<Option<HtmlElement>, JsValue> {
        Ok(self
            .frame
            .query_selector(".ri-tooltip")?
            .and_then(|t| t.dyn_into::<HtmlElement>().ok()))
    }

    fn show_tip(&mut self, mark: &Element, id: &str) -> Result<(), JsValue> {
        self.show_tip_at(mark, mark, id)
    }

    /// Shows figure `id`'s tooltip below `anchor`, described by it for `owner` (the focusable mark).
    fn show_tip_at(&mut self, anchor: &Element, owner: &Element, id: &str) -> Result<(), JsValue> {
        let Some((ds, st)) = self.data() else {
            return Ok(());
        };
        let Some(tip) = self.tooltip_el()? else {
            return Ok(());
        };
        if tip.get_attribute("data-for").as_deref() == Some(id) && !tip.hidden() {
            return Ok(());
        }
        let Some(content) = view::tooltip(&ds, &st, id, self.opts.lang, self.opts.group_zh) else {
            return Ok(());
        };
        tip.set_text_content(None);
        tip.append_child(&mount::create_detached(&self.doc, &content)?)?;
        tip.set_attribute("data-for", id)?;
        tip.set_hidden(false);
        owner.set_attribute("aria-describedby", &tip.id())?;
        // Placed below the mark, kept inside the widget; CSSOM writes are allowed under a strict CSP.
        let root = self
            .frame
            .first_element_child()
            .map(|r| r.get_bounding_client_rect());
        let r = anchor.get_bounding_client_rect();
        if let Some(root) = root {
            let tip_w = tip.get_bounding_client_rect().width();
            let max_left = (root.width() - tip_w - 8.0).max(8.0);
            let left = view::node::clamp(r.left() - root.left(), 8.0, max_left);
            let top = r.bottom() - root.top() + 8.0;
            let style = tip.style();
            // Whole pixels as integers: `{:.0}` would pull float formatting into the wasm.
            style.set_property("left", &format!("{}px", left.round() as i64))?;
            style.set_property("top", &format!("{}px", top.round() as i64))?;
        }
        Ok(())
    }

    fn hide_tip(&mut self) -> Result<(), JsValue> {
        self.hide_cursor()?;
        if let Some(tip) = self.tooltip_el()? {
            if !tip.hidden() {
                tip.set_hidden(true);
                tip.remove_attribute("data-for")?;
                if let Some(m) = self.frame.query_selector("[aria-describedby]")? {
                    m.remove_attribute("aria-describedby")?;
                }
            }
        }
        Ok(())
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
    fn overview_len(&mut self, chart: &Element) -> usize {
        self.overview(chart).map_or(0, |c| c.ids.len())
    }

    fn overview_id(&mut self, chart: &Element, i: usize) -> Option<String> {
        self.overview(chart)?.ids.get(i).cloned()
    }

    /// Picks a figure in an overview chart: draws the pick, shows its tooltip and, for keys,
    /// announces it. Returns the figure's id.
    fn pick(
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
            Pick::Last => n - 1,
        };
        let (Some(id), Some(&value)) = (c.ids.get(i).cloned(), c.values.get(i)) else {
            return Ok(None);
        };
        if current == Some(i) {
            return Ok(Some(id));
        }
        self.hide_cursor()?;
        let Some(cursor) = chart.query_selector(".ri-cursor")? else {
            return Ok(None);
        };
        let rect = ov.column(i, value);
        for (name, v) in [
            ("x", rect.x),
            ("y", rect.y),
            ("width", rect.w),
            ("height", rect.h),
        ] {
            cursor.set_attribute(name, &view::node::fmt_coord(v))?;
        }
        self.cursor = Some((key, i));
        self.show_tip_at(&cursor, chart, &id)?;
        if announce {
            self.announce(&id)?;
        }
        Ok(Some(id))
    }

    /// Takes the pick away, if there is one.
    fn hide_cursor(&mut self) -> Result<(), JsValue> {
        if let Some((key, _)) = self.cursor.take() {
            let sel = format!("[data-overview=\"{key}\"] .ri-cursor");
            if let Some(c) = self.frame.query_selector(&sel)? {
                c.set_attribute("width", "0")?;
                c.set_attribute("height", "0")?;
            }
        }
        Ok(())
    }

    fn announce(&mut self, id: &str) -> Result<(), JsValue> {
        let Some(ds) = self.dataset.clone() else {
            return Ok(());
        };
        let Some(text) = view::announcement(&ds, id, self.opts.lang, self.opts.group_zh) else {
            return Ok(());
        };
        if let Some(live) = self.frame.query_selector("[data-role=live]")? {
            live.set_text_content(Some(&text));
        }
        Ok(())
    }

    /// Counts the hero number up from zero once, the first time the widget is seen;
    /// never under prefers-reduced-motion.
    fn start_count_up(&mut self, weak: Weak<RefCell<State>>) -> Result<(), JsValue> {
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
        let start = Rc::new(Cell::new(-1.0));
        self.write_hero(0.0)?;
        self.count_up = Some(count_up_frame(weak, start)?);
        Ok(())
    }

    /// Shows `value` in the hero's number, in the hero figure's own format.
    fn write_hero(&self, value: f64) -> Result<(), JsValue> {
        let Some(ds) = self.dataset.clone() else {
            return Ok(());
        };
        let Some(fig) = ds.story.hero.as_ref().and_then(|h| ds.figure(&h.figure)) else {
            return Ok(());
        };
        let mut shown = fig.clone();
        shown.value = value;
        let text = view::format_figure(&shown, self.opts.lang, self.opts.group_zh);
        // The text node itself, so the mounted tree still owns it; screen readers keep the
        // final aria-label while the digits move.
        if let Some(node) = self
            .frame
            .query_selector("[data-countup]")?
            .and_then(|el| el.first_child())
        {
            node.set_node_value(Some(&text));
        }
        Ok(())
    }

    fn count_up_step(
        &mut self,
        t: f64,
        weak: Weak<RefCell<State>>,
        start: Rc<Cell<f64>>,
    ) -> Result<(), JsValue> {
        if start.get() < 0.0 {
            start.set(t);
        }
        let progress = view::node::clamp((t - start.get()) / COUNT_UP_MS, 0.0, 1.0);
        let Some(target) = self
            .dataset
            .as_ref()
            .and_then(|ds| ds.story.hero.as_ref().and_then(|h| ds.figure(&h.figure)))
            .map(|f| f.value)
        else {
            self.count_up = None;
            return Ok(());
        };
        let eased = 1.0 - (1.0 - progress).powi(3);
        let value = if progress >= 1.0 {
            target
        } else {
            (target * eased).round()
        };
        self.write_hero(value)?;
        self.count_up = if progress >= 1.0 {
            None
        } else {
            Some(count_up_frame(weak, start)?)
        };
        Ok(())
    }
}

fn count_up_frame(weak: Weak<RefCell<State>>, start: Rc<Cell<f64>>) -> Result<Frame, JsValue> {
    Frame::request(move |t| {
        let w = weak.clone();
        let s = start.clone();
        with_state(&weak, move |state| state.count_up_step(t, w, s));
    })
}
