// The kernels branch PCs really have (issue 18), as real binaries: Chromium 109 (the last Chrome for Windows 7) runs
// the app — both outputs start, a list is filled, checked and exported, printed with its 校验码 on every page, its
// 台账 opened, a few files consolidated; Chromium 86 (360安全浏览器 13, several 信创 browsers) cannot run it and says
// so, in Chinese, instead of showing a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchKernel, openApp, OUTPUTS, fixtures, root } from './harness.js';

const out = path.join(root, 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });

let chrome109;
let chrome86;
before(async () => {
  execFileSync('cargo', ['run', '-q', '--example', 'samples', '--', path.join(root, 'target', 'samples')], { cwd: root });
  [chrome109, chrome86] = await Promise.all([launchKernel(109), launchKernel(86)]);
});
after(async () => { await Promise.all([chrome109?.close(), chrome86?.close()]); });

test('the kernels are what they say', () => {
  assert.match(chrome109.version(), /^109\./);
  assert.match(chrome86.version(), /^86\./);
});

for (const output of OUTPUTS) {
  test(`Chromium 109, ${output}: a list is filled, checked, exported and its 台账 opened`, async (t) => {
    const app = await openApp(chrome109, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByRole('button', { name: '新建党组织清单' }).click();
    await page.getByLabel('党组织名称').fill('中共××县公安局交警大队支部委员会');
    await page.getByLabel('填报日期').fill('2023-10-15');
    await page.getByLabel('填报人').fill('陈晓燕');
    await page.getByLabel('审核人').fill('王建国');
    await page.getByRole('link', { name: '下一步' }).click();
    await page.getByRole('button', { name: '添加问题' }).click();
    await page.getByRole('checkbox', { name: '检视剖析（自己找）' }).check();
    await page.getByLabel('问题表现').fill('2023年上半年6次集体学习中研讨发言仅2次，结合工作实际谈体会不够。');
    await page.getByLabel('措施内容').fill('制定支部年度学习计划，每月至少组织1次专题研讨。');
    await page.getByLabel('整改目标').fill('发言覆盖率100%');
    await page.getByRole('radio', { name: '长期坚持' }).check();
    await page.getByLabel('牵头责任人').fill('王建国');
    await page.getByLabel('责任单位').fill('交警大队党支部');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('region', { name: '检查结果' }).getByText('清单已完整').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出JSON' }).click()]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(json.problems[0].measures[0].lead, '王建国');
    assert.match(json.meta.digest, /^sha256:[0-9a-f]{64}$/);

    await page.getByRole('button', { name: '整改台账' }).click();
    await page.getByRole('heading', { level: 1, name: /整改台账/ }).waitFor();
    await page.getByRole('button', { name: '办理1-1' }).waitFor();
  });
}

test('Chromium 109: the printed list carries its 校验码 on every page', async (t) => {
  const app = await openApp(chrome109, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const file = path.join(root, 'target', 'samples', 'org-30.json');
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  assert.match(await page.locator('.print-controls').innerText(), /勾选“页眉和页脚”/, 'it says how to get page numbers');
  const pdf = path.join(out, 'print-chromium-109.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const code = JSON.parse(fs.readFileSync(file, 'utf8')).meta.digest.slice(7, 19);
  const count = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  assert.ok(count > 2, `a list of 30 problems runs over several pages (${count})`);
  for (let i = 1; i <= count; i++) {
    const text = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), pdf, '-']).toString().replace(/\s+/g, '');
    assert.ok(text.includes(`校验码：${code}`), `the 校验码 on page ${i} of ${count}`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(out, 'print-chromium-109')]);
});

test('Chromium 109: a few branch files are consolidated', async (t) => {
  const app = await openApp(chrome109, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(['org-complete.json', 'member-complete.json', 'org-draft-with-errors.json'].map((f) => path.join(fixtures, f)));
  await page.getByRole('status').filter({ hasText: '已读取3个文件' }).waitFor();
  assert.equal(await page.locator('table.verdicts tbody tr').count(), 3);
  await page.getByRole('heading', { level: 2, name: '全单位汇总' }).waitFor();
});

for (const output of OUTPUTS) {
  test(`Chromium 86, ${output}: the app says the browser is too old, and what to do`, async (t) => {
    // The kernel does not know 'wasm-unsafe-eval' and says so on the console: the one error expected here.
    const app = await openApp(chrome86, output, {
      started: false,
      expectErrors: [/'wasm-unsafe-eval'/, /Wasm code generation disallowed|invalid value type 'externref'/],
    });
    t.after(() => app.close());
    // Playwright's own waits need a newer kernel (element.checkVisibility, Chromium 105): the page is asked itself.
    const said = await (await app.page.waitForFunction(() => {
      const alert = document.querySelector('[role="alert"]');
      return alert && alert.offsetParent !== null && alert.innerText.includes('这个浏览器运行不了检视整改清单') && alert.innerText;
    })).jsonValue();
    assert.match(said, /Chromium 97/);
    assert.match(said, /不会因此丢失/);
    await app.page.screenshot({ path: path.join(out, `chromium-86-${output.replace(' ', '-')}.png`) });
  });
}
