// Shared harness of the end-to-end tests: Debian's Chromium driven by playwright-core, the release build served
// from a local server and opened as a single file, and a record of every request the page makes.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import childProcess from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
// RECTIFY_DIST points the tests and the bench at another build (a copy of dist/ kept while the next one builds).
export const dist = process.env.RECTIFY_DIST ? path.resolve(process.env.RECTIFY_DIST) : path.join(root, 'dist');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const singleFile = path.join(dist, '检视整改清单.html');
/// The single file of the self-test build (`./x test` builds it with the feature `selftest`): the release plus a
/// panic switch, which what users get does not have.
export const selftestFile = path.join(root, 'target', 'selftest', '检视整改清单.html');

export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/// Serves dist/ on 127.0.0.1 at a free port. Resolves to { url, close }.
export function serveDist() {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dist, name === '/' ? 'index.html' : name);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      });
    });
  });
}

/// The two ways the app is opened: from a web server and as one file from a USB stick.
export const OUTPUTS = ['served', 'single file'];

/// Records every console error and page error of every page of `context` (those open now and those opened
/// later). `check()` throws, naming them, when any is not matched by one of `expected` (regular expressions): a
/// test fails on a console error (a CSP violation is one) unless it says it expects it.
export function watchContext(context, expected = []) {
  const problems = [];
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    problems,
    check: () => {
      const unexpected = problems.filter((p) => !expected.some((e) => e.test(p)));
      if (unexpected.length > 0) throw new Error(`unexpected console or page errors:\n${unexpected.join('\n')}`);
    },
  };
}

/// Opens the app in a fresh context. Returns { page, context, requests, problems, url, close }.
/// `requests` lists every URL the page asked for; `problems` every console error and page error, and `close()`
/// fails the test when one of them is not in `expectErrors` (regular expressions). `initScript` runs in the page
/// before the app (to play an old browser); with `started: false` the app is not waited for; `userAgent` makes
/// the page see another browser; `file` opens another single file (the self-test build).
export async function openApp(browser, output, { hash = '', initScript = null, started = true, userAgent, expectErrors = [], file = singleFile, device = {} } = {}) {
  let server = null;
  let url;
  if (output === 'served') {
    server = await serveDist();
    url = server.url;
  } else {
    url = pathToFileURL(file).href;
  }
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', userAgent, ...device });
  const watched = watchContext(context, expectErrors);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (initScript) await context.addInitScript(initScript);
  await page.goto(url + hash);
  if (started) await page.getByRole('heading', { level: 1 }).first().waitFor();
  return {
    page, context, requests, problems: watched.problems, url,
    close: async () => {
      await context.close();
      if (server) await server.close();
      watched.check();
    },
  };
}

/// True when a request stays inside the app: its own server, its own file, or data it made itself.
export function isOwn(requestUrl, appUrl) {
  if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return true;
  const a = new URL(requestUrl);
  const b = new URL(appUrl);
  if (b.protocol === 'file:') return a.protocol === 'file:' && a.pathname === b.pathname;
  return a.origin === b.origin;
}

/// Chromium started by hand, so that it can be killed with SIGKILL like a crash, with a profile that outlives it.
/// It picks its own debugging port and writes it into the profile, so parallel test files never collide.
export async function startChromium(profile) {
  const { spawn } = await import('node:child_process');
  const portFile = path.join(profile, 'DevToolsActivePort');
  fs.rmSync(portFile, { force: true });
  // A process group of its own, so that a kill takes the whole browser down at once, as a crash or a power cut does.
  const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium',
    ['--headless=new', ...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: 'ignore', detached: true });
  const cdpUrl = await until(() => {
    const text = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8') : '';
    const port = text.split('\n')[0];
    return port ? `http://127.0.0.1:${port}` : null;
  }, 'Chromium to write its debugging port');
  const cdp = await chromium.connectOverCDP(cdpUrl);
  const context = cdp.contexts()[0];
  const page = context.pages()[0] ?? await context.newPage();
  return {
    proc, cdp, page,
    kill: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        process.kill(-proc.pid, 'SIGKILL');
        await exited;
      }
      // The group's other processes (renderers, utilities) go with it; wait until none is left.
      await until(() => {
        try { process.kill(-proc.pid, 0); return false; } catch { return true; }
      }, 'the whole browser to be gone');
    },
  };
}

/// Polls `condition` (sync or async) until it gives something truthy, which it returns; fails after `ms`.
export async function until(condition, what, ms = 15000) {
  const start = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// The documents of every draft in the page's localStorage.
export const localDocs = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('rectify.v1.draft.'))
  .map(([, v]) => JSON.parse(v).document));

/// The documents of every draft in the app's IndexedDB copy (the one that survives a crash).
export const backupDocs = (page) => page.evaluate(() => new Promise((resolve) => {
  const request = indexedDB.open('rectify', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('drafts');
  request.onerror = () => resolve([]);
  request.onsuccess = () => {
    const db = request.result;
    const all = db.transaction('drafts').objectStore('drafts').getAll();
    all.onsuccess = () => { db.close(); resolve(all.result.map((t) => JSON.parse(t).document)); };
    all.onerror = () => { db.close(); resolve([]); };
  };
}));

/// Fills the page's localStorage to the last byte or two: big pieces first, then ever smaller ones, then keys
/// of one or two characters with nothing in them.
export const fillLocalStorage = (page) => page.evaluate(() => {
  let n = 0;
  for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 4)) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try { localStorage.setItem(`filler-${n++}`, chunk); } catch { break; }
    }
  }
  for (let i = 0; i < 65536; i++) {
    try { localStorage.setItem(String.fromCharCode(0x4e00 + (i % 20000)) + (i < 20000 ? '' : String(i)), ''); } catch { break; }
  }
});

/// A real old Chromium kernel (109 or 86), unpacked by `node tools/kernels.mjs` (./x test runs it first).
export async function launchKernel(major) {
  const dir = path.join(root, 'target', 'kernels', String(major));
  if (!fs.existsSync(path.join(dir, 'unpacked-from'))) {
    throw new Error(`Chromium ${major} is not unpacked in ${dir}: run npm ci --prefix tests/old-kernels && node tools/kernels.mjs (./x test does)`);
  }
  return chromium.launch({
    executablePath: path.join(dir, 'chromium'),
    args: [...FLAGS, '--no-zygote', '--headless'],
    env: { ...process.env, LD_LIBRARY_PATH: path.join(dir, 'lib') },
    headless: true,
  });
}

/// The Python with openpyxl and python-docx that `./x test` installs (target/office-readers).
export const officeReaders = path.join(root, 'target', 'office-readers', 'bin', 'python');

/// What the readers offices' own tools are built on find in a saved .xlsx or .docx (tools/read_office.py).
export async function readOffice(file) {
  const { execFileSync } = await import('node:child_process');
  // A bureau's workbook runs to megabytes of JSON: more than execFileSync's default buffer of 1 MB.
  const out = execFileSync(officeReaders, [path.join(root, 'tools', 'read_office.py'), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

/// The digest of docs/format.md § 6 (keys sorted, no spaces, non-ASCII as itself, `meta` left out), for files a
/// test writes by hand.
export function sealed(value) {
  const canonical = (v) => Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).filter((k) => k !== 'meta').sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
      : JSON.stringify(v);
  return 'sha256:' + crypto.createHash('sha256').update(canonical(value)).digest('hex');
}

/// Every word of every page of `pdf` with its box, as poppler finds them.
export function pdfWords(pdf) {
  const xml = childProcess.execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return xml.split('<page ').slice(1).map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] })));
}

/// Words printed over other words: pairs whose boxes meet over more than two fifths of the narrower one's width
/// and more than half the lower one's height, their middles on nearly one line. (Poppler's box of a CJK line is as tall as its line spacing, so lines
/// one under the other touch; and full-width punctuation squeezed at the end of a word lets the next word's box
/// start a few points early: neither is printing over.)
export function overprinted(pages) {
  const found = [];
  // A word of punctuation alone (`：` after `（签字）`): full-width marks are set half-width side by side, and
  // poppler cuts the word there with overlapping boxes.
  const punctuation = /^[\p{P}\p{S}\s]+$/u;
  pages.forEach((all, p) => {
    const words = all.filter((w) => !punctuation.test(w.text));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const lower = Math.min(a.y1 - a.y0, b.y1 - b.y0);
        const narrower = Math.min(a.x1 - a.x0, b.x1 - b.x0);
        // On one line, not two lines set tight (a small label over a large figure).
        const apart = Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
        if (w > Math.max(1, narrower * 0.4) && h > lower / 2 && apart < lower * 0.4) found.push(`page ${p + 1}: “${a.text}” over “${b.text}”`);
      }
    }
  });
  return found;
}

