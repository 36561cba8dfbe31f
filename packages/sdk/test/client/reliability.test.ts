// RELIABILITY.md cases 39-52 (B4, REST client), each against a real fault-injecting server on loopback.
import { inspect } from 'node:util';
import {
  AuthenticationError,
  ConnectionError,
  FluidApiError,
  FluidClient,
  type FluidClientOptions,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  UserAbortError,
  validateResponses,
} from '@fluid-droplet/sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failure, meta, pageBody, registration, webhook } from '../support/client-fixtures.js';
import { closedPort, type FaultServer, startFaultServer } from '../support/fault-server.js';

const TOKEN = 'C-super-secret-token-0123456789';
const REGISTRATIONS = '/api/callback/registrations';
const WEBHOOKS = '/api/company/webhooks';

let server: FaultServer;
let second: FaultServer | undefined;

beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(async () => {
  await server.close();
  await second?.close();
  second = undefined;
});

function client(options: Partial<FluidClientOptions> = {}): FluidClient {
  return new FluidClient({
    token: TOKEN,
    baseUrl: server.url,
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

function expectNoToken(value: unknown): void {
  expect(JSON.stringify(value) ?? '').not.toContain(TOKEN);
  expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  if (value instanceof Error) expect(`${value.message}${value.stack ?? ''}`).not.toContain(TOKEN);
}

const errorBody = (message: string, errors: unknown = null) => ({ error_message: message, errors, meta });

describe('B4.39 401 with a bad or expired token', () => {
  it('throws AuthenticationError without retrying, and the token appears nowhere', async () => {
    server.script(`GET ${WEBHOOKS}`, { status: 401, body: { message: `Invalid token ${TOKEN}` } });
    const fluid = client();
    const error = await failure(fluid.webhooks.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect((error as AuthenticationError).message).toContain('Invalid token [redacted]');
    expectNoToken(error);
    expectNoToken(fluid);
  });
});

describe('B4.39 redaction stays out of data', () => {
  it('a success body is returned exactly, while a malformed one has the token redacted from its snippet', async () => {
    server.script(
      `GET ${WEBHOOKS}/1`,
      { body: { webhook: { ...webhook(1), auth_token: TOKEN }, meta } },
      { body: `oops ${TOKEN}` },
    );
    const fluid = client();
    expect((await fluid.webhooks.get(1)).auth_token).toBe(TOKEN);
    const error = await failure(fluid.webhooks.get(1));
    expect((error as ResponseParseError).bodySnippet).toBe('oops [redacted]');
  });
});

describe('B4.40 403', () => {
  it('throws PermissionDeniedError with the scope message, no retry', async () => {
    server.script(`GET ${WEBHOOKS}`, {
      status: 403,
      body: { error: 'Token does not have the required scope: settings' },
    });
    const error = await failure(client().webhooks.list());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).message).toContain('required scope: settings');
    expect(server.requests).toHaveLength(1);
  });
});

describe('B4.41 404 on get or delete of a registration', () => {
  it.each(['get', 'delete'] as const)(
    '%s throws NotFoundError naming the uuid, with the request id',
    async (method) => {
      server.script(`${method.toUpperCase()} ${REGISTRATIONS}/cbr_missing`, {
        status: 404,
        body: errorBody('Not found'),
      });
      const error = await failure(client().callbackRegistrations[method]('cbr_missing'));
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toContain('cbr_missing');
      expect((error as NotFoundError).requestId).toBe('req_123');
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe('B4.41 ignoreNotFound', () => {
  it('makes delete idempotent: an already-deleted registration resolves to its uuid', async () => {
    server.script(`DELETE ${REGISTRATIONS}/cbr_gone`, { status: 404, body: errorBody('Not found') });
    await expect(
      client().callbackRegistrations.delete('cbr_gone', { ignoreNotFound: true }),
    ).resolves.toEqual({ uuid: 'cbr_gone' });
    await expect(client().webhooks.delete(9, { ignoreNotFound: true })).rejects.toBeInstanceOf(
      InternalServerError,
    );
  });
});

describe('B4.42 422 with a field-error body', () => {
  it('exposes the field errors verbatim, no retry', async () => {
    const errors = { url: ['must be https', 'is not reachable'], definition_name: ['is unknown'] };
    server.script(`POST ${REGISTRATIONS}`, { status: 422, body: errorBody('Validation failed', errors) });
    const error = await failure(
      client().callbackRegistrations.create({ definition_name: 'update_cart_shipping', url: 'http://x' }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).fieldErrors).toEqual(errors);
    expect((error as UnprocessableEntityError).message).toContain('url must be https; is not reachable');
    expect(server.requests).toHaveLength(1);
  });
});

describe('B4.43 429 and Retry-After', () => {
  // The wait runs on a fake clock (only setTimeout, clearTimeout and Date are faked; sockets stay real), so the
  // test proves the exact delay without sleeping through it.
  async function retryWaitOnFakeClock(
    retryAfter: (now: number) => string,
    expectedMs: number,
  ): Promise<void> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // On a whole second, since an HTTP date carries no milliseconds.
    vi.setSystemTime(Date.UTC(2026, 11, 2, 12, 0, 0));
    try {
      server.script(
        `GET ${WEBHOOKS}/1`,
        { status: 429, headers: { 'retry-after': retryAfter(Date.now()) } },
        { body: { webhook: webhook(1), meta } },
      );
      const notes: Array<Readonly<Record<string, unknown>> | undefined> = [];
      const logger = {
        debug: (_message: string, fields?: Readonly<Record<string, unknown>>) => notes.push(fields),
        warn: () => {},
        error: () => {},
      };
      const pending = client({ logger }).webhooks.get(1);
      let settled = false;
      pending.then(
        () => (settled = true),
        () => (settled = true),
      );
      // Real I/O turns until the client reports the retry it is about to wait for (or gives up early).
      while (notes.length === 0 && !settled) await new Promise((resolve) => setImmediate(resolve));
      expect(notes[0]).toMatchObject({ delayMs: expectedMs, reason: 'RateLimitError' });
      await vi.advanceTimersByTimeAsync(expectedMs - 1);
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(server.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(pending).resolves.toMatchObject({ id: 1 });
      expect(server.requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  }

  it('waits exactly Retry-After seconds, then retries once', async () => {
    await retryWaitOnFakeClock(() => '2', 2000);
  });

  it('honours an HTTP-date Retry-After', async () => {
    await retryWaitOnFakeClock((now) => new Date(now + 3000).toUTCString(), 3000);
  });

  it.each(['0', 'soon-ish', undefined])(
    'retries on Retry-After %s (garbage and missing fall back to backoff)',
    async (value) => {
      const headers = value === undefined ? {} : { 'retry-after': value };
      server.script(`GET ${WEBHOOKS}/1`, { status: 429, headers }, { body: { webhook: webhook(1), meta } });
      await expect(client().webhooks.get(1)).resolves.toMatchObject({ id: 1 });
      expect(server.requests).toHaveLength(2);
    },
  );

  it('fails fast with RateLimitError when Retry-After is beyond the cap', async () => {
    server.script(`GET ${WEBHOOKS}/1`, {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'slow down' },
    });
    const error = await failure(client().webhooks.get(1));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST on 429: it was provably not processed', async () => {
    server.script(
      `POST ${WEBHOOKS}`,
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 201, body: { webhook: webhook(5), meta } },
    );
    const created = await client().webhooks.create({
      resource: 'order',
      event: 'created',
      url: 'https://x.example',
    });
    expect(created.id).toBe(5);
    expect(server.requests.map((request) => request.body)).toEqual([
      JSON.stringify({ webhook: { resource: 'order', event: 'created', url: 'https://x.example' } }),
      JSON.stringify({ webhook: { resource: 'order', event: 'created', url: 'https://x.example' } }),
    ]);
  });
});

describe('B4.44 500/502/503/504 on GET', () => {
  it.each([500, 502, 503, 504])('%i twice, then 200: succeeds after 2 retries', async (status) => {
    server.script(
      `GET ${REGISTRATIONS}/cbr_1`,
      { status },
      { status },
      { body: { callback_registration: registration('cbr_1'), meta } },
    );
    await expect(client().callbackRegistrations.get('cbr_1')).resolves.toMatchObject({ uuid: 'cbr_1' });
    expect(server.requests).toHaveLength(3);
  });

  it('four failures: InternalServerError reporting the attempt count', async () => {
    server.script(`GET ${REGISTRATIONS}/cbr_1`, { status: 502, body: '<html>Bad gateway</html>' });
    const error = await failure(client().callbackRegistrations.get('cbr_1'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).attempts).toBe(3);
    expect((error as InternalServerError).message).toContain('after 3 attempts');
    expect((error as InternalServerError).body).toBe('<html>Bad gateway</html>');
    expect(server.requests).toHaveLength(3);
  });
});

describe('B4.45 500 on POST', () => {
  const body = { definition_name: 'update_cart_shipping', url: 'https://s.example/cb' } as const;

  it('is not retried without an idempotency key', async () => {
    server.script(`POST ${REGISTRATIONS}`, { status: 500, body: { error: 'boom' } });
    const error = await failure(client().callbackRegistrations.create(body));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('with a caller-supplied key, retries reuse the identical key', async () => {
    server.script(
      `POST ${REGISTRATIONS}`,
      { status: 500 },
      { status: 201, body: { callback_registration: registration('cbr_2'), meta } },
    );
    const created = await client().callbackRegistrations.create(body, { idempotencyKey: 'key-1' });
    expect(created.verification_token).toBe('cvt_secret');
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });
});

describe('B4.46 malformed JSON on 200', () => {
  it.each([
    ['truncated JSON', '{"webhook":', 'application/json'],
    ['an HTML error page', '<!doctype html><h1>Oops</h1>', 'text/html'],
    ['an empty body', '', 'application/json'],
  ])(
    '%s -> ResponseParseError with status, content type and the first bytes',
    async (_name, text, contentType) => {
      server.script(`GET ${WEBHOOKS}/1`, { body: text, headers: { 'content-type': contentType } });
      const error = await failure(client().webhooks.get(1));
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error).toMatchObject({ status: 200, contentType, bodySnippet: text.slice(0, 200) });
    },
  );

  it('keeps only the first 200 characters', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { body: `<html>${'x'.repeat(500)}` });
    const error = await failure(client().webhooks.get(1));
    expect((error as ResponseParseError).bodySnippet).toHaveLength(200);
  });

  it('an empty 204 is a success', async () => {
    server.script(`DELETE ${REGISTRATIONS}/cbr_1`, { status: 204 });
    await expect(client().callbackRegistrations.delete('cbr_1')).resolves.toEqual({ uuid: 'cbr_1' });
  });
});

describe('B4.47 response shape drift', () => {
  it('validateResponses reports the JSON pointer of a wrong type', async () => {
    const broken = { ...webhook(1), id: '1' };
    server.script(`GET ${WEBHOOKS}`, { body: pageBody('webhooks', [webhook(2), broken], 1, 1) });
    const error = await failure(client({ validateResponses }).webhooks.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).pointer).toBe('/webhooks/1/id');
  });

  it('validateResponses reports a missing field', async () => {
    const { url: _url, ...missing } = registration('cbr_1');
    server.script(`GET ${REGISTRATIONS}/cbr_1`, { body: { callback_registration: missing, meta } });
    const error = await failure(client({ validateResponses }).callbackRegistrations.get('cbr_1'));
    expect((error as ResponseValidationError).pointer).toBe('/callback_registration/url');
  });

  it('without a validator, fields beyond the unwrapped key are not checked', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { body: { webhook: { ...webhook(1), id: '1' }, meta } });
    await expect(client().webhooks.get(1)).resolves.toMatchObject({ id: '1' });
  });

  it('a validator of your own gets the endpoint and the body; its issues become the error', async () => {
    const seen: unknown[] = [];
    const own = (endpoint: string, body: unknown) => {
      seen.push([endpoint, body]);
      return [{ pointer: '/webhook/url', message: 'not ours' }];
    };
    server.script(`GET ${WEBHOOKS}/1`, {
      body: { webhook: webhook(1), meta },
      headers: { 'x-request-id': 'r9' },
    });
    const error = await failure(client({ validateResponses: own }).webhooks.get(1));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_123', pointer: '/webhook/url' });
    expect((error as Error).message).toBe(
      'GET /api/company/webhooks/1: unexpected response at /webhook/url: not ours',
    );
    expect(seen).toEqual([['GET /api/company/webhooks/{id}', { webhook: webhook(1), meta }]]);
  });

  it('validateResponses: true (the old form) is refused at construction, pointing to the validator', () => {
    expect(() => client({ validateResponses: true as never })).toThrow(
      /`validateResponses` must be a function.*@fluid-droplet\/sdk\/client\/validation/,
    );
    expect(() => client({ validateResponses: false })).not.toThrow();
  });

  it('even without validation, a missing list key is a clear error, not a TypeError', async () => {
    server.script('GET /api/callback/definitions', { body: { callback_definitions: [], meta } });
    const error = await failure(client().callbackDefinitions.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).pointer).toBe('/definitions');
  });

  it('a create response without a cvt_ token is always drift: the token cannot be read back later', async () => {
    server.script(`POST ${REGISTRATIONS}`, {
      status: 201,
      body: { callback_registration: { ...registration('cbr_3'), verification_token: null }, meta },
    });
    const error = await failure(
      client().callbackRegistrations.create({ definition_name: 'x', url: 'https://s.example' }),
    );
    expect((error as ResponseValidationError).pointer).toBe('/callback_registration/verification_token');
  });
});

describe('B4.48 slow or hanging server', () => {
  it('headers never sent: TimeoutError at the deadline', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { hang: true });
    const error = await failure(client({ timeout: 200 }).webhooks.get(1));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
  });

  it('a body trickling in byte by byte: TimeoutError at the deadline', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { body: { webhook: webhook(1), meta }, trickleMs: 50 });
    const error = await failure(client({ timeout: 300 }).webhooks.get(1));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('the timeout spans retries: no retry starts past the deadline', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { status: 503, delayMs: 120 });
    const error = await failure(client({ timeout: 300, maxRetries: 10 }).webhooks.get(1));
    expect(error instanceof TimeoutError || error instanceof InternalServerError).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe('B4.49 connection reset, refused, DNS failure', () => {
  it('refused: a GET is retried, then ConnectionError with the cause', async () => {
    const fluid = new FluidClient({
      token: TOKEN,
      baseUrl: await closedPort(),
      retryBackoff: { initialDelayMs: 1 },
    });
    const error = await failure(fluid.callbackDefinitions.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', mayHaveBeenApplied: false, attempts: 3 });
    expect((error as ConnectionError).cause).toBeInstanceOf(TypeError);
    expectNoToken(error);
  });

  it('refused: a POST is retried too, since nothing reached the server', async () => {
    const fluid = new FluidClient({
      token: TOKEN,
      baseUrl: await closedPort(),
      retryBackoff: { initialDelayMs: 1 },
    });
    const error = await failure(fluid.callbacks.test({ message: 'hi' }));
    expect(error).toMatchObject({ code: 'ECONNREFUSED', attempts: 3 });
  });

  it('DNS failure: ConnectionError, not applied', async () => {
    const fluid = new FluidClient({ token: TOKEN, baseUrl: 'http://no-such-host.invalid', maxRetries: 0 });
    const error = await failure(fluid.callbackDefinitions.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).mayHaveBeenApplied).toBe(false);
  });

  it('reset after the POST body was sent: not retried, flagged as maybe applied', async () => {
    server.script(`POST ${REGISTRATIONS}`, { reset: 'before-headers' });
    const error = await failure(
      client().callbackRegistrations.create({ definition_name: 'x', url: 'https://s.example' }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).mayHaveBeenApplied).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('reset on GET (before headers, and mid-body) is retried', async () => {
    const body = JSON.stringify({ webhook: webhook(1), meta });
    server.script(`GET ${WEBHOOKS}/1`, { reset: 'before-headers' }, { reset: 'mid-body', body }, { body });
    await expect(client().webhooks.get(1)).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('B4.50 caller abort', () => {
  it('aborts an in-flight request at once with UserAbortError', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { hang: true });
    const controller = new AbortController();
    const pending = failure(client().webhooks.get(1, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user left')), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(UserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts a retry wait: no further attempt', async () => {
    server.script(`GET ${WEBHOOKS}/1`, { status: 503, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const pending = failure(client().webhooks.get(1, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toBeInstanceOf(UserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const error = await failure(client().webhooks.get(1, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(UserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('B4.51 redirects', () => {
  it('a 301 to another origin does not carry Authorization', async () => {
    second = await startFaultServer();
    second.script('GET /api/callback/definitions', { body: { definitions: [], meta } });
    server.script('GET /api/callback/definitions', {
      status: 301,
      headers: { location: `${second.url}/api/callback/definitions` },
    });
    await expect(client().callbackDefinitions.list()).resolves.toMatchObject({ items: [] });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(second.requests).toHaveLength(1);
    expect(second.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('a same-origin redirect keeps Authorization', async () => {
    server.script('GET /api/callback/definitions', {
      status: 302,
      headers: { location: '/api/v2/definitions' },
    });
    server.script('GET /api/v2/definitions', { body: { definitions: [], meta } });
    await client().callbackDefinitions.list();
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a 303 after a POST becomes a GET without the body', async () => {
    server.script('POST /api/callback/test', { status: 303, headers: { location: '/api/callback/echo' } });
    server.script('GET /api/callback/echo', { body: { ok: true } });
    await expect(client().callbacks.test({ message: 'hi' })).resolves.toEqual({ ok: true });
    expect(server.requests.map(({ method, body }) => [method, body])).toEqual([
      ['POST', '{"message":"hi"}'],
      ['GET', ''],
    ]);
    expect(server.requests[1]?.headers['content-type']).toBeUndefined();
  });

  it('a redirect loop stops after 5 hops: the sixth redirect fails like any other unexpected status', async () => {
    server.route('GET /api/callback/definitions', () => ({
      status: 302,
      headers: { location: '/api/callback/definitions' },
    }));
    const error = await failure(client().callbackDefinitions.list());
    expect(error).toBeInstanceOf(FluidApiError);
    expect(error).toMatchObject({ status: 302 });
    expect((error as Error).message).toBe('GET /api/callback/definitions: HTTP 302');
    expect(server.requests).toHaveLength(6);
  });
});

describe('B4.52 pagination guard', () => {
  it('walks every page with for await', async () => {
    server.route(`GET ${WEBHOOKS}`, (_request, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      return { body: pageBody('webhooks', [webhook(page * 10), webhook(page * 10 + 1)], page, 3) };
    });
    const ids: number[] = [];
    for await (const item of client().webhooks.list({ per_page: 2 })) ids.push(item.id);
    expect(ids).toEqual([10, 11, 20, 21, 30, 31]);
    expect(server.requests.map((request) => request.path)).toEqual([
      `${WEBHOOKS}?per_page=2`,
      `${WEBHOOKS}?per_page=2&page=2`,
      `${WEBHOOKS}?per_page=2&page=3`,
    ]);
  });

  it('a server returning the same page forever stops with PaginationError', async () => {
    server.script(`GET ${REGISTRATIONS}`, {
      body: pageBody('callback_registrations', [registration('cbr_1')], 1, 50),
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const item of client().callbackRegistrations.list()) seen.push(item.uuid);
      })(),
    );
    expect(error).toMatchObject({ problem: 'repeated-page', pages: 2 });
    expect(seen).toEqual(['cbr_1']);
  });

  it('an overlapping page stops with PaginationError', async () => {
    server.route(`GET ${WEBHOOKS}`, (_request, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      return { body: pageBody('webhooks', [webhook(page), webhook(page + 1)], page, 9) };
    });
    const error = await failure(
      (async () => {
        for await (const _item of client().webhooks.list()) {
          // drain
        }
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ problem: 'overlapping-page', pages: 2 });
  });

  it('10k pages stop at maxPages', async () => {
    server.route(`GET ${WEBHOOKS}`, (_request, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      return { body: pageBody('webhooks', [webhook(page)], page, 10_000) };
    });
    let count = 0;
    const error = await failure(
      (async () => {
        for await (const _item of client({ maxPages: 20 }).webhooks.list()) count += 1;
      })(),
    );
    expect(error).toMatchObject({ problem: 'too-many-pages', pages: 20 });
    expect(count).toBe(20);
    expect(server.requests).toHaveLength(20);
  });
});
