// 汇总 as the central office does it: a generated set of branch files dropped on the page at once — one handed in
// twice, one changed after export, one that is not a list — then the table, the figures and the CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, fixtures, until } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const set = path.join(root, 'target', 'branches-e2e');
const BRANCHES = 6;
const MEASURES = 51;

function generate() {
  fs.rmSync(set, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '--example', 'branches', '--', set, String(BRANCHES), '--extras'], { cwd: root });
  return fs.readdirSync(set).map((f) => path.join(set, f));
}

const figure = (page, name) => page.locator('.figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');

async function dropFiles(page, files) {
  // A real drop: a DataTransfer with the files, dispatched on the drop zone.
  const data = await page.evaluateHandle(async (list) => {
    const dt = new DataTransfer();
    for (const { name, bytes } of list) dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/json' }));
    return dt;
  }, files.map((f) => ({ name: path.basename(f), bytes: [...fs.readFileSync(f)] })));
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: data });
}

test('a set of branch files is checked, de-duplicated and summed up', async (t) => {
  const files = generate();
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总' }).click();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await dropFiles(page, files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor();

  const verdicts = await page.locator('table.verdicts tbody tr').allInnerTexts();
  assert.equal(verdicts.length, files.length, 'every file gets a verdict');
  const verdictOf = (name) => verdicts.find((v) => v.startsWith(name)) ?? '';
  assert.match(verdictOf('第1党支部-党组织清单.json'), /已被“第1党支部-党组织清单-第二次报送.json”取代/);
  assert.match(verdictOf('第1党支部-党组织清单-第二次报送.json'), /完整/);
  assert.match(verdictOf('第2党支部-党组织清单.json'), /导出后被改动过/);
  // A Word file cut short is refused as the start page refuses it, and is no table's list.
  assert.match(verdictOf('情况说明.docx'), /不是清单文件：文件已损坏.*文件不完整/);
  assert.doesNotMatch(verdictOf('情况说明.docx'), /来自表格/);

  // One row per branch; the superseded copy and the Word file do not count.
  assert.equal(await page.locator('table.branches tbody tr').count(), BRANCHES);
  assert.equal(await figure(page, '党支部').innerText(), String(BRANCHES));
  assert.equal(await figure(page, '措施总数').innerText(), String(BRANCHES * MEASURES));
  const report = await page.locator('#unit-report').innerText();
  assert.match(report, new RegExp(`已收到${BRANCHES}个党支部报送的${BRANCHES}份清单（党组织清单${BRANCHES}份、党员清单0份），共梳理问题${BRANCHES * 17}个，制定整改措施${BRANCHES * MEASURES}项`));
  assert.equal(await page.getByRole('img', { name: /^党组织清单各类别整改措施数/ }).count(), 1, 'the chart of the org lists\' categories is there, with words');
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'consolidate.png'), fullPage: true });
  // 查找党支部: a few characters of a name keep its row; cleared, every row is back.
  await page.getByLabel('查找党支部').fill('第3');
  await page.getByRole('status').filter({ hasText: '找到1个党支部' }).waitFor();
  assert.deepEqual(await page.locator('table.branches tbody th').allInnerTexts(), ['第3党支部']);
  await page.getByLabel('查找党支部').fill('');
  await until(async () => (await page.locator('table.branches tbody tr').count()) === BRANCHES, 'every row again');

  // Sorting by 措施 descending puts the revised branch (one measure back in progress) where its figures say.
  await page.getByRole('button', { name: /^整改完成率/ }).click();
  assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');

  // A branch opens read-only, with its findings.
  await page.getByRole('button', { name: '查看 第3党支部 的党组织清单' }).click();
  const view = page.getByRole('region', { name: /第3党支部《党组织检视整改问题清单》（只读）/ });
  await view.waitFor();
  assert.equal(await view.locator(':is(input, textarea, select):not(.review *)').count(), 0, 'nothing of the list to edit: only the office\'s 审核 fields');
  // A view of its own: its address, its heading focused at the top, not thousands of pixels under the table.
  assert.match(page.url(), /#\/summary\/list\/[^/]+$/);
  await until(() => page.evaluate(() => document.activeElement?.id === 'branch-view-heading'), 'its heading has focus');
  assert.equal(await page.locator('table.branches').count(), 0);
  assert.ok((await view.boundingBox()).y < 200, 'at the top of the page');
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'consolidate-list.png') });
  // 返回汇总: back in the table, at the button it was opened from.
  await view.getByRole('link', { name: '返回汇总' }).first().click();
  await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === '查看 第3党支部 的党组织清单'), 'focus back on its button');

  // The CSV: BOM, the branch first, one row per counted measure.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出CSV' }).click()]);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.ok(lines[0].startsWith('党支部,台账编号,'));
  assert.equal(lines.length, 1 + BRANCHES * MEASURES);
  assert.ok(lines.some((l) => l.startsWith('第2党支部,1-1,')));

  // The set is kept: a reload shows it again; clearing asks first.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await page.locator('table.verdicts').waitFor({ state: 'attached' });
  assert.equal(await page.locator('table.verdicts tbody tr').count(), files.length);
  await page.getByLabel('应报送的党支部').fill('第1党支部\n第9党支部');
  await page.getByLabel('应报送的党支部').blur();
  await page.getByText('第9党支部：两份清单都没报').waitFor();
  await page.getByRole('button', { name: '清空收到的文件' }).click();
  await page.getByRole('button', { name: '确定清空' }).click();
  await page.getByRole('status').filter({ hasText: '已清空' }).waitFor();
  assert.equal(await page.locator('table.verdicts').count(), 0);
  assert.deepEqual(app.problems, []);
});

test('the picker takes many files at once', async (t) => {
  const files = generate();
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总' }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor();
  assert.equal(await page.locator('table.branches tbody tr').count(), BRANCHES);
  const pdf = path.join(root, 'target', 'screenshots', 'print-consolidate.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
  assert.match(text, /检视整改情况汇总/, "the paper's own title");
  assert.match(text, /截至\d{4}年\d{1,2}月\d{1,2}日/);
  assert.match(text, /已收到6个党支部报送的6份清单/);
  assert.ok(!text.includes('导入文件') && !text.includes('清空收到的文件'), 'no controls on paper');
});

/// `count` member lists of about `kb` KB each, every one a branch of its own: more than localStorage can hold.
function largeSet(count, kb) {
  const dir = path.join(root, 'target', 'branches-large');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const base = JSON.parse(fs.readFileSync(path.join(fixtures, 'member-complete.json'), 'utf8'));
  delete base.meta;
  const member = base.members[0];
  const files = [];
  for (let b = 0; b < count; b++) {
    const doc = structuredClone(base);
    doc.id = `00000000-0000-4000-8000-${String(b).padStart(12, '0')}`;
    doc.header.org_name = `第${b + 1}党支部`;
    doc.members = [];
    for (let m = 0; JSON.stringify(doc).length < kb * 1024 / 2; m++) {
      const copy = structuredClone(member);
      copy.id = `${doc.id.slice(0, 24)}${String(m + 1).padStart(12, '0')}`;
      copy.name = `党员${m + 1}`;
      copy.problems.forEach((p, i) => {
        p.id = `${b}-${m}-p${i}`;
        p.measures.forEach((x, j) => { x.id = `${b}-${m}-p${i}-m${j}`; });
      });
      doc.members.push(copy);
    }
    const file = path.join(dir, `第${b + 1}党支部-党员清单.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    files.push(file);
  }
  return files;
}

test('a bureau-sized set is kept across a reload, beyond what localStorage holds', async (t) => {
  const files = largeSet(60, 220);
  const total = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  assert.ok(total > 12 * 1024 * 1024, `the set is ${total} bytes`);
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: '已读取60个文件' }).waitFor({ timeout: 60000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('rectify.v1.summary')), null, 'not in localStorage');
  await page.reload();
  await page.locator('table.verdicts').waitFor({ state: 'attached', timeout: 60000 });
  assert.equal(await page.locator('table.verdicts tbody tr').count(), 60);
  assert.equal(await figure(page, '党支部').innerText(), '60');
  assert.deepEqual(app.problems, []);
});

test('a set kept in localStorage by an earlier version is moved, not lost', async (t) => {
  const text = fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8');
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.evaluate((t) => localStorage.setItem('rectify.v1.summary', JSON.stringify({
    storage: 1, files: [{ name: '交警大队-党组织清单.json', text: t }], expected: ['交警大队'],
  })), text);
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.locator('table.verdicts').waitFor({ state: 'attached' });
  assert.equal(await page.locator('table.verdicts tbody tr').count(), 1);
  assert.equal(await page.getByLabel('应报送的党支部').inputValue(), '交警大队');
  await page.waitForFunction(() => localStorage.getItem('rectify.v1.summary') === null);
  await page.reload();
  await page.locator('table.verdicts').waitFor({ state: 'attached' });
  assert.equal(await page.locator('table.verdicts tbody tr').count(), 1, 'still there, from IndexedDB');
});

/// The set as kept in IndexedDB (`rectify-summary`).
const keptSet = (page) => page.evaluate(() => new Promise((resolve) => {
  const request = indexedDB.open('rectify-summary', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('summary');
  request.onsuccess = () => {
    const db = request.result;
    const get = db.transaction('summary').objectStore('summary').get('rectify.v1.summary');
    get.onsuccess = () => { db.close(); resolve(get.result ? JSON.parse(get.result) : null); };
  };
}));

test('a file that is not a list keeps only its name and why, a list keeps its text', async (t) => {
  const dir = path.join(root, 'target', 'branches-not-lists');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const notList = path.join(dir, '通知.json');
  fs.writeFileSync(notList, JSON.stringify({ 标题: '关于报送检视整改清单的通知', 正文: '请各支部于月底前报送。' }));
  const list = path.join(fixtures, 'org-complete.json');
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles([list, notList]);
  await page.getByRole('status').filter({ hasText: '已读取2个文件' }).waitFor();
  const kept = await keptSet(page);
  const byName = Object.fromEntries(kept.files.map((f) => [f.name, f]));
  assert.ok(byName['org-complete.json'].text.includes('"format": "rectify-list"'), 'the list keeps its text');
  assert.equal(byName['通知.json'].text, null, 'the other file does not');
  assert.match(byName['通知.json'].refused, /不是检视整改清单/);
  await page.reload();
  await page.locator('table.verdicts').waitFor({ state: 'attached' });
  const verdicts = await page.locator('table.verdicts tbody tr').allInnerTexts();
  assert.ok(verdicts.some((v) => v.startsWith('通知.json') && /不是清单文件/.test(v)), 'the same verdict after a reload');
});

test('the consolidated ledger of a thousand measures is shown 200 rows a page, every row reachable', async (t) => {
  const dir = path.join(root, 'target', 'branches-thousand');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '--example', 'branches', '--', dir, '20'], { cwd: root });
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const total = files.length * MEASURES;
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('heading', { name: `汇总台账（${total}项）` }).waitFor();
  const rows = page.locator('table.unit-ledger tbody tr');
  const pager = page.getByRole('navigation', { name: '汇总台账分页' }).first();
  const pages = Math.ceil(total / 200);
  assert.equal(await rows.count(), 200);
  assert.equal(await pager.getByRole('status').innerText(), `第1页，共${pages}页（第1–200项，共${total}项）`);
  assert.ok(await pager.getByRole('button', { name: '上一页' }).isDisabled());

  // Page by page to the end: every row is shown once, the last page holds the rest.
  const seen = new Set();
  for (let p = 1; p <= pages; p++) {
    for (const r of await rows.allInnerTexts()) seen.add(r);
    if (p < pages) {
      await pager.getByRole('button', { name: '下一页' }).click();
      await pager.getByRole('status').filter({ hasText: `第${p + 1}页` }).waitFor();
    }
  }
  assert.equal(await rows.count(), total - (pages - 1) * 200);
  assert.ok(await pager.getByRole('button', { name: '下一页' }).isDisabled());
  assert.equal(seen.size, total, 'every measure was on one of the pages');

  // A filter starts again at the first page.
  await page.getByLabel('按党支部').selectOption('第3党支部');
  assert.equal(await pager.getByRole('status').innerText(), `第1页，共1页（第1–${MEASURES}项，共${MEASURES}项）`);
});

test('clearing says what it would lose: a 审核意见 not yet exported stays unless the office ticks it away', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const list = path.join(fixtures, 'org-complete.json');
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(list);
  await page.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  await page.getByRole('button', { name: /^查看 .* 的党组织清单$/ }).click();
  const comment = page.getByLabel('审核意见', { exact: true });
  await comment.fill('整改目标请写明可检查的指标。');
  await comment.blur();

  // Clearing asks, says the review is not exported and keeps it by default.
  await page.getByRole('link', { name: '返回汇总' }).first().click();
  await page.getByRole('button', { name: '清空收到的文件' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /还有1条审核意见没有导出：默认保留/);
  await dialog.getByRole('button', { name: '确定清空' }).click();
  await page.getByRole('status').filter({ hasText: '1条未导出的审核意见保留' }).waitFor();
  assert.equal(await page.locator('table.verdicts').count(), 0);

  // The same file again: the comment is still there, after a reload too.
  await page.reload();
  await page.getByLabel('导入文件').setInputFiles(list);
  await page.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  await page.getByRole('button', { name: /^查看 .* 的党组织清单$/ }).click();
  assert.equal(await page.getByLabel('审核意见', { exact: true }).inputValue(), '整改目标请写明可检查的指标。');

  // Ticked, it goes too.
  await page.getByRole('link', { name: '返回汇总' }).first().click();
  await page.getByRole('button', { name: '清空收到的文件' }).click();
  await page.getByRole('alertdialog').getByLabel('这1条未导出的审核意见也一并删除').check();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定清空' }).click();
  await page.getByRole('status').filter({ hasText: '已清空收到的文件（应报送名单和合并的名称保留）' }).waitFor();
  await page.getByLabel('导入文件').setInputFiles(list);
  await page.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  await page.getByRole('button', { name: /^查看 .* 的党组织清单$/ }).click();
  assert.equal(await page.getByLabel('审核意见', { exact: true }).inputValue(), '');
});
