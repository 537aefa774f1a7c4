//! The crate's rooms: the pure core (json, decimal, format, dataset, stats, view), built and tested natively with no web crate in its graph, and the browser edge (exports, boundary, dom), which exists only in the wasm build.
//!
//! The web crates are dependencies of the wasm32 target alone (Cargo.toml), so a core module
//! that named `web_sys`, `js_sys` or `wasm_bindgen` would not compile natively: `cargo test`
//! proves the line holds.

pub mod alloc;
pub mod dataset;
pub mod decimal;
// The desk's code (drafting, checking, the article reader) is compiled natively (the command,
// the tests) and into the desk's module, never into the reader's: even dead, its constants
// moved the reader's bytes about.
#[cfg(any(feature = "desk", not(target_arch = "wasm32")))]
pub mod desk;
pub mod format;
pub mod idmap;
pub mod json;
#[cfg(any(feature = "desk", not(target_arch = "wasm32")))]
pub mod reader;
pub mod stats;
pub mod view;
pub mod written;

#[cfg(target_arch = "wasm32")]
mod boundary;
#[cfg(all(target_arch = "wasm32", feature = "desk"))]
mod desk_exports;
#[cfg(all(target_arch = "wasm32", not(feature = "lean")))]
mod dev_exports;
#[cfg(all(target_arch = "wasm32", not(feature = "lean")))]
pub use dev_exports::*;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
pub use exports::*;
