// The start page, opened both ways, as a user sees it: the name, what the app does, the four ways in, the
// keyboard, a file imported, and not one request leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, OUTPUTS, isOwn, fixtures, dist, singleFile, root } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const output of OUTPUTS) {
  test(`${output}: the start page shows the app and its four ways in`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '检视整改清单' }).waitFor());
    const text = await page.locator('body').innerText();
    assert.match(text, /不会上传到任何地方/);
    for (const name of ['新建党组织清单', '新建党员清单', '汇总']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    assert.equal(await page.getByLabel('导入文件', { exact: true }).count(), 1);
    await page.screenshot({ path: path.join(root, 'target', `start-${output.replace(' ', '-')}.png`), fullPage: true });
    assert.deepEqual(app.problems, []);
    });

  test(`${output}: the buttons work with the keyboard alone`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    const button = page.getByRole('button', { name: '汇总', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
    assert.match(page.url(), /#\/summary$/);
    await page.getByRole('link', { name: '首页' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: '检视整改清单' }).waitFor();
    // Tab reaches every control in order, each with a visible focus ring.
    const reached = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement;
        const label = el.labels?.[0]?.innerText ?? el.closest('label')?.innerText ?? el.innerText;
        return label.trim();
      }));
    }
    assert.deepEqual(reached, ['活动（新建的清单属于）', '新建党组织清单', '新建党员清单', '新建个人清单', '导入文件', '汇总']);
    assert.deepEqual(app.problems, []);
    });

  test(`${output}: a list file opens as a draft and a bad file is explained`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    assert.equal(await page.getByLabel('党组织名称').inputValue(), '中共××县公安局交警大队支部委员会');
    await page.getByRole('link', { name: '首页' }).click();
    await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'bad', 'newer-version.json'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /更新版本的程序/);
    assert.deepEqual(app.problems, []);
  });

  test(`${output}: no request leaves the app`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'member-complete.json'));
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('region', { name: '检查结果' }).waitFor();
    await page.getByRole('link', { name: '首页' }).click();
    await page.getByRole('button', { name: '新建党组织清单' }).click();
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    const foreign = app.requests.filter((r) => !isOwn(r, app.url));
    assert.deepEqual(foreign, []);
    assert.ok(app.requests.length >= 1);
  });
}

test('both outputs carry a Content-Security-Policy that forbids connections', () => {
  for (const file of [path.join(dist, 'index.html'), singleFile]) {
    const html = fs.readFileSync(file, 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, `${file} has a policy`);
    for (const rule of ["default-src 'none'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "'wasm-unsafe-eval'"]) {
      assert.ok(csp.includes(rule), `${path.basename(file)}: ${rule}`);
    }
    assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), 'no unsafe-inline or unsafe-eval');
    assert.ok(!/https?:/.test(csp), 'no remote sources');
  }
  const single = fs.readFileSync(singleFile, 'utf8');
  assert.ok(!/<script[^>]+src=/.test(single) && !/<link[^>]+stylesheet/.test(single), 'the single file loads nothing');
});

for (const output of OUTPUTS) {
  test(`${output}: the start-up notice goes once the app runs, and says why when the browser cannot run it`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    assert.equal(await app.page.locator('#boot').count(), 0, 'the start-up notice is gone once the app runs');

    // An old kernel (Chromium < 97) refuses the wasm under this policy, or cannot read it: play that.
    const old = await openApp(browser, output, {
      started: false,
      initScript: () => {
        const refuse = () => Promise.reject(new WebAssembly.CompileError('WebAssembly.instantiate(): Wasm code generation disallowed by embedder'));
        WebAssembly.instantiate = refuse;
        WebAssembly.instantiateStreaming = refuse;
      },
    });
    t.after(() => old.close());
    const alert = old.page.getByRole('alert');
    await alert.filter({ hasText: '这个浏览器运行不了检视整改清单' }).waitFor();
    const said = await alert.innerText();
    assert.match(said, /Chromium 97/, 'it says what the browser needs');
    assert.match(said, /升级到最新版/, 'it says what to do');
    assert.match(said, /不会因此丢失/, 'it says the drafts are safe');
    assert.match(said, /disallowed by embedder/, 'it gives the browser\'s own words');

    // A start that never ends (no error to catch): after a few seconds the notice says what may be wrong.
    const stuck = await openApp(browser, output, {
      started: false,
      initScript: () => {
        WebAssembly.instantiate = () => new Promise(() => {});
        WebAssembly.instantiateStreaming = () => new Promise(() => {});
      },
    });
    t.after(() => stuck.close());
    const late = stuck.page.locator('#boot .boot-late');
    assert.ok(!(await late.isVisible()), 'at first it only says the app is opening');
    await late.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await late.innerText(), /^如果一直停在这里/);
  });
}
