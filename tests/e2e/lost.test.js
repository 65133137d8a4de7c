// Nothing lost, round 2 (issue 20): steady typing and a crash, a file imported over the draft in another tab, a
// full localStorage, an IndexedDB the browser refuses, and dates the app must not take for real ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  launch, openApp, singleFile, fixtures, startChromium, until, localDocs, backupDocs, fillLocalStorage, FLAGS,
  watchContext,
} from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sleepUntil = (t) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/// Types `text` at the end of what the field holds, as a user who clicks into it and goes on writing.
async function typeAtEnd(field, text) {
  await field.focus();
  await field.press('End');
  await field.page().keyboard.type(text);
}

test('steady typing is saved while it goes on: a crash 200 ms after the last key loses at most the last second', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-typing-'));
  const url = pathToFileURL(singleFile).href;
  // 50 characters at one every 120 ms: 6 s of typing without a pause long enough for a debounce.
  const text = '中共某某县公安局交通警察大队第一党支部委员会关于主题教育检视整改问题清单的填报第二稿共五十个字';
  let run = await startChromium(profile);
  const typedAt = [];
  let killedAt;
  try {
    await run.page.goto(url);
    await run.page.getByRole('button', { name: '新建党组织清单' }).click();
    await run.page.getByLabel('党组织名称').click();
    const start = Date.now();
    for (let i = 0; i < text.length; i++) {
      await sleepUntil(start + i * 120);
      await run.page.keyboard.type(text[i]);
      typedAt.push(Date.now());
    }
    await sleepUntil(typedAt.at(-1) + 200);
    killedAt = Date.now();
  } finally {
    await run.kill();
  }
  const mustKeep = typedAt.filter((t) => t < killedAt - 1000).length;
  assert.ok(typedAt.at(-1) - typedAt[0] >= 5000, 'typed for at least 5 s');

  run = await startChromium(profile);
  try {
    await run.page.goto(url);
    await run.page.getByRole('button', { name: /^打开/ }).first().click();
    const kept = await run.page.getByLabel('党组织名称').inputValue();
    console.log(`# steady typing: ${text.length} typed, ${kept.length} kept after the crash, ${text.length - kept.length} lost; `
      + `${mustKeep} were typed more than 1 s before it`);
    assert.ok(text.startsWith(kept), `what was kept is what was typed: ${kept}`);
    assert.ok(kept.length >= mustKeep, `every character typed more than 1 s before the crash is kept (${kept.length} < ${mustKeep})`);
  } finally {
    await run.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a file imported over the draft in another tab shows in every field there, and typing goes on from it', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const a = app.page;
  const file = path.join(fixtures, 'org-complete.json');
  const original = JSON.parse(fs.readFileSync(file, 'utf8'));
  await a.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  const name = a.getByLabel('党组织名称');
  const filer = a.getByLabel('填报人');
  await name.waitFor();
  // Tab A types on into two fields, past the values it rendered from the file.
  await typeAtEnd(name, '（甲窗口改）');
  await typeAtEnd(filer, '甲');
  await until(async () => (await localDocs(a)).some((d) => d.header.filed_by === `${original.header.filed_by}甲`), 'A to save');

  // Tab B, on its start page, imports the same file over the draft. A's name no longer being the file's, the
  // start page asks whether one was made on the other's file (issue 40); the user says replace.
  const b = await app.context.newPage();
  await b.goto(app.url);
  await b.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await b.getByRole('button', { name: `用文件替换“${original.header.org_name}（甲窗口改）”的草稿` }).click();

  await a.getByRole('alert').filter({ hasText: '本窗口已改为显示替换后的内容' }).waitFor();
  assert.equal(await name.inputValue(), original.header.org_name, 'the name field shows the file');
  assert.equal(await filer.inputValue(), original.header.filed_by, 'the filer field shows the file');

  // One more character in A is stored with the file's other fields, not with A's stale ones.
  await typeAtEnd(filer, '乙');
  const stored = await until(async () => (await localDocs(a)).find((d) => d.header.filed_by === `${original.header.filed_by}乙`),
    'A to save its next keystroke');
  assert.equal(stored.header.org_name, original.header.org_name, 'no field of the replaced draft came back');
  await a.reload();
  assert.equal(await a.getByLabel('党组织名称').inputValue(), original.header.org_name);
  assert.equal(await a.getByLabel('填报人').inputValue(), `${original.header.filed_by}乙`);
});

test('a draft created while localStorage is full opens after a reload, from the backup, and is listed', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await fillLocalStorage(page);
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByRole('alert').filter({ hasText: '存储空间已满' }).waitFor();
  const name = '存储已满时新建的支部';
  await page.getByLabel('党组织名称').fill(name);
  await until(async () => (await backupDocs(page)).some((d) => d.header.org_name === name), 'the backup to hold it');

  await page.reload();
  assert.equal(await page.getByLabel('党组织名称').inputValue(), name, 'the draft opens after the reload');
  await page.getByRole('alert').filter({ hasText: '已从本程序的备份中打开' }).waitFor();
  await page.goto(app.url);
  await page.getByRole('row').filter({ hasText: name }).waitFor();
});

test('text typed after localStorage filled up opens after a reload, the user is told which copy, and warnings go on', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  await page.getByLabel('党组织名称').fill('交警大队党支部');
  await until(async () => (await localDocs(page)).some((d) => d.header.org_name === '交警大队党支部'), 'the first save');
  await fillLocalStorage(page);
  await page.getByLabel('填报人').fill('陈晓燕');
  await page.getByRole('alert').filter({ hasText: '存储空间已满' }).waitFor();
  await until(async () => (await backupDocs(page)).some((d) => d.header.filed_by === '陈晓燕'), 'the backup to hold it');

  await page.reload();
  assert.equal(await page.getByLabel('填报人').inputValue(), '陈晓燕', 'the newer text opens, not the older copy');
  await page.getByRole('alert').filter({ hasText: '已打开本程序备份中较新的一份' }).waitFor();
  // Going on: the warning stays while localStorage refuses, and the newer text is not saved over.
  await page.getByLabel('上级党组织').fill('县公安局党委');
  await page.getByRole('alert').filter({ hasText: '存储空间已满' }).waitFor();
  await until(async () => (await backupDocs(page)).some((d) => d.header.parent_org === '县公安局党委' && d.header.filed_by === '陈晓燕'),
    'the backup to hold both');
});

const REFUSED_IDB = {
  'its getter throws': () => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
  },
  'opening it fails': () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      request.addEventListener('upgradeneeded', () => request.transaction.abort());
      return request;
    };
  },
};

for (const [how, script] of Object.entries(REFUSED_IDB)) {
  test(`IndexedDB refused (${how}): the user is told at once, and the list can still be exported`, async (t) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const watched = watchContext(context);
    t.after(async () => { await context.close(); watched.check(); });
    await context.addInitScript(script);
    const page = await context.newPage();
    await page.goto(pathToFileURL(singleFile).href);
    const told = page.getByRole('alert').filter({ hasText: '不允许本程序使用备份存储' });
    await told.waitFor();
    await page.getByRole('button', { name: '新建党组织清单' }).click();
    await told.waitFor();
    assert.match(await told.innerText(), /导出JSON/);
    await page.getByLabel('党组织名称').fill('交警大队党支部');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出JSON' }).click().then(() => page.getByRole('button', { name: '导出草稿' }).click()),
    ]);
    assert.equal(JSON.parse(fs.readFileSync(await file.path(), 'utf8')).header.org_name, '交警大队党支部');
  });
}

test('a year before 1900 is not a date: it is said to be invalid, never printed as 0年1月1日', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, 'org-complete.json'), 'utf8'));
  doc.problems[0].measures[0].deadline = { type: 'by_date', date: '0000-01-01' };
  delete doc.meta;
  const file = path.join(os.tmpdir(), `rectify-year-zero-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  t.after(() => fs.rmSync(file, { force: true }));
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: '检查', exact: true }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.getByText('整改时限“0000-01-01”不是一个有效的日期').waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), /0年1月1日/);
});

test('a date the picker cannot hold (2月30日) is said to be invalid, not missing', async (t) => {
  // The order of the picker's parts follows the browser's language: fixed here so the keys land where meant.
  const english = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...FLAGS, '--lang=en-US'], headless: true,
    env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' },
  });
  t.after(() => english.close());
  const app = await openApp(english, 'single file');
  const { page } = app;
  await page.getByRole('button', { name: '新建党组织清单' }).click();
  const date = page.getByLabel('填报日期');
  await date.focus();
  await page.keyboard.type('02302023');
  assert.ok(await date.evaluate((el) => el.validity.badInput), 'the browser could not read it');
  await page.getByLabel('填报人').click();
  const message = page.locator('#f-header-filed-on-msg');
  await message.getByText('不是一个有效的日期').waitFor();
  assert.doesNotMatch(await message.innerText(), /请填写/);
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByRole('region', { name: '检查结果' }).getByText('填报日期填的不是一个有效的日期').waitFor();
});
