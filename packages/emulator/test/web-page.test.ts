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
});
