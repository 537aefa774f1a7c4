//! What a mounted widget holds, and how it renders: the tree on the page, its node table, the language switch prepared ahead, the downloads; page writes go through `Ops` only.

use super::listener::{Frame, Idle, Listener, Observer};
use super::mount::{self, Mounted, Ops, Table};
use super::{HostRect, Options, Theme};
#[cfg(not(feature = "lean"))]
use crate::boundary::summary;
use crate::boundary::to_js;
use crate::dataset::{Dataset, ValidationError};
use crate::format::Lang;
use crate::stats::{self, Stats};
use crate::view::node::{el, Element as VElement, Node as VNode};
use crate::view::{self, ViewOptions};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

/// www/infographic.css without comments and spare whitespace (build.rs).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/infographic.min.css"));
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

/// Table indices of the nodes the widget writes to by name.
#[derive(Clone, Copy)]
pub struct Ids {
    pub shadow: u32,
    pub host: u32,
    pub frame: u32,
}

/// Nodes of the rendered tree that change between renders without a new tree: found after
/// every render, by what the view marks them with.
#[derive(Default)]
pub struct Anchors {
    pub tip: Option<u32>,
    pub live: Option<u32>,
    /// The text node of the hero's number.
    pub countup: Option<u32>,
    /// Each overview chart's key and its pick highlight.
    pub cursors: Vec<(String, u32)>,
}

/// A language switch made ready: the tree for `opts`, and the batch that turns the page from
/// the current tree into it, with the node bookkeeping as it will be after the batch.
pub struct Prepared {
    opts: ViewOptions,
    tree: VNode,
    mounted: Mounted,
    table: Table,
    /// Already a JS string, so the switch does not decode it.
    batch: js_sys::JsString,
}

/// An overview chart's figures (ids and values, in order) and its layout.
pub struct OverviewCache {
    pub key: String,
    pub ids: Vec<String>,
    pub values: Vec<f64>,
    pub layout: view::geometry::Overview,
}

pub struct State {
    /// For the downloads' detached links and the saved image's canvas (not in the reader's module).
    #[cfg_attr(feature = "lean", allow(dead_code))]
    pub doc: web_sys::Document,
    pub host: Element,
    /// The stable element inside the shadow root that holds the rendered tree and the listeners.
    pub frame: Element,
    pub ids: Ids,
    pub on_screen: bool,
    pub dataset: Option<Rc<Dataset>>,
    pub stats: Option<Rc<Stats>>,
    pub errors: Vec<ValidationError>,
    pub opts: ViewOptions,
    pub theme: Theme,
    pub tree: Option<VNode>,
    pub mounted: Option<Mounted>,
    /// The nodes the widget's batches address by index.
    pub table: Table,
    /// A second table for what is mounted outside the tree (tooltip content, the live
    /// region's text), so a batch prepared against `table` stays valid while those change.
    pub extra: Table,
    pub anchors: Anchors,
    /// Extra-table indices of the tooltip's and live region's element, and what is in them.
    pub extra_tip: Option<u32>,
    pub extra_live: Option<u32>,
    pub tip_content: Option<Mounted>,
    pub tip_for: Option<String>,
    pub live_text: Option<Mounted>,
    /// The mark whose `aria-describedby` names the tooltip.
    pub described: Option<u32>,
    pub listeners: Vec<Listener>,
    pub observers: Vec<Observer>,
    pub count_up: Option<Frame>,
    pub counted: bool,
    pub animate: bool,
    pub last_url: Option<String>,
    /// A "save image" on its way: the SVG loading into an image (`image`).
    #[cfg(not(feature = "lean"))]
    pub image: Option<super::image::Pending>,
    /// The figure picked in an overview chart: the chart's `data-overview` key and the index.
    pub cursor: Option<(String, usize)>,
    /// The last overview chart the pointer or keys used, so a pointer move does not classify
    /// and lay out its figures again; dropped whenever the page is rendered.
    pub overview_cache: Option<Rc<OverviewCache>>,
    /// The switch to the other language, built and diffed ahead of time (see `prepare_switch`).
    pub prepared: Option<Prepared>,
    /// A pending idle callback that prepares it.
    pub idle: Option<Idle>,
    /// The tree and mounted nodes a prepared switch replaced, freed at the next idle
    /// callback rather than during the switch.
    pub retired: Option<(Option<VNode>, Option<Mounted>)>,
    pub me: Weak<RefCell<State>>,
}

fn has_class(e: &VElement, class: &str) -> bool {
    e.get_attr("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Calls `f` on every element of a tree with the node it was mounted as.
fn walk(v: &VNode, m: &Mounted, f: &mut impl FnMut(&VElement, &Mounted)) {
    if let VNode::Element(e) = v {
        f(e, m);
        for (c, cm) in e.children.iter().zip(&m.children) {
            walk(c, cm, f);
        }
    }
}

fn find_anchors(tree: &VNode, mounted: &Mounted) -> Anchors {
    let mut a = Anchors::default();
    walk(tree, mounted, &mut |e, m| {
        if has_class(e, "ri-tooltip") {
            a.tip = Some(m.id);
        } else if e.get_attr("data-role") == Some("live") {
            a.live = Some(m.id);
        } else if e.get_attr("data-countup").is_some() {
            a.countup = m.children.first().map(|c| c.id);
        } else if let Some(key) = e.get_attr("data-overview") {
            // The overview's own subtree, walked in place (a clone of it cost half a KB of code).
            let mut cursor = None;
            let mut find = |c: &VElement, cm: &Mounted| {
                if has_class(c, "ri-cursor") {
                    cursor = Some(cm.id);
                }
            };
            find(e, m);
            for (c, cm) in e.children.iter().zip(&m.children) {
                walk(c, cm, &mut find);
            }
            if let Some(id) = cursor {
                a.cursors.push((key.to_owned(), id));
            }
        }
    });
    a
}

impl State {
    pub fn mount(host: Element, o: Options) -> Result<Rc<RefCell<State>>, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let doc = window.document().ok_or("no document")?;
        let shadow: ShadowRoot = match host.shadow_root() {
            Some(s) => s,
            None => {
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
            }
        };
        // The one write that is not a node: the shared stylesheet.
        let sheets = js_sys::Array::of1(&shared_sheet()?.into());
        js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;

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
        let view_height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let on_screen = rect.bottom >= 0.0 && rect.top < view_height;
        let width = if rect.width > 0.0 { rect.width } else { 720.0 };
        let mut opts = ViewOptions::new(o.lang, width);
        opts.group_zh = o.group_zh;
        opts.id_prefix = format!("ri{id}-");

        let mut table = Table::default();
        let shadow_id = table.adopt(shadow.as_ref());
        let host_id = table.adopt(host.as_ref());
        let frame_tree: VNode = el("div")
            .class("ri-frame")
            .attr("data-theme", o.theme.as_str())
            .into();
        let mut ops = Ops::new(&mut table);
        ops.clear(shadow_id);
        let frame_mounted = ops.append(shadow_id, &frame_tree);
        ops.flush();
        let frame: Element = table.node(frame_mounted.id).unchecked_into();
        mount::register_host(&host);
        let state = Rc::new(RefCell::new(State {
            doc,
            host,
            frame,
            ids: Ids {
                shadow: shadow_id,
                host: host_id,
                frame: frame_mounted.id,
            },
            on_screen,
            dataset: None,
            stats: None,
            errors: Vec::new(),
            opts,
            theme: o.theme,
            tree: None,
            mounted: None,
            table,
            extra: Table::default(),
            anchors: Anchors::default(),
            extra_tip: None,
            extra_live: None,
            tip_content: None,
            tip_for: None,
            live_text: None,
            described: None,
            listeners: Vec::new(),
            observers: Vec::new(),
            count_up: None,
            counted: false,
            animate: o.animate,
            last_url: None,
            #[cfg(not(feature = "lean"))]
            image: None,
            cursor: None,
            overview_cache: None,
            prepared: None,
            idle: None,
            retired: None,
            me: Weak::new(),
        }));
        state.borrow_mut().me = Rc::downgrade(&state);
        Ok(state)
    }

    /// One batch of writes to nodes of the main table.
    pub fn write(&mut self, f: impl FnOnce(&mut Ops, Ids)) {
        let ids = self.ids;
        let mut ops = Ops::new(&mut self.table);
        f(&mut ops, ids);
        ops.flush();
    }

    /// Fires `name` on the host after this call returns.
    pub fn fire(&self, name: &str, detail: &JsValue) {
        mount::fire(&self.host, name, detail);
    }

    pub fn fire_lang(&self, name: &str) {
        #[derive(serde::Serialize)]
        struct LangDetail<'a> {
            lang: &'a str,
        }
        self.fire(
            name,
            &to_js(&LangDetail {
                lang: self.opts.lang.as_str(),
            }),
        );
    }

    #[cfg(not(feature = "lean"))]
    fn fire_error(&self) {
        #[derive(serde::Serialize)]
        struct ErrorDetail<'a> {
            code: &'a str,
            message: String,
            errors: &'a [ValidationError],
        }
        let detail = ErrorDetail {
            code: "invalid-dataset",
            message: summary(&self.errors),
            errors: &self.errors,
        };
        self.fire("error", &to_js(&detail));
    }

    pub fn set_dataset(&mut self, dataset: Result<Rc<Dataset>, Vec<ValidationError>>) {
        match dataset {
            Ok(ds) => {
                // A one-language dataset shows in its language, whatever was asked.
                self.opts.lang = ds.language_or_first(self.opts.lang);
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

    pub fn data(&self) -> Option<(Rc<Dataset>, Rc<Stats>)> {
        Some((self.dataset.clone()?, self.stats.clone()?))
    }

    fn build(&self) -> VNode {
        match self.data() {
            Some((ds, st)) if self.errors.is_empty() => view::build(&ds, &st, &self.opts),
            #[cfg(not(feature = "lean"))]
            _ => view::error_panel(&self.errors, self.opts.lang),
            // The reader's module is given only datasets it can show (`exports::dataset_arg`
            // throws for any other), so it has no errors to list: no error panel in it (1.1 KB
            // gzip of the module with the error event's detail).
            #[cfg(feature = "lean")]
            _ => VNode::Text(String::new()),
        }
    }

    /// Takes what is mounted outside the tree off the page (tooltip content, the live
    /// region's text), so the page is exactly the tree before it is patched.
    fn clear_extra(&mut self) {
        let mut ops = Ops::new(&mut self.extra);
        for m in [self.tip_content.take(), self.live_text.take()]
            .into_iter()
            .flatten()
        {
            ops.remove(&m);
        }
        ops.flush();
        self.extra = Table::default();
        self.extra_tip = None;
        self.extra_live = None;
        self.tip_for = None;
        self.described = None;
    }

    /// After a render: where the named nodes are now, and the extra table's parents.
    fn after_render(&mut self) {
        self.anchors = match (&self.tree, &self.mounted) {
            (Some(t), Some(m)) => find_anchors(t, m),
            _ => Anchors::default(),
        };
        self.extra_tip = self
            .anchors
            .tip
            .map(|id| self.extra.adopt(&self.table.node(id)));
        self.extra_live = self
            .anchors
            .live
            .map(|id| self.extra.adopt(&self.table.node(id)));
    }

    /// Builds the tree for the current options and patches the page to it, in one batch.
    pub fn render(&mut self) -> Result<(), JsValue> {
        self.forget_layout();
        let new = self.build();
        let is_error = !self.errors.is_empty() || self.dataset.is_none();
        let ids = self.ids;
        let mut ops = Ops::new(&mut self.table);
        match (self.tree.take(), self.mounted.as_mut()) {
            (Some(old), Some(m)) => ops.patch(&old, &new, m),
            _ => self.mounted = Some(ops.append(ids.frame, &new)),
        }
        ops.set_attr(
            ids.host,
            "data-state",
            if is_error { "error" } else { "ready" },
        );
        ops.flush();
        self.tree = Some(new);
        self.after_render();
        if is_error {
            self.count_up = None;
            #[cfg(not(feature = "lean"))]
            self.fire_error();
        } else {
            self.fire_lang("ready");
        }
        self.schedule_prepare();
        Ok(())
    }

    /// Drops what was worked out for the page as it is now: the overview pick and its cached
    /// layout, a prepared language switch, the tooltip. Every render and patch starts with it.
    fn forget_layout(&mut self) {
        self.prepared = None;
        self.overview_cache = None;
        self.hide_cursor();
        self.clear_extra();
    }

    /// Patches text and attributes in place; focus, tab and scroll position survive.
    pub fn rerender(&mut self) -> Result<(), JsValue> {
        // A count-up still running would overwrite the patched number; the tree holds the
        // final text but the page shows an intermediate one, so the patch must write it.
        let interrupted = self.count_up.take().is_some();
        self.forget_layout();
        let new = self.build();
        if let (Some(old), Some(m)) = (self.tree.as_ref(), self.mounted.as_mut()) {
            let mut ops = Ops::new(&mut self.table);
            ops.patch(old, &new, m);
            ops.flush();
        }
        self.tree = Some(new);
        self.after_render();
        self.schedule_prepare();
        if interrupted {
            self.finish_count_up();
        }
        Ok(())
    }

    pub fn set_language(&mut self, lang: Lang) -> Result<(), JsValue> {
        if self.opts.lang == lang {
            return Ok(());
        }
        if let Some(ds) = self.dataset.as_ref().filter(|ds| !ds.has_language(lang)) {
            let have: Vec<&str> = ds.languages.iter().map(|l| l.as_str()).collect();
            return Err(crate::boundary::js_error(
                "unsupported-language",
                "lang",
                &format!(
                    "this dataset has no {} text (its languages: {})",
                    lang.as_str(),
                    have.join(", ")
                ),
            ));
        }
        self.hide_tip();
        let mut want = self.opts.clone();
        want.lang = lang;
        match self.prepared.take() {
            // Ready ahead: one batch of text and attribute writes, nothing built now.
            Some(p) if p.opts == want && self.count_up.is_none() => {
                self.clear_extra();
                mount::apply_js(&p.table, &p.batch);
                self.table = p.table;
                let old_tree = self.tree.replace(p.tree);
                let old_mounted = self.mounted.replace(p.mounted);
                self.retired = Some((old_tree, old_mounted));
                self.opts = p.opts;
                self.overview_cache = None;
                self.after_render();
                self.schedule_prepare();
            }
            _ => {
                self.opts = want;
                self.rerender()?;
            }
        }
        self.fire_lang("languagechange");
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
            super::events::with_state(&weak, |s| {
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
        if self
            .dataset
            .as_ref()
            .is_some_and(|ds| ds.languages.len() < 2)
        {
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

    pub fn resize(&mut self, width: f64) -> Result<(), JsValue> {
        // Sub-pixel jitter from layout must not cause a re-layout loop.
        if width <= 0.0 || (width - self.opts.width_px).abs() < 1.0 {
            return Ok(());
        }
        self.opts.width_px = width;
        self.rerender()
    }
}
