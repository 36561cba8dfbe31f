import { isRecord } from '../../is-record.js';

/** The text of one part of an error body: a string, the strings of a list, or `field message` pairs. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  let parts: (string | undefined)[] = [];
  if (Array.isArray(value)) parts = value.map(text);
  else if (isRecord(value)) {
    if (typeof value.message === 'string') return text(value.message);
    parts = Object.entries(value).map(([field, errors]) => {
      const detail = text(errors);
      return detail && `${field} ${detail}`;
    });
  }
  return parts.filter(Boolean).join('; ') || undefined;
}

/**
 * Reads a message from any of Fluid's error bodies: `{ message }`, `{ error }` (a string or
 * `{ message, details }`), `{ error_message, errors, meta }` and mixes of them; text (an HTML page) as it is.
 *
 * @example
 * errorBodyMessage({ error_message: 'Invalid', errors: { url: ['is not https'] } });
 * // 'Invalid: url is not https'
 */
export function errorBodyMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return text(body);
  const headline = text(body.error_message) ?? text(body.message) ?? text(body.error);
  const details = text(body.errors);
  return headline && details && headline !== details ? `${headline}: ${details}` : (headline ?? details);
}
