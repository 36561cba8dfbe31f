// The token must never reach an error, its cause or a log line, even when a server or a proxy echoes it back:
// in a body, in a header, or inside a JSON parse error that quotes the body. Servers echo it raw or JSON-escaped
// (`\/`, `\u002d`, any mix of the two), and proxies sometimes percent-encode it, so the pattern accepts each
// character of the token in any of those spellings.

const MARK = '[redacted]';

function hex(code: number, width: number): string {
  return [...code.toString(16).padStart(width, '0')]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

function spellings(char: string): string {
  const code = char.charCodeAt(0);
  const forms = [char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), `\\\\u${hex(code, 4)}`, `%${hex(code, 2)}`];
  if (char === '/' || char === '"' || char === '\\') forms.push(`\\\\\\${char}`);
  return `(?:${forms.join('|')})`;
}

/** Removes one secret from whatever text the client keeps from a response or a failure. */
export interface Redactor {
  /** True when `text` holds the secret in any spelling. */
  finds(text: string): boolean;
  text(text: string): string;
  headers(headers: Headers): Headers;
  /** The error itself when it holds no trace of the secret; otherwise a copy with every text redacted. */
  error(error: unknown): unknown;
}

/**
 * Builds a redactor for `secret` (the token); with an empty secret it changes nothing.
 *
 * @example
 * createRedactor('C-abc').text('bad token C\\u002dabc'); // 'bad token [redacted]'
 */
export function createRedactor(secret: string): Redactor {
  if (secret === '') {
    return {
      finds: () => false,
      text: (text) => text,
      headers: (headers) => headers,
      error: (error) => error,
    };
  }
  const pattern = new RegExp([...secret].map(spellings).join(''), 'g');
  const finds = (text: string): boolean => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
  const text = (value: string): string => value.replace(pattern, MARK);

  const leaks = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return finds(value);
    if (!(value instanceof Error) || depth > 5) return false;
    const code: unknown = Reflect.get(value, 'code');
    return (
      finds(`${value.message}\n${value.stack ?? ''}\n${String(code ?? '')}`) ||
      leaks(value.cause, depth + 1) ||
      (value instanceof AggregateError && value.errors.some((inner) => leaks(inner, depth + 1)))
    );
  };
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (!(value instanceof Error) || depth > 5) return value;
    const clean = new Error(text(value.message), { cause: copy(value.cause, depth + 1) });
    clean.name = value.name;
    clean.stack = text(value.stack ?? '');
    const code: unknown = Reflect.get(value, 'code');
    if (code !== undefined) Object.defineProperty(clean, 'code', { value: code, enumerable: true });
    return clean;
  };

  return {
    finds,
    text,
    headers: (headers) => {
      const clean = new Headers();
      headers.forEach((value, name) => {
        clean.append(name, text(value));
      });
      return clean;
    },
    error: (error) => (leaks(error, 0) ? copy(error, 0) : error),
  };
}
