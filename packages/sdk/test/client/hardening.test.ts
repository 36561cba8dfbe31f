// Client hardening found by attack (issue 10): unusable ids, hostile tokens, servers that echo the token, huge
// bodies, proxies with a path prefix, nonsense options and page numbers that never advance. Every case runs
// against a real loopback server and checks what reached it.
import { inspect } from 'node:util';
import {
  AuthenticationError,
  ConnectionError,
  FluidClient,
  type FluidClientOptions,
  InternalServerError,
  NotFoundError,
  PaginationError,
  ResponseParseError,
  ResponseTooLargeError,
  UnprocessableEntityError,
} from '@fluid-droplet/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, meta, pageBody, webhook } from '../support/client-fixtures.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

// A slash and dashes, so that JSON-escaped (`\/`, `\u002d`) and percent-encoded echoes are exercised.
const TOKEN = 'C-super/secret-token-0123456789';
const WEBHOOKS = '/api/company/webhooks';
const REGISTRATIONS = '/api/callback/registrations';

let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
});

function client(options: Partial<FluidClientOptions> = {}): FluidClient {
  return new FluidClient({
    token: TOKEN,
    baseUrl: server.url,
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

/** Every way an error is shown: message, stack, cause chain, JSON and util.inspect with hidden fields. */
function expectNoToken(value: unknown): void {
  const views = [JSON.stringify(value) ?? '', inspect(value, { depth: 10, showHidden: true })];
  for (let current = value, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    views.push(current.message, current.stack ?? '', JSON.stringify(current) ?? '');
    current = current.cause;
  }
  for (const view of views) {
    expect(view).not.toContain(TOKEN);
    expect(view).not.toContain('secret-token');
  }
}

describe('ids that are not usable path segments', () => {
  const fluid = () => client();
  const calls: ReadonlyArray<readonly [string, () => PromiseLike<unknown>]> = [
    ['webhooks.delete("..")', () => fluid().webhooks.delete('..')],
    ['webhooks.delete(".", ignoreNotFound)', () => fluid().webhooks.delete('.', { ignoreNotFound: true })],
    ['webhooks.get("")', () => fluid().webhooks.get('')],
    ['webhooks.update("..")', () => fluid().webhooks.update('..', { active: false })],
    ['webhooks.get(NaN)', () => fluid().webhooks.get(Number.NaN)],
    ['webhooks.get(-1)', () => fluid().webhooks.get(-1)],
    ['webhooks.get(1.5)', () => fluid().webhooks.get(1.5)],
    ['callbackRegistrations.get("..")', () => fluid().callbackRegistrations.get('..')],
    ['callbackRegistrations.delete("")', () => fluid().callbackRegistrations.delete('')],
    ['callbackRegistrations.update(".")', () => fluid().callbackRegistrations.update('.', { active: true })],
    ['callbackSchemas.get("..")', () => fluid().callbackSchemas.get('..')],
    ['a lone surrogate', () => fluid().callbackRegistrations.get('cbr_\ud800')],
  ];

  it.each(calls)('%s rejects with a TypeError and sends nothing', async (_name, call) => {
    let pending: PromiseLike<unknown> | undefined;
    expect(() => {
      pending = call();
    }).not.toThrow();
    const error = await failure(pending ?? Promise.resolve());
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/nothing was sent/);
    expect(server.requests).toHaveLength(0);
  });

  it('says which id and why', async () => {
    const error = await failure(client().webhooks.delete('..'));
    expect((error as Error).message).toBe(
      'DELETE /api/company/webhooks/{id}: an id must be a non-negative integer or a well-formed string other than "", "." and ".." (got ".."); nothing was sent',
    );
  });

  it('ids that merely contain dots or slashes are encoded, not refused', async () => {
    server.script(`GET ${REGISTRATIONS}/..%2F..`, { status: 404, body: { message: 'nope' } });
    await expect(client().callbackRegistrations.get('../..')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests.map((request) => request.path)).toEqual([`${REGISTRATIONS}/..%2F..`]);
  });
});

describe('bodies that cannot be sent', () => {
  it('bulkDelete with an id that is not a non-negative integer rejects, sending nothing', async () => {
    const error = await failure(client().webhooks.bulkDelete([1, Number.NaN]));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('bulk_delete');
    expect(server.requests).toHaveLength(0);
  });

  it('a body JSON cannot encode (a BigInt) is a TypeError, not a retried ConnectionError', async () => {
    const error = await failure(client().callbacks.test({ amount: 10n } as unknown as { amount: number }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('cannot be sent as JSON');
    expect(server.requests).toHaveLength(0);
  });

  it('a JSON body goes out as application/json', async () => {
    server.script('POST /api/callback/test', { body: { ok: true } });
    await client().callbacks.test({ message: 'hi' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.body).toBe('{"message":"hi"}');
  });
});

describe('the token is checked when the client is built', () => {
  it.each([
    ['a trailing LF', `${TOKEN}\n`],
    ['CR LF and a header', `${TOKEN}\r\nX-Injected: 1`],
    ['a tab', `C-a\tb`],
    ['a NUL', 'C-a\u0000b'],
    ['a space', 'C-a b'],
    ['a non-ASCII character', 'C-é'],
  ])('%s -> TypeError naming the option, not the value', (_name, token) => {
    let thrown: unknown;
    try {
      new FluidClient({ token, baseUrl: server.url });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toContain('`token`');
    expect((thrown as Error).message).not.toContain(token.trim());
    expect((thrown as Error).message).not.toContain('C-a');
  });

  it('a token that is not a string is refused too', () => {
    expect(() => new FluidClient({ token: 42 as unknown as string })).toThrow(TypeError);
  });

  it('an unusable idempotency key rejects the call without sending it, not as a retried ConnectionError', async () => {
    const error = await failure(
      client().webhooks.create(
        { resource: 'order', event: 'created', url: 'https://x.example' },
        { idempotencyKey: 'key\r\nX-Injected: 1' },
      ),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('a server that echoes the token', () => {
  const escaped = TOKEN.replaceAll('/', '\\/').replaceAll('-', '\\u002d');
  const mixed = TOKEN.replace('/', '\\u002F').replace('super', '\\u0073uper');
  const percent = encodeURIComponent(TOKEN);

  it.each([
    ['raw', TOKEN],
    ['JSON-escaped', escaped],
    ['mixed escapes', mixed],
    ['percent-encoded', percent],
  ])('%s in a JSON error body: redacted from message, body, fieldErrors and inspect', async (_name, echo) => {
    server.script(`POST ${REGISTRATIONS}`, {
      status: 422,
      // Sent as text, so the escapes reach the client exactly as written.
      body: `{"error_message":"bad token ${echo}","errors":{"token":["${echo} is revoked"]},"meta":{"request_id":"r_${echo}"}}`,
    });
    const error = await failure(
      client().callbackRegistrations.create({
        definition_name: 'update_cart_shipping',
        url: 'https://s.example',
      }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).message).toContain('bad token [redacted]');
    expect((error as UnprocessableEntityError).fieldErrors).toEqual({ token: ['[redacted] is revoked'] });
    expect((error as UnprocessableEntityError).requestId).toBe('r_[redacted]');
    expectNoToken(error);
  });

  it('in response headers: the error carries redacted headers and request id', async () => {
    server.script(`GET ${WEBHOOKS}`, {
      status: 401,
      headers: {
        'www-authenticate': `Bearer error="invalid_token", token="${TOKEN}"`,
        'x-request-id': `req-${TOKEN}`,
      },
      body: 'denied',
    });
    const error = await failure(client().webhooks.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", token="[redacted]"',
    );
    expect((error as AuthenticationError).requestId).toBe('req-[redacted]');
    expectNoToken(error);
  });

  it('in a 2xx body that is not JSON: snippet and the parse error cause are redacted', async () => {
    server.script(`GET ${WEBHOOKS}/1`, {
      body: `{"webhook": ${TOKEN} oops`,
      headers: { 'x-request-id': TOKEN },
    });
    const error = await failure(client().webhooks.get(1));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).bodySnippet).toBe('{"webhook": [redacted] oops');
    expect((error as ResponseParseError).cause).toBeInstanceOf(SyntaxError);
    expect((error as ResponseParseError).requestId).toBe('[redacted]');
    expectNoToken(error);
  });

  it('in a fetch failure: the ConnectionError cause is a redacted copy', async () => {
    const leaky: typeof fetch = async (input) => {
      const request = input instanceof Request ? input : new Request(input);
      throw new TypeError(`fetch failed for ${request.headers.get('authorization') ?? ''}`, {
        cause: Object.assign(new Error(`socket closed, token=${TOKEN}`), { code: 'ECONNRESET' }),
      });
    };
    const error = await failure(client({ fetch: leaky, maxRetries: 0 }).webhooks.get(1));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNRESET', mayHaveBeenApplied: true });
    expect(((error as ConnectionError).cause as Error).message).toBe('fetch failed for Bearer [redacted]');
    expectNoToken(error);
  });

  it('in any other error a custom fetch throws', async () => {
    const leaky: typeof fetch = async () => {
      throw new RangeError(`quota exceeded for ${TOKEN}`);
    };
    const error = await failure(client({ fetch: leaky }).webhooks.get(1));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('RangeError');
    expectNoToken(error);
  });

  it('the logger never sees it', async () => {
    const lines: string[] = [];
    const note = (message: string, fields?: Readonly<Record<string, unknown>>) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    server.script(
      `GET ${WEBHOOKS}/1`,
      { status: 503, body: { message: `down for ${TOKEN}` } },
      { status: 429, headers: { 'retry-after': '3600' }, body: { message: TOKEN } },
    );
    await failure(client({ logger: { debug: note, warn: note, error: note } }).webhooks.get(1));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('secret-token');
  });
});

describe('maxResponseBytes', () => {
  const big = { webhooks: Array.from({ length: 200 }, (_, id) => webhook(id)), meta };

  it('a chunked body past the limit stops while reading with ResponseTooLargeError, not retried', async () => {
    server.script(`GET ${WEBHOOKS}`, { body: big });
    const error = await failure(client({ maxResponseBytes: 4096 }).webhooks.list());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limit: 4096 });
    expect((error as Error).message).toContain('GET /api/company/webhooks');
    expect(server.requests).toHaveLength(1);
  });

  it('a Content-Length past the limit fails before reading; error bodies count too', async () => {
    const text = JSON.stringify({ message: 'x'.repeat(10_000) });
    server.script(`GET ${WEBHOOKS}/1`, {
      status: 500,
      body: text,
      headers: { 'content-length': String(text.length) },
    });
    const error = await failure(client({ maxResponseBytes: 1000 }).webhooks.get(1));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('defaults to 10 MB', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { body: `"${'x'.repeat(10 * 1024 * 1024)}"` });
    const error = await failure(client().webhooks.get(1));
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: 10 * 1024 * 1024 });
  });

  it('a body at the limit is read', async () => {
    const text = JSON.stringify({ webhook: webhook(1), meta });
    server.script(`GET ${WEBHOOKS}/1`, { body: text });
    await expect(
      client({ maxResponseBytes: Buffer.byteLength(text) }).webhooks.get(1),
    ).resolves.toMatchObject({ id: 1 });
  });
});

describe('baseUrl', () => {
  it.each(['/fluid', '/fluid/'])('keeps a path prefix (%s)', async (prefix) => {
    server.script(`GET /fluid${WEBHOOKS}/1`, { body: { webhook: webhook(1), meta } });
    const fluid = client({ baseUrl: `${server.url}${prefix}` });
    await expect(fluid.webhooks.get(1)).resolves.toMatchObject({ id: 1 });
    expect(server.requests.map((request) => request.path)).toEqual([`/fluid${WEBHOOKS}/1`]);
    expect(fluid.baseUrl).toBe(`${server.url}/fluid`);
  });

  it.each([
    ['not a URL', 'api.fluid.app'],
    ['another protocol', 'ftp://api.fluid.app'],
    ['credentials', 'https://user:pass@api.fluid.app'],
    ['a query', 'https://api.fluid.app/?company=1'],
  ])('%s is refused at construction', (_name, baseUrl) => {
    expect(() => new FluidClient({ baseUrl })).toThrow(/`baseUrl`/);
  });
});

describe('numeric options', () => {
  it.each([
    ['maxRetries', { maxRetries: Number.NaN }],
    ['maxRetries', { maxRetries: -1 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['maxRetries', { maxRetries: Number.POSITIVE_INFINITY }],
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: Number.NaN }],
    ['maxRetryAfter', { maxRetryAfter: -5 }],
    ['maxPages', { maxPages: 0 }],
    ['maxResponseBytes', { maxResponseBytes: 0.5 }],
    ['retryBackoff.initialDelayMs', { retryBackoff: { initialDelayMs: Number.NaN } }],
    ['retryBackoff.maxDelayMs', { retryBackoff: { maxDelayMs: -1 } }],
  ] as const)('a bad %s is refused at construction, naming the option', (name, options) => {
    expect(() => new FluidClient({ baseUrl: server.url, ...options })).toThrow(
      expect.objectContaining({ name: 'RangeError', message: expect.stringContaining(`\`${name}\``) }),
    );
  });

  it('a logger without warn and error is refused at construction', () => {
    expect(() => new FluidClient({ logger: { debug: () => {} } as never })).toThrow(/`logger`/);
  });

  it('a query number that is not finite rejects the call before anything is sent', async () => {
    const error = await failure(client().webhooks.list({ page: Number.NaN }));
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toContain('`page`');
    expect(server.requests).toHaveLength(0);
  });

  it('a number given as a string is a TypeError', () => {
    expect(() => new FluidClient({ timeout: '100' as unknown as number })).toThrow(TypeError);
  });

  it('Infinity is accepted where it means "no limit"', () => {
    expect(
      () =>
        new FluidClient({
          timeout: Number.POSITIVE_INFINITY,
          maxRetryAfter: Number.POSITIVE_INFINITY,
          maxPages: Number.POSITIVE_INFINITY,
          maxResponseBytes: Number.POSITIVE_INFINITY,
        }),
    ).not.toThrow();
  });

  it('per-call maxRetries: NaN rejects the call before anything is sent', async () => {
    const error = await failure(client().webhooks.get(1, { maxRetries: Number.NaN }));
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toContain('`maxRetries`');
    expect(server.requests).toHaveLength(0);
  });

  it('maxRetries: 0 sends once', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { status: 503 });
    await expect(client({ maxRetries: 0 }).webhooks.get(1)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('a page number that does not advance', () => {
  it('stops like a repeated page, even when the items differ', async () => {
    let served = 0;
    server.route(`GET ${WEBHOOKS}`, () => {
      served += 1;
      // The server ignores ?page= and always says "page 1 of 5", with fresh items each time.
      return { body: pageBody('webhooks', [webhook(served)], 1, 5) };
    });
    const ids: number[] = [];
    const error = await failure(
      (async () => {
        for await (const item of client().webhooks.list()) ids.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ problem: 'page-not-advancing', pages: 2 });
    expect(ids).toEqual([1]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('a client typed by a registry also checks names at run time', () => {
  const registry = {
    my_callback: { name: 'my_callback', description: null, request: {}, response: {}, example: null },
  } as unknown as NonNullable<FluidClientOptions['registry']>;

  it('refuses a definition_name the registry does not have, sending nothing', async () => {
    const fluid = client({ registry });
    const error = await failure(
      fluid.callbackRegistrations.create({ definition_name: 'not_mine', url: 'https://s.example' }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('"not_mine" is not in the client\'s registry');
    await expect(fluid.callbackSchemas.get('not_mine')).rejects.toBeInstanceOf(TypeError);
    await expect(fluid.callbackRegistrations.list({ definition_name: 'not_mine' })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('sends a name it has', async () => {
    server.script(`GET /api/callback/schemas/my_callback`, { status: 404, body: { message: 'none yet' } });
    await expect(client({ registry }).callbackSchemas.get('my_callback')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(server.requests).toHaveLength(1);
  });
});
