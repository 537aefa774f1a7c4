//! The schema's tables (`schema`) written out for other readers: TypeScript types, a JSON Schema (draft 2020-12) and the docs' field tables. Native and build-time only (build.rs includes this file beside `schema.rs`); names nothing else of the crate.

use super::schema::{
    Field, RelationType, Ty, KIND_RULES, MAX_ABS_VALUE, MEASURE_WORDS, RELATION_COMMON,
    RELATION_TYPES, SHAPES,
};

// ------------------------------------------------------------------------------------------
// TypeScript

fn ts_type(ty: &Ty) -> String {
    match ty {
        Ty::Str { .. } | Ty::Id | Ty::Ref { .. } | Ty::Url | Ty::Date => "string".into(),
        Ty::Number | Ty::Whole { .. } => "number".into(),
        Ty::Version => "1".into(),
        Ty::Keyword { ts, .. } => (*ts).into(),
        Ty::Text { .. } => "Text".into(),
        Ty::Unit => "Unit".into(),
        Ty::Object(shape) => shape.name.into(),
        Ty::List { of, .. } => format!("{}[]", ts_type(of)),
        Ty::Relation => "Relation".into(),
    }
}

fn ts_key(name: &str) -> String {
    if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        name.to_owned()
    } else {
        format!("\"{name}\"")
    }
}

fn ts_fields(out: &mut String, fields: &[Field]) {
    for f in fields {
        let q = if f.required { "" } else { "?" };
        out.push_str(&format!(
            "  /** {} */\n  {}{q}: {};\n",
            f.doc,
            ts_key(f.name),
            ts_type(&f.ty)
        ));
    }
}

fn ts_union(all: &[&str]) -> String {
    all.iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The dataset's TypeScript declarations, for the generated `.d.ts`.
pub fn typescript() -> String {
    let mut out = String::from("// The dataset's types, generated from src/dataset/schema.rs.\n");
    let mut keywords: Vec<(&str, &[&str])> = Vec::new();
    let mut note = |ty: &Ty| {
        let ty = match ty {
            Ty::List { of, .. } => of,
            other => other,
        };
        if let Ty::Keyword { ts, all, .. } = ty {
            if !keywords.iter().any(|(n, _)| n == ts) {
                keywords.push((ts, all));
            }
        }
    };
    for shape in SHAPES {
        shape.fields.iter().for_each(|f| note(&f.ty));
    }
    RELATION_COMMON.iter().for_each(|f| note(&f.ty));
    for (name, all) in keywords {
        out.push_str(&format!("export type {name} = {};\n", ts_union(all)));
    }
    out.push_str(&format!(
        "export type MeasureWord = {};\n",
        ts_union(&MEASURE_WORDS)
    ));
    out.push_str("/** The same text in each of the dataset's languages (`languages`: both by default). */\nexport interface Text { zh?: string; en?: string }\n");
    out.push_str("/** A measure word (which `written` may give) and, with English, its English noun. */\nexport interface Unit { zh?: MeasureWord; en?: string }\n");
    for shape in SHAPES {
        out.push_str(&format!(
            "/** {} */\nexport interface {} {{\n",
            shape.doc, shape.name
        ));
        ts_fields(&mut out, shape.fields);
        out.push_str("}\n");
    }
    let mut names = Vec::new();
    for RelationType {
        kind,
        ts: name,
        doc,
        inputs,
    } in RELATION_TYPES
    {
        names.push(*name);
        out.push_str(&format!("/** {doc} */\nexport interface {name} {{\n"));
        for f in RELATION_COMMON {
            if f.name == "type" {
                out.push_str(&format!("  /** {} */\n  type: \"{kind}\";\n", f.doc));
            } else {
                ts_fields(&mut out, std::slice::from_ref(f));
            }
        }
        for (input, doc) in *inputs {
            out.push_str(&format!("  /** {doc} */\n  {input}: string;\n"));
        }
        out.push_str("}\n");
    }
    out.push_str(&format!("export type Relation = {};\n", names.join(" | ")));
    out
}

// ------------------------------------------------------------------------------------------
// JSON Schema

fn js(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn enum_of(all: &[&str]) -> String {
    let items: Vec<String> = all.iter().map(|w| js(w)).collect();
    format!("[{}]", items.join(", "))
}

/// Non-blank, no control characters but a line break, no bidirectional controls. The
/// validator also refuses strings of only invisible characters, which a pattern cannot say
/// simply; a string with a visible character is what both require.
const TEXT_PATTERN: &str =
    "^[^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$";
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

fn string_schema(max: u32) -> String {
    format!(
        "{{\"type\": \"string\", \"minLength\": 1, \"maxLength\": {max}, \"pattern\": {}, \"not\": {{\"pattern\": \"^\\\\s*$\"}}}}",
        js(TEXT_PATTERN)
    )
}

fn schema_of(ty: &Ty) -> String {
    match *ty {
        Ty::Str { max } => string_schema(max),
        Ty::Id | Ty::Ref { .. } => format!(
            "{{\"type\": \"string\", \"maxLength\": 64, \"pattern\": {}}}",
            js(ID_PATTERN)
        ),
        Ty::Url => format!(
            "{{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 2000, \"pattern\": {}}}",
            js("^(?:[hH][tT][tT][pP][sS]?://\\S*|[^:/?#\\s]*(?:[/?#]\\S*)?)$")
        ),
        Ty::Date => "{\"type\": \"string\", \"pattern\": \"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$\"}".into(),
        Ty::Number => format!(
            "{{\"type\": \"number\", \"minimum\": -{MAX_ABS_VALUE:.0}, \"maximum\": {MAX_ABS_VALUE:.0}}}"
        ),
        Ty::Whole { min, max } => {
            format!("{{\"type\": \"integer\", \"minimum\": {min}, \"maximum\": {max}}}")
        }
        Ty::Version => "{\"const\": 1}".into(),
        Ty::Keyword { all, .. } => format!("{{\"enum\": {}}}", enum_of(all)),
        // Which languages a text must give depends on the dataset's `languages`: the
        // validator checks that; the schema asks for at least one.
        Ty::Text { max } => format!(
            "{{\"type\": \"object\", \"properties\": {{\"zh\": {s}, \"en\": {s}}}, \"minProperties\": 1, \"additionalProperties\": false}}",
            s = string_schema(max)
        ),
        Ty::Unit => "{\"$ref\": \"#/$defs/Unit\"}".into(),
        Ty::Object(shape) => format!("{{\"$ref\": \"#/$defs/{}\"}}", shape.name),
        Ty::List { of, min, max, .. } => format!(
            "{{\"type\": \"array\", \"minItems\": {min}, \"maxItems\": {max}, \"items\": {}}}",
            schema_of(of)
        ),
        Ty::Relation => "{\"$ref\": \"#/$defs/Relation\"}".into(),
    }
}

fn with_doc(schema: &str, doc: &str) -> String {
    match schema.strip_prefix('{') {
        Some(rest) if rest != "}" => format!("{{\"description\": {}, {rest}", js(doc)),
        _ => format!("{{\"description\": {}}}", js(doc)),
    }
}

fn object_schema(doc: &str, fields: &[&Field], consts: &[(&str, &str)], extra: &str) -> String {
    let mut props: Vec<String> = fields
        .iter()
        .map(|f| format!("{}: {}", js(f.name), with_doc(&schema_of(&f.ty), f.doc)))
        .collect();
    for (name, value) in consts {
        if let Some(p) = props.iter_mut().find(|p| p.starts_with(&js(name))) {
            *p = format!("{}: {{\"const\": {}}}", js(name), js(value));
        }
    }
    let required: Vec<String> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| js(f.name))
        .collect();
    format!(
        "{{\"description\": {}, \"type\": \"object\", \"properties\": {{{}}}, \"required\": [{}], \"additionalProperties\": false{extra}}}",
        js(doc),
        props.join(", "),
        required.join(", ")
    )
}

/// A figure's limits by kind (`KIND_RULES`), as `if`/`then` pairs.
fn kind_rules() -> String {
    let rules: Vec<String> = KIND_RULES
        .iter()
        .map(|(kind, least, most, needs_unit)| {
            let mut then = Vec::new();
            let mut value = vec!["\"type\": \"number\"".to_owned()];
            if let Some(l) = least {
                value.push(format!("\"minimum\": {l}"));
            }
            if let Some(m) = most {
                value.push(format!("\"maximum\": {m}"));
            }
            if value.len() > 1 {
                then.push(format!("\"properties\": {{\"value\": {{{}}}}}", value.join(", ")));
            }
            if *needs_unit {
                // The measure word may come from `written`.
                then.push(
                    "\"anyOf\": [{\"required\": [\"unit\"]}, {\"required\": [\"written\"]}]"
                        .to_owned(),
                );
            }
            format!(
                "{{\"if\": {{\"properties\": {{\"kind\": {{\"const\": {}}}}}, \"required\": [\"kind\"]}}, \"then\": {{{}}}}}",
                js(kind),
                then.join(", ")
            )
        })
        .collect();
    // A figure gives its value and kind, or its written form (which says both).
    let given =
        "{\"anyOf\": [{\"required\": [\"value\", \"kind\"]}, {\"required\": [\"written\"]}]}";
    format!(", \"allOf\": [{given}, {}]", rules.join(", "))
}

/// The dataset's JSON Schema (draft 2020-12), published as `dist/dataset.schema.json`.
pub fn json_schema() -> String {
    let mut defs: Vec<String> = Vec::new();
    for shape in SHAPES.iter().skip(1) {
        let fields: Vec<&Field> = shape.fields.iter().collect();
        let extra = if shape.name == "Figure" {
            kind_rules()
        } else {
            String::new()
        };
        defs.push(format!(
            "{}: {}",
            js(shape.name),
            object_schema(shape.doc, &fields, &[], &extra)
        ));
    }
    defs.push(format!(
        "\"Unit\": {{\"description\": \"A measure word (which `written` may give) and, with English, its English noun.\", \"type\": \"object\", \"properties\": {{\"zh\": {{\"enum\": {}}}, \"en\": {}}}, \"minProperties\": 1, \"additionalProperties\": false}}",
        enum_of(&MEASURE_WORDS),
        string_schema(40)
    ));
    let mut variants = Vec::new();
    for RelationType {
        kind,
        ts: name,
        doc,
        inputs,
    } in RELATION_TYPES
    {
        let input_fields: Vec<Field> = inputs
            .iter()
            .map(|(input, doc)| Field {
                name: input,
                ty: Ty::Ref { relation: false },
                required: true,
                doc,
            })
            .collect();
        let fields: Vec<&Field> = RELATION_COMMON.iter().chain(&input_fields).collect();
        defs.push(format!(
            "{}: {}",
            js(name),
            object_schema(doc, &fields, &[("type", kind)], "")
        ));
        variants.push(format!("{{\"$ref\": \"#/$defs/{name}\"}}"));
    }
    defs.push(format!(
        "\"Relation\": {{\"description\": \"What follows from the figures; its type decides its inputs.\", \"oneOf\": [{}]}}",
        variants.join(", ")
    ));
    let root = object_schema(
        SHAPES.first().map_or("", |s| s.doc),
        &SHAPES
            .first()
            .map(|s| s.fields.iter().collect::<Vec<_>>())
            .unwrap_or_default(),
        &[],
        &format!(", \"$defs\": {{{}}}", defs.join(", ")),
    );
    let body = root.strip_prefix('{').unwrap_or(&root);
    format!(
        "{{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"revitalization-infographic dataset\", {body}\n"
    )
}

// ------------------------------------------------------------------------------------------
// Docs

fn doc_type(ty: &Ty) -> String {
    match *ty {
        Ty::Str { max } => format!("string (≤ {max} characters)"),
        Ty::Id => "id (a–z, 0–9, -)".into(),
        Ty::Ref { relation: false } => "id of a figure".into(),
        Ty::Ref { relation: true } => "id of a relation".into(),
        Ty::Url => "URL (http, https or relative)".into(),
        Ty::Date => "date YYYY-MM-DD".into(),
        Ty::Number => "number (finite, |n| ≤ 10¹⁵)".into(),
        Ty::Whole { min, max } => format!("whole number {min}–{max}"),
        Ty::Version => "1".into(),
        Ty::Keyword { all, .. } => all
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(" \\| "),
        Ty::Text { max } => {
            format!("Text {{zh, en}} in the dataset's languages (≤ {max} characters each)")
        }
        Ty::Unit => "Unit {zh: measure word, en: noun}".into(),
        Ty::Object(shape) => shape.name.into(),
        Ty::List { of, min, max, .. } => format!("list of {} ({min}–{max})", doc_type(of)),
        Ty::Relation => "Relation".into(),
    }
}

fn doc_rows(out: &mut String, fields: &[Field]) {
    out.push_str("| field | type | required | description |\n|---|---|---|---|\n");
    for f in fields {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            f.name,
            doc_type(&f.ty),
            if f.required { "yes" } else { "no" },
            f.doc.replace('|', "\\|")
        ));
    }
}

/// The docs' field tables, in Markdown.
pub fn markdown() -> String {
    let mut out = String::new();
    for shape in SHAPES {
        out.push_str(&format!("### {}\n\n{}\n\n", shape.name, shape.doc));
        doc_rows(&mut out, shape.fields);
        out.push('\n');
    }
    out.push_str(
        "### Relation\n\nEvery relation has these fields, and the inputs of its type.\n\n",
    );
    doc_rows(&mut out, RELATION_COMMON);
    out.push_str("\n| type | inputs (figure ids) | what it does |\n|---|---|---|\n");
    for RelationType {
        kind, doc, inputs, ..
    } in RELATION_TYPES
    {
        let names: Vec<String> = inputs.iter().map(|(n, _)| format!("`{n}`")).collect();
        out.push_str(&format!("| `{kind}` | {} | {doc} |\n", names.join(", ")));
    }
    out.push_str("\n### Limits by kind\n\n| kind | least value | greatest value | unit |\n|---|---|---|---|\n");
    for (kind, least, most, unit) in KIND_RULES {
        let show = |v: &Option<f64>| v.map_or("—".to_owned(), |v| format!("{v}"));
        out.push_str(&format!(
            "| `{kind}` | {} | {} | {} |\n",
            show(least),
            show(most),
            if *unit { "required" } else { "none" }
        ));
    }
    out.push_str(&format!(
        "\nMeasure words (`unit.zh`): {}.\n",
        MEASURE_WORDS.join(" ")
    ));
    out
}
