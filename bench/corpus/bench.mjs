// Corpus benchmark: our reader (examples/figures, built with `cargo build --example figures`;
// the test command's `cargo test` builds it too) against Microsoft Recognizers-Text 1.3.1 (zh-cn number, percentage, currency and
// dimension recognizers; date-time results mark what is no figure). Scores per article and in
// total: recall and precision of figures (value and sentence right), and for our reader the
// accuracy of unit, kind (with sign) and qualifier among the figures found.
// Run from the repository: node bench/corpus/bench.mjs (it runs `npm ci` here first if
// Recognizers-Text is missing). It prints figures; it is not a test and fails on nothing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { sentences, body } from './sentences.mjs';

const dir = new URL('.', import.meta.url).pathname;
const root = `${dir}../..`;
if (!existsSync(`${dir}node_modules/@microsoft/recognizers-text-suite`)) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const require = createRequire(import.meta.url);
const RT = require('@microsoft/recognizers-text-suite');
const target = process.env.CARGO_TARGET_DIR || `${root}/target`;
const bin = `${target}/debug/examples/figures`;
if (!existsSync(bin)) {
  const r = spawnSync('cargo', ['build', '--quiet', '--example', 'figures'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const same = (a, b) => Math.abs(Math.abs(a) - Math.abs(b)) <= 1e-9 * Math.max(1, Math.abs(a));

/** Pairs labels with found figures: same sentence and value; the same written form first. */
function match(labels, found) {
  const used = new Set();
  const pairs = [];
  const misses = [];
  for (const pass of [true, false]) {
    for (const l of labels) {
      if (l.matched) continue;
      const i = found.findIndex(
        (f, i) => !used.has(i) && f.sentence === l.sentence && same(f.value, l.value) && (!pass || f.written === l.written),
      );
      if (i >= 0) {
        used.add(i);
        l.matched = true;
        pairs.push([l, found[i]]);
      }
    }
  }
  for (const l of labels) if (!l.matched) misses.push(l);
  labels.forEach((l) => delete l.matched);
  const extra = found.filter((_, i) => !used.has(i));
  return { pairs, misses, extra };
}

function ours(text) {
  const r = spawnSync(bin, [], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function recognizers(text) {
  const out = [];
  for (const s of sentences(text)) {
    const get = (f) => RT[f](s.text, 'zh-cn');
    const dates = get('recognizeDateTime');
    const all = ['recognizeCurrency', 'recognizeDimension', 'recognizePercentage', 'recognizeNumber']
      .flatMap(get)
      .filter((r) => !dates.some((d) => d.start <= r.start && r.end <= d.end))
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept = [];
    for (const r of all) if (!kept.some((k) => k.start <= r.end && r.start <= k.end)) kept.push(r);
    for (const r of kept) {
      const v = parseFloat(String(r.resolution?.value ?? '').replace(/[%,]/g, ''));
      if (Number.isFinite(v)) out.push({ value: v, sentence: s.text, written: r.text });
    }
  }
  return out;
}

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1).padStart(5) + '%' : '    —');
const rows = [];
const totals = { labels: 0, o: { tp: 0, found: 0, unit: 0, kind: 0, qual: 0 }, r: { tp: 0, found: 0 } };
const details = [];
for (const name of readdirSync(dir).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort()) {
  const text = body(readFileSync(dir + name, 'utf8'));
  const labels = JSON.parse(readFileSync(dir + name.replace(/\.txt$/, '.labels.json'), 'utf8'));
  const o = match(labels, ours(text));
  const r = match(labels, recognizers(text));
  const acc = (f) => o.pairs.filter(([l, x]) => f(l, x)).length;
  const unit = acc((l, x) => l.unit === x.unit);
  const kind = acc((l, x) => l.kind === x.kind && Math.sign(l.value) === Math.sign(x.value));
  const qual = acc((l, x) => l.qualifier === x.qualifier);
  const oFound = o.pairs.length + o.extra.length;
  const rFound = r.pairs.length + r.extra.length;
  rows.push([name.replace(/\.txt$/, ''), labels.length, pct(o.pairs.length, labels.length), pct(o.pairs.length, oFound),
    pct(unit, o.pairs.length), pct(kind, o.pairs.length), pct(qual, o.pairs.length),
    pct(r.pairs.length, labels.length), pct(r.pairs.length, rFound)]);
  totals.labels += labels.length;
  Object.assign(totals.o, { tp: totals.o.tp + o.pairs.length, found: totals.o.found + oFound,
    unit: totals.o.unit + unit, kind: totals.o.kind + kind, qual: totals.o.qual + qual });
  Object.assign(totals.r, { tp: totals.r.tp + r.pairs.length, found: totals.r.found + rFound });
  for (const m of o.misses) details.push(`${name}: MISSED ${m.written} (${m.value} ${m.kind} ${m.unit})`);
  for (const x of o.extra) details.push(`${name}: FALSE ${x.written} (${x.value} ${x.kind} ${x.unit})`);
  for (const [l, x] of o.pairs) {
    const wrong = [];
    if (l.unit !== x.unit) wrong.push(`unit ${x.unit} want ${l.unit}`);
    if (l.kind !== x.kind || Math.sign(l.value) !== Math.sign(x.value)) wrong.push(`kind ${x.kind} ${x.value} want ${l.kind} ${l.value}`);
    if (l.qualifier !== x.qualifier) wrong.push(`qualifier ${x.qualifier} want ${l.qualifier}`);
    if (wrong.length) details.push(`${name}: WRONG ${l.written}: ${wrong.join(', ')}`);
  }
}
const head = ['article', 'figures', 'recall', 'precis.', 'unit', 'kind', 'qualif.', 'RT recall', 'RT precis.'];
const t = totals;
rows.push(['TOTAL', t.labels, pct(t.o.tp, t.labels), pct(t.o.tp, t.o.found), pct(t.o.unit, t.o.tp),
  pct(t.o.kind, t.o.tp), pct(t.o.qual, t.o.tp), pct(t.r.tp, t.labels), pct(t.r.tp, t.r.found)]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
console.log('reader (ours): recall/precision of figures (value and sentence right); unit, kind (with sign) and');
console.log('qualifier accuracy among the figures found. RT = Microsoft Recognizers-Text 1.3.1, zh-cn, same');
console.log('sentences and matching; it reports no measure word, qualifier or kind, so only recall/precision.\n');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`\nour reader: ${t.o.found} figures reported, ${t.o.tp} right; RT: ${t.r.found} reported, ${t.r.tp} right`);
if (details.length) console.log('\nour reader, what it gets wrong:\n' + details.join('\n'));
