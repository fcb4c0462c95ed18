// Operations in the browser. A simulated channel that takes orders and never answers makes the seed repair rules
// hold them for review after five status queries. The operator finds one through the repair queue and refunds it with
// a reason, requests mark-succeeded on a larger one, which a second operator confirms (four eyes), and writes off a
// success the channel reported after the refund; the auditor finds all of it in the trail and has no edit control.
// The app runs with a four-eyes amount of 200 yuan and status queries every second (ConsoleBrowserIT).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { channelCallback, launch, login, open, placeOrder, shot, staff, uniquePhone, until } from './support.mjs';

const SIM_FAST_SECRET = 'sim-fast-secret-0c1d';
const NEVER_ANSWERS = {
  successRate: { CHINA_MOBILE: 1.0, CHINA_UNICOM: 1.0, CHINA_TELECOM: 1.0, CHINA_BROADNET: 1.0 },
  submitLatency: { medianMs: 5, p95Ms: 10 },
  resultLatency: { medianMs: 3_000_000, p95Ms: 3_000_000 },
  queryLatency: { medianMs: 5, p95Ms: 10 },
  lostCallbackRate: 1.0,
};

let browser;
let savedChannels = [];
let refunded; // 100 yuan: refunded at once
let large; // 300 yuan: above the four-eyes amount
let lateSuccess; // the anomaly of the success reported after the refund

const orderStatus = async (orderId) => (await staff('operator', 'GET', `/orders/${orderId}`)).body.order.status;

async function anomalyOf(orderId, kind) {
  const page = await staff('operator', 'GET', '/anomalies?limit=200');
  return page.body.items.find((a) => a.orderId === orderId && a.kind === kind) ?? null;
}

before(async () => {
  browser = await launch();
  const channels = (await staff('admin', 'GET', '/channels')).body;
  savedChannels = channels.map(({ code, enabled, timeoutMs, expectedCompletionMs }) => ({ code, enabled, timeoutMs, expectedCompletionMs }));
  for (const { code } of channels) {
    const terms = code === 'sim-fast' ? { enabled: true, timeoutMs: 3000, expectedCompletionMs: 500 } : { enabled: false };
    assert.equal((await staff('admin', 'PUT', `/channels/${code}`, terms)).status, 200, `channel ${code}`);
  }
  assert.equal((await staff('admin', 'PUT', '/sim/suppliers/sim-fast', NEVER_ANSWERS)).status, 200);
  refunded = (await placeOrder({ phone: uniquePhone(), faceValue: 10_000 })).orderId;
  large = (await placeOrder({ phone: uniquePhone(), faceValue: 30_000 })).orderId;
  await until(async () => (await orderStatus(refunded)) === 'REVIEW' && (await orderStatus(large)) === 'REVIEW',
    'both orders held for review', 150_000);
});

after(async () => {
  for (const { code, ...terms } of savedChannels) {
    await staff('admin', 'PUT', `/channels/${code}`, terms);
  }
  await staff('admin', 'POST', '/sim/reset', {});
  await browser?.close();
});

test('operator: finds a held order through the repair queue and refunds it with a reason', async () => {
  const page = await login(browser, 'operator');
  await open(page, 'repair');
  const row = page.locator('[data-testid=anomalies] tr', { hasText: refunded });
  await row.waitFor();
  assert.match(await page.locator('[data-testid=anomaly-counts]').innerText(), /卡单/);
  await shot(page, 'operator-repair-queue');

  await row.getByRole('link', { name: refunded }).click();
  await page.waitForURL(new RegExp(`/orders/${refunded}$`));
  await page.waitForSelector('[data-testid=timeline]');
  assert.match(await page.locator('.page-header').innerText(), /待人工/);
  assert.ok(await page.locator('[data-testid=timeline] li').count() >= 5, 'accepted, attempt, queries, anomaly, repair');
  await shot(page, 'operator-order-review');

  await page.locator('.page-header').getByRole('button', { name: '退款', exact: true }).click();
  const dialog = page.locator('.dialog');
  await dialog.locator('textarea').fill('渠道确认未充值，退款给商户');
  await dialog.getByRole('button', { name: '退款', exact: true }).click();
  await page.locator('[data-testid=action-result]', { hasText: '已完成' }).waitFor();
  await page.locator('.page-header', { hasText: '失败' }).waitFor();
  await shot(page, 'operator-order-refunded');
  assert.equal(await orderStatus(refunded), 'FAILED');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('operator: asks for mark-succeeded above the four-eyes amount and cannot confirm it alone', async () => {
  const page = await login(browser, 'operator');
  await open(page, 'orders');
  await page.locator('.filters select').first().selectOption('REVIEW');
  await page.locator('.filters').getByRole('button', { name: '查询' }).click();
  const row = page.locator('[data-testid=orders] tr', { hasText: large });
  await row.waitFor();
  await shot(page, 'operator-orders-review');
  await row.click();
  await page.waitForURL(new RegExp(`/orders/${large}$`));

  await page.locator('.page-header').getByRole('button', { name: '标记成功', exact: true }).click();
  const dialog = page.locator('.dialog');
  assert.match(await dialog.getByTestId('channel-reference').inputValue(), /^SIM-FAST-/, 'the channel reference of the attempt');
  await dialog.locator('textarea').fill('供货商后台显示已充值成功');
  await dialog.getByRole('button', { name: '标记成功', exact: true }).click();
  await page.locator('[data-testid=action-result]', { hasText: '等待另一位运营人员确认' }).waitFor();
  const awaiting = page.getByTestId('awaiting-actions');
  await awaiting.getByText('你发起的，需他人确认').waitFor();
  assert.equal(await awaiting.getByRole('button', { name: '确认执行', exact: true }).count(), 0, 'no confirm button for the requester');
  await page.locator('.page-header').getByRole('button', { name: '退款', exact: true }).and(page.locator(':disabled')).waitFor();
  await shot(page, 'operator-four-eyes-requested');

  const actions = (await staff('operator', 'GET', `/actions?status=AWAITING_SECOND_OPERATOR&orderId=${large}`)).body;
  assert.equal(actions.length, 1);
  const self = await staff('operator', 'POST', `/actions/${actions[0].id}/confirm`);
  assert.equal(self.status, 409);
  assert.equal(self.body.code, 'SELF_CONFIRMATION');
  assert.equal(await orderStatus(large), 'REVIEW');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('second operator: confirms it from the repair queue', async () => {
  const page = await login(browser, 'operator2');
  await open(page, 'repair');
  const row = page.getByTestId('awaiting-actions').locator('tr', { hasText: large });
  await row.waitFor();
  await row.getByRole('button', { name: '确认执行', exact: true }).click();
  await page.locator('.dialog').getByRole('button', { name: '确认执行', exact: true }).click();
  await page.locator('.dialog').waitFor({ state: 'detached' });
  await until(async () => (await orderStatus(large)) === 'SUCCEEDED', 'the confirmed mark-succeeded');
  await shot(page, 'operator2-confirmed');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('operator: writes off a success the channel reported after the refund', async () => {
  const status = await channelCallback('sim-fast', SIM_FAST_SECRET,
    { reference: `${refunded}-1`, status: 'SUCCEEDED', channelReference: `LATE-${refunded}`, amount: 10_000 });
  assert.equal(status, 200);
  const late = await until(() => anomalyOf(refunded, 'SUCCESS_AFTER_REFUND'), 'the late success to be found');
  assert.equal(late.status, 'OPEN');
  lateSuccess = late.id;

  const page = await login(browser, 'operator');
  await open(page, 'repair');
  const card = page.getByTestId('anomaly-counts').getByRole('button', { name: /退款后又成功/ });
  await card.waitFor();
  assert.match(await card.innerText(), /¥98\.50/);
  await card.click();
  const row = page.locator('[data-testid=anomalies] tr', { hasText: refunded });
  await row.click();
  const panel = page.getByTestId('anomaly-panel');
  await panel.locator('a', { hasText: refunded }).waitFor();
  await panel.getByRole('button', { name: '处理', exact: true }).click();
  const dialog = page.locator('.dialog');
  await dialog.getByRole('radio', { name: /核销/ }).check();
  await shot(page, 'operator-resolve-dialog');
  await dialog.locator('textarea').fill('商户不同意补扣，平台承担');
  await dialog.getByRole('button', { name: '处理', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await until(async () => (await anomalyOf(refunded, 'SUCCESS_AFTER_REFUND'))?.status === 'RESOLVED', 'the write-off');
  await shot(page, 'operator-written-off');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('auditor: finds the operators\' actions in the trail, with their reasons and changes, and no edit control', async () => {
  const page = await login(browser, 'auditor');
  await open(page, 'audit');
  await page.getByTestId('chain-status').getByText('审计链完整').waitFor();
  const filters = page.locator('.filters');
  await filters.getByLabel('对象').fill(`order:${refunded}`);
  await filters.getByRole('button', { name: '查询' }).click();
  const rows = page.locator('[data-testid=audit] tbody > tr');
  await until(async () => (await rows.count()) > 0 && (await rows.filter({ hasNotText: refunded }).count()) === 0,
    'the trail of this order only');
  const refund = rows.filter({ hasText: 'ORDER_REFUND' });
  assert.match(await refund.innerText(), /operator/);
  assert.match(await refund.innerText(), /渠道确认未充值，退款给商户/);
  await refund.getByRole('button', { name: '查看变更' }).click();
  const diff = page.getByTestId('audit-diff');
  await diff.waitFor();
  assert.match(await diff.innerText(), /REVIEW/);
  assert.match(await diff.innerText(), /FAILED/);
  await shot(page, 'auditor-audit-trail');

  await open(page, `audit?target=order:${large}`);
  for (const action of ['ORDER_MARK_SUCCEEDED_REQUESTED', 'ORDER_MARK_SUCCEEDED_CONFIRMED']) {
    await page.locator('[data-testid=audit] tr', { hasText: action }).first().waitFor();
  }
  assert.match(await page.getByTestId('audit').innerText(), /operator2/);
  await open(page, 'audit?action=ANOMALY_WRITE_OFF');
  await page.locator('[data-testid=audit] tr', { hasText: `anomaly:${lateSuccess}` }).filter({ hasText: '商户不同意补扣，平台承担' }).waitFor();

  await open(page, `orders/${refunded}`);
  await page.waitForSelector('[data-testid=timeline]');
  for (const label of ['重新发单', '退款', '标记成功', '重发商户通知']) {
    assert.equal(await page.locator('.page-header').getByRole('button', { name: label, exact: true }).count(), 0, `no "${label}" for an auditor`);
  }
  await open(page, 'repair?status=RESOLVED');
  await page.waitForSelector('[data-testid=anomalies]');
  assert.equal(await page.getByRole('button', { name: '处理', exact: true }).count(), 0, 'no resolve button for an auditor');
  assert.equal(await page.getByRole('button', { name: '确认执行', exact: true }).count(), 0, 'no confirm button for an auditor');
  await shot(page, 'auditor-repair-resolved');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
