// Nothing lost: a browser killed right after typing, storage that is full or refused, and a panic — each time the
// user's text is still there or can be saved, and they are told at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, openApp, singleFile, selftestFile, startChromium, fillLocalStorage, until, localDocs, backupDocs,
  watchContext,
} from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A key is read into the document after the frame that shows it; the page may go before that frame. The key and
// the page's going come in one task here: the draft stored as the page goes must hold the key.
test('a key typed as the page is left is in the draft the page stores as it goes', async (t) => {
  const app = await openApp(browser, 'served');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('治安管理大队党支部');
  await until(async () => (await localDocs(page)).some((d) => d.header.org_name === '治安管理大队党支部'), 'the name saved');
  const stored = await page.evaluate(() => {
    const field = [...document.querySelectorAll('input')].find((i) => i.value === '治安管理大队党支部');
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    document.execCommand('insertText', false, '（第二党小组）');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    return Object.entries(localStorage).filter(([k]) => k.startsWith('rectify.v1.draft.'))
      .map(([, v]) => JSON.parse(v).document.header.org_name);
  });
  assert.deepEqual(stored, ['治安管理大队党支部（第二党小组）']);
});

test('everything typed survives the browser being killed within a second', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-crash-'));
  const url = pathToFileURL(singleFile).href;
  const typed = '中共××县公安局交警大队支部委员会（崩溃测试）';
  let run = await startChromium(profile);
  await run.page.goto(url);
  await run.page.getByRole('button', { name: '新建党组织清单' }).click();
  await run.page.getByLabel('党组织名称').pressSequentially(typed, { delay: 5 });
  // The crash comes 700 ms after the last key: a time of the scenario (saved within a second), not a wait for it.
  await run.page.waitForTimeout(700);
  await run.kill();

  run = await startChromium(profile);
  try {
    await run.page.goto(url);
    const row = run.page.getByRole('row').filter({ hasText: '崩溃测试' });
    await row.waitFor({ timeout: 10000 });
    await row.getByRole('button', { name: /^打开/ }).click();
    assert.equal(await run.page.getByLabel('党组织名称').inputValue(), typed, 'not one character lost');
  } finally {
    await run.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('full storage is said at once, and the list can still be exported', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await until(async () => (await localDocs(page)).some((d) => d.header.org_name === '交警大队党支部'), 'the save');
  await fillLocalStorage(page);
  await page.getByLabel('填报人').fill('陈晓燕');
  const alert = page.getByRole('alert').filter({ hasText: '存储空间已满' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /导出JSON/);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出JSON' }).click().then(() => page.getByRole('button', { name: '导出草稿' }).click()),
  ]);
  const json = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.equal(json.header.filed_by, '陈晓燕', 'what was typed after storage filled up is in the file');
});

test('refused storage (private mode) is said at once, and the list works in memory', async (t) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const watched = watchContext(context);
  t.after(async () => { await context.close(); watched.check(); });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(singleFile).href);
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '不允许本程序保存数据' });
  await alert.waitFor();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await page.getByRole('link', { name: '下一步' }).click();
  await page.getByRole('link', { name: '上一步' }).click();
  assert.equal(await page.getByLabel('党组织名称').inputValue(), '交警大队党支部', 'kept in memory across steps');
});

test('a panic shows a Chinese message and a link that saves the list', async (t) => {
  // The self-test build: the release plus the switch `#/selftest/panic`.
  const app = await openApp(browser, 'single file', { file: selftestFile, expectErrors: [/rectify panicked/, /unreachable|RuntimeError/] });
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await until(async () => (await localDocs(page)).some((d) => d.header.org_name === '交警大队党支部'), 'the save');
  await page.evaluate(() => { location.hash = '#/selftest/panic'; });
  const alert = page.getByRole('alert').filter({ hasText: '程序出现了意外错误' });
  await alert.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), alert.getByRole('link', { name: '导出内存中的清单' }).click()]);
  assert.match(file.suggestedFilename(), /^党组织清单-交警大队党支部-.*\.json$/);
  const json = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.equal(json.header.org_name, '交警大队党支部');
});

test('what users get has no panic switch: the address is unknown there', async (t) => {
  const app = await openApp(browser, 'single file', { hash: '#/selftest/panic' });
  t.after(() => app.close());
  await app.page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
});

test('after many changes without an export the user is reminded, and exporting ends it', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  const field = page.getByLabel('上级党组织');
  // Thirty-one changes, each saved before the next (a save per change, whatever the autosave's timing).
  for (let i = 0; i < 31; i++) {
    const value = `中共××县公安局委员会${i}`;
    await field.fill(value);
    await until(async () => (await localDocs(page)).some((d) => d.header.parent_org === value), `save ${i}`);
  }
  const reminder = page.getByText(/自上次导出后已自动保存了\d+次修改/);
  await reminder.waitFor();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出JSON' }).click().then(() => page.getByRole('button', { name: '导出草稿' }).click()),
  ]);
  await reminder.waitFor({ state: 'detached' });
});

test('drafts the browser evicted from localStorage come back from the backup, and the user is told', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('被清理的支部');
  await until(async () => (await backupDocs(page)).some((d) => d.header.org_name === '被清理的支部'), 'the backup');
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.url);
  const told = page.getByRole('alert').filter({ hasText: '已从本程序的备份中恢复' });
  await told.waitFor();
  assert.match(await told.innerText(), /少了1份草稿/);
  await page.getByRole('row').filter({ hasText: '被清理的支部' }).waitFor();
});
