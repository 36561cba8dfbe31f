import { describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';

describe('GET / (status page)', () => {
  it('lists registrations, webhooks and deliveries with validation issues, escaped and without secrets', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: { shipping_options: [{}] } });
    const evilUrl = `${receiver.url}/cb?q=<script>alert(1)</script>`;
    const created = await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'update_cart_shipping', url: evilUrl } },
    });
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      body: {
        webhook: { url: receiver.url, resource: 'order', event: 'created', auth_token: 'super-secret-token' },
      },
    });
    await fluid.trigger.callback('update_cart_shipping', {});

    const response = await fetch(`${fluid.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('update_cart_shipping');
    expect(html).toContain('order_created');
    expect(html).toContain('/shipping_options/0/shipping_total');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const registration = created.body.callback_registration as { verification_token: string };
    for (const secret of [registration.verification_token, 'super-secret-token', INSTALLATION]) {
      expect(html).not.toContain(secret);
    }
  });

  it('loads its script from its own origin under a strict Content-Security-Policy', async () => {
    const fluid = await emulator();
    const page = await fetch(`${fluid.url}/`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(await page.text()).toContain('<script src="/_emulator/page.js" defer></script>');
    const script = await fetch(`${fluid.url}/_emulator/page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    expect(source).toContain('/_emulator/events');
    // The served function must not lean on anything outside itself (no imports, no module helpers).
    expect(source).not.toMatch(/\bimport\b|\brequire\(/);
  });
});
