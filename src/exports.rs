//! The module's exports, as JavaScript sees them: functions, the widget handle and their TypeScript types; values cross through `boundary`, the page is touched only through `dom`.

#[cfg(not(feature = "lean"))]
use crate::boundary::Input;
use crate::boundary::{self, flag, js_error, keyword, read_options, to_js};
use crate::dataset::{self, ValidationError};
use crate::dom;
use crate::format::Lang;
#[cfg(feature = "lean")]
use crate::json;
use crate::json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The dataset's types, written from the schema's declaration (build.rs).
#[wasm_bindgen(typescript_custom_section)]
const DATASET_TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.d.ts"));

#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
export interface ValidationError { path: string; message: string }
export interface Derived {
  id: string; relation: string; label: Text; value: number | null; kind: Kind; unit: Text;
  decimals: number; qualifier: Qualifier; figures: string[]; formatted: Text; formula: Text;
}
export interface Check { id: string; relation: string; figures: string[]; ok: boolean; difference: number; message: Text }
export interface Stats { derived: Derived[]; checks: Check[] }
export interface FormatOptions {
  lang?: Lang; kind?: Kind;
  /** ours, or Intl.NumberFormat's names: "standard" is "full", "compact" is "auto" */
  notation?: Notation | "standard" | "compact";
  qualifier?: Qualifier;
  /** zh measure word or unit: "元", "个" */ unit?: string;
  /** en noun: "places" */ unitEn?: string;
  /** zh group separators: 16,317元 */ separators?: boolean;
  /** maximum fraction digits, 0 to 6 (default 2) */ decimals?: number;
}
export interface RenderOptions {
  lang?: Lang; theme?: "auto" | "light" | "dark";
  /** zh group separators: 16,317元 */ separators?: boolean;
  /** count the hero number up when first seen (default true; never under prefers-reduced-motion) */ animate?: boolean;
  /** the section tab shown first, from 0 (default 0; a number past the last shows the last) */ tab?: number;
  /** open on the data table instead of the charts (default false) */ table?: boolean;
  /** the element's box if already known (an IntersectionObserver entry's boundingClientRect, copied into a plain object): saves a forced layout */ rect?: { width: number; top: number; bottom: number };
}
/** Errors thrown by this module carry a stable code and, where it applies, the field's path. */
export interface InfographicError extends Error { code: string; path: string; errors?: ValidationError[] }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ValidationError[]")]
    pub type ValidationErrors;
    #[wasm_bindgen(typescript_type = "Dataset")]
    pub type DatasetJs;
    #[wasm_bindgen(typescript_type = "Stats")]
    pub type StatsJs;
    #[wasm_bindgen(typescript_type = "FormatOptions | undefined")]
    pub type FormatOptionsJs;
    #[wasm_bindgen(typescript_type = "RenderOptions | undefined")]
    pub type RenderOptionsJs;
    /// A dataset object, its JSON text, or nothing (the embedded story).
    #[wasm_bindgen(typescript_type = "Dataset | string | null | undefined")]
    pub type MaybeDatasetJs;
}

#[cfg(not(feature = "lean"))]
thread_local! {
    /// Set by the panic hook: the module's state can no longer be trusted.
    static POISONED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A panic should be impossible; if one happens anyway, the wasm traps and its state may be
/// half-updated. The hook puts every widget into its error state and later calls get a clear
/// `internal-error` instead of "unreachable" or "recursive use of an object".
///
/// The reader's module has no hook: it is built to abort at a panic at once
/// (scripts/reader-cargo.sh), and glue.js's `guard` sees the trap and does the same.
#[cfg(not(feature = "lean"))]
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        POISONED.with(|p| p.set(true));
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&format!("revitalization-infographic: {message}{place}").into());
        dom::mount::report_panic(&message);
    }));
}

/// Refuses every call once a panic has happened. (In the reader's module, which has no hook,
/// glue.js's `guard` refuses them after a trap before they reach the module.)
pub(crate) fn healthy() -> Result<(), JsValue> {
    #[cfg(not(feature = "lean"))]
    if POISONED.with(|p| p.get()) {
        return Err(js_error(
            "internal-error",
            "",
            "internal error: the infographic module stopped after an internal failure; reload the page",
        ));
    }
    Ok(())
}

/// A rendered infographic: the handle `render` returns.
#[wasm_bindgen]
pub struct Infographic {
    widget: dom::Widget,
}

fn render_options(options: &JsValue) -> Result<dom::Options, JsValue> {
    let o = read_options(options)?;
    Ok(dom::Options {
        lang: keyword(&o, "lang", Lang::parse, Lang::Zh, "\"zh\" or \"en\"")?,
        theme: keyword(
            &o,
            "theme",
            dom::Theme::parse,
            dom::Theme::Auto,
            "auto, light or dark",
        )?,
        group_zh: flag(&o, "separators", false)?,
        animate: flag(&o, "animate", true)?,
        rect: rect_option(&o)?,
        tab: boundary::whole(&o, "tab", 0, 63, 0)?.into(),
        table: flag(&o, "table", false)?,
    })
}

/// `options.rect`: the element's box as the caller already knows it (an IntersectionObserver
/// entry's `boundingClientRect`), so mounting need not force a layout to measure it.
fn rect_option(o: &Value) -> Result<Option<dom::HostRect>, JsValue> {
    let Some(v) = boundary::option(o, "rect") else {
        return Ok(None);
    };
    let num = |k: &str| boundary::finite(v, k);
    match (num("width"), num("top"), num("bottom")) {
        (Some(width), Some(top), Some(bottom)) if width >= 0.0 => {
            Ok(Some(dom::HostRect { width, top, bottom }))
        }
        _ => Err(js_error(
            "invalid-option",
            "options.rect",
            "invalid options.rect: expected { width, top, bottom } in px, as own properties",
        )),
    }
}

/// A dataset argument for `render` and `update`: JSON text that is not JSON at all (or an
/// object that is not JSON data) is thrown, code `invalid-json`, so a page keeps what it
/// showed; a document with errors is shown as the error panel.
#[cfg(not(feature = "lean"))]
fn dataset_arg(
    value: &JsValue,
) -> Result<Result<std::rc::Rc<dataset::Dataset>, Vec<ValidationError>>, JsValue> {
    match boundary::read_input(value) {
        Input::NotJson(why) => Err(js_error("invalid-json", "", &why)),
        Input::Default => Ok(boundary::default_story()),
        Input::Document(v) => Ok(dataset::validate(&v).map(std::rc::Rc::new)),
    }
}

/// The reader's module's dataset argument: nothing (the embedded story) or JSON text the desk
/// sealed and nobody changed since. Anything else is thrown before the page changes: text that
/// is not JSON as `invalid-json`, the rest as `not-checked`, and `embed.js` then has the full
/// module check it (which names each field).
#[cfg(feature = "lean")]
fn dataset_arg(
    value: &JsValue,
) -> Result<Result<std::rc::Rc<dataset::Dataset>, Vec<ValidationError>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        // The story compiled in is read as a sealed text is; a native test checks that it
        // reads so. Should it ever not, that is thrown: this module shows no error panel.
        return boundary::default_story().map(Ok).map_err(|_| {
            js_error(
                "internal-error",
                "",
                "internal error: the embedded story cannot be read",
            )
        });
    }
    let not_checked = || {
        js_error(
            "not-checked",
            "",
            "this dataset was not sealed by the desk (or was changed since), and this module shows only sealed ones: check it with revitalization_infographic.js, which embed.js loads for it",
        )
    };
    let text = value.as_string().ok_or_else(not_checked)?;
    // Read even when it is not sealed: text that is not JSON at all (an HTML page, a cut-off
    // file) is told at once, and no full module is fetched to say so.
    let v = json::parse_document(&text)
        .map_err(|why| js_error("invalid-json", "", &format!("not valid JSON: {why}")))?;
    dataset::seal::verified(&text).ok_or_else(not_checked)?;
    let ds = dataset::seal::trusted(&v).ok_or_else(not_checked)?;
    Ok(Ok(std::rc::Rc::new(ds)))
}

/// The reader's module has no downloads (CSV, SVG, the saved image): `embed.js` gives it the
/// function that hands a graphic over to the full module when its reader asks for one, called
/// with the host element and the action (`"csv"`, `"svg"` or `"png"`); it returns true when it
/// takes the graphic. Without it the controls say that downloads are not available.
#[cfg(feature = "lean")]
#[wasm_bindgen(js_name = setHandOver)]
pub fn set_hand_over(hand_over: &js_sys::Function) {
    dom::set_hand_over(hand_over.clone());
}

/// Renders the infographic into `element` (inside its Shadow DOM). A bad dataset shows an
/// error panel and fires `error` on the element; it does not throw. Bad options, a missing
/// element or JSON text that is not JSON throw an `InfographicError`.
#[wasm_bindgen]
pub fn render(
    element: JsValue,
    dataset: MaybeDatasetJs,
    options: RenderOptionsJs,
) -> Result<Infographic, JsValue> {
    healthy()?;
    let host: web_sys::Element = element.dyn_into().map_err(|_| {
        js_error(
            "invalid-element",
            "element",
            "invalid element: expected a DOM element",
        )
    })?;
    let o = render_options(options.as_ref())?;
    let ds = dataset_arg(&dataset)?;
    Ok(Infographic {
        widget: dom::Widget::mount(host, ds, o)?,
    })
}

pub(crate) fn lang_arg(lang: &JsValue) -> Result<Lang, JsValue> {
    lang.as_string()
        .as_deref()
        .and_then(Lang::parse)
        .ok_or_else(|| {
            js_error(
                "invalid-option",
                "lang",
                "invalid lang: expected \"zh\" or \"en\"",
            )
        })
}

#[wasm_bindgen]
impl Infographic {
    /// Shows another dataset; a bad one shows the error panel and fires `error`.
    pub fn update(&self, dataset: MaybeDatasetJs) -> Result<(), JsValue> {
        healthy()?;
        let ds = dataset_arg(&dataset)?;
        self.widget.update(ds)
    }

    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, lang: JsValue) -> Result<(), JsValue> {
        healthy()?;
        self.widget.set_language(lang_arg(&lang)?)
    }

    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: JsValue) -> Result<(), JsValue> {
        healthy()?;
        let theme = theme
            .as_string()
            .as_deref()
            .and_then(dom::Theme::parse)
            .ok_or_else(|| {
                js_error(
                    "invalid-option",
                    "theme",
                    "invalid theme: expected auto, light or dark",
                )
            })?;
        self.widget.set_theme(theme)
    }

    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.widget.lang().as_str().to_owned()
    }

    /// The figures as CSV, in the current language.
    #[cfg(not(feature = "lean"))]
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        healthy()?;
        self.widget.csv()
    }

    /// The graphic as a standalone SVG document.
    #[cfg(not(feature = "lean"))]
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self) -> Result<String, JsValue> {
        healthy()?;
        self.widget.svg()
    }

    /// Removes the widget's nodes, listeners, observers and frames. Safe to call twice.
    pub fn destroy(&self) -> Result<(), JsValue> {
        healthy()?;
        self.widget.destroy()
    }
}

#[derive(serde::Serialize)]
struct Resources {
    listeners: u32,
    observers: u32,
    frames: u32,
}

/// Listeners, observers and animation frames held by all widgets on the page.
#[wasm_bindgen(js_name = liveResources)]
pub fn live_resources() -> JsValue {
    let (listeners, observers, frames) = dom::listener::live_counts();
    to_js(&Resources {
        listeners,
        observers,
        frames,
    })
}

/// Bytes of WebAssembly linear memory the module holds now (it grows, never shrinks).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Test-only: panics on purpose when the page has set `globalThis.__RI_TEST_CRASH = true`
/// (no input can reach a panic, so the panic hook is tested through this door). Without the
/// flag it refuses.
#[wasm_bindgen(js_name = __crashForTesting)]
pub fn crash_for_testing() -> Result<(), JsValue> {
    let armed = js_sys::Reflect::get(&js_sys::global(), &"__RI_TEST_CRASH".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !armed {
        return Err(js_error("invalid-call", "", "not a test page"));
    }
    panic!("deliberate crash for the panic-hook test")
}
