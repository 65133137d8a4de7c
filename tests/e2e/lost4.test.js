// Nothing lost, round 4 (issue 40), in the browser: the office's set in two tabs, a neighbour's file used as a
// template (at the office and at the branch), and tables as people really make them (a 续表, hidden sheets).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, OUTPUTS, root, fixtures, until, localDocs, sealed } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'lost4-e2e');
const ORIGINAL = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
const OWNER = ORIGINAL.header.org_name;

/// A list file of the fixture's content as another 党支部's: its own name, and its own id unless `sameId`.
function branchFile(name, { sameId = false, revision = 1, edit = '' } = {}) {
  const doc = structuredClone(ORIGINAL);
  doc.header.org_name = name;
  if (!sameId) doc.id = crypto.randomUUID();
  doc.revision = revision;
  if (edit) doc.problems[0].description = edit;
  doc.meta = { app_version: 'test', exported_at: '2026-11-30T10:00:00+08:00', digest: '' };
  doc.meta.digest = sealed(doc);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `党组织清单-${name}${revision > 1 ? `-第${revision}版` : ''}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/// The 汇总 set as stored in IndexedDB (what a reload finds).
const storedSet = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('rectify-summary', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('summary');
  open.onsuccess = () => {
    const get = open.result.transaction('summary').objectStore('summary').get('rectify.v1.summary');
    get.onsuccess = () => { open.result.close(); resolve(get.result ? JSON.parse(get.result) : null); };
    get.onerror = () => { open.result.close(); resolve(null); };
  };
  open.onerror = () => resolve(null);
}));

async function openSummary(page) {
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  // Files are taken only once the kept set has arrived.
  await page.getByLabel('导入文件').waitFor();
}

const rows = (page) => page.locator('table.branches tbody th').allInnerTexts();

for (const output of OUTPUTS) {
  for (const heard of [true, false]) {
    test(`${output}: 汇总 in two tabs loses neither's file, review nor 应报送名单${heard ? '' : ' (the second tab deaf to the first)'}`, async (t) => {
      const app = await openApp(browser, output);
      t.after(() => app.close());
      const one = app.page;
      await openSummary(one);
      // Tab 2 is opened before tab 1 does anything, and never reloaded. Deaf: it cannot hear tab 1's news, as
      // when a write and another tab's race: only the compare before the write keeps tab 1's work then.
      const two = await app.context.newPage();
      if (!heard) await two.addInitScript(() => { delete window.BroadcastChannel; });
      await two.goto(one.url().replace(/#.*$/, '#/summary'));
      await two.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
      await two.getByLabel('导入文件').waitFor();

      // Tab 1 receives a file and writes a 审核意见 on it.
      await one.getByLabel('导入文件').setInputFiles(branchFile('交警大队党支部'));
      await one.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
      await one.getByRole('button', { name: '查看 交警大队党支部 的党组织清单' }).click();
      await one.getByLabel('审核意见', { exact: true }).fill('请写明每项措施的完成标志。');
      await one.getByLabel('审核意见', { exact: true }).blur();
      await until(async () => ((await storedSet(one))?.reviews ?? []).length === 1, 'tab 1\'s review stored');

      // Tab 2 receives another file and types the 应报送名单.
      await two.getByLabel('导入文件').setInputFiles(branchFile('治安管理大队党支部'));
      await two.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
      await two.getByLabel('应报送的党支部').fill('交警大队党支部\n治安管理大队党支部\n刑事侦查大队党支部');
      await two.getByLabel('应报送的党支部').blur();
      await until(async () => ((await storedSet(two))?.expected ?? []).length === 3, 'tab 2\'s 应报送名单 stored');
      const stored = await storedSet(two);
      assert.deepEqual(stored.files.map((f) => f.name).sort(),
        ['党组织清单-交警大队党支部.json', '党组织清单-治安管理大队党支部.json']);
      assert.equal(stored.reviews.length, 1, 'tab 1\'s review is still there');
      assert.equal(stored.reviews[0].comments[0][1], '请写明每项措施的完成标志。');
      // Tab 2 shows tab 1's file too, and says why.
      await until(async () => (await rows(two)).includes('交警大队党支部'), 'tab 2 shows tab 1\'s file');
      if (!heard) await two.getByRole('status').filter({ hasText: '另一个窗口也在使用汇总' }).waitFor();

      // Reloaded, tab 1 has everything, its review in place.
      await one.goto(one.url().replace(/#.*$/, '#/summary'));
      await one.reload();
      await one.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
      await until(async () => (await rows(one)).length === 3, 'three rows: two handed in, one not');
      assert.deepEqual(await rows(one), ['交警大队党支部', '治安管理大队党支部', '刑事侦查大队党支部']);
      await one.getByRole('button', { name: '查看 交警大队党支部 的党组织清单' }).click();
      assert.equal(await one.getByLabel('审核意见', { exact: true }).inputValue(), '请写明每项措施的完成标志。');
      await one.screenshot({ path: path.join(root, 'target', 'screenshots', `lost4-two-tabs-${output === 'served' ? 'served' : 'file'}.png`) });
    });
  }
}

test('a neighbour\'s file used as a template is its own 党支部\'s list, at the office and at the branch', async (t) => {
  // 乙 (治安管理大队) filled its list in on 甲's handed-in file: 甲's id, its own name, 第2版.
  const jia = branchFile(OWNER, { sameId: true });
  const yi = branchFile('治安管理大队党支部', { sameId: true, revision: 2, edit: '治安管理大队党支部自己查摆的问题：警情研判会流于形式，2026年以来8次会议有5次只通报数字。' });
  const office = await openApp(browser, 'served');
  t.after(() => office.close());
  const o = office.page;
  await openSummary(o);
  await o.getByLabel('导入文件').setInputFiles([jia, yi]);
  await o.getByRole('status').filter({ hasText: '已读取2个文件' }).waitFor();
  // Two 党支部, neither swallowed; the office is asked.
  assert.equal((await rows(o)).length, 2);
  assert.ok((await rows(o)).includes(OWNER) && (await rows(o)).includes('治安管理大队党支部'));
  const question = o.getByRole('region', { name: /需要核实/ });
  await question.getByText(/多半是治安管理大队党支部用.*报送的文件做模板填写的/).waitFor();
  const verdicts = await o.locator('table.verdicts tbody tr').allInnerTexts();
  assert.ok(verdicts.some((v) => v.includes('已按另一个党支部分开统计')), verdicts.join('\n'));
  assert.ok(!verdicts.some((v) => v.includes('已被')), 'nothing superseded');
  await o.screenshot({ path: path.join(root, 'target', 'screenshots', 'lost4-template-office.png'), fullPage: true });
  // The office says they are two 党支部: asked no more, still two rows, kept across a reload.
  await question.getByRole('button', { name: '治安管理大队党支部是另一个党支部，分开统计' }).click();
  await o.getByRole('status').filter({ hasText: '已确认是另一个党支部的清单' }).waitFor();
  await o.reload();
  await o.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await until(async () => (await rows(o)).length === 2, 'still two rows');
  assert.equal(await o.getByRole('region', { name: /需要核实/ }).count(), 0);

  // At the branch 甲, which has its own draft of the list: importing 乙's file asks, and keeps both by default.
  const branch = await openApp(browser, 'single file');
  t.after(() => branch.close());
  const b = branch.page;
  await b.getByLabel('导入文件', { exact: true }).setInputFiles(jia);
  await b.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await b.goto(b.url().replace(/#.*$/, '#/'));
  await b.getByRole('heading', { level: 1 }).first().waitFor();
  await b.getByLabel('导入文件', { exact: true }).setInputFiles(yi);
  const asked = b.getByRole('alertdialog');
  await asked.getByText(/但它是“中共××县公安局交警大队支部委员会”的，要导入的文件是“治安管理大队党支部”的/).waitFor();
  await asked.getByRole('button', { name: '作为新清单导入（两份都保留）' }).click();
  await b.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await until(async () => (await localDocs(b)).length === 2, 'two drafts');
  const docs = await localDocs(b);
  const names = docs.map((d) => d.header.org_name).sort();
  assert.deepEqual(names, [OWNER, '治安管理大队党支部'].sort());
  assert.notEqual(docs[0].id, docs[1].id, 'the copy has an id of its own');
  assert.equal(docs.find((d) => d.header.org_name === '治安管理大队党支部').revision, 1);
});

test('a list in a Word 续表 and a workbook with a hidden example sheet are read whole and say from where', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'tables', 'continued-word.docx'));
  const preview = page.getByRole('region', { name: /导入表格/ });
  await preview.getByText(/5 个问题，5 项整改措施/).waitFor();
  await preview.getByText(/清单分在3处，已按顺序全部读入/).waitFor();
  assert.equal(await preview.locator('.table-unread').count(), 0, 'every deadline read (季度, 至, 4-12月, 二〇二六年)');
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'lost4-continued.png'), fullPage: true });
  await preview.getByRole('button', { name: '取消' }).click();
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'tables', 'sheets-hidden-1904.xlsx'));
  await preview.getByText(/没有读取隐藏的工作表：“填表示例”/).waitFor();
  await preview.getByText(/隐藏的第4行没有读取/).waitFor();
  await preview.getByText(/3 个问题/).waitFor();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const [doc] = await until(async () => { const d = await localDocs(page); return d.length === 1 && d; }, 'the draft');
  assert.deepEqual(doc.problems.map((p) => p.measures[0].deadline.date), ['2026-06-30', '2026-06-30', '2026-12-31'],
    'a date cell of the 1904 system, 上半年, 7月1日至12月31日');
  // A hostile table is refused in a blink, with words, and changes nothing.
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'tables', 'hostile-merges.xlsx'));
  await page.getByRole('alert').filter({ hasText: '合并单元格互相重叠' }).waitFor();
  assert.equal((await localDocs(page)).length, 1);
});

// A field of the set typed into but not yet left keeps what was typed while the page renders again under it: its
// own last write coming back, another tab's news. (A 编号 typed right after the 签发单位 came back as 第1号, and
// 应报送名单 typed while another tab took a file went back to what was kept.)
test('汇总: what is typed and not yet left survives the page rendering again (a write coming back, another tab)', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const one = app.page;
  await openSummary(one);
  const two = await app.context.newPage();
  await two.goto(one.url().replace(/#.*$/, '#/summary'));
  await two.getByLabel('导入文件').waitFor();
  await one.getByLabel('导入文件').setInputFiles(branchFile('食品药品环境犯罪侦查大队党支部'));
  await one.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();

  // 应报送名单 typed in tab 1, not left, while tab 2 takes a file: tab 1 shows the file and still the names typed.
  const names = '食品药品环境犯罪侦查大队党支部\n治安管理大队党支部\n刑事侦查大队党支部';
  await one.getByLabel('应报送的党支部').fill(names);
  await two.getByLabel('导入文件').setInputFiles(branchFile('治安管理大队党支部'));
  await until(async () => (await rows(one)).includes('治安管理大队党支部'), 'tab 1 hears tab 2\'s file');
  assert.equal(await one.getByLabel('应报送的党支部').inputValue(), names, 'the names typed are still there');
  await one.getByLabel('应报送的党支部').blur();
  await until(async () => ((await storedSet(one))?.expected ?? []).length === 3, '应报送名单 stored');
  assert.equal((await storedSet(one)).files.length, 2, 'and both files');

  // 签发单位 left, then 编号 typed: the 签发单位's write comes back and the page renders while 编号 is not left.
  await one.getByRole('button', { name: '调度', exact: true }).click();
  await one.getByRole('button', { name: '督办单', exact: true }).click();
  const ISSUER = '中共××县公安局委员会主题教育办公室';
  await one.getByLabel(/^签发单位/).fill(ISSUER);
  await one.getByLabel(/^签发单位/).blur();
  await one.getByLabel('下一份督办单的编号').fill('5');
  await until(async () => (await storedSet(one))?.issuer === ISSUER, '签发单位 stored');
  // Another tab's news renders it again too: a third 党支部's file, and tab 1 shows its 督办单.
  assert.equal(await one.locator('article.supervision-page').count(), 2);
  await two.getByLabel('导入文件').setInputFiles(branchFile('交警大队党支部'));
  await until(async () => (await one.locator('article.supervision-page').count()) === 3, 'tab 1 hears tab 2');
  assert.equal(await one.getByLabel('下一份督办单的编号').inputValue(), '5', 'the number typed is still there');
  await one.getByLabel('下一份督办单的编号').blur();
  await until(async () => (await storedSet(one))?.first_number === 5, '编号 stored');
  const stored = await storedSet(one);
  assert.equal(stored.issuer, ISSUER, 'the 签发单位 too');
  assert.equal(stored.files.length, 3, 'and tab 2\'s file');
  await one.getByRole('button', { name: '返回调度' }).click();
  await one.getByRole('button', { name: '督办单', exact: true }).click();
  assert.equal(await one.getByLabel('下一份督办单的编号').inputValue(), '5');
  assert.match(await one.locator('article.supervision-page').first().innerText(), /督〔\d{4}〕第5号/);
});
