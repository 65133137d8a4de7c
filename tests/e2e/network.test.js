// No request leaves the app in a whole session — fill, check, export, print, ledger, 汇总 — in both outputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, OUTPUTS, isOwn, fixtures } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const output of OUTPUTS) {
  test(`${output}: a whole session makes no request outside the app`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByRole('button', { name: '新建党员清单' }).click();
    await page.getByLabel('党组织名称').fill('交警大队党支部');
    await page.getByRole('link', { name: '下一步' }).click();
    await page.getByRole('button', { name: '添加党员' }).click();
    await page.getByLabel('姓名').fill('刘洋');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('region', { name: '检查结果' }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出JSON' }).click().then(() => page.getByRole('button', { name: '导出草稿' }).click())]);
    await page.getByRole('button', { name: '打印' }).click();
    await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
    await page.pdf({ preferCSSPageSize: true });
    await page.goBack();
    await page.getByRole('button', { name: '整改台账' }).click();
    await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出CSV' }).click()]);
    await page.goto(app.url + '#/summary');
    await page.getByLabel('导入文件').setInputFiles([path.join(fixtures, 'org-complete.json'), path.join(fixtures, 'member-complete.json')]);
    await page.getByRole('heading', { level: 2, name: '全单位汇总' }).waitFor();
    const foreign = app.requests.filter((r) => !isOwn(r, app.url));
    assert.deepEqual(foreign, [], 'every request stays inside the app');
    assert.deepEqual(app.problems, [], 'and the policy blocked nothing the app needs');
  });
}
