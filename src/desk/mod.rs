//! The desk's work on an article, done once at publish time and never in a reader's module: `draft` turns the text into a dataset, `check` holds each figure against its sentence. Pure core; the desk's wasm module exports it (feature `desk`).

pub mod check;
pub mod draft;
pub mod sheet;

pub use check::check;
pub use draft::{draft, Draft};
