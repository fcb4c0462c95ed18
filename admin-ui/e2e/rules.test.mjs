// Analyst writes a rule with a mistake, sees it at the right line, fixes it, tests it, sees the diff and submits;
// the analyst cannot approve; the approver approves and the version is live; then rolls back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, open, shot, staff, until } from './support.mjs';

let browser;
let live;
let submitted;

// A name of its own on every run, so a run against a database an earlier run left behind adds no duplicate rule.
const RULE_NAME = `Prefer sim-fast in Guangdong ${Date.now().toString(36)}`;
const RULE = (field) => `

rule "${RULE_NAME}"
    salience -10
    when
        $order : OrderFact( ${field} == "广东" )
        $channel : ChannelFact( code == "sim-fast", supports($order) )
    then
        decision.propose($channel, 2.0, "preferred in Guangdong");
end
`;

before(async () => {
  browser = await launch();
  const versions = await staff('analyst', 'GET', '/rulesets/routing/versions');
  live = versions.body.find((v) => v.status === 'ACTIVE');
  assert.ok(live, 'a live routing version to start from');
});

after(async () => {
  await browser?.close();
});

async function setEditorText(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('analyst: error at its line, fix, test, diff, submit; cannot approve', async () => {
  const page = await login(browser, 'analyst');
  await open(page, 'rules/routing');
  await page.waitForSelector('[data-testid=versions] table');
  await shot(page, 'analyst-rules');

  await open(page, 'rules/routing/edit');
  await page.waitForSelector('[data-testid=problems] .ok', { timeout: 60_000 });
  await shot(page, 'analyst-editor');

  const wrong = live.drl + RULE('provnce');
  const line = wrong.split('\n').findIndex((l) => l.includes('provnce')) + 1;
  await setEditorText(page, wrong);
  const problems = page.locator('[data-testid=problems]');
  await problems.getByText(`第 ${line} 行`).first().waitFor({ timeout: 30_000 });
  await page.waitForSelector('.cm-lintRange-error');
  assert.match(await problems.innerText(), /provnce/);
  await shot(page, 'analyst-editor-error');

  await setEditorText(page, live.drl + RULE('province'));
  await page.waitForSelector('[data-testid=problems] .ok', { timeout: 30_000 });

  await page.getByRole('button', { name: '试运行', exact: true }).click();
  const fired = page.locator('[data-testid=fired-rules] li');
  await fired.first().waitFor();
  const firedRules = await fired.allInnerTexts();
  assert.ok(firedRules.includes(RULE_NAME), `fired: ${firedRules.join(', ')}`);
  await shot(page, 'analyst-test');

  await page.getByRole('tab', { name: /与生效版本对比/ }).click();
  await page.waitForSelector('[data-testid=diff-view] .cm-mergeView');
  assert.ok(await page.locator('[data-testid=diff-view] .cm-changedLine').count() > 0, 'the diff marks the added rule');
  await shot(page, 'analyst-diff');

  await page.getByRole('button', { name: '提交审批' }).click();
  const dialog = page.locator('.dialog');
  await dialog.locator('textarea').fill('Prefer sim-fast for Guangdong orders');
  await dialog.getByRole('button', { name: '保存并提交' }).click();
  await page.waitForURL(/\/rules\/routing\/versions\/\d+$/);
  submitted = Number(page.url().split('/').pop());
  await page.waitForSelector('[data-testid=own-submission]');
  assert.equal(await page.getByRole('button', { name: '批准并发布' }).count(), 0, 'no approve button for the author');
  await shot(page, 'analyst-submitted');

  const refused = await staff('analyst', 'POST', `/rulesets/routing/versions/${submitted}/approve`);
  assert.equal(refused.status, 403, 'the server refuses the author too');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('approver: approves from the queue, the version is live; rolls back', async () => {
  assert.ok(submitted, 'the analyst submitted a version');
  const page = await login(browser, 'approver');
  await open(page, 'approvals');
  const row = page.locator('[data-testid=approval-queue] tr', { hasText: `v${submitted}` });
  await row.waitFor();
  await shot(page, 'approver-queue');
  await row.getByRole('link').click();
  await page.waitForURL(new RegExp(`/rules/routing/versions/${submitted}$`));
  await page.getByRole('tab', { name: '与生效版本对比' }).click();
  await page.waitForSelector('[data-testid=diff-view] .cm-mergeView');
  await shot(page, 'approver-review');
  await page.locator('.version-actions').getByRole('button', { name: '批准并发布' }).click();
  await page.locator('.dialog').getByRole('button', { name: '批准并发布' }).click();
  await page.waitForSelector('[data-testid=live-confirmation]', { timeout: 30_000 });
  await shot(page, 'approver-live');
  const sets = await staff('approver', 'GET', '/rulesets');
  assert.equal(sets.body.find((r) => r.name === 'routing').activeVersion, submitted);

  await open(page, 'rules/routing');
  const previous = page.locator(`[data-testid=versions] tr[data-version="${live.version}"]`);
  await previous.getByRole('button', { name: '回滚到此版本' }).click();
  const dialog = page.locator('.dialog');
  await dialog.locator('[data-testid=diff-view] .cm-mergeView').waitFor();
  await shot(page, 'approver-rollback');
  await dialog.getByRole('button', { name: `确认回滚到 v${live.version}` }).click();
  await until(async () => (await staff('approver', 'GET', '/rulesets')).body.find((r) => r.name === 'routing').activeVersion === live.version,
    'the rollback to go live');
  await page.getByText(`生效版本 v${live.version}`).first().waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
