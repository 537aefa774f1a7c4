//! The native command: the infographic as static HTML (the no-JavaScript fallback), the derived figures as JSON, a dataset checked, the dataset's schema written out.

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use revitalization_infographic::dataset::{self, emit, Dataset, ValidationError};
    use revitalization_infographic::format::Lang;
    use revitalization_infographic::view::{self, html::to_html, ViewOptions};
    use revitalization_infographic::{desk, stats, view::export};
    use std::io::Write;
    use std::process::ExitCode;

    const USAGE: &str = "usage:
      revitalization-infographic html   [--lang zh|en] [--dataset FILE] [--width PX] [--group] [--id-prefix P]
      revitalization-infographic stats  [--dataset FILE]
      revitalization-infographic check  [--dataset FILE] [--article FILE]
      revitalization-infographic seal   [--dataset FILE]
      revitalization-infographic draft  ARTICLE.txt
      revitalization-infographic csv    [--lang zh|en] [--dataset FILE]
      revitalization-infographic svg    [--lang zh|en] [--dataset FILE]
      revitalization-infographic schema [--json | --typescript | --markdown]
      revitalization-infographic help

    html   writes the infographic's content as semantic HTML to stdout (the fallback a page
           keeps inside <revitalization-infographic> when JavaScript or WebAssembly is missing)
    stats  writes the derived figures and consistency checks as JSON
    check  validates a dataset (errors to stderr with their paths, exit status 1), then holds
           every figure against its sentence and, with --article, every sentence against the
           article (warnings to stderr; exit status 0)
    seal   checks a dataset as `check` does (errors to stderr, exit status 1) and writes it to
           stdout sealed: its text with a hash of it put first, so the reader's module, which
           embed.js loads, shows it without checking it again; `seal --dataset s.json > x.json`
    draft  reads a Chinese news article and writes a draft dataset to stdout, with what to
           review on stderr; `draft a.txt > story.json`
    csv    writes the figures as CSV; svg writes the graphic as a standalone SVG
    schema writes the dataset's JSON Schema (draft 2020-12; the default), its TypeScript
           types, or the docs' field tables, all from one declaration (src/dataset/schema.rs)
    help   (or --help, -h) prints this
    Without --dataset, the embedded Xi'an story is used.";

    struct Args {
        command: String,
        lang: Lang,
        dataset: Option<String>,
        width_px: f64,
        group: bool,
        id_prefix: Option<String>,
        /// `schema`'s output: --json, --typescript or --markdown.
        format: String,
        article: Option<String>,
        /// `draft`'s article.
        input: Option<String>,
    }

    fn parse_args() -> Result<Args, String> {
        let mut it = std::env::args().skip(1);
        let command = it.next().ok_or("missing command")?;
        if matches!(command.as_str(), "help" | "--help" | "-h") {
            return Err(String::new());
        }
        let mut args = Args {
            command,
            lang: Lang::Zh,
            dataset: None,
            width_px: 720.0,
            group: false,
            id_prefix: None,
            format: "--json".to_owned(),
            article: None,
            input: None,
        };
        while let Some(a) = it.next() {
            match a.as_str() {
                "--lang" => {
                    let v = it.next().ok_or("--lang needs a value: zh or en")?;
                    args.lang = Lang::parse(&v).ok_or(format!("invalid --lang: {v} (zh or en)"))?;
                }
                "--dataset" => args.dataset = Some(it.next().ok_or("--dataset needs a file")?),
                "--width" => {
                    let v = it.next().ok_or("--width needs a number of px")?;
                    args.width_px = v
                        .parse::<f64>()
                        .ok()
                        .filter(|w| (280.0..=4000.0).contains(w))
                        .ok_or(format!("invalid --width: {v} (280 to 4000)"))?;
                }
                "--group" => args.group = true,
                "--article" => args.article = Some(it.next().ok_or("--article needs a file")?),
                file if args.command == "draft"
                    && args.input.is_none()
                    && !file.starts_with('-') =>
                {
                    args.input = Some(file.to_owned())
                }
                "--json" | "--typescript" | "--markdown" if args.command == "schema" => {
                    args.format = a
                }
                "--id-prefix" => {
                    let v = it.next().ok_or("--id-prefix needs a value")?;
                    if v.is_empty()
                        || !v
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    {
                        return Err(format!(
                            "invalid --id-prefix: {v} (letters, digits, - and _)"
                        ));
                    }
                    args.id_prefix = Some(v);
                }
                "-h" | "--help" => return Err(String::new()),
                other => return Err(format!("unknown argument: {other}")),
            }
        }
        Ok(args)
    }

    fn load(path: Option<&str>) -> Result<Dataset, Vec<ValidationError>> {
        match path {
            None => Dataset::default_story(),
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| {
                    vec![ValidationError {
                        path: String::new(),
                        message: format!("cannot read {p}: {e}"),
                    }]
                })?;
                dataset::parse_json(&text)
            }
        }
    }

    /// A complete HTML fragment: the fallback goes inside the placeholder element as is.
    /// Element ids carry the language by default (`ri-zh-title`), so a page can hold a zh and
    /// an en fallback; `--id-prefix` tells two of one language apart.
    pub fn static_html(
        ds: &Dataset,
        lang: Lang,
        width_px: f64,
        group: bool,
        id_prefix: Option<&str>,
    ) -> String {
        let st = stats::compute(ds);
        let mut o = ViewOptions::new(lang, width_px);
        o.static_page = true;
        o.group_zh = group;
        o.id_prefix = match id_prefix {
            Some(p) => p.to_owned(),
            None => format!("ri-{}-", lang.as_str()),
        };
        to_html(&view::build(ds, &st, &o))
    }

    /// `draft ARTICLE`: the draft dataset on stdout, what to review on stderr.
    fn draft(path: Option<&str>) -> ExitCode {
        let Some(path) = path else {
            eprintln!("error: draft needs the article's file\n{USAGE}");
            return ExitCode::from(2);
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        };
        let d = desk::draft(&text);
        for n in &d.notes {
            eprintln!("review: {n}");
        }
        if let Err(errors) = dataset::validate(&d.dataset) {
            for e in &errors {
                eprintln!("error: the draft does not validate: {e}");
            }
        }
        match serde_json::to_string_pretty(&d.dataset) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        }
    }

    /// `seal [--dataset FILE]`: the sealed text on stdout, or the errors on stderr.
    fn seal(path: Option<&str>) -> ExitCode {
        let text = match path {
            None => dataset::DEFAULT_JSON.to_owned(),
            Some(p) => match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: cannot read {p}: {e}");
                    return ExitCode::from(1);
                }
            },
        };
        match dataset::seal::seal(&text) {
            Ok(sealed) => {
                println!("{sealed}");
                ExitCode::SUCCESS
            }
            Err(errors) => {
                eprintln!(
                    "{}: {} error(s):",
                    path.unwrap_or("(embedded dataset)"),
                    errors.len()
                );
                for e in &errors {
                    eprintln!("  {e}");
                }
                ExitCode::from(1)
            }
        }
    }

    pub fn main() -> ExitCode {
        let args = match parse_args() {
            Ok(a) => a,
            // Asked for: the usage on stdout, success.
            Err(e) if e.is_empty() => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("error: {e}");
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        if args.command == "draft" {
            return draft(args.input.as_deref());
        }
        if args.command == "schema" {
            let out = match args.format.as_str() {
                "--typescript" => emit::typescript(),
                "--markdown" => emit::markdown(),
                // Indented for people and diffs; the emitter writes it compact.
                _ => match serde_json::from_str::<serde_json::Value>(&emit::json_schema())
                    .and_then(|v| serde_json::to_string_pretty(&v))
                {
                    Ok(text) => text + "\n",
                    Err(e) => {
                        eprintln!("error: the JSON Schema is not JSON: {e}");
                        return ExitCode::from(1);
                    }
                },
            };
            print!("{out}");
            return ExitCode::SUCCESS;
        }
        if args.command == "seal" {
            return seal(args.dataset.as_deref());
        }
        let ds = match load(args.dataset.as_deref()) {
            Ok(ds) => ds,
            Err(errors) => {
                let name = args.dataset.as_deref().unwrap_or("(embedded dataset)");
                eprintln!("{name}: {} error(s):", errors.len());
                for e in &errors {
                    eprintln!("  {e}");
                }
                return ExitCode::from(1);
            }
        };
        let out = match args.command.as_str() {
            "html" => static_html(
                &ds,
                ds.language_or_first(args.lang),
                args.width_px,
                args.group,
                args.id_prefix.as_deref(),
            ),
            "stats" => match serde_json::to_string_pretty(&stats::compute(&ds)) {
                Ok(json) => json,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                }
            },
            "check" => {
                let st = stats::compute(&ds);
                let warnings: Vec<_> = st.warnings().collect();
                for w in &warnings {
                    eprintln!("warning: {}: {}", w.id, w.message.en);
                }
                let article = match args.article.as_deref().map(std::fs::read_to_string) {
                    None => None,
                    Some(Ok(text)) => Some(text),
                    Some(Err(e)) => {
                        eprintln!("error: cannot read the article: {e}");
                        return ExitCode::from(1);
                    }
                };
                let sentences = desk::check(&ds, article.as_deref());
                for w in &sentences {
                    eprintln!("warning: {w}");
                }
                format!(
                    "ok: {} figures, {} derived, {} checks, {} warnings",
                    ds.figures().count(),
                    st.derived.len(),
                    st.checks.len(),
                    warnings.len() + sentences.len()
                )
            }
            "csv" => export::csv(&ds, args.lang),
            "svg" => export::export_svg(&ds, &stats::compute(&ds), args.lang),
            other => {
                eprintln!("error: unknown command: {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
        let mut stdout = std::io::stdout().lock();
        match writeln!(stdout, "{out}") {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The command is native only; the wasm build is the library.
#[cfg(target_arch = "wasm32")]
fn main() {}
