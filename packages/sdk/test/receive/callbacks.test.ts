import { tokenDigest } from '@fluid-droplet/sdk';
import {
  type CallbackFailure,
  type CallbackRegistrationRecord,
  createCallbackHandler,
  createMemoryRegistrations,
  type FetchHandler,
  type FluidLogger,
  neutralReply,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { closeSenders, type ReceivePath, receivePaths, senderFor } from '../support/receive-paths.js';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';

const CVT = 'cvt_registration_0001';
const RECORD: CallbackRegistrationRecord = {
  uuid: 'cbr_0001',
  installationUuid: 'dri_acme',
  definitionName: 'quote_shipping',
  url: 'https://droplet.example/callbacks',
  tokenDigest: tokenDigest(CVT),
};
const registrations = createMemoryRegistrations([
  RECORD,
  {
    ...RECORD,
    uuid: 'cbr_0002',
    definitionName: 'test_callback_system',
    tokenDigest: tokenDigest('cvt_system'),
  },
  { ...RECORD, uuid: 'cbr_0003', definitionName: 'odd', tokenDigest: tokenDigest('cvt_odd') },
]);

afterEach(closeSenders);

// Stands in for a service's generated registry: strict objects behave like additionalProperties: false.
const registry = {
  quote_shipping: {
    name: 'quote_shipping',
    description: null,
    request: z.strictObject({
      callback_name: z.literal('quote_shipping'),
      cart: z.strictObject({
        cart_token: z.string(),
        items: z.array(z.strictObject({ sku: z.string(), quantity: z.int() })),
      }),
    }),
    response: z.strictObject({
      shipping_options: z.array(z.strictObject({ shipping_title: z.string(), shipping_total: z.number() })),
    }),
    example: null,
  },
} as const;

type QuoteResponse = z.output<(typeof registry)['quote_shipping']['response']>;
const GOOD = {
  callback_name: 'quote_shipping',
  cart: { cart_token: 'ct_1', items: [{ sku: 'A', quantity: 2 }] },
};

function call(body: unknown, headers: Record<string, string | null> = {}, key = CVT) {
  return signedRequest({ body: JSON.stringify(body), key, kind: 'callback', headers });
}

function quoteHandler(
  run: (signal: AbortSignal) => unknown,
  options: {
    timeoutMs?: number;
    fallback?: QuoteResponse;
    logger?: FluidLogger;
    validate?: 'strict' | 'warn' | 'off';
  } = {},
) {
  const logger = options.logger ?? recordingLogger();
  return createCallbackHandler({
    registry,
    registrations,
    logger,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.validate === undefined ? {} : { validate: { response: options.validate } }),
    ...(options.fallback === undefined
      ? {}
      : {
          onFailure: {
            quote_shipping: (failure: CallbackFailure) =>
              failure.stage === 'timeout' ? options.fallback : undefined,
          },
        }),
    // The casts let tests return deliberately wrong values; the types forbid them (see callbacks.test-d.ts).
    handlers: { quote_shipping: (_request, context) => run(context.signal) as QuoteResponse },
  });
}

const quote: QuoteResponse = { shipping_options: [{ shipping_title: 'Ground', shipping_total: 5 }] };

describe.each(receivePaths)('over the %s path', (path: ReceivePath) => {
  const send = async (handler: FetchHandler, request: Request) =>
    (await senderFor(path, handler)).send(request);

  describe('createCallbackHandler: serving', () => {
    it('verifies, validates and replies with the handler value', async () => {
      let received: unknown;
      const handler = createCallbackHandler({
        registry,
        registrations,
        handlers: {
          quote_shipping: (request) => {
            received = request;
            return quote;
          },
        },
      });
      const response = await send(handler, await call(GOOD));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual(quote);
      expect(received).toEqual(GOOD);
    });

    it('serves the SDK registry by default (test_callback_system)', async () => {
      const handler = createCallbackHandler({
        registrations,
        handlers: { test_callback_system: (request) => ({ message: `echo: ${request.message}` }) },
      });
      const response = await send(
        handler,
        await call({ callback_name: 'test_callback_system', message: 'hi' }, {}, 'cvt_system'),
      );
      expect(await response.json()).toEqual({ message: 'echo: hi' });
    });

    it('createCallbackHandler.for serves one definition with or without callback_name, and refuses a body naming another', async () => {
      const handler = createCallbackHandler.for('quote_shipping', () => quote, {
        registry,
        registrations,
        logger: recordingLogger(),
      });
      expect((await send(handler, await call(GOOD))).status).toBe(200);
      const { callback_name: _ignored, ...unnamed } = GOOD;
      // Without callback_name the body fails this strict schema's literal, proving the route was still chosen.
      const response = await send(handler, await call(unnamed));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid_request',
        issues: [{ pointer: '/callback_name' }],
      });
      const other = await send(handler, await call({ ...GOOD, callback_name: 'update_cart_shipping' }));
      expect([other.status, await other.json()]).toEqual([401, { error: 'unauthorized' }]);
    });

    it('gives the handler its name, the verified timestamp, the deadline, a live signal and the request', async () => {
      const now = new Date();
      const seen: unknown[] = [];
      const handler = createCallbackHandler({
        registry,
        registrations,
        now: () => now,
        timeoutMs: 5_000,
        logger: recordingLogger(),
        handlers: {
          quote_shipping: async (_request, context) => {
            const { name, timestamp, deadline, signal, request } = context;
            seen.push(
              name,
              timestamp,
              deadline.getTime(),
              signal.aborted,
              request.headers.get('x-fluid-timestamp'),
            );
            return quote;
          },
        },
      });
      const signed = await call(GOOD);
      const timestamp = Number(signed.headers.get('x-fluid-timestamp'));
      expect((await send(handler, signed)).status).toBe(200);
      expect(seen).toEqual(['quote_shipping', timestamp, now.getTime() + 5_000, false, String(timestamp)]);
    });

    it("a callback_name other than the registration's → 401; a body without one is validated as the registration's", async () => {
      const handler = quoteHandler(() => quote);
      expect((await send(handler, await call({ callback_name: 'nope' }))).status).toBe(401);
      expect((await send(handler, await call({ cart: {} }))).status).toBe(400);
    });

    it('rejects at creation a handler name missing from the registry, a neutral reply that does not validate, and no registrations', () => {
      expect(() =>
        createCallbackHandler.for('missing' as 'quote_shipping', () => quote, { registry, registrations }),
      ).toThrow(/no callback definition/);
      expect(() =>
        createCallbackHandler.for('quote_shipping', () => quote, {
          registry,
          registrations,
          onFailure: neutralReply({
            shipping_options: [{ shipping_title: 'x' }],
          } as unknown as QuoteResponse),
        }),
      ).toThrow(/the neutral reply for quote_shipping does not match.*\/shipping_options\/0\/shipping_total/);
      expect(() =>
        createCallbackHandler({
          registry,
          registrations: undefined as unknown as typeof registrations,
          handlers: { quote_shipping: () => quote },
        }),
      ).toThrow(/registrations must have findByTokenDigest/);
    });
  });

  describe('callback signature (RELIABILITY note applied to callbacks)', () => {
    it.each([
      ['no callback token', { 'X-Fluid-Callback-Token': null }],
      ['an unknown callback token', { 'X-Fluid-Callback-Token': 'cvt_other' }],
      ['a duplicated callback token', { 'X-Fluid-Callback-Token': `${CVT}, ${CVT}` }],
      ['no signature', { 'X-Fluid-Signature': null }],
      ['a malformed signature', { 'X-Fluid-Signature': 'nothex' }],
      ['a stale timestamp', { 'X-Fluid-Timestamp': String(Math.floor(Date.now() / 1000) - 3600) }],
    ])('%s → 401 with the uniform body, handler not called', async (_label, headers) => {
      let called = false;
      const handler = quoteHandler(() => {
        called = true;
        return quote;
      });
      const response = await send(handler, await call(GOOD, headers));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized' });
      expect(called).toBe(false);
    });

    it('a body changed after signing → 401', async () => {
      const signed = await call(GOOD);
      const tampered = new Request(signed.url, {
        method: 'POST',
        headers: signed.headers,
        body: JSON.stringify({ ...GOOD, cart: { ...GOOD.cart, cart_token: 'ct_2' } }),
      });
      expect(
        (
          await send(
            quoteHandler(() => quote),
            tampered,
          )
        ).status,
      ).toBe(401);
    });

    it('a registration re-registered with a new token no longer opens with the old one', async () => {
      const store = createMemoryRegistrations([RECORD]);
      const handler = createCallbackHandler({
        registry,
        registrations: store,
        logger: recordingLogger(),
        handlers: { quote_shipping: () => quote },
      });
      expect((await send(handler, await call(GOOD))).status).toBe(200);
      await store.upsert({ ...RECORD, tokenDigest: tokenDigest('cvt_new') });
      expect((await send(handler, await call(GOOD))).status).toBe(401);
      expect((await send(handler, await call(GOOD, {}, 'cvt_new'))).status).toBe(200);
    });
  });

  describe('B6 59: request fails request_schema', () => {
    it.each([
      ['a missing field', { callback_name: 'quote_shipping' }, ['/cart']],
      ['a wrong type', { ...GOOD, cart: { cart_token: 1, items: [] } }, ['/cart/cart_token']],
      [
        'a nested wrong type',
        { ...GOOD, cart: { cart_token: 'c', items: [{ sku: 'A', quantity: 1.5 }] } },
        ['/cart/items/0/quantity'],
      ],
      ['an extra field under additionalProperties:false', { ...GOOD, extra: true }, ['']],
    ])('%s → 400 listing JSON pointers, handler not called', async (_label, body, pointers) => {
      let called = false;
      const handler = quoteHandler(() => {
        called = true;
        return quote;
      });
      const response = await send(handler, await call(body));
      expect(response.status).toBe(400);
      const json = (await response.json()) as { error: string; issues: { pointer: string }[] };
      expect(json.error).toBe('invalid_request');
      expect(json.issues.map((issue) => issue.pointer)).toEqual(pointers);
      expect(called).toBe(false);
    });

    it('escapes ~ and / in pointers', async () => {
      const loose = {
        odd: {
          name: 'odd',
          description: null,
          request: z.object({ 'a/b~c': z.string() }),
          response: z.object({}),
          example: null,
        },
      } as const;
      const handler = createCallbackHandler({
        registry: loose,
        registrations,
        logger: recordingLogger(),
        handlers: { odd: () => ({}) },
      });
      const json = (await (
        await send(handler, await call({ callback_name: 'odd' }, {}, 'cvt_odd'))
      ).json()) as {
        issues: { pointer: string }[];
      };
      expect(json.issues[0]?.pointer).toBe('/a~1b~0c');
    });

    it('invalid JSON, an array body, or a wrong content type are refused before the handler', async () => {
      const handler = quoteHandler(() => quote);
      const notJson = await signedRequest({ body: '{nope', key: CVT, kind: 'callback' });
      expect((await send(handler, notJson)).status).toBe(400);
      expect((await send(handler, await call([1, 2]))).status).toBe(400);
      expect((await send(handler, await call(GOOD, { 'Content-Type': 'text/plain' }))).status).toBe(415);
    });
  });

  describe('B6 60: handler throws, returns an invalid or unserializable value, or runs too long', () => {
    it('throws → 500 with a generic body, nothing internal in it', async () => {
      const logger = recordingLogger();
      const handler = quoteHandler(
        () => {
          throw new Error(`database password=${CVT}`);
        },
        { logger },
      );
      const response = await send(handler, await call(GOOD));
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"error":"internal_error"}');
      expect(JSON.stringify(logger.lines)).not.toContain(CVT);
    });

    it('an invalid response → 500 in strict mode (not a pass-through), issues logged with pointers', async () => {
      const logger = recordingLogger();
      const handler = quoteHandler(
        () => ({ shipping_options: [{ shipping_title: 'G', shipping_total: '5' }] }),
        { logger },
      );
      const response = await send(handler, await call(GOOD));
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('shipping');
      expect(JSON.stringify(logger.lines)).toContain('/shipping_options/0/shipping_total');
    });

    it('warn mode sends the invalid response and logs; off mode sends it silently', async () => {
      const invalid = { shipping_options: [{ shipping_title: 'G', shipping_total: '5' }] };
      const warnLogger = recordingLogger();
      const warned = await send(
        quoteHandler(() => invalid, { logger: warnLogger, validate: 'warn' }),
        await call(GOOD),
      );
      expect(await warned.json()).toEqual(invalid);
      expect(warnLogger.lines.map((line) => line.level)).toEqual(['warn']);
      const offLogger = recordingLogger();
      const off = await send(
        quoteHandler(() => invalid, { logger: offLogger, validate: 'off' }),
        await call(GOOD),
      );
      expect(await off.json()).toEqual(invalid);
      expect(offLogger.lines).toEqual([]);
    });

    it('runs past the deadline → 504 before the platform gives up, the signal aborts, the late result is dropped', async () => {
      let signal: AbortSignal | undefined;
      let finish: (value: QuoteResponse) => void = () => undefined;
      const handler = quoteHandler(
        (abortSignal) => {
          signal = abortSignal;
          return new Promise<QuoteResponse>((resolve) => {
            finish = resolve;
          });
        },
        { timeoutMs: 50 },
      );
      const response = await send(handler, await call(GOOD));
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({ error: 'timeout' });
      expect(signal?.aborted).toBe(true);
      finish(quote);
    });

    it('runs past the deadline with a fallback → the fallback is sent', async () => {
      const fallback: QuoteResponse = { shipping_options: [] };
      const handler = quoteHandler(() => new Promise(() => undefined), { timeoutMs: 30, fallback });
      const response = await send(handler, await call(GOOD));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(fallback);
    });

    it('a late rejection after the deadline is swallowed (no unhandled rejection)', async () => {
      const handler = quoteHandler(
        () =>
          new Promise((_resolve, reject) => {
            setTimeout(() => reject(new Error('late')), 60);
          }),
        { timeoutMs: 20 },
      );
      expect((await send(handler, await call(GOOD))).status).toBe(504);
      await new Promise((resolve) => setTimeout(resolve, 80));
    });

    const circular: Record<string, unknown> = { shipping_options: [] };
    circular.self = circular;
    it.each([
      ['undefined', undefined],
      ['a BigInt', { shipping_options: [{ shipping_title: 'G', shipping_total: 10n }] }],
      ['a circular object', circular],
      ['a function', () => quote],
      ['a nested function', { shipping_options: [], toString: () => 'x' }],
    ])('returns %s → 500 with a log line, never a partial body (validation off)', async (_label, value) => {
      const logger = recordingLogger();
      const response = await send(
        quoteHandler(() => value, { logger, validate: 'off' }),
        await call(GOOD),
      );
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"error":"internal_error"}');
      expect(logger.lines.some((line) => line.message.includes('not serializable'))).toBe(true);
    });
  });
});
