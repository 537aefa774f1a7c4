//! Drafted zh labels: the words a figure counts, taken from its clause (the noun phrase after the measure word, or the one before the number), with the review notes the guess deserves.

use core::ops::Range;

use super::units::{self, CHANGE_CUES};
use super::Note;

/// Words that open a clause without naming what is counted: scope, time, comparison, verbs of
/// doing (建立 5家…, 发放 …亿元). Stripped repeatedly from the front of the phrase before a number.
const LEADING: &[&str] = &[
    "其中",
    "另有",
    "此外",
    "同时",
    "其他",
    "全市",
    "全县",
    "全省",
    "全区",
    "全国",
    "我国",
    "我县",
    "我市",
    "今年",
    "去年",
    "全年",
    "年末",
    "年底",
    "当年",
    "上半年",
    "截至",
    "实现",
    "完成",
    "建立",
    "建成",
    "开发",
    "发放",
    "认定",
    "组建完成",
    "组建",
    "投入使用",
    "调整派出",
    "派出",
    "开展",
    "累计",
    "共有",
    "共",
    "有",
    "按可比价格计算",
    "比上年同期",
    "比上年底",
    "比上年",
    "比去年同期",
    "比去年底",
    "比去年",
    "较上年",
    "较往年",
    "与上年相比",
    "与上年比较",
    "同比",
    "、",
    "和",
    "与",
    "及",
    "以及",
    "为",
    ":",
    "：",
];

/// Copulas and verbs of reaching between the words and the number (人均纯收入达到16317元).
const TRAILING: &[&str] = &[
    "分别达到",
    "分别为",
    "分别",
    "达到",
    "已达",
    "合计",
    "累计",
    "共计",
    "总计",
    "共有",
    "达",
    "为",
    "是",
    "共",
    "有",
    "约",
    "的",
];

/// Words a label may be alone that need the figure before them: 占比78.08% is the share of it.
const GENERIC: &[&str] = &["占比", "比重", "比例", "比"];

/// Starts of the words after a unit that are no noun phrase (…万人,比上年 / …所,新增 / …的).
const NOT_NOUN_AFTER: &[&str] = &[
    "比", "同比", "较", "增", "减", "下降", "占", "的", "和", "与", "及", "以", "左右", "上下",
    "之", "为", "是", "在", "达", "共", "累计", "用于", "等",
];

fn strip_front<'a>(mut s: &'a str, words: &[&str]) -> &'a str {
    while let Some(w) = words
        .iter()
        .find(|w| s.starts_with(**w) && s.len() > w.len())
    {
        s = s.get(w.len()..).unwrap_or("");
    }
    s
}

fn strip_back<'a>(mut s: &'a str, words: &[&str]) -> &'a str {
    while let Some(w) = words.iter().find(|w| s.ends_with(**w)) {
        s = s.get(..s.len() - w.len()).unwrap_or("");
    }
    s
}

/// Where the clause holding `at` starts within the sentence.
fn clause_start(text: &str, sent: &Range<usize>, at: usize) -> usize {
    text.get(sent.start..at)
        .and_then(|s| {
            s.char_indices()
                .rev()
                .find(|&(_, c)| units::is_clause_break(c))
                .map(|(i, c)| sent.start + i + c.len_utf8())
        })
        .unwrap_or(sent.start)
}

pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub sent: Range<usize>,
    /// Written spans of the figures before this one in the sentence.
    pub before: &'a [Range<usize>],
    pub prev_label: Option<&'a str>,
    pub quote: Option<Range<usize>>,
}

/// The clause text before the figure, from its clause start or the figure before it.
pub(crate) fn clause_prefix<'a>(cx: &Context<'a>, at: usize) -> &'a str {
    let mut from = clause_start(cx.text, &cx.sent, at);
    if let Some(prev) = cx.before.last().filter(|p| p.end > from && p.end <= at) {
        from = prev.end;
    }
    cx.text.get(from..at).unwrap_or("")
}

/// A short label for the figure at `span`, and the notes the guess needs.
pub(crate) fn draft(cx: &Context, span: &Range<usize>, notes: &mut Vec<Note>) -> String {
    if let Some(q) = &cx.quote {
        return cx.text.get(q.clone()).unwrap_or("").to_owned();
    }
    if let Some(after) = noun_after(cx, span.end) {
        return after.to_owned();
    }
    let prefix = clause_prefix(cx, span.start);
    let mut words = strip_back(strip_front(prefix.trim(), LEADING), TRAILING);
    if words.is_empty() {
        // 资助10.79万人2677.03万元: the amount has the words of the clause, minus the figures.
        let from = clause_start(cx.text, &cx.sent, span.start);
        let first = cx.before.iter().find(|p| p.start >= from).map(|p| p.start);
        let head = cx.text.get(from..first.unwrap_or(span.start)).unwrap_or("");
        words = strip_back(strip_front(head.trim(), LEADING), TRAILING);
        if !words.is_empty() {
            notes.push(Note::LabelBorrowed);
            return words.to_owned();
        }
    }
    let is_cue = CHANGE_CUES.iter().any(|(c, _)| words == *c) || GENERIC.contains(&words);
    if is_cue || words.is_empty() {
        if let Some(prev) = cx.prev_label {
            notes.push(Note::LabelBorrowed);
            let base = strip_back(prev, GENERIC);
            let base = CHANGE_CUES
                .iter()
                .find_map(|(c, _)| base.strip_suffix(c))
                .unwrap_or(base);
            let mut s = base.to_owned();
            s.push_str(words);
            return s;
        }
    }
    if words.is_empty() {
        notes.push(Note::NoLabel);
    } else if words.chars().count() > 16 {
        notes.push(Note::LongLabel);
    }
    words.to_owned()
}

/// The noun phrase right after the unit (358支驻村工作队、), up to a clause break, a list word,
/// another number or 的.
fn noun_after<'a>(cx: &Context<'a>, end: usize) -> Option<&'a str> {
    let rest = cx.text.get(end..cx.sent.end)?;
    let first = rest.chars().next()?;
    if !('\u{4e00}'..='\u{9fff}').contains(&first) || units::starts_with_any(rest, NOT_NOUN_AFTER) {
        return None;
    }
    let stop = rest
        .char_indices()
        .find(|&(_, c)| {
            units::is_clause_break(c)
                || matches!(
                    c,
                    '、' | '和' | '及' | '与' | '的' | '(' | '（' | '等' | '“' | '”'
                )
                || c.is_ascii_digit()
        })
        .map_or(rest.len(), |(i, _)| i);
    let words = strip_back(rest.get(..stop)?, &["中"]);
    (!words.is_empty()).then_some(words)
}
