// Meet branches where they are, round 2 (issue 42): their tables as they make them from the office's template
// (read whole on the start page and taken into 汇总 as that 党支部's list), a member's own list on a phone (its own
// fields on the first screen, today filled in, no error before typing, 发送给支部 through the share sheet), and
// the small ones: 上移/下移 keep focus on the moved card, a byte-identical copy is the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, OUTPUTS, root, fixtures, until, localDocs, sealed } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'branches2-e2e');
const tables = path.join(fixtures, 'tables');
const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const UNIT = '中共××县公安局治安管理大队支部委员会';

/// The fixture's list as another 党支部's, sealed.
function listOf(name) {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.header.org_name = name;
  doc.id = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
  doc.meta = { app_version: 'test', exported_at: '2026-11-30T10:00:00+08:00', digest: '' };
  doc.meta.digest = sealed(doc);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `党组织清单-${name}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

test('a table from the office\'s template, saved again by LibreOffice, opens with every part read', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(tables, 'template-word-libreoffice.docx'));
  const preview = page.getByRole('region', { name: /导入表格/ });
  await preview.getByText(`（${UNIT}）`).waitFor();
  await preview.getByText(/去掉了\d+处问题或措施前手写的编号/).waitFor();
  await preview.getByText(/问题来源“领导交办”不是规定的来源/).waitFor();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const [doc] = await until(async () => { const d = await localDocs(page); return d.length === 1 && d; }, 'the draft');
  assert.equal(doc.header.org_name, UNIT, 'the 填报单位（盖章） line, not the title\'s words');
  assert.equal(doc.header.reviewer, '张伟', 'the 审核人 line under the table');
  assert.deepEqual(doc.problems.map((p) => p.sources), [['opinions', 'self_review'], ['opinions', 'superior'], ['mutual']]);
  assert.deepEqual(doc.problems.map((p) => p.description.slice(0, 6)), ['理论学习不够', '窗口服务群众', '深入基层调研']);
  assert.deepEqual(doc.problems.flatMap((p) => p.measures.map((m) => m.status)), ['done', 'phased_long_term', 'in_progress', 'in_progress']);
  assert.equal(await page.getByLabel('上级党组织').count(), 1, 'a branch\'s list asks for its 上级党组织');
});

for (const output of OUTPUTS) {
  test(`${output}: 汇总 takes a branch's Word and Excel tables beside list files, until its list file comes`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByLabel('导入文件').waitFor();
    await page.getByLabel('导入文件').setInputFiles([
      listOf('中共××县公安局刑事侦查大队支部委员会'),
      path.join(tables, 'template-word.docx'),
      path.join(tables, 'org-excel.xlsx'),
    ]);
    // Each table is shown first, as on the start page, and taken in by 计入汇总.
    const preview = page.getByRole('region', { name: /导入表格/ });
    await preview.getByText(`（${UNIT}）`).waitFor();
    await page.getByText('还有1个表格等着核对').waitFor();
    await page.getByRole('status').filter({ hasText: '已读取3个文件；其中2个Word或Excel表格' }).waitFor();
    await preview.getByRole('button', { name: '计入汇总' }).click();
    await page.getByRole('status').filter({ hasText: '已把表格“template-word.docx”计入汇总' }).waitFor();
    await preview.getByText('（交警大队党支部）').waitFor();
    await preview.getByRole('button', { name: '计入汇总' }).click();
    await until(async () => (await page.locator('table.branches tbody tr').count()) === 3, 'three 党支部');
    await page.getByText(/3份清单计入汇总（其中2份来自表格，没有校验码）/).waitFor();
    const verdicts = await page.locator('table.verdicts tbody tr').allTextContents();
    assert.equal(verdicts.filter((v) => v.includes('来自表格')).length, 2, verdicts.join('\n'));
    assert.ok(!(await page.locator('body').innerText()).includes('只能打开它自己导出的'), 'no word of ".json only"');
    await page.screenshot({ path: path.join(root, 'target', 'screenshots', `branches2-tables-${output === 'served' ? 'served' : 'file'}.png`), fullPage: true });
    // The branch's list file comes: it counts, the table's list no more; a copy of it is the same file.
    const own = listOf(UNIT);
    const copy = path.join(out, '党组织清单-治安(1).json');
    fs.copyFileSync(own, copy);
    await page.getByLabel('导入文件').setInputFiles([own, copy]);
    await page.getByRole('status').filter({ hasText: '已读取2个文件' }).waitFor();
    await until(async () => (await page.locator('table.verdicts tbody tr').allTextContents()).some((v) => v.startsWith('template-word.docx') && v.includes('已被')), 'the table superseded');
    const after = await page.locator('table.verdicts tbody tr').allTextContents();
    assert.ok(after.some((v) => v.startsWith('党组织清单-治安(1).json') && v.includes('是同一个文件')), after.join('\n'));
    assert.equal(await page.locator('table.branches tbody tr').count(), 3);
  });
}

for (const width of [360, 375, 414]) {
  test(`a member's own list on a ${width} px phone: its own fields on the first screen, today, no error before typing, 发送给支部`, async (t) => {
    // The share sheet, as a phone's browser offers it: what is shared is kept for the test to read.
    const share = () => {
      window.__shared = [];
      navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
      navigator.share = async (data) => {
        for (const f of data.files) window.__shared.push({ name: f.name, type: f.type, text: await f.text() });
      };
    };
    const app = await openApp(browser, 'single file', { initScript: share, device: { viewport: { width, height: 667 }, isMobile: true, hasTouch: true } });
    t.after(() => app.close());
    const { page } = app;
    await page.getByRole('button', { name: '新建个人清单' }).click();
    const first = page.getByLabel(/^党组织名称/);
    await first.waitFor();
    const box = await first.boundingBox();
    assert.ok(box.y + box.height <= 667, `the first field on the first screen (${Math.round(box.y)} px)`);
    assert.equal(await page.getByLabel(/^填报日期/).inputValue(), iso(TODAY), 'today already in 填报日期');
    for (const branchOnly of ['上级党组织', '主题教育批次', '审核人（支部书记）', '联系电话']) {
      assert.equal(await page.getByLabel(branchOnly).count(), 0, `no ${branchOnly} on a member's own list`);
    }
    assert.equal(await page.locator('.status-bar .counts').count(), 0, 'no error counted before anything is typed');
    await page.screenshot({ path: path.join(root, 'target', 'screenshots', `phone-own-list-${width}.png`) });
    // Filled in, and sent from step 4 through the share sheet.
    await first.fill('治安管理大队党支部');
    await page.getByLabel(/^填报人/).fill('王芳');
    await page.getByLabel(/^填报人/).blur();
    await page.locator('.status-bar .counts').waitFor();
    await page.getByRole('link', { name: /^4\. / }).click();
    await page.getByRole('button', { name: '发送给支部' }).click();
    await page.getByRole('status').filter({ hasText: '已发送' }).waitFor();
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.length, 1);
    assert.match(shared[0].name, new RegExp(`^党员清单-治安管理大队党支部-王芳-${iso(TODAY).replace(/-/g, '')}(-草稿)?\\.json$`));
    assert.equal(shared[0].type, 'application/json');
    assert.equal(JSON.parse(shared[0].text).members[0].name, '王芳');
    await page.screenshot({ path: path.join(root, 'target', 'screenshots', `phone-send-${width}.png`) });
  });
}

test('a phone browser that cannot share files gets the file as a download, its name and place said', async (t) => {
  const app = await openApp(browser, 'single file', { device: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } });
  t.after(() => app.close());
  const { page } = app;
  await page.evaluate(() => { delete navigator.__proto__.share; delete navigator.__proto__.canShare; });
  await page.getByRole('button', { name: '新建个人清单' }).click();
  await page.getByLabel(/^党组织名称/).fill('治安管理大队党支部');
  await page.getByLabel(/^填报人/).fill('李强');
  await page.getByRole('link', { name: /^4\. / }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '发送给支部' }).click()]);
  const said = await page.getByRole('status').filter({ hasText: '下载' }).innerText();
  assert.ok(said.includes(download.suggestedFilename()), said);
});

test('上移 and 下移 keep focus on the moved card and show it', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('link', { name: /^2\. / }).click();
  const first = await page.getByLabel(/^问题表现/).first().inputValue();
  await page.getByRole('button', { name: '下移问题1', exact: true }).click();
  // The card is now the second; focus is on its 下移 (now named for 问题2), and on screen.
  await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === '下移问题2'), 'focus on the moved card');
  assert.equal(await page.getByLabel(/^问题表现/).nth(1).inputValue(), first);
  const inView = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the moved card on screen');
  await page.keyboard.press('Enter');
  await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === '下移问题3'), 'moved again from the keyboard');
});
