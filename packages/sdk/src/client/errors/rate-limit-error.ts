import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError, type FluidApiErrorInit } from './fluid-api-error.js';

/**
 * HTTP 429: too many requests. `retryAfterMs` is the server's `Retry-After` in milliseconds when it sent
 * one; the client throws this at once when that wait is longer than `maxRetryAfter` allows.
 */
export class RateLimitError extends FluidApiError {
  declare readonly retryAfterMs: number | undefined;

  constructor(init: FluidApiErrorInit & { readonly retryAfterMs: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

defineErrorKind(RateLimitError, 'RateLimitError');
