// Nothing lost, round 3 (issue 25), in the browser: a list holding what Word and Excel refuse goes to files they
// open, a gathering is undone only until the next edit, and a gathering survives the browser killed right after
// 确认收集. (The rules behind these are tested natively: tests/office.rs, tests/gather.rs, tests/review.rs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, openApp, root, fixtures, sealed, readOffice, startChromium, until, localDocs, singleFile } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'lost3-e2e');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

/// Writes `doc` sealed, as the app exports it.
function write(doc, name) {
  const copy = structuredClone(doc);
  delete copy.meta;
  copy.meta = { app_version: 'test', exported_at: '2024-01-10T09:30:00+08:00', digest: sealed(copy) };
  const file = path.join(out, name);
  fs.writeFileSync(file, JSON.stringify(copy, null, 2));
  return file;
}

/// LibreOffice prints the file (headless, a profile of its own): the PDF's text, or it fails the test.
function printed(file) {
  const dir = path.join(out, 'pdf');
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe' });
  const pdf = path.join(dir, path.basename(file).replace(/\.\w+$/, '.pdf'));
  assert.ok(fs.existsSync(pdf), `LibreOffice printed ${path.basename(file)}`);
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, '');
}

async function download(page, scope, label, name) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), scope.getByRole('button', { name: label }).click()]);
  const file = path.join(out, name);
  await d.saveAs(file);
  return file;
}

test('a list holding U+FFFF, a lone CR and a 40,000-character text goes to Word and Excel files that open', async (t) => {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.problems[0].description = `开头\uFFFF中间\uFFFE结尾\r第二行${'很长的问题表现'.repeat(6000)}`;
  doc.problems[0].measures[0].content = '上一句\r下一句';
  doc.problems[0].measures[0].goal = '长'.repeat(1500);
  const file = write(doc, 'hostile.json');

  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();

  // Word: python-docx reads it, LibreOffice prints it, the lone CR is a line break.
  const docx = await download(page, page.getByRole('toolbar', { name: '整份清单的操作' }), '导出Word', 'hostile.docx');
  const word = await readOffice(docx);
  assert.ok(JSON.stringify(word).includes('开头中间结尾'), 'U+FFFF and U+FFFE left out, the words kept');
  assert.ok(printed(docx).includes('上一句'), 'LibreOffice opens it');

  // The 台账's Excel: the cut is said, in Chinese, naming the field; openpyxl and LibreOffice open it.
  await page.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
  const ledger = await download(page, page, '导出Excel', 'hostile-ledger.xlsx');
  const said = page.getByRole('status').filter({ hasText: '已导出' });
  await said.waitFor();
  assert.match(await said.innerText(), /Excel放不下[\s\S]*“台账”表第1行[\s\S]*“问题表现”超过Excel一个单元格能放的32767字[\s\S]*以下内容过长，见JSON文件/);
  const book = await readOffice(ledger);
  const cells = book.sheets[0].rows.flat().map((c) => c.value).filter((v) => typeof v === 'string');
  const cut = cells.find((v) => v.startsWith('开头中间结尾'));
  assert.ok(cut.endsWith('（以下内容过长，见JSON文件）') && cut.length <= 32767, 'cut to a cell, visibly');
  assert.ok(printed(ledger).includes('检视整改问题整改台账'), 'LibreOffice opens it');

  // 汇总's workbook: the same list among others does not block the unit's file.
  await page.goto(page.url().replace(/#.*$/, '#/summary'));
  await page.getByLabel('导入文件').setInputFiles([file, path.join(fixtures, 'member-complete.json')]);
  await page.getByRole('status').filter({ hasText: '已读取2个文件' }).waitFor();
  const unit = await download(page, page, '导出Excel', 'hostile-summary.xlsx');
  await page.getByRole('status').filter({ hasText: 'Excel放不下' }).waitFor();
  assert.equal((await readOffice(unit)).sheets.length, 4);
  assert.ok(printed(unit).includes('各党支部报送情况'));
  assert.ok(!app.problems.some((p) => /[A-Za-z]{6,} [A-Za-z]{3,}/.test(p)), 'no English reached the user');
});

/// A branch's member list with a roster of three, and 刘洋's own list to gather.
function gathering() {
  const own = JSON.parse(fs.readFileSync(path.join(fixtures, 'member-complete.json'), 'utf8'));
  own.id = '7c1d2e3f-4a5b-4c6d-8e7f-000000000025';
  own.members = [own.members[0]];
  own.header.filed_by = own.members[0].name;
  return write(own, '刘洋的清单.json');
}

async function branchList(page) {
  await page.getByRole('button', { name: '新建党员清单' }).click();
  await page.getByLabel('党组织名称').fill('中共××县公安局交警大队支部委员会');
  await page.getByLabel('填报日期').fill('2024-01-12');
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByLabel('批量添加党员').fill('刘洋\n周静\n王强');
  await page.getByRole('button', { name: '添加到名单' }).click();
  await page.getByRole('navigation', { name: '党员名单' }).getByText('共3名党员，已交0名，未交3名。').waitFor();
}

test('撤销 of a gathering is offered until the next edit, and never takes back what was typed after it', async (t) => {
  const file = gathering();
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await branchList(page);
  await page.getByLabel('收集党员清单').setInputFiles(file);
  await page.getByRole('button', { name: '确认收集' }).click();
  const undo = page.getByRole('button', { name: '撤销' });
  await undo.waitFor();

  // 职务 for two other members and a 支部意见: the first keystroke withdraws 撤销.
  const index = page.getByRole('navigation', { name: '党员名单' });
  for (const [name, position] of [['周静', '副所长'], ['王强', '民警']]) {
    await index.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: new RegExp(`党员\\d：${name}`) }).waitFor();
    await page.getByLabel('职务（岗位）').fill(position);
    await undo.waitFor({ state: 'detached' });
  }
  await index.getByRole('link', { name: /刘洋/ }).click();
  await page.getByLabel('支部意见').fill('同意，请抓好落实。');
  assert.equal(await undo.count(), 0, 'no 撤销 that would take these back');

  await until(async () => (await localDocs(page)).some((d) => d.members?.[0]?.branch_opinion === '同意，请抓好落实。'), 'the edits to be saved');
  await page.reload();
  await page.getByRole('navigation', { name: '党员名单' }).waitFor();
  const [doc] = await localDocs(page);
  assert.deepEqual(doc.members.map((m) => [m.name, m.position]), [['刘洋', doc.members[0].position], ['周静', '副所长'], ['王强', '民警']]);
  assert.equal(doc.members[0].branch_opinion, '同意，请抓好落实。');
  assert.ok(doc.members[0].problems.length > 0, 'the gathering is kept');
});

test('a gathering is kept when the browser is killed right after 确认收集', async () => {
  const file = gathering();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-gather-kill-'));
  const url = pathToFileURL(singleFile).href;
  let run = await startChromium(profile);
  try {
    await run.page.goto(url);
    await branchList(run.page);
    await run.page.getByLabel('收集党员清单').setInputFiles(file);
    await run.page.getByRole('button', { name: '确认收集' }).waitFor();
    // The crash is the scenario: 150 ms after the click, well inside the autosave's pause (0.3 s), as a user
    // who gathers and closes the laptop lid. A timed kill, not a wait for something to happen.
    await run.page.getByRole('button', { name: '确认收集' }).click();
    await new Promise((r) => setTimeout(r, 150));
  } finally {
    await run.kill();
  }
  run = await startChromium(profile);
  try {
    await run.page.goto(url);
    await run.page.getByRole('button', { name: /^打开/ }).first().click();
    await run.page.getByRole('link', { name: /^2\. / }).click();
    const index = run.page.getByRole('navigation', { name: '党员名单' });
    await index.getByText('共3名党员，已交1名，未交2名。').waitFor();
  } finally {
    await run.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the office is told as it types that a comment is longer than the branch accepts, and cannot export it', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  await page.getByRole('button', { name: /^查看 .* 的党组织清单$/ }).click();
  const comment = page.getByLabel('审核意见', { exact: true });
  await comment.fill('请补充。'.repeat(525));
  await page.getByText('已写2100字，超过2000字：支部导入时会拒绝整个审核意见文件，请删减100字。').waitFor();
  await comment.blur();
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByRole('button', { name: '导出审核意见' }).click();
  await page.getByRole('alert').filter({ hasText: '“整个清单”的意见有2100字，超过了2000字' }).waitFor();
});
