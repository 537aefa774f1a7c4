//! Sentences and the spans that quote or title something (“…”, 《…》), as byte ranges of the text; reads no numbers.

use core::ops::Range;

/// A sentence ends at 。！？!? or a line break; closing quotes and brackets right after the end
/// stay with it (“…水平。”). Semicolons join clauses of one sentence: the Xi'an dataset keeps
/// "…参保率达100%;落实…80%以上。" as one source sentence, and the desk checks against it.
fn is_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\''
    )
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

/// Byte ranges of the sentences, trimmed of blanks, empty ones left out.
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_end(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if !is_closer(d) {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(r.clone()) else {
        return;
    };
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let t = s.trim_matches(is_blank);
    if !t.is_empty() {
        out.push(r.start + lead..r.start + lead + t.len());
    }
}

/// Spans between an opening and its closing mark: quotes (“ ” ‘ ’ 「 」 『 』 and paired ASCII `"`)
/// and titles (《 》 〈 〉). The ranges are the inner text; an unclosed mark spans nothing.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    pub quotes: Vec<Range<usize>>,
    pub titles: Vec<Range<usize>>,
}

impl Marks {
    pub fn of(text: &str) -> Marks {
        let mut m = Marks::default();
        let (mut quote, mut title, mut ascii): (Vec<usize>, Vec<usize>, Option<usize>) =
            (Vec::new(), Vec::new(), None);
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            match c {
                '“' | '‘' | '「' | '『' => quote.push(after),
                '”' | '’' | '」' | '』' => {
                    if let Some(s) = quote.pop() {
                        m.quotes.push(s..i);
                    }
                }
                '《' | '〈' => title.push(after),
                '》' | '〉' => {
                    if let Some(s) = title.pop() {
                        m.titles.push(s..i);
                    }
                }
                '"' => match ascii.take() {
                    Some(s) => m.quotes.push(s..i),
                    None => ascii = Some(after),
                },
                '\n' => ascii = None,
                _ => {}
            }
        }
        m
    }

    /// The innermost quote holding `r`.
    pub fn quote(&self, r: &Range<usize>) -> Option<Range<usize>> {
        self.quotes
            .iter()
            .filter(|q| q.start <= r.start && r.end <= q.end)
            .min_by_key(|q| q.end - q.start)
            .cloned()
    }

    pub fn in_title(&self, at: usize) -> bool {
        self.titles.iter().any(|t| t.start <= at && at < t.end)
    }
}
