// 调度 (issue 17): two rounds of files from three branches a week apart — 甲 hands in again with measures done, one
// closed, a progress note and an extension (its first file superseded); 乙 stays silent while a measure falls
// overdue; 丙 hands in for the first time with one measure long overdue and one due in three days. Every figure,
// the silent branch, the changes, the paragraph; then the 调度表 and the 督办单 printed to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, launchKernel, openApp, root, fixtures, until, sealed, OUTPUTS } from './harness.js';

// On the Chromium of today and on the real Chromium 109 (Windows 7's last; see tests/old-kernels).
const browsers = {};
before(async () => { [browsers.current, browsers['109']] = await Promise.all([launch(), launchKernel(109)]); });
after(async () => { await Promise.all(Object.values(browsers).map((b) => b.close())); });

const out = path.join(root, 'target', 'dispatch-e2e');

/// Today in the app's time zone, and a day `n` days from it, as `YYYY-MM-DD`.
const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
function day(n) {
  const d = new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const official = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };


/// The org fixture as branch `name`'s list: every measure 正在整改, due in a month, no notes.
function list(name, id) {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.id = id;
  doc.header.org_name = name;
  for (const p of doc.problems) {
    for (const m of p.measures) {
      Object.assign(m, { status: 'in_progress', deadline: { type: 'by_date', date: day(30) }, extension: null, closed: null });
      delete m.updates;
    }
  }
  return doc;
}

/// Writes `doc` as exported on `date`.
function write(doc, date, file) {
  const copy = structuredClone(doc);
  delete copy.meta;
  copy.meta = { app_version: 'test', exported_at: `${date}T09:30:00+08:00`, digest: sealed(copy) };
  const at = path.join(out, file);
  fs.writeFileSync(at, JSON.stringify(copy, null, 2));
  return at;
}

/// The four lists as written (甲's two, 乙's, 丙's), for what the page must say of them.
let docs = [];

function files() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const a1 = list('甲党支部', '11111111-1111-4111-8111-111111111111');
  const a2 = structuredClone(a1);
  a2.revision = 2;
  const [p0, p1] = a2.problems;
  p0.measures[0].status = 'done';
  p0.measures[1].status = 'done';
  p0.measures[1].closed = { date: day(-1), by: '王书记', opinion: '同意销号' };
  p1.measures[0].status = 'extended';
  p1.measures[0].extension = { new_date: day(60), reason: '需上级批复', approved_by: '李局长' };
  p1.measures[0].updates = [{ date: day(-2), text: '已召开专题会' }];
  const b1 = list('乙党支部', '22222222-2222-4222-8222-222222222222');
  b1.problems[0].measures[0].deadline.date = day(-3);
  const c1 = list('丙党支部', '33333333-3333-4333-8333-333333333333');
  c1.problems[0].measures[0].deadline.date = day(-20);
  c1.problems[4].measures[0].deadline.date = day(3);
  docs = [a1, b1, a2, c1];
  return [
    write(a1, day(-8), '甲-第一次.json'),
    write(b1, day(-8), '乙.json'),
    write(a2, day(-1), '甲-第二次.json'),
    write(c1, day(-1), '丙.json'),
  ];
}

async function rowOf(page, name) {
  const cells = await page.locator('table.dispatch-table tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').allInnerTexts();
  return cells.map((c) => c.trim());
}

function pdfPages(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m).slice(1).map((n) => Math.round(Number(n)));
  const text = [];
  for (let p = 1; p <= pages; p++) text.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  return { pages, size, text };
}

for (const kernel of ['current', '109']) test('调度 of a week: what moved, who went quiet, what is due, and the 督办单' + (kernel === '109' ? ' (Chromium 109)' : ''), async (t) => {
  const browser = browsers[kernel];
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files());
  await page.getByRole('status').filter({ hasText: '已读取4个文件' }).waitFor();

  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByLabel('开始日期').fill(day(-6));
  await page.getByLabel('结束日期').fill(day(0));
  const label = `${official(day(-6))}至${official(day(0))}`;
  await page.getByRole('heading', { name: `调度表（${label}）` }).waitFor();

  // 新销号, 新完成, 新增逾期, 申请延期, 进展记录, 逾期, 临期, 本期报送
  assert.deepEqual(await rowOf(page, '甲党支部'), ['1', '2', '0', '1', '1', '0', '0', '有新文件']);
  assert.deepEqual(await rowOf(page, '乙党支部'), ['0', '0', '1', '0', '0', '1', '0', '未报送进展']);
  assert.deepEqual(await rowOf(page, '丙党支部'), ['0', '0', '0', '0', '0', '1', '1', '有新文件']);
  const total = (await page.locator('table.dispatch-table tfoot td').allInnerTexts()).map((c) => c.trim());
  assert.deepEqual(total, ['1', '2', '1', '1', '1', '2', '1', '1个未报送']);
  assert.deepEqual(await page.locator('ul.silent-branches li').allInnerTexts(), ['乙党支部']);

  const report = await page.locator('#dispatch-report').innerText();
  assert.equal(report, `本期（${label}），全单位新销号1项，新完成2项，新增逾期1项，申请延期1项，新增进展记录1条。截至${official(day(0))}，逾期2项，临期1项（7日内到期）。1个党支部本期未报送进展：乙党支部。拟向2个党支部发督办单。`);

  const pressing = await page.locator('table.pressing tbody tr').allInnerTexts();
  assert.equal(pressing.length, 3);
  // Each with its list and the problem it belongs to, in words.
  const problem = (doc, p) => doc.problems[p].description.trim();
  const [, b1Doc, , c1Doc] = docs;
  // 党支部 in name order (丙 U+4E19 before 乙 U+4E59), each's most overdue first.
  assert.ok(pressing[0].startsWith(`丙党支部\t党组织清单\t${problem(c1Doc, 0)}`) && pressing[0].endsWith('逾期20天'), pressing[0]);
  assert.ok(pressing[1].startsWith(`丙党支部\t党组织清单\t${problem(c1Doc, 4)}`) && pressing[1].endsWith(`临期（${official(day(3))}到期）`), pressing[1]);
  assert.ok(pressing[2].startsWith(`乙党支部\t党组织清单\t${problem(b1Doc, 0)}`) && pressing[2].endsWith('逾期3天'), pressing[2]);

  // What changed, field by field, the old text beside the new.
  const changesOf = async (name) => {
    const block = page.locator('.branch-changes').filter({ has: page.getByRole('heading', { name, exact: true }) });
    return { line: await block.locator('.list-changes').allInnerTexts(), rows: await block.locator('table.change-table tbody tr').allInnerTexts() };
  };
  const a = await changesOf('甲党支部');
  assert.deepEqual(a.line, ['党组织清单：第2版与第1版相比，改动6处：']);
  assert.deepEqual(a.rows, [
    '第1个问题第1项措施\t整改状态\t正在整改\t已完成整改',
    '第1个问题第2项措施\t整改状态\t正在整改\t已完成整改',
    `第1个问题第2项措施\t销号\t\t${official(day(-1))} 王书记：同意销号`,
    '第2个问题第1项措施\t整改状态\t正在整改\t申请延期',
    `第2个问题第1项措施\t延期\t\t延期至${official(day(60))}（理由：需上级批复；批准人：李局长）`,
    `第2个问题第1项措施\t新增进展记录\t\t${official(day(-2))}：已召开专题会`,
  ]);
  assert.deepEqual((await changesOf('丙党支部')).line, ['党组织清单：首次报送（第1版），没有可比较的上一版。']);
  assert.match(await page.locator('section.changes').innerText(), /其余1个党支部本期没有报送新文件/);

  // 本周 and 本月 are offered and give a table too.
  await page.getByRole('radio', { name: '本月' }).check();
  await page.getByRole('heading', { name: /^调度表（\d{4}年\d{1,2}月1日至/ }).waitFor();
  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByRole('heading', { name: `调度表（${label}）` }).waitFor();

  // The 调度表 on paper: A4 landscape, the figures and the paragraph, no controls.
  const table = path.join(out, '调度表.pdf');
  await page.pdf({ path: table, preferCSSPageSize: true, printBackground: true });
  const printed = pdfPages(table);
  assert.deepEqual(printed.size, [842, 595], 'A4 landscape');
  const all = printed.text.join('');
  assert.ok(all.includes(`调度表（${label}）`) && all.includes('未报送进展的党支部') && all.includes('拟向2个党支部发督办单'));
  assert.ok(!all.includes('导入文件') && !all.includes('复制这段文字') && !all.includes('打印调度表'), 'no controls on paper');

  // 督办单: one page per branch with measures to press, each with its measures and a line for the reply.
  await page.getByRole('button', { name: '督办单', exact: true }).click();
  await until(async () => (await page.locator('article.supervision-page').count()) === 2, 'a 督办单 for 乙 and 丙');
  // The issuing body and the first 编号, written once: kept with the set, printed as 编号 and 落款.
  const ISSUER = '中共××县公安局委员会主题教育办公室';
  await page.getByLabel(/^签发单位/).fill(ISSUER);
  await page.getByLabel(/^签发单位/).blur();
  await page.getByLabel('下一份督办单的编号').fill('5');
  await page.getByLabel('下一份督办单的编号').blur();
  await page.getByRole('button', { name: '返回调度' }).click();
  await page.getByRole('button', { name: '督办单', exact: true }).click();
  assert.equal(await page.getByLabel(/^签发单位/).inputValue(), ISSUER, 'kept');
  await page.locator('article.supervision-page').first().screenshot({ path: path.join(out, 'supervision.png') });
  const notices = path.join(out, '督办单.pdf');
  await page.pdf({ path: notices, preferCSSPageSize: true, printBackground: true });
  const sheets = pdfPages(notices);
  assert.equal(sheets.pages, 2, 'one page per branch');
  assert.deepEqual(sheets.size, [842, 595]);
  // pdftotext reads a table's columns in its own order: each part is looked for on its page.
  const has = (page, parts) => parts.forEach((p) => assert.ok(sheets.text[page].includes(p), `page ${page + 1}: ${p}`));
  has(0, ['检视整改督办单', '丙党支部：', '逾期20天', '临期', '整改答复', '答复日期', `${ISSUER}（盖章）`]);
  has(1, ['检视整改督办单', '乙党支部：', '逾期3天', '整改答复', '答复日期', `${ISSUER}（盖章）`]);
  assert.match(sheets.text[0], /督〔\d{4}〕第5号/);
  assert.match(sheets.text[1], /督〔\d{4}〕第6号/);
  assert.ok(!sheets.text.join('').includes('签发单位（印在'), 'the form is not on paper');
  assert.ok(!sheets.text.join('').includes('甲党支部'), 'nothing to press at 甲');

  // 打印督办单 keeps the numbers printed: after a reload the same 调度 has the same numbers, the next number is
  // past them, and a number already given is refused (issue 40: 第5号 and 第6号 came again).
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: '打印督办单' }).click();
  await page.waitForFunction(() => document.body.dataset.printed === 'yes');
  await until(() => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('rectify-summary', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('summary').objectStore('summary').get('rectify.v1.summary');
      get.onsuccess = () => { open.result.close(); resolve((JSON.parse(get.result || '{}').issued || []).length === 2); };
      get.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  })), 'the numbers printed kept with the set');
  await page.reload();
  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByLabel('开始日期').fill(day(-6));
  await page.getByLabel('结束日期').fill(day(0));
  await page.getByRole('button', { name: '督办单', exact: true }).click();
  await until(async () => (await page.locator('article.supervision-page').count()) === 2, 'the 督办单 again');
  const numbers = await page.locator('article.supervision-page').allInnerTexts();
  assert.match(numbers[0], /第5号/);
  assert.match(numbers[1], /第6号/);
  assert.equal(await page.getByLabel('下一份督办单的编号').inputValue(), '7');
  await page.getByLabel('下一份督办单的编号').fill('6');
  await page.getByLabel('下一份督办单的编号').blur();
  await page.getByRole('alert').filter({ hasText: '已编到第6号' }).waitFor();
  await page.getByLabel('下一份督办单的编号').fill('4294967295');
  await page.getByLabel('下一份督办单的编号').blur();
  await page.getByRole('alert').filter({ hasText: '编号应是1到99999之间的整数' }).waitFor();
  await page.getByRole('button', { name: '返回调度' }).click();
  await page.getByRole('heading', { name: `调度表（${label}）` }).waitFor();
});

for (const kernel of ['current', '109']) test('a branch\'s 台账 marks and filters 临期, and shows its own week' + (kernel === '109' ? ' (Chromium 109)' : ''), async (t) => {
  const browser = browsers[kernel];
  const [, , , c1] = files();
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(c1);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { name: /^台账（7项/ }).waitFor();
  assert.equal(await page.locator('.badge.due-soon').count(), 1, 'one measure due within 7 days');
  await page.getByLabel('只看临期（7日内到期）').check();
  await page.getByRole('heading', { name: '台账（7项，显示1项）' }).waitFor();
  assert.match(await page.locator('table.ledger tbody').first().innerText(), new RegExp(`${official(day(3))}前[\\s\\S]*临期`));
  // Its own period view: this week.
  await page.getByText('调度：本周、本月或两日之间的进展').click();
  await page.getByRole('radio', { name: '本周' }).check();
  const row = (await page.locator('table.dispatch-table tbody tr').first().locator('td').allInnerTexts()).map((c) => c.trim());
  // 新销号, 新完成, 新增逾期, 申请延期, 进展记录, 逾期, 临期 — the file was written yesterday (本期报送 depends on the week).
  assert.deepEqual(row.slice(0, 7), ['0', '0', '0', '0', '0', '1', '1']);
});

// A button of 调度 (the office's module, inside the 台账 of the ledger's) does only its own work: each module's Yew
// numbered its pages from 1, and 复制这段文字 also ran the 台账's listener of the same number, opening a measure's
// 整改状态 and 销号 form.
for (const output of OUTPUTS) test(`${output}: a button of 调度 inside a 台账 does not act on the 台账`, async (t) => {
  const app = await openApp(browsers.current, output);
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { name: /^台账（/ }).waitFor();
  await page.getByText('调度：本周、本月或两日之间的进展').click();
  await page.locator('.ledger-dispatch').getByRole('button', { name: '复制这段文字' }).click();
  await page.waitForFunction(() => window.getSelection().toString().length > 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.equal(await page.getByRole('button', { name: '确认销号' }).count(), 0, 'no measure form opened in the 台账');
});
