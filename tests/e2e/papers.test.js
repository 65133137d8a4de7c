// Papers an office files as they are (issue 41), on the simulated campaign's real names (39 党支部, 食品药品环境犯罪侦查
// 大队党支部 among them, eight weeks of files, re-hand-ins, a rename): the 汇总 print, the 调度表, the 督办单, a list
// and its 台账 printed to PDF and read back with poppler — no word printed over another (`pdftotext -bbox-layout`),
// 合计 once, each 督办单 on a sheet of its own numbered by itself, no page of only a header row — and the two
// workbooks and the Word file printed by LibreOffice. On screen at 1366×768, no name runs out of its cell and no
// heading over another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, launchKernel, openApp, root, until, pdfWords, overprinted } from './harness.js';

// On the Chromium of today and on the real Chromium 109 (Windows 7's last; see tests/old-kernels).
const browsers = {};
let browser;
before(async () => { [browsers.current, browsers['109']] = await Promise.all([launch(), launchKernel(109)]); browser = browsers.current; });
after(async () => { await Promise.all(Object.values(browsers).map((b) => b.close())); });

const out = path.join(root, 'target', 'papers-e2e');
const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const pageTexts = (pages) => pages.map((words) => words.map((w) => w.text).join(''));

async function printed(page, name) {
  const file = path.join(out, name);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const pages = pdfWords(file);
  fs.writeFileSync(`${file}.txt`, pageTexts(pages).map((t, i) => `--- page ${i + 1}\n${t}`).join('\n'));
  return { file, pages, texts: pageTexts(pages) };
}

/// Cells of `selector` whose content runs out of them, and header cells of one row that meet.
const overflowing = (page, selector) => page.evaluate((sel) => {
  const bad = [];
  for (const cell of document.querySelectorAll(`${sel} th, ${sel} td`)) {
    if (cell.scrollWidth > cell.clientWidth + 1) bad.push(`${cell.tagName} “${cell.innerText.slice(0, 20)}” runs out of its cell`);
  }
  for (const row of document.querySelectorAll(`${sel} thead tr`)) {
    const boxes = [...row.children].map((c) => [c.innerText.trim(), ...[...c.querySelectorAll('*'), c].map((e) => e.getBoundingClientRect())]);
    const cells = [...row.children].map((c) => c.getBoundingClientRect());
    const texts = [...row.children].map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return range.getBoundingClientRect();
    });
    for (let i = 0; i + 1 < texts.length; i++) {
      if (texts[i].right > cells[i].right + 1) bad.push(`heading “${row.children[i].innerText.trim()}” runs into “${row.children[i + 1].innerText.trim()}”`);
    }
    void boxes;
  }
  return bad;
}, selector);

for (const [kernel, output] of [['current', 'single file'], ['109', 'served']]) test(`${output}${kernel === '109' ? ', Chromium 109' : ''}: the office's papers on the campaign's real names: nothing printed over anything, 合计 once, a 督办单 per sheet`, async (t) => {
  if (kernel === 'current' || !fs.existsSync(path.join(out, 'campaign.json'))) {
    execFileSync('cargo', ['run', '-q', '--example', 'campaign', '--', out, '--today', iso(TODAY)], { cwd: root });
  }
  const campaign = JSON.parse(fs.readFileSync(path.join(out, 'campaign.json'), 'utf8'));
  const dir = path.join(out, 'files');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));

  const app = await openApp(browsers[kernel], output);
  t.after(() => app.close());
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: `已读取${files.length}个文件` }).waitFor({ timeout: 120000 });
  await page.getByLabel('应报送的党支部').fill(campaign.expected.join('\n'));
  await page.getByLabel('应报送的党支部').blur();
  // The renamed 党支部's list is asked about (issue 40): it is the same 党支部.
  const asked = page.getByRole('region', { name: /需要核实/ });
  if (await asked.count()) await asked.getByRole('button', { name: `${campaign.renamed.name}是${campaign.renamed.was}改了名称` }).click();
  await page.locator('.unlisted li').getByRole('combobox').selectOption(campaign.join.with);
  await page.locator('.unlisted li').getByRole('button', { name: '合并为同一党支部' }).click();
  await until(async () => (await page.locator('table.branches tbody tr').count()) === 39, '39 rows');

  // On screen: the long names wrap inside their cells, no heading runs into the next.
  assert.deepEqual(await overflowing(page, 'table.branches'), []);
  await page.locator('table.branches').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', `papers-branches-1366-${kernel}.png`) });

  // The 汇总 on paper.
  const summary = await printed(page, `${kernel}-汇总.pdf`);
  assert.deepEqual(overprinted(summary.pages), [], 'no word of the 汇总 print over another');
  const all = summary.texts.join('');
  // 合计 once in each of its two tables (按类别, 各党支部), the 各党支部's at its end: on the last page.
  assert.equal((all.match(/合计/g) ?? []).length, 2, `合计 once a table: ${summary.texts.length} pages`);
  assert.ok(summary.texts.at(-1).includes('合计'), 'the 各党支部 合计 at the end');
  for (const screenOnly of ['导入文件', '查找党支部', '复制这段文字', '应报送的党支部', '点此展开', '导出CSV']) {
    assert.ok(!all.includes(screenOnly), `the screen's “${screenOnly}” is not on paper`);
  }
  assert.ok(summary.texts[0].includes('检视整改情况汇总') && summary.texts[0].includes('截至'), 'title and 截至 on page 1');
  assert.ok(all.includes('食品药品环境犯罪侦查'), 'the longest name is there (wrapped in its cell)');
  console.log(`# 汇总 print: ${summary.pages.length} pages`);

  // The 汇总 workbook printed whole by LibreOffice: its 汇总台账 prints a sentence, not hundreds of pages.
  const [book] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: '导出Excel' }).click()]);
  const xlsx = path.join(out, `${kernel}-汇总.xlsx`);
  await book.saveAs(xlsx);
  const whole = printedByLibreOffice(xlsx);
  assert.ok(whole.pages.length < 30, `the 汇总 workbook prints on ${whole.pages.length} pages`);
  assert.ok(whole.texts.some((t) => t.includes('打印整个工作簿时只打印本说明')));
  console.log(`# 汇总 workbook (LibreOffice): ${whole.pages.length} pages`);

  // 调度 of week 8, on screen and on paper.
  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByLabel('开始日期').fill(campaign.week.from);
  await page.getByLabel('结束日期').fill(campaign.week.to);
  await until(async () => (await page.locator('table.dispatch-table tbody tr').count()) === 39, 'the 调度表');
  assert.deepEqual(await overflowing(page, 'table.dispatch-table'), []);
  await page.locator('table.dispatch-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', `papers-dispatch-1366-${kernel}.png`) });
  const sheet = await printed(page, `${kernel}-调度表.pdf`);
  assert.deepEqual(overprinted(sheet.pages), [], 'no word of the 调度表 over another');
  assert.equal((sheet.texts.join('').match(/合计/g) ?? []).length, 1, '合计 once, at the end of the table');
  // A 党支部's changes that go on over a page say whose they are there: every page of the changes starts with a
  // 党支部's heading, its own or its （续）.
  const changes = sheet.texts.map((t, p) => [t, p]).filter(([t]) => t.includes('与上次报送相比的变化') || t.includes('（续）'));
  assert.ok(changes.length > 0, 'the changes are printed');
  const firstChanges = sheet.texts.findIndex((t) => t.includes('与上次报送相比的变化'));
  for (let p = firstChanges + 1; p < sheet.texts.length; p++) {
    const text = sheet.texts[p];
    if (!/原内容|修改后/.test(text)) continue;
    assert.ok(campaign.expected.some((name) => text.startsWith(name) || text.includes(`${name}（续）`)),
      `page ${p + 1} of the 调度表 starts with its 党支部: ${text.slice(0, 60)}`);
  }
  console.log(`# 调度表: ${sheet.pages.length} pages`);

  // 督办单: a sheet each, numbered by itself; 编号 at the top right, the 落款 at the right.
  await page.getByRole('button', { name: '督办单', exact: true }).click();
  await page.locator('article.supervision-page').first().waitFor();
  const pressed = campaign.rows.filter((r) => r.pressing > 0);
  const notices = await printed(page, `${kernel}-督办单.pdf`);
  assert.deepEqual(overprinted(notices.pages), [], 'no word of a 督办单 over another');
  const starts = notices.texts.map((t, p) => [t, p]).filter(([t]) => t.includes('检视整改督办单')).map(([, p]) => p);
  assert.equal(starts.length, pressed.length, 'one 督办单 per 党支部');
  assert.ok(!notices.texts.some((t) => new RegExp(`共${notices.pages.length}页`).test(t)) || notices.pages.length === 1,
    'no 督办单 is numbered as a page of all of them');
  for (const [i, p] of starts.entries()) {
    const end = starts[i + 1] ?? notices.pages.length;
    const pages = end - p;
    if (pressed[i].pressing <= 6) assert.equal(pages, 1, `${pressed[i].name}'s 督办单 of ${pressed[i].pressing} measures on one sheet`);
    if (pages > 1) {
      for (let k = 0; k < pages; k++) assert.ok(notices.texts[p + k].includes(`第${k + 1}页共${pages}页`), `${pressed[i].name}: 第${k + 1}页共${pages}页`);
    }
    // The 编号 right of the title's page, the 落款 right of the body, below the branch's own line.
    const words = notices.pages[p];
    const width = 842;
    const number = words.find((w) => /^督〔\d{4}〕第\d+号$/.test(w.text));
    assert.ok(number && number.x0 > width / 2, `${pressed[i].name}: 编号 at the right`);
  }
  console.log(`# 督办单: ${pressed.length} notices on ${notices.pages.length} pages`);
});

/// The file as LibreOffice prints it (headless, a profile of its own): its pages' words.
function printedByLibreOffice(file) {
  const dir = path.join(out, 'lo');
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe' });
  const pdf = path.join(dir, path.basename(file).replace(/\.\w+$/, '.pdf'));
  const pages = pdfWords(pdf);
  fs.writeFileSync(`${pdf}.txt`, pageTexts(pages).map((t, i) => `--- page ${i + 1}\n${t}`).join('\n'));
  return { pdf, pages, texts: pageTexts(pages) };
}

async function download(page, scope, label, name) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), scope.getByRole('button', { name: label, exact: true }).click()]);
  const file = path.join(out, name);
  await d.saveAs(file);
  return file;
}

/// Pages that hold nothing but the header row and the signatures (and the page's own furniture).
function headerOnlyPages(texts, furniture) {
  return texts.map((t, p) => [t, p]).filter(([t]) => {
    let rest = t;
    for (const f of furniture) rest = rest.split(f).join('');
    return rest.replace(/第\d+页共\d+页|校验码：?[0-9a-f]{12}|草稿/g, '').length < 8;
  }).map(([, p]) => p + 1);
}

/// A part of a zip file (an .xlsx or .docx), as text.
const zipPart = (file, name) => execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

for (const which of ['campaign', 'org-30.json', 'member-40x5x3.json']) test(`${which}: a list, its 台账 and their Word and Excel files: no page of a header alone, rows kept whole, breaks between problems`, async (t) => {
  let file;
  if (which === 'campaign') {
    if (!fs.existsSync(path.join(out, 'files'))) execFileSync('cargo', ['run', '-q', '--example', 'campaign', '--', out, '--today', iso(TODAY)], { cwd: root });
    const dir = path.join(out, 'files');
    // The longest org list of the campaign, as a 党支部 has it.
    const orgLists = fs.readdirSync(dir).filter((f) => f.startsWith('党组织清单-')).map((f) => path.join(dir, f));
    file = orgLists.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  } else {
    const samples = path.join(root, 'target', 'samples');
    if (!fs.existsSync(path.join(samples, which))) execFileSync('cargo', ['run', '-q', '--example', 'samples', '--', samples], { cwd: root });
    file = path.join(samples, which);
  }
  const name = which.replace(/\.json$/, '');
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor({ timeout: 60000 });
  const toolbar = page.getByRole('toolbar', { name: '整份清单的操作' });

  // The list printed: its signatures never on a page of their own with only the header row.
  await toolbar.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor({ timeout: 60000 });
  const list = await printed(page, `${name}-清单.pdf`);
  assert.deepEqual(overprinted(list.pages), []);
  const heads = ['序号', '姓名', '职务', '问题', '类别', '来源', '表现', '检视出的', '整改', '措施', '目标', '时限', '牵头', '责任人', '责任', '单位'];
  const signatures = ['党支部书记（签字）', '填报人', '联系电话', '审核人', '：', '_', '（', '）'];
  assert.deepEqual(headerOnlyPages(list.texts, [...heads, ...signatures]), [], 'no page of the header and the signatures alone');
  console.log(`# ${name} 清单 print: ${list.pages.length} pages`);

  // Its Word file: rows never split, a problem's rows (its merged cells) and the signatures kept together; as
  // LibreOffice prints it, no page of the header alone.
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const docx = await download(page, toolbar, '导出Word', `${name}-清单.docx`);
  const xml = zipPart(docx, 'word/document.xml');
  const rows = xml.split('<w:tr>').slice(2);
  assert.ok(rows.every((r) => r.includes('<w:cantSplit/>')), 'no row splits across pages');
  const continued = rows.filter((r, i) => i + 1 < rows.length && rows[i + 1].includes('<w:vMerge/>'));
  assert.ok(continued.length > 0 && continued.every((r) => r.includes('<w:keepNext/>')), 'a row a merged cell goes on from stays with the next');
  const word = printedByLibreOffice(docx);
  assert.deepEqual(overprinted(word.pages), []);
  assert.deepEqual(headerOnlyPages(word.texts, [...heads, ...signatures]), [], 'no Word page of the header and the signatures alone');
  console.log(`# ${name} 清单 Word (LibreOffice): ${word.pages.length} pages`);

  // The 台账 workbook: pages break between problems, never through a merged cell.
  await toolbar.getByRole('button', { name: '整改台账' }).click();
  await page.getByRole('heading', { level: 2, name: '汇总' }).waitFor({ timeout: 60000 });
  const book = await download(page, page, '导出Excel', `${name}-台账.xlsx`);
  const sheet = zipPart(book, 'xl/worksheets/sheet1.xml');
  const merges = [...sheet.matchAll(/<mergeCell ref="[A-Z]+(\d+):[A-Z]+(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const breaks = [...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  const sheets = printedByLibreOffice(book);
  if (sheets.pages.length > 3) assert.ok(breaks.length > 0, 'a long 台账 sets its page breaks');
  for (const b of breaks) assert.ok(!merges.some(([a, z]) => a <= b && b < z), `a page break after row ${b} cuts a merged cell`);
  assert.deepEqual(overprinted(sheets.pages), []);
  console.log(`# ${name} 台账 workbook (LibreOffice): ${sheets.pages.length} pages, ${breaks.length} breaks set`);

  // The 台账 printed.
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('region', { name: '打印预览' }).waitFor();
  const ledger = await printed(page, `${name}-台账.pdf`);
  assert.deepEqual(overprinted(ledger.pages), []);
  console.log(`# ${name} 台账 print: ${ledger.pages.length} pages`);
});
