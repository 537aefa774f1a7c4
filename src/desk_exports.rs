//! The desk's module, built with the `desk` feature into its own wasm (dist/desk/): drafting a dataset from an article, checking figures against their sentences, reading and writing spreadsheets and writing the static fallback, for the editor page; readers' `embed.js` never loads it.

use crate::boundary::{read_dataset, to_js};
use crate::dataset::{self, ValidationError};
use crate::desk;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const DESK_TYPES: &str = r#"
/** A draft: a dataset the validator accepts, and what the desk should look at in it. */
export interface Draft { dataset: Dataset; notes: ValidationError[]; errors: ValidationError[] }
/** A spreadsheet read: the dataset, or every problem at its row and column. */
export interface SheetResult { dataset: Dataset | null; errors: ValidationError[] }
/** The story's fields a sheet does not hold, from the desk's form. */
export interface StoryForm { id: string; title: string; dek: string; date: string; source: string }
/** A checked dataset: errors (it cannot be published) and warnings (figures against sentences). */
export interface CheckResult { errors: ValidationError[]; warnings: ValidationError[] }
/** The static no-JavaScript HTML of a dataset, or why it cannot be written. */
export interface FallbackResult { html: string | null; errors: ValidationError[] }
/** A dataset's figures as the desk's spreadsheet (CSV), or why it cannot be written. */
export interface SheetCsvResult { csv: string | null; errors: ValidationError[] }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Draft")]
    pub type DraftJs;
    #[wasm_bindgen(typescript_type = "CheckResult")]
    pub type CheckResultJs;
    #[wasm_bindgen(typescript_type = "SheetResult")]
    pub type SheetResultJs;
    #[wasm_bindgen(typescript_type = "StoryForm")]
    pub type StoryFormJs;
    #[wasm_bindgen(typescript_type = "FallbackResult")]
    pub type FallbackResultJs;
    #[wasm_bindgen(typescript_type = "SheetCsvResult")]
    pub type SheetCsvResultJs;
}

#[derive(serde::Serialize)]
struct DraftOut<'a> {
    dataset: &'a crate::json::Value,
    notes: &'a [ValidationError],
    /// Empty unless the draft itself fails validation (a bug, or an article beyond the reader).
    errors: Vec<ValidationError>,
}

#[derive(serde::Serialize)]
struct CheckOut {
    errors: Vec<ValidationError>,
    warnings: Vec<ValidationError>,
}

/// Drafts a dataset from a Chinese news article's text. Never throws.
#[wasm_bindgen(js_name = draftDataset)]
pub fn draft_dataset(text: &str) -> DraftJs {
    let d = desk::draft(text);
    let errors = dataset::validate(&d.dataset).err().unwrap_or_default();
    to_js(&DraftOut {
        dataset: &d.dataset,
        notes: &d.notes,
        errors,
    })
    .unchecked_into()
}

/// Validates a dataset (object or JSON text) and checks every figure against its sentence and,
/// given the article, every sentence against it. Never throws.
#[wasm_bindgen(js_name = checkDataset)]
pub fn check_dataset(dataset: JsValue, article: Option<String>) -> CheckResultJs {
    let out = match read_dataset(&dataset) {
        Ok(ds) => CheckOut {
            errors: Vec::new(),
            warnings: desk::check(&ds, article.as_deref()),
        },
        Err(errors) => CheckOut {
            errors,
            warnings: Vec::new(),
        },
    };
    to_js(&out).unchecked_into()
}

#[derive(serde::Serialize)]
struct SheetOut {
    dataset: Option<crate::json::Value>,
    errors: Vec<ValidationError>,
}

/// Reads a spreadsheet pasted as TSV (Excel, WPS, Google Sheets) or a CSV file, one row per
/// figure, with the story's fields from the form. Never throws.
#[wasm_bindgen(js_name = readSheet)]
pub fn read_sheet(text: &str, story: StoryFormJs) -> SheetResultJs {
    let form = crate::boundary::read_options(story.as_ref()).unwrap_or(crate::json::Value::Null);
    let field = |k: &str| match form.get(k) {
        Some(crate::json::Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let (id, title, dek, date, source) = (
        field("id"),
        field("title"),
        field("dek"),
        field("date"),
        field("source"),
    );
    let fields = desk::sheet::StoryFields {
        id: &id,
        title: &title,
        dek: &dek,
        date: &date,
        source: &source,
    };
    let out = match desk::sheet::read_sheet(text, &fields) {
        Ok(dataset) => SheetOut {
            dataset: Some(dataset),
            errors: Vec::new(),
        },
        Err(errors) => SheetOut {
            dataset: None,
            errors,
        },
    };
    to_js(&out).unchecked_into()
}

#[derive(serde::Serialize)]
struct FallbackOut {
    html: Option<String>,
    errors: Vec<ValidationError>,
}

/// The static HTML a page puts inside `<revitalization-infographic>` for readers without
/// JavaScript: what `cargo run -- html --lang LANG --dataset FILE` writes, by the same view.
/// `lang` must be one of the dataset's languages. Never throws.
#[wasm_bindgen(js_name = fallbackHtml)]
pub fn fallback_html(dataset: JsValue, lang: &str) -> FallbackResultJs {
    let out = match read_dataset(&dataset) {
        Ok(ds) => match crate::format::Lang::parse(lang).filter(|l| ds.has_language(*l)) {
            Some(l) => {
                let stats = crate::stats::compute(&ds);
                let mut o = crate::view::ViewOptions::new(l, 720.0);
                o.static_page = true;
                o.id_prefix = format!("ri-{}-", l.as_str());
                FallbackOut {
                    html: Some(crate::view::html::to_html(&crate::view::build(
                        &ds, &stats, &o,
                    ))),
                    errors: Vec::new(),
                }
            }
            None => FallbackOut {
                html: None,
                errors: vec![ValidationError {
                    path: "languages".to_owned(),
                    message: format!("the dataset has no language \"{lang}\""),
                }],
            },
        },
        Err(errors) => FallbackOut { html: None, errors },
    };
    to_js(&out).unchecked_into()
}

#[derive(serde::Serialize)]
struct SheetCsvOut {
    csv: Option<String>,
    errors: Vec<ValidationError>,
}

/// A dataset's figures as CSV in the columns `readSheet` takes back. Never throws.
#[wasm_bindgen(js_name = writeSheet)]
pub fn write_sheet(dataset: JsValue) -> SheetCsvResultJs {
    let out = match read_dataset(&dataset) {
        Ok(ds) => SheetCsvOut {
            csv: Some(desk::sheet_write::write_sheet(&ds)),
            errors: Vec::new(),
        },
        Err(errors) => SheetCsvOut { csv: None, errors },
    };
    to_js(&out).unchecked_into()
}
