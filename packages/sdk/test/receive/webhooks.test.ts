import {
  createMemoryIdempotency,
  createWebhookHandler,
  type FetchHandler,
  type IdempotencyStore,
  normalizeInstallation,
  resolveInstallationCredentials,
  type WebhookEvent,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSenders, type ReceivePath, receivePaths, senderFor } from '../support/receive-paths.js';
import {
  hasSharedPayloads,
  readPayload,
  recordingLogger,
  signedRequest,
} from '../support/receive-requests.js';

const WVT = 'wvt_company_acme_0001';
const DWS = 'dws_droplet_secret_0001';
const ORDER = JSON.stringify({
  id: 90784,
  identifier: 'evt_9Yb2Kd7Qm1',
  name: 'order_created',
  timestamp: '2026-07-15T12:34:56Z',
  payload: {
    event_name: 'order_created',
    company_id: 4821,
    resource: 'order',
    event: 'created',
    order: { id: 55210 },
  },
});

function setup(overrides: Partial<Parameters<typeof createWebhookHandler>[0]> = {}) {
  const seen: WebhookEvent[] = [];
  const logger = recordingLogger();
  const handler = createWebhookHandler({
    dropletSecret: DWS,
    resolveKeys: ({ shop }) => (shop === 'acme' ? WVT : null),
    on: {
      order_created: async (event) => {
        seen.push(event);
      },
      droplet_installed: async (event) => {
        seen.push(event);
      },
      droplet_uninstalled: async (event) => {
        seen.push(event);
      },
    },
    logger,
    ...overrides,
  });
  return { handler, seen, logger };
}

afterEach(closeSenders);

describe.each(receivePaths)('over the %s path', (path: ReceivePath) => {
  async function send(handler: FetchHandler, request: Request) {
    const response = await (await senderFor(path, handler)).send(request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  describe('createWebhookHandler: routing', () => {
    it('verifies and dispatches an envelope to its typed handler', async () => {
      const { handler, seen } = setup();
      const result = await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }));
      expect(result).toEqual({ status: 200, body: { received: true } });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        name: 'order_created',
        id: 90784,
        format: 'envelope',
        payload: { order: { id: 55210 } },
      });
    });

    it('accepts the legacy flat shape and names it from resource and event', async () => {
      const { handler, seen } = setup();
      const flat = JSON.stringify({
        resource: 'droplet',
        event: 'uninstalled',
        company: {
          droplet_installation_uuid: 'dri_1',
          droplet_uuid: 'drp_1',
          fluid_company_id: 1,
          fluid_shop: 'acme',
        },
      });
      const result = await send(handler, await signedRequest({ body: flat, key: DWS }));
      expect(result.status).toBe(200);
      expect(seen[0]).toMatchObject({ name: 'droplet_uninstalled', format: 'flat', id: null });
    });

    it('acknowledges an event without a handler with 202, and sends it to onUnknown when given', async () => {
      const body = JSON.stringify({
        id: 5,
        identifier: 'm',
        name: 'member_updated',
        timestamp: 't',
        payload: { member: { id: 'u' } },
      });
      expect(
        (await send(setup().handler, await signedRequest({ body, key: WVT, shop: 'acme' }))).status,
      ).toBe(202);
      const unknown: string[] = [];
      const { handler } = setup({ onUnknown: (event) => void unknown.push(event.name) });
      expect((await send(handler, await signedRequest({ body, key: WVT, shop: 'acme' }))).status).toBe(200);
      expect(unknown).toEqual(['member_updated']);
    });

    it.skipIf(!hasSharedPayloads)('accepts every documented payload example, normalized', async () => {
      const { handler, seen } = setup({ onUnknown: () => undefined, idempotencyStore: false });
      const files = [
        'droplet_installed_v1_template_docs.json',
        'droplet_installed_v2_flat_docs.json',
        'droplet_installed_v2_lifecycle.json',
        'droplet_uninstalled_flat_docs.json',
        'order_created_guide.json',
        'product_created_template_docs.json',
        'subscription_started.json',
      ];
      for (const file of files) {
        const body = readPayload(file);
        // Lifecycle events carry their own shop in the body; business events are looked up by the header.
        const request = file.startsWith('droplet_')
          ? await signedRequest({ body, key: DWS })
          : await signedRequest({ body, key: WVT, shop: 'acme' });
        const result = await send(handler, request);
        expect([file, result.status]).toEqual([file, 200]);
      }
      expect(seen.map((event) => event.name)).toEqual([
        'droplet_installed',
        'droplet_installed',
        'droplet_installed',
        'droplet_uninstalled',
        'order_created',
      ]);
    });
  });

  describe('B5 53: missing, empty or duplicated credentials (signature and legacy token)', () => {
    it.each([
      ['no signature', { 'X-Fluid-Signature': null }],
      ['no timestamp', { 'X-Fluid-Timestamp': null }],
      ['empty signature', { 'X-Fluid-Signature': '' }],
      ['whitespace signature', { 'X-Fluid-Signature': '   ' }],
      ['malformed signature', { 'X-Fluid-Signature': 'zz' }],
      ['signature twice', { 'X-Fluid-Signature': `${'a'.repeat(64)}, ${'b'.repeat(64)}` }],
    ])('%s → 401 with the uniform body, handler not called', async (_label, headers) => {
      const { handler, seen } = setup();
      const result = await send(
        handler,
        await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers }),
      );
      expect(result).toEqual({ status: 401, body: { error: 'unauthorized' } });
      expect(seen).toHaveLength(0);
    });

    it('ignores a valid AUTH_TOKEN unless the legacy check is enabled', async () => {
      const headers = { 'X-Fluid-Signature': null, 'X-Fluid-Timestamp': null, AUTH_TOKEN: WVT };
      const off = setup();
      expect(
        (await send(off.handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers })))
          .status,
      ).toBe(401);
      const on = setup({ legacyToken: true });
      expect(
        (await send(on.handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers })))
          .status,
      ).toBe(200);
    });

    it.each([
      ['missing', null],
      ['empty', ''],
      ['whitespace-only', '   '],
    ])('legacy mode: %s AUTH_TOKEN → 401', async (_label, value) => {
      const { handler, seen } = setup({ legacyToken: true });
      const headers = { 'X-Fluid-Signature': null, 'X-Fluid-Timestamp': null, AUTH_TOKEN: value };
      expect(
        (await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers }))).status,
      ).toBe(401);
      expect(seen).toHaveLength(0);
    });

    it('legacy mode still verifies a signed delivery by its signature', async () => {
      const { handler } = setup({ legacyToken: true });
      const headers = { AUTH_TOKEN: WVT, 'X-Fluid-Signature': 'a'.repeat(64) };
      expect(
        (await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers }))).status,
      ).toBe(401);
    });
  });

  describe('B5 54: wrong key, stale or future timestamp, body changed after signing, rotation', () => {
    it.each([
      ['another company key', 'wvt_company_other_0002'],
      ['a prefix of the key', WVT.slice(0, -1)],
      ['a suffix of the key', `${WVT}0`],
      ['the droplet secret instead of the company key', DWS],
    ])('signed with %s → 401', async (_label, key) => {
      const { handler, seen } = setup();
      expect((await send(handler, await signedRequest({ body: ORDER, key, shop: 'acme' }))).status).toBe(401);
      expect(seen).toHaveLength(0);
    });

    it.each([
      ['stale', -301],
      ['future', 301],
    ])('%s timestamp → 401', async (_label, offset) => {
      // A fixed clock: on a busy machine a second can pass between signing and checking, which would move the
      // boundary under a test one second past it.
      const fixed = new Date();
      const { handler } = setup({ now: () => fixed });
      const timestamp = Math.floor(fixed.getTime() / 1000) + offset;
      expect(
        (await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', timestamp }))).status,
      ).toBe(401);
    });

    it('a body changed after signing → 401', async () => {
      const { handler } = setup();
      const signed = await signedRequest({ body: ORDER, key: WVT, shop: 'acme' });
      const tampered = new Request(signed.url, {
        method: 'POST',
        headers: signed.headers,
        body: ORDER.replace('55210', '55211'),
      });
      expect((await send(handler, tampered)).status).toBe(401);
    });

    it('accepts either key while a rotation is in progress', async () => {
      const { handler } = setup({ resolveKeys: () => ['wvt_next', WVT] });
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }))).status).toBe(
        200,
      );
    });

    it('wrong legacy tokens of every length → 401 (legacy mode)', async () => {
      const { handler } = setup({ legacyToken: true, idempotencyStore: false });
      for (const token of ['x', WVT.slice(0, -1), `${WVT}x`, 'y'.repeat(4096)]) {
        const headers = { 'X-Fluid-Signature': null, 'X-Fluid-Timestamp': null, AUTH_TOKEN: token };
        expect(
          (await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme', headers }))).status,
        ).toBe(401);
      }
    });
  });

  describe('B5 55: shop header', () => {
    it('missing or unknown shop: resolveKeys finds no key → 401', async () => {
      const { handler } = setup();
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT }))).status).toBe(401);
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'evil' }))).status).toBe(
        401,
      );
    });

    it('a header shop that differs from the shop in the body → 401, even with a valid signature', async () => {
      const { handler, seen } = setup();
      const body = JSON.stringify({
        resource: 'droplet',
        event: 'uninstalled',
        company: {
          droplet_installation_uuid: 'dri_1',
          droplet_uuid: 'drp_1',
          fluid_company_id: 1,
          fluid_shop: 'acme',
        },
      });
      expect((await send(handler, await signedRequest({ body, key: DWS, shop: 'other' }))).status).toBe(401);
      expect(
        (await send(handler, await signedRequest({ body, key: DWS, shop: 'acme.fluid.app' }))).status,
      ).toBe(200);
      expect(seen).toHaveLength(1);
    });

    it('resolveKeys throwing fails closed: 401 (store_unavailable), handler not called, nothing leaked', async () => {
      const { handler, seen, logger } = setup({
        resolveKeys: () => {
          throw new Error(`db down ${WVT}`);
        },
      });
      const result = await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }));
      expect(result).toEqual({ status: 401, body: { error: 'unauthorized' } });
      expect(seen).toHaveLength(0);
      expect(JSON.stringify(logger.lines)).not.toContain(WVT);
    });
  });

  describe('B5 56: body problems', () => {
    it('oversized body → 413 without reading it all (stream cut off while reading)', async () => {
      const { handler } = setup({ maxBodyBytes: 1024 });
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (pulled > 1000) controller.close();
          else controller.enqueue(new Uint8Array(512).fill(32));
        },
      });
      const signed = await signedRequest({ body: ORDER, key: WVT, shop: 'acme' });
      const request = new Request(signed.url, {
        method: 'POST',
        headers: signed.headers,
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect((await send(handler, request)).status).toBe(413);
      // The node path forwards whole bodies; adapters.test.ts checks that toNodeHandler cuts a streamed one off.
      if (path === 'web') expect(pulled).toBeLessThan(10);
    });

    it('a declared Content-Length above the limit → 413', async () => {
      const { handler } = setup({ maxBodyBytes: 10 });
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }))).status).toBe(
        413,
      );
    });

    it.each([
      ['text/plain', 415],
      ['application/x-www-form-urlencoded', 415],
      ['application/json; charset=utf-8', 200],
    ])('content type %s → %i', async (type, status) => {
      const { handler } = setup();
      const request = await signedRequest({
        body: ORDER,
        key: WVT,
        shop: 'acme',
        headers: { 'Content-Type': type },
      });
      expect((await send(handler, request)).status).toBe(status);
    });

    it.each([
      ['empty', ''],
      ['not JSON', 'hello'],
      ['a JSON array', '[1,2]'],
      ['no event name', '{"id":1}'],
      [
        'order_created without an order',
        '{"id":1,"identifier":"i","name":"order_created","timestamp":"t","payload":{}}',
      ],
    ])('%s body, correctly signed → 400', async (_label, body) => {
      const { handler, seen } = setup();
      expect((await send(handler, await signedRequest({ body, key: WVT, shop: 'acme' }))).status).toBe(400);
      expect(seen).toHaveLength(0);
    });

    it('invalid UTF-8 → 400, never replaced characters', async () => {
      const { handler } = setup();
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('{"name":"order_created","x":"'),
        0xc3,
        0x28,
        0x22,
        0x7d,
      ]);
      expect((await send(handler, await signedRequest({ body: bytes, key: WVT, shop: 'acme' }))).status).toBe(
        400,
      );
    });

    it('__proto__ keys are inert data: no prototype pollution', async () => {
      const { handler, seen } = setup({ onUnknown: (event) => void seen.push(event) });
      const body =
        '{"id":77,"identifier":"x","name":"member_updated","timestamp":"t","payload":{"__proto__":{"polluted":true},"member":{"constructor":{"prototype":{"polluted":true}}}}}';
      expect((await send(handler, await signedRequest({ body, key: WVT, shop: 'acme' }))).status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(seen[0]?.payload)).toBe(Object.prototype);
    });
  });

  describe('B5 57: duplicate event ids', () => {
    it('sequential duplicates: the handler runs once, the duplicate gets 200', async () => {
      const { handler, seen } = setup();
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }))).status).toBe(
        200,
      );
      const again = await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }));
      expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
      expect(seen).toHaveLength(1);
    });

    it('concurrent duplicates do not both run: the others are in flight (503)', async () => {
      let runs = 0;
      const releases: (() => void)[] = [];
      const gate = new Promise<void>((resolve) => releases.push(resolve));
      const release = () => {
        for (const resolve of releases) resolve();
      };
      const { handler } = setup({
        on: {
          order_created: async () => {
            runs += 1;
            await gate;
          },
        },
      });
      const requests = await Promise.all(
        [1, 2, 3].map(() => signedRequest({ body: ORDER, key: WVT, shop: 'acme' })),
      );
      // The gate opens only once the two duplicates have answered, however slow the machine: no fixed wait.
      let answered = 0;
      let twoAnswered: () => void = () => undefined;
      const duplicatesAnswered = new Promise<void>((resolve) => {
        twoAnswered = resolve;
      });
      const pending = requests.map((request) =>
        send(handler, request).then((result) => {
          answered += 1;
          if (answered === 2) twoAnswered();
          return result;
        }),
      );
      await duplicatesAnswered;
      release();
      const statuses = (await Promise.all(pending)).map((result) => result.status);
      expect(runs).toBe(1);
      // The claim holder answers 200; the others see a live lease and get 503, so Fluid may deliver them again.
      expect(statuses.sort()).toEqual([200, 503, 503]);
    });

    it('leases expire in the memory store, so a claim whose holder died is taken again', async () => {
      let now = 0;
      const store = createMemoryIdempotency({ now: () => now });
      expect(await store.claim('k', 1000)).toBe('claimed');
      expect(await store.claim('k', 1000)).toBe('in-flight');
      now = 1001;
      expect(await store.claim('k', 1000)).toBe('claimed');
      await store.complete('k');
      expect(await store.claim('k', 1000)).toBe('done');
    });
  });

  describe('B5 58: handler throws, rejects or never settles', () => {
    it('a throwing handler → 500 without a stack, and the event is not marked processed', async () => {
      let attempts = 0;
      const { handler, logger } = setup({
        on: {
          order_created: () => {
            attempts += 1;
            if (attempts === 1) throw new Error('boom at /srv/app/secret.ts:12');
          },
        },
      });
      const first = await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }));
      expect(first).toEqual({ status: 500, body: { error: 'internal_error' } });
      expect(logger.lines.some((line) => line.level === 'error')).toBe(true);
      const retry = await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }));
      expect(retry).toEqual({ status: 200, body: { received: true } });
      expect(attempts).toBe(2);
    });

    it('a handler that never settles times out with 504, its signal aborted, and its claim still held', async () => {
      let signal: AbortSignal | undefined;
      const store: IdempotencyStore = createMemoryIdempotency();
      const { handler } = setup({
        handlerTimeoutMs: 50,
        idempotencyStore: store,
        on: {
          order_created: (_event, context) => {
            signal = context.signal;
            return new Promise(() => undefined);
          },
        },
      });
      expect((await send(handler, await signedRequest({ body: ORDER, key: WVT, shop: 'acme' }))).status).toBe(
        504,
      );
      expect(signal?.aborted).toBe(true);
      expect(await store.claim('fluid-webhook:acme:90784', 1000)).toBe('in-flight');
    });
  });

  describe('install flow', () => {
    it.skipIf(!hasSharedPayloads)(
      'normalizes v1 and v2 installs into one shape and exchanges v2 tokens',
      async () => {
        const installs: WebhookEvent<'droplet_installed'>[] = [];
        const handler = createWebhookHandler({
          dropletSecret: DWS,
          on: { droplet_installed: (event) => void installs.push(event) },
          idempotencyStore: false,
          logger: recordingLogger(),
        });
        for (const file of [
          'droplet_installed_v1_template_docs.json',
          'droplet_installed_v2_lifecycle.json',
        ]) {
          expect(
            (await send(handler, await signedRequest({ body: readPayload(file), key: DWS }))).status,
          ).toBe(200);
        }
        const [v1, v2] = installs.map(normalizeInstallation);
        expect(v1).toMatchObject({ contractVersion: 'v1', shop: 'fluid.fluid.app', exchange: null });
        expect(v1?.credentials?.authenticationToken).toMatch(/^dit_/);
        expect(v2).toMatchObject({ contractVersion: 'v2', shop: 'acme', companyId: 42, credentials: null });
        const exchanged: string[] = [];
        if (v2 === undefined || v1 === undefined) throw new Error('both installs were delivered');
        const credentials = await resolveInstallationCredentials(v2, {
          exchange: async (token) => {
            exchanged.push(token);
            return JSON.parse(readPayload('droplet_installation_exchange_response.json'));
          },
        });
        expect(exchanged).toEqual(['dex_oneTimeOpaqueToken...']);
        expect(credentials).toEqual({
          authenticationToken: 'dit_xyz789...',
          webhookVerificationToken: 'wvt_abc123...',
        });
        expect(
          await resolveInstallationCredentials(v1, {
            exchange: async () => Promise.reject(new Error('unused')),
          }),
        ).toBe(v1.credentials);
      },
    );
  });
});
