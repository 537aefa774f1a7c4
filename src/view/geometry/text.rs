//! Text measured without a browser: width estimates per character class and line wrapping; no layout of marks, no drawing.

/// Width of a string in px at `font_px`, estimated per character class. CJK glyphs are square;
/// Latin and digits average ~0.6 em in the widget's fonts. Overestimating is the safe side:
/// a label may get an extra line, never overlap.
pub fn text_width_px(s: &str, font_px: f64) -> f64 {
    s.chars()
        .map(|c| {
            let em = if is_emoji(c) {
                // Colour emoji fonts advance emoji by more than 1 em.
                1.25
            } else if is_wide(c) {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' || c == '¥' {
                0.72
            } else if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' {
                0.32
            } else {
                0.6
            };
            em * font_px
        })
        .sum()
}

/// Pictographs drawn as colour emoji: symbols and dingbats, the emoji planes, and the
/// regional indicators that pair into flags.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF |
        0x20000..=0x3FFFD)
        || c == '“'
        || c == '”'
        || c == '—'
}

/// Splits text into lines no wider than `max_px`: at spaces for Latin text, between any two
/// characters for CJK. A single word wider than the line is broken by characters.
pub fn wrap(s: &str, max_px: f64, font_px: f64) -> Vec<String> {
    let max_px = max_px.max(font_px * 2.0);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for token in tokens(s) {
        let w = text_width_px(&token, font_px);
        if line_w + w <= max_px || line.is_empty() && w <= max_px {
            line.push_str(&token);
            line_w += w;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        line = String::new();
        line_w = 0.0;
        let token = token.trim_start();
        if text_width_px(token, font_px) <= max_px {
            line.push_str(token);
            line_w = text_width_px(token, font_px);
        } else {
            for c in token.chars() {
                let cw = text_width_px(c.encode_utf8(&mut [0; 4]), font_px);
                if line_w + cw > max_px && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Marks that may not start a line (closing) or end one (opening), in Chinese and Latin text.
// Slices of chars, not `"…".contains(c)`: for a char outside ASCII that searches with std's
// substring searcher, whose slicing panic keeps `char`'s Debug and the Unicode tables in the wasm.
const CLOSING: &[char] = &[
    ')', ']', '}', ',', '.', ':', ';', '!', '?', '”', '’', '）', '】', '》', '〉', '」', '』',
    '，', '。', '、', '：', '；', '！', '？',
];
const OPENING: &[char] = &['(', '[', '{', '“', '‘', '（', '【', '《', '〈', '「', '『'];

fn is_closing(c: char) -> bool {
    CLOSING.contains(&c)
}

fn is_opening(c: char) -> bool {
    OPENING.contains(&c)
}

/// Words with their leading space for Latin text; single characters for CJK. Punctuation stays
/// with what it belongs to, so a line never starts with "”" or ")" nor ends with "“" or "(".
fn tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut joined = false;
    for c in s.chars() {
        // An emoji sequence (👩‍🌾, ❤️, 👍🏽) is one picture: a joiner, a variation selector or a
        // skin tone, and what follows a joiner, stay on the line of the character before them.
        let joins = c == '\u{200d}'
            || ('\u{fe00}'..='\u{fe0f}').contains(&c)
            || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c);
        if (joins || joined) && cur.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push(c);
                joined = c == '\u{200d}';
                continue;
            }
        }
        if joins || joined {
            cur.push(c);
            joined = c == '\u{200d}';
            continue;
        }
        if is_closing(c) && cur.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push(c);
                continue;
            }
        }
        if is_wide(c) {
            let glue = is_closing(c) || cur.chars().all(|b| b == ' ' || is_opening(b));
            if !glue {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
            if !is_opening(c) {
                out.push(std::mem::take(&mut cur));
            }
        } else if c == ' ' && !cur.is_empty() && !cur.ends_with(' ') {
            out.push(std::mem::take(&mut cur));
            cur.push(c);
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_latin_at_spaces_and_cjk_anywhere() {
        let lines = wrap("Township medical-insurance service stations", 150.0, 13.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width_px(l, 13.0) <= 150.0));
        assert_eq!(
            lines.join(" "),
            "Township medical-insurance service stations"
        );
        let zh = wrap("乡镇医保服务站乡镇医保服务站", 60.0, 13.0);
        assert!(zh.iter().all(|l| l.chars().count() <= 4), "{zh:?}");
        assert_eq!(zh.concat(), "乡镇医保服务站乡镇医保服务站");
    }
}
