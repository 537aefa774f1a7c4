// The sentence rule the labels use, mirrored from src/reader/sentences.rs: a sentence ends at
// 。！？!? or a line break; closing quotes and brackets right after the end stay with it;
// semicolons do not end a sentence (the Xi'an dataset keeps "…100%;落实…" as one sentence).
const ENDS = new Set(['。', '！', '？', '!', '?', '\n']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);
const SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

/** [{start, end, text}] with UTF-16 offsets into `text`, trimmed, empty ones dropped. */
export function sentences(text) {
  const out = [];
  let start = 0;
  const push = (s, e) => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.replace(/^[\s\u3000]+/, '').length;
    const t = raw.replace(SPACE, '');
    if (t) out.push({ start: s + lead, end: s + lead + t.length, text: t });
  };
  for (let i = 0; i < text.length; i++) {
    if (!ENDS.has(text[i])) continue;
    let e = i + 1;
    while (e < text.length && CLOSERS.has(text[e])) e++;
    push(start, e);
    start = e;
    i = e - 1;
  }
  push(start, text.length);
  return out;
}

/** The article body: everything after the header (URL line, title line, blank line). */
export function body(file) {
  const i = file.indexOf('\n\n');
  return i < 0 ? file : file.slice(i + 2);
}
