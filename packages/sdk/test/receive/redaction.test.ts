// Issue 8, item 10: no log line, error message, error cause or reply carries a token, a signing key or a request
// body. The attack cases below run over both paths; everything the SDK says (logger output of the handlers and of
// the Node adapter, replies, thrown errors with their causes) is collected and searched for every secret used.

import { tokenDigest } from '@fluid-droplet/sdk';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import {
  assertFluidSignature,
  createCallbackHandler,
  createMemoryRegistrations,
  createWebhookHandler,
  type FetchHandler,
  normalizeInstallation,
  type WebhookEvent,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';
import { type LoopbackServer, listen } from '../support/receive-servers.js';

const CVT = 'cvt_SECRET_callback_token_1111';
const WVT = 'wvt_SECRET_company_key_2222';
const DWS = 'dws_SECRET_droplet_secret_3333';
const ATTACKER = 'cvt_SECRET_attacker_token_4444';
const DIT = 'dit_SECRET_installation_token_5555';
const BODY_MARK = 'BODY_SECRET_cart_note_6666';
const secrets = [CVT, WVT, DWS, ATTACKER, DIT, BODY_MARK];

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Everything said during the attack cases, as text. */
const said: string[] = [];

function describeThrown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.name, current.message, String(current.stack), JSON.stringify(current));
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join('\n');
}

describe('redaction across the attack cases', () => {
  it('no secret appears in any log line, reply, error message or cause', async () => {
    const logger = recordingLogger();
    const adapterLogger = recordingLogger();
    const registrations = createMemoryRegistrations([
      {
        uuid: 'cbr_1',
        installationUuid: 'dri_1',
        definitionName: 'update_cart_shipping',
        url: 'https://droplet.example/callbacks/shipping',
        tokenDigest: tokenDigest(CVT),
      },
    ]);
    let mode: 'ok' | 'throw' | 'leaky-reply' = 'ok';
    const callbacks = createCallbackHandler.for(
      'update_cart_shipping',
      (request) => {
        // Handlers fail with messages that quote what they were given.
        if (mode === 'throw')
          throw new Error(`cannot quote ${JSON.stringify(request)} with ${CVT}`, { cause: DIT });
        if (mode === 'leaky-reply')
          // Invalid: a shipping option needs its total. The refused reply must not be echoed anywhere.
          return { shipping_options: [{ shipping_title: BODY_MARK }] } as unknown as Record<string, never>;
        return {};
      },
      { registrations, logger },
    );
    const brokenStore = createCallbackHandler.for('update_cart_shipping', () => ({}), {
      logger,
      registrations: {
        findByTokenDigest: async (digest) => {
          throw new Error(`lookup of ${digest} for ${CVT} failed`, { cause: new Error(DIT) });
        },
      },
    });
    const installs: unknown[] = [];
    const webhooks = createWebhookHandler({
      dropletSecret: DWS,
      legacyToken: true,
      logger,
      resolveKeys: ({ shop }) => {
        if (shop === 'broken') throw new Error(`key store down, last key ${WVT}`);
        return shop === 'acme' ? WVT : null;
      },
      on: {
        droplet_installed: (event) => {
          installs.push(normalizeInstallation(event as WebhookEvent<'droplet_installed'>));
        },
        order_created: () => {
          throw new Error(`order failed for ${DIT}`);
        },
      },
    });

    const body = JSON.stringify({
      callback_name: 'update_cart_shipping',
      cart: { note: BODY_MARK, token: DIT },
    });
    const order = JSON.stringify({
      id: 1,
      identifier: 'evt_1',
      name: 'order_created',
      timestamp: 't',
      payload: { order: { id: 1, note: BODY_MARK } },
    });
    const badInstall = JSON.stringify({
      resource: 'droplet',
      event: 'installed',
      company: {
        authentication_token: DIT,
        fluid_company_id: BODY_MARK,
        fluid_shop: 'acme',
        droplet_uuid: 'd',
      },
    });
    const cases: [FetchHandler, () => Promise<Request>, (() => void)?][] = [
      [callbacks, () => signedRequest({ body, key: ATTACKER, kind: 'callback' })],
      [
        callbacks,
        () =>
          signedRequest({
            body,
            key: ATTACKER,
            kind: 'callback',
            headers: { 'X-Fluid-Callback-Token': CVT },
          }),
      ],
      [callbacks, () => signedRequest({ body: `${body}garbage`, key: CVT, kind: 'callback' })],
      [callbacks, () => signedRequest({ body, key: CVT, kind: 'callback' }), () => (mode = 'throw')],
      [callbacks, () => signedRequest({ body, key: CVT, kind: 'callback' }), () => (mode = 'leaky-reply')],
      [brokenStore, () => signedRequest({ body, key: CVT, kind: 'callback' })],
      [webhooks, () => signedRequest({ body: order, key: WVT, shop: 'broken' })],
      [webhooks, () => signedRequest({ body: order, key: ATTACKER, shop: 'acme' })],
      [webhooks, () => signedRequest({ body: order, key: DWS, shop: 'acme' })],
      [webhooks, () => signedRequest({ body: order, key: WVT, shop: 'acme' })],
      [webhooks, () => signedRequest({ body: badInstall, key: DWS })],
      [webhooks, () => signedRequest({ body: badInstall, key: WVT, shop: 'acme' })],
      [
        webhooks,
        () =>
          signedRequest({
            body: order,
            key: WVT,
            shop: 'acme',
            headers: { 'X-Fluid-Signature': null, 'X-Fluid-Timestamp': null, AUTH_TOKEN: ATTACKER },
          }),
      ],
      [webhooks, () => signedRequest({ body: `{"x":"${BODY_MARK}"`, key: WVT, shop: 'acme' })],
    ];
    for (const path of ['web', 'node'] as const) {
      for (const [handler, build, before] of cases) {
        mode = 'ok';
        before?.();
        const request = await build();
        let response: Response;
        if (path === 'web') {
          response = await handler(request);
        } else {
          const server = await listen(toNodeHandler(handler, { logger: adapterLogger }));
          servers.push(server);
          response = await fetch(`${server.url}/fluid`, {
            method: 'POST',
            headers: request.headers,
            body: await request.arrayBuffer(),
          });
        }
        said.push(`${response.status} ${[...response.headers].join(' ')} ${await response.text()}`);
      }
    }
    // The verifier's own errors, thrown to the caller.
    for (const keys of [WVT, [ATTACKER, DWS]]) {
      const request = await signedRequest({ body: order, key: CVT, shop: 'acme' });
      await assertFluidSignature({ rawBody: order, headers: request.headers, keys }).catch(
        (error: unknown) => {
          said.push(describeThrown(error));
        },
      );
    }
    // The installation normalizer's errors, which a handler may log.
    try {
      normalizeInstallation({ payload: JSON.parse(badInstall) } as WebhookEvent<'droplet_installed'>);
    } catch (error) {
      said.push(describeThrown(error));
    }

    said.push(JSON.stringify(logger.lines), JSON.stringify(adapterLogger.lines));
    const text = said.join('\n');
    // The cases really produced output to search, failures included.
    expect(logger.lines.length).toBeGreaterThan(20);
    expect(text).toContain('signature_mismatch');
    expect(text).toContain('store_unavailable');
    expect(text).toContain('handler_error');
    expect(text).toContain('invalid_reply');
    for (const secret of secrets) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
        expect(text.includes(form), `${secret.slice(0, 12)}… appears in what the SDK said`).toBe(false);
      }
    }
    // Nor any fragment of a body the attacker controls.
    expect(text).not.toContain('garbage');
  });
});
