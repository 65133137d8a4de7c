// What a branch secretary and a member read, on screen and on paper: 检查 on step 3, the wording of its summary
// and of a goal that measures nothing, the 党员名单's 未交, a member's own list (the name once, no 支部意见, the
// hand-in to the own 支部, 本人签字 on its print), formal 问题来源 and whole column heads on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, fixtures, root } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const out = path.join(root, 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });

/// The page printed to PDF: its pages' text with whitespace removed, and the text as laid out (columns apart).
async function pdfText(page, name) {
  const pdf = path.join(out, `print-${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const flat = execFileSync('pdftotext', [pdf, '-']).toString();
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  return { text: flat.replace(/\s+/g, ''), layout, pages };
}

async function importList(page, file) {
  await page.getByLabel('导入文件').setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
}

test('step 3 checks the list whenever it is shown, 检查 pressed there too, and a goal that measures nothing is warned about', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.problems[0].measures[0].goal = '群众满意。';
  const file = path.join(os.tmpdir(), `rectify-generic-goal-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  t.after(() => fs.rmSync(file, { force: true }));
  await importList(page, file);
  await page.getByRole('link', { name: /^3\. / }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  // Arriving is enough: nobody has to find the 检查 button first.
  await results.getByText('清单已完整，可以导出。另有1个提醒').waitFor();
  await results.getByText(/“群众满意。”说不出整改后能检查的结果（万能目标）/).waitFor();
  assert.equal(await results.getByText('点上方的“检查”按钮').count(), 0);
  // The warning leads to the goal; a measurable goal there, and 检查 on step 3 shows the list without it.
  await results.getByRole('link', { name: /第1个问题 · 第1项措施 · 整改目标/ }).click();
  const goal = page.getByLabel('整改目标').first();
  await goal.fill('群众满意率由85%提高到95%以上');
  await page.getByRole('link', { name: /^3\. / }).click();
  await results.getByText('清单已完整，没有错误和提醒，可以导出。').waitFor();
  assert.equal(await results.getByText(/0个提醒/).count(), 0, 'no "另有0个提醒"');
  // 检查 pressed on step 3 itself (where it once did nothing) shows the results again.
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await results.getByText('清单已完整，没有错误和提醒，可以导出。').waitFor();
  await page.getByRole('link', { name: /^2\. / }).click();
  await page.getByLabel('整改目标').first().fill('群众满意');
  await page.getByRole('link', { name: /^3\. / }).click();
  await results.getByText(/万能目标/).waitFor();
  await page.getByRole('link', { name: /^2\. / }).click();
  await page.getByLabel('整改目标').first().fill('全年零投诉，满意率95%以上');
  await page.getByRole('link', { name: /^3\. / }).click();
  await results.getByText('清单已完整，没有错误和提醒，可以导出。').waitFor();
});

test('on paper the 问题来源 are the campaign\'s terms and no column head breaks inside a word', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await importList(page, path.join(fixtures, 'org-complete.json'));
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  const { text, layout } = await pdfText(page, 'wording-org');
  assert.ok(!text.includes('自己找') && !text.includes('互相帮'), 'no screen hints on paper');
  assert.match(text, /检视剖析|征求意见、群众反映|调查研究发现/);
  // The head row: 序号 whole, 牵头责任人 parted only between its words.
  const head = layout.split('\n').slice(0, 40).join('\n');
  assert.match(head, /序号/, '序号 on one line');
  assert.ok(!/牵头责\s*$/m.test(head) && !/^\s*任人/m.test(head), '牵头责任人 not broken as 牵头责 / 任人');
});

test('the 党员名单 shows who has not handed in, copies their names, and one page per member leaves them out', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'member-complete.json'), 'utf8'));
  doc.members[1].problems = [];
  const missing = doc.members[1].name;
  const file = path.join(os.tmpdir(), `rectify-missing-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  t.after(() => fs.rmSync(file, { force: true }));
  await importList(page, file);
  await page.getByRole('link', { name: /^2\. / }).click();
  const index = page.getByRole('navigation', { name: '党员名单' });
  await index.getByText('共3名党员，已交2名，未交1名。').waitFor();
  // 未交 in the warning colour, never lighter than 完成.
  const colour = async (state) => index.locator('.state').filter({ hasText: state }).first().evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(await colour('未交'), await colour('完成'));
  assert.equal(await colour('未交'), 'rgb(138, 83, 0)', 'the warning colour');
  await index.getByText(`未交清单的党员（1名）：${missing}。`).waitFor();
  await index.getByRole('button', { name: '复制未交名单' }).click();
  await index.getByRole('status').filter({ hasText: '已复制' }).waitFor();
  // 每名党员一页: two pages, not a blank 草稿 page for the one who has not handed in; ticked off, three.
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByLabel('每名党员一页').check();
  await page.getByLabel('不打印未交清单的党员（1名）').waitFor();
  assert.equal(await page.locator('section.member-page').count(), 2);
  const printed = await pdfText(page, 'per-member-handed-in');
  assert.ok(!printed.text.includes(`姓名：${missing}`), `${missing} has no page`);
  await page.getByLabel('不打印未交清单的党员（1名）').uncheck();
  assert.equal(await page.locator('section.member-page').count(), 3);
});

test('a member\'s own list: the name typed once, no 支部意见, handed to the own 支部, 本人签字 on its print', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建个人清单' }).click();
  // Not yet typed, the name is one error, at 填报人: not again for the member's 姓名, which this page never shows.
  await page.getByRole('link', { name: /^3\. / }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.getByText('请填写填报人的姓名').waitFor();
  assert.equal(await results.getByText('请填写党员的姓名').count(), 0, 'the name is said to be missing once');
  await page.getByRole('link', { name: /^1\. / }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await page.getByLabel('填报日期').fill('2024-01-10');
  await page.getByLabel('填报人（本人姓名）').fill('刘洋');
  await page.getByRole('link', { name: /^2\. / }).click();
  await page.getByRole('heading', { level: 2, name: '我的问题与整改措施' }).waitFor();
  await page.locator('.own-name').filter({ hasText: '刘洋' }).waitFor();
  assert.equal(await page.getByLabel('姓名', { exact: true }).count(), 0, 'the name is not asked again');
  assert.equal(await page.getByLabel('支部意见').count(), 0, '支部意见 is the branch\'s');
  await page.getByLabel('问题表现').fill('对新修订的道路交通安全法实施条例学得不深，执法中依据把握不准。');
  await page.getByLabel('措施内容').fill('每周自学条例1章并做笔记，年底前参加一次执法资格考试。');
  await page.getByRole('radio', { name: '长期坚持' }).check();
  await page.getByRole('link', { name: /^4\. / }).click();
  await page.getByText(/交给本党支部/).waitFor();
  assert.equal(await page.getByText('上级党组织或主题教育办公室').count(), 0);
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  const { text } = await pdfText(page, 'personal');
  assert.match(text, /姓名：刘洋/);
  assert.match(text, /本人签字/);
});
