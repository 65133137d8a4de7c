// Shared harness of the end-to-end tests: Debian's Chromium driven by playwright-core, the release build served
// from a local server and opened as a single file, and a record of every request the page makes.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const singleFile = path.join(dist, '检视整改清单.html');

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

/// Opens the app in a fresh context. Returns { page, context, requests, problems, url, close }.
/// `requests` lists every URL the page asked for; `problems` every console error and page error (a CSP
/// violation is reported as a console error). `initScript` runs in the page before the app (to play an old
/// browser); with `started: false` the app is not waited for; `userAgent` makes the page see another browser.
export async function openApp(browser, output, { hash = '', initScript = null, started = true, userAgent } = {}) {
  let server = null;
  let url;
  if (output === 'served') {
    server = await serveDist();
    url = server.url;
  } else {
    url = pathToFileURL(singleFile).href;
  }
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', userAgent });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  if (initScript) await context.addInitScript(initScript);
  await page.goto(url + hash);
  if (started) await page.getByRole('heading', { level: 1 }).first().waitFor();
  return {
    page, context, requests, problems, url,
    close: async () => { await context.close(); if (server) await server.close(); },
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
