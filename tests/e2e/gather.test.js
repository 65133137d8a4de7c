// Members write their own lists, each in a browser of their own, and the secretary gathers them (issue 14): the
// roster, the three files gathered, the fourth member 未交, a revised file replacing, an older one refused, another
// branch's file asked about, a gathering undone, and everything still there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, root, until, localDocs } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const BRANCH = '中共××县公安局交警大队支部委员会';
const out = path.join(root, 'target', 'gather-e2e');

/// Exports the open list; returns the saved file's path.
async function exportList(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出JSON' }).click(),
  ]);
  const file = path.join(out, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/// A member fills in their own list by the field labels, checks it and exports it.
async function personalList(app, { name, branch = BRANCH, problem }) {
  const { page } = app;
  await page.getByRole('button', { name: '新建个人清单' }).click();
  await page.getByLabel('党组织名称').fill(branch);
  await page.getByLabel('填报日期').fill('2024-01-10');
  await page.getByLabel('填报人').fill(name);
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('heading', { level: 2, name: '我的问题与整改措施' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: '党员名单' }).count(), 0, 'no roster in a member\'s own list');
  // The name is typed once, as 填报人; the member's 姓名 follows, and 支部意见 is the branch's, not shown here.
  await page.locator('.own-name').filter({ hasText: name }).waitFor();
  assert.equal(await page.getByLabel('支部意见').count(), 0);
  await page.getByLabel('问题表现').fill(problem);
  await page.getByLabel('措施内容').fill('每周自学条例1章并做笔记，年底前参加一次执法资格考试。');
  await page.getByRole('radio', { name: '长期坚持' }).check();
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByRole('region', { name: '检查结果' }).getByText('清单已完整').waitFor();
  return exportList(page, `${name}.json`);
}

test('members hand in their own lists and the branch gathers them', async (t) => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  // Three members, each in a browser profile of their own.
  const files = {};
  for (const [name, problem] of [
    ['刘洋', '对新修订的道路交通安全法实施条例学得不深，执法中依据把握不准。'],
    ['周静', '深入农村开展交通安全宣传少，2023年只进村宣讲3次。'],
    ['王强', '夜查酒驾时对群众解释说明不够耐心，有2次被投诉态度生硬。'],
  ]) {
    const app = await openApp(browser, 'single file');
    t.after(() => app.close());
    files[name] = await personalList(app, { name, problem });
    assert.equal(files[name].suggested, `党员清单-${BRANCH}-${name}-20240110.json`, 'the file says whose it is');
    if (name === '刘洋') {
      // 刘洋 revises his list and hands it in again.
      await app.page.getByRole('link', { name: '2. 我的问题与整改措施' }).click();
      await app.page.getByLabel('问题表现').fill('对新修订的道路交通安全法实施条例学得不深，执法中依据把握不准，已补学三章。');
      files.revised = await exportList(app.page, '刘洋-第二版.json');
    }
  }
  // A member of another branch.
  const other = await openApp(browser, 'single file');
  t.after(() => other.close());
  files.other = await personalList(other, { name: '赵敏', branch: '中共××县公安局治安大队支部委员会', problem: '学习不够深入，对新出台的治安管理规定掌握不全，2次执法被纠正。' });

  // The secretary, in a fourth profile: the roster first.
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党员清单' }).click();
  await page.getByLabel('党组织名称').fill(BRANCH);
  await page.getByLabel('填报日期').fill('2024-01-12');
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByLabel('批量添加党员').fill('刘洋\n周静\n王强\n李娜');
  await page.getByRole('button', { name: '添加到名单' }).click();
  const index = page.getByRole('navigation', { name: '党员名单' });
  await index.getByText('共4名党员，已交0名，未交4名。').waitFor();

  // Three files at once: each fills its name on the roster; 李娜 stays 未交.
  await page.getByLabel('收集党员清单').setInputFiles([files['刘洋'].file, files['周静'].file, files['王强'].file]);
  const plan = page.getByRole('group', { name: '收集前请确认' });
  await plan.waitFor();
  assert.equal(await plan.getByText('填入名单中的未交党员').count(), 3);
  await page.getByRole('button', { name: '确认收集' }).click();
  await page.getByRole('status').filter({ hasText: '收集完成：新增0名，补交3名' }).waitFor();
  await index.getByText('共4名党员，已交3名，未交1名。').waitFor();
  assert.match(await index.getByRole('link', { name: /李娜/ }).innerText(), /未交/);
  assert.match(await index.getByRole('link', { name: /刘洋/ }).innerText(), /完成/);

  // A member opens alone, named in the address; with the keyboard too.
  await index.getByRole('link', { name: /周静/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '党员2：周静' }).waitFor();
  assert.match(page.url(), /#\/edit\/[^/]+\/at\//);
  assert.equal(await page.locator('.member-open article.member').count(), 1, 'one member on the page');

  // 刘洋's revised file replaces his first one.
  await page.getByLabel('收集党员清单').setInputFiles(files.revised.file);
  await plan.getByText('替换以前收集的版本').waitFor();
  await page.getByRole('button', { name: '确认收集' }).click();
  await page.getByRole('status').filter({ hasText: '替换1名' }).waitFor();

  // His first file again: older, nothing changes, and it says so.
  await page.getByLabel('收集党员清单').setInputFiles(files['刘洋'].file);
  await plan.getByText(/较旧的一版（修订号1）/).waitFor();
  await page.getByRole('button', { name: '确认收集' }).click();
  await page.getByRole('status').filter({ hasText: '没有收集到新的内容' }).waitFor();

  // Another branch's file is asked about; gathered, then undone.
  await page.getByLabel('收集党员清单').setInputFiles(files.other.file);
  await plan.getByText('这个文件是“中共××县公安局治安大队支部委员会”的，不是本支部的。').waitFor();
  assert.ok(await plan.getByRole('radio', { name: '收集', exact: true }).isChecked(), 'gathering is offered first');
  await plan.getByRole('radio', { name: '不收集' }).check();
  await plan.getByRole('radio', { name: '收集', exact: true }).check();
  await page.getByRole('button', { name: '确认收集' }).click();
  await index.getByRole('link', { name: /赵敏/ }).waitFor();
  await page.getByRole('button', { name: '撤销' }).click();
  await index.getByRole('link', { name: /赵敏/ }).waitFor({ state: 'detached' });
  await index.getByText('共4名党员，已交3名，未交1名。').waitFor();

  // The list is not complete while 李娜 has not handed in; nothing is lost across a reload.
  await page.getByRole('button', { name: '检查', exact: true }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.getByText(/第4名党员（李娜） · 问题/).waitFor();
  await results.getByRole('link', { name: /李娜/ }).first().click();
  await page.getByRole('heading', { name: '党员4：李娜' }).waitFor();
  await until(async () => (await localDocs(page)).some((d) => d.members?.length === 4
    && d.members[0].problems[0].description.endsWith('已补学三章。')), 'the gathered list to be saved');
  const at = page.url();
  await page.reload();
  await page.getByRole('heading', { name: '党员4：李娜' }).waitFor();
  assert.equal(page.url(), at, 'the address brought the member back');
  const [doc] = await localDocs(page);
  assert.deepEqual(doc.members.map((m) => m.name), ['刘洋', '周静', '王强', '李娜']);
  assert.equal(doc.members[0].origin.revision, 2);
  assert.equal(doc.members[1].problems[0].description, '深入农村开展交通安全宣传少，2023年只进村宣讲3次。');
  assert.deepEqual(doc.members[3].problems, []);
});
