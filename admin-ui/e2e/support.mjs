// Shared pieces of the browser tests: Chromium from Debian, the real Keycloak login page, screenshots, and
// staff API calls (topup-cli tokens) to set up and check what the browser did.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CONSOLE_URL = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080/admin/';
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const SCREENSHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), '..', 'target', 'console-screenshots');
// The app itself (merchant API, staff API, channel callbacks): where the console is served unless APP_URL says otherwise.
const APP_URL = (process.env.APP_URL ?? new URL('/', CONSOLE_URL).toString()).replace(/\/$/, '');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A new browser context logged in as the user through the Keycloak login page, on the console's home page. */
export async function login(browser, user, { language } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  if (language) {
    await context.addInitScript((l) => window.localStorage.setItem('topup.console.language', l), language);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.problems = problems;
  await page.goto(CONSOLE_URL);
  await page.waitForSelector('#username');
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForSelector('[data-testid=user-name]');
  return page;
}

export async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the page shows its data: nothing is loading any more (lazy chunks, first API answers). */
export async function settled(page) {
  await page.waitForFunction(() => document.querySelector('main .page, main .state') && !document.querySelector('.state-loading'),
    null, { timeout: 30_000 });
}

/** Moves to a console page inside the running app (client-side navigation, as the menu does). */
export async function open(page, path) {
  const url = new URL(path, CONSOLE_URL);
  const target = url.pathname;
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url.pathname + url.search);
  try {
    await page.waitForSelector(`main[data-path="${target}"]`);
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, `failed-${path.replace(/[/?=&:]/g, '-')}.png`), fullPage: true });
    console.log(`page ${page.url()} shows: ${(await page.content()).slice(0, 1500)}`);
    throw e;
  }
}

const tokens = new Map();
export async function token(user) {
  if (!tokens.has(user)) {
    const response = await fetch(`${KEYCLOAK_URL}/realms/topup/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'topup-cli', username: user, password: user }),
    });
    if (!response.ok) throw new Error(`token for ${user}: HTTP ${response.status}`);
    tokens.set(user, (await response.json()).access_token);
  }
  return tokens.get(user);
}

/** A staff API call; returns {status, body}. */
export async function staff(user, method, path, body) {
  const response = await fetch(`${APP_URL}/admin/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(user)}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Polls until the check returns a truthy value or the time is up. */
export async function until(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Places an order as the demo merchant through the signed merchant API (CONTRACT §1); returns the order body. */
export async function placeOrder({ phone, faceValue, merchant = 'demo-merchant', secret = 'demo-merchant-secret' }) {
  const path = '/api/v1/orders';
  const body = JSON.stringify({ merchantOrderId: `E2E-${randomUUID().slice(0, 18)}`, phone, faceValue });
  const timestamp = String(Date.now());
  const nonce = randomUUID().replaceAll('-', '');
  const digest = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', secret).update(`POST\n${path}\n${timestamp}\n${nonce}\n${digest}`).digest('hex');
  const response = await fetch(`${APP_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Merchant-Id': merchant, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature },
    body,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`placing an order: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

/** A signed json-hmac callback from a simulated channel about an attempt, as the supplier would send it. */
export async function channelCallback(channel, secret, { reference, status, channelReference, amount }) {
  const body = JSON.stringify({ reference, channelReference, status, amount });
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', secret).update(`${timestamp}\n${body}`).digest('hex');
  const response = await fetch(`${APP_URL}/callbacks/channels/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Channel-Timestamp': timestamp, 'X-Channel-Signature': signature },
    body,
  });
  return response.status;
}

/** A phone number no other run used, in a China Mobile range. */
export function uniquePhone() {
  return `138${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}
