// The user's guide (docs/guide.md) shows the real app: this walk takes every picture it shows, from the built
// single file, at an office PC's screen (1366×768) and a phone's (375×667), into target/guide/. `./x guide` copies
// them into docs/guide/. The walk fails when a step the guide describes is no longer there (each control is found
// by the name the guide gives it), and when the guide shows a picture this walk does not take, or the other way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, fixtures } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'guide');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const taken = [];
const DESK = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

/// A picture of what the user sees now (the window, not the whole page), or of one part of it.
async function picture(page, name, part = null) {
  const file = path.join(out, `${name}.png`);
  if (part) {
    await part.scrollIntoViewIfNeeded();
    await part.screenshot({ path: file });
  } else {
    await page.screenshot({ path: file });
  }
  taken.push(`${name}.png`);
}

test('the guide for 支部书记: a new list, its problems, 检查, print and 整改台账', async (t) => {
  const app = await openApp(browser, 'single file', { device: DESK });
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('活动（新建的清单属于）').selectOption({ label: '深入贯彻中央八项规定精神学习教育' });
  await picture(page, 'secretary-1-start');

  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('中共××县公安局交警大队支部委员会');
  await page.getByLabel('填报日期').fill('2025-04-15');
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByLabel('联系电话').fill('13907712345');
  await page.getByLabel('审核人').fill('王建国');
  // This 活动 publishes no fixed categories: the branch writes its own.
  for (const category of ['落实中央八项规定精神方面', '形式主义官僚主义方面', '享乐主义奢靡之风方面']) {
    await page.getByLabel('自定义类别名称').fill(category);
    await page.getByRole('button', { name: '添加类别' }).click();
    await page.getByText(category, { exact: true }).first().waitFor();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await picture(page, 'secretary-2-header');

  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('button', { name: '添加问题' }).click();
  await page.getByLabel('检视剖析（自己找）').check();
  await page.getByLabel('问题表现').fill('公务接待审批把关不严，2025年一季度有3次接待未按规定填写审批单。');
  await page.getByLabel('措施内容').fill('修订公务接待管理办法，接待一律先审批后接待，每季度由纪检委员抽查接待清单。');
  await page.getByLabel('整改目标').fill('审批单填写率100%');
  await page.getByRole('radio', { name: '限期整改' }).check();
  await page.getByLabel('完成日期').fill('2025-06-30');
  await page.getByLabel('牵头责任人').fill('王建国');
  await picture(page, 'secretary-3-problem', page.locator('.problem-card, article').first());

  await page.getByRole('button', { name: '检查', exact: true }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor();
  assert.match(await results.innerText(), /责任单位/);
  await picture(page, 'secretary-4-check', results);

  // A list handed in and under way: its print and its 整改台账.
  await page.goto(app.url);
  await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  await picture(page, 'secretary-5-print');
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
  await picture(page, 'secretary-6-ledger');
});

test('the guide for 党员: one\'s own list on a phone, sent to the branch', async (t) => {
  const app = await openApp(browser, 'single file', { device: PHONE });
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建个人清单' }).click();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByLabel('党支部').fill('交警大队党支部');
  await page.getByLabel('填报人').fill('李明');
  await picture(page, 'member-1-header');
  await page.getByRole('link', { name: /^2\. / }).click();
  await page.getByRole('heading', { level: 2, name: '我的问题与整改措施' }).waitFor();
  await page.getByLabel('问题表现').first().fill('学习上满足于完成规定动作，主动钻研不够。');
  await page.getByLabel('措施内容').first().fill('每周自学不少于3小时，每月写1篇学习体会。');
  await picture(page, 'member-2-problem');
  await page.getByRole('link', { name: /^4\. / }).click();
  await page.getByRole('button', { name: '发送给支部' }).waitFor();
  await picture(page, 'member-3-send');
});

test('the guide for the other lists: an 意见建议台账, and a 调研问题 纳入检视整改', async (t) => {
  const app = await openApp(browser, 'single file', { device: DESK });
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交通警察大队党支部');
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByRole('button', { name: '新建意见建议台账' }).click();
  await page.getByRole('button', { name: '添加意见建议' }).click();
  await page.getByLabel('收集渠道').selectOption('警营开放日');
  await page.getByLabel('意见建议内容').fill('建议在学校周边上下学时段增派警力疏导交通。');
  await page.getByLabel('承办单位').fill('交通警察大队');
  await page.getByLabel('办理措施').fill('在城区6所中小学上下学时段设立护学岗。');
  await page.getByLabel('办理结果').selectOption({ label: 'A 已经解决或基本解决' });
  await page.getByLabel('反馈情况').selectOption('已反馈');
  await picture(page, 'other-1-opinions', page.getByRole('region', { name: '第1条意见建议' }));
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByRole('button', { name: '新建调研问题清单' }).click();
  await page.getByRole('button', { name: '添加调研课题' }).click();
  await page.getByLabel('调研题目').fill('关于城区交通拥堵治理的调研');
  await page.getByRole('button', { name: '添加发现的问题' }).click();
  await page.getByLabel('发现问题').fill('早晚高峰主干道拥堵，部分路口信号配时不合理。');
  await page.getByLabel('整改措施').fill('会同住建部门优化12个路口信号配时。');
  await page.getByRole('button', { name: '纳入检视整改' }).click();
  await page.getByRole('status').getByText(/已纳入/).waitFor();
  await picture(page, 'other-2-include');
});

test('the guide for 主题教育办公室: 汇总, 各党支部, 审核 and 调度', async (t) => {
  const set = path.join(root, 'target', 'guide-branches');
  fs.rmSync(set, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '--example', 'branches', '--', set, '6'], { cwd: root });
  const files = fs.readdirSync(set).map((f) => path.join(set, f));
  const app = await openApp(browser, 'single file', { device: DESK });
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor();
  await page.getByRole('heading', { name: '全单位汇总' }).waitFor();
  await picture(page, 'office-1-summary');
  const branches = page.locator('section[aria-labelledby="branches-heading"]');
  await picture(page, 'office-2-branches', branches);

  await branches.getByRole('button', { name: /^查看 .* 的党组织清单$/ }).first().click();
  await page.getByLabel('审核人（办公室）').fill('王明');
  await page.getByLabel('审核意见', { exact: true }).fill('问题查摆要更具体，写明时间、次数。');
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByRole('status').filter({ hasText: '已记录审核结论' }).waitFor();
  await picture(page, 'office-3-review', page.locator('section.review'));

  await page.getByRole('link', { name: '返回汇总', exact: true }).first().click();
  await page.getByRole('heading', { name: '全单位汇总' }).waitFor();
  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByRole('heading', { name: /调度/ }).first().waitFor();
  await picture(page, 'office-4-dispatch');
});

test('the guide shows exactly the pictures the walk takes', () => {
  const guide = fs.readFileSync(path.join(root, 'docs', 'guide.md'), 'utf8');
  const shown = [...guide.matchAll(/\]\(guide\/([^)]+\.png)\)/g)].map((m) => m[1]).sort();
  assert.deepEqual(shown, [...taken].sort());
  for (const name of taken) assert.ok(fs.statSync(path.join(out, name)).size > 5000, `${name} is a picture`);
});
