import { ResponseParseError } from '../errors/response-parse-error.js';

/** Replaces every occurrence of the secret, so a server echoing the token cannot leak it into errors. */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]');
}

/**
 * Parses a 2xx body as JSON: `undefined` for 204/205, `ResponseParseError` (status, content type, first
 * 200 characters) for anything else that is empty or not JSON.
 */
export function parseSuccessBody(
  status: number,
  headers: Headers,
  text: string,
  requestId: string | undefined,
  secret: string,
): unknown {
  if (status === 204 || status === 205) return undefined;
  try {
    if (text.trim() === '') throw new SyntaxError('empty body');
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError({
      status,
      contentType: headers.get('content-type'),
      bodySnippet: redact(text, secret).slice(0, 200),
      requestId,
      cause,
    });
  }
}

/** Parses an error body when it is JSON; otherwise keeps its first 200 characters as text (an HTML error page). */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 200);
  }
}

/** `meta.request_id` of a body, or the `x-request-id` header. */
export function findRequestId(body: unknown, headers: Headers): string | undefined {
  if (typeof body === 'object' && body !== null && 'meta' in body) {
    const meta: unknown = body.meta;
    if (
      typeof meta === 'object' &&
      meta !== null &&
      'request_id' in meta &&
      typeof meta.request_id === 'string'
    ) {
      return meta.request_id;
    }
  }
  return headers.get('x-request-id') ?? undefined;
}
