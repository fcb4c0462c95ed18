// Predicted against observed success. Orders go to two simulated channels, a reliable one and one that fails a third
// of its orders; the operator reads on an order's page what routing predicted for each attempt next to how it ended,
// and on the channel pages how the predictions compare with what happened; an auditor reads the same pages, without
// any edit control.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, open, placeOrder, settled, shot, staff, until } from './support.mjs';

const ORDERS = 24;
const supplier = (successRate) => ({
  successRate: { CHINA_MOBILE: successRate, CHINA_UNICOM: successRate, CHINA_TELECOM: successRate, CHINA_BROADNET: successRate },
  submitLatency: { medianMs: 5, p95Ms: 10 },
  resultLatency: { medianMs: 50, p95Ms: 100 },
  queryLatency: { medianMs: 5, p95Ms: 10 },
});

let browser;
let savedChannels = [];
let orders = [];

const isFinal = (status) => ['SUCCEEDED', 'FAILED', 'REVIEW'].includes(status);

/**
 * Whether both per-minute charts of a channel page draw something inside their plot area (grid: 52 px left, 16 right,
 * 36 top, 28 bottom): at least `least` coloured pixels each, where axes, grid lines and labels are grey.
 */
function chartsPlotted(least) {
  const charts = [...document.querySelectorAll('[data-testid=minute-charts] .chart')];
  if (charts.length !== 2) return false;
  return charts.every((chart) => {
    const canvas = chart.querySelector('canvas');
    if (!canvas || canvas.width === 0) return false;
    const scale = canvas.width / canvas.clientWidth;
    const [left, top] = [Math.round(52 * scale), Math.round(36 * scale)];
    const width = canvas.width - left - Math.round(16 * scale);
    const height = canvas.height - top - Math.round(28 * scale);
    const pixels = canvas.getContext('2d').getImageData(left, top, width, height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return coloured >= least;
  });
}

before(async () => {
  browser = await launch();
  const channels = (await staff('admin', 'GET', '/channels')).body;
  savedChannels = channels.map(({ code, enabled }) => ({ code, enabled }));
  for (const { code } of channels) {
    const enabled = code === 'sim-fast' || code === 'sim-cheap';
    assert.equal((await staff('admin', 'PUT', `/channels/${code}`, { enabled })).status, 200, `channel ${code}`);
  }
  assert.equal((await staff('admin', 'PUT', '/sim/suppliers/sim-fast', supplier(1.0))).status, 200);
  assert.equal((await staff('admin', 'PUT', '/sim/suppliers/sim-cheap', supplier(0.67))).status, 200);
  const base = Date.now() % 10_000_000;
  for (let i = 0; i < ORDERS; i++) {
    // numbers of their own, so no order looks like a repeat of another
    orders.push((await placeOrder({ phone: `1390${String((base + i * 7_919) % 10_000_000).padStart(7, '0')}`, faceValue: 10_000 })).orderId);
  }
  await until(async () => {
    for (const id of orders) {
      if (!isFinal((await staff('operator', 'GET', `/orders/${id}`)).body.order.status)) return false;
    }
    return true;
  }, 'every order final', 120_000);
});

after(async () => {
  for (const { code, enabled } of savedChannels) {
    await staff('admin', 'PUT', `/channels/${code}`, { enabled });
  }
  await staff('admin', 'POST', '/sim/reset', {});
  await browser?.close();
});

test('operator: sees what routing predicted for each attempt next to how it ended', async () => {
  // an order whose first attempt failed shows two predictions and two outcomes; any order shows one
  let shown = orders[0];
  for (const id of orders) {
    if ((await staff('operator', 'GET', `/orders/${id}`)).body.attempts.length > 1) {
      shown = id;
      break;
    }
  }
  const explained = (await staff('operator', 'GET', `/orders/${shown}`)).body;
  const page = await login(browser, 'operator');
  await open(page, `orders/${shown}`);
  await page.waitForSelector('[data-testid=attempts]');
  const headers = await page.locator('[data-testid=attempts] th').allInnerTexts();
  assert.equal(headers.indexOf('实际结果'), headers.indexOf('预测成功率') + 1, `the outcome next to the prediction: ${headers}`);
  const cells = page.getByTestId('attempt-prediction');
  assert.equal(await cells.count(), explained.attempts.length);
  for (let i = 0; i < explained.attempts.length; i++) {
    const a = explained.attempts[i];
    const text = await cells.nth(i).innerText();
    assert.ok(text.startsWith(`${(a.predictedSuccess * 100).toFixed(1)}%`), `attempt ${i + 1} shows its prediction: ${text}`);
    if (a.bestAlternative) {
      assert.ok(text.includes(`其他最佳：${a.bestAlternative} ${(a.bestAlternativePredicted * 100).toFixed(1)}%`), text);
    }
    const row = page.locator('[data-testid=attempts] tbody tr').nth(i);
    assert.match(await row.innerText(), a.status === 'SUCCEEDED' ? /成功/ : /失败/);
  }
  await shot(page, 'operator-order-predictions');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('operator: compares predicted with observed success on the channel pages', async () => {
  const report = (await staff('operator', 'GET', '/channels/calibration?hours=24')).body;
  const fast = report.channels.find((c) => c.channel === 'sim-fast');
  assert.ok(fast && fast.overall.attempts > 0, 'sim-fast has attempts with predictions');

  const page = await login(browser, 'operator');
  await open(page, 'channels');
  const summary = page.getByTestId('calibration-summary');
  const row = summary.locator('tr', { has: page.getByRole('link', { name: 'sim-fast', exact: true }) });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`\\b${fast.overall.attempts}\\b`));
  assert.match(await row.innerText(), new RegExp(`${(fast.overall.observed * 100).toFixed(1)}%`));
  await shot(page, 'operator-channels-calibration');

  // the channel with the most attempts (which one routing preferred depends on what it learnt)
  const busiest = [...report.channels].sort((a, b) => b.overall.attempts - a.overall.attempts)[0].channel;
  await open(page, `channels/${busiest}`);
  const panel = page.getByTestId('calibration');
  await panel.getByTestId('calibration-overall').waitFor();
  assert.ok(await panel.locator('[data-testid=calibration-bands] tbody tr').count() > 0, 'bands of predicted success');
  assert.match(await panel.getByTestId('calibration-carriers').innerText(), /中国移动/);
  assert.equal(await panel.locator('.chart').count(), 2, 'the band chart and the chart over time');
  await panel.getByRole('button', { name: '近 1 小时' }).click();
  await panel.getByRole('button', { name: '近 1 小时', pressed: true }).waitFor();
  await panel.getByTestId('calibration-overall').waitFor();
  await settled(page);
  await shot(page, 'operator-channel-calibration');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('auditor: reads the same predicted against observed success, with no way to change a channel', async () => {
  const report = (await staff('auditor', 'GET', '/channels/calibration?hours=24')).body;
  const busiest = [...report.channels].sort((a, b) => b.overall.attempts - a.overall.attempts)[0];
  const page = await login(browser, 'auditor');
  assert.ok((await page.locator('.nav a').allInnerTexts()).includes('渠道'), 'the channels in the auditor\'s menu');
  await open(page, 'channels');
  await page.getByTestId('channels').locator('tr', { has: page.getByRole('link', { name: busiest.channel, exact: true }) }).waitFor();
  await page.getByTestId('calibration-summary').locator('tbody tr').first().waitFor();
  for (const label of ['停用', '启用']) {
    assert.equal(await page.getByRole('button', { name: label, exact: true }).count(), 0, `no "${label}" for an auditor`);
  }
  await settled(page);
  await shot(page, 'auditor-channels-calibration');

  await open(page, `channels/${busiest.channel}`);
  const panel = page.getByTestId('calibration');
  const overall = panel.getByTestId('calibration-overall');
  await overall.waitFor();
  assert.match(await overall.innerText(), new RegExp(`\\b${busiest.overall.attempts}\\b`));
  assert.match(await overall.innerText(), new RegExp(`${(busiest.overall.predicted * 100).toFixed(1)}%`));
  assert.equal(await panel.locator('.chart').count(), 2, 'the band chart and the chart over time');
  assert.equal(await page.getByRole('button', { name: '修改条款', exact: true }).count(), 0, 'no terms editing for an auditor');
  assert.equal(await page.locator('.page-header button').count(), 0, 'no action in the channel page\'s header');
  assert.equal(await page.locator('.state-error').count(), 0, 'no refusal on the channel page');
  await settled(page);
  await shot(page, 'auditor-channel-calibration');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('operator: the per-minute charts show a channel whose attempts all fell in a minute or two', async () => {
  const page = await login(browser, 'operator');
  let shown = 0;
  for (const code of ['sim-fast', 'sim-cheap']) {
    const hour = (await staff('operator', 'GET', `/channels/${code}/health?minutes=60`)).body;
    if (hour.minutes.length === 0) continue; // routing sent this channel nothing
    const minutes = new Set(hour.minutes.map((m) => m.minute)).size;
    await open(page, `channels/${code}`);
    await page.getByTestId('minute-charts').waitFor();
    await page.waitForFunction(chartsPlotted, 15, { timeout: 15_000 }).catch(() => {
      throw new Error(`${code}: the success and latency charts draw nothing for its ${hour.minutes.length} carrier-minutes in ${minutes} minute(s)`);
    });
    await settled(page);
    await shot(page, `operator-channel-${code}`);
    shown++;
  }
  assert.ok(shown > 0, 'at least one channel had attempts in the hour');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('admin, in English: the same figures with English labels', async () => {
  const page = await login(browser, 'admin', { language: 'en' });
  await open(page, 'channels/sim-fast');
  const panel = page.getByTestId('calibration');
  await panel.getByRole('heading', { name: 'Predicted against observed success' }).waitFor();
  await panel.getByTestId('calibration-overall').waitFor();
  assert.match(await panel.innerText(), /Gap \(observed − predicted\)/);
  assert.match(await panel.getByTestId('calibration-carriers').innerText(), /China Mobile/);
  assert.doesNotMatch(await page.locator('main').innerText(), /中国|熔断/, 'no Chinese left on the English page');
  await page.waitForFunction(chartsPlotted, 15, { timeout: 15_000 });
  await settled(page);
  await shot(page, 'admin-channel-calibration-en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
