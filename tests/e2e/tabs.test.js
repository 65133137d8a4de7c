// The same draft in two tabs never silently overwrites itself: the second tab is told and shows it read-only,
// follows what the first one types, and can take over — after which the first one is read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, OUTPUTS, fixtures, root, until, localDocs as storedDocs, backupDocs } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Waits until a stored draft is as `pick` wants it.
const storedSoon = (page, pick) => until(async () => (await storedDocs(page)).some(pick), `a stored draft as wanted: ${pick}`);

for (const output of OUTPUTS) {
  test(`${output}: a second tab is read-only until it takes over`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const first = app.page;
    await first.getByRole('button', { name: '新建党组织清单' }).click();
    const name1 = first.getByLabel('党组织名称');
    await name1.fill('交警大队');
    await storedSoon(first, (d) => d.header.org_name === '交警大队');

    const second = await app.context.newPage();
    await second.goto(first.url());
    const told = second.getByRole('alert').filter({ hasText: '已在另一个窗口' });
    await told.waitFor();
    const name2 = second.getByLabel('党组织名称');
    assert.ok(await name2.isDisabled(), 'the second tab cannot change anything');

    // The read-only tab follows what the first one types.
    await name1.fill('交警大队党支部');
    await second.waitForFunction(() => document.querySelector('#f-header-org-name')?.value === '交警大队党支部');

    // It cannot export either: an export raises the revision, and its save would overwrite the editing tab.
    let downloaded = false;
    second.on('download', () => { downloaded = true; });
    await second.getByRole('button', { name: '导出JSON' }).click();
    await second.getByRole('alert').filter({ hasText: '不能导出' }).waitFor();
    assert.equal(downloaded, false, 'nothing was downloaded from the read-only tab');

    // Taking over: the first tab saves and becomes read-only, the second edits.
    await second.getByRole('button', { name: '在本窗口继续编辑' }).click();
    await first.getByRole('alert').filter({ hasText: '已在另一个窗口中继续编辑' }).waitFor();
    await second.waitForFunction(() => !document.querySelector('#f-header-org-name')?.disabled);
    assert.ok(await name1.isDisabled(), 'the first tab is read-only now');
    await name2.fill('交警大队党支部（第二窗口）');
    await first.waitForFunction(() => document.querySelector('#f-header-org-name')?.value === '交警大队党支部（第二窗口）');

    const stored = (await storedDocs(second)).map((d) => d.header.org_name);
    assert.deepEqual(stored, ['交警大队党支部（第二窗口）'], 'one draft, with the last text, nothing overwritten');
  });
}

test('the ledger in a second tab is read-only while 填写 edits the list, and can take over', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const editor = app.page;
  await editor.getByLabel('导入文件').setInputFiles(path.join(fixtures, 'org-complete.json'));
  await editor.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const ledgerUrl = editor.url().replace('#/edit/', '#/ledger/').replace(/\/header$/, '');

  const ledger = await app.context.newPage();
  await ledger.goto(ledgerUrl);
  await ledger.getByRole('alert').filter({ hasText: '已在另一个窗口' }).waitFor();
  await ledger.getByRole('button', { name: '办理1-1' }).click();
  const status = ledger.getByRole('group', { name: '办理台账1-1' }).getByLabel('整改状态');
  assert.ok(await status.isDisabled(), 'the ledger cannot change a list that 填写 is editing in another tab');

  // The ledger takes over: 填写 saves and turns read-only; the status set in the ledger is what is kept.
  await ledger.getByRole('button', { name: '在本窗口继续编辑' }).click();
  await editor.getByRole('alert').filter({ hasText: '已在另一个窗口中继续编辑' }).waitFor();
  await ledger.waitForFunction(() => !document.querySelector('[aria-label="办理台账1-1"] select')?.disabled);
  await status.selectOption('已完成整改');
  await ledger.getByRole('group', { name: '办理台账1-1' }).getByRole('status').filter({ hasText: '已完成整改' }).waitFor();
  const status1 = (d) => d.problems[0].measures[0].status;
  await storedSoon(ledger, (d) => status1(d) === 'done');
  await editor.close({ runBeforeUnload: true });
  // That nothing is written afterwards cannot be waited for: it is watched for half a second.
  await ledger.waitForTimeout(500);
  assert.deepEqual((await storedDocs(ledger)).map(status1), ['done'], 'closing 填写 afterwards did not write its older copy over the ledger\'s change');
});

test('a list imported over, or deleted from, the draft another tab is editing is not silently undone', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const editor = app.page;
  const fixture = path.join(fixtures, 'org-complete.json');
  await editor.getByLabel('导入文件').setInputFiles(fixture);
  await editor.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const orgName = editor.getByLabel('党组织名称');
  await orgName.fill('交警大队（本窗口正在改）');

  // On the start page of a second tab, the same list comes in again from a file, and the user says to replace.
  const doc = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  doc.header.org_name = '交警大队（导入的文件）';
  delete doc.meta;
  const revised = path.join(root, 'target', 'tabs-revised.json');
  fs.writeFileSync(revised, JSON.stringify(doc, null, 2));
  const home = await app.context.newPage();
  await home.goto(editor.url().split('#')[0]);
  await home.getByLabel('导入文件').setInputFiles(revised);
  // While that tab asks, this one is typed in and saves: the file was read before this save, yet is what the user
  // chose to keep, in both of the draft's stored copies, whichever the editing tab reads first. (The two names
  // differing, the start page asks whether one was made on the other's file, issue 40: the user says replace.)
  const replace = home.getByRole('button', { name: /^用文件替换/ });
  await replace.waitFor();
  await orgName.fill('交警大队（提问时又改）');
  await storedSoon(editor, (d) => d.header.org_name === '交警大队（提问时又改）');
  await until(async () => (await backupDocs(editor)).some((d) => d.header.org_name === '交警大队（提问时又改）'), 'the save in the backup copy too');
  await replace.click();

  await editor.getByRole('alert').filter({ hasText: '被导入的文件替换' }).waitFor();
  await editor.waitForFunction(() => document.querySelector('#f-header-org-name')?.value === '交警大队（导入的文件）');
  // That the older copy is not saved over it cannot be waited for: it is watched for longer than the autosave's
  // longest wait (0.8 s).
  await editor.waitForTimeout(1000);
  assert.deepEqual((await storedDocs(editor)).map((d) => d.header.org_name), ['交警大队（导入的文件）'], 'the import is kept, not overwritten by the older copy');

  // Deleted on the start page: the editing tab says so, and going on saves it again.
  await home.goto(editor.url().split('#')[0]);
  await home.getByRole('button', { name: '删除' }).click();
  await home.getByRole('button', { name: '确定删除' }).click();
  await editor.getByRole('alert').filter({ hasText: '被删除' }).waitFor();
  await orgName.fill('交警大队（删除后继续）');
  await storedSoon(editor, (d) => d.header.org_name === '交警大队（删除后继续）');
});

test('an autosave never writes over a copy another tab stored since, even before that tab\'s storage event arrives', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  const orgName = page.getByLabel('党组织名称');
  await orgName.fill('交警大队');
  await storedSoon(page, (d) => d.header.org_name === '交警大队');
  // Another tab's import, as it lands in localStorage: written here from this page, so that no storage event
  // ever tells this tab (the moment between the other tab's write and its event, held open).
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('rectify.v1.draft.'));
    const stored = JSON.parse(localStorage.getItem(key));
    stored.saved_at = new Date(Date.now() + 1000).toISOString();
    stored.document.header.org_name = '交警大队（另一个窗口导入的文件）';
    const text = JSON.stringify(stored);
    // As `drafts::encode` writes it: the storage version, then the save time, first.
    localStorage.setItem(key, text);
  });
  await orgName.fill('交警大队（本窗口又改了）');
  await page.getByRole('alert').filter({ hasText: '本窗口的这次修改没有保存，以免覆盖那边的内容' }).waitFor();
  assert.deepEqual((await storedDocs(page)).map((d) => d.header.org_name), ['交警大队（另一个窗口导入的文件）'],
    'the other tab\'s copy is kept');
});
