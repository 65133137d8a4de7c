// 粘贴表格 in step 2: rows copied from Excel, WPS or Word are pasted into a box, shown as what they will add (the
// columns matched, each changeable; what was not read), and added at the end of the list only on 添加到清单, as one
// step that 撤销 takes back. The clipboard is what Excel and Word put there (tests/fixtures/tables/clipboard-*.html
// and tab-separated text), given to the page as a real paste event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, fixtures, OUTPUTS, localDocs, until } from './harness.js';

const clipboard = (name) => fs.readFileSync(path.join(fixtures, 'tables', name), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/// A paste into `box` carrying `data` ({ 'text/html': …, 'text/plain': … }), as Ctrl+V gives it.
async function paste(box, data) {
  await box.evaluate((el, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const problemsStored = async (page) => (await localDocs(page)).map((d) => (d.problems ?? []).length);

async function newOrgListAtStep2(page) {
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('button', { name: '添加问题' }).waitFor();
}

async function newMemberListAtStep2(page) {
  await page.getByRole('button', { name: '新建党员清单' }).click();
  await page.getByLabel('党组织名称').fill('治安大队党支部');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('button', { name: '添加党员' }).waitFor();
}

for (const output of OUTPUTS) {
  test(`${output}: rows copied from Excel with merged cells are added only on 添加到清单, and 撤销 takes them back`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const { page } = app;
    await newOrgListAtStep2(page);
    await page.getByRole('button', { name: '粘贴表格' }).click();
    const region = page.getByRole('region', { name: '粘贴表格' });
    const box = region.getByLabel('粘贴到这里');
    await box.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '粘贴到这里');
    await paste(box, { 'text/html': clipboard('clipboard-excel.html'), 'text/plain': 'ignored\twhen a table is there' });
    await region.getByText('将添加 3 个问题，5 项整改措施。').waitFor();
    const shown = await region.innerText();
    assert.match(shown, /第5行：整改时限“年底前”没有写明哪一年/);
    assert.match(shown, /【理论学习】学习贯彻党的创新理论不够深入，\s*理论联系实际不够/);
    assert.equal(await region.getByLabel('第7列“牵头责任人”导入为').inputValue(), 'lead',
      'a head broken over two lines (牵头<br>责任人) is still matched');
    assert.deepEqual(await problemsStored(page), [0], 'nothing is added before 添加到清单');
    // 整改目标 not wanted: that column is left out.
    await region.getByLabel('第5列“整改目标”导入为').selectOption('skip');
    await region.getByRole('button', { name: '添加到清单' }).click();

    await page.getByText('已粘贴3个问题、5项整改措施，加在清单末尾。').waitFor();
    await region.waitFor({ state: 'detached' });
    const contents = () => page.locator('textarea[id$="-content"]').evaluateAll((els) => els.map((e) => e.value));
    await until(async () => (await contents()).includes('逐人签订廉政承诺书'), 'the pasted measures in step 2');
    const goals = await page.locator('textarea[id$="-goal"]').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(goals.every((g) => g === ''), `整改目标 left out as chosen: ${goals}`);
    const stored = await until(async () => {
      const [doc] = await localDocs(page);
      return doc.problems?.length === 3 && doc;
    }, 'the pasted problems saved');
    assert.equal(stored.problems[0].measures[0].lead, '张伟');
    assert.equal(stored.problems[0].measures[1].lead, '张伟', 'a merged 牵头责任人 is each measure\'s');
    assert.equal(stored.problems[2].measures[1].deadline.date, '2024-03-31');
    assert.equal(stored.problems[1].category, '工作作风');

    await page.getByRole('button', { name: '撤销' }).click();
    await until(async () => (await problemsStored(page))[0] === 0, 'the paste undone and saved');
    assert.deepEqual(app.problems, []);
  });
}

test('a member list: rows copied from Word go under their members by name, a new name makes a member', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await newMemberListAtStep2(page);
  await page.getByRole('button', { name: '添加党员' }).click();
  await page.getByLabel('姓名').fill('王芳');
  await page.getByRole('button', { name: '粘贴表格' }).click();
  const region = page.getByRole('region', { name: '粘贴表格' });
  await paste(region.getByLabel('粘贴到这里'), { 'text/html': clipboard('clipboard-word.html') });
  await region.getByText('将添加 2 名党员的 2 个问题，3 项整改措施（已有的党员按姓名加在其下）。').waitFor();
  await region.getByRole('button', { name: '添加到清单' }).click();
  const doc = await until(async () => {
    const [d] = await localDocs(page);
    return d.members?.length === 2 && d;
  }, 'the pasted members saved');
  const wang = doc.members.find((m) => m.name === '王芳');
  assert.equal(wang.problems.length, 2, 'her own first problem, then the pasted one');
  assert.equal(wang.problems[1].description, '学用脱节，\n运用理论指导实践不够', 'Word\'s paragraphs are the cell\'s lines');
  assert.deepEqual(wang.problems[1].measures.map((m) => m.content), ['每周读原著2小时', '每季度写1篇笔记']);
  assert.equal(doc.members[1].name, '李强');
  assert.deepEqual(doc.members[1].problems[0].measures[0].deadline, { type: 'immediate' });
  assert.deepEqual(app.problems, []);
});

test('rows without a header take the list\'s column order, each column can be changed, and 取消粘贴 adds nothing', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await newOrgListAtStep2(page);
  await page.getByRole('button', { name: '粘贴表格' }).click();
  const region = page.getByRole('region', { name: '粘贴表格' });
  // Plain text (WPS, or a browser that gives no HTML) lands in the box as tab-separated rows; these have no 序号.
  await region.getByLabel('粘贴到这里').fill('学习不深入\t每周集中学习\t长期坚持\n"调研不够，\n情况不明"\t每月下基层\t立行立改\n');
  await region.getByText('粘贴的内容没有表头，各列已按本清单Word表格的顺序对应，请逐列核对。').waitFor();
  const column = (n, first) => region.getByLabel(`第${n}列（第一行是“${first}”）导入为`);
  assert.equal(await column(1, '学习不深入').inputValue(), 'category', 'the Word table\'s order without 序号');
  await column(1, '学习不深入').selectOption('problem');
  await column(2, '每周集中学习').selectOption('measure');
  await column(3, '长期坚持').selectOption('deadline');
  await region.getByText('将添加 2 个问题，2 项整改措施。').waitFor();
  assert.match(await region.innerText(), /调研不够，\s*情况不明（1 项措施）/);
  assert.doesNotMatch(await region.innerText(), /没有读入的内容/);
  await column(2, '每周集中学习').selectOption('skip');
  await column(3, '长期坚持').selectOption('skip');
  await region.getByText('没有读到整改措施').waitFor();
  assert.equal(await region.getByRole('button', { name: '添加到清单' }).isDisabled(), true);
  await region.getByRole('button', { name: '取消粘贴' }).click();
  await region.waitFor({ state: 'detached' });
  assert.equal(await page.getByText('还没有问题。').count(), 1);
  assert.deepEqual(await problemsStored(page), [0]);
  assert.deepEqual(app.problems, []);
});

test('a member list: the paste box belongs to the member it was opened under, and opening another member closes it', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await newMemberListAtStep2(page);
  await page.getByLabel('批量添加党员').fill('王芳\n李强');
  await page.getByRole('button', { name: '添加到名单' }).click();
  const index = page.getByRole('navigation', { name: '党员名单' });
  await index.getByText('共2名党员，已交0名，未交2名。').waitFor();
  await page.getByRole('article', { name: /王芳/ }).waitFor();
  await page.getByRole('button', { name: '粘贴表格' }).click();
  const region = page.getByRole('region', { name: '粘贴表格' });
  await region.getByLabel('粘贴到这里').waitFor();
  // Rows pasted now would go under 王芳, the member open: under 李强 the box would have said so wrongly.
  await index.getByRole('link', { name: /李强/ }).click();
  await page.getByRole('article', { name: /李强/ }).waitFor();
  await region.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: '粘贴表格' }).getAttribute('aria-expanded'), 'false');
  // Opened again, it is 李强's.
  await page.getByRole('button', { name: '粘贴表格' }).click();
  await region.getByLabel('粘贴到这里').fill('问题表现\t整改措施\n学习不深入\t每周集中学习\n');
  await region.getByRole('button', { name: '添加到清单' }).click();
  const doc = await until(async () => {
    const [d] = await localDocs(page);
    return d.members?.find((m) => m.name === '李强')?.problems?.some((p) => p.description === '学习不深入') && d;
  }, 'the pasted row saved under 李强');
  assert.equal(doc.members.find((m) => m.name === '王芳').problems.some((p) => p.description === '学习不深入'), false);
  assert.deepEqual(app.problems, []);
});
