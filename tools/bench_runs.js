// Several runs of `node tools/bench.js --baseline …` as one table: each figure as the median over the runs, number
// by number, with the ratio column's median and range. A single run's figures move by a tenth or more on a shared
// machine (the same two builds have come out 0.96× and 1.17× on the same figure an hour apart), so a goal or a
// "no worse than 5%" is judged over runs, not on one.
//
//   node tools/bench_runs.js run1.md run2.md …      each file the Markdown table a run printed
import fs from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/bench_runs.js <output of tools/bench.js> …');
  process.exit(2);
}

const NUMBER = /\d+(?:\.\d+)?/g;
const numbers = (cell) => (cell.match(NUMBER) || []).map(Number);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/// The figure rows of one run's table (timed figures only: the sizes do not vary between runs), by figure.
function rows(text, file) {
  const found = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| figure') || /^\| (this build|baseline): /.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 7) continue;
    found.set(cells[0], cells);
  }
  if (found.size === 0) {
    console.error(`${file}: no table of tools/bench.js --baseline in it`);
    process.exit(1);
  }
  return found;
}

/// `cells` (the same column of every run) as one: the first run's text with each of its numbers replaced by the
/// median of that number over the runs.
function pooledCell(cells) {
  const each = cells.map(numbers);
  let i = 0;
  return cells[0].replace(NUMBER, (n) => {
    const values = each.map((xs) => xs[i]).filter((x) => x !== undefined);
    i += 1;
    const m = median(values);
    return n.includes('.') ? m.toFixed(1) : String(Math.round(m));
  });
}

const runs = files.map((f) => rows(fs.readFileSync(f, 'utf8'), f));
console.log(`${runs.length} runs: ${files.join(', ')}\n`);
console.log('| figure | this build, 1× | this build, 4× | baseline, 1× | baseline, 4× | this / baseline, 4×: median (range) | goal |');
console.log('|---|---|---|---|---|---|---|');
for (const [figure, first] of runs[0]) {
  const all = runs.map((r) => r.get(figure)).filter(Boolean);
  const ratios = all.map((c) => numbers(c[5])[0]).filter((x) => x !== undefined);
  const ratio = ratios.length
    ? `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
    : '';
  const cells = [1, 2, 3, 4].map((k) => pooledCell(all.map((c) => c[k])));
  console.log(`| ${figure} | ${cells.join(' | ')} | ${ratio} | ${first[6]} |`);
}
