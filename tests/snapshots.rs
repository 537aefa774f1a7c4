#![cfg(not(target_arch = "wasm32"))]
//! The whole infographic as static HTML, zh and en, narrow and wide, interactive and static,
//! compared with the files in tests/snapshots/. They double as a gallery of the output.
//!
//! A missing file is written and the test fails, so CI never passes without a snapshot to compare
//! with; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them all after an intended change.

use revitalization_infographic::dataset::Dataset;
use revitalization_infographic::format::Lang;
use revitalization_infographic::stats;
use revitalization_infographic::view::{self, html::to_html, ViewOptions};
use std::path::PathBuf;

fn render(lang: Lang, width_px: f64, static_page: bool) -> String {
    let ds = Dataset::default_story().expect("the embedded dataset validates");
    let st = stats::compute(&ds);
    let mut o = ViewOptions::new(lang, width_px);
    o.static_page = static_page;
    let mut html = to_html(&view::build(&ds, &st, &o));
    html.push('\n');
    html
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
}

/// Where the first difference is, with some context on each side.
fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .char_indices()
        .zip(actual.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or_else(|| expected.len().min(actual.len()));
    let around = |s: &str| {
        let mut start = at.saturating_sub(120).min(s.len());
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + 120).min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        s.get(start..end).unwrap_or_default().to_owned()
    };
    format!(
        "first difference at byte {at} (snapshot {} bytes, now {} bytes)\n  snapshot: …{}…\n  now:      …{}…",
        expected.len(),
        actual.len(),
        around(expected),
        around(actual)
    )
}

fn check(name: &str, actual: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(name);
    let expected = std::fs::read_to_string(&path).ok();
    if updating() || expected.is_none() {
        std::fs::create_dir_all(&dir).expect("create tests/snapshots");
        std::fs::write(&path, actual).expect("write the snapshot");
        assert!(
            updating(),
            "{} did not exist and has been written: look at it, and commit it if it is right",
            path.display()
        );
        return;
    }
    let expected = expected.unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if the change is intended, rerun with \
         UPDATE_SNAPSHOTS=1 and review the diff\n{}",
        first_difference(&expected, actual)
    );
}

#[test]
fn zh_320() {
    check("zh-320.html", &render(Lang::Zh, 320.0, false));
}

#[test]
fn zh_960() {
    check("zh-960.html", &render(Lang::Zh, 960.0, false));
}

#[test]
fn en_320() {
    check("en-320.html", &render(Lang::En, 320.0, false));
}

#[test]
fn en_960() {
    check("en-960.html", &render(Lang::En, 960.0, false));
}

#[test]
fn zh_320_static() {
    check("zh-320-static.html", &render(Lang::Zh, 320.0, true));
}

#[test]
fn zh_960_static() {
    check("zh-960-static.html", &render(Lang::Zh, 960.0, true));
}

#[test]
fn en_320_static() {
    check("en-320-static.html", &render(Lang::En, 320.0, true));
}

#[test]
fn en_960_static() {
    check("en-960-static.html", &render(Lang::En, 960.0, true));
}

/// The static page is the no-JavaScript fallback: stacked whatever the width, so the widths
/// differ only in the charts' geometry.
#[test]
fn static_pages_differ_only_in_geometry() {
    for lang in [Lang::Zh, Lang::En] {
        let strip = |html: &str| {
            let mut out = String::new();
            let mut in_svg = 0usize;
            for part in html.split('<') {
                if part.starts_with("svg") {
                    in_svg += 1;
                }
                if in_svg == 0 {
                    out.push('<');
                    out.push_str(part);
                }
                if part.starts_with("/svg") {
                    in_svg = in_svg.saturating_sub(1);
                }
            }
            out
        };
        let narrow = render(lang, 320.0, true);
        let wide = render(lang, 960.0, true);
        assert_ne!(narrow, wide);
        assert_eq!(strip(&narrow), strip(&wide), "{lang:?}");
    }
}

/// Rendering is deterministic: the same input gives the same bytes.
#[test]
fn rendering_is_deterministic() {
    assert_eq!(
        render(Lang::Zh, 960.0, false),
        render(Lang::Zh, 960.0, false)
    );
}
