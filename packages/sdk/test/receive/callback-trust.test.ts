// Issue 8, items 1-4 (and the schema stamp of issue 13): callbacks bound to a stored registration, the verified
// registration handed to the handler, one failure policy per definition, and a deadline counted from arrival. Every
// case runs over the Web Request path and over real HTTP through toNodeHandler on loopback.
import { tokenDigest } from '@fluid-droplet/sdk';
import {
  type CallbackContext,
  type CallbackFailure,
  type CallbackFailurePolicy,
  type CallbackRegistrationRecord,
  createCallbackHandler,
  createMemoryRegistrations,
  type FetchHandler,
  knownNeutralReplies,
  neutralReply,
  type RegistrationLookup,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { closeSenders, type ReceivePath, receivePaths, senderFor } from '../support/receive-paths.js';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';

const SHIPPING_TOKEN = 'cvt_shipping_acme_0001';
const SYSTEM_TOKEN = 'cvt_system_acme_0002';
const TAX_TOKEN = 'cvt_tax_acme_0003';
const shipping: CallbackRegistrationRecord = {
  uuid: 'cbr_shipping',
  installationUuid: 'dri_acme',
  definitionName: 'update_cart_shipping',
  url: 'https://droplet.example/callbacks/shipping',
  tokenDigest: tokenDigest(SHIPPING_TOKEN),
};
const system: CallbackRegistrationRecord = {
  ...shipping,
  uuid: 'cbr_system',
  definitionName: 'test_callback_system',
  tokenDigest: tokenDigest(SYSTEM_TOKEN),
};
const tax: CallbackRegistrationRecord = {
  ...shipping,
  uuid: 'cbr_tax',
  installationUuid: 'dri_other',
  definitionName: 'update_cart_tax',
  tokenDigest: tokenDigest(TAX_TOKEN),
};

// The body claims another company: the handler must never see it as the tenant.
const CART = { callback_name: 'update_cart_shipping', cart: { cart_token: 'ct_1', company: { id: 666 } } };

function call(body: unknown, token = SHIPPING_TOKEN, headers: Record<string, string | null> = {}) {
  return signedRequest({ body: JSON.stringify(body), key: token, kind: 'callback', headers });
}

/** Records every failure the policy sees, and answers with the default. */
function recordingPolicy() {
  const failures: CallbackFailure[] = [];
  return {
    failures,
    policy: (failure: CallbackFailure) => {
      failures.push(failure);
      return undefined;
    },
  };
}

afterEach(closeSenders);

describe.each(receivePaths)('over the %s path', (path: ReceivePath) => {
  const send = async (handler: FetchHandler, request: Request) =>
    (await senderFor(path, handler)).send(request);

  describe('1. bound registrations', () => {
    function shippingRoute(lookup: RegistrationLookup = createMemoryRegistrations([shipping, system, tax])) {
      const recorded = recordingPolicy();
      let runs = 0;
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        () => {
          runs += 1;
          return {};
        },
        { registrations: lookup, onFailure: recorded.policy, logger: recordingLogger() },
      );
      return { handler, failures: recorded.failures, runs: () => runs };
    }

    it('finds the registration by the lowercase hex SHA-256 of the presented token, then runs the handler', async () => {
      const digests: string[] = [];
      const store = createMemoryRegistrations([shipping]);
      const route = shippingRoute({
        findByTokenDigest: (digest) => {
          digests.push(digest);
          return store.findByTokenDigest(digest);
        },
      });
      const response = await send(route.handler, await call(CART));
      expect([response.status, await response.json()]).toEqual([200, {}]);
      expect(digests).toEqual([shipping.tokenDigest]);
      expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(route.runs()).toBe(1);
    });

    it.each([
      ['no token', 'missing_token', { 'X-Fluid-Callback-Token': null }],
      [
        'an unknown token (its digest matches nothing)',
        'unknown_registration',
        { 'X-Fluid-Callback-Token': 'cvt_nobody' },
      ],
    ])('%s → 401 %s, handler not run', async (_label, reason, headers) => {
      const route = shippingRoute();
      const response = await send(route.handler, await call(CART, SHIPPING_TOKEN, headers));
      expect([response.status, await response.json()]).toEqual([401, { error: 'unauthorized' }]);
      expect(route.failures.map((failure) => [failure.stage, failure.reason])).toEqual([['auth', reason]]);
      expect(route.runs()).toBe(0);
    });

    it('a token whose registration serves another definition than the route → 401 definition_mismatch', async () => {
      const route = shippingRoute();
      const response = await send(
        route.handler,
        await call({ ...CART, callback_name: undefined }, SYSTEM_TOKEN),
      );
      expect(response.status).toBe(401);
      expect(route.failures.map((failure) => failure.reason)).toEqual(['definition_mismatch']);
      expect(route.failures[0]?.registration).toEqual(system);
      expect(route.runs()).toBe(0);
    });

    it('a body whose callback_name differs from the registration → 401 definition_mismatch', async () => {
      const route = shippingRoute();
      const response = await send(route.handler, await call({ ...CART, callback_name: 'update_cart_tax' }));
      expect(response.status).toBe(401);
      expect(route.failures.map((failure) => failure.reason)).toEqual(['definition_mismatch']);
      expect(route.runs()).toBe(0);
    });

    it('a lookup that throws → 401 store_unavailable, never "probably fine"', async () => {
      const route = shippingRoute({
        findByTokenDigest: async () => {
          throw new Error('connection refused');
        },
      });
      const response = await send(route.handler, await call(CART));
      expect(response.status).toBe(401);
      expect(route.failures.map((failure) => [failure.stage, failure.reason])).toEqual([
        ['auth', 'store_unavailable'],
      ]);
      expect(route.failures[0]?.error).toEqual(new Error('connection refused'));
      expect(route.runs()).toBe(0);
    });

    it('the HMAC is keyed by the presented token: a known token with a signature by another key → 401', async () => {
      const route = shippingRoute();
      const forged = await signedRequest({
        body: JSON.stringify(CART),
        key: 'cvt_attacker_key',
        kind: 'callback',
        headers: { 'X-Fluid-Callback-Token': SHIPPING_TOKEN },
      });
      const response = await send(route.handler, forged);
      expect(response.status).toBe(401);
      expect(route.failures.map((failure) => failure.reason)).toEqual(['signature_mismatch']);
      expect(route.runs()).toBe(0);
    });

    it('a multi-definition handler routes by the registration, never by the body', async () => {
      const recorded = recordingPolicy();
      const ran: string[] = [];
      const handler = createCallbackHandler({
        registrations: createMemoryRegistrations([shipping, system, tax]),
        logger: recordingLogger(),
        onFailure: recorded.policy,
        handlers: {
          update_cart_shipping: () => {
            ran.push('shipping');
            return {};
          },
          test_callback_system: (request) => {
            ran.push('system');
            return { message: request.message };
          },
        },
      });
      // No callback_name: the registration alone picks test_callback_system.
      const plain = await send(handler, await call({ message: 'hi' }, SYSTEM_TOKEN));
      expect(await plain.json()).toEqual({ message: 'hi' });
      // The body names the shipping callback, but the token was registered for test_callback_system.
      const steered = await send(handler, await call({ ...CART, message: 'x' }, SYSTEM_TOKEN));
      expect(steered.status).toBe(401);
      // A registration for a definition this handler does not serve.
      const unserved = await send(handler, await call({ callback_name: 'update_cart_tax' }, TAX_TOKEN));
      expect(unserved.status).toBe(401);
      expect(ran).toEqual(['system']);
      expect(recorded.failures.map((failure) => [failure.reason, failure.definition])).toEqual([
        ['definition_mismatch', 'test_callback_system'],
        ['definition_mismatch', 'update_cart_tax'],
      ]);
    });
  });

  describe('2. the verified registration reaches the handler', () => {
    it('ctx.registration and ctx.installationUuid come from the registration, not from the body', async () => {
      const seen: CallbackContext<'update_cart_shipping'>[] = [];
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        (_request, context) => {
          seen.push(context);
          return {};
        },
        { registrations: createMemoryRegistrations([shipping]) },
      );
      expect((await send(handler, await call(CART))).status).toBe(200);
      expect(seen[0]?.registration).toEqual(shipping);
      expect(seen[0]?.installationUuid).toBe('dri_acme');
      expect(seen[0]?.name).toBe('update_cart_shipping');
    });
  });

  describe('3. the failure policy', () => {
    // A registry whose shipping request is strict, so the request stage can fail too.
    const registry = {
      update_cart_shipping: {
        name: 'update_cart_shipping',
        description: null,
        request: z.looseObject({ cart: z.looseObject({ cart_token: z.string() }) }),
        response: z.union([
          z.strictObject({}),
          z.strictObject({ shipping_options: z.array(z.strictObject({ shipping_total: z.number() })) }),
        ]),
        example: null,
      },
    } as const;
    type Behaviour = 'ok' | 'throw' | 'slow' | 'invalid';
    type ShippingReply = z.output<(typeof registry)['update_cart_shipping']['response']>;

    function checkoutRoute(onFailure?: CallbackFailurePolicy<ShippingReply>) {
      let behaviour: Behaviour = 'ok';
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        (): { shipping_options: { shipping_total: number }[] } | Promise<never> => {
          if (behaviour === 'throw') throw new Error('carrier API down');
          if (behaviour === 'slow') return new Promise<never>(() => undefined);
          if (behaviour === 'invalid')
            return { shipping_options: [{ shipping_total: 'free' as unknown as number }] };
          return { shipping_options: [{ shipping_total: 5 }] };
        },
        {
          registry,
          registrations: createMemoryRegistrations([shipping]),
          timeoutMs: 3_000, // far above a busy machine's latency: only the slow handler reaches it
          maxBodyBytes: 4096,
          logger: recordingLogger(),
          ...(onFailure === undefined ? {} : { onFailure }),
        },
      );
      return { handler, set: (next: Behaviour) => (behaviour = next) };
    }

    // Every stage, with the fail-closed default status.
    const stages: [string, number, (route: ReturnType<typeof checkoutRoute>) => Promise<Request>][] = [
      ['auth: unknown token', 401, async () => call(CART, 'cvt_unknown')],
      [
        'body: unsupported content type',
        415,
        async () => call(CART, SHIPPING_TOKEN, { 'Content-Type': 'text/plain' }),
      ],
      ['body: too large', 413, async () => call({ ...CART, pad: 'x'.repeat(5000) })],
      [
        'body: not JSON',
        400,
        async () => signedRequest({ body: '{nope', key: SHIPPING_TOKEN, kind: 'callback' }),
      ],
      ['request: fails the request schema', 400, async () => call({ cart: {} })],
      [
        'handler: throws',
        500,
        async (route) => {
          route.set('throw');
          return call(CART);
        },
      ],
      [
        'timeout: runs past the deadline',
        504,
        async (route) => {
          route.set('slow');
          return call(CART);
        },
      ],
      [
        'reply: fails the response schema',
        500,
        async (route) => {
          route.set('invalid');
          return call(CART);
        },
      ],
    ];

    it.each(stages)('default, fail closed — %s → %i', async (_label, status, build) => {
      const route = checkoutRoute();
      const response = await send(route.handler, await build(route));
      expect(response.status).toBe(status);
    });

    it.each(stages)('neutralReply({}) answers 200 {} — %s', async (_label, _status, build) => {
      const route = checkoutRoute(neutralReply({}));
      const response = await send(route.handler, await build(route));
      expect([response.status, await response.json()]).toEqual([200, {}]);
    });

    it('every stage reaches the policy with its stage, reason, default status and definition', async () => {
      const seen: [string, string, number, string | null][] = [];
      const route = checkoutRoute((failure) => {
        seen.push([failure.stage, failure.reason, failure.status, failure.definition]);
        return undefined;
      });
      for (const [, , build] of stages) await send(route.handler, await build(route));
      expect(seen).toEqual([
        ['auth', 'unknown_registration', 401, 'update_cart_shipping'],
        ['body', 'unsupported_media_type', 415, 'update_cart_shipping'],
        ['body', 'too_large', 413, 'update_cart_shipping'],
        ['body', 'invalid_json', 400, 'update_cart_shipping'],
        ['request', 'invalid_request', 400, 'update_cart_shipping'],
        ['handler', 'handler_error', 500, 'update_cart_shipping'],
        ['timeout', 'deadline', 504, 'update_cart_shipping'],
        ['reply', 'invalid_reply', 500, 'update_cart_shipping'],
      ]);
    });

    it('a policy may answer with its own Response, or a reply value (200), or throw (default, logged)', async () => {
      const custom = checkoutRoute(
        () => new Response('busy', { status: 503, headers: { 'retry-after': '1' } }),
      );
      const own = await send(custom.handler, await call(CART, 'cvt_unknown'));
      expect([own.status, own.headers.get('retry-after'), await own.text()]).toEqual([503, '1', 'busy']);

      const valued = checkoutRoute((failure) =>
        failure.stage === 'handler' ? { shipping_options: [] } : undefined,
      );
      valued.set('throw');
      const value = await send(valued.handler, await call(CART));
      expect([value.status, await value.json()]).toEqual([200, { shipping_options: [] }]);

      const logger = recordingLogger();
      const throwing = createCallbackHandler.for('update_cart_shipping', () => ({}), {
        registrations: createMemoryRegistrations([shipping]),
        logger,
        onFailure: () => {
          throw new Error('policy bug');
        },
      });
      expect((await send(throwing, await call(CART, 'cvt_unknown'))).status).toBe(401);
      expect(logger.lines.map((line) => line.message)).toContain(
        'callback failure policy threw; sent the default reply',
      );
    });

    it('per-definition policies on a multi-definition handler; update_cart_tax stays fail closed', async () => {
      const handler = createCallbackHandler({
        registrations: createMemoryRegistrations([shipping, tax]),
        logger: recordingLogger(),
        onFailure: { update_cart_shipping: neutralReply(knownNeutralReplies.update_cart_shipping) },
        handlers: {
          update_cart_shipping: () => {
            throw new Error('down');
          },
          update_cart_tax: () => {
            throw new Error('down');
          },
        },
      });
      const shippingReply = await send(handler, await call(CART));
      expect([shippingReply.status, await shippingReply.json()]).toEqual([200, {}]);
      const taxReply = await send(handler, await call({ callback_name: 'update_cart_tax' }, TAX_TOKEN));
      expect(taxReply.status).toBe(500);
      expect(Object.keys(knownNeutralReplies)).toEqual(['update_cart_shipping']);
    });
  });

  describe('4. the deadline starts at arrival', () => {
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    function slowLookup(ms: number): RegistrationLookup {
      const store = createMemoryRegistrations([shipping]);
      return {
        findByTokenDigest: async (digest) => {
          await delay(ms);
          return store.findByTokenDigest(digest);
        },
      };
    }

    it('a slow lookup plus a handler that together pass timeoutMs → the timeout policy answers, signal aborted', async () => {
      let signal: AbortSignal | undefined;
      let finished = false;
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        async (_request, context) => {
          signal = context.signal;
          await delay(300);
          finished = true;
          return {};
        },
        {
          registrations: slowLookup(300),
          timeoutMs: 400,
          logger: recordingLogger(),
          onFailure: (failure) => (failure.stage === 'timeout' ? { shipping_options: [] } : undefined),
        },
      );
      const response = await send(handler, await call(CART));
      expect([response.status, await response.json()]).toEqual([200, { shipping_options: [] }]);
      expect(finished).toBe(false);
      expect(signal?.aborted).toBe(true);
    });

    it('a lookup slower than the whole deadline → 504, and the handler never runs', async () => {
      let runs = 0;
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        () => {
          runs += 1;
          return {};
        },
        { registrations: slowLookup(400), timeoutMs: 150, logger: recordingLogger() },
      );
      const response = await send(handler, await call(CART));
      expect([response.status, await response.json()]).toEqual([504, { error: 'timeout' }]);
      await delay(350);
      expect(runs).toBe(0);
    });

    it('ctx.deadline is the arrival plus timeoutMs', async () => {
      const arrival = new Date('2026-12-02T09:00:00Z');
      let deadline: Date | undefined;
      const handler = createCallbackHandler.for(
        'update_cart_shipping',
        (_request, context) => {
          deadline = context.deadline;
          return {};
        },
        {
          registrations: createMemoryRegistrations([shipping]),
          timeoutMs: 2_000,
          toleranceSeconds: 10 ** 10,
          now: () => arrival,
        },
      );
      expect((await send(handler, await call(CART))).status).toBe(200);
      expect(deadline?.getTime()).toBe(arrival.getTime() + 2_000);
    });
  });

  describe('issue 13: ctx.schema and schema drift while running', () => {
    it('exposes schema_version and schema_hash, and warns once per definition and per new value (an unstamped request is no change)', async () => {
      const logger = recordingLogger();
      const stamps: unknown[] = [];
      const handler = createCallbackHandler({
        registrations: createMemoryRegistrations([shipping, system]),
        logger,
        handlers: {
          update_cart_shipping: (_request, { schema }) => {
            stamps.push(schema);
            return {};
          },
          test_callback_system: (request, { schema }) => {
            stamps.push(schema);
            return { message: request.message };
          },
        },
      });
      const sends: [Record<string, unknown>, string][] = [
        [{ schema_version: '3', schema_hash: 'aaa' }, SHIPPING_TOKEN],
        [{ schema_version: '3', schema_hash: 'aaa' }, SHIPPING_TOKEN],
        [{ schema_version: '4', schema_hash: 'aaa' }, SHIPPING_TOKEN],
        [{ schema_version: '4', schema_hash: 'aaa' }, SHIPPING_TOKEN],
        [{ schema_version: '4', schema_hash: 'bbb' }, SHIPPING_TOKEN],
        [{ schema_version: 1, schema_hash: 'zzz', message: 'm' }, SYSTEM_TOKEN],
        [{ message: 'm' }, SYSTEM_TOKEN],
      ];
      for (const [body, token] of sends)
        expect((await send(handler, await call(body, token))).status).toBe(200);
      expect(stamps).toEqual([
        { version: '3', hash: 'aaa' },
        { version: '3', hash: 'aaa' },
        { version: '4', hash: 'aaa' },
        { version: '4', hash: 'aaa' },
        { version: '4', hash: 'bbb' },
        { version: 1, hash: 'zzz' },
        { version: null, hash: null },
      ]);
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      expect(warnings.map((line) => line.fields)).toEqual([
        { callback: 'update_cart_shipping', schemaVersion: '4', schemaHash: 'aaa' },
        { callback: 'update_cart_shipping', schemaVersion: '4', schemaHash: 'bbb' },
      ]);
    });
  });
});
