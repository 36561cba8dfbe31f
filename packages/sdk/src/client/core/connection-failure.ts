import { ConnectionError } from '../errors/connection-error.js';

// Failures that happen before a single byte reaches the server (refused, no such host, no route, connect
// timeout): nothing can have been applied.
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/** The first system error code along the `cause` chain (undici's `TypeError: fetch failed` keeps it there). */
function errorCode(error: unknown): string | undefined {
  for (let depth = 0; error instanceof Error && depth < 5; depth += 1) {
    const code: unknown = Reflect.get(error, 'code');
    if (typeof code === 'string') return code;
    // AggregateError (happy eyeballs) keeps the per-address failures in `errors`.
    error = error instanceof AggregateError ? error.errors[0] : error.cause;
  }
  return undefined;
}

/**
 * The `ConnectionError` for a `fetch` failure before a response arrived, or while its body was read
 * (`whileReadingBody`). `cause` is the failure, already redacted.
 *
 * @example
 * connectionError(refused, false, 'GET /api/company/webhooks', 1, refused).mayHaveBeenApplied; // false
 */
export function connectionError(
  error: unknown,
  whileReadingBody: boolean,
  operation: string,
  attempts: number,
  cause: unknown,
): ConnectionError {
  const code = errorCode(error);
  const where = whileReadingBody ? 'while reading the body' : 'before a response';
  return new ConnectionError({
    message: `${operation}: connection failed ${where}${code === undefined ? '' : ` (${code})`}`,
    mayHaveBeenApplied: whileReadingBody || code === undefined || !NEVER_SENT.test(code),
    code,
    attempts,
    cause,
  });
}
