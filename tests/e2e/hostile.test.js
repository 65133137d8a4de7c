// Hostile and broken files through every importer (导入文件 on the start page, and 汇总): each class gets its own
// clear Chinese message, nothing panics, the drafts on this computer are unchanged, markup stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, fixtures, root } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const corpus = path.join(root, 'target', 'hostile');

/// The corpus, made here rather than committed (two files are tens of megabytes): [file, expected message].
function makeCorpus() {
  fs.rmSync(corpus, { recursive: true, force: true });
  fs.mkdirSync(corpus, { recursive: true });
  const org = fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8');
  const doc = () => JSON.parse(org);
  const put = (name, content) => { fs.writeFileSync(path.join(corpus, name), content); return path.join(corpus, name); };
  const json = (name, value) => put(name, JSON.stringify(value, null, 2));
  const wrongType = doc(); wrongType.problems[0].measures[0].content = 42;
  const unknownCode = doc(); unknownCode.problems[0].measures[0].status = 'finished';
  const duplicate = doc(); duplicate.problems[1].id = duplicate.problems[0].id;
  const bigString = doc(); bigString.problems[0].remark = 'x'.repeat(18 * 1024 * 1024);
  return [
    [put('empty.json', ''), /文件是空的/],
    [put('binary.json', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x00, 0x10])), /不是文字文件/],
    [put('renamed.docx.json', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00'), Buffer.from('[Content_Types].xml word/document.xml')])), /Word文档（\.docx）/],
    [put('renamed.xlsx.json', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00'), Buffer.from('[Content_Types].xml xl/workbook.xml')])), /Excel表格（\.xlsx）/],
    [put('gbk.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xbc, 0xec, 0xca, 0xd3, 0x22, 0x7d])), /GBK/],
    [put('deep.json', '['.repeat(100000) + ']'.repeat(100000)), /嵌套超过/],
    [put('truncated.json', org.slice(0, org.length / 2)), /截断/],
    [put('huge.json', Buffer.alloc(25 * 1024 * 1024, 0x20)), /文件太大/],
    [json('huge-string.json', bigString), /文件太大/],
    [json('wrong-type.json', wrongType), /措施内容处内容类型不对：应当是文字，实际是整数/],
    [json('unknown-code.json', unknownCode), /整改状态处代码“finished”不是规定的取值/],
    [json('duplicate-ids.json', duplicate), /编号.*重复/],
    [put('array.json', '[1, 2, 3]'), /最外层是数组/],
    [put('not-json.json', '这不是JSON文件'), /不是有效的JSON格式/],
    [put('newer.json', org.replace('"version": 1', '"version": 99')), /更新版本的程序/],
  ];
}

test('every hostile file gets its own message and changes nothing', async (t) => {
  const cases = makeCorpus();
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  // One draft first, to check that it stays as it is.
  await page.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('link', { name: '首页' }).click();
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rectify.v1.draft.')).map((k) => localStorage.getItem(k)));
  const before = await stored();
  const seen = new Set();
  for (const [file, says] of cases) {
    await page.getByLabel('导入文件').setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: path.basename(file) });
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, says, path.basename(file));
    seen.add(text.replace(path.basename(file), ''));
  }
  assert.deepEqual(await stored(), before, 'the stored drafts are unchanged');
  assert.ok(seen.size >= 13, `each class has its own message (${seen.size} different)`);
  assert.deepEqual(app.problems, [], 'no panic, no console error');
});

test('the 汇总 importer refuses the same files with the same messages', async (t) => {
  const cases = makeCorpus().filter(([file]) => fs.statSync(file).size < 5 * 1024 * 1024);
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '汇总' }).click();
  await page.getByLabel('导入文件').setInputFiles(cases.map(([file]) => file));
  await page.locator('table.verdicts').waitFor();
  const rows = await page.locator('table.verdicts tbody tr').allInnerTexts();
  for (const [file, says] of cases) {
    const row = rows.find((r) => r.startsWith(path.basename(file))) ?? '';
    assert.match(row, /不是清单文件/, path.basename(file));
    assert.match(row, says, path.basename(file));
  }
  assert.deepEqual(app.problems, []);
});

test('markup and formulas in a list are shown as text, never run', async (t) => {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.header.org_name = '<img src=x onerror="window.__pwned=1">支部';
  doc.problems[0].description = '<script>window.__pwned=2</script>=HYPERLINK("http://x","点我")';
  delete doc.meta;
  fs.mkdirSync(corpus, { recursive: true });
  const file = path.join(corpus, 'markup.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件').setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  assert.equal(await page.getByLabel('党组织名称').inputValue(), doc.header.org_name);
  await page.getByRole('link', { name: /^2\. / }).click();
  assert.equal(await page.getByLabel('问题表现').first().inputValue(), doc.problems[0].description);
  assert.equal(await page.getByRole('textbox', { name: '问题表现', exact: true }).count(), 5, 'the required mark is not part of the name');
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  assert.ok((await page.locator('.paper').innerText()).includes('<script>window.__pwned=2</script>'), 'print shows the markup as text');
  assert.equal(await page.locator('.paper img, .paper script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
});

test('the app contains no eval and no new Function', () => {
  for (const file of fs.readdirSync(path.join(root, 'dist')).filter((f) => /\.(js|html)$/.test(f))) {
    const text = fs.readFileSync(path.join(root, 'dist', file), 'utf8');
    assert.ok(!/\beval\s*\(/.test(text), `${file}: eval`);
    assert.ok(!/new\s+Function\s*\(/.test(text), `${file}: new Function`);
  }
});

test('UTF-16 (LE and BE, as Notepad saves) and a UTF-8 BOM open like the original', async (t) => {
  const text = fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8');
  fs.mkdirSync(corpus, { recursive: true });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const files = {
    'utf16le.json': le,
    'utf16be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  };
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(corpus, name);
    fs.writeFileSync(file, bytes);
    await page.goto(app.url);
    await page.getByLabel('导入文件').setInputFiles(file);
    const replace = page.getByRole('button', { name: '用文件替换本机草稿' });
    const heading = page.getByRole('heading', { level: 2, name: '表头信息' });
    await Promise.race([replace.waitFor().then(() => replace.click()), heading.waitFor()]);
    await heading.waitFor();
    assert.equal(await page.getByLabel('党组织名称').inputValue(), '中共××县公安局交警大队支部委员会', name);
  }
  assert.deepEqual(app.problems, []);
});
