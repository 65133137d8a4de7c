// Any campaign (issue 43): a list names its 活动 — a preset (党纪学习教育 …) or one of the branch's own — chosen on
// the start page and in 表头信息; its 填报日期 is checked against that 活动's own dates, its print, Word and Excel
// titles carry its name, its file says so (version 2); a 2023 file stays what it was (version 1, its title); and
// 汇总 never adds up lists of two 活动: it consolidates one, says which, and 调度 follows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, OUTPUTS, root, fixtures, until, readOffice, sealed } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'activities-e2e');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const shots = path.join(root, 'target', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const DISCIPLINE = {
  preset: 'discipline_2024', name: '党纪学习教育', start: '2024-04-01', end: '2024-07-31',
  org_categories: [], member_categories: [],
  sources: ['opinions', 'self_review', 'superior', 'inspection', 'audit', 'mutual', 'other'],
};

/// The org fixture as `branch`'s list of `campaign` (none: the 2023 主题教育), exported `when`, sealed.
function listOf(branch, campaign, when, id) {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.id = id;
  doc.header.org_name = branch;
  if (campaign) {
    doc.header.campaign = campaign;
    doc.version = 2;
  }
  doc.meta = { app_version: 'test', exported_at: when, digest: '' };
  doc.meta.digest = sealed(doc);
  const file = path.join(out, `党组织清单-${branch}-${campaign ? campaign.name : '主题教育'}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

async function download(page, label, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  const file = path.join(out, name);
  await d.saveAs(file);
  return file;
}

const checked = (select) => select.locator('option:checked').innerText();

/// The text of the 检查 step's findings, the list checked as it stands.
async function findings(page) {
  await page.getByRole('link', { name: /^3\. / }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor();
  return results.innerText();
}

for (const output of OUTPUTS) {
  test(`${output}: a new list of 党纪学习教育 is checked by its dates and never warned for today`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    const choice = page.getByLabel('活动（新建的清单属于）');
    assert.equal(await checked(choice), '学习贯彻习近平新时代中国特色社会主义思想主题教育', 'a computer that never chose: the 2023 主题教育');
    await choice.selectOption({ label: '党纪学习教育' });
    await page.getByRole('button', { name: '新建党组织清单' }).click();
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    assert.equal(await checked(page.getByLabel('活动', { exact: true })), '党纪学习教育');
    await page.getByText('活动期间：2024年4月1日至2024年7月31日。打印的标题是《党纪学习教育检视整改问题清单》。').waitFor();
    assert.equal(await page.getByLabel('主题教育批次').count(), 0, 'no batches in 党纪学习教育');
    assert.equal(await page.locator('.category-list li').count(), 0, 'no categories invented: the user has none yet');
    await page.getByLabel(/^党组织名称/).fill('食品药品环境犯罪侦查大队党支部');
    await page.getByLabel(/^填报日期/).fill(iso(TODAY));
    await page.getByLabel('自定义类别名称').fill('政治纪律');
    await page.getByRole('button', { name: '添加类别' }).click();
    let said = await findings(page);
    assert.ok(!said.includes('填报日期是'), `today is no typo in 党纪学习教育: ${said}`);
    // A date before the campaign began is.
    await page.getByRole('link', { name: /^1\. / }).click();
    await page.getByLabel(/^填报日期/).fill('2024-03-05');
    said = await findings(page);
    assert.ok(said.includes('填报日期是2024年3月5日，早于党纪学习教育的开始日期（活动期间：2024年4月1日至2024年7月31日）'), said);
    // 调查研究 was the 2023 主题教育's task: not offered here.
    await page.getByRole('link', { name: /^2\. / }).click();
    await page.getByRole('button', { name: '添加问题' }).first().click();
    await page.getByLabel('征求意见 / 群众反映').first().waitFor();
    assert.equal(await page.getByLabel('调查研究发现').count(), 0);
    // The start page names each draft's 活动, and offers the last one chosen for the next list.
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.getByRole('cell', { name: '党纪学习教育', exact: true }).waitFor();
    assert.equal(await checked(page.getByLabel('活动（新建的清单属于）')), '党纪学习教育');
  });
}

test('a list of 党纪学习教育 prints, and goes to Word, Excel and its file, as that 活动\'s', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const file = listOf('中共××县公安局交警大队支部委员会', DISCIPLINE, '2024-06-01T10:00:00+08:00', '7a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b');
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  assert.equal(await checked(page.getByLabel('活动', { exact: true })), '党纪学习教育');
  // The file: version 2, the 活动 in its header.
  const json = JSON.parse(fs.readFileSync(await download(page, '导出JSON', 'discipline.json'), 'utf8'));
  assert.equal(json.version, 2);
  assert.equal(json.header.campaign.name, '党纪学习教育');
  // Word.
  const word = await readOffice(await download(page, '导出Word', 'discipline.docx'));
  assert.equal(word.paragraphs[1], '党纪学习教育检视整改问题清单');
  // Print.
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  const pdf = path.join(shots, 'print-discipline.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString().replace(/\s+/g, '');
  assert.ok(text.includes('党纪学习教育检视整改问题清单'), text.slice(0, 120));
  assert.ok(!text.includes('主题教育'), 'nothing of the 2023 campaign on its paper');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(shots, 'print-discipline')]);
  // The 台账 workbook: the 活动 before 截至.
  await page.goBack();
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
  await page.getByText(/^党纪学习教育\u3000截至\d{4}年/).first().waitFor();
  const book = await readOffice(await download(page, '导出Excel', 'discipline-ledger.xlsx'));
  assert.match(book.sheets[0].rows[1][1].value, /^党纪学习教育\u3000截至\d{4}年\d{1,2}月\d{1,2}日$/);
});

test('a 2023 file stays what it was: version 1, no 活动 key, its batch and title', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const fixture = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  assert.equal(await checked(page.getByLabel('活动', { exact: true })), '学习贯彻习近平新时代中国特色社会主义思想主题教育');
  assert.equal(await checked(page.getByLabel('主题教育批次')), '第二批');
  const json = JSON.parse(fs.readFileSync(await download(page, '导出JSON', 'theme.json'), 'utf8'));
  assert.equal(json.version, 1);
  assert.equal(json.header.campaign, undefined);
  assert.equal(json.meta.digest, fixture.meta.digest, 'the same content, the same 校验码');
  assert.equal(json.revision, fixture.revision);
});

test('a 活动 of the branch\'s own: named, dated, printed, and offered again on this computer', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('活动（新建的清单属于）').selectOption({ label: '自定义新活动…' });
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const name = page.getByLabel(/^活动名称/);
  await name.focus();
  await name.blur();
  await page.getByText('请填写活动名称，如“2026年度专题组织生活会”，打印的标题会用它。').waitFor();
  await name.fill('2026年度专题组织生活会');
  await page.getByLabel(/^活动开始日期/).fill(iso(TODAY));
  await page.getByLabel(/^活动结束日期/).fill('2020-01-01');
  let said = await findings(page);
  assert.ok(said.includes('活动的结束日期（2020年1月1日）早于开始日期'), said);
  await page.getByRole('link', { name: /^1\. / }).click();
  await page.getByLabel(/^活动结束日期/).fill('');
  await page.getByLabel(/^填报日期/).fill(iso(TODAY));
  said = await findings(page);
  assert.ok(!said.includes('活动的') && !said.includes('填报日期是'), said);
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  await page.getByText('2026年度专题组织生活会检视整改问题清单').waitFor();
  await page.goto(page.url().replace(/#.*$/, '#/'));
  const choice = page.getByLabel('活动（新建的清单属于）');
  await until(async () => (await checked(choice)) === '2026年度专题组织生活会（自定义）', 'the 活动 typed is the one new lists start in');
  await page.screenshot({ path: path.join(shots, 'activities-start.png'), fullPage: true });
});

for (const output of OUTPUTS) {
  test(`${output}: 汇总 consolidates one 活动 at a time, the newest first, and 调度 follows it`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByLabel('导入文件').waitFor();
    await page.getByLabel('导入文件').setInputFiles([
      listOf('治安管理大队党支部', null, '2023-12-01T10:00:00+08:00', '8a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'),
      listOf('治安管理大队党支部', DISCIPLINE, '2024-06-01T10:00:00+08:00', '9a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'),
      listOf('食品药品环境犯罪侦查大队党支部', DISCIPLINE, '2024-06-03T10:00:00+08:00', 'aa1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'),
    ]);
    await page.getByRole('status').filter({ hasText: '已读取3个文件' }).waitFor();
    const split = page.getByRole('group', { name: '汇总哪个活动' });
    assert.ok(await split.getByLabel('党纪学习教育（2份清单）').isChecked(), 'the 活动 worked on now');
    const [choiceBox, figuresBox] = [await split.boundingBox(), await page.getByRole('heading', { level: 2, name: '全单位汇总' }).boundingBox()];
    assert.ok(choiceBox.y < figuresBox.y, 'the choice above the figures it chooses');
    await until(async () => (await page.locator('table.branches tbody tr').count()) === 2, 'two 党支部 of 党纪学习教育');
    await page.getByText(/^党纪学习教育\u3000截至/).first().waitFor();
    const verdicts = await page.locator('table.verdicts tbody tr').allTextContents();
    assert.equal(verdicts.filter((v) => v.includes('属于另一个活动（学习贯彻习近平新时代中国特色社会主义思想主题教育）')).length, 1, verdicts.join('\n'));
    await page.screenshot({ path: path.join(shots, `activities-summary-${output === 'served' ? 'served' : 'file'}.png`), fullPage: true });
    // 调度 of 党纪学习教育: its two 党支部 only.
    await page.getByRole('button', { name: '调度', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^调度表/ }).waitFor();
    const rows = await page.locator('table.dispatch-table tbody tr').allTextContents();
    assert.equal(rows.length, 2, rows.join('\n'));
    assert.ok(rows.every((r) => !r.includes('治安管理大队党支部') || !r.includes('主题教育')));
    await page.getByRole('button', { name: '调度', exact: true }).click();
    // The office turns to the 2023 主题教育: one 党支部, and kept across a reload.
    await page.reload();
    const again = page.getByRole('group', { name: '汇总哪个活动' });
    await again.getByLabel(/^学习贯彻.*主题教育（1份清单）$/).check();
    await page.getByRole('status').filter({ hasText: '现在汇总“学习贯彻习近平新时代中国特色社会主义思想主题教育”的清单' }).waitFor();
    await until(async () => (await page.locator('table.branches tbody tr').count()) === 1, 'one 党支部 of the 2023 主题教育');
    await page.reload();
    await until(async () => {
      const g = page.getByRole('group', { name: '汇总哪个活动' });
      return (await g.count()) === 1 && g.getByLabel(/主题教育（1份清单）$/).isChecked();
    }, 'the choice kept with the set');
    assert.ok(!(await page.locator('.as-of').first().innerText()).includes('党纪'), 'the 2023 papers keep their line');
  });
}
