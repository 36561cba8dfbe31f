import { request as httpRequest } from 'node:http';
import { tokenDigest } from '@fluid-droplet/sdk';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import {
  createCallbackHandler,
  createMemoryRegistrations,
  createWebhookHandler,
} from '@fluid-droplet/sdk/receive';
import { serve } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';
import { type LoopbackServer, listen } from '../support/receive-servers.js';

const WVT = 'wvt_adapter_key_0001';
const CVT = 'cvt_adapter_key_0001';
const registrations = createMemoryRegistrations([
  {
    uuid: 'cbr_adapter',
    installationUuid: 'dri_adapter',
    definitionName: 'test_callback_system',
    url: 'https://droplet.example/callbacks',
    tokenDigest: tokenDigest(CVT),
  },
]);
const ORDER = JSON.stringify({
  id: 1,
  identifier: 'evt_1',
  name: 'order_created',
  timestamp: '2026-01-01T00:00:00Z',
  payload: { order: { id: 9 } },
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function webhooks(seen: number[]) {
  return createWebhookHandler({
    dropletSecret: 'dws_adapter_secret',
    resolveKeys: () => WVT,
    on: { order_created: (event) => void seen.push(event.payload.order.id) },
    idempotencyStore: false,
    maxBodyBytes: 64 * 1024,
    logger: recordingLogger(),
  });
}

/** Sends a signed request through a real socket; the body and headers are exactly what the signer produced. */
async function post(url: string, body = ORDER, extra: Record<string, string | null> = {}) {
  const signed = await signedRequest({ body, key: WVT, shop: 'acme', headers: extra });
  return fetch(url, { method: 'POST', headers: signed.headers, body });
}

/**
 * Sends a signed request through a real socket with header `name` on two lines, both with its signed value: only
 * the repetition is wrong, so only the duplicate check can refuse it. Answers the status.
 */
function postWithRepeatedHeader(url: string, signed: Request, name: string, body: string) {
  const { hostname, port } = new URL(url);
  // An array value makes node:http send the header twice, as two separate lines.
  const headers: Record<string, string | string[]> = {};
  signed.headers.forEach((value, header) => {
    headers[header] = value;
  });
  const value = signed.headers.get(name) ?? '';
  headers[name] = [value, value];
  return new Promise<number | undefined>((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, method: 'POST', path: '/', headers }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('toNodeHandler with node:http', () => {
  it('verifies and dispatches a real delivery', async () => {
    const seen: number[] = [];
    server = await listen(toNodeHandler(webhooks(seen)));
    const response = await post(`${server.url}/fluid/webhooks`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(seen).toEqual([9]);
  });

  it('keeps a repeated signature header apart, so it is refused as a duplicate', async () => {
    const seen: number[] = [];
    server = await listen(toNodeHandler(webhooks(seen)));
    const signed = await signedRequest({ body: ORDER, key: WVT, shop: 'acme' });
    const status = await postWithRepeatedHeader(server.url, signed, 'x-fluid-signature', ORDER);
    expect(status).toBe(401);
    expect(seen).toEqual([]);
  });

  it.each([
    ['x-fluid-callback-token', 'duplicate_token'],
    ['x-fluid-timestamp', 'duplicate_header'],
    ['x-fluid-signature', 'duplicate_header'],
  ])(
    'refuses a callback whose %s arrives on two lines (%s), without running the handler',
    async (name, reason) => {
      const reasons: string[] = [];
      let runs = 0;
      server = await listen(
        toNodeHandler(
          createCallbackHandler({
            registrations,
            logger: recordingLogger(),
            onFailure: (failure) => void reasons.push(failure.reason),
            handlers: {
              test_callback_system: (request) => {
                runs += 1;
                return { message: request.message };
              },
            },
          }),
        ),
      );
      const body = JSON.stringify({ callback_name: 'test_callback_system', message: 'hi' });
      const signed = await signedRequest({ body, key: CVT, kind: 'callback' });
      const status = await postWithRepeatedHeader(server.url, signed, name, body);
      expect([status, reasons, runs]).toEqual([401, [reason], 0]);
    },
  );

  it('answers 413 for an oversized streamed body without reading it all', async () => {
    server = await listen(toNodeHandler(webhooks([])));
    const big = JSON.stringify({ name: 'order_created', pad: 'x'.repeat(200_000) });
    const { hostname, port } = new URL(server.url);
    const signed = await signedRequest({ body: big, key: WVT, shop: 'acme' });
    const headers: Record<string, string> = { 'transfer-encoding': 'chunked' };
    signed.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const outgoing = httpRequest({ hostname, port, method: 'POST', path: '/', headers }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      outgoing.on('error', reject);
      // Chunked with no Content-Length: the limit must be enforced while streaming.
      for (let offset = 0; offset < big.length; offset += 8192)
        outgoing.write(big.slice(offset, offset + 8192));
      outgoing.end();
    });
    expect(status).toBe(413);
  });

  it.each(['callback', 'webhook'] as const)(
    "aborts the %s handler's signal when the client destroys the socket mid-request",
    async (kind) => {
      let started: () => void = () => undefined;
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      let abortedWith: (reason: unknown) => void = () => undefined;
      const aborted = new Promise<unknown>((resolve) => {
        abortedWith = resolve;
      });
      const waitForAbort = async (signal: AbortSignal) => {
        started();
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        abortedWith(signal.reason);
      };
      // The deadline is far off: only the disconnect can abort the signal with an AbortError.
      const handler =
        kind === 'callback'
          ? createCallbackHandler.for(
              'test_callback_system',
              async (_request, { signal }) => {
                await waitForAbort(signal);
                return { message: 'nobody is listening' };
              },
              { registrations, timeoutMs: 5_000, logger: recordingLogger() },
            )
          : createWebhookHandler({
              dropletSecret: 'dws_adapter_secret',
              resolveKeys: () => WVT,
              on: { order_created: async (_event, { signal }) => waitForAbort(signal) },
              idempotencyStore: false,
              handlerTimeoutMs: 5_000,
              logger: recordingLogger(),
            });
      server = await listen(toNodeHandler(handler));
      const body = kind === 'callback' ? JSON.stringify({ message: 'hello' }) : ORDER;
      const signed = await signedRequest({ body, key: kind === 'callback' ? CVT : WVT, shop: 'acme', kind });
      const headers: Record<string, string> = {};
      signed.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const { hostname, port } = new URL(server.url);
      const outgoing = httpRequest({ hostname, port, method: 'POST', path: '/', headers });
      const failed = new Promise<unknown>((resolve) => outgoing.once('error', resolve));
      outgoing.end(body);
      await running;
      outgoing.destroy();
      expect(await aborted).toMatchObject({ name: 'AbortError' });
      expect(await failed).toMatchObject({ code: 'ECONNRESET' });
    },
  );
});

describe('toNodeHandler with any Web handler (the generic path)', () => {
  it('streams the request into a Web Request and writes the Response back', async () => {
    const echo = async (request: Request) =>
      new Response(
        JSON.stringify({
          method: request.method,
          path: new URL(request.url).pathname,
          body: await request.text(),
        }),
        {
          status: 201,
          headers: {
            'content-type': 'application/json',
            'x-echo': request.headers.get('x-fluid-shop') ?? '',
          },
        },
      );
    server = await listen(toNodeHandler(echo));
    const response = await post(`${server.url}/echo?q=1`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('acme');
    expect(await response.json()).toEqual({ method: 'POST', path: '/echo', body: ORDER });
  });

  it('an SDK handler behind a wrapper still verifies, routes and limits the body', async () => {
    const seen: number[] = [];
    const handler = webhooks(seen);
    server = await listen(toNodeHandler((request) => handler(request)));
    expect((await post(server.url)).status).toBe(200);
    expect((await post(server.url, ORDER, { 'X-Fluid-Signature': 'f'.repeat(64) })).status).toBe(401);
    const big = JSON.stringify({ name: 'order_created', pad: 'x'.repeat(100_000) });
    expect((await post(server.url, big)).status).toBe(413);
    expect(seen).toEqual([9]);
  });

  it('gives handlers a Web Request on the direct Node path too', async () => {
    let seenUrl = '';
    let seenShop: string | null = null;
    const handler = createWebhookHandler({
      dropletSecret: 'dws_adapter_secret',
      resolveKeys: () => WVT,
      on: {
        order_created: async (_event, context) => {
          seenUrl = new URL(context.request.url).pathname;
          seenShop = context.request.headers.get('x-fluid-shop');
          expect(JSON.parse(await context.request.text())).toMatchObject({ name: 'order_created' });
        },
      },
      logger: recordingLogger(),
    });
    server = await listen(toNodeHandler(handler));
    expect((await post(`${server.url}/hooks/fluid`)).status).toBe(200);
    expect([seenUrl, seenShop]).toEqual(['/hooks/fluid', 'acme']);
  });
});

describe('toNodeHandler with a callback handler (the direct Node path)', () => {
  it('gives the handler its context: name, timestamp, deadline, signal and a Web Request with the body', async () => {
    const seen: unknown[] = [];
    const callbacks = createCallbackHandler({
      registrations,
      timeoutMs: 5_000,
      handlers: {
        test_callback_system: async (request, context) => {
          seen.push(
            context.name,
            context.timestamp,
            context.deadline.getTime() > Date.now(),
            context.signal.aborted,
            new URL(context.request.url).pathname,
            context.request.headers.get('x-fluid-callback-token'),
            JSON.parse(await context.request.text()),
          );
          return { message: request.message };
        },
      },
      logger: recordingLogger(),
    });
    server = await listen(toNodeHandler(callbacks));
    const body = JSON.stringify({ callback_name: 'test_callback_system', message: 'node' });
    const signed = await signedRequest({ body, key: CVT, kind: 'callback' });
    const response = await fetch(`${server.url}/fluid/callbacks`, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'node' });
    expect(seen).toEqual([
      'test_callback_system',
      Number(signed.headers.get('x-fluid-timestamp')),
      true,
      false,
      '/fluid/callbacks',
      CVT,
      { callback_name: 'test_callback_system', message: 'node' },
    ]);
  });
});

describe('toNodeHandler with Express 5', () => {
  it('works mounted directly and behind express.raw', async () => {
    const seen: number[] = [];
    const app = express();
    app.post('/direct', toNodeHandler(webhooks(seen)));
    app.post('/raw', express.raw({ type: 'application/json' }), toNodeHandler(webhooks(seen)));
    server = await listen(app as unknown as Parameters<typeof listen>[0]);
    expect((await post(`${server.url}/direct`)).status).toBe(200);
    expect((await post(`${server.url}/raw`)).status).toBe(200);
    expect(seen).toEqual([9, 9]);
  });

  it('refuses loudly when express.json() already parsed the body', async () => {
    const logger = recordingLogger();
    const app = express();
    app.use(express.json());
    app.post('/parsed', toNodeHandler(webhooks([]), { logger }));
    server = await listen(app as unknown as Parameters<typeof listen>[0]);
    expect((await post(`${server.url}/parsed`)).status).toBe(500);
    expect(logger.lines[0]?.message).toContain('express.raw');
  });
});

describe('the Web handler as is with Hono (@hono/node-server)', () => {
  it('serves a signed callback through a real Hono server', async () => {
    const app = new Hono();
    const callbacks = createCallbackHandler({
      registrations,
      handlers: { test_callback_system: (request) => ({ message: request.message.toUpperCase() }) },
      logger: recordingLogger(),
    });
    app.post('/fluid/callbacks', (context) => callbacks(context.req.raw));
    const honoServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    server = await listen(honoServer as Parameters<typeof listen>[0]);
    const body = JSON.stringify({ callback_name: 'test_callback_system', message: 'hono' });
    const signed = await signedRequest({ body, key: CVT, kind: 'callback' });
    const response = await fetch(`${server.url}/fluid/callbacks`, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'HONO' });
    const forged = await fetch(`${server.url}/fluid/callbacks`, {
      method: 'POST',
      headers: signed.headers,
      body: body.replace('hono', 'evil'),
    });
    expect(forged.status).toBe(401);
  });
});
