//! The WebAssembly boundary: exports, JS types and error conversion; the core lives in the other modules.

pub mod dataset;
pub mod decimal;
pub mod dom;
pub mod format;
pub mod json;
pub mod stats;
pub mod view;

use dataset::{Dataset, ValidationError};
use format::{Kind, Lang, Notation, NumberFormat, Qualifier};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type Lang = "zh" | "en";
export type Kind = "count" | "money" | "share" | "change";
export type Notation = "auto" | "full" | "wan" | "yi" | "hanzi";
export type Qualifier = "exact" | "at-least" | "about" | "at-most";
export interface Text { zh: string; en: string }
export interface ValidationError { path: string; message: string }
export interface Figure {
  id: string; label: Text; value: number; kind: Kind; unit?: Text;
  qualifier?: Qualifier; notation?: Notation; source: string;
  term?: Text; wording?: Text; group?: string; note?: Text;
}
export interface Section { id: string; title: Text; figures: Figure[] }
export type Relation = { id: string; label: Text; unit?: Text; decimals?: number } & (
  | { type: "difference"; minuend: string; subtrahend: string }
  | { type: "ratio"; numerator: string; denominator: string }
  | { type: "growth"; level: string; increase: string; rate: string }
  | { type: "share-total"; part: string; share: string }
  | { type: "part-of"; part: string; whole: string });
export interface Dataset {
  schema: 1;
  story: {
    id: string; title: Text; dek: Text; date: string;
    source: { name: Text; editor?: Text; url?: string };
    notes?: Text[];
    hero?: { figure: string; previous?: string; increase?: string; rate?: string };
  };
  sections: Section[];
  relations?: Relation[];
}
export interface Derived {
  id: string; relation: string; label: Text; value: number | null; kind: Kind; unit: Text;
  decimals: number; qualifier: Qualifier; figures: string[]; formatted: Text; formula: Text;
}
export interface Check { id: string; relation: string; figures: string[]; ok: boolean; difference: number; message: Text }
export interface Stats { derived: Derived[]; checks: Check[] }
export interface FormatOptions {
  lang?: Lang; kind?: Kind; notation?: Notation; qualifier?: Qualifier;
  /** zh measure word or unit: "元", "个" */ unit?: string;
  /** en noun: "places" */ unitEn?: string;
  /** zh group separators: 16,317元 */ separators?: boolean;
  /** maximum fraction digits, 0 to 6 (default 2) */ decimals?: number;
}
export interface RenderOptions {
  lang?: Lang; theme?: "auto" | "light" | "dark";
  /** zh group separators: 16,317元 */ separators?: boolean;
  /** count the hero number up when first seen (default true; never under prefers-reduced-motion) */ animate?: boolean;
  /** the element's box if already known (an IntersectionObserver entry's boundingClientRect): saves a forced layout */ rect?: { width: number; top: number; bottom: number };
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

/// A JS `Error` with a stable `code` and the `path` of the field at fault.
pub(crate) fn js_error(code: &str, path: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &path.into());
    err.into()
}

pub(crate) fn validation_error(errors: &[ValidationError]) -> JsValue {
    let first = errors
        .first()
        .map(ToString::to_string)
        .unwrap_or_else(|| "invalid dataset".to_owned());
    let path = errors.first().map(|e| e.path.as_str()).unwrap_or("");
    let err = js_error(
        "invalid-dataset",
        path,
        &format!("invalid dataset: {first}"),
    );
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &errors_to_js(errors));
    err
}

pub(crate) fn errors_to_js(errors: &[ValidationError]) -> JsValue {
    let list = js_sys::Array::new();
    for e in errors {
        list.push(&detail(&[
            ("path", e.path.as_str().into()),
            ("message", e.message.as_str().into()),
        ]));
    }
    list.into()
}

pub(crate) fn detail(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

thread_local! {
    static DEFAULT: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// Set by the panic hook: the module's state can no longer be trusted.
    static POISONED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A panic should be impossible; if one happens anyway, the wasm traps and its state may be
/// half-updated. The hook puts every widget into its error state and later calls get a clear
/// `internal-error` instead of "unreachable" or "recursive use of an object".
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

/// Refuses every call once a panic has happened.
fn healthy() -> Result<(), JsValue> {
    if POISONED.with(|p| p.get()) {
        Err(js_error(
            "internal-error",
            "",
            "internal error: the infographic module stopped after an internal failure; reload the page",
        ))
    } else {
        Ok(())
    }
}

/// A JS value to a `json::Value`: a string is the dataset's JSON text (what `src` fetches,
/// read once, by the Rust parser); anything else goes through `JSON.stringify` (one call, NaN
/// kept as a marker) and the same parser, far faster than walking the object across the boundary.
fn to_value(value: &JsValue) -> Result<json::Value, Vec<ValidationError>> {
    let text = match value.as_string() {
        Some(text) => Ok(text),
        None => dom::mount::to_json(value),
    };
    let text = text.map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "it cannot be written as JSON".to_owned());
        vec![ValidationError {
            path: String::new(),
            message: format!("not JSON data: {why}"),
        }]
    })?;
    json::parse(&text).map_err(|message| {
        vec![ValidationError {
            path: String::new(),
            message,
        }]
    })
}

/// The embedded story, parsed once per page.
pub fn default_story() -> Result<Rc<Dataset>, Vec<ValidationError>> {
    if let Some(ds) = DEFAULT.with(|d| d.borrow().clone()) {
        return Ok(ds);
    }
    let value = json::parse(dataset::DEFAULT_JSON).map_err(|message| {
        vec![ValidationError {
            path: String::new(),
            message,
        }]
    })?;
    let ds = Rc::new(dataset::validate(&value)?);
    DEFAULT.with(|d| *d.borrow_mut() = Some(ds.clone()));
    Ok(ds)
}

/// `undefined` or `null` means the embedded story.
fn read_dataset(value: &JsValue) -> Result<Rc<Dataset>, Vec<ValidationError>> {
    if value.is_undefined() || value.is_null() {
        return default_story();
    }
    dataset::validate(&to_value(value)?).map(Rc::new)
}

/// The embedded Xi'an dataset, as a fresh object the caller may change.
#[wasm_bindgen(js_name = defaultDataset)]
pub fn default_dataset() -> Result<DatasetJs, JsValue> {
    Ok(js_sys::JSON::parse(dataset::DEFAULT_JSON)?.unchecked_into())
}

/// Every problem of a dataset, each with a path; an empty list when it is valid. Never throws.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(value: JsValue) -> ValidationErrors {
    let errors = match to_value(&value).and_then(|v| dataset::validate(&v)) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    errors_to_js(&errors).unchecked_into()
}

/// Derived figures and consistency checks; throws an `InfographicError` (code
/// "invalid-dataset", with `errors`) for a bad dataset. No argument: the embedded story.
#[wasm_bindgen(js_name = computeStats)]
pub fn compute_stats(value: MaybeDatasetJs) -> Result<StatsJs, JsValue> {
    healthy()?;
    let ds = read_dataset(&value).map_err(|e| validation_error(&e))?;
    let st = stats::compute(&ds);
    js_sys::JSON::parse(&stats::to_json(&st)).map(JsCast::unchecked_into)
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn keyword<T>(
    obj: &JsValue,
    key: &str,
    parse: fn(&str) -> Option<T>,
    default: T,
    expected: &str,
) -> Result<T, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(default);
    }
    v.as_string().as_deref().and_then(parse).ok_or_else(|| {
        js_error(
            "invalid-option",
            &format!("options.{key}"),
            &format!("invalid options.{key}: expected {expected}"),
        )
    })
}

fn string_option(obj: &JsValue, key: &str) -> Result<String, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(String::new());
    }
    match v.as_string() {
        Some(s) if s.chars().count() <= 40 => Ok(s),
        _ => Err(js_error(
            "invalid-option",
            &format!("options.{key}"),
            &format!("invalid options.{key}: expected a string of at most 40 characters"),
        )),
    }
}

fn bool_option(obj: &JsValue, key: &str) -> Result<bool, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(false);
    }
    v.as_bool().ok_or_else(|| {
        js_error(
            "invalid-option",
            &format!("options.{key}"),
            &format!("invalid options.{key}: expected true or false"),
        )
    })
}

fn options_object(options: &JsValue) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() || options.is_object() {
        Ok(())
    } else {
        Err(js_error(
            "invalid-option",
            "options",
            "invalid options: expected an object",
        ))
    }
}

/// A number as a newsroom writes it: `formatNumber(26770300, {lang: "zh", kind: "money",
/// unit: "元", notation: "wan"})` is "2677.03万元". NaN and infinities give "—".
#[wasm_bindgen(js_name = formatNumber)]
pub fn format_number(value: JsValue, options: FormatOptionsJs) -> Result<String, JsValue> {
    healthy()?;
    let o: &JsValue = options.as_ref();
    options_object(o)?;
    let Some(number) = value.as_f64() else {
        return Err(js_error(
            "invalid-value",
            "value",
            "invalid value: expected a number",
        ));
    };
    let lang = keyword(o, "lang", Lang::parse, Lang::Zh, "\"zh\" or \"en\"")?;
    let kind = keyword(
        o,
        "kind",
        Kind::parse,
        Kind::Count,
        "count, money, share or change",
    )?;
    let notation = keyword(
        o,
        "notation",
        Notation::parse,
        Notation::Full,
        "auto, full, wan, yi or hanzi",
    )?;
    let qualifier = keyword(
        o,
        "qualifier",
        Qualifier::parse,
        Qualifier::Exact,
        "exact, at-least, about or at-most",
    )?;
    let unit = string_option(o, "unit")?;
    let unit_en = string_option(o, "unitEn")?;
    let group = bool_option(o, "separators")?;
    let decimals = match get(o, "decimals") {
        v if v.is_undefined() || v.is_null() => 2,
        v => match v.as_f64() {
            Some(d) if d.fract() == 0.0 && (0.0..=6.0).contains(&d) => d as u8,
            _ => {
                return Err(js_error(
                    "invalid-option",
                    "options.decimals",
                    "invalid options.decimals: expected a whole number from 0 to 6",
                ))
            }
        },
    };
    let mut f = NumberFormat::new(lang, kind);
    f.notation = notation;
    f.qualifier = qualifier;
    f.measure = &unit;
    f.noun_en = &unit_en;
    f.group_zh = group;
    f.max_decimals = decimals;
    Ok(format::format_number(number, &f))
}

/// A rendered infographic: the handle `render` returns.
#[wasm_bindgen]
pub struct Infographic {
    widget: dom::Widget,
}

fn render_options(options: &JsValue) -> Result<dom::Options, JsValue> {
    options_object(options)?;
    Ok(dom::Options {
        lang: keyword(options, "lang", Lang::parse, Lang::Zh, "\"zh\" or \"en\"")?,
        theme: keyword(
            options,
            "theme",
            dom::Theme::parse,
            dom::Theme::Auto,
            "auto, light or dark",
        )?,
        group_zh: bool_option(options, "separators")?,
        animate: !matches!(get(options, "animate").as_bool(), Some(false)),
        rect: rect_option(options)?,
    })
}

/// `options.rect`: the element's box as the caller already knows it (an IntersectionObserver
/// entry's `boundingClientRect`), so mounting need not force a layout to measure it.
fn rect_option(obj: &JsValue) -> Result<Option<dom::HostRect>, JsValue> {
    let v = get(obj, "rect");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let num = |k: &str| get(&v, k).as_f64().filter(|n| n.is_finite());
    match (num("width"), num("top"), num("bottom")) {
        (Some(width), Some(top), Some(bottom)) if width >= 0.0 => {
            Ok(Some(dom::HostRect { width, top, bottom }))
        }
        _ => Err(js_error(
            "invalid-option",
            "options.rect",
            "invalid options.rect: expected { width, top, bottom } in px (a DOMRect will do)",
        )),
    }
}

/// Renders the infographic into `element` (inside its Shadow DOM). A bad dataset shows an
/// error panel and fires `error` on the element; it does not throw. Bad options or a
/// missing element throw an `InfographicError`.
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
    let ds = read_dataset(&dataset);
    Ok(Infographic {
        widget: dom::Widget::mount(host, ds, o)?,
    })
}

#[wasm_bindgen]
impl Infographic {
    /// Shows another dataset; a bad one shows the error panel and fires `error`.
    pub fn update(&self, dataset: MaybeDatasetJs) -> Result<(), JsValue> {
        healthy()?;
        self.widget.update(read_dataset(&dataset))
    }

    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, lang: JsValue) -> Result<(), JsValue> {
        healthy()?;
        let lang = lang
            .as_string()
            .as_deref()
            .and_then(Lang::parse)
            .ok_or_else(|| {
                js_error(
                    "invalid-option",
                    "lang",
                    "invalid lang: expected \"zh\" or \"en\"",
                )
            })?;
        self.widget.set_language(lang)
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
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        healthy()?;
        self.widget.csv()
    }

    /// The graphic as a standalone SVG document.
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

/// Listeners, observers and animation frames held by all widgets on the page.
#[wasm_bindgen(js_name = liveResources)]
pub fn live_resources() -> JsValue {
    let (listeners, observers, frames) = dom::listener::live_counts();
    detail(&[
        ("listeners", listeners.into()),
        ("observers", observers.into()),
        ("frames", frames.into()),
    ])
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
