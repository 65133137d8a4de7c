// The review round trip (issue 16), across two browser profiles: the office reviews a branch's list in 汇总 and
// sends it back with comments; the branch imports the review, sees each comment beside its field and in 检查结果,
// answers every one, revises and hands the list in again; the office sees each answer and what changed since. Then
// every bad review file: for a list this computer does not have, for an older revision, changed after export,
// malformed, hostile — each explained, nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, launchKernel, openApp, root, fixtures, until, localDocs, sealed, readOffice } from './harness.js';

// On the Chromium of today and on the real Chromium 109 (Windows 7's last; see tests/old-kernels).
const browsers = {};
before(async () => { [browsers.current, browsers['109']] = await Promise.all([launch(), launchKernel(109)]); });
after(async () => { await Promise.all(Object.values(browsers).map((b) => b.close())); });

const ORG = '中共××县公安局交警大队支部委员会';
const out = path.join(root, 'target', 'review-e2e');

async function save(page, button, name, scope = page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = path.join(out, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

async function openSummary(page) {
  await page.getByRole('button', { name: '汇总', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
}

/// The branch table's cells of the one branch, by column name.
async function branchRow(page) {
  const headers = await page.locator('table.branches thead th').allInnerTexts();
  const cells = await page.locator('table.branches tbody tr').first().locator('th, td').allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼\s]/g, ''), cells[i]]));
}

async function importOnHome(page, file) {
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByLabel('导入文件', { exact: true }).setInputFiles(file);
}

for (const kernel of ['current', '109']) test('the office sends a list back with comments, the branch answers every one, the office reads the answers' + (kernel === '109' ? ' (Chromium 109)' : ''), async (t) => {
  const browser = browsers[kernel];
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  // The branch, in a profile of its own: the list, exported as handed in (revision 1).
  const branch = await openApp(browser, 'single file');
  t.after(() => branch.close());
  const b = branch.page;
  await b.getByLabel('导入文件', { exact: true }).setInputFiles(path.join(fixtures, 'org-complete.json'));
  await b.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  const first = await save(b, '导出JSON', 'first.json');

  // The office, in another profile: receives it, opens it, comments, sends it back.
  const office = await openApp(browser, 'served');
  t.after(() => office.close());
  const o = office.page;
  await openSummary(o);
  await o.getByLabel('导入文件').setInputFiles(first.file);
  await o.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  assert.equal((await branchRow(o))['审核'], '待审');
  await o.getByRole('button', { name: `查看 ${ORG} 的党组织清单` }).click();
  await o.getByLabel('审核人（办公室）').fill('王明');
  await o.getByLabel('审核意见', { exact: true }).fill('问题查摆要更具体，写明时间、次数。');
  await o.getByLabel('审核意见（第1个问题）', { exact: true }).fill('问题表现过于笼统。');
  await o.getByLabel('审核意见（第1个问题 · 第2项措施）', { exact: true }).fill('措施要可检验：写明完成标志。');
  // 导出 before a verdict says what is missing and writes nothing.
  await o.getByRole('button', { name: '导出审核意见' }).click();
  await o.getByRole('alert').filter({ hasText: '请先选择“通过”或“退回修改”' }).waitFor();
  await o.getByRole('button', { name: '退回修改' }).click();
  await until(async () => (await o.getByRole('button', { name: '退回修改' }).getAttribute('aria-pressed')) === 'true', 'the verdict is shown');
  // Said in words at once, not only by the button's outline (issue 42).
  await o.getByRole('status').filter({ hasText: '已记录审核结论：退回修改' }).waitFor();
  const review = await save(o, '导出审核意见', 'review.json');
  await o.locator('section.review').screenshot({ path: path.join(root, 'target', 'screenshots', 'review-office.png') });
  assert.equal(review.suggested, `审核意见-${ORG}-第1版-退回修改-${today()}.json`);
  const written = JSON.parse(fs.readFileSync(review.file, 'utf8'));
  assert.equal(written.format, 'rectify-review');
  assert.equal(written.comments.length, 3);
  assert.deepEqual(written.comments.map((c) => c.text), ['问题查摆要更具体，写明时间、次数。', '问题表现过于笼统。', '措施要可检验：写明完成标志。']);
  // The same review on paper, to sign and keep: the 审核意见反馈单, shown alone, then printed.
  await o.getByRole('button', { name: '打印反馈单' }).click();
  const sheet = o.getByRole('region', { name: '审核意见反馈单' });
  await sheet.waitFor();
  assert.equal(await o.getByLabel('审核意见', { exact: true }).count(), 0, 'the review\'s fields are not on it');
  await o.screenshot({ path: path.join(root, 'target', 'screenshots', 'feedback.png'), fullPage: true });
  const feedbackPdf = path.join(out, 'feedback.pdf');
  await o.pdf({ path: feedbackPdf, preferCSSPageSize: true, printBackground: true });
  const paper = execFileSync('pdftotext', [feedbackPdf, '-']).toString().replace(/\s+/g, '');
  for (const part of ['审核意见反馈单', `报送单位：${ORG}`, '审核结论：退回修改', '第1个问题·第2项措施', '措施要可检验：写明完成标志。', '审核人：王明', '审核人（签字）', '党支部签收']) {
    assert.ok(paper.includes(part), `the 反馈单 says ${part}`);
  }
  assert.ok(!paper.includes('导出审核意见') && !paper.includes('检查发现'), 'only the 反馈单 is printed');
  await sheet.getByRole('button', { name: '返回审核' }).click();
  // And in Word.
  const word = await save(o, '导出反馈单（Word）', 'feedback.docx');
  assert.equal(word.suggested, `审核意见反馈单-${ORG}-第1版-退回修改-${today()}.docx`);
  const docx = await readOffice(word.file);
  assert.ok(docx.paragraphs.some((p) => p.includes('审核意见反馈单')));
  assert.ok(docx.paragraphs.includes('《党组织检视整改问题清单》第1版'), 'the list and its 版 on a line of their own');
  assert.deepEqual(docx.tables[0].header, ['序号', '位置', '原文（摘录）', '审核意见']);
  assert.deepEqual(docx.tables[0].texts.slice(1).map((r) => r[3]), ['问题查摆要更具体，写明时间、次数。', '问题表现过于笼统。', '措施要可检验：写明完成标志。']);
  await o.getByRole('link', { name: '返回汇总' }).first().click();
  await until(async () => (await branchRow(o))['审核'] === '退回', 'the table says 退回');
  assert.equal((await branchRow(o))['未答复'], '3');
  // The review is kept with the set: after a reload it is still there.
  await o.reload();
  await o.getByRole('heading', { level: 1, name: '汇总' }).waitFor();
  await until(async () => (await o.locator('table.branches tbody tr').count()) === 1 && (await branchRow(o))['审核'] === '退回', 'kept after a reload');

  // The branch imports the review on its start page: the list opens at 检查, with the comments to answer.
  await importOnHome(b, review.file);
  await b.getByRole('alert').filter({ hasText: '已附上审核意见（退回修改，3条意见）' }).waitFor();
  const results = b.getByRole('region', { name: '检查结果' });
  await results.getByText('审核意见（3条，3条未答复）').waitFor();
  await b.getByRole('status').filter({ hasText: '还有3条审核意见没有答复' }).waitFor();
  const kinds = await results.locator('li.review .msg-kind').allInnerTexts();
  assert.deepEqual(kinds, ['审核意见：', '审核意见：', '审核意见：'], 'a kind of its own');
  assert.equal(await results.locator('li.review.error, li.review.warning').count(), 0, 'not an error, not a warning');
  // Beside its field: the comment on the second measure, shown on the problems step, and the link leads there.
  await results.getByRole('link', { name: '第1个问题 · 第2项措施' }).click();
  const beside = b.locator('.review-note').filter({ hasText: '措施要可检验：写明完成标志。' });
  await beside.waitFor();
  assert.match(await beside.innerText(), /未答复/);
  // The branch rewrites that measure.
  const measure = b.getByRole('region', { name: '问题1的措施2' });
  await measure.getByLabel('措施内容').fill('每季度召开一次专题学习会，学习记录和心得体会存入台账，年底前全部完成。');
  await b.getByRole('link', { name: /^3\. / }).click();
  await results.getByText('审核意见（3条，3条未答复）').waitFor();
  await b.getByLabel('答复（整个清单）').fill('已补充时间和次数。');
  await b.getByLabel('答复（第1个问题）').fill('问题表现已写明具体次数。');
  await b.getByLabel('答复（第1个问题 · 第2项措施）').fill('已写明完成标志。');
  await b.getByLabel('已修改（第1个问题 · 第2项措施）').check();
  await results.getByText('审核意见（3条，0条未答复）').waitFor();
  await results.screenshot({ path: path.join(root, 'target', 'screenshots', 'review-branch.png') });
  await until(async () => (await b.getByText('还有', { exact: false }).filter({ hasText: '条审核意见没有答复' }).count()) === 0, 'ready to hand in again');
  // Nothing on the page still asks to answer each one (issue 42: the notice of the import said so to the end).
  await until(async () => (await b.getByText('请逐条答复').count()) === 0, 'no 请逐条答复 once all are answered');
  // Everything survives a reload.
  await b.reload();
  await results.getByText('审核意见（3条，0条未答复）').waitFor();
  assert.equal(await b.getByLabel('答复（第1个问题）').inputValue(), '问题表现已写明具体次数。');
  assert.equal(await b.getByLabel('已修改（第1个问题 · 第2项措施）').isChecked(), true);

  // The next export carries the answers.
  const second = await save(b, '导出JSON', 'second.json');
  const handed = JSON.parse(fs.readFileSync(second.file, 'utf8'));
  assert.equal(handed.revision, 2);
  assert.deepEqual(handed.review.comments.map((c) => [c.answer, c.revised ?? false]), [
    ['已补充时间和次数。', false], ['问题表现已写明具体次数。', false], ['已写明完成标志。', true],
  ]);

  // The office receives revision 2: waiting again, nothing unanswered, each answer beside its comment.
  await o.getByLabel('导入文件').setInputFiles(second.file);
  await o.getByRole('status').filter({ hasText: '已读取1个文件' }).waitFor();
  await until(async () => (await branchRow(o))['审核'] === '待审', 'the new revision waits for review');
  assert.equal((await branchRow(o))['未答复'], '0');
  await o.getByRole('button', { name: `查看 ${ORG} 的党组织清单` }).click();
  const answers = o.locator('table.answers tbody tr');
  await answers.first().waitFor();
  const rows = await answers.allInnerTexts();
  await o.locator('table.answers').screenshot({ path: path.join(root, 'target', 'screenshots', 'review-answers.png') });
  assert.equal(rows.length, 3);
  assert.match(rows[0], /整个清单\s+问题查摆要更具体，写明时间、次数。\s+已补充时间和次数。\s+否\s+审核后已改动/);
  assert.match(rows[1], /第1个问题\s+问题表现过于笼统。\s+问题表现已写明具体次数。\s+否\s+审核后已改动/, 'its measure changed');
  assert.match(rows[2], /第1个问题 · 第2项措施\s+措施要可检验：写明完成标志。\s+已写明完成标志。\s+是\s+审核后已改动/);
  // This time it passes.
  await o.getByRole('button', { name: '通过' }).click();
  const passed = await save(o, '导出审核意见', 'passed.json');
  assert.equal(passed.suggested, `审核意见-${ORG}-第2版-通过-${today()}.json`);
  await o.getByRole('link', { name: '返回汇总' }).first().click();
  await until(async () => (await branchRow(o))['审核'] === '通过', 'the table says 通过');

  // Bad input at the branch, each explained and nothing changed.
  const before = await localDocs(b);
  const refused = async (file, message) => {
    await importOnHome(b, file);
    await b.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.deepEqual(await localDocs(b), before, `nothing changed (${path.basename(file)})`);
  };
  // The same review again: attached already.
  await refused(review.file, '已经附在清单上了');
  // Another review of revision 1 (sealed as the office would): the list has moved on to revision 2.
  const older = path.join(out, 'older.json');
  const again = JSON.parse(fs.readFileSync(review.file, 'utf8'));
  again.comments[0].text = '请再核对一遍。';
  again.meta.digest = sealed(again);
  fs.writeFileSync(older, JSON.stringify(again, null, 2));
  await refused(older, '已导出到第2版');
  // Changed after export.
  const changed = path.join(out, 'changed.json');
  fs.writeFileSync(changed, fs.readFileSync(review.file, 'utf8').replace('问题表现过于笼统。', '问题很好。'));
  await refused(changed, '校验码不符');
  // Malformed: says it is a review, is not one.
  const malformed = path.join(out, 'malformed.json');
  const bare = { format: 'rectify-review', version: 1, verdict: 'returned', reviewed_on: '2024-06-05', comments: [] };
  bare.meta = { digest: sealed(bare) };
  fs.writeFileSync(malformed, JSON.stringify(bare));
  await refused(malformed, '审核意见文件内容不完整或有误');
  // Hostile: nested deeper than any real file.
  const hostile = path.join(out, 'hostile.json');
  fs.writeFileSync(hostile, `{"format":"rectify-review","version":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  await refused(hostile, '嵌套过深');

  // A review for a list this computer does not have: a third profile.
  const stranger = await openApp(browser, 'single file');
  t.after(() => stranger.close());
  await stranger.page.getByLabel('导入文件', { exact: true }).setInputFiles(passed.file);
  await stranger.page.getByRole('alert').filter({ hasText: '本机没有这份清单的草稿' }).waitFor();
  assert.deepEqual(await localDocs(stranger.page), [], 'no draft made');
});

function today() {
  const d = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

