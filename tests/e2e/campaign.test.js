// The bureau's campaign in the browser (issue 24): the simulated eight weeks of 39 党支部 × both lists
// (`cargo run --example campaign`, week 8 ending last Sunday) received in 汇总 at once, as the office would after
// two months. The office types its 应报送名单, confirms a rename, joins the one name written differently, removes the copied file,
// and runs 调度 for week 8: one row per 党支部 with every column as the simulation's own record says, the silent
// ones, and one 督办单 page per 党支部 with overdue or due-soon measures — on screen, on paper and in Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, readOffice } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'campaign-e2e');
/// Today where the app runs (the tests' browsers are in Asia/Shanghai).
const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const official = (s) => { const [y, m, d] = s.split('-').map(Number); return `${y}年${m}月${d}日`; };

function pdfPages(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m).slice(1).map((n) => Math.round(Number(n)));
  const text = [];
  for (let p = 1; p <= pages; p++) text.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  return { pages, size, text };
}

test('eight weeks of 39 党支部 × both lists: 汇总 and 调度 count 党支部, the 督办单 one page each', async (t) => {
  execFileSync('cargo', ['run', '-q', '--example', 'campaign', '--', out, '--today', iso(TODAY)], { cwd: root });
  const campaign = JSON.parse(fs.readFileSync(path.join(out, 'campaign.json'), 'utf8'));
  const dir = path.join(out, 'files');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  assert.equal(files.length, campaign.files);

  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor({ timeout: 120000 });

  // The office's list, in its order; one name on the files is written another way and is offered to be joined.
  await page.getByLabel('应报送的党支部').fill(campaign.expected.join('\n'));
  await page.getByLabel('应报送的党支部').blur();
  // A 党支部 renamed itself: its list under the new name carries the old one's id, and the office is asked
  // whether it is another 党支部's made on its file or the same one renamed. It says renamed.
  const asked = page.getByRole('region', { name: /需要核实/ });
  assert.equal(await asked.getByRole('listitem').count(), 1, 'one question for the 党支部, both its lists');
  await asked.getByRole('button', { name: `${campaign.renamed.name}是${campaign.renamed.was}改了名称` }).click();
  await page.getByRole('status').filter({ hasText: `已把“${campaign.renamed.name}”合并到“${campaign.renamed.was}”` }).waitFor();
  const unlisted = page.locator('.unlisted li');
  await unlisted.first().waitFor();
  assert.deepEqual(await unlisted.locator('label').allInnerTexts(), [`“${campaign.join.name}”与`]);
  assert.equal(await page.locator('table.branches tbody tr').count(), 40, 'before the join: 40 names');
  await unlisted.getByRole('combobox').selectOption(campaign.join.with);
  await unlisted.getByRole('button', { name: '合并为同一党支部' }).click();
  await page.getByRole('status').filter({ hasText: `已把“${campaign.join.name}”合并到“${campaign.join.with}”` }).waitFor();
  assert.equal(await page.locator('.unlisted').count(), 0);

  // The copied file: a fork of another 党支部's list, said so, and removed after asking.
  const copyRow = page.locator('table.verdicts tbody tr').filter({ has: page.getByRole('cell', { name: campaign.copy, exact: true }) });
  assert.match(await copyRow.innerText(), /可能是复制的文件/);
  await copyRow.getByRole('button', { name: `移除 ${campaign.copy}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).click();
  await page.getByRole('status').filter({ hasText: `已移除“${campaign.copy}”` }).waitFor();
  assert.equal(await page.locator('table.verdicts tbody tr').count(), files.length - 1);

  // 各党支部: one row per 党支部, in the list's order, both lists in each.
  const rows = page.locator('table.branches tbody tr');
  assert.equal(await rows.count(), 39);
  assert.deepEqual(await rows.locator('th').allInnerTexts().then((n) => n.map((x) => x.split('\n')[0].trim())), campaign.expected);
  assert.equal(await page.locator('table.branches tbody td.missing-list').count(), 0, 'every 党支部 has both lists');
  assert.match(await page.locator('table.branches tfoot').innerText(), /合计（39个党支部）\s+39份\s+39份/);
  assert.match(await page.locator('#unit-report').innerText(), /已收到39个党支部报送的78份清单（党组织清单39份、党员清单39份）/);
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'campaign-summary.png') });

  // The 汇总 workbook: a row per 党支部 with the screen's figures, and the 合计.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: '导出Excel' }).click()]);
  const xlsx = path.join(out, 'summary.xlsx');
  await download.saveAs(xlsx);
  const book = await readOffice(xlsx);
  const sheet = book.sheets.find((s) => s.name === '各党支部');
  const screen = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.innerText.split('\n')[0].trim())));
  const head = await page.locator('table.branches thead th').allInnerTexts().then((h) => h.map((x) => x.replace(/[▲▼\s]/g, '')));
  const col = (name) => head.indexOf(name);
  const excelRows = sheet.rows.slice(3, 3 + 39);
  assert.equal(sheet.rows.length, 3 + 39 + 1);
  excelRows.forEach((r, i) => {
    assert.equal(r[1].value, campaign.expected[i]);
    for (const [name, at] of [['问题', 5], ['措施', 6], ['逾期', 8], ['已销号', 9]]) {
      assert.equal(String(r[at].value), screen[i][col(name)], `${campaign.expected[i]} ${name}`);
    }
  });

  // 调度 of week 8.
  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByLabel('开始日期').fill(campaign.week.from);
  await page.getByLabel('结束日期').fill(campaign.week.to);
  const label = `${official(campaign.week.from)}至${official(campaign.week.to)}`;
  await page.getByRole('heading', { name: `调度表（${label}）` }).waitFor();
  const table = page.locator('table.dispatch-table tbody tr');
  assert.equal(await table.count(), 39, '39 rows, no 党支部 twice');
  for (const [i, want] of campaign.rows.entries()) {
    const row = table.nth(i);
    assert.equal((await row.locator('th').innerText()).trim(), want.name);
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(cells, [...want.figures.map(String), want.reported], want.name);
  }
  const silent = campaign.rows.filter((r) => r.reported === '未报送进展').map((r) => r.name);
  assert.deepEqual(await page.locator('ul.silent-branches li').allInnerTexts(), silent);
  const pressed = campaign.rows.filter((r) => r.pressing > 0).map((r) => r.name);
  const report = await page.locator('#dispatch-report').innerText();
  assert.match(report, new RegExp(`${silent.length}个党支部本期未报送进展：${silent.join('、')}。拟向${pressed.length}个党支部发督办单。$`));

  // The 调度表 on paper.
  const sheetPdf = path.join(out, '调度表.pdf');
  await page.pdf({ path: sheetPdf, preferCSSPageSize: true, printBackground: true });
  const printed = pdfPages(sheetPdf);
  assert.deepEqual(printed.size, [842, 595], 'A4 landscape');
  const all = printed.text.join('');
  assert.ok(all.includes(`调度表（${label}）`) && all.includes('与上次报送相比的变化'));
  assert.ok(!all.includes('导入文件') && !all.includes('复制这段文字'), 'no controls on paper');
  // The table starts under its heading: its rows flow from the first page on, not all pushed to the next one.
  assert.ok(printed.text[0].includes(campaign.rows[0].name), 'the first 党支部 on the first page');

  // 督办单: one page per 党支部 with overdue or due-soon measures, in the list's order.
  await page.getByRole('button', { name: '督办单', exact: true }).click();
  await page.locator('article.supervision-page').first().waitFor();
  assert.equal(await page.locator('article.supervision-page').count(), pressed.length);
  const notices = path.join(out, '督办单.pdf');
  await page.pdf({ path: notices, preferCSSPageSize: true, printBackground: true });
  // A 督办单 with many measures runs over pages; each starts on a page of its own and no page holds two.
  const sheets = pdfPages(notices);
  assert.deepEqual(sheets.size, [842, 595]);
  const firsts = sheets.text.map((text, p) => [p, (text.match(/检视整改督办单/g) ?? []).length]).filter(([, n]) => n > 0);
  assert.ok(firsts.every(([, n]) => n === 1), 'never two 督办单 on one page');
  assert.equal(firsts.length, pressed.length, 'one 督办单 per 党支部');
  firsts.forEach(([p], i) => assert.ok(sheets.text[p].includes(`${pressed[i]}：`), `page ${p + 1} starts ${pressed[i]}'s`));
  const onOnePage = firsts.filter(([p], i) => (firsts[i + 1]?.[0] ?? sheets.pages) === p + 1).length;
  console.log(`# 督办单: ${pressed.length} 党支部 on ${sheets.pages} pages, ${onOnePage} on one page`);
  // Measures of both lists on one 党支部's page.
  assert.ok(sheets.text.some((text) => text.includes('党组织清单') && text.includes('党员清单')), 'a page with both lists');
});
