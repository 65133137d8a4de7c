// A member fills in their own list on a phone (360–414 px wide, touch): nothing spills out of its card or off the
// screen, and everything a finger presses is at least 40 px high.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, root } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/// What spills (an element wider than the card, grid or screen that holds it) and what is too small to press.
function layoutProblems(page) {
  return page.evaluate(() => {
    const spills = [];
    const screen = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).position === 'fixed') continue;
      // What a row that scrolls sideways holds (the steps) is meant to go past its edge; the row itself may not.
      let scroller = el.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller && scroller.closest('main')) continue;
      const holder = el.parentElement?.closest('.card, .form-grid, fieldset');
      const limit = Math.min(holder ? holder.getBoundingClientRect().right : screen, screen);
      if (r.right > limit + 0.5) spills.push(`${el.tagName.toLowerCase()}#${el.id} .${el.className}: ${Math.round(r.right - limit)} px`);
    }
    const small = [];
    for (const found of document.querySelectorAll('main :is(button, input, select, textarea, a[href])')) {
      // A check box or radio button is pressed through its whole label.
      const el = ['checkbox', 'radio'].includes(found.type) ? (found.closest('label') ?? found) : found;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height < 40) small.push(`${found.tagName.toLowerCase()} "${(found.textContent || found.id).trim().slice(0, 12)}": ${Math.round(r.height)} px`);
    }
    return { scroll: document.documentElement.scrollWidth - screen, spills: spills.slice(0, 10), small: small.slice(0, 10) };
  });
}

for (const width of [360, 375, 414]) {
  test(`a member's own list at ${width} px: nothing spills, every target is at least 40 px`, async (t) => {
    const app = await openApp(browser, 'single file', { device: { viewport: { width, height: 780 }, isMobile: true, hasTouch: true } });
    t.after(() => app.close());
    const { page } = app;
    const check = async (where) => {
      const found = await layoutProblems(page);
      assert.equal(found.scroll, 0, `${where}: the page scrolls sideways`);
      assert.deepEqual(found.spills, [], `${where}: spills out of its card`);
      assert.deepEqual(found.small, [], `${where}: too small to press`);
    };
    await check('start page');
    await page.getByRole('button', { name: '新建个人清单' }).click();
    await page.getByRole('heading', { level: 2, name: '表头信息' }).waitFor();
    await check('step 1');
    await page.getByRole('link', { name: /^2\. / }).click();
    await page.getByRole('heading', { level: 2, name: '我的问题与整改措施' }).waitFor();
    await page.getByRole('button', { name: '添加整改措施' }).first().click();
    await page.getByLabel('措施内容').nth(1).waitFor();
    await check('step 2');
    if (width === 375) await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'phone-step2.png'), fullPage: true });
    await page.getByRole('link', { name: /^3\. / }).click();
    await page.getByRole('heading', { level: 2, name: '检查' }).waitFor();
    await check('step 3');
    await page.getByRole('link', { name: /^4\. / }).click();
    await page.getByRole('heading', { level: 2, name: '导出与打印' }).waitFor();
    await check('step 4');
  });
}
