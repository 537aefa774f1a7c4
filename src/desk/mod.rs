//! The desk's work on an article, done once at publish time and never in a reader's module: `draft` turns the text into a dataset, `check` holds each figure against its sentence, `sheet` reads a spreadsheet of figures and `sheet_write` writes one. Pure core; the desk's wasm module exports it (feature `desk`).

pub mod check;
pub mod draft;
pub mod sheet;
pub mod sheet_write;

pub use check::check;
pub use draft::{draft, Draft};
