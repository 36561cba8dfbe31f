// Every option is checked when the client is built, so a typo fails at startup with a message that names the
// option, rather than as odd behaviour later (`maxRetries: NaN` used to mean "retry until the deadline").

/** What a numeric option accepts: its least value, and whether it must be an integer or may be `Infinity`. */
interface NumberRule {
  readonly min: number;
  readonly integer?: true;
  readonly infinite?: true;
}

const RULES = {
  timeout: { min: 1, infinite: true },
  maxRetries: { min: 0, integer: true },
  maxRetryAfter: { min: 0, infinite: true },
  maxPages: { min: 1, integer: true, infinite: true },
  maxResponseBytes: { min: 1, integer: true, infinite: true },
  'retryBackoff.initialDelayMs': { min: 0 },
  'retryBackoff.maxDelayMs': { min: 0, infinite: true },
} satisfies Record<string, NumberRule>;

/** The name of a numeric option. */
export type NumericOption = keyof typeof RULES;

/**
 * Returns `value` (or `fallback` when it is `undefined`) once it fits the option's rule; otherwise throws a
 * `RangeError` (a `TypeError` for a non-number) that names the option and the value, after `where`.
 */
export function numberOption(
  name: NumericOption,
  value: unknown,
  fallback: number,
  where = 'FluidClient',
): number {
  if (value === undefined) return fallback;
  const { min, integer, infinite }: NumberRule = RULES[name];
  const isNumber = typeof value === 'number';
  if (
    isNumber &&
    value >= min &&
    (value === Number.POSITIVE_INFINITY ? infinite : !integer || Number.isSafeInteger(value))
  ) {
    return value;
  }
  throw new (isNumber ? RangeError : TypeError)(
    `${where}: \`${name}\` must be ${integer ? 'an integer' : 'a number'} >= ${min}${infinite ? ' (or Infinity)' : ''} (got ${isNumber ? value : typeof value})`,
  );
}

/**
 * Checks the token: a string of visible ASCII characters. A CR, LF or other control character would otherwise
 * fail inside `fetch` with a message that quotes the header, token included, and look like a network error.
 * The message names the option, never the value.
 */
export function checkToken(token: unknown): string | undefined {
  if (token !== undefined && (typeof token !== 'string' || !/^[\x21-\x7e]*$/.test(token))) {
    throw new TypeError('FluidClient: `token` must be visible ASCII (a trailing newline?)');
  }
  return token;
}

/**
 * Checks `baseUrl` and returns it without a trailing slash, path prefix kept: `https://proxy.example/fluid`
 * becomes the base of `https://proxy.example/fluid/api/...`. The message never repeats the value, which may
 * hold credentials.
 */
export function checkBaseUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  if (
    typeof value !== 'string' ||
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new TypeError(
      'FluidClient: `baseUrl` must be an http(s) URL without credentials, query or fragment',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
