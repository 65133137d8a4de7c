// Filling in both lists as a new user would: by the labels on the screen, with 检查, a link to a field, a kept
// warning, export, re-import, reload, deleting a draft and undoing a removal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, fixtures, root, until, localDocs } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const shots = path.join(root, 'target', 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

/// The single file with a new org list at step 2, one problem added.
async function newOrgListWithAProblem(t) {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('button', { name: '添加问题' }).click();
  return { app, page };
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text, json: JSON.parse(text) };
}

test('an org list filled in, checked, kept, exported, re-imported and reloaded', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('中共××县公安局交警大队支部委员会');
  await page.getByLabel('填报日期').fill('2023-10-15');
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByLabel('联系电话').fill('13907712345');
  await page.getByLabel('审核人').fill('王建国');
  await shot(page, 'editor-header');
  await page.getByRole('link', { name: '下一步' }).click();

  await page.getByRole('button', { name: '添加问题' }).click();
  await page.getByLabel('检视剖析（自己找）').check();
  await page.getByLabel('问题表现').fill('学习不够深入');
  await page.getByLabel('措施内容').fill('制定支部年度学习计划，每月至少组织1次专题研讨，每名党员每季度至少发言1次。');
  await page.getByLabel('整改目标').fill('发言覆盖率100%');
  await page.getByRole('radio', { name: '限期整改' }).check();
  await page.getByLabel('完成日期').fill('2023-12-31');
  await page.getByLabel('牵头责任人').fill('王建国');
  // 责任单位 is left empty: 检查 must find it.
  await page.getByRole('button', { name: '检查', exact: true }).click();

  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor();
  await shot(page, 'editor-check');
  const text = await results.innerText();
  assert.match(text, /1个错误/);
  assert.match(text, /责任单位（部门）/);
  assert.match(text, /万能问题/);
  // The link moves focus to the field.
  await results.getByRole('link', { name: /责任单位/ }).click();
  const unit = page.getByLabel('责任单位');
  await page.waitForFunction(() => document.activeElement?.id?.endsWith('-dept'));
  assert.equal(await unit.getAttribute('aria-invalid'), 'true');
  // Seen, not only announced: the field wrong has the error colour's border (a grey one before; the stylesheet's
  // rule for controls outranked it).
  const border = (field) => field.evaluate((e) => getComputedStyle(e).borderTopColor);
  assert.equal(await border(unit), 'rgb(179, 38, 30)', 'the field wrong has a red border');
  const describedBy = await unit.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText(), /请填写责任单位/);
  await unit.fill('交警大队党支部');
  await unit.blur();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') !== 'true');
  assert.equal(await unit.getAttribute('aria-invalid'), 'false');
  assert.notEqual(await border(unit), 'rgb(179, 38, 30)', 'and none once put right');

  // A warning kept with a reason.
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await results.getByRole('button', { name: '保留此提醒' }).first().click();
  await results.getByLabel('保留理由').fill('上级点评原话，保留');
  await results.getByRole('button', { name: '确定保留' }).click();
  await results.getByText('已保留，理由：上级点评原话，保留').waitFor();
  assert.match(await results.innerText(), /清单已完整/);

  // Export: complete, so no question; the file name of format.md; the kept warning travels in the file.
  const first = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click());
  assert.equal(first.name, '党组织清单-中共××县公安局交警大队支部委员会-20231015.json');
  assert.equal(first.json.header.filed_by, '陈晓燕');
  assert.equal(first.json.problems[0].measures[0].dept, '交警大队党支部');
  assert.deepEqual(first.json.problems[0].sources, ['self_review']);
  assert.deepEqual(first.json.problems[0].measures[0].deadline, { type: 'by_date', date: '2023-12-31' });
  assert.equal(first.json.acknowledged.length, 1);
  assert.equal(first.json.acknowledged[0].reason, '上级点评原话，保留');
  assert.match(first.json.meta.digest, /^sha256:[0-9a-f]{64}$/);
  assert.ok(first.text.endsWith('}\n') && first.text.includes('\n  "format": "rectify-list"'));

  // Reload: the draft and the step are back.
  await until(async () => (await localDocs(page)).some((d) => d.problems?.[0]?.measures?.[0]?.content?.startsWith('制定支部年度学习计划')), 'the save');
  await page.reload();
  await page.getByRole('heading', { name: '检查', level: 2 }).waitFor();
  await page.getByRole('link', { name: '2. 问题与整改措施' }).click();
  assert.equal(await page.getByLabel('措施内容').inputValue(), '制定支部年度学习计划，每月至少组织1次专题研讨，每名党员每季度至少发言1次。');

  // Re-import the exported file: it is the same list, so the app asks before replacing the draft.
  await page.getByRole('link', { name: '首页' }).click();
  const tmp = path.join(shots, first.name);
  fs.writeFileSync(tmp, first.text);
  await page.getByLabel('导入文件').setInputFiles(tmp);
  await page.getByRole('alertdialog').waitFor();
  await page.getByRole('button', { name: '用文件替换本机草稿' }).click();
  await page.getByRole('heading', { name: '表头信息', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('党组织名称').inputValue(), '中共××县公安局交警大队支部委员会');
  const again = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click());
  assert.equal(again.json.revision, first.json.revision, 'unchanged, so the same revision');
  assert.equal(again.json.meta.digest, first.json.meta.digest, 'the same content');
  assert.deepEqual(app.problems, []);
});

test('a member list filled in by a new user exports as complete', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党员清单' }).click();
  await page.getByLabel('党组织名称').fill('中共××县公安局交警大队支部委员会');
  await page.getByLabel('填报日期').fill('2024-01-10');
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('button', { name: '添加党员' }).click();
  await page.getByLabel('姓名').fill('阿依古丽·买买提');
  // The member's card is named after them as soon as the name is typed.
  await page.getByRole('article', { name: '党员1：阿依古丽·买买提' }).waitFor();
  await page.getByLabel('职务').fill('宣传民警');
  await page.getByLabel('问题表现').fill('深入农村开展交通安全宣传少，2023年只进村宣讲3次。');
  await page.getByLabel('措施内容').fill('每月至少进村宣讲1次，联合乡镇制作方言版宣传短视频4条。');
  await page.getByRole('radio', { name: '长期坚持' }).check();
  // No red underlines under names and Chinese the spell checker cannot read (and no checking pass per key).
  assert.equal(await page.getByLabel('措施内容').evaluate((e) => e.spellcheck), false);
  assert.equal(await page.getByLabel('姓名').evaluate((e) => e.spellcheck), false);
  await shot(page, 'editor-member');
  await page.getByRole('button', { name: '检查', exact: true }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.getByText('清单已完整').waitFor();
  const out = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click());
  assert.equal(out.name, '党员清单-中共××县公安局交警大队支部委员会-阿依古丽·买买提-20240110.json', 'a list of one member says whose it is');
  const member = out.json.members[0];
  assert.equal(member.name, '阿依古丽·买买提');
  assert.equal(member.problems[0].category, '学习贯彻党的创新理论');
  assert.deepEqual(member.problems[0].measures[0].deadline, { type: 'long_term' });
  assert.ok(!('lead' in member.problems[0].measures[0]), 'members are their own lead');
  assert.deepEqual(app.problems, []);
});

// A text area keeps its size while it is typed in (a keystroke lays out the area alone), and the user can still
// drag it taller to read a long text.
test('a long 措施内容 scrolls inside its field, which can be dragged taller', async (t) => {
  const { app, page } = await newOrgListWithAProblem(t);
  const content = page.getByLabel('措施内容');
  const goal = page.getByLabel('整改目标');
  const long = Array.from({ length: 12 }, (_, i) => `第${i + 1}条：每月至少组织1次专题研讨。`).join('\n');
  await content.fill(long);
  const typed = await content.boundingBox();
  const empty = await goal.boundingBox();
  assert.equal(Math.round(typed.height), Math.round(empty.height), 'twelve lines make the area no taller than an empty one');
  assert.ok(await content.evaluate((e) => e.scrollHeight > e.clientHeight + 100), 'the text scrolls inside the area');
  // The corner's handle, dragged 150 px down.
  await page.mouse.move(typed.x + typed.width - 3, typed.y + typed.height - 3);
  await page.mouse.down();
  await page.mouse.move(typed.x + typed.width - 3, typed.y + typed.height + 147, { steps: 5 });
  await page.mouse.up();
  await until(async () => (await content.boundingBox()).height > typed.height + 100, 'the area is taller after the drag');
  assert.equal(await content.inputValue(), long);
  assert.ok((await goal.boundingBox()).y > empty.y + 100, 'the fields below moved down with it');
  assert.deepEqual(app.problems, []);
});

test('a choice pressed below a field whose error goes on leaving it is chosen at the first press', async (t) => {
  const { page } = await newOrgListWithAProblem(t);
  // 检查 shows every field's errors, 措施内容's (empty) among them; the user comes back to mend them.
  await page.getByRole('link', { name: /^3\. / }).click();
  await page.getByRole('region', { name: '检查结果' }).waitFor();
  await page.getByRole('link', { name: /^2\. / }).click();
  const content = page.getByLabel('措施内容');
  await content.fill('每周自学条例1章并做笔记，年底前参加一次执法资格考试。');
  assert.equal(await content.getAttribute('aria-invalid'), 'true', 'the error stays while the field is typed in');
  // A group of choices left wrong is marked as a field is: its frame in the error colour.
  const deadline = page.locator('fieldset.deadline');
  assert.equal(await deadline.getAttribute('aria-invalid'), 'true');
  assert.equal(await deadline.evaluate((e) => getComputedStyle(e).borderTopColor), 'rgb(179, 38, 30)', 'the 整改时限 group has a red frame');
  // Pressing 长期坚持 leaves 措施内容, whose error then goes: the choice below it must not move under the press.
  const longTerm = page.getByRole('radio', { name: '长期坚持' });
  await longTerm.click();
  await page.waitForFunction(() => document.querySelector('textarea[id$="-content"]')?.getAttribute('aria-invalid') === 'false');
  assert.ok(await longTerm.isChecked(), '长期坚持 is chosen by the one press');
});

test('an incomplete list is said to be a draft before it is saved', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await page.getByRole('button', { name: '导出JSON' }).click();
  const question = page.getByRole('alertdialog');
  assert.match(await question.innerText(), /个错误，还不完整/);
  const out = await download(page, () => page.getByRole('button', { name: '导出草稿' }).click());
  assert.match(out.name, /^党组织清单-交警大队党支部-未填日期-草稿\.json$/);
});

test('removing needs a yes, and can be undone', async (t) => {
  const { page } = await newOrgListWithAProblem(t);
  await page.getByRole('button', { name: '添加问题' }).click();
  await page.getByLabel('问题表现').nth(1).fill('第二个问题的具体表现写在这里，足够十五个字。');
  await page.getByLabel('问题表现').nth(1).blur();
  await page.getByRole('button', { name: '删除问题2', exact: true }).click();
  assert.equal(await page.getByLabel('问题表现').count(), 2, 'nothing removed before the yes');
  await page.getByRole('alertdialog').getByRole('button', { name: '删除问题2', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '已删除第2个问题' }).waitFor();
  assert.equal(await page.getByLabel('问题表现').count(), 1);
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await page.getByLabel('问题表现').count(), 2);
  assert.equal(await page.getByLabel('问题表现').nth(1).inputValue(), '第二个问题的具体表现写在这里，足够十五个字。');
});

test('drafts are listed on the start page and deleted only after a yes', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('草稿甲支部');
  await page.getByLabel('党组织名称').blur();
  await until(async () => (await localDocs(page)).some((d) => d.header.org_name === '草稿甲支部'), 'the save');
  await page.getByRole('link', { name: '首页' }).click();
  await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { name: '表头信息', level: 2 }).waitFor();
  await page.getByRole('link', { name: '首页' }).click();
  const table = page.getByRole('table');
  await table.waitFor();
  const rows = await table.getByRole('row').allInnerTexts();
  assert.equal(rows.length, 3);
  assert.ok(rows.some((r) => r.includes('草稿甲支部') && r.includes('党组织清单') && r.includes('草稿（')));
  assert.ok(rows.some((r) => r.includes('中共××县公安局交警大队支部委员会') && r.includes('完整')));
  await shot(page, 'start-with-drafts');
  await page.getByRole('button', { name: '删除 草稿甲支部' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await table.getByRole('row').count(), 3);
  await page.getByRole('button', { name: '删除 草稿甲支部' }).click();
  await page.getByRole('button', { name: '确定删除' }).click();
  await page.getByRole('status').filter({ hasText: '草稿已删除' }).waitFor();
  assert.equal(await table.getByRole('row').count(), 2);
});

test('a bad file is explained and changes nothing', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('link', { name: '首页' }).click();
  const before = await page.getByRole('table').innerText();
  for (const [file, says] of [['bad/not-json.json', /不是有效的JSON格式/], ['bad/wrong-format.json', /something-else/], ['bad/newer-version.json', /更新版本/]]) {
    await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, file));
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: says }).waitFor();
  }
  assert.equal(await page.getByRole('table').innerText(), before);
});
