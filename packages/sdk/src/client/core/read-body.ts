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
  const tooLarge = async (): Promise<never> => {
    await response.body?.cancel().catch(() => {});
    const requestId = response.headers.get('x-request-id');
    throw new ResponseTooLargeError({
      operation,
      status: response.status,
      limit,
      requestId: requestId === null ? undefined : redactor.text(requestId),
    });
  };
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return tooLarge();
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function syntaxError(text: string): SyntaxError {
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return error;
  }
  return new SyntaxError('the body is not valid JSON');
}

/**
 * Parses a 2xx body as JSON: `undefined` for 204/205, `ResponseParseError` (status, content type, first
 * 200 characters) for anything else that is empty or not JSON. The body itself is returned exactly; only the
 * error's snippet and cause are redacted.
 */
export function parseSuccessBody(
  status: number,
  headers: Headers,
  text: string,
  requestId: string | undefined,
  redactor: Redactor,
): unknown {
  if (status === 204 || status === 205) return undefined;
  try {
    if (text.trim() === '') throw new SyntaxError('empty body');
    return JSON.parse(text);
  } catch (error) {
    const clean = redactor.text(text);
    throw new ResponseParseError({
      status,
      contentType: headers.get('content-type'),
      bodySnippet: clean.slice(0, 200),
      requestId,
      // The parser quotes the text it choked on: build the cause from the redacted text instead.
      cause: text.trim() === '' ? error : syntaxError(clean),
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
  if (isRecord(body) && isRecord(body.meta) && typeof body.meta.request_id === 'string') {
    return body.meta.request_id;
  }
  return headers.get('x-request-id') ?? undefined;
}
