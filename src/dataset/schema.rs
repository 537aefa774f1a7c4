//! The dataset's schema, declared once: every field's name, type, limits, allowed values and description. The validator walks these tables; the TypeScript types, the JSON Schema and the docs are written from them (`emit`). Plain data: it names nothing else of the crate (build.rs reads this file too).

pub const SCHEMA_VERSION: f64 = 1.0;
pub const MAX_SECTIONS: usize = 64;
pub const MAX_FIGURES: usize = 50_000;
pub const MAX_RELATIONS: usize = 10_000;
pub const MAX_NOTES: usize = 20;
/// Beyond this a figure is a typo, and f64 no longer holds every integer exactly (2^53 ≈ 9.007e15).
pub const MAX_ABS_VALUE: f64 = 1e15;
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_LABEL_CHARS: usize = 200;
pub const MAX_SENTENCE_CHARS: usize = 1000;
pub const MAX_UNIT_CHARS: usize = 40;
pub const MAX_URL_CHARS: usize = 2000;

/// Chinese measure words and units a figure may carry: every unit the article reader
/// (`crate::reader`) reports, so a drafted dataset always validates (a test holds the two
/// together). Anything else is a typo, or a new unit to add to both.
pub const MEASURE_WORDS: [&str; 95] = [
    "元",
    "人",
    "人次",
    "名",
    "支",
    "所",
    "个",
    "项",
    "家",
    "种",
    "组",
    "类",
    "户",
    "次",
    "村",
    "座",
    "条",
    "台",
    "套",
    "亩",
    "吨",
    "公里",
    "美元",
    "欧元",
    "港元",
    "日元",
    "英镑",
    "公斤/亩",
    "公斤/公顷",
    "斤/亩",
    "吨/亩",
    "千公顷",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "千克",
    "千米",
    "公顷",
    "公斤",
    "海里",
    "毫升",
    "岁",
    "斤",
    "米",
    "克",
    "升",
    "度",
    "户次",
    "家次",
    "架次",
    "车次",
    "县",
    "镇",
    "乡",
    "张",
    "辆",
    "件",
    "处",
    "间",
    "只",
    "头",
    "株",
    "棵",
    "册",
    "部",
    "批",
    "场",
    "例",
    "位",
    "艘",
    "架",
    "栋",
    "幢",
    "份",
    "篇",
    "门",
    "根",
    "口",
    "匹",
    "宗",
    "笔",
    "起",
    "块",
    "片",
    "本",
    "期",
    "轮",
    "班",
    "队",
    "床",
    "剂",
    "倍",
];

/// The measure words of `MEASURE_WORDS` that are physical units: a figure in one is of kind
/// `measure` (the rest count things: 人, 所, 个).
pub const MEASURES: &[&str] = &[
    "亩",
    "吨",
    "公里",
    "公斤/亩",
    "公斤/公顷",
    "斤/亩",
    "吨/亩",
    "千公顷",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "千克",
    "千米",
    "公顷",
    "公斤",
    "海里",
    "毫升",
    "岁",
    "斤",
    "米",
    "克",
    "升",
    "度",
    "美元",
    "欧元",
    "港元",
    "日元",
    "英镑",
];

pub const KINDS: &[&str] = &["count", "money", "share", "change", "points", "measure"];
pub const LANGUAGES: &[&str] = &["zh", "en"];
/// The longest `written` form of a figure ("1.3万亿斤", "80%以上").
pub const MAX_WRITTEN_CHARS: usize = 40;
pub const QUALIFIERS: &[&str] = &["exact", "at-least", "about", "at-most"];
pub const NOTATIONS: &[&str] = &["auto", "full", "wan", "yi", "hanzi"];

/// What a value must be. Strings are never blank, never hold control characters (other than a
/// line break) or bidirectional controls.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// A string of at most `max` characters.
    Str {
        max: u32,
    },
    /// A lowercase identifier: letters a–z, digits and '-', not starting with '-'.
    Id,
    /// The id of a figure (or, `relation: true`, of a relation) elsewhere in the document.
    Ref {
        relation: bool,
    },
    /// An http(s) or relative link.
    Url,
    /// A calendar date, YYYY-MM-DD.
    Date,
    /// A finite number of at most `MAX_ABS_VALUE` in absolute value; per-kind limits in `KIND_RULES`.
    Number,
    /// A whole number from `min` to `max`.
    Whole {
        min: u8,
        max: u8,
    },
    /// Exactly this number: the schema version.
    Version,
    /// One of a closed list of words; `what` names it in messages, `ts` is its TypeScript name.
    Keyword {
        what: &'static str,
        ts: &'static str,
        all: &'static [&'static str],
    },
    /// The same text in Chinese and English: `{ "zh": …, "en": … }`, each of at most `max` characters.
    Text {
        max: u32,
    },
    /// `{ "zh": a measure word from MEASURE_WORDS, "en": the English noun }`.
    Unit,
    Object(&'static Shape),
    /// `noun` names an item in the message for an empty list.
    List {
        of: &'static Ty,
        min: u32,
        max: u32,
        noun: &'static str,
    },
    /// A relation: its `type` decides which input fields it has (`RELATION_TYPES`).
    Relation,
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
}

#[derive(Debug)]
pub struct Shape {
    /// The TypeScript interface and JSON Schema `$defs` name.
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
}

/// Descriptions are for the TypeScript, the JSON Schema and the docs, written natively; the
/// reader's wasm carries none of their text.
pub const fn doc_text(doc: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        doc
    }
}

const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc: doc_text(doc),
    }
}

const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc: doc_text(doc),
    }
}

const LABEL: Ty = Ty::Text {
    max: MAX_LABEL_CHARS as u32,
};
const SENTENCE: Ty = Ty::Text {
    max: MAX_SENTENCE_CHARS as u32,
};

pub const DATASET: Shape = Shape {
    name: "Dataset",
    doc: doc_text("A news story's figures: the document a widget renders (`data/xian-2022.json` is the Xi'an story)."),
    fields: &[
        opt("checked", Ty::Str { max: 16 }, "The desk's seal, written first by `revitalization-infographic seal` and the editor: a hash of the checked text, so that a reader's phone renders it without checking it again. Any later edit breaks it, and the text is then checked in full (ignored otherwise)."),
        opt("$schema", Ty::Str { max: MAX_URL_CHARS as u32 }, "Where the JSON Schema is, for editors that validate and complete while a desk writes (ignored by the widget)."),
        req("schema", Ty::Version, "The schema version: 1."),
        opt("languages", Ty::List { of: &Ty::Keyword { what: "language", ts: "Lang", all: LANGUAGES }, min: 1, max: 2, noun: "language" }, "The languages the dataset is written in, each once: [\"zh\"], [\"en\"] or [\"zh\", \"en\"] (the default). Every text gives exactly these; a one-language widget has no language switch."),
        req("story", Ty::Object(&STORY), "The story: title, dek, date, source, notes, the hero figure."),
        req("sections", Ty::List { of: &Ty::Object(&SECTION), min: 1, max: MAX_SECTIONS as u32, noun: "section" }, "The story's sections, in order; at most 50,000 figures in all."),
        opt("relations", Ty::List { of: &Ty::Relation, min: 0, max: MAX_RELATIONS as u32, noun: "relation" }, "What follows from the figures: derived figures and consistency checks."),
    ],
};

pub const STORY: Shape = Shape {
    name: "Story",
    doc: doc_text("The story the figures come from."),
    fields: &[
        req(
            "id",
            Ty::Id,
            "The story's id; names the CSV and SVG downloads.",
        ),
        req("title", LABEL, "The headline."),
        req("dek", SENTENCE, "One line under the headline."),
        req("date", Ty::Date, "The article's date, YYYY-MM-DD."),
        req("source", Ty::Object(&SOURCE), "Who published the article."),
        opt(
            "notes",
            Ty::List {
                of: &SENTENCE,
                min: 0,
                max: MAX_NOTES as u32,
                noun: "note",
            },
            "Notes shown in the footer.",
        ),
        opt(
            "hero",
            Ty::Object(&HERO),
            "The figure shown large at the top, with its change.",
        ),
    ],
};

pub const SOURCE: Shape = Shape {
    name: "Source",
    doc: doc_text("The publisher of the article."),
    fields: &[
        req("name", LABEL, "The publisher's name."),
        opt("editor", LABEL, "The article's editor."),
        opt(
            "url",
            Ty::Url,
            "The article's address: http, https or relative only.",
        ),
    ],
};

pub const HERO: Shape = Shape {
    name: "Hero",
    doc: doc_text("The figure shown large at the top, and what the story says about its change."),
    fields: &[
        req(
            "figure",
            Ty::Ref { relation: false },
            "The id of the figure shown large.",
        ),
        opt(
            "previous",
            Ty::Ref { relation: true },
            "The id of a relation whose result is the previous level.",
        ),
        opt(
            "increase",
            Ty::Ref { relation: false },
            "The id of the figure that is the increase.",
        ),
        opt(
            "rate",
            Ty::Ref { relation: false },
            "The id of the figure that is the growth rate.",
        ),
    ],
};

pub const SECTION: Shape = Shape {
    name: "Section",
    doc: doc_text("A section of the story: a tab of the widget."),
    fields: &[
        req("id", Ty::Id, "The section's id."),
        req("title", LABEL, "The section's title (the tab's name)."),
        req(
            "figures",
            Ty::List {
                of: &Ty::Object(&FIGURE),
                min: 1,
                max: MAX_FIGURES as u32,
                noun: "figure",
            },
            "The section's figures, in order.",
        ),
    ],
};

pub const FIGURE: Shape = Shape {
    name: "Figure",
    doc: doc_text("One figure of the article, with the sentence it comes from."),
    fields: &[
        req("id", Ty::Id, "The figure's id; figures and relations share one namespace."),
        req("label", LABEL, "What the figure counts."),
        opt("value", Ty::Number, "In the base unit (元, not 万元); shares and changes in percent (0–100 for a share), points in percentage points. Counts, amounts and measures are never negative. Required unless `written` gives it; when both are given they must agree."),
        opt("high", Ty::Number, "For a range (2至3个, 5—10万): its high end, in the unit of `value`, which is the low end."),
        opt("written", Ty::Str { max: MAX_WRITTEN_CHARS as u32 }, "The figure as the article writes it (\"10.79万人\", \"80%以上\", \"九项\", \"近70%\"): read with the rules numbers are written with, it gives the value, kind, unit, qualifier and notation; any of those also given must agree with it."),
        opt("kind", Ty::Keyword { what: "kind", ts: "Kind", all: KINDS }, "count, money (in 元), share (a percentage of a whole), change (a growth rate in percent), points (percentage points) or measure (a physical quantity: 亩, 吨). Required unless `written` gives it."),
        opt("unit", Ty::Unit, "Required for counts, amounts and measures (its zh may come from `written`): the measure word and, in a dataset with English, the English noun."),
        opt("qualifier", Ty::Keyword { what: "qualifier", ts: "Qualifier", all: QUALIFIERS }, "How the article qualifies it: exact (default), at-least (以上), about (约), at-most (以下)."),
        opt("notation", Ty::Keyword { what: "notation", ts: "Notation", all: NOTATIONS }, "How the article writes it: full (default, 16317), wan (10.5万), yi (1.57亿), hanzi (九), auto."),
        req("source", Ty::Str { max: MAX_SENTENCE_CHARS as u32 }, "The article's sentence it comes from, verbatim."),
        opt("term", LABEL, "The article's own name for the thing (“一办九组”)."),
        opt("wording", LABEL, "How the article words a figure it does not write as a number (“全覆盖”)."),
        opt("group", Ty::Id, "Figures of one section with the same group are comparable: one bar chart."),
        opt("note", SENTENCE, "A note shown in the figure's tooltip."),
    ],
};

/// The fields every relation has, besides its inputs.
pub const RELATION_COMMON: &[Field] = &[
    req("id", Ty::Id, "The relation's id."),
    req(
        "type",
        Ty::Keyword {
            what: "relation type",
            ts: "RelationType",
            all: &["difference", "ratio", "growth", "share-total", "part-of"],
        },
        "What it computes; decides the input fields.",
    ),
    req("label", LABEL, "The derived figure's label."),
    opt(
        "unit",
        Ty::Text {
            max: MAX_UNIT_CHARS as u32,
        },
        "The derived figure's unit, when it has one of its own.",
    ),
    opt(
        "decimals",
        Ty::Whole { min: 0, max: 6 },
        "Fraction digits the derived figure is shown with (default 1).",
    ),
];

/// A relation type: its name, its TypeScript interface, what it computes and its input fields
/// (figure ids, in formula order) with what each is.
#[derive(Debug)]
pub struct RelationType {
    pub kind: &'static str,
    pub ts: &'static str,
    pub doc: &'static str,
    pub inputs: &'static [(&'static str, &'static str)],
}

const fn rel(
    kind: &'static str,
    ts: &'static str,
    doc: &'static str,
    inputs: &'static [(&'static str, &'static str)],
) -> RelationType {
    RelationType {
        kind,
        ts,
        doc: doc_text(doc),
        inputs,
    }
}

pub const RELATION_TYPES: &[RelationType] = &[
    rel(
        "difference",
        "DifferenceRelation",
        "minuend − subtrahend (the previous level: this year's minus the increase).",
        &[
            ("minuend", doc_text("The figure subtracted from.")),
            ("subtrahend", doc_text("The figure subtracted.")),
        ],
    ),
    rel(
        "ratio",
        "RatioRelation",
        "numerator ÷ denominator (cadres per team).",
        &[
            ("numerator", doc_text("The figure divided.")),
            ("denominator", doc_text("The figure divided by.")),
        ],
    ),
    rel(
        "growth",
        "GrowthRelation",
        "Checks that a level, its increase and its growth rate agree within rounding.",
        &[
            ("level", doc_text("This year's level.")),
            ("increase", doc_text("The increase over last year.")),
            ("rate", doc_text("The growth rate, in percent.")),
        ],
    ),
    rel(
        "share-total",
        "ShareTotalRelation",
        "part ÷ share: the whole a share implies (2888 at 78.08% → about 3699).",
        &[
            ("part", doc_text("The part, a count.")),
            ("share", doc_text("Its share of the whole, in percent.")),
        ],
    ),
    rel(
        "part-of",
        "PartOfRelation",
        "Checks that a part is not larger than its whole.",
        &[
            ("part", doc_text("The part.")),
            ("whole", doc_text("The whole.")),
        ],
    ),
];

/// The limits a figure's value and unit have by kind: (kind, least value, greatest, unit required).
pub const KIND_RULES: &[(&str, Option<f64>, Option<f64>, bool)] = &[
    ("count", Some(0.0), None, true),
    ("money", Some(0.0), None, true),
    ("share", Some(0.0), Some(100.0), false),
    ("change", None, None, false),
    ("points", None, None, false),
    ("measure", Some(0.0), None, true),
];

/// Every shape, in the order the docs list them.
pub const SHAPES: &[&Shape] = &[&DATASET, &STORY, &SOURCE, &HERO, &SECTION, &FIGURE];

/// The input fields of a relation type; `None` for an unknown type.
pub fn relation_inputs(kind: &str) -> Option<&'static [(&'static str, &'static str)]> {
    RELATION_TYPES
        .iter()
        .find(|r| r.kind == kind)
        .map(|r| r.inputs)
}
