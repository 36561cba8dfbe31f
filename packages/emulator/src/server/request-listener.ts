import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Trigger } from '../delivery/trigger.js';
import type { EmulatorState } from '../state/store.js';
import type { Caller } from '../state/types.js';
import type { EmulatorLogger } from '../util/logger.js';
import { ApiError, notFound, unauthorized } from './api-error.js';
import type { Meta } from './envelopes.js';
import { readJsonBody } from './read-body.js';
import { createRouter, type Route, type RouteResult } from './router.js';

/** What the request listener needs besides the routes. */
export interface ListenerOptions {
  readonly state: EmulatorState;
  readonly trigger: Trigger;
  readonly logger: EmulatorLogger;
  readonly baseUrl: () => string;
  readonly now?: () => Date;
}

/**
 * Builds the `node:http` request listener: routing, bearer auth, body parsing, and the one place where results and
 * errors become responses with Fluid's envelopes (`meta.request_id`, `meta.timestamp`, also sent as `X-Request-Id`).
 */
export function createRequestListener(
  routes: readonly Route[],
  options: ListenerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const find = createRouter(routes);
  const now = options.now ?? (() => new Date());

  return (request, response) => {
    const meta: Meta = { request_id: randomUUID(), timestamp: now().toISOString() };
    const path = (request.url ?? '/').split('?')[0];
    response.once('finish', () => {
      options.logger.info('emulator: request', { method: request.method, path, status: response.statusCode });
    });
    handle(request)
      .then((result) => send(response, result, meta))
      .catch((error: unknown) => {
        if (error instanceof ApiError) {
          sendJson(response, error.status, error.toBody(meta), meta);
          return;
        }
        options.logger.error('emulator: request failed', {
          method: request.method,
          path,
          error: error instanceof Error ? error.message : String(error),
        });
        sendJson(response, 500, { error_message: 'Internal server error', errors: null, meta }, meta);
      });
  };

  async function handle(request: IncomingMessage): Promise<RouteResult> {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const match = find(request.method ?? 'GET', url.pathname);
    if (match === undefined) {
      request.resume();
      throw notFound(`Route ${request.method} ${url.pathname}`);
    }
    let caller: Caller = { kind: 'company' };
    if (match.route.access !== 'public') {
      const found = options.state.authenticate(bearerToken(request.headers.authorization) ?? '');
      if (found === undefined) {
        request.resume();
        throw unauthorized();
      }
      caller = found;
    }
    let body: unknown;
    if (request.method === 'GET') request.resume();
    else body = await readJsonBody(request);
    return match.route.handle({
      params: match.params,
      query: url.searchParams,
      body,
      caller,
      state: options.state,
      trigger: options.trigger,
      baseUrl: options.baseUrl(),
    });
  }
}

function send(response: ServerResponse, result: RouteResult, meta: Meta): void {
  if ('html' in result) {
    response.writeHead(result.status, {
      'content-type': 'text/html; charset=utf-8',
      'x-request-id': meta.request_id,
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    response.end(result.html);
    return;
  }
  sendJson(response, result.status, { ...result.json, meta: { ...meta, ...metaExtras(result.json) } }, meta);
}

function metaExtras(json: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const extra = json.meta;
  return typeof extra === 'object' && extra !== null ? { ...extra } : {};
}

function sendJson(response: ServerResponse, status: number, body: unknown, meta: Meta): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-request-id': meta.request_id,
  });
  response.end(text);
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
