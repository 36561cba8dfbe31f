import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startEmulator } from '@fluid-droplet/emulator';
import { verifyFluidSignature } from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { api, emulator, INSTALLATION } from './support/emulator.js';
import { startReceiver } from './support/receiver.js';

/** A control API call: JSON in and out, no token. */
async function control(base: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Reads Server-Sent Events from a URL until `until` says it has seen enough. */
async function collectEvents(
  url: string,
  start: () => Promise<unknown>,
  until: (events: { event: string; data: Record<string, unknown> }[]) => boolean,
) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const first = await reader.read(); // the stream is open once its greeting arrives
  buffer += decoder.decode(first.value, { stream: true });
  const started = start();
  while (!until(events)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
      cut = buffer.indexOf('\n\n');
    }
  }
  abort.abort();
  await started;
  return events;
}

describe('POST /_emulator/installations', () => {
  it('installs v2 by default: a company per new shop, a signed droplet_installed, tokens and the delivery', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: { ok: true } });
    const installed = await control(fluid.url, '/_emulator/installations', {
      url: receiver.url,
      shop: 'acme',
    });
    expect(installed.status).toBe(201);
    const tokens = installed.body.tokens as Record<
      'authentication_token' | 'webhook_verification_token' | 'exchange_token',
      string
    >;
    expect(tokens.authentication_token).toMatch(/^dit_/);
    expect(tokens.webhook_verification_token).toMatch(/^wvt_/);
    expect(tokens.exchange_token).toMatch(/^dex_/);
    expect(installed.body).toMatchObject({
      version: 'v2',
      installation: { fluid_shop: 'acme', company_id: 2, active: true },
      delivery: { status: 200, ok: true, attempts: 1 },
    });
    const [request] = receiver.requests;
    if (request === undefined) throw new Error('nothing delivered');
    expect(request.headers['x-fluid-shop']).toBe('acme');
    const verified = await verifyFluidSignature({
      rawBody: request.rawBody,
      headers: request.headers,
      keys: fluid.state.droplet.webhook_secret,
    });
    expect(verified.ok).toBe(true);
    const sent = JSON.parse(request.rawBody) as { payload: { company: Record<string, unknown> } };
    expect(sent.payload.company).toMatchObject({ fluid_shop: 'acme', fluid_company_id: 2 });
    expect(request.rawBody).not.toContain(tokens.authentication_token);

    // The exchange token trades for the returned credentials; the dit_ token then works on the REST API.
    const exchanged = await api(fluid.url, 'POST', '/api/droplet_installations/exchange', {
      token: null,
      body: { exchange_token: tokens.exchange_token },
    });
    expect(exchanged.body.credentials).toMatchObject({ authentication_token: tokens.authentication_token });
    expect(
      (await api(fluid.url, 'GET', '/api/callback/registrations', { token: tokens.authentication_token }))
        .status,
    ).toBe(200);
  });

  it('installs v1 with the credentials inline, and refuses bad input with 422 naming the field', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver();
    const installed = await control(fluid.url, '/_emulator/installations', {
      url: receiver.url,
      version: 'v1',
    });
    expect(installed.status).toBe(201);
    const tokens = installed.body.tokens as Record<string, string | null>;
    expect(tokens.exchange_token).toBeNull();
    const sent = JSON.parse(receiver.requests[0]?.rawBody ?? '{}') as {
      payload: { company: Record<string, unknown> };
    };
    expect(sent.payload.company).toMatchObject({
      authentication_token: tokens.authentication_token,
      webhook_verification_token: tokens.webhook_verification_token,
      fluid_shop: 'emulated',
    });

    const bad = await control(fluid.url, '/_emulator/installations', {
      url: 'ftp://x',
      version: 'v3',
      shop: '../x',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual({
      url: ['is not a valid URL'],
      version: ['must be v1 or v2'],
      shop: ['must be a shop slug such as acme'],
    });
  });
});

describe('POST /_emulator/webhooks/trigger and /callbacks/trigger', () => {
  it('delivers to the subscribed webhooks of the shop, signed with the owning installation key', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 202, json: { seen: true } });
    await api(fluid.url, 'POST', '/api/company/webhooks', {
      token: INSTALLATION,
      body: { webhook: { url: receiver.url, resource: 'order', event: 'created' } },
    });
    const triggered = await control(fluid.url, '/_emulator/webhooks/trigger', {
      event: 'order_created',
      payload: { order: { id: 42, total: '9.99' } },
    });
    expect(triggered.status).toBe(200);
    expect(triggered.body.deliveries).toMatchObject([{ status: 202, ok: true, body: { seen: true } }]);
    expect(triggered.body.envelope).toMatchObject({ name: 'order_created', payload: { order: { id: 42 } } });
    const installation = fluid.state.installations()[0];
    const verified = await verifyFluidSignature({
      rawBody: receiver.requests[0]?.rawBody ?? '',
      headers: receiver.requests[0]?.headers ?? {},
      keys: installation?.webhook_verification_token ?? '',
    });
    expect(verified.ok).toBe(true);

    const unknown = await control(fluid.url, '/_emulator/webhooks/trigger', { event: 'droplet_reinstalled' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error_message).toMatch(/unknown webhook event "droplet_reinstalled"/);
    const noShop = await control(fluid.url, '/_emulator/webhooks/trigger', {
      event: 'order_created',
      shop: 'nope',
    });
    expect(noShop.status).toBe(422);
    expect(noShop.body.error_message).toMatch(/unknown shop "nope"/);
  });

  it('calls the registration with the given or a sampled request and returns the checked reports', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: { message: 7 } });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'test_callback_system', url: receiver.url } },
    });
    const called = await control(fluid.url, '/_emulator/callbacks/trigger', {
      name: 'test_callback_system',
      request: { message: 'hi' },
    });
    expect(called.status).toBe(200);
    expect(called.body.reports).toMatchObject([
      {
        name: 'test_callback_system',
        status: 200,
        ok: false,
        request: { message: 'hi' },
        issues: [{ pointer: '/message', message: 'must be string' }],
      },
    ]);
    const sampled = await control(fluid.url, '/_emulator/callbacks/trigger', {
      name: 'test_callback_system',
    });
    const body = JSON.parse(receiver.requests[1]?.rawBody ?? '{}') as { message?: unknown };
    expect(typeof body.message).toBe('string');
    expect(sampled.body.reports).toHaveLength(1);

    const none = await control(fluid.url, '/_emulator/callbacks/trigger', { name: 'update_cart_tax' });
    expect(none.status).toBe(422);
    expect(none.body.error_message).toMatch(/no active callback registration for "update_cart_tax"/);
  });
});

describe('POST /_emulator/callbacks/fuzz', () => {
  it('sends valid requests and near misses and reports a service that accepts an invalid request', async () => {
    const fluid = await emulator({ seed: 3 });
    const receiver = await startReceiver({ status: 200, json: { message: 'always fine' } });
    await api(fluid.url, 'POST', '/api/callback/registrations', {
      token: INSTALLATION,
      body: { callback_registration: { definition_name: 'test_callback_system', url: receiver.url } },
    });
    const fuzzed = await control(fluid.url, '/_emulator/callbacks/fuzz', {
      name: 'test_callback_system',
      count: 10,
    });
    expect(fuzzed.status).toBe(200);
    const report = fuzzed.body.report as {
      passed: number;
      failed: number;
      cases: { kind: string; expected: string; verdict: string; reason: string; requestIssues: unknown[] }[];
    };
    expect(report.cases).toHaveLength(10);
    const nearMisses = report.cases.filter((item) => item.kind === 'near_miss');
    expect(nearMisses).toHaveLength(5);
    for (const item of nearMisses) {
      expect(item).toMatchObject({ expected: 'refuse', verdict: 'fail' });
      expect(item.reason).toMatch(/^accepted an invalid request \(HTTP 200\)/);
      expect(item.requestIssues.length).toBeGreaterThan(0);
    }
    expect(report).toMatchObject({ passed: 5, failed: 5 });
    expect(receiver.requests).toHaveLength(10);
    // Every request is also a delivery in the log.
    expect(fluid.state.deliveries()).toHaveLength(10);

    // A failure policy that answers a neutral 200 counts as refusing, when the fuzz is told the neutral reply.
    const neutral = await control(fluid.url, '/_emulator/callbacks/fuzz', {
      name: 'test_callback_system',
      count: 6,
      neutral: { message: 'always fine' },
    });
    expect(neutral.body.report).toMatchObject({ passed: 6, failed: 0 });
  });
});

describe('GET /_emulator/events', () => {
  it('streams every API call and delivery as it happens, tokens masked', async () => {
    const fluid = await emulator();
    const receiver = await startReceiver({ status: 200, json: { echo: 'dit_abcdefghijklmnopqrstuvwxyz' } });
    const events = await collectEvents(
      `${fluid.url}/_emulator/events`,
      () => control(fluid.url, '/_emulator/installations', { url: receiver.url }),
      (seen) =>
        seen.some((item) => item.event === 'delivery') && seen.some((item) => item.event === 'request'),
    );
    const delivery = events.find((item) => item.event === 'delivery')?.data.delivery as Record<
      string,
      unknown
    >;
    expect(delivery).toMatchObject({
      kind: 'webhook',
      name: 'droplet_installed',
      status: 200,
      ok: true,
      shop: 'emulated',
    });
    expect(delivery.latencyMs).toEqual(expect.any(Number));
    const text = JSON.stringify(delivery);
    expect(text).toContain('dex_…');
    expect(text).toContain('dit_…wxyz');
    expect(text).not.toMatch(/dex_[A-Za-z0-9]{8}/);
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz');
    const request = events.find((item) => item.event === 'request')?.data;
    expect(request).toMatchObject({
      type: 'request',
      method: 'POST',
      path: '/_emulator/installations',
      status: 201,
    });
  });
});

describe('control API access', () => {
  it('answers only its own origin, and POSTs only with a JSON body', async () => {
    const fluid = await emulator();
    const foreign = await fetch(`${fluid.url}/_emulator/webhooks/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"event":"order_created"}',
    });
    expect(foreign.status).toBe(403);
    const plain = await fetch(`${fluid.url}/_emulator/webhooks/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"event":"order_created"}',
    });
    expect(plain.status).toBe(415);
    const state = await control(fluid.url, '/_emulator/state');
    expect(state.status).toBe(200);
    expect(JSON.stringify(state.body)).not.toContain(INSTALLATION);
  });
});

describe('control API hosts', () => {
  /** A control call with a chosen Host header; fetch cannot set Host, so this uses node:http. */
  async function withHost(url: string, host: string): Promise<number> {
    const target = new URL('/_emulator/state', url);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: target.hostname, port: target.port, path: target.pathname, headers: { host } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('answers a name from allowedHosts, and still refuses any other name', async () => {
    const fluid = await startEmulator({ seed: 3, allowedHosts: ['emulator', 'Fluid.Internal'] });
    try {
      const port = new URL(fluid.url).port;
      expect(await withHost(fluid.url, `emulator:${port}`)).toBe(200);
      expect(await withHost(fluid.url, `fluid.internal:${port}`)).toBe(200);
      expect(await withHost(fluid.url, `localhost:${port}`)).toBe(200);
      expect(await withHost(fluid.url, `rebound.example:${port}`)).toBe(403);
      expect(await withHost(fluid.url, `emulator:${Number(port) + 1}`)).toBe(403);
    } finally {
      await fluid.close();
    }
  });

  it('listening on every interface, answers this machine’s own addresses but not a foreign name', async () => {
    const fluid = await startEmulator({ seed: 3, host: '0.0.0.0' });
    try {
      const port = new URL(fluid.url).port;
      const own = Object.values(networkInterfaces())
        .flat()
        .find((address) => address !== undefined && address.family === 'IPv4');
      if (own !== undefined) expect(await withHost(fluid.url, `${own.address}:${port}`)).toBe(200);
      expect(await withHost(fluid.url, `127.0.0.1:${port}`)).toBe(200);
      expect(await withHost(fluid.url, `203.0.113.9:${port}`)).toBe(403);
      expect(await withHost(fluid.url, `rebound.example:${port}`)).toBe(403);
    } finally {
      await fluid.close();
    }
  });

  it('refuses an allowedHosts entry that is not a bare host name, before listening', async () => {
    for (const host of ['http://emulator', 'emulator:4000', 'emulator/path', '']) {
      await expect(startEmulator({ allowedHosts: [host] }), host).rejects.toThrow(/not a bare host name/);
    }
  });
});
