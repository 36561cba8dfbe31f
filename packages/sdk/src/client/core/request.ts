import { FluidError } from '../../errors/fluid-error.js';
import { ConnectionError } from '../errors/connection-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UserAbortError } from '../errors/user-abort-error.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { RequestOptions, ResolvedConfig } from './config.js';
import { connectionError } from './connection-failure.js';
import { numberOption } from './options.js';
import { type PathParam, pathSegment } from './path.js';
import { findRequestId, parseSuccessBody, readBodyText } from './read-body.js';
import { responseError } from './response-error.js';
import { send } from './send.js';
import { sleep } from './sleep.js';

/** The HTTP methods the client uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API operation, as a resource describes it. */
export interface RequestSpec {
  readonly method: HttpMethod;
  /** The fixed part of the path, e.g. `/api/company/webhooks`. */
  readonly path: string;
  /** Path parameters, checked and encoded as segments after `path` when the call runs. */
  readonly params?: readonly PathParam[];
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** False only for the unauthenticated installation exchange. */
  readonly authenticated?: boolean;
  /** A definition name the call is about, checked against the client's registry when it has one. */
  readonly definitionName?: string | undefined;
  /** Why the arguments cannot be sent, found by the resource: the call rejects with a `TypeError` saying so. */
  readonly problem?: string | undefined;
}

/** A parsed 2xx response. */
export interface RawResponse {
  /** The endpoint called, e.g. `GET /api/company/webhooks/{id}`. */
  readonly endpoint: string;
  /** What was asked, e.g. `GET /api/company/webhooks/12` (redacted), for messages. */
  readonly operation: string;
  readonly data: unknown;
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
}

// The retry policy (README "Retries"): GET, PUT and DELETE are retried on 408, 429, 500, 502, 503, 504 and on
// connection failures; a POST only where it provably was not applied (429, a connection that never opened),
// unless the caller opts in with an idempotency key. See http.ts for why ky's own retry is off.
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * Runs one API call: sends it, retries what is safe to retry, honours `Retry-After` up to a cap, and stops
 * everything when the timeout (covering all attempts) or the caller's signal fires. Bad arguments (an unusable
 * id, an invalid per-call option) reject before anything is sent.
 */
export async function request(
  config: ResolvedConfig,
  spec: RequestSpec,
  options: RequestOptions = {},
): Promise<RawResponse> {
  const { redactor, logger } = config;
  const { method, definitionName } = spec;
  const { signal: callerSignal, idempotencyKey } = options;
  const endpoint = `${method} ${spec.path}${spec.params ? '/{id}' : ''}`;
  const path = spec.path + (spec.params ?? []).map((param) => `/${pathSegment(param, endpoint)}`).join('');
  const operation = redactor.text(`${method} ${path}`);
  const refused = (problem: string) => `${operation}: ${problem}; nothing was sent`;
  if (definitionName !== undefined && config.registry && !Object.hasOwn(config.registry, definitionName)) {
    throw new TypeError(
      refused(`definition_name ${JSON.stringify(definitionName)} is not in the client's registry`),
    );
  }
  if (spec.problem !== undefined) throw new TypeError(refused(spec.problem));
  const timeout = numberOption('timeout', options.timeout, config.timeout, operation);
  const maxRetries = numberOption('maxRetries', options.maxRetries, config.maxRetries, operation);
  if (callerSignal?.aborted) throw new UserAbortError(callerSignal.reason);
  const url = new URL(config.baseUrl + path);
  for (const [key, value] of Object.entries(spec.query ?? {})) {
    // `?page=NaN` would be answered with page 1, as if it were a real request for it.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(refused(`\`${key}\` must be a finite number (got ${value})`));
    }
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = config.authorization();
  if (spec.authenticated !== false && authorization !== undefined) headers.authorization = authorization;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  // Built once up front: a header fetch would refuse fails here, clearly and without retries, instead of as
  // a "connection error" on every attempt. The token was checked with the client, so only the key can be at
  // fault; the message of that failure quotes the header, so it is not kept.
  try {
    new Headers(headers);
  } catch {
    throw new TypeError(refused('`idempotencyKey` is not a valid header value'));
  }
  // Serialized up front for the same reason: a BigInt or a cycle is the caller's mistake, not a network error.
  let body: string | undefined;
  try {
    body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  } catch (error) {
    throw new TypeError(refused('the body cannot be sent as JSON'), { cause: redactor.error(error) });
  }
  const retrySafe = method !== 'POST' || idempotencyKey !== undefined;
  const deadline = Date.now() + timeout;
  // One signal for every attempt and wait: the deadline and the caller's signal both abort it.
  const controller = new AbortController();
  const { signal } = controller;
  const abort = () => controller.abort();
  // setTimeout fires at once for delays past 2^31-1 ms; clamp so `Infinity` means "no practical limit".
  const timer = setTimeout(abort, Math.min(timeout, 2 ** 31 - 1));
  callerSignal?.addEventListener('abort', abort);
  let attempts = 0;
  const aborted = (): FluidError =>
    callerSignal?.aborted ? new UserAbortError(callerSignal.reason) : new TimeoutError(timeout, attempts);

  try {
    for (;;) {
      attempts += 1;
      const attempt = await attemptOnce();
      let failure: FluidError;
      let retryable: boolean;
      let retryAfterMs: number | undefined;
      if (attempt instanceof ConnectionError) {
        failure = attempt;
        retryable = retrySafe || !attempt.mayHaveBeenApplied;
      } else {
        const { response, text } = attempt;
        const { status, headers } = response;
        if (response.ok) {
          const data = parseSuccessBody(response, text, redactor);
          return { endpoint, operation, data, status, headers, requestId: findRequestId(data, headers) };
        }
        retryAfterMs = parseRetryAfter(headers.get('retry-after'));
        failure = responseError(response, text, attempts, retryAfterMs, operation, redactor);
        retryable = RETRY_STATUSES.includes(status) && (retrySafe || status === 429);
        if (retryable && retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfter) {
          logger?.warn('fluid: Retry-After over maxRetryAfter, failing fast', { operation, retryAfterMs });
          throw failure;
        }
      }
      const delayMs = retryAfterMs ?? backoffDelay(attempts - 1, config.retryBackoff);
      // Waiting past the deadline would only turn a clear error into a timeout.
      if (!retryable || attempts > maxRetries || Date.now() + delayMs >= deadline) throw failure;
      logger?.debug?.('fluid: retrying', {
        operation,
        attempt: attempts,
        delayMs,
        reason: failure.name,
      });
      await sleep(delayMs, signal);
      if (signal.aborted) throw aborted();
    }
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', abort);
  }

  async function attemptOnce(): Promise<
    { readonly response: Response; readonly text: string } | ConnectionError
  > {
    let response: Response | undefined;
    try {
      response = await send(config.http, { method, url, headers, body, signal });
      return { response, text: await readBodyText(response, config.maxResponseBytes, operation, redactor) };
    } catch (error) {
      if (signal.aborted) throw aborted();
      // Our own errors (a body past the limit), and anything but fetch's TypeError before a response arrived,
      // are not connection failures.
      if (error instanceof FluidError || (response === undefined && !(error instanceof TypeError))) {
        throw redactor.error(error);
      }
      return connectionError(error, response !== undefined, operation, attempts, redactor.error(error));
    }
  }
}
