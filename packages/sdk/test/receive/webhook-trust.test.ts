// Issue 8, items 5-9: a lifecycle-only droplet secret, nothing parsed before a signature verifies, both event shapes,
// v1 installs as Fluid's fleet sends them, and the smaller holes found by attack. Every case runs over the Web
// Request path and over real HTTP through toNodeHandler on loopback.
import { connect } from 'node:net';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import {
  createMemoryIdempotency,
  createWebhookHandler,
  type DropletInstallation,
  type FetchHandler,
  isKnownWebhookEvent,
  normalizeInstallation,
  type WebhookEvent,
  type WebhookHandlerOptions,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeSenders, type ReceivePath, receivePaths, senderFor } from '../support/receive-paths.js';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';
import { listen } from '../support/receive-servers.js';

const DWS = 'dws_droplet_secret_current';
const DWS_OLD = 'dws_droplet_secret_previous';
const WVT_A = 'wvt_company_a_key_0001';
const WVT_B = 'wvt_company_b_key_0002';
const keysByShop: Record<string, string> = { 'shop-a': WVT_A, 'shop-b': WVT_B };

function install(shop: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: 7001,
    identifier: 'dropletinstallation_x',
    name: 'droplet_installed',
    timestamp: '2026-12-02T09:00:00Z',
    payload: {
      event_name: 'droplet_installed',
      resource: 'droplet',
      event: 'installed',
      company: {
        droplet_installation_uuid: `dri_${shop}`,
        droplet_uuid: 'drp_1',
        fluid_company_id: 1,
        fluid_shop: shop,
        credentials: { exchange_token: 'dex_1' },
      },
      ...extra,
    },
  });
}

function order(id: number) {
  return JSON.stringify({
    id,
    identifier: `evt_${id}`,
    name: 'order_created',
    timestamp: '2026-12-02T09:00:00Z',
    payload: { event_name: 'order_created', order: { id: 55 } },
  });
}

type Options = Partial<WebhookHandlerOptions<Record<string, (event: WebhookEvent) => unknown>>>;

function setup(overrides: Options = {}, withOnUnknown = true) {
  const events: { name: string; shop: string | null; kind: string; event: WebhookEvent }[] = [];
  const lookups: string[] = [];
  const record = (event: WebhookEvent, context: { shop: string | null; keyKind: string }) =>
    void events.push({ name: event.name, shop: context.shop, kind: context.keyKind, event });
  const handler = createWebhookHandler({
    dropletSecret: [DWS, DWS_OLD],
    resolveKeys: ({ shop }) => {
      lookups.push(shop);
      return keysByShop[shop] ?? null;
    },
    on: {
      droplet_installed: record,
      droplet_uninstalled: record,
      order_created: record,
    },
    ...(withOnUnknown ? { onUnknown: record } : {}),
    logger: recordingLogger(),
    ...overrides,
  } as WebhookHandlerOptions<Record<string, (event: WebhookEvent) => unknown>>);
  return { handler, events, lookups };
}

/** JSON.parse calls on a delivery body (the runtime itself may parse unrelated JSON meanwhile). */
function bodyParses(calls: readonly unknown[][]): number {
  return calls.filter((args) => String(args[0]).includes('order_created')).length;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(closeSenders);

describe.each(receivePaths)('over the %s path', (path: ReceivePath) => {
  const send = async (handler: FetchHandler, request: Request) => {
    const response = await (await senderFor(path, handler)).send(request);
    return { status: response.status, text: await response.text() };
  };

  describe('5. a lifecycle-only droplet secret', () => {
    it('the takeover: droplet_installed naming shop B, signed with company A key → 401, no handler runs', async () => {
      const { handler, events } = setup();
      const forged = install('shop-b');
      for (const shop of ['shop-a', 'shop-b', undefined]) {
        const request = await signedRequest({
          body: forged,
          key: WVT_A,
          ...(shop === undefined ? {} : { shop }),
        });
        expect((await send(handler, request)).status).toBe(401);
      }
      expect(events).toEqual([]);
    });

    it('droplet_* events verify against the droplet secret (either key of a rotation), with or without a shop', async () => {
      const { handler, events } = setup({ idempotencyStore: false });
      expect((await send(handler, await signedRequest({ body: install('shop-b'), key: DWS }))).status).toBe(
        200,
      );
      expect(
        (await send(handler, await signedRequest({ body: install('shop-b'), key: DWS_OLD, shop: 'shop-b' })))
          .status,
      ).toBe(200);
      expect(events.map((event) => [event.name, event.shop, event.kind])).toEqual([
        ['droplet_installed', 'shop-b', 'droplet'],
        ['droplet_installed', 'shop-b', 'droplet'],
      ]);
    });

    it('business events never verify against the droplet secret', async () => {
      const { handler, events } = setup();
      expect(
        (await send(handler, await signedRequest({ body: order(1), key: DWS, shop: 'shop-a' }))).status,
      ).toBe(401);
      expect((await send(handler, await signedRequest({ body: order(1), key: DWS }))).status).toBe(401);
      expect(
        (await send(handler, await signedRequest({ body: order(1), key: WVT_A, shop: 'shop-a' }))).status,
      ).toBe(200);
      expect(events.map((event) => [event.name, event.shop, event.kind])).toEqual([
        ['order_created', 'shop-a', 'company'],
      ]);
    });

    it('a company key store that is down does not stop a lifecycle event signed with the droplet secret', async () => {
      const { handler, events } = setup({
        resolveKeys: () => {
          throw new Error('key store down');
        },
      });
      const lifecycle = await send(
        handler,
        await signedRequest({ body: install('shop-a'), key: DWS, shop: 'shop-a' }),
      );
      expect(lifecycle.status).toBe(200);
      const business = await send(
        handler,
        await signedRequest({ body: order(3), key: WVT_A, shop: 'shop-a' }),
      );
      expect(business.status).toBe(401);
      expect(events.map((event) => event.name)).toEqual(['droplet_installed']);
    });

    it('refuses to start without a usable droplet secret', () => {
      for (const dropletSecret of ['', ' dws_padded', []]) {
        expect(() => createWebhookHandler({ dropletSecret, logger: recordingLogger() })).toThrow(
          /dropletSecret must be a non-empty key/,
        );
      }
    });
  });

  describe('6. nothing is parsed before a signature verifies', () => {
    it('100 requests with a malformed signature or a 1970 timestamp: zero resolveKeys calls, zero parses', async () => {
      const { handler, lookups, events } = setup();
      const requests: Request[] = [];
      for (let index = 0; index < 50; index += 1) {
        requests.push(
          await signedRequest({
            body: order(index),
            key: WVT_A,
            shop: 'shop-a',
            headers: { 'X-Fluid-Signature': index % 2 === 0 ? 'not-hex' : 'A'.repeat(64) },
          }),
        );
        requests.push(await signedRequest({ body: order(index), key: WVT_A, shop: 'shop-a', timestamp: 0 }));
      }
      const sender = await senderFor(path, handler);
      const parse = vi.spyOn(JSON, 'parse');
      const statuses: number[] = [];
      for (const request of requests) {
        const response = await sender.send(request);
        await response.text();
        statuses.push(response.status);
      }
      const parses = bodyParses(parse.mock.calls);
      parse.mockRestore();
      expect(new Set(statuses)).toEqual(new Set([401]));
      expect(statuses).toHaveLength(100);
      expect(lookups).toEqual([]);
      expect(parses).toBe(0);
      expect(events).toEqual([]);
    });

    it('a well-formed but wrong signature looks the shop key up, and still parses nothing', async () => {
      const { handler, lookups } = setup();
      const request = await signedRequest({ body: order(1), key: 'wvt_wrong', shop: 'shop-a' });
      const sender = await senderFor(path, handler);
      const parse = vi.spyOn(JSON, 'parse');
      const response = await sender.send(request);
      await response.text();
      const parses = bodyParses(parse.mock.calls);
      parse.mockRestore();
      expect(response.status).toBe(401);
      expect(lookups).toEqual(['shop-a']);
      expect(parses).toBe(0);
    });

    it('a delivery without X-Fluid-Shop is verified against the droplet secret only', async () => {
      const { handler, lookups } = setup();
      expect((await send(handler, await signedRequest({ body: order(2), key: WVT_A }))).status).toBe(401);
      expect(lookups).toEqual([]);
    });
  });

  describe('7. both event shapes become one typed event', () => {
    const company = {
      droplet_installation_uuid: 'dri_1',
      droplet_uuid: 'drp_1',
      fluid_company_id: 1,
      fluid_shop: 'shop-a',
    };
    it.each([
      [
        'the envelope',
        { id: 1, identifier: 'i', name: 'droplet_uninstalled', timestamp: 't', payload: { company } },
        'envelope',
      ],
      ['the flat shape', { resource: 'droplet', event: 'uninstalled', company }, 'flat'],
      [
        'the flat shape nested under payload',
        { payload: { resource: 'droplet', event: 'uninstalled', company } },
        'flat',
      ],
    ])('%s', async (_label, body, format) => {
      const { handler, events } = setup();
      const response = await send(handler, await signedRequest({ body: JSON.stringify(body), key: DWS }));
      expect(response.status).toBe(200);
      expect(events.map((event) => [event.name, event.shop, event.event.format])).toEqual([
        ['droplet_uninstalled', 'shop-a', format],
      ]);
      expect(events[0]?.event.payload.company).toEqual(company);
    });

    it('the name and the tenant come from the same object: a top-level shape cannot borrow nested data', async () => {
      const { handler, events } = setup();
      const body = { resource: 'droplet', event: 'uninstalled', payload: { company } };
      expect(
        (await send(handler, await signedRequest({ body: JSON.stringify(body), key: DWS }))).status,
      ).toBe(400);
      expect(events).toEqual([]);
    });

    it('typed events: no droplet_reinstalled or unsourced product_updated; member_* from webhooks-v0', async () => {
      expect(isKnownWebhookEvent('droplet_reinstalled')).toBe(false);
      expect(isKnownWebhookEvent('product_updated')).toBe(false);
      expect(isKnownWebhookEvent('member_sponsorships_reassigned')).toBe(true);
      const { handler, events } = setup();
      const member = (payload: unknown) =>
        JSON.stringify({
          id: 3,
          identifier: 'm',
          name: 'member_sponsorships_reassigned',
          timestamp: 't',
          payload,
        });
      expect(
        (
          await send(
            handler,
            await signedRequest({ body: member({ member: { id: 'u1' } }), key: WVT_A, shop: 'shop-a' }),
          )
        ).status,
      ).toBe(200);
      const missing = await send(
        handler,
        await signedRequest({ body: member({}), key: WVT_A, shop: 'shop-a' }),
      );
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('member_sponsorships_reassigned has no \\"member\\" object');
      expect(events.map((event) => event.name)).toEqual(['member_sponsorships_reassigned']);
    });
  });

  describe("8. v1 installs as Fluid's fleet sends them", () => {
    function v1(company: Record<string, unknown>) {
      return JSON.stringify({ resource: 'droplet', event: 'installed', company });
    }
    const base = { droplet_uuid: 'drp_1', fluid_shop: 'shop-a', authentication_token: 'dit_1' };

    it('webhook_verification_token and droplet_installation_uuid optional, fluid_company_id a number or a string', async () => {
      const installs: DropletInstallation[] = [];
      const { handler } = setup({
        idempotencyStore: false,
        on: {
          droplet_installed: (event: WebhookEvent) =>
            void installs.push(normalizeInstallation(event as WebhookEvent<'droplet_installed'>)),
        },
      });
      for (const company of [
        { ...base, fluid_company_id: '123' },
        {
          ...base,
          fluid_company_id: 123,
          droplet_installation_uuid: 'dri_1',
          webhook_verification_token: 'wvt_1',
        },
      ]) {
        expect((await send(handler, await signedRequest({ body: v1(company), key: DWS }))).status).toBe(200);
      }
      expect(
        installs.map((item) => [
          item.contractVersion,
          item.companyId,
          item.dropletInstallationUuid,
          item.credentials,
        ]),
      ).toEqual([
        ['v1', 123, null, { authenticationToken: 'dit_1', webhookVerificationToken: null }],
        ['v1', 123, 'dri_1', { authenticationToken: 'dit_1', webhookVerificationToken: 'wvt_1' }],
      ]);
    });

    it.each([
      [
        'fluid_shop',
        { droplet_uuid: 'drp_1', fluid_company_id: 1, authentication_token: 'dit_1' },
        /company\.fluid_shop is missing/,
      ],
      [
        'fluid_company_id',
        { ...base, fluid_company_id: 'acme' },
        /company\.fluid_company_id must be a whole number/,
      ],
      [
        'authentication_token',
        { droplet_uuid: 'drp_1', fluid_company_id: 1, fluid_shop: 'shop-a' },
        /company\.authentication_token \(v1\) and company\.credentials\.exchange_token \(v2\) are both missing/,
      ],
    ])('an install without a usable %s: the error names the field', async (_field, company, message) => {
      const errors: unknown[] = [];
      const { handler } = setup({
        idempotencyStore: false,
        on: {
          droplet_installed: (event: WebhookEvent) => {
            try {
              normalizeInstallation(event as WebhookEvent<'droplet_installed'>);
            } catch (error) {
              errors.push(error);
              throw error;
            }
          },
        },
      });
      expect((await send(handler, await signedRequest({ body: v1(company), key: DWS }))).status).toBe(500);
      expect(String(errors[0])).toMatch(message);
    });
  });

  describe('9. smaller holes found by attack', () => {
    it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
      'an event named %s reaches onUnknown (own-property dispatch)',
      async (name) => {
        const { handler, events } = setup({ on: { order_created: () => undefined } });
        const body = JSON.stringify({ id: 1, identifier: 'x', name, timestamp: 't', payload: { x: 1 } });
        const response = await send(handler, await signedRequest({ body, key: WVT_A, shop: 'shop-a' }));
        if (name === '__proto__') {
          // Not a valid event name at all.
          expect(response.status).toBe(400);
          return;
        }
        expect(response.status).toBe(200);
        expect(events.map((event) => event.name)).toEqual([name]);
        const bare = setup({ on: { order_created: () => undefined } }, false);
        const ignored = await send(bare.handler, await signedRequest({ body, key: WVT_A, shop: 'shop-a' }));
        expect([ignored.status, ignored.text]).toEqual([202, '{"received":true,"handled":false}']);
      },
    );

    it('duplicate suppression is keyed by shop and event id', async () => {
      const { handler, events } = setup();
      const fromA = () => signedRequest({ body: order(42), key: WVT_A, shop: 'shop-a' });
      const fromB = () => signedRequest({ body: order(42), key: WVT_B, shop: 'shop-b' });
      expect((await send(handler, await fromA())).status).toBe(200);
      expect((await send(handler, await fromB())).status).toBe(200);
      const again = await send(handler, await fromA());
      expect([again.status, again.text]).toEqual([200, '{"received":true,"duplicate":true}']);
      expect(events.map((event) => event.shop)).toEqual(['shop-a', 'shop-b']);
    });

    it('a delivery whose handler still runs past its deadline is not run again beside its redelivery', async () => {
      let runs = 0;
      let finish: () => void = () => undefined;
      const { handler } = setup({
        handlerTimeoutMs: 50,
        idempotencyStore: createMemoryIdempotency(),
        on: {
          order_created: () => {
            runs += 1;
            return new Promise<void>((resolve) => {
              finish = resolve;
            });
          },
        },
      });
      const delivery = () => signedRequest({ body: order(9), key: WVT_A, shop: 'shop-a' });
      expect((await send(handler, await delivery())).status).toBe(504);
      const redelivery = await send(handler, await delivery());
      expect([redelivery.status, redelivery.text]).toEqual([503, '{"error":"in_flight"}']);
      expect(runs).toBe(1);
      finish();
      await delay(20);
      // The late success completed the claim.
      expect((await send(handler, await delivery())).text).toBe('{"received":true,"duplicate":true}');
      expect(runs).toBe(1);
    });

    it('a late failure releases the claim, so the next redelivery runs', async () => {
      let runs = 0;
      let fail: (error: Error) => void = () => undefined;
      const { handler } = setup({
        handlerTimeoutMs: 50,
        on: {
          order_created: () => {
            runs += 1;
            if (runs > 1) return undefined;
            return new Promise<void>((_resolve, reject) => {
              fail = reject;
            });
          },
        },
      });
      const delivery = () => signedRequest({ body: order(10), key: WVT_A, shop: 'shop-a' });
      expect((await send(handler, await delivery())).status).toBe(504);
      fail(new Error('late failure'));
      await delay(20);
      expect((await send(handler, await delivery())).status).toBe(200);
      expect(runs).toBe(2);
    });

    it('a body that never finishes gets 408 after bodyTimeoutMs', async () => {
      const { handler, events } = setup({ bodyTimeoutMs: 200 });
      const signed = await signedRequest({ body: order(11), key: WVT_A, shop: 'shop-a' });
      if (path === 'web') {
        const stalled = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
          },
        });
        const request = new Request(signed.url, {
          method: 'POST',
          headers: signed.headers,
          body: stalled,
          duplex: 'half',
        } as RequestInit);
        const response = await handler(request);
        expect([response.status, await response.text()]).toEqual([408, '{"error":"request_timeout"}']);
      } else {
        // A raw socket: the headers promise 1000 bytes, only a few arrive, and the connection stays open.
        const server = await listen(toNodeHandler(handler));
        const { port } = new URL(server.url);
        const socket = connect(Number(port), '127.0.0.1');
        const lines = [`POST /fluid HTTP/1.1`, `Host: 127.0.0.1`, 'Content-Length: 1000'];
        signed.headers.forEach((value, name) => {
          if (name !== 'content-length') lines.push(`${name}: ${value}`);
        });
        socket.write(`${lines.join('\r\n')}\r\n\r\n{"id":`);
        let received = '';
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString('utf8');
        });
        await new Promise((resolve) => socket.once('close', resolve));
        await server.close();
        expect(received).toMatch(/^HTTP\/1\.1 408 /);
        expect(received).toContain('{"error":"request_timeout"}');
      }
      expect(events).toEqual([]);
    });
  });
});
