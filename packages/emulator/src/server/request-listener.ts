import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Trigger } from '../delivery/trigger.js';
import { isEmulatorError } from '../errors/emulator-error.js';
import type { EmulatorState } from '../state/store.js';
import type { Caller } from '../state/types.js';
import type { EmulatorLogger } from '../util/logger.js';
import { ApiError, notFound, unauthorized } from './api-error.js';
import { controlHostPolicy } from './control-hosts.js';
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
  /** Whether the control API answers a `Host` name. @default this emulator's own address and loopback */
  readonly controlHost?: (hostname: string, own: URL) => boolean;
}

/** The page's policy: its own script and stylesheet, calls to its own origin, nothing else. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'";

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
  const controlHost = options.controlHost ?? controlHostPolicy([]);

  return (request, response) => {
    const meta: Meta = { request_id: randomUUID(), timestamp: now().toISOString() };
    const target = request.url ?? '/';
    const cut = target.indexOf('?');
    const path = cut === -1 ? target : target.slice(0, cut);
    response.once('finish', () => {
      options.logger.info('emulator: request', { method: request.method, path, status: response.statusCode });
      // The event stream itself is not an event, or every page load would announce itself to every page.
      if (path !== '/_emulator/events') {
        options.state.events.publish({
          type: 'request',
          method: request.method ?? 'GET',
          path,
          status: response.statusCode,
          request_id: meta.request_id,
          at: meta.timestamp,
        });
      }
    });
    handle(request)
      .then((result) => send(response, result, meta))
      .catch((error: unknown) => {
        if (error instanceof ApiError) {
          sendJson(response, error.status, error.toBody(meta), meta);
          return;
        }
        if (isEmulatorError(error)) {
          // A control request the emulator cannot carry out (unknown event, no registration, …): say why.
          request.resume();
          sendJson(
            response,
            422,
            { error_message: error.message, errors: { [error.name]: [error.message] }, meta },
            meta,
          );
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
    const url = parseTarget(request.url);
    if (url === undefined) {
      request.resume();
      throw new ApiError(400, 'Malformed request target', { errors: 'the request target is not a path' });
    }
    const match = find(request.method ?? 'GET', url.pathname);
    if (match === undefined) {
      request.resume();
      throw notFound(`Route ${request.method} ${url.pathname}`);
    }
    let caller: Caller = { kind: 'company' };
    if (match.route.access === 'control') {
      checkControlRequest(request, options.baseUrl(), controlHost);
    } else if (match.route.access !== 'public') {
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

/** The request target as a URL; `undefined` unless it is an origin-form path (`/…`) that parses. */
function parseTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined;
  try {
    // Concatenated rather than resolved against a base, so `//x` stays a path and is not read as a host.
    return new URL(`http://emulator.invalid${target}`);
  } catch {
    return undefined;
  }
}

/**
 * Control routes change state and send signed requests, so only the emulator's own origin may call them: the
 * `Host` (and `Origin`, when a browser sends one) must name this emulator (which defeats DNS rebinding), and a POST
 * must declare a JSON body (which forces a CORS preflight, never answered, on any cross-origin page).
 */
function checkControlRequest(
  request: IncomingMessage,
  baseUrl: string,
  controlHost: (hostname: string, own: URL) => boolean,
): void {
  const own = new URL(baseUrl);
  const sameHost = (host: string | undefined): boolean => {
    if (host === undefined) return false;
    let parsed: URL;
    try {
      parsed = new URL(`http://${host}`);
    } catch {
      return false;
    }
    return parsed.port === own.port && controlHost(parsed.hostname, own);
  };
  const origin = request.headers.origin;
  const originHost = origin === undefined ? undefined : origin.replace(/^https?:\/\//, '');
  if (!sameHost(request.headers.host) || (origin !== undefined && !sameHost(originHost))) {
    request.resume();
    throw new ApiError(403, 'The emulator control API only answers its own origin', {
      errors: { host: ['is not this emulator'] },
    });
  }
  const type = request.headers['content-type'] ?? '';
  if (request.method === 'POST' && !/^application\/json\b/i.test(type)) {
    request.resume();
    throw new ApiError(415, 'The emulator control API takes application/json bodies', {
      errors: { content_type: ['must be application/json'] },
    });
  }
}

function send(response: ServerResponse, result: RouteResult, meta: Meta): void {
  if ('stream' in result) {
    result.stream(response);
    return;
  }
  if ('html' in result || 'text' in result) {
    const isHtml = 'html' in result;
    response.writeHead(result.status, {
      'content-type': isHtml ? 'text/html; charset=utf-8' : result.contentType,
      'x-request-id': meta.request_id,
      'cache-control': 'no-store',
      'content-security-policy': PAGE_CSP,
    });
    response.end(isHtml ? result.html : result.text);
    return;
  }
  sendJson(response, result.status, { ...result.json, meta: { ...meta, ...metaExtras(result.json) } }, meta);
}

function metaExtras(json: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const extra = json.meta;
  return typeof extra === 'object' && extra !== null ? { ...extra } : {};
}

// No `Connection: close`, even after a 413: Node destroys a closing socket as soon as the reply is written, and a
// client still uploading then gets a reset instead of the reply. The body is drained instead (see read-body.ts).
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
