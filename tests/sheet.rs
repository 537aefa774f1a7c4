#![cfg(not(target_arch = "wasm32"))]
//! The desk's spreadsheet reader: a TSV pasted from a spreadsheet or a CSV file, columns named in zh or en, one row per figure; every problem named by row and column.

use revitalization_infographic::dataset::{self, validate};
use revitalization_infographic::desk::sheet::{read_sheet, StoryFields};
use revitalization_infographic::format::{Kind, Lang, Notation, Qualifier};

const STORY: StoryFields = StoryFields {
    id: "sheet",
    title: "表格里的数字",
    dek: "说明",
    date: "2024-05-06",
    source: "某报",
};

fn ok(text: &str) -> dataset::Dataset {
    let doc = read_sheet(text, &STORY).unwrap_or_else(|e| panic!("{e:#?}"));
    validate(&doc).expect("valid")
}

#[test]
fn a_three_column_tsv_in_zh() {
    let ds = ok("标签\t原文写法\t原句\n资助人数\t10.79万人\t资助10.79万人。\n报销比例\t80%以上\t报销比例达到80%以上。\n重点工作\t九项\t纳入九项重点工作。\n");
    assert_eq!(ds.languages, [Lang::Zh]);
    let figs: Vec<_> = ds.figures().collect();
    assert_eq!(figs.len(), 3);
    assert_eq!(
        (figs[0].value, figs[0].kind, figs[0].notation),
        (107900.0, Kind::Count, Notation::Wan)
    );
    assert_eq!(
        (figs[1].value, figs[1].qualifier),
        (80.0, Qualifier::AtLeast)
    );
    assert_eq!(figs[2].value, 9.0);
    assert_eq!(ds.story.date, "2024-05-06");
}

#[test]
fn a_csv_in_en_with_quotes_sections_and_english() {
    let csv = "section,label,label_en,value,unit,unit_en,kind,source\n\
        教育,新建学校,New schools,116,所,schools,count,\"投入使用新建、扩建中小学及幼儿园116所,新增学位10.5万个。\"\n\
        教育,新增学位,New places,\"105,000\",个,places,count,\"投入使用新建、扩建中小学及幼儿园116所,新增学位10.5万个。\"\n\
        医疗,资助金额,Subsidy,26770300,元,yuan,金额,\"资助2677.03万元。\"\n";
    let ds = ok(csv);
    assert_eq!(ds.languages, [Lang::Zh, Lang::En]);
    assert_eq!(ds.sections.len(), 2);
    assert_eq!(ds.sections[0].title.zh, "教育");
    assert_eq!(ds.sections[0].figures[1].value, 105000.0);
    assert_eq!(ds.sections[0].figures[1].label.en, "New places");
    assert_eq!(ds.sections[1].figures[0].kind, Kind::Money);
    assert!(
        ds.sections[0].figures[0].source.contains(','),
        "a quoted comma stays in the cell"
    );
}

#[test]
fn a_bad_row_names_its_row_and_column() {
    let csv = "label,value,unit,source\n学校,116,所,共116所。\n学位,10.5x,个,新增学位10.5万个。\n人数,,人,资助人数。\n";
    let errors = read_sheet(csv, &STORY).expect_err("bad rows");
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].path, "row 3, column value");
    assert!(
        errors[0].message.contains("\"10.5x\" is not a number"),
        "{errors:#?}"
    );
    assert_eq!(errors[1].path, "row 4, column value");
    // A row the validator refuses: its path is the row and column, not sections[…].
    let errors =
        read_sheet("标签,数值,单位,原句\n学校,116,所所所,共116所。\n", &STORY).expect_err("unit");
    assert_eq!(errors[0].path, "row 2, column unit");
    assert!(errors[0].message.contains("unknown unit"), "{errors:#?}");
    // An unknown column and a missing one.
    let errors = read_sheet("标签,颜色,原句\n学校,red,共116所。\n", &STORY).expect_err("columns");
    assert!(
        errors
            .iter()
            .any(|e| e.path == "row 1, column 2 (\"颜色\")"),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.path == "row 1, column value"),
        "{errors:#?}"
    );
    assert_eq!(read_sheet("", &STORY).expect_err("empty")[0].path, "row 1");
}

#[test]
fn a_tsv_from_google_sheets_with_a_two_line_cell_counts_spreadsheet_rows() {
    // Google Sheets quotes a cell holding a line break when it copies; blank rows stay rows.
    let tsv = "Label\tVALUE\tUnit\tKind\tSource\r\n\
        学校\t116\t所\tcount\t\"投入使用新建、扩建中小学及幼儿园116所,\n新增学位10.5万个。\"\r\n\
        \r\n\
        学位\t十万\t个\tcount\t新增学位10.5万个。\r\n";
    let errors = read_sheet(tsv, &STORY).expect_err("bad value");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "row 4, column value");
    let ds = ok(&tsv.replace("十万", "105000"));
    let figs: Vec<_> = ds.figures().collect();
    assert_eq!(figs.len(), 2);
    assert!(
        figs[0].source.contains(",\n新增"),
        "the cell's line break is kept"
    );
    assert_eq!((figs[1].value, figs[1].unit.zh.as_str()), (105000.0, "个"));
}

#[test]
fn kinds_qualifiers_and_ranges_in_zh_words() {
    let csv = "\u{feff}栏目,标签,数值,上限,单位,类型,限定,原句\n\
        就业,工作队,2,3,个,数量,,每村2至3个工作队。\n\
        就业,报销比例,80,,,占比,以上,报销比例达到80%以上。\n\
        就业,增幅,11.42,,,增幅,,增幅达11.42%。\n";
    let ds = ok(csv);
    let figs: Vec<_> = ds.figures().collect();
    assert_eq!((figs[0].value, figs[0].high), (2.0, Some(3.0)));
    assert_eq!(
        (figs[1].kind, figs[1].qualifier),
        (Kind::Share, Qualifier::AtLeast)
    );
    assert_eq!(figs[2].kind, Kind::Change);
    assert_eq!(ds.sections[0].title.zh, "就业");
    // A kind that is no kind, and a high end that is no number: each at its row and column.
    let errors = read_sheet(
        "标签,数值,上限,单位,类型,原句\n学校,116,,所,学校类,共116所。\n队,2,三,个,数量,2至3个。\n",
        &STORY,
    )
    .expect_err("bad kind and high");
    assert!(
        errors.iter().any(|e| e.path == "row 3, column high"),
        "{errors:#?}"
    );
    let errors = read_sheet(
        "标签,数值,单位,类型,原句\n学校,116,所,学校类,共116所。\n",
        &STORY,
    )
    .expect_err("bad kind");
    assert_eq!(errors[0].path, "row 2, column kind", "{errors:#?}");
}

#[test]
fn the_written_sheet_reads_back_to_the_same_figures() {
    use revitalization_infographic::desk::sheet_write::write_sheet;
    let story = validate(&revitalization_infographic::json::parse(dataset::DEFAULT_JSON).unwrap())
        .expect("the Xi'an story");
    let csv = write_sheet(&story);
    assert!(csv.starts_with("\u{feff}section,id,label,label_en,value,high,written,unit,unit_en,kind,qualifier,notation,group,source\r\n"));
    assert_eq!(csv.matches("\r\n").count(), story.figures().count() + 1);
    let back = ok(&csv);
    assert_eq!(back.languages, [Lang::Zh, Lang::En]);
    let (a, b): (Vec<_>, Vec<_>) = (story.figures().collect(), back.figures().collect());
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (&x.id, &x.label, x.value, x.high, x.kind, &x.unit),
            (&y.id, &y.label, y.value, y.high, y.kind, &y.unit),
            "{}",
            x.id
        );
        assert_eq!(
            (x.qualifier, x.notation, &x.group, &x.source),
            (y.qualifier, y.notation, &y.group, &y.source),
            "{}",
            x.id
        );
    }
    let titles = |d: &dataset::Dataset| {
        d.sections
            .iter()
            .map(|s| s.title.zh.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&story), titles(&back));
    // A zh-only dataset has no English columns, and a quote or comma survives its cell.
    let zh = ok("标签,数值,单位,类型,原句\n学校,116,所,数量,\"他说:“共116所,\"\"新建\"\"。”\"\n");
    let csv = write_sheet(&zh);
    assert!(
        csv.starts_with("\u{feff}section,id,label,value,high,written,unit,kind,"),
        "{csv}"
    );
    assert!(csv.contains(r#""他说:“共116所,""新建""。”""#), "{csv}");
    assert_eq!(
        ok(&csv).sections[0].figures[0].source,
        zh.sections[0].figures[0].source
    );
}
