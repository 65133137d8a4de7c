// The whole fill-in flow with the keyboard alone: Tab, Enter, Space and arrow keys, with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Presses Tab until the focused element's accessible text matches `pattern` (at most `limit` times).
async function tabTo(page, pattern, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.innerText : null;
      return (el.getAttribute('aria-label') || label || el.innerText || el.value || '').trim();
    });
    if (pattern.test(name)) return name;
  }
  throw new Error(`Tab never reached ${pattern}`);
}

async function focusRingVisible(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

test('a list is filled in and checked with the keyboard alone', async (t) => {
  const app = await openApp(browser, 'single file');
  t.after(() => app.close());
  const { page } = app;
  await tabTo(page, /^新建党组织清单$/);
  assert.ok(await focusRingVisible(page), 'focus is visible on buttons');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();

  await tabTo(page, /^党组织名称/);
  assert.ok(await focusRingVisible(page), 'focus is visible on fields');
  await page.keyboard.type('交警大队党支部');
  await tabTo(page, /^填报日期/);
  await page.keyboard.type('10152023');
  await tabTo(page, /^下一步/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: '问题与整改措施' }).waitFor();

  await tabTo(page, /^添加问题$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^检视剖析/);
  await page.keyboard.press('Space');
  assert.ok(await page.getByLabel('检视剖析（自己找）').isChecked());
  await tabTo(page, /^问题表现/);
  await page.keyboard.type('2023年上半年6次集体学习中研讨发言仅2次，学用脱节。');
  await tabTo(page, /^限期整改$/);
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.getByRole('radio', { name: '长期坚持' }).isChecked(), 'arrow keys move between the three kinds');

  await tabTo(page, /^检查$/, 200);
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor();
  // Follow the first link with Enter: focus lands on its field.
  await tabTo(page, /^表头信息 · 填报人/, 200);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-header-filed-by');
  await page.keyboard.type('陈晓燕');
  assert.equal(await page.getByLabel('填报人').inputValue(), '陈晓燕');
  assert.equal(await page.getByLabel('填报日期').inputValue(), '2023-10-15');
  assert.deepEqual(app.problems, []);
});
