import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FluidLogger } from '../../logger.js';
import type { Incoming } from '../http/incoming.js';
import { incomingHandlerOf } from '../http/incoming.js';
import { LazyAbort } from '../http/lazy-abort.js';
import { consoleLogger } from '../http/logger.js';
import type { BodyReadResult } from '../http/read-body.js';
import type { Reply } from '../http/reply.js';
import type { HeaderLookup } from '../signature/header-input.js';
import { readNodeBody } from './read-node-body.js';

/** A Node request, possibly with a body already read by Express middleware (`express.raw` leaves a Buffer). */
export type NodeRequest = IncomingMessage & { body?: unknown };

/** A `node:http` / Express request handler. */
export type NodeHandler = (
  request: NodeRequest,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Options for {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Where adapter problems (a body already parsed by other middleware) are reported. @default the console */
  readonly logger?: FluidLogger;
}

/**
 * Adapts a Web-standard handler to `node:http` and Express. It reads the raw body itself (streamed, so the size
 * limit applies while reading). With Express, mount it before any JSON parser, or give the route
 * `express.raw({ type: 'application/json', limit: '1mb' })`: a body that `express.json()` already parsed can no
 * longer be verified and is refused with 500 and a log line saying so.
 *
 * @example
 * import { createServer } from 'node:http'
 * createServer(toNodeHandler(createWebhookHandler({ dropletSecret, resolveKeys, on }))).listen(3000)
 *
 * @example
 * app.post('/fluid/webhooks', express.raw({ type: 'application/json' }), toNodeHandler(webhooks))
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options: NodeHandlerOptions = {},
): NodeHandler {
  const logger = options.logger ?? consoleLogger;
  const pipeline = incomingHandlerOf(handler);
  if (pipeline !== undefined) {
    // A handler made by this SDK: feed its pipeline directly, skipping the Web Request/Response round trip.
    return (request, response) => {
      void serveDirect(pipeline, request, response, logger);
    };
  }
  return (request, response) => {
    void serve(handler, request, response, logger);
  };
}

async function serveDirect(
  pipeline: (incoming: Incoming) => Promise<Reply>,
  request: NodeRequest,
  response: ServerResponse,
  logger: FluidLogger,
): Promise<void> {
  const incoming = new NodeIncoming(request, response);
  try {
    const preread = request.body;
    if (
      preread !== undefined &&
      !(preread instanceof Uint8Array) &&
      typeof preread !== 'string' &&
      !isUnparsed(request)
    ) {
      logger.error(PARSED_BODY);
      writeError(response, 500);
      return;
    }
    const reply = await pipeline(incoming);
    // Copied key by key: an object spread of header names (not identifiers) makes a slow dictionary object that
    // costs node:http several microseconds to write out.
    const headers: Record<string, string> = {};
    for (const name in reply.headers) headers[name] = reply.headers[name] as string;
    headers['content-length'] = String(Buffer.byteLength(reply.body));
    // A refused upload may still be arriving: close the connection after the reply instead of reading on.
    if (!request.complete) headers.connection = 'close';
    response.writeHead(reply.status, headers);
    response.end(reply.body);
  } catch {
    logger.error('the node adapter failed to serve a request');
    if (!response.headersSent) writeError(response, 500);
    else response.destroy();
  }
}

/**
 * A Node request as the pipeline sees it. A class rather than an object literal: a literal with a getter is
 * built slowly on every request and made the whole Node path several times costlier than its real work.
 */
class NodeIncoming implements Incoming {
  readonly method: string;
  readonly headers: NodeHeaders;
  readonly contentType: string | null;
  readonly #request: NodeRequest;
  readonly #response: ServerResponse;
  // The signal, and the 'close' listener behind it, are made only for a handler that reads its signal.
  #disconnect: LazyAbort | undefined;
  #bytes: Uint8Array<ArrayBuffer> | undefined;

  constructor(request: NodeRequest, response: ServerResponse) {
    this.#request = request;
    this.#response = response;
    this.method = request.method ?? 'GET';
    this.headers = new NodeHeaders(request.headers);
    const contentType = request.headers['content-type'];
    this.contentType = typeof contentType === 'string' ? contentType : null;
  }

  /** Aborts when the client goes away before the reply is out. */
  get signal(): AbortSignal {
    if (this.#disconnect === undefined) {
      const disconnect = new LazyAbort();
      const response = this.#response;
      this.#disconnect = disconnect;
      if (response.writableFinished || response.destroyed) {
        if (!response.writableFinished)
          disconnect.abort(new DOMException('The client disconnected', 'AbortError'));
      } else {
        response.once('close', () => {
          if (!response.writableFinished)
            disconnect.abort(new DOMException('The client disconnected', 'AbortError'));
        });
      }
    }
    return this.#disconnect.signal;
  }

  async readBody(maxBytes: number, timeoutMs?: number): Promise<BodyReadResult> {
    const preread = this.#request.body;
    const result =
      preread instanceof Uint8Array || typeof preread === 'string'
        ? prereadBody(preread, maxBytes)
        : await readNodeBody(this.#request, maxBytes, timeoutMs);
    if (result.ok) this.#bytes = result.bytes;
    return result;
  }

  request(): Request {
    const request = this.#request;
    const bytes = this.#bytes;
    return new Request(urlOf(request), {
      method: this.method,
      headers: headersOf(request),
      ...(bytes === undefined || this.method === 'GET' || this.method === 'HEAD' ? {} : { body: bytes }),
    });
  }
}

/**
 * Node's request headers looked up by name. Node lowercases every name and joins a repeated `x-` header with a
 * comma, so one property read answers what a scan of every key would, case-insensitively, for a plain record.
 */
class NodeHeaders implements HeaderLookup {
  readonly #headers: IncomingHttpHeaders;

  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }

  get(name: string): string | null {
    const value = this.#headers[name];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }
}

const PARSED_BODY =
  'the request body was already parsed by other middleware, so its signature cannot be verified; use express.raw({ type: "application/json" }) on this route';

function isUnparsed(request: NodeRequest): boolean {
  // Express 5 leaves `req.body` undefined when no parser ran; an empty object with the stream unread means a
  // parser skipped this content type.
  return (
    typeof request.body === 'object' &&
    request.body !== null &&
    Object.keys(request.body).length === 0 &&
    !request.readableEnded
  );
}

function prereadBody(body: Uint8Array | string, maxBytes: number): BodyReadResult {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
  return bytes.byteLength > maxBytes ? { ok: false, reason: 'too_large' } : { ok: true, bytes };
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  request: NodeRequest,
  response: ServerResponse,
  logger: FluidLogger,
): Promise<void> {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  try {
    const body = bodyOf(request);
    if (body === 'parsed') {
      logger.error(PARSED_BODY);
      writeError(response, 500);
      return;
    }
    const webRequest = new Request(urlOf(request), {
      method: request.method ?? 'GET',
      headers: headersOf(request),
      signal: controller.signal,
      ...(body === null ? {} : { body, duplex: 'half' }),
    } as RequestInit);
    const webResponse = await handler(webRequest);
    const bytes = new Uint8Array(await webResponse.arrayBuffer());
    const headers: Record<string, string> = {};
    webResponse.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers['content-length'] = String(bytes.byteLength);
    // A refused upload may still be arriving: close the connection after the reply instead of reading on.
    if (!request.complete) headers.connection = 'close';
    response.writeHead(webResponse.status, headers);
    response.end(bytes);
  } catch {
    logger.error('the node adapter failed to serve a request');
    if (!response.headersSent) writeError(response, 500);
    else response.destroy();
  }
}

function bodyOf(request: NodeRequest): BodyInit | null | 'parsed' {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return null;
  const parsed = request.body;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  if (typeof parsed === 'string') return parsed;
  // Express 5 leaves `req.body` undefined when no parser ran; an empty object means a parser found nothing to do.
  if (parsed !== undefined && !(isEmptyObject(parsed) && !request.readableEnded)) return 'parsed';
  return streamOf(request);
}

/**
 * The request as a Web stream that pauses, rather than destroys, the socket when the reader stops early
 * (a body over the limit): destroying it would lose the 413 response before it is written.
 */
function streamOf(request: IncomingMessage): ReadableStream<Uint8Array> {
  let onData: ((chunk: Buffer) => void) | undefined;
  let onEnd: (() => void) | undefined;
  let onError: ((error: Error) => void) | undefined;
  const detach = () => {
    if (onData) request.off('data', onData);
    if (onEnd) request.off('end', onEnd);
    if (onError) request.off('error', onError);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onData = (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        };
        onEnd = () => {
          detach();
          controller.close();
        };
        onError = (error) => {
          detach();
          controller.error(error);
        };
        request.on('data', onData);
        request.once('end', onEnd);
        request.once('error', onError);
      },
      pull() {
        request.resume();
      },
      cancel() {
        detach();
        request.pause();
      },
    },
    { highWaterMark: 4 },
  );
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function headersOf(request: IncomingMessage): Headers {
  // Raw headers keep repeated headers apart, so a duplicated signature reaches the verifier as a duplicate.
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index];
    const value = raw[index + 1];
    if (name === undefined || value === undefined) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header name or value fetch refuses (rare obsolete syntax) is dropped rather than failing the request.
    }
  }
  return headers;
}

function urlOf(request: IncomingMessage): string {
  const host = request.headers.host ?? 'localhost';
  const path = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  return new URL(path.startsWith('/') ? path : `/${path}`, `http://${host}`).toString();
}

function writeError(response: ServerResponse, status: number): void {
  const body = JSON.stringify({ error: 'internal_error' });
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  });
  response.end(body);
}
