// The CLI's install, trigger and fuzz going through a running emulator (--emulator or FLUID_EMULATOR_URL).
import { verifyFluidSignature } from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { deadUrl, startReceiver } from './support/receiver.js';

describe('fluid-emulator through a running emulator', { timeout: 120_000 }, () => {
  it('install --emulator creates an installation there and prints its tokens and the delivery', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: {} });
    const run = await runCli([
      'install',
      '--url',
      receiver.url,
      '--version',
      'v1',
      '--shop',
      'acme',
      '--emulator',
      fluid.url,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      installation: { uuid: string };
      tokens: Record<string, string>;
    };
    const installation = fluid.state.installations().find((item) => item.uuid === printed.installation.uuid);
    expect(installation?.authentication_token).toBe(printed.tokens.authentication_token);
    expect(fluid.state.companyByShop('acme')).toBeDefined();
    expect(receiver.requests).toHaveLength(1);
    // The running emulator saw it: it is in the delivery log the page shows.
    expect(fluid.state.deliveries()[0]).toMatchObject({
      name: 'droplet_installed',
      shop: 'acme',
      status: 200,
    });
  });

  it('trigger webhook with FLUID_EMULATOR_URL delivers to the subscribed webhooks, signed by the emulator', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: {} });
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      token: INSTALLATION,
      body: { webhook: { url: receiver.url, resource: 'order', event: 'created' } },
    });
    const run = await runCli(['trigger', 'webhook', 'order_created', '--payload', '{"order":{"id":5}}'], {
      FLUID_EMULATOR_URL: fluid.url,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    const verified = await verifyFluidSignature({
      rawBody: request?.rawBody ?? '',
      headers: request?.headers ?? {},
      keys: fluid.state.installations()[0]?.webhook_verification_token ?? '',
    });
    expect(verified.ok).toBe(true);
    expect(JSON.parse(request?.rawBody ?? '{}')).toMatchObject({ payload: { order: { id: 5 } } });

    const nobody = await runCli(['trigger', 'webhook', 'product_created'], { FLUID_EMULATOR_URL: fluid.url });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no active webhook is subscribed to product_created/);
  });

  it('trigger callback and fuzz call the registration; failures and refusals exit 1 with one line', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver((response, request) => {
      const body = JSON.parse(request.rawBody) as { message?: unknown } | null;
      if (typeof body?.message !== 'string') response.writeHead(400).end('{"error":"invalid_request"}');
      else
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: body.message }));
    });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'test_callback_system', url: receiver.url } },
    });
    const called = await runCli([
      'trigger',
      'callback',
      'test_callback_system',
      '--request',
      '{"message":"hi"}',
      '--emulator',
      fluid.url,
    ]);
    expect(called.code).toBe(0);
    expect(JSON.parse(called.stdout)).toMatchObject([{ status: 200, ok: true, body: { message: 'hi' } }]);

    const fuzzed = await runCli(['fuzz', 'test_callback_system', '-n', '12', '--emulator', fluid.url]);
    expect(fuzzed.stderr).toBe('');
    expect(fuzzed.code).toBe(0);
    expect(fuzzed.stdout).toMatch(
      /12 requests to test_callback_system \(seed 1; 6 valid, 6 near misses\): 12 passed, 0 failed/,
    );
    expect(receiver.requests).toHaveLength(13);

    const unknown = await runCli(['trigger', 'callback', 'update_cart_tax', '--emulator', fluid.url]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(
      /^fluid-emulator: the emulator refused \/_emulator\/callbacks\/trigger \(HTTP 422\): no active callback registration for "update_cart_tax"/,
    );
  });

  it('says in one line when no emulator answers, and that install needs one', async () => {
    const dead = await deadUrl();
    const run = await runCli(['trigger', 'webhook', 'order_created', '--emulator', dead]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^fluid-emulator: cannot reach the emulator at http:\/\/127\.0\.0\.1:\d+ \(is `fluid-emulator` running there\?\)$/,
    );
    const install = await runCli(['install', '--url', 'http://127.0.0.1:9/hooks']);
    expect(install.code).toBe(1);
    expect(install.stderr.trim()).toBe(
      'fluid-emulator: install needs a running emulator: pass --emulator <url> or set FLUID_EMULATOR_URL',
    );
  });
});
