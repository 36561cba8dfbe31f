import { isRecord } from '../../is-record.js';
import { ResponseParseError } from '../errors/response-parse-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import type { Redactor } from './redact.js';

/**
 * Reads a body as text, counting bytes as they arrive: past `limit` it stops reading, cancels the body and throws
 * `ResponseTooLargeError`; a `Content-Length` above the limit fails before a byte is read.
 */
export async function readBodyText(
  response: Response,
  limit: number,
  operation: string,
  redactor: Redactor,
): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let size = Number(response.headers.get('content-length')) > limit ? Number.POSITIVE_INFINITY : 0;
  let text = '';
  for (;;) {
    if (size > limit) {
      await reader?.cancel().catch(() => {});
      throw new ResponseTooLargeError({
        operation,
        status: response.status,
        limit,
        requestId: findRequestId(undefined, redactor.headers(response.headers)),
      });
    }
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) return text + decoder.decode();
    size += chunk.value.byteLength;
    text += decoder.decode(chunk.value, { stream: true });
  }
}

/**
 * Parses a 2xx body as JSON: `undefined` for 204/205, `ResponseParseError` (status, content type, first
 * 200 characters) for anything else that is empty or not JSON. The body itself is returned exactly; only the
 * error's snippet and cause are redacted.
 */
export function parseSuccessBody(response: Response, text: string, redactor: Redactor): unknown {
  const { status, headers } = response;
  if (status === 204 || status === 205) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const clean = redactor.text(text);
    // The parser quotes (part of) the text it choked on: the cause comes from parsing the redacted text.
    let cause: unknown = new SyntaxError('the body is not JSON');
    try {
      JSON.parse(clean);
    } catch (error) {
      cause = error;
    }
    throw new ResponseParseError({
      status,
      contentType: headers.get('content-type'),
      bodySnippet: clean.slice(0, 200),
      requestId: findRequestId(undefined, redactor.headers(headers)),
      cause,
    });
  }
}

/**
 * Parses an error body when it is JSON; otherwise keeps its first 200 characters as text (an HTML error page).
 * Pass it redacted text: error bodies end up in messages, logs and `error.body`.
 */
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
  const meta = isRecord(body) ? body.meta : undefined;
  return isRecord(meta) && typeof meta.request_id === 'string'
    ? meta.request_id
    : (headers.get('x-request-id') ?? undefined);
}
