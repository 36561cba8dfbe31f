/** How long to wait between attempts when the server does not say. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. @default 500 */
  readonly initialDelayMs?: number;
  /** Longest delay between two attempts, in ms. @default 8000 */
  readonly maxDelayMs?: number;
}

/**
 * Capped exponential backoff with jitter: `initial * 2^retry`, capped, then reduced by up to a quarter at
 * random so that many clients do not retry in lockstep.
 *
 * @example
 * backoffDelay(0, { initialDelayMs: 500, maxDelayMs: 8000 }, Math.random); // between 375 and 500
 */
export function backoffDelay(
  retry: number,
  { initialDelayMs, maxDelayMs }: Required<BackoffOptions>,
  random: () => number = Math.random,
): number {
  return Math.round(Math.min(maxDelayMs, initialDelayMs * 2 ** retry) * (1 - 0.25 * random()));
}

/**
 * Reads `Retry-After` as seconds or as an HTTP date, in ms from `now`; `undefined` when absent or garbage.
 *
 * @example
 * parseRetryAfter('2'); // 2000
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only a real HTTP date counts: Date.parse alone would accept bare numbers and odd strings.
  if (!/[a-z]{3},? /i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
