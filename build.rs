//! Minifies what the wasm embeds, into OUT_DIR: the story's JSON (whitespace outside strings)
//! and the widget's CSS (comments, and whitespace around braces and semicolons). The sources
//! stay readable; the reader downloads about 1.2 KB (gzip) less. Also writes the dataset's
//! TypeScript types from its schema (src/dataset/schema.rs), for the generated `.d.ts`.

use std::error::Error;
use std::{env, fs, path::Path};

// The dataset's schema and its TypeScript writer, shared with the crate (src/dataset/).
#[allow(dead_code)]
#[path = "src/dataset/emit.rs"]
mod emit;
#[allow(dead_code)]
#[path = "src/dataset/schema.rs"]
mod schema;

fn main() -> Result<(), Box<dyn Error>> {
    let out = env::var("OUT_DIR")?;
    println!("cargo:rerun-if-changed=data/xian-2022.json");
    println!("cargo:rerun-if-changed=www/infographic.css");
    println!("cargo:rerun-if-changed=src/dataset/schema.rs");
    println!("cargo:rerun-if-changed=src/dataset/emit.rs");
    fs::write(Path::new(&out).join("dataset.d.ts"), emit::typescript())?;
    let json = fs::read_to_string("data/xian-2022.json")?;
    fs::write(Path::new(&out).join("story.min.json"), minify_json(&json))?;
    let css = fs::read_to_string("www/infographic.css")?;
    fs::write(
        Path::new(&out).join("infographic.min.css"),
        minify_css(&css),
    )?;
    Ok(())
}

/// JSON without the whitespace between tokens; strings (escapes included) are kept as they are.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// CSS without comments, with runs of whitespace made one space and none beside `{`, `}`, `;`
/// or after `,` (outside quoted strings, which are kept as they are). A space before `:` stays:
/// in a selector (`.ri :focus`) it is a combinator.
fn minify_css(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                plain.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                plain.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                if !plain.ends_with(' ') {
                    plain.push(' ');
                }
            }
            None if c.is_whitespace() => {
                if !plain.ends_with(' ') {
                    plain.push(' ');
                }
            }
            None => plain.push(c),
        }
    }
    // Spaces next to braces, semicolons and after commas (never inside a string: none of the
    // widget's strings holds those characters next to a space).
    let mut out = String::with_capacity(plain.len());
    let bytes: Vec<char> = plain.chars().collect();
    for (i, &c) in bytes.iter().enumerate() {
        if c == ' ' {
            let prev = if i > 0 { bytes[i - 1] } else { '{' };
            let next = bytes.get(i + 1).copied().unwrap_or('}');
            if matches!(prev, '{' | '}' | ';' | ',') || matches!(next, '{' | '}' | ';') {
                continue;
            }
        }
        out.push(c);
    }
    out.trim().to_owned()
}
