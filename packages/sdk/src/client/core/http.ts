import ky, { type KyInstance } from 'ky';

/**
 * The ky instance every call goes through, configured against ky's grain on purpose; this is the one place that
 * does it. ky 1.x's `retry` cannot express the client's policy, so `request.ts` retries and ky sends once:
 * - it retries only thrown errors of a retriable method, so it cannot retry a POST on 429 or on a refused
 *   connection while refusing it on a 5xx or a reset (the request may have been applied);
 * - a `Retry-After` above `maxRetryAfter` is clamped and waited for, where we fail fast with `RateLimitError`;
 * - it never sees a connection reset while the body is read (the body is read after ky returns), which for a GET
 *   is as retryable as a reset before the headers;
 * - its `timeout` is per attempt, where ours is one deadline across attempts and waits, and it would start a wait
 *   that ends after the deadline;
 * - its `beforeRetry` hook runs after the wait, too late to log the wait or to stop it.
 * `timeout: false` and `throwHttpErrors: false` keep ky from racing our deadline and from turning statuses into
 * its own errors; `redirect: 'manual'` lets `send.ts` drop `Authorization` on a cross-origin redirect.
 */
export function createHttp(fetchImplementation: typeof fetch | undefined): KyInstance {
  return ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    redirect: 'manual',
    ...(fetchImplementation && { fetch: fetchImplementation }),
  });
}
