import type { HeadersInput } from '../signature/header-input.js';
import { type BodyReadResult, readBodyWithLimit } from './read-body.js';
import { type Reply, toWebResponse } from './reply.js';

/** A request as the receive pipelines see it, whatever runtime it came from. */
export interface Incoming {
  readonly method: string;
  readonly headers: HeadersInput;
  /** The `Content-Type` header, or null. */
  readonly contentType: string | null;
  /** Reads the body, stopping as soon as it exceeds `maxBytes` or takes longer than `timeoutMs`. Call once. */
  readBody(maxBytes: number, timeoutMs?: number): Promise<BodyReadResult>;
  /** Aborts when the client goes away, where the runtime says so. */
  readonly signal: AbortSignal | undefined;
  /** The request as a Web `Request` (built on demand where the runtime did not provide one; body consumed). */
  request(): Request;
}

/** Wraps a Web `Request`. */
export function fromWebRequest(request: Request): Incoming {
  return {
    method: request.method,
    headers: request.headers,
    contentType: request.headers.get('content-type'),
    readBody: (maxBytes, timeoutMs) => readBodyWithLimit(request, maxBytes, timeoutMs),
    signal: request.signal,
    request: () => request,
  };
}

/** The pipeline behind a Web handler, which the Node adapter calls directly to skip `Request`/`Response`. */
export type IncomingHandler = (incoming: Incoming) => Promise<Reply>;

const incomingHandlers = new WeakMap<object, IncomingHandler>();

/** Builds the Web-standard handler for a pipeline and remembers the pipeline for the Node adapter. */
export function createFetchHandler(handle: IncomingHandler): (request: Request) => Promise<Response> {
  const fetchHandler = async (request: Request): Promise<Response> =>
    toWebResponse(await handle(fromWebRequest(request)));
  incomingHandlers.set(fetchHandler, handle);
  return fetchHandler;
}

/** The pipeline behind a handler made by this SDK, if it is one. */
export function incomingHandlerOf(handler: object): IncomingHandler | undefined {
  return incomingHandlers.get(handler);
}
