// The lists branches already keep in Word and Excel: 导入文件 reads the table (fixtures written by python-docx and
// openpyxl, tools/make_table_fixtures.py), shows what it will make, and makes a draft only on 确认导入. Old formats
// and hostile files are refused in Chinese and change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, fixtures, OUTPUTS } from './harness.js';

const tables = path.join(fixtures, 'tables');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function choose(page, file) {
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(tables, file));
}

for (const output of OUTPUTS) {
  test(`${output}: a Word table with merged problems becomes a draft only on 确认导入`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await choose(page, 'org-word.docx');
    const preview = page.getByRole('region', { name: /导入表格/ });
    await preview.getByText('3 个问题，6 项整改措施').waitFor();
    assert.match(await preview.innerText(), /党组织检视整改问题清单（交警大队党支部）/);
    assert.match(await preview.innerText(), /第6行：整改时限“年底前”没有写明哪一年/);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rectify.v1.draft.')).length), 0,
      'nothing is stored before 确认导入');
    // A column read as something else changes what is read: 整改目标 not imported.
    await preview.getByLabel('第5列“整改目标”导入为').selectOption('skip');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    assert.equal(await page.getByLabel(/党组织名称|填报单位/).first().inputValue(), '交警大队党支部');
    await page.getByRole('link', { name: /^2\. / }).click();
    await page.locator('textarea[id$="-content"]').first().waitFor();
    const texts = await page.locator('textarea').evaluateAll((els) => els.map((e) => e.value).join('|'));
    assert.ok(texts.includes('深入一线调研不够'), 'the problems are in step 2');
    const goals = await page.locator('textarea[id$="-goal"]').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(goals.length >= 1 && goals.every((g) => g === ''), `整改目标 left out as chosen: ${goals}`);
  });
}

test('an Excel member sheet with a title and "same as above" cells: each member once', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await choose(page, 'member-excel.xlsx');
  const preview = page.getByRole('region', { name: /导入表格/ });
  await preview.getByText('4 个问题，5 项整改措施，3 名党员').waitFor();
  assert.match(await preview.innerText(), /党员检视整改问题清单（治安大队党支部）/);
  // Columns changed so that nothing reads as a measure: said, 确认导入 held back, the columns kept to choose again.
  for (const select of await preview.locator('select').all()) {
    if (['measure', 'goal', 'deadline'].includes(await select.inputValue())) await select.selectOption('skip');
  }
  await preview.getByText('按现在各列的对应没有读到整改措施').waitFor();
  assert.equal(await page.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByText('已取消导入，本机的草稿没有改变。').waitFor();
  assert.equal(await page.getByRole('heading', { name: '本机草稿' }).locator('..').getByRole('link').count(), 0);
});

test('old formats, a password, a zip bomb and declared entities are refused in Chinese, changing nothing', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  for (const [file, words] of [
    ['old-format.xls', '另存为” .docx'],
    ['password.xlsx', '设置了打开密码'],
    ['hostile-zip-bomb.docx', '解压后过大'],
    ['hostile-entities.docx', '自定义的 XML 实体'],
    ['not-a-list.docx', '没有表格'],
  ]) {
    await choose(page, file);
    const alert = page.getByRole('alert').filter({ hasText: `无法导入“${file}”` });
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(words), `${file}: ${await alert.innerText()}`);
  }
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rectify.v1.draft.')).length), 0);
});
