import type { KyInstance } from 'ky';
import type { BackoffOptions } from './backoff.js';

/** Where the client reports retries and failures; it never receives the token. */
export interface FluidClientLogger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** The client's settings once defaults are applied; shared by every resource. */
export interface ResolvedConfig {
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly backoff: BackoffOptions;
  readonly logger: FluidClientLogger | undefined;
  readonly validateResponses: boolean;
  readonly maxPages: number;
  readonly http: KyInstance;
  /**
   * Returns the `Authorization` value (`undefined` without a token); a function so the token is never a
   * visible property.
   */
  readonly authorization: () => string | undefined;
}

/** Per-call settings that override the client's. */
export interface RequestOptions {
  /** Stops the call (every attempt and wait) at once; it then rejects with `UserAbortError`. */
  readonly signal?: AbortSignal;
  /** Total time for the call in ms, all attempts included. */
  readonly timeout?: number;
  /** Retries after the first attempt. */
  readonly maxRetries?: number;
  /**
   * Sent as `Idempotency-Key`, identical on every attempt; it makes a POST safe to retry like a GET.
   * Only send one to endpoints that honour it.
   */
  readonly idempotencyKey?: string;
}

/** Options of a delete call. */
export interface DeleteOptions extends RequestOptions {
  /** Resolve instead of throwing `NotFoundError` when the resource is already gone, making delete idempotent. */
  readonly ignoreNotFound?: boolean;
}
