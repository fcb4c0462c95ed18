// Every page of every role renders without a page error, in both languages; the auditor sees no edit controls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSOLE_URL, launch, login, open, settled, shot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PAGES = {
  operator: ['dashboard', 'rules', 'channels', 'channels/sim-fast', 'orders', 'repair', 'reconciliation', 'merchants', 'instructions'],
  auditor: ['dashboard', 'rules', 'rules/routing/versions/1', 'channels', 'channels/sim-fast', 'orders', 'repair', 'reconciliation', 'merchants', 'audit'],
  admin: ['dashboard', 'channels', 'merchants', 'audit'],
};

for (const [user, pages] of Object.entries(PAGES)) {
  test(`${user}: every page renders`, async () => {
    const page = await login(browser, user);
    const nav = await page.locator('.nav a').allInnerTexts();
    assert.ok(nav.length > 0, 'a navigation');
    for (const path of pages) {
      await open(page, path);
      await settled(page);
      await shot(page, `${user}-${path.replaceAll('/', '-')}`);
    }
    if (user === 'auditor') {
      await open(page, 'rules/routing');
      await page.waitForSelector('[data-testid=versions] table');
      for (const label of ['新建草稿', '以此为底稿编辑', '回滚到此版本']) {
        assert.equal(await page.getByText(label).count(), 0, `no "${label}" for an auditor`);
      }
      await open(page, 'rules/routing/versions/1');
      await page.waitForSelector('[data-testid=version-author]');
      assert.equal(await page.locator('.version-actions button').count(), 0, 'no action buttons for an auditor');
      await open(page, 'reconciliation');
      assert.equal(await page.getByRole('button', { name: '立即对账' }).count(), 0, 'no reconciliation run for an auditor');
      await open(page, 'channels/sim-fast');
      await page.getByTestId('calibration').waitFor();
      assert.equal(await page.getByRole('button', { name: '修改条款' }).count(), 0, 'no terms editing for an auditor');
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('English is remembered and every label changes', async () => {
  const page = await login(browser, 'analyst', { language: 'en' });
  await open(page, 'rules/routing/edit');
  await page.waitForSelector('[data-testid=problems] .ok', { timeout: 60_000 });
  assert.ok(await page.getByRole('link', { name: 'Rules' }).count() > 0);
  await shot(page, 'analyst-editor-en');
  await page.reload();
  await page.getByRole('link', { name: 'Rules' }).first().waitFor();
  await page.context().close();
});

test('a bookmark or a reload of a console page opens that page', async () => {
  const page = await login(browser, 'operator');
  for (const path of ['orders?status=REVIEW', 'repair?status=RESOLVED', 'channels/sim-fast']) {
    await page.goto(new URL(path, CONSOLE_URL).toString());
    await page.waitForSelector('[data-testid=user-name]');
    assert.equal(new URL(page.url()).pathname, new URL(path, CONSOLE_URL).pathname, `still on ${path} after the login round trip`);
    await page.waitForSelector('.page-header h1');
  }
  await page.reload();
  await page.waitForSelector('[data-testid=user-name]');
  assert.match(page.url(), /\/admin\/channels\/sim-fast$/);
  assert.equal(await page.locator('.state-error').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('operator: reconciles a channel\'s day against its statement', async () => {
  const page = await login(browser, 'operator');
  await open(page, 'reconciliation');
  const form = page.locator('.filters');
  await form.getByLabel('渠道').fill('sim-fast');
  await form.getByLabel('日期（UTC）').fill(new Date().toISOString().slice(0, 10));
  await form.getByRole('button', { name: '立即对账' }).click();
  const run = page.getByTestId('reconciliation-run');
  await run.getByText('已完成').waitFor({ timeout: 60_000 });
  assert.match(page.url(), /channel=sim-fast/);
  await page.getByTestId('reconciliation-runs').locator('tr', { hasText: 'sim-fast' }).first().waitFor();
  await shot(page, 'operator-reconciliation');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
