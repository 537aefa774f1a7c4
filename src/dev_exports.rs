//! The developer's functions beside the widget: the embedded story as an object, validation, derived figures, number formatting, the description and the desk's seal. In the full module (`dist/revitalization_infographic.js`) only: the reader's module (feature `lean`) has none of them.

use crate::boundary::{
    self, flag, js_error, keyword, read_dataset, read_options, short_string, to_js, whole,
};
use crate::dataset::{self, ValidationError};
use crate::exports::{
    healthy, lang_arg, DatasetJs, FormatOptionsJs, MaybeDatasetJs, StatsJs, ValidationErrors,
};
use crate::format::{self, Kind, Lang, Notation, NumberFormat, Qualifier};
use crate::json;
use crate::stats;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The embedded Xi'an dataset, as a fresh object the caller may change.
#[wasm_bindgen(js_name = defaultDataset)]
pub fn default_dataset() -> Result<DatasetJs, JsValue> {
    let value =
        json::parse(dataset::DEFAULT_JSON).map_err(|e| js_error("internal-error", "", &e))?;
    Ok(to_js(&value).unchecked_into())
}

#[cfg(not(feature = "lean"))]
/// Every problem of a dataset, each with a path; an empty list when it is valid. Never throws.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(value: JsValue) -> ValidationErrors {
    let errors: Vec<ValidationError> = match read_dataset(&value) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    to_js(&errors).unchecked_into()
}

#[cfg(not(feature = "lean"))]
/// Derived figures and consistency checks; throws an `InfographicError` (code
/// "invalid-dataset", with `errors`) for a bad dataset. No argument: the embedded story.
#[wasm_bindgen(js_name = computeStats)]
pub fn compute_stats(value: MaybeDatasetJs) -> Result<StatsJs, JsValue> {
    healthy()?;
    let ds = read_dataset(&value).map_err(|e| boundary::validation_error(&e))?;
    Ok(to_js(&stats::compute(&ds)).unchecked_into())
}

#[cfg(not(feature = "lean"))]
/// Our notation names, and `Intl.NumberFormat`'s where they mean the same.
fn parse_notation(s: &str) -> Option<Notation> {
    match s {
        "standard" => Some(Notation::Full),
        "compact" => Some(Notation::Auto),
        other => Notation::parse(other),
    }
}

#[cfg(not(feature = "lean"))]
/// A number as a newsroom writes it: `formatNumber(26770300, {lang: "zh", kind: "money",
/// unit: "元", notation: "wan"})` is "2677.03万元". NaN and infinities give "—".
#[wasm_bindgen(js_name = formatNumber)]
pub fn format_number(value: JsValue, options: FormatOptionsJs) -> Result<String, JsValue> {
    healthy()?;
    let o = read_options(options.as_ref())?;
    let Some(number) = value.as_f64() else {
        return Err(js_error(
            "invalid-value",
            "value",
            "invalid value: expected a number",
        ));
    };
    let lang = keyword(&o, "lang", Lang::parse, Lang::Zh, "\"zh\" or \"en\"")?;
    let kind = keyword(
        &o,
        "kind",
        Kind::parse,
        Kind::Count,
        "count, money, share or change",
    )?;
    let notation = keyword(
        &o,
        "notation",
        parse_notation,
        Notation::Full,
        "auto, full, wan, yi or hanzi (or Intl's standard, compact)",
    )?;
    let qualifier = keyword(
        &o,
        "qualifier",
        Qualifier::parse,
        Qualifier::Exact,
        "exact, at-least, about or at-most",
    )?;
    let unit = short_string(&o, "unit")?;
    let unit_en = short_string(&o, "unitEn")?;
    let mut f = NumberFormat::new(lang, kind);
    f.notation = notation;
    f.qualifier = qualifier;
    f.measure = &unit;
    f.noun_en = &unit_en;
    f.group_zh = flag(&o, "separators", false)?;
    f.max_decimals = whole(&o, "decimals", 0, 6, 2)?;
    Ok(format::format_number(number, &f))
}

#[wasm_bindgen(typescript_custom_section)]
const DESCRIBE_TYPES: &str = r#"
/** The graphic in words, from its figures: a paragraph for the whole and one per section shown. */
export interface Description { text: string; sections: { id: string; title: string; text: string }[] }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Description")]
    pub type DescriptionJs;
    #[wasm_bindgen(typescript_type = "Lang | undefined")]
    pub type MaybeLangJs;
}

/// The written description of a graphic (its accessible description, and the opening of its
/// static fallback): `describe(dataset, "en").text`. No dataset: the embedded story; no
/// language: "zh". Throws an `InfographicError` (code "invalid-dataset") for a bad dataset.
#[wasm_bindgen]
pub fn describe(dataset: MaybeDatasetJs, lang: MaybeLangJs) -> Result<DescriptionJs, JsValue> {
    healthy()?;
    let lang = if lang.is_undefined() || lang.is_null() {
        Lang::Zh
    } else {
        lang_arg(&lang)?
    };
    let ds = read_dataset(&dataset).map_err(|e| boundary::validation_error(&e))?;
    let st = stats::compute(&ds);
    // A one-language dataset is described in its language.
    let lang = ds.language_or_first(lang);
    let d = crate::view::describe::describe(&ds, &st, lang, false);
    Ok(to_js(&d).unchecked_into())
}

/// JSON text the reader's module shows without checking it again: the dataset's text checked in
/// full, then sealed (src/dataset/seal.rs). Throws an `InfographicError`: code
/// "invalid-dataset" (with `errors`) for a bad dataset, "invalid-value" for anything but text.
#[wasm_bindgen(js_name = sealDataset)]
pub fn seal_dataset(text: JsValue) -> Result<String, JsValue> {
    healthy()?;
    let Some(text) = text.as_string() else {
        return Err(js_error(
            "invalid-value",
            "text",
            "invalid text: expected the dataset's JSON text (JSON.stringify an object first)",
        ));
    };
    dataset::seal::seal(&text).map_err(|e| boundary::validation_error(&e))
}
