import { isRecord } from '../../is-record.js';

/** The parts of any of Fluid's error body shapes that a caller or a log line needs. */
export interface ErrorBodySummary {
  readonly message: string | undefined;
  readonly requestId: string | undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (isRecord(value)) {
    if (typeof value.message === 'string') return text(value.message);
    const parts = Object.entries(value).flatMap(([field, errors]) => {
      const detail = text(errors);
      return detail === undefined ? [] : [`${field} ${detail}`];
    });
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}

/**
 * Reads a message and request id from any of Fluid's error bodies: `{ message }`, `{ error }` (a string or
 * `{ message, details }`), `{ error_message, errors, meta }` and mixes of them.
 *
 * @example
 * summarizeErrorBody({ error_message: 'Invalid', errors: { url: ['is not https'] }, meta: { request_id: 'r1' } });
 * // { message: 'Invalid: url is not https', requestId: 'r1' }
 */
export function summarizeErrorBody(body: unknown): ErrorBodySummary {
  if (!isRecord(body)) return { message: text(body), requestId: undefined };
  const meta = isRecord(body.meta) ? body.meta : undefined;
  const requestId = typeof meta?.request_id === 'string' ? meta.request_id : undefined;
  const headline = text(body.error_message) ?? text(body.message) ?? text(body.error);
  const details = text(body.errors);
  const message =
    headline !== undefined && details !== undefined && headline !== details
      ? `${headline}: ${details}`
      : (headline ?? details);
  return { message, requestId };
}
