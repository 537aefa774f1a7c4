//! JS values in and out of the core, for the exports and for `dom` alike: errors with a code and a path, datasets and options read through serde-wasm-bindgen (or the Rust parser for JSON text), results written through it. Names no DOM API.

use crate::dataset::{self, Dataset, ValidationError};
use crate::json::{self, Value};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS `Error` with a stable `code` and the `path` of the field at fault.
pub fn js_error(code: &str, path: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &path.into());
    err.into()
}

/// Results as plain JS objects (maps as objects, `None` as null), the way JSON would have them.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    const PLAIN: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&PLAIN).unwrap_or(JsValue::NULL)
}

/// The message a list of validation errors is summed up by.
#[cfg(not(feature = "lean"))]
pub fn summary(errors: &[ValidationError]) -> String {
    let first = errors
        .first()
        .map(ToString::to_string)
        .unwrap_or_else(|| "invalid dataset".to_owned());
    format!("invalid dataset: {first}")
}

/// An `invalid-dataset` error carrying every problem in `errors`.
#[cfg(not(feature = "lean"))]
pub fn validation_error(errors: &[ValidationError]) -> JsValue {
    let path = errors.first().map(|e| e.path.as_str()).unwrap_or("");
    let err = js_error("invalid-dataset", path, &summary(errors));
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &to_js(errors));
    err
}

/// What a dataset argument held: the embedded story, JSON text that is not JSON, or a
/// document to validate.
#[cfg(not(feature = "lean"))]
pub enum Input {
    Default,
    /// JSON text that could not be read, or an object that is not JSON data: why, in words.
    NotJson(String),
    Document(Value),
}

fn one(message: String) -> Vec<ValidationError> {
    vec![ValidationError {
        path: String::new(),
        message,
    }]
}

/// A JS value as a document: a string is JSON text, read by the Rust parser (measured faster
/// than anything that crosses the boundary value by value, for big datasets); an object goes
/// through serde-wasm-bindgen into the same `Value`, with its NaN, infinities and odd keys kept
/// for validation to name, and its depth bounded; `undefined` or `null` is the embedded story.
#[cfg(not(feature = "lean"))]
pub fn read_input(value: &JsValue) -> Input {
    if value.is_undefined() || value.is_null() {
        return Input::Default;
    }
    if let Some(text) = value.as_string() {
        return match json::parse_document(&text) {
            Ok(v) => Input::Document(v),
            Err(why) => Input::NotJson(format!("not valid JSON: {why}")),
        };
    }
    match json::read(serde_wasm_bindgen::Deserializer::from(value.clone())) {
        Ok(v) => Input::Document(v),
        Err(e) => Input::NotJson(format!("not JSON data: {e}")),
    }
}

thread_local! {
    static DEFAULT: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

/// The embedded story, parsed once per page.
pub fn default_story() -> Result<Rc<Dataset>, Vec<ValidationError>> {
    if let Some(ds) = DEFAULT.with(|d| d.borrow().clone()) {
        return Ok(ds);
    }
    let value = json::parse(dataset::DEFAULT_JSON).map_err(one)?;
    #[cfg(not(feature = "lean"))]
    let ds = Rc::new(dataset::validate(&value)?);
    // The reader's module trusts the story compiled into it for its shape, as it trusts a
    // sealed text: the native tests check that it validates and reads the same either way.
    #[cfg(feature = "lean")]
    let ds = Rc::new(
        dataset::seal::trusted(&value)
            .ok_or_else(|| one("the embedded story is out of bounds".into()))?,
    );
    DEFAULT.with(|d| *d.borrow_mut() = Some(ds.clone()));
    Ok(ds)
}

/// A dataset argument, checked. JSON text that is not JSON is one error at the document.
#[cfg(not(feature = "lean"))]
pub fn read_dataset(value: &JsValue) -> Result<Rc<Dataset>, Vec<ValidationError>> {
    match read_input(value) {
        Input::Default => default_story(),
        Input::NotJson(why) => Err(one(why)),
        Input::Document(v) => dataset::validate(&v).map(Rc::new),
    }
}

/// An options object as a document; `undefined` and `null` are no options. Its fields must be
/// own enumerable properties (`Object.keys`): a DOMRect's are not.
///
/// Read with `Reflect`, not serde-wasm-bindgen as datasets are: an options object is a few
/// known fields, and the reader's module, which takes no dataset object, then carries no
/// deserializer at all (3.9 KB gzip of its module and 0.7 KB of its glue, measured).
pub fn read_options(value: &JsValue) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Object(Vec::new()));
    }
    let not_object = || {
        js_error(
            "invalid-option",
            "options",
            "invalid options: expected an object",
        )
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(not_object());
    }
    match plain(value, 3) {
        Some(v @ Value::Object(_)) => Ok(v),
        Some(_) => Err(not_object()),
        None => Err(js_error(
            "invalid-option",
            "options",
            "invalid options: a field holds what JSON cannot (a function, a symbol, a BigInt, or objects nested too deep)",
        )),
    }
}

/// A JS value as JSON data, objects by their own enumerable fields to `depth` levels: `None`
/// for what JSON has not (a function, a symbol, a BigInt), or a getter that throws.
fn plain(v: &JsValue, depth: u8) -> Option<Value> {
    if v.is_null() || v.is_undefined() {
        return Some(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Some(Value::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Some(Value::String(s));
    }
    if depth == 0 || !v.is_object() {
        return None;
    }
    if js_sys::Array::is_array(v) {
        let items: js_sys::Array = v.clone().into();
        return items
            .iter()
            .map(|item| plain(&item, depth - 1))
            .collect::<Option<_>>()
            .map(Value::Array);
    }
    let keys = js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>());
    let mut fields = Vec::new();
    for key in keys.iter() {
        let value = js_sys::Reflect::get(v, &key).ok()?;
        fields.push((key.as_string()?, plain(&value, depth - 1)?));
    }
    Some(Value::Object(fields))
}

fn invalid(key: &str, expected: &str) -> JsValue {
    js_error(
        "invalid-option",
        &format!("options.{key}"),
        &format!("invalid options.{key}: expected {expected}"),
    )
}

/// A present, non-null option.
pub fn option<'v>(options: &'v Value, key: &str) -> Option<&'v Value> {
    options.get(key).filter(|v| **v != Value::Null)
}

/// One word of a closed list, parsed; `default` when absent.
pub fn keyword<T>(
    options: &Value,
    key: &str,
    parse: fn(&str) -> Option<T>,
    default: T,
    expected: &str,
) -> Result<T, JsValue> {
    match option(options, key) {
        None => Ok(default),
        Some(Value::String(s)) => parse(s).ok_or_else(|| invalid(key, expected)),
        Some(_) => Err(invalid(key, expected)),
    }
}

/// A short string; empty when absent.
#[cfg(not(feature = "lean"))]
pub fn short_string(options: &Value, key: &str) -> Result<String, JsValue> {
    match option(options, key) {
        None => Ok(String::new()),
        Some(Value::String(s)) if s.chars().count() <= 40 => Ok(s.clone()),
        Some(_) => Err(invalid(key, "a string of at most 40 characters")),
    }
}

pub fn flag(options: &Value, key: &str, default: bool) -> Result<bool, JsValue> {
    match option(options, key) {
        None => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(invalid(key, "true or false")),
    }
}

/// A whole number from `min` to `max`; `default` when absent.
pub fn whole(options: &Value, key: &str, min: u8, max: u8, default: u8) -> Result<u8, JsValue> {
    match option(options, key) {
        None => Ok(default),
        Some(&Value::Number(n))
            if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(&n) =>
        {
            Ok(n as u8)
        }
        Some(_) => Err(invalid(key, &format!("a whole number from {min} to {max}"))),
    }
}

/// A finite number inside an option object.
pub fn finite(options: &Value, key: &str) -> Option<f64> {
    match option(options, key) {
        Some(&Value::Number(n)) if n.is_finite() => Some(n),
        _ => None,
    }
}
