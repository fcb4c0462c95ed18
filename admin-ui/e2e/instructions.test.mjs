// The instruction box at a service desk: an operator types a customer's words for a merchant, sees the understood
// number and the refused amount marked in the text, places the order with a prefix and follows its link; the audit
// trail says who placed it for which merchant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, open, settled, shot, staff, uniquePhone } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('operator: understands an instruction for a merchant and places what it asks for', async () => {
  const page = await login(browser, 'operator');
  await open(page, 'instructions');
  await settled(page);
  const first = uniquePhone();
  const second = `139${first.slice(3)}`;
  const text = `麻烦给${first}充100元，${second}充7元`;
  await page.getByTestId('instruction-merchant').selectOption('demo-merchant');
  await page.getByTestId('instruction-text').fill(text);
  await page.getByRole('button', { name: '识别', exact: true }).click();

  const understood = page.getByTestId('understood');
  await understood.waitFor();
  assert.equal(await page.locator('[data-testid=marked-text] mark.mark-item').innerText(), first);
  assert.equal(await page.locator('[data-testid=marked-text] mark.mark-problem').innerText(), '7元');
  const items = page.getByTestId('instruction-items');
  assert.match(await items.innerText(), new RegExp(`${first.slice(0, 3)}\\*{4}${first.slice(7)}`));
  assert.match(await items.innerText(), /中国移动/);
  assert.match(await items.innerText(), /¥100\.00/);
  assert.match(await page.getByTestId('instruction-problems').innerText(), /不提供这个面值/);
  await shot(page, 'operator-instruction-understood');

  const prefix = `E2E-DESK-${Date.now()}`;
  await page.getByTestId('prefix').fill(prefix);
  await page.getByRole('button', { name: /下单 1 笔/ }).click();
  const placed = page.getByTestId('placed');
  await placed.waitFor();
  assert.match(await placed.innerText(), new RegExp(`${prefix}-1`));
  await shot(page, 'operator-instruction-placed');

  const orderLink = placed.getByRole('link');
  const orderId = await orderLink.innerText();
  await orderLink.click();
  await page.waitForURL(new RegExp(`/orders/${orderId}$`));
  await page.waitForSelector('[data-testid=timeline]');

  const audit = await staff('auditor', 'GET', '/audit?action=INSTRUCTION_CONFIRMED&target=merchant:demo-merchant');
  const entry = audit.body.items.find((e) => e.after?.merchantOrderIdPrefix === prefix);
  assert.ok(entry, 'the confirm is in the audit trail');
  assert.equal(entry.actor, 'operator');
  assert.deepEqual(entry.after.orders.map((o) => o.orderId), [orderId]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
