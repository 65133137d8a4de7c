// The office's own files (issue 15): 导出Excel in 台账 and 汇总, 导出Word in the editor, from both outputs, each
// read back with openpyxl and python-docx — what WPS and Excel users would see: titles, the header row frozen and
// repeated, one row per measure, merged problem cells, A4 landscape, dates as dates, formula-looking text kept as
// text, the 校验码 in the footer. The served app loads the writers only when an export asks for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, fixtures, readOffice, OUTPUTS } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'office-e2e');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const ORG = '中共××县公安局交警大队支部委员会';
const FORMULA = '=HYPERLINK("http://example.invalid","点我")';

/// The org fixture with a description that looks like a formula, as a careless paste would leave it.
function orgWithFormula() {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.problems[2].description = FORMULA;
  delete doc.meta;
  const file = path.join(out, 'org-with-formula.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/// Clicks an export button and saves what it downloads; returns the path and the suggested name.
async function download(page, scope, label, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: label, exact: true }).click()]);
  const file = path.join(out, name);
  await d.saveAs(file);
  return { file, suggested: d.suggestedFilename() };
}

async function openList(t, output, file) {
  const app = await openApp(browser, output);
  t.after(() => app.close());
  await app.page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await app.page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  return app;
}

/// The file as LibreOffice prints it (headless, with a profile of its own): its pages' size in points and text.
function asPrinted(file) {
  const dir = path.join(out, 'pdf');
  const profile = path.join(out, 'libreoffice-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe' });
  const pdf = path.join(dir, path.basename(file).replace(/\.\w+$/, '.pdf'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const [width, height] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m).slice(1).map((n) => Math.round(Number(n)));
  const text = [];
  for (let p = 1; p <= pages; p++) {
    text.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
  }
  return { pages, width, height, text };
}
const A4_LANDSCAPE = [842, 595];

const writersRequested = (app) => app.requests.filter((u) => /\/writers-[0-9a-f]+\.js$/.test(u));
const cell = (sheet, row, column) => sheet.rows[row - 1][column - 1];

for (const output of OUTPUTS) {
  test(`${output}: the ledger as an Excel workbook, as the CSV and the page have it`, async (t) => {
    const app = await openList(t, output, orgWithFormula());
    const { page } = app;
    await page.getByRole('button', { name: '整改台账' }).click();
    await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor();
    if (output === 'served') assert.deepEqual(writersRequested(app), [], 'nothing of the writers is loaded before an export');

    const csv = await download(page, page, '导出CSV', `${output}-ledger.csv`);
    const csvLines = fs.readFileSync(csv.file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const xlsx = await download(page, page, '导出Excel', `${output}-ledger.xlsx`);
    assert.equal(xlsx.suggested, csv.suggested.replace(/\.csv$/, '.xlsx'), 'named as the CSV is');
    await page.getByRole('status').filter({ hasText: `已导出“${xlsx.suggested}”` }).waitFor();
    if (output === 'served') assert.equal(writersRequested(app).length, 1, 'the writers come with the first export');

    const book = await readOffice(xlsx.file);
    assert.deepEqual(book.sheets.map((s) => s.name), ['台账', '按类别']);
    const [ledger, byCategory] = book.sheets;
    assert.equal(cell(ledger, 1, 2).value, `${ORG}检视整改问题整改台账`);
    assert.ok(ledger.merged.includes('B1:O1'), 'the title is merged over the table (from B: column A prints on both pages)');
    assert.match(cell(ledger, 2, 2).value, /^截至\d{4}年\d{1,2}月\d{1,2}日$/);
    assert.deepEqual(ledger.rows[2].map((c) => c.value), csvLines[0].split(',').filter((h) => h !== '党员'), 'the CSV\'s columns but 党员, which an org list has not');
    assert.equal(ledger.rows.length - 3, csvLines.length - 1, 'one row per measure, as the CSV');
    assert.equal(ledger.freeze, 'A4', 'the header row stays when scrolling');
    assert.equal(ledger.print_titles, '$3:$3', 'the header row on every printed page');
    assert.deepEqual([ledger.orientation, ledger.paper, ledger.fit_to_page, ledger.fit_width, ledger.fit_height], ['landscape', 9, true, 2, 0], 'A4 landscape, two pages wide: one page wide would print it under 9 points');
    assert.deepEqual([ledger.print_title_cols, ledger.page_order], ['$A:$A', 'overThenDown'], 'the 编号 column on both pages, read across first');
    assert.equal(ledger.footer, '第&P页 共&N页');

    // 1-1 and 1-2 share their problem: its cells are merged over both (columns 问题类别, 问题表现).
    for (const range of ['B4:B5', 'C4:C5']) assert.ok(ledger.merged.includes(range), `${range} merged`);
    assert.ok(cell(ledger, 5, 3).covered);
    // The deadline of 1-1 is a real date shown the Chinese way; the 逾期 row is marked, the long-term one is not.
    const deadline = cell(ledger, 4, 6);
    assert.deepEqual([deadline.type, deadline.value], ['d', '2023-12-31T00:00:00']);
    assert.match(deadline.format, /yyyy"年"m"月"d"日/);
    assert.equal(cell(ledger, 4, 10).value, '逾期');
    assert.ok(cell(ledger, 4, 1).fill, 'an overdue row is shaded');
    assert.equal(cell(ledger, 5, 6).value, '长期坚持');
    assert.equal(cell(ledger, 5, 1).fill, null, 'a row not overdue is not');
    assert.ok(cell(ledger, 4, 4).wrap, 'long text wraps');
    // The pasted formula is text, never a formula.
    const pasted = ledger.rows.map((r) => r[2]).find((c) => c.value === FORMULA);
    assert.ok(pasted, 'the formula-looking description is there, literally');
    assert.equal(pasted.type, 's');

    // 按类别: counts as numbers, and the paragraph of the page's report.
    assert.deepEqual(byCategory.rows[2].map((c) => c.value), ['序号', '问题类别', '问题', '措施', '已完成', '正在整改', '逾期', '整改完成率']);
    const theory = byCategory.rows.find((r) => r[1].value === '理论学习');
    assert.deepEqual(theory.slice(2, 4).map((c) => [c.type, c.value]), [['n', 1], ['n', 2]]);
    assert.ok(byCategory.rows.some((r) => r[0].value === '合计'), 'the 合计 row');
    const report = await page.locator('#report-text').innerText();
    const note = byCategory.rows.flat().find((c) => typeof c.value === 'string' && c.value.startsWith('情况说明：'));
    assert.equal(note.value, `情况说明：${report.trim()}`);

    // The 校验码 in the footer is that of the file the list exports.
    await page.getByRole('link', { name: '← 返回填写' }).click();
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    const json = await download(page, page, '导出JSON', `${output}-list.json`);
    const digest = JSON.parse(fs.readFileSync(json.file, 'utf8')).meta.digest;
    const code = digest.replace('sha256:', '').slice(0, 12);
    assert.equal(ledger.footer_right, `校验码：${code}`);

    if (output === 'single file') {
      const printed = asPrinted(xlsx.file);
      assert.deepEqual([printed.width, printed.height], A4_LANDSCAPE, 'printed on A4 landscape');
      assert.match(printed.text[0], new RegExp(`${ORG}检视整改问题整改台账`));
      // Two pages wide, read across: the first columns, then the rest with the 编号 again, each page numbered.
      assert.match(printed.text[0], /台账编号[\s\S]*问题表现/, 'the first columns on page 1');
      assert.match(printed.text[1], /台账编号[\s\S]*延期批准人/, 'the last on page 2, the 编号 repeated');
      assert.match(printed.text[0], /第1页 共\d+页/);
      assert.match(printed.text[0], new RegExp(`校验码：${code}`));
    }
  });

  test(`${output}: the list as a Word document, as it prints`, async (t) => {
    const app = await openList(t, output, path.join(fixtures, 'org-complete.json'));
    const { page } = app;
    const toolbar = page.getByRole('toolbar', { name: '整份清单的操作' });
    const word = await download(page, toolbar, '导出Word', `${output}-org.docx`);
    assert.equal(word.suggested, `党组织清单-${ORG}-20231015.docx`);
    const doc = await readOffice(word.file);
    assert.deepEqual([doc.orientation, doc.width_mm, doc.height_mm], ['LANDSCAPE (1)', 297, 210], 'A4 landscape');
    assert.deepEqual(doc.paragraphs.slice(0, 2), [ORG, '学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单']);
    assert.match(doc.paragraphs[2], new RegExp(`^填报单位：${ORG}\\s+填报日期：2023年10月15日$`));
    assert.match(doc.paragraphs.at(-1), /党支部书记（签字）：＿+\s+填报人：陈晓燕\s+联系电话：13907712345/);
    assert.equal(doc.tables.length, 1);
    const [table] = doc.tables;
    assert.deepEqual(table.header.map((h) => h.replace(/\n/g, '')), ['序号', '问题类别', '问题来源', '问题表现', '整改措施', '整改目标', '整改时限', '牵头责任人', '责任单位']);
    assert.ok(table.header.includes('牵头\n责任人'), 'a narrow head parts between its words');
    assert.equal(table.header_rows, 1, 'the header row repeats on every page');
    assert.equal(table.rows, 1 + 7, 'one row per measure');
    assert.ok(table.vmerged_cells > 0, 'a problem\'s cells are merged over its measures');
    assert.equal(table.texts[1][3], table.texts[2][3], 'problem 1 spans its two measures');
    assert.match(table.texts[2][4], /^2\. 把习近平总书记关于公安工作的重要论述/);
    // The 校验码 of the file handed in (the fixture's digest), as on the printed pages.
    const { digest } = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8')).meta;
    assert.match(doc.footer, new RegExp(`校验码：${digest.replace('sha256:', '').slice(0, 12)}$`));
    assert.deepEqual(doc.footer_fields, ['PAGE', 'NUMPAGES'], 'page numbers in the footer');

    if (output === 'single file') {
      const printed = asPrinted(word.file);
      assert.deepEqual([printed.width, printed.height], A4_LANDSCAPE, 'printed on A4 landscape');
      assert.ok(printed.pages >= 2, 'seven measures take more than a page');
      printed.text.forEach((page, i) => {
        assert.match(page, new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${printed.pages}\\s*页`), `page ${i + 1} numbered`);
        assert.match(page, new RegExp(`校验码：${digest.replace('sha256:', '').slice(0, 12)}`), `page ${i + 1} has the 校验码`);
        assert.match(page, /序号[\s\S]*牵头[\s\S]*单位/, `page ${i + 1} has the header row`);
      });
      assert.match(printed.text[0], /学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单/, 'the title on one line');
    }
  });
}

test('a member list in Word: the table, or one page per member', async (t) => {
  const app = await openList(t, 'single file', path.join(fixtures, 'member-complete.json'));
  const { page } = app;
  const whole = await readOffice((await download(page, page.getByRole('toolbar', { name: '整份清单的操作' }), '导出Word', 'member.docx')).file);
  assert.equal(whole.tables.length, 1);
  assert.equal(whole.page_breaks, 0);
  const names = ['刘洋', '周静', '马超'];
  for (const name of names) assert.ok(whole.tables[0].texts.some((r) => r.includes(name)), `${name} in the table`);

  // Step 4 offers one page per member.
  await page.getByRole('link', { name: /导出/ }).first().click();
  await page.getByRole('heading', { level: 3, name: 'Word文档' }).waitFor();
  await page.getByLabel(/每名党员一页/).check();
  const step = page.locator('.word-export');
  const paged = await download(page, step, '导出Word', 'member-per-page.docx');
  assert.match(paged.suggested, /-每名党员一页\.docx$/);
  const doc = await readOffice(paged.file);
  assert.equal(doc.tables.length, names.length, 'a table on each member\'s page');
  assert.ok(doc.page_breaks >= names.length - 1, 'each member starts a page');
  names.forEach((name, i) => assert.ok(doc.tables[i].texts.flat().join('').includes(name) || doc.paragraphs.join('').includes(name), `${name}'s page`));
  assert.match(doc.footer, /校验码：[0-9a-f]{12}/);
  const printed = asPrinted(paged.file);
  assert.equal(printed.pages, names.length, 'a page per member');
  names.forEach((name, i) => {
    assert.match(printed.text[i], new RegExp(`姓名：${name}`), `page ${i + 1} is ${name}'s`);
    assert.match(printed.text[i], /学习贯彻习近平新时代中国特色社会主义思想主题教育党员检视整改问题清单/, 'the title on one line');
    assert.match(printed.text[i], /支部意见：/);
  });
});

test('a list with errors goes to Word as a draft, marked on every page', async (t) => {
  const app = await openList(t, 'single file', path.join(fixtures, 'org-draft-with-errors.json'));
  const { page } = app;
  const word = await download(page, page.getByRole('toolbar', { name: '整份清单的操作' }), '导出Word', 'draft.docx');
  assert.match(word.suggested, /-草稿\.docx$/);
  const doc = await readOffice(word.file);
  assert.match(doc.header, /草\s*稿/, 'as the printed draft says it');
});

test('汇总 as an Excel workbook: the branches, every measure with its branch, by category', async (t) => {
  const set = path.join(root, 'target', 'office-branches');
  fs.rmSync(set, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '--example', 'branches', '--', set, '3'], { cwd: root });
  const files = fs.readdirSync(set).map((f) => path.join(set, f));
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor();
  const measures = Number(await page.locator('.figure').filter({ has: page.locator('dt', { hasText: /^措施总数$/ }) }).locator('dd').innerText());
  const xlsx = await download(page, page, '导出Excel', 'consolidation.xlsx');
  assert.match(xlsx.suggested, /^检视整改汇总-\d{8}\.xlsx$/);
  const book = await readOffice(xlsx.file);
  assert.deepEqual(book.sheets.map((s) => s.name), ['各党支部', '收到的文件', '汇总台账', '按类别']);
  const [branches, received, ledger, byCategory] = book.sheets;
  assert.equal(branches.rows.length - 3, 3 + 1, 'a row per 党支部 and the 合计');
  assert.equal(branches.rows.at(-1)[0].value, '合计');
  // The two long sheets have a fourth line under the title, saying they print only it (issue 41).
  const line = (sheet, row) => sheet.rows[row - 1].map((c) => c.value).find(Boolean) ?? '';
  assert.match(line(received, 3), /打印整个工作簿时只打印本说明/);
  assert.match(line(ledger, 3), /打印整个工作簿时只打印本说明/);
  assert.equal(received.rows.length - 4, files.length, 'a row per file received');
  assert.ok(received.rows.slice(4).every((r) => r.at(-1).value), 'each with its verdict');
  assert.equal(cell(ledger, 4, 1).value, '党支部');
  assert.equal(ledger.rows.length - 4, measures, 'every measure of the 汇总');
  assert.deepEqual(new Set(ledger.rows.slice(4).map((r) => r[0].value ?? 'covered')).size, 3, 'three branches');
  for (const s of book.sheets) {
    const header = ['收到的文件', '汇总台账'].includes(s.name) ? 4 : 3;
    assert.equal(s.print_titles, `$${header}:$${header}`, `${s.name}: header on every page`);
    assert.equal(s.orientation, 'landscape');
  }
  const note = byCategory.rows.flat().find((c) => typeof c.value === 'string' && c.value.startsWith('情况说明：'));
  assert.match(note.value, /已收到3个党支部/);
  // 按类别: the org lists' categories and the member lists' apart, each row saying which list, then the 合计.
  assert.deepEqual(byCategory.rows[2].slice(0, 3).map((c) => c.value), ['序号', '清单', '问题类别']);
  const kinds = byCategory.rows.slice(3).map((r) => r[1].value).filter(Boolean);
  assert.ok(kinds.length > 0 && kinds.every((k) => ['党组织清单', '党员清单'].includes(k)), 'each row says its list');
  assert.deepEqual(kinds, [...kinds].sort((a, b) => (a === '党员清单') - (b === '党员清单')), 'org categories first, then the member lists\'');
  assert.ok(byCategory.rows.some((r) => r[0].value === '合计'));
});
