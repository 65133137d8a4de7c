// The same draft in two tabs never silently overwrites itself: the second tab is told and shows it read-only,
// follows what the first one types, and can take over — after which the first one is read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, OUTPUTS } from './harness.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const output of OUTPUTS) {
  test(`${output}: a second tab is read-only until it takes over`, async (t) => {
    const app = await openApp(browser, output);
    t.after(() => app.close());
    const first = app.page;
    await first.getByRole('button', { name: '新建党组织清单' }).click();
    const name1 = first.getByLabel('党组织名称');
    await name1.fill('交警大队');
    await first.waitForTimeout(500);

    const second = await app.context.newPage();
    await second.goto(first.url());
    const told = second.getByRole('alert').filter({ hasText: '已在另一个窗口' });
    await told.waitFor();
    const name2 = second.getByLabel('党组织名称');
    assert.ok(await name2.isDisabled(), 'the second tab cannot change anything');

    // The read-only tab follows what the first one types.
    await name1.fill('交警大队党支部');
    await second.waitForFunction(() => document.querySelector('#f-header-org-name')?.value === '交警大队党支部');

    // Taking over: the first tab saves and becomes read-only, the second edits.
    await second.getByRole('button', { name: '在本窗口继续编辑' }).click();
    await first.getByRole('alert').filter({ hasText: '已在另一个窗口中继续编辑' }).waitFor();
    await second.waitForFunction(() => !document.querySelector('#f-header-org-name')?.disabled);
    assert.ok(await name1.isDisabled(), 'the first tab is read-only now');
    await name2.fill('交警大队党支部（第二窗口）');
    await first.waitForFunction(() => document.querySelector('#f-header-org-name')?.value === '交警大队党支部（第二窗口）');

    const stored = await second.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('rectify.v1.draft.')).map(([, v]) => JSON.parse(v).document.header.org_name));
    assert.deepEqual(stored, ['交警大队党支部（第二窗口）'], 'one draft, with the last text, nothing overwritten');
  });
}
