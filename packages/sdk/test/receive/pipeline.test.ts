// Issue 8, item 11: one pipeline. Webhooks and callbacks share the opening checks and the table from outcome to
// status, so the same bad request is refused the same way by both, over both paths; the two handler contexts have
// distinct names; and the receive sources have no import loop.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenDigest } from '@fluid-droplet/sdk';
import {
  createCallbackHandler,
  createMemoryRegistrations,
  createWebhookHandler,
  type FetchHandler,
} from '@fluid-droplet/sdk/receive';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSenders, type ReceivePath, receivePaths, senderFor } from '../support/receive-paths.js';
import { recordingLogger, signedRequest } from '../support/receive-requests.js';

const CVT = 'cvt_pipeline_0001';
const WVT = 'wvt_pipeline_0002';
const contexts: string[] = [];

function handlers(): { webhook: FetchHandler; callback: FetchHandler } {
  return {
    webhook: createWebhookHandler({
      dropletSecret: 'dws_pipeline',
      resolveKeys: () => WVT,
      maxBodyBytes: 256,
      logger: recordingLogger(),
      on: { order_created: (_event, context) => void contexts.push(context.constructor.name) },
    }),
    callback: createCallbackHandler.for(
      'test_callback_system',
      (request, context) => {
        contexts.push(context.constructor.name);
        return { message: request.message };
      },
      {
        maxBodyBytes: 256,
        logger: recordingLogger(),
        registrations: createMemoryRegistrations([
          {
            uuid: 'cbr_p',
            installationUuid: 'dri_p',
            definitionName: 'test_callback_system',
            url: 'https://droplet.example/cb',
            tokenDigest: tokenDigest(CVT),
          },
        ]),
      },
    ),
  };
}

const ORDER = JSON.stringify({
  id: 1,
  identifier: 'e',
  name: 'order_created',
  timestamp: 't',
  payload: { order: { id: 1 } },
});
const MESSAGE = JSON.stringify({ callback_name: 'test_callback_system', message: 'hi' });

async function request(
  kind: 'webhook' | 'callback',
  headers: Record<string, string | null> = {},
  body?: string,
) {
  const signed = await signedRequest({
    body: body ?? (kind === 'webhook' ? ORDER : MESSAGE),
    key: kind === 'webhook' ? WVT : CVT,
    kind,
    shop: 'acme',
    headers,
  });
  return signed;
}

afterEach(closeSenders);

describe.each(receivePaths)('over the %s path', (path: ReceivePath) => {
  it.each([
    [
      'a GET',
      405,
      { allow: 'POST' },
      async (kind: 'webhook' | 'callback') => {
        const signed = await request(kind);
        return new Request(signed.url, { method: 'GET', headers: signed.headers });
      },
    ],
    [
      'a text/plain body',
      415,
      {},
      (kind: 'webhook' | 'callback') => request(kind, { 'Content-Type': 'text/plain' }),
    ],
    [
      'a body over the limit',
      413,
      { connection: 'close' },
      (kind: 'webhook' | 'callback') => request(kind, {}, JSON.stringify({ pad: 'x'.repeat(300) })),
    ],
    [
      'a malformed signature',
      401,
      {},
      (kind: 'webhook' | 'callback') => request(kind, { 'X-Fluid-Signature': 'abc' }),
    ],
    [
      'a 1970 timestamp',
      401,
      {},
      (kind: 'webhook' | 'callback') => request(kind, { 'X-Fluid-Timestamp': '0' }),
    ],
    [
      'a duplicated timestamp',
      401,
      {},
      (kind: 'webhook' | 'callback') =>
        request(kind, { 'X-Fluid-Timestamp': `${Math.floor(Date.now() / 1000)}, 1` }),
    ],
  ])('%s is refused the same way by webhooks and callbacks (%i)', async (_label, status, headers, build) => {
    const { webhook, callback } = handlers();
    const answers = [];
    for (const [kind, handler] of [
      ['webhook', webhook],
      ['callback', callback],
    ] as const) {
      const response = await (await senderFor(path, handler)).send(await build(kind));
      answers.push({
        status: response.status,
        body: await response.text(),
        ...Object.fromEntries(Object.keys(headers).map((name) => [name, response.headers.get(name)])),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status, ...headers });
  });

  it('the two handler contexts have distinct names', async () => {
    contexts.length = 0;
    const { webhook, callback } = handlers();
    expect((await (await senderFor(path, webhook)).send(await request('webhook'))).status).toBe(200);
    expect((await (await senderFor(path, callback)).send(await request('callback'))).status).toBe(200);
    expect(contexts).toEqual(['WebhookHandlerContext', 'CallbackHandlerContext']);
  });
});

describe('the receive sources', () => {
  it('have no import loop', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
    const files = (readdirSync(join(root, 'receive'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(root, 'receive', file));
    const edges = new Map<string, string[]>();
    for (const file of files) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)].map((match) =>
        resolve(dirname(file), `${match[1]}.ts`),
      );
      edges.set(file, imports);
    }
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        loops.push(
          [...trail.slice(trail.indexOf(file)), file].map((item) => item.slice(root.length)).join(' → '),
        );
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(loops).toEqual([]);
  });
});
