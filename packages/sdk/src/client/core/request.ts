import { ConnectionError } from '../errors/connection-error.js';
import type { FluidError } from '../errors/fluid-error.js';
import { errorFromResponse } from '../errors/from-response.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UserAbortError } from '../errors/user-abort-error.js';
import { anySignal } from './any-signal.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { RequestOptions, ResolvedConfig } from './config.js';
import { describeConnectionFailure } from './connection-failure.js';
import { findRequestId, parseErrorBody, parseSuccessBody, redact } from './read-body.js';
import { sendFollowingRedirects } from './send.js';
import { sleep } from './sleep.js';

/** The HTTP methods the client uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API operation, as a resource describes it. */
export interface RequestSpec {
  readonly method: HttpMethod;
  /** Path with every parameter already encoded, e.g. `/api/company/webhooks/12`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** False only for the unauthenticated installation exchange. */
  readonly authenticated?: boolean;
}

/** A parsed 2xx response. */
export interface RawResponse {
  readonly data: unknown;
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

type Attempt =
  | { readonly kind: 'response'; readonly response: Response; readonly text: string }
  | { readonly kind: 'failure'; readonly error: ConnectionError };

function buildUrl(baseUrl: string, spec: RequestSpec): URL {
  const url = new URL(spec.path, baseUrl);
  for (const [key, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/**
 * Runs one API call: sends it, retries what is safe to retry (idempotent verbs on 408/429/5xx and
 * connection errors; a POST only on 429 or when the connection was refused), honours `Retry-After` up to
 * a cap, and stops everything when the timeout (covering all attempts) or the caller's signal fires.
 */
export async function request(
  config: ResolvedConfig,
  spec: RequestSpec,
  options: RequestOptions = {},
): Promise<RawResponse> {
  const operation = `${spec.method} ${spec.path}`;
  if (options.signal?.aborted) throw new UserAbortError(options.signal.reason);
  const timeoutMs = options.timeout ?? config.timeout;
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const deadline = Date.now() + timeoutMs;
  const timer = new AbortController();
  // setTimeout fires at once for delays past 2^31-1 ms; clamp so `Infinity` means "no practical limit".
  const handle = setTimeout(() => timer.abort(), Math.min(timeoutMs, 2 ** 31 - 1));
  const signal = options.signal === undefined ? timer.signal : anySignal([options.signal, timer.signal]);
  const url = buildUrl(config.baseUrl, spec);
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = config.authorization();
  if (spec.authenticated !== false && authorization !== undefined) headers.authorization = authorization;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  const retrySafe = IDEMPOTENT.has(spec.method) || options.idempotencyKey !== undefined;
  const secret = authorization?.slice('Bearer '.length) ?? '';
  let attempts = 0;

  const aborted = (): FluidError =>
    options.signal?.aborted
      ? new UserAbortError(options.signal.reason)
      : new TimeoutError(timeoutMs, attempts);

  try {
    for (;;) {
      attempts += 1;
      const attempt = await attemptOnce();
      let failure: FluidError;
      let retryable: boolean;
      let retryAfterMs: number | undefined;
      if (attempt.kind === 'response') {
        const { response, text } = attempt;
        if (response.ok) {
          const data = parseSuccessBody(
            response.status,
            response.headers,
            text,
            response.headers.get('x-request-id') ?? undefined,
            secret,
          );
          return {
            data,
            status: response.status,
            headers: response.headers,
            requestId: findRequestId(data, response.headers),
          };
        }
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        failure = errorFromResponse({
          status: response.status,
          // Error bodies end up in messages and logs: a server echoing the token must not leak it there.
          body: parseErrorBody(redact(text, secret)),
          headers: response.headers,
          attempts,
          retryAfterMs,
          operation,
        });
        retryable = RETRY_STATUSES.has(response.status) && (retrySafe || response.status === 429);
        if (retryable && retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) {
          config.logger?.warn('fluid: Retry-After beyond the cap, failing fast', { operation, retryAfterMs });
          throw failure;
        }
      } else {
        failure = attempt.error;
        retryable = retrySafe || !attempt.error.mayHaveBeenApplied;
      }
      if (!retryable || attempts > maxRetries) throw failure;
      const delay = retryAfterMs ?? backoffDelay(attempts - 1, config.backoff);
      // Waiting past the deadline would only turn a clear error into a timeout.
      if (Date.now() + delay >= deadline) throw failure;
      config.logger?.debug('fluid: retrying', {
        operation,
        attempt: attempts,
        delayMs: delay,
        reason: failure.name,
      });
      try {
        await sleep(delay, signal);
      } catch {
        throw aborted();
      }
    }
  } finally {
    clearTimeout(handle);
  }

  async function attemptOnce(): Promise<Attempt> {
    let response: Response;
    try {
      response = await sendFollowingRedirects(config.http, {
        method: spec.method,
        url,
        headers,
        body: spec.body,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw aborted();
      if (!(error instanceof TypeError)) throw error;
      return { kind: 'failure', error: connectionError(error, 'request') };
    }
    try {
      return { kind: 'response', response, text: await response.text() };
    } catch (error) {
      if (signal.aborted) throw aborted();
      return { kind: 'failure', error: connectionError(error, 'body') };
    }
  }

  function connectionError(error: unknown, phase: 'request' | 'body'): ConnectionError {
    const failure = describeConnectionFailure(error, phase);
    return new ConnectionError({
      message: `${operation}: ${failure.detail}`,
      mayHaveBeenApplied: failure.mayHaveBeenApplied,
      code: failure.code,
      attempts,
      cause: error,
    });
  }
}
