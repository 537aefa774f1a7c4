//! The words around a number: units and measure words, scale words, qualifiers, change cues, and the words that make a number no figure (time, ranks, slogans); tables only, no scanning.

use super::{Notation, Qualifier};

/// What the word after a number makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// `%`, `％`, 百分之: percent.
    Percent,
    /// `‰`: per mille, read as percent.
    PerMille,
    /// 成: tenths, read as percent (三成 = 30%).
    Tenth,
    /// 个百分点: percentage points.
    Points,
    /// 个千分点: per-mille points, read as percentage points.
    PointsMille,
    Money,
    Measure,
    Count,
    /// Years, months, days, hours, ranks, grades: never a figure here.
    Not,
}

/// (written, unit reported, class). Matched longest first, so 人次 beats 人 and 个百分点 beats 个.
/// The count list is open: a measure word missing here makes its numbers bare (and dropped).
const UNITS: &[(&str, &str, Class)] = &[
    ("%", "", Class::Percent),
    ("％", "", Class::Percent),
    ("‰", "", Class::PerMille),
    ("个百分点", "", Class::Points),
    ("百分点", "", Class::Points),
    ("个千分点", "", Class::PointsMille),
    ("千分点", "", Class::PointsMille),
    ("元", "元", Class::Money),
    ("美元", "美元", Class::Money),
    ("欧元", "欧元", Class::Money),
    ("港元", "港元", Class::Money),
    ("日元", "日元", Class::Money),
    ("英镑", "英镑", Class::Money),
    ("公斤/亩", "公斤/亩", Class::Measure),
    ("公斤/公顷", "公斤/公顷", Class::Measure),
    ("斤/亩", "斤/亩", Class::Measure),
    ("吨/亩", "吨/亩", Class::Measure),
    ("千公顷", "千公顷", Class::Measure),
    ("平方公里", "平方公里", Class::Measure),
    ("平方千米", "平方千米", Class::Measure),
    ("平方米", "平方米", Class::Measure),
    ("立方米", "立方米", Class::Measure),
    ("千瓦时", "千瓦时", Class::Measure),
    ("千瓦", "千瓦", Class::Measure),
    ("千克", "千克", Class::Measure),
    ("千米", "千米", Class::Measure),
    ("公顷", "公顷", Class::Measure),
    ("公斤", "公斤", Class::Measure),
    ("公里", "公里", Class::Measure),
    ("海里", "海里", Class::Measure),
    ("毫升", "毫升", Class::Measure),
    ("周岁", "岁", Class::Measure),
    ("亩", "亩", Class::Measure),
    ("吨", "吨", Class::Measure),
    ("斤", "斤", Class::Measure),
    ("米", "米", Class::Measure),
    ("克", "克", Class::Measure),
    ("升", "升", Class::Measure),
    ("岁", "岁", Class::Measure),
    ("度", "度", Class::Measure),
    ("人次", "人次", Class::Count),
    ("户次", "户次", Class::Count),
    ("家次", "家次", Class::Count),
    ("架次", "架次", Class::Count),
    ("车次", "车次", Class::Count),
    ("个月", "", Class::Not),
    ("个小时", "", Class::Not),
    ("个星期", "", Class::Not),
    ("个工作日", "", Class::Not),
    ("个季度", "", Class::Not),
    ("个", "个", Class::Count),
    ("人", "人", Class::Count),
    ("名", "名", Class::Count),
    ("户", "户", Class::Count),
    ("所", "所", Class::Count),
    ("项", "项", Class::Count),
    ("家", "家", Class::Count),
    ("支", "支", Class::Count),
    ("种", "种", Class::Count),
    ("组", "组", Class::Count),
    ("村", "村", Class::Count),
    ("县", "县", Class::Count),
    ("镇", "镇", Class::Count),
    ("乡", "乡", Class::Count),
    ("张", "张", Class::Count),
    ("台", "台", Class::Count),
    ("辆", "辆", Class::Count),
    ("套", "套", Class::Count),
    ("件", "件", Class::Count),
    ("座", "座", Class::Count),
    ("条", "条", Class::Count),
    ("处", "处", Class::Count),
    ("间", "间", Class::Count),
    ("只", "只", Class::Count),
    ("头", "头", Class::Count),
    ("株", "株", Class::Count),
    ("棵", "棵", Class::Count),
    ("册", "册", Class::Count),
    ("部", "部", Class::Count),
    ("批", "批", Class::Count),
    ("场", "场", Class::Count),
    ("次", "次", Class::Count),
    ("例", "例", Class::Count),
    ("位", "位", Class::Count),
    ("艘", "艘", Class::Count),
    ("架", "架", Class::Count),
    ("栋", "栋", Class::Count),
    ("幢", "幢", Class::Count),
    ("份", "份", Class::Count),
    ("篇", "篇", Class::Count),
    ("门", "门", Class::Count),
    ("根", "根", Class::Count),
    ("口", "口", Class::Count),
    ("匹", "匹", Class::Count),
    ("宗", "宗", Class::Count),
    ("笔", "笔", Class::Count),
    ("起", "起", Class::Count),
    ("块", "块", Class::Count),
    ("片", "片", Class::Count),
    ("本", "本", Class::Count),
    ("期", "期", Class::Count),
    ("轮", "轮", Class::Count),
    ("班", "班", Class::Count),
    ("队", "队", Class::Count),
    ("床", "床", Class::Count),
    ("剂", "剂", Class::Count),
    ("倍", "倍", Class::Count),
    ("成", "", Class::Tenth),
    ("周年", "", Class::Not),
    ("年代", "", Class::Not),
    ("年度", "", Class::Not),
    ("世纪", "", Class::Not),
    ("季度", "", Class::Not),
    ("星期", "", Class::Not),
    ("小时", "", Class::Not),
    ("分钟", "", Class::Not),
    ("号线", "", Class::Not),
    ("年", "", Class::Not),
    ("月", "", Class::Not),
    ("日", "", Class::Not),
    ("号", "", Class::Not),
    ("时", "", Class::Not),
    ("点", "", Class::Not),
    ("分", "", Class::Not),
    ("秒", "", Class::Not),
    ("周", "", Class::Not),
    ("天", "", Class::Not),
    ("届", "", Class::Not),
    ("级", "", Class::Not),
    ("类", "", Class::Not),
    ("代", "", Class::Not),
    ("版", "", Class::Not),
    ("楼", "", Class::Not),
    ("大", "", Class::Not),
    ("中", "", Class::Not),
];

/// Words 成 starts that are no tenths: 成员, 成本, 成果 ….
const NOT_TENTH: &str = "员本果绩为功立交都品熟年长型就效片批群";

/// The longest unit or measure word at `at`: (end, unit, class).
pub(crate) fn unit_at(s: &str, at: usize) -> Option<(usize, &'static str, Class)> {
    let rest = s.get(at..)?;
    let (text, unit, class) = UNITS
        .iter()
        .filter(|(t, _, _)| rest.starts_with(t))
        .max_by_key(|(t, _, _)| t.len())?;
    let end = at + text.len();
    if *class == Class::Tenth {
        let next = s.get(end..).and_then(|r| r.chars().next());
        if next.is_some_and(|c| NOT_TENTH.contains(c)) {
            return None;
        }
    }
    Some((end, unit, *class))
}

/// Scale words after digits: (end, power of ten, notation). 千 counts as plain digits.
pub(crate) fn scale_at(s: &str, at: usize) -> Option<(usize, i32, Notation)> {
    let rest = s.get(at..)?;
    [
        ("万亿", 12, Notation::Yi),
        ("亿", 8, Notation::Yi),
        ("万", 4, Notation::Wan),
        ("千", 3, Notation::Full),
    ]
    .into_iter()
    .find(|(t, _, _)| rest.starts_with(t))
    .map(|(t, p, n)| (at + t.len(), p, n))
}

/// Qualifiers written right before the number, longest first (不超过 before 超过).
pub(crate) const PREFIXES: &[(&str, Qualifier)] = &[
    ("不超过", Qualifier::AtMost),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("不高于", Qualifier::AtMost),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("超过", Qualifier::AtLeast),
    ("多于", Qualifier::AtLeast),
    ("高于", Qualifier::AtLeast),
    ("大于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("突破", Qualifier::AtLeast),
    ("低于", Qualifier::AtMost),
    ("少于", Qualifier::AtMost),
    ("小于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("至多", Qualifier::AtMost),
    ("大约", Qualifier::About),
    ("约合", Qualifier::About),
    ("将近", Qualifier::About),
    ("接近", Qualifier::About),
    ("近", Qualifier::About),
    ("约", Qualifier::About),
    ("逾", Qualifier::AtLeast),
    ("超", Qualifier::AtLeast),
];

/// Characters that make 近/约 part of another word (附近, 最近, 节约, 签约 …).
pub(crate) const NOT_BEFORE_QUALIFIER: &str = "附最临就靠节制签合违履预条公特";

/// Qualifiers after the unit.
pub(crate) const SUFFIXES: &[(&str, Qualifier)] = &[
    ("及以上", Qualifier::AtLeast),
    ("以上", Qualifier::AtLeast),
    ("开外", Qualifier::AtLeast),
    ("及以下", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
];

/// Words before a percent that make it a change, with the sign they give; longest first.
pub(crate) const CHANGE_CUES: &[(&str, f64)] = &[
    ("增长率", 1.0),
    ("增长", 1.0),
    ("增幅", 1.0),
    ("增速", 1.0),
    ("涨幅", 1.0),
    ("增加", 1.0),
    ("增产", 1.0),
    ("提高", 1.0),
    ("提升", 1.0),
    ("上升", 1.0),
    ("上涨", 1.0),
    ("扩大", 1.0),
    ("净增", 1.0),
    ("下降", -1.0),
    ("降幅", -1.0),
    ("降低", -1.0),
    ("减少", -1.0),
    ("减产", -1.0),
    ("减幅", -1.0),
    ("回落", -1.0),
    ("下滑", -1.0),
    ("下跌", -1.0),
    ("跌幅", -1.0),
    ("缩小", -1.0),
    ("增", 1.0),
    ("涨", 1.0),
    ("升", 1.0),
    ("降", -1.0),
    ("减", -1.0),
    ("跌", -1.0),
];

/// Words between a cue and the number that keep it a change (增长了, 增幅达, 下降为).
pub(crate) const CUE_FILLERS: &[&str] = &["了", "达到", "达", "为", "是"];

/// Verbs and adverbs that open slogans counted with a measure word (“四个不摘”, “三个全覆盖”,
/// 六个打造) and enumerations of goals (打造…等九项重点任务): such counts are no figures.
pub(crate) const SLOGAN_HEADS: &[&str] = &[
    "不", "全", "一批", "打造", "创造", "确保", "坚持", "意识", "自信", "维护", "必须", "务必",
    "优先", "服务", "聚焦", "提升", "加快", "推进", "推动", "落实", "面向", "着力", "转变", "到位",
    "统筹", "建设", "实现", "强化", "加强", "深化", "完善", "健全", "构建", "促进", "开展", "巩固",
    "倾力", "有", "没有", "互",
];

pub(crate) fn starts_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.starts_with(w))
}

/// Clause boundaries inside a sentence.
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | ';' | '；' | ':' | '：' | '。' | '！' | '？' | '!' | '?' | '\n'
    )
}

/// Separators of a range: 2~3个, 2至3个, 5—10万.
pub(crate) const RANGE_SEPARATORS: &[&str] =
    &["~", "～", "〜", "至", "到", "——", "—", "–", "-", "－"];

/// Separators of a list whose items share a unit: 37.0%、16.4%, 6.9%和16.3%.
pub(crate) const LIST_SEPARATORS: &[&str] = &["、", "和", "与", "及", "以及", "或", "、和"];

pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}
