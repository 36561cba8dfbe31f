/** What the client knows about a request that got no complete response. */
export interface ConnectionFailure {
  readonly code: string | undefined;
  /** True unless Fluid provably never received the request. */
  readonly mayHaveBeenApplied: boolean;
  readonly detail: string;
}

// Failures that happen before a single byte reaches the server: nothing can have been applied.
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    // AggregateError (happy eyeballs) keeps the per-address failures in `errors`.
    if (current instanceof AggregateError) {
      const inner: unknown = current.errors[0];
      if (inner instanceof Error && 'code' in inner && typeof inner.code === 'string') return inner.code;
    }
    current = current.cause;
  }
  return undefined;
}

/**
 * Classifies a `fetch` failure (undici's `TypeError: fetch failed` and its `cause` chain).
 *
 * @example
 * describeConnectionFailure(error).mayHaveBeenApplied; // false for ECONNREFUSED
 */
export function describeConnectionFailure(error: unknown, phase: 'request' | 'body'): ConnectionFailure {
  const code = errorCode(error);
  const mayHaveBeenApplied = phase === 'body' || code === undefined || !NEVER_SENT.has(code);
  const where = phase === 'body' ? 'while reading the response body' : 'before a response arrived';
  return {
    code,
    mayHaveBeenApplied,
    detail: `connection failed ${where}${code === undefined ? '' : ` (${code})`}`,
  };
}
