// The campaign's other lists (issue 45): 调研问题清单, 成果转化清单 and 意见建议台账, each made from the start page,
// filled in, checked, printed (A4 landscape, no word over another), exported to JSON, Word and Excel and read back
// from its own JSON, Word and Excel files; a 调研问题 纳入检视整改 into the branch's org list, the link kept by both
// files through export and import; a branch's own Word and Excel tables read; and 汇总 of the bureau's simulated
// campaign giving back the report's totals (38 调研问题, 36 措施, 7 成果转化, 68 意见建议) in its paragraph, its
// table by 党支部, its paper and its workbook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, OUTPUTS, root, fixtures, until, readOffice, pdfWords, overprinted } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'registers-e2e');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const ORG = '食品药品环境犯罪侦查大队党支部';
const TODAY = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const days = (n) => iso(new Date(TODAY.getTime() + n * 86400000));

/// Saves the download `click` starts, as `dir/name`; returns its path.
async function download(page, click, dir) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/// What each kind's form takes, and what its files must then hold.
const KINDS = {
  调研问题清单: {
    key: 'survey',
    async fill(page) {
      await page.getByRole('button', { name: '添加调研课题' }).click();
      await page.getByLabel('调研题目').fill('关于食品药品安全监管协作的调研');
      await page.getByRole('button', { name: '添加发现的问题' }).click();
      await page.getByLabel('发现问题').fill('与市场监管部门案件移送衔接不畅，线索移交平均超过15天。');
      await page.getByLabel('整改措施').fill('建立案件线索双向移送机制，每月召开联席会议。');
      await page.getByLabel('责任领导').fill('李明');
      await page.getByLabel('责任单位').fill('食药环大队');
      await page.getByLabel('完成日期').fill(days(60));
    },
    text: '线索移交平均超过15天',
    short: '联席会议',
    count: (doc) => doc.topics.flatMap((t) => t.problems).length,
  },
  成果转化清单: {
    key: 'results',
    async fill(page) {
      await page.getByRole('button', { name: '添加成果' }).click();
      await page.getByLabel('来源课题').fill('关于食品药品安全监管协作的调研');
      await page.getByLabel('成果名称').fill('案件线索双向移送工作机制');
      await page.getByLabel('转化形式').selectOption('制度规定');
      await page.getByLabel('具体内容').fill('与县市场监管局会签线索移送办法，明确移送时限和反馈要求。');
      await page.getByLabel('责任单位').fill('食药环大队');
      await page.getByLabel('完成时限').fill(days(30));
      await page.getByLabel('完成情况').selectOption('已完成');
      await page.getByLabel('佐证材料').fill('公食药〔2026〕3号文件');
    },
    text: '案件线索双向移送工作机制',
    short: '制度规定',
    count: (doc) => doc.results.length,
  },
  意见建议台账: {
    key: 'opinions',
    async fill(page) {
      await page.getByRole('button', { name: '添加意见建议' }).click();
      await page.getByLabel('收集渠道').selectOption('警民恳谈会');
      await page.getByLabel('收集日期').fill(days(-3));
      await page.getByLabel('意见建议内容').fill('建议在辖区药店张贴食品药品违法犯罪举报电话。');
      await page.getByLabel('承办单位').fill('食药环大队');
      await page.getByLabel('办理措施').fill('已协调市场监管部门在全县药店统一张贴。');
      await page.getByLabel('办理结果').selectOption({ label: 'A 已经解决或基本解决' });
      await page.getByLabel('反馈情况').selectOption('已反馈');
      await page.getByLabel('反馈日期').fill(days(-1));
      await page.getByLabel('反馈方式').fill('电话');
    },
    text: '举报电话',
    short: '举报电话',
    count: (doc) => doc.opinions.length,
  },
};

/// Opens a new register of `title` from the start page and fills its header.
async function newRegister(page, title) {
  await page.getByRole('button', { name: `新建${title}` }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByLabel('党组织名称').fill(ORG);
  await page.getByLabel('填报人').fill('陈晓燕');
}

/// Imports `file` on the start page and confirms what its preview shows.
async function importFile(page, file, expected) {
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  const preview = page.getByRole('region', { name: /导入/ });
  await preview.getByText(expected).waitFor({ timeout: 60000 });
  const text = await preview.innerText();
  await preview.getByRole('button', { name: /确认导入|替换/ }).click();
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  return text;
}

for (const output of OUTPUTS) {
  for (const [title, kind] of Object.entries(KINDS)) {
    test(`${output}: a ${title} is made, checked, printed, exported to JSON, Word and Excel, and read back from each`, async (t) => {
      const app = await openApp(browser, output);
      t.after(() => app.close());
      const { page } = app;
      const dir = path.join(out, `${kind.key}-${output.replace(' ', '-')}`);
      fs.mkdirSync(dir, { recursive: true });
      await newRegister(page, title);
      await kind.fill(page);
      await page.getByRole('button', { name: '检查', exact: true }).click();
      await page.getByRole('region', { name: '检查结果' }).getByText('检查通过').waitFor();
      await page.getByRole('status').getByText('已自动保存').waitFor();

      // 打印: A4 landscape, the title, the table, the 校验码; no word printed over another.
      await page.getByRole('button', { name: '打印' }).click();
      await page.getByRole('heading', { name: `打印预览：《${title}》` }).waitFor();
      const pdf = path.join(dir, 'print.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const pages = pdfWords(pdf);
      const printedText = pages.map((p) => p.map((w) => w.text).join('')).join('');
      assert.equal(pages.length, 1);
      assert.ok(printedText.includes(ORG) && printedText.includes(title) && printedText.includes(kind.short), printedText);
      assert.match(printedText, /校验码：[0-9a-f]{4}/);
      assert.deepEqual(overprinted(pages), []);
      const size = execFileSync('pdfinfo', [pdf]).toString().match(/Page size:\s+([\d.]+) x ([\d.]+)/);
      assert.ok(+size[1] > +size[2], 'landscape');
      await page.getByRole('button', { name: '返回填写' }).click();

      // The three files.
      const json = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click(), dir);
      const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
      assert.equal(doc.format, 'rectify-register');
      assert.equal(doc.kind, kind.key);
      assert.equal(kind.count(doc), 1);
      assert.match(path.basename(json), new RegExp(`^${title}-${ORG}-\\d{8}\\.json$`));
      const word = await download(page, () => page.getByRole('button', { name: '导出Word' }).click(), dir);
      const excel = await download(page, () => page.getByRole('button', { name: '导出Excel' }).click(), dir);
      const wordRead = JSON.stringify(await readOffice(word));
      const excelRead = JSON.stringify(await readOffice(excel));
      assert.ok(wordRead.includes(kind.text) && wordRead.includes(title), 'the Word file holds the table');
      assert.ok(excelRead.includes(kind.text) && excelRead.includes(title), 'the workbook holds the table');

      // Read back, each into a register holding the same item: the JSON as it was; Word and Excel as tables.
      for (const [file, says] of [[json, /将替换一份/], [word, /将新建一份/], [excel, /将新建一份/]]) {
        const said = await importFile(page, file, says);
        assert.match(said, new RegExp(`${title}（${ORG}）：1条`), said);
        assert.equal(await page.getByRole('heading', { level: 1, name: title }).count(), 1);
        assert.ok((await page.locator('main').innerText()).length > 0);
        const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value).join('|'));
        assert.ok(values.includes(kind.text), `${path.basename(file)} read back: ${values}`);
      }
    });
  }

  test(`${output}: a 调研问题 纳入检视整改 is a problem of the org list, and both files keep the link`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    const dir = path.join(out, `include-${output.replace(' ', '-')}`);
    fs.mkdirSync(dir, { recursive: true });
    // The branch's org list first.
    await page.getByRole('button', { name: '新建党组织清单' }).click();
    await page.getByLabel('党组织名称').fill(ORG);
    await page.getByRole('link', { name: '← 返回首页' }).or(page.getByRole('link', { name: /首页/ })).first().click();
    await newRegister(page, '调研问题清单');
    await KINDS.调研问题清单.fill(page);
    await page.getByRole('button', { name: '纳入检视整改' }).click();
    await page.getByRole('status').getByText(/已纳入“食品药品环境犯罪侦查大队党支部”的《党组织检视整改问题清单》，是其中第1个问题/).waitFor();
    await page.getByText('已纳入检视整改：在本支部《党组织检视整改问题清单》中整改。').waitFor();
    const registerFile = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click(), dir);

    // The org list shows where its problem came from, with the 调研问题's words and measure.
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.getByRole('button', { name: `打开 ${ORG}` }).first().click();
    await page.getByRole('link', { name: /^2\. / }).click();
    await page.getByText('来自调研问题清单（纳入检视整改）').waitFor();
    assert.equal(await page.getByLabel('问题表现').first().inputValue(), '与市场监管部门案件移送衔接不畅，线索移交平均超过15天。');
    assert.equal(await page.getByLabel(/^措施内容/).first().inputValue(), '建立案件线索双向移送机制，每月召开联席会议。');
    await page.getByRole('link', { name: /^4\. / }).click();
    // The list still lacks what only the branch can say (its categories, a 整改目标): exported as a draft.
    await page.getByRole('button', { name: '导出JSON' }).click();
    const listFile = await download(page, () => page.getByRole('alertdialog').getByRole('button', { name: '导出草稿' }).click(), dir);

    const register = JSON.parse(fs.readFileSync(registerFile, 'utf8'));
    const list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
    const item = register.topics[0].problems[0];
    assert.deepEqual(item.included, { list: list.id, problem: list.problems[0].id });
    assert.deepEqual(list.problems[0].found_in, { kind: 'survey', register: register.id, item: item.id });
    assert.deepEqual(list.problems[0].sources, ['research']);

    // On another computer (a fresh profile): both files imported, the link is there on both sides.
    const other = await openApp(browser, output);
    t.after(() => other.close());
    await importFile(other.page, registerFile, /将新建一份/);
    await other.page.getByText('已纳入检视整改：在本支部《党组织检视整改问题清单》中整改。').waitFor();
    await other.page.goto(other.page.url().replace(/#.*$/, '#/'));
    await other.page.getByLabel('导入文件', { exact: true }).setInputFiles(listFile);
    await other.page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    await other.page.getByRole('link', { name: /^2\. / }).click();
    await other.page.getByText('来自调研问题清单（纳入检视整改）').waitFor();
  });
}

test('a branch\'s own tables: a 调研问题清单 in Word with merged 课题 cells, an 意见建议台账 in Excel by LibreOffice', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const tables = path.join(fixtures, 'tables');
  const survey = await importFile(page, path.join(tables, 'survey-word.docx'), /将新建一份调研问题清单/);
  assert.match(survey, new RegExp(`调研问题清单（${ORG}）：3条调研发现的问题`));
  assert.equal(await page.getByRole('region', { name: /第\d+个调研课题$/ }).count(), 2, 'two 课题, the first over two problems');
  assert.equal(await page.getByLabel('完成日期').first().inputValue(), '2026-06-30');
  const opinions = await importFile(page, path.join(tables, 'opinions-excel-libreoffice.xlsx'), /将新建一份意见建议台账/);
  assert.match(opinions, /：3条意见建议/);
  assert.match(opinions, /这些列本程序不认识，没有读入：联系电话/);
  assert.match(opinions, /第3条的“收集渠道”写的是“微信群”/);
  assert.equal(await page.getByLabel('收集日期').first().inputValue(), '2026-04-02');
  assert.equal(await page.getByLabel('办理结果').nth(1).inputValue(), 'B 正在解决');

  // The start page lists both; 删除 asks, then the 台账 is gone from the page and from storage.
  await page.goto(page.url().replace(/#.*$/, '#/'));
  const listed = page.getByRole('region', { name: '调研问题、成果转化和意见建议' });
  await listed.getByRole('row', { name: new RegExp(`调研问题清单（${ORG}）\\s+3条`) }).waitFor();
  await listed.getByRole('button', { name: `删除 意见建议台账（${ORG}）` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
  await until(async () => (await listed.getByRole('row').count()) === 2, 'the 台账 gone from the list');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rectify.v1.register.')).length);
  assert.equal(kept, 1);
});

for (const output of OUTPUTS) test(`${output}: 汇总 of the campaign with its other lists gives the report's totals in the paragraph, by 党支部, on paper and in the workbook`, async (t) => {
  const camp = path.join(out, 'campaign');
  if (!fs.existsSync(path.join(camp, 'other'))) execFileSync('cargo', ['run', '-q', '--example', 'campaign', '--', camp, '--today', iso(TODAY)], { cwd: root });
  const files = ['files', 'other'].flatMap((d) => fs.readdirSync(path.join(camp, d)).map((f) => path.join(camp, d, f)));
  const app = await openApp(browser, output);
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByLabel('导入文件').setInputFiles(files);
  const section = page.getByRole('region', { name: '调研问题、成果转化和意见建议' });
  await section.waitFor({ timeout: 120000 });
  const sentence = '围绕21个调研课题，梳理调查研究发现问题38个，制定整改措施36条，已整改19个、销号5个；形成调研成果11项，完成成果转化7个；累计收集意见建议68条，已办结52条，办复率89.7%。';
  const report = await page.locator('#unit-report').innerText();
  assert.ok(report.endsWith(sentence), report);
  const rows = await section.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 24, '23 党支部 and 合计');
  assert.match(rows.at(-1), /^合计\s+21\s+38\s+36\s+19\s+5\s+11\s+7\s+68\s+52\s+89\.7%\s+0$/);
  assert.ok(rows.some((r) => r.includes(ORG)), 'the longest name has its row');

  const pdf = path.join(out, `summary-${output.replace(' ', '-')}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = pdfWords(pdf);
  const text = pages.map((p) => p.map((w) => w.text).join('')).join('');
  assert.ok(text.includes('调研问题、成果转化和意见建议情况') && text.includes(sentence), 'on paper');
  assert.deepEqual(overprinted(pages), []);

  const book = await download(page, () => page.getByRole('button', { name: '导出Excel' }).click(), out);
  const read = await readOffice(book);
  const sheet = read.sheets.find((s) => s.name === '调研成果意见建议');
  assert.ok(sheet, read.sheets.map((s) => s.name).join(','));
  const values = sheet.rows.map((row) => row.map((c) => c.value ?? ''));
  const total = values.find((row) => row[0] === '合计');
  assert.deepEqual(total.slice(2, 10), [21, 38, 36, 19, 5, 11, 7, 68]);
  assert.ok(values.some((row) => row[0] === sentence), 'the paragraph under the table');

  // 调度 says what moved in the other lists over its period too.
  await page.getByRole('button', { name: '调度', exact: true }).click();
  await page.getByText(/调研问题新销号\d+个；新收集意见建议\d+条，新反馈\d+条。/).first().waitFor();
});

/// A new 意见建议台账 with one empty 意见建议, saved: its page and its browser context.
async function savedOpinion(t) {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  await newRegister(app.page, '意见建议台账');
  await app.page.getByRole('button', { name: '添加意见建议' }).click();
  await app.page.getByRole('status').getByText('已自动保存').waitFor();
  return app;
}

test('two tabs on one register: the later save over the other tab\'s is refused and said, the first tab\'s text kept', async (t) => {
  const { page, context } = await savedOpinion(t);
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel('意见建议内容').waitFor();
  await page.getByLabel('意见建议内容').fill('第一个窗口写的意见');
  await page.getByRole('status').getByText('已自动保存').waitFor();
  await until(async () => (await page.evaluate(() => Object.values(localStorage).join(''))).includes('第一个窗口写的意见'), 'the first tab saved');
  await other.getByLabel('意见建议内容').fill('第二个窗口写的意见');
  await other.getByRole('alert').getByText('这份清单刚在另一个窗口中被修改过').waitFor();
  const stored = await page.evaluate(() => Object.values(localStorage).join(''));
  assert.ok(stored.includes('第一个窗口写的意见') && !stored.includes('第二个窗口写的意见'));
});

test('a change typed just before the tab is closed is kept', async (t) => {
  const { page, context } = await savedOpinion(t);
  const url = page.url();
  await page.getByLabel('意见建议内容').fill('关闭前刚写的意见');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(url);
  await again.getByLabel('意见建议内容').waitFor();
  assert.equal(await again.getByLabel('意见建议内容').inputValue(), '关闭前刚写的意见');
});

test('a register chooses its 活动 in 表头信息, and its file and print say it', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await newRegister(page, '成果转化清单');
  await page.getByLabel('活动', { exact: true }).selectOption({ label: '党纪学习教育' });
  await KINDS.成果转化清单.fill(page);
  const dir = path.join(out, 'campaign-choice');
  fs.mkdirSync(dir, { recursive: true });
  const file = await download(page, () => page.getByRole('button', { name: '导出JSON' }).click(), dir);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.header.campaign.preset, 'discipline_2024');
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByText('党纪学习教育成果转化清单').waitFor();
});
