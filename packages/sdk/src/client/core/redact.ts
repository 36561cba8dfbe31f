// The token must never reach an error, its cause or a log line, even when a server or a proxy echoes it back:
// in a body, in a header, or inside a JSON parse error that quotes the body. Servers echo it raw or
// JSON-escaped (`\/`, `\u002d`, any mix of the two), and proxies sometimes percent-encode it, so the pattern
// accepts each character of the token in any of those spellings. It ignores case, for the hex digits of the
// escapes; that it also redacts the token spelt in another case does no harm.

const MARK = '[redacted]';

/** A pattern for one character of the token: raw, `\uXXXX`, `%XX`, or backslash-escaped (`\/`, `\"`, `\\`). */
function spellings(char: string): string {
  const hex = char.charCodeAt(0).toString(16);
  const escaped = '/"\\'.includes(char) ? `|\\\\\\${char}` : '';
  return `(?:${char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}|\\\\u${hex.padStart(4, '0')}|%${hex}${escaped})`;
}

/** Removes one secret from whatever text the client keeps from a response or a failure. */
export interface Redactor {
  text(text: string): string;
  headers(headers: Headers): Headers;
  /** The error itself when it holds no trace of the secret; otherwise a copy with every text redacted. */
  error(error: unknown): unknown;
}

/**
 * Builds a redactor for `secret` (the token, visible ASCII); with an empty secret it changes nothing.
 *
 * @example
 * createRedactor('C-abc').text('bad token C\\u002dabc'); // 'bad token [redacted]'
 */
export function createRedactor(secret: string): Redactor {
  const pattern = new RegExp([...secret].map(spellings).join(''), 'gi');
  const text = (value: string): string => (secret === '' ? value : value.replace(pattern, MARK));
  const leaks = (value: unknown, depth: number): boolean =>
    typeof value === 'string'
      ? text(value) !== value
      : value instanceof Error &&
        depth <= 5 &&
        (leaks(`${value.message}\n${value.stack}\n${Reflect.get(value, 'code')}`, depth) ||
          leaks(value.cause, depth + 1) ||
          (value instanceof AggregateError && value.errors.some((inner) => leaks(inner, depth + 1))));
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (!(value instanceof Error) || depth > 5) return value;
    const clean = new Error(text(value.message), { cause: copy(value.cause, depth + 1) });
    clean.name = value.name;
    clean.stack = text(value.stack ?? '');
    const code: unknown = Reflect.get(value, 'code');
    return code === undefined ? clean : Object.assign(clean, { code: copy(code, depth) });
  };

  return {
    text,
    headers: (headers) => new Headers([...headers].map(([name, value]) => [name, text(value)])),
    error: (error) => (leaks(error, 0) ? copy(error, 0) : error),
  };
}
