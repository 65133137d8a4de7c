// Printing as the branches do: each layout printed to PDF by Chromium with the page's own CSS size, then read back
// with pdftotext / pdfinfo, and rendered to PNG (target/screenshots/print-*.png) to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, fixtures, root } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const out = path.join(root, 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const samples = path.join(root, 'target', 'samples');

/// Opens `file` as a draft, goes to its print preview in `layout`, prints it to PDF. Returns the pages' text
/// (whitespace removed, since table cells wrap anywhere) and the PDF's page size.
async function printed(t, file, name, layout, options = {}) {
  const app = await openApp(browser, 'single file', options);
  t.after(() => app.close());
  const { page } = app;
  await page.getByLabel('导入文件').setInputFiles(file);
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  if (layout) {
    await page.getByLabel(layout).check();
    await page.getByRole('heading', { level: 1, name: /打印预览/ }).waitFor();
  }
  const pdf = path.join(out, `print-${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  assert.deepEqual(app.problems, []);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const count = Number(info.match(/Pages:\s+(\d+)/)[1]);
  const pages = [];
  for (let i = 1; i <= count; i++) {
    pages.push(execFileSync('pdftotext', ['-f', String(i), '-l', String(i), pdf, '-']).toString().replace(/\s+/g, ''));
  }
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, path.join(out, `print-${name}`)]);
  return { pages, info, all: pages.join(''), pdf, page };
}

const strip = (s) => s.replace(/\s+/g, '');

// The table's columns, in percent of the width between the page margins (as styles/print.css sets them). Text read
// from one column at a time comes out whole; read from the full width, pdftotext interleaves the wrapped cells.
const PAGE_WIDTH_PT = 841.92;
const MARGIN_PT = (25 / 25.4) * 72;
const ORG = { desc: [21, 41.5], measure: [41.5, 66], goal: [66, 77], deadline: [77, 85.5], lead: [85.5, 93], dept: [93, 100] };
const MEMBER = { name: [0, 7], position: [7, 15], desc: [28, 52], measure: [52, 78] };
const OWN = { desc: [17, 45], measure: [45, 75] };

function column(pdf, pageNo, [from, to]) {
  const width = PAGE_WIDTH_PT - 2 * MARGIN_PT;
  const x = Math.floor(MARGIN_PT + (width * from) / 100);
  const w = Math.ceil((width * (to - from)) / 100);
  const args = ['-f', String(pageNo), '-l', String(pageNo), '-r', '72', '-x', String(x), '-y', '0', '-W', String(w), '-H', '595', pdf, '-'];
  return strip(execFileSync('pdftotext', args).toString());
}

function columns(pdf, count, bounds) {
  return Array.from({ length: count }, (_, i) => column(pdf, i + 1, bounds));
}

function assertEveryPage(pages, pattern, what) {
  pages.forEach((p, i) => assert.match(p, pattern, `${what} on page ${i + 1}`));
}

test('the org list prints on A4 landscape in the official form, traceable to its file', async (t) => {
  const file = path.join(fixtures, 'org-complete.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { pages, info, all, pdf } = await printed(t, file, 'org');
  const col = (c) => columns(pdf, pages.length, ORG[c]).join('');
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, 'A4 landscape');
  assert.ok(all.startsWith('中共××县公安局交警大队支部委员会学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单'), all.slice(0, 80));
  assert.match(all, /填报单位：中共××县公安局交警大队支部委员会/);
  assert.match(all, /填报日期：2023年10月15日/);
  const [desc, measures, goals, deadlines, leads, depts] = ['desc', 'measure', 'goal', 'deadline', 'lead', 'dept'].map(col);
  for (const p of doc.problems) {
    assert.ok(desc.includes(strip(p.description)), p.description);
    p.measures.forEach((m, i) => {
      assert.ok(measures.includes(`${i + 1}.${strip(m.content)}`), m.content);
      assert.ok(goals.includes(strip(m.goal)), m.goal);
      assert.ok(leads.includes(m.lead) && depts.includes(m.dept), `${m.lead} ${m.dept}`);
    });
  }
  for (const d of ['2023年12月31日前', '2024年3月31日前', '2023年11月30日前', '立行立改', '长期坚持']) assert.ok(deadlines.includes(d), d);
  assert.ok(!/\d{4}年0\d月/.test(all), 'dates are never zero-padded');
  const code = doc.meta.digest.slice('sha256:'.length, 'sha256:'.length + 12);
  assertEveryPage(pages, new RegExp(`校验码：${code}`), 'the 校验码');
  pages.forEach((p, i) => assert.ok(p.includes(`第${i + 1}页共${pages.length}页`), `page number on page ${i + 1}`));
  assert.ok(!all.includes('草稿'), 'a complete list is not a draft');
  for (const line of ['党支部书记（签字）：', '填报人：陈晓燕', '联系电话：13907712345']) assert.ok(pages.at(-1).includes(line), line);
});

test('a list with errors carries 草稿 on every page', async (t) => {
  const { pages } = await printed(t, path.join(fixtures, 'org-draft-with-errors.json'), 'draft');
  assertEveryPage(pages, /草稿/, '草稿');
});

test('the member list prints as the branch table and as one page per member', async (t) => {
  const file = path.join(fixtures, 'member-complete.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const table = await printed(t, file, 'member-table');
  assert.match(table.all, /主题教育党员检视整改问题清单/);
  const [names, positions, desc] = ['name', 'position', 'desc'].map((c) => columns(table.pdf, table.pages.length, MEMBER[c]).join(''));
  for (const m of doc.members) {
    assert.ok(names.includes(m.name) && positions.includes(strip(m.position)), m.name);
    assert.ok(desc.includes(strip(m.problems[0].description)), m.problems[0].description);
  }
  const perMember = await printed(t, file, 'member-pages', '每名党员一页');
  assert.equal(perMember.pages.length, doc.members.length, 'one page per member');
  perMember.pages.forEach((p, i) => {
    const m = doc.members[i];
    assert.ok(p.includes(`姓名：${m.name}`), m.name);
    assert.ok(p.includes('本人签字：') && p.includes('支部意见：'));
    assert.ok(column(perMember.pdf, i + 1, OWN.measure).includes(strip(m.problems[0].measures[0].content)));
    assert.ok(p.includes(`第${i + 1}页共${doc.members.length}页`));
    assert.ok(/校验码：[0-9a-f]{12}/.test(p));
  });
});

test('blank forms have the same layout with empty rows and no 校验码', async (t) => {
  const { all, pages } = await printed(t, path.join(fixtures, 'org-complete.json'), 'blank', '空白表');
  assert.match(all, /学习贯彻习近平新时代中国特色社会主义思想主题教育检视整改问题清单/);
  for (const h of ['问题来源', '问题表现', '整改措施', '整改目标', '整改时限']) assert.ok(all.includes(h), h);
  assert.ok(!all.includes('理论中心组学习'), 'no content of the list');
  assert.ok(!all.includes('校验码'), 'a blank form matches no file');
  assert.ok(pages.length >= 1);
});

test('thirty problems break cleanly between problems, never inside one', async (t) => {
  execFileSync('cargo', ['run', '-q', '--example', 'samples', '--', samples], { cwd: root });
  const { pages, pdf } = await printed(t, path.join(samples, 'org-30.json'), 'thirty');
  assert.ok(pages.length > 3);
  const desc = columns(pdf, pages.length, ORG.desc);
  const measures = columns(pdf, pages.length, ORG.measure);
  // The sample numbers its ids in order: problem n is `（问题k）` with k = 3n - 2, its measures `（第k+1项）`, `（第k+2项）`.
  for (let n = 1; n <= 30; n++) {
    const k = n * 3 - 2;
    const on = desc.map((d, i) => (d.includes(`（问题${k}）`) ? i : -1)).filter((i) => i >= 0);
    assert.equal(on.length, 1, `problem ${n} is whole on exactly one page`);
    for (const m of [k + 1, k + 2]) {
      assert.ok(measures[on[0]].includes(`（第${m}项）`), `measure ${m} on the page of its problem`);
    }
  }
  for (const h of ['问题来源', '问题表现', '整改措施']) assertEveryPage(pages, new RegExp(h), `the repeated header ${h}`);
});

// 360安全浏览器 and 奇安信 often run a Chromium older than 131, which prints no @page margin boxes. There the preview
// says how to get page numbers and the 校验码 from the browser's own header and footer, which print the page title:
// the title carries the 校验码 while the preview is open.
const OLD_KERNEL = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.125 Safari/537.36 QIHU 360SE';

test('on an older kernel the preview says how to print page numbers and the 校验码', async (t) => {
  const file = path.join(fixtures, 'org-complete.json');
  const code = JSON.parse(fs.readFileSync(file, 'utf8')).meta.digest.slice(7, 19);
  const old = await printed(t, file, 'old-kernel', null, { userAgent: OLD_KERNEL });
  assert.match(await old.page.locator('.print-controls').innerText(), /勾选“页眉和页脚”/);
  assert.equal(await old.page.title(), `中共××县公安局交警大队支部委员会《党组织检视整改问题清单》 校验码：${code}`);
  await old.page.getByRole('link', { name: '← 返回填写' }).click();
  await old.page.getByRole('heading', { level: 2 }).first().waitFor();
  assert.equal(await old.page.title(), '检视整改清单', 'the title is the app\'s again outside the preview');

  const modern = await printed(t, file, 'modern-kernel');
  assert.doesNotMatch(await modern.page.locator('.print-controls').innerText(), /页眉和页脚/, 'no such advice where margin boxes print');
});
