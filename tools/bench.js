// Figures of the built app in headless Chromium (issues 4 and 8): size, start-up from file://, and keystroke →
// paint latency in a 1-measure list and a 600-measure list. Run by `./x bench`; prints a Markdown table.
// Benchmarks, not tests: these machines are shared and noisy, so compare the figures of one run as ratios.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, dist, singleFile, root } from '../tests/e2e/harness.js';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const samples = path.join(root, 'target', 'samples');
execFileSync('cargo', ['run', '-q', '--release', '--example', 'samples', '--', samples], { cwd: root, stdio: 'inherit' });

const served = fs.readdirSync(dist).filter((f) => /\.(js|css)$/.test(f)).map((f) => path.join(dist, f));
const servedGz = served.reduce((n, f) => n + gz(f), 0);
const singleGz = gz(singleFile);

const browser = await launch();
const url = pathToFileURL(singleFile).href;

async function startup() {
  const times = [];
  for (let i = 0; i < 9; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: '检视整改清单' }).waitFor();
    times.push(Date.now() - t0);
    await context.close();
  }
  return times;
}

async function typing(sample) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const t0 = Date.now();
  await page.getByLabel('导入文件').setInputFiles(path.join(samples, sample));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('link', { name: /^2\. / }).click();
  // CSS selectors, not getByLabel: Playwright's label matching over 600 fields would be timed instead of the app.
  const field = page.locator('textarea[id$="-content"]').last();
  await field.waitFor();
  const open = Date.now() - t0;
  const measures = await page.locator('textarea[id$="-content"]').count();
  await field.click();
  await page.evaluate(() => {
    window.__latency = [];
    document.addEventListener('beforeinput', () => {
      const t = performance.now();
      // Typed Chinese arrives as input without key events (as from an IME), so the clock starts at beforeinput.
      // The next frame after the keystroke has painted when a task queued from its rAF callback runs.
      requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t), 0));
    }, true);
  });
  await page.keyboard.type('在每个季度末开展一次回头看，逐项对照检查整改成效并形成书面报告', { delay: 60 });
  await page.waitForTimeout(300);
  const latency = await page.evaluate(() => window.__latency);
  await context.close();
  return { measures, open, latency };
}

/// Reads, checks and aggregates `count` generated branch files in the 汇总 view; returns the app's own timing of
/// that step (shown on the page) and the whole wall time from choosing the files to the figures on screen.
async function consolidation(count, runs) {
  const dir = path.join(root, 'target', `branches-${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '--release', '--example', 'branches', '--', dir, String(count)], { cwd: root });
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await consolidateOnce(files));
  return { app: median(results.map((r) => r.app)), wall: median(results.map((r) => r.wall)) };
}

/// One cold run in a fresh context: what an office PC does when the files are chosen.
async function consolidateOnce(files) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '#/summary');
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  const t0 = Date.now();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.locator('#consolidate-ms').waitFor({ timeout: 120000 });
  await page.getByRole('heading', { level: 2, name: '全单位汇总' }).waitFor({ timeout: 120000 });
  const wall = Date.now() - t0;
  const app = Number(await page.locator('#consolidate-ms').innerText());
  await context.close();
  return { app, wall };
}

const start = await startup();
const c39 = await consolidation(39, 5);
const c1000 = await consolidation(1000, 1);
const small = await typing('org-1.json');
const big = await typing('member-40x5x3.json');
await browser.close();

const rows = [
  ['served app (wasm + JS + CSS), gzip -9', kb(servedGz), '≤ 150 KB'],
  ['single file, gzip -9', kb(singleGz), '≤ 200 KB'],
  ['start-up from file:// to the start page, median of 9', `${median(start)} ms`, '≤ 300 ms'],
  [`keystroke → paint, ${small.measures} measure, median (p95)`, `${median(small.latency).toFixed(1)} ms (${p95(small.latency).toFixed(1)})`, '≤ 16 ms'],
  [`keystroke → paint, ${big.measures} measures, median (p95)`, `${median(big.latency).toFixed(1)} ms (${p95(big.latency).toFixed(1)})`, '≤ 16 ms'],
  ['ratio 600 / 1 (medians)', (median(big.latency) / median(small.latency)).toFixed(2), '≤ 1.5'],
  [`import and show the ${big.measures}-measure list`, `${big.open} ms`, '—'],
  ['汇总: read + check + aggregate 39 files × 51 measures (in the app), median of 5 cold runs', `${c39.app} ms`, '≤ 200 ms'],
  ['汇总: 39 files, from choosing them to the figures on screen, median of 5', `${c39.wall} ms`, '—'],
  ['汇总: read + check + aggregate 1,000 files (in the app)', `${c1000.app} ms`, '≤ 5000 ms'],
  ['汇总: 1,000 files, from choosing them to the figures on screen', `${c1000.wall} ms`, '—'],
  ['汇总: 1,000 / 39 (in the app), against 25.6 files', (c1000.app / Math.max(1, c39.app)).toFixed(1), '≈ 25.6 (linear)'],
];
console.log('| figure | measured | goal |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
