import { ConnectionError } from '../errors/connection-error.js';

// Failures that happen before a single byte reaches the server (refused, no such host, no route, connect
// timeout): nothing can have been applied.
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/** The `code` of an error, when it is a string (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...). */
function ownCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The first system error code along the `cause` chain (undici's `TypeError: fetch failed` keeps it there). */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  // AggregateError (happy eyeballs) keeps the per-address failures in `errors`.
  return (
    ownCode(error) ??
    (error instanceof AggregateError ? ownCode(error.errors[0]) : undefined) ??
    errorCode(error.cause, depth + 1)
  );
}

/**
 * The `ConnectionError` for a `fetch` failure before a response arrived (`request`) or while its body was read
 * (`body`). `cause` is the failure, already redacted.
 *
 * @example
 * connectionError(error, 'request', 'GET /api/company/webhooks', 1, error).mayHaveBeenApplied; // false for ECONNREFUSED
 */
export function connectionError(
  error: unknown,
  phase: 'request' | 'body',
  operation: string,
  attempts: number,
  cause: unknown,
): ConnectionError {
  const code = errorCode(error);
  const where = phase === 'body' ? 'while reading the body' : 'before a response';
  return new ConnectionError({
    message: `${operation}: connection failed ${where}${code === undefined ? '' : ` (${code})`}`,
    mayHaveBeenApplied: phase === 'body' || code === undefined || !NEVER_SENT.test(code),
    code,
    attempts,
    cause,
  });
}
