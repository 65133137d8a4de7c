// 整改台账 as the branch secretary uses it each month: change a status, add a progress note, close an entry, watch
// the figures move, export the CSV and check its bytes, filter, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, fixtures, root, until, localDocs } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });

/// The org fixture with formulas typed into it, as a hostile or careless user might.
function withFormulas() {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.problems[1].measures[1].content = '=HYPERLINK("http://example.invalid","点我")';
  doc.problems[2].measures[0].goal = '+1+1';
  delete doc.meta;
  const file = path.join(out, 'ledger-input.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

async function openLedger(t, file) {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件').setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
  return app;
}

const figure = (page, name) => page.locator('.figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');

test('status, progress and closing move the figures of the ledger', async (t) => {
  const app = await openLedger(t, path.join(fixtures, 'org-complete.json'));
  const { page } = app;
  assert.equal(await figure(page, '措施总数').innerText(), '7');
  assert.equal(await figure(page, '已销号').innerText(), '1');
  assert.equal(await figure(page, '整改完成率').innerText(), '28.6%');
  assert.match(await page.locator('#report-text').innerText(), /共检视问题5个，制定整改措施7项，已完成整改1项/);

  await page.getByRole('button', { name: '办理1-1' }).click();
  const panel = page.getByRole('group', { name: '办理台账1-1' });
  await panel.getByLabel('整改状态').selectOption('已完成整改');
  await panel.getByRole('status').filter({ hasText: '已完成整改' }).waitFor();
  assert.equal(await figure(page, '已完成整改').innerText(), '2');
  assert.equal(await figure(page, '整改完成率').innerText(), '42.9%');

  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await panel.getByLabel('进展日期').fill(today);
  await panel.getByLabel('进展情况').fill('已制定年度学习计划并组织第一次专题研讨');
  await panel.getByRole('button', { name: '添加进展' }).click();
  await panel.getByRole('status').filter({ hasText: '进展记录已添加' }).waitFor();
  assert.match(await page.locator('tbody').filter({ hasText: '1-1' }).first().innerText(), /已制定年度学习计划并组织第一次专题研讨/);

  // Closing without 完成情况 is refused, with the reason, and changes nothing.
  await panel.getByLabel('销号人').fill('县局主题教育办公室');
  await panel.getByRole('button', { name: '确认销号' }).click();
  const refusal = panel.getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /不能销号：.*完成情况（至少10个字）/);
  assert.equal(await figure(page, '已销号').innerText(), '1');

  await panel.getByLabel('完成情况').fill('已制定支部年度学习计划，10月起每月组织专题研讨，发言覆盖率100%。');
  await panel.getByRole('button', { name: '保存完成情况' }).click();
  await panel.getByRole('button', { name: '确认销号' }).click();
  await panel.getByRole('status').filter({ hasText: '已销号' }).waitFor();
  assert.equal(await figure(page, '已销号').innerText(), '2');
  await page.screenshot({ path: path.join(out, 'ledger.png'), fullPage: true });

  // The closing is in the draft: the exported file carries it.
  await until(async () => (await localDocs(page)).some((d) => d.problems.filter((p) => p.measures.some((m) => m.closed)).length === 2), 'the save');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
  assert.equal(await figure(page, '已销号').innerText(), '2');
  assert.deepEqual(app.problems, []);
});

test('an extension needs its reason, and moves the deadline', async (t) => {
  const { page } = await openLedger(t, path.join(fixtures, 'org-complete.json'));
  await page.getByRole('button', { name: '办理3-1' }).click();
  const panel = page.getByRole('group', { name: '办理台账3-1' });
  await panel.getByLabel('延期后的日期').fill('2024-06-30');
  await panel.getByRole('button', { name: '登记延期' }).click();
  assert.match(await panel.getByRole('alert').innerText(), /请写明延期理由。请填写延期的批准人。/);
  await panel.getByLabel('延期理由').fill('需与12345热线平台联调');
  await panel.getByLabel('批准人').fill('张局长');
  await panel.getByRole('button', { name: '登记延期' }).click();
  await panel.getByRole('status').filter({ hasText: '已登记延期' }).waitFor();
  assert.match(await page.locator('tbody').filter({ hasText: '3-1' }).first().innerText(), /2024年3月31日前（延期至2024年6月30日）[\s\S]*申请延期/);
  assert.equal(await figure(page, '申请延期').innerText(), '1');
});

test('filters keep what they name', async (t) => {
  const { page } = await openLedger(t, path.join(fixtures, 'org-complete.json'));
  const rows = () => page.locator('table.ledger > tbody').count();
  assert.equal(await rows(), 7);
  await page.getByLabel('只看逾期').check();
  const overdue = Number(await figure(page, '逾期').innerText());
  assert.equal(await rows(), overdue);
  await page.getByLabel('只看逾期').uncheck();
  await page.getByLabel('按责任人').selectOption('李强');
  assert.equal(await rows(), 2);
  await page.getByLabel('按责任人').selectOption('');
  await page.getByLabel('按整改状态').selectOption('已完成整改');
  assert.equal(await rows(), 1);
});

test('the CSV opens in Excel and WPS and runs no formula', async (t) => {
  const { page } = await openLedger(t, withFormulas());
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出CSV' }).click()]);
  assert.match(file.suggestedFilename(), /^整改台账-中共××县公安局交警大队支部委员会-\d{8}\.csv$/);
  const bytes = fs.readFileSync(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n').filter(Boolean);
  assert.equal(lines[0], '台账编号,党员,问题类别,问题表现,整改措施,整改目标,整改时限,牵头责任人,责任单位,整改状态,是否逾期,最新进展,销号日期,销号人,销号意见,延期批准人');
  assert.equal(lines.length, 8, 'a header and one row per measure');
  assert.ok(text.includes('"\'=HYPERLINK(""http://example.invalid"",""点我"")"'), 'the formula is text');
  assert.ok(text.includes(",'+1+1,"), 'a leading plus is text');
  assert.ok(!/,[=+@-]/.test(text.replace(/"[^"]*"/g, '')), 'no cell starts a formula');
});

/// Prints the ledger open in `page` to PDF; its pages' text (whitespace removed) and the PDF's path.
async function ledgerPdf(page, name) {
  const pdf = path.join(out, `print-${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  const count = Number(info.match(/Pages:\s+(\d+)/)[1]);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).toString().replace(/\s+/g, ''));
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, path.join(out, `print-${name}`)]);
  return { pdf, pages };
}

test('the ledger prints as it is filed: a preview first, each problem once over its measures, 7 measures on 3 pages at most', async (t) => {
  const { page } = await openLedger(t, path.join(fixtures, 'org-complete.json'));
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  // 打印 shows the preview first, like the list's 打印: the paper's table, not the working one with 办理.
  await page.getByRole('button', { name: '打印' }).click();
  const preview = page.getByRole('region', { name: '打印预览' });
  await preview.waitFor();
  await page.locator('table.ledger-paper').waitFor();
  assert.equal(await page.getByRole('button', { name: /^办理/ }).count(), 0, 'no 办理 in the preview');
  await page.screenshot({ path: path.join(out, 'ledger-preview.png'), fullPage: true });
  const { pages, pdf } = await ledgerPdf(page, 'ledger');
  const text = pages.join('');
  assert.ok(pages.length <= 3, `7 measures on ${pages.length} pages`);
  assert.match(text, /中共××县公安局交警大队支部委员会检视整改问题整改台账截至\d{4}年\d{1,2}月\d{1,2}日/);
  assert.match(text, /整改完成率/);
  for (const screenOnly of ['办理', '导出CSV', '可复制到总结材料中', '整改完成率=（', '打印预览', '返回台账']) {
    assert.ok(!text.includes(screenOnly), `"${screenOnly}" is not on paper`);
  }
  // Merged: a problem with two measures prints its 问题表现 once.
  const twice = doc.problems.find((p) => p.measures.length > 1);
  const description = twice.description.replace(/\s+/g, '').slice(0, 12);
  // Read from the 问题表现 column alone (5.5–22.5% of the width between the margins), where a wrapped cell is whole.
  const width = 841.92 - 2 * (25 / 25.4) * 72;
  const x = Math.floor((25 / 25.4) * 72 + width * 0.055);
  const descColumn = pages.map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-r', '72',
    '-x', String(x), '-y', '0', '-W', String(Math.ceil(width * 0.17)), '-H', '595', pdf, '-']).toString().replace(/\s+/g, '')).join('');
  assert.equal(descColumn.split(description).length - 1, 1, '问题表现 printed once over its measures');
  // The last column is on the page, not cut at the right.
  assert.ok(pages.some((p) => p.includes('最新进展')), 'the last column\'s head is printed');
  const box = await page.locator('table.ledger-paper').boundingBox();
  const paper = await page.locator('.ledger-preview').boundingBox();
  assert.ok(box.x + box.width <= paper.x + paper.width + 1, 'the table fits its sheet');
  // 返回台账: the working table again.
  await preview.getByRole('button', { name: '返回台账' }).click();
  await page.getByRole('button', { name: /^办理/ }).first().waitFor();
});

test('600 measures print with no page holding fewer than three measures', async (t) => {
  const samples = path.join(root, 'target', 'samples');
  execFileSync('cargo', ['run', '-q', '--example', 'samples', '--', samples], { cwd: root });
  const { page } = await openLedger(t, path.join(samples, 'member-40x5x3.json'));
  await page.getByRole('button', { name: '打印' }).click();
  await page.locator('table.ledger-paper').waitFor();
  const { pages } = await ledgerPdf(page, 'ledger-600');
  // Every measure's 编号 (problem-measure) is on some page; count them page by page.
  const numbers = pages.map((p) => (p.match(/(?<![\d-])\d{1,3}-[1-3](?![\d])/g) ?? []).length);
  const tablePages = numbers.map((n, i) => [n, i]).filter(([n]) => n > 0);
  assert.ok(tablePages.length > 10, `${tablePages.length} pages of the table`);
  for (const [n, i] of tablePages.slice(0, -1)) assert.ok(n >= 3, `page ${i + 1} holds ${n} measures`);
});
