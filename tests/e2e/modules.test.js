// What a 党支部's browser loads: the app alone at start-up and while a list is filled in; 整改台账 and 打印 bring
// their module on first use; the office's module (汇总, 调度) comes only when 汇总 is entered. Served, each module is
// a file requested then; in the single file, each is a block whose script runs then.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, openApp, fixtures, OUTPUTS, singleFile } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/// Which lazy modules the page has loaded: served, the requests of `<bin>-<hash>.js`; in the single file, whether
/// the block's script ran (it defines `__<bin>Compile`).
async function loaded(app, output) {
  const bins = ['writers', 'office', 'ledger'];
  if (output === 'served') {
    return bins.filter((bin) => app.requests.some((u) => new RegExp(`/${bin}-[0-9a-f]+\\.js$`).test(u)));
  }
  const ran = await app.page.evaluate((names) => names.map((bin) => typeof globalThis[`__${bin}Compile`] === 'function'), bins);
  return bins.filter((_, i) => ran[i]);
}

for (const output of OUTPUTS) {
  test(`${output}: a branch filling in its list loads no office code; 台账 brings its own module, 汇总 the office's`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    await page.getByRole('link', { name: /^2\. / }).click();
    const field = page.locator('textarea[id$="-content"]').first();
    await field.click();
    await page.keyboard.type('逐项对账销号');
    await page.getByRole('link', { name: /^3\. / }).click();
    await page.getByRole('heading', { level: 2, name: '检查' }).waitFor();
    assert.deepEqual(await loaded(app, output), [], 'filling in and checking a list loads nothing more');

    await page.getByRole('button', { name: '整改台账' }).click();
    await page.getByRole('heading', { level: 2, name: /^台账（/ }).waitFor();
    assert.deepEqual(await loaded(app, output), ['ledger'], '整改台账 brings the ledger\'s module, not the office\'s');

    // Back to the start page as its address, in the same page (the modules loaded stay loaded).
    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
    await page.getByLabel('导入文件').waitFor();
    assert.deepEqual(await loaded(app, output), ['office', 'ledger'], '汇总 brings the office\'s module');
  });
}

// The single file from a web server that is slow to send its tail (an old PC reading a USB stick is as slow): the
// app starts before the office's blocks have arrived. Opened straight at 汇总, it waits for them instead of
// failing with "没能启动".
test('single file, opened at 汇总 before its tail has arrived: 汇总 starts once the rest of the file is read', async (t) => {
  const bytes = fs.readFileSync(singleFile);
  const cut = bytes.indexOf(Buffer.from('id="writers-data"'));
  assert.ok(cut > 0, 'the lazy blocks are in the file\'s tail');
  let release;
  const released = new Promise((r) => { release = r; });
  const server = http.createServer(async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write(bytes.subarray(0, cut));
    await released;
    res.end(bytes.subarray(cut));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => { release(); server.close(); });
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const navigation = page.goto(`http://127.0.0.1:${server.address().port}/#/summary`, { waitUntil: 'commit' });
  // The app is up and asks for the office's module while the file is still arriving.
  await page.getByRole('status').filter({ hasText: '正在载入' }).waitFor();
  release();
  await navigation;
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await page.getByLabel('导入文件').waitFor();
  assert.equal(await page.getByText('没能启动').count(), 0);
  assert.deepEqual(errors, []);
});
