// The emulator's page in a real browser: Playwright driving Debian's Chromium (headless).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../test-artifacts');
/** Generous on purpose: the machine may be busy, and a browser start is slow then. */
const WAIT = { timeout: 60_000 };

/** As with PostgreSQL: without Chromium the test is skipped with a printed reason, except in CI, where it fails. */
function chromiumPresent(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} not found`;
  if (process.env.CI) throw new Error(`${reason}; CI needs it (apt-get install chromium)`);
  process.stderr.write(`skipped the emulator page browser test: ${reason} (apt-get install chromium)\n`);
  return false;
}

describe.skipIf(!chromiumPresent())('the page, in Chromium', { timeout: 180_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's sandbox needs user namespaces, which containers running as root usually lack.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      timeout: 60_000,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('installs, triggers a webhook and a callback (edited sample), fuzzes, and shows each delivery live', async () => {
    const fluid = await emulator();
    const service = await startReceiver((response, request) => {
      const body = JSON.parse(request.rawBody) as Record<string, unknown> | null;
      if (request.path.startsWith('/callback')) {
        const message = body?.message;
        if (typeof message !== 'string') {
          response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}');
          return;
        }
        // "bad" gets a reply that breaks response_schema, so the page has an issue to show.
        const reply = message === 'bad' ? { message: 7 } : { message };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.setDefaultTimeout(60_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(fluid.url, WAIT);
    await page.waitForSelector('body[data-ready="true"]', WAIT);
    await page.waitForSelector('#live:text("live")', WAIT);

    // Install the droplet at the service.
    await page.fill('#install-url', `${service.url}/webhooks`);
    await page.click('#install-button');
    const installed = page.locator('[data-testid="delivery"][data-name="droplet_installed"]');
    await installed.waitFor(WAIT);
    expect(await installed.getAttribute('data-status')).toBe('200');
    await installed.locator('summary').click();
    const installText = (await installed.textContent()) ?? '';
    expect(installText).toContain('dex_…');
    const created = fluid.state.installations().at(-1);
    expect(installText).not.toContain(created?.authentication_token ?? 'unset');
    expect((await page.locator('#install-result').textContent()) ?? '').not.toContain(
      created?.authentication_token ?? 'unset',
    );

    // Trigger a webhook event the service subscribed to through the REST API.
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      token: INSTALLATION,
      body: { webhook: { url: `${service.url}/webhooks`, resource: 'order', event: 'created' } },
    });
    await page.selectOption('#webhook-event', 'order_created');
    expect(JSON.parse(await page.inputValue('#webhook-payload'))).toEqual({ order: { id: 1 } });
    await page.fill('#webhook-payload', '{"order":{"id":77}}');
    await page.click('#webhook-button');
    const order = page.locator('[data-testid="delivery"][data-name="order_created"]');
    await order.waitFor(WAIT);
    expect(await order.getAttribute('data-status')).toBe('200');
    expect(JSON.parse(service.requests.at(-1)?.rawBody ?? '{}')).toMatchObject({
      payload: { order: { id: 77 } },
    });

    // Trigger a callback: the sampled request is shown, edited, and sent as edited; the reply's issue is shown.
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: {
        callback_registration: { definition_name: 'test_callback_system', url: `${service.url}/callback` },
      },
    });
    await page.selectOption('#callback-name', 'test_callback_system');
    await page.waitForSelector('#callback-request[data-name="test_callback_system"]', WAIT);
    const sampled = JSON.parse(await page.inputValue('#callback-request')) as { message: unknown };
    expect(typeof sampled.message).toBe('string');
    await page.fill('#callback-request', '{"message":"bad"}');
    await page.click('#callback-button');
    const callback = page.locator('[data-testid="delivery"][data-name="test_callback_system"]');
    await callback.first().waitFor(WAIT);
    expect(JSON.parse(service.requests.at(-1)?.rawBody ?? '{}')).toEqual({ message: 'bad' });
    await callback.first().locator('summary').click();
    expect((await callback.first().locator('.issues').textContent()) ?? '').toContain(
      '/message must be string',
    );

    // A delivery made elsewhere (here: the test itself) appears without a reload, from the event stream.
    await fluid.trigger.webhook('order_created', { order: { id: 78 } });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="delivery"][data-name="order_created"]').length === 2,
      undefined,
      WAIT,
    );

    // Fuzz: valid requests and near misses, each judged.
    await page.selectOption('#fuzz-name', 'test_callback_system');
    await page.fill('#fuzz-count', '6');
    await page.click('#fuzz-button');
    await page.waitForSelector('#fuzz-result table', WAIT);
    expect((await page.locator('#fuzz-result').textContent()) ?? '').toContain('6 passed, 0 failed');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'emulator-page.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
