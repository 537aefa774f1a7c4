// Turns the hand-written label lines (labels-src/NN.lines: written|value|kind|unit|qualifier|high,
// in the order the figures appear) into NN-slug.labels.json, attaching each figure's sentence by
// the rule in sentences.mjs. Fails when a written form is not found where the order says.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { sentences, body } from './sentences.mjs';

const dir = new URL('.', import.meta.url).pathname;
for (const name of readdirSync(dir).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort()) {
  const nn = name.slice(0, 2);
  const text = body(readFileSync(dir + name, 'utf8'));
  const sents = sentences(text);
  const lines = readFileSync(`${dir}labels-src/${nn}.lines`, 'utf8').split('\n').filter(Boolean);
  let cursor = 0;
  const labels = lines.map((line) => {
    const [written, value, kind, unit = '', qualifier = 'exact', high] = line.split('|');
    const at = text.indexOf(written, cursor);
    if (at < 0) throw new Error(`${name}: ${written} not found after ${cursor}`);
    cursor = at + written.length;
    const s = sents.find((x) => x.start <= at && at < x.end);
    const label = { value: Number(value), kind, unit, qualifier: qualifier || 'exact', written, sentence: s.text };
    if (high) label.high = Number(high);
    return label;
  });
  writeFileSync(dir + name.replace(/\.txt$/, '.labels.json'), JSON.stringify(labels, null, 1) + '\n');
  console.log(name, labels.length);
}
