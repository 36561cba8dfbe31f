import type { KyInstance } from 'ky';
import type { FluidLogger } from '../../logger.js';
import type { CallbackRegistry } from '../../registry/types.js';
import type { ResponseValidator } from '../validation/response-validator.js';
import type { BackoffOptions } from './backoff.js';
import type { Redactor } from './redact.js';

/**
 * Where the client reports retries and fail-fast decisions.
 * @deprecated Use `FluidLogger`, the SDK's one logger type; this alias goes away in the next major version.
 */
export type FluidClientLogger = FluidLogger;

/** The client's settings once defaults are applied and checked; shared by every resource. */
export interface ResolvedConfig {
  /** The API base URL without a trailing slash; paths are appended to it, so a path prefix is kept. */
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  /** In ms. */
  readonly maxRetryAfter: number;
  readonly retryBackoff: Required<BackoffOptions>;
  readonly logger: FluidLogger | undefined;
  readonly validateResponses: ResponseValidator | undefined;
  readonly maxPages: number;
  readonly maxResponseBytes: number;
  /** ky, set up by `createHttp`. */
  readonly http: KyInstance;
  /**
   * Returns the `Authorization` value (`undefined` without a token); a function so the token is never a
   * visible property.
   */
  readonly authorization: () => string | undefined;
  /** Removes the token from any text taken from a response or a failure. */
  readonly redactor: Redactor;
  /** The registry the client was given, if any: its keys are the definition names it accepts. */
  readonly registry: CallbackRegistry | undefined;
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
   * Sent as `Idempotency-Key`, identical on every attempt, and it opts a POST into the retries a PUT gets (5xx,
   * 408, resets). The endpoints this client wraps ignore the header today, so a retried POST can still be applied
   * twice (a second registration fails with `ConflictError`, a second webhook is created): set it only where a
   * duplicate is harmless or where something in front of Fluid deduplicates by this key.
   */
  readonly idempotencyKey?: string;
}

/** Options of a delete call. */
export interface DeleteOptions extends RequestOptions {
  /** Resolve instead of throwing `NotFoundError` when the resource is already gone, making delete idempotent. */
  readonly ignoreNotFound?: boolean;
}
