//! The widget's own words in zh and en; story text comes from the dataset, never from here.

use crate::format::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    Kicker,
    Source,
    Editor,
    Notes,
    Data,
    Sections,
    Controls,
    SwitchLang,
    SwitchLangLabel,
    Table,
    DownloadCsv,
    DownloadSvg,
    Derived,
    FromArticle,
    Exact,
    Consistent,
    Inconsistent,
    ErrorTitle,
    ErrorHelp,
    AmountsCompared,
    CountsCompared,
    Section,
    Figure,
    Value,
    Axis,
    Formula,
    Term,
    Chart,
    Previous,
    Increase,
    SaveImage,
    Page,
    ImageBlocked,
    ImageFailed,
    /// The reader's module alone (no embed.js to bring the full one): no downloads here.
    NoExports,
}

pub fn ui(lang: Lang, key: Ui) -> &'static str {
    use Ui::*;
    match (lang, key) {
        (Lang::Zh, Kicker) => "数据图解",
        (Lang::En, Kicker) => "By the numbers",
        (Lang::Zh, Source) => "来源：",
        (Lang::En, Source) => "Source: ",
        (Lang::Zh, Editor) => "编辑：",
        (Lang::En, Editor) => "Editor: ",
        (Lang::Zh, Notes) => "注",
        (Lang::En, Notes) => "Notes",
        (Lang::Zh, Data) => "数据（CSV）",
        (Lang::En, Data) => "Data (CSV)",
        (Lang::Zh, Sections) => "数据板块",
        (Lang::En, Sections) => "Sections",
        (Lang::Zh, Controls) => "图表选项",
        (Lang::En, Controls) => "Graphic options",
        (Lang::Zh, SwitchLang) => "English",
        (Lang::En, SwitchLang) => "中文",
        (Lang::Zh, SwitchLangLabel) => "Switch to English",
        (Lang::En, SwitchLangLabel) => "切换到中文",
        (Lang::Zh, Table) => "表格",
        (Lang::En, Table) => "Table",
        (Lang::Zh, DownloadCsv) => "下载CSV",
        (Lang::En, DownloadCsv) => "Download CSV",
        (Lang::Zh, DownloadSvg) => "下载SVG",
        (Lang::En, DownloadSvg) => "Download SVG",
        (Lang::Zh, Derived) => "推算",
        (Lang::En, Derived) => "Derived",
        (Lang::Zh, FromArticle) => "原文：",
        (Lang::En, FromArticle) => "In the article: ",
        (Lang::Zh, Exact) => "准确数值：",
        (Lang::En, Exact) => "Exact value: ",
        (Lang::Zh, Consistent) => "✓ ",
        (Lang::En, Consistent) => "✓ ",
        (Lang::Zh, Inconsistent) => "⚠ 数据不一致：",
        (Lang::En, Inconsistent) => "⚠ Inconsistent figures: ",
        (Lang::Zh, ErrorTitle) => "数据有误，无法显示图表",
        (Lang::En, ErrorTitle) => "This dataset has errors and cannot be shown",
        (Lang::Zh, ErrorHelp) => "请修正以下字段：",
        (Lang::En, ErrorHelp) => "Fix these fields:",
        (Lang::Zh, AmountsCompared) => "金额对比",
        (Lang::En, AmountsCompared) => "Amounts compared",
        (Lang::Zh, CountsCompared) => "数量对比",
        (Lang::En, CountsCompared) => "Counts compared",
        (Lang::Zh, Section) => "板块",
        (Lang::En, Section) => "Section",
        (Lang::Zh, Figure) => "指标",
        (Lang::En, Figure) => "Figure",
        (Lang::Zh, Value) => "数值",
        (Lang::En, Value) => "Value",
        (Lang::Zh, Axis) => "坐标轴",
        (Lang::En, Axis) => "Axis",
        (Lang::Zh, Formula) => "算式：",
        (Lang::En, Formula) => "Formula: ",
        (Lang::Zh, Term) => "提法：",
        (Lang::En, Term) => "Term: ",
        (Lang::Zh, Chart) => "图表",
        (Lang::En, Chart) => "Chart",
        (Lang::Zh, Previous) => "上年",
        (Lang::En, Previous) => "Previous year",
        (Lang::Zh, Increase) => "净增",
        (Lang::En, Increase) => "Increase",
        (Lang::Zh, SaveImage) => "保存图片",
        (Lang::En, SaveImage) => "Save image",
        (Lang::Zh, Page) => "本页：",
        (Lang::En, Page) => "Page: ",
        (Lang::Zh, ImageBlocked) => "无法保存图片：本页的内容安全策略（Content-Security-Policy）不允许在浏览器中把图表画成图片（需要 img-src blob:）。可改用“下载SVG”。",
        (Lang::En, ImageBlocked) => "Cannot save an image: this page's Content-Security-Policy does not let the browser draw the graphic as an image (it needs img-src blob:). Download SVG instead.",
        (Lang::Zh, ImageFailed) => "无法保存图片：浏览器未能生成图片。可改用“下载SVG”。",
        (Lang::En, ImageFailed) => "Cannot save an image: the browser could not draw it. Download SVG instead.",
        (Lang::Zh, NoExports) => "此处无法下载：本页只载入了阅读模块（reader.js），下载需要完整模块，请经由 embed.js 嵌入。",
        (Lang::En, NoExports) => "Downloads are not available here: this page loaded only the reader's module (reader.js); they need the full module, which embed.js brings.",
    }
}

/// "2022年12月10日" / "10 December 2022"; the date is validated as YYYY-MM-DD before it gets here.
pub fn date(lang: Lang, iso: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (y, m, d) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => {
            let month = MONTHS
                .get((m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("");
            format!("{d} {month} {y}")
        }
    }
}

pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}
